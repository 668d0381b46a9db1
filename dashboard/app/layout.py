"""The page: controls, timeline, map, table, detail panel, article input and downloads.

Built per page load from the app's EventCollection, with every view already filled in, so
the first paint needs no callback round trip (what makes a 100,000-event page ready fast).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import dash_ag_grid as dag
from dash import dcc, html

from dashboard.app.collection import EventCollection
from dashboard.app.detail import detail_children
from dashboard.app.imported import field_filter_controls, size_control, table_columns
from dashboard.app.tables import TABLE_COLUMNS, grid_rows, summary_line
from dashboard.clientdata import ClientDataCache, view_columns
from dashboard.figures import map_figure, timeline_figure
from dashboard.view import make_filter, select_events
from eventmap.model import Event

TOPOJSON_URL = "/assets/topojson/"
PLAY_INTERVAL_MS = 900


def hover_chars(n_events: int) -> int:
    """Shorter hover sentences for big corpora keep the page light (hover stays readable)."""
    return 220 if n_events <= 20_000 else 90


def empty_map(events) -> Any:
    """The map's frame (view fitted to all places) without markers: the browser draws them
    from the columns at once, so a big corpus is not sent and drawn twice."""
    fig = map_figure(events)
    fig.data[0].update(lat=[], lon=[], customdata=[], text=[], hovertext=[], marker={"size": [], "color": []})
    return fig


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
                    html.Button("▶ Play", id="play-button", n_clicks=0),
                    html.Button("Reset", id="reset-button", n_clicks=0),
                ],
                className="control buttons",
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


def columns_token(
    cache: ClientDataCache,
    collection: EventCollection,
    categories=None,
    documents=None,
    search: str | None = None,
    *,
    fields: dict | None = None,
) -> str:
    """Put the clientside columns of the filtered events in `cache`; the token names them."""
    events = collection.events
    key = (collection.version, len(events), sorted(categories or []), sorted(documents or []), search or "")
    key += tuple((k, sorted(v)) for k, v in sorted((fields or {}).items()) if v)
    return cache.put(key, view_columns(events, categories, documents, search, fields=fields))


def build_layout(
    collection: EventCollection,
    cache: ClientDataCache,
    *,
    topojson_url: str = TOPOJSON_URL,
    review: Callable[[], tuple[Any, Any]] | None = None,
) -> html.Div:
    """The whole page for the collection's current events.

    `review` gives the review panel's (header counts, panel) (dashboard/review/panel.py).
    """
    badge, panel = review() if review is not None else (None, None)
    events = select_events(collection.events, make_filter())  # the default view (rejected hidden)
    token = columns_token(cache, collection)
    timeline = timeline_figure(events, max_hover_chars=hover_chars(len(events)))
    page = html.Div(
        className="eventmap",
        children=[
            html.Header(
                [
                    html.H1("eventmap"),
                    html.Span(id="summary", children=summary_line(events), className="summary"),
                    *([badge] if badge is not None else []),
                ]
            ),
            _controls(collection),
            html.Div(
                className="views",
                children=[
                    dcc.Graph(
                        id="timeline",
                        className="timeline",
                        config=graph_config(topojson_url),
                        figure=timeline,
                        style={"height": f"{timeline.layout.height}px"},
                    ),
                    html.Div(
                        className="lower",
                        children=[
                            dcc.Graph(
                                id="map",
                                className="map",
                                config=graph_config(topojson_url),
                                figure=empty_map(events),
                                style={"height": "460px"},
                            ),
                            html.Aside(id="detail", className="detail", children=detail_children(None)),
                        ],
                    ),
                ],
            ),
            *([panel] if panel is not None else []),
            events_grid(grid_rows(events), collection.events),
            downloads_bar(),
            _article_input(),
            dcc.Store(id="data-version", data=collection.version),
            dcc.Store(id="columns", data=token),
            dcc.Store(id="map-drawn", data=0),
            dcc.Store(id="time-window", data=None),
            dcc.Store(id="table-window", data=None),
            dcc.Store(id="timeline-scope", data=None),  # time window the timeline draws in detail (None: all)
            dcc.Store(id="selected-event", data=None),
            dcc.Store(id="selected-place", data=None),
            dcc.Store(id="timeline-ring", data=None),
            dcc.Store(id="play-tick", data=0),
            dcc.Interval(id="play-interval", interval=PLAY_INTERVAL_MS, disabled=True),
        ],
    )
    page.columns_token = token  # the app re-uses this page while the token is still served
    return page
