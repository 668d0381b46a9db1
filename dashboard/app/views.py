"""What each view shows for the current filters: map columns, timeline, table, selection, downloads.

Plain functions of the app's EventCollection and the values Dash passes (testable without a
browser); dashboard/app/callbacks.py wires them to the page. None builds figures itself: that
is dashboard/figures' job.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from dash import no_update

from dashboard.app.collection import EventCollection
from dashboard.app.detail import detail_children
from dashboard.app.layout import hover_chars
from dashboard.app.tables import grid_rows, summary_line
from dashboard.clientdata import view_columns
from dashboard.figures import AGGREGATE_ABOVE, place_key, timeline_figure, timeline_lanes
from dashboard.figures.histogram import HISTOGRAM_ABOVE
from dashboard.view import in_window, make_filter, select_events, window_from_store
from eventmap.formats.documents import public_documents
from eventmap.model import PRECISION_RANK

DOWNLOAD_FORMATS = {
    "download-json": "json",
    "download-geojson": "geojson",
    "download-csv": "csv",
    "download-html": "html",
}
# A big (aggregated) timeline zoomed to a window narrower than this is re-drawn with the
# events of the window (plus the window's width on each side, so small pans need no redraw).
DETAIL_MAX_DAYS = 120


def columns_for_view(
    collection: EventCollection,
    categories: Sequence[str] | None,
    documents: Sequence[str] | None,
    search: str | None,
    *,
    all_kinds: bool = False,
) -> dict[str, Any]:
    """The clientside map's columns for the filtered events (the time window is applied in JS)."""
    return view_columns(collection.events, categories, documents, search, all_kinds=all_kinds)


def timeline_for_view(
    collection: EventCollection,
    categories: Sequence[str] | None,
    documents: Sequence[str] | None,
    search: str | None,
    map_selection: dict[str, Any] | None,
    lane: str | None,
    selected_id: str | None = None,
    window: Sequence[Any] | None = None,
    drawn_scope: Sequence[str] | None = None,
    only_window: bool = False,
    *,
    all_kinds: bool = False,
    fields: Mapping[str, Sequence[str]] | None = None,
) -> Any:
    """The timeline of the events passing the filters and the map selection.

    A big view (aggregated: more than AGGREGATE_ABOVE dated events) zoomed to a `window`
    narrower than DETAIL_MAX_DAYS is drawn in detail: only the events around the window,
    grouped by exact interval (see :func:`detail_scope`). When `only_window` changed, the answer
    is ``no_update`` if `drawn_scope` (the scope the page shows, None for the whole view)
    already fits the window. The figure's ``layout.meta["scope"]`` says what it draws.
    """
    if only_window and not drawn_scope and detail_scope(window) is None:
        return no_update  # the whole view is drawn and stays (also Dash's start-up call)
    shown = select_events(
        collection.events,
        make_filter(
            categories, documents, search, map_selection=map_selection, all_kinds=all_kinds, fields=fields
        ),
    )
    lane = lane or "category"
    # the histogram lane stays while filters narrow a big corpus (a box on the map re-counts it)
    lane_kw = {"histogram": collection.dated_count() > HISTOGRAM_ABOVE}
    big = sum(1 for e in shown if e.date) > AGGREGATE_ABOVE
    scope = detail_scope(window) if big else None
    if only_window and _covered(scope, drawn_scope, window):
        return no_update
    if scope is None:
        return timeline_figure(
            shown, lane=lane, highlight=selected_id, max_hover_chars=hover_chars(len(shown)), **lane_kw
        )
    wide = window_from_store(scope)
    inside = [e for e in shown if e.date and in_window(e, wide)]  # type: ignore[arg-type]
    return timeline_figure(
        inside,
        lane=lane,
        highlight=selected_id,
        max_hover_chars=hover_chars(len(inside)),
        aggregate=True,
        lanes=timeline_lanes(shown, lane),
        scope=scope,
        x_range=(window[0], window[1]),
        **lane_kw,
    )  # type: ignore[index]


def detail_scope(window: Sequence[Any] | None) -> list[str] | None:
    """[start, end] (ISO days) to draw in detail for a time window, None for the whole view."""
    win = window_from_store(window)
    if win is None or not isinstance(win[0], datetime):  # a window in decimal years: no detail view
        return None
    if (win[1] - win[0]).total_seconds() > DETAIL_MAX_DAYS * 86400:  # type: ignore[operator]
        return None
    pad = max(win[1] - win[0], timedelta(days=1))
    return [(win[0] - pad).date().isoformat(), (win[1] + pad).date().isoformat() + " 23:59:59"]


