"""Dates beyond 1..9999 in the views: a numeric year axis, labels, windows in years, ordered tables."""

from __future__ import annotations

import re

from dashboard.clientdata import client_columns, day_span, place_index
from dashboard.export.html import render_html
from dashboard.figures import combined_figure, date_label, timeline_figure
from dashboard.view import in_window, window_from_store
from eventmap.formats import read_events

from conftest import DATA_DIR
from factories import sample_events

HISTORY = DATA_DIR / "formats" / "history.timeline.json"
YEAR_MS = 365.2425 * 86_400_000


def _history():
    return read_events(HISTORY)


def _ms(year: float) -> float:
    return (year - 1970) * YEAR_MS


def test_the_timeline_switches_to_a_year_axis_beyond_the_calendar():
    events = _history()
    fig = timeline_figure(events)
    assert fig.layout.xaxis.type == "linear" and fig.layout.meta["axis"] == "years"
    xs = [x for t in fig.data if t.meta["role"] == "timeline-points" for x in t.x]
    assert min(xs) < -13e9 and max(xs) > 1969  # decimal years, the Big Bang to Apollo 11
    assert {i for t in fig.data if t.meta["role"] == "timeline-points" for i in t.customdata} == {
        e.id for e in events
    }  # every dated event drawn
    # data inside the calendar keep their date axis; the timeline above the map (images) follows
    assert timeline_figure(sample_events()).layout.xaxis.type == "date"
    assert combined_figure(events).layout.xaxis.type == "linear"
    # a highlight and a window (ms since 1970, as the page sends it) on the year axis
    fig = timeline_figure(events, highlight="marathon", x_range=(_ms(-1000), _ms(0)))
    assert list(fig.data[0].x) == [-489.5]  # the middle of the year 490 BCE
    assert [round(v) for v in fig.layout.xaxis.range] == [-1000, 0]


def test_years_beyond_the_calendar_are_labelled_as_people_write_them():
    origin, marathon, _, _, era = _history()
    assert date_label(origin) == "13.8 billion years ago"
    assert date_label(marathon) == "490 BCE"
    assert date_label(era) == "800 BCE – 480 BCE"


def test_windows_in_years_filter_every_event_alike():
    events = {e.id: e for e in _history()}
    bce = window_from_store([_ms(-1000), _ms(0)])
    assert isinstance(bce[0], float) and round(bce[0]) == -1000  # beyond a datetime: decimal years
    inside = {i for i, e in events.items() if in_window(e, bce)}
    assert inside == {"marathon", next(i for i, e in events.items() if e.kind == "context")}
    modern = window_from_store(["1800-01-01", "1900-01-01"])  # a calendar window on the same data
    assert {i for i, e in events.items() if in_window(e, modern)} == {"waterloo"}


def test_the_browser_columns_give_day_numbers_to_years_beyond_the_calendar():
    events = _history()
    cols = client_columns(events, place_index(events), ["other"])
    origin = events[0]
    assert day_span(origin)[0] < -5e12 and cols["t0"][0] == day_span(origin)[0]
    assert cols["t0"][2] == -56445  # Waterloo, 18 June 1815: an exact day number
    assert all(t is not None for t in cols["t0"])


def test_the_static_page_lists_deep_time_in_order():
    events = _history()
    page = render_html(events, title="History")
    rows = re.findall(r'<tr data-id="([^"]+)"', page)
    assert rows[0] == "origin" and rows[-1] == "apollo"  # by decimal year, not by the text of the date
    assert "13.8 billion years ago" in page and "490 BCE" in page
