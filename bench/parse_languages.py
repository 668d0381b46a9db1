"""Parse time per article in each language: German, French, Ukrainian and Russian against
Dutch and English (the issue's bar: no slower per article).

The articles are the repository's own. tests/data/languages holds one story (the phone call
of 18 March 2025 and what followed) written in all six languages: the same events, places and
dates, so its parse times compare the languages on equal work (`<lang>_ms_per_article`).
tests/data/news adds two shorter Dutch and English articles to the per-character figure
(`<lang>_ms_per_1000_chars`, over every article of the language). Each article is parsed
whole by `eventmap.parse_text` (dates, events, places) with its language given, after one
warm-up parse per language (tables and gazetteer loaded); the languages take turns in every
round, so a change of load on the machine hits them alike; each figure is the median of
REPEAT rounds of the process's CPU time (time.process_time: other programs on a shared machine
slow the wall clock, not this). The load average is recorded with the figures.

usage: python bench/parse_languages.py [--no-record]
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
REPEAT = 25
LANGS = ("nl", "en", "de", "fr", "uk", "ru")


def articles() -> dict[str, list[tuple[str, str]]]:
    """(folder, text) of each article per language; the parallel story first."""
    out: dict[str, list[tuple[str, str]]] = {lang: [] for lang in LANGS}
    for folder in ("languages", "news"):
        for path in sorted((ROOT / "tests" / "data" / folder).glob("*.txt")):
            if path.name[:2] in out:
                out[path.name[:2]].append((folder, path.read_text(encoding="utf-8")))
    return out


def main(argv: list[str]) -> int:
    import eventmap

    texts = articles()
    for lang, items in texts.items():
        eventmap.parse_text(items[0][1], lang=lang)  # warm-up: tables, patterns, gazetteer
    runs: dict[tuple[str, int], list[float]] = {}
    for _ in range(REPEAT):
        for lang, items in texts.items():
            for i, (_, text) in enumerate(items):
                t0 = time.process_time()
                eventmap.parse_text(text, lang=lang)
                runs.setdefault((lang, i), []).append(time.process_time() - t0)
    figures: dict[str, float] = {}
    for lang, items in texts.items():
        ms = [1000 * statistics.median(runs[lang, i]) for i in range(len(items))]
        story = ms[0]
        per_kchar = statistics.mean(m * 1000 / len(text) for m, (_, text) in zip(ms, items))
        print(
            f"{lang}: the story ({len(items[0][1]):,} characters) {story:.2f} ms; "
            f"{len(items)} articles: {per_kchar:.2f} ms per 1,000 characters"
        )
        figures[f"{lang}_ms_per_article"] = round(story, 2)
        figures[f"{lang}_ms_per_1000_chars"] = round(per_kchar, 2)
    figures["load_average"] = round(os.getloadavg()[0], 2)
    print(f"load average {figures['load_average']} on {os.cpu_count()} cores")
    if "--no-record" not in argv:
        from results import record

        record("parse_languages", figures, command="python bench/parse_languages.py")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
