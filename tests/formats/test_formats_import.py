"""Importing other people's event data: ACLED exports, mapped CSV, GeoJSON, TimelineJS."""

from __future__ import annotations

import csv
import json
import shutil

import pytest

from eventmap.errors import InputError
from eventmap.formats import EVENT_FIELDS, ImportReport, loads_events, read_events
from eventmap.formats.columns import build_column_map, parse_column_spec
from eventmap.model import Source

from conftest import DATA_DIR
from factories import sample_events

DATA = DATA_DIR / "formats"


def test_acled_export_is_recognised_and_read_without_a_mapping():
    header = (DATA / "acled_sample.csv").read_text().splitlines()[0].split(",")
    assert build_column_map(header).flavour == "acled"
    kharkiv, pokrovsk, moscow, hague = read_events(DATA / "acled_sample.csv")

    assert kharkiv.id == "UKR90001"
    assert (kharkiv.date, kharkiv.date_end, kharkiv.date_precision) == ("2025-03-14", "2025-03-14", "day")
    assert kharkiv.category == "attack"  # Explosions/Remote violence
    assert (kharkiv.lat, kharkiv.lon) == (49.9935, 36.2304)
    place = kharkiv.places[0]
    assert (place.name, place.country_code, place.kind) == ("Kharkiv", "UA", "city")
    assert kharkiv.text.startswith("On 14 March 2025, Russian drones hit")
    assert kharkiv.source.document == "Suspilne"
    # unknown columns are kept, not dropped
    assert kharkiv.extra["fatalities"] == "2"
    assert kharkiv.extra["admin1"] == "Kharkiv"
    assert kharkiv.extra["sub_event_type"] == "Air/drone strike"
    assert kharkiv.extra["event_type"] == "Explosions/Remote violence"
    assert "tags" not in kharkiv.extra  # empty cells are not fields

    # time_precision 2 = week: the Monday-Sunday week holding the date (15 March 2025 is a Saturday)
    assert (pokrovsk.date, pokrovsk.date_end, pokrovsk.date_precision) == ("2025-03-10", "2025-03-16", "week")
    assert pokrovsk.category == "fighting" and pokrovsk.places[0].kind == "area"  # geo_precision 2
    # time_precision 3 = month; the dd-mm-yyyy date of ACLED's codebook
    assert (moscow.date, moscow.date_end, moscow.date_precision) == ("2025-03-01", "2025-03-31", "month")
    assert moscow.category == "protest" and moscow.places[0].country_code == "RU"
    assert 'saying "bring them home"' in moscow.text
    assert moscow.extra["tags"] == "crowd size=around 20"
    assert (hague.date, hague.places[0].name, hague.places[0].country_code) == (
        "2025-03-18",
        "The Hague",
        "NL",
    )


def test_csv_with_user_column_mapping_semicolons_and_decimal_commas(tmp_path):
    path = tmp_path / "incidenten.csv"
    path.write_text(
        "datum;omschrijving;plaats;breedte;lengte;soort;slachtoffers\n"
        "18-03-2025;Brand in een loods in Rotterdam.;Rotterdam;51,9225;4,47917;disaster;0\n"
        "2025-03;Staking bij het openbaar vervoer.;Utrecht;52,0908;5,1222;protest;\n",
        encoding="latin-1",
    )
    fire, strike = read_events(path, columns="date=datum,lat=breedte,lon=lengte,category=soort")
    assert (fire.date, fire.date_precision, fire.text) == (
        "2025-03-18",
        "day",
        "Brand in een loods in Rotterdam.",
    )
    assert (fire.lat, fire.lon, fire.places[0].name) == (51.9225, 4.47917, "Rotterdam")  # plaats guessed
    assert fire.category == "disaster" and fire.extra == {"slachtoffers": "0"}
    assert (strike.date, strike.date_end, strike.date_precision) == ("2025-03-01", "2025-03-31", "month")
    assert strike.category == "protest" and strike.extra == {}


