"""The dashboard on a very large event store (millions of events): the store counts, the page draws.

`create_store_app(store)` never loads every event. The timeline is the number of events per
day (`store.aggregate(by="day")`), the map one marker per place with its count in the current
time window (the `MAX_PLACES` places with most events), the table the first `TABLE_ROWS`
events of the view. Zooming the timeline asks the server for that window; a box or lasso
selection on the map narrows the timeline, the counts and the table to that area; the
category, document and search filters narrow everything. The rest is the in-memory app's:
its filter controls, table, detail panel, download buttons and the review panel (editing
the store as a workspace, dashboard/review), each answered by queries here
(dashboard/store_views.py). Everything the page loads comes from this server: it works offline.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

from dash import Dash, Input, Output, State, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate
from flask import Response

from dashboard.app.detail import detail_children
from dashboard.app.factory import DEFAULT_ASSETS, STATIC_URL
from dashboard.app.layout import downloads_bar, events_grid, filter_controls, graph_config
from dashboard.app.views import DOWNLOAD_FORMATS
from dashboard.figures import default_view
from dashboard.plotlyjs import use_partial_bundle
from dashboard.resources import static_text
from dashboard.review.callbacks import register_review_callbacks
from dashboard.review.panel import counts_badge, review_panel
from dashboard.review.source import StoreSource
from dashboard.store_figures import (
    STORE_TIMELINE_UIREVISION,
    GeoPoint,
    store_marks_figure,
    store_timeline_figure,
)
from dashboard.store_views import (
    EMPTY_STATE,
    MAX_PLACES,
    TABLE_ROWS,
    category_options,
    choose_event,
    days_for,
    document_options,
    download_view,
    events_at_place,
    is_default,
    next_state,
    summary_text,
    timeline_scope,
    window_view,
)
from eventmap.corpus.store import EventStore
from eventmap.errors import UserError

#: `eventmap serve STORE` uses this app when the store holds more events than this.
STORE_MODE_MIN_EVENTS = 200_000
STORE_SCRIPTS = ("review.js",)

log = logging.getLogger(__name__)


def store_event_count(path: str | Path) -> int:
    """How many events the store at `path` holds (opened read-only, closed again)."""
    with EventStore(path, read_only=True) as store:
        return store.count()


class _Counter:
    """The number of edits made through this app (the page and its cached counts follow it)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.value = 0

    def bump(self) -> int:
        with self._lock:
            self.value += 1
            return self.value


class _Documents:
    """Every document with its count (one query), searched in memory as someone types."""

    def __init__(self, store: EventStore) -> None:
        self._store = store
        self.refresh()

    def refresh(self) -> None:
        self.rows = self._store.documents_like("", limit=None)

    def options(self, search: str, limit: int = 50) -> list[dict[str, str]]:
        return document_options(self.rows, search, limit)


class _Days:
    """Events per day of the whole store (the default timeline), computed again after an edit."""

    def __init__(self, store: EventStore) -> None:
        self._store = store
        self._lock = threading.Lock()
        self.rows = days_for(store, EMPTY_STATE)

    def refresh(self) -> list[dict[str, Any]]:
        with self._lock:
            self.rows = days_for(self._store, EMPTY_STATE)
            return self.rows


def store_update(
    store: EventStore,
    trigger: str | None,
    relayout: Any,
    selected: Any,
    state: dict[str, Any] | None,
    *,
    controls: dict[str, Any] | None = None,
    all_days: list[dict[str, Any]],
    total: int,
    map_view: dict[str, Any] | None = None,
    max_places: int = MAX_PLACES,
    table_limit: int = TABLE_ROWS,
) -> dict[str, Any] | None:
    """The app's main callback as plain Python; None when nothing changes.

    trigger: "store-timeline" (a new window -> map, table, counts), "store-map" (a new area ->
    timeline of that area, table, counts; the map keeps its figure so the selection stays
    drawn), "store-map-view" (the map zoomed or moved -> places or density cells for its
    view), a filter control (everything), "store-reset" or "data-version" (an edit).
    Returns the new state and the new map figure, table rows, counts line and timeline
    figure (None: unchanged).
    """
    step = next_state(state, trigger, relayout, selected, controls or {})
    if step is None:
        return None
    new, redraw = step
    rev = int(new.get("rev") or 0)
    data_range = (all_days[0]["day"], all_days[-1]["day"]) if all_days else (None, None)
    # the days the timeline draws for this window (a zoom finer than its bars: see rebin_timeline)
    new["scope"] = timeline_scope(new.get("scope"), (new.get("start"), new.get("end")), data_range)
    timeline = timeline_figure(store, new, all_days) if "timeline" in redraw else None
    view = window_view(store, new, max_places=max_places, table_limit=table_limit)
    figure = (
        store_marks_figure(view["places"], view["cells"], view=map_view, revision=f"map-{rev}")
        if "map" in redraw
        else None
    )
    return {
        "state": new,
        "map": figure,
        "rows": view["rows"],
        "count": view["count"],
        "summary": summary_text(
            view["count"], total, new, len(view["places"]), len(view["rows"]), max_places, view["cells"]
        ),
        "timeline": timeline,
    }


