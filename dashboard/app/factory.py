"""The app factory: `create_app(events)` gives a ready Dash app (no server started).

`create_app(read)`, with a function that reads the events, answers at once: the events are read
and the page built in a background thread while the browser loads the page's scripts, and the
page's layout request waits for them (what `eventmap serve` does with a big workspace).

The base map's topojson is served from the assets folder (dashboard/resources.py finds it in
a checkout or a wheel); the browser code (dashboard/static/window.js, the one time-window
filter, and clientside.js) is served from the package itself. Everything the page loads
comes from this server: it works offline.
"""

from __future__ import annotations

import json
import logging
import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import plotly.graph_objects as go
from dash import Dash, html
from dash._utils import to_json
from flask import Response, has_request_context, request

from dashboard.app.articles import MAX_REQUEST_BYTES
from dashboard.app.callbacks import register_callbacks
from dashboard.app.collection import EventCollection
from dashboard.app.layout import MapTiles, build_layout
from dashboard.basemap.style import TILE_URL_PLACEHOLDER
from dashboard.basemap.tiles import vector_tile
from dashboard.clientdata import ClientDataCache
from dashboard.plotlyjs import use_partial_bundle
from dashboard.resources import assets_dir, static_text
from dashboard.review.attach import attach_review
from eventmap.corpus.store import EventStore
from eventmap.model import Event
from geo.memo import no_gc_pauses

DEFAULT_ASSETS = assets_dir()
STATIC_URL = "/_eventmap/static"
SCRIPTS = ("window.js", "mapdraw.js", "clientside.js", "review.js")  # clientside.js uses the first two
TILE_PATH = TILE_URL_PLACEHOLDER
CLIENTDATA_URL = "/_eventmap/data"
# component scripts left out of the page, loaded by clientside.js when needed: the events
# table's grid (1.3 MB) is drawn only when asked for (dashboard/app/layout.py table_section)
DEFERRED_SCRIPTS = ("dash_ag_grid/dash_ag_grid",)

log = logging.getLogger(__name__)
LOADING_PAGE = html.Div("Reading the events…", id="eventmap-loading")


def _cached_layout(
    collection: EventCollection,
    cache: ClientDataCache,
    tiles: MapTiles,
    review: Callable[[], Any] | None = None,
) -> Callable[..., Any]:
    """The page, rebuilt only when the events changed (Dash asks for it more than once per load).

    The map's tile URL must be absolute (MapLibre ignores relative ones): it names the host the
    page was asked from, set per request on the cached page.
    """
    built: dict[str, Any] = {"version": None, "layout": None, "host": None}
    lock = threading.Lock()

    def layout(force: bool = False) -> Any:
        page_request = has_request_context() and request.path.endswith("/_dash-layout")
        in_hand = collection.ready and collection.error is None
        if not (in_hand or force or page_request):
            return LOADING_PAGE  # Dash's checks of the layout: the page is built when the events are in
        collection.wait()  # not holding the lock: the background build takes it first
        with lock, no_gc_pauses():  # many new objects, no garbage: see geo.memo.no_gc_pauses
            key = (collection.version, len(collection.events))
            token = built["layout"] and built["layout"].columns_token
            host = request.host_url.rstrip("/") if has_request_context() else ""
            here = replace(tiles, base_url=host + TILE_PATH)
            if built["version"] != key or cache.get(token) is None:  # evicted columns: rebuild
                built["layout"], built["version"] = (
                    build_layout(collection, cache, tiles=here, review=review),
                    key,
                )
                built["host"] = host
            elif built["host"] != host:
                graph = built["layout"].map_graph
                graph.figure = go.Figure(graph.figure).update_layout(map_style=here.style())
                built["host"] = host
            return built["layout"]

    return layout


