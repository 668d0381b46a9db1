"""USGS earthquake catalog (ComCat) feeds: GeoJSON (``time`` in epoch milliseconds) and CSV (ISO).

Recognised by ``mag``, ``place``, ``time`` and ``type``. ``type`` ("earthquake", "quarry
blast", "ice quake" ...) gives the category (``data/usgs_types.tsv``); ``title`` ("M 4.5 -
10 km SW of Ridgecrest, CA") is the text, or "M 4.5 earthquake - <place>" in the CSV, which
has no title; ``place`` is the place, the Feature's geometry (or ``latitude``/``longitude``)
its point; the Feature id (or ``id``) the source id. ``url`` and every other property stay in
``extra`` (the event page is not a document of its own).
"""

from __future__ import annotations

from eventmap.formats.dialect import Dialect, Row, first


def describe(row: Row) -> str:
    mag = first(row, "mag")
    kind = first(row, "type") or "event"
    where = first(row, "place")
    what = f"M {mag} {kind}" if mag else kind.capitalize()
    return f"{what} - {where}" if where else what


DIALECT = Dialect(
    key="usgs",
    name="USGS earthquakes",
    markers=frozenset({"mag", "place", "time", "type"}),
    columns={
        "id": ("id",),
        "date": ("time",),
        "text": ("title",),
        "location": ("place",),
        "document": (),
        "category": ("type",),
    },
    categories=(("type", "usgs"),),
    describe=describe,
)
