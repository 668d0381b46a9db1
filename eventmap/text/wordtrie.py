"""Regex alternations of many literal words, factored as a trie; regexes compiled on first use.

`a|ab|abc|b...` makes Python's re try every branch at every position; the factored form
`(?:a(?:b(?:c)?)?|b...)` tries one branch per character, about five times faster on the
keyword lexicons, and still prefers the longest word at a position. A LazyPattern is
compiled when a text first needs it: a language's rarer patterns (centuries, spelled-out
years, counted anchors) then cost nothing at start-up.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def trie_pattern(words: Iterable[str]) -> str:
    """A regex (string) matching exactly the given words, longest first at each position."""
    trie: dict[str, dict] = {}
    for word in words:
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _build(trie) or "(?!)"


FAST_FIRST_CHARACTERS = 8  # measured on news: 3-5 first letters are 2-8x faster, 12 twice slower


def word_start_pattern(words: Iterable[str]) -> str:
    """The regex of `(?<!\\w)` + trie_pattern(words), written so that every branch opens with a
    literal character: re then skips to the characters a word can start with in C, instead of
    trying the look-behind at every position of the text (several times faster on news). The
    look-behind comes after the first character (`(?<!\\w.)`: the character before the word
    is no word character); the matches are the same. It pays only when the words start with
    few different characters (re then stops at few places): with more than
    FAST_FIRST_CHARACTERS the plain form is returned."""
    trie: dict[str, dict] = {}
    for word in words:
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
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
