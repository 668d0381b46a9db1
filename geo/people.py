"""People in running text: their names are never places anywhere in the document.

A capitalised word is a person's (sur)name when it comes
- after a title or role ("president Poetin", "burgemeester Halsema", "spokesman Smith");
- after a country that is a given name, when it is no place and no common word ("Jordan
  Bardella", "Israel Katz");
- after a given name ("Xi Jinping", "Victoria Beckham", "Florence Welch"): the given names
  are the not-a-place lists' (geo/data/notplace_*.tsv) plus the index's list derived from
  gender-guesser's dictionary (geo.build_words);
- after a given name or title and Dutch name particles ("Frans van Houten", "burgemeester
  Van Zanen", "Mark van der Berg"), or as a capitalised particle's surname ("Van der Laan zei");
- before a verb of saying, or after one ("Welch said", ", said Halsema", "aldus Van Dam"),
  unless it is a country, region, sea or capital (those are governments speaking: metonymy,
  geo.notplace);
- as the second word of a capitalised pair the article also writes alone ("Vladimir Poetin"
  + "Poetin").
A pair that is itself a gazetteer name ("Victoria Falls", "De Bilt", "Santa Clara") is a
place, and a strong place (a country, sea, area) is never a surname.
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
PARTICLES = _WORDS["particle"]
PARTICLE_WORDS = frozenset(w for p in PARTICLES for w in p.split())
# particles that only join names ("da", "dos", "von"), never "of" as Dutch "van" is ("premier van Estland")
NAME_ONLY_PARTICLES = frozenset(load(("any",))["particle"])
SAYING_VERBS = _WORDS["saying_verb"]
SAYING_BEFORE = _WORDS["saying_after"]  # words a person's name follows: "aldus Van Dam"
LOCATIVE = _WORDS["locative"]
REGION_TITLES = _WORDS["region_title"]  # "gouverneur van Koersk" governs a region


def _speaking_positions(text: str, lower: set[str]) -> tuple[set[int], set[int]]:
    """Where a name would end before a verb of saying ("Welch| said") and start after one
    ("aldus |Van Dam"). Only the verbs the text has are searched (`lower`: its lowercase
    words), with str.find: most texts have one or two of them."""
    ends: set[int] = set()
    starts: set[int] = set()
    for verbs, before in ((SAYING_VERBS & lower, True), (SAYING_BEFORE & lower, False)):
        for verb in verbs:
            pos = text.find(verb)
            while pos >= 0:
                end = pos + len(verb)
                if (pos == 0 or not text[pos - 1].isalpha()) and (
                    end == len(text) or not text[end].isalpha()
                ):
                    if before:
                        k = pos - 1
                        while k > pos - 3 and k >= 0 and text[k] == " ":
                            k -= 1
                        if k >= 0 and text[k] == ",":
                            k -= 1
                        ends.add(k + 1)
                    else:
                        k = end + (1 if text[end : end + 1] == "," else 0)
                        while k < end + 3 and text[k : k + 1] == " ":
                            k += 1
                        starts.add(k)
                pos = text.find(verb, end)
    return ends, starts


@per_key
def is_strong_place(gaz: Gazetteer, key: str) -> bool:
    """A country, sea or other curated place: never mistaken for a surname."""
    for c in gaz.lookup(key):
        kind = gaz.kind_codes[c.id]
        if kind == "C" or (c.exact and kind in "sal"):  # "Estland" is Estonia's Dutch name
            return True
    return False


@per_key
def _speaks_as_a_place(gaz: Gazetteer, key: str) -> bool:
    """A country, region, sea, area or capital: "Russia said", "Texas says" are governments."""
    return any(gaz.kind_codes[c.id] in "Csalr" or c.id in gaz.capitals for c in gaz.lookup(key))


def _given(gaz: Gazetteer, key: str) -> bool:
    return key in FIRST_NAMES or key in gaz.given_names


_INITIALS_RE = re.compile(r"[A-Z]{2}|(?:[A-Z]\.){2}")  # "JD", "A.J."; not "NYC", "US" (index names)
# a person's age in apposition: "Ford, 83, told reporters" (a year or a postcode has more digits)
_AGE_RE = re.compile(r", (?:aged )?\d{1,3}, ")
SURNAME_MAX_ZIPF = 40  # "Tennessee Arts", "Indiana State": a common word is no surname


def _common_word(gaz: Gazetteer, key: str, langs: tuple[str, ...] | None) -> bool:
    """A frequent word in the article's languages (every language when they are unknown)."""
    tables = gaz.common_words
    chosen = tables.values() if langs is None else [tables[lang] for lang in langs if lang in tables]
    return any(t.get(key, 0) >= SURNAME_MAX_ZIPF for t in chosen)


