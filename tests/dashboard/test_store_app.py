"""Store mode: the dashboard on a (small, here) event store, counted server-side.

A 2,000-event store over two places and two months is built in tmp_path; the figure and
callback functions are tested as plain Python against `store.count` / `store.aggregate`, and
one browser test zooms the timeline and waits for the map's counts of that window.
"""

from __future__ import annotations

import time
from datetime import date, timedelta

import pytest
from click.testing import CliRunner

from dashboard.store_app import create_store_app, rebin_timeline, store_update
from dashboard.store_figures import drawn_scope, place_key, store_map_figure, store_timeline_figure
from dashboard.store_views import (
    EMPTY_STATE,
    bbox_from_selection,
    choose_event,
    download_view,
    geo_cell_size,
    summary_text,
    view_from_relayout,
    visible_bbox,
    window_from_relayout,
    window_view,
)
from eventmap.corpus.store import EventStore

from factories import BERLIN, KYIV, make_event

N_EVENTS = 2000
FIRST_DAY = date(2025, 1, 1)
N_DAYS = 59  # January and February 2025


def synthetic_events(n: int = N_EVENTS):
    """n one-day events spread over Jan-Feb 2025; two thirds in Kyiv, one third in Berlin."""
    out = []
    for i in range(n):
        day = (FIRST_DAY + timedelta(days=i % N_DAYS)).isoformat()
        place = BERLIN if i % 3 == 0 else KYIV
        out.append(
            make_event(
                f"Synthetic event number {i}.",
                day=day,
                category="attack" if i % 2 else "policy",
                place=place,
                document=f"docs/{i % 7}.txt",
                start=i * 40,
            )
        )
    return out


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("store") / "small.duckdb"
    with EventStore(path) as store:
        store.add(synthetic_events())
    return path


@pytest.fixture(scope="module")
def store(store_path):
    with EventStore(store_path, read_only=True) as s:
        yield s


def _place_counts(fig) -> dict[str, int]:
    return {key: n for key, n in fig.data[0].customdata}


# -- pure figures --------------------------------------------------------------------------


def _bars(fig) -> int:
    """Events counted by a timeline figure's histogram (every category's bars)."""
    return sum(sum(t.y) for t in fig.data if (t.meta or {}).get("role") == "timeline-histogram")


def test_timeline_figure_is_the_apps_histogram_lane_with_counts_from_the_store(store):
    rows = store.aggregate(by="day_category")
    fig = store_timeline_figure(rows)
    assert {t.type for t in fig.data} == {"bar"}
    assert {t.meta["category"] for t in fig.data} == {r["category"] for r in rows}  # stacked by category
    assert fig.layout.meta["level"] == "day" and len({x for t in fig.data for x in t.x}) == N_DAYS
    assert _bars(fig) == N_EVENTS == store.count()
    assert fig.layout.xaxis.type == "date" and fig.layout.yaxis.title.text == "events per day"


def test_a_long_store_is_counted_per_week_or_month_and_a_zoom_is_drawn_finer():
    rows = [
        {"day": f"20{y:02d}-{m:02d}-{d:02d}", "category": "attack", "count": 2}
        for y in (15, 16, 17, 18, 19, 20)
        for m in range(1, 13)
        for d in (1, 15)
    ]
    fig = store_timeline_figure(rows)
    assert fig.layout.meta["level"] == "month" and _bars(fig) == 2 * len(rows)  # nothing dropped
    scope = drawn_scope(("2018-03-01", "2018-03-28"), ("2015-01-01", "2020-12-15"))
    assert scope == ("2018-02-01", "2018-04-25")
    zoomed = store_timeline_figure(rows, window=("2018-03-01", "2018-03-28"), scope=scope)
    assert zoomed.layout.meta["level"] == "day" and list(zoomed.layout.xaxis.range) == [
        "2018-03-01",
        "2018-03-28",
    ]
    assert _bars(zoomed) == 2 * 6  # 1 and 15 February, March and April
    assert drawn_scope(("2015-01-01", "2020-12-15"), ("2015-01-01", "2020-12-15")) is None


def test_map_figure_one_marker_per_place_sized_by_count(store):
    rows = store.aggregate(by="place")
    fig = store_map_figure(rows)
    counts = _place_counts(fig)
    assert counts == {place_key(r): r["count"] for r in rows}
    assert sum(counts.values()) == N_EVENTS
    sizes = dict(zip([k for k, _ in fig.data[0].customdata], fig.data[0].marker.size))
    kyiv, berlin = f"{KYIV[1]:.4f},{KYIV[2]:.4f}", f"{BERLIN[1]:.4f},{BERLIN[2]:.4f}"
    assert counts[kyiv] > counts[berlin] and sizes[kyiv] >= sizes[berlin]
    assert fig.layout.geo.fitbounds is False  # the offline geo layout of dashboard.figures
    assert fig.layout.geo.showcountries


