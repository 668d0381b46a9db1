"""Figures for notebooks and reports draw their base map with the network blocked.

The figures API (`map_figure`, `combined_figure`) puts the base map inside the figure, so
its HTML needs nothing from a CDN: opened from disk through `figure_html`, and served by a
local server the way Jupyter and `quarto preview` serve it, with plotly.js's own `to_html`.
"""

from __future__ import annotations

import functools
import http.server
import threading

import pytest

from dashboard.export.html import figure_html
from dashboard.figures import combined_figure, map_figure

from chromium import assert_clean_log, wait_for
from factories import sample_events

pytestmark = pytest.mark.browser

LAND_JS = """
const gd = document.querySelector('.js-plotly-plot');
const sub = gd && gd._fullLayout && gd._fullLayout.map && gd._fullLayout.map._subplot;
if (!sub || !sub.map || !sub.map.isStyleLoaded()) return 0;
const land = sub.map.queryRenderedFeatures({layers: ['land-world']}).length;
const marks = gd._fullData.filter(t => t.meta && t.meta.role === 'map-points').map(t => t.lat.length)[0] || 0;
return land && marks ? [land, marks] : 0;"""


def test_a_map_figure_opened_from_disk_draws_its_base_map_offline(driver, tmp_path):
    path = tmp_path / "map.html"
    path.write_text(figure_html(map_figure(sample_events())), encoding="utf-8")
    driver.get(path.as_uri())
    land, marks = wait_for(
        driver, lambda d: d.execute_script(LAND_JS), timeout=30, what="base map and places"
    )
    assert land > 0 and marks == 5
    assert_clean_log(driver)


def test_plotlys_own_html_of_a_figure_served_like_jupyter_needs_no_network(driver, tmp_path):
    fig = combined_figure(sample_events(), title="Served")
    (tmp_path / "index.html").write_text(fig.to_html(include_plotlyjs=True), encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))

    class Quiet(handler.func):  # type: ignore[name-defined, misc]
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(tmp_path))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        driver.get(f"http://127.0.0.1:{server.server_address[1]}/index.html")
        land, marks = wait_for(
            driver, lambda d: d.execute_script(LAND_JS), timeout=30, what="base map and places"
        )
        assert land > 0 and marks == 5
        assert_clean_log(driver, allow=("favicon.ico",))
    finally:
        server.shutdown()
        server.server_close()
