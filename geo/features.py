"""What the words around a place name make of it: an organisation's name, or a river, lake, mountain.

- Organisations named after places: a place followed by an organisation word ("Singapore
  Airlines", "Black Sea Fleet", "Netherlands Institute for Sound and Vision", "Boston Globe"),
  or by a team's role in lower case ("Chelsea manager", "England fans": role team_after)
  or after one ("University of Texas", "Bank of England", "Universiteit Utrecht"). The whole
  name is one span; the place in it is context (`DocumentPlaces.context`), not where anything
  happened, and the rest ("Fleet") is not looked up on its own.
- Water and terrain: "river X", "the X River", "de rivier de X", "Lake X", "het meer van X",
  "Mount X", "the X Mountains" name a river, lake or mountain, never a town called X: the
  gazetteer's water (kind sea) or terrain (area, landmark) feature of that name, else nothing.
- Streets named after places: "rue de Lyon", "avenue de Paris", "Moscow Road", "Kyiv
  Street": the place is context, not where anything happened.
- A person's origin: "a 34-year-old man from Leeds", "een man uit Schiedam": where the person
  comes from, which an event takes only when the article names no other place for it.
The words are data: roles org_after/org_before, water_before/water_after,
terrain_before/terrain_after, street_before/street_after, origin_noun/origin_preposition in
geo/data/cues_<lang>.tsv.
"""

from __future__ import annotations

import re

from geo.gazetteer import Candidate, Gazetteer
from geo.lexicon import load
from geo.names import name_key
from geo.tokens import Token, adjacent
from geo.wordfilter import WordFilter, trie

_WORDS = load()
ORG_AFTER = _WORDS["org_after"]
TEAM_AFTER = _WORDS["team_after"]  # "Chelsea manager", "England fans": a team, context only
ORG_BEFORE = _WORDS["org_before"]
WATER_BEFORE = _WORDS["water_before"]
WATER_AFTER = _WORDS["water_after"]
TERRAIN_BEFORE = _WORDS["terrain_before"]
TERRAIN_AFTER = _WORDS["terrain_after"]
# terrain named after its town ("Kathmandu valley"): the town when the gazetteer has no such terrain
TERRAIN_OF_TOWN = _WORDS["terrain_of_town"]
FEATURE_WORDS = WATER_BEFORE | WATER_AFTER | TERRAIN_BEFORE | TERRAIN_AFTER
# inside an organisation's name, between capitalised words: "Institute for Sound and Vision"
_ORG_GAP_RE = re.compile(r"(?: | (?:for|of|and|&|on|the|voor|van|en|de|der|het) )")
_OF = ("of", "van", "for", "voor")
# a word just before a place that may open an organisation's name ("University of Texas")
ORG_WORDS_BEFORE = ORG_BEFORE | frozenset(_OF)
WATER_KIND, TERRAIN_KINDS = "s", "al"
STREET_AFTER = _WORDS["street_after"]
_STREET_BEFORE = _WORDS["street_before"]
_ORIGIN_PREPOSITIONS = _WORDS["origin_preposition"]
_ORIGIN_AFTER = _WORDS["origin_after"]  # "a Howell man": the person's town before the noun
_ORIGIN_PERSON_OF = _WORDS["origin_person_of"]  # "Ron Wyden of Oregon": the person's home
_ORIGIN_RE = re.compile(
    r"(?<![^\W\d_])(?:"
    + trie(_WORDS["origin_noun"])
    + r") (?:"
    + trie(_WORDS["origin_preposition"])
    + r") $",
    re.I,
)


