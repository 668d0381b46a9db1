"""Value F1 of eventmap.find_dates on MEANTIME English (Minard et al. 2016, CC BY 4.0).

120 Wikinews articles (2003-2013) in CAT XML: tokens are joined back into text (no space
before closing punctuation), the CREATION_TIME TIMEX3 is the reference, and predictions
are scored exactly as in bench/tempeval_dates.py (calendar DATEs; predictions overlapping
only durations, sets, times or underspecified dates are left out). The creation-time
line itself is scored too: it is part of each article's text. MEANTIME annotates only the
first sentences of each article (title, date line and about four more), so the text is cut
after the last sentence holding any annotation (TIMEX3, entity or event); articles whose
creation time is not an ISO day are skipped.

usage: python bench/meantime_dates.py [--verbose]
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
DATA = ROOT.parent / "shared" / "bench" / "meantime_en" / "intra-doc_annotation"

from tempeval_dates import Doc, score

_NO_SPACE_BEFORE = re.compile(r"^(?:[,.;:!?)\]%']|'s|n't)$")


def load(path: Path) -> Doc:
    root = ET.parse(path).getroot()
    spans: dict[str, tuple[int, int]] = {}
    parts: list[str] = []
    length, last_sentence, prev = 0, None, ""
    for tok in root.iter("token"):
        word = tok.text or ""
        sentence = tok.get("sentence")
        if parts:
            sep = (
                "\n"
                if sentence != last_sentence and prev in (".", "!", "?", "")
                else ("" if _NO_SPACE_BEFORE.match(word) or prev in ("(", "$", "[") else " ")
            )
            if sentence != last_sentence and sep == " ":
                sep = "\n" if int(sentence or 0) <= 2 else " "
            parts.append(sep)
            length += len(sep)
        spans[tok.get("t_id")] = (length, length + len(word))
        parts.append(word)
        length += len(word)
        last_sentence, prev = sentence, word
    sentence_of = {tok.get("t_id"): tok.get("sentence") for tok in root.iter("token")}
    annotated = [int(sentence_of[a.get("t_id")]) for a in root.find("Markables").iter("token_anchor")]
    last = max(annotated, default=0)
    cut = max((spans[t][1] for t, snt in sentence_of.items() if int(snt) <= last), default=0)
    text = "".join(parts)[:cut]
    timexes, dct = [], None
    for tx in root.iter("TIMEX3"):
        ids = [a.get("t_id") for a in tx.iter("token_anchor")]
        if not ids:
            continue
        if tx.get("functionInDocument") == "CREATION_TIME":
            dct = tx.get("value", "")[:10]
        start, end = spans[ids[0]][0], spans[ids[-1]][1]
        timexes.append((start, end, tx.get("type", ""), tx.get("value", "")))
    return path.stem, text, dct or "", timexes


def main(argv: list[str]) -> int:
    if not DATA.is_dir():
        print(f"no MEANTIME data at {DATA}")
        return 1
    docs = [
        d for d in (load(p) for p in sorted(DATA.glob("*/*.xml"))) if re.fullmatch(r"\d{4}-\d\d-\d\d", d[2])
    ]
    s = score(docs=docs, verbose="--verbose" in argv)
    print(
        f"MEANTIME English, eventmap.find_dates: {s['files']} articles, {s['gold']} gold calendar "
        f"DATEs, {s['predicted']} counted predictions"
    )
    print(
        f"value precision {s['precision']:.1f}  recall {s['recall']:.1f}  F1 {s['f1']:.1f}  "
        f"({s['seconds']:.2f} s)"
    )
    from results import record

    record(
        "meantime",
        {
            "articles": s["files"],
            "gold calendar DATEs": s["gold"],
            "value precision (%)": round(s["precision"], 1),
            "value recall (%)": round(s["recall"], 1),
            "value F1 (%)": round(s["f1"], 1),
        },
        command="python bench/meantime_dates.py",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
