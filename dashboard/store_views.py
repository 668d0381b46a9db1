"""What the store-mode app shows for its filters, asked of the store: counts, rows, the chosen event, downloads.

Plain functions of an EventStore and the values Dash passes (testable without a browser);
dashboard/store_app.py wires them. The filter state is one dict (the page's `store-filter`
store): a time window (start, end), a map box (bbox), categories, documents and a word
search; rejected events are left out as in the in-memory app (dashboard.view.SHOWN_STATUSES).
The table rows are the in-memory app's rows (dashboard.app.tables.grid_rows).
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from dashboard.app.tables import grid_rows
from dashboard.figures.histogram import histogram_level
from dashboard.figures.map import MAX_POINTS
from dashboard.store_figures import drawn_scope
from dashboard.view import SHOWN_STATUSES
from eventmap.corpus.store import BBox, EventStore
from eventmap.model import Event, events_to_json_obj

MAX_PLACES = MAX_POINTS  # more places in the map's view: density cells instead (as the in-memory app)
TABLE_ROWS = 200
DOWNLOAD_LIMIT = (
    20_000  # events in a download of the view (the page says when it cut; `eventmap export` writes all)
)
FILTER_KEYS = ("categories", "documents", "search")
EMPTY_STATE: dict[str, Any] = {
    "start": None,
    "end": None,
    "bbox": None,
    "rev": 0,
    "categories": None,
    "documents": None,
    "search": None,
    "scope": None,  # the days the timeline draws at a finer level (a zoomed window), None: all
    "view": None,  # the map's view {center, scale} once someone zoomed or moved it
}


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


def view_from_relayout(relayout: Mapping[str, Any] | None, current: Mapping[str, Any] | None) -> dict | None:
    """The geo map's {center, scale} after a zoom or pan (None: the relayout did not move the map)."""
    if not relayout:
        return None
    geo = relayout.get("geo") if isinstance(relayout.get("geo"), Mapping) else {}
    flat = {k[4:]: v for k, v in relayout.items() if k.startswith("geo.")}
    scale = flat.get("projection.scale", (geo.get("projection") or {}).get("scale"))
    lat = flat.get("center.lat", (geo.get("center") or {}).get("lat"))
    lon = flat.get("center.lon", (geo.get("center") or {}).get("lon"))
    if scale is None and lat is None and lon is None:
        return None
    base = {"center": {"lat": 20.0, "lon": 0.0}, "scale": 1.0, **(current or {})}
    return {
        "center": {
            "lat": round(float(lat if lat is not None else base["center"]["lat"]), 3),
            "lon": round(float(lon if lon is not None else base["center"]["lon"]), 3),
        },
        "scale": round(float(scale if scale is not None else base["scale"]), 3),
    }


def cell_of(point: Mapping[str, Any]) -> float | None:
    """The cell size of a density mark (its key "cell:SIZE:ROW:COL"), None for a place."""
    key = point.get("customdata")
    key = key[0] if isinstance(key, (list, tuple)) and key else key
    if isinstance(key, str) and key.startswith("cell:"):
        return float(key.split(":")[1])
    return None


def bbox_from_selection(selected: Mapping[str, Any] | None, pad: float = 0.01) -> BBox | None:
    """west, south, east, north around the selected map points (the whole cell of a density
    mark); None when nothing is selected."""
    points = [p for p in (selected or {}).get("points") or [] if "lat" in p and "lon" in p]
    if not points:
        return None
    pad = max([pad, *((cell_of(p) or 0.0) / 2 for p in points)])
    lats = [float(p["lat"]) for p in points]
    lons = [float(p["lon"]) for p in points]
    return (
        max(-180.0, min(lons) - pad),
        max(-90.0, min(lats) - pad),
        min(180.0, max(lons) + pad),
        min(90.0, max(lats) + pad),
    )


def query(state: Mapping[str, Any], *, window: bool = True, area: bool = True) -> dict[str, Any]:
    """The store's filter arguments for a state (without the window or the area when told)."""
    out: dict[str, Any] = {"statuses": sorted(SHOWN_STATUSES)}
    if window:
        out.update(start=state.get("start"), end=state.get("end"))
    if area and state.get("bbox"):
        out["bbox"] = tuple(state["bbox"])
    if state.get("categories"):
        out["category"] = list(state["categories"])
    if state.get("documents"):
        out["documents"] = list(state["documents"])
    if (state.get("search") or "").strip():
        out["search"] = state["search"].strip()
    return out


def is_default(state: Mapping[str, Any]) -> bool:
    """No filter, no area: the whole store (whose counts per day the app keeps)."""
    return not state.get("bbox") and not any(state.get(k) for k in FILTER_KEYS)


