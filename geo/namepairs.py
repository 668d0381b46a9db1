"""The tests of a pair of capitalised words behind geo.people's rules: is this word a given
name, a surname, a common word, a strong place ("Jordan Bardella", "Luís Montenegro", "Chelsea
Clinton", "Denzel Washington", "Tennessee Arts")?

Surnames that are frequent common words ("Williams", "Keys", "Knight", "Smith") come from the
index's list of frequent US surnames (geo.build_words): after a given name they are a
person's name although they are common words.
"""

from __future__ import annotations

import re
from functools import cache

from geo.gazetteer import Gazetteer
from geo.lexicon import load
from geo.memo import per_key
from geo.names import name_key
from geo.tokens import Token

_WORDS = load()
TITLES = _WORDS["title"]
FIRST_NAMES = _WORDS["first_name"]
LOCATIVE = _WORDS["locative"]


@per_key
def is_strong_place(gaz: Gazetteer, key: str) -> bool:
    """A country, sea or other curated place: never mistaken for a surname."""
    for c in gaz.lookup(key):
        kind = gaz.kind_codes[c.id]
        if kind == "C" or (c.exact and kind in "sal"):  # "Estland" is Estonia's Dutch name
            return True
    return False


@per_key
def speaks_as_a_place(gaz: Gazetteer, key: str) -> bool:
    """A country, region, sea, area or capital: "Russia said", "Texas says" are governments."""
    return any(gaz.kind_codes[c.id] in "Csalr" or c.id in gaz.capitals for c in gaz.lookup(key))


def is_given(gaz: Gazetteer, key: str) -> bool:
    return key in FIRST_NAMES or key in gaz.given_names


INITIALS_RE = re.compile(r"[A-Z]{2}|(?:[A-Z]\.){2}")  # "JD", "A.J."; not "NYC", "US" (index names)
# a person's age in apposition: "Ford, 83, told reporters" (a year or a postcode has more digits)
AGE_RE = re.compile(r", (?:aged )?\d{1,3}, ")
SURNAME_MAX_ZIPF = 40  # "Tennessee Arts", "Indiana State": a common word is no surname


def common_word(gaz: Gazetteer, key: str, langs: tuple[str, ...] | None) -> bool:
    """A frequent word in the article's languages (every language when they are unknown)."""
    tables = gaz.common_words
    chosen = tables.values() if langs is None else [tables[lang] for lang in langs if lang in tables]
    return any(t.get(key, 0) >= SURNAME_MAX_ZIPF for t in chosen)


SURNAME_TOWN_MAX_POP = 100_000  # "Clinton", "Hilton", "Riley": names of small towns only


CITY_SURNAME_POP = (100_000, 1_000_000)  # "Hamilton", "Jackson"; not "Freedom", nor "London"


@per_key
def city_surname(gaz: Gazetteer, key: str) -> bool:
    """A word frequent as the name of a sizeable city, not of a metropolis ("Hamilton")."""
    pops = [gaz.pop[c.id] for c in gaz.lookup(key) if gaz.kind_codes[c.id] == "c"]
    return bool(pops) and CITY_SURNAME_POP[0] <= max(pops) < CITY_SURNAME_POP[1]


@per_key
def small_towns_only(gaz: Gazetteer, key: str) -> bool:
    """No place, or only towns too small to stand for a person's name ("Ford", "Clinton")."""
    return all(gaz.kind_codes[c.id] == "c" and gaz.pop[c.id] < SURNAME_TOWN_MAX_POP for c in gaz.lookup(key))


def rare_given_and_surname(
    gaz: Gazetteer,
    tokens: list[Token],
    a: Token,
    b: Token,
    ia: int,
    langs: tuple[str, ...] | None,
) -> bool:
    """A given name, even a rare one ("Chelsea", "Paris", "Nicky"), then a surname that is a
    given name too and names only small towns ("Clinton", "Hilton", "Riley"; a word naming no
    place may be a brand: "the Paris Walmart"), or a frequent surname that names no big place
    ("Madison Keys", "Serena Williams", "Austin Powers"). A place's name then a
    place's name with only a space between is no phrase of places ("Paris, Texas" has its
    comma); "Victoria Falls", "Santa Clara" are names of the index and never come here; the
    common words of the article's language are no surnames ("Athens Police")."""
    ka, kb = a.low, b.low
    if not a.cap or a.shout or ka in TITLES or kb in _stop(langs):
        return False
    if ia + 2 < len(tokens) and tokens[ia + 2].cap and b.adj:
        return False  # "Sydney Opera House", "Chelsea Flower Show": a longer name
    if not (is_given(gaz, ka) or ka in gaz.rare_given_names) or is_strong_place(gaz, ka):
        return False
    if kb in gaz.surnames and not b.shout:
        return small_towns_only(gaz, kb)  # "Madison Keys", "Serena Williams": a frequent surname
    return (
        bool(gaz.lookup(kb))
        and (is_given(gaz, kb) or kb in gaz.rare_given_names)
        and small_towns_only(gaz, kb)
    )


