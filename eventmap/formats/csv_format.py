"""CSV: one row per event, with ACLED's column names where they mean the same thing.

Columns, in this order (docs/exports.md documents them)::

    id, event_date, date_end, time_precision, date_precision, date_text, date_source, category,
    location, country_code, latitude, longitude, geo_precision, notes, source, source_start,
    source_end, source_date_text, lang, places_json, sources_json, <extra fields...>

``event_date``/``date_end`` are the first and last possible day; ``time_precision`` is ACLED's
code (1 day, 2 week, 3 month or year) and ``date_precision`` ours (day/week/month/year).
``location``/``latitude``/``longitude``/``geo_precision`` describe the event's point (its
main place); ``places_json`` holds every place so the file reads back into the same events.
``notes`` is the sentence, ``source`` its document. Extra fields (kept from imported data)
follow as their own columns; their values read back as strings.

Reading accepts this CSV, the tables of known sources (ACLED, UCDP GED, USGS, GDELT with
or without its header line: :mod:`eventmap.formats.dialect`), the TimelineJS Google Sheet
template (:mod:`eventmap.formats.timelinejs_sheet`) and any CSV whose columns are
mapped by the user or guessed (see :mod:`eventmap.formats.columns`). A bad row is skipped
and counted in the :class:`~eventmap.formats.report.ImportReport`, not the end of the file.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

from eventmap.formats import gdelt_format, timelinejs_sheet
from eventmap.formats.columns import normalise
from eventmap.formats.report import ImportReport
from eventmap.formats.rows import KIND_TO_GEO_PRECISION, PRECISION_TO_TIME_PRECISION, rows_to_events
from eventmap.model import Event

# A cell starting with one of these is a formula to Excel/LibreOffice ("CSV injection"):
# such text cells are written with a leading apostrophe, which the reader removes again.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")  # "-500" is a number to a spreadsheet, not a formula
NUMERIC_COLUMNS = frozenset(
    {"latitude", "longitude", "source_start", "source_end", "time_precision", "geo_precision", "confidence"}
)

COLUMNS: tuple[str, ...] = (
    "id",
    "event_date",
    "date_end",
    "time_precision",
    "date_precision",
    "date_text",
    "date_source",
    "category",
    "location",
    "country_code",
    "latitude",
    "longitude",
    "geo_precision",
    "notes",
    "source",
    "source_start",
    "source_end",
    "source_date_text",
    "lang",
    "places_json",
    "sources_json",
    "time_of_day",
    "event_kind",
    "confidence",
    "place_source",
    "review_status",
    "original_json",
)


def event_row(event: Event) -> dict[str, Any]:
    """The CSV row of one event (extra fields included, under their own names)."""
    main = event.main_place or (event.places[0] if event.places else None)
    row: dict[str, Any] = {
        "id": event.id,
        "event_date": event.date or "",
        "date_end": event.date_end or "",
        "time_precision": PRECISION_TO_TIME_PRECISION.get(event.date_precision or "", ""),
        "date_precision": event.date_precision or "",
        "date_text": event.date_text or "",
        "date_source": event.date_source or "",
        "category": event.category,
        "location": (main.name or main.text) if main else "",
        "country_code": (main.country_code or "") if main else "",
        "latitude": "" if event.lat is None else repr(event.lat),
        "longitude": "" if event.lon is None else repr(event.lon),
        "geo_precision": KIND_TO_GEO_PRECISION.get((main.kind or "") if main else "", ""),
        "notes": event.text,
        "source": event.source.document,
        "source_start": event.source.start,
        "source_end": event.source.end,
        "source_date_text": event.source.date_text or "",
        "lang": event.lang or "",
        "places_json": _json([p.to_dict() for p in event.places]) if event.places else "",
        "sources_json": _json([s.to_dict() for s in event.sources]) if event.sources else "",
        "time_of_day": event.time or "",
        "event_kind": event.kind or "",
        "confidence": "" if event.confidence is None else repr(event.confidence),
        "place_source": event.place_source or "",
        "review_status": event.review_status,
        "original_json": _json(event.original) if event.original else "",
    }
    for key, value in event.extra.items():
        name = key if key not in row else f"extra_{key}"
        row[name] = value if isinstance(value, str) else ("" if value is None else _json(value))
    return row


def dumps(events: Iterable[Event]) -> str:
    """The whole CSV as text (RFC 4180 quoting, \\r\\n line ends like spreadsheets expect)."""
    rows = [
        {k: v if k in NUMERIC_COLUMNS else defuse_formula(v) for k, v in event_row(e).items()} for e in events
    ]
    header = list(COLUMNS)
    for row in rows:
        header.extend(k for k in row if k not in header)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, restval="", extrasaction="raise")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def loads(
    text: str,
    *,
    origin: str = "<csv>",
    columns: str | Mapping[str, str | None] | None = None,
    delimiter: str | None = None,
    report: ImportReport | None = None,
) -> list[Event]:
    """Events from CSV text; a bad row is skipped and counted in `report` (its number said)."""
    report = report if report is not None else ImportReport(origin)
    text = text.lstrip("\ufeff")
    if not text.strip():
        return []
    first_line = text.split("\n", 1)[0]
    gdelt = gdelt_format.header_for(first_line)
    if gdelt is not None:  # a raw GDELT export: tab-separated, no header line
        reader = csv.DictReader(
            io.StringIO(text, newline=""), fieldnames=list(gdelt), delimiter="\t", quoting=csv.QUOTE_NONE
        )
        report.kind = f"GDELT export without header ({len(gdelt)} columns)"
        numbering = lambda i: f"line {i}"  # noqa: E731
        header = [h for h in reader.fieldnames or [] if h is not None]
        rows = [{k: v for k, v in row.items() if k is not None} for row in reader]
    else:
        sep = re.match(r"\s*sep=(.)\s*$", first_line)  # Excel's "sep=;" line above the header
        if sep:
            text = text.split("\n", 1)[1] if "\n" in text else ""
        header, rows = _table(text, delimiter or (sep[1] if sep else sniff_delimiter(text)), report)
        numbering = lambda i: f"row {i + 1}"  # noqa: E731
    rows = [{k: restore_formula(v) for k, v in row.items()} for row in rows]
    report.item_name = "row"
    if gdelt is None and not columns and timelinejs_sheet.is_sheet(header, normalise):
        return timelinejs_sheet.from_rows(rows, header, origin=origin, normalise=normalise, report=report)
    return rows_to_events(
        rows, header, origin=origin, columns=columns, own_columns=COLUMNS, numbering=numbering, report=report
    )


def _table(text: str, delimiter: str, report: ImportReport) -> tuple[list[str], list[dict[str, str | None]]]:
    """(header, rows) of a CSV; no cell is lost: a blank or repeated column name is made unique,
    and cells beyond the header are kept under "(column N)" (both said in the report)."""
    lines = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    names = next(lines, [])
    header: list[str] = []
    repeated = []
    for i, name in enumerate(names, start=1):
        unique = name if name.strip() else f"(column {i})"
        if unique in header:
            repeated.append(name)
            unique = f"{name} ({i})"
        header.append(unique)
    if repeated:
        report.warn(
            f"{len(repeated)} column name{'s repeat' if len(repeated) != 1 else ' repeats'} "
            f"({', '.join(map(repr, repeated[:3]))}): "
            f"the later column{'s are' if len(repeated) != 1 else ' is'} read as 'NAME (position)'"
        )
    rows: list[dict[str, str | None]] = []
    long_rows = 0
    for cells in lines:
        if not cells:
            continue  # a blank line
        row: dict[str, str | None] = dict(zip(header, cells))
        for name in header[len(cells) :]:
            row[name] = None
        if len(cells) > len(header):
            beyond = {
                f"(column {j})": v for j, v in enumerate(cells[len(header) :], start=len(header) + 1) if v
            }
            if beyond:
                long_rows += 1
                row.update(beyond)
        rows.append(row)
    if long_rows:
        report.warn(
            f"{long_rows} row{'s have' if long_rows != 1 else ' has'} more cells than the header has columns: "
            f"those cells are kept in extra as '(column N)'"
        )
    return header, rows


def defuse_formula(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe (shown as text).

    A text that already starts with an apostrophe gets one more, so reading back is exact.
    """
    if (
        isinstance(value, str)
        and value
        and (value[0] in FORMULA_START or value[0] == "'")
        and not _PLAIN_NUMBER.fullmatch(value)
    ):
        return "'" + value
    return value


def restore_formula(value: Any) -> Any:
    """Undo :func:`defuse_formula`: one leading apostrophe before a formula start or an apostrophe."""
    if (
        isinstance(value, str)
        and len(value) > 1
        and value[0] == "'"
        and (value[1] in FORMULA_START or value[1] == "'")
    ):
        return value[1:]
    return value


def sniff_delimiter(text: str) -> str:
    """Comma unless the header line clearly uses ; or a tab or | (spreadsheets in NL use ;)."""
    first = text.split("\n", 1)[0]
    counts = {d: first.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=counts.get)  # type: ignore[arg-type]
    return best if counts[best] > counts[","] else ","


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
