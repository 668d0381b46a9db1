"""Mapbox vector tiles of the base map, cut on request from the layers in memory (the app serves them).

`vector_tile(z, x, y)` gives the tile's protobuf bytes (cached): each layer's features in the
tile (a small buffer around it), clipped, projected to Web Mercator tile units and simplified
to the zoom, encoded with mapbox-vector-tile. Which layers a zoom holds is in `ZOOMS`; towns
come in by population as the map zooms in (`town_minzoom`). Beyond MAX_ZOOM MapLibre
over-zooms the last tiles, so deep zooms cost nothing more.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

import mapbox_vector_tile
import numpy as np
import shapely

from dashboard.basemap.layers import Basemap, Layer, coarse_layers, load_basemap

EXTENT = 4096
BUFFER = 64  # tile units around the tile, so lines and labels cross tile edges cleanly
MAX_ZOOM = 10
# layer -> (first zoom, last zoom) it is in the tiles
ZOOMS: dict[str, tuple[int, int]] = {
    "countries": (0, MAX_ZOOM),
    "lakes": (0, MAX_ZOOM),
    "rivers": (1, MAX_ZOOM),
    "coast": (0, MAX_ZOOM),
    "borders": (0, MAX_ZOOM),
    "region_lines": (3, MAX_ZOOM),
    "country_labels": (1, 7),
    "region_labels": (4, MAX_ZOOM),
    "towns": (4, MAX_ZOOM),
}
TOWN_STEPS = ((1_000_000, 4), (300_000, 5), (100_000, 6), (30_000, 7), (10_000, 8), (0, 9))


def town_minzoom(population: int) -> int:
    """The zoom from which a town of this size is labelled."""
    return next(z for pop, z in TOWN_STEPS if population >= pop)


def tile_bounds(z: int, x: int, y: int) -> tuple[float, float, float, float]:
    """west, south, east, north (degrees) of a Web Mercator tile."""
    n = 2.0**z

    def lat(row: float) -> float:
        return math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * row / n))))

    return x / n * 360.0 - 180.0, lat(y + 1), (x + 1) / n * 360.0 - 180.0, lat(y)


def _projector(z: int, x: int, y: int):
    n = 2.0**z

    def project(coords: np.ndarray) -> np.ndarray:
        lon = coords[:, 0]
        lat = np.clip(coords[:, 1], -85.05, 85.05)
        px = ((lon + 180.0) / 360.0 * n - x) * EXTENT
        rad = np.radians(lat)
        py = ((1.0 - np.log(np.tan(rad) + 1.0 / np.cos(rad)) / math.pi) / 2.0 * n - y) * EXTENT
        return np.column_stack([px, py])

    return project


def _layer_features(layer: Layer, name: str, z: int, x: int, y: int) -> list[dict[str, Any]]:
    west, south, east, north = tile_bounds(z, x, y)
    pad_x = (east - west) * BUFFER / EXTENT
    pad_y = (north - south) * BUFFER / EXTENT
    bbox = (west - pad_x, max(-85.05, south - pad_y), east + pad_x, min(85.05, north + pad_y))
    idx = layer.query(bbox)
    if not len(idx):
        return []
    if name == "towns":
        idx = [i for i in idx if town_minzoom(layer.props[i].get("pop", 0)) <= z]
        if not idx:
            return []
    idx = np.asarray(idx)
    geoms = layer.geoms[idx]
    points = shapely.get_type_id(geoms) == 0
    clipped = np.where(points, geoms, shapely.clip_by_rect(geoms, *bbox))
    projected = shapely.transform(clipped, _projector(z, x, y))
    simple = np.where(points, projected, shapely.simplify(projected, 6.0, preserve_topology=False))
    out = []
    for i, shape in zip(idx, simple):
        geom = _one_kind(shape)
        if geom is None:
            continue
        props = {k: v for k, v in layer.props[i].items() if v not in (None, "")}
        if name == "towns":
            props["minzoom"] = town_minzoom(props.get("pop", 0))
        out.append({"geometry": geom, "properties": props})
    return out


def _one_kind(geom: Any) -> Any:
    """The geometry, or the parts of a clipped collection of its main kind (tiles hold no collections)."""
    if geom is None or geom.is_empty:
        return None
    if geom.geom_type != "GeometryCollection":
        return geom
    parts = shapely.get_parts(geom)
    for kinds, multi in (
        (("Polygon", "MultiPolygon"), shapely.multipolygons),
        (("LineString", "MultiLineString", "LinearRing"), shapely.multilinestrings),
    ):
        keep = [p for p in parts if p.geom_type in kinds]
        if keep:
            flat = [q for p in keep for q in shapely.get_parts(p)]
            return multi(flat)
    return None


@lru_cache(maxsize=4096)
def vector_tile(z: int, x: int, y: int) -> bytes:
    """The base map tile z/x/y (Mapbox Vector Tile bytes; empty layers left out)."""
    if not (0 <= z <= MAX_ZOOM and 0 <= x < 2**z and 0 <= y < 2**z):
        raise ValueError(f"no tile {z}/{x}/{y}")
    basemap: Basemap | None = load_basemap()
    layers: list[dict[str, Any]] = []
    for name, (lo, hi) in ZOOMS.items():
        if not lo <= z <= hi:
            continue
        if basemap is not None:
            layer = basemap.layer(name)
        elif name in coarse_layers():
            layer = coarse_layers()[name]
        else:
            continue
        feats = _layer_features(layer, name, z, x, y)
        if feats:
            layers.append({"name": name, "features": feats})
    return mapbox_vector_tile.encode(
        layers, default_options={"extents": EXTENT, "y_coord_down": True, "on_invalid_geometry": None}
    )
