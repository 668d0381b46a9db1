"""The store-mode dashboard on a very large event store: page ready and map-follows-zoom times.

    .venv/bin/python bench/dashboard_store_10m.py [--events 10000000] [--zooms 5]

Builds a store of N synthetic events under /tmp with the generator of bench/ingest_and_store.py
(sorted by date over 2015-2025, ~20,000 real places with a Zipf-like spread, bulk-loaded as
Arrow columns), starts `dashboard.store_app.create_store_app` in a thread and opens it in
headless Chromium (software WebGL, no GPU; the same flags as the browser tests):

- server start-up: `create_store_app` (counts per day of all years, top places, first rows);
- page ready: from `driver.get` until the timeline's bars and every map marker are drawn;
- map follows a timeline zoom: from `Plotly.relayout` on the time axis (a one-month window,
  as a person dragging the axis) until the map shows that window's counts per place (checked
  against the store), median of --zooms different months; the same callback timed in Python.

The store folder is deleted at the end.
"""

from __future__ import annotations

import argparse
import json
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=10_000_000)
    ap.add_argument("--zooms", type=int, default=5)
    args = ap.parse_args()

    from browser import make_driver

    from dashboard.server import start_in_thread
    from dashboard.store_app import MAX_PLACES, create_store_app, store_update

    folder = Path(tempfile.mkdtemp(prefix="eventmap-store-app-", dir="/tmp"))
    path = folder / "bench.duckdb"
    running = driver = None
    try:
        build = build_store(path, args.events)
        print(
            f"store: {args.events:,} synthetic events bulk-loaded in {build:.1f} s, "
            f"file {path.stat().st_size / 1e6:.0f} MB",
            flush=True,
        )

        t = time.perf_counter()
        app = create_store_app(path)
        startup = time.perf_counter() - t
        store = app.server.config["EVENTMAP_STORE"]
        layout_kb = len(json.dumps(app.layout, cls=PlotlyJSONEncoder)) / 1e3
        print(
            f"server: create_store_app {startup:.2f} s (page layout {layout_kb:,.0f} kB of JSON)", flush=True
        )

        running = start_in_thread(app)
        driver = make_driver(block_network=True)
        n_places = len(store.aggregate(by="place", limit=MAX_PLACES))
        n_days = len(store.aggregate(by="day"))
        t = time.perf_counter()
        driver.get(running.url)
        wait_for(
            driver,
            lambda d: (d.execute_script(MAP_SUM_JS) or [0])[0] == n_places and d.execute_script(BARS_JS) > 0,
        )
        ready = time.perf_counter() - t
        bars = driver.execute_script(BARS_JS)
        print(
            f"page ready: {ready:.2f} s ({bars:,} days on the timeline of {n_days:,}, {n_places:,} places)",
            flush=True,
        )
        time.sleep(1.0)

        months = [f"{2015 + (3 * k) % 11}-{1 + (5 * k) % 12:02d}" for k in range(args.zooms)]
        browser_ms, server_ms = [], []
        state = {"start": None, "end": None, "bbox": None, "rev": 0}
        for month in months:
            start, end = f"{month}-01", f"{month}-28"
            rows = store.aggregate(by="place", start=start, end=end, limit=MAX_PLACES)
            want = [len(rows), sum(r["count"] for r in rows)]
            t = time.perf_counter()
            driver.execute_script(ZOOM_JS, start, end)
            wait_for(driver, lambda d, want=want: d.execute_script(MAP_SUM_JS) == want, timeout=60)
            browser_ms.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            store_update(
                store,
                "store-timeline",
                {"xaxis.range[0]": start, "xaxis.range[1]": end},
                None,
                state,
                all_days=[],
                total=0,
            )
            server_ms.append((time.perf_counter() - t) * 1000)
            print(
                f"  zoom to {start}..{end}: map updated after {browser_ms[-1]:.0f} ms "
                f"({want[0]:,} places, {want[1]:,} events); callback alone {server_ms[-1]:.0f} ms",
                flush=True,
            )
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
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
