"""The time-window filter is written in Python (the app) and SQL (the event store): they agree.

The same events go into the store; for each window the store's public query API
(`EventStore.events(start=, end=)`, `count`) and the app's filter (`dashboard.view`) must
keep exactly the same events. The browser's copy (dashboard/static/window.js) is checked
against the Python filter in tests/browser/test_window_filter.py.
"""

from __future__ import annotations

import pytest

from dashboard.view import make_filter, parse_axis_time, select_events
from eventmap.corpus.store import EventStore

from factories import agreement_events, agreement_windows


@pytest.fixture(scope="module")
def store_and_events(tmp_path_factory):
    events = agreement_events()
    path = tmp_path_factory.mktemp("store") / "events.duckdb"
    with EventStore(path) as store:
        store.add(events)
    store = EventStore(path, read_only=True)
    yield store, events
    store.close()


@pytest.mark.parametrize("window", agreement_windows(), ids=lambda w: f"{w[0]}..{w[1]}")
def test_the_store_and_the_app_keep_the_same_events_in_a_time_window(store_and_events, window):
    store, events = store_and_events
    in_app = {e.id for e in select_events(events, make_filter(window=window))}
    start, end = (parse_axis_time(v).date() for v in window)
    in_store = {e.id for e in store.events(start=start, end=end)}
    assert in_store == in_app
    assert store.count(start=start, end=end) == len(in_app)


def test_the_store_and_the_app_agree_on_window_and_category_together(store_and_events):
    store, events = store_and_events
    window = ["2024-05-01", "2024-07-15 12:00:00"]
    for cats in (["attack"], ["protest", "policy"]):
        in_app = {e.id for e in select_events(events, make_filter(categories=cats, window=window))}
        in_store = {e.id for e in store.events(start="2024-05-01", end="2024-07-15", category=cats)}
        assert in_store == in_app and in_app


def test_no_window_keeps_every_event_undated_ones_included(store_and_events):
    store, events = store_and_events
    assert len(select_events(events, make_filter(window=None))) == len(events) == store.count()
