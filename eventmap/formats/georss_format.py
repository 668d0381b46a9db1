"""GeoRSS feeds (RSS 2.0 or Atom with a point per item: GDACS, USGS, news-agency maps): each item is a row.

An item gives its `title` (the event's text; its `description`/`summary` is kept, and is the
text when there is no title), `link`, its time
(`gdacs:fromdate`/`todate` when the feed has them, else `pubDate`/`published`/`updated`,
RFC 822 dates read as ISO), and its point: `georss:point` ("lat lon"), `geo:lat`/`geo:long`
(W3C Basic Geo) or `georss:polygon`/`box` (the middle of its bounding box). Other simple
fields (GDACS `eventtype`, `alertlevel`, `country` ...) are kept like a table's columns. The rows
are read as a table (eventmap.formats.rows): dates, categories and columns are guessed and said
as for CSV.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime
from typing import Any

from eventmap.formats.report import ImportReport
from eventmap.formats.rows import records_to_events
from eventmap.model import Event, EventFormatError

_NS = re.compile(r"^\{[^}]*\}")
_GEO_NS = ("georss", "w3.org/2003/01/geo")


def is_georss(text: str) -> bool:
    """An RSS or Atom feed with GeoRSS or W3C geo points."""
    head = text[:4000].lower()
    return ("<rss" in head or "<feed" in head) and any(ns in head for ns in _GEO_NS)


def loads(text: str, *, origin: str, columns: Any = None, report: ImportReport | None = None) -> list[Event]:
    """Events of a GeoRSS feed."""
    report = report if report is not None else ImportReport(origin)
    try:
        root = ET.fromstring(text.lstrip("\ufeff \t\r\n"))
    except ET.ParseError as exc:
        raise EventFormatError(f"not a well-formed feed: {exc}") from None
    items = [el for el in root.iter() if _tag(el) in ("item", "entry")]
    if not items:
        raise EventFormatError("a feed without any item or entry")
    report.kind = "GeoRSS feed"
    return records_to_events([_item(el) for el in items], origin=origin, columns=columns, report=report)


def _tag(el: ET.Element) -> str:
    return _NS.sub("", el.tag)


def _item(item: ET.Element) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for el in item.iter():
        if el is item:
            continue
        name, value = _tag(el), (el.text or "").strip()
        if name == "link" and not value:
            value = el.get("href", "")
        if value and not len(el):
            row.setdefault(name, value)
    title = row.pop("title", None)
    text = row.pop("description", None) or row.pop("summary", None)
    out: dict[str, Any] = {"text": title or text}
    if title and text:
        out["description"] = text
    start = row.pop("fromdate", None)
    end = row.pop("todate", None)
    published = row.pop("pubDate", None) or row.pop("published", None) or row.pop("updated", None)
    first = _iso(start) or _iso(published)
    last = _iso(end) if start else None
    out["date"] = f"{first}/{last}" if first and last and last != first else first
    point = _point(row)
    if point is not None:
        out["latitude"], out["longitude"] = point
    out.update({k: v for k, v in row.items() if k not in out})
    return {k: v for k, v in out.items() if v is not None}


def _iso(value: str | None) -> str | None:
    """An RFC 822 date ("Mon, 02 Dec 2024 10:00:00 GMT") as ISO; other text as it is."""
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        return value


def _point(row: dict[str, Any]) -> tuple[float, float] | None:
    """(lat, lon) of the item's GeoRSS or W3C geo fields (taken out of `row`)."""
    numbers: list[float] = []
    raw = row.pop("point", None) or row.pop("polygon", None) or row.pop("box", None) or row.pop("line", None)
    if raw:
        try:
            numbers = [float(x) for x in raw.replace(",", " ").split()]
        except ValueError:
            numbers = []
    elif "lat" in row and ("long" in row or "lon" in row):
        try:
            numbers = [float(row.pop("lat")), float(row.pop("long", None) or row.pop("lon"))]
        except (TypeError, ValueError):
            numbers = []
    if len(numbers) < 2:
        return None
    lats, lons = numbers[0::2], numbers[1::2]
    return (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2
