"""The page's plotly.js: a bundle of only the traces the app draws, when built at setup.

`python -m dashboard.plotlyjs.build` (run by `make setup`) builds ``data/plotly-eventmap-<v>.min.js``
from the npm ``plotly.js`` package of the same version as the Python ``plotly`` package's own
bundle, with only the trace types the app and store mode draw (:data:`TRACES`). It is about
two thirds of the full bundle, so the browser evaluates it faster. `use_partial_bundle(app)`
makes a Dash app serve it in place of the full bundle that Dash takes from the ``plotly``
package; without a build (or after a plotly upgrade changed the version) the app serves the
full bundle, so an installation without the build still works.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path
from typing import Any

from dash import Dash
from dash.fingerprint import check_fingerprint
from flask import Response

DATA_DIR = Path(__file__).resolve().parent / "data"
# the trace types of dashboard.figures, store_figures and static/mapdraw.js (scatter is in the core)
TRACES = ("scatter", "bar", "scattermap", "choroplethmap", "scattergeo", "choropleth")
FULL_BUNDLE_PATH = "plotly/package_data/plotly.min.js"  # where Dash serves plotly.js from

log = logging.getLogger(__name__)


def plotlyjs_version() -> str:
    """The version of plotly.js in the installed Python ``plotly`` package (the full bundle's)."""
    from plotly.offline import get_plotlyjs_version

    return get_plotlyjs_version()


def bundle_name(version: str) -> str:
    return f"plotly-eventmap-{version}.min.js"


def partial_bundle(folder: Path | None = None) -> bytes | None:
    """The built partial bundle for the installed plotly.js version, or None when not built."""
    return _read_bundle(folder or DATA_DIR)


@lru_cache(maxsize=4)
def _read_bundle(folder: Path) -> bytes | None:
    path = folder / bundle_name(plotlyjs_version())
    if not path.is_file():
        if any(folder.glob("plotly-eventmap-*.min.js")):
            log.warning(
                "the partial plotly.js bundle was built for another plotly version: serving the full one"
            )
        return None
    return path.read_bytes()


def use_partial_bundle(app: Dash, folder: Path | None = None) -> bool:
    """Serve the partial bundle where Dash serves plotly.js (True), or leave the full one (False).

    Dash's route for component files is wrapped, not replaced: every other file is still
    Dash's, and the response is built like Dash's (a fingerprinted URL is cached for a year).
    """
    body = partial_bundle(folder)
    if body is None:
        return False
    package, _, path = FULL_BUNDLE_PATH.partition("/")
    endpoints = [r.endpoint for r in app.server.url_map.iter_rules() if "_dash-component-suites/" in r.rule]
    if len(endpoints) != 1:
        log.warning("Dash's component route was not found: serving plotly's full bundle")
        return False
    dash_serve = app.server.view_functions[endpoints[0]]

    def serve(package_name: str, fingerprinted_path: str) -> Any:
        plain, fingerprinted = check_fingerprint(fingerprinted_path)
        if package_name != package or plain != path:
            return dash_serve(package_name, fingerprinted_path)
        response = Response(body, mimetype="application/javascript")
        if fingerprinted:
            response.cache_control.max_age = 31536000
        return response

    app.server.view_functions[endpoints[0]] = serve
    return True
