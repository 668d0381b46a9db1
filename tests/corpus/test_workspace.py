"""The store as the analyst's workspace: edits as an overlay, the log, undo/redo, re-attachment, safety."""

from __future__ import annotations

import json
import multiprocessing

import duckdb
import pytest

from eventmap.corpus.edits import date_value, place_value, suggest_places
from eventmap.corpus.store import EventStore
from eventmap.errors import InputError, UserError
from eventmap.model import Event, Place, Source

KYIV = Place("Kiev", "Kyiv", 50.4501, 30.5234, "UA", "city")
BERLIN = {"text": "Berlin", "name": "Berlin", "lat": 52.5244, "lon": 13.4105, "country_code": "DE"}


def make_event(
    n: int, day: str, *, doc: str = "a.txt", start: int | None = None, text: str | None = None
) -> Event:
    text = text or f"Event number {n} happened in Kiev."
    at = n * 100 if start is None else start
    return Event(
        text=text,
        source=Source(doc, at, at + len(text)),
        date=day,
        date_end=day,
        date_precision="day",
        category="attack",
        lang="en",
        places=[Place(**KYIV.to_dict())],
    )


@pytest.fixture
def store(tmp_path):
    with EventStore(tmp_path / "w.duckdb") as s:
        s.add([make_event(i, f"2025-03-{i + 1:02d}") for i in range(5)])
        yield s


def machine_json(store: EventStore, event_id: str) -> dict:
    (row,) = store._query("SELECT json FROM events WHERE id = $id", {"id": event_id})
    return json.loads(row[0])


def test_an_edit_changes_what_is_read_and_keeps_the_machine_event(store):
    ev = store.events()[0]
    out = store.edit(ev.id, {"date": date_value("2025-04-10")}, author="ana", note="wire copy says 10 April")
    shown = store.event(ev.id)
    assert (shown.date, shown.date_end, shown.date_precision) == ("2025-04-10", "2025-04-10", "day")
    assert shown.original == {"date": "2025-03-01", "date_end": "2025-03-01", "date_precision": "day"}
    assert machine_json(store, ev.id)["date"] == "2025-03-01"  # never in place
    assert out["before"]["date"]["date"] == "2025-03-01" and out["action"] == 1
    assert store.count(start="2025-04-01", end="2025-04-30") == 1
    assert store.count() == 5
    assert {r["day"] for r in store.aggregate(by="day")} >= {"2025-04-10"}
    assert "2025-03-01" not in {r["day"] for r in store.aggregate(by="day")}


def test_every_change_is_logged_with_machine_value_new_value_time_author_and_note(store):
    ev = store.events()[1]
    store.edit(ev.id, {"place": BERLIN, "category": "protest"}, author="ana", note="it was Berlin")
    (entry,) = store.edit_log()
    assert entry["author"] == "ana" and entry["note"] == "it was Berlin" and entry["at"]
    fields = {e["field"]: e for e in entry["edits"]}
    assert fields["category"]["machine"] == {"category": "attack"}
    assert fields["category"]["value"] == "protest"
    assert fields["place"]["machine"]["lat"] == KYIV.lat and fields["place"]["value"]["name"] == "Berlin"
    shown = store.event(ev.id)
    assert (shown.lat, shown.lon) == (BERLIN["lat"], BERLIN["lon"]) and shown.category == "protest"
    assert shown.original["category"] == "attack" and shown.original["places"][0]["name"] == "Kyiv"
    assert store.aggregate(by="place")[0]["place"] == "Kyiv"  # four left there
    assert {r["place"] for r in store.aggregate(by="place")} == {"Kyiv", "Berlin"}


def test_a_rejected_event_is_kept_and_counted_and_can_be_filtered_out(store):
    ev = store.events()[2]
    store.edit(ev.id, {"review_status": "rejected"})
    assert store.review_counts() == {"unreviewed": 4, "verified": 0, "rejected": 1}
    assert store.count(statuses=["unreviewed", "verified"]) == 4
    assert store.event(ev.id).review_status == "rejected"
    assert store.event(ev.id).original == {}  # a verdict is not a machine value


