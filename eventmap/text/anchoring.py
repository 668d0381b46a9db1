"""Anchoring: sentences dated by another event ("kort na het telefoongesprek", "the next day").

An anchor phrase either names an earlier event by a noun ("shortly after the call") or
points at the previous dated event ("tegelijkertijd", "the same day", "two days later").
A noun anchor takes the date of the most recent earlier *dated* event whose sentence
contains that noun or a compound ending in it ("gesprek" matches "telefoongesprek");
a pointer anchor takes the most recent earlier dated event, shifted by its day offset.
The phrases are data: the `anchors` table of each language's date vocabulary
(eventmap/text/dates/vocab/<lang>.json), with the determiners that may follow them. A
capitalised word after a noun anchor's phrase is a name, not the event noun, unless the
table says the language capitalises its nouns (`capitalised_nouns`, German).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from eventmap.text.dates.patterns import alt, phrase, word_start_alt
from eventmap.text.dates.vocab import load_vocab
from eventmap.text.wordset import WordSet, WordSets, tokens
from eventmap.text.wordtrie import LazyPattern


@dataclass(slots=True, unsafe_hash=True)  # not frozen: built faster (see text/sentences.py Sentence)
class Anchor:
    """An anchor phrase in a sentence: `noun` is None for pointers ("tegelijkertijd")."""

    text: str
    start: int
    end: int
    noun: str | None
    offset_days: int


@dataclass(slots=True, unsafe_hash=True)  # not frozen: built faster (see text/sentences.py Sentence)
class AnchorPatterns:
    """A language's anchor phrases compiled: noun anchors, pointers, counted pointers."""

    noun: tuple[tuple[LazyPattern, int, WordSet], ...]  # (pattern, days, its phrases)
    pointer: tuple[tuple[LazyPattern, int, WordSet], ...]
    definite: re.Pattern[str] | None
    definite_anywhere: re.Pattern[str] | None
    numbers: dict[str, int]
    capitalised_nouns: bool  # the language writes its nouns capitalised (German): a capital is no name
    phrases: WordSets  # the phrases of every pattern (named by its index, nouns first), looked up in one pass before any regex


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


def _determiners(words: Sequence[str]) -> str:
    """The determiner before an anchor's noun, as a regex ending where the noun starts:
    "the call", French "l'appel" (an elided one is written onto the noun); none at all in a
    language without articles (Ukrainian "після розмови")."""
    if not words:
        return ""
    elided = [w for w in words if w.endswith(("'", "’"))]
    spaced = [w for w in words if w not in elided]
    parts = [rf"{alt(spaced)}\s+"] if spaced else []
    if elided:
        parts.append(alt(elided))
    return "(?:" + "|".join(parts) + ")"


@cache
def anchor_patterns(lang: str) -> AnchorPatterns | None:
    """The compiled anchor phrases of a language (None when its table has none)."""
    vocab = load_vocab(lang)
    table = vocab.raw.get("anchors")
    if not table:
        return None
    det = _determiners(table.get("determiners", []))
    noun = tuple(
        (
            LazyPattern(rf"{word_start_alt(e['phrases'])}\s+{det}([\w-]{{3,}})"),
            int(e["days"]),
            WordSet(e["phrases"]),
        )
        for e in table["noun"]
    )
    counted = table.get("counted_numbers", [])
    numbers = {w: vocab.numbers[w] for w in counted if w in vocab.numbers}
    num_re = alt(numbers) + r"|\d{1,2}"
    weekday = alt(vocab.weekday_of)
    pointer = [
        (LazyPattern(_pointer_regex(e, weekday, num_re)), int(e["days"]), WordSet(e["phrases"]))
        for e in table["pointer"]
    ]
    for entry in table.get("counted", []):  # one regex per phrase: each has its own group "n"
        for p in entry["phrases"]:
            after_n = max(p.split("{n}"), key=len)  # "{n} dagen later": the words around the number
            pointer.append(
                (
                    LazyPattern(_pointer_regex({"phrases": [p]}, weekday, num_re)),
                    int(entry["sign"]) * int(entry.get("unit_days", 1)),  # "{n} weeks later": 7
                    WordSet([after_n]),
                )
            )
    definite = table.get("definite")
    definite_re = (
        re.compile(rf"^[‘'\"]?{alt(definite)}\s+(?:([^\W\d_][\w-]{{3,}})\s+)?([^\W\d_][\w-]{{3,}})")
        if definite
        else None
    )
    anywhere = (
        re.compile(
            rf"{word_start_alt(definite)}\s+([^\W\d_][\w-]{{2,}})(?:\s+([^\W\d_][\w-]{{2,}}))?(?:\s+([^\W\d_][\w-]{{2,}}))?"
        )
        if definite
        else None
    )
    phrases = WordSets(
        {
            **{
                i: sorted(ws.singles) + [" ".join(p) for ps in ws.phrases.values() for p in ps]
                for i, (_, _, ws) in enumerate(noun)
            },
            **{
                len(noun) + i: sorted(ws.singles) + [" ".join(p) for ps in ws.phrases.values() for p in ps]
                for i, (_, _, ws) in enumerate(pointer)
            },
        }
    )
    capitalised = bool(table.get("capitalised_nouns", False))
    return AnchorPatterns(noun, tuple(pointer), definite_re, anywhere, numbers, capitalised, phrases)


