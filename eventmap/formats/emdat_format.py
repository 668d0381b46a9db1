"""EM-DAT (CRED) disaster tables as CSV: one row per disaster.

Recognised by ``Disaster Group``, ``Disaster Type`` and ``Start Year`` (the public table
before and after 2023). The dates are split over ``Start Year``/``Start Month``/``Start Day``
and ``End Year``/... (:mod:`eventmap.formats.dateparts`); ``DisNo.`` (``Dis No`` in older
files) is the id; the text is made of the type and the place ("Flood (Flash flood) in Derna,
Libya: Storm Daniel"); ``Location`` is the place, ``Country`` its country. Every row is a
disaster: ``Disaster Type`` is kept in ``extra`` with the rest.
"""

from __future__ import annotations

from eventmap.formats.dialect import Dialect, Row, first


def describe(row: Row) -> str:
    kind = first(row, "disaster_type") or "Disaster"
    sub = first(row, "disaster_subtype")
    what = f"{kind} ({sub})" if sub and sub.lower() != kind.lower() else kind
    where = ", ".join(p for p in (first(row, "location"), first(row, "country")) if p)
    name = first(row, "event_name")
    text = f"{what} in {where}" if where else what
    return f"{text}: {name}" if name else text


DIALECT = Dialect(
    key="emdat",
    name="EM-DAT",
    markers=frozenset({"disaster_group", "disaster_type", "start_year"}),
    columns={
        "id": ("disno", "dis_no"),
        "text": (),
        "location": ("location",),
        "country": ("country",),
        "category": ("disaster_type",),
        "document": (),
    },
    describe=describe,
    default_category="disaster",
)
