"""Event files in and out: the project's JSON, GeoJSON, CSV (ACLED-like) and TimelineJS JSON.

``write_events(events, fmt, stream_or_path)`` writes one format to an open text stream or
(atomically) to a file; ``read_events(path, columns=..., report=...)`` reads any of them back,
choosing the reader by extension and, for ``.json``, by content (eventmap JSON, GeoJSON,
TimelineJS 3 or 2, or a table as JSON records such as ACLED's API answer). Reading fills an
:class:`ImportReport`: what the file was read as, the columns used, what was guessed, and the
items skipped (a bad row does not stop the file; a file whose every item fails is an error).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO, Any

from eventmap.atomic import write_text
from eventmap.errors import InputError
from eventmap.formats import csv_format, geojson_format, json_format, timelinejs2_format, timelinejs_format
from eventmap.formats.columns import parse_column_spec
from eventmap.formats.report import ImportReport
from eventmap.formats.rows import records_to_events
from eventmap.formats.tracks import expand_tracks
from eventmap.model import EVENT_FIELDS, Event, EventFormatError

FORMATS: tuple[str, ...] = ("json", "geojson", "csv", "timelinejs")
EVENT_SUFFIXES = frozenset(
    {
        ".json",
        ".geojson",
        ".csv",
        ".tsv",
        ".jsonl",
        ".ndjson",
        ".geojsonl",
        ".kml",
        ".rss",
        ".atom",
        ".georss",
    }
)
# keys under which web APIs hand out their table as a list of records (ACLED "data", UCDP "Result")
RECORD_KEYS = ("data", "Result", "result", "results", "records", "items", "rows")

__all__ = [
    "FORMATS",
    "EVENT_SUFFIXES",
    "dumps_events",
    "write_events",
    "read_events",
    "loads_events",
    "detect_format",
    "parse_column_spec",
    "ImportReport",
]


def dumps_events(events: Iterable[Event], fmt: str, *, title: str | None = None, **meta: Any) -> str:
    """The events as text in `fmt` (one of FORMATS)."""
    events = list(events)
    if fmt == "json":
        return json_format.dumps(events, **({"title": title} if title else {}), **meta)
    if fmt == "geojson":
        return geojson_format.dumps(events)
    if fmt == "csv":
        return csv_format.dumps(events)
    if fmt == "timelinejs":
        return timelinejs_format.dumps(events, title=title)
    raise InputError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")


def write_events(
    events: Iterable[Event],
    fmt: str,
    stream_or_path: IO[str] | str | os.PathLike[str],
    *,
    title: str | None = None,
    **meta: Any,
) -> None:
    """Write the events as `fmt` to an open text stream, or atomically to a file path."""
    text = dumps_events(events, fmt, title=title, **meta)
    if isinstance(stream_or_path, (str, os.PathLike)):
        write_text(stream_or_path, text)
    else:
        stream_or_path.write(text)


def read_events(
    path: str | os.PathLike[str],
    *,
    columns: str | Mapping[str, str | None] | None = None,
    fmt: str | None = None,
    report: ImportReport | None = None,
) -> list[Event]:
    """Events from an event file; an unreadable file, or one whose every item fails, raises InputError.

    Skipped items, guesses and warnings go to `report` (given one), else to the log.
    """
    p = Path(path)
    own_report = report is None
    report = report if report is not None else ImportReport(str(p))
    try:
        text, encoding = _decode(p.read_bytes())
    except OSError as exc:
        raise InputError(f"{p}: cannot read: {exc.strerror or exc}") from None
    except EventFormatError as exc:
        raise InputError(f"{p}: {exc}") from None
    try:
        events = loads_events(
            text, fmt or _format_by_suffix(p), origin=str(p), columns=columns, report=report
        )
    except EventFormatError as exc:
        raise InputError(f"{p}: {exc}") from None
    if encoding:
        report.note(f"text read as {encoding} (not UTF-8)")
    if own_report:
        report.log()
    return events


def loads_events(
    text: str,
    fmt: str | None = None,
    *,
    origin: str = "<events>",
    columns: str | Mapping[str, str | None] | None = None,
    report: ImportReport | None = None,
) -> list[Event]:
    """Events from text; `fmt` None (or "json") lets the content decide between JSON dialects.

    Items that cannot be read are skipped and counted in `report`; when every item fails
    (and there was at least one), EventFormatError gives the first reason.
    """
    report = report if report is not None else ImportReport(origin)
    events = _loads(text, fmt, origin, columns, report)
    if not events and report.skipped:
        more = f" (and {report.skipped - 1} more like it)" if report.skipped > 1 else ""
        raise EventFormatError(f"{report.first_skip}{more}")
    return events


def _loads(
    text: str,
    fmt: str | None,
    origin: str,
    columns: str | Mapping[str, str | None] | None,
    report: ImportReport,
) -> list[Event]:
    if fmt == "csv":
        return csv_format.loads(text, origin=origin, columns=columns, report=report)
    if fmt == "tsv":
        return csv_format.loads(text, origin=origin, columns=columns, delimiter="\t", report=report)
    if fmt == "jsonl":
        return _json_lines(text, origin, columns, report)
    if fmt in ("kml", "georss") or (fmt is None and text.lstrip("\ufeff \t\r\n").startswith("<")):
        from eventmap.formats import georss_format, kml_format  # XML: imported only when met

        if fmt == "kml" or (fmt is None and kml_format.is_kml(text)):
            return kml_format.loads(text, origin=origin, columns=columns, report=report)
        if fmt is None and not georss_format.is_georss(text):
            raise EventFormatError("an XML file that is neither KML nor a GeoRSS feed")
        return georss_format.loads(text, origin=origin, columns=columns, report=report)
    if fmt in (None, "json", "geojson", "timelinejs"):
        stripped = text.lstrip("\ufeff \t\r\n")
        if fmt is None and not stripped.startswith(("{", "[")):
            return csv_format.loads(text, origin=origin, columns=columns, report=report)
        obj = json_format.parse_json(stripped)
        kind = fmt if fmt not in (None, "json") else detect_format(obj)
        if kind == "geojson":
            return geojson_format.from_obj(obj, origin=origin, columns=columns, report=report)
        if kind == "timelinejs":
            return timelinejs_format.from_obj(obj, origin=origin, report=report)
        if kind == "timelinejs2":
            return timelinejs2_format.from_obj(obj, origin=origin, report=report)
        if kind == "records":
            records = expand_tracks(_records(obj), report)  # EONET: one event per dated position
            report.kind = "JSON records"
            return records_to_events(records, origin=origin, columns=columns, report=report)
        return json_format.from_obj(obj, report=report)
    raise InputError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")


def detect_format(obj: Any) -> str:
    """Which JSON dialect a parsed document is: "geojson", "timelinejs", "timelinejs2", "records" or "json" (ours).

    "records" is a table as JSON: ACLED's API answer ``{"data": [...]}`` (UCDP's ``Result`` ...),
    or a list of flat objects -- bare or under ``events`` -- with fields an event does not have
    (``pandas.DataFrame.to_json(orient="records")``); reading those as events would drop the
    unknown fields, so they are read like CSV rows.
    """
    if geojson_format.is_geojson(obj):
        return "geojson"
    if timelinejs_format.is_timelinejs(obj):
        return "timelinejs"
    if timelinejs2_format.is_timelinejs2(obj):
        return "timelinejs2"
    if isinstance(obj, dict) and "events" not in obj and _records(obj) is not None:
        return "records"
    items = obj.get("events") if isinstance(obj, dict) else obj
    if (
        isinstance(items, list)
        and items
        and all(isinstance(o, dict) for o in items)
        and any(set(o) - EVENT_FIELDS for o in items)
    ):
        return "records"  # {"events": [...]} of another program: its own fields would be lost
    return "json"


def _records(obj: Any) -> list[Any] | None:
    """The list of records of an API answer ({"data": [...]}, {"Result": [...]}) or a bare list."""
    if isinstance(obj, list):
        return obj
    for key in (*RECORD_KEYS, "events"):
        value = obj.get(key) if isinstance(obj, dict) else None
        if isinstance(value, list) and (not value or isinstance(value[0], dict)):
            return value
    return None


def _json_lines(
    text: str, origin: str, columns: str | Mapping[str, str | None] | None, report: ImportReport
) -> list[Event]:
    """JSON Lines (one record or GeoJSON Feature per line): read like a list of records or features."""
    items: list[Any] = []
    for number, line in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            items.append(json_format.parse_json(line))
        except EventFormatError as exc:
            report.items += 1
            report.skip(f"line {number}: {exc}")
    if items and all(isinstance(i, dict) and i.get("type") == "Feature" for i in items):
        obj = {"type": "FeatureCollection", "features": items}
        return geojson_format.from_obj(obj, origin=origin, columns=columns, report=report)
    report.kind = "JSON lines"
    return records_to_events(items, origin=origin, columns=columns, report=report)


def _format_by_suffix(path: Path) -> str | None:
    suffix = path.suffix.lower()
    return {
        ".csv": "csv",
        ".tsv": "tsv",
        ".geojson": "geojson",
        ".jsonl": "jsonl",
        ".ndjson": "jsonl",
        ".geojsonl": "jsonl",
        ".kml": "kml",
        ".rss": "georss",
        ".atom": "georss",
        ".georss": "georss",
    }.get(suffix)


def _decode(data: bytes) -> tuple[str, str | None]:
    """UTF-8 (with or without BOM) first; otherwise the encoding charset-normalizer finds (cp1252 wins a tie)."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        results = list(from_bytes(data))
        if not results:
            raise EventFormatError("cannot tell the file's text encoding") from None
        best = results[0]
        # On short files several single-byte code pages score alike; a spreadsheet saved on
        # Windows in Western Europe (Excel's "CSV") is cp1252, so it wins a tie ('à', not 'ŕ')
        tied = [m for m in results if m.chaos <= best.chaos + 0.01]
        western = next((m for m in tied if m.encoding in ("cp1252", "latin_1", "iso8859_15")), None)
        chosen = western or best
        return str(chosen), chosen.encoding
