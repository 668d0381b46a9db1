"""NOAA NCEI natural hazards tables (significant earthquakes, tsunamis, volcanic eruptions) as TSV/CSV.

Recognised by ``Year``, ``Mo`` and ``Dy`` (with ``Hr``/``Mn`` in the earthquake and tsunami
tables): the date is split over them (:mod:`eventmap.formats.dateparts`), years BCE included
(-2150). The downloaded file's second line holds the search parameters in its first column and
nothing in the mapped ones: it is left out and counted like any row without an event. Every row
is a natural hazard (category disaster); the text says what and where ("Earthquake M 7.8 -
TURKEY: GAZIANTEP", "Tsunami - ...", "Eruption of Vesuvius - Italy"). Other columns stay in
``extra``.
"""

from __future__ import annotations

from eventmap.formats.dialect import Dialect, Row, first


def describe(row: Row) -> str:
    where = first(row, "location_name", "location", "country")
    if "tsunami_event_validity" in row or "tsunami_cause_code" in row:
        what = "Tsunami"
    elif "vei" in row:
        name = first(row, "name", "volcano_name")
        what = f"Eruption of {name}" if name else "Volcanic eruption"
    else:
        mag = first(row, "mag", "earthquake_magnitude")
        what = f"Earthquake M {mag}" if mag else "Earthquake"
    return f"{what} - {where}" if where else what


DIALECT = Dialect(
    key="ncei",
    name="NCEI hazards",
    markers=frozenset({"year", "mo", "dy"}),
    columns={"text": (), "location": ("location_name", "location", "name"), "document": (), "category": ()},
    describe=describe,
    default_category="disaster",
)