def timeline_figure(store: EventStore, state: dict[str, Any], all_days: list[dict[str, Any]]) -> Any:
    """The timeline (histogram lane) of a state: its filters, its window and the days it draws."""
    days = all_days if is_default(state) else days_for(store, state)
    scope = state.get("scope")
    return store_timeline_figure(
        days,
        window=(state.get("start"), state.get("end")),
        scope=tuple(scope) if scope else None,  # type: ignore[arg-type]
        revision=f"{STORE_TIMELINE_UIREVISION}-{int(state.get('rev') or 0)}",
    )


def rebin_timeline(
    store: EventStore, state: dict[str, Any] | None, drawn: Any, all_days: list[dict[str, Any]]
) -> Any:
    """The timeline drawn again when a zoom needs finer (or wider) bars than it has (`drawn`: the
    days it draws now); None when its bars still fit. A callback of its own, after the map's, so
    the map follows the zoom first."""
    if not state or state.get("scope") == drawn:
        return None
    return timeline_figure(store, state, all_days)


def create_store_app(
    store_or_path: EventStore | str | Path,
    *,
    assets_folder: str | Path | None = None,
    title: str = "eventmap",
    max_places: int = MAX_PLACES,
    table_limit: int = TABLE_ROWS,
    author: str | None = None,
    edit_token: str | None = None,
) -> Dash:
    """A Dash app on an event store (open, or the path of a .duckdb file or a Parquet store folder).

    An open, writable store is edited (the review panel); a path is opened read-only.
    """
    folder = Path(assets_folder) if assets_folder is not None else DEFAULT_ASSETS
    if not (folder / "topojson").is_dir():
        log.warning("no topojson under %s: the map will have no base layer", folder)
    if isinstance(store_or_path, EventStore):
        store = store_or_path
    else:
        store = EventStore(store_or_path, read_only=True)
    name = Path(store.path).name
    days = _Days(store)
    doc_index = _Documents(store)
    total = store.count()
    first, last = store.date_range()
    view0 = window_view(store, EMPTY_STATE, max_places=max_places, table_limit=table_limit)
    map_view = (
        default_view([GeoPoint(float(r["lat"]), float(r["lon"])) for r in view0["places"]])
        if not view0["cells"]
        else default_view([])  # density over the world
    )
    map0 = store_marks_figure(view0["places"], view0["cells"], view=map_view, revision="map-0")
    source = StoreSource(store, read_only=store.read_only)
    edits = _Counter()

    app = Dash(
        __name__,
        title=title,
        assets_folder=str(folder),
        serve_locally=True,
        update_title=None,
        external_scripts=[f"{STATIC_URL}/{s}" for s in STORE_SCRIPTS],
    )
    use_partial_bundle(app)  # plotly.js with only the traces drawn, when built at setup

    @app.server.route(f"{STATIC_URL}/<script>")
    def _static(script: str) -> Response:
        if script not in STORE_SCRIPTS:
            return Response("not found", status=404, mimetype="text/plain")
        return Response(static_text(script), mimetype="application/javascript")

    config = graph_config()
    note = (
        ""
        if not store.read_only
        else "Read-only: a store opened read-only (or a Parquet folder) takes no edits."
    )

    built: dict[str, Any] = {"version": None, "page": None}
    lock = threading.Lock()

    def layout() -> html.Div:
        """The page, built once and again only after an edit (Dash asks for it on every load)."""
        with lock:
            if built["version"] != edits.value:
                built["page"], built["version"] = page(), edits.value
            return built["page"]

    def page() -> html.Div:
        counts = source.counts()
        nonlocal view0, map0
        if edits.value:  # the counts moved: start from the store as it is now
            view0 = window_view(store, EMPTY_STATE, max_places=max_places, table_limit=table_limit)
            map0 = store_marks_figure(view0["places"], view0["cells"], view=map_view, revision="map-0")
        return html.Div(
            className="eventmap store-mode",
            children=[
                html.Header(
                    [
                        html.H1(f"{title}: {name}"),
                        html.Span(
                            summary_text(
                                view0["count"],
                                total,
                                EMPTY_STATE,
                                len(view0["places"]),
                                len(view0["rows"]),
                                max_places,
                                view0["cells"],
                            ),
                            id="store-summary",
                            className="summary",
                        ),
                        counts_badge(counts),
                    ]
                ),
                html.Div(
                    className="controls",
                    children=[
                        *filter_controls(category_options(store), doc_index.options("")),
                        html.Div(
                            [html.Button("Reset", id="store-reset", n_clicks=0)], className="control buttons"
                        ),
                    ],
                ),
                html.Div(
                    f"Store: {total:,} events, {first or '?'} to {last or '?'}. Zoom the timeline to a window; "
                    f"box-select places on the map to narrow the timeline and the table.",
                    className="hint",
                ),
                dcc.Graph(
                    id="store-timeline",
                    figure=store_timeline_figure(days.rows, revision=f"{STORE_TIMELINE_UIREVISION}-0"),
                    config=config,
                ),
                html.Div(
                    className="lower",
                    children=[
                        dcc.Graph(id="store-map", figure=map0, config=config),
                        html.Aside(id="detail", className="detail", children=detail_children(None)),
                    ],
                ),
                events_grid(view0["rows"]),
                downloads_bar(),
                review_panel(counts, editable=not store.read_only, note=note),
                dcc.Store(id="store-filter", data=dict(EMPTY_STATE)),
                dcc.Store(id="timeline-drawn", data=None),  # the days the timeline draws (None: all)
                dcc.Store(id="selected-event", data=None),
                dcc.Store(id="data-version", data=0),
            ],
        )

    app.layout = layout
    layout()  # built now, at start-up, not while the first visitor waits

    @app.callback(
        Output("store-filter", "data"),
        Output("store-map", "figure"),
        Output("table", "rowData"),
        Output("store-summary", "children"),
        Output("store-timeline", "figure"),
        Output("timeline-drawn", "data"),
        Input("store-timeline", "relayoutData"),
        Input("store-map", "selectedData"),
        Input("store-map", "relayoutData"),
        Input("store-reset", "n_clicks"),
        Input("filter-category", "value"),
        Input("filter-document", "value"),
        Input("filter-search", "value"),
        Input("data-version", "data"),
        State("store-filter", "data"),
        prevent_initial_call=True,
    )
    def _update(
        relayout, selected, map_moved, _reset, categories, documents, search, _version, state
    ) -> tuple:
        trigger = ctx.triggered_id
        if "store-map.relayoutData" in ctx.triggered_prop_ids:
            trigger, relayout = "store-map-view", map_moved
        if trigger == "data-version":
            days.refresh()
            doc_index.refresh()
        out = store_update(
            store,
            trigger,
            relayout,
            selected,
            state,
            controls={"categories": categories, "documents": documents, "search": search},
            all_days=days.rows,
            total=total,
            map_view=map_view,
            max_places=max_places,
            table_limit=table_limit,
        )
        if out is None:
            raise PreventUpdate
        return (
            out["state"],
            no_update if out["map"] is None else out["map"],
            out["rows"],
            out["summary"],
            no_update if out["timeline"] is None else out["timeline"],
            no_update if out["timeline"] is None else out["state"]["scope"],
        )

    @app.callback(
        Output("store-timeline", "figure", allow_duplicate=True),
        Output("timeline-drawn", "data", allow_duplicate=True),
        Input("store-filter", "data"),
        State("timeline-drawn", "data"),
        prevent_initial_call=True,
    )
    def _rebin(state, drawn):
        figure = rebin_timeline(store, state, drawn, days.rows)
        if figure is None:
            raise PreventUpdate
        return figure, state.get("scope")

    @app.callback(
        Output("filter-document", "options"),
        Input("filter-document", "search_value"),
        State("filter-document", "value"),
        prevent_initial_call=True,
    )
    def _documents(search, chosen):
        options = doc_index.options(search or "")
        have = {o["value"] for o in options}
        return [*({"label": c, "value": c} for c in chosen or [] if c not in have), *options]

    @app.callback(
        Output("selected-event", "data", allow_duplicate=True),
        Input("store-timeline", "clickData"),
        Input("store-map", "clickData"),
        Input("table", "cellClicked"),
        State("store-filter", "data"),
        prevent_initial_call=True,
    )
    def _choose(timeline_click, map_click, cell_clicked, state):
        chosen = choose_event(store, ctx.triggered_id, timeline_click, map_click, cell_clicked, state)
        return chosen if chosen is not None else no_update

    @app.callback(
        Output("detail", "children"),
        Input("selected-event", "data"),
        Input("data-version", "data"),
        State("store-filter", "data"),
    )
    def _detail(event_id, _version, state):
        event = store.event(event_id) if event_id else None
        return detail_children(event, events_here=events_at_place(store, event, state or EMPTY_STATE))

    @app.callback(
        Output("download", "data"),
        Output("download-status", "children"),
        *(Input(k, "n_clicks") for k in DOWNLOAD_FORMATS),
        State("store-filter", "data"),
        prevent_initial_call=True,
    )
    def _download(_a, _b, _c, _d, state):
        fmt = DOWNLOAD_FORMATS.get(ctx.triggered_id or "")
        if fmt is None:
            return no_update, no_update
        try:
            return download_view(store, fmt, state)
        except UserError as exc:
            return no_update, f"Download failed: {exc}"

    register_review_callbacks(app, source, author=author, token=edit_token, version=edits.bump)
    app.server.config["EVENTMAP_STORE"] = store
    return app
