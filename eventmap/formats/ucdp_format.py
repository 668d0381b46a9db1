"""UCDP Georeferenced Event Dataset (GED) CSV: one row per event of organised violence.

Recognised by ``type_of_violence``, ``date_prec`` and ``where_prec``. ``type_of_violence``
1/2/3 (state-based, non-state, one-sided) gives the category (``data/ucdp_types.tsv``);
``date_start``/``date_end`` the interval with ``date_prec`` (1 the day, 2-3 a week, 4 a month,
5 a year) as its precision; ``where_prec`` (1 the place, 2 within 25 km, 3 a district,
4 a province, 5 a line or area, 6 a country, 7 waters or airspace) the place's kind;
``source_headline`` the text (several headlines joined by ";"), ``where_description`` the place.
"""

from __future__ import annotations

from eventmap.formats.dialect import Dialect, Row, first


def describe(row: Row) -> str:
    """ "Government of Ukraine - DPR: near Donetsk" for a row without a headline."""
    who = first(row, "dyad_name", "conflict_name", "side_a")
    where = first(row, "where_description", "adm_2", "adm_1", "country")
    return ": ".join(p for p in (who, where) if p)


DIALECT = Dialect(
    key="ucdp",
    name="UCDP GED",
    markers=frozenset({"type_of_violence", "date_prec", "where_prec"}),
    columns={
        "id": ("id",),
        "date": ("date_start",),
        "date_end": ("date_end",),
        "text": ("source_headline",),
        "location": ("where_description",),
        "country": ("country",),
        "document": (),
        "category": (),
    },
    categories=(("type_of_violence", "ucdp"),),
    time_precision=("date_prec", {"1": "day", "2": "week", "3": "week", "4": "month", "5": "year"}),
    geo_precision=(
        "where_prec",
        {"1": "city", "2": "area", "3": "region", "4": "region", "5": "area", "6": "country", "7": "sea"},
    ),
    describe=describe,
)
