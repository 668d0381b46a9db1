"""MapLibre styles of the base map: vector tiles from the app, inline GeoJSON for pages and images, or online tiles.

* `tile_style(url)`: the app's style; `url` is the absolute tile URL template
  (``http://host:port/_eventmap/tiles/{z}/{x}/{y}.pbf``; MapLibre ignores relative ones).
* `inline_style(bbox)`: the same layers with the data inside the style (GeoJSON), so a figure
  draws with no server and no network: the world at 1:50m-like detail, plus regions, towns,
  lakes and rivers inside `bbox` (the figure's places). Exports, images and notebooks use it.
* `raster_style(url, attribution)`: online raster tiles (``--tiles``), only when asked, with the
  region boundaries and names drawn over them.

No style names a glyph or sprite URL: MapLibre draws label glyphs with the browser's own fonts.

Every style ends with `SLOTS` hidden, empty layers (`slot_layers`): the map's traces are placed
each under its own slot (Plotly's ``below``, dashboard/static/mapdraw.js). Traces that all sat
"on top" (``below: ""``) made Plotly remove and re-add every trace's layers on every redraw,
which holds their new data back until MapLibre's next frame; with a slot each, a redraw only
hands the new data over.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np
import shapely

from dashboard.basemap.layers import Layer, coarse_layers, load_basemap
from dashboard.basemap.tiles import MAX_ZOOM, town_minzoom

OCEAN = "#dceefa"
LAND = "#f3f1ec"
SOURCE = "base"
FONT = ["Open Sans Regular", "Arial Unicode MS Regular"]


def _label(field: str, size: Any, color: str, halo: str = "#ffffff") -> dict[str, Any]:
    return {
        "layout": {"text-field": ["get", field], "text-size": size, "text-font": FONT, "text-max-width": 8},
        "paint": {"text-color": color, "text-halo-color": halo, "text-halo-width": 1.2},
    }


# id, layer, type, extra (paint/layout/minzoom/maxzoom/filter)
LAYERS: list[tuple[str, str, str, dict[str, Any]]] = [
    ("land", "countries", "fill", {"paint": {"fill-color": LAND}}),
    ("lakes", "lakes", "fill", {"paint": {"fill-color": OCEAN}}),
    (
        "rivers",
        "rivers",
        "line",
        {
            "paint": {
                "line-color": "#9cc7e4",
                "line-width": ["interpolate", ["linear"], ["zoom"], 2, 0.4, 8, 1.4],
            }
        },
    ),
    ("coast", "coast", "line", {"paint": {"line-color": "#8fb3cc", "line-width": 0.7}}),
    (
        "region-lines",
        "region_lines",
        "line",
        {
            "minzoom": 3,
            "paint": {
                "line-color": "#a8a29a",
                "line-width": ["interpolate", ["linear"], ["zoom"], 3, 0.4, 8, 1.2],
                "line-dasharray": [3, 2],
            },
        },
    ),
    (
        "borders",
        "borders",
        "line",
        {
            "paint": {
                "line-color": "#8c8680",
                "line-width": ["interpolate", ["linear"], ["zoom"], 1, 0.6, 8, 1.8],
            }
        },
    ),
    (
        "country-labels",
        "country_labels",
        "symbol",
        {"minzoom": 1.5, "maxzoom": 7, **_label("name", 12, "#6b655e")},
    ),
    (
        "region-labels",
        "region_labels",
        "symbol",
        {"minzoom": 4, **_label("name", ["interpolate", ["linear"], ["zoom"], 4, 10, 8, 13], "#8a8178")},
    ),
    (
        "towns",
        "towns",
        "symbol",
        {
            "minzoom": 4,
            "filter": ["<=", ["get", "minzoom"], ["zoom"]],
            **_label("name", ["interpolate", ["linear"], ["zoom"], 4, 10, 10, 13], "#3d3a36"),
        },
    ),
]


def _layers(source: str, *, vector: bool, only: set[str] | None = None) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for ident, layer, kind, extra in LAYERS:
        if only is not None and layer not in only:
            continue
        spec: dict[str, Any] = {"id": ident, "type": kind, "source": source, **extra}
        if vector:
            spec["source-layer"] = layer
        out.append(spec)
    return out


SLOT_PREFIX = "eventmap-slot-"  # as dashboard/static/mapdraw.js
SLOTS = 64  # more than the map's traces: areas per level and category, counts, ring, points, hollow


def slot_layers() -> list[dict[str, Any]]:
    """The hidden, empty layers on top of the base map that the traces are stacked under, in order."""
    return [
        {"id": f"{SLOT_PREFIX}{i}", "type": "background", "layout": {"visibility": "none"}}
        for i in range(SLOTS)
    ]


def _background() -> dict[str, Any]:
    return {"id": "ocean", "type": "background", "paint": {"background-color": OCEAN}}


def tile_style(url: str) -> dict[str, Any]:
    """The app's style: the base map as vector tiles from `url` (an absolute z/x/y template)."""
    return {
        "version": 8,
        "name": "eventmap offline",
        "sources": {SOURCE: {"type": "vector", "tiles": [url], "minzoom": 0, "maxzoom": MAX_ZOOM}},
        "layers": [_background(), *_layers(SOURCE, vector=True), *slot_layers()],
    }


