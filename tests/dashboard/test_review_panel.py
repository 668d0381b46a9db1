"""The review panel's work as plain functions: the form, saving, statuses, undo, merges, the queue, read-only."""

from __future__ import annotations

import json

import pytest

from dashboard.app.collection import EventCollection
from dashboard.review import actions
from dashboard.review.panel import counts_text, place_option
from dashboard.review.source import CollectionSource, StoreSource
from dashboard.view import make_filter, select_events
from eventmap.corpus.store import EventStore

from factories import sample_events


@pytest.fixture
def source(tmp_path):
    store = EventStore(tmp_path / "w.duckdb")
    store.add(sample_events())
    collection = EventCollection(store.events())
    yield CollectionSource(collection, store)
    store.close()


def dated(source):
    return next(e for e in sorted(source.collection.events, key=lambda e: e.id) if e.date and e.located)


def test_the_form_shows_an_event_and_an_unchanged_form_changes_nothing(source):
    ev = dated(source)
    form = actions.form_values(ev)
    assert form["date"] == actions.date_text(ev) and form["category"] == ev.category
    assert json.loads(form["place"])["lat"] == ev.lat
    assert actions.changes_from_form(ev, form) == {}
    assert actions.save_form(source, ev.id, form, author="ana") == "Nothing changed."


def test_saving_the_form_edits_the_workspace_and_the_apps_events(source):
    ev = dated(source)
    version = source.collection.version
    form = actions.form_values(ev) | {
        "date": "2025-01-02/2025-01-04",
        "note": "checked",
        "category": "protest",
    }
    said = actions.save_form(source, ev.id, form, author="ana")
    assert said.startswith("Saved (change #1): date") and "protest" in said
    shown = source.find(ev.id)
    assert (shown.date, shown.date_end, shown.category, shown.extra["note"]) == (
        "2025-01-02",
        "2025-01-04",
        "protest",
        "checked",
    )
    assert source.collection.version > version and shown.original["category"] == ev.category
    assert source.workspace.event(ev.id).to_dict() == shown.to_dict()


def test_a_bad_value_in_the_form_is_one_line_and_changes_nothing(source):
    ev = dated(source)
    said = actions.save_form(source, ev.id, actions.form_values(ev) | {"date": "2025-02-30"}, author=None)
    assert said.startswith("Not saved:") and "not a real date" in said and "\n" not in said
    assert source.find(ev.id).to_dict() == ev.to_dict() and source.workspace.edit_log() == []


def test_reject_hides_the_event_from_the_default_view_and_moves_to_the_next(source):
    ev = dated(source)
    said, following = actions.set_status(source, ev.id, "rejected", author="ana")
    assert said.startswith("Rejected") and following and following != ev.id
    assert source.find(ev.id).review_status == "rejected"
    assert ev.id not in {e.id for e in select_events(source.collection.events, make_filter())}
    assert ev.id in {
        e.id for e in select_events(source.collection.events, make_filter(statuses=["rejected"]))
    }
    assert counts_text(source.counts()).endswith("0 verified · 1 rejected")


def test_next_walks_the_unreviewed_in_reading_order_and_wraps(source):
    ordered = [
        e.id
        for e in sorted(
            source.collection.events,
            key=lambda e: (e.date is None, e.date or "", e.source.document, e.source.start, e.id),
        )
    ]
    assert source.next_after(None, "unreviewed") == ordered[0]
    assert source.next_after(ordered[0], "unreviewed") == ordered[1]
    assert source.next_after(ordered[-1], "unreviewed") == ordered[0]
    events, total = source.queue("unreviewed", 3)
    assert [e.id for e in events] == ordered[:3] and total == len(ordered)


def test_the_store_source_answers_like_the_collection(source):
    big = StoreSource(source.workspace)
    for eid in (None, *[e.id for e in source.collection.events]):
        assert big.next_after(eid, "unreviewed") == source.next_after(eid, "unreviewed")
    assert big.counts() == source.counts()
    assert [e.id for e in big.queue("unreviewed", 4)[0]] == [e.id for e in source.queue("unreviewed", 4)[0]]


def test_undo_redo_merge_and_split_through_the_panel(source):
    a, b = sorted(source.collection.events, key=lambda e: e.id)[:2]
    n = len(source.collection.events)
    said, merged = actions.merge(source, [a.id, b.id], author=None)
    assert said.startswith("Merged 2 events") and len(source.collection.events) == n - 1
    assert source.find(merged).source_count >= 2 and source.find(a.id) is None
    said, first = actions.split(source, merged, author=None)
    assert said.startswith("Split into 2") and len(source.collection.events) == n and first in (a.id, b.id)
    said, _ = actions.undo_redo(source, "undo", author=None)
    assert said.startswith("Undid change #2") and source.find(merged) is not None
    said, _ = actions.undo_redo(source, "redo", author=None)
    assert said.startswith("Redid change #2") and source.find(merged) is None


def test_without_a_workspace_or_the_token_the_panel_is_read_only():
    collection = EventCollection(sample_events())
    bare = CollectionSource(collection, None)
    ev = collection.events[0]
    said = actions.save_form(bare, ev.id, actions.form_values(ev) | {"category": "protest"}, author=None)
    assert said == f"Not saved: {actions.READ_ONLY}"
    said, _ = actions.set_status(bare, ev.id, "verified", author=None)
    assert said == f"Not saved: {actions.READ_ONLY}" and collection.events[0].review_status == "unreviewed"


def test_place_suggestions_keep_the_current_place_first():
    current = place_option({"text": "Kyiv", "name": "Kyiv", "lat": 50.45, "lon": 30.52, "country_code": "UA"})
    options = actions.place_options("Kharkiv", current["value"])
    assert options[0] == current and any(o["label"].startswith("Kharkiv (UA") for o in options)
    assert actions.point_place(48.123456, 37.5) == {
        "text": "48.12346, 37.50000",
        "name": None,
        "lat": 48.12346,
        "lon": 37.5,
    }


def test_an_article_added_in_the_app_is_saved_in_the_workspace(source):
    from dash import Dash

    from dashboard.app.articles import add_articles
    from dashboard.review.attach import attach_review

    attach_review(Dash(__name__), source.collection, source.workspace, author="ana", token=None)
    text = "date 2025-03-20\nRebels captured the airport in Goma on Monday after heavy fighting.\n"
    added, said = add_articles(source.collection, text, None, None, None)
    assert added == 1 and said.startswith("Added 1 event")
    (saved,) = source.workspace.articles()
    assert saved["text"] == text and saved["author"] == "ana"
    assert any(e.source.document == saved["document"] for e in source.workspace.events())
