"""Cheap language detection by stop-word counts (no model, no dependency).

The languages are those with a date table (eventmap/text/dates/vocab/<lang>.json); each
table lists its language's stop words.
"""

from __future__ import annotations

import re
from functools import cache

from eventmap.errors import InputError
from eventmap.text.dates.vocab import available_languages, load_vocab

_WORD = re.compile(r"[^\W\d_]+")


def supported_languages() -> tuple[str, ...]:
    """Codes of the languages the parser reads ('en', 'nl', ...)."""
    return available_languages()


@cache
def _stopwords() -> dict[str, frozenset[str]]:
    return {lang: frozenset(load_vocab(lang).stopwords) for lang in available_languages()}


def detect_language(text: str, default: str = "en") -> str:
    """The language with most stop words in the first ~5000 characters (`default` on none)."""
    stopwords = _stopwords()
    counts = dict.fromkeys(stopwords, 0)
    for word in _WORD.findall(text[:5000].lower()):
        for lang, words in stopwords.items():
            if word in words:
                counts[lang] += 1
    best = max(counts, key=lambda lang: (counts[lang], lang == default))
    return best if counts[best] > 0 else default


def resolve_language(lang: str | None, text: str) -> str:
    """Validate a --lang value; None/'auto' means detect from the text."""
    if lang is None or lang == "auto":
        return detect_language(text)
    code = lang.strip().lower()
    if code not in available_languages():
        raise InputError(f"unsupported language {lang!r} (use auto, {', '.join(available_languages())})")
    return code
