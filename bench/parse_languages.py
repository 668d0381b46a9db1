"""Parse time per article in each language: German, French, Ukrainian and Russian against
Dutch and English (the issue's bar: no slower per article).

The articles are the repository's own: tests/data/news (nl, en) and tests/data/languages
(de, fr, uk, ru). Each is parsed whole by `eventmap.parse_text` (dates, events, places) with
its language given, after one warm-up parse per language (tables and gazetteer loaded); the
figure is the median of REPEAT runs, per article and per 1,000 characters.

usage: python bench/parse_languages.py [--no-record]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
REPEAT = 15
LANGS = ("nl", "en", "de", "fr", "uk", "ru")


def articles() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {lang: [] for lang in LANGS}
    for folder in ("news", "languages"):
        for path in sorted((ROOT / "tests" / "data" / folder).glob("*.txt")):
            if path.name[:2] in out:
                out[path.name[:2]].append(path.read_text(encoding="utf-8"))
    return out


def main(argv: list[str]) -> int:
    import eventmap

    figures: dict[str, float] = {}
    for lang, texts in articles().items():
        eventmap.parse_text(texts[0], lang=lang)  # warm-up: tables, patterns, gazetteer
        per_article, per_kchar = [], []
        for text in texts:
            runs = []
            for _ in range(REPEAT):
                t0 = time.perf_counter()
                eventmap.parse_text(text, lang=lang)
                runs.append(time.perf_counter() - t0)
            ms = 1000 * statistics.median(runs)
            per_article.append(ms)
            per_kchar.append(ms * 1000 / len(text))
        a, k = statistics.mean(per_article), statistics.mean(per_kchar)
        chars = statistics.mean(len(t) for t in texts)
        print(
            f"{lang}: {len(texts)} articles of {chars:,.0f} characters: {a:.1f} ms per article, {k:.2f} ms per 1,000 characters"
        )
        figures[f"{lang}_ms_per_article"] = round(a, 2)
        figures[f"{lang}_ms_per_1000_chars"] = round(k, 2)
    if "--no-record" not in argv:
        from results import record

        record("parse_languages", figures, command="python bench/parse_languages.py")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
