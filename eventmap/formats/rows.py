"""One row of foreign data (a CSV line, GeoJSON properties) -> an :class:`Event`.

Dates may be ISO days, ``YYYY-MM``/``YYYY``, ``18 March 2025``, ``18-03-2025`` (ACLED's
dd-mm-yyyy) or anything dateparser reads (day first). Without an end date the interval comes
from the precision: ``date_precision`` if given, else ACLED's ``time_precision`` (1 day,
2 week, 3 month), else what the date itself shows. Week = the Monday-Sunday week holding
the date, month = the calendar month. Columns the map does not use go to ``Event.extra``.
"""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from eventmap.formats.columns import ColumnMap, build_column_map
from eventmap.model import CATEGORIES, PRECISIONS, Event, EventFormatError, make_event_id

TIME_PRECISION_TO_PRECISION = {"1": "day", "2": "week", "3": "month"}
PRECISION_TO_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
# ACLED geo_precision: 1 the town itself, 2 near/part of a region, 3 only the region is known
GEO_PRECISION_TO_KIND = {"1": "city", "2": "area", "3": "region"}
# Cells read as written (sentences and quotes from them); in other people's tables the other
# cells lose surrounding blanks (the project's own CSV is read exactly as written)
VERBATIM = frozenset({"text", "date_text", "source_date_text", "document"})
KIND_TO_GEO_PRECISION = {"city": 1, "landmark": 1, "area": 2, "region": 3, "sea": 3, "country": 3}

# Event types of ACLED (and similar conflict data) -> our categories
CATEGORY_NAMES: dict[str, str] = {
    "battles": "fighting",
    "battle": "fighting",
    "armed clash": "fighting",
    "state-based": "fighting",
    "explosions/remote violence": "attack",
    "violence against civilians": "attack",
    "one-sided": "attack",
    "attack": "attack",
    "air/drone strike": "attack",
    "shelling/artillery/missile attack": "attack",
    "protests": "protest",
    "riots": "protest",
    "demonstrations": "protest",
    "strategic developments": "other",
    "agreement": "diplomacy",
    "disaster": "disaster",
}

_TEXT_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y", "%d %B, %Y")
# 18-03-2025, 3/18/2025, 18.03.2025, optionally followed by a time ("1/27/2014 12:00:00 AM")
_NUMERIC = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?:[ T].*)?")
_YEAR_FIRST = re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:[ T].*)?")


def infer_day_first(values: Iterable[str]) -> bool | None:
    """Whether a column's n/n/yyyy dates put the day first: True, False, or None if no value tells.

    Spreadsheets write 3/18/2025 (US) or 18/3/2025 (Europe); one value above 12 in either
    place settles it for the whole column, so 1/7/2014 in the same column is read alike.
    """
    for v in values:
        m = _NUMERIC.fullmatch(v.strip()) if v else None
        if m:
            a, b = int(m[1]), int(m[2])
            if a > 12 >= b:
                return True
            if b > 12 >= a:
                return False
    return None


def parse_day(value: str, *, day_first: bool | None = None) -> tuple[date, str]:
    """A date cell -> (first day, precision the text shows); EventFormatError if unreadable.

    n/n/yyyy is read day first unless `day_first` is False (see infer_day_first).
    """
    s = value.strip()
    if re.fullmatch(r"\d{4}", s):
        return date(int(s), 1, 1), "year"
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", s)
    if m:
        return _checked(lambda: date(int(m[1]), int(m[2]), 1), value), "month"
    iso = re.match(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T ])", s)
    if iso:
        return _checked(lambda: date(int(iso[1]), int(iso[2]), int(iso[3])), value), "day"
    num = _NUMERIC.fullmatch(s)
    if num:
        a, b, year = int(num[1]), int(num[2]), int(num[3])
        day, month = (b, a) if day_first is False else (a, b)
        return _checked(lambda: date(year, month, day), value), "day"
    ymd = _YEAR_FIRST.fullmatch(s)
    if ymd:
        return _checked(lambda: date(int(ymd[1]), int(ymd[2]), int(ymd[3])), value), "day"
    for fmt in _TEXT_FORMATS:
        try:
            return datetime.strptime(s, fmt).date(), "day"
        except ValueError:
            continue
    parsed = _dateparser(s)
    if parsed is None:
        raise EventFormatError(f"date {value!r} is not a date this reader knows (use YYYY-MM-DD)")
    return parsed, "day"


def interval(day: date, precision: str) -> tuple[date, date]:
    """The first and last day of the period of `precision` holding `day`."""
    if precision == "week":
        start = day - timedelta(days=day.weekday())
        return start, start + timedelta(days=6)
    if precision == "month":
        return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])
    if precision == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    return day, day


