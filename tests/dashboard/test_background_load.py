"""An app given a function that reads its events answers at once and builds the page when they are in."""

from __future__ import annotations

import json
import threading
import urllib.request

import pytest

from dashboard.app import create_app
from dashboard.app.collection import EventCollection
from dashboard.app.tables import summary_line
from dashboard.server import serve_forever, start_in_thread
from dashboard.view import make_filter, select_events
from eventmap.errors import InputError

from factories import sample_events


def _get(url: str, timeout: float = 60) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=timeout) as r:
        return r.status, r.read()


def test_the_server_answers_while_the_events_are_still_being_read():
    release = threading.Event()
    events = sample_events()

    def read():
        release.wait(timeout=60)
        return events

    app = create_app(read)
    collection = app.server.config["EVENTMAP_COLLECTION"]
    server = start_in_thread(app)
    try:
        status, _ = _get(server.url)
        assert status == 200
        assert not collection.ready  # answered before the events are in
        release.set()
        status, layout = _get(server.url + "_dash-layout")  # waits for the events and the page
        assert status == 200
        page = json.dumps(json.loads(layout), ensure_ascii=False)
        shown = select_events(events, make_filter())
        assert summary_line(shown, hidden=len(events) - len(shown)) in page
        dated = [e for e in shown if e.date]  # on the timeline (the table is drawn when asked for)
        assert dated and all(e.id in page for e in dated) and "Reading the events" not in page
        assert len(collection.events) == len(events)
    finally:
        release.set()
        server.stop()


def test_readers_of_a_loading_collection_wait_for_its_events():
    release = threading.Event()
    coll = EventCollection.loading(lambda: (release.wait(timeout=60), sample_events())[1])
    assert not coll.ready
    release.set()
    assert len(coll.events) == len(sample_events()) and coll.ready and coll.error is None


def test_a_failed_read_stops_the_server_and_says_why(monkeypatch):
    import dashboard.server

    release, answered = threading.Event(), []

    def read():
        release.wait(timeout=60)
        raise InputError("workspace.duckdb: event #3: an event needs a 'text' string")

    def open_page(url: str) -> None:  # "the browser": the page answers while the events are read
        answered.append(_get(url)[0])
        release.set()

    monkeypatch.setattr(dashboard.server.webbrowser, "open", open_page)
    app = create_app(read)
    with pytest.raises(InputError, match="event #3"):
        serve_forever(app, port=0, open_browser=True)
    assert answered == [200]
    with pytest.raises(InputError):  # and before serving, a read that failed already is said at once
        serve_forever(app, port=0, open_browser=False)