def people_in(
    text: str,
    tokens: list[Token],
    gaz: Gazetteer,
    lower: set[str] = frozenset(),
    langs: tuple[str, ...] | None = None,
) -> tuple[set[str], set[int]]:
    """Keys of capitalised words the document uses as (sur)names of people, and the indexes of
    the tokens that are parts of people's names (given names, particles) in this place."""
    solo: set[str] = set()
    pairs: list[tuple[Token, Token, int]] = []  # (a, b, index of a)
    people: set[str] = set()
    parts: set[int] = set()
    located: set[str] = set()
    n = len(tokens)
    said_after, said_before = _speaking_positions(text, lower)
    # ages in apposition (", 83, "): one scan (a name ends on a letter, never inside a match)
    ages = {m.start() for m in _AGE_RE.finditer(text)}
    speaking = bool(said_after or said_before)
    prev = None
    for k, t in enumerate(tokens):
        if not t.cap:
            prev = t
            continue
        next_cap = t.adj and k + 1 < n and tokens[k + 1].cap
        if prev is None or not prev.adj:  # the usual case: no word right before it
            if not next_cap and not t.sent_start:
                solo.add(t.low)
            adj_prev = prev_cap = False
        else:
            adj_prev = True
            plow = prev.low
            prev_cap = prev.cap and plow not in PARTICLE_WORDS
            if not prev_cap and not next_cap and not t.sent_start:
                solo.add(t.low)
            if plow in LOCATIVE and not (plow in PARTICLE_WORDS and k > 1 and _given(gaz, tokens[k - 2].low)):
                located.add(t.low)  # "in Vries"; but "Piet de Vries": "de" is no French "from" there
            if plow.rstrip(".") in TITLES and not gaz.has(name_key(f"{prev.text} {t.text}")):
                solo.add(t.low)
                pairs.append((prev, t, k - 1))
                _titled_chain(text, tokens, k, gaz, people, parts, langs)
            if prev_cap:
                pairs.append((prev, t, k - 1))
            if plow in PARTICLE_WORDS:
                _particle_name(text, tokens, k, gaz, people, parts)
        if (
            ages
            and t.end in ages
            and not t.shout
            and not (adj_prev and prev.low in LOCATIVE)
            and _small_towns_only(gaz, t.low)
        ):
            people.add(t.low)  # "Ford, 83, told reporters": a person's age after the name
        prev = t
        if speaking and (t.end in said_after or t.start in said_before) and not t.shout:
            # "Welch said", "aldus Van Dam"; but "police in Nice said" is Nice, and "Russia
            # said", "Kiev says" are governments speaking
            end = k
            if t.start in said_before:  # the whole name after the verb: "aldus Van der Laan"
                while (
                    end + 1 < n
                    and tokens[end].adj
                    and (tokens[end + 1].cap or tokens[end + 1].low in PARTICLE_WORDS)
                ):
                    end += 1
            elif next_cap:
                continue
            last = tokens[end]
            governs = k >= 2 and adj_prev and tokens[k - 2].adj and tokens[k - 2].low in REGION_TITLES
            if (
                not (adj_prev and tokens[k - 1].low in LOCATIVE)
                and not governs
                and not _speaks_as_a_place(gaz, last.low)
            ):
                people.add(last.low)
                parts.update(range(k, end))
    for a, b, ia in pairs:
        kb = b.low[:-2] if b.low.endswith(("'s", "’s")) else b.low  # "Tyler Perry's studio"
        ka = a.low.rstrip(".")
        if _country_as_surname(gaz, a, b, ka, kb):
            parts.add(ia + 1)  # "Luís Montenegro": that token is his name, not the country
            continue
        if gaz.has(name_key(f"{a.text} {b.text}")) or is_strong_place(gaz, kb) or b.shout:
            continue
        if _INITIALS_RE.fullmatch(a.text) and not gaz.has(ka) and _small_towns_only(gaz, kb):
            people.add(kb)  # "JD Vance", "JB Pritzker", "A.J. Brown": initials open a name
            continue
        if _country_as_given_name(text, tokens, gaz, ia, ka, kb, langs):
            people.add(kb)  # "Jordan Bardella", "Georgia Meloni", "Israel Katz": a person
            parts.add(ia)
            continue
        if _rare_given_and_surname(gaz, tokens, a, b, ia, langs):
            people.add(kb)  # "Chelsea Clinton", "Paris Hilton", "Nicky Hilton"
            parts.add(ia)
            continue
        if _given_name_alone(gaz, tokens, a, b, ia, langs):
            parts.add(ia + 1)  # "Denzel Washington": that token is his name, not the city
        # a given name that is also a place ("Victoria", "Florence") opens a person's name only
        # before a word that is no common word: "Victoria Beckham", not "Tennessee Arts"
        given = a.cap and _given(gaz, ka) and not is_strong_place(gaz, ka)
        if (
            given
            and gaz.has(ka)
            and _common_word(gaz, kb, langs)
            and not _given(gaz, kb)
            and not _city_surname(gaz, kb)
        ):
            # "Tennessee Arts"; but "Tyler James": a frequent word that is a name, and "Lewis
            # Hamilton": frequent as the name of a sizeable city (named after a person)
            given = False
        if ka in TITLES and _given(gaz, kb) and gaz.has(kb) and _name_follows(text, tokens, ia + 1):
            parts.add(ia + 1)  # "Minister Florence Parly": this Florence only; the city stays a place
        elif ka in TITLES or given:
            people.add(kb)  # "president Poetin", "Xi Jinping", "Victoria Beckham"
            if given and not _speaks_as_a_place(gaz, kb):
                parts.add(ia)  # that "Florence" is a given name even where the city is named too
        elif kb in solo and (given or (not gaz.has(kb) and not a.sent_start)):
            people.add(kb)  # "Vladimir Poetin" + "Poetin" alone; "Kristen Michal" + "Michal"
        elif (
            kb in solo and a.cap and not gaz.has(kb) and _given(gaz, ka) and not _common_word(gaz, kb, langs)
        ):
            people.add(kb)  # "Jordan Peterson" + "Peterson" alone: a country as a given name
    # a country, state or city that is also a given name, even a rare one, opens the name of a
    # person the article shows by other means ("Jordan Peterson ... Peterson said", "Chad
    # Smith said", "Sydney Sweeney ... Sweeney said", "Harrison Ford ... Ford, 83,"): that
    # token is part of the name, not the place; but "in Sydney Smith said" is Sydney
    for a, b, ia in pairs:
        if (
            b.low in people
            and a.cap
            and not b.shout
            and (_given(gaz, a.low) or a.low in gaz.rare_given_names)
            and not (ia > 0 and tokens[ia - 1].low in LOCATIVE and tokens[ia - 1].adj)
            and _small_towns_only(gaz, b.low)
            and not _common_word(gaz, b.low, langs)
            and not gaz.has(name_key(f"{a.text} {b.text}"))
        ):
            parts.add(ia)
    # a name the article also puts after "in"/"near"/"bij" is a place there ("Rodeo Gainesville
    # ... in Gainesville")
    return people - located, parts