def find_anchor(sentence: str, lang: str, toks: list[str] | None = None) -> Anchor | None:
    """The first anchor phrase of a sentence (noun anchors win over pointers); `toks`: its
    tokens (wordset.tokens), when the caller has them."""
    pats = anchor_patterns(lang)
    if pats is None:
        return None
    if toks is None:
        toks = tokens(sentence)
    found = pats.phrases.scan(toks)  # the phrases first: set lookups, then only their regexes
    if not found:
        return None
    lowered = sentence.lower()  # the patterns are lowercase: much faster than re.I
    if len(lowered) != len(sentence):
        lowered = "".join(ch.lower()[:1] for ch in sentence)
    for i, (pattern, offset, _) in enumerate(pats.noun):
        m = pattern.regex.search(lowered) if i in found else None
        if m and not (sentence[m.start(1)].isupper() and not pats.capitalised_nouns):
            # "Накануне Лавров посетил ...": a name after the phrase is its subject, and the
            # phrase a pointer ("the day before"), not "on the eve of <event noun>"
            return Anchor(sentence[m.start() : m.end()], m.start(), m.end(), m.group(1), offset)
    return _pointer(sentence, lowered, pats, found)


def find_pointer(sentence: str, lang: str, at: int) -> Anchor | None:
    """The pointer phrase starting at `at` ("напередодні", "the day before"), noun anchors
    left aside: what a noun anchor whose noun names no earlier event falls back to
    ("Напередодні російські війська ..." read "напередодні російські" as "on the eve of")."""
    pats = anchor_patterns(lang)
    if pats is None:
        return None
    lowered = sentence.lower()
    if len(lowered) != len(sentence):
        lowered = "".join(ch.lower()[:1] for ch in sentence)
    for pattern, offset, _ in pats.pointer:
        m = pattern.regex.match(lowered, at)
        if m:
            return _pointer_anchor(sentence, m, offset, pats)
    return None


def _pointer(sentence: str, lowered: str, pats: AnchorPatterns, found) -> Anchor | None:
    for i, (pattern, offset, _) in enumerate(pats.pointer, len(pats.noun)):
        m = pattern.regex.search(lowered) if i in found else None
        if m:
            return _pointer_anchor(sentence, m, offset, pats)
    return None


def _pointer_anchor(sentence: str, m: re.Match[str], offset: int, pats: AnchorPatterns) -> Anchor:
    """The anchor a pointer phrase matched, its days times its count ("two days later")."""
    if "n" in m.re.groupindex and m.group("n"):
        raw = m.group("n")
        offset *= int(raw) if raw.isdigit() else pats.numbers[raw]
    return Anchor(sentence[m.start() : m.end()], m.start(), m.end(), None, offset)


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


def find_event_references(
    sentence: str, lang: str, keep: Callable[[str], bool] | None = None
) -> list[Anchor]:
    """Definite noun phrases anywhere in a sentence ("het verslag van het gesprek"): each
    word after a definite determiner (and up to two more) as a candidate noun, for the
    caller to check against the event nouns and the previous dated events (`keep`: only
    the nouns it accepts)."""
    pats = anchor_patterns(lang)
    if pats is None or pats.definite is None:
        return []
    out = []
    for m in pats.definite_anywhere.finditer(sentence.lower()):
        for g, noun in enumerate(m.groups(), 1):
            if noun and (keep is None or keep(noun)):
                out.append(Anchor(sentence[m.start() : m.end(g)], m.start(), m.end(g), noun, 0))
    return out


_WORD = re.compile(r"[^\W\d_][\w-]*")


def _stem(word: str) -> str:
    word = word.lower()
    for suffix, min_len in (("en", 6), ("s", 4)):
        if len(word) >= min_len and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=256)
def _stems(sentence: str) -> tuple[frozenset[str], str]:
    """The stems of a sentence's words, and the same joined with NUL after each (an ending
    is then a substring test, in C); cached: anchors look back at the same sentences."""
    stems = frozenset(_stem(w) for w in _WORD.findall(sentence))
    return stems, "".join(w + "\x00" for w in stems)


def clear_stems() -> None:
    """Forget the remembered sentence stems (see eventmap.text.pipeline.clear_text_caches)."""
    _stems.cache_clear()


def _same_inflected(a: str, b: str) -> bool:
    """Two case forms of one Cyrillic noun ("розмови", "розмову"; "разговора", "разговор"):
    they agree but for their last two letters (ending), and both are long enough to say so."""
    if not ("\u0400" <= a[:1] <= "\u04ff") or abs(len(a) - len(b)) > 2:
        return False
    k = max(4, min(len(a), len(b)) - 2)
    return len(a) >= 5 and len(b) >= 5 and a[:k] == b[:k]


def mentions_noun(sentence: str, noun: str) -> bool:
    """Does the sentence contain the noun, a plural or case form of it, or a compound ending in it?"""
    target = _stem(noun)
    stems, ends = _stems(sentence)
    if target in stems:
        return True
    if len(target) >= 4 and target + "\x00" in ends:  # a word ending in it (no word holds a NUL)
        return True
    # only a Cyrillic word has case forms (and both words then start with the same letter)
    return "\u0400" <= target[:1] <= "\u04ff" and any(_same_inflected(w, target) for w in stems)


def resolve_anchor(anchor: Anchor, earlier: Sequence[str]) -> int | None:
    """Index into `earlier` of the event the anchor points to, or None.

    `earlier` holds the sentences of the already dated events before this one, oldest first.
    """
    for i in range(len(earlier) - 1, -1, -1):
        if anchor.noun is None or mentions_noun(earlier[i], anchor.noun):
            return i
    return None