def summary_text(
    count: int,
    total: int,
    state: Mapping[str, Any],
    n_places: int,
    n_rows: int,
    max_places: int = MAX_PLACES,
    cells: float | None = None,
) -> str:
    start, end = state.get("start"), state.get("end")
    when = f"from {start} to {end}" if start or end else "over the whole range"
    where = " in the selected area" if state.get("bbox") else ""
    narrowed = [k for k in FILTER_KEYS if state.get(k)]
    by = f" matching the {', '.join(narrowed)} filter{'s' if len(narrowed) > 1 else ''}" if narrowed else ""
    if cells:
        places = (
            f"events per {cells:g}° cell, {n_places:,} cells (more than {max_places:,} places in view: "
            f"zoom the map in for places)"
        )
    else:
        places = f"{n_places:,} places"
    return (
        f"{count:,} events {when}{where}{by} (of {total:,} in the store; rejected ones hidden) · "
        f"map: {places} · table: the first {n_rows:,}"
    )


def visible_bbox(view: Mapping[str, Any] | None) -> BBox | None:
    """About what a geo map zoomed to `view` ({center, scale}) shows (with a margin); None: the world."""
    if not view or float(view.get("scale") or 1.0) <= 1.5:
        return None
    scale = float(view["scale"])
    lat, lon = float(view["center"]["lat"]), float(view["center"]["lon"])
    half_lon, half_lat = min(180.0, 200.0 / scale), min(90.0, 110.0 / scale)
    west, east = lon - half_lon, lon + half_lon
    if half_lon >= 180.0:
        west, east = -180.0, 180.0
    else:
        west, east = ((west + 180.0) % 360.0) - 180.0, ((east + 180.0) % 360.0) - 180.0
    return west, max(-90.0, lat - half_lat), east, min(90.0, lat + half_lat)


def geo_cell_size(scale: float | None) -> float:
    """Density cell size (degrees) on the geo map at a projection scale: cells of about 30 px, a power of two."""
    deg = 12.0 / max(1.0, float(scale or 1.0))  # the map shows 360° in about 900 px at scale 1
    size = 0.125
    while size < 32 and size < deg:
        size *= 2
    return size


def window_view(
    store: EventStore,
    state: Mapping[str, Any],
    *,
    max_places: int = MAX_PLACES,
    table_limit: int = TABLE_ROWS,
) -> dict[str, Any]:
    """The map's marks for the window, and the count and first rows of the window and area.

    The marks are the places in the map's view with their counts, or, when more than
    `max_places` places are in view, every event of the window counted per grid cell
    ("cells": the cell size in degrees), as the in-memory app's density map.
    """
    places, cells = map_marks(store, state, max_places=max_places)
    narrowed = query(state)
    count = store.count(**narrowed)
    rows = grid_rows(store.events(limit=table_limit, **narrowed), limit=table_limit)
    return {"places": places, "cells": cells, "count": count, "rows": rows}


def map_marks(
    store: EventStore, state: Mapping[str, Any], *, max_places: int = MAX_PLACES
) -> tuple[list[dict[str, Any]], float | None]:
    """(rows, None): the places in the map's view with their counts; (cells, size): above
    `max_places` places, events per grid cell of `size` degrees over the whole map."""
    view = state.get("view")
    narrowed = query(state, area=False)
    box = visible_bbox(view)
    places = store.aggregate(by="place", limit=max_places + 1, **narrowed, **({"bbox": box} if box else {}))
    if len(places) <= max_places:
        return places, None
    size = geo_cell_size((view or {}).get("scale"))
    return store.aggregate(by="cell", cell_deg=size, **narrowed), size


