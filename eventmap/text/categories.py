"""Event categories from keyword lexicons kept as data (eventmap/text/data/categories_<lang>.json).

The category only colours the dashboard, so a transparent keyword count is enough: the
category with most keyword hits wins, ties go to the lexicon's priority order, and a
sentence without hits is 'other'. A keyword listed under two categories counts for the first.
Two rules come first: a disaster (earthquake, flood, storm, fire ...) beats attack and
fighting when the sentence has none of their own words, only ones disasters share
("explosion", "hit by"), and loses to them otherwise; and troops deployed or put on alert
(the `deployment` cues with only `force_words` of fighting) are not fighting.
Keywords under 'other' mark a sentence as reporting an event without colouring it.
A capitalised keyword inside a name ("France's National Rally") is no keyword, unless it
names a disaster ("Tropical Storm Helene").
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from eventmap.model import CATEGORIES
from eventmap.text.wordset import WordTest
from eventmap.text.wordtrie import trie_pattern

OTHER = "other"


@dataclass(frozen=True, slots=True)
class Lexicon:
    """All keywords of a language in one lowercase regex, and the category of each keyword."""

    language: str
    priority: tuple[str, ...]
    regex: re.Pattern[str]
    category_of: dict[str, str]
    shared_with_disaster: frozenset[str] = frozenset()  # attack/fighting words disasters share
    force_words: frozenset[str] = frozenset()  # fighting words that only name forces ("troops")
    deployment: re.Pattern[str] | None = None  # forces moved or made ready: not fighting
    finder: re.Pattern[str] | None = None  # prefix lexicons: `regex`'s matches, found faster (_hits)
    # prefix lexicons, per token (wordset.tokens), remembered: may a keyword start in it (see _may_start)
    may_start: WordTest | None = None
    name_verbs: frozenset[str] = frozenset()  # "Shell said": a capitalised keyword before one is a name
    place_adjectives: frozenset[str] = frozenset()  # "the occupied West Bank": describes a place
    adjective_determiners: frozenset[str] = frozenset()  # the words before such an adjective


# a word ends at punctuation as at a space: "door een brand." matches "brand ", "(top" " top"
_PUNCTUATION = '.,;:!?()[]"“”„«»…'


def _punctuation_as_space(lowered: str) -> str:
    """The punctuation marks as spaces: one str.replace per mark the text holds (C loops,
    several times faster than str.translate, which looks every character up in a dict)."""
    for mark in _PUNCTUATION:
        if mark in lowered:
            lowered = lowered.replace(mark, " ")
    return lowered


@cache
def load_lexicon(lang: str) -> Lexicon:
    """The lexicon of a language (English for languages without one)."""
    name = f"categories_{lang}.json"
    folder = resources.files("eventmap.text") / "data"
    if not (folder / name).is_file():
        name = "categories_en.json"
    data = json.loads((folder / name).read_text(encoding="utf-8"))
    unknown = set(data["categories"]) - set(CATEGORIES)
    if unknown:
        raise ValueError(f"{name}: unknown categories {sorted(unknown)}")
    category_of: dict[str, str] = {}
    for category, words in data["categories"].items():
        for word in words:
            category_of.setdefault(word.lower(), category)
    alts = trie_pattern(category_of)
    # substring: anywhere (Dutch compounds); prefix: at the start of a word. No re.I: the
    # text is lowercased instead, which keeps the scan about ten times faster.
    regex = f"(?:{alts})" if data.get("match") == "substring" else rf"(?<!\w)(?:{alts})"
    deployment = data.get("deployment")
    # a keyword at a word start, looked for after each non-word character: re skips to those in
    # C instead of trying the look-behind at every position (the same matches, see _hits)
    finder = None if data.get("match") == "substring" else re.compile(rf"\W(?=({alts}))")
    may_start = None
    if finder is not None and all(_WORD_START.match(k) for k in category_of):
        keyword = re.compile(alts)
        # where a keyword may leave a token: before its characters that no token holds (a space)
        prefixes = frozenset(
            k[:i] for k in category_of for i in range(1, len(k)) if not _TOKEN_CHAR.match(k[i])
        )
        may_start = WordTest(lambda token: _may_start(token, keyword, prefixes))
    return Lexicon(
        data.get("language", lang),
        tuple(data.get("priority", CATEGORIES)),
        re.compile(regex),
        category_of,
        frozenset(w.lower() for w in data.get("shared_with_disaster", [])),
        frozenset(w.lower() for w in data.get("force_words", [])),
        re.compile(rf"(?<!\w)(?:{trie_pattern(w.lower() for w in deployment)})") if deployment else None,
        finder,
        may_start,
        frozenset(w.lower() for w in data.get("name_verbs", [])),
        frozenset(w.lower() for w in data.get("place_adjectives", [])),
        frozenset(w.lower() for w in data.get("adjective_determiners", [])),
    )


_WORD_START = re.compile(r"\w")
_TOKEN_CHAR = re.compile(r"[\w'’-]")  # the characters of a token (wordset.TOKEN)
_RUN_STARTS = re.compile(r"(?<!\w)\w")


def _may_start(token: str, keyword: re.Pattern[str], prefixes: frozenset[str]) -> bool:
    """May a keyword of a prefix lexicon start in this token (wordset.tokens: letters with
    hyphens and apostrophes)? A keyword starts at a word character after a non-word one: the
    token's start or a letter after its hyphen or apostrophe. From there it either ends
    inside the token (a keyword is a prefix of the rest) or runs on past it (the rest and a
    character no token holds are a prefix of a keyword: `prefixes`). A sentence none of
    whose tokens passes has no keyword."""
    for m in _RUN_STARTS.finditer(token):
        rest = token[m.start() :]
        if keyword.match(rest) or rest in prefixes:
            return True
    return False


def classify(sentence: str, lang: str, toks: list[str] | None = None) -> tuple[str, bool]:
    """(category, reports_event): the category, and whether any keyword marks an event
    (keywords listed under 'other' mark an event without giving it a category). `toks`: the
    sentence's tokens (wordset.tokens), when the caller has them: a sentence of a prefix
    lexicon none of whose tokens may start a keyword is not read further."""
    lexicon = load_lexicon(lang)
    if (
        toks is not None
        and lexicon.may_start is not None
        and not any(map(lexicon.may_start.__getitem__, toks))
    ):
        return OTHER, False
    lowered = _punctuation_as_space(sentence.lower()) + " "
    category_of = lexicon.category_of
    found = [
        word
        for start, word in _hits(lexicon, lowered)
        if not (
            sentence[start].isupper()
            and category_of[word] != "disaster"
            and (_in_name(sentence, start) or _company(sentence, start, lexicon))
        )
        and not (word in lexicon.place_adjectives and _describes_place(sentence, start, word, lexicon))
    ]
    if not found:
        return OTHER, False
    words: dict[str, set[str]] = {"attack": set(), "fighting": set(), "disaster": set()}
    for k in found:
        own = words.get(category_of[k])
        if own is not None:
            own.add(k)
    drop: set[str] = set()
    if words["fighting"] and words["fighting"] <= lexicon.force_words and lexicon.deployment is not None:
        if lexicon.deployment.search(lowered):
            drop.add("fighting")  # "NATO deployed troops to Estonia": forces moved, no fighting
    if words["disaster"]:
        violent = (words["attack"] | words["fighting"]) - (
            lexicon.force_words if "fighting" in drop else set()
        )
        # a disaster beats attack and fighting unless one of their own words is there
        drop |= {"attack", "fighting"} if violent <= lexicon.shared_with_disaster else {"disaster"}
    hits = Counter(c for c in map(category_of.__getitem__, found) if c not in drop)
    if not hits:
        return OTHER, True
    named = {c: n for c, n in hits.items() if c != OTHER}
    if not named:
        return OTHER, True
    # most hits first, then the lexicon's priority order
    rank = {c: i for i, c in enumerate(lexicon.priority)}
    return min(named, key=lambda c: (-named[c], rank.get(c, len(rank)))), True


def _hits(lexicon: Lexicon, lowered: str) -> list[tuple[int, str]]:
    """(start, keyword) of each match of the lexicon's regex in `lowered`, left to right.
    A prefix lexicon's finder gives every keyword at a word start (after the non-word
    character it stands on; a space opens the text); those inside an earlier match are
    skipped, as finditer skips them."""
    if lexicon.finder is None:
        return [(m.start(), m.group()) for m in lexicon.regex.finditer(lowered)]
    out = []
    last = 0
    for m in lexicon.finder.finditer(" " + lowered):  # offsets one more: m.start() is the word's
        start = m.start()
        if start >= last:
            word = m.group(1)
            out.append((start, word))
            last = start + len(word)
    return out


def _in_name(sentence: str, start: int) -> bool:
    """Is the capitalised word at `start` part of a name: after a capitalised word that does
    not open the sentence ("France's National Rally", "the Black Sea Fleet")? Disasters are
    exempt: their names are events ("Tropical Storm Helene")."""
    head = sentence[:start].rstrip()
    words = head.split()
    return len(words) > 1 and words[-1][:1].isupper() and words[-1][-1:].isalpha()


_WORD_AT = re.compile(r"[\w'’-]+")
_NEXT_WORD = re.compile(r"\s*(['’]s\b|[\w'’-]+)")


def _company(sentence: str, start: int, lexicon: Lexicon) -> bool:
    """Is the capitalised keyword at `start` a name: a verb of saying or a possessive after it
    ("Shell said", "Shell's profits"), or a lowercase word before it ("shares of Shell")?"""
    word = _WORD_AT.match(sentence, start)
    end = word.end() if word else start
    if sentence[end - 2 : end].lower() in ("'s", "’s"):
        return True
    after = _NEXT_WORD.match(sentence, end)
    if after and after.group(1).lower() in lexicon.name_verbs:
        return True
    before = sentence[:start].split()
    return bool(before) and before[-1].isalpha() and before[-1].islower()


def _describes_place(sentence: str, start: int, word: str, lexicon: Lexicon) -> bool:
    """Is the keyword an adjective of a place's name ("the occupied West Bank", "Israeli-occupied
    Golan Heights"): after a determiner or a hyphen, before a capitalised word?"""
    after = _NEXT_WORD.match(sentence, start + len(word))
    if not after or not after.group(1)[:1].isupper():
        return False
    if start > 0 and sentence[start - 1] == "-":
        return True
    before = sentence[:start].split()
    return bool(before) and before[-1].lower() in lexicon.adjective_determiners


def categorize(sentence: str, lang: str) -> str:
    """One of eventmap.model.CATEGORIES for a sentence."""
    return classify(sentence, lang)[0]


@lru_cache(maxsize=4096)  # the nouns anchors ask about come back in every article
def word_category(word: str, lang: str) -> str:
    """categorize() of a single word, remembered."""
    return classify(word, lang)[0]
