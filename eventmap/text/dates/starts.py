"""Where a date pattern's matches can start: the words they open with, one scan for a window's patterns.

Every date pattern opens with the left boundary (dates/patterns.py B: no word character,
"-", "/" or "." before) and then a word, a number or one of a few phrases. A pattern run
by `finditer` over a window tries all its branches at every character of it; the patterns
of one trigger class (a month's: "3 March", "March 3", "between 3 and 5 March", "early
March 2024" ...) each read the same windows again. Here a regex's own parse tree gives the
strings every one of its matches starts with (their first characters, up to a few: "mar",
"earl", "the", "betw"; or a digit), and a class's patterns share one `starter`: the
boundary and those strings as one trie. It finds, in one pass over a window, every place
where one of the patterns may match; each pattern is then tried only there
(eventmap/text/dates/find.py scan), with the matches `finditer` gives: the leftmost one,
then the next from its end. Exact by construction: a pattern the analysis cannot bound
(one that may open with a space or any letter) keeps its own scan.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from eventmap.text.wordtrie import _sre, _sre_parse, trie_pattern

FIRST_CHARACTERS = 4  # the starts are cut after this many characters (shorter: still every match's)
MAX_STARTS = 400  # more different starts than this: the pattern keeps its own scan
DIGIT = "\\d"  # a start that is any decimal digit (its run's first: the boundary is no digit)


@cache
def first_strings(source: str, boundary: str) -> frozenset[str] | None:
    """The strings (of word characters, or DIGIT) one of which opens every match of the
    pattern `source`, which opens with `boundary`; None when that cannot be said (a match
    that may open with another character or be empty, a case-insensitive part ...)."""
    if _sre_parse is None or not source.startswith(boundary):
        return None
    try:
        tree = _sre_parse.parse(source[len(boundary) :])
    except Exception:  # an unparsable source simply keeps its own scan
        return None
    if tree.state.flags & re.IGNORECASE or tree.getwidth()[0] == 0:
        return None
    try:
        found = _starts(list(tree), FIRST_CHARACTERS)
    except _Unbounded:
        return None
    return frozenset(found) if found and "" not in found and len(found) <= MAX_STARTS else None


class _Unbounded(Exception):
    """The analysis met too many starts: the pattern keeps its own scan."""


def _word(ch: str) -> bool:
    """A \\w character of re (str patterns): alphanumeric or "_"."""
    return ch.isalnum() or ch == "_"


def _starts(items: list, room: int) -> set[str]:
    """The strings the sequence `items` (of a parse tree) opens with, at most `room`
    characters long; "" when it may open with anything (the caller gives up)."""
    c = _sre
    if not items or room == 0:
        return {""}
    op, av = items[0]
    rest = items[1:]
    if op is c.LITERAL:
        return _then({chr(av)}, rest, room)
    if op is c.IN:
        chars = _class(av)
        if chars is None:
            return {""}
        if chars == DIGIT:
            return {DIGIT}
        return _then(chars, rest, room)
    if op is c.SUBPATTERN:
        if av[1] & c.SRE_FLAG_IGNORECASE:
            return {""}
        return _starts(list(av[3]) + rest, room)
    if op is c.BRANCH:
        out: set[str] = set()
        for alternative in av[1]:
            out |= _starts(list(alternative) + rest, room)
            if len(out) > MAX_STARTS:
                raise _Unbounded
        return out
    if op in (c.MAX_REPEAT, c.MIN_REPEAT):
        low, high, sub = av
        if low == high == 1:
            return _starts(list(sub) + rest, room)
        once = _starts(list(sub), room)  # the first repetition, cut where it ends
        return once | _starts(rest, room) if low == 0 else once
    if op is c.ASSERT_NOT and not len(av[1]):
        return set()  # "(?!)": this way never matches
    if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
        return _starts(rest, room)  # zero width: what follows opens the match
    return {""}


def _then(chars: Iterable[str], rest: list, room: int) -> set[str]:
    """Each of the characters, followed by the starts of what comes after them."""
    chars = list(chars)
    if not all(_word(ch) for ch in chars):
        return {""}  # the boundary holds before a word character only: anything else gives up
    tails = _starts(rest, room - 1)
    out = {ch + ("" if tail == DIGIT else tail) for ch in chars for tail in tails}
    if len(out) > MAX_STARTS:
        raise _Unbounded
    return out


def _class(items) -> set[str] | str | None:
    """A character class as its characters (a few literals or a short range), DIGIT for
    \\d or digits only, None for anything else."""
    c = _sre
    out: set[str] = set()
    digits = True
    for op, av in items:
        if op is c.LITERAL:
            out.add(chr(av))
            digits = digits and chr(av) in "0123456789"
        elif op is c.RANGE and av[1] - av[0] < 26:
            out.update(chr(x) for x in range(av[0], av[1] + 1))
            digits = digits and ord("0") <= av[0] <= av[1] <= ord("9")
        elif op is c.CATEGORY and av is c.CATEGORY_DIGIT:
            out.add(DIGIT)
        else:
            return None
    if digits and out:
        return DIGIT
    return None if DIGIT in out else out


@dataclass(frozen=True, slots=True)
class Starter:
    """Where any of a trigger class's patterns may match: `regex` finds the places (the
    boundary and one of their first strings, the longest there); `owners` gives, for the
    string found, the patterns (by index) one of whose first strings opens it, and
    `digit_owners` those for a digit the strings do not hold (their first string is DIGIT)."""

    regex: re.Pattern[str]
    owners: dict[str, frozenset[int]]
    digit_owners: frozenset[int]


def starter(boundary: str, starts: dict[int, frozenset[str] | None]) -> Starter:
    """The Starter of patterns (by index: each opening with `boundary`, with its
    `first_strings`; None for a pattern that keeps its own scan)."""
    known = {i: s for i, s in starts.items() if s is not None}
    words = {w for s in known.values() for w in s if w != DIGIT}
    owners = {
        w: frozenset(
            i
            for i, s in known.items()
            if any(w.startswith(x) for x in s if x != DIGIT) or (DIGIT in s and w[0].isdecimal())
        )
        for w in words
    }
    digit = frozenset(i for i, s in known.items() if DIGIT in s)
    branches = [trie_pattern(words)] + ([DIGIT] if digit else [])
    return Starter(re.compile(f"{boundary}(?:{'|'.join(branches)})"), owners, digit)