SURNAME_TOWN_MAX_POP = 100_000  # "Clinton", "Hilton", "Riley": names of small towns only


CITY_SURNAME_POP = (100_000, 1_000_000)  # "Hamilton", "Jackson"; not "Freedom", nor "London"


@per_key
def _city_surname(gaz: Gazetteer, key: str) -> bool:
    """A word frequent as the name of a sizeable city, not of a metropolis ("Hamilton")."""
    pops = [gaz.pop[c.id] for c in gaz.lookup(key) if gaz.kind_codes[c.id] == "c"]
    return bool(pops) and CITY_SURNAME_POP[0] <= max(pops) < CITY_SURNAME_POP[1]


@per_key
def _small_towns_only(gaz: Gazetteer, key: str) -> bool:
    """No place, or only towns too small to stand for a person's name ("Ford", "Clinton")."""
    return all(gaz.kind_codes[c.id] == "c" and gaz.pop[c.id] < SURNAME_TOWN_MAX_POP for c in gaz.lookup(key))


def _rare_given_and_surname(
    gaz: Gazetteer,
    tokens: list[Token],
    a: Token,
    b: Token,
    ia: int,
    langs: tuple[str, ...] | None,
) -> bool:
    """A given name, even a rare one ("Chelsea", "Paris", "Nicky"), then a surname that is a
    given name too and names only small towns ("Clinton", "Hilton", "Riley"; a word naming no
    place may be a brand: "the Paris Walmart"). A place's name then a
    place's name with only a space between is no phrase of places ("Paris, Texas" has its
    comma); "Victoria Falls", "Santa Clara" are names of the index and never come here; the
    common words of the article's language are no surnames ("Athens Police")."""
    ka, kb = a.low, b.low
    if not a.cap or a.shout or ka in TITLES or kb in _stop(langs):
        return False
    if ia + 2 < len(tokens) and tokens[ia + 2].cap and b.adj:
        return False  # "Sydney Opera House", "Chelsea Flower Show": a longer name
    if not (_given(gaz, ka) or ka in gaz.rare_given_names) or is_strong_place(gaz, ka):
        return False
    return (
        bool(gaz.lookup(kb))
        and (_given(gaz, kb) or kb in gaz.rare_given_names)
        and _small_towns_only(gaz, kb)
    )


