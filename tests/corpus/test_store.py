"""The DuckDB event store: round trips, window/bbox queries, aggregates, files, Parquet, bad input."""

from __future__ import annotations

from datetime import date, timedelta

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventmap.corpus.store import EventStore, FileRecord, events_to_table, files_to_table, is_store
from eventmap.errors import InputError, UserError
from eventmap.model import Event, Place, Source

KYIV = Place("Kiev", "Kyiv", 50.4501, 30.5234, "UA", "city")
TUAPSE = Place("Toeapse", "Tuapse", 44.1, 39.07, "RU", "city")
RUSSIA = Place("Rusland", "Russia", 61.5, 105.3, "RU", "country")


def make_event(
    n: int,
    day: str,
    place: Place | None = None,
    *,
    end: str | None = None,
    category: str = "attack",
    doc: str = "a.txt",
) -> Event:
    text = f"Event number {n} happened."
    return Event(
        text=text,
        source=Source(doc, n * 100, n * 100 + len(text)),
        date=day,
        date_end=end or day,
        date_precision="day",
        category=category,
        lang="en",
        places=[place] if place else [],
    )


@pytest.fixture
def store() -> EventStore:
    s = EventStore()
    s.add(
        [
            make_event(1, "2025-03-14", TUAPSE, category="protest"),
            make_event(2, "2025-03-14", KYIV),
            make_event(3, "2025-03-15", KYIV),
            make_event(4, "2025-03-01", RUSSIA, end="2025-03-31", category="policy"),
            make_event(5, "2025-04-02", KYIV),
            Event(text="Nobody knows when.", source=Source("b.txt", 0, 18)),
        ]
    )
    return s


def test_round_trip_keeps_the_whole_event(tmp_path):
    merged = make_event(1, "2025-03-14", TUAPSE, category="protest")
    merged.sources.append(Source("nl.txt", 5, 60, "vrijdag"))
    merged.extra["merged_from"] = ["x", "y"]
    path = tmp_path / "events.duckdb"
    with EventStore(path) as s:
        s.add([merged])
    assert is_store(path) and not is_store(tmp_path / "missing.duckdb")
    with EventStore(path, read_only=True) as s:
        (back,) = s.events()
    assert back.to_dict() == merged.to_dict()


def test_window_returns_events_whose_interval_overlaps(store):
    ids = {e.text for e in store.events(start="2025-03-15", end="2025-03-20")}
    # the month-long policy event overlaps the window; the undated one never matches a window
    assert ids == {"Event number 3 happened.", "Event number 4 happened."}
    assert store.count(start=date(2025, 4, 1)) == 1
    assert store.count(end="2025-03-13") == 1
    assert store.count() == 6


def test_events_come_in_date_order_with_undated_last_and_limit(store):
    days = [e.date for e in store.events()]
    assert days == ["2025-03-01", "2025-03-14", "2025-03-14", "2025-03-15", "2025-04-02", None]
    assert [e.date for e in store.events(limit=2, offset=3)] == ["2025-03-15", "2025-04-02"]


def test_bbox_and_category_filters(store):
    ukraine = (22.0, 44.0, 40.5, 52.5)
    assert {e.source.start for e in store.events(bbox=ukraine)} == {100, 200, 300, 500}
    assert store.count(bbox=(30, 50, 31, 51), start="2025-03-15") == 2
    assert store.count(category="protest") == 1
    assert store.count(category=["protest", "policy"]) == 2


def test_bbox_across_the_antimeridian():
    s = EventStore()
    s.add(
        [
            make_event(1, "2025-01-01", Place("Fiji", "Suva", -18.1, 178.4, "FJ", "city")),
            make_event(2, "2025-01-01", Place("Samoa", "Apia", -13.8, -171.8, "WS", "city")),
            make_event(3, "2025-01-01", KYIV),
        ]
    )
    assert s.count(bbox=(170, -30, -160, 0)) == 2


def test_aggregate_by_place_day_category_and_cell(store):
    places = store.aggregate(by="place")
    assert places[0] == {
        "place": "Kyiv",
        "country_code": "UA",
        "lat": 50.4501,
        "lon": 30.5234,
        "count": 3,
        "first": "2025-03-14",
        "last": "2025-04-02",
    }
    assert sum(p["count"] for p in places) == 5  # the undated one has no place
    days = store.aggregate(by="day", start="2025-03-10", end="2025-03-31")
    assert days == [
        {"day": "2025-03-01", "count": 1},
        {"day": "2025-03-14", "count": 2},
        {"day": "2025-03-15", "count": 1},
    ]
    assert store.aggregate(by="category", limit=1) == [{"category": "attack", "count": 3}]
    cells = store.aggregate(by="cell", cell_deg=10)
    assert {(c["lat"], c["lon"]): c["count"] for c in cells} == {
        (55.0, 35.0): 3,
        (45.0, 35.0): 1,
        (65.0, 105.0): 1,
    }


def test_adding_an_event_again_replaces_it(store):
    again = make_event(2, "2025-03-14", KYIV)
    again.category = "fighting"
    store.add([again])
    assert store.count() == 6
    assert store.count(category="fighting") == 1


def test_replace_files_swaps_a_files_events_and_hash():
    s = EventStore()
    first = events_to_table([make_event(1, "2025-01-01"), make_event(2, "2025-01-02")], file="/c/a.txt")
    s.replace_files([FileRecord("/c/a.txt", "h1", 2)], first)
    second = events_to_table([make_event(7, "2025-02-01")], file="/c/a.txt")
    s.replace_files([FileRecord("/c/a.txt", "h2", 1)], second)
    assert s.file_hashes() == {"/c/a.txt": "h2"}
    assert [e.date for e in s.events()] == ["2025-02-01"]


