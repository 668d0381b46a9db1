"""ACLED data in the app in Chromium: map sizes by fatalities, fatality sums in hovers, the actor filter."""

from __future__ import annotations

import pytest

from dashboard.app import create_app
from dashboard.server import start_in_thread
from eventmap.formats import read_events

from chromium import assert_clean_log, make_driver, wait_for
from conftest import DATA_DIR

pytestmark = pytest.mark.browser

MAP_JS = """
const gd = document.querySelector('#map .js-plotly-plot');
if (!gd || !gd.data) return null;
const t = gd.data.find(d => (d.meta || {}).role === "map-points" && d.meta.drawnBy);  // dashboard/static/mapdraw.js
if (!t) return null;
return {keys: Array.from(t.customdata || []), sizes: Array.from(t.marker.size || []),
        hover: Array.from(t.hovertext || [])};
"""
SUMMARY_JS = "return (document.getElementById('summary') || {}).textContent || ''"


@pytest.fixture(scope="module")
def page():
    events = read_events(DATA_DIR / "formats" / "acled_sample.csv")
    server = start_in_thread(create_app(events))
    driver = make_driver(block_network=True)
    try:
        driver.get(server.url)
        wait_for(driver, lambda d: (d.execute_script(MAP_JS) or {}).get("keys"), what="the map")
        yield driver
    finally:
        driver.quit()
        server.stop()


def test_map_hovers_sum_fatalities_and_markers_can_be_sized_by_them(page):
    drawn = page.execute_script(MAP_JS)
    kharkiv = next(i for i, k in enumerate(drawn["keys"]) if k.startswith("49.99"))
    assert "2 fatalities" in drawn["hover"][kharkiv]
    assert len(set(drawn["sizes"])) == 1  # one event per place: all the same size by events
    page.find_element("css selector", "#size-by input[value='fatalities']").click()

    def by_deaths(d):
        now = d.execute_script(MAP_JS)
        return now if now and len(set(now["sizes"])) > 1 else None

    after = wait_for(page, by_deaths, what="marker sizes by fatalities")
    biggest = max(range(len(after["sizes"])), key=lambda i: after["sizes"][i])
    assert after["keys"][biggest].startswith("49.99")  # Kharkiv: the only place with deaths
    assert_clean_log(page)


def test_the_actor_filter_narrows_the_view(page):
    assert "4 events in view" in page.execute_script(SUMMARY_JS)
    page.find_element("id", "filter-actor").click()
    wait_for(
        page,
        lambda d: [
            o
            for o in d.find_elements("css selector", "[role='option']")
            if o.text.strip() == "Protesters (Netherlands)"
        ],
        what="the actor option",
    )[0].click()
    page.find_element("tag name", "body").send_keys("\ue00c")  # Escape
    wait_for(page, lambda d: "1 event in view" in d.execute_script(SUMMARY_JS), what="one event in view")
    assert_clean_log(page)
