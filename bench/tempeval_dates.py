"""Value F1 of eventmap.find_dates on the TempEval-3 platinum test set (UzZaman et al. 2013).

Each article's <TEXT> is stripped of its tags; its creation time (<DCT>) is the reference.
Gold = TIMEX3 of type DATE with a calendar value (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www).
A prediction is right when it overlaps such a gold DATE and has its value (a range "a/b"
is right for a gold whose value is one of its ends); a prediction that overlaps only other
TIMEX3s (durations, sets, clock times, PRESENT_REF, seasons ...) is left out of the count;
one that overlaps no TIMEX3 at all is wrong.

usage: python bench/tempeval_dates.py [--verbose] [--naive]
  --naive  scores plain dateparser.search_dates instead (for comparison)
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
DATA = ROOT.parent / "shared" / "bench" / "tempeval3"

from value_score import CALENDAR, naive_dates, value_score

TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
ATTR = re.compile(r'(\w+)="([^"]*)"')


def load(path: Path) -> tuple[str, str, list[tuple[int, int, str, str]]]:
    """(plain text, DCT value, [(start, end, type, value)]) of one .tml file."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r'<DCT>.*?value="([^"]+)"', raw, re.S).group(1)[:10]
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S).group(1)
    out, timexes, pos, open_timex = [], [], 0, None
    length = 0
    for m in TAG.finditer(body):
        chunk = _unescape(body[pos : m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name, attrs = m.groups()
        if name != "TIMEX3":
            continue
        if not closing:
            a = dict(ATTR.findall(attrs))
            open_timex = (length, a.get("type", ""), a.get("value", ""))
        elif open_timex:
            timexes.append((open_timex[0], length, open_timex[1], open_timex[2]))
            open_timex = None
    out.append(_unescape(body[pos:]))
    return "".join(out), dct, timexes


def _unescape(s: str) -> str:
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")


def is_calendar(timex: tuple[int, int, str, str]) -> bool:
    return timex[2] == "DATE" and bool(CALENDAR.match(timex[3]))


def predict(text: str, dct: str, naive: bool) -> list[tuple[int, int, str]]:
    if not naive:
        from eventmap.text.dates import find_dates

        return [(d.start, d.end, d.value) for d in find_dates(text, dct, lang="en")]
    return naive_dates(text, dct, "en")


Doc = tuple[str, str, str, list[tuple[int, int, str, str]]]  # name, text, DCT, timexes


def tempeval_docs() -> list[Doc]:
    docs = []
    for path in sorted(DATA.glob("*.tml")):
        text, dct, timexes = load(path)
        docs.append((path.stem, text, dct, timexes))
    return docs


def score(naive: bool = False, verbose: bool = False, docs: list[Doc] | None = None) -> dict[str, float]:
    """Value precision/recall/F1 (percent) of find_dates (or the naive baseline) on docs."""
    docs = tempeval_docs() if docs is None else docs
    t0 = time.perf_counter()
    scored = [
        (name, text, dct, [(t[0], t[1], t[3] if is_calendar(t) else None) for t in timexes])
        for name, text, dct, timexes in docs
    ]
    s = value_score(scored, lambda text, dct: predict(text, dct, naive), verbose)
    return {"files": len(docs), **s, "seconds": time.perf_counter() - t0}


def main(argv: list[str]) -> int:
    if not DATA.is_dir():
        print(f"no TempEval-3 data at {DATA}")
        return 1
    naive = "--naive" in argv
    s = score(naive=naive, verbose="--verbose" in argv)
    name = "dateparser.search_dates" if naive else "eventmap.find_dates"
    print(
        f"TempEval-3 platinum, {name}: {s['files']} articles, {s['gold']} gold calendar DATEs, "
        f"{s['predicted']} counted predictions"
    )
    print(
        f"value precision {s['precision']:.1f}  recall {s['recall']:.1f}  F1 {s['f1']:.1f}  "
        f"({s['seconds']:.2f} s)"
    )
    if not naive:
        from results import record

        record(
            "tempeval",
            {
                "articles": s["files"],
                "gold calendar DATEs": s["gold"],
                "value precision (%)": round(s["precision"], 1),
                "value recall (%)": round(s["recall"], 1),
                "value F1 (%)": round(s["f1"], 1),
                "naive dateparser.search_dates value F1 (%)": round(score(naive=True)["f1"], 1),
            },
            command="python bench/tempeval_dates.py",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
