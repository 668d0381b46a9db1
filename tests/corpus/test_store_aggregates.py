"""The store's kept counts (per day, place and document) agree with a scan of the events, always.

Every check compares the store's answer with the same question asked of the events one by
one (`store.events()`), after edits, new files, forgotten files, read-only opening and Parquet.
"""

from __future__ import annotations

from collections import Counter

import duckdb
import pytest

from eventmap.corpus.store import EventStore, FileRecord, events_to_table
from eventmap.model import Event, Place, Source

SHOWN = ["unreviewed", "verified"]
KYIV = Place("Kiev", "Kyiv", 50.4501, 30.5234, "UA", "city")
BERLIN = Place("Berlin", "Berlin", 52.5244, 13.4105, "DE", "city")


def make_event(n: int, *, doc: str = "a.txt", category: str | None = None) -> Event:
    text = f"Event number {n} happened."
    day = f"2025-{1 + n % 3:02d}-{1 + n % 27:02d}"
    return Event(
        text=text,
        source=Source(doc, n * 100, n * 100 + len(text)),
        date=day,
        date_end=day,
        date_precision="day",
        category=category or ("attack" if n % 2 else "policy"),
        lang="en",
        places=[KYIV if n % 3 else BERLIN],
    )


def reference(store: EventStore, **filters) -> dict[str, Counter]:
    """The counts the kept tables answer, from the events themselves."""
    events = store.events(**filters)
    return {
        "day": Counter(e.date for e in events),
        "day_category": Counter((e.date, e.category) for e in events),
        "category": Counter(e.category for e in events),
        "status": Counter(e.review_status for e in events),
        "document": Counter(e.source.document for e in events),
        "place": Counter(round(e.lat, 4) for e in events if e.lat is not None),
    }


def answered(store: EventStore, **filters) -> dict[str, Counter]:
    return {
        "day": Counter({r["day"]: r["count"] for r in store.aggregate(by="day", **filters)}),
        "day_category": Counter(
            {(r["day"], r["category"]): r["count"] for r in store.aggregate(by="day_category", **filters)}
        ),
        "category": Counter({r["category"]: r["count"] for r in store.aggregate(by="category", **filters)}),
        "status": Counter({r["review_status"]: r["count"] for r in store.aggregate(by="status", **filters)}),
        "document": Counter({r["document"]: r["count"] for r in store.aggregate(by="document", **filters)}),
        "place": Counter({round(r["lat"], 4): r["count"] for r in store.aggregate(by="place", **filters)}),
    }


def agree(store: EventStore) -> None:
    for filters in (
        {},
        {"statuses": SHOWN},
        {"category": ["attack"]},
        {"category": "policy", "statuses": SHOWN},
    ):
        assert answered(store, **filters) == reference(store, **filters), filters
        assert store.count(**filters) == len(store.events(**filters)), filters
    assert dict(store.documents_like("", limit=None)) == dict(reference(store)["document"])


@pytest.fixture
def store(tmp_path):
    with EventStore(tmp_path / "w.duckdb") as s:
        s.add([make_event(i, doc=f"d{i % 4}.txt") for i in range(60)])
        yield s


def kept_tables(path) -> set[str]:
    with duckdb.connect(str(path), read_only=True) as con:
        rows = con.execute("SELECT table_name FROM information_schema.tables").fetchall()
    return {r[0] for r in rows if r[0].startswith("agg_")}


def test_kept_counts_are_built_once_into_the_store_and_agree_with_the_events(store, tmp_path):
    agree(store)
    store.close()
    assert kept_tables(tmp_path / "w.duckdb") == {"agg_days", "agg_places", "agg_documents"}


def test_an_edit_shows_in_every_count_at_once(store):
    agree(store)
    first, second = store.events(limit=2)
    store.edit(first.id, {"review_status": "rejected"})
    store.edit(
        second.id,
        {
            "category": "protest",
            "date": {"date": "2024-12-31", "date_end": "2024-12-31", "date_precision": "day"},
        },
    )
    agree(store)
    assert store.review_counts()["rejected"] == 1
    assert store.count(statuses=SHOWN) == 59
    store.undo()
    agree(store)
    store.redo()
    agree(store)


def test_new_and_forgotten_files_drop_the_kept_counts_and_they_come_back_right(store, tmp_path):
    agree(store)
    store.replace_files(
        [FileRecord("new.txt", "abc", 5)],
        events_to_table(
            [make_event(100 + i, doc="new.txt", category="disaster") for i in range(5)], file="new.txt"
        ),
    )
    agree(store)
    assert store.count(category=["disaster"]) == 5
    store.forget_files(["new.txt"])
    agree(store)
    assert store.count(category=["disaster"]) == 0
    store.add_article(
        "pasted", "Event number 200 happened.", [make_event(200, doc="pasted", category="protest")]
    )
    agree(store)


def test_a_read_only_store_counts_in_memory_without_writing_its_file(store, tmp_path):
    path = tmp_path / "w.duckdb"
    store.edit(store.events(limit=1)[0].id, {"review_status": "verified"})
    with duckdb.connect(str(path)) as con:  # a store written before kept counts existed
        for name in ("agg_days", "agg_places", "agg_documents"):
            con.execute(f"DROP TABLE IF EXISTS {name}")
    store.close()
    with EventStore(path, read_only=True) as ro:
        agree(ro)
        assert ro.review_counts()["verified"] == 1
    assert kept_tables(path) == set()


def test_a_parquet_folder_is_counted_too(tmp_path):
    import pyarrow.parquet as pq

    folder = tmp_path / "pq"
    (folder / "events").mkdir(parents=True)
    pq.write_table(
        events_to_table([make_event(i) for i in range(30)], file="x.txt"), folder / "events" / "p0.parquet"
    )
    with EventStore(folder) as ro:
        agree(ro)
