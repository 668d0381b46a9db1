"""One row of foreign data (a CSV line, GeoJSON properties, a JSON record) -> an :class:`Event`.

Columns are mapped once per table (:mod:`eventmap.formats.columns`), dates read by the
column's :class:`~eventmap.formats.dates.DateReader`. Without an end date the interval comes
from the precision: ``date_precision`` if given, else the dialect's precision code (ACLED
``time_precision`` 1 day, 2 week, 3 month; UCDP ``date_prec``), else what the date itself
shows. Week = the Monday-Sunday week holding the date, month = the calendar month. Columns
the map does not use go to ``Event.extra``; so does the original type next to the category.

Nothing stops at a bad row: it is skipped and counted in the :class:`ImportReport` (with the
first reason). Ids: the file's own id is kept in ``extra["source_id"]`` and is the event id
where it is unique in the file; a row without one, or whose id repeats, gets an id made from
the file and the row, so two rows never share an id (repeats are counted in a warning).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from eventmap.formats import dateparts
from eventmap.formats.categories import category_of, json_names, lookup
from eventmap.formats.columns import CAMEO_COLUMNS, FEATURE_ID, ColumnMap, build_column_map, normalise
from eventmap.formats.dates import CellDate, DateReader, interval
from eventmap.formats.dialect import code
from eventmap.formats.points import point_of
from eventmap.formats.report import ImportReport
from eventmap.formats.text_categories import guess_categories
from eventmap.model import DAY_PARTS, PRECISIONS, Event, EventFormatError, make_event_id

TIME_PRECISION_TO_PRECISION = {"1": "day", "2": "week", "3": "month"}
PRECISION_TO_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
# ACLED geo_precision (also in our CSV): 1 the town itself, 2 near/part of a region, 3 only the region
GEO_PRECISION_TO_KIND = {"1": "city", "2": "area", "3": "region"}
KIND_TO_GEO_PRECISION = {"city": 1, "landmark": 1, "area": 2, "region": 3, "sea": 3, "country": 3}
# Cells read as written (sentences and quotes from them); in other people's tables the other
# cells lose surrounding blanks (the project's own CSV is read exactly as written)
VERBATIM = frozenset({"text", "date_text", "source_date_text", "document"})


def row_to_event(
    row: Mapping[str, Any],
    cmap: ColumnMap,
    *,
    origin: str,
    index: int,
    lat: float | None = None,
    lon: float | None = None,
) -> Event:
    """Build the event of one row; `lat`/`lon` override the columns (GeoJSON geometry)."""
    own = cmap.flavour == "eventmap"
    if lat is None and not any(str(row.get(c) or "").strip() for c in cmap.used):
        # a notes line (NCEI's search parameters) fills none of the columns an event is made of
        raise EventFormatError("none of the columns read for an event has a value in it")

    def cell(name: str) -> str:
        col = cmap.column(name)
        value = row.get(col) if col is not None else None
        if value is None:
            return ""
        if not isinstance(value, str):
            return str(value)
        return value if name in VERBATIM or own else value.strip()

    extra_cells: dict[str, str] = {}
    norm_row = {normalise(k): v for k, v in row.items() if k is not None} if cmap.dialect else {}
    text = cell("text") or _fallback_text(row, norm_row, cmap)
    category, raw_types = _category(cell, cmap, row)
    d: dict[str, Any] = {
        "text": text,
        "category": category,
        "lang": cell("lang") or None,
        "date_text": cell("date_text") or None,
        "date_source": cell("date_source") or None,
    }
    d.update(_dates(cell, cmap, norm_row, row))
    document = _link(cell("document")) or origin
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
    if lat is None and lon is None and cell("point"):
        point = point_of(cell("point"))
        if point is None:
            raise EventFormatError(
                f"point {cell('point')[:60]!r} is not a point (WKT, 'lat, lon' or GeoJSON)"
            )
        lat, lon = point
    d["lat"], d["lon"] = lat, lon
    d["places"] = _places(cell, cmap, norm_row, lat, lon)
    d["sources"] = _json_list(cell("sources_json"), "sources_json")
    machine_time = d.pop("_time", None)
    d["time"] = machine_time
    clock_text = cell("time_of_day")
    if clock_text and own:
        d["time"] = clock_text
    elif clock_text:
        clock = dateparts.clock(clock_text) or (
            clock_text.lower() if clock_text.lower() in DAY_PARTS else None
        )
        if clock is not None:
            d["time"] = clock
        else:  # not a time this reader knows: kept as written
            extra_cells[cmap.column("time_of_day") or "time_of_day"] = clock_text
    d["kind"] = cell("event_kind") or None
    d["confidence"] = cell("confidence") or None
    d["place_source"] = cell("place_source") or None
    d["review_status"] = cell("review_status") or None
    d["original"] = _json_object(cell("original_json"), "original_json")
    source_id = cell("id")
    if own:
        d["id"] = source_id or make_event_id(f"{origin}#{index}", index, index, text)
    else:
        d["id"] = make_event_id(f"{origin}#{index}", index, index, text)  # made unique by the table
    used = cmap.used
    extra = {
        col: value
        for col, value in row.items()
        if col not in used and col is not None and col != FEATURE_ID and value not in (None, "")
    }
    extra.update(raw_types)
    extra.update(extra_cells)
    if source_id and not own:
        extra["source_id"] = source_id
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
    report: ImportReport | None = None,
    cmap: ColumnMap | None = None,
    points: Sequence[tuple[float | None, float | None]] | None = None,
) -> list[Event]:
    """The events of a table: columns mapped once, bad rows skipped and counted in `report`.

    `points` gives each row's (lat, lon) from elsewhere (GeoJSON geometries); `cmap` a map
    made by the caller.
    """
    report = report if report is not None else ImportReport(origin)
    cmap = cmap or build_column_map(header, columns, own_columns=own_columns, rows=rows)
    if cmap.column("text") is None and cmap.column("category") is None and cmap.column("location") is None:
        if cmap.dialect is None or cmap.dialect.describe is None:
            raise EventFormatError(
                f"no column holds the event's text (columns: {', '.join(header)}); "
                f"map one with --columns text=COLUMN"
            )
    if (
        cmap.column("date") is None
        and cmap.column("lat") is None
        and cmap.column("point") is None
        and points is None
    ):
        raise EventFormatError(
            f"no date or latitude column found (columns: {', '.join(header)}); "
            f"map them with --columns date=COLUMN,lat=COLUMN,lon=COLUMN"
        )
    if cmap.flavour == "eventmap":
        report.kind = report.kind or "eventmap table"
    else:
        report.kind = report.kind or (f"{cmap.dialect.name} table" if cmap.dialect else "table")
        report.columns = cmap.describe()
    for warning in cmap.warnings:
        report.warn(warning)
    events: list[Event] = []
    ids: list[str] = []
    hxl = 0
    for i, row in enumerate(rows, start=1):
        located = points is not None and points[i - 1][0] is not None
        if not located and not any(str(v).strip() for v in row.values() if v is not None):
            if points is not None:  # a feature with neither properties nor a geometry
                report.items += 1
                report.skip(f"{numbering(i)}: no properties and no geometry")
            continue  # a blank line of a table
        if i <= 2 and _is_hxl(row):
            hxl += 1  # the hashtag row of HXL files (HDX): #date, #geo+lat ...
            continue
        report.items += 1
        lat, lon = points[i - 1] if points is not None else (None, None)
        try:
            event = row_to_event(row, cmap, origin=origin, index=i, lat=lat, lon=lon)
        except EventFormatError as exc:
            report.skip(f"{numbering(i)}: {exc}")
            continue
        events.append(event)
        ids.append(str(event.extra.get("source_id") or ""))
    if hxl:
        report.note("HXL hashtag row left out")
    if cmap.flavour != "eventmap":
        _unique_ids(events, ids, origin, report)
        if cmap.column("category") is None and not cmap.category_columns():
            guess_categories(events, report)  # no type column: the text says what happened
    report.events += len(events)
    return events


def records_to_events(
    records: Sequence[Any],
    *,
    origin: str,
    columns: str | Mapping[str, str | None] | None = None,
    report: ImportReport | None = None,
) -> list[Event]:
    """Events of JSON records (flat objects, e.g. ACLED's API `data` or pandas `orient="records"`)."""
    report = report if report is not None else ImportReport(origin)
    header: list[str] = []
    rows = []
    for i, rec in enumerate(records, start=1):
        if not isinstance(rec, dict):
            report.items += 1
            report.skip(f"record #{i} is not an object")
            continue
        header.extend(k for k in rec if k not in header)
        rows.append({k: cell_text(v) for k, v in rec.items()})
    if not rows:
        return []
    return rows_to_events(rows, header, origin=origin, columns=columns, report=report)


def cell_text(value: Any) -> str | None:
    """A JSON value as a table cell: text as is, numbers as written, objects as JSON."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _unique_ids(events: list[Event], source_ids: list[str], origin: str, report: ImportReport) -> None:
    """The file's own id is the event id where it is unique in the file; repeats keep the row's id."""
    counts = Counter(s for s in source_ids if s)
    repeated = {s: n for s, n in counts.items() if n > 1}
    for event, sid in zip(events, source_ids):
        if sid and sid not in repeated:
            event.id = sid
    if repeated:
        rows = sum(repeated.values())
        example = max(repeated, key=lambda s: repeated[s])
        report.warn(
            f"{len(repeated)} {'ids repeat' if len(repeated) != 1 else 'id repeats'} ({rows} rows share them, "
            f"e.g. {example!r} x{repeated[example]}): every row is its own event with an id made "
            f"from the file and the row; the file's id is kept in extra.source_id"
        )


def _category(
    cell: Callable[[str], str], cmap: ColumnMap, row: Mapping[str, Any]
) -> tuple[str, dict[str, str]]:
    """(category, original type cells to keep in extra) from the dialect's type columns or `category`."""
    raw: dict[str, str] = {}
    found = None
    for col, scheme in cmap.category_columns():
        value = str(row.get(col) or "").strip()
        if value:
            raw[col] = value
            found = found or lookup(scheme, value)
    plain = cell("category")
    col = cmap.column("category")
    if found is None and col is not None and normalise(col) in CAMEO_COLUMNS:
        found = lookup("cameo", plain)
    if found is None:
        found = category_of(plain, cmap.dialect.default_category if cmap.dialect else "other")
    if plain and col is not None and plain.lower() != found and cmap.flavour != "eventmap":
        raw[col] = plain  # keep "Battles", "Riots" ... next to the category made of them
    return found, raw


def _dates(
    cell: Callable[[str], str], cmap: ColumnMap, norm_row: Mapping[str, Any], row: Mapping[str, Any]
) -> dict[str, Any]:
    undated = {"date": None, "date_end": None, "date_precision": None}
    in_cell_end: CellDate | None = None
    start = cell("date")
    if "date" in cmap.parts:
        found = dateparts.compose(row, cmap.parts["date"])
        if found is None:
            return undated
        first: CellDate = found
    elif not start:
        return undated
    else:
        reader = cmap.readers.get("date") or DateReader([start])
        try:
            first = reader.read(start)
        except EventFormatError:
            span = reader.read_range(start)  # "2024-01-05/2024-01-07", "5-7 January 2024"
            if span is None:
                raise
            first, in_cell_end = span
    prec = cell("date_precision").lower() or _coded_precision(cell, cmap, norm_row) or first.precision
    if prec not in PRECISIONS:
        raise EventFormatError(f"unknown date precision {prec!r} (one of {', '.join(PRECISIONS)})")
    end_text = cell("date_end")
    if "date_end" in cmap.parts:
        last = dateparts.compose(row, cmap.parts["date_end"])
    else:
        end_reader = cmap.readers.get("date_end") or cmap.readers.get("date") or DateReader([end_text])
        last = end_reader.read(end_text) if end_text else in_cell_end
    if first.day is None or (last is not None and last.day is None):
        prec = "year"  # a year beyond the calendar is a whole year
    out: dict[str, Any] = {"_time": first.time}
    if last is not None:
        out.update(date=first.start, date_end=interval(last, last.precision)[1], date_precision=prec)
    else:
        begin, finish = interval(first, prec)
        out.update(date=begin, date_end=finish, date_precision=prec)
    return out


def _coded_precision(cell: Callable[[str], str], cmap: ColumnMap, norm_row: Mapping[str, Any]) -> str | None:
    if cmap.dialect is not None and cmap.dialect.time_precision is not None:
        name, codes = cmap.dialect.time_precision
        value = norm_row.get(name)
        return codes.get(code(str(value))) if value else None
    value = cell("time_precision")
    return TIME_PRECISION_TO_PRECISION.get(code(value)) if value else None


def _places(
    cell: Callable[[str], str],
    cmap: ColumnMap,
    norm_row: Mapping[str, Any],
    lat: float | None,
    lon: float | None,
) -> list[dict[str, Any]]:
    if cell("places_json"):
        return _json_list(cell("places_json"), "places_json")
    name = cell("location")
    if not name and lat is None:
        return []
    country = cell("country")
    code_cell = cell("country_code").upper() or (country_code_of(country) if country else None)
    if cmap.dialect is not None and cmap.dialect.geo_precision is not None:
        column, kinds = cmap.dialect.geo_precision
        kind = kinds.get(code(str(norm_row.get(column) or "")))
    else:
        kind = GEO_PRECISION_TO_KIND.get(code(cell("geo_precision")))
    return [
        {
            "text": name or country or f"{lat}, {lon}",
            "name": name or None,
            "lat": lat,
            "lon": lon,
            "country_code": code_cell or None,
            "kind": kind if name else ("country" if country else None),
        }
    ]


def _fallback_text(row: Mapping[str, Any], norm_row: Mapping[str, Any], cmap: ColumnMap) -> str:
    """Rows without a description still need a sentence: "Air/drone strike in Kharkiv"."""
    if cmap.dialect is not None and cmap.dialect.describe is not None:
        return cmap.dialect.describe(norm_row)
    what = str(row.get(cmap.column("category")) or "") if cmap.column("category") else ""
    names = json_names(what.strip())
    what = names[-1] if names else what  # [{"id": "wildfires", "title": "Wildfires"}] -> Wildfires
    where = str(row.get(cmap.column("location")) or "") if cmap.column("location") else ""
    return " in ".join(p for p in (what.strip(), where.strip()) if p)


def _link(value: str) -> str:
    """A document cell; a JSON object of links (GDACS ``url``) gives its first web address."""
    if value.startswith("{"):
        try:
            links = json.loads(value)
        except ValueError:
            return value
        if isinstance(links, dict):
            found = [
                v for v in links.values() if isinstance(v, str) and v.startswith(("http://", "https://"))
            ]
            return found[0] if found else value
    return value


def _is_hxl(row: Mapping[str, Any]) -> bool:
    cells = [str(v).strip() for v in row.values() if v is not None and str(v).strip()]
    return bool(cells) and all(c.startswith("#") for c in cells)


@lru_cache(maxsize=512)
def country_code_of(name: str) -> str | None:
    """ISO alpha-2 code of an English country name (ACLED's `country`), None if unknown."""
    import pycountry

    if not name.strip() or name.strip().isdigit():
        return None  # a numeric country code of the source's own (GTD) is no ISO code
    try:
        return pycountry.countries.lookup(name).alpha_2
    except LookupError:
        try:
            return pycountry.countries.search_fuzzy(name)[0].alpha_2
        except LookupError:
            return None


def _number(value: str, name: str) -> float | None:
    if not value:
        return None
    if "," in value and "." not in value:
        value = value.replace(",", ".")  # 50,45 written with a decimal comma
    try:
        return float(value)
    except ValueError:
        pass
    degrees = _degrees(value, "NS" if name == "latitude" else "EW" if name == "longitude" else "NSEW")
    if degrees is None:
        raise EventFormatError(f"{name} {value!r} is not a number") from None
    return degrees


# 50.45°, 50.45 N, 50°27'N, 50°27′30″N, 30° 31' 12" E (hemisphere letters make S and W negative)
_DMS = re.compile(
    r"([NSEWnsew])?\s*([+-]?\d+(?:\.\d+)?)\s*(?:°|º|deg)?\s*(?:(\d+(?:\.\d+)?)\s*['′’]\s*)?"
    r"(?:(\d+(?:\.\d+)?)\s*(?:\"|″|''|”)\s*)?([NSEWnsew])?"
)


def _degrees(value: str, hemispheres: str) -> float | None:
    """Degrees (minutes, seconds) with an optional hemisphere letter; None when not, or when
    the letter belongs to the other axis (a latitude "W 87.6": the columns are swapped)."""
    m = _DMS.fullmatch(value.strip())
    if not m or (m[1] and m[5]) or (m[1] or m[5] or hemispheres[0]).upper() not in hemispheres:
        return None
    number = float(m[2])
    number = (abs(number) + float(m[3] or 0) / 60 + float(m[4] or 0) / 3600) * (-1 if number < 0 else 1)
    hemisphere = (m[1] or m[5] or "").upper()
    return -abs(number) if hemisphere in ("S", "W") else number


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
