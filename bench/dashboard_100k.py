"""Benchmark: the dashboard with 100,000 events at 100,000 distinct places, in headless Chromium.

Prints and records (bench/results.json, section ``dashboard_100k``):

* how long ``eventmap serve FILE.json`` takes to answer (start of the command to the first
  HTTP 200 on its page; the file is written in the event format first), and to give the page's
  layout with the events (read and built in the background after the server answers);
* how long the page takes to be drawn (timeline marks and histogram drawn, the map drawn from
  the columns by the page's own code, its marks' layers in MapLibre and rendered), median of
  --loads fresh browsers;
* how long the map takes to follow a timeline zoom (relayout -> map redrawn), median and max
  over several zooms;
* the same page with 100 events (the fixed cost of Dash and plotly.js on this machine).

    .venv/bin/python bench/dashboard_100k.py [--events 100000] [--loads 3] [--no-record]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "bench")]

from results import record

from dashboard.app import create_app
from dashboard.app.views import DETAIL_MAX_DAYS
from dashboard.server import start_in_thread
from eventmap.cli.serve import WORKSPACE_NAME
from eventmap.model import Place, events_to_json_obj

from chromium import make_driver
from factories import many_events

READY_JS = """
const g = id => { const o = document.getElementById(id); return o && o.querySelector('.js-plotly-plot'); };
const tl = g('timeline'), map = g('map');
if (!tl || !map || !tl._fullData || !map._fullData) return 0;
let n = 0;
for (const t of tl._fullData) { if (t.meta && t.meta.role === 'timeline-points') n += t.customdata.length; }
const ns = window.dash_clientside && window.dash_clientside.eventmap;
const drawn = map._fullData.some(t => t.meta && t.meta.drawnBy === 'eventmap' && (t.lat || []).length);
// and on the screen: MapLibre holds the marks' layers (not only the graph's data) and rendered them
const sub = map._fullLayout.map && map._fullLayout.map._subplot, ml = sub && sub.map;
const shown = !!ml && ['map-density', 'map-points'].some(u => ml.getLayer('plotly-trace-layer-' + u + '-circle'));
return ns && ns.mapDraws() > 0 && drawn && shown ? n : 0;
"""
ZOOM_JS = """
const done = arguments[arguments.length - 1];
const a = arguments[0], b = arguments[1], narrow = arguments[2];
const g = id => document.getElementById(id).querySelector('.js-plotly-plot');
const tl = g('timeline'), map = g('map');
const t0 = performance.now();
let tTimeline = null, tMap = null, marks = null;
const scopeOk = () => {
  const s = tl.layout.meta && tl.layout.meta.scope;
  return narrow ? !!(s && s[0] <= a && s[1] >= b) : !s;
};
const finish = () => {
  if (tMap === null) return;
  if (scopeOk()) return done([tMap, marks, tTimeline, performance.now() - t0]);
  if (performance.now() - t0 > 15000) return done([tMap, marks, tTimeline, null]);
  setTimeout(finish, 10);
};
tl.once('plotly_relayout', () => { tTimeline = performance.now() - t0; });
map.once('plotly_afterplot', () => {
  tMap = performance.now() - t0;
  marks = map._fullData.filter(t => t.meta && t.meta.drawnBy === 'eventmap').map(t => t.lat.length).reduce((x, y) => x + y, 0);
  finish();
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


def distinct_places(events: list, seed: int = 11) -> list:
    """Give every event its own place (100,000 events at 100,000 points)."""
    rng = random.Random(seed)
    for i, ev in enumerate(events):
        lat, lon = round(rng.uniform(-55, 70), 4), round(rng.uniform(-170, 175), 4)
        ev.places = [
            Place(text=f"Place {i}", name=f"Place {i}", lat=lat, lon=lon, country_code="XX", kind="city")
        ]
        ev.lat, ev.lon = lat, lon
    return events


def serve_answers(path: Path) -> tuple[float, float]:
    """Seconds from starting `eventmap serve FILE` to the first answered page, and to its layout
    (the page with every event in it: the server reads the events and builds it after answering)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    exe = str(Path(sys.executable).with_name("eventmap"))
    t = time.perf_counter()
    proc = subprocess.Popen(
        [exe, "serve", str(path), "--port", str(port), "--no-browser"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ},
    )
    try:
        while time.perf_counter() - t < 120:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as r:
                    if r.status == 200:
                        answered = time.perf_counter() - t
                        with urllib.request.urlopen(
                            f"http://127.0.0.1:{port}/_dash-layout", timeout=120
                        ) as p:
                            p.read()
                        return answered, time.perf_counter() - t
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("eventmap serve did not answer in 120 s")
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def serve_stages(workspace: Path) -> dict[str, float]:
    """CPU seconds (this process) of serve's two start-up steps on the workspace `serve` made:
    reading the events back, and building the app with its page (the machine's load hardly
    moves CPU time, unlike the wall clock)."""
    from eventmap.corpus.store import EventStore

    t = time.process_time()
    store = EventStore(workspace, read_only=True)
    try:
        events = store.events()
    finally:
        store.close()
    read = time.process_time() - t
    t = time.process_time()
    create_app(events)
    build = time.process_time() - t
    return {"serve_read_events_cpu_s": round(read, 2), "serve_build_page_cpu_s": round(build, 2)}


def measure(app, zoom: bool) -> tuple[float, list[float]]:
    """Seconds until the page is drawn, and the zoom -> map timings in ms."""
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
            time.sleep(0.02)
        ready = time.perf_counter() - t
        print(f"  page drawn: timeline {drawn} marks, map drawn from the columns, {ready:.2f} s")
        if zoom:
            time.sleep(2.0)  # let the first callbacks settle
            for a, b in WINDOWS:
                narrow = (date.fromisoformat(b) - date.fromisoformat(a)).days <= DETAIL_MAX_DAYS
                ms, marks, ms_timeline, ms_detail = driver.execute_async_script(ZOOM_JS, a, b, narrow)
                timings.append(ms)
                detail = (
                    ("not drawn in 15 s" if ms_detail is None else f"{ms_detail:.0f} ms") if narrow else "-"
                )
                print(
                    f"  zoom {a} .. {b}: map redrawn in {ms:.0f} ms ({marks} marks); "
                    f"timeline zoomed in {ms_timeline:.0f} ms, its detail view (server) {detail}"
                )
                time.sleep(0.8)
    finally:
        driver.quit()
        server.stop()
    return ready, timings


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--loads", type=int, default=3, help="page loads per size (the machine is noisy)")
    ap.add_argument("--no-record", action="store_true", help="print only; leave bench/results.json alone")
    args = ap.parse_args()
    n, loads = args.events, args.loads

    events = distinct_places(many_events(n, n_places=50))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "events.json"
        path.write_text(json.dumps(events_to_json_obj(events)), encoding="utf-8")
        answers = [serve_answers(path) for _ in range(2)]
        stages = serve_stages(path.parent / WORKSPACE_NAME)
    t_serve = min(a for a, _ in answers)
    t_layout = min(b for _, b in answers)
    print(
        f"serve: `eventmap serve` on {n:,} events answers in {t_serve:.2f} s, its page layout with "
        f"the events in {t_layout:.2f} s (best of {len(answers)}; load {os.getloadavg()[0]:.1f})"
    )
    print(
        f"serve: CPU seconds in this process: reading the events from the workspace "
        f"{stages['serve_read_events_cpu_s']:.2f}, building the page {stages['serve_build_page_cpu_s']:.2f}"
    )

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
    figures = {
        "events": n,
        "places": len({(e.lat, e.lon) for e in events}),
        "serve_answers_s": round(t_serve, 2),
        "serve_page_layout_s": round(t_layout, 2),
        "page_drawn_s": round(statistics.median(big), 2),
        "page_drawn_max_s": round(max(big), 2),
        "map_follows_zoom_ms": round(statistics.median(timings)),
        "map_follows_zoom_max_ms": round(max(timings)),
        "page_100_events_s": round(statistics.median(small), 2),
        **stages,
        "load_average": round(
            os.getloadavg()[0], 1
        ),  # the machine is shared: figures under load > 3 are noisy
    }
    print(
        f"browser: page drawn in median {figures['page_drawn_s']:.2f} s (max {figures['page_drawn_max_s']:.2f}, "
        f"{loads} loads); map follows a timeline zoom in median {figures['map_follows_zoom_ms']} ms, "
        f"max {figures['map_follows_zoom_max_ms']} ms over {len(timings)} zooms; the same page with 100 "
        f"events: {figures['page_100_events_s']:.2f} s"
    )
    if not args.no_record:
        record("dashboard_100k", figures, command="python bench/dashboard_100k.py")


if __name__ == "__main__":
    main()