def test_title_note_and_actors_are_free_text_in_extra(store):
    ev = store.events()[0]
    store.edit(
        ev.id, {"title": "Strike on Kyiv", "actors": "Russian army; Ukrainian air defence", "note": "x"}
    )
    shown = store.event(ev.id)
    assert shown.extra == {
        "title": "Strike on Kyiv",
        "actors": "Russian army; Ukrainian air defence",
        "note": "x",
    }
    store.edit(ev.id, {"note": ""})
    assert "note" not in store.event(ev.id).extra


@pytest.mark.parametrize(
    "values, message",
    [
        ({"date": {"date": "2025-02-30"}}, "not a real date"),
        ({"category": "party"}, "unknown category"),
        ({"review_status": "maybe"}, "unknown review status"),
        ({"colour": "red"}, "cannot edit"),
        ({}, "nothing to change"),
    ],
)
def test_a_bad_edit_is_one_line_and_changes_nothing(store, values, message):
    ev = store.events()[0]
    with pytest.raises(InputError, match=message) as info:
        store.edit(ev.id, values)
    assert "\n" not in str(info.value)
    assert store.edit_log() == [] and store.event(ev.id).to_dict() == ev.to_dict()


def test_an_unknown_id_is_refused_and_nothing_is_logged(store):
    with pytest.raises(InputError, match="no event with id 'nope'"):
        store.edit("nope", {"category": "protest"})
    assert store.edit_log() == []


def test_impossible_dates_and_unknown_places_are_refused_before_anything_is_written():
    with pytest.raises(InputError, match="not a real date"):
        date_value("2025-02-30")
    with pytest.raises(InputError, match="ends before"):
        date_value("2025-03-05/2025-03-01")
    with pytest.raises(InputError, match="unknown place"):
        place_value("Xqzzyborough Flats")
    with pytest.raises(InputError, match="latitude"):
        place_value("95, 10")


def test_date_edits_take_ranges_months_and_precisions():
    assert date_value("2025-03-01/2025-03-05") == {
        "date": "2025-03-01",
        "date_end": "2025-03-05",
        "date_precision": "day",
    }
    assert date_value("2025-02") == {
        "date": "2025-02-01",
        "date_end": "2025-02-28",
        "date_precision": "month",
    }
    assert date_value("2025-03-12", "week") == {
        "date": "2025-03-10",
        "date_end": "2025-03-16",
        "date_precision": "week",
    }
    with pytest.raises(InputError, match="cannot have day precision"):
        date_value("2025", "day")


def test_a_place_by_name_comes_from_the_offline_gazetteer_and_lat_lon_as_given():
    kyiv = place_value("Kyiv")
    assert kyiv["country_code"] == "UA" and abs(kyiv["lat"] - 50.45) < 0.1
    assert place_value("48.5, 35.1") == {"text": "48.50000, 35.10000", "name": None, "lat": 48.5, "lon": 35.1}


def test_place_suggestions_come_from_the_gazetteer_as_you_type():
    names = [(p["name"], p["country_code"]) for p in suggest_places("Zapor")]
    assert ("Zaporizhzhya", "UA") in names[:3]
    assert suggest_places("Kiev")[0]["name"] == "Kyiv"  # the whole name typed comes first
    assert suggest_places("K") == []  # one letter: too many to be useful


def test_two_writers_on_one_event_the_last_wins_and_the_log_shows_both(store):
    ev = store.events()[0]
    store.edit(ev.id, {"category": "protest"}, author="tab 1")
    store.edit(ev.id, {"category": "diplomacy"}, author="tab 2")
    assert store.event(ev.id).category == "diplomacy"
    assert [e["author"] for e in store.edit_log(ev.id)] == ["tab 1", "tab 2"]
    assert store.event(ev.id).original == {"category": "attack"}


