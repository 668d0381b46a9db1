"""The dashboard in a real headless Chromium: linking, selection, detail, adding articles, offline.

One app server (werkzeug in a thread) and one browser per module; each test reloads the page
and ends with `assert_clean_log` (no console errors, no request off this machine).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from mapjs import map_marks, mark_position, wait_map_settled
from tablejs import show_table

from dashboard.app import create_app
from dashboard.figures import place_key
from dashboard.server import start_in_thread
from dashboard.view import hidden_by_default

from chromium import assert_clean_log, wait_for
from conftest import SEED
from factories import BERLIN, KYIV, TUAPSE, sample_events

pytestmark = pytest.mark.browser

GRAPH_JS = (
    "const o = document.getElementById(arguments[0]);return o ? o.querySelector('.js-plotly-plot') : null;"
)
TIMELINE_IDS_JS = """
const o = document.getElementById('timeline'), gd = o && o.querySelector('.js-plotly-plot');
if (!gd || !gd._fullData) return null;
const ids = [];
for (const t of gd._fullData) {
  if (t.meta && t.meta.role === 'timeline-points') { for (const i of t.customdata) ids.push(i); }
}
return ids;"""


def _key(place) -> str:
    return f"{place[1]:.4f},{place[2]:.4f}"


def timeline_ids(driver) -> list[str] | None:
    return driver.execute_script(TIMELINE_IDS_JS)


def map_places(driver) -> dict[str, int]:
    return map_marks(driver)


def open_page(driver, url: str, n_timeline: int) -> None:
    """Load the page and wait until both graphs are drawn and the first callbacks settled."""
    driver.get(url)
    wait_for(
        driver,
        lambda d: (timeline_ids(d) or []).__len__() >= n_timeline and map_places(d),
        what="timeline and map to draw",
    )
    time.sleep(1.0)  # let the page's first callbacks finish before acting


def zoom_timeline(driver, start: str, end: str) -> None:
    """Zoom the time axis like a person dragging it (fires relayoutData)."""
    driver.execute_script(
        "Plotly.relayout(arguments[0], {'xaxis.range': [arguments[1], arguments[2]]});",
        driver.execute_script(GRAPH_JS, "timeline"),
        start,
        end,
    )


def mouse_drag(driver, x0: float, y0: float, x1: float, y1: float) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    actions = ActionChains(driver)
    pointer = actions.w3c_actions.pointer_action
    pointer.move_to_location(int(x0), int(y0))
    pointer.pointer_down()
    for k in range(1, 6):
        pointer.move_to_location(int(x0 + (x1 - x0) * k / 5), int(y0 + (y1 - y0) * k / 5))
    pointer.pointer_up()
    actions.perform()


def mouse_click(driver, x: float, y: float) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    actions = ActionChains(driver)
    actions.w3c_actions.pointer_action.move_to_location(int(x), int(y))
    actions.w3c_actions.pointer_action.click()
    actions.perform()


def timeline_point_position(driver, event_id: str) -> tuple[float, float]:
    """Viewport pixel of an event's point on the timeline."""
    return tuple(
        driver.execute_script(
            """
const gd = arguments[0], fl = gd._fullLayout, r = gd.getBoundingClientRect();
for (const t of gd._fullData) {
  if (!t.meta || t.meta.role !== 'timeline-points') continue;
  const i = Array.from(t.customdata).indexOf(arguments[1]);
  if (i >= 0) return [r.left + fl._size.l + fl.xaxis.d2p(t.x[i]), r.top + fl._size.t + fl.yaxis.d2p(t.y[i])];
}
return null;
""",
            driver.execute_script(GRAPH_JS, "timeline"),
            event_id,
        )
    )


def map_marker_position(driver, key: str) -> tuple[float, float]:
    """Viewport pixel of the map mark of a place key (MapLibre's projection of its lon/lat),
    with the map scrolled into the middle of the window first."""
    driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center'});", driver.execute_script(GRAPH_JS, "map")
    )
    return mark_position(driver, key)


