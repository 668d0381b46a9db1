"""Regex alternations of many literal words, factored as a trie; regexes compiled on first use.

`a|ab|abc|b...` makes Python's re try every branch at every position; the factored form
`(?:a(?:b(?:c)?)?|b...)` tries one branch per character, about five times faster on the
keyword lexicons, and still prefers the longest word at a position. A LazyPattern is
compiled when a text first needs it: a language's rarer patterns (centuries, spelled-out
years, counted anchors) then cost nothing at start-up. What a regex's own parse tree says
about its matches (the strings every match contains, how far its first digit is from its
start) lets a scan skip the text where it cannot match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

try:  # the parser of the re module: private, so a Python without it just has no prefilter
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover
    _sre = _sre_parse = None


def trie_pattern(words: Iterable[str]) -> str:
    """A regex (string) matching exactly the given words, longest first at each position."""
    return _build(_trie(words)) or "(?!)"


def _trie(words: Iterable[str]) -> dict[str, dict]:
    """The words as nested dicts by character; "" marks a word's end."""
    trie: dict[str, dict] = {}
    for word in words:
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return trie


FAST_FIRST_CHARACTERS = 8  # measured on news: 3-5 first letters are 2-8x faster, 12 twice slower


def word_start_pattern(words: Iterable[str]) -> str:
    """The regex of `(?<!\\w)` + trie_pattern(words), written so that every branch opens with a
    literal character: re then skips to the characters a word can start with in C, instead of
    trying the look-behind at every position of the text (several times faster on news). The
    look-behind comes after the first character (`(?<!\\w.)`: the character before the word
    is no word character); the matches are the same. It pays only when the words start with
    few different characters (re then stops at few places): with more than
    FAST_FIRST_CHARACTERS the plain form is returned."""
    trie = _trie(words)
    if len(trie) > FAST_FIRST_CHARACTERS:
        return rf"(?<!\w)(?:{_build(trie) or '(?!)'})"
    branches = [re.escape(ch) + r"(?<!\w.)" + _build(child) for ch, child in sorted(trie.items()) if ch]
    return "(?:" + "|".join(branches) + ")" if branches else "(?!)"


