"""Timeline above map in one figure, for single images and pages."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard.basemap.style import inline_style
from dashboard.figures.aggregates import aggregate_places
from dashboard.figures.labels import uses_year_axis
from dashboard.figures.map import map_layout, map_traces, map_view, places_bbox
from dashboard.figures.timeline import (
    TIMELINE_UIREVISION,
    TITLED_TOP,
    lane_axis,
    time_axis,
    timeline_traces,
    title_above_legend,
    year_range,
)
from eventmap.model import Event


def combined_figure(
    events: Sequence[Event],
    *,
    lane: str = "category",
    highlight: str | None = None,
    x_range: tuple[str, str] | None = None,
    view: dict[str, Any] | None = None,
    height: int | None = None,
    title: str | None = None,
    style: dict[str, Any] | None = None,
    max_hover_chars: int = 220,
    aggregate: bool | None = None,
) -> go.Figure:
    """Timeline (top) and map (bottom) in one figure, e.g. for a single image; the map's base is
    inline (offline) unless `style` says otherwise."""
    fig = make_subplots(
        rows=2,
        cols=1,
        row_heights=[0.42, 0.58],
        vertical_spacing=0.06,
        specs=[[{"type": "xy"}], [{"type": "map"}]],
    )
    tl_traces, lanes = timeline_traces(
        events, lane=lane, highlight=highlight, max_hover_chars=max_hover_chars, aggregate=aggregate
    )
    for tr in tl_traces:
        fig.add_trace(tr, row=1, col=1)
    places = aggregate_places(events)
    view = view or map_view(places)
    for tr in map_traces(events, highlight=highlight, zoom=view["zoom"]):
        fig.add_trace(tr, row=2, col=1)
    fig.update_layout(
        map=map_layout(view, style or inline_style(places_bbox(places))),
        height=height or 900,
        title=title_above_legend(title),
        hovermode="closest",
        uirevision=TIMELINE_UIREVISION,
        margin={"l": 10, "r": 10, "t": TITLED_TOP if title else 40, "b": 10},
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0},
        plot_bgcolor="#fafafa",
    )
    fig.update_xaxes(**time_axis(events), row=1, col=1)  # dates, or years beyond 1..9999
    if x_range:
        fig.update_xaxes(range=year_range(x_range) if uses_year_axis(events) else list(x_range), row=1, col=1)
    fig.update_yaxes(**lane_axis(lanes), row=1, col=1)
    return fig


# --------------------------------------------------------------------------- linking
