"""Where to draw a country on an event map: where its people are, or its capital when it speaks.

A gazetteer puts a country at the conventional centre of its land ("Russia" at 60 N 100 E, in
Siberia): right for a toponym, far from anything an article reports. `event_place` gives the
point to draw for an event's place:
- a country where something happened: the population-weighted centre of its cities (the mean
  of their unit vectors weighted by population, computed when the index is built);
- a country that speaks (a statement by its government: "Russia said ..."): its capital;
- any other place: unchanged.
The point used is recorded in `source_id` ("geonames:2017370#population",
"geonames:2017370#capital"); `kind` stays "country". The parser calls it for the places it
puts on events (`statement=True` for events of kind "statement").
"""

from __future__ import annotations

from dataclasses import replace

from geo.gazetteer import Gazetteer, get_gazetteer
from geo.mention import PlaceMention

POPULATION, CAPITAL = "population", "capital"


def event_place(
    m: PlaceMention, *, statement: bool = False, gazetteer: Gazetteer | None = None
) -> PlaceMention:
    """`m` with the point an event map should draw (see the module docstring)."""
    if m.kind != "country" or not m.country_code or (m.source_id or "").partition("#")[2]:
        return m
    gaz = gazetteer or get_gazetteer()
    points = gaz.country_points.get(m.country_code)
    if not points:
        return m
    how = CAPITAL if statement else POPULATION
    lat, lon = (points[2], points[3]) if statement else (points[0], points[1])
    return replace(m, lat=lat, lon=lon, source_id=f"{m.source_id or 'country:' + m.country_code}#{how}")
