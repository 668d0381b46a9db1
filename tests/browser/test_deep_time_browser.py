"""Deep time in Chromium: the static export and the app zoom a year axis and filter alike."""

from __future__ import annotations

import pytest

from dashboard.app import create_app
from dashboard.export.html import render_html
from dashboard.server import start_in_thread
from eventmap.formats import read_events

from chromium import assert_clean_log, wait_for
from conftest import DATA_DIR

pytestmark = pytest.mark.browser

HISTORY = DATA_DIR / "formats" / "history.timeline.json"
ZOOM_JS = "Plotly.relayout(arguments[0], {'xaxis.range': [arguments[1], arguments[2]]});"


def test_the_static_export_filters_its_list_by_a_window_in_years(driver, tmp_path):
    events = read_events(HISTORY)
    path = tmp_path / "history.html"
    path.write_text(render_html(events, title="History"), encoding="utf-8")
    driver.get(path.as_uri())
    root = "document.querySelector('.eventmap-export')"
    wait_for(driver, lambda d: d.execute_script(f"return {root}.getAttribute('data-ready')") == "1")
    timeline = driver.execute_script(f"return document.getElementById({root}.id + '-timeline')")
    driver.find_element("css selector", ".em-all-kinds").click()  # the era is context: hidden by default
    driver.execute_script(ZOOM_JS, timeline, -1000, 0)  # 1000 BCE to year 0
    shown = wait_for(
        driver,
        lambda d: (
            d.execute_script(
                f"return Array.from({root}.querySelectorAll('tr[data-id]'))"
                ".filter(r => r.style.display !== 'none').map(r => r.getAttribute('data-id'))"
            )
            if d.execute_script(f"return {root}.getAttribute('data-shown')") == "2"
            else None
        ),
        what="the list to keep the two events of 1000 BCE - 0",
    )
    era = next(e.id for e in events if e.kind == "context")
    assert set(shown) == {"marathon", era}
    status = driver.execute_script("return document.querySelector('.em-status').textContent")
    assert "Showing 2 of 5" in status and "-1000" in status
    assert_clean_log(driver)


def test_the_app_filters_its_table_by_a_window_in_years(driver):
    server = start_in_thread(create_app(read_events(HISTORY)))
    try:
        driver.get(server.url)
        summary = "return (document.getElementById('summary') || {}).textContent || ''"
        wait_for(driver, lambda d: "4 events in view" in d.execute_script(summary), what="the page")
        assert "1 context sentence hidden" in driver.execute_script(summary)  # the era, counted
        driver.find_element("css selector", "#all-kinds input").click()
        wait_for(driver, lambda d: "5 events in view" in d.execute_script(summary), what="every kind")
        graph = "return document.getElementById('timeline').querySelector('.js-plotly-plot')"
        drawn = (
            "const gd = document.querySelector('#timeline .js-plotly-plot'); return !!(gd && gd._fullLayout);"
        )
        wait_for(driver, lambda d: d.execute_script(drawn), what="the timeline")
        driver.execute_script(ZOOM_JS, driver.execute_script(graph), 1800, 2000)
        wait_for(
            driver, lambda d: "2 events in view" in d.execute_script(summary), what="the window 1800-2000"
        )
        assert_clean_log(driver)
    finally:
        server.stop()
