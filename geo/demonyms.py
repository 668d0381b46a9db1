"""Adjectives and nouns of nationality in running text: "Duitse", "Sri Lankan", "Ohioans".

A country's adjective comes from the index's table (countryinfo's demonyms plus
geo/data/demonyms.tsv), in one word or several ("South African", "Papua New Guinean"). The
people of a first-level region ("Ohioans", "Ontarians", "South Ossetian", "Dagestani") are
derived with the English endings of geo/data/demonym_endings.tsv, and count only when the
gazetteer has a country or a sizeable first-level region of exactly that name. The people of a
continent or world region ("European", "Central American", "Kurdish") come from
geo/data/region_adjectives.tsv: their mention's `demonym` is "" (no country's evidence).
"""

from __future__ import annotations

from functools import cache

from geo.gazetteer import Gazetteer
from geo.lexicon import DATA_DIR, load, tsv_rows
from geo.memo import per_key
from geo.tokens import Token

_WORDS = load()
INSTITUTIONS = _WORDS["institution"]
STOP = _WORDS["common"] | _WORDS["first_name"]
MAX_WORDS = 3  # "Papua New Guinean"
DERIVED_MIN_LEN = 5  # letters of a word a region's people are derived from
DERIVED_MIN_POP = 100_000  # a derived region must be this big (or curated)


@cache
def endings() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(ending, replacements) of geo/data/demonym_endings.tsv, in file order."""
    rows = tsv_rows(DATA_DIR / "demonym_endings.tsv", 2, "ending<TAB>replacement|...")
    return tuple((ending, tuple("" if r == "-" else r for r in repl.split("|"))) for ending, repl in rows)


@cache
def region_adjectives() -> dict[str, str]:
    """Case-folded form -> the canonical name of its area (geo/data/region_adjectives.tsv)."""
    out: dict[str, str] = {}
    for forms, name in tsv_rows(DATA_DIR / "region_adjectives.tsv", 2, "form|form...<TAB>place name"):
        for form in forms.split("|"):
            out[form.casefold()] = name
    return out


@per_key
def region_entry(gaz: Gazetteer, name: str) -> int | None:
    """The area or region whose own name is `name` (a curated one first), or None."""
    found = [c.id for c in gaz.lookup(name) if c.exact and gaz.kind_codes[c.id] not in "Cck"]
    curated = [i for i in found if gaz.sid[i].startswith("sup:")]
    return (curated or found or [None])[0]


def region_of_people(gaz: Gazetteer, key: str) -> int | None:
    """The area whose people `key` (case-folded) names (\"european\" -> Europe), or None."""
    name = region_adjectives().get(key)
    return None if name is None else region_entry(gaz, name)


def _country_of(gaz: Gazetteer, key: str) -> str | None:
    cc = gaz.demonyms.get(key)
    if cc is None and key.endswith("s"):
        cc = gaz.demonyms.get(key[:-1])  # "Canadians", "Syrians"
    return cc


def derived_region(gaz: Gazetteer, key: str) -> int | None:
    """The country or first-level region whose people `key` names ("ohioans" -> Ohio)."""
    if len(key) < DERIVED_MIN_LEN or key in STOP:
        return None
    for ending, replacements in endings():
        if not key.endswith(ending):
            continue
        stem = key[: len(key) - len(ending)]
        for r in replacements:
            for c in gaz.lookup(stem + r) if len(stem + r) >= 4 else ():
                kind = gaz.kind_codes[c.id]
                if (
                    c.exact
                    and kind in "Cr"
                    and (gaz.pop[c.id] >= DERIVED_MIN_POP or gaz.sid[c.id].startswith("sup:"))
                ):
                    return c.id
    return None


@per_key
def _words_demonym(gaz: Gazetteer, key: tuple[tuple[str, ...], bool]) -> tuple[str, int, int | None] | None:
    """(country code, number of words, region entry or None) of the longest leading words
    that are an adjective or noun of nationality (key: the words, and whether a region's
    people may be derived); memoised: every capitalised word of every article is asked."""
    words, derive = key
    found = None
    for n in range(len(words), 0, -1):
        key_n = " ".join(words[:n])
        cc = _country_of(gaz, key_n)
        area = region_of_people(gaz, key_n)  # "Central American" before "American"
        if area is not None:  # "English": England, the United Kingdom's evidence
            found = (cc or "", n, area)
            break
        if cc is not None:
            found = (cc, n, None)
            break
    if found is None and derive:
        for n in range(len(words), 0, -1):
            entry = derived_region(gaz, " ".join(words[:n]))
            if entry is not None:
                found = (gaz.cc[entry], n, entry) if gaz.cc[entry] is not None else None
                break
    return found


@per_key
def _first_words(gaz: Gazetteer, _key: None) -> frozenset[str]:
    """First words of the adjectives of nationality written in several words ("sri")."""
    keys = [*gaz.demonyms, *region_adjectives()]
    return frozenset(k.partition(" ")[0] for k in keys if " " in k)


def may_start_demonym(gaz: Gazetteer, low: str) -> bool:
    """`low` (a token's lowercase form) alone is, or may begin, an adjective or noun of
    nationality, a region's people included: False means demonym() finds none there."""
    return _words_demonym(gaz, ((low,), True)) is not None or low in _first_words(gaz, None)


def demonym(text: str, tokens: list[Token], i: int, gaz: Gazetteer, *, derive: bool = False):
    """(country code, last token, followed by an institution, entry) for "Duitse", "Sri
    Lankan", "American", "Russian-backed", ...; entry is the region's for a derived one
    (`derive`: "Ohioans"), else None (the country's)."""
    words = [tokens[i].low]
    head, _, tail = tokens[i].text.partition("-")
    if tail[:1].islower():  # "Russian-backed", "Georgian-controlled", "Saudi-led"
        words[0] = head.lower()
    k = i
    while k + 1 < len(tokens) and len(words) < MAX_WORDS and tokens[k + 1].cap and tokens[k].adj:
        k += 1
        words.append(tokens[k].low)
    found = _words_demonym(gaz, (tuple(words), derive))
    if found is None:
        return None
    cc, n, entry = found
    j = i + n - 1
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    institution = nxt is not None and tokens[j].adj and nxt.low in INSTITUTIONS
    if institution:
        j += 1
    return cc, j, institution, entry
