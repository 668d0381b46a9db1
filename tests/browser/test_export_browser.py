"""The exported HTML in headless Chromium with the network blocked: drawn, linked, offline."""

from __future__ import annotations

import dataclasses
import time

import pytest

from dashboard.export.html import render_html
from dashboard.figures import place_key
from dashboard.view import hidden_by_default
from eventmap.corpus.loading import load_paths

from chromium import assert_clean_log, make_driver, wait_for

pytestmark = pytest.mark.browser

WINDOW = ("2025-03-13", "2025-03-15")

STATE_JS = """
var root = document.querySelector('.eventmap-export'), id = root.id;
var tl = document.getElementById(id + '-timeline'), mp = document.getElementById(id + '-map');
var keys = [], hover = [], labels = [], counts = {};
mp._fullData.forEach(function (t) {
  if (t.meta && t.meta.role === 'map-area-counts') Array.from(t.customdata).forEach(function (k, i) { counts[k] = t.text[i]; });
});
mp._fullData.forEach(function (t) {
  var role = t.meta && t.meta.role;
  if (role !== 'map-points' && role !== 'map-areas') return;
  Array.from(t.customdata || []).forEach(function (k, i) {
    keys.push(k); hover.push(t.hovertext[i]); labels.push(role === 'map-points' ? t.text[i] : counts[k]);
  });
});
var map = mp._fullLayout.map && mp._fullLayout.map._subplot && mp._fullLayout.map._subplot.map;
var land = map && map.isStyleLoaded() ? map.queryRenderedFeatures({layers: ['land-world']}).length : 0;
var ids = [];
tl._fullData.forEach(function (t) {
  if (t.meta && t.meta.role === 'timeline-points') ids = ids.concat(Array.from(t.customdata || []));
});
var shown = Array.from(root.querySelectorAll('tr[data-id]')).filter(function (r) { return r.style.display !== 'none'; });
return {ready: root.getAttribute('data-ready'), places: keys, hover: hover, labels: labels,
        timeline_ids: ids, rows: shown.map(function (r) { return r.getAttribute('data-id'); }),
        land: land, timeline_points: tl.querySelectorAll('canvas').length};
"""


@pytest.fixture(scope="module")
def seed_events(tmp_path_factory):
    from conftest import SEED

    events = load_paths([SEED])
    # one placed sentence read as context (analysis), which the page hides until asked
    i = next(i for i, e in enumerate(events) if e.located and e.date and e.kind != "context")
    events[i] = dataclasses.replace(events[i], kind="context")
    return events


