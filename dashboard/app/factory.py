"""The app factory: `create_app(events)` gives a ready Dash app (no server started).

The base map's topojson is served from the assets folder (dashboard/resources.py finds it in
a checkout or a wheel); the browser code (dashboard/static/window.js, the one time-window
filter, and clientside.js) is served from the package itself. Everything the page loads
comes from this server: it works offline.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from dash import Dash
from flask import Response

from dashboard.app.articles import MAX_REQUEST_BYTES
from dashboard.app.callbacks import register_callbacks
from dashboard.app.collection import EventCollection
from dashboard.app.layout import build_layout
from dashboard.clientdata import ClientDataCache
from dashboard.resources import assets_dir, static_text
from dashboard.review.attach import attach_review
from eventmap.corpus.store import EventStore
from eventmap.model import Event

DEFAULT_ASSETS = assets_dir()
STATIC_URL = "/_eventmap/static"
SCRIPTS = ("window.js", "clientside.js", "review.js")  # window.js first: clientside.js uses its filter
CLIENTDATA_URL = "/_eventmap/data"

log = logging.getLogger(__name__)


def _cached_layout(
    collection: EventCollection, cache: ClientDataCache, review: Callable[[], Any] | None = None
) -> Callable[[], Any]:
    """The page, rebuilt only when the events changed (Dash asks for it more than once per load)."""
    built: dict[str, Any] = {"version": None, "layout": None}
    lock = threading.Lock()

    def layout() -> Any:
        with lock:
            key = (collection.version, len(collection.events))
            token = built["layout"] and built["layout"].columns_token
            if built["version"] != key or cache.get(token) is None:  # evicted columns: rebuild
                built["layout"], built["version"] = build_layout(collection, cache, review=review), key
            return built["layout"]

    return layout


def create_app(
    events: Iterable[Event],
    *,
    assets_folder: str | Path | None = None,
    title: str = "eventmap",
    workspace: EventStore | None = None,
    author: str | None = None,
    edit_token: str | None = None,
) -> Dash:
    """A Dash app showing `events` on the linked timeline, map and table.

    With a `workspace` (the store the events come from) the review panel edits it and
    articles added in the app are saved in it; `edit_token` makes editing need that token
    (a server listening beyond this machine). Without one the panel is read-only.
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
    )
    collection = EventCollection(events)
    cache = ClientDataCache()
    review = attach_review(app, collection, workspace, author=author, token=edit_token)
    app.layout = _cached_layout(collection, cache, review)
    app.layout()  # build the page now, at start-up, not while the first visitor waits
    register_callbacks(app, collection, cache)

    @app.server.route(f"{CLIENTDATA_URL}/<token>.json")
    def _columns(token: str) -> Response:
        body = cache.get(token)
        if body is None:
            return Response('{"error": "unknown columns token"}', status=404, mimetype="application/json")
        return Response(body, mimetype="application/json", headers={"Cache-Control": "no-store"})

    @app.server.route(f"{STATIC_URL}/<name>")
    def _static(name: str) -> Response:
        if name not in SCRIPTS:
            return Response("not found", status=404, mimetype="text/plain")
        return Response(static_text(name), mimetype="application/javascript")

    app.server.config["EVENTMAP_COLLECTION"] = collection
    app.server.config["MAX_CONTENT_LENGTH"] = MAX_REQUEST_BYTES  # 413 for oversized uploads, unread
    return app
