"""A small town's name before a noun, far from everything else the article names, is a name.

"The Gloria funicular derailed in Lisbon" is no town Gloria in the Philippines, "the Hilton
hotel in Kabul" no Hilton, New York: a one-word name right before a lowercase noun, after no
preposition, that names only small towns, none of them in a country the article's other places
lie in nor near any of them (NEAR_KM), names a thing (a vehicle, a building, a brand). "The
Bucha massacre" in an article about Ukraine keeps Bucha: its country is the article's (a
country named, or a town of it within COUNTRY_NEAR_KM: "the Eaton fire in Altadena" is no
Eaton, Ohio). The same for a name that goes on with "and" and two capitalised words that
are no place ("the Bains and Grants Town Centre" in the Bahamas is no Bains, France).
"""

from __future__ import annotations

import re

from geo.gazetteer import Gazetteer
from geo.lexicon import load
from geo.memo import per_list
from geo.resolve import Resolved, great_circle_km
from geo.spans import stop_words

TOWN_MAX_POP = 50_000
NEAR_KM = 400.0
# a town of the country the article's towns lie in, yet this far from all of them, is no
# nearer for it: "the Eaton fire ... in Altadena" is no Eaton, Ohio (3,000 km away)
COUNTRY_NEAR_KM = 1000.0
_LOCATIVE = load()["locative"] | load()["region_of"]
_NAMED_EVENT = load()["named_event"]  # "the Eaton fire": checked although a common word


def modifier_outliers(
    text: str, resolved: list[Resolved], gaz: Gazetteer, langs: tuple[str, ...] | None
) -> set[int]:
    """Indexes of the resolved mentions that are such names (they are left out)."""
    out: set[int] = set()
    placed = None
    for k, r in enumerate(resolved):
        m = r.mention
        e = m.end
        if text[e : e + 1] != " " or not text[e + 1 : e + 2].islower():
            continue  # the usual case: no lowercase word right after the name
        if r.id is None or m.demonym is not None or m.flags or " " in m.text or "-" in m.text:
            continue
        if not _small_towns_only(gaz, m.cands):
            continue
        if not _PAIR_RE.match(text, e):  # "the Bains and Grants Town Centre": one name
            nxt = _next_word(text, e)
            if (
                len(nxt) < 3
                or (nxt in stop_words(langs) and nxt not in _NAMED_EVENT)
                or _prev_word(text, m.start).casefold() in _LOCATIVE
            ):
                continue
        if placed is None:
            placed = [o for o in resolved if o.id is not None]
        if not _far(r, placed, gaz):
            continue
        out.add(k)
        if text[e + 1 : e + 4] == "and":  # its partner in the name, when as far: "Grants"
            out.update(
                j
                for j, o in enumerate(resolved)
                if o.mention.start == e + 5
                and o.id is not None
                and not o.mention.demonym
                and _small_towns_only(gaz, o.mention.cands)
                and _far(o, placed, gaz)
            )
    return out


def _far(r: Resolved, placed: list[Resolved], gaz: Gazetteer) -> bool:
    """r lies in no country of the article's other places (bar towns of it over
    COUNTRY_NEAR_KM away) and within NEAR_KM of none of them."""
    own = r.mention.text.casefold()
    others = [o for o in placed if o.mention.text.casefold() != own]
    cc = gaz.cc[r.id]
    if not others or any(
        gaz.cc[o.id] == cc
        and (
            gaz.kind_codes[o.id] != "c"
            or o.lat is None
            or great_circle_km(r.lat, r.lon, o.lat, o.lon) < COUNTRY_NEAR_KM
        )
        for o in others
    ):
        return False
    return not any(great_circle_km(r.lat, r.lon, o.lat, o.lon) < NEAR_KM for o in others if o.lat is not None)


@per_list
def _small_towns_only(gaz: Gazetteer, cands: list) -> bool:
    """Every reading is a town under TOWN_MAX_POP (memoised per candidate list)."""
    return all(gaz.kind_codes[c.id] == "c" and gaz.pop[c.id] < TOWN_MAX_POP for c in cands)


_WORD_RE = re.compile(r" ([^\W\d_]+)")
_PAIR_RE = re.compile(r" and [A-Z][a-z]+ [A-Z][a-z]+")  # " and Grants Town": a longer name goes on


def _next_word(text: str, end: int) -> str:
    m = _WORD_RE.match(text, end)
    return m.group(1) if m else ""


def _prev_word(text: str, start: int) -> str:
    if start < 2 or text[start - 1] != " ":
        return ""
    begin = start - 1
    while begin > 0 and text[begin - 1].isalpha():
        begin -= 1
    return text[begin : start - 1]