def raster_style(url: str, attribution: str, base_url: str = "") -> dict[str, Any]:
    """Online raster tiles (only on request) with attribution; region lines and names from the
    app's own tiles at `base_url` on top."""
    style = tile_style(base_url or TILE_URL_PLACEHOLDER)
    style["name"] = "eventmap online tiles"
    style["sources"]["online"] = {
        "type": "raster",
        "tiles": [url],
        "tileSize": 256,
        "attribution": attribution,
    }
    keep = {"region_lines", "region_labels"}
    style["layers"] = [
        {"id": "online-tiles", "type": "raster", "source": "online"},
        *_layers(SOURCE, vector=True, only=keep),
        *slot_layers(),
    ]
    return style


TILE_URL_PLACEHOLDER = "/_eventmap/tiles/{z}/{x}/{y}.pbf"  # the app's tile route (made absolute per page)


def _feature_collection(layer: Layer, idx: Any, geoms: Any, props: Any = None) -> dict[str, Any]:
    feats = []
    for k, (i, geom) in enumerate(zip(idx, geoms)):
        if geom is None or geom.is_empty:
            continue
        p = (
            props[k]
            if props is not None
            else {x: v for x, v in layer.props[i].items() if v not in (None, "")}
        )
        feats.append({"type": "Feature", "geometry": shapely.geometry.mapping(geom), "properties": p})
    return {"type": "FeatureCollection", "features": feats}


WORLD = ("countries", "borders", "lakes", "rivers", "country_labels")  # inline everywhere, coarsely
DETAIL = ("coast", "region_lines", "region_labels", "towns")  # inline inside the bbox
WORLD_DEG, DETAIL_DEG = 0.15, 0.01  # simplification: ~15 km for the world fill, ~1 km near the places
LINE_DEG = 0.03  # borders and rivers, drawn everywhere


def _layer(name: str) -> Layer | None:
    basemap = load_basemap()
    if basemap is not None:
        return basemap.layer(name)
    return coarse_layers().get(name)


def _collection(layer: Layer, idx: Any, tolerance: float, name: str) -> dict[str, Any]:
    idx = np.asarray(idx, dtype=int)
    geoms = layer.geoms[idx] if len(idx) else np.array([], dtype=object)
    if len(geoms) and name not in ("towns", "country_labels", "region_labels"):
        geoms = shapely.set_precision(
            shapely.simplify(geoms, tolerance, preserve_topology=True), tolerance / 10
        )
    props = None
    if name == "towns":
        props = [
            {"name": layer.props[i]["name"], "minzoom": town_minzoom(layer.props[i].get("pop", 0))}
            for i in idx
        ]
    return _feature_collection(layer, idx, geoms, props)


@lru_cache(maxsize=1)
def _world_sources() -> dict[str, dict[str, Any]]:
    out = {}
    for name in WORLD:
        layer = _layer(name)
        if layer is not None:
            tol = LINE_DEG if name in ("borders", "rivers") else WORLD_DEG
            out[name] = _collection(layer, range(len(layer.geoms)), tol, name)
    return out


def inline_sources(bbox: tuple[float, float, float, float] | None) -> dict[str, dict[str, Any]]:
    """GeoJSON sources: the world coarsely (``world-*``), and detail inside bbox (``detail-*``)."""
    out = {f"world-{k}": v for k, v in _world_sources().items()}
    if bbox is None:
        return out
    for name in DETAIL:
        layer = _layer(name)
        if layer is None:
            continue
        idx = layer.query(bbox)
        if name == "towns":
            idx = [i for i in idx if layer.props[i].get("pop", 0) >= 15_000][:3000]
        elif name != "region_labels" and len(idx):
            idx = np.asarray(idx)[shapely.intersects(layer.geoms[np.asarray(idx)], shapely.box(*bbox))]
        out[f"detail-{name}"] = _collection(layer, idx, DETAIL_DEG, name)
    return out


def inline_style(bbox: tuple[float, float, float, float] | None) -> dict[str, Any]:
    """The base map inside the style (no server, no network): the world, and detail inside bbox."""
    sources = inline_sources(bbox)
    style: dict[str, Any] = {
        "version": 8,
        "name": "eventmap inline",
        "sources": {},
        "layers": [_background()],
    }
    for ident, name, kind, extra in LAYERS:
        for part in ("world", "detail"):
            src = f"{part}-{name}"
            if src in sources:
                style["sources"][src] = {"type": "geojson", "data": sources[src]}
                style["layers"].append({"id": f"{ident}-{part}", "type": kind, "source": src, **extra})
    style["layers"].extend(slot_layers())
    return style
