"""A place's point written in one cell: WKT, "lat, lon", GeoJSON or a Socrata location object.

Open-data portals export points in one column instead of two: WKT ``POINT (-87.6 41.8)``
(longitude first; ``SRID=4326;POINT(...)`` too), ``(41.8, -87.6)`` or ``41.8, -87.6``
(latitude first, as Socrata's human-readable location and map links write it), a GeoJSON
geometry ``{"type": "Point", "coordinates": [-87.6, 41.8]}`` or an object with ``latitude``
and ``longitude`` (Socrata's location column as JSON). :func:`point_of` gives (lat, lon).
"""

from __future__ import annotations

import json
import re

_WKT = re.compile(
    r"(?:SRID=\d+;)?\s*POINT\s*Z?\s*\(\s*([+-]?\d+(?:\.\d+)?)\s+([+-]?\d+(?:\.\d+)?)(?:\s+[^)]*)?\)",
    re.IGNORECASE,
)
_PAIR = re.compile(r"\(?\s*([+-]?\d{1,3}(?:\.\d+)?)\s*[,;]\s*([+-]?\d{1,3}(?:\.\d+)?)\s*\)?")


def point_of(value: str | None) -> tuple[float, float] | None:
    """(lat, lon) of a one-cell point, None when the cell is not one (or out of range)."""
    if value is None:
        return None
    s = value.strip()
    if not s:
        return None
    m = _WKT.fullmatch(s)
    if m:
        return _checked(float(m[2]), float(m[1]))
    m = _PAIR.fullmatch(s)
    if m:
        return _checked(float(m[1]), float(m[2]))
    if s.startswith("{"):
        try:
            obj = json.loads(s)
        except ValueError:
            return None
        if isinstance(obj, dict):
            if obj.get("type") == "Point" and isinstance(obj.get("coordinates"), list):
                coords = obj["coordinates"]
                if len(coords) >= 2 and all(isinstance(c, (int, float)) for c in coords[:2]):
                    return _checked(float(coords[1]), float(coords[0]))
            lat, lon = (
                obj.get("latitude", obj.get("lat")),
                obj.get("longitude", obj.get("lon", obj.get("lng"))),
            )
            try:
                return _checked(float(lat), float(lon)) if lat is not None and lon is not None else None
            except (TypeError, ValueError):
                return None
    return None


def _checked(lat: float, lon: float) -> tuple[float, float] | None:
    return (lat, lon) if -90 <= lat <= 90 and -180 <= lon <= 180 else None
