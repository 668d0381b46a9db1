"""How a place name becomes a lookup key: one function shared by the index builder and the readers.

Keys are case-folded, with typographic apostrophes made plain and runs of spaces collapsed,
so "Noord-Korea", "noord-korea" and "NOORD-KOREA" meet. A second, accent-free key lets
"Oekraine" find "Oekraïne".
"""
from __future__ import annotations

import unicodedata

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "–": "-", "‐": "-"})


def name_key(name: str) -> str:
    """The lookup key of a name: case-folded, plain apostrophes/hyphens, single spaces."""
    return " ".join(name.translate(_APOSTROPHES).casefold().split())


def strip_accents(key: str) -> str:
    """The key without diacritics ("oekraïne" -> "oekraine")."""
    decomposed = unicodedata.normalize("NFKD", key)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def is_latin_name(name: str) -> bool:
    """True for names written in Latin script (the only ones news in nl/en uses)."""
    for ch in name:
        if ch.isalpha() and not ("LATIN" in unicodedata.name(ch, "")):
            return False
    return True
