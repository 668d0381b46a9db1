"""Word and phrase lexicons looked up in a sentence's token list: set lookups, not regexes.

A lexicon of a few hundred words compiled into one regex costs tens of milliseconds to
compile and a scan per sentence; a set of words and a table of phrases by their first word
cost nothing to build and one pass over the tokens to use. "..." in a phrase stands for up
to GAP_WORDS words (Dutch separable verbs: "kondigde ... aan" matches "kondigde de minister
aan").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from itertools import compress, count
from typing import Any

TOKEN = re.compile(r"[\w'’-]+")
GAP_WORDS = 5
NO_HITS: tuple[tuple[int, int], ...] = ()  # a lexicon's hits when a scan found none


# An ASCII text's tokens without a regex: each byte that no token holds becomes a space and
# each capital its small letter (one bytes.translate, in C), then a split. Below 128 a token
# character is a letter, a digit, "_", "'" or "-", as in TOKEN; the rest, whitespace
# included, is a space to str.split, so the words are TOKEN's, several times faster.
_ASCII_TOKEN_BYTES = bytes(
    c + 32 if 65 <= c <= 90 else c if c < 128 and (chr(c).isalnum() or chr(c) in "_'-") else 32
    for c in range(256)
)


def tokens(text: str) -> list[str]:
    """The lowercase words of a text (hyphens and apostrophes stay inside a word)."""
    if text.isascii():
        return text.encode("ascii").translate(_ASCII_TOKEN_BYTES).decode("ascii").split()
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


class WordSets:
    """Several named lexicons looked up in one pass over the tokens. Phrases are indexed by
    their first two words (by the first alone when a gap follows it), so a common first word
    ("the", "de") costs one more dictionary lookup, not a try of every phrase."""

    def __init__(self, lexicons: dict[str, Iterable[str]]) -> None:
        self.names = tuple(lexicons)
        self.singles: dict[str, list[str]] = {}
        self.pairs: dict[tuple[str, str], list[tuple[str, tuple[str, ...]]]] = {}
        self.gapped: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for name, phrases in lexicons.items():
            for phrase in phrases:
                words = tuple(phrase.lower().split())
                if len(words) == 1:
                    self.singles.setdefault(words[0], []).append(name)
                elif len(words) > 1 and words[1] != "...":
                    self.pairs.setdefault(words[:2], []).append((name, words))
                elif words:
                    self.gapped.setdefault(words[0], []).append((name, words))
        self.firsts = frozenset(self.singles) | {a for a, _ in self.pairs} | frozenset(self.gapped)
        # one word of each phrase (its longest): a token list holding none of them has no hit,
        # and is told so by one C pass, however many of its words start a phrase ("the", "a")
        self.keys = frozenset(
            max((w for w in phrase.lower().split() if w != "..."), key=len, default="")
            for phrases in lexicons.values()
            for phrase in phrases
        )

    def scan(self, toks: list[str], at: Iterable[int] | None = None) -> dict[str, list[tuple[int, int]]]:
        """{lexicon name: [(first, last) token index of each hit]} for the names with hits
        (read the others as none: `hits.get(name, NO_HITS)`); `at`: the indices of the
        tokens in `firsts` (the others start nothing), when the caller knows them."""
        if at is None:
            if self.keys.isdisjoint(toks):
                return {}
            firsts = self.firsts.intersection(toks)  # one pass in C: most sentences start nothing
            if not firsts:
                return {}
            at = compress(count(), map(firsts.__contains__, toks))  # most words start nothing (a C loop)
        out: dict[str, list[tuple[int, int]]] = {}
        singles, pairs, gapped = self.singles, self.pairs, self.gapped
        last = len(toks) - 1
        for i in at:
            tok = toks[i]
            names = singles.get(tok)
            if names:
                for name in names:
                    if name in out:
                        out[name].append((i, i))
                    else:
                        out[name] = [(i, i)]
            starts = pairs.get((tok, toks[i + 1])) if i < last else None
            if starts:
                for name, phrase in starts:
                    end = _match(phrase, toks, i)
                    if end is not None:
                        out.setdefault(name, []).append((i, end))
            starts = gapped.get(tok) if gapped else None
            if starts:
                for name, phrase in starts:
                    end = _match(phrase, toks, i)
                    if end is not None:
                        out.setdefault(name, []).append((i, end))
        return out


WORD_MEMO = 50_000  # words a WordTest remembers (then it starts again)


class WordTest(dict):
    """word -> test(word), computed on first lookup and remembered: `memo[word]` (and
    map(memo.__getitem__, words), a C loop) costs a dictionary lookup for a known word."""

    __slots__ = ("test",)

    def __init__(self, test: Callable[[str], Any]) -> None:
        super().__init__()
        self.test = test

    def __missing__(self, word: str) -> Any:
        if len(self) >= WORD_MEMO:
            self.clear()
        value = self[word] = self.test(word)
        return value
