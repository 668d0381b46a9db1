"""Anchoring: sentences dated by another event ("kort na het telefoongesprek", "the next day").

An anchor phrase either names an earlier event by a noun ("shortly after the call") or
points at the previous dated event ("tegelijkertijd", "the same day", "two days later").
A noun anchor takes the date of the most recent earlier *dated* event whose sentence
contains that noun or a compound ending in it ("gesprek" matches "telefoongesprek");
a pointer anchor takes the most recent earlier dated event, shifted by its day offset.
The phrases are data: the `anchors` table of each language's date vocabulary
(eventmap/text/dates/vocab/<lang>.json), with the determiners that may follow them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from eventmap.text.dates.patterns import alt, phrase
from eventmap.text.dates.vocab import load_vocab


@dataclass(frozen=True, slots=True)
class Anchor:
    """An anchor phrase in a sentence: `noun` is None for pointers ("tegelijkertijd")."""

    text: str
    start: int
    end: int
    noun: str | None
    offset_days: int


@dataclass(frozen=True, slots=True)
class AnchorPatterns:
    """A language's anchor phrases compiled: noun anchors, pointers, counted pointers."""

    any_phrase: re.Pattern[str]  # cheap first test: does the sentence hold any anchor word?
    noun: tuple[tuple[re.Pattern[str], int], ...]
    pointer: tuple[tuple[re.Pattern[str], int], ...]
    definite: re.Pattern[str] | None
    numbers: dict[str, int]


def _pointer_regex(entry: dict, weekday: str, numbers: str) -> str:
    forms = []
    for p in entry["phrases"]:
        forms.append(r"\s+".join(f"(?P<n>{numbers})" if w == "{n}" else re.escape(w) for w in p.split()))
    body = "(?:" + "|".join(sorted(forms, key=len, reverse=True)) + ")"
    guards = []
    for w in entry.get("not_after", []):
        guards.append(rf"\s+\w*(?:{weekday})" if w == "{weekday}" else rf"\s+{phrase(w)}")
    guard = f"(?!{'|'.join(guards)})" if guards else ""
    return rf"(?<!\w){body}(?!\w){guard}"


@cache
def anchor_patterns(lang: str) -> AnchorPatterns | None:
    """The compiled anchor phrases of a language (None when its table has none)."""
    vocab = load_vocab(lang)
    table = vocab.raw.get("anchors")
    if not table:
        return None
    det = alt(table.get("determiners", []))
    noun = tuple(
        (re.compile(rf"(?<!\w){alt(e['phrases'])}\s+{det}\s+([\w-]{{3,}})"), int(e["days"]))
        for e in table["noun"]
    )
    counted = table.get("counted_numbers", [])
    numbers = {w: vocab.numbers[w] for w in counted if w in vocab.numbers}
    num_re = alt(numbers) + r"|\d{1,2}"
    weekday = alt(vocab.weekday_of)
    pointer = [(re.compile(_pointer_regex(e, weekday, num_re)), int(e["days"])) for e in table["pointer"]]
    for entry in table.get("counted", []):  # one regex per phrase: each has its own group "n"
        for p in entry["phrases"]:
            pointer.append(
                (re.compile(_pointer_regex({"phrases": [p]}, weekday, num_re)), int(entry["sign"]))
            )
    words = {
        w
        for e in [*table["noun"], *table["pointer"], *table.get("counted", [])]
        for p in e["phrases"]
        for w in p.split()
    }
    words -= {"{n}"} | set(vocab.stopwords)
    definite = table.get("definite")
    definite_re = (
        re.compile(rf"^[‘'\"]?{alt(definite)}\s+(?:([^\W\d_][\w-]{{3,}})\s+)?([^\W\d_][\w-]{{3,}})")
        if definite
        else None
    )
    return AnchorPatterns(re.compile(alt(words)), noun, tuple(pointer), definite_re, numbers)


def find_anchor(sentence: str, lang: str) -> Anchor | None:
    """The first anchor phrase of a sentence (noun anchors win over pointers)."""
    pats = anchor_patterns(lang)
    if pats is None:
        return None
    lowered = sentence.lower()  # the patterns are lowercase: much faster than re.I
    if len(lowered) != len(sentence):
        lowered = "".join(ch.lower()[:1] for ch in sentence)
    if not pats.any_phrase.search(lowered):
        return None
    for pattern, offset in pats.noun:
        m = pattern.search(lowered)
        if m:
            return Anchor(sentence[m.start() : m.end()], m.start(), m.end(), m.group(1), offset)
    for pattern, offset in pats.pointer:
        m = pattern.search(lowered)
        if m:
            if "n" in pattern.groupindex and m.group("n"):
                raw = m.group("n")
                offset *= int(raw) if raw.isdigit() else pats.numbers[raw]
            return Anchor(sentence[m.start() : m.end()], m.start(), m.end(), None, offset)
    return None


def find_definite_reference(sentence: str, lang: str) -> list[Anchor]:
    """'De aanval vond plaats rond middernacht': a sentence opening with a definite noun
    phrase may continue the story of a recent event. Returns the candidate nouns (the word
    after the determiner and the one after that), for the caller to check against the
    previous dated events; a weak hint, used only when the sentence has no date of its own."""
    pats = anchor_patterns(lang)
    m = pats.definite.match(sentence.lower()) if pats and pats.definite else None
    if not m:
        return []
    return [Anchor(sentence[: m.end(g)], 0, m.end(g), m.group(g), 0) for g in (1, 2) if m.group(g)]


_WORD = re.compile(r"[^\W\d_][\w-]*")


def _stem(word: str) -> str:
    word = word.lower()
    for suffix, min_len in (("en", 6), ("s", 4)):
        if len(word) >= min_len and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def mentions_noun(sentence: str, noun: str) -> bool:
    """Does the sentence contain the noun, a plural of it, or a compound ending in it?"""
    target = _stem(noun)
    for word in _WORD.findall(sentence):
        w = _stem(word)
        if w == target or (len(target) >= 4 and w.endswith(target)):
            return True
    return False


def resolve_anchor(anchor: Anchor, earlier: Sequence[str]) -> int | None:
    """Index into `earlier` of the event the anchor points to, or None.

    `earlier` holds the sentences of the already dated events before this one, oldest first.
    """
    for i in range(len(earlier) - 1, -1, -1):
        if anchor.noun is None or mentions_noun(earlier[i], anchor.noun):
            return i
    return None