def _build(node: dict[str, dict]) -> str:
    branches = [re.escape(ch) + _build(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?"
    return body


class LazyPattern:
    """A regex source compiled on first use of `.regex` (then kept)."""

    __slots__ = ("source", "_compiled")

    def __init__(self, source: str) -> None:
        self.source = source
        self._compiled: re.Pattern[str] | None = None

    @property
    def regex(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.source)
        return self._compiled


MAX_CHOICES = 12  # strings in one "any of" requirement (more would cost more than the scan saves)
DIGIT = ("digit",)  # in a clause: any character that is \\d (Unicode digits included)


@cache
def required_strings(source: str) -> tuple[tuple[str, ...], ...]:
    """What every match of the regex `source` contains: clauses of literal strings, each
    clause satisfied when one of its strings is in the matched text ("in\\s+the\\s+wee\\s+hours"
    -> ("in",), ("the",), ("wee",), ("hours",); "\\d+/\\d+" -> ("/",); "from|between" ->
    ("from", "between")). A window of text lacking one clause holds no match, so a scan can
    skip it without reading it. Derived from the regex's own parse tree: exact, never guessed
    (anything the analysis does not know, such as look-arounds or case-insensitive parts,
    adds no requirement)."""
    if _sre_parse is None:
        return ()
    try:
        tree = _sre_parse.parse(source)
    except Exception:  # an unparsable source simply gets no prefilter
        return ()
    if tree.state.flags & re.IGNORECASE:
        return ()
    return tuple(dict.fromkeys(_clauses(list(tree))))


_REPEATS = tuple(
    getattr(_sre, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_sre, name)
)


def _flat(items):
    """The items of a sequence with its groups' items in their place (a group matches its
    items in sequence: literals on either side of a group boundary are one run, "\\d{3}0" +
    "s" -> "0s"); a case-insensitive group stays whole (it adds no requirement)."""
    c = _sre
    for op, av in items:
        if op is c.SUBPATTERN and not av[1] & c.SRE_FLAG_IGNORECASE:
            yield from _flat(av[3])
        else:
            yield op, av


def _clauses(items) -> list[tuple[str, ...]]:
    c = _sre
    out: list[tuple[str, ...]] = []
    run = ""
    for op, av in _flat(items):
        if op is c.LITERAL:
            run += chr(av)
            continue
        if op is c.IN and len(av) == 1 and av[0][0] is c.LITERAL:
            run += chr(av[0][1])
            continue
        if run:
            out.append((run,))
            run = ""
        if op is c.IN:
            chars = _class_choices(av)
            if chars:
                out.append(chars)  # "[-–—]", "\\d", "[0-5]": one of these characters
            continue
        if op is getattr(c, "ATOMIC_GROUP", None):
            out += _clauses(list(av))
        elif op in _REPEATS:
            low, _high, sub = av
            if low >= 1:
                out += _clauses(list(sub))
        elif op is c.BRANCH:
            alternatives = [_clauses(list(alt)) for alt in av[1]]
            if not alternatives or not all(alternatives):
                continue
            common = set(alternatives[0]).intersection(*alternatives[1:])
            out += [cl for cl in alternatives[0] if cl in common]
            # one clause of each alternative (its most selective): one of them is present
            choice = {s for alt in alternatives for s in max(alt, key=_selectivity)}
            if len(choice) <= MAX_CHOICES:
                out.append(tuple(sorted(choice, key=_selectivity, reverse=True)))
    if run:
        out.append((run,))
    return out


def _selectivity(item) -> int:
    """Longer strings are rarer; a digit (DIGIT) counts as one character."""
    if isinstance(item, tuple) and item is not DIGIT:
        return min(map(_selectivity, item)) if item else 0
    return 1 if item is DIGIT else len(item)


def _class_choices(items) -> tuple | None:
    """The characters a character class stands for, when it is a few literals, short ranges
    or \\d (as DIGIT); None for anything else (negations, letters, spaces)."""
    c = _sre
    out: list = []
    for op, av in items:
        if op is c.LITERAL:
            out.append(chr(av))
        elif op is c.RANGE and av[1] - av[0] < 10:
            out.extend(chr(x) for x in range(av[0], av[1] + 1))
        elif op is c.CATEGORY and av is c.CATEGORY_DIGIT:
            out.append(DIGIT)
        else:
            return None
    out = list(dict.fromkeys(out))
    return tuple(out) if 0 < len(out) <= MAX_CHOICES else None


def digits_after(source: str, boundary: str) -> int | None:
    """How many characters every match of the pattern has before its first digit, when that
    is fixed and they are no digits: 0 for a pattern that opens with the left `boundary` (a
    look-behind: no word character before, eventmap/text/dates/patterns.py B) and a digit
    ("\\d{1,3}", "[1-9]"), 1 for "Q3" and "H1" (the boundary, one letter of a class, a
    digit). That digit then starts a run of digits, and the date scan tries the pattern only
    that many characters before the text's digit runs (eventmap/text/dates/find.py scan),
    not at every position of a window. None for any other pattern."""
    if _sre_parse is None or not source.startswith(boundary):
        return None
    try:
        items = list(_sre_parse.parse(source[len(boundary) :]))
    except Exception:
        return None
    offset = 0
    while items:
        op, av = items[0]
        if op is _sre.SUBPATTERN and not av[1]:  # a group: its items, then what follows it (no flags)
            items = list(av[3]) + items[1:]
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1:  # "\d{1,3}": its item
            return offset if _opens_with_digit(list(av[2])) else None
        elif op is _sre.IN and _digit_class(av):
            return offset
        elif (op is _sre.LITERAL and not chr(av).isdigit()) or (op is _sre.IN and _letters_class(av)):
            offset, items = offset + 1, items[1:]  # one character, never a digit
        else:
            return None
    return None


def _opens_with_digit(items) -> bool:
    """Does a sequence of pattern items open with a digit (through groups and repeats)?"""
    while items:
        op, av = items[0]
        if op is _sre.SUBPATTERN and not av[1]:
            items = list(av[3])
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1:
            items = list(av[2])
        else:
            return op is _sre.IN and _digit_class(av)
    return False


def _letters_class(items) -> bool:
    """A character class of single characters that are no digits: [hq]."""
    return bool(items) and all(op is _sre.LITERAL and not chr(av).isdigit() for op, av in items)


def _digit_class(items) -> bool:
    """A character class of digits only: \\d, [0-9], [1-9], [12] ..."""
    for op, av in items:
        if op is _sre.CATEGORY:
            if av is not _sre.CATEGORY_DIGIT:
                return False
        elif op is _sre.RANGE:
            if not (ord("0") <= av[0] <= av[1] <= ord("9")):
                return False
        elif op is _sre.LITERAL:
            if not chr(av).isdigit():
                return False
        else:
            return False
    return bool(items)
