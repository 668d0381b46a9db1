"""Word and phrase lexicons looked up in a sentence's token list: set lookups, not regexes.

A lexicon of a few hundred words compiled into one regex costs tens of milliseconds to
compile and a scan per sentence; a set of words and a table of phrases by their first word
cost nothing to build and one pass over the tokens to use. "..." in a phrase stands for up
to GAP_WORDS words (Dutch separable verbs: "kondigde ... aan" matches "kondigde de minister
aan").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

TOKEN = re.compile(r"[\w'’-]+")
GAP_WORDS = 5


def tokens(text: str) -> list[str]:
    """The lowercase words of a text (hyphens and apostrophes stay inside a word)."""
    return TOKEN.findall(text.lower())


class WordSet:
    """Whole words and phrases; `hits(tokens)` gives (first, last) token indices of each."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self.singles: set[str] = set()
        self.phrases: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            words = tuple(phrase.lower().split())
            if len(words) == 1 and words[0] != "...":
                self.singles.add(words[0])
            elif words:
                self.phrases.setdefault(words[0], []).append(words)

    def __contains__(self, word: str) -> bool:
        return word in self.singles

    def hits(self, toks: list[str]) -> list[tuple[int, int]]:
        out = []
        for i, tok in enumerate(toks):
            if tok in self.singles:
                out.append((i, i))
            for phrase in self.phrases.get(tok, ()):
                end = _match(phrase, toks, i)
                if end is not None:
                    out.append((i, end))
        return out

    def count(self, toks: list[str]) -> int:
        return len(self.hits(toks))

    def first(self, toks: list[str]) -> tuple[int, int] | None:
        found = self.hits(toks)
        return min(found) if found else None


def _match(phrase: tuple[str, ...], toks: list[str], i: int) -> int | None:
    """Index of the last token when `phrase` matches toks from i, else None."""
    j = i
    k = 0
    while k < len(phrase):
        word = phrase[k]
        if word == "...":
            nxt = phrase[k + 1] if k + 1 < len(phrase) else None
            for skip in range(GAP_WORDS + 1):
                if j + skip < len(toks) and toks[j + skip] == nxt:
                    j += skip
                    break
            else:
                return None
            k += 1
            continue
        if j >= len(toks) or toks[j] != word:
            return None
        j += 1
        k += 1
    return j - 1
