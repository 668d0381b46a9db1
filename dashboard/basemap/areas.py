"""Which area a region- or country-level place stands for, and that area's outline for the map.

A place whose kind is ``region`` (or ``area``) lies in a first-level region of the base map
(the admin-1 polygon that holds its point, in its country); a ``country`` place is its
country's polygon. `area_of(kind, country_code, lat, lon)` gives the area's key
("region:UA.KR", "country:RU") or None (a city, an unknown kind, or no built base map: the
place stays a point). `area_features(keys)` gives the GeoJSON the map's area traces draw.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import shapely
from shapely.geometry import Point, mapping

from dashboard.basemap.layers import load_basemap

AREA_KINDS = {"region": "region", "area": "region", "country": "country"}
SIMPLIFY_DEG = 0.01  # area outlines on the map: ~1 km is finer than a pixel below zoom 8


def is_area_key(key: str | None) -> bool:
    """True for an area's key ("region:UA.KR", "country:RU"), False for a point's ("50.45,30.52")."""
    return bool(key) and key.startswith(("region:", "country:"))  # type: ignore[union-attr]


def area_level(key: str | None) -> int:
    """0 for a point, 1 for a region, 2 for a country (the map draws countries under regions)."""
    if not key:
        return 0
    return 1 if key.startswith("region:") else 2 if key.startswith("country:") else 0


@lru_cache(maxsize=65536)
def area_of(kind: str | None, country_code: str | None, lat: float, lon: float) -> str | None:
    """The key of the area a place of this kind at (lat, lon) stands for, or None."""
    level = AREA_KINDS.get(kind or "")
    basemap = load_basemap()
    if level is None or basemap is None:
        return None
    cc = (country_code or "").upper()
    point = Point(lon, lat)
    if level == "country":
        layer = basemap.layer("countries")
        if cc and any(props.get("cc") == cc for props in layer.props):
            return f"country:{cc}"
        hits = [i for i in layer.query((lon, lat, lon, lat)) if layer.geoms[i].covers(point)]
        return f"country:{layer.props[hits[0]]['cc']}" if hits and layer.props[hits[0]].get("cc") else None
    layer = basemap.layer("regions")
    hits = [i for i in layer.query((lon, lat, lon, lat)) if layer.geoms[i].covers(point)]
    if cc:
        hits = [i for i in hits if layer.props[i].get("cc") == cc] or hits
    if not hits:  # a centroid just outside a ragged coast: the nearest region of the country within ~30 km
        near = [
            i
            for i in layer.query((lon - 0.3, lat - 0.3, lon + 0.3, lat + 0.3))
            if not cc or layer.props[i].get("cc") == cc
        ]
        if not near:
            return None
        hits = [min(near, key=lambda i: layer.geoms[i].distance(point))]
    return f"region:{layer.props[hits[0]]['id']}"


@lru_cache(maxsize=8192)
def _outline(key: str) -> tuple[dict[str, Any], str, tuple[float, float]] | None:
    """(GeoJSON geometry, name, label point lon/lat) of an area key."""
    basemap = load_basemap()
    if basemap is None or ":" not in key:
        return None
    level, code = key.split(":", 1)
    layer = basemap.layer("countries" if level == "country" else "regions")
    field = "cc" if level == "country" else "id"
    at = next((i for i, p in enumerate(layer.props) if p.get(field) == code), None)
    if at is None:
        return None
    shape = shapely.set_precision(
        shapely.simplify(layer.geoms[at], SIMPLIFY_DEG, preserve_topology=True), 0.001
    )
    labels = basemap.layer("country_labels" if level == "country" else "region_labels")
    li = next((i for i, p in enumerate(labels.props) if p.get(field) == code), None)
    pt = labels.geoms[li] if li is not None else layer.geoms[at].representative_point()
    return mapping(shape), str(layer.props[at].get("name") or code), (round(pt.x, 4), round(pt.y, 4))


def area_name(key: str) -> str | None:
    """The base map's name of the area ("Kursk", "Russia"), or None."""
    got = _outline(key)
    return got[1] if got else None


def area_label_point(key: str) -> tuple[float, float] | None:
    """(lon, lat) where the area's count is written."""
    got = _outline(key)
    return got[2] if got else None


def area_features(keys: list[str]) -> dict[str, Any]:
    """A GeoJSON FeatureCollection of the areas (feature id = area key) for the map's area traces."""
    feats = []
    for key in dict.fromkeys(keys):
        got = _outline(key)
        if got is not None:
            feats.append({"type": "Feature", "id": key, "geometry": got[0], "properties": {}})
    return {"type": "FeatureCollection", "features": feats}
