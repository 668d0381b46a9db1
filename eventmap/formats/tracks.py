"""Records that carry a track: a list of dated positions in one field (NASA EONET's `geometry`).

EONET's events API (`{"events": [{"title", "categories", "geometry": [{"date", "type":
"Point", "coordinates": [lon, lat]}, ...]}]}`) gives a storm or a fire as one record with
one dated position per observation. Each position becomes a row of its own (the record's
other fields repeated, its id numbered "EONET_6516/2", the position's `date`, `latitude`,
`longitude` and `magnitude`), so
the whole track is on the map and the timeline; the import line says how many records were
expanded into how many events. A position that is not a point (a polygon) gives the middle
of its bounding box, as GeoJSON imports do.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from eventmap.formats.report import ImportReport

TRACK_FIELDS = ("geometry", "geometries", "positions", "track")


def expand_tracks(records: Sequence[Any], report: ImportReport) -> list[Any]:
    """The records with each track field expanded into one record per dated position."""
    out: list[Any] = []
    tracks = positions = 0
    for rec in records:
        track = _track(rec)
        if track is None:
            out.append(rec)
            continue
        field, items = track
        tracks += 1
        base = {k: v for k, v in rec.items() if k != field}
        for n, item in enumerate(items, start=1):
            point = _point(item)
            row = dict(base)
            if base.get("id") not in (None, ""):
                row["id"] = f"{base['id']}/{n}"  # one id per position: "EONET_6516/2"
            row["date"] = item.get("date")
            if point is not None:
                row["latitude"], row["longitude"] = point[1], point[0]
            if item.get("magnitudeValue") is not None:
                row["magnitude"] = f"{item['magnitudeValue']} {item.get('magnitudeUnit') or ''}".strip()
            out.append(row)
            positions += 1
    if tracks:
        report.note(f"{tracks} records with a track of dated positions ({field}) read as {positions} events")
    return out


def _track(rec: Any) -> tuple[str, list[dict]] | None:
    if not isinstance(rec, dict) or "date" in rec:
        return None
    for field in TRACK_FIELDS:
        items = rec.get(field)
        if (
            isinstance(items, list)
            and items
            and all(isinstance(i, dict) and i.get("date") and "coordinates" in i for i in items)
        ):
            return field, items
    return None


def _point(item: dict) -> tuple[float, float] | None:
    """(lon, lat) of a GeoJSON-like geometry: the point, else the middle of its bounding box."""
    coords = item.get("coordinates")
    flat: list[tuple[float, float]] = []

    def walk(c: Any) -> None:
        if isinstance(c, (list, tuple)) and len(c) >= 2 and all(isinstance(x, (int, float)) for x in c[:2]):
            flat.append((float(c[0]), float(c[1])))
        elif isinstance(c, (list, tuple)):
            for sub in c:
                walk(sub)

    walk(coords)
    if not flat:
        return None
    if len(flat) == 1:
        return flat[0]
    lons, lats = [p[0] for p in flat], [p[1] for p in flat]
    return (min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2