def test_empty_rows_still_draw():
    assert len(store_map_figure([]).data[0].lat) == 0
    assert _bars(store_timeline_figure([])) == 0


# -- callback functions --------------------------------------------------------------------


def test_window_from_relayout():
    assert window_from_relayout(None) is None
    assert window_from_relayout({"autosize": True}) is None
    assert window_from_relayout({"xaxis.autorange": True}) == (None, None)
    assert window_from_relayout(
        {"xaxis.range[0]": "2025-02-01 06:00:00.0", "xaxis.range[1]": "2025-02-10 18:00"}
    ) == ("2025-02-01", "2025-02-10")
    assert window_from_relayout({"xaxis.range": ["2025-02-10", "2025-02-01"]}) == ("2025-02-01", "2025-02-10")


def test_bbox_from_selection():
    assert bbox_from_selection(None) is None
    assert bbox_from_selection({"points": []}) is None
    west, south, east, north = bbox_from_selection({"points": [{"lat": KYIV[1], "lon": KYIV[2]}]})
    assert west < KYIV[2] < east and south < KYIV[1] < north


def state(**kw):
    return {**EMPTY_STATE, **kw}


def test_window_view_counts_match_the_store(store):
    start, end = "2025-02-01", "2025-02-14"
    view = window_view(store, state(start=start, end=end))
    expected = {place_key(r): r["count"] for r in store.aggregate(by="place", start=start, end=end)}
    assert {place_key(r): r["count"] for r in view["places"]} == expected
    assert sum(expected.values()) == view["count"] == store.count(start=start, end=end) < N_EVENTS
    assert len(view["rows"]) == 200
    assert all(r["date"].startswith("2025-02") for r in view["rows"])


def test_window_view_with_bbox_narrows_count_and_table(store):
    bbox = bbox_from_selection({"points": [{"lat": BERLIN[1], "lon": BERLIN[2]}]})
    view = window_view(store, state(bbox=list(bbox)))
    assert view["count"] == store.count(bbox=bbox) == sum(1 for i in range(N_EVENTS) if i % 3 == 0)
    assert {r["places"] for r in view["rows"]} == {"Berlin"}
    days = store.aggregate(by="day", bbox=bbox)
    assert sum(d["count"] for d in days) == view["count"]


def test_the_filters_narrow_counts_table_and_timeline_as_in_the_in_memory_app(store):
    from dashboard.view import make_filter, select_events

    events = synthetic_events()
    for kw, python in (
        ({"categories": ["policy"]}, make_filter(categories=["policy"])),
        ({"search": "number 12"}, make_filter(search="number 12")),
    ):
        view = window_view(store, state(**kw))
        assert view["count"] == len(select_events(events, python)) > 0, kw
    docs = window_view(store, state(documents=["docs/3.txt"]))
    assert docs["count"] == sum(1 for e in events if e.source.document == "docs/3.txt")
    assert {r["document"] for r in docs["rows"]} == {"3.txt"}


def test_more_places_in_view_than_points_draw_density_cells_that_count_every_event(store):
    """As the in-memory app: above max_places places in the map's view, events per grid cell."""
    shown = window_view(store, state(), max_places=1)
    size = shown["cells"]
    assert size == geo_cell_size(1.0) and sum(c["count"] for c in shown["places"]) == N_EVENTS
    assert "zoom the map in for places" in summary_text(
        N_EVENTS, N_EVENTS, state(), len(shown["places"]), 200, 1, size
    )
    # zoomed in on Berlin (the map's relayout), only Berlin is in view: its place, not a cell
    moved = view_from_relayout(
        {"geo.projection.scale": 12, "geo.center.lat": BERLIN[1], "geo.center.lon": BERLIN[2]}, None
    )
    assert moved == {"center": {"lat": round(BERLIN[1], 3), "lon": round(BERLIN[2], 3)}, "scale": 12.0}
    west, south, east, north = visible_bbox(moved)
    assert west < BERLIN[2] < east and south < BERLIN[1] < north and not (west < KYIV[2] < east)
    near = window_view(store, state(view=moved), max_places=1)
    assert near["cells"] is None and [r["place"] for r in near["places"]] == ["Berlin"]
    out = store_update(
        store,
        "store-map-view",
        {"geo.projection.scale": 12, "geo.center.lat": BERLIN[1], "geo.center.lon": BERLIN[2]},
        None,
        state(),
        all_days=[],
        total=N_EVENTS,
        max_places=1,
    )
    assert out["state"]["view"] == moved and out["map"].data[0].meta["role"] == "map-places"
    far = store_update(
        store,
        "store-map-view",
        {"geo.projection.scale": 1},
        None,
        out["state"],
        all_days=[],
        total=N_EVENTS,
        max_places=1,
    )
    assert far["map"].data[0].meta == {"role": "map-density", "cell": size}
    assert sum(n for _k, n in far["map"].data[0].customdata) == N_EVENTS  # nothing dropped
    # a box over a cell selects the whole cell
    cell = far["map"].data[0]
    picked = {"points": [{"lat": cell.lat[0], "lon": cell.lon[0], "customdata": list(cell.customdata[0])}]}
    box = bbox_from_selection(picked)
    assert box[2] - box[0] >= size and store.count(bbox=box) >= cell.customdata[0][1]