@pytest.fixture(scope="module")
def page(seed_events, tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "seed.html"
    path.write_text(render_html(seed_events, title="Seed"), encoding="utf-8")
    driver = make_driver(block_network=True)
    try:
        driver.get(path.as_uri())
        _wait(driver, lambda s: s["ready"] == "1")
        yield driver
    finally:
        driver.quit()


def _state(driver) -> dict:
    return driver.execute_script(STATE_JS)


def _wait(driver, ok, timeout: float = 20.0) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        state = _state(driver)
        if ok(state):
            return state
        if time.monotonic() > deadline:
            raise AssertionError(f"page did not reach the expected state: {state}")
        time.sleep(0.2)


def _in_window(ev, a: str, b: str) -> bool:
    return ev.date is not None and ev.date <= b and (ev.date_end or ev.date) >= a


def test_figures_and_base_map_render_offline(page, seed_events):
    state = _wait(page, lambda s: s["land"] >= 1)  # the base map inside the figure, drawn offline
    shown = [e for e in seed_events if not hidden_by_default(e)]  # context sentences wait for the box
    assert len(shown) < len(seed_events)
    assert set(state["places"]) == {place_key(e) for e in shown if e.located}
    assert set(state["timeline_ids"]) == {e.id for e in shown if e.date}
    assert set(state["rows"]) == {e.id for e in shown}
    page.find_element("css selector", ".em-all-kinds").click()  # every kind from here on
    state = _wait(page, lambda s: len(s["rows"]) == len(seed_events))
    placed = {place_key(e) for e in seed_events if e.located}
    assert len(placed) > 1 and set(state["places"]) == placed
    assert len(state["places"]) == len(placed)  # one mark per place
    assert any(k.startswith("region:") for k in placed)  # the seed's regions are areas
    assert set(state["timeline_ids"]) == {e.id for e in seed_events if e.date}
    assert len(state["rows"]) == len(seed_events)
    assert_clean_log(page)


def test_zooming_the_timeline_narrows_the_map_and_the_list(page, seed_events):
    before = _state(page)
    page.execute_script(
        "var id = document.querySelector('.eventmap-export').id;"
        "Plotly.relayout(document.getElementById(id + '-timeline'),"
        " {'xaxis.range': [arguments[0], arguments[1] + ' 23:59:59']});",
        *WINDOW,
    )
    inside = [e for e in seed_events if _in_window(e, *WINDOW)]
    expected_places = {place_key(e) for e in inside if e.located}
    after = _wait(page, lambda s: len(s["rows"]) == len(inside))
    assert set(after["places"]) == expected_places
    assert 0 < len(after["places"]) < len(before["places"]), "the map lost the places outside 13-15 March"
    assert set(after["rows"]) == {e.id for e in inside}
    in_window = {k: sum(1 for e in inside if place_key(e) == k) for k in expected_places}
    for key, hover, label in zip(after["places"], after["hover"], after["labels"]):
        n = in_window[key]
        assert f"· {n} event{'s' if n != 1 else ''}<br>" in hover  # counts of the window, not of all
        area = key.startswith(("region:", "country:"))
        assert label == (str(n) if n > 1 or area else "")
    assert "2025-03-13 to 2025-03-15" in page.execute_script(
        "return document.querySelector('.em-status').textContent"
    )
    assert_clean_log(page)


def test_choosing_a_place_on_the_map_filters_the_timeline(page, seed_events):
    page.execute_script("document.querySelector('.em-reset').click();")
    full = _wait(page, lambda s: len(s["rows"]) == len(seed_events))
    counts: dict[str, int] = {}
    for e in seed_events:
        if e.located and e.date:
            counts[place_key(e)] = counts.get(place_key(e), 0) + 1
    busiest = max(counts, key=counts.get)
    page.execute_script(
        "var id = document.querySelector('.eventmap-export').id;"
        "document.getElementById(id + '-map').emit('plotly_click', {points: [{customdata: arguments[0]}]});",
        busiest,
    )
    there = {e.id for e in seed_events if place_key(e) == busiest}
    after = _wait(page, lambda s: set(s["rows"]) == there)
    assert set(after["timeline_ids"]) == {e.id for e in seed_events if e.id in there and e.date}
    assert len(after["timeline_ids"]) < len(full["timeline_ids"])
    page.execute_script("document.querySelector('.em-reset').click();")
    _wait(page, lambda s: len(s["timeline_ids"]) == len(full["timeline_ids"]))
    assert_clean_log(page)


def test_two_snippets_on_one_report_page_both_work_offline(tmp_path):
    from factories import sample_events

    events = sample_events()
    first = render_html(events[:4], title="Part one", snippet=True)
    second = render_html(events[4:], title="Part two", snippet=True, figure="map")
    page = tmp_path / "report.html"
    page.write_text(
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Report</title></head><body>"
        f"<h1>Report</h1>{first}<p>Between the parts.</p>{second}</body></html>",
        encoding="utf-8",
    )
    driver = make_driver(block_network=True)
    try:
        driver.get(page.as_uri())
        deadline = time.monotonic() + 20
        ready = []
        while time.monotonic() < deadline:
            ready = driver.execute_script(
                "return Array.from(document.querySelectorAll('.eventmap-export'))"
                ".map(function (r) { return [r.getAttribute('data-ready'), r.getAttribute('data-shown')]; });"
            )
            if len(ready) == 2 and all(r[0] == "1" for r in ready):
                break
            time.sleep(0.2)
        assert ready == [["1", "4"], ["1", str(len(events) - 4)]]
        # the second snippet (map only) draws its own base map and markers
        land = wait_for(
            driver,
            lambda d: d.execute_script(
                "var roots = document.querySelectorAll('.eventmap-export');"
                "var m = roots[1].querySelector('.js-plotly-plot')._fullLayout.map._subplot.map;"
                "return m.isStyleLoaded() && m.queryRenderedFeatures({layers: ['land-world']}).length;"
            ),
            what="the second snippet's base map",
        )
        assert land >= 1
        assert_clean_log(driver)
    finally:
        driver.quit()
