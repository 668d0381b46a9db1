"""Benchmark: where a dashboard page load spends its time, in headless Chromium.

Opens the in-memory app (with --events synthetic events at as many places) and prints:

* every request of the page in order (browser Resource Timing: start, end, size) with the
  server's own time per request (a Flask hook);
* the browser's long tasks (main-thread work over 50 ms: script compile/run, plotting);
* when the page reached first paint, DOMContentLoaded, load, the first timeline draw and the
  first map draw (milliseconds from navigation start).

    .venv/bin/python bench/dashboard_breakdown.py [--events 100] [--loads 2] [--record]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "bench")]

from dashboard_100k import READY_JS, distinct_places
from flask import g, request
from results import record

from dashboard.app import create_app
from dashboard.server import start_in_thread

from chromium import make_driver
from factories import many_events

OBSERVE_JS = """
window.__em = {longtasks: [], marks: {}};
try {
  new PerformanceObserver(l => { for (const e of l.getEntries()) window.__em.longtasks.push([e.startTime, e.duration]); })
    .observe({type: 'longtask', buffered: true});
} catch (e) {}
document.addEventListener('DOMContentLoaded', () => {
  const poll = () => {
    for (const id of ['timeline', 'map']) {
      const o = document.getElementById(id), gd = o && o.querySelector('.js-plotly-plot');
      if (gd && gd.on && !gd.__emWatch) {
        gd.__emWatch = true;
        gd.on('plotly_afterplot', () => { if (!window.__em.marks[id]) window.__em.marks[id] = performance.now(); });
      }
    }
    if (!(window.__em.marks.timeline && window.__em.marks.map)) setTimeout(poll, 5);
  };
  poll();
});
"""
COLLECT_JS = """
const nav = performance.getEntriesByType('navigation')[0];
const res = performance.getEntriesByType('resource').map(r => [r.name.replace(location.origin, ''), r.initiatorType,
  Math.round(r.startTime), Math.round(r.responseStart), Math.round(r.responseEnd), r.transferSize, r.decodedBodySize]);
const paint = Object.fromEntries(performance.getEntriesByType('paint').map(p => [p.name, Math.round(p.startTime)]));
return {nav: {responseEnd: Math.round(nav.responseEnd), dcl: Math.round(nav.domContentLoadedEventEnd),
              load: Math.round(nav.loadEventEnd)}, res: res, paint: paint, longtasks: window.__em.longtasks,
        marks: window.__em.marks, now: performance.now()};
"""


def timed(app) -> dict[str, list[float]]:
    """Record the server's CPU-independent wall time per request path."""
    spent: dict[str, list[float]] = {}
    lock = threading.Lock()

    @app.server.before_request
    def _start() -> None:
        g.em_t = time.perf_counter()
        g.em_cpu = time.thread_time()

    @app.server.after_request
    def _stop(resp):
        path = request.path
        with lock:
            spent.setdefault(path, []).append(
                (1000 * (time.perf_counter() - g.em_t), 1000 * (time.thread_time() - g.em_cpu))
            )
        return resp

    return spent


def load_once(app, spent) -> dict:
    spent.clear()
    server = start_in_thread(app)
    driver = make_driver(block_network=True)
    try:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": OBSERVE_JS})
        t = time.perf_counter()
        driver.get(server.url)
        while time.perf_counter() - t < 120 and not driver.execute_script(READY_JS):
            time.sleep(0.02)
        ready = time.perf_counter() - t
        out = driver.execute_script(COLLECT_JS)
        out["ready_s"] = ready
        out["server"] = {k: list(v) for k, v in spent.items()}
        return out
    finally:
        driver.quit()
        server.stop()


def show(out: dict) -> None:
    print(f"  ready (bench's poll): {out['ready_s']:.2f} s; nav {out['nav']}; paint {out['paint']}")
    print(f"  first afterplot: {out['marks']}")
    srv = {k: list(v) for k, v in out["server"].items()}
    print("  requests (start, firstByte, end ms; bytes on the wire / decoded; server wall/cpu ms):")
    for name, kind, start, first, end, size, decoded in out["res"]:
        path = name.split("?")[0]
        s = srv.get(path, [])
        st = s.pop(0) if s else None
        srv_txt = f"{st[0]:.0f}/{st[1]:.0f}" if st else "-"
        print(
            f"    {start:6d} {first:6d} {end:6d}  {size:>9} {decoded:>9}  {srv_txt:>9}  {kind:8s} {name[:90]}"
        )
    lt = out["longtasks"]
    print(f"  long tasks: {len(lt)}, total {sum(d for _, d in lt):.0f} ms:")
    for s, d in lt:
        print(f"    at {s:6.0f} ms: {d:5.0f} ms")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100)
    ap.add_argument("--loads", type=int, default=2)
    ap.add_argument("--record", action="store_true", help="record the medians in bench/results.json")
    args = ap.parse_args()
    events = distinct_places(many_events(args.events, n_places=50))
    app = create_app(events)
    spent = timed(app)
    runs = []
    for i in range(args.loads):
        print(f"load {i + 1} ({args.events:,} events), load average {os.getloadavg()[0]:.2f}:")
        out = load_once(app, spent)
        show(out)
        runs.append(out)
    if args.record:
        med = lambda f: round(statistics.median(f(r) for r in runs))  # noqa: E731
        figures = {
            "events": args.events,
            "page_ready_ms": med(lambda r: 1000 * r["ready_s"]),
            "html_received_ms": med(lambda r: r["nav"]["responseEnd"]),
            "scripts_loaded_ms": med(lambda r: r["nav"]["load"]),
            "timeline_first_drawn_ms": med(lambda r: r["marks"].get("timeline", 0)),
            "map_first_drawn_ms": med(lambda r: r["marks"].get("map", 0)),
            "long_tasks_ms": med(lambda r: sum(d for _, d in r["longtasks"])),
            "requests": med(lambda r: len(r["res"])),
            "bytes_on_the_wire_kb": med(lambda r: sum(x[5] for x in r["res"]) / 1024),
        }
        record(
            f"dashboard_breakdown_{args.events}",
            figures,
            command=f"python bench/dashboard_breakdown.py --events {args.events}",
        )


if __name__ == "__main__":
    main()