def _given_name_alone(
    gaz: Gazetteer, tokens: list[Token], a: Token, b: Token, ia: int, langs: tuple[str, ...] | None
) -> bool:
    """A given name that names no place ("Denzel", "Kendall"... rare ones too) before a
    last word: that word is a surname there, whatever it names elsewhere ("Denzel
    Washington"). Not a common word opening a sentence ("Will London ..."), nor before a
    longer name ("Mary Washington Hospital")."""
    ka = a.low
    if not a.cap or a.shout or b.shout or ka in TITLES or ka in _stop(langs) or gaz.has(ka):
        return False
    if not (_given(gaz, ka) or ka in gaz.rare_given_names) or is_strong_place(gaz, b.low):
        return False
    if ia + 2 < len(tokens) and tokens[ia + 2].cap and b.adj:
        return False
    return not (a.sent_start and _common_word(gaz, ka, langs))


@cache
def _stop(langs: tuple[str, ...] | None) -> frozenset[str]:
    """The common words and given names of the not-a-place lists of `langs`; English's for an
    article whose language is unknown (other languages' lists hold surnames: "hilton")."""
    words = load(langs or ("en",))
    return words["common"] | words["first_name"]


GIVEN_NAME_TOWN_MAX_POP = 100_000  # "Luis" is also a small town; "Victoria" is no given name here


