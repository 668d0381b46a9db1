"""The map figure: one marker per place with its count, on an offline geo base map."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import plotly.graph_objects as go

from dashboard.figures.aggregates import PlacePoint, aggregate_places
from dashboard.figures.colors import HIGHLIGHT_COLOR, category_color
from dashboard.figures.imported import fatalities_sum
from dashboard.figures.labels import date_label, escape, find_event, place_key, reported_by, wrap
from eventmap.model import Event

MAX_LABELLED_PLACES = 400  # above this, counts are in the hover and the marker size only
MAP_UIREVISION = "map"


def marker_size(count: int) -> float:
    """Marker diameter in px: area grows with the count, capped so one place cannot cover a country."""
    return round(min(44.0, 9.0 + 5.0 * math.sqrt(max(count, 1) - 1)), 1)


def place_hover(pt: PlacePoint, max_items: int = 4) -> str:
    """Hover for a place: its name, its count (and reports, when merged) and the first few events there."""
    head = f"<b>{escape(pt.name)}</b> · {pt.count} event{'s' if pt.count != 1 else ''}"
    reports = sum(e.source_count for e in pt.events)
    if reports > pt.count:  # some event here is a merge of several reports
        head += " · " + reported_by(reports)
    deaths = fatalities_sum(pt.events)
    if deaths is not None:  # imported data that count deaths (ACLED, UCDP)
        head += f" · {deaths:,} fatalities"
    lines = [
        f"{escape(date_label(e))}: {wrap(e.text, width=70, limit=90)}"
        + (f" ({e.source_count} sources)" if e.source_count > 1 else "")
        for e in pt.events[:max_items]
    ]
    if pt.count > max_items:
        lines.append(f"… and {pt.count - max_items} more")
    return "<br>".join([head, *lines])


def default_view(points: Sequence[PlacePoint]) -> dict[str, Any]:
    """A geo view (center + projection scale) framing the places, or the world when none."""
    if not points:
        return {"center": {"lat": 20.0, "lon": 0.0}, "scale": 1.0}
    lats = [p.lat for p in points]
    lons = [p.lon for p in points]
    lat_span = max(max(lats) - min(lats), 8.0)
    lon_span = max(max(lons) - min(lons), 12.0)
    scale = round(max(1.0, min(360.0 / (lon_span * 2.4), 180.0 / (lat_span * 2.4), 30.0)), 2)
    # At scale s the frame shows about 180/s degrees of latitude: keep the centre far enough
    # from the poles that the frame stays on the globe (else a world view slides off its frame).
    lat_room = max(0.0, 90.0 - 90.0 / scale)
    mid_lat = (max(lats) + min(lats)) / 2
    return {
        "center": {
            "lat": round(max(-lat_room, min(lat_room, mid_lat)), 3),
            "lon": (max(lons) + min(lons)) / 2,
        },
        "scale": scale,
    }


def map_traces(events: Sequence[Event], *, highlight: str | None = None) -> list[go.Scattergeo]:
    """The map's traces: places (always, possibly empty) and the highlight ring."""
    points = aggregate_places(events)
    labelled = len(points) <= MAX_LABELLED_PLACES
    traces = [
        go.Scattergeo(
            lat=[p.lat for p in points],
            lon=[p.lon for p in points],
            customdata=[p.key for p in points],
            text=[str(p.count) if p.count > 1 and labelled else "" for p in points],
            hovertext=[place_hover(p) for p in points],
            hoverinfo="text",
            mode="markers+text" if labelled else "markers",
            textfont={"color": "white", "size": 10},
            marker={
                "size": [marker_size(p.count) for p in points],
                "color": [category_color(p.category) for p in points],
                "opacity": 0.85,
                "line": {"width": 1, "color": "white"},
            },
            name="places",
            showlegend=False,
            meta={"role": "map-places"},
        )
    ]
    traces.append(map_highlight(find_event(events, highlight)))
    return traces


def map_highlight(target: Event | None) -> go.Scattergeo:
    """The ring around the highlighted event's place (always trace 1 of the map; empty if none)."""
    located = target is not None and target.located
    return go.Scattergeo(
        lat=[target.lat] if located else [],
        lon=[target.lon] if located else [],  # type: ignore[union-attr]
        customdata=[place_key(target)] if located else [],
        mode="markers",  # type: ignore[arg-type]
        hoverinfo="skip",
        showlegend=False,
        name="selected",
        marker={"size": 30, "symbol": "circle-open", "color": HIGHLIGHT_COLOR, "line": {"width": 3}},
        meta={"role": "map-highlight"},
    )


def geo_layout(view: dict[str, Any], resolution: int = 110) -> dict[str, Any]:
    """Plotly geo settings: offline-friendly base map, a fixed view, kept across updates."""
    return {
        "projection": {"type": "natural earth", "scale": view["scale"]},
        "center": view["center"],
        "fitbounds": False,
        "resolution": resolution,
        "showland": True,
        "landcolor": "#eeeeee",
        "showocean": True,
        "oceancolor": "#dceefa",
        "showcountries": True,
        "countrycolor": "#aaaaaa",
        "showcoastlines": True,
        "coastlinecolor": "#999999",
        "showframe": False,
        "uirevision": MAP_UIREVISION,
    }


def map_figure(
    events: Sequence[Event],
    *,
    highlight: str | None = None,
    view: dict[str, Any] | None = None,
    height: int | None = None,
    title: str | None = None,
    resolution: int = 110,
) -> go.Figure:
    """The map: one marker per place with a count; see the module docstring."""
    fig = go.Figure(map_traces(events, highlight=highlight))
    fig.update_layout(
        geo=geo_layout(view or default_view(aggregate_places(events)), resolution),
        height=height or 460,
        title=title,
        dragmode="pan",
        uirevision=MAP_UIREVISION,
        margin={"l": 0, "r": 0, "t": 40 if title else 0, "b": 0},
    )
    return fig
