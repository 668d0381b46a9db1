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

from geo.gazetteer import Gazetteer
from geo.lexicon import load
from geo.namepairs import (
    AGE_RE,
    INITIALS_RE,
    SURNAME_TOWN_MAX_POP,
    city_surname,
    common_word,
    country_as_given_name,
    country_as_surname,
    given_name_alone,
    is_given,
    is_strong_place,
    rare_given_and_surname,
    small_towns_only,
    speaks_as_a_place,
)
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
    ages = {m.start() for m in AGE_RE.finditer(text)}
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
            if plow in LOCATIVE and not (
                plow in PARTICLE_WORDS and k > 1 and is_given(gaz, tokens[k - 2].low)
            ):
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
            and small_towns_only(gaz, t.low)
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
                and not speaks_as_a_place(gaz, last.low)
            ):
                people.add(last.low)
                parts.update(range(k, end))
    for a, b, ia in pairs:
        kb = b.low[:-2] if b.low.endswith(("'s", "’s")) else b.low  # "Tyler Perry's studio"
        ka = a.low.rstrip(".")
        if country_as_surname(gaz, a, b, ka, kb):
            parts.add(ia + 1)  # "Luís Montenegro": that token is his name, not the country
            continue
        if gaz.has(name_key(f"{a.text} {b.text}")) or is_strong_place(gaz, kb) or b.shout:
            continue
        if INITIALS_RE.fullmatch(a.text) and not gaz.has(ka) and small_towns_only(gaz, kb):
            people.add(kb)  # "JD Vance", "JB Pritzker", "A.J. Brown": initials open a name
            continue
        if country_as_given_name(text, tokens, gaz, ia, ka, kb, langs):
            people.add(kb)  # "Jordan Bardella", "Georgia Meloni", "Israel Katz": a person
            parts.add(ia)
            continue
        if rare_given_and_surname(gaz, tokens, a, b, ia, langs):
            people.add(kb)  # "Chelsea Clinton", "Paris Hilton", "Nicky Hilton"
            parts.add(ia)
            continue
        if given_name_alone(gaz, tokens, a, b, ia, langs):
            parts.add(ia + 1)  # "Denzel Washington": that token is his name, not the city
        # a given name that is also a place ("Victoria", "Florence") opens a person's name only
        # before a word that is no common word: "Victoria Beckham", not "Tennessee Arts"
        given = a.cap and is_given(gaz, ka) and not is_strong_place(gaz, ka)
        if (
            given
            and gaz.has(ka)
            and common_word(gaz, kb, langs)
            and not is_given(gaz, kb)
            and not city_surname(gaz, kb)
            and kb not in gaz.surnames  # "Serena Williams", "Madison Keys": a frequent surname
        ):
            # "Tennessee Arts"; but "Tyler James": a frequent word that is a name, and "Lewis
            # Hamilton": frequent as the name of a sizeable city (named after a person)
            given = False
        if ka in TITLES and is_given(gaz, kb) and gaz.has(kb) and _name_follows(text, tokens, ia + 1):
            parts.add(ia + 1)  # "Minister Florence Parly": this Florence only; the city stays a place
        elif ka in TITLES or given:
            people.add(kb)  # "president Poetin", "Xi Jinping", "Victoria Beckham"
            if given and not speaks_as_a_place(gaz, kb):
                parts.add(ia)  # that "Florence" is a given name even where the city is named too
        elif kb in solo and (given or (not gaz.has(kb) and not a.sent_start)):
            people.add(kb)  # "Vladimir Poetin" + "Poetin" alone; "Kristen Michal" + "Michal"
        elif (
            kb in solo and a.cap and not gaz.has(kb) and is_given(gaz, ka) and not common_word(gaz, kb, langs)
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
            and (is_given(gaz, a.low) or a.low in gaz.rare_given_names)
            and not (ia > 0 and tokens[ia - 1].low in LOCATIVE and tokens[ia - 1].adj)
            and small_towns_only(gaz, b.low)
            and not common_word(gaz, b.low, langs)
            and not gaz.has(name_key(f"{a.text} {b.text}"))
        ):
            parts.add(ia)
    # a name the article also puts after "in"/"near"/"bij" is a place there ("Rodeo Gainesville
    # ... in Gainesville")
    return people - located, parts


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
    return is_given(gaz, tokens[i].low) and not is_strong_place(gaz, tokens[i].low)


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
        return t.cap and not t.shout and (is_given(gaz, t.low) or not common_word(gaz, t.low, langs))

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
        if is_given(gaz, low) and gaz.has(low):
            parts.add(i)
        else:
            people.add(low)
    parts.update(range(chain[0], chain[-1]))


def _opens_a_name(gaz: Gazetteer, key: str) -> bool:
    """A given name, or a rare one whose only places are other languages' names of a city or
    small towns: "Luuk de Jong" (Luuk is Limburgish for Liège), not "Luik de ..."."""
    if is_given(gaz, key):
        return True
    return key in gaz.rare_given_names and all(
        not c.exact or (gaz.kind_codes[c.id] == "c" and gaz.pop[c.id] < SURNAME_TOWN_MAX_POP)
        for c in gaz.lookup(key)
    )


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
            before.low.rstrip(".") in TITLES
            or (before.cap and not before.shout and is_given(gaz, before.low))
        )
        if not titled and k - j < 2 and gaz.lookup(tokens[k].text):
            return
    elif not ((head.low.rstrip(".") in TITLES or (head.cap and _opens_a_name(gaz, head.low))) and head.adj):
        return  # the usual case: "de regering van Oekraïne" has no name before "van"
    name_only = all(tokens[i].low in NAME_ONLY_PARTICLES for i in range(j + 1, k))
    governs = is_strong_place if name_only else speaks_as_a_place  # "Paula dos Santos" is no city
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