@pytest.fixture(scope="module")
def sample_app():
    events = sample_events()
    server = start_in_thread(create_app(events))
    yield server, events
    server.stop()


def test_page_shows_events_on_timeline_map_and_table(driver, sample_app):
    server, events = sample_app
    open_page(driver, server.url, 7)
    dated = {e.id for e in events if e.date}
    assert set(timeline_ids(driver)) == dated
    places = map_places(driver)
    assert places[_key(KYIV)] == 3 and sum(places.values()) == sum(1 for e in events if e.located)
    assert "8 events in view" in driver.find_element("id", "summary").text
    assert "1 without a place" in driver.find_element("id", "summary").text
    assert not driver.find_elements("id", "table")  # the grid is drawn only when asked for
    assert len(show_table(driver, 8)) == 8
    assert not driver.find_element("id", "table-show").is_displayed()
    assert_clean_log(driver)


def test_zooming_the_timeline_filters_map_and_table_to_the_window(driver, sample_app):
    server, events = sample_app
    open_page(driver, server.url, 7)
    zoom_timeline(driver, "2025-03-13", "2025-03-15 23:59")
    places = wait_for(
        driver, lambda d: (p := map_places(d)) and _key(BERLIN) not in p and p, what="map to follow the zoom"
    )
    # Tuapse (14 March) and Kyiv (talks that week, protests that month) stay; Berlin (18 March) goes
    assert set(places) == {_key(TUAPSE), _key(KYIV)}
    assert places[_key(KYIV)] == 2
    wait_for(
        driver,
        lambda d: d.find_element("id", "summary").text.startswith("3 events"),
        what="table summary to follow the zoom",
    )
    # dcc.Graph copies the zoom into its figure prop and would plot the same timeline again:
    # that re-plot is skipped (clientside.js), and the timeline keeps the window the user chose
    wait_for(
        driver,
        lambda d: d.execute_script("return window.dash_clientside.eventmap.skippedReacts();") >= 1,
        what="the same timeline not to be plotted again",
    )
    shown = driver.execute_script(
        "return arguments[0]._fullLayout.xaxis.range.map(String);",
        driver.execute_script(GRAPH_JS, "timeline"),
    )
    assert shown[0].startswith("2025-03-13") and shown[1].startswith("2025-03-15")
    # Plotly styles every mark with String.prototype.trim: the browser's own, not the polyfill's
    # (core-js makes its own functions read "[native code]" through the page's toString: a fresh
    # frame's toString shows what the page's trim really is)
    trim = driver.execute_script(
        """const f = document.createElement('iframe'); document.body.appendChild(f);
        const source = f.contentWindow.Function.prototype.toString; f.remove();
        return [source.call(String.prototype.trim)];"""
    )
    assert "[native code]" in trim[0] and driver.execute_script("return ' \\u00a0x\\t'.trim();") == "x"
    driver.execute_script(
        "Plotly.relayout(arguments[0], {'xaxis.autorange': true});",
        driver.execute_script(GRAPH_JS, "timeline"),
    )
    wait_for(driver, lambda d: _key(BERLIN) in map_places(d), what="map to show everything again")
    assert_clean_log(driver)


def test_box_selection_on_the_map_narrows_the_timeline(driver, sample_app):
    server, events = sample_app
    open_page(driver, server.url, 7)
    driver.execute_script(
        "Plotly.relayout(arguments[0], {dragmode: 'select'});", driver.execute_script(GRAPH_JS, "map")
    )
    wait_map_settled(driver)
    x, y = map_marker_position(driver, _key(TUAPSE))
    mouse_drag(driver, x - 12, y - 12, x + 12, y + 12)
    tuapse_ids = {e.id for e in events if place_key(e) == _key(TUAPSE)}
    wait_for(driver, lambda d: set(timeline_ids(d) or []) == tuapse_ids, what="timeline to narrow to Tuapse")
    wait_for(
        driver,
        lambda d: d.find_element("id", "summary").text.startswith("1 event "),
        what="table to narrow to Tuapse",
    )
    driver.find_element("id", "reset-button").click()
    wait_for(driver, lambda d: len(timeline_ids(d) or []) == 7, what="reset to bring every event back")
    assert_clean_log(driver)


