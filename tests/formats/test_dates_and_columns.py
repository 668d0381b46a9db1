"""Dates beyond 1..9999 in the model and every format; date columns guessed and said; ids kept."""

from __future__ import annotations

import json

import pytest

from eventmap.eventdates import year_label, year_number
from eventmap.formats import ImportReport, dumps_events, loads_events, read_events
from eventmap.formats.columns import build_column_map
from eventmap.model import Event, EventFormatError, Source

from conftest import DATA_DIR

DATA = DATA_DIR / "formats"


def _deep_events() -> list[Event]:
    def ev(text: str, start: str, end: str | None = None) -> Event:
        return Event.from_dict(
            {
                "text": text,
                "source": {"document": "h.txt", "start": 0, "end": len(text)},
                "date": start,
                "date_end": end,
                "date_precision": "year",
                "category": "other",
            }
        )

    return [
        ev("The universe begins.", "-13800000000"),
        ev("The Persian Wars.", "-499", "-449"),
        ev("Rome is founded, by the legend.", "-753"),
        ev("From the Iron Age to now.", "-1200", "2025-12-31"),
        ev("A date far ahead.", "+12000"),
    ]


def test_years_beyond_the_calendar_are_signed_years_with_year_precision():
    universe, wars, rome, span, ahead = _deep_events()
    assert (universe.date, universe.date_end, universe.date_precision) == (
        "-13800000000",
        "-13800000000",
        "year",
    )
    assert universe.start_date is None and universe.beyond_calendar  # no datetime.date for these
    assert (universe.start_year, universe.end_year) == (-13800000000.0, -13799999999.0)
    assert (wars.start_year, wars.end_year) == (-499.0, -448.0)
    assert span.date_end == "2025-12-31" and span.end_year == 2026.0 and span.end_date is not None
    assert ahead.date == "+12000"
    assert year_number("2025-07-02") == pytest.approx(2025.5, abs=0.01)
    assert [year_label(y) for y in (2025, -500, 12000, -66_000_000, -13_800_000_000)] == [
        "2025",
        "500 BCE",
        "12,000",
        "66 million years ago",
        "13.8 billion years ago",
    ]
    # numbers are years too, and a year inside 1..9999 is its first (or last) day
    assert Event.from_dict({"text": "x", "date": -500}).date == "-500"
    assert Event.from_dict({"text": "x", "date": "1999", "date_end": "1999"}).date_end == "1999-12-31"
    with pytest.raises(EventFormatError, match="whole year: date_precision must be year"):
        Event.from_dict({"text": "x", "date": "-500", "date_precision": "day"})
    with pytest.raises(EventFormatError, match="before"):
        Event.from_dict({"text": "x", "date": "-400", "date_end": "-500"})


@pytest.mark.parametrize("fmt", ["json", "csv", "geojson", "timelinejs"])
def test_deep_time_round_trips_through_every_format(fmt):
    events = _deep_events()
    back = loads_events(dumps_events(events, fmt), None if fmt != "csv" else "csv", origin="again")
    key = [(e.date, e.date_end, e.date_precision, e.text) for e in events]
    assert [(e.date, e.date_end, e.date_precision, e.text) for e in back] == key


def test_a_negative_year_is_a_number_in_csv_not_a_defused_formula():
    text = dumps_events(_deep_events()[:1], "csv")
    assert ",-13800000000,-13800000000," in text  # a spreadsheet reads a number, not '-138...


def test_epoch_seconds_milliseconds_and_compact_days_are_recognised():
    ms = loads_events("time,text\n1742290000000,a\n1742210000000,b\n", "csv", origin="ms.csv")
    assert [e.date for e in ms] == ["2025-03-18", "2025-03-17"] and ms[0].time == "09:26"
    secs = loads_events("timestamp,text\n1742290000,a\n", "csv", origin="s.csv")
    assert secs[0].date == "2025-03-18"
    compact = loads_events("SQLDATE,text\n20250318,a\n", "csv", origin="c.csv", columns="date=SQLDATE")
    assert compact[0].date == "2025-03-18"
    report = ImportReport("ms.csv")
    loads_events("time,text\n1742290000000,a\n", "csv", origin="ms.csv", report=report)
    assert "date=time (epoch milliseconds)" in report.summary()