def days_for(store: EventStore, state: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Events per day and category for the timeline's histogram: every filter but the window."""
    return store.aggregate(by="day_category", **query(state, window=False))


def timeline_scope(
    current: Sequence[str] | None, window: tuple[str | None, str | None], data: tuple[str | None, str | None]
) -> list[str] | None:
    """The days the timeline should draw for a zoom to `window` (see store_figures.drawn_scope):
    the `current` ones while the window stays inside them at their level, else new ones."""
    want = drawn_scope(window, data)
    if want is None:
        return None
    a, b = window
    if current and current[0] <= (a or "") and (b or "") <= current[1]:
        level = histogram_level(date.fromisoformat(current[0]), date.fromisoformat(current[1]))
        if level == histogram_level(date.fromisoformat(a[:10]), date.fromisoformat(b[:10])):  # type: ignore[index]
            return list(current)
    return list(want)


def next_state(
    state: Mapping[str, Any] | None,
    trigger: str | None,
    relayout: Any,
    selected: Any,
    controls: Mapping[str, Any],
) -> tuple[dict[str, Any], set[str]] | None:
    """The new filter state for what happened, and what must be redrawn ("timeline", "map", "reset");
    None when nothing changed."""
    state = {**EMPTY_STATE, **(state or {})}
    if trigger == "store-reset":
        return {**EMPTY_STATE, "rev": int(state.get("rev") or 0) + 1}, {"timeline", "map", "reset"}
    if trigger == "store-timeline":
        window = window_from_relayout(relayout)
        if window is None or window == (state["start"], state["end"]):
            return None
        state["start"], state["end"] = window
        return state, {"map"}
    if trigger == "store-map-view":
        view = view_from_relayout(relayout, state.get("view"))
        if view is None or view == state.get("view"):
            return None
        state["view"] = view
        return state, {"map"}
    if trigger == "store-map":
        bbox = bbox_from_selection(selected)
        if (list(bbox) if bbox else None) == state["bbox"]:
            return None
        state["bbox"] = list(bbox) if bbox else None
        return state, {"timeline"}  # the map keeps its figure, and the selection drawn on it
    if trigger in ("filter-category", "filter-document", "filter-search"):
        new = {
            "categories": list(controls.get("categories") or []) or None,
            "documents": list(controls.get("documents") or []) or None,
            "search": (controls.get("search") or "").strip() or None,
        }
        if all(new[k] == state.get(k) for k in FILTER_KEYS):
            return None
        state.update(new)
        return state, {"timeline", "map"}
    if trigger == "data-version":  # an edit: every count may have moved
        return state, {"timeline", "map", "days"}
    return None


# -- choosing an event and showing it ----------------------------------------------------------


def choose_event(
    store: EventStore,
    trigger: str | None,
    timeline_click: Mapping[str, Any] | None,
    map_click: Mapping[str, Any] | None,
    cell_clicked: Mapping[str, Any] | None,
    state: Mapping[str, Any] | None,
) -> str | None:
    """The event a click names: a table row, the first event of a clicked day, or of a clicked place."""
    state = state or EMPTY_STATE
    if trigger == "table":
        row = (cell_clicked or {}).get("rowId")
        return row if row and store.event(row) is not None else None
    points = ((timeline_click if trigger == "store-timeline" else map_click) or {}).get("points") or []
    if not points:
        return None
    if trigger == "store-timeline":
        day = str(points[0].get("x", ""))[:10]
        found = store.events(limit=1, **{**query(state), "start": day, "end": day})
    elif trigger == "store-map":
        lat, lon = float(points[0]["lat"]), float(points[0]["lon"])
        half = (cell_of(points[0]) or 0.0) / 2 or 1e-4  # a density cell: its first event
        box = (max(-180.0, lon - half), max(-90.0, lat - half), min(180.0, lon + half), min(90.0, lat + half))
        found = store.events(limit=1, **{**query(state, area=False), "bbox": box})
    else:
        return None
    return found[0].id if found else None


def events_at_place(store: EventStore, event: Event | None, state: Mapping[str, Any]) -> int:
    """How many events of the view share the event's map point (the detail panel says so)."""
    if event is None or not event.located:
        return 0
    lat, lon = float(event.lat), float(event.lon)  # type: ignore[arg-type]
    box = (lon - 1e-6, lat - 1e-6, lon + 1e-6, lat + 1e-6)
    return store.count(**{**query(state, area=False), "bbox": box})


def download_view(
    store: EventStore, fmt: str, state: Mapping[str, Any] | None, *, limit: int = DOWNLOAD_LIMIT
) -> tuple[dict[str, Any], str]:
    """The view's events as a dcc.Download payload, and a status line (says when the view was cut)."""
    narrowed = query(state or EMPTY_STATE)
    total = store.count(**narrowed)
    events = store.events(limit=limit, **narrowed)
    note = (
        "" if total <= limit else f"the first {limit:,} of {total:,} events (eventmap export writes them all)"
    )
    if fmt == "html":
        from dashboard.export.html import render_html

        return {"content": render_html(events, title="eventmap view"), "filename": "eventmap-view.html"}, note
    if fmt == "json":  # the project's JSON, compact: Python's indenting encoder is ten times slower
        text = json.dumps(events_to_json_obj(events), ensure_ascii=False, separators=(",", ":")) + "\n"
        return {"content": text, "filename": "eventmap-view.json"}, note
    from eventmap.formats import write_events

    buf = io.StringIO()
    write_events(events, fmt, buf)
    return {"content": buf.getvalue(), "filename": f"eventmap-view.{fmt}"}, note


def document_options(
    rows: list[tuple[str, int]], search: str | None, limit: int = 50
) -> list[dict[str, str]]:
    """Documents (rows of `store.documents_like`) whose file name holds `search` (any case), most
    events first, as dropdown options: the file name and its count as label, the document as value."""
    from pathlib import PurePath

    want = (search or "").casefold()
    out = []
    for doc, n in rows:
        name = PurePath(doc).name or doc  # as dashboard.figures.document_name shows it
        if want in name.casefold():
            out.append({"label": f"{name} ({n:,})", "value": doc})
            if len(out) >= limit:
                break
    return out


def category_options(store: EventStore) -> list[str]:
    from dashboard.figures.colors import category_order

    return category_order({r["category"] for r in store.aggregate(by="category")})
