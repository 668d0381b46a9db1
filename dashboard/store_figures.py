"""Figures for a very large event store, drawn from the store's aggregates, not from events.

The store answers `aggregate(by="day_category")` and `aggregate(by="place")` server-side; these
pure functions turn those rows into the store-mode dashboard's timeline (the in-memory app's
histogram lane: events per day, week or month, stacked by category) and map (one marker per
place, area growing with its count). The map uses the same offline geo layout, view and
marker sizes as `dashboard.figures`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import plotly.graph_objects as go

from dashboard.figures import (
    MAP_UIREVISION,
    MAX_LABELLED_PLACES,
    default_view,
    escape,
    geo_layout,
    marker_size,
)
from dashboard.figures.colors import CATEGORY_COLORS
from dashboard.figures.histogram import bin_start, histogram_axis, histogram_level, histogram_traces
from dashboard.figures.map import cell_key, density_style

STORE_TIMELINE_UIREVISION = "store-timeline"
PLACE_COLOR = CATEGORY_COLORS["diplomacy"]  # places of every category: one neutral blue


@dataclass(frozen=True, slots=True)
class GeoPoint:
    """What `default_view` needs of a place: lat and lon."""

    lat: float
    lon: float


def place_key(row: Mapping[str, Any]) -> str:
    """The map's key for an aggregated place (same form as `dashboard.figures.place_key`)."""
    return f"{float(row['lat']):.4f},{float(row['lon']):.4f}"


def histogram_bins(
    day_rows: Sequence[Mapping[str, Any]], level: str, scope: tuple[str, str] | None = None
) -> list[dict[str, Any]]:
    """Rows {day, category, count} (``store.aggregate(by="day_category")``; without a category:
    one grey series) summed into bins {start, category, count} of `level`, inside `scope` (first
    and last day, inclusive) when given."""
    lo, hi = scope or (None, None)
    sums: dict[tuple[str, str | None], int] = {}
    for r in day_rows:
        day = str(r["day"])[:10]
        if (lo and day < lo) or (hi and day > hi):
            continue
        key = (bin_start(date.fromisoformat(day), level).isoformat(), r.get("category"))
        sums[key] = sums.get(key, 0) + int(r["count"])
    return [{"start": d, "category": c, "count": n} for (d, c), n in sorted(sums.items(), key=_bin_order)]


def _bin_order(item: tuple[tuple[str, str | None], int]) -> tuple[str, str]:
    (start, category), _n = item
    return start, category or ""


def drawn_scope(
    window: tuple[str | None, str | None], data: tuple[str | None, str | None]
) -> tuple[str, str] | None:
    """The days a timeline zoomed to `window` draws (at the window's histogram level): the window
    and as much again on each side, inside the `data`'s first and last day; None: all of them."""
    a, b = window
    first, last = data
    if not (a and b and first and last):
        return None
    lo, hi = date.fromisoformat(a[:10]), date.fromisoformat(b[:10])
    if histogram_level(lo, hi) == histogram_level(date.fromisoformat(first), date.fromisoformat(last)):
        return None  # the whole range is drawn at that level already
    span = hi - lo + timedelta(days=1)
    return max(first, (lo - span).isoformat()), min(last, (hi + span).isoformat())


def store_timeline_figure(
    day_rows: Sequence[Mapping[str, Any]],
    *,
    window: tuple[str | None, str | None] = (None, None),
    scope: tuple[str, str] | None = None,
    height: int = 260,
    title: str | None = None,
    revision: str = STORE_TIMELINE_UIREVISION,
) -> go.Figure:
    """The in-memory app's histogram lane (dashboard.figures.histogram) with counts from the store.

    Events per day, week or month (the level the drawn days call for), stacked by category;
    `day_rows` from ``store.aggregate(by="day_category")``. A store of millions of events has
    no single marks on its timeline: the axis says it counts events per bin. `scope` limits the
    bars to those days (a zoomed window, drawn finer), `window` keeps the axis on the zoom.
    """
    if scope:
        first, last = date.fromisoformat(scope[0]), date.fromisoformat(scope[1])
    else:
        days = [str(r["day"])[:10] for r in day_rows]
        first = date.fromisoformat(min(days)) if days else None
        last = date.fromisoformat(max(days)) if days else None
    level = histogram_level(first, last)
    traces = histogram_traces(histogram_bins(day_rows, level, scope), level, yaxis="y")
    fig = go.Figure(traces or [go.Bar(x=[], y=[], showlegend=False, meta={"role": "timeline-histogram"})])
    axis = histogram_axis((0.0, 1.0), level)
    axis["title"] = {"text": f"events per {level}", "font": {"size": 11}}
    xaxis: dict[str, Any] = {"type": "date", "rangeslider": {"visible": False}}
    if window[0] and window[1]:
        xaxis["range"] = [window[0], window[1]]
    fig.update_layout(
        height=height,
        title=title,
        barmode="stack",
        bargap=0,
        dragmode="zoom",
        uirevision=revision,
        margin={"l": 60, "r": 20, "t": 40 if title else 10, "b": 40},
        xaxis=xaxis,
        yaxis=axis,
        plot_bgcolor="white",
        meta={"role": "store-histogram", "level": level, "scope": list(scope) if scope else None},
    )
    return fig