def _country_as_surname(gaz: Gazetteer, a: Token, b: Token, ka: str, kb: str) -> bool:
    """A country's name right after a given name that names no country, region or sizeable
    town ("Luís Montenegro", "Anna Ireland"): a surname there."""
    if not a.cap or a.shout or b.shout or ka in TITLES or not _given(gaz, ka) or not is_strong_place(gaz, kb):
        return False
    if gaz.has(name_key(f"{a.text} {b.text}")):
        return False
    for c in gaz.lookup(ka):
        if gaz.kind_codes[c.id] != "c" or gaz.pop[c.id] >= GIVEN_NAME_TOWN_MAX_POP:
            return False
    return True


def _country_as_given_name(
    text: str, tokens: list[Token], gaz: Gazetteer, ia: int, ka: str, kb: str, langs: tuple[str, ...] | None
) -> bool:
    """A country or curated place that is also a given name, before a word that is no place
    (or a small town's only) and no common word, in running text: "Jordan Bardella", "Israel
    Katz", "India Knight". Not after "in"/"from" ("in Jordan Valley"), not in a title-case line
    (the word after the pair is capitalised too: "Jordan Blasts Israel Over ...")."""
    a, b = tokens[ia], tokens[ia + 1]
    if not a.cap or a.shout or b.shout or not _given(gaz, ka) or not is_strong_place(gaz, ka):
        return False
    if ia > 0 and tokens[ia - 1].adj and (tokens[ia - 1].low in LOCATIVE or tokens[ia - 1].low in _OF_WORDS):
        return False  # "in Jordan Valley", "the Association of Georgia Educators"
    if b.adj and ia + 2 < len(tokens) and tokens[ia + 2].cap:
        return False
    return (
        b.text[:1].isupper()
        and b.text[1:2].islower()
        and _small_towns_only(gaz, kb)
        and not _common_word(gaz, kb, langs)
        and not _given(gaz, kb)
    )


_OF_WORDS = frozenset({"of", "van", "de", "des", "du", "von", "der"})
PERSON_VILLAGE_MAX_POP = 5_000  # "Pedro Sánchez" (1,621 people) is the man; "Emiliano Zapata" (49,193) a town


def person_named_like_a_village(tokens: list[Token], i: int, j: int, cands: list, gaz: Gazetteer) -> bool:
    """A given name and a surname that together are only the name of a village ("Pedro
    Sánchez", "Jean Lafitte"): a person. Towns of any size keep their names ("Santa Clara",
    "Fort Worth": no given name opens them; "Emiliano Zapata" is a sizeable town)."""
    if j != i + 1 or not tokens[i].cap or not tokens[j].cap or tokens[i].shout:
        return False
    if not cands or any(
        gaz.kind_codes[c.id] != "c" or gaz.pop[c.id] >= PERSON_VILLAGE_MAX_POP for c in cands
    ):
        return False
    return _given(gaz, tokens[i].low) and not is_strong_place(gaz, tokens[i].low)


def named_after_it(gaz: Gazetteer, i: int) -> bool:
    """Entry i is a town whose first-level region carries its name (Kursk, Kursk Oblast)."""
    if gaz.kind_codes[i] != "c":
        return False
    r = gaz.region.get(f"{gaz.cc[i]}.{gaz.admin1[i]}")
    if r is None:
        return False
    town, region = name_key(gaz.names[i]), name_key(gaz.names[r])
    return region.startswith(town) and region[len(town) : len(town) + 1] in (" ", "")


def _name_follows(text: str, tokens: list[Token], i: int) -> bool:
    """Does a capitalised word right after tokens[i] go on with the name?"""
    return i + 1 < len(tokens) and tokens[i + 1].cap and tokens[i].adj


CHAIN_MAX = 5  # the words of a name after a title: "President Luiz Inacio Lula da Silva"