def test_date_range_and_sort_by_date(store):
    assert store.date_range() == ("2025-03-01", "2025-04-02")
    store.sort_by_date()
    assert store.count() == 6 and store.date_range() == ("2025-03-01", "2025-04-02")


def test_parquet_folder_is_importable_and_openable(tmp_path):
    folder = tmp_path / "out"
    (folder / "events").mkdir(parents=True)
    (folder / "files").mkdir()
    table = events_to_table(
        [make_event(1, "2025-03-14", KYIV), make_event(2, "2025-03-20", TUAPSE)], file="/c/a.txt"
    )
    pq.write_table(table, folder / "events" / "part-0.parquet")
    pq.write_table(files_to_table([FileRecord("/c/a.txt", "abc", 2)]), folder / "files" / "part-0.parquet")

    s = EventStore()
    assert s.import_parquet(folder) == 2
    assert s.import_parquet(folder) == 2  # idempotent: the file's events are replaced
    assert s.count() == 2 and s.file_hashes() == {"/c/a.txt": "abc"}

    assert is_store(folder) and not is_store(tmp_path)
    direct = EventStore(folder)
    assert direct.read_only and direct.count(start="2025-03-15") == 1
    assert direct.aggregate(by="place")[0]["count"] == 1
    with pytest.raises(UserError, match="read-only"):
        direct.add([make_event(3, "2025-01-01")])


def test_bad_input_gives_one_line_errors(store, tmp_path):
    with pytest.raises(InputError, match="not a date"):
        store.events(start="last tuesday")
    with pytest.raises(InputError, match="before start"):
        store.count(start="2025-03-10", end="2025-03-01")
    with pytest.raises(InputError, match="bbox"):
        store.count(bbox=(1, 2, 3))
    with pytest.raises(InputError, match="bbox"):
        store.count(bbox=(0, 60, 10, 50))
    with pytest.raises(InputError, match="unknown aggregation"):
        store.aggregate(by="week")
    with pytest.raises(InputError, match="limit"):
        store.events(limit=-1)
    text = tmp_path / "notes.txt"
    text.write_text("not a database, just words " * 100)
    with pytest.raises(InputError, match="notes.txt"):
        EventStore(text)
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).execute("CREATE TABLE t (x INT)").close()
    with pytest.raises(InputError, match="not an eventmap store"):
        EventStore(other)
    with pytest.raises(InputError, match="no such event store"):
        EventStore(tmp_path / "missing.duckdb", read_only=True)
    with pytest.raises(InputError, match="no events"):
        EventStore(tmp_path)


def test_many_events_bulk_insert_and_window_count():
    s = EventStore()
    start = date(2024, 1, 1)
    evs = [make_event(i, (start + timedelta(days=i % 366)).isoformat(), KYIV) for i in range(3000)]
    assert s.add(evs) == 3000
    week = s.count(start="2024-03-01", end="2024-03-07")
    expected = sum(1 for e in evs if "2024-03-01" <= e.date <= "2024-03-07")
    assert week == expected > 0
    assert sum(d["count"] for d in s.aggregate(by="day", start="2024-03-01", end="2024-03-07")) == week


def _reference_count(events: list[Event], start: str | None, end: str | None, bbox) -> int:
    """The window/bbox rule written plainly, to check the SQL against."""
    n = 0
    for e in events:
        if (start or end) and e.date is None:
            continue
        if end and e.date > end:
            continue
        if start and (e.date_end or e.date) < start:
            continue
        if bbox is not None:
            west, south, east, north = bbox
            if not e.located or not south <= e.lat <= north:
                continue
            if not (west <= e.lon <= east if west <= east else (e.lon >= west or e.lon <= east)):
                continue
        n += 1
    return n


_days = st.dates(min_value=date(2024, 1, 1), max_value=date(2024, 3, 31))
_points = st.one_of(st.none(), st.tuples(st.floats(-89, 89), st.floats(-179, 179)))


@settings(max_examples=40, deadline=None)
@given(
    rows=st.lists(st.tuples(st.one_of(st.none(), _days), st.integers(0, 40), _points), max_size=40),
    window=st.tuples(st.one_of(st.none(), _days), st.one_of(st.none(), _days)),
    bbox=st.one_of(
        st.none(), st.tuples(st.floats(-180, 180), st.floats(-90, 0), st.floats(-180, 180), st.floats(0, 90))
    ),
)
def test_window_and_bbox_agree_with_a_plain_reference(rows, window, bbox):
    events = []
    for i, (day, length, point) in enumerate(rows):
        place = [Place("p", "p", point[0], point[1], "XX", "city")] if point else []
        end = (day + timedelta(days=length)).isoformat() if day else None
        events.append(
            Event(
                text=f"e{i}",
                source=Source("d", i, i + 1),
                date=day.isoformat() if day else None,
                date_end=end,
                places=place,
            )
        )
    start, end = sorted(window, key=lambda d: d or date.min) if all(window) else window
    start_s, end_s = (start.isoformat() if start else None), (end.isoformat() if end else None)
    store = EventStore()
    store.add(events)
    assert store.count(start=start_s, end=end_s, bbox=bbox) == _reference_count(events, start_s, end_s, bbox)
    assert len(store.events(start=start_s, end=end_s, bbox=bbox)) == store.count(
        start=start_s, end=end_s, bbox=bbox
    )


def test_rows_without_date_end_get_their_start_day():
    s = EventStore()
    table = events_to_table([make_event(1, "2025-03-14")])
    table = table.set_column(table.schema.get_field_index("date_end"), "date_end", pa.nulls(1, pa.date32()))
    s.add_table(table)
    assert s.count(start="2025-03-14", end="2025-03-14") == 1
    assert s.aggregate(by="place") == [] and s.date_range() == ("2025-03-14", "2025-03-14")
