"""GeoJSON (RFC 7946): a FeatureCollection with one Feature per event.

Writing: ``geometry`` is a Point ``[lon, lat]`` (RFC 7946 order) or ``null`` for events
without a place; ``properties`` is the event's JSON object without ``lat``/``lon``; the
Feature ``id`` is the event id. Reading gives the same events back, and also reads other
people's GeoJSON: properties are mapped like CSV columns (``--columns``, a known source's
dialect such as the USGS feeds, and guesses), the point comes from the geometry (the centre
of the bounding box for lines and polygons), the Feature ``id`` is the file's own id. A
feature that cannot be read is skipped and counted in the report.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

from eventmap.formats.columns import FEATURE_ID, build_column_map
from eventmap.formats.json_format import parse_json
from eventmap.formats.report import ImportReport
from eventmap.formats.rows import cell_text, rows_to_events
from eventmap.model import Event, EventFormatError


def feature(event: Event) -> dict[str, Any]:
    """The Feature of one event."""
    props = event.to_dict()
    lat, lon = props.pop("lat"), props.pop("lon")
    geometry = {"type": "Point", "coordinates": [lon, lat]} if event.located else None
    return {"type": "Feature", "id": event.id, "geometry": geometry, "properties": props}


def to_obj(events: Iterable[Event]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": [feature(e) for e in events]}


def dumps(events: Iterable[Event]) -> str:
    return json.dumps(to_obj(events), ensure_ascii=False, indent=1) + "\n"


def loads(
    text: str,
    *,
    origin: str = "<geojson>",
    columns: str | Mapping[str, str | None] | None = None,
    report: ImportReport | None = None,
) -> list[Event]:
    return from_obj(parse_json(text), origin=origin, columns=columns, report=report)


def is_geojson(obj: Any) -> bool:
    return isinstance(obj, dict) and obj.get("type") in ("FeatureCollection", "Feature")


def from_obj(
    obj: Any,
    *,
    origin: str = "<geojson>",
    columns: str | Mapping[str, str | None] | None = None,
    report: ImportReport | None = None,
) -> list[Event]:
    """Events of a FeatureCollection (or a single Feature); bad features are skipped and counted."""
    report = report if report is not None else ImportReport(origin)
    report.item_name = "feature"
    if not is_geojson(obj):
        raise EventFormatError("not GeoJSON: expected a FeatureCollection")
    features = [obj] if obj["type"] == "Feature" else obj.get("features")
    if not isinstance(features, list):
        raise EventFormatError("a FeatureCollection needs a list 'features'")
    ours: list[tuple[int, Event]] = []
    rows: list[dict[str, Any]] = []
    points: list[tuple[float | None, float | None]] = []
    numbers: list[int] = []
    keys: list[str] = []
    shapes: dict[str, int] = {}
    mercator = _is_web_mercator(obj.get("crs"))
    if mercator:
        report.note("coordinates converted from Web Mercator (EPSG:3857) to longitude and latitude")
    for i, f in enumerate(features, start=1):
        kind = (f.get("geometry") or {}).get("type") if isinstance(f, dict) else None
        if isinstance(kind, str) and kind != "Point":
            shapes[kind] = shapes.get(kind, 0) + 1
        try:
            props, lat, lon = _feature_parts(f, mercator)
            if _is_ours(props):
                report.items += 1
                ours.append((i, Event.from_dict({**props, "lat": lat, "lon": lon})))
                continue
        except EventFormatError as exc:
            report.items += 1
            report.skip(f"feature #{i}: {exc}")
            continue
        row = {k: cell_text(v) for k, v in props.items()}
        keys.extend(k for k in props if k not in keys)
        if f.get("id") is not None:
            row[FEATURE_ID] = str(f["id"])
        rows.append(row)
        points.append((lat, lon))
        numbers.append(i)
    events = [e for _, e in ours]
    if ours:
        report.kind = "eventmap GeoJSON"
        report.events += len(ours)
    if rows:
        cmap = build_column_map(keys, columns, rows=rows)
        if cmap.column("id") is None and any(FEATURE_ID in r for r in rows):
            cmap.fields["id"] = FEATURE_ID  # the Feature's own id names the event
        report.kind = report.kind or (f"{cmap.dialect.name} GeoJSON" if cmap.dialect else "GeoJSON")
        events += rows_to_events(
            rows,
            keys,
            origin=origin,
            report=report,
            cmap=cmap,
            points=points,
            numbering=lambda i: f"feature #{numbers[i - 1]}",
        )
    if shapes:
        kinds = ", ".join(f"{n} {k}" for k, n in sorted(shapes.items()))
        report.note(
            f"{kinds} placed at the middle of {'its' if sum(shapes.values()) == 1 else 'their'} bounds"
        )
    return events


def _feature_parts(f: Any, mercator: bool = False) -> tuple[dict[str, Any], float | None, float | None]:
    if not isinstance(f, dict) or f.get("type") != "Feature":
        raise EventFormatError("not a Feature")
    props = f.get("properties") or {}
    if not isinstance(props, dict):
        raise EventFormatError("'properties' must be an object")
    lon, lat = representative_point(f.get("geometry"))
    if mercator and lon is not None and lat is not None:
        lon, lat = _from_web_mercator(lon, lat)
    return props, lat, lon


def _is_ours(props: Mapping[str, Any]) -> bool:
    return isinstance(props.get("text"), str) and isinstance(props.get("source"), dict)


def representative_point(geometry: Any) -> tuple[float | None, float | None]:
    """(lon, lat) of a Point, else the centre of the geometry's bounding box; (None, None) if none."""
    if geometry is None:
        return None, None
    if not isinstance(geometry, dict) or "type" not in geometry:
        raise EventFormatError("'geometry' must be a GeoJSON geometry object or null")
    if geometry["type"] == "GeometryCollection":
        for g in geometry.get("geometries") or []:
            point = representative_point(g)
            if point[0] is not None:
                return point
        return None, None
    coords = list(_positions(geometry.get("coordinates")))
    if not coords:
        return None, None
    if geometry["type"] == "Point":
        return coords[0]
    lons, lats = [c[0] for c in coords], [c[1] for c in coords]
    if max(lons) - min(lons) > 180:  # across the antimeridian (Fiji, the Aleutians, Chukotka)
        lons = [x + 360 if x < 0 else x for x in lons]
    lon = (min(lons) + max(lons)) / 2
    return (lon - 360 if lon > 180 else lon), (min(lats) + max(lats)) / 2