def test_undo_and_redo_walk_the_log(store):
    ev = store.events()[0]
    store.edit(ev.id, {"category": "protest"})
    store.edit(ev.id, {"category": "diplomacy"})
    assert store.undo(author="ana")["action"] == 2
    assert store.event(ev.id).category == "protest"
    assert store.undo()["action"] == 1
    assert store.event(ev.id).category == "attack" and store.event(ev.id).original == {}
    assert store.undo() is None
    assert store.redo()["action"] == 1
    assert store.event(ev.id).category == "protest"
    store.edit(ev.id, {"category": "policy"})  # a new change: nothing left to redo
    assert store.redo() is None
    kinds = [(e["kind"], e["target"], e["undone"]) for e in store.edit_log()]
    assert kinds == [
        ("edit", None, False),
        ("edit", None, True),
        ("undo", 2, False),
        ("undo", 1, False),
        ("redo", 1, False),
        ("edit", None, False),
    ]


def test_a_new_event_from_a_text_span_is_added_and_editable(store):
    span = "Protesters gathered in Kiev."
    new = Event(
        text=span, source=Source("a.txt", 5000, 5000 + len(span)), date="2025-03-20", date_end="2025-03-20"
    )
    out = store.add_event(new, author="ana")
    assert store.count() == 6 and out["event_id"] in out["changed"]
    store.edit(new.id, {"category": "protest", "review_status": "verified"})
    shown = store.event(new.id)
    assert (
        shown.category == "protest"
        and shown.review_status == "verified"
        and shown.original == {"category": "other"}
    )
    with pytest.raises(InputError, match="already an event"):
        store.add_event(new)


def test_merging_two_events_shows_one_and_splitting_gives_both_back(store):
    a, b = store.events()[:2]
    out = store.merge([a.id, b.id])
    merged = store.event(out["event_id"])
    assert merged.source_count == 2 and store.count() == 4
    assert store.event(a.id) is None
    with pytest.raises(InputError, match="merged into another event"):
        store.edit(a.id, {"category": "protest"})
    store.edit(merged.id, {"review_status": "verified"})
    store.split(merged.id)
    assert store.count() == 5 and store.event(a.id) is not None and store.event(merged.id) is None
    with pytest.raises(InputError, match="not a merge made in this workspace"):
        store.split(a.id)


def test_edits_come_back_after_a_reparse_by_id_or_by_document_and_sentence(store):
    events = store.events()
    first, second = events[0], events[1]
    store.edit(first.id, {"category": "protest"})
    store.edit(second.id, {"date": date_value("2025-05-01")})
    # a re-parse: the same sentences, but the second moved in its document (a new id)
    moved = make_event(1, "2025-03-02", start=777)
    assert moved.id != second.id and moved.text == second.text
    store.add([make_event(0, "2025-03-01"), moved])
    store._query("DELETE FROM events WHERE id = $id", {"id": second.id})
    overlay = store.reapply_edits()
    assert overlay.orphans == []
    assert store.event(first.id).category == "protest"
    assert store.event(moved.id).date == "2025-05-01"


def test_an_edit_whose_sentence_is_gone_is_orphaned_not_dropped_and_comes_back_with_it(store):
    ev = store.events()[3]
    store.edit(ev.id, {"category": "protest"}, note="keep me")
    store._query("DELETE FROM events WHERE id = $id", {"id": ev.id})
    (orphan,) = store.reapply_edits().orphans
    assert orphan["event_id"] == ev.id and orphan["sentence"] == ev.text
    assert orphan["edits"][0]["field"] == "category" and store.orphaned_edits() == [orphan]
    assert len(store.edit_log()) == 1
    store.add([ev])  # the sentence is back
    assert store.orphaned_edits() == [] and store.event(ev.id).category == "protest"


def test_the_workspace_survives_closing_and_opening(tmp_path):
    path = tmp_path / "w.duckdb"
    with EventStore(path) as s:
        s.add([make_event(1, "2025-03-01")])
        ev = s.events()[0]
        s.edit(ev.id, {"review_status": "verified", "place": BERLIN})
    with EventStore(path, read_only=True) as s:
        shown = s.event(ev.id)
        assert shown.review_status == "verified" and shown.places[0].name == "Berlin"
        assert len(s.edit_log()) == 1
        with pytest.raises(UserError, match="read-only"):
            s.edit(ev.id, {"category": "protest"})


