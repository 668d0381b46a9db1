"""Writing events as JSON, GeoJSON, CSV and TimelineJS, and reading our own files back."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta

import geojson_validator
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventmap.errors import InputError
from eventmap.formats import FORMATS, dumps_events, loads_events, read_events, write_events
from eventmap.formats.csv_format import COLUMNS
from eventmap.model import Event, Place, Source

from conftest import DATA_DIR
from factories import make_event, sample_events

DATA = DATA_DIR / "formats"
HOSTILE = 'He said "stop", then left; the sign read </script><b>no</b> & 50,5 km\nsecond line'


def rich_events() -> list[Event]:
    """The sample events plus one with extra fields, several sources and awkward text."""
    extra = make_event(
        HOSTILE,
        day="2025-03-18",
        category="protest",
        document="docs/c.txt",
        place=("Den Haag", 52.0767, 4.2986, "NL"),
    )
    extra.places.append(
        Place(
            text="Brussel",
            name="Brussels",
            lat=50.8503,
            lon=4.3517,
            country_code="BE",
            kind="city",
            source_id="2800866",
            start=40,
            end=47,
        )
    )
    extra.sources.append(Source("docs/d.txt", 10, 80, "gisteren"))
    extra.extra.update({"fatalities": "0", "actor1": "Farmers (Netherlands)"})
    return sample_events() + [extra]


@pytest.mark.parametrize("fmt", ["json", "geojson", "csv"])
def test_own_formats_read_back_into_the_same_events(fmt, tmp_path):
    events = rich_events()
    path = tmp_path / f"events.{'json' if fmt == 'json' else fmt}"
    write_events(events, fmt, path)
    assert read_events(path) == events


def test_csv_has_acled_like_columns_in_a_fixed_order():
    rows = list(csv.DictReader(io.StringIO(dumps_events(rich_events(), "csv"))))
    header = list(rows[0])
    assert tuple(header[: len(COLUMNS)]) == COLUMNS
    assert header[len(COLUMNS) :] == ["fatalities", "actor1"]  # extra fields as their own columns
    by_text = {r["notes"]: r for r in rows}
    week = by_text["Talks were held in Kyiv last week."]
    assert (week["event_date"], week["date_end"], week["time_precision"], week["date_precision"]) == (
        "2025-03-10",
        "2025-03-16",
        "2",
        "week",
    )
    month = by_text["Protesters gathered in Kyiv in March."]
    assert (month["time_precision"], month["date_precision"], month["date_end"]) == (
        "3",
        "month",
        "2025-03-31",
    )
    day = by_text["A refinery in Tuapse was hit by drones on 14 March."]
    assert (
        day["location"],
        day["latitude"],
        day["longitude"],
        day["geo_precision"],
        day["country_code"],
    ) == ("Tuapse", "44.1053", "39.0802", "1", "RU")
    assert day["source"] == "docs/a.txt" and day["time_precision"] == "1"
    unplaced = by_text["Both presidents spoke by phone on 18 March."]
    assert unplaced["latitude"] == unplaced["longitude"] == unplaced["location"] == ""
    hostile = by_text[HOSTILE]
    assert json.loads(hostile["places_json"])[1]["name"] == "Brussels"
    assert hostile["fatalities"] == "0"


def test_year_precision_is_acled_code_3_and_reads_back_as_a_year():
    ev = make_event("The reform took all of 2024.", day="2024-01-01", end="2024-12-31", precision="year")
    row = next(csv.DictReader(io.StringIO(dumps_events([ev], "csv"))))
    assert (row["time_precision"], row["date_precision"]) == ("3", "year")
    assert loads_events(dumps_events([ev], "csv"), "csv") == [ev]


def test_geojson_is_a_valid_rfc7946_feature_collection():
    events = rich_events()
    obj = json.loads(dumps_events(events, "geojson"))
    assert geojson_validator.validate_structure(obj) == {}
    geometry_problems = geojson_validator.validate_geometries(obj)
    assert geometry_problems["invalid"] == {} and geometry_problems["problematic"] == {}
    assert obj["type"] == "FeatureCollection" and len(obj["features"]) == len(events)
    by_id = {f["id"]: f for f in obj["features"]}
    tuapse = by_id[events[0].id]
    assert tuapse["geometry"] == {"type": "Point", "coordinates": [39.0802, 44.1053]}  # [lon, lat]
    assert "lat" not in tuapse["properties"] and tuapse["properties"]["date"] == "2025-03-14"
    phone = next(e for e in events if not e.located)
    assert by_id[phone.id]["geometry"] is None


def test_timelinejs_follows_its_documented_schema():
    schema = json.loads((DATA / "timelinejs.schema.json").read_text())
    events = rich_events()
    obj = json.loads(dumps_events(events, "timelinejs", title="Spring <2025>"))
    jsonschema.validate(obj, schema)
    assert obj["title"]["text"]["headline"] == "Spring &lt;2025&gt;"
    slides = {s["unique_id"]: s for s in obj["events"]}
    assert len(slides) == sum(1 for e in events if e.date)  # undated events have no slide
    for ev in events:
        if not ev.date:
            continue
        s = slides[ev.id]
        assert s["group"] == ev.category
        start = s["start_date"]
        assert 1 <= int(start["month"]) <= 12
        if ev.date_precision == "month":
            assert "day" not in start and "end_date" not in s
        elif ev.date_precision == "week":
            assert s["start_date"] == {"year": "2025", "month": "3", "day": "10"}
            assert s["end_date"] == {"year": "2025", "month": "3", "day": "16"}
        else:
            assert date(int(start["year"]), int(start["month"]), int(start["day"])).isoformat() == ev.date
    hostile = next(s for s in obj["events"] if "second line" in s["text"]["text"])
    assert "</script>" not in hostile["text"]["text"] and "&lt;/script&gt;" in hostile["text"]["text"]


def test_timelinejs_reads_back_dates_text_and_categories():
    events = [e for e in rich_events() if e.date]
    back = loads_events(dumps_events(events, "timelinejs"), origin="story.json")
    assert [(b.id, b.date, b.date_end, b.date_precision, b.category, b.text) for b in back] == [
        (e.id, e.date, e.date_end, e.date_precision, e.category, e.text) for e in events
    ]


def test_write_events_to_a_stream_and_unknown_format():
    out = io.StringIO()
    write_events(sample_events(), "json", out)
    assert loads_events(out.getvalue()) == sample_events()
    with pytest.raises(InputError, match="unknown format 'xml'"):
        write_events(sample_events(), "xml", io.StringIO())
    assert FORMATS == ("json", "geojson", "csv", "timelinejs")


def test_writing_into_a_missing_folder_is_one_clear_error(tmp_path):
    with pytest.raises(InputError, match="output folder .*nope does not exist"):
        write_events(sample_events(), "csv", tmp_path / "nope" / "events.csv")


def test_a_broken_event_file_names_the_file_and_the_problem(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"events": [{"text": "x", "date": "2025-13-01"}]}')
    with pytest.raises(InputError, match=r"bad\.json: event #1: date '2025-13-01' is not a valid ISO date"):
        read_events(bad)
    (tmp_path / "trunc.geojson").write_text('{"type": "FeatureCollection", "features": [')
    with pytest.raises(InputError, match=r"trunc\.geojson: not valid JSON"):
        read_events(tmp_path / "trunc.geojson")


# ---------------------------------------------------------------- property-based round trips

_text = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=60
)
_name = st.text(st.characters(whitelist_categories=("L", "Zs", "Pd")), min_size=1, max_size=20)


@st.composite
def events_strategy(draw) -> Event:
    text = draw(_text)
    start = date(2020, 1, 1) + timedelta(days=draw(st.integers(0, 3000)))
    precision = draw(st.sampled_from(["day", "week", "month", "year", None]))
    end = start + timedelta(days=draw(st.integers(0, 40)))
    places = [
        Place(
            text=draw(_name),
            name=draw(st.none() | _name),
            lat=draw(st.floats(-90, 90)),
            lon=draw(st.floats(-180, 180)),
            country_code=draw(st.none() | st.sampled_from(["NL", "UA", "RU", "GB"])),
            kind=draw(st.none() | st.sampled_from(["city", "region", "country", "sea"])),
        )
        for _ in range(draw(st.integers(0, 2)))
    ]
    extra_keys = draw(
        st.lists(
            st.from_regex(r"[a-z]{2,8}", fullmatch=True).filter(lambda k: k not in COLUMNS),
            max_size=2,
            unique=True,
        )
    )
    dated = precision is not None
    return Event(
        text=text,
        source=Source(draw(_name), draw(st.integers(0, 500)), draw(st.integers(0, 500))),
        date=start.isoformat() if dated else None,
        date_end=end.isoformat() if dated else None,
        date_precision=precision,
        date_text=draw(st.none() | _text),
        category=draw(st.sampled_from(["attack", "fighting", "diplomacy", "other"])),
        lang=draw(st.sampled_from(["nl", "en", None])),
        places=places,
        extra={k: draw(_name) for k in extra_keys},
    )


def test_blanks_around_values_survive_the_csv():
    ev = Event(
        text=" x ",
        source=Source(" a.txt ", 0, 3),
        date="2025-01-01",
        date_end="2025-01-01",
        date_precision="day",
        places=[Place(text=" K ", name=" Kyiv", lat=1.0, lon=2.0)],
        extra={"zz": " v "},
    )
    assert loads_events(dumps_events([ev], "csv"), "csv") == [ev]


def test_our_own_csv_keeps_repeated_events_as_they_are():
    twice = [sample_events()[0], sample_events()[0]]
    assert loads_events(dumps_events(twice, "csv"), "csv") == twice


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(events_strategy(), max_size=4))
def test_csv_and_geojson_round_trip_any_events(events):
    assert loads_events(dumps_events(events, "csv"), "csv") == events
    assert loads_events(dumps_events(events, "geojson")) == events


def test_csv_cells_that_spreadsheets_would_run_are_written_as_text_and_read_back_exactly():
    """CSV injection: '=HYPERLINK(...)' must not be a formula in Excel, yet round-trip unchanged."""
    from eventmap.formats.csv_format import dumps, loads
    from eventmap.model import Event, Place, Source

    texts = [
        '=HYPERLINK("http://evil.example","click")',
        "+1 more",
        "-5 degrees",
        "@SUM(A1)",
        "'quoted",
        "''=x",
        "plain",
    ]
    events = [
        Event(
            text=t,
            source=Source(f"doc{i}.txt", 0, len(t)),
            date_text=t,
            places=[Place("Kiev", "Kyiv", 50.45, -30.52, "UA", "city")],
        )
        for i, t in enumerate(texts)
    ]
    csv_text = dumps(events)
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(csv_text)))
    assert rows[0]["notes"].startswith("'=") and rows[3]["notes"].startswith("'@")
    assert rows[0]["longitude"] == "-30.52"  # numbers are not touched
    back = loads(csv_text)
    assert [e.text for e in back] == texts and [e.date_text for e in back] == texts
    assert back[0].lon == -30.52