def _positions(value: Any):
    if isinstance(value, (list, tuple)) and value and all(_coordinate(v) is not None for v in value):
        if len(value) < 2:
            raise EventFormatError(f"a position needs longitude and latitude, got {value!r}")
        yield _coordinate(value[0]), _coordinate(value[1])
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _positions(v)
    elif value is not None:
        raise EventFormatError(f"bad coordinates {value!r}")


def _coordinate(value: Any) -> float | None:
    """A number of a position; exporters sometimes write them as text ("5.1", or "5,1")."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip().replace(",", "."))
        except ValueError:
            return None
    return None


def _is_web_mercator(crs: Any) -> bool:
    """A pre-RFC 7946 ``crs`` member naming Web Mercator (EPSG:3857, its old code 900913)."""
    name = str(((crs or {}).get("properties") or {}).get("name") or "") if isinstance(crs, dict) else ""
    return bool(re.search(r"(?:EPSG:+|^)(?:3857|900913|102100)$", name.strip()))


def _from_web_mercator(x: float, y: float) -> tuple[float, float]:
    """(lon, lat) in degrees of a Web Mercator point in metres."""
    radius = 6378137.0
    return math.degrees(x / radius), math.degrees(2 * math.atan(math.exp(y / radius)) - math.pi / 2)
