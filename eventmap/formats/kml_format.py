"""KML (Google Earth, Google My Maps, USGS and GDACS feeds): each dated Placemark is a row.

A Placemark gives its `name` (the event's text; its `description` is kept, and is the text
of a Placemark without a name),
its time (`TimeStamp/when`, or `TimeSpan/begin` and `end`), its point (`Point/coordinates`
"lon,lat[,alt]"; for a line or polygon the middle of its bounding box, as for GeoJSON) and
its `ExtendedData` fields (kept, like a table's other columns, in `extra`). The rows are read
as a table (eventmap.formats.rows), so dates, categories and columns are guessed and said
as for CSV. Folders may nest; a Placemark without a time is skipped by the table reader
only when it has no point either.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

from eventmap.formats.report import ImportReport
from eventmap.formats.rows import records_to_events
from eventmap.model import Event, EventFormatError

_NS = re.compile(r"^\{[^}]*\}")


def is_kml(text: str) -> bool:
    """Does the text look like a KML document?"""
    head = text[:2000].lower()
    return "<kml" in head


def loads(text: str, *, origin: str, columns: Any = None, report: ImportReport | None = None) -> list[Event]:
    """Events of a KML document."""
    report = report if report is not None else ImportReport(origin)
    try:
        root = ET.fromstring(text.lstrip("\ufeff \t\r\n"))
    except ET.ParseError as exc:
        raise EventFormatError(f"not well-formed KML: {exc}") from None
    records = [_placemark(p) for p in root.iter() if _tag(p) == "Placemark"]
    report.kind = "KML"
    if not records:
        raise EventFormatError("a KML document without any Placemark")
    return records_to_events(records, origin=origin, columns=columns, report=report)


def _tag(el: ET.Element) -> str:
    return _NS.sub("", el.tag)


def _child(el: ET.Element, *path: str) -> ET.Element | None:
    for name in path:
        el = next((c for c in el if _tag(c) == name), None)
        if el is None:
            return None
    return el


def _text(el: ET.Element | None) -> str | None:
    return el.text.strip() if el is not None and el.text and el.text.strip() else None


def _placemark(p: ET.Element) -> dict[str, Any]:
    name, description = _text(_child(p, "name")), _text(_child(p, "description"))
    row: dict[str, Any] = {"text": name or description, "description": description if name else None}
    when = _text(_child(p, "TimeStamp", "when"))
    if when:
        row["date"] = when
    else:
        begin, end = _text(_child(p, "TimeSpan", "begin")), _text(_child(p, "TimeSpan", "end"))
        row["date"] = f"{begin}/{end}" if begin and end else begin or end
    point = _point(p)
    if point is not None:
        row["longitude"], row["latitude"] = point
    data = _child(p, "ExtendedData")
    if data is not None:
        for field in data.iter():
            if _tag(field) == "Data" and field.get("name"):
                row.setdefault(field.get("name"), _text(_child(field, "value")))
            elif _tag(field) == "SimpleData" and field.get("name"):
                row.setdefault(field.get("name"), _text(field))
    return {k: v for k, v in row.items() if v is not None}


def _point(p: ET.Element) -> tuple[float, float] | None:
    """(lon, lat): a Point's, else the middle of the bounding box of every coordinate."""
    pairs: list[tuple[float, float]] = []
    for el in p.iter():
        if _tag(el) == "coordinates" and el.text:
            for chunk in el.text.split():
                parts = chunk.split(",")
                try:
                    pairs.append((float(parts[0]), float(parts[1])))
                except (ValueError, IndexError):
                    continue
    if not pairs:
        return None
    if len(pairs) == 1:
        return pairs[0]
    lons, lats = [a for a, _ in pairs], [b for _, b in pairs]
    return (min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2