def category_of(raw: str | None) -> str:
    """Our category for a category/event-type cell ("Battles" -> fighting); unknown -> other."""
    if not raw:
        return "other"
    key = raw.strip().lower()
    if key in CATEGORIES:
        return key
    return CATEGORY_NAMES.get(key, "other")


def row_to_event(
    row: Mapping[str, Any],
    cmap: ColumnMap,
    *,
    origin: str,
    index: int,
    lat: float | None = None,
    lon: float | None = None,
    day_first: bool | None = None,
) -> Event:
    """Build the event of one row; `lat`/`lon` override the columns (GeoJSON geometry)."""

    def cell(name: str) -> str:
        col = cmap.column(name)
        value = row.get(col) if col is not None else None
        if value is None:
            return ""
        if not isinstance(value, str):
            return str(value)
        return value if name in VERBATIM or cmap.flavour == "eventmap" else value.strip()

    text = cell("text") or _fallback_text(row, cmap)
    d: dict[str, Any] = {
        "text": text,
        "category": category_of(cell("category")),
        "lang": cell("lang") or None,
        "date_text": cell("date_text") or None,
        "date_source": cell("date_source") or None,
    }
    d.update(
        _dates(cell("date"), cell("date_end"), cell("date_precision"), cell("time_precision"), day_first)
    )
    document = cell("document") or origin
    start = _int(cell("source_start"), "source_start")
    end = _int(cell("source_end"), "source_end")
    d["source"] = {
        "document": document,
        "start": start or 0,
        "end": end if end is not None else len(text),
        "date_text": cell("source_date_text") or None,
    }
    if lat is None and lon is None:
        lat, lon = _number(cell("lat"), "latitude"), _number(cell("lon"), "longitude")
    d["lat"], d["lon"] = lat, lon
    d["places"] = _places(cell, lat, lon)
    d["sources"] = _json_list(cell("sources_json"), "sources_json")
    d["time"] = cell("time_of_day") or None
    d["kind"] = cell("event_kind") or None
    d["confidence"] = cell("confidence") or None
    d["place_source"] = cell("place_source") or None
    d["review_status"] = cell("review_status") or None
    d["original"] = _json_object(cell("original_json"), "original_json")
    d["id"] = cell("id") or make_event_id(f"{origin}#{index}", index, index, text)
    used = cmap.used
    extra = {
        col: value
        for col, value in row.items()
        if col not in used and col is not None and value not in (None, "")
    }
    raw_category = cell("category")
    if raw_category and raw_category.lower() != d["category"]:
        extra[cmap.column("category")] = raw_category  # keep "Battles", "Riots" ...
    d["extra"] = extra
    return Event.from_dict(d)


def rows_to_events(
    rows: Sequence[Mapping[str, Any]],
    header: Sequence[str],
    *,
    origin: str,
    columns: str | Mapping[str, str | None] | None = None,
    own_columns: Iterable[str] = (),
    numbering: Callable[[int], str] = lambda i: f"record #{i}",
) -> list[Event]:
    """The events of a table: columns mapped once, dates read in the order the column shows."""
    cmap = build_column_map(header, columns, own_columns=own_columns)
    if cmap.column("text") is None and cmap.column("category") is None and cmap.column("location") is None:
        raise EventFormatError(
            f"no column holds the event's text (columns: {', '.join(header)}); "
            f"map one with --columns text=COLUMN"
        )
    if cmap.column("date") is None and cmap.column("lat") is None:
        raise EventFormatError(
            f"no date or latitude column found (columns: {', '.join(header)}); "
            f"map them with --columns date=COLUMN,lat=COLUMN,lon=COLUMN"
        )
    date_cols = [c for c in (cmap.column("date"), cmap.column("date_end")) if c is not None]
    day_first = infer_day_first(str(row.get(c) or "") for row in rows for c in date_cols)
    events = []
    seen: dict[str, int] = {}
    for i, row in enumerate(rows, start=1):
        if not any(str(v).strip() for v in row.values() if v is not None):
            continue  # blank line
        try:
            event = row_to_event(row, cmap, origin=origin, index=i, day_first=day_first)
        except EventFormatError as exc:
            raise EventFormatError(f"{numbering(i)}: {exc}") from None
        if event.id in seen and cmap.flavour != "eventmap":  # the app tells events apart by id:
            # a repeated id in someone else's table gets a suffix (our own files are read as written)
            seen[event.id] += 1
            event.id = f"{event.id}-{seen[event.id]}"
        seen.setdefault(event.id, 1)
        events.append(event)
    return events


