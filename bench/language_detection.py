"""Language detection: eventmap's stop-word profile against lingua-language-detector.

Accuracy and time per text of `eventmap.text.language.detect_language` on the six languages
(nl, en, de, fr, uk, ru), on
- the project's own articles (tests/data: news, languages; bench/data/dates), whole, and
- with `--testdata DIR`, Lingua's own test data (github.com/pemistahl/lingua-py,
  language-testdata/: 1,000 sentences per language from the Leipzig Wortschatz corpora),
  read as sentences, as "headlines" (a sentence's first six words), as paragraphs (five
  sentences) and as word pairs.
With lingua-language-detector installed (`pip install lingua-language-detector`; not a
dependency of eventmap), its low- and high-accuracy modes restricted to the six languages
are measured on the same texts. Figures go to bench/results.json (section
"language_detection") when the Lingua test data was read.

usage: python bench/language_detection.py [--testdata DIR] [--no-record]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
LANGS = ("nl", "en", "de", "fr", "uk", "ru")


def own_articles() -> dict[str, list[str]]:
    """Whole articles of the repository, by language (from their file names)."""
    out: dict[str, list[str]] = {lang: [] for lang in LANGS}
    for folder in (ROOT / "tests" / "data" / "news", ROOT / "tests" / "data" / "languages"):
        for path in sorted(folder.glob("*.txt")):
            lang = path.name[:2]
            if lang in out:
                out[lang].append(path.read_text(encoding="utf-8"))
    for path in sorted((ROOT / "bench" / "data" / "dates").glob("*.txt")):
        text = path.read_text(encoding="utf-8").partition("\n")[2]
        out[path.name[:2]].append(text.replace("[[", "").replace("]]", ""))
    return {k: v for k, v in out.items() if v}


def lingua_sets(folder: Path) -> dict[str, dict[str, list[str]]]:
    sentences = {
        lang: (folder / "sentences" / f"{lang}.txt").read_text("utf-8").splitlines() for lang in LANGS
    }
    return {
        "sentences": sentences,
        "headlines": {lang: [" ".join(s.split()[:6]) for s in v] for lang, v in sentences.items()},
        "paragraphs": {
            lang: [" ".join(v[i : i + 5]) for i in range(0, len(v), 5)] for lang, v in sentences.items()
        },
        "word_pairs": {
            lang: (folder / "word-pairs" / f"{lang}.txt").read_text("utf-8").splitlines() for lang in LANGS
        },
    }


def detectors() -> dict[str, object]:
    from eventmap.text.language import detect_language

    out: dict[str, object] = {"profile": detect_language}
    try:
        from lingua import Language, LanguageDetectorBuilder
    except ImportError:
        return out
    codes = {
        Language.DUTCH: "nl",
        Language.ENGLISH: "en",
        Language.GERMAN: "de",
        Language.FRENCH: "fr",
        Language.UKRAINIAN: "uk",
        Language.RUSSIAN: "ru",
    }
    for mode in ("lingua_low", "lingua_high"):
        builder = LanguageDetectorBuilder.from_languages(*codes)
        if mode == "lingua_low":
            builder = builder.with_low_accuracy_mode()
        det = builder.build()
        out[mode] = lambda text, det=det: codes.get(det.detect_language_of(text), "en")
    return out


def accuracy(detect, texts: dict[str, list[str]]) -> tuple[float, float]:
    """(percent right, microseconds per text)."""
    detect(next(iter(texts.values()))[0])  # load what the detector loads lazily
    right = n = 0
    t0 = time.perf_counter()
    for lang, items in texts.items():
        right += sum(1 for t in items if detect(t) == lang)
        n += len(items)
    return 100 * right / n, 1e6 * (time.perf_counter() - t0) / n


def main(argv: list[str]) -> int:
    figures: dict[str, float] = {}
    sets = {"articles": own_articles()}
    if "--testdata" in argv:
        sets.update(lingua_sets(Path(argv[argv.index("--testdata") + 1])))
    for name, detect in detectors().items():
        for set_name, texts in sets.items():
            acc, us = accuracy(detect, texts)
            n = sum(len(v) for v in texts.values())
            print(f"{name:12} {set_name:11} {n:5d} texts: {acc:5.1f} % right, {us:8.0f} µs per text")
            figures[f"{name}_{set_name}_accuracy"] = round(acc, 1)
            figures[f"{name}_{set_name}_us"] = round(us)
    if "--testdata" in argv and "--no-record" not in argv:
        from results import record

        record(
            "language_detection",
            figures,
            command="python bench/language_detection.py --testdata lingua-py/language-testdata",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