def _die_mid_edit(path: str, event_id: str) -> None:  # runs in a child process
    from eventmap.corpus import store_edits

    def crash(cur, *focus):
        store_edits.build_overlay(cur)
        import os

        os._exit(3)  # no rollback, no close: the process is gone mid-transaction

    store_edits.materialize = crash
    s = EventStore(path)
    s.edit(event_id, {"category": "protest"})


def test_a_crash_in_the_middle_of_an_edit_leaves_the_state_before_it(tmp_path):
    path = tmp_path / "w.duckdb"
    with EventStore(path) as s:
        s.add([make_event(1, "2025-03-01")])
        ev = s.events()[0]
        s.edit(ev.id, {"category": "diplomacy"})
    child = multiprocessing.get_context("spawn").Process(target=_die_mid_edit, args=(str(path), ev.id))
    child.start()
    child.join(60)
    assert child.exitcode == 3
    with EventStore(path) as s:
        assert s.event(ev.id).category == "diplomacy"
        assert [a["action"] for a in s.edit_log()] == [1]


def test_a_version_1_store_is_upgraded_when_opened_for_writing(tmp_path):
    path = tmp_path / "old.duckdb"
    ev = make_event(1, "2025-03-01")
    con = duckdb.connect(str(path))
    con.execute(
        "CREATE TABLE events (id VARCHAR, file VARCHAR, document VARCHAR, source_start BIGINT, date DATE, "
        "date_end DATE, date_precision VARCHAR, lat DOUBLE, lon DOUBLE, category VARCHAR, lang VARCHAR, "
        "place VARCHAR, country_code VARCHAR, source_count INTEGER, json VARCHAR)"
    )
    con.execute(
        "INSERT INTO events VALUES (?, NULL, 'a.txt', 100, DATE '2025-03-01', DATE '2025-03-01', 'day', "
        "50.45, 30.52, 'attack', 'en', 'Kyiv', 'UA', 1, ?)",
        [ev.id, json.dumps(ev.to_dict())],
    )
    con.execute(
        "CREATE TABLE files (path VARCHAR, sha256 VARCHAR, events INTEGER, error VARCHAR, ingested_at TIMESTAMP)"
    )
    con.execute("CREATE TABLE store_meta (key VARCHAR, value VARCHAR)")
    con.execute("INSERT INTO store_meta VALUES ('format', 'eventmap-store'), ('version', '1')")
    con.close()
    with EventStore(path, read_only=True) as s:  # read as it is
        assert s.count(search="kiev happened") == 1 and s.review_counts()["unreviewed"] == 1
    with EventStore(path) as s:
        s.edit(ev.id, {"review_status": "verified"})
        assert s.count(statuses=["verified"]) == 1 and s.count(search="KIEV") == 1


def _expected(events, by):
    from collections import Counter

    if by == "day":
        c = Counter(e.date for e in events if e.date)
        return sorted(({"day": d, "count": n} for d, n in c.items()), key=lambda r: r["day"])
    if by == "status":
        return dict(Counter(e.review_status for e in events))
    if by == "category":
        return dict(Counter(e.category for e in events))
    if by == "place":
        out: dict = {}
        for e in events:
            if e.located:
                key = (round(e.lat, 6), round(e.lon, 6))
                first, last, n = out.get(key, (e.date, e.date_end, 0))
                out[key] = (min(first, e.date), max(last, e.date_end), n + 1)
        return out
    raise AssertionError(by)


def _got(rows, by):
    if by == "day":
        return rows
    if by == "status":
        return {r["review_status"]: r["count"] for r in rows}
    if by == "category":
        return {r["category"]: r["count"] for r in rows}
    return {(round(r["lat"], 6), round(r["lon"], 6)): (r["first"], r["last"], r["count"]) for r in rows}


