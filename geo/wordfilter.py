"""A cheap, exact pre-test for a regex that needs one of a few words (re.IGNORECASE) in a window.

A search of a short window with a long alternation ("rue|avenue|...", "provinces|oblasts|...")
tries every word at every position: tens of thousands of steps, while most windows hold none
of the words. `WordFilter.absent(window)` says so with substring tests on the lowercased
window. It is exact: re's IGNORECASE matches a character when its simple lowercase is the
pattern's character or one of re's few extra case equivalents (re._casefix: "ſ" for "s", "ᲃ"
for "с"); str.lower() is that simple lowercase for every character but "İ". A window holding
"İ" or one of those extra equivalents of the words' letters is never declared free of them.
"""

from __future__ import annotations

import re

try:  # the extra case equivalents re uses (CPython 3.11+)
    from re._casefix import _EXTRA_CASES
except ImportError:  # pragma: no cover - another Python: every non-ASCII window goes to the regex
    _EXTRA_CASES = None


class WordFilter:
    def __init__(self, words) -> None:
        self.words = tuple(sorted({w.lower() for w in words}))
        # one pass of a case-sensitive trie over the lowercased window (an `in` test per word
        # costs more once there are dozens of words)
        self._search = re.compile(trie(self.words)).search
        letters = set("".join(self.words))
        if _EXTRA_CASES is None:
            self.exotic = None
        else:
            extra = {chr(v) for k, vs in _EXTRA_CASES.items() if chr(k) in letters for v in vs}
            self.exotic = frozenset(extra | {"İ"})

    def absent(self, window: str) -> bool:
        """True when none of the words can match anywhere in `window` with re.IGNORECASE."""
        if not window.isascii() and (self.exotic is None or not self.exotic.isdisjoint(window)):
            return False
        return self._search(window.lower()) is None


def trie(words) -> str:
    """An alternation of `words` as a trie ("a(?:llée|venue)|b(?:d|oulevard)|..."): re tries
    one branch per letter instead of every word at every position (the same matches)."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)