def test_clicking_an_event_shows_its_sentence_and_highlights_it(driver, sample_app):
    server, events = sample_app
    open_page(driver, server.url, 7)
    x, y = timeline_point_position(driver, events[0].id)
    mouse_click(driver, x, y)
    sentence = wait_for(driver, lambda d: d.find_elements("id", "detail-sentence"), what="detail panel")[0]
    assert sentence.text == events[0].text
    marks = [m.text for m in sentence.find_elements("tag name", "mark")]
    assert marks == ["Tuapse", "on 14 March"]
    ring = wait_for(
        driver,
        lambda d: d.execute_script(
            "const g=arguments[0]; return g._fullData[1].lat.length ? [g._fullData[1].lat[0], g._fullData[1].lon[0]] : null;",
            d.execute_script(GRAPH_JS, "map"),
        ),
        what="map highlight",
    )
    assert ring == pytest.approx([TUAPSE[1], TUAPSE[2]])
    timeline_ring = wait_for(
        driver,
        lambda d: d.execute_script(
            "const t = arguments[0].data[0]; return t.x && t.x.length ? [t.x[0], Array.from(t.customdata)[0]] : null;",
            d.execute_script(GRAPH_JS, "timeline"),
        ),
        what="timeline highlight",
    )
    assert timeline_ring == ["2025-03-14", events[0].id]
    assert_clean_log(driver)


def test_an_uploaded_article_adds_events_to_every_view(driver, sample_app, tmp_path: Path):
    server, events = sample_app
    open_page(driver, server.url, 7)
    show_table(driver)
    before = len(timeline_ids(driver))
    article = tmp_path / "upload-tuapse.txt"
    article.write_text(
        "Russian drones struck the oil refinery in Tuapse on 14 March 2025.\n\n"
        "On 18 March 2025 Donald Trump and Vladimir Putin spoke by phone.\n",
        encoding="utf-8",
    )
    driver.find_element("css selector", ".add-articles summary").click()
    driver.find_element("id", "doc-date").send_keys("2025-03-20")
    driver.find_element("css selector", "#upload-articles input[type=file]").send_keys(str(article))
    time.sleep(0.5)
    driver.find_element("id", "add-button").click()
    status = wait_for(driver, lambda d: d.find_element("id", "add-status").text, what="add status")
    assert status.startswith("Added"), status
    wait_for(driver, lambda d: len(timeline_ids(d) or []) > before, what="new events on the timeline")
    rows = wait_for(
        driver,
        lambda d: [
            r for r in d.find_elements("css selector", "#table .ag-row") if "upload-tuapse.txt" in r.text
        ],
        what="new rows in the table",
    )
    assert rows
    assert_clean_log(driver)


@pytest.fixture(scope="module")
def seed_app():
    import eventmap

    found = list(eventmap.parse_file(SEED))
    assert len(found) >= 10, "the seed article gives at least its 10 required events"
    server = start_in_thread(create_app(found))
    yield server, found
    server.stop()


