"""Store mode in a real headless Chromium: filters, the detail panel, downloads and editing on a store.

The store-mode app (dashboard.store_app) answers every view with queries; here on a
2,000-event store so the test is quick (bench/dashboard_store_10m.py drives the same page
on 10 million events and times it).
"""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from dashboard.server import start_in_thread
from dashboard.store_app import create_store_app
from eventmap.corpus.store import EventStore

from chromium import assert_clean_log, make_driver, wait_for
from factories import BERLIN, KYIV, make_event

pytestmark = pytest.mark.browser

SHOWN = ["unreviewed", "verified"]
MAP_COUNTS_JS = """
const o = document.getElementById('store-map'), gd = o && o.querySelector('.js-plotly-plot');
if (!gd || !gd._fullData || !gd._fullData.length) return null;
const cd = Array.from(gd._fullData[0].customdata || []);
if ((gd.querySelector('.scattergeo') || gd).querySelectorAll('.point').length !== cd.length) return null;
return cd.map(c => [c[0], Number(c[1])]);"""
FIRST_ROW_JS = """
const row = document.querySelector('#table .ag-center-cols-container .ag-row[row-index="0"]');
return row ? row.getAttribute('row-id') : null;"""


def _events(n: int = 2000):
    first = date(2025, 1, 1)
    return [
        make_event(
            f"Synthetic event number {i}.",
            day=(first + timedelta(days=i % 59)).isoformat(),
            category="attack" if i % 2 else "policy",
            place=BERLIN if i % 3 == 0 else KYIV,
            document=f"docs/{i % 7}.txt",
            start=i * 40,
        )
        for i in range(n)
    ]


@pytest.fixture
def served(tmp_path):
    store = EventStore(tmp_path / "big.duckdb")
    store.add(_events())
    running = start_in_thread(create_store_app(store, author="tester"))
    driver = make_driver(block_network=True)
    yield driver, running, store
    driver.quit()
    running.stop()
    store.close()


def map_counts(driver) -> dict[str, int]:
    return dict(driver.execute_script(MAP_COUNTS_JS) or [])


def expected(store, **filters) -> dict[str, int]:
    return {
        f"{r['lat']:.4f},{r['lon']:.4f}": r["count"]
        for r in store.aggregate(by="place", statuses=SHOWN, **filters)
    }


def test_store_mode_filters_detail_download_and_editing(served, tmp_path):
    from selenium.webdriver.common.by import By

    driver, running, store = served
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    driver.execute_cdp_cmd(
        "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
    )
    driver.get(running.url)
    wait_for(driver, lambda d: map_counts(d) == expected(store), what="the map's counts")
    wait_for(driver, lambda d: d.execute_script(FIRST_ROW_JS), what="the table")

    # a category filter narrows the map, the counts line and the table
    driver.find_element(By.ID, "filter-category").click()
    wait_for(
        driver,
        lambda d: [
            o for o in d.find_elements(By.CSS_SELECTOR, "[role='option']") if o.text.strip() == "policy"
        ],
        what="the category option",
    )[0].click()
    driver.find_element(By.TAG_NAME, "body").send_keys("\ue00c")  # Escape
    wait_for(driver, lambda d: map_counts(d) == expected(store, category=["policy"]), what="filtered map")
    n_policy = store.count(category=["policy"], statuses=SHOWN)
    wait_for(
        driver,
        lambda d: f"{n_policy:,} events" in d.find_element(By.ID, "store-summary").text,
        what="summary",
    )

    # a word search narrows further
    search = driver.find_element(By.ID, "filter-search")
    search.send_keys("number 12\n")
    n_search = store.count(category=["policy"], search="number 12", statuses=SHOWN)
    wait_for(
        driver, lambda d: f"{n_search:,} events" in d.find_element(By.ID, "store-summary").text, what="search"
    )

    # the detail panel of a table row
    def searched_row(d):  # the table may still show the rows from before the search for a moment
        row = d.execute_script(FIRST_ROW_JS)
        return row if row and "number 12" in store.event(row).text else None

    first = wait_for(driver, searched_row, what="a row of the search")
    event = store.event(first)
    assert event.category == "policy" and "number 12" in event.text
    driver.find_element(By.CSS_SELECTOR, f"#table .ag-row[row-id='{first}'] .ag-cell").click()
    wait_for(
        driver,
        lambda d: (
            d.find_elements(By.ID, "detail-sentence")
            and d.find_element(By.ID, "detail-sentence").text == event.text
        ),
        what="the detail panel",
    )

    # a download of the view
    driver.find_element(By.ID, "download-json").click()
    got = wait_for(
        driver, lambda d: [p for p in downloads.glob("*.json") if p.stat().st_size], what="download"
    )
    data = json.loads(wait_for(driver, lambda d: _complete_json(got[0]), what="the whole file"))
    assert len(data["events"]) == n_search and all(e["category"] == "policy" for e in data["events"])
    assert all("review_status" in e and "original" in e for e in data["events"])

    # editing: reject the event shown; it leaves the view and the counts say so
    driver.execute_script("window.dash_clientside.set_props('selected-event', {data: arguments[0]});", first)
    wait_for(
        driver, lambda d: d.find_element(By.ID, "review-sentence-text").text == event.text, what="review"
    )
    driver.find_element(By.TAG_NAME, "body").send_keys("r")
    wait_for(driver, lambda d: "1 rejected" in d.find_element(By.ID, "review-counts").text, what="counts")
    wait_for(
        driver,
        lambda d: f"{n_search - 1:,} events" in d.find_element(By.ID, "store-summary").text,
        what="the view without it",
    )
    assert store.event(first).review_status == "rejected" and store.edit_log()[0]["author"] == "tester"
    assert_clean_log(driver)


def _complete_json(path):
    try:
        text = path.read_text(encoding="utf-8")
        json.loads(text)
        return text
    except ValueError:
        return None
