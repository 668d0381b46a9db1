"""ACLED exports (CSV, Excel-saved CSV, API JSON records): the columns of ACLED's codebook.

Recognised by ``event_date``, ``event_type``, ``latitude``, ``longitude`` and
``geo_precision`` (files since 1997, upper-case headers of old files included). The category
comes from ``sub_event_type`` when the row has one, else from ``event_type``, both read with
``data/acled_types.tsv`` (old and new names); the original types stay in ``extra``.
``time_precision`` 1/2/3 is day/week/month; ``geo_precision`` 1/2/3 is the town itself, a
part of or near a region, or only the region. Actors (``actor1``, ``assoc_actor_1``,
``actor2``, ``assoc_actor_2``; ``ally_actor_*`` in old files), ``fatalities``, ``admin1``..3,
``source`` (several joined by ";") and ``source_scale`` stay in ``extra`` under their names.
"""

from __future__ import annotations

from eventmap.formats.dialect import Dialect, Row, first

# ACLED column names for what the app shows of an ACLED event (old names after the new)
ACTOR_COLUMNS: tuple[str, ...] = (
    "actor1",
    "assoc_actor_1",
    "ally_actor_1",
    "actor2",
    "assoc_actor_2",
    "ally_actor_2",
)
SUB_EVENT_COLUMN = "sub_event_type"
FATALITIES_COLUMN = "fatalities"


def describe(row: Row) -> str:
    """ "Air/drone strike in Kharkiv" for a row without notes."""
    what = first(row, "sub_event_type", "event_type")
    where = first(row, "location", "admin2", "admin1", "country")
    return " in ".join(p for p in (what, where) if p)


DIALECT = Dialect(
    key="acled",
    name="ACLED",
    markers=frozenset({"event_date", "event_type", "latitude", "longitude", "geo_precision"}),
    columns={
        "id": ("event_id_cnty", "event_id", "data_id"),
        "date": ("event_date",),
        "text": ("notes",),
        "location": ("location",),
        "country": ("country",),
        "document": ("source",),
        "category": ("event_type",),
    },
    categories=(("sub_event_type", "acled"), ("event_type", "acled")),
    time_precision=("time_precision", {"1": "day", "2": "week", "3": "month"}),
    geo_precision=("geo_precision", {"1": "city", "2": "area", "3": "region"}),
    describe=describe,
)
