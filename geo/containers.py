"""A state written after a place and a comma: "Buffalo, New York", "Spokane, Washington".

The bare names "New York" and "Washington" are the cities (the gazetteer keeps a region's
bare name off when a big city has it). After a place and a comma, though, the name says
which state holds that place: when a place of the name before the comma lies in a region of
that name and not near the city ("Brooklyn, New York" and "Queens, New York" are parts of
the city), the mention's readings become that region's. Not in a list of places ("Washington, New York
and Boston").
"""

from __future__ import annotations

from geo.gazetteer import Candidate, Gazetteer
from geo.lexicon import load
from geo.regiontowns import great_circle_km
from geo.spans import Mention, strip_possessive

NEAR_CITY_KM = 30.0  # a place this close to the city of the name is part of it


def state_after_comma(text: str, mentions: list[Mention], gaz: Gazetteer) -> None:
    """Give "<place>, <region name>" the region's readings (in place, see the module)."""
    for k in range(len(mentions) - 1):
        a, b = mentions[k], mentions[k + 1]
        if b.start != a.end + 2 or not text.startswith(", ", a.end) or b.demonym is not None:
            continue
        if _in_a_list(text, mentions, k):
            continue  # "stops in Washington, New York and Boston": three places
        if not b.cands or any(gaz.kind_codes[c.id] in "Cr" for c in b.cands) or not a.cands:
            continue
        regions = [c for c in gaz.lookup(f"{strip_possessive(b.text)} region") if gaz.kind_codes[c.id] == "r"]
        holding = [r for r in regions if _holds(gaz, r.id, a.cands)]
        if holding and not _inside_the_city(gaz, a.cands, b.cands, holding):
            b.cands = [Candidate(r.id, True) for r in holding]


# what joins the places of a list: a comma, or a joining word (cues role list_joiner)
LIST_GAPS = frozenset({", "} | {f"{c}{w} " for w in load()["list_joiner"] for c in (" ", ", ")})


def _in_a_list(text: str, mentions: list[Mention], k: int) -> bool:
    """mentions[k] and [k + 1] are items of a list: another place joins them with a comma
    or "and" before or after ("Washington, New York and Boston")."""
    if k > 0 and text[mentions[k - 1].end : mentions[k].start] in LIST_GAPS:
        return True
    return k + 2 < len(mentions) and text[mentions[k + 1].end : mentions[k + 2].start] in LIST_GAPS


def _holds(gaz: Gazetteer, region: int, cands: list[Candidate]) -> bool:
    key = (gaz.cc[region], gaz.admin1[region])
    return any(gaz.kind_codes[c.id] in "ck" and (gaz.cc[c.id], gaz.admin1[c.id]) == key for c in cands)


def _inside_the_city(gaz: Gazetteer, places, cities, regions) -> bool:
    """A place of the first name within NEAR_CITY_KM of a city of the second, in the region."""
    keys = {(gaz.cc[r.id], gaz.admin1[r.id]) for r in regions}
    towns = [c.id for c in cities if gaz.kind_codes[c.id] == "c" and (gaz.cc[c.id], gaz.admin1[c.id]) in keys]
    return any(
        great_circle_km(gaz.lat[p.id], gaz.lon[p.id], gaz.lat[t], gaz.lon[t]) <= NEAR_CITY_KM
        for p in places
        if (gaz.cc[p.id], gaz.admin1[p.id]) in keys
        for t in towns
    )