def test_day_first_and_month_first_columns_and_their_ambiguity_are_said():
    us = ImportReport("us.csv")
    assert [e.date for e in loads_events("date,text\n3/18/2025,a\n4/1/2025,b\n", "csv", report=us)] == [
        "2025-03-18",
        "2025-04-01",
    ]
    assert "date=date (month first)" in us.summary() and not us.warnings
    unsure = ImportReport("nl.csv")
    (event,) = loads_events("date,text\n03/04/2025,a\n", "csv", report=unsure)
    assert event.date == "2025-04-03"  # day first when no value tells ...
    assert "day first, not shown by any value" in unsure.summary()
    assert "03/04/2025" in unsure.warnings[0] and "date_order=mdy" in unsure.warnings[0]  # ... and said
    (us_read,) = loads_events("date,text\n03/04/2025,a\n", "csv", columns="date_order=mdy")
    assert us_read.date == "2025-03-04"


def test_no_date_column_warns_with_the_best_candidates():
    report = ImportReport("paged_incidents.geojson")
    events = read_events(DATA / "paged_incidents.geojson", report=report)
    assert len(events) == 6 and all(e.date is None for e in events)
    (no_date,) = [w for w in report.warnings if "no date column" in w]
    assert "--columns date=reported (100% dates)" in no_date
    dated = read_events(DATA / "paged_incidents.geojson", columns="date=reported")
    assert [e.date for e in dated][:2] == ["2025-03-01", "2025-03-02"] and dated[0].time == "08:10"


def test_a_column_named_for_time_whose_values_are_dates_is_taken_and_said():
    report = ImportReport("x.csv")
    (event,) = loads_events("when_utc,what\n2025-03-18 06:40,Sirens in Kyiv.\n", "csv", report=report)
    assert event.date == "2025-03-18" and "date=when_utc (found by its values)" in report.summary()
    # a 'time' column of times of day is no date column
    cmap = build_column_map(
        ["time", "text"], rows=[{"time": "14:30", "text": "x"}, {"time": "15:00", "text": "y"}]
    )
    assert cmap.column("date") is None


def test_repeated_feature_ids_keep_every_event_and_are_counted():
    report = ImportReport("paged_incidents.geojson")
    events = read_events(DATA / "paged_incidents.geojson", report=report)
    assert len({e.id for e in events}) == 6  # nothing collapses
    assert [e.extra["source_id"] for e in events] == ["1", "2", "3", "1", "2", "3"]
    (repeat,) = [w for w in report.warnings if "repeat" in w]
    assert repeat.startswith("3 ids repeat (6 rows share them")
    again = read_events(DATA / "paged_incidents.geojson")
    assert [e.id for e in again] == [e.id for e in events]  # stable from run to run


def test_the_columns_line_names_what_was_used_and_what_went_to_extra():
    report = ImportReport("incidents.csv")
    loads_events(
        "id,datum,omschrijving,plaats,lat,lon,soort,slachtoffers\n"
        "a1,18-03-2025,Brand in Rotterdam.,Rotterdam,51.92,4.48,disaster,0\n",
        "csv",
        report=report,
    )
    line = report.summary()
    assert line.startswith("incidents.csv: 1 event (table); columns: id=id, text=omschrijving, date=datum")
    assert "category=soort" in line and line.endswith("in extra: slachtoffers")


def test_an_hxl_hashtag_row_is_not_a_bad_row():
    text = (
        "event_date,event_type,latitude,longitude,geo_precision,location,notes\n"
        "#date,#event+type,#geo+lat,#geo+lon,#geo+precision,#loc+name,#description\n"
        "2024-05-01,Protests,15.5,32.5,1,Khartoum,A march.\n"
    )
    report = ImportReport("hdx.csv")
    (event,) = loads_events(text, "csv", report=report)
    assert event.category == "protest" and report.skipped == 0 and "HXL" in report.summary()


def test_a_file_source_without_its_own_ids_still_gets_stable_unique_ids():
    text = "date,text\n2025-03-18,Same words.\n2025-03-18,Same words.\n"
    a, b = loads_events(text, "csv", origin="x.csv")
    assert a.id != b.id and "source_id" not in a.extra
    assert a.source == Source("x.csv", 0, len("Same words."))
    assert json.loads(dumps_events([a], "json"))["events"][0]["id"] == a.id