def test_seed_article_zoom_to_mid_march_keeps_tuapse_on_the_map(driver, seed_app):
    server, found = seed_app
    dated = [e for e in found if e.date]
    open_page(driver, server.url, min(10, len(dated)))
    assert len(timeline_ids(driver)) >= 10
    shown = [e for e in found if e.located and not hidden_by_default(e)]  # context waits for the box
    assert len(shown) >= 10 and sum(map_places(driver).values()) == len(shown)
    tuapse = [e for e in found if e.located and any("uapse" in (p.name or p.text) for p in e.places)]
    assert tuapse, "the seed's Tuapse strike should be geocoded"
    if any(hidden_by_default(e) for e in found):  # every kind, so the strike shows whatever its kind
        driver.find_element("css selector", "#all-kinds input").click()
        located = sum(1 for e in found if e.located)
        wait_for(driver, lambda d: sum(map_places(d).values()) == located, what="every kind on the map")
    zoom_timeline(driver, "2025-03-13", "2025-03-15 23:59:59")
    late = {place_key(e) for e in found if e.located and e.date and e.date >= "2025-03-16"}
    places = wait_for(
        driver,
        lambda d: (p := map_places(d)) and not (late - _still_possible(found)) & set(p) and p,
        what="map to follow the zoom",
    )
    assert place_key(tuapse[0]) in places
    for key in places:  # every place left has an event that may lie in 13-15 March
        assert key in _still_possible(found)
    assert_clean_log(driver)


def _still_possible(found) -> set[str]:
    return {
        place_key(e)
        for e in found
        if e.located and e.date and e.date <= "2025-03-15" and (e.date_end or e.date) >= "2025-03-13"
    }


def test_play_moves_a_time_window_across_the_data_and_the_map_follows(driver, sample_app):
    server, events = sample_app
    open_page(driver, server.url, 7)
    full = driver.execute_script(
        "return arguments[0]._fullLayout.xaxis.range.slice();", driver.execute_script(GRAPH_JS, "timeline")
    )
    driver.find_element("id", "play-button").click()
    ranges = []
    for _ in range(2):  # two steps of the playback: the window moves right
        ranges.append(
            wait_for(
                driver,
                lambda d: (
                    (
                        r := d.execute_script(
                            "return arguments[0]._fullLayout.xaxis.range.slice();",
                            d.execute_script(GRAPH_JS, "timeline"),
                        )
                    )
                    != (ranges[-1] if ranges else full)
                    and r
                ),
                what="playback to move the window",
            )
        )
    assert ranges[1][0] > ranges[0][0]
    total = sum(1 for e in events if e.located)
    wait_for(driver, lambda d: 0 < sum(map_places(d).values()) < total, what="map to show only the window")
    driver.find_element("id", "play-button").click()
    assert "Play" in wait_for(
        driver, lambda d: "Play" in d.find_element("id", "play-button").text and "Play", what="pause"
    )
    assert_clean_log(driver)


def test_search_filters_every_view_and_the_map_view_stays_where_the_user_put_it(driver, sample_app):
    from selenium.webdriver.common.keys import Keys

    server, events = sample_app
    open_page(driver, server.url, 7)
    map_gd = driver.execute_script(GRAPH_JS, "map")
    driver.execute_script(
        "Plotly.relayout(arguments[0], {'map.zoom': 3.5, 'map.center': {lon: 20, lat: 50}});",
        map_gd,
    )
    box = driver.find_element("id", "filter-search")
    box.send_keys("Kyiv", Keys.ENTER)
    kyiv_ids = {e.id for e in events if "Kyiv" in e.text and e.date}
    wait_for(
        driver, lambda d: set(timeline_ids(d) or []) == kyiv_ids, what="timeline to keep only Kyiv events"
    )
    wait_for(driver, lambda d: set(map_places(d)) == {_key(KYIV)}, what="map to keep only Kyiv")
    view = driver.execute_script(
        "const g = arguments[0]._fullLayout.map;return [g.zoom, g.center.lon, g.center.lat];",
        map_gd,
    )
    assert view == pytest.approx([3.5, 20, 50])
    assert driver.find_element("id", "summary").text.startswith("3 events")
    assert_clean_log(driver)


