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
    return lowered, tuple(m.span() for m in _DIGITS.finditer(lowered))


def clear() -> None:
    view.cache_clear()