def test_guesses_cover_common_headers_and_a_user_mapping_wins():
    cmap = build_column_map(["Date", "Latitude", "Longitude", "Description", "City", "Notes"])
    assert cmap.fields["date"] == "Date" and cmap.fields["lat"] == "Latitude"
    assert cmap.fields["text"] == "Notes"  # notes ranks above description
    cmap = build_column_map(
        ["Date", "Latitude", "Longitude", "Description", "City", "Notes"], "text=Description,location="
    )
    assert cmap.fields["text"] == "Description" and "location" not in cmap.fields
    assert parse_column_spec("latitude=y, notes = body") == {"lat": "y", "text": "body"}


def test_bad_mappings_and_bad_rows_are_one_line_errors(tmp_path):
    with pytest.raises(InputError, match="unknown field 'when_exactly'"):
        parse_column_spec("when_exactly=x")
    with pytest.raises(InputError, match="is not FIELD=COLUMN"):
        parse_column_spec("date")
    path = tmp_path / "x.csv"
    path.write_text("date,text\n2025-03-18,fine\nsoon,not a date\n")
    report = ImportReport(str(path))
    (fine,) = read_events(path, report=report)  # the bad row is skipped, the rest is read
    assert fine.text == "fine" and report.skipped == 1
    assert "x.csv: skipped 1 of 2 rows; the first: row 3: date 'soon' is not a date" in report.skip_line()
    (path.parent / "all_bad.csv").write_text("date,text\nsoon,x\nlater,y\n")
    with pytest.raises(InputError, match=r"all_bad\.csv: row 2: date 'soon' is not a date.*\(and 1 more"):
        read_events(path.parent / "all_bad.csv")  # nothing readable: the file fails as a whole
    with pytest.raises(InputError, match="no column 'datum' for date"):
        read_events(path, columns="date=datum")
    (tmp_path / "y.csv").write_text("a,b\n1,2\n")
    with pytest.raises(InputError, match="y.csv: no column holds the event's text"):
        read_events(tmp_path / "y.csv")


def test_foreign_geojson_takes_points_from_the_geometry():
    kyiv, kursk, talks = read_events(DATA / "places.geojson")
    assert kyiv.id == "inc-1" and kyiv.text == "Air raid sirens sounded across Kyiv."
    assert (kyiv.lat, kyiv.lon) == (50.4501, 30.5234)  # from [lon, lat]
    assert (kyiv.date, kyiv.date_precision, kyiv.category) == ("2025-03-18", "day", "attack")
    assert kyiv.places[0].name == "Kyiv" and kyiv.extra == {"severity": "3", "source_id": "inc-1"}
    assert (kursk.lat, kursk.lon) == (51.5, 36.5)  # centre of the polygon's bounding box
    assert (kursk.date, kursk.date_end, kursk.date_precision) == ("2025-03-01", "2025-03-31", "month")
    assert kursk.category == "fighting" and kursk.extra["category"] == "Battles"
    assert not talks.located and talks.places == []
    assert (talks.date, talks.date_end, talks.date_precision) == ("2025-01-01", "2025-12-31", "year")


def test_timelinejs_file_becomes_events(tmp_path):
    call, kursk, year = read_events(DATA / "story.timeline.json")
    assert (call.id, call.date, call.date_precision) == ("call", "2025-03-18", "day")
    assert call.text == "Trump and Putin spoke by phone on 18 March."  # HTML dropped
    assert call.category == "diplomacy" and "group" not in call.extra  # same name, other case
    assert call.extra["media"]["url"] == "https://example.org/photo.jpg"
    assert (kursk.date, kursk.date_end, kursk.date_precision) == ("2025-03-01", "2025-04-30", "month")
    assert kursk.text == "Ukrainian troops left the Kursk region in March & April."
    assert kursk.category == "fighting"
    assert (year.date, year.date_end, year.date_precision, year.text) == (
        "2024-01-01",
        "2024-12-31",
        "year",
        "A year of talks",
    )
    # the reader goes by content, not by name
    copy = tmp_path / "anything.json"
    shutil.copy(DATA / "story.timeline.json", copy)
    assert [e.text for e in read_events(copy)] == [call.text, kursk.text, year.text]