SCOPE_JS = """
const o = document.getElementById('timeline'), gd = o && o.querySelector('.js-plotly-plot');
if (!gd || !gd._fullLayout) return null;
const marks = [];
for (const t of gd._fullData) {
  if (t.meta && t.meta.role === 'timeline-points' && !t.meta.uncertain) {  // events known to the day
    for (const x of t.x) marks.push(String(x).slice(0, 10));
  }
}
return {scope: (gd.layout.meta || {}).scope || null, range: gd._fullLayout.xaxis.range.map(String),
        types: Array.from(new Set(gd._fullData.map(t => t.type))), marks: marks};"""


def test_a_big_timeline_draws_few_svg_marks_and_shows_detail_when_zoomed_in(driver):
    from factories import many_events

    events = many_events(6000, n_places=40, n_documents=4)
    server = start_in_thread(create_app(events))
    try:
        open_page(driver, server.url, 1)
        whole = driver.execute_script(SCOPE_JS)
        # SVG marks (no software WebGL start-up) and the histogram lane's bars
        assert whole["scope"] is None and sorted(whole["types"]) == ["bar", "scatter"]
        assert len(whole["marks"]) < 1000  # binned: far fewer marks than events
        before = sum(map_places(driver).values())
        zoom_timeline(driver, "2024-03-04", "2024-03-10")
        got = wait_for(
            driver,
            lambda d: (s := d.execute_script(SCOPE_JS))["scope"] and s,
            what="the timeline's detail view of the window",
        )
        assert got["scope"][0] <= "2024-03-04" and got["scope"][1] >= "2024-03-10"
        assert got["range"][0].startswith("2024-03-04") and got["range"][1].startswith(
            "2024-03-10"
        )  # no jump
        # day events around the window, each at its own day (no week/month bins any more)
        days = {e.date for e in events if e.date and (e.date_end or e.date) == e.date}
        assert got["marks"] and all(
            got["scope"][0] <= x <= got["scope"][1] and x in days for x in got["marks"]
        )
        assert sum(map_places(driver).values()) < before  # the map followed the zoom as well
        driver.execute_script(
            "Plotly.relayout(arguments[0], {'xaxis.autorange': true});",
            driver.execute_script(GRAPH_JS, "timeline"),
        )
        wait_for(
            driver, lambda d: d.execute_script(SCOPE_JS)["scope"] is None, what="the whole timeline again"
        )
        assert_clean_log(driver)
    finally:
        server.stop()


def grid_rows(driver) -> list[str]:
    """The text of each row of the events table (one row element per event)."""
    return [r.text for r in driver.find_elements("css selector", "#table .ag-center-cols-container .ag-row")]


def test_a_merged_event_lists_its_sources_and_split_gives_the_reports_back(driver):
    from factories import merged_tuapse

    merged, first, second = merged_tuapse()
    events = [merged, *sample_events()[1:]]
    server = start_in_thread(create_app(events))
    try:
        open_page(driver, server.url, 6)
        assert wait_for(driver, lambda d: d.find_element("id", "summary").text, what="summary").startswith(
            "8 events"
        )
        show_table(driver, 8)
        assert len(grid_rows(driver)) == 8 and "2" in [r.split("\n")[-1] for r in grid_rows(driver)]
        hover = driver.execute_script(
            "return arguments[0]._fullData.filter(t => t.meta && t.meta.role === 'map-points')"
            ".flatMap(t => Array.from(t.hovertext));",
            driver.execute_script(GRAPH_JS, "map"),
        )
        assert sum("reported by 2 sources" in h for h in hover) == 1  # the map's Tuapse marker
        x, y = timeline_point_position(driver, merged.id)
        mouse_click(driver, x, y)
        sources = wait_for(
            driver,
            lambda d: d.find_elements("css selector", "#detail-sources li.source"),
            what="the merged event's sources",
        )
        assert len(sources) == 2
        assert "c.txt" in sources[0].text and "Friday, 14 March" in sources[0].text
        assert "a.txt" in sources[1].text and first.text in sources[1].text
        assert "<b>Tuapse</b>" in sources[0].text  # the report's sentence, shown as text
        driver.find_element("css selector", "#detail .split-button").click()
        summary = wait_for(
            driver,
            lambda d: (t := d.find_element("id", "summary").text).startswith("9 events") and t,
            what="the table to count the split reports",
        )
        assert summary.startswith("9 events")
        wait_for(driver, lambda d: len(grid_rows(d)) == 9, what="a table row per report")
        wait_for(
            driver,
            lambda d: (
                {first.id, second.id} <= set(timeline_ids(d) or [])
                and merged.id not in (timeline_ids(d) or [])
            ),
            what="both reports on the timeline",
        )
        wait_for(
            driver,
            lambda d: not d.find_elements("css selector", "#detail-sources"),
            what="the detail of a single report",
        )
        assert_clean_log(driver)
    finally:
        server.stop()