def given_name_alone(
    gaz: Gazetteer, tokens: list[Token], a: Token, b: Token, ia: int, langs: tuple[str, ...] | None
) -> bool:
    """A given name that names no place ("Denzel", "Kendall"... rare ones too) before a
    last word: that word is a surname there, whatever it names elsewhere ("Denzel
    Washington"). Not a common word opening a sentence ("Will London ..."), nor before a
    longer name ("Mary Washington Hospital")."""
    ka = a.low
    if not a.cap or a.shout or b.shout or ka in TITLES or ka in _stop(langs) or gaz.has(ka):
        return False
    if not (is_given(gaz, ka) or ka in gaz.rare_given_names) or is_strong_place(gaz, b.low):
        return False
    if ia + 2 < len(tokens) and tokens[ia + 2].cap and b.adj:
        return False
    return not (a.sent_start and common_word(gaz, ka, langs))


@cache
def _stop(langs: tuple[str, ...] | None) -> frozenset[str]:
    """The common words and given names of the not-a-place lists of `langs`; English's for an
    article whose language is unknown (other languages' lists hold surnames: "hilton")."""
    words = load(langs or ("en",))
    return words["common"] | words["first_name"]


GIVEN_NAME_TOWN_MAX_POP = 100_000  # "Luis" is also a small town; "Victoria" is no given name here


def country_as_surname(gaz: Gazetteer, a: Token, b: Token, ka: str, kb: str) -> bool:
    """A country's name right after a given name that names no country, region or sizeable
    town ("Luís Montenegro", "Anna Ireland"): a surname there."""
    if (
        not a.cap
        or a.shout
        or b.shout
        or ka in TITLES
        or not is_given(gaz, ka)
        or not is_strong_place(gaz, kb)
    ):
        return False
    if gaz.has(name_key(f"{a.text} {b.text}")):
        return False
    for c in gaz.lookup(ka):
        if gaz.kind_codes[c.id] != "c" or gaz.pop[c.id] >= GIVEN_NAME_TOWN_MAX_POP:
            return False
    return True


def country_as_given_name(
    text: str, tokens: list[Token], gaz: Gazetteer, ia: int, ka: str, kb: str, langs: tuple[str, ...] | None
) -> bool:
    """A country or curated place that is also a given name, before a word that is no place
    (or a small town's only) and no common word, in running text: "Jordan Bardella", "Israel
    Katz", "India Knight". Not after "in"/"from" ("in Jordan Valley"), not in a title-case line
    (the word after the pair is capitalised too: "Jordan Blasts Israel Over ...")."""
    a, b = tokens[ia], tokens[ia + 1]
    # a rare given name ("India") only before a frequent surname ("India Knight")
    given = is_given(gaz, ka) or (ka in gaz.rare_given_names and kb in gaz.surnames)
    if not a.cap or a.shout or b.shout or not given or not is_strong_place(gaz, ka):
        return False
    if ia > 0 and tokens[ia - 1].adj and (tokens[ia - 1].low in LOCATIVE or tokens[ia - 1].low in _OF_WORDS):
        return False  # "in Jordan Valley", "the Association of Georgia Educators"
    if b.adj and ia + 2 < len(tokens) and tokens[ia + 2].cap:
        return False
    return (
        b.text[:1].isupper()
        and b.text[1:2].islower()
        and small_towns_only(gaz, kb)
        and (kb in gaz.surnames or not common_word(gaz, kb, langs))  # "India Knight", "Chad Smith"
        and not is_given(gaz, kb)
    )


_OF_WORDS = frozenset({"of", "van", "de", "des", "du", "von", "der"})
