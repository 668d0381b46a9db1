"""The page's plotly.js: the partial bundle built at setup is served in place of the full one,
the full bundle is served when it is not built, and the bundle holds every trace type we draw."""

from __future__ import annotations

import re
from pathlib import Path

import plotly

from dashboard.app import create_app
from dashboard.figures import map_figure, timeline_figure
from dashboard.plotlyjs import TRACES, _read_bundle, bundle_name, partial_bundle, plotlyjs_version
from dashboard.plotlyjs.build import entry_script
from dashboard.store_app import create_store_app
from eventmap.corpus.store import EventStore

from factories import many_events

DASHBOARD = Path(__file__).resolve().parents[2] / "dashboard"
FULL = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
PLOTLY_URLS = (
    "/_dash-component-suites/plotly/package_data/plotly.min.js",
    "/_dash-component-suites/plotly/package_data/plotly.v7_1_0m1796138617.min.js",  # fingerprinted
)


def _served(app, url: str) -> bytes:
    response = app.server.test_client().get(url)
    assert response.status_code == 200, url
    return response.get_data()


def _fake_bundle(folder: Path) -> bytes:
    body = b"/* partial */ var Plotly = {}; window.Plotly = Plotly;"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / bundle_name(plotlyjs_version())).write_bytes(body)
    _read_bundle.cache_clear()
    return body


def test_a_built_partial_bundle_is_served_where_dash_serves_plotlyjs_and_nothing_else_changes(
    tmp_path, monkeypatch
):
    body = _fake_bundle(tmp_path / "data")
    monkeypatch.setattr("dashboard.plotlyjs.DATA_DIR", tmp_path / "data")
    app = create_app(many_events(20))
    for url in PLOTLY_URLS:
        assert _served(app, url) == body
    page = app.server.test_client().get("/").get_data(as_text=True)
    core = re.search(r'src="(/_dash-component-suites/dash/dcc/dash_core_components[^"]*)"', page).group(1)
    assert _served(app, core).startswith(b"/*! For license")  # other component files are Dash's own


def test_without_a_build_or_for_another_plotly_version_the_full_bundle_is_served(tmp_path, monkeypatch):
    monkeypatch.setattr("dashboard.plotlyjs.DATA_DIR", tmp_path / "nothing-built")
    assert _served(create_app(many_events(20)), PLOTLY_URLS[0]) == FULL.read_bytes()
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "plotly-eventmap-0.0.1.min.js").write_text("var Plotly = {};")
    monkeypatch.setattr("dashboard.plotlyjs.DATA_DIR", tmp_path / "old")
    assert _served(create_app(many_events(20)), PLOTLY_URLS[0]) == FULL.read_bytes()


def test_store_mode_serves_the_same_plotlyjs_as_the_app(tmp_path):
    _read_bundle.cache_clear()
    expected = partial_bundle() or FULL.read_bytes()  # the setup's build when there is one
    store = EventStore(tmp_path / "events.duckdb")
    store.add(many_events(50))
    assert _served(create_store_app(store), PLOTLY_URLS[1]) == expected
    assert _served(create_app(many_events(20)), PLOTLY_URLS[1]) == expected


def test_the_bundle_registers_every_trace_type_the_app_store_mode_and_the_map_code_draw():
    figures = [timeline_figure(many_events(6000)), map_figure(many_events(6000, n_places=5000))]
    drawn = {trace.type for fig in figures for trace in fig.data}
    coded = {name.lower() for name in _source_matches(r"\bgo\.([A-Z][a-z]+)\(", "*.py")}
    coded |= set(_source_matches(r"\btype: \"([a-z]+)\"", "static/*.js")) - {"vector", "raster", "background"}
    coded -= {"figure", "layout"}
    assert drawn and coded >= {"scattermap", "bar", "scattergeo"}
    assert drawn | coded <= set(TRACES)
    entry = entry_script()
    for name in TRACES:
        assert name == "scatter" or f"plotly.js/lib/{name}'" in entry


def _source_matches(pattern: str, glob: str) -> list[str]:
    return [
        m for path in DASHBOARD.rglob(glob) for m in re.findall(pattern, path.read_text(encoding="utf-8"))
    ]