def _covered(scope: list[str] | None, drawn: Sequence[str] | None, window: Sequence[Any] | None) -> bool:
    """True when the drawn timeline already fits the window: both whole, or the drawn scope holds it."""
    if not drawn:
        return scope is None
    if scope is None:
        return False
    win, have = window_from_store(window), window_from_store(drawn)
    return win is not None and have is not None and have[0] <= win[0] and win[1] <= have[1]


def table_for_view(
    collection: EventCollection,
    categories: Sequence[str] | None,
    documents: Sequence[str] | None,
    search: str | None,
    map_selection: dict[str, Any] | None,
    window: Sequence[Any] | None,
    *,
    all_kinds: bool = False,
    fields: Mapping[str, Sequence[str]] | None = None,
) -> tuple[list, str]:
    """Table rows and the summary line for everything that narrows the view."""
    view = make_filter(
        categories, documents, search, window, map_selection, all_kinds=all_kinds, fields=fields
    )
    shown = select_events(collection.events, view)
    hidden = (
        0 if all_kinds else len(select_events(collection.events, replace(view, all_kinds=True))) - len(shown)
    )
    return grid_rows(shown), summary_line(shown, hidden=hidden)


# --------------------------------------------------------------------------- selection


def choose_event(
    collection: EventCollection,
    trigger: str | None,
    timeline_click: dict | None,
    map_click: dict | None,
    cell_clicked: dict | None,
    categories: Sequence[str] | None = None,
    documents: Sequence[str] | None = None,
    search: str | None = None,
    window: Sequence[Any] | None = None,
    *,
    all_kinds: bool = False,
    fields: Mapping[str, Sequence[str]] | None = None,
) -> str | None:
    """The id of the event the user clicked: a timeline point, a table row, or a map place.

    A map place can hold many events: the most precisely dated one in view there is chosen
    (then the earliest).
    Returns None when the click names nothing the app knows.
    """
    if trigger == "timeline":
        cd = _first_customdata(timeline_click)
        return cd if collection.find(cd) else None
    if trigger == "table":
        row_id = (cell_clicked or {}).get("rowId")
        return row_id if collection.find(row_id) else None
    if trigger == "map":
        key = _first_customdata(map_click)
        view = make_filter(categories, documents, search, window, all_kinds=all_kinds, fields=fields)
        here = [e for e in collection.events if place_key(e) == key and view.keeps(e)]
        here.sort(
            key=lambda e: (e.date is None, PRECISION_RANK.get(e.date_precision or "day", 9), e.date or "")
        )
        return here[0].id if here else None
    return None


def describe_event(collection: EventCollection, event_id: str | None) -> tuple[list[Any], str | None]:
    """Detail panel children and the map place to ring (the timeline ring is drawn in the page)."""
    event = collection.find(event_id)
    here = 0
    if event is not None and event.located:
        key = place_key(event)
        here = sum(1 for e in collection.events if place_key(e) == key)
    return detail_children(event, events_here=here), place_key(event) if event else None


def _first_customdata(click: dict | None) -> str | None:
    points = (click or {}).get("points") or []
    if not points:
        return None
    cd = points[0].get("customdata")
    if isinstance(cd, list):
        cd = cd[0] if cd else None
    return cd if isinstance(cd, str) else None


def download_view(
    collection: EventCollection,
    fmt: str,
    categories: Sequence[str] | None,
    documents: Sequence[str] | None,
    search: str | None,
    window: Sequence[Any] | None,
    map_selection: dict[str, Any] | None,
    lane: str | None = None,
    *,
    all_kinds: bool = False,
    fields: Mapping[str, Sequence[str]] | None = None,
) -> dict[str, Any]:
    """The events in view as a dcc.Download payload: {"content", "filename"} (text formats).

    Documents are named as the user gave them, or relative to the folder they share: a
    download never shows the server's absolute paths (eventmap.formats.documents)."""
    shown = select_events(
        collection.events,
        make_filter(categories, documents, search, window, map_selection, all_kinds=all_kinds, fields=fields),
    )
    shown = public_documents(shown)
    if fmt == "html":
        from dashboard.export.html import render_html

        return {"content": render_html(shown, title="eventmap view"), "filename": "eventmap-view.html"}
    from eventmap.formats import write_events

    buf = io.StringIO()
    write_events(shown, fmt, buf)
    return {"content": buf.getvalue(), "filename": f"eventmap-view.{fmt}"}
