"""How a place name becomes a lookup key: one function shared by the index builder and the readers.

Keys are case-folded, with typographic apostrophes made plain and runs of spaces collapsed,
so "Noord-Korea", "noord-korea" and "NOORD-KOREA" meet. A second, accent-free key lets
"Oekraine" find "Oekraïne".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "–": "-", "‐": "-"})


_KEYS: dict[str, str] = {}  # memo: geoparse asks for the keys of the same words again and again
_KEYS_SIZE = 100_000


def name_key(name: str) -> str:
    """The lookup key of a name: case-folded, plain apostrophes/hyphens, single spaces."""
    key = _KEYS.get(name)
    if key is None:
        if len(_KEYS) >= _KEYS_SIZE:
            _KEYS.clear()
        key = _KEYS[name] = " ".join(name.translate(_APOSTROPHES).casefold().split())
    return key


def strip_accents(key: str) -> str:
    """The key without diacritics ("oekraïne" -> "oekraine")."""
    decomposed = unicodedata.normalize("NFKD", key)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def is_latin_name(name: str) -> bool:
    """True for names written in Latin script (nl, en, de, fr news)."""
    for ch in name:
        if ch.isalpha() and "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


def is_cyrillic_name(name: str) -> bool:
    """True for names written in Cyrillic script (uk, ru news): "Київ", "Курская область"."""
    letters = [ch for ch in name if ch.isalpha()]
    return bool(letters) and all("CYRILLIC" in unicodedata.name(ch, "") for ch in letters)


def is_indexed_script(name: str) -> bool:
    """Scripts of the languages eventmap reads: Latin (nl, en, de, fr) and Cyrillic (uk, ru)."""
    return is_latin_name(name) or is_cyrillic_name(name)


# Transliteration skeleton of East Slavic place names: the same town is written Starobilsk /
# Starobelsk / Starobil's'k, Pervomaisk / Pervomaysk / Perfomaisk, Horlivka / Gorlivka,
# Verkhnotoretske / Verkhniotoretske, Yasynuvata / Jasynuvata. Ordered rewrites, then
# doubled letters collapse. Used only after the exact lookup failed.
_SKELETON_RULES = (
    ("shch", "sh"),
    ("sch", "sh"),
    ("kh", "h"),
    ("zh", "j"),
    ("ts", "c"),
    ("tz", "c"),
    ("g", "h"),
    ("w", "v"),
    ("f", "v"),
    ("x", "ks"),
    ("y", "i"),
    ("j", "i"),
    ("e", "i"),
)
_SLAVIC_ENDINGS = (
    ("skoie", "sk"),
    ("skoi", "sk"),
    ("skii", "sk"),
    ("ski", "sk"),
    ("oie", "i"),
    ("aia", "a"),
    ("iia", "a"),
    ("ia", "a"),
)


def slavic_skeleton(name: str) -> str:
    """A coarse key shared by transliteration variants ("Starobelsk" ~ "Starobil's'k").

    Only letters survive; soft signs (apostrophes) vanish; e/i/y/j merge, as do g/h, kh/h,
    f/v; an "i" before another vowel is dropped (Verkhniotoretske ~ Verkhnotoretske), and
    Russian/Ukrainian adjective endings meet (-skoye ~ -ske ~ -sk).
    """
    key = "".join(ch for ch in strip_accents(name_key(name)) if ch.isalpha())
    for a, b in _SKELETON_RULES:
        key = key.replace(a, b)
    key = "".join(
        ch for k, ch in enumerate(key) if not (ch == "i" and k + 1 < len(key) and key[k + 1] in "aou")
    )
    collapsed = []
    for ch in key:
        if not collapsed or collapsed[-1] != ch:
            collapsed.append(ch)
    key = "".join(collapsed)
    for a, b in _SLAVIC_ENDINGS:
        if key.endswith(a) and len(key) - len(a) >= 4:
            return key[: -len(a)] + b
    return key


# endings of East Slavic place names (Starobelsk, Verkhniotoretske, Yasinovataya, Gorlovka,
# Pervomaiskyi, Mariupol, Zelenodolsk, Stanytsia): only such words get a variant lookup
_SLAVIC_ENDING_RE = re.compile(
    r"(?:s'?k|s'?ke|sko[ey]e?|s'?kyi|skiy|skii|sky|[oe]?vka|ivka|[iy]?ne|[oy]e|[ao]ia|[ao]ya|aya|"
    r"ino|ovo|evo|yne|ets|ove|pol|grad|hrad|orod|ia|ya|yi|iy|yy|ka)$"
)


@lru_cache(maxsize=65536)
def looks_slavic(word: str) -> bool:
    """A single word of 6+ letters with an East Slavic place-name ending (cheap gate before
    the transliteration-variant lookup, which most capitalised words must not pay for)."""
    return len(word) >= 6 and " " not in word and _SLAVIC_ENDING_RE.search(word.lower()) is not None