def test_a_zoom_finer_than_the_bars_redraws_the_timeline_after_the_map(store):
    all_days = store.aggregate(by="day_category")
    zoomed = state(start="2025-01-10", end="2025-01-12", scope=["2025-01-07", "2025-01-15"])
    fig = rebin_timeline(store, zoomed, None, all_days)
    assert fig.layout.meta["scope"] == ["2025-01-07", "2025-01-15"]
    assert _bars(fig) == store.count(start="2025-01-07", end="2025-01-15")
    assert list(fig.layout.xaxis.range) == ["2025-01-10", "2025-01-12"]
    assert rebin_timeline(store, zoomed, ["2025-01-07", "2025-01-15"], all_days) is None  # drawn already


def test_summary_text():
    text = summary_text(1234, 2000, state(start="2025-02-01", end="2025-02-14"), 2, 200)
    assert "1,234 events from 2025-02-01 to 2025-02-14" in text and "of 2,000" in text
    assert "selected area" in summary_text(5, 10, state(bbox=[0, 0, 1, 1]), 1, 5)
    assert "matching the categories, search filters" in summary_text(
        5, 10, state(categories=["x"], search="y"), 1, 5
    )


def test_store_update_zoom_select_filter_reset(store):
    """The app's callback as plain Python: zoom -> window counts; select -> area; filter; reset -> all."""
    all_days = store.aggregate(by="day_category")
    kw = dict(all_days=all_days, total=N_EVENTS)
    state0 = state()
    assert store_update(store, "store-timeline", {"autosize": True}, None, state0, **kw) is None

    start, end = "2025-02-01", "2025-02-14"
    out = store_update(
        store, "store-timeline", {"xaxis.range[0]": start, "xaxis.range[1]": end}, None, state0, **kw
    )
    assert out["state"]["start"] == start and out["state"]["end"] == end and out["timeline"] is None
    assert _place_counts(out["map"]) == {
        place_key(r): r["count"] for r in store.aggregate(by="place", start=start, end=end)
    }
    assert out["count"] == store.count(start=start, end=end)

    selected = {"points": [{"lat": BERLIN[1], "lon": BERLIN[2]}]}
    out2 = store_update(store, "store-map", None, selected, out["state"], **kw)
    bbox = tuple(out2["state"]["bbox"])
    assert out2["map"] is None  # the map keeps its figure (and the selection drawn on it)
    assert _bars(out2["timeline"]) == store.count(bbox=bbox) < N_EVENTS
    assert out2["count"] == store.count(start=start, end=end, bbox=bbox)
    assert {r["places"] for r in out2["rows"]} == {"Berlin"}

    controls = {"categories": ["attack"], "documents": [], "search": ""}
    out3 = store_update(store, "filter-category", None, None, out2["state"], controls=controls, **kw)
    assert out3["count"] == store.count(start=start, end=end, bbox=bbox, category=["attack"])
    assert _bars(out3["timeline"]) == store.count(bbox=bbox, category=["attack"])

    out4 = store_update(store, "store-reset", None, selected, out3["state"], **kw)
    assert out4["state"] == {**EMPTY_STATE, "rev": 1}
    assert out4["count"] == N_EVENTS and _bars(out4["timeline"]) == N_EVENTS
    assert out4["timeline"].layout.uirevision != out2["timeline"].layout.uirevision  # zoom reset


