"""Regex alternations of many literal words, factored as a trie.

`a|ab|abc|b...` makes Python's re try every branch at every position; the factored form
`(?:a(?:b(?:c)?)?|b...)` tries one branch per character, about five times faster on the
keyword lexicons, and still prefers the longest word at a position.
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


def _build(node: dict[str, dict]) -> str:
    branches = [re.escape(ch) + _build(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?"
    return body
