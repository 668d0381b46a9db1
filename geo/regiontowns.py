"""Towns and the regions named after them: which of the two a bare name keeps (for geo.resolve)."""

from __future__ import annotations

import math

from geo.gazetteer import Gazetteer
from geo.mentions import Mention

REGION_AROUND_KM = 60.0  # a region this close to a city of its name is the one around it


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.pi / 180.0
    a = (
        math.sin((lat2 - lat1) * p / 2) ** 2
        + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2
    )
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def towns_of_named_regions(m: Mention, gaz: Gazetteer) -> set[int]:
    """The towns among m's candidates, known by another name, that lie in a region called
    exactly m ("Jenin": the town Janīn in the Jenin governorate): what the bare name means first."""
    regions = [c.id for c in m.cands if c.exact and gaz.kind_codes[c.id] == "r"]
    return {
        c.id
        for c in m.cands
        if not c.exact
        and gaz.kind_codes[c.id] == "c"
        and any(
            gaz.cc[r] == gaz.cc[c.id]
            and great_circle_km(gaz.lat[r], gaz.lon[r], gaz.lat[c.id], gaz.lon[c.id]) <= REGION_AROUND_KM
            for r in regions
        )
    }


def city_before_its_region(m: Mention, gaz: Gazetteer, out: dict[int, float]) -> dict[int, float]:
    """A bare name that is a city's own name and only another name of the region around it
    ("Los Angeles": Los Angeles County; "Tokyo": Tokyo-to) is the city; "Los Angeles County",
    "Tokyo prefecture" and "provincie X" name the region."""
    cities = [c.id for c in m.cands if c.exact and gaz.kind_codes[c.id] == "c" and c.id in out]
    if not cities:
        return out
    around = {
        c.id
        for c in m.cands
        if not c.exact
        and gaz.kind_codes[c.id] in "rk"
        and c.id in out
        and any(
            gaz.cc[i] == gaz.cc[c.id]
            and great_circle_km(gaz.lat[i], gaz.lon[i], gaz.lat[c.id], gaz.lon[c.id]) <= REGION_AROUND_KM
            for i in cities
        )
    }
    return {i: s for i, s in out.items() if i not in around} if around else out