def create_app(
    events: Iterable[Event] | Callable[[], Iterable[Event]],
    *,
    assets_folder: str | Path | None = None,
    title: str = "eventmap",
    workspace: EventStore | None = None,
    author: str | None = None,
    edit_token: str | None = None,
    tiles: str | None = None,
    tiles_attribution: str | None = None,
) -> Dash:
    """A Dash app showing `events` on the linked timeline, map and table.

    `events` may be a function that reads them: it runs in a background thread, with the page
    built after it, so the server can answer before a big corpus is in (requests that need the
    events wait for them).

    With a `workspace` (the store the events come from) the review panel edits it and
    articles added in the app are saved in it; `edit_token` makes editing need that token
    (a server listening beyond this machine). Without one the panel is read-only.

    The base map is the app's own vector tiles (offline). `tiles` (an ``{z}/{x}/{y}`` URL, e.g.
    OpenStreetMap's) puts online raster tiles under the region lines, with `tiles_attribution`
    (default: OpenStreetMap's for an openstreetmap.org URL, else the URL's host) shown on the map.
    """
    folder = Path(assets_folder) if assets_folder is not None else DEFAULT_ASSETS
    if not (folder / "topojson").is_dir():
        log.warning("no topojson under %s: the map will have no base layer", folder)
    app = Dash(
        __name__,
        title=title,
        assets_folder=str(folder),
        serve_locally=True,
        external_scripts=[f"{STATIC_URL}/{name}" for name in SCRIPTS],
        update_title=None,
        suppress_callback_exceptions=True,  # the table's grid is in the page only once it is asked for
    )
    use_partial_bundle(app)  # plotly.js with only our traces, when built at setup
    defer_scripts(app, DEFERRED_SCRIPTS)  # the table's grid: loaded when the table is asked for
    page_set = threading.Event()

    def build_page() -> None:  # at start-up, not while the first visitor waits
        page_set.wait()
        try:
            page(force=True)
        except Exception:  # the page request builds it again and reports what failed
            log.exception("building the page failed")

    if callable(events):
        collection = EventCollection.loading(events, then=build_page)
    else:
        with no_gc_pauses():
            collection = EventCollection(events)
    cache = ClientDataCache()
    review = attach_review(app, collection, workspace, author=author, token=edit_token)
    map_tiles = MapTiles(online_url=tiles, attribution=tiles_attribution or default_attribution(tiles))
    page = _cached_layout(collection, cache, map_tiles, review)
    app.layout = page
    page_set.set()
    if collection.ready:
        page()  # build the page now, at start-up, not while the first visitor waits
    register_callbacks(app, collection, cache)
    cache_layout_json(app)

    @app.server.route(f"{CLIENTDATA_URL}/<token>.json")
    def _columns(token: str) -> Response:
        packed = "gzip" in request.headers.get("Accept-Encoding", "")
        body = cache.get_gzip(token) if packed else cache.get(token)
        if body is None:
            return Response('{"error": "unknown columns token"}', status=404, mimetype="application/json")
        headers = {"Cache-Control": "no-store", "Vary": "Accept-Encoding"}
        if packed:
            headers["Content-Encoding"] = "gzip"
        return Response(body, mimetype="application/json", headers=headers)

    @app.server.route(f"{TILE_PATH.split('{')[0]}<int:z>/<int:x>/<int:y>.pbf")
    def _tile(z: int, x: int, y: int) -> Response:
        try:
            body = vector_tile(z, x, y)
        except ValueError:
            return Response("no such tile", status=404, mimetype="text/plain")
        return Response(body, mimetype="application/x-protobuf", headers={"Cache-Control": "max-age=86400"})

    @app.server.route(f"{STATIC_URL}/<name>")
    def _static(name: str) -> Response:
        if name not in SCRIPTS:
            return Response("not found", status=404, mimetype="text/plain")
        return Response(static_text(name), mimetype="application/javascript")

    threading.Thread(target=_warm_tiles, name="eventmap-tiles", daemon=True).start()
    app.server.config["EVENTMAP_COLLECTION"] = collection
    app.server.config["MAX_CONTENT_LENGTH"] = MAX_REQUEST_BYTES  # 413 for oversized uploads, unread
    return app


def cache_layout_json(app: Dash) -> None:
    """Serve the page's layout JSON made once per built page and host (Dash serializes the whole
    tree on every page open: some 50 ms of server time at 100,000 events while the browser
    waits for it). The page is rebuilt when the events change (_cached_layout): a new page
    object, so a new JSON; a page still loading is never kept."""
    endpoint = "/_dash-layout"
    dash_serve = app.server.view_functions.get(endpoint)
    if dash_serve is None:
        log.warning("Dash's layout route was not found: the layout JSON is made per request")
        return
    kept: dict[str, Any] = {"page": None, "host": None, "body": None}
    lock = threading.Lock()

    def serve() -> Any:
        page = app.get_layout()
        if getattr(page, "columns_token", None) is None:  # the loading page, or not ours
            return dash_serve()
        host = request.host_url
        with lock:
            if kept["page"] is not page or kept["host"] != host:
                kept.update(page=page, host=host, body=to_json(page))
            body = kept["body"]
        return Response(body, mimetype="application/json")

    app.server.view_functions[endpoint] = serve


def defer_scripts(app: Dash, prefixes: tuple[str, ...]) -> None:
    """Leave the component scripts whose path starts with one of `prefixes` (under Dash's
    component route) out of the page; the page lists them in ``window.eventmapDeferredScripts``
    and clientside.js ``loadTableScripts`` loads them when their component is first needed."""
    paths = "|".join(re.escape(p) for p in prefixes)
    pattern = re.compile(rf'<script src="([^"]*/_dash-component-suites/(?:{paths})[^"]*)"></script>\s*')
    dash_index = app.interpolate_index

    def interpolate_index(**kwargs: Any) -> str:
        deferred = pattern.findall(kwargs.get("scripts", ""))
        if deferred:
            listed = json.dumps(deferred).replace("</", "<\\/")
            kwargs["scripts"] = (
                f"<script>window.eventmapDeferredScripts = {listed};</script>\n"
                + pattern.sub("", kwargs["scripts"])
            )
        return dash_index(**kwargs)

    app.interpolate_index = interpolate_index  # type: ignore[method-assign]


def default_attribution(url: str | None) -> str:
    """What an online tile layer must credit: OpenStreetMap's notice for its tiles, else the host."""
    if not url:
        return ""
    if "openstreetmap" in url:
        return "© OpenStreetMap contributors"
    return f"Tiles: {urlparse(url).hostname or url}"


def _warm_tiles() -> None:
    """Load the base map and cut the world's first tiles while the server starts (first paint)."""
    try:
        for z, x, y in ((0, 0, 0), (1, 0, 0), (1, 1, 0), (1, 0, 1), (1, 1, 1)):
            vector_tile(z, x, y)
    except Exception:  # a warm-up: the tile route reports real failures
        log.exception("warming the base map tiles failed")