def test_clicks_choose_events_of_the_view_and_downloads_carry_the_view(store):
    events = store.events(start="2025-02-03", end="2025-02-03")
    day = {"points": [{"x": "2025-02-03"}]}
    assert choose_event(store, "store-timeline", day, None, None, state()) == events[0].id
    place = {"points": [{"lat": BERLIN[1], "lon": BERLIN[2]}]}
    chosen = store.event(choose_event(store, "store-map", None, place, None, state(start="2025-02-03")))
    assert chosen.places[0].name == "Berlin" and chosen.date >= "2025-02-03"
    assert choose_event(store, "table", None, None, {"rowId": events[0].id}, state()) == events[0].id
    assert choose_event(store, "table", None, None, {"rowId": "nope"}, state()) is None
    payload, note = download_view(store, "json", state(start="2025-02-03", end="2025-02-03"))
    import json

    got = json.loads(payload["content"])["events"]
    assert [e["id"] for e in got] == [e.id for e in events] and note == ""
    assert all("review_status" in e and "original" in e for e in got)
    _, cut = download_view(store, "csv", state(), limit=10)
    assert cut == f"the first 10 of {N_EVENTS:,} events (eventmap export writes them all)"


def test_serve_uses_store_mode_above_the_threshold(store_path, monkeypatch, tmp_path):
    import shutil

    import dashboard.server
    import dashboard.store_app
    from eventmap.cli.serve import serve

    served = []
    monkeypatch.setattr(dashboard.store_app, "STORE_MODE_MIN_EVENTS", 1000)
    monkeypatch.setattr(dashboard.server, "serve_forever", lambda app, **kw: served.append(app))
    workspace = shutil.copy(store_path, tmp_path / "w.duckdb")  # serve opens it for editing
    result = CliRunner().invoke(serve, [str(workspace), "--no-browser", "--port", "0"])
    assert result.exit_code == 0, result.output
    assert len(served) == 1 and "store-map" in str(served[0].layout())
    assert "store mode" in result.output


# -- browser ---------------------------------------------------------------------------------

MAP_COUNTS_JS = """
const o = document.getElementById('store-map'), gd = o && o.querySelector('.js-plotly-plot');
if (!gd || !gd._fullData || !gd._fullData.length) return null;
const cd = Array.from(gd._fullData[0].customdata || []);
if ((gd.querySelector('.scattergeo') || gd).querySelectorAll('.point').length !== cd.length) return null;
return cd.map(c => [c[0], Number(c[1])]);"""
BARS_JS = """
const o = document.getElementById('store-timeline'), gd = o && o.querySelector('.js-plotly-plot');
if (!gd || !gd._fullData || !gd.querySelectorAll('.bars .point').length) return 0;
return new Set([].concat(...gd._fullData.map(t => Array.from(t.x || [])))).size;"""


def _wait(driver, fn, what: str, timeout: float = 20.0):
    from chromium import wait_for

    return wait_for(driver, fn, timeout=timeout, what=what)


@pytest.mark.browser
def test_browser_timeline_zoom_updates_map_counts(store_path, store):
    from dashboard.server import start_in_thread

    from chromium import assert_clean_log, make_driver

    running = start_in_thread(create_store_app(store_path))
    driver = make_driver(block_network=True)
    try:
        driver.get(running.url)
        whole = {place_key(r): r["count"] for r in store.aggregate(by="place")}
        _wait(driver, lambda d: dict(d.execute_script(MAP_COUNTS_JS) or []) == whole, "the map's counts")
        _wait(driver, lambda d: d.execute_script(BARS_JS) == N_DAYS, "the timeline's bars")
        time.sleep(0.5)
        start, end = "2025-02-01", "2025-02-14"
        window = {place_key(r): r["count"] for r in store.aggregate(by="place", start=start, end=end)}
        assert window != whole
        driver.execute_script(
            "const gd = document.getElementById('store-timeline').querySelector('.js-plotly-plot');"
            "Plotly.relayout(gd, {'xaxis.range': [arguments[0], arguments[1]]});",
            start,
            end,
        )
        _wait(
            driver, lambda d: dict(d.execute_script(MAP_COUNTS_JS) or []) == window, "the window's map counts"
        )
        summary = driver.find_element("id", "store-summary").text
        assert f"{store.count(start=start, end=end):,} events from {start} to {end}" in summary
        _wait(
            driver,
            lambda d: d.execute_script(
                "return document.querySelectorAll('#table .ag-center-cols-container .ag-row').length"
            ),
            "the table's rows",
        )
        assert_clean_log(driver)
    finally:
        driver.quit()
        running.stop()