def test_json_dialects_are_told_apart_by_content():
    geo = (DATA / "places.geojson").read_text()
    assert [e.id for e in loads_events(geo)] == ["inc-1", "inc-2", "inc-3"]
    assert loads_events('{"format": "eventmap", "version": 1, "events": []}') == []
    assert loads_events("date,text\n2025-03-18,Something happened.\n")[0].date == "2025-03-18"


def test_spreadsheet_dates_follow_the_order_the_column_shows(tmp_path):
    us = tmp_path / "us.csv"
    us.write_text("date,text\n1/7/2025 12:00:00 AM,First.\n3/18/2025 12:00:00 AM,Second.\n")
    assert [e.date for e in read_events(us)] == ["2025-01-07", "2025-03-18"]  # 18 can only be a day
    eu = tmp_path / "eu.csv"
    eu.write_text("date,text\n1/7/2025 00:00,First.\n18/3/2025 00:00,Second.\n")
    assert [e.date for e in read_events(eu)] == ["2025-07-01", "2025-03-18"]
    undecided = tmp_path / "nl.csv"
    undecided.write_text("datum;tekst\n01.02.2025;Eerste.\n")
    assert read_events(undecided)[0].date == "2025-02-01"  # day first when nothing tells


def test_the_public_ucdp_file_imports_whole(shared_dir):
    path = shared_dir / "bench" / "ucdp" / "UCDP-Ukraine_2014-2023.csv"
    events = read_events(path)
    assert len(events) == 3883
    maidan = next(e for e in events if e.id == "149221")  # "1/27/2014 12:00:00 AM" in the file
    assert (maidan.date, maidan.date_end) == ("2014-01-27", "2014-01-27")
    assert (maidan.lat, maidan.lon, maidan.places[0].country_code) == (50.45, 30.52333, "UA")
    assert maidan.text == "Dead man found hanging on Kiev's Independence Square - police"
    assert maidan.extra["deaths_unknown"] == "1"
    assert all(e.date and e.date <= (e.date_end or e.date) for e in events)


def test_tables_as_json_records_keep_their_fields(tmp_path):
    with (DATA / "acled_sample.csv").open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    api = tmp_path / "acled_api.json"  # ACLED's API answers {"status": 200, "data": [...]}
    api.write_text(json.dumps({"status": 200, "success": True, "count": len(rows), "data": rows}))
    from_api = read_events(api)
    assert from_api == read_events(DATA / "acled_sample.csv")  # same reading as the CSV export
    records = tmp_path / "records.json"  # pandas DataFrame.to_json(orient="records")
    records.write_text(
        json.dumps(
            [{"date": "2025-03-18", "text": "Sirens in Kyiv.", "lat": 50.45, "lon": 30.52, "severity": 3}]
        )
    )
    (event,) = read_events(records)
    assert (event.date, event.lat, event.extra) == ("2025-03-18", 50.45, {"severity": "3"})


def test_every_event_field_is_known_to_the_json_dialect_check():
    ev = sample_events()[0]
    ev.sources.append(Source("b.txt", 0, 1))
    ev.extra["k"] = "v"
    assert set(ev.to_dict()) <= EVENT_FIELDS
    assert loads_events(json.dumps([ev.to_dict()])) == [ev]  # a bare list of our events stays ours


def test_repeated_ids_in_a_table_are_made_unique(tmp_path):
    path = tmp_path / "ids.csv"
    path.write_text(
        "id,date,text\n7,2025-03-18,One.\n7,2025-03-19,Two.\n8,2025-03-20,Three.\n7,2025-03-21,Four.\n"
    )
    report = ImportReport(str(path))
    events = read_events(path, report=report)
    assert [e.extra["source_id"] for e in events] == ["7", "7", "8", "7"]  # the file's ids kept
    assert len({e.id for e in events}) == 4 and events[2].id == "8"  # a unique id stays the event id
    assert report.warnings == [
        "1 id repeats (3 rows share them, e.g. '7' x3): every row is its own event with an id made "
        "from the file and the row; the file's id is kept in extra.source_id"
    ]
