"""The map figure: places at their precision (points, or areas for regions and countries) on an offline MapLibre map.

Marks, by trace role (``meta["role"]``; dashboard/static/mapdraw.js draws the same ones in
the browser):

* ``map-areas`` (``choroplethmap``, one per category): region- and country-level places as
  their outline, lightly filled in the colour of their most frequent category; location =
  the place key ("region:UA.KR"), hover = name, precision and events;
* ``map-area-counts`` (``scattermap``, text only): the count written inside each area;
* ``map-ring``: the ring around the selected place (empty without one), under the points;
* ``map-points`` (``scattermap``, exactly one): one circle per point place, area growing with
  its count, coloured by its most frequent category; ``customdata[i]`` = place key;
* ``map-hollow``: a white centre on the points whose events all take their place from the
  article's setting (``place_source == "document"``), so those read as hollow rings;
* ``map-density`` (``scattermap``): above MAX_POINTS places, grid cells sized by their number
  of events instead of places (the app switches back to places as the map zooms in).

The base map is a MapLibre style (dashboard/basemap/style.py): by default inline GeoJSON, so
the figure draws with no network anywhere (Jupyter, Quarto, kaleido); the app passes its
vector-tile style. ``view`` = {"center": {"lat", "lon"}, "zoom": z} pins the view.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from typing import Any

import plotly.graph_objects as go

from dashboard.basemap.areas import area_features, area_level
from dashboard.basemap.style import inline_style
from dashboard.figures.aggregates import PlacePoint, aggregate_places
from dashboard.figures.colors import HIGHLIGHT_COLOR, category_color, category_order
from dashboard.figures.imported import fatalities_sum
from dashboard.figures.labels import date_label, escape, find_event, place_key, reported_by, wrap
from eventmap.model import Event

MAX_LABELLED_PLACES = 400  # above this, counts are in the hover and the marker size only
MAX_POINTS = 3000  # more places than this: density cells (the app: more in the map's view)
MAP_UIREVISION = "map"
MAP_HEIGHT = 460
MAP_WIDTH = 900  # the width a default view is fitted to (the app's map is about this wide)
AREA_OPACITY = {1: 0.3, 2: 0.12}  # fill of a region (1) and of a country (2): a country is a faint wash


def marker_size(count: int) -> float:
    """Marker diameter in px: area grows with the count, capped so one place cannot cover a country."""
    return round(min(44.0, 9.0 + 5.0 * math.sqrt(max(count, 1) - 1)), 1)


def place_hover(pt: PlacePoint, max_items: int = 4) -> str:
    """Hover of a place: name and precision, its count (and reports, when merged), its first events."""
    head = (
        f"<b>{escape(pt.name)}</b> ({escape(pt.precision)}) · {pt.count} event{'s' if pt.count != 1 else ''}"
    )
    reports = sum(e.source_count for e in pt.events)
    if reports > pt.count:  # some event here is a merge of several reports
        head += " · " + reported_by(reports)
    deaths = fatalities_sum(pt.events)
    if deaths is not None:  # imported data that count deaths (ACLED, UCDP)
        head += f" · {deaths:,} fatalities"
    if pt.hollow:
        head += "<br><i>placed by the article's setting</i>"
    lines = [
        f"{escape(date_label(e))}: {wrap(e.text, width=70, limit=90)}"
        + (f" ({e.source_count} sources)" if e.source_count > 1 else "")
        for e in pt.events[:max_items]
    ]
    if pt.count > max_items:
        lines.append(f"… and {pt.count - max_items} more")
    return "<br>".join([head, *lines])


def map_view(points: Sequence[Any], width: int = MAP_WIDTH, height: int = MAP_HEIGHT) -> dict[str, Any]:
    """A MapLibre view (center + zoom) framing the places (anything with lat/lon), the world without."""
    if not points:
        return {"center": {"lat": 25.0, "lon": 10.0}, "zoom": 0.6}
    lats = [p.lat for p in points]
    lons = [p.lon for p in points]
    south, north = (min(80.0, max(-80.0, v)) for v in (min(lats), max(lats)))  # a pole has no Mercator y
    lon_span = max(max(lons) - min(lons), 1.5)

    def merc(lat: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    y_span = max(merc(north) - merc(south), math.radians(1.0))
    zoom_x = math.log2(width * 360.0 / (512.0 * lon_span * 1.4))  # MapLibre: the world is 512 px at zoom 0
    zoom_y = math.log2(height * 2 * math.pi / (512.0 * y_span * 1.4))
    mid_y = (merc(north) + merc(south)) / 2
    return {
        "center": {
            "lat": round(math.degrees(2 * math.atan(math.exp(mid_y)) - math.pi / 2), 4),
            "lon": round((max(lons) + min(lons)) / 2, 4),
        },
        "zoom": round(max(0.4, min(zoom_x, zoom_y, 9.0)), 2),
    }


def places_bbox(points: Sequence[Any], pad: float = 3.0) -> tuple[float, float, float, float] | None:
    """west, south, east, north around the places (plus `pad` degrees): where an inline map has detail."""
    if not points:
        return None
    lats, lons = [p.lat for p in points], [p.lon for p in points]
    return (
        max(-180.0, min(lons) - pad),
        max(-85.0, min(lats) - pad),
        min(180.0, max(lons) + pad),
        min(85.0, max(lats) + pad),
    )


def area_traces(areas: Sequence[PlacePoint], labelled: bool = True) -> list[Any]:
    """Areas in their category's colour, countries (faint) under regions (one choroplethmap per
    level and category), and the counts written inside."""
    traces: list[Any] = []
    groups: dict[tuple[int, str], list[PlacePoint]] = {}
    for pt in areas:
        groups.setdefault((area_level(pt.key), pt.category), []).append(pt)
    geojson = area_features([pt.key for pt in areas]) if areas else None
    cats = category_order({cat for _lvl, cat in groups})
    for level, cat in sorted(groups, key=lambda g: (-g[0], cats.index(g[1]))):
        color, group = category_color(cat), groups[(level, cat)]
        traces.append(
            go.Choroplethmap(
                geojson=geojson,
                locations=[pt.key for pt in group],
                featureidkey="id",
                z=[1] * len(group),
                zmin=0,
                zmax=1,
                colorscale=[[0, color], [1, color]],
                showscale=False,
                marker={"opacity": AREA_OPACITY[level], "line": {"color": color, "width": 1.5}},
                customdata=[pt.key for pt in group],
                hovertext=[place_hover(pt) for pt in group],
                hoverinfo="text",
                name=escape(cat),
                showlegend=False,
                meta={"role": "map-areas", "category": cat, "level": level},
            )
        )
    traces.append(
        go.Scattermap(
            lat=[pt.lat for pt in areas],
            lon=[pt.lon for pt in areas],
            text=[str(pt.count) if labelled else "" for pt in areas],
            customdata=[pt.key for pt in areas],
            mode="text",
            textfont={"color": "#222222", "size": 12},
            hoverinfo="skip",
            showlegend=False,
            name="area counts",
            meta={"role": "map-area-counts"},
        )
    )
    return traces


def point_traces(points: Sequence[PlacePoint], labelled: bool = True) -> list[Any]:
    """The point places (one circle each) and the white centres that make the hollow ones rings."""
    sizes = [marker_size(p.count) for p in points]
    hollow = [(p, s) for p, s in zip(points, sizes) if p.hollow]
    return [
        go.Scattermap(
            lat=[p.lat for p in points],
            lon=[p.lon for p in points],
            customdata=[p.key for p in points],
            text=[str(p.count) if p.count > 1 and labelled else "" for p in points],
            hovertext=[place_hover(p) for p in points],
            hoverinfo="text",
            mode="markers+text" if labelled else "markers",
            textfont={"color": "white", "size": 10},
            marker={"size": sizes, "color": [category_color(p.category) for p in points], "opacity": 0.85},
            name="places",
            showlegend=False,
            meta={"role": "map-points"},
        ),
        go.Scattermap(
            lat=[p.lat for p, _ in hollow],
            lon=[p.lon for p, _ in hollow],
            customdata=[p.key for p, _ in hollow],
            mode="markers",
            marker={"size": [round(s * 0.55, 1) for _, s in hollow], "color": "#ffffff", "opacity": 1.0},
            hoverinfo="skip",
            showlegend=False,
            name="article's setting",
            meta={"role": "map-hollow"},
        ),
    ]


def ring_trace(at: PlacePoint | None) -> Any:
    """The ring (a dark disc under the place's own mark) around the selected place; empty if none."""
    return go.Scattermap(
        lat=[at.lat] if at else [],
        lon=[at.lon] if at else [],
        customdata=[at.key] if at else [],
        mode="markers",
        marker={"size": (marker_size(at.count) + 12) if at else 30, "color": HIGHLIGHT_COLOR, "opacity": 0.9},
        hoverinfo="skip",
        showlegend=False,
        name="selected",
        meta={"role": "map-ring"},
    )


def cell_size(zoom: float) -> float:
    """Grid cell size (degrees) of the density view at a map zoom: cells of about 30 px, a power of two."""
    deg = 21 / 2 ** max(0.0, zoom or 0.0)  # 30 px of the 512 px MapLibre world
    size = 0.125
    while size < 32 and size < deg:
        size *= 2
    return size


def cell_key(lat: float, lon: float, size: float) -> str:
    """The key of the density cell holding (lat, lon): "cell:SIZE:ROW:COL"."""
    return f"cell:{size:g}:{math.floor(lat / size)}:{math.floor(lon / size)}"


def density_trace(cells: Sequence[dict[str, Any]], size: float) -> Any:
    """Density cells from counts: rows {lat, lon, count} (cell centres); pre-aggregated counts work too.

    The store-mode app feeds it ``store.aggregate(by="cell", cell_deg=size)``; the in-memory
    figure its own counts (:func:`density_cells`). customdata is the cell key, so a box over the
    cells selects their events.
    """
    counts = [int(c["count"]) for c in cells]
    return go.Scattermap(
        lat=[float(c["lat"]) for c in cells],
        lon=[float(c["lon"]) for c in cells],
        customdata=[cell_key(float(c["lat"]), float(c["lon"]), size) for c in cells],
        **density_style(counts, size),
    )


def density_style(counts: Sequence[int], size: float) -> dict[str, Any]:
    """The density marks' look and hover, shared by the app's map and store mode's geo map:
    size by the square root of the count, colour by the count, one hover line per cell."""
    top = max(counts, default=1)
    return {
        "hovertext": [f"{n:,} event{'s' if n != 1 else ''} here (zoom in for places)" for n in counts],
        "hoverinfo": "text",
        "mode": "markers",
        "marker": {
            "size": [round(6 + 22 * math.sqrt(n / top), 1) for n in counts],
            "color": list(counts),
            "colorscale": "YlOrRd",
            "cmin": 0,
            "cmax": top,
            "opacity": 0.75,
        },
        "showlegend": False,
        "name": "density",
        "meta": {"role": "map-density", "cell": size},
    }


def density_cells(points: Sequence[PlacePoint], size: float) -> list[dict[str, Any]]:
    """Events per grid cell of `size` degrees (cell centres), from the places."""
    counts: Counter[tuple[int, int]] = Counter()
    for p in points:
        counts[(math.floor(p.lat / size), math.floor(p.lon / size))] += p.count
    return [{"lat": (r + 0.5) * size, "lon": (c + 0.5) * size, "count": n} for (r, c), n in counts.items()]


def map_traces(
    events: Sequence[Event], *, highlight: str | None = None, max_points: int = MAX_POINTS, zoom: float = 1.0
) -> list[Any]:
    """The map's traces: areas and their counts, the ring, points, hollow centres (or, above
    `max_points` places, density cells of the size that suits `zoom`)."""
    places = aggregate_places(events)
    target = find_event(events, highlight)
    key = place_key(target) if target is not None else None
    at = next((p for p in places if p.key == key), None)
    if len(places) > max_points:
        size = cell_size(zoom)
        return [ring_trace(None), density_trace(density_cells(places, size), size)]
    areas = [p for p in places if p.is_area]
    points = [p for p in places if not p.is_area]
    labelled = len(places) <= MAX_LABELLED_PLACES
    return [*area_traces(areas, labelled), ring_trace(at), *point_traces(points, labelled)]


def map_layout(view: dict[str, Any], style: dict[str, Any]) -> dict[str, Any]:
    """The map subplot: the style, a fixed view, kept across updates."""
    return {"style": style, "center": view["center"], "zoom": view["zoom"], "uirevision": MAP_UIREVISION}


def map_figure(
    events: Sequence[Event],
    *,
    highlight: str | None = None,
    view: dict[str, Any] | None = None,
    height: int | None = None,
    title: str | None = None,
    style: dict[str, Any] | None = None,
) -> go.Figure:
    """The map of the events' places; see the module docstring (``style`` defaults to inline)."""
    places = aggregate_places(events)
    view = view or map_view(places)
    fig = go.Figure(map_traces(events, highlight=highlight, zoom=view["zoom"]))
    fig.update_layout(
        map=map_layout(view, style or inline_style(places_bbox(places))),
        height=height or MAP_HEIGHT,
        title=title,
        dragmode="pan",
        uirevision=MAP_UIREVISION,
        margin={"l": 0, "r": 0, "t": 40 if title else 0, "b": 0},
    )
    return fig


# -- the geo projection (the store-mode map still draws on it) ------------------------------------


def default_view(points: Sequence[Any]) -> dict[str, Any]:
    """A geo view (center + projection scale) framing the places, or the world when none."""
    if not points:
        return {"center": {"lat": 20.0, "lon": 0.0}, "scale": 1.0}
    lats = [p.lat for p in points]
    lons = [p.lon for p in points]
    lat_span = max(max(lats) - min(lats), 8.0)
    lon_span = max(max(lons) - min(lons), 12.0)
    scale = round(max(1.0, min(360.0 / (lon_span * 2.4), 180.0 / (lat_span * 2.4), 30.0)), 2)
    lat_room = max(0.0, 90.0 - 90.0 / scale)
    mid_lat = (max(lats) + min(lats)) / 2
    return {
        "center": {
            "lat": round(max(-lat_room, min(lat_room, mid_lat)), 3),
            "lon": (max(lons) + min(lons)) / 2,
        },
        "scale": scale,
    }


def geo_layout(view: dict[str, Any], resolution: int = 110) -> dict[str, Any]:
    """Plotly geo settings (the geo projection, topojson base map): a fixed view, kept across updates."""
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