def _titled_chain(
    text: str,
    tokens: list[Token],
    k: int,
    gaz: Gazetteer,
    people: set[str],
    parts: set[int],
    langs: tuple[str, ...] | None,
):
    """The capitalised words (with name particles between them) right after a title are one
    person's name when there are at least two: "Defense Minister Jose Mucio", "President Luiz
    Inacio Lula da Silva". Its words are people's names in the whole document ("Lula" alone
    later), except a given name that is also a place ("Minister Florence Parly": only here).
    A frequent word that is no given name ends the name ("Storm Hits Bang As ...")."""

    def name_word(t: Token) -> bool:
        return t.cap and not t.shout and (_given(gaz, t.low) or not _common_word(gaz, t.low, langs))

    if not name_word(tokens[k]):
        return
    chain = [k]
    j = k
    while len(chain) < CHAIN_MAX and j + 1 < len(tokens) and tokens[j].adj:
        nxt = tokens[j + 1]
        if name_word(nxt):
            chain.append(j + 1)
            j += 1
        elif nxt.low in PARTICLE_WORDS and j + 2 < len(tokens) and name_word(tokens[j + 2]) and nxt.adj:
            chain.append(j + 2)
            j += 2
        else:
            break
    if len(chain) < 2:
        return
    first, last = tokens[chain[0]], tokens[chain[-1]]
    if gaz.has(name_key(text[first.start : last.end])) or any(
        tokens[i].shout
        or is_strong_place(gaz, tokens[i].low)
        or gaz.has(name_key(f"{tokens[i].text} {tokens[i + 1].text}"))
        for i in chain[:-1]
    ):
        return  # "President Obama Washington" is no name; "Minister of ..." never gets here
    if is_strong_place(gaz, last.low) or last.shout:
        return
    for i in chain:
        low = tokens[i].low
        if _given(gaz, low) and gaz.has(low):
            parts.add(i)
        else:
            people.add(low)
    parts.update(range(chain[0], chain[-1]))


def _particle_name(text: str, tokens: list[Token], k: int, gaz: Gazetteer, people: set[str], parts: set[int]):
    """tokens[k] after name particles: a surname when a given name or a title opens the chain
    ("Frans van Houten", "burgemeester van Zanen"), or a capitalised particle does ("Van der
    Laan", "Van Gogh"; one capitalised particle before a known place is a preposition:
    "Van Amsterdam naar Utrecht")."""
    j = k - 1
    while j >= 0 and tokens[j].low in PARTICLE_WORDS and tokens[j].adj:
        if tokens[j].cap:
            break
        j -= 1
    if j < 0 or k - j > 4:
        return
    head = tokens[j]
    if head.cap and head.low in PARTICLE_WORDS:
        before = tokens[j - 1] if j > 0 and tokens[j - 1].adj else None
        # a title or a given name opens the name: "burgemeester Van Zanen", "Marine Le Pen"
        titled = before is not None and (
            before.low.rstrip(".") in TITLES or (before.cap and not before.shout and _given(gaz, before.low))
        )
        if not titled and k - j < 2 and gaz.lookup(tokens[k].text):
            return
    elif not ((head.low.rstrip(".") in TITLES or (head.cap and _given(gaz, head.low))) and head.adj):
        return  # the usual case: "de regering van Oekraïne" has no name before "van"
    name_only = all(tokens[i].low in NAME_ONLY_PARTICLES for i in range(j + 1, k))
    governs = is_strong_place if name_only else _speaks_as_a_place  # "Paula dos Santos" is no city
    if gaz.has(name_key(text[head.start : tokens[k].end])) or governs(gaz, tokens[k].low):
        return  # "De Bilt", "Den Haag", "Alphen aan den Rijn" are places; "premier van Estland"
    if (
        head.low in REGION_TITLES
        and k - j == 2
        and (
            gaz.lookup(f"{tokens[k].text} region")
            or any(named_after_it(gaz, c.id) for c in gaz.lookup(tokens[k].text))
        )
    ):
        return  # "gouverneur van Koersk": the governor of a region
    people.add(tokens[k].low)
    parts.update(range(j, k))