_STREET_BEFORE_RE = re.compile(
    r"(?<![^\W\d_])(?:"
    + trie(_STREET_BEFORE)
    + r")\s+(?:de\s+la\s+|de\s+l['’]|de\s+|du\s+|des\s+|d['’]|van\s+|von\s+)?$",
    re.I,
)
_STREET_WORDS = WordFilter(_STREET_BEFORE)  # what _STREET_BEFORE_RE needs in its window
_WORD_AFTER_RE = re.compile(r" ([^\W\d_]+)")
# the last letter before a name that a street word or its particle can end with ("rue", "de",
# "d'", "la" ...): a name after any other letter is no street's (checked before the regex)
_STREET_TAILS = frozenset({w[-1] for w in _STREET_BEFORE} | set("eusn'’a"))


def street_name(text: str, start: int, end: int) -> bool:
    """Is the place name at text[start:end] part of a street's name ("rue de Lyon", "Moscow
    Road")?"""
    if _STREET_BEFORE and start > 2:
        before = text[start - 1] if text[start - 1] != " " else text[start - 2]
        if before.lower() in _STREET_TAILS and _street_word_before(text, max(0, start - 24), start):
            return True
    if text[end : end + 1] != " ":
        return False
    after = _WORD_AFTER_RE.match(text, end)
    return after is not None and after.group(1)[:1].isupper() and after.group(1).lower() in STREET_AFTER


def person_origin(text: str, start: int, end: int) -> bool:
    """Is the place name at text[start:end] where a person comes from ("a man from Leeds", "een
    34-jarige man uit Schiedam", "ein Mann aus Köln", "a 34-year-old Howell man")?"""
    if _ORIGIN_AFTER and text[end : end + 1] == " ":
        after = text[end + 1 : end + 16].split(maxsplit=1)
        if after and after[0].rstrip(",.;:") in _ORIGIN_AFTER:
            return True
    if text[start - 1 : start] != " ":
        return False
    before = text[max(0, start - 16) : start - 1].split()
    if not before or before[-1].lower() not in _ORIGIN_PREPOSITIONS:
        return False  # the usual case, told without the regex
    return _ORIGIN_RE.search(text, max(0, start - 40), start) is not None


def person_of(text: str, start: int, people: set[str]) -> bool:
    """Is the place name at `start` a person's home, named after the person ("Sen. Ron Wyden of
    Oregon", "Chuck Schumer of New York")? `people`: the document's surnames (geo.people)."""
    if not _ORIGIN_PERSON_OF or text[start - 1 : start] != " ":
        return False
    before = text[max(0, start - 40) : start - 1].split()
    if len(before) < 3 or before[-1] not in _ORIGIN_PERSON_OF:
        return False
    name, given = before[-2], before[-3]
    return name[:1].isupper() and given[:1].isupper() and name_key(name) in people


def possessive_before_person(text: str, end: int, people: set[str], gaz: Gazetteer) -> bool:
    """Is the place name ending at `end` a possessive before a person's name ("Mercedes' George
    Russell", "New York's Letitia James", "Russia's Vladimir Putin", "Ukraine's President
    Volodymyr Zelensky")? The person's team or home, not where the event happened. A name is a
    known surname of the text (`people`) or a given name (and a title) before a capital."""
    if text[end - 2 : end] in ("'s", "’s") and text[end : end + 1] == " ":
        after = end + 1  # the mention holds its possessive: "New York's"
    elif text[end : end + 3] in ("'s ", "’s ") or text[end : end + 2] in ("' ", "’ "):
        after = text.index(" ", end) + 1
    else:
        return False
    words = text[after : after + 80].split(maxsplit=3)
    if words and words[0].rstrip(".").lower() in _WORDS["title"]:
        words = words[1:]  # "Ukraine's President Volodymyr Zelensky"
    if len(words) < 2 or not (words[0][:1].isupper() and words[1][:1].isupper()):
        return False
    given = name_key(words[0])
    return (
        name_key(words[1].rstrip(",.;:'’s")) in people
        or given in _WORDS["first_name"]
        or given in gaz.given_names
    )


def _street_word_before(text: str, lo: int, hi: int) -> bool:
    """_STREET_BEFORE_RE.search(text, lo, hi), asked only of a window holding a street word
    (most hold none: the substring tests cost a fraction of the search)."""
    return not _STREET_WORDS.absent(text[lo:hi]) and _STREET_BEFORE_RE.search(text, lo, hi) is not None


