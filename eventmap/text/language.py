"""Language detection by a stop-word and letter profile (no model, no dependency).

The languages are those with a date table (eventmap/text/dates/vocab/<lang>.json); each
table lists its language's stop words (`stopwords`) and the letters only it uses among them
(`letters`: "іїєґ" for Ukrainian, "ыэъё" for Russian, "äöüß" for German). A text is first
put in its script (Cyrillic or Latin: only that script's languages compete), then each
language scores one point per stop word and per letter of its own in the first ~5000
characters. A language whose table sets `letters_required` loses a tie when none of its
letters appears in a sample of MIN_LETTERS letters or more: Ukrainian prose uses "і" in
nearly every sentence, so Cyrillic text without it is more likely Russian. In Cyrillic text a
Latin "i" counts as "і" (web text often types it so).

Measured against lingua-language-detector (bench/language_detection.py, docs/languages.md):
as accurate on articles and sentences, faster, and no 96 MB dependency; weaker on one or two
words alone, which eventmap never has to classify.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from eventmap.errors import InputError
from eventmap.text.dates.vocab import available_languages, load_vocab

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[a-zà-ÿ]")
SAMPLE_CHARS = 5000
MIN_LETTERS = 20  # letters a sample needs before a missing required letter rules a language out


@dataclass(frozen=True, slots=True)
class Profile:
    """One language's stop words and own letters, and whether it is written in Cyrillic."""

    lang: str
    stopwords: frozenset[str]
    letters: str
    cyrillic: bool
    letters_required: bool


def supported_languages() -> tuple[str, ...]:
    """Codes of the languages the parser reads ('de', 'en', 'fr', 'nl', 'ru', 'uk')."""
    return available_languages()


@cache
def profiles() -> tuple[Profile, ...]:
    out = []
    for lang in available_languages():
        v = load_vocab(lang)
        words = frozenset(w.replace("’", "'") for w in v.stopwords)
        cyrillic = sum(bool(_CYRILLIC.search(w)) for w in words) > len(words) / 2
        letters = str(v.raw.get("letters") or "")
        out.append(
            Profile(lang, words, letters, cyrillic, bool(v.raw.get("letters_required")) and bool(letters))
        )
    return tuple(out)


def language_scores(text: str) -> dict[str, float]:
    """Each competing language's score on the start of `text` (only the text's script's)."""
    sample = text[:SAMPLE_CHARS].lower().replace("’", "'")
    cyrillic = len(_CYRILLIC.findall(sample)) > len(_LATIN.findall(sample))
    if cyrillic:
        sample = sample.replace("i", "і")
    chosen = [p for p in profiles() if p.cyrillic == cyrillic] or list(profiles())
    counts = Counter(_WORD.findall(sample))
    scores = {p.lang: float(sum(n for w, n in counts.items() if w in p.stopwords)) for p in chosen}
    long_enough = None  # counted only when a language needs it
    for p in chosen:
        own = sum(sample.count(ch) for ch in p.letters)
        scores[p.lang] += own
        if p.letters_required and not own:
            if long_enough is None:
                long_enough = _has_letters(sample, MIN_LETTERS)
            if long_enough:
                scores[p.lang] -= 0.5
    return scores


def _has_letters(sample: str, n: int) -> bool:
    """`sample` has at least `n` letters (counting stops there)."""
    for ch in sample:
        if ch.isalpha():
            n -= 1
            if n <= 0:
                return True
    return False


def detect_language(text: str, default: str = "en") -> str:
    """The language with the best score (`default` when no language scores at all)."""
    scores = language_scores(text)
    if not scores:
        return default
    best = max(scores, key=lambda lang: (scores[lang], lang == default))
    if scores[best] > 0:
        return best
    return default if default in scores else best


def language_name(code: str) -> str:
    """The English name of a supported language ("de" -> "German"); the code otherwise."""
    if code not in available_languages():
        return code
    return str(load_vocab(code).raw.get("name") or code)


def resolve_language(lang: str | None, text: str) -> str:
    """Validate a --lang value; None/'auto' means detect from the text."""
    if lang is None or lang == "auto":
        return detect_language(text)
    code = lang.strip().lower()
    if code not in available_languages():
        raise InputError(f"unsupported language {lang!r} (use auto, {', '.join(available_languages())})")
    return code
