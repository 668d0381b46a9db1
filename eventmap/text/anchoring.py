"""Sentences that date themselves by another event ("kort na het telefoongesprek").

An anchor phrase either names an earlier event by a noun ("shortly after the call") or
points at the previous dated event ("tegelijkertijd", "the same day", "the next day").
A noun anchor takes the date of the most recent earlier *dated* event whose sentence
contains that noun or a compound ending in it ("gesprek" matches "telefoongesprek");
a pointer anchor takes the most recent earlier dated event, shifted by its day offset.
When nothing matches, the caller falls back to the document date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_DET_NL = r"(?:het|de|een|dit|dat|die|deze|hun|zijn|haar)"
_DET_EN = r"(?:the|this|that|a|an|their|his|her|its)"

_NOUN_PATTERNS: dict[str, list[tuple[re.Pattern[str], int]]] = {
    "nl": [
        (re.compile(rf"\b(?:daags|een dag)\s+(?:na|nadat)\s+{_DET_NL}\s+([\w-]{{3,}})"), 1),
        (re.compile(rf"\b(?:daags|een dag)\s+(?:voor|voordat|vóór)\s+{_DET_NL}\s+([\w-]{{3,}})"), -1),
        (
            re.compile(
                rf"\b(?:kort|vlak|direct|meteen|net|snel|enkele uren|uren|minuten|even|pal)\s+(?:na|voor|vóór)\s+{_DET_NL}\s+([\w-]{{3,}})"
            ),
            0,
        ),
        (
            re.compile(
                rf"\b(?:in de aanloop naar|in aanloop naar|in de nasleep van|naar aanleiding van)\s+{_DET_NL}\s+([\w-]{{3,}})"
            ),
            0,
        ),
    ],
    "en": [
        (re.compile(rf"\b(?:a|one|the)\s+day\s+after\s+{_DET_EN}\s+([\w-]{{3,}})"), 1),
        (re.compile(rf"\b(?:a|one|the)\s+day\s+before\s+{_DET_EN}\s+([\w-]{{3,}})"), -1),
        (
            re.compile(
                rf"\b(?:shortly|soon|just|immediately|minutes|hours|moments|right)\s+(?:after|before)\s+{_DET_EN}\s+([\w-]{{3,}})"
            ),
            0,
        ),
        (
            re.compile(
                rf"\b(?:in the wake of|in the aftermath of|hours after|ahead of|following)\s+{_DET_EN}\s+([\w-]{{3,}})"
            ),
            0,
        ),
    ],
}

_NUM_NL = r"twee|drie|vier|vijf|zes|zeven|\d{1,2}"
_NUM_EN = r"two|three|four|five|six|seven|\d{1,2}"
_NUMBERS = {
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
}

# (pattern, direction): a pattern with a group "n" shifts by n days in that direction.
_POINTER_PATTERNS: dict[str, list[tuple[re.Pattern[str], int]]] = {
    "nl": [
        (
            re.compile(
                r"\b(?:de\s+volgende\s+dag|een\s+dag\s+later|de\s+dag\s+(?:erna|daarna|daarop)|daags\s+(?:erna|daarna|daarop))\b"
            ),
            1,
        ),
        (
            re.compile(
                r"\b(?:de\s+dag\s+(?:ervoor|daarvoor|tevoren)|een\s+dag\s+eerder|daags\s+(?:ervoor|daarvoor))\b"
            ),
            -1,
        ),
        (
            re.compile(
                r"\b(?:tegelijkertijd|tegelijk|gelijktijdig|(?:die|de)zelfde\s+(?:dag|ochtend|middag|avond|nacht)|die\s+(?:dag|ochtend|middag|avond|nacht)|ondertussen|intussen|eveneens\s+op\s+die\s+dag|kort\s+daarna|kort\s+daarop|niet\s+lang\s+daarna|even\s+later|enkele\s+uren\s+later|uren\s+later)\b"
            ),
            0,
        ),
        (re.compile(rf"\b(?P<n>{_NUM_NL})\s+dagen\s+(?:later|daarna|erna)\b"), 1),
        (re.compile(rf"\b(?P<n>{_NUM_NL})\s+dagen\s+(?:eerder|daarvoor|ervoor)\b"), -1),
    ],
    "en": [
        (
            re.compile(
                r"\b(?:the\s+(?:next|following)\s+day|a\s+day\s+later|the\s+day\s+after)\b(?!\s+\w+day)"
            ),
            1,
        ),
        (
            re.compile(
                r"\b(?:the\s+(?:previous|preceding)\s+day|a\s+day\s+earlier|the\s+day\s+before)\b(?!\s+yesterday)"
            ),
            -1,
        ),
        (
            re.compile(
                r"\b(?:(?:on\s+)?the\s+same\s+day|that\s+same\s+(?:day|morning|afternoon|evening|night)|that\s+(?:day|morning|afternoon|evening|night)|later\s+that\s+day|meanwhile|at\s+the\s+same\s+time|simultaneously|shortly\s+(?:afterwards|afterward|thereafter)|soon\s+(?:afterwards|afterward|after|thereafter)|hours\s+later|moments\s+later|minutes\s+later)\b"
            ),
            0,
        ),
        (re.compile(rf"\b(?P<n>{_NUM_EN})\s+days\s+(?:later|afterwards|after)\b"), 1),
        (re.compile(rf"\b(?P<n>{_NUM_EN})\s+days\s+(?:earlier|before)\b"), -1),
    ],
}


@dataclass(frozen=True, slots=True)
class Anchor:
    """An anchor phrase in a sentence: `noun` is None for pointers ("tegelijkertijd")."""

    text: str
    start: int
    end: int
    noun: str | None
    offset_days: int


# Every anchor pattern needs one of these substrings: a cheap test before the regexes.
_MUST_CONTAIN: dict[str, tuple[str, ...]] = {
    "nl": (
        "na ",
        "nadat",
        "voor",
        "vóór",
        "aanloop",
        "nasleep",
        "aanleiding",
        "dag",
        "zelfde",
        "die ",
        "tegelijk",
        "gelijktijdig",
        "ondertussen",
        "intussen",
        "daarna",
        "daarop",
        "later",
    ),
    "en": (
        "after",
        "before",
        "wake of",
        "aftermath",
        "ahead of",
        "following",
        "day",
        "meanwhile",
        "same time",
        "simultaneously",
        "that ",
        "later",
        "earlier",
        "thereafter",
    ),
}


def find_anchor(sentence: str, lang: str) -> Anchor | None:
    """The first anchor phrase of a sentence (noun anchors win over pointers)."""
    lowered = sentence.lower()  # the patterns are lowercase: much faster than re.I
    if len(lowered) != len(sentence):
        lowered = "".join(ch.lower()[:1] for ch in sentence)
    if not any(key in lowered for key in _MUST_CONTAIN.get(lang, ())):
        return None
    for pattern, offset in _NOUN_PATTERNS.get(lang, []):
        m = pattern.search(lowered)
        if m:
            return Anchor(sentence[m.start() : m.end()], m.start(), m.end(), m.group(1), offset)
    for pattern, offset in _POINTER_PATTERNS.get(lang, []):
        m = pattern.search(lowered)
        if m:
            if "n" in pattern.groupindex:
                raw = m.group("n")
                offset *= int(raw) if raw.isdigit() else _NUMBERS[raw]
            return Anchor(sentence[m.start() : m.end()], m.start(), m.end(), None, offset)
    return None


_DEFINITE_START: dict[str, re.Pattern[str]] = {
    "nl": re.compile(r"^[‘'\"]?(?:de|het|die|deze|dat|dit)\s+(?:([^\W\d_][\w-]{3,})\s+)?([^\W\d_][\w-]{3,})"),
    "en": re.compile(
        r"^[‘'\"]?(?:the|this|that|these|those)\s+(?:([^\W\d_][\w-]{3,})\s+)?([^\W\d_][\w-]{3,})"
    ),
}


def find_definite_reference(sentence: str, lang: str) -> list[Anchor]:
    """'De aanval vond plaats rond middernacht': a sentence opening with a definite noun
    phrase may continue the story of a recent event. Returns the candidate nouns (the word
    after the determiner and the one after that), for the caller to check against the
    previous dated events; a weak hint, used only when the sentence has no date of its own."""
    pattern = _DEFINITE_START.get(lang)
    m = pattern.match(sentence.lower()) if pattern else None
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
