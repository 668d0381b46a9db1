"""Places joined in a list are of one level: "Friesland en Groningen" are two provinces.

A name that is both a town and a first-level region ("Groningen", "Utrecht", "New York",
"Washington") is read as its town unless something says "region". A conjunction with a
first-level region says it: "storm in Friesland en Groningen", "in Oregon and Washington",
"Sachsen und Thüringen". Such a name then takes the region of its own name in one of the
region's countries; a chain of them ("Friesland, Groningen en Drenthe") passes the level on.
A comma alone does not ("Athens, Georgia", "Groningen, Friesland" name a place and what
holds it: geo.containers).
"""

from __future__ import annotations

from geo.gazetteer import Gazetteer
from geo.lexicon import load
from geo.spans import Mention, strip_possessive

_ALL = load()
# "en", "and", "und" (geo/data/cues_<lang>.tsv, role list_joiner), per language: Dutch "of"
# ("or") is English "of"; with no language known, a joiner that is another language's
# connector ("of", "an") is left out
CONJUNCTIONS = {lang: load((lang,))["list_joiner"] for lang in ("nl", "en", "de", "fr", "uk", "ru")}
_ANY_LANGUAGE = _ALL["list_joiner"] - _ALL["connector"] - _ALL["locative"] - _ALL["region_of"]


def coordinated_regions(text: str, mentions: list[Mention], gaz: Gazetteer, lang: str | None = None) -> None:
    """Give a town-or-region name joined to a first-level region by a conjunction the
    region reading (in place; `mentions` in text order; `lang`: the text's language)."""
    if len(mentions) < 2:
        return
    joiners = CONJUNCTIONS.get((lang or "")[:2].lower(), _ANY_LANGUAGE)
    pairs = [
        (a, b)
        for a, b in zip(mentions, mentions[1:])
        if b.start - a.end <= 8 and _joined(text, a, b, joiners)
    ]
    for _ in range(len(pairs)):  # each pass may pass the level one name further
        changed = False
        for a, b in pairs:
            for region, other in ((a, b), (b, a)):
                ccs = _region_countries(gaz, region)
                if ccs and not _region_countries(gaz, other):
                    named = _own_region(gaz, other, ccs)
                    if named:
                        other.cands, other.region_of = named, False
                        changed = True
        if not changed:
            return


def _joined(text: str, a: Mention, b: Mention, joiners: frozenset[str] | set[str]) -> bool:
    """Only a conjunction between them (", and " too): "Friesland en Groningen"."""
    gap = text[a.end : b.start]
    if len(gap) > 8 or not gap.startswith((" ", ", ")) or not gap.endswith(" "):
        return False
    word = gap.strip(" ,")
    return word.casefold() in joiners


def _region_countries(gaz: Gazetteer, m: Mention) -> set[str]:
    """The countries of a mention read first as a first-level region (its most prominent
    candidate is one: "Oregon" before Oregon, Ohio), else an empty set."""
    if not m.cands or m.demonym is not None or m.flags & {"organisation", "adjective", "metonym"}:
        return set()
    if gaz.kind_codes[m.cands[0].id] == "r":  # candidate lists come most prominent first
        return {gaz.cc[c.id] for c in m.cands if gaz.kind_codes[c.id] == "r"}
    return set()


def _own_region(gaz: Gazetteer, m: Mention, ccs: set[str]) -> list:
    """The first-level regions called like `m` in those countries ("Groningen region")."""
    if m.demonym is not None or m.flags & {"organisation", "adjective", "metonym"}:
        return []
    return [
        c
        for c in gaz.lookup(f"{strip_possessive(m.text)} region")
        if gaz.kind_codes[c.id] == "r" and gaz.cc[c.id] in ccs
    ]