ORG_WORDS_AHEAD = 3  # "U.S. Geological Survey", "Kyiv City Council": words before the organisation word


def org_word_after(text: str, tokens: list[Token], j: int) -> int | None:
    """Index of an organisation word among the capitalised words right after tokens[j] (at most
    ORG_WORDS_AHEAD of them, each next to the one before): "Survey" in "U.S. Geological Survey"."""
    last = min(len(tokens), j + 1 + ORG_WORDS_AHEAD)
    k = next((k for k in range(j + 1, last) if tokens[k].low in ORG_AFTER), None)
    if k is None:
        return None
    if all(tokens[m].cap and adjacent(text, tokens[m - 1], tokens[m]) for m in range(j + 1, k + 1)):
        return k
    return None


def organisation_end(text: str, tokens: list[Token], i: int, j: int) -> int | None:
    """Index of the last token of an organisation named with the place tokens[i..j], or None."""
    n = len(tokens)
    if j > i + 1 and tokens[i].low in ORG_BEFORE and tokens[i + 1].low in _OF:
        return j  # "University of Texas" found whole as a name: still the university
    k = org_word_after(text, tokens, j)
    if k is not None:
        while (
            k + 1 < n
            and tokens[k + 1].cap
            and _ORG_GAP_RE.fullmatch(text[tokens[k].end : tokens[k + 1].start])
        ):
            k += 1
        return k
    p = i - 1
    if p >= 0 and tokens[p].low in _OF and adjacent(text, tokens[p], tokens[i]):
        p -= 1  # "University of Texas", "Universiteit van Amsterdam"
    if p >= 0 and p < i and tokens[p].cap and tokens[p].low in ORG_BEFORE:
        if adjacent(text, tokens[p], tokens[p + 1]):
            return j
    return None


def feature_word(text: str, tokens: list[Token], i: int, j: int) -> tuple[str, str, bool] | None:
    """("water"|"terrain", the word, written after the name) for "river X" / "X River" ..."""
    if not (
        (i > 0 and (tokens[i - 1].low in FEATURE_WORDS or tokens[i - 1].low in ("de", "the")))
        or (j + 1 < len(tokens) and tokens[j + 1].low in FEATURE_WORDS)
    ):
        return None  # the usual case: no such word next to the name
    p = i - 1
    if p >= 1 and tokens[p].low in ("de", "the") and adjacent(text, tokens[p], tokens[i]):
        p -= 1  # "de rivier de Maas"
    if p >= 0 and adjacent(text, tokens[p], tokens[p + 1]):
        low = tokens[p].low
        if low in WATER_BEFORE:
            return "water", low, False
        if low in TERRAIN_BEFORE:
            return "terrain", low, False
    k = j + 1
    if k < len(tokens) and adjacent(text, tokens[j], tokens[k]):
        low = tokens[k].low
        if low in WATER_AFTER:
            return "water", low, True
        if low in TERRAIN_AFTER:
            return "terrain", low, True
    return None


def feature_candidates(gaz: Gazetteer, name: str, what: str, word: str) -> list[Candidate]:
    """The gazetteer's rivers/lakes (or mountains) called `name`, with or without the word."""
    kinds = WATER_KIND if what == "water" else TERRAIN_KINDS
    out: list[Candidate] = []
    seen: set[int] = set()
    generic = ("river", "lake") if what == "water" else ("mount", "mountains")
    keys = (
        [f"{name} {word}", f"{word} {name}"]
        + [f"{name} {g}" for g in generic]
        + [f"{g} {name}" for g in generic]
    )
    for key in (*keys, name):
        for c in gaz.lookup(key):
            if gaz.kind_codes[c.id] in kinds and c.id not in seen:
                seen.add(c.id)
                out.append(Candidate(c.id, True))
    return out
