"""The page: controls, timeline, map, table, detail panel, article input and downloads.

Built per page load from the app's EventCollection, with every view already filled in, so
the first paint needs no callback round trip (what makes a 100,000-event page ready fast).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import dash_ag_grid as dag
import plotly.graph_objects as go
from dash import dcc, html

from dashboard.app.collection import EventCollection
from dashboard.app.detail import detail_children
from dashboard.app.imported import field_filter_controls, size_control, table_columns
from dashboard.app.tables import TABLE_COLUMNS, summary_line
from dashboard.basemap.style import TILE_URL_PLACEHOLDER, raster_style, tile_style
from dashboard.clientdata import ClientDataCache, place_index, view_columns
from dashboard.figures import escape, map_layout, map_view, place_key, timeline_figure
from dashboard.figures.map import MAP_HEIGHT, MAP_UIREVISION
from dashboard.view import hidden_by_default, make_filter, select_events
from eventmap.model import Event

TOPOJSON_URL = "/assets/topojson/"
PLAY_INTERVAL_MS = 900
PLAY_SPEEDS = (("0.5×", 1800), ("1×", 900), ("2×", 450), ("4×", 225))  # interval between steps (ms)
PLAY_WIDTHS = ("day", "week", "month")  # width of the window playback moves
# filters whose long option lists reach the page after its first draw (clientside.js
# deferredOptions): a dropdown indexes every option for its search as soon as it is drawn
DEFERRED_OPTIONS = ("filter-document", "filter-actor", "filter-sub-event")
LONG_OPTIONS = 40


def empty_store(ident: str) -> dcc.Store:
    """A store holding nothing (None in callbacks) until a callback fills it.

    Its ``data`` is left out, not None: dcc.Store sets a None ``data`` to undefined as it mounts,
    and Dash takes that for a change and fires every callback with the store as input at page
    load, prevent_initial_call or not (seven server round trips before the map could draw).
    """
    return dcc.Store(id=ident)


def hidden_count(collection: EventCollection) -> int:
    """How many events the default view hides (context sentences)."""
    return sum(1 for e in collection.events if hidden_by_default(e))


def kinds_options(collection: EventCollection) -> list[dict[str, str]]:
    """The kinds switch: show context sentences (analysis, background) too, saying how many."""
    return [{"label": f"context too ({hidden_count(collection)})", "value": "all"}]


def hover_chars(n_events: int) -> int:
    """Shorter hover sentences for big corpora keep the page light (hover stays readable)."""
    return 220 if n_events <= 20_000 else 90


def map_frame(places: dict[str, Any], tiles: MapTiles) -> go.Figure:
    """The map's frame (style, view fitted to all `places`, a place_index) without marks: the
    browser draws them from the columns at once (dashboard/static/mapdraw.js), so a big corpus
    is not sent twice."""
    # one empty trace keeps the map subplot alive whenever Dash redraws this frame itself
    fig = go.Figure(
        go.Scattermap(lat=[], lon=[], showlegend=False, hoverinfo="skip", meta={"role": "map-frame"})
    )
    fig.update_layout(
        map=map_layout(map_view(_extremes(places["lat"], places["lon"])), tiles.style()),
        height=MAP_HEIGHT,
        dragmode="pan",
        uirevision=MAP_UIREVISION,
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
    )
    if tiles.online_url and tiles.attribution:  # online tiles come with their credit, on the map
        fig.add_annotation(
            text=escape(tiles.attribution),
            xref="paper",
            yref="paper",
            x=1,
            y=0,
            xanchor="right",
            yanchor="bottom",
            showarrow=False,
            font={"size": 10, "color": "#333333"},
            bgcolor="rgba(255,255,255,0.8)",
            name="tiles-attribution",
        )
    return fig


@dataclass(frozen=True, slots=True)
class _LatLon:
    lat: float
    lon: float


def _extremes(lats: list[float], lons: list[float]) -> list[_LatLon]:
    """Two corners holding every place (a view fitted to them frames all): not 100,000 points."""
    if not lats:
        return []
    return [_LatLon(min(lats), min(lons)), _LatLon(max(lats), max(lons))]


@dataclass(frozen=True)
class MapTiles:
    """Where the map's base comes from: the app's own vector tiles at `base_url` (absolute; the
    page's host), and online raster tiles only when `online_url` is given (``--tiles``)."""

    base_url: str = TILE_URL_PLACEHOLDER
    online_url: str | None = None
    attribution: str = ""

    def style(self) -> dict[str, Any]:
        if self.online_url:
            return raster_style(self.online_url, self.attribution, self.base_url)
        return tile_style(self.base_url)


def graph_config(topojson_url: str = TOPOJSON_URL) -> dict[str, Any]:
    """Plotly config: local base map, no logo, no link to the Plotly cloud."""
    return {
        "topojsonURL": topojson_url,
        "displaylogo": False,
        "showLink": False,
        "scrollZoom": True,
        "responsive": True,
    }


def filter_controls(categories: list[str], documents: list[Any]) -> list[html.Div]:
    """Category, document and search filters (the in-memory app and the store app share them)."""
    return [
        html.Div(
            [
                html.Label("Category", htmlFor="filter-category"),
                dcc.Dropdown(
                    id="filter-category",
                    options=categories,
                    value=[],
                    multi=True,
                    placeholder="all categories",
                ),
            ],
            className="control",
        ),
        html.Div(
            [
                html.Label("Document", htmlFor="filter-document"),
                dcc.Dropdown(
                    id="filter-document",
                    options=documents,
                    value=[],
                    multi=True,
                    placeholder="all documents",
                ),
            ],
            className="control",
        ),
        html.Div(
            [
                html.Label("Search", htmlFor="filter-search"),
                dcc.Input(
                    id="filter-search",
                    type="search",
                    value="",
                    debounce=True,
                    placeholder="words in sentence, date or place",
                ),
            ],
            className="control",
        ),
    ]


def defer_long_options(component: Any, ids: Sequence[str] = DEFERRED_OPTIONS) -> dict[str, list]:
    """Empty the options of the dropdowns `ids` under `component` that have more than
    LONG_OPTIONS of them, and give those options back ({id: options}): the page's first draw
    does not wait for their search index, and clientside.js puts them in right after it."""
    held: dict[str, list] = {}
    stack = [component]
    while stack:
        node = stack.pop()
        if isinstance(node, dcc.Dropdown) and getattr(node, "id", None) in ids:
            options = list(getattr(node, "options", None) or [])
            if len(options) > LONG_OPTIONS:
                held[node.id] = options
                node.options = []
            continue
        children = getattr(node, "children", None)
        if isinstance(children, (list, tuple)):
            stack.extend(children)
        elif children is not None and not isinstance(children, (str, int, float)):
            stack.append(children)
    return held


def _controls(collection: EventCollection) -> html.Div:
    return html.Div(
        className="controls",
        children=[
            *filter_controls(collection.categories(), collection.documents()),
            *field_filter_controls(collection.events),  # actors, sub-event types of imported data
            size_control(collection.events),
            html.Div(
                [
                    html.Label("Lanes"),
                    dcc.RadioItems(
                        id="lane-by",
                        options=[
                            {"label": "category", "value": "category"},
                            {"label": "document", "value": "document"},
                        ],
                        value="category",
                        inline=True,
                    ),
                ],
                className="control",
            ),
            html.Div(
                [
                    html.Label("Kinds", htmlFor="all-kinds"),
                    dcc.Checklist(
                        id="all-kinds",
                        options=[
                            {"label": f"context too ({hidden_count(collection)} hidden)", "value": "all"}
                        ],
                        value=[],
                        inline=True,
                    ),
                ],
                className="control",
                title="Context sentences (analysis and background) are hidden unless ticked",
            ),
            html.Div(
                [
                    html.Button("Play", id="play-button", n_clicks=0, className="play"),
                    html.Button("Reset", id="reset-button", n_clicks=0),
                ],
                className="control buttons",
            ),
            html.Div(
                [
                    html.Label("Speed", htmlFor="play-speed"),
                    dcc.Dropdown(
                        id="play-speed",
                        options=[{"label": label, "value": ms} for label, ms in PLAY_SPEEDS],
                        value=PLAY_INTERVAL_MS,
                        clearable=False,
                        searchable=False,
                    ),
                ],
                className="control small",
            ),
            html.Div(
                [
                    html.Label("Window", htmlFor="play-width"),
                    dcc.Dropdown(
                        id="play-width",
                        options=[{"label": w, "value": w} for w in PLAY_WIDTHS],
                        value="week",
                        clearable=False,
                        searchable=False,
                    ),
                ],
                className="control small",
            ),
            html.Div(
                [html.Div(id="play-progress-bar", className="bar"), html.Span(id="play-progress-text")],
                id="play-progress",
                className="progress",
                title="Where playback is in time",
            ),
        ],
    )


def _article_input() -> html.Details:
    return html.Details(
        className="add-articles",
        children=[
            html.Summary("Add articles"),
            html.Div(
                [
                    html.Label("Document date (YYYY-MM-DD)", htmlFor="doc-date"),
                    dcc.Input(id="doc-date", type="text", value="", placeholder="e.g. 2025-03-20"),
                ]
            ),
            dcc.Textarea(
                id="paste-text",
                value="",
                placeholder="Paste an article here…",
                style={"width": "100%", "height": "8em"},
            ),
            dcc.Upload(
                id="upload-articles",
                multiple=True,
                accept=".txt,.md,text/plain",
                children=html.Div(["Drop .txt files here or ", html.A("choose files")]),
                className="upload",
            ),
            html.Button("Add", id="add-button", n_clicks=0),
            html.Div(id="add-status", className="status", role="status"),
        ],
    )


def downloads_bar() -> html.Div:
    """The download buttons of the view (both apps)."""
    return html.Div(
        className="downloads",
        children=[
            html.Span("Download the view: "),
            html.Button("HTML", id="download-html", n_clicks=0),
            html.Button("JSON", id="download-json", n_clicks=0),
            html.Button("GeoJSON", id="download-geojson", n_clicks=0),
            html.Button("CSV", id="download-csv", n_clicks=0),
            dcc.Download(id="download"),
            html.Span(id="download-status", className="status"),
        ],
    )


def events_grid(rows: list[dict[str, Any]], events: Sequence[Event] = ()) -> dag.AgGrid:
    """The events table (both apps): the grid sorts and filters the rows it is given; the
    imported fields `events` have (actors, fatalities ...) get columns of their own."""
    return dag.AgGrid(
        id="table",
        className="table",
        columnDefs=TABLE_COLUMNS + table_columns(events),
        rowData=rows,
        getRowId="params.data.id",
        defaultColDef={"sortable": True, "filter": True, "resizable": True},
        dashGridOptions={"pagination": True, "paginationPageSize": 50, "animateRows": False},
        style={"height": "420px", "width": "100%"},
    )


def table_section() -> html.Div:
    """The events table, drawn on demand: a button until the user asks for it (the grid and its
    scripts are the heaviest part of the page: dashboard/app/factory.py leaves the grid's script
    out of the page, and clientside.js loads it on the click); dashboard/app/callbacks.py then
    puts the grid in ``table-holder`` with the rows of the view at that moment, and keeps them
    in step after."""
    return html.Div(
        className="table-section",
        children=[
            html.Button(
                "Show the table of the events in view",
                id="table-show",
                n_clicks=0,
                className="table-show",
                title="The table of the events in view: sort and filter in its column headers",
            ),
            html.Div(id="table-holder"),
            empty_store("table-scripts"),  # set once the grid's scripts are loaded
        ],
    )


def columns_token(
    cache: ClientDataCache,
    collection: EventCollection,
    categories=None,
    documents=None,
    search: str | None = None,
    all_kinds: bool = False,
    places: dict[str, Any] | None = None,
    *,
    fields: dict | None = None,
    keys: Sequence[str | None] | None = None,
) -> str:
    """Put the clientside columns of the filtered events in `cache`; the token names them
    (`places`, `keys`: the events' place_index and place keys, when the caller has them)."""
    events = collection.events
    key = (
        collection.version,
        len(events),
        sorted(categories or []),
        sorted(documents or []),
        search or "",
        all_kinds,
    )
    key += tuple((k, sorted(v)) for k, v in sorted((fields or {}).items()) if v)
    view = view_columns(
        events, categories, documents, search, all_kinds=all_kinds, places=places, fields=fields, keys=keys
    )
    return cache.put(key, view)


def build_layout(
    collection: EventCollection,
    cache: ClientDataCache,
    *,
    tiles: MapTiles | None = None,
    topojson_url: str = TOPOJSON_URL,
    review: Callable[[], tuple[Any, Any]] | None = None,
) -> html.Div:
    """The whole page for the collection's current events.

    `review` gives the review panel's (header counts, panel) (dashboard/review/panel.py).
    """
    badge, panel = review() if review is not None else (None, None)
    events = collection.events
    keys = [place_key(e) for e in events]
    places = place_index(events, keys)
    token = columns_token(cache, collection, places=places, keys=keys)
    shown = select_events(events, make_filter())  # the default view: rejected events and context hidden
    timeline = timeline_figure(shown, max_hover_chars=hover_chars(len(shown)))
    map_graph = dcc.Graph(
        id="map",
        className="map",
        config=graph_config(topojson_url),
        figure=map_frame(places, tiles or MapTiles()),
        style={"height": f"{MAP_HEIGHT}px"},
    )
    controls = _controls(collection)
    held_options = defer_long_options(controls)
    page = html.Div(
        className="eventmap",
        children=[
            html.Header(
                [
                    html.H1("eventmap"),
                    html.Span(
                        id="summary",
                        children=summary_line(shown, hidden=hidden_count(collection)),
                        className="summary",
                    ),
                    *([badge] if badge is not None else []),
                ]
            ),
            controls,
            html.Div(
                className="views",
                # the map comes first in the page (CSS puts it under the timeline): its graph is
                # drawn first, so MapLibre loads its tiles while the timeline draws
                children=[
                    html.Div(
                        className="lower",
                        children=[
                            map_graph,
                            html.Aside(id="detail", className="detail", children=detail_children(None)),
                        ],
                    ),
                    dcc.Graph(
                        id="timeline",
                        className="timeline",
                        config=graph_config(topojson_url),
                        figure=timeline,
                        style={"height": f"{timeline.layout.height}px"},
                    ),
                ],
            ),
            *([panel] if panel is not None else []),
            table_section(),
            downloads_bar(),
            _article_input(),
            dcc.Store(id="data-version", data=collection.version),
            dcc.Store(id="columns", data=token),
            dcc.Store(id="map-drawn", data=0),
            dcc.Store(id="filter-options", data=held_options),  # long option lists, after the first draw
            empty_store("time-window"),
            empty_store("table-window"),
            empty_store("table-rows"),  # the table's rows, once it is shown
            empty_store("timeline-scope"),  # time window the timeline draws in detail (None: all)
            empty_store("selected-event"),
            empty_store("selected-place"),
            empty_store("timeline-ring"),
            dcc.Store(id="play-tick", data=0),
            dcc.Interval(id="play-interval", interval=PLAY_INTERVAL_MS, disabled=True),
        ],
    )
    page.columns_token = token  # the app re-uses this page while the token is still served
    page.map_graph = map_graph  # its style names the page's host (the factory sets it per request)
    return page