def place_hover(row: Mapping[str, Any]) -> str:
    n = int(row["count"])
    span = f"<br>{row['first']} – {row['last']}" if row.get("first") else ""
    return f"<b>{escape(row.get('place') or '?')}</b> · {n:,} event{'s' if n != 1 else ''}{span}"


def store_map_figure(
    place_rows: Sequence[Mapping[str, Any]],
    *,
    view: dict[str, Any] | None = None,
    height: int = 460,
    resolution: int = 110,
    revision: str = MAP_UIREVISION,
) -> go.Figure:
    """One marker per place sized by its count (rows from `store.aggregate(by="place")`).

    customdata is [key, count] per place, so the page (and the tests) can read the counts.
    """
    labelled = len(place_rows) <= MAX_LABELLED_PLACES
    counts = [int(r["count"]) for r in place_rows]
    fig = go.Figure(
        go.Scattergeo(
            lat=[float(r["lat"]) for r in place_rows],
            lon=[float(r["lon"]) for r in place_rows],
            customdata=[[place_key(r), n] for r, n in zip(place_rows, counts)],
            text=[f"{n:,}" if n > 1 and labelled else "" for n in counts],
            hovertext=[place_hover(r) for r in place_rows],
            hoverinfo="text",
            mode="markers+text" if labelled else "markers",
            textfont={"color": "white", "size": 10},
            marker={
                "size": [marker_size(n) for n in counts],
                "color": PLACE_COLOR,
                "opacity": 0.8,
                "line": {"width": 1, "color": "white"},
            },
            name="places",
            showlegend=False,
            meta={"role": "map-places"},
        )
    )
    if view is None:
        view = default_view([GeoPoint(float(r["lat"]), float(r["lon"])) for r in place_rows])  # type: ignore[list-item]
    return _on_geo_map(fig, view, resolution, height, revision)


def store_density_figure(
    cell_rows: Sequence[Mapping[str, Any]],
    size: float,
    *,
    view: dict[str, Any] | None = None,
    height: int = 460,
    resolution: int = 110,
    revision: str = MAP_UIREVISION,
) -> go.Figure:
    """Events per grid cell (rows from ``store.aggregate(by="cell", cell_deg=size)``), drawn as
    the in-memory app's density map (``dashboard.figures.map.density_trace``: the same cell keys,
    sizes, colours and hover) on the store map's geo projection.

    customdata is [cell key, count] per cell, as the place markers' [place key, count].
    """
    counts = [int(c["count"]) for c in cell_rows]
    fig = go.Figure(
        go.Scattergeo(
            lat=[float(c["lat"]) for c in cell_rows],
            lon=[float(c["lon"]) for c in cell_rows],
            customdata=[
                [cell_key(float(c["lat"]), float(c["lon"]), size), n] for c, n in zip(cell_rows, counts)
            ],
            **density_style(counts, size),
        )
    )
    return _on_geo_map(
        fig, view or {"center": {"lat": 20.0, "lon": 0.0}, "scale": 1.0}, resolution, height, revision
    )


def _on_geo_map(
    fig: go.Figure, view: dict[str, Any], resolution: int, height: int, revision: str
) -> go.Figure:
    """The store map's frame, for its place markers and its density cells alike: the geo
    projection at `view`, box selection, and a `uirevision` that keeps the user's zoom."""
    fig.update_layout(
        geo=geo_layout(view, resolution),
        height=height,
        dragmode="select",
        uirevision=revision,
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
    )
    return fig


def store_marks_figure(
    rows: Sequence[Mapping[str, Any]],
    cells: float | None,
    *,
    view: dict[str, Any] | None = None,
    revision: str = MAP_UIREVISION,
) -> go.Figure:
    """The store map: density cells of `cells` degrees, or (None) one marker per place."""
    if cells:
        return store_density_figure(rows, cells, view=view, revision=revision)
    return store_map_figure(rows, view=view, revision=revision)