def records_to_events(
    records: Sequence[Any], *, origin: str, columns: str | Mapping[str, str | None] | None = None
) -> list[Event]:
    """Events of JSON records (flat objects, e.g. ACLED's API `data` or pandas `orient="records"`)."""
    header: list[str] = []
    rows = []
    for i, rec in enumerate(records, start=1):
        if not isinstance(rec, dict):
            raise EventFormatError(f"record #{i} is not an object")
        header.extend(k for k in rec if k not in header)
        rows.append({k: cell_text(v) for k, v in rec.items()})
    return rows_to_events(rows, header, origin=origin, columns=columns)


def cell_text(value: Any) -> str | None:
    """A JSON value as a table cell: text as is, numbers as written, objects as JSON."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _dates(
    start: str, end: str, precision: str, time_precision: str, day_first: bool | None
) -> dict[str, Any]:
    if not start:
        return {"date": None, "date_end": None, "date_precision": None}
    day, shown = parse_day(start, day_first=day_first)
    prec = precision.lower() or TIME_PRECISION_TO_PRECISION.get(time_precision.split(".")[0], shown)
    if prec not in PRECISIONS:
        raise EventFormatError(f"unknown date precision {precision!r} (one of {', '.join(PRECISIONS)})")
    if end:
        last, last_shown = parse_day(end, day_first=day_first)
        last = interval(last, last_shown)[1]
        return {"date": day.isoformat(), "date_end": last.isoformat(), "date_precision": prec}
    first, last = interval(day, prec)
    return {"date": first.isoformat(), "date_end": last.isoformat(), "date_precision": prec}


def _places(cell, lat: float | None, lon: float | None) -> list[dict[str, Any]]:
    if cell("places_json"):
        return _json_list(cell("places_json"), "places_json")
    name = cell("location")
    if not name and lat is None:
        return []
    country = cell("country")
    code = cell("country_code").upper() or (country_code_of(country) if country else None)
    kind = GEO_PRECISION_TO_KIND.get(cell("geo_precision").split(".")[0])
    text = name or country or f"{lat}, {lon}"
    return [
        {
            "text": text,
            "name": name or None,
            "lat": lat,
            "lon": lon,
            "country_code": code or None,
            "kind": kind if name else ("country" if country else None),
        }
    ]


def _fallback_text(row: Mapping[str, Any], cmap: ColumnMap) -> str:
    """Rows without a description still need a sentence: "Air/drone strike in Kharkiv"."""
    what = str(row.get("sub_event_type") or "") or (
        str(row.get(cmap.column("category")) or "") if cmap.column("category") else ""
    )
    where = str(row.get(cmap.column("location")) or "") if cmap.column("location") else ""
    return " in ".join(p for p in (what.strip(), where.strip()) if p)


@lru_cache(maxsize=512)
def country_code_of(name: str) -> str | None:
    """ISO alpha-2 code of an English country name (ACLED's `country`), None if unknown."""
    import pycountry

    try:
        return pycountry.countries.lookup(name).alpha_2
    except LookupError:
        try:
            return pycountry.countries.search_fuzzy(name)[0].alpha_2
        except LookupError:
            return None


def _dateparser(s: str) -> date | None:
    import dateparser

    found = dateparser.parse(
        s,
        settings={
            "DATE_ORDER": "DMY",
            "PREFER_DAY_OF_MONTH": "first",
            "REQUIRE_PARTS": ["year"],
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    return found.date() if found else None


def _checked(make, value: str) -> date:
    try:
        return make()
    except ValueError:
        raise EventFormatError(f"date {value!r} does not exist") from None


def _number(value: str, name: str) -> float | None:
    if not value:
        return None
    if "," in value and "." not in value:
        value = value.replace(",", ".")  # 50,45 written with a decimal comma
    try:
        return float(value)
    except ValueError:
        raise EventFormatError(f"{name} {value!r} is not a number") from None


def _int(value: str, name: str) -> int | None:
    if not value:
        return None
    try:
        return int(value)
    except ValueError:
        raise EventFormatError(f"{name} {value!r} is not a whole number") from None


def _json_object(value: str, name: str) -> dict[str, Any]:
    if not value:
        return {}
    try:
        obj = json.loads(value)
    except ValueError as exc:
        raise EventFormatError(f"{name} is not JSON: {exc}") from None
    if not isinstance(obj, dict):
        raise EventFormatError(f"{name} must be a JSON object")
    return obj


def _json_list(value: str, name: str) -> list[Any]:
    if not value:
        return []
    try:
        items = json.loads(value)
    except ValueError as exc:
        raise EventFormatError(f"{name} is not JSON: {exc}") from None
    if not isinstance(items, list):
        raise EventFormatError(f"{name} must be a JSON list")
    return items
