"""Benchmark: the dashboard with 100,000 events in headless Chromium.

Prints (no assertions): time to write/read the 100k-event JSON file, server time to build the
page, time until the page is ready (timeline and map drawn), and how long the map takes to
follow a timeline zoom (relayout -> map redrawn), as median and max over several zooms.

    .venv/bin/python bench/dashboard_100k.py [--events 100000]
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from browser import make_driver  # noqa: E402  (tests/browser.py: the project's Chromium flags)
from factories import many_events  # noqa: E402
from dashboard.app import create_app  # noqa: E402
from dashboard.columns import ColumnCache  # noqa: E402
from dashboard.layout import build_layout  # noqa: E402
from dashboard.server import start_in_thread  # noqa: E402
from dashboard.view import EventCollection  # noqa: E402
from events.model import events_from_json_obj, events_to_json_obj  # noqa: E402

READY_JS = """
const g = id => { const o = document.getElementById(id); return o && o.querySelector('.js-plotly-plot'); };
const tl = g('timeline'), map = g('map');
if (!tl || !map || !tl._fullData || !map._fullData || !map._fullData.length) return 0;
let n = 0;
for (const t of tl._fullData) { if (t.meta && t.meta.role === 'timeline-points') n += t.customdata.length; }
const ns = window.dash_clientside && window.dash_clientside.eventmap;
return ns && ns.mapDraws() > 0 && map._fullData[0].customdata.length ? n : 0;
"""
ZOOM_JS = """
const done = arguments[arguments.length - 1];
const g = id => document.getElementById(id).querySelector('.js-plotly-plot');
const tl = g('timeline'), map = g('map');
const t0 = performance.now();
map.once('plotly_afterplot', () => {
  done([performance.now() - t0, map._fullData[0].customdata.length]);
});
Plotly.relayout(tl, {'xaxis.range': [arguments[0], arguments[1]]});
"""
WINDOWS = [("2024-03-01", "2024-03-15"), ("2024-06-01", "2024-06-03"), ("2025-01-01", "2025-02-01"),
           ("2024-09-10", "2024-09-11"), ("2024-01-01", "2025-12-31"), ("2024-11-05", "2024-11-20")]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    n = ap.parse_args().events

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "events.json"
        t = time.perf_counter()
        path.write_text(json.dumps(events_to_json_obj(many_events(n))), encoding="utf-8")
        t_write = time.perf_counter() - t
        t = time.perf_counter()
        events = events_from_json_obj(json.loads(path.read_text(encoding="utf-8")))
        t_read = time.perf_counter() - t
    print(f"events: {len(events)}  (file written in {t_write:.2f} s, read in {t_read:.2f} s)")

    t = time.perf_counter()
    layout = build_layout(EventCollection(events), ColumnCache())
    t_layout = time.perf_counter() - t
    print(f"server: page layout built in {t_layout:.2f} s")
    del layout

    t = time.perf_counter()
    app = create_app(events)
    print(f"server: create_app (page pre-built at start-up) in {time.perf_counter() - t:.2f} s")
    ready, timings = measure(app, zoom=True)
    print(f"browser: page ready in {ready:.2f} s")
    print(f"browser: map follows a timeline zoom in median {statistics.median(timings):.0f} ms, "
          f"max {max(timings):.0f} ms over {len(timings)} zooms")
    small, _ = measure(create_app(events[:100]), zoom=False)
    print(f"browser: same page with 100 events (fixed cost of Dash + plotly.js on this machine): "
          f"ready in {small:.2f} s")


def measure(app, zoom: bool) -> tuple[float, list[float]]:
    """Seconds until the page is ready, and the zoom -> map timings in ms."""
    server = start_in_thread(app)
    driver = make_driver(block_network=True)
    timings: list[float] = []
    try:
        driver.set_script_timeout(30)
        t = time.perf_counter()
        driver.get(server.url)
        drawn = 0
        while time.perf_counter() - t < 120:
            drawn = driver.execute_script(READY_JS)
            if drawn:
                break
            time.sleep(0.05)
        ready = time.perf_counter() - t
        print(f"  page ready: timeline {drawn} marks, map drawn from the columns, {ready:.2f} s")
        if zoom:
            time.sleep(2.0)  # let the first callbacks settle
            for a, b in WINDOWS:
                ms, places = driver.execute_async_script(ZOOM_JS, a, b)
                timings.append(ms)
                print(f"  zoom {a} .. {b}: map redrawn in {ms:.0f} ms ({places} places in the window)")
                time.sleep(0.6)
    finally:
        driver.quit()
        server.stop()
    return ready, timings


if __name__ == "__main__":
    main()