HISTOGRAM_JS = """
const gd = arguments[0], fl = gd._fullLayout, r = gd.getBoundingClientRect();
const bars = gd._fullData.filter(t => t.meta && t.meta.role === 'timeline-histogram');
if (!bars.length || !fl.yaxis2) return null;
const y = r.top + fl._size.t + fl.yaxis2._offset - fl._size.t + fl.yaxis2._length / 2;
return {x0: r.left + fl.xaxis._offset, x1: r.left + fl.xaxis._offset + fl.xaxis._length, y: y,
        total: bars.reduce((n, t) => n + Array.from(t.y).reduce((a, b) => a + b, 0), 0)};"""


def test_brushing_the_histogram_filters_the_map_and_a_box_on_the_map_filters_the_histogram(driver):
    from dashboard.figures.histogram import HISTOGRAM_ABOVE

    from factories import many_events

    events = many_events(HISTOGRAM_ABOVE + 600, n_places=30, n_documents=4)
    server = start_in_thread(create_app(events))
    try:
        open_page(driver, server.url, 1)
        tl = driver.execute_script(GRAPH_JS, "timeline")
        driver.execute_script("arguments[0].scrollIntoView({block: 'start'});", tl)
        lane = wait_for(driver, lambda d: d.execute_script(HISTOGRAM_JS, tl), what="the histogram lane")
        assert lane["total"] == sum(1 for e in events if e.date)
        all_places = sum(map_places(driver).values())
        # brush: drag across a tenth of the histogram lane, as a person would
        x0 = lane["x0"] + (lane["x1"] - lane["x0"]) * 0.45
        mouse_drag(driver, x0, lane["y"], x0 + (lane["x1"] - lane["x0"]) * 0.1, lane["y"])
        wait_for(
            driver,
            lambda d: 0 < sum(map_places(d).values()) < all_places * 0.5,
            what="the map to keep the brushed weeks' events",
        )
        # a box on the map: the histogram counts only the selected places' events
        driver.execute_script(
            "Plotly.relayout(arguments[0], {'xaxis.autorange': true});",
            driver.execute_script(GRAPH_JS, "timeline"),
        )
        wait_for(driver, lambda d: sum(map_places(d).values()) == all_places, what="the whole map again")
        key = next(iter(map_places(driver)))
        driver.execute_script(
            "Plotly.relayout(arguments[0], {dragmode: 'select'});", driver.execute_script(GRAPH_JS, "map")
        )
        wait_map_settled(driver)
        x, y = map_marker_position(driver, key)
        mouse_drag(driver, x - 6, y - 6, x + 6, y + 6)
        there = sum(1 for e in events if e.date and place_key(e) == key)
        wait_for(
            driver,
            lambda d: (
                (h := d.execute_script(HISTOGRAM_JS, d.execute_script(GRAPH_JS, "timeline")))
                and h["total"] == there
            ),
            what="the histogram to count the selected place only",
        )
        assert_clean_log(driver)
    finally:
        server.stop()
