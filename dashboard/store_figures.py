"""Figures for a very large event store, drawn from the store's aggregates, not from events.

The store answers `aggregate(by="day")` and `aggregate(by="place")` server-side; these pure
functions turn those rows into the store-mode dashboard's timeline (events per day, a bar
chart) and map (one marker per place, area growing with its count). The map uses the same
offline geo layout, view and marker sizes as `dashboard.figures`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
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

STORE_TIMELINE_UIREVISION = "store-timeline"
PLACE_COLOR = CATEGORY_COLORS["diplomacy"]  # places of every category: one neutral blue
BAR_COLOR = CATEGORY_COLORS["diplomacy"]
MAX_BARS = 1_000  # more days: one filled step line instead of bar shapes (see store_timeline_figure)


@dataclass(frozen=True, slots=True)
class _Point:
    """What `default_view` needs of a place: lat and lon."""

    lat: float
    lon: float


def place_key(row: Mapping[str, Any]) -> str:
    """The map's key for an aggregated place (same form as `dashboard.figures.place_key`)."""
    return f"{float(row['lat']):.4f},{float(row['lon']):.4f}"


def store_timeline_figure(
    day_rows: Sequence[Mapping[str, Any]],
    *,
    height: int = 260,
    title: str | None = None,
    revision: str = STORE_TIMELINE_UIREVISION,
) -> go.Figure:
    """Events per day as bars (rows from `store.aggregate(by="day")`); zoom keeps across updates.

    Up to `MAX_BARS` days are SVG bars; more (11 years are ~4,000 days) are drawn as the same
    bars' outline, one filled step line, because plotly.js redraws thousands of bar shapes
    on every zoom (0.3-0.7 s in software rendering) and one path in milliseconds.
    """
    x, y = [r["day"] for r in day_rows], [int(r["count"]) for r in day_rows]
    hover = "%{x|%d %b %Y}: %{y:,} events<extra></extra>"
    common = {"name": "events per day", "showlegend": False, "meta": {"role": "store-days"}}
    if len(day_rows) <= MAX_BARS:
        trace: go.Bar | go.Scatter = go.Bar(
            x=x, y=y, marker={"color": BAR_COLOR, "line": {"width": 0}}, hovertemplate=hover, **common
        )
    else:
        trace = go.Scatter(
            x=x,
            y=y,
            mode="lines",
            line={"shape": "hvh", "width": 1, "color": BAR_COLOR},
            fill="tozeroy",
            fillcolor=BAR_COLOR,
            hovertemplate=hover,
            **common,
        )
    fig = go.Figure(trace)
    fig.update_layout(
        height=height,
        title=title,
        bargap=0,
        dragmode="zoom",
        uirevision=revision,
        margin={"l": 60, "r": 20, "t": 40 if title else 10, "b": 40},
        xaxis={"type": "date", "rangeslider": {"visible": False}},
        yaxis={"title": {"text": "events per day"}, "rangemode": "tozero", "fixedrange": True},
        plot_bgcolor="white",
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
        view = default_view([_Point(float(r["lat"]), float(r["lon"])) for r in place_rows])  # type: ignore[list-item]
    fig.update_layout(
        geo=geo_layout(view, resolution),
        height=height,
        dragmode="select",
        uirevision=revision,
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
    )
    return fig
