"""The events table (dash-ag-grid rows: `grid_rows`) and the one-line summary of what is in view (`summary_line`).

The grid sorts and filters in the browser; it receives at most MAX_TABLE_ROWS rows so a
100,000-event view does not ship every sentence (the summary says when rows were left out).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dashboard.app.imported import table_cells, table_columns
from dashboard.figures import document_name, when_label
from dashboard.figures.imported import fatalities_sum
from eventmap.model import Event

MAX_TABLE_ROWS = 1000

TABLE_COLUMNS: list[dict[str, Any]] = [
    {"field": "date", "headerName": "Date", "width": 120, "sort": "asc"},
    {"field": "when", "headerName": "When", "width": 150},
    {"field": "date_text", "headerName": "Date expression", "width": 160},
    {"field": "category", "headerName": "Category", "width": 110},
    {"field": "places", "headerName": "Places", "width": 200},
    {"field": "text", "headerName": "Sentence", "flex": 1, "minWidth": 300, "tooltipField": "text"},
    {"field": "document", "headerName": "Document", "width": 170},
    # how many reports (articles) a merged event stands for; 1 for an unmerged event
    {"field": "sources", "headerName": "Sources", "width": 100, "filter": "agNumberColumnFilter"},
]


def grid_row(event: Event) -> dict[str, Any]:
    """One grid row; values are plain strings (the grid renders them as text), the source count a number."""
    return {
        "id": event.id,
        "date": event.date or "",
        "when": when_label(event),
        "date_text": event.date_text or "",
        "category": event.category,
        "places": ", ".join(p.name or p.text for p in event.places) or "",
        "text": event.text,
        "document": document_name(event),
        "sources": event.source_count,
    }


def grid_rows(events: Sequence[Event], limit: int = MAX_TABLE_ROWS) -> list[dict[str, Any]]:
    """Rows for the first `limit` events (dated first, by date; undated at the end)."""
    ordered = sorted(  # by decimal year: a BCE year sorts before 1066, not by its text
        events, key=lambda e: (e.date is None, e.start_year or 0.0, e.source.document, e.source.start)
    )
    rows = ordered[:limit]
    fields = table_columns(rows)  # imported fields (actors, fatalities ...) the rows have
    return [grid_row(e) | table_cells(e, fields) for e in rows]


def summary_line(events: Sequence[Event], limit: int = MAX_TABLE_ROWS, *, hidden: int = 0) -> str:
    """'12 events in view · 3 without a place (timeline and table only) · 1 undated (table only)'
    and, when context sentences are hidden, how many."""
    n = len(events)
    unplaced = sum(1 for e in events if not e.located)
    undated = sum(1 for e in events if not e.date)
    parts = [f"{n} event{'s' if n != 1 else ''} in view"]
    if unplaced:
        parts.append(f"{unplaced} without a place (timeline and table only)")
    if undated:
        parts.append(f"{undated} undated (table only)")
    if n > limit:
        parts.append(f"table shows the first {limit}")
    deaths = fatalities_sum(events)
    if deaths is not None:
        parts.append(f"{deaths:,} fatalities reported")
    if hidden:
        parts.append(
            f"{hidden} context sentence{'s' if hidden != 1 else ''} hidden (tick “context too” to show)"
        )
    return " · ".join(parts)
