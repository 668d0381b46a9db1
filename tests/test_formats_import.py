"""Importing other people's event data: ACLED exports, mapped CSV, GeoJSON, TimelineJS."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from events.errors import InputError
from events.formats import loads_events, read_events
from events.formats.columns import build_column_map, parse_column_spec

DATA = Path(__file__).parent / "data" / "formats"


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
    assert (hague.date, hague.places[0].name, hague.places[0].country_code) == ("2025-03-18", "The Hague", "NL")


def test_csv_with_user_column_mapping_semicolons_and_decimal_commas(tmp_path):
    path = tmp_path / "incidenten.csv"
    path.write_text(
        "datum;omschrijving;plaats;breedte;lengte;soort;slachtoffers\n"
        "18-03-2025;Brand in een loods in Rotterdam.;Rotterdam;51,9225;4,47917;disaster;0\n"
        "2025-03;Staking bij het openbaar vervoer.;Utrecht;52,0908;5,1222;protest;\n",
        encoding="latin-1")
    fire, strike = read_events(path, columns="date=datum,lat=breedte,lon=lengte,category=soort")
    assert (fire.date, fire.date_precision, fire.text) == ("2025-03-18", "day", "Brand in een loods in Rotterdam.")
    assert (fire.lat, fire.lon, fire.places[0].name) == (51.9225, 4.47917, "Rotterdam")  # plaats guessed
    assert fire.category == "disaster" and fire.extra == {"slachtoffers": "0"}
    assert (strike.date, strike.date_end, strike.date_precision) == ("2025-03-01", "2025-03-31", "month")
    assert strike.category == "protest" and strike.extra == {}


def test_guesses_cover_common_headers_and_a_user_mapping_wins():
    cmap = build_column_map(["Date", "Latitude", "Longitude", "Description", "City", "Notes"])
    assert cmap.fields["date"] == "Date" and cmap.fields["lat"] == "Latitude"
    assert cmap.fields["text"] == "Notes"  # notes ranks above description
    cmap = build_column_map(["Date", "Latitude", "Longitude", "Description", "City", "Notes"],
                            "text=Description,location=")
    assert cmap.fields["text"] == "Description" and "location" not in cmap.fields
    assert parse_column_spec("latitude=y, notes = body") == {"lat": "y", "text": "body"}


def test_bad_mappings_and_bad_rows_are_one_line_errors(tmp_path):
    with pytest.raises(InputError, match="unknown field 'when_exactly'"):
        parse_column_spec("when_exactly=x")
    with pytest.raises(InputError, match="is not FIELD=COLUMN"):
        parse_column_spec("date")
    path = tmp_path / "x.csv"
    path.write_text("date,text\n2025-03-18,fine\nsoon,not a date\n")
    with pytest.raises(InputError, match=r"x\.csv: row 3: date 'soon' is not a date"):
        read_events(path)
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
    assert kyiv.places[0].name == "Kyiv" and kyiv.extra == {"severity": "3"}
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
    assert (year.date, year.date_end, year.date_precision, year.text) == \
        ("2024-01-01", "2024-12-31", "year", "A year of talks")
    # the reader goes by content, not by name
    copy = tmp_path / "anything.json"
    shutil.copy(DATA / "story.timeline.json", copy)
    assert [e.text for e in read_events(copy)] == [call.text, kursk.text, year.text]


def test_json_dialects_are_told_apart_by_content():
    geo = (DATA / "places.geojson").read_text()
    assert [e.id for e in loads_events(geo)] == ["inc-1", "inc-2", "inc-3"]
    assert loads_events('{"format": "eventmap", "version": 1, "events": []}') == []
    assert loads_events("date,text\n2025-03-18,Something happened.\n")[0].date == "2025-03-18"
