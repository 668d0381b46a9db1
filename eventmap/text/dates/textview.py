"""A text's lowercased copy and its digit runs, computed once per text for every reader.

The date scan (eventmap/text/dates/find.py: its trigger windows, then each reading of the
text in news or narrative mode) and the clock times (times.py) all read the lowercased
text and start from its runs of digits; each used to lowercase and search the whole text
again. The last few texts are remembered (`view`); `clear()` forgets them (the parse
benchmark clears them between articles, as it clears the date candidates).
"""

from __future__ import annotations

import re
from functools import lru_cache

_DIGITS = re.compile(r"\d+")


def lowercase(text: str) -> str:
    """text.lower() with the same length (rare letters like 'İ' lowercase to two characters)."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(ch.lower()[:1] for ch in text)
    return lowered


@lru_cache(maxsize=4)  # the texts of one parse; keep few (texts may be MBs)
def view(text: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """(lowercase(text), the (start, end) of every run of digits in it, in order)."""
    lowered = lowercase(text)
    return lowered, digit_runs(lowered)


# The runs of digits without a regex (re tries its class at every character): the text as
# bytes, one per character (a character beyond ASCII becomes "?"), each digit "0" and the
# rest a space (one bytes.translate, in C), then the runs by bytes.find. A text holding a
# decimal digit of another script (what \d also matches: "٣") is left to the regex.
_DIGIT_BYTES = bytes(48 if 48 <= c <= 57 else 32 for c in range(256))
_CHARACTER_REFERENCE = re.compile(rb"&#(\d+);")


def digit_runs(text: str) -> tuple[tuple[int, int], ...]:
    """The (start, end) of every run of decimal digits (\\d+) in text, in order."""
    if text.isascii():
        raw = text.encode("ascii")
    else:
        beyond = set(_CHARACTER_REFERENCE.findall(text.encode("ascii", "xmlcharrefreplace")))
        if any(chr(int(code)).isdecimal() for code in beyond):
            return tuple(m.span() for m in _DIGITS.finditer(text))
        raw = text.encode("ascii", "replace")
    marked = raw.translate(_DIGIT_BYTES)
    find, size = marked.find, len(marked)
    out = []
    start = find(b"0")
    while start >= 0:
        end = find(b" ", start)
        if end < 0:
            out.append((start, size))
            break
        out.append((start, end))
        start = find(b"0", end)
    return tuple(out)


def clear() -> None:
    view.cache_clear()
