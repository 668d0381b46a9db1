"""Places joined in a list are of one level: "Friesland en Groningen" are two provinces.

A name that is both a town and a first-level region ("Groningen", "Utrecht", "New York",
"Washington") is read as its town unless something says "region". A conjunction with a
first-level region says it: "storm in Friesland en Groningen", "in Oregon and Washington",
"Sachsen und Thüringen". Such a name then takes the region of its own name in one of the
region's countries; a chain of them ("Friesland, Groningen en Drenthe") passes the level on.
A comma alone does not ("Athens, Georgia", "Groningen, Friesland" name a place and what
holds it: geo.containers).

A plural region word before or after a list says it for every name of the list: "the
Kharkiv, Sumy and Kyiv regions", "de provincies Groningen en Drenthe", "les régions de
Kharkiv et de Soumy", "Харківській та Сумській областях" are regions (cues roles
region_plural and district_plural).
"""

from __future__ import annotations

import re

from geo.gazetteer import Gazetteer
from geo.lexicon import load
from geo.spans import Mention, region_named, strip_possessive
from geo.wordfilter import WordFilter

_ALL = load()
# "en", "and", "und" (geo/data/cues_<lang>.tsv, role list_joiner), per language: Dutch "of"
# ("or") is English "of"; with no language known, a joiner that is another language's
# connector ("of", "an") is left out
CONJUNCTIONS = {lang: load((lang,))["list_joiner"] for lang in ("nl", "en", "de", "fr", "uk", "ru")}
_ANY_LANGUAGE = _ALL["list_joiner"] - _ALL["connector"] - _ALL["locative"] - _ALL["region_of"]
REGION_PLURAL = _ALL["region_plural"]
DISTRICT_PLURAL = _ALL["district_plural"]


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_PLURALS = _alternation(REGION_PLURAL | DISTRICT_PLURAL)
# what may stand between two names of a list: a comma, a joiner of any language, and the
# article or "of" a plural region word asks for ("les régions de Kharkiv et de Soumy")
_OF = r"(?:(?:de|du|des|of|the|van|von|der|d['’]|l['’]|la|le)\s+|d['’]|l['’])*"
_LIST_GAP = re.compile(
    rf"(?:\s*,\s*(?:(?:{_alternation(_ALL['list_joiner'])})\s+)?|\s+(?:{_alternation(_ALL['list_joiner'])})\s+){_OF}",
    re.I,
)
_GAP_MAX = 16  # ", and the ", " et de l'": longer gaps are no list
_PLURAL_AFTER = re.compile(rf"\s+(?:the\s+)?({_PLURALS})(?!\w)", re.I)
_PLURAL_BEFORE = re.compile(rf"(?<!\w)({_PLURALS})\s+{_OF}$", re.I)
_PLURAL_WORDS = WordFilter(REGION_PLURAL | DISTRICT_PLURAL)  # what _PLURAL_BEFORE needs in its window
# a list of words (names or adjectives of names) ending in a plural region word
_LIST_AHEAD = re.compile(rf"(?:{_LIST_GAP.pattern}[^\W\d_][\w'’-]*)*{_PLURAL_AFTER.pattern}", re.I)


def plural_region_after(text: str, pos: int) -> bool:
    """A list of words from `pos` on ends in a plural region word ("Харківській| та Сумській
    областях"): the adjectives before it name regions."""
    return _LIST_AHEAD.match(text, pos) is not None


def plural_region_lists(text: str, mentions: list[Mention], gaz: Gazetteer) -> None:
    """Give every name of a list before or after a plural region word the region (or
    second-level unit) of its name, else the region named after its town (in place;
    `mentions` in text order)."""
    n = len(mentions)
    k = 0
    while k < n - 1:
        e = k
        while (
            e + 1 < n
            and mentions[e + 1].start - mentions[e].end <= _GAP_MAX
            and _LIST_GAP.fullmatch(text, mentions[e].end, mentions[e + 1].start)
        ):
            e += 1
        if e == k:
            k += 1
            continue
        chain = mentions[k : e + 1]
        k = e + 1
        after = _PLURAL_AFTER.match(text, chain[-1].end)
        word = after.group(1) if after else None
        if word is None:
            lo = max(0, chain[0].start - 40)
            before = (
                None
                if _PLURAL_WORDS.absent(text[lo : chain[0].start])  # the usual case: no such word
                else _PLURAL_BEFORE.search(text, lo, chain[0].start)
            )
            word = before.group(1) if before else None
        if word is None:
            continue
        level = "district" if word.casefold() in DISTRICT_PLURAL else "region"
        readings: list[tuple[Mention, list]] = []
        for m in chain:
            if m.demonym is not None or m.flags & {"organisation", "adjective", "metonym"}:
                continue
            readings.append((m, _units(gaz, m, level, word)))
        # the names of one list lie in one country when they can: "Kent and Sussex counties"
        countries = [{gaz.cc[c.id] for c in named} for _m, named in readings if named]
        shared = set.intersection(*countries) if countries else set()
        for m, named in readings:
            if shared:
                named = [c for c in named if gaz.cc[c.id] in shared]
            if named:
                m.cands, m.region_of = named, False
            elif level == "region":
                m.region_of = True  # "Харківській": the region named after Kharkiv


def _units(gaz: Gazetteer, m: Mention, level: str, word: str) -> list:
    """The regions (or second-level units) a name of the list may be."""
    core = strip_possessive(m.text)
    named = [c for c in region_named(gaz, core, level) if gaz.kind_codes[c.id] in "rk"]
    if not named and "inflected" in m.flags and m.cands:  # "Сумській": Sumy's region
        named = [
            c for c in region_named(gaz, gaz.names[m.cands[0].id], level) if gaz.kind_codes[c.id] in "rk"
        ]
    if not named and word.casefold() == "counties":  # "Los Angeles and Ventura counties"
        named = [c for c in gaz.lookup(f"{core} County") if gaz.kind_codes[c.id] in "rk"]
    return named


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
