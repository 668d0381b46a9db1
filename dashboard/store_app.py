"""The dashboard on a very large event store (millions of events): the store counts, the page draws.

`create_store_app(path)` opens an event store read-only and never loads every event: the
timeline is the number of events per day (`store.aggregate(by="day")`), the map one marker
per place with its count in the current time window (the `MAX_PLACES` places with most
events), the table the first `TABLE_ROWS` events of the window. Zooming the timeline asks
the server for that window; a box or lasso selection on the map narrows the timeline (events
per day in the selected area), the counts and the table to that area. Everything the page
loads comes from this server (the base map from the assets folder): it works offline.

The callback's work is in plain functions (`window_from_relayout`, `bbox_from_selection`,
`window_view`) so it can be tested without a browser.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from dash import Dash, Input, Output, State, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate

from dashboard.app.factory import DEFAULT_ASSETS
from dashboard.app.layout import graph_config
from dashboard.figures import date_label, place_name
from dashboard.store_figures import STORE_TIMELINE_UIREVISION, store_map_figure, store_timeline_figure
from eventmap.corpus.store import BBox, EventStore
from eventmap.model import Event

#: `eventmap serve STORE` uses this app when the store holds more events than this.
STORE_MODE_MIN_EVENTS = 200_000
MAX_PLACES = 5_000
TABLE_ROWS = 200

log = logging.getLogger(__name__)


def store_event_count(path: str | Path) -> int:
    """How many events the store at `path` holds (opened read-only, closed again)."""
    with EventStore(path, read_only=True) as store:
        return store.count()


# -- the callback's work, as plain functions ----------------------------------------------------


def window_from_relayout(relayout: Mapping[str, Any] | None) -> tuple[str | None, str | None] | None:
    """(start, end) days of a timeline relayout; (None, None) for autorange; None when x did not change."""
    if not relayout:
        return None
    if relayout.get("xaxis.autorange"):
        return None, None
    if "xaxis.range[0]" in relayout and "xaxis.range[1]" in relayout:
        lo, hi = relayout["xaxis.range[0]"], relayout["xaxis.range[1]"]
    elif isinstance(relayout.get("xaxis.range"), (list, tuple)) and len(relayout["xaxis.range"]) == 2:
        lo, hi = relayout["xaxis.range"]
    else:
        return None
    lo, hi = str(lo)[:10], str(hi)[:10]
    return (lo, hi) if lo <= hi else (hi, lo)


def bbox_from_selection(selected: Mapping[str, Any] | None, pad: float = 0.01) -> BBox | None:
    """west, south, east, north around the selected map points; None when nothing is selected."""
    points = [p for p in (selected or {}).get("points") or [] if "lat" in p and "lon" in p]
    if not points:
        return None
    lats = [float(p["lat"]) for p in points]
    lons = [float(p["lon"]) for p in points]
    return (
        max(-180.0, min(lons) - pad),
        max(-90.0, min(lats) - pad),
        min(180.0, max(lons) + pad),
        min(90.0, max(lats) + pad),
    )


def table_rows(events: list[Event]) -> list[dict[str, str]]:
    return [
        {
            "date": date_label(e),
            "category": e.category or "",
            "place": place_name(e),
            "text": e.text if len(e.text) <= 200 else e.text[:199] + "…",
        }
        for e in events
    ]


def events_table(rows: list[dict[str, str]]) -> html.Table:
    head = html.Thead(html.Tr([html.Th(h) for h in ("Date", "Category", "Place", "Event")]))
    body = html.Tbody(
        [
            html.Tr([html.Td(r["date"]), html.Td(r["category"]), html.Td(r["place"]), html.Td(r["text"])])
            for r in rows
        ]
    )
    return html.Table(
        [head, body],
        className="store-table",
        style={"width": "100%", "fontSize": "13px", "borderCollapse": "collapse"},
    )


def summary_text(
    count: int,
    total: int,
    start: str | None,
    end: str | None,
    bbox: BBox | None,
    n_places: int,
    n_rows: int,
    max_places: int = MAX_PLACES,
) -> str:
    when = f"from {start} to {end}" if start or end else "over the whole range"
    where = " in the selected area" if bbox is not None else ""
    places = f"{n_places:,} places" + (
        f" (the {max_places:,} with most events)" if n_places >= max_places else ""
    )
    return (
        f"{count:,} events {when}{where} (of {total:,} in the store) · map: {places} · "
        f"table: the first {n_rows:,}"
    )


def window_view(
    store: EventStore,
    start: str | None,
    end: str | None,
    bbox: BBox | None,
    *,
    max_places: int = MAX_PLACES,
    table_limit: int = TABLE_ROWS,
) -> dict[str, Any]:
    """What the page shows for a time window and area, all counted by the store.

    places: counts per place in the window (the map shows the whole map, so no bbox);
    count, rows: events in the window and the area (the counts line and the table).
    """
    places = store.aggregate(by="place", start=start, end=end, limit=max_places)
    count = store.count(start=start, end=end, bbox=bbox)
    rows = table_rows(store.events(start=start, end=end, bbox=bbox, limit=table_limit))
    return {"places": places, "count": count, "rows": rows}


def store_update(
    store: EventStore,
    trigger: str | None,
    relayout: Any,
    selected: Any,
    state: Mapping[str, Any] | None,
    *,
    all_days: list[dict[str, Any]],
    total: int,
    map_view: dict[str, Any] | None = None,
    max_places: int = MAX_PLACES,
    table_limit: int = TABLE_ROWS,
) -> dict[str, Any] | None:
    """The app's one callback as plain Python; None when nothing changes.

    trigger "store-timeline" (relayoutData: a new time window -> map, table, counts),
    "store-map" (selectedData: a new area -> timeline of that area, table, counts; the map
    keeps its figure so the selection stays drawn) or "store-reset". Returns the new filter
    state and the new map figure, table, counts line and timeline figure (None: unchanged).
    """
    state = dict(state or {})
    rev = int(state.get("rev") or 0)
    start, end = state.get("start"), state.get("end")
    bbox: BBox | None = tuple(state["bbox"]) if state.get("bbox") else None  # type: ignore[assignment]
    new_map = True
    timeline = None
    if trigger == "store-reset":
        start = end = bbox = None
        rev += 1
        timeline = store_timeline_figure(all_days, revision=f"{STORE_TIMELINE_UIREVISION}-{rev}")
    elif trigger == "store-timeline":
        window = window_from_relayout(relayout)
        if window is None or window == (start, end):
            return None
        start, end = window
    elif trigger == "store-map":
        new_bbox = bbox_from_selection(selected)
        if new_bbox == bbox:
            return None
        bbox = new_bbox
        new_map = False
        days = all_days if bbox is None else store.aggregate(by="day", bbox=bbox)
        timeline = store_timeline_figure(days, revision=f"{STORE_TIMELINE_UIREVISION}-{rev}")
    else:
        return None
    view = window_view(store, start, end, bbox, max_places=max_places, table_limit=table_limit)
    figure = store_map_figure(view["places"], view=map_view, revision=f"map-{rev}") if new_map else None
    return {
        "state": {"start": start, "end": end, "bbox": list(bbox) if bbox else None, "rev": rev},
        "map": figure,
        "table": events_table(view["rows"]),
        "rows": view["rows"],
        "count": view["count"],
        "summary": summary_text(
            view["count"], total, start, end, bbox, len(view["places"]), len(view["rows"]), max_places
        ),
        "timeline": timeline,
    }


# -- the app ------------------------------------------------------------------------------------


def create_store_app(
    store_or_path: EventStore | str | Path,
    *,
    assets_folder: str | Path | None = None,
    title: str = "eventmap",
    max_places: int = MAX_PLACES,
    table_limit: int = TABLE_ROWS,
) -> Dash:
    """A Dash app on an event store (open, or the path of a .duckdb file or a Parquet store folder)."""
    folder = Path(assets_folder) if assets_folder is not None else DEFAULT_ASSETS
    if not (folder / "topojson").is_dir():
        log.warning("no topojson under %s: the map will have no base layer", folder)
    if isinstance(store_or_path, EventStore):
        store, store_path = store_or_path, Path(store_or_path.path)
    else:
        store, store_path = EventStore(store_or_path, read_only=True), Path(store_or_path)
    total = store.count()
    first, last = store.date_range()
    all_days = store.aggregate(by="day")
    view0 = window_view(store, None, None, None, max_places=max_places, table_limit=table_limit)
    map0 = store_map_figure(view0["places"], revision="map-0")
    map_view = {
        "center": dict(map0.layout.geo.center.to_plotly_json()),
        "scale": map0.layout.geo.projection.scale,
    }

    app = Dash(__name__, title=title, assets_folder=str(folder), serve_locally=True, update_title=None)
    config = graph_config()
    app.layout = html.Div(
        [
            html.H2(f"{title}: {Path(store_path).name}", style={"margin": "6px 0"}),
            html.Div(
                [
                    html.Span(
                        summary_text(
                            view0["count"],
                            total,
                            None,
                            None,
                            None,
                            len(view0["places"]),
                            len(view0["rows"]),
                            max_places,
                        ),
                        id="store-summary",
                    ),
                    html.Button("Reset", id="store-reset", n_clicks=0, style={"marginLeft": "12px"}),
                ],
                style={"margin": "4px 0 8px"},
            ),
            html.Div(
                f"Store: {total:,} events, {first or '?'} to {last or '?'}. Zoom the timeline to a "
                f"window; box-select places on the map to narrow the timeline and the table.",
                style={"color": "#555", "fontSize": "13px"},
            ),
            dcc.Graph(
                id="store-timeline",
                figure=store_timeline_figure(all_days, revision=f"{STORE_TIMELINE_UIREVISION}-0"),
                config=config,
            ),
            dcc.Graph(id="store-map", figure=map0, config=config),
            html.Div(
                events_table(view0["rows"]),
                id="store-table",
                style={"maxHeight": "420px", "overflowY": "auto"},
            ),
            dcc.Store(id="store-filter", data={"start": None, "end": None, "bbox": None, "rev": 0}),
        ],
        style={"fontFamily": "sans-serif", "margin": "0 12px"},
    )

    @app.callback(
        Output("store-filter", "data"),
        Output("store-map", "figure"),
        Output("store-table", "children"),
        Output("store-summary", "children"),
        Output("store-timeline", "figure"),
        Input("store-timeline", "relayoutData"),
        Input("store-map", "selectedData"),
        Input("store-reset", "n_clicks"),
        State("store-filter", "data"),
        prevent_initial_call=True,
    )
    def _update(relayout: Any, selected: Any, _reset: Any, state: dict[str, Any]) -> tuple:
        out = store_update(
            store,
            ctx.triggered_id,
            relayout,
            selected,
            state,
            all_days=all_days,
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
            out["table"],
            out["summary"],
            no_update if out["timeline"] is None else out["timeline"],
        )

    app.server.config["EVENTMAP_STORE"] = store
    return app