def test_counts_with_edits_equal_counting_the_corrected_events(tmp_path):
    """The store counts edited stores as machine rows - edited rows + overlay: it must agree with the events."""
    places = [
        Place("Kiev", "Kyiv", 50.45, 30.52, "UA", "city"),
        Place("Lviv", "Lviv", 49.84, 24.03, "UA", "city"),
        Place("Odesa", "Odesa", 46.48, 30.72, "UA", "city"),
    ]
    with EventStore(tmp_path / "w.duckdb") as s:
        events = []
        for i in range(60):
            ev = make_event(i, f"2025-03-{1 + i % 28:02d}", doc=f"{i % 3}.txt")
            ev.places = [places[i % 3]]
            ev.lat, ev.lon = places[i % 3].lat, places[i % 3].lon
            ev.category = ["attack", "protest", "policy"][i % 3]
            events.append(ev)
        s.add(events)
        ids = [e.id for e in events]
        s.edit(ids[0], {"date": date_value("2025-04-20"), "place": BERLIN})
        s.edit(ids[1], {"review_status": "rejected"})
        s.edit(ids[2], {"category": "attack", "review_status": "verified"})
        s.edit(ids[4], {"date": date_value("2025-02-01")})  # the first day at Lviv moves earlier
        s.merge([ids[5], ids[8]])
        span = "Protesters gathered in Odesa."
        s.add_event(
            Event(
                text=span,
                source=Source("x.txt", 0, len(span)),
                date="2025-05-01",
                date_end="2025-05-01",
                places=[places[2]],
            )
        )
        for filters in (
            {},
            {"start": "2025-03-05", "end": "2025-04-30"},
            {"statuses": ["unreviewed", "verified"]},
            {"category": ["attack"], "bbox": (20, 40, 35, 55)},
            {"search": "kyiv"},
        ):
            shown = s.events(**filters)
            assert s.count(**filters) == len(shown), filters
            for by in ("day", "status", "category", "place"):
                assert _got(s.aggregate(by=by, **filters), by) == _expected(shown, by), (by, filters)


def _overlay_state(store: EventStore):
    rows = store._query("SELECT id, hidden, json FROM overlay ORDER BY id, hidden")
    shadowed = store._query("SELECT id FROM events WHERE shadowed ORDER BY id")
    return rows, shadowed


def test_rebuilding_only_the_touched_events_gives_what_a_full_rebuild_gives(tmp_path):
    """Each change rebuilds the overlay of the events it touches; after any sequence of changes
    that must equal rebuilding the whole overlay from the log."""
    import random

    from eventmap.corpus import store_edits

    rng = random.Random(15)
    with EventStore(tmp_path / "w.duckdb") as s:
        s.add([make_event(i, f"2025-03-{1 + i % 28:02d}") for i in range(30)])
        ids = [e.id for e in s.events()]
        merges: list[str] = []
        for _step in range(60):
            op = rng.choice(["date", "status", "place", "merge", "split", "undo", "redo", "add"])
            shown = [i for i in ids if s.event(i) is not None]
            try:
                if op == "date":
                    s.edit(
                        rng.choice(shown),
                        {"date": date_value(f"2025-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}")},
                    )
                elif op == "status":
                    s.edit(
                        rng.choice(shown),
                        {"review_status": rng.choice(["verified", "rejected", "unreviewed"])},
                    )
                elif op == "place":
                    s.edit(rng.choice(shown), {"place": BERLIN})
                elif op == "merge" and len(shown) > 2:
                    merges.append(s.merge(rng.sample(shown, 2))["event_id"])
                elif op == "split" and merges:
                    s.split(rng.choice(merges))
                elif op == "undo":
                    s.undo()
                elif op == "redo":
                    s.redo()
                elif op == "add":
                    text = f"Added event {_step} in Kiev."
                    new = Event(
                        text=text,
                        source=Source("b.txt", _step * 100, _step * 100 + len(text)),
                        date="2025-03-03",
                    )
                    s.add_event(new)
                    ids.append(new.id)
            except InputError:
                pass  # e.g. a split of a merge already split: refused, nothing written
            focused = _overlay_state(s)
            with s._transaction() as cur:
                store_edits.materialize(cur)
            assert _overlay_state(s) == focused, (_step, op)
