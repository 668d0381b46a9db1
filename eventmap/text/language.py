"""Cheap Dutch/English detection by stop-word counts (no model, no dependency)."""

from __future__ import annotations

import re

from eventmap.errors import InputError

SUPPORTED_LANGS: tuple[str, ...] = ("nl", "en")

_STOPWORDS: dict[str, frozenset[str]] = {
    "nl": frozenset(
        "de het een en van in op is dat die niet met zijn voor er aan ook als bij "
        "door maar om dan werd wordt naar nog uit over wel heeft hebben tot zich "
        "deze dit geen meer ze hij zij we wij kan zou moet".split()
    ),
    "en": frozenset(
        "the a an and of in on is that not with his for there at also as by was "
        "but to then were has have from which this these no more they he she we "
        "it its be been would should could will said".split()
    ),
}
_WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str, default: str = "en") -> str:
    """'nl' or 'en', whichever has more stop words in the first ~5000 characters."""
    counts = {lang: 0 for lang in _STOPWORDS}
    for word in _WORD.findall(text[:5000].lower()):
        for lang, words in _STOPWORDS.items():
            if word in words:
                counts[lang] += 1
    best = max(counts, key=counts.get)
    return best if counts[best] > 0 else default


def resolve_language(lang: str | None, text: str) -> str:
    """Validate a --lang value; None/'auto' means detect from the text."""
    if lang is None or lang == "auto":
        return detect_language(text)
    code = lang.strip().lower()
    if code not in SUPPORTED_LANGS:
        raise InputError(f"unsupported language {lang!r} (use auto, {', '.join(SUPPORTED_LANGS)})")
    return code
