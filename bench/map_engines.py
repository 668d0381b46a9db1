"""Benchmark: which Plotly map engine draws the dashboard's map faster here (why the map is MapLibre).

Draws the same random points with plotly.js's geo projection (``scattergeo``, SVG, 1:50m
topojson served locally) and with its MapLibre traces (``scattermap``, WebGL, an inline style
with a background only) in headless Chromium with software WebGL, and times: the first draw,
a redraw with a third of the points (what a timeline zoom does to the map), and a map zoom.
Records the figures in bench/results.json (section ``map_engines``).

    .venv/bin/python bench/map_engines.py [--points 2000 20000] [--no-record]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "bench")]

from plotly.offline import get_plotlyjs
from results import record

from dashboard.resources import topojson_dir

from chromium import make_driver

RUN_JS = """
const done = arguments[arguments.length - 1];
const kind = arguments[0], n = arguments[1];
let s = 1; const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
const lat = [], lon = [];
for (let i = 0; i < n; i++) { lat.push(-55 + 125 * rnd()); lon.push(-170 + 345 * rnd()); }
const gd = document.getElementById('g');
const trace = {type: kind === 'geo' ? 'scattergeo' : 'scattermap', lat, lon, mode: 'markers',
               marker: {size: 6, color: '#D55E00'}};
const layout = kind === 'geo'
  ? {geo: {resolution: 50, showland: true, showcountries: true, showlakes: true, showrivers: true},
     margin: {l: 0, r: 0, t: 0, b: 0}}
  : {map: {style: {version: 8, sources: {}, layers: [{id: 'bg', type: 'background',
     paint: {'background-color': '#dceefa'}}]}, zoom: 1}, margin: {l: 0, r: 0, t: 0, b: 0}};
const cfg = {topojsonURL: 'topojson/'};
const idle = () => new Promise(r => {
  if (kind === 'geo') return r();
  const map = gd._fullLayout.map._subplot.map;
  map.once('idle', () => r()); map.triggerRepaint();
});
const t0 = performance.now();
Plotly.newPlot(gd, [trace], layout, cfg).then(idle).then(() => {
  const t1 = performance.now(), m = Math.floor(n / 3);
  return Plotly.react(gd, [Object.assign({}, trace, {lat: lat.slice(0, m), lon: lon.slice(0, m)})], gd.layout, cfg)
    .then(idle).then(() => {
      const t2 = performance.now();
      const zoom = kind === 'geo' ? {'geo.projection.scale': 4, 'geo.center': {lat: 50, lon: 36}}
                                  : {'map.zoom': 4, 'map.center': {lat: 50, lon: 36}};
      return Plotly.relayout(gd, zoom).then(idle).then(() => done([t1 - t0, t2 - t1, performance.now() - t2]));
    });
}).catch(e => done(String(e)));
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--points", type=int, nargs="+", default=[2000, 20000])
    ap.add_argument("--no-record", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp)
        (site / "plotly.js").write_text(get_plotlyjs(), encoding="utf-8")
        shutil.copytree(topojson_dir(), site / "topojson")
        (site / "index.html").write_text(
            '<!DOCTYPE html><html><body><div id="g" style="width:900px;height:460px"></div>'
            '<script src="plotly.js"></script></body></html>',
            encoding="utf-8",
        )

        class Quiet(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *a):
                pass

        server = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(Quiet, directory=str(site))
        )
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}/index.html"
        driver = make_driver(block_network=True)
        driver.set_script_timeout(180)
        figures: dict[str, float] = {}
        try:
            for n in args.points:
                for kind, name in (("geo", "geo projection"), ("map", "MapLibre")):
                    driver.get(url)
                    time.sleep(0.5)
                    first, redraw, zoom = driver.execute_async_script(RUN_JS, kind, n)
                    print(
                        f"{name:15s} {n:>7,} points: first draw {first:6.0f} ms, redraw with a third {redraw:6.0f} ms, zoom {zoom:6.0f} ms"
                    )
                    figures[f"{name}: first draw of {n:,} points (ms)"] = round(first)
                    figures[f"{name}: redraw with {n // 3:,} points (ms)"] = round(redraw)
                    figures[f"{name}: zoom with {n // 3:,} points (ms)"] = round(zoom)
        finally:
            driver.quit()
            server.shutdown()
    if not args.no_record:
        record("map_engines", figures, command="python bench/map_engines.py")


if __name__ == "__main__":
    main()
