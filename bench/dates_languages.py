"""Value F1 of find_dates per language on the hand-checked sets in bench/data/dates/.

The sets are our own texts (German, French, Ukrainian, Russian, and English and Dutch
narratives with a Dutch news text; news and narrative), each
temporal expression written `[[expression|value]]` (bench/data/dates/README.md). Scoring is
TempEval-3's value score as in bench/tempeval_dates.py: a prediction is right when it overlaps
a gold expression with a calendar value (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www) and has that
value (a range "a/b" is right for a gold that is one of its ends); a prediction overlapping
only non-calendar gold (seasons, durations, decades) is not counted; one overlapping no gold
expression is wrong. `--naive` scores dateparser.search_dates in the same language instead.

usage: python bench/dates_languages.py [--verbose] [--naive] [--lang de,fr,...] [--no-record]
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
DATA = ROOT / "bench" / "data" / "dates"
MARK = re.compile(r"\[\[([^\]|]+)\|([^\]]+)\]\]")
LANGS = ("de", "fr", "uk", "ru", "en", "nl")

from value_score import CALENDAR, naive_dates, value_score

Gold = tuple[int, int, str]  # start, end, value
Doc = tuple[str, str, str | None, list[Gold]]  # name, text, reference, gold


def load(path: Path) -> Doc:
    """(name, plain text, reference day or None, gold expressions) of one annotated file."""
    raw = path.read_text(encoding="utf-8")
    head, _, body = raw.partition("\n")
    ref = head.partition(":")[2].strip()
    out, gold, pos, length = [], [], 0, 0
    for m in MARK.finditer(body):
        out.append(body[pos : m.start()])
        length += m.start() - pos
        surface, value = m.group(1), m.group(2).strip()
        gold.append((length, length + len(surface), value))
        out.append(surface)
        length += len(surface)
        pos = m.end()
    out.append(body[pos:])
    return path.stem, "".join(out), None if ref in ("", "none") else ref, gold


def docs(lang: str) -> list[Doc]:
    return [load(p) for p in sorted(DATA.glob(f"{lang}_*.txt"))]


def predict(text: str, ref: str | None, lang: str, naive: bool) -> list[tuple[int, int, str]]:
    if naive:
        return naive_dates(text, ref, lang)
    from eventmap.text.dates import find_dates

    return [(d.start, d.end, d.value) for d in find_dates(text, ref, lang=lang)]


def score(
    lang: str, naive: bool = False, verbose: bool = False, genre: str | None = None
) -> dict[str, float]:
    t0 = time.perf_counter()
    chosen = [d for d in docs(lang) if genre is None or f"_{genre}_" in d[0]]
    scored = [
        (name, text, ref, [(s, e, v if CALENDAR.match(v) else None) for s, e, v in gold])
        for name, text, ref, gold in chosen
    ]
    s = value_score(scored, lambda text, ref: predict(text, ref, lang, naive), verbose)
    return {
        "texts": len(chosen),
        "gold": s["gold"],
        "precision": round(s["precision"], 1),
        "recall": round(s["recall"], 1),
        "f1": round(s["f1"], 1),
        "seconds": round(time.perf_counter() - t0, 3),
    }


def main(argv: list[str]) -> int:
    naive = "--naive" in argv
    verbose = "--verbose" in argv
    langs = LANGS
    if "--lang" in argv:
        langs = tuple(argv[argv.index("--lang") + 1].split(","))
    figures: dict[str, float] = {}
    name = "dateparser.search_dates" if naive else "eventmap.find_dates"
    for lang in langs:
        for genre in (None, "news", "narrative"):
            s = score(lang, naive=naive, verbose=verbose and genre is None, genre=genre)
            if not s["texts"]:
                continue
            label = f"{lang}" + (f" {genre}" if genre else "")
            print(
                f"{name} {label:14} {s['texts']} texts, {s['gold']:3d} gold: precision {s['precision']:5.1f}"
                f"  recall {s['recall']:5.1f}  F1 {s['f1']:5.1f}"
            )
            key = f"{lang}_{genre}_f1" if genre else f"{lang}_f1"
            figures[key] = s["f1"]
            if genre is None:
                figures[f"{lang}_gold"] = s["gold"]
    if "--no-record" not in argv and set(langs) == set(LANGS):
        from results import record

        section = "dates_languages_dateparser" if naive else "dates_languages"
        command = "python bench/dates_languages.py" + (" --naive" if naive else "")
        record(section, figures, command=command)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
