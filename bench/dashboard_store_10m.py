"""The store-mode dashboard on a very large event store: page ready, zoom, filters, detail, download, editing.

    .venv/bin/python bench/dashboard_store_10m.py [--events 10000000] [--zooms 5] [--loads 3] [--store PATH] [--no-record]

Builds a store of N synthetic events under /tmp with the generator of bench/ingest_and_store.py
(sorted by date over 2015-2025, ~20,000 real places with a Zipf-like spread, 1,000 documents,
bulk-loaded as Arrow columns), opens it for editing and starts
`dashboard.store_app.create_store_app` in a thread, then drives it in headless Chromium
(software WebGL, no GPU; the same flags as the browser tests):

- the store's kept counts (per day, place and document; eventmap/corpus/store_aggregates.py),
  built once after the store is written (near 0 s for a --store that has them already);
- server start-up: `create_store_app` (counts per day and category, top places, first rows);
- page ready: from `driver.get` (a fresh browser) until the timeline and every map marker are
  drawn, median of --loads loads (each in a fresh browser);
- map follows a timeline zoom: from `Plotly.relayout` on the time axis (a one-month window,
  as a person dragging the axis) until the map shows that window's counts per place (checked
  against the store), median of --zooms different months; the same callback timed in Python;
- the same zooms with a category filter on (picked in the page's dropdown);
- detail panel: from a click on a table row until the panel shows that event's sentence;
- download: from a click on "JSON" until the file of the view's events is on disk;
- editing: from pressing "a" (accept) on an event until the header counts say it is verified.

Figures are recorded in bench/results.json (section dashboard_store_10m). A store built here is
deleted at the end; one given with --store is kept (its edits are undone).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from plotly.utils import PlotlyJSONEncoder

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))

from ingest_and_store import places, synthetic_chunk
from results import record

from eventmap.corpus.store import EventStore

MAP_SUM_JS = """
const o = document.getElementById('store-map'), gd = o && o.querySelector('.js-plotly-plot');
if (!gd || !gd._fullData || !gd._fullData.length) return null;
const cd = gd._fullData[0].customdata || [];
if ((gd.querySelector('.scattergeo') || gd).querySelectorAll('.point').length !== cd.length) return null;
let s = 0; for (const c of cd) s += Number(c[1]);
return [cd.length, s];"""
BARS_JS = """
const o = document.getElementById('store-timeline'), gd = o && o.querySelector('.js-plotly-plot');
if (!gd || !gd._fullData || !gd._fullData.length) return 0;
const bars = gd.querySelectorAll('.bars .point').length;
return bars || (gd.querySelector('.scatterlayer .js-fill') ? gd._fullData[0].x.length : 0);"""
ZOOM_JS = (
    "const gd = document.getElementById('store-timeline').querySelector('.js-plotly-plot');"
    "Plotly.relayout(gd, {'xaxis.range': [arguments[0], arguments[1]]});"
)
FIRST_ROW_JS = """
const row = document.querySelector('#table .ag-center-cols-container .ag-row[row-index="0"]');
return row ? row.getAttribute('row-id') : null;"""
TEXT_JS = "const e = document.getElementById(arguments[0]); return e ? e.textContent : null;"
SHOWN = ["unreviewed", "verified"]


def build_store(path: Path, total: int, chunk: int = 1_000_000) -> float:
    rng = np.random.default_rng(7)
    names, codes, lats, lons = places(20_000, rng)
    first = np.datetime64("2015-01-01")
    days = np.sort(rng.integers(0, 4018, total)).astype("timedelta64[D]") + first
    t = time.perf_counter()
    with EventStore(path) as store:
        for start in range(0, total, chunk):
            store.add_table(
                synthetic_chunk(days[start : start + chunk], start, names, codes, lats, lons, rng),
                replace=False,
            )
    return time.perf_counter() - t


def wait_for(driver, fn, timeout: float = 120.0, poll: float = 0.02):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        got = fn(driver)
        if got:
            return got
        time.sleep(poll)
    raise TimeoutError("the page did not get there in time")


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def zooms(driver, store, months: list[str], filters: dict, store_update, state: dict) -> tuple[list, list]:
    """Browser and server times of a one-month zoom, the map checked against the store."""
    from dashboard.store_views import days_for, map_marks

    all_days = days_for(store, state)  # what the app keeps: the timeline is re-binned to the zoom

    browser_ms, server_ms = [], []
    for month in months:
        start, end = f"{month}-01", f"{month}-28"
        rows, cells = map_marks(store, {**state, "start": start, "end": end})
        want = [len(rows), sum(r["count"] for r in rows)]
        t = time.perf_counter()
        driver.execute_script(ZOOM_JS, start, end)
        wait_for(driver, lambda d, want=want: d.execute_script(MAP_SUM_JS) == want, timeout=60)
        browser_ms.append((time.perf_counter() - t) * 1000)
        relayout = {"xaxis.range[0]": start, "xaxis.range[1]": end}
        server_ms.append(
            timed(
                lambda r=relayout: store_update(
                    store, "store-timeline", r, None, state, all_days=all_days, total=0
                )
            )
            * 1000
        )
        print(
            f"  zoom to {start}..{end}: map updated after {browser_ms[-1]:.0f} ms "
            f"({want[0]:,} {f'{cells:g}° cells' if cells else 'places'}, {want[1]:,} events); "
            f"callback alone {server_ms[-1]:.0f} ms",
            flush=True,
        )
    return browser_ms, server_ms


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=10_000_000)
    ap.add_argument("--zooms", type=int, default=5)
    ap.add_argument("--store", type=Path, help="use (and keep) this store instead of building one")
    ap.add_argument("--no-record", action="store_true", help="print the figures, do not record them")
    ap.add_argument("--loads", type=int, default=3, help="page loads, each in a fresh browser (median)")
    args = ap.parse_args()

    from selenium.webdriver.common.by import By

    from dashboard.server import start_in_thread
    from dashboard.store_app import create_store_app, store_update
    from dashboard.store_views import DOWNLOAD_LIMIT, EMPTY_STATE, map_marks

    from chromium import make_driver

    folder = None if args.store else Path(tempfile.mkdtemp(prefix="eventmap-store-app-", dir="/tmp"))
    path = args.store or folder / "bench.duckdb"
    running = driver = store = None
    figures: dict = {}
    load = os.getloadavg()[0]  # other work on the machine slows every browser figure: it is recorded
    print(f"machine: {os.cpu_count()} cores, load average {load:.1f}", flush=True)
    try:
        if not args.store:
            build = build_store(path, args.events)
            print(f"store: {args.events:,} synthetic events bulk-loaded in {build:.1f} s", flush=True)
        store = EventStore(path)
        t = time.perf_counter()
        total = store.count()  # builds the store's kept counts if it has none yet (a fresh store)
        kept = time.perf_counter() - t
        print(
            f"store: {total:,} events, file {path.stat().st_size / 1e6:.0f} MB; "
            f"kept counts ready in {kept:.2f} s (built once after a write)",
            flush=True,
        )

        t = time.perf_counter()
        app = create_store_app(store, author="bench")
        startup = time.perf_counter() - t
        layout_kb = len(json.dumps(app.layout(), cls=PlotlyJSONEncoder)) / 1e3
        print(
            f"server: create_store_app {startup:.2f} s (page layout {layout_kb:,.0f} kB of JSON)", flush=True
        )

        running = start_in_thread(app)
        marks, cells = map_marks(store, EMPTY_STATE)
        n_places = len(marks)
        kind = f"density cells of {cells:g}°" if cells else "places"
        readies = []
        for _ in range(args.loads):  # each in a fresh browser; the machine is noisy: the median counts
            if driver is not None:
                driver.quit()
            driver = make_driver(block_network=True)
            t = time.perf_counter()
            driver.get(running.url)
            wait_for(
                driver,
                lambda d: (
                    (d.execute_script(MAP_SUM_JS) or [0])[0] == n_places and d.execute_script(BARS_JS) > 0
                ),
            )
            readies.append(time.perf_counter() - t)
            print(f"page ready: {readies[-1]:.2f} s ({n_places:,} {kind} on the map)", flush=True)
        ready = statistics.median(readies)
        wait_for(driver, lambda d: d.execute_script(FIRST_ROW_JS))

        months = [f"{2015 + (3 * k) % 11}-{1 + (5 * k) % 12:02d}" for k in range(args.zooms)]
        browser_ms, server_ms = zooms(driver, store, months, {}, store_update, dict(EMPTY_STATE))

        # a category filter, chosen in the page, then the same zooms
        driver.find_element(By.ID, "filter-category").click()
        option = wait_for(
            driver,
            lambda d: [
                o for o in d.find_elements(By.CSS_SELECTOR, "[role='option']") if o.text.strip() == "attack"
            ],
        )[0]
        start = time.perf_counter()
        option.click()
        driver.find_element(By.TAG_NAME, "body").send_keys("\ue00c")  # Escape closes the dropdown
        month = months[-1]
        rows, _cells = map_marks(
            store, {**EMPTY_STATE, "start": f"{month}-01", "end": f"{month}-28", "categories": ["attack"]}
        )
        wait_for(driver, lambda d: d.execute_script(MAP_SUM_JS) == [len(rows), sum(r["count"] for r in rows)])
        filter_ms = (time.perf_counter() - start) * 1000
        print(f"category filter applied (map, timeline, table): {filter_ms:.0f} ms", flush=True)
        f_browser, _ = zooms(
            driver,
            store,
            months,
            {"category": ["attack"]},
            store_update,
            {**EMPTY_STATE, "categories": ["attack"]},
        )

        # the detail panel of a table row
        first = wait_for(driver, lambda d: d.execute_script(FIRST_ROW_JS))
        event = store.event(first)
        cell = driver.find_element(By.CSS_SELECTOR, f"#table .ag-row[row-id='{first}'] .ag-cell")
        t = time.perf_counter()
        cell.click()
        wait_for(
            driver,
            lambda d: (
                (d.find_elements(By.ID, "detail-sentence") or [None])[0] is not None
                and d.find_element(By.ID, "detail-sentence").text == event.text
            ),
        )
        detail_ms = (time.perf_counter() - t) * 1000
        print(f"detail panel after a click on a table row: {detail_ms:.0f} ms", flush=True)

        # a download of the view (one month of one category)
        downloads = Path(tempfile.mkdtemp(prefix="eventmap-downloads-", dir="/tmp"))
        driver.execute_cdp_cmd(
            "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
        )
        want = store.count(start=f"{month}-01", end=f"{month}-28", category=["attack"], statuses=SHOWN)
        t = time.perf_counter()
        driver.find_element(By.ID, "download-json").click()
        got = wait_for(
            driver, lambda d: [p for p in downloads.glob("*.json") if p.stat().st_size], timeout=120
        )
        time.sleep(0.2)
        n = len(json.loads(got[0].read_text(encoding="utf-8"))["events"])
        download_ms = (time.perf_counter() - t) * 1000
        assert n == min(want, DOWNLOAD_LIMIT), (n, want)
        print(f"download of the view ({n:,} events as JSON): {download_ms:.0f} ms", flush=True)
        shutil.rmtree(downloads, ignore_errors=True)

        # editing: accept the event shown in the detail panel
        before = store.review_counts()["verified"]
        driver.execute_script(
            "window.dash_clientside.set_props('selected-event', {data: arguments[0]});", first
        )
        wait_for(driver, lambda d: d.execute_script(TEXT_JS, "review-sentence-text") == event.text)
        t = time.perf_counter()
        driver.find_element(By.TAG_NAME, "body").send_keys("a")
        wait_for(
            driver, lambda d: f"{before + 1:,} verified" in (d.execute_script(TEXT_JS, "review-counts") or "")
        )
        edit_ms = (time.perf_counter() - t) * 1000
        print(f"an edit (accept, key 'a') until the header counts show it: {edit_ms:.0f} ms", flush=True)
        store.undo(author="bench")

        figures = {
            "events in the store": total,
            "load average of the machine at the start (2 cores)": round(load, 1),
            "kept counts ready (s, built once after the store is written)": round(kept, 2),
            "server start-up (s)": round(startup, 2),
            "page ready (s)": round(ready, 2),  # the median of --loads fresh-browser loads
            "page ready, max (s)": round(max(readies), 2),
            "map follows a timeline zoom, median (ms)": round(statistics.median(browser_ms)),
            "map follows a timeline zoom, max (ms)": round(max(browser_ms)),
            "zoom callback on the server, median (ms)": round(statistics.median(server_ms)),
            "category filter applied (ms)": round(filter_ms),
            "map follows a zoom with the filter on, median (ms)": round(statistics.median(f_browser)),
            "detail panel after a click (ms)": round(detail_ms),
            "download of the view as JSON (ms)": round(download_ms),
            "an edit shown in the header counts (ms)": round(edit_ms),
        }
        print(
            f"map follows a timeline zoom: median {statistics.median(browser_ms):.0f} ms "
            f"(max {max(browser_ms):.0f} ms, {len(browser_ms)} zooms); "
            f"server callback median {statistics.median(server_ms):.0f} ms",
            flush=True,
        )
    finally:
        if driver is not None:
            driver.quit()
        if running is not None:
            running.stop()
        if store is not None:
            store.close()
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
    if figures and not args.no_record:
        record("dashboard_store_10m", figures, command="python bench/dashboard_store_10m.py")


if __name__ == "__main__":
    main()
