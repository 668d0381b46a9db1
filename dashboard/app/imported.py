"""Imported data in the app: detail-panel rows, table columns and the actor/sub-event filters.

What the fields mean and where they are found is dashboard/figures/imported.py; this module
only puts them on the page (Dash components, grid column definitions, dropdowns).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dash import dcc, html

from dashboard.figures import imported
from eventmap.model import Event

FILTER_IDS = {"actors": "filter-actor", "sub_event_type": "filter-sub-event"}
FILTER_LABELS = {"actors": "Actor", "sub_event_type": "Sub-event type"}


def detail_rows(event: Event) -> list[tuple[str, Any]]:
    """(label, value) rows for the detail panel: the imported fields the event has."""
    rows: list[tuple[str, Any]] = []
    for field in imported.FIELDS:
        if field.key == "headline":
            continue  # shown above the sentence
        v = imported.value(event, field.key)
        if v not in ("", None):
            rows.append((field.label, str(v)))
    url = imported.media_url(event)
    if url:
        rows.append(("Media", html.A(url, href=url, target="_blank", rel="noopener noreferrer")))
    sid = event.extra.get("source_id") if event.extra else None
    if sid:
        rows.append(("Id in the file", str(sid)))
    return rows


def headline(event: Event) -> list[Any]:
    """The slide's own headline above the sentence (TimelineJS), or nothing."""
    text = imported.extra_value(event, "headline")
    return [html.H3(text, id="detail-headline", className="headline")] if text and text != event.text else []


def table_columns(events: Sequence[Event]) -> list[dict[str, Any]]:
    """Grid columns of the imported fields `events` have (fatalities filter as numbers)."""
    out = []
    for f in imported.present(events):
        col: dict[str, Any] = {"field": f"x_{f.key}", "headerName": f.label, "width": f.width}
        if f.key == "fatalities":
            col["filter"] = "agNumberColumnFilter"
        out.append(col)
    return out


def table_cells(event: Event, fields: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The imported fields' cells of one grid row (keys as in table_columns)."""
    return {c["field"]: imported.value(event, c["field"][2:]) for c in fields}


def field_filter_controls(events: Sequence[Event]) -> list[html.Div]:
    """Dropdowns for actors and sub-event types; hidden when the data have neither (the callbacks need them)."""
    out = []
    for key, cid in FILTER_IDS.items():
        options = imported.filter_options(events, key)
        out.append(
            html.Div(
                [
                    html.Label(FILTER_LABELS[key], htmlFor=cid),
                    dcc.Dropdown(
                        id=cid, options=options, value=[], multi=True, placeholder=f"all ({len(options)})"
                    ),
                ],
                className="control",
                style={} if options else {"display": "none"},
            )
        )
    return out


def size_control(events: Sequence[Event]) -> html.Div:
    """Map marker sizes by events or by fatalities; hidden unless the data report deaths."""
    has_deaths = any(imported.fatalities(e) is not None for e in events if e.extra)
    return html.Div(
        [
            html.Label("Map size"),
            dcc.RadioItems(
                id="size-by",
                options=[
                    {"label": "events", "value": "events"},
                    {"label": "fatalities", "value": "fatalities"},
                ],
                value="events",
                inline=True,
            ),
        ],
        className="control",
        style={} if has_deaths else {"display": "none"},
    )
