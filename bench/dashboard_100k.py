"""Benchmark: the dashboard with 100,000 events in headless Chromium.

Prints (no assertions): time to write/read the 100k-event JSON file, server time to build the
page, time until the page is ready (timeline drawn with its marks and map drawn with its
places, in a fresh browser each time; median of --loads page loads), how long the map takes
to follow a timeline zoom (relayout -> map redrawn) as median and max over several zooms,
and when the timeline's detail view of a narrow window arrives from the server.

    .venv/bin/python bench/dashboard_100k.py [--events 100000] [--loads 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from dashboard.app import create_app
from dashboard.app.collection import EventCollection
from dashboard.app.layout import build_layout
from dashboard.app.views import DETAIL_MAX_DAYS
from dashboard.clientdata import ClientDataCache
from dashboard.server import start_in_thread
from eventmap.model import events_from_json_obj, events_to_json_obj

from chromium import make_driver
from factories import many_events

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
const a = arguments[0], b = arguments[1], narrow = arguments[2];
const g = id => document.getElementById(id).querySelector('.js-plotly-plot');
const tl = g('timeline'), map = g('map');
const t0 = performance.now();
let tTimeline = null, tMap = null, places = null;
const scopeOk = () => {
  const s = tl.layout.meta && tl.layout.meta.scope;
  return narrow ? !!(s && s[0] <= a && s[1] >= b) : !s;
};
const finish = () => {
  if (tMap === null) return;
  if (scopeOk()) return done([tMap, places, tTimeline, performance.now() - t0]);
  if (performance.now() - t0 > 15000) return done([tMap, places, tTimeline, null]);
  setTimeout(finish, 10);
};
tl.once('plotly_relayout', () => { tTimeline = performance.now() - t0; });
map.once('plotly_afterplot', () => {
  tMap = performance.now() - t0; places = map._fullData[0].customdata.length; finish();
});
Plotly.relayout(tl, {'xaxis.range': [a, b]});
"""
WINDOWS = [
    ("2024-03-01", "2024-03-15"),
    ("2024-06-01", "2024-06-03"),
    ("2025-01-01", "2025-02-01"),
    ("2024-09-10", "2024-09-11"),
    ("2024-01-01", "2025-12-31"),
    ("2024-11-05", "2024-11-20"),
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--loads", type=int, default=3, help="page loads per size (the machine is noisy)")
    args = ap.parse_args()
    n, loads = args.events, args.loads

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
    layout = build_layout(EventCollection(events), ClientDataCache())
    t_layout = time.perf_counter() - t
    print(f"server: page layout built in {t_layout:.2f} s")
    del layout

    t = time.perf_counter()
    app = create_app(events)
    print(f"server: create_app (page pre-built at start-up) in {time.perf_counter() - t:.2f} s")
    small_app = create_app(events[:100])
    big, small, timings = [], [], []
    for i in range(loads):  # alternate the sizes: the load of the machine drifts
        ready, zooms = measure(app, zoom=i == 0)
        big.append(ready)
        timings += zooms
        small.append(measure(small_app, zoom=False)[0])
    print(
        f"browser: page ready in median {statistics.median(big):.2f} s "
        f"(min {min(big):.2f}, max {max(big):.2f}, {loads} loads)"
    )
    print(
        f"browser: map follows a timeline zoom in median {statistics.median(timings):.0f} ms, "
        f"max {max(timings):.0f} ms over {len(timings)} zooms"
    )
    print(
        f"browser: same page with 100 events (fixed cost of Dash + plotly.js on this machine): "
        f"ready in median {statistics.median(small):.2f} s (min {min(small):.2f}, max {max(small):.2f})"
    )


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
                narrow = (date.fromisoformat(b) - date.fromisoformat(a)).days <= DETAIL_MAX_DAYS
                ms, places, ms_timeline, ms_detail = driver.execute_async_script(ZOOM_JS, a, b, narrow)
                timings.append(ms)
                detail = (
                    ("not drawn in 15 s" if ms_detail is None else f"{ms_detail:.0f} ms") if narrow else "-"
                )
                print(
                    f"  zoom {a} .. {b}: map redrawn in {ms:.0f} ms ({places} places in the window); "
                    f"timeline zoomed in {ms_timeline:.0f} ms, its detail view (server) {detail}"
                )
                time.sleep(0.8)
    finally:
        driver.quit()
        server.stop()
    return ready, timings


if __name__ == "__main__":
    main()
