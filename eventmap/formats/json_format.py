"""The project's own JSON: ``{"format": "eventmap", "version": 1, ..., "events": [...]}``.

The field names live in :mod:`eventmap.model`; this module only turns text into objects and back.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from eventmap.formats.report import ImportReport
from eventmap.model import Event, EventFormatError, events_to_json_obj

KNOWN = (
    "expected eventmap JSON ({'events': [...]}), GeoJSON (a FeatureCollection), TimelineJS 3 "
    "({'events': [slides]}), TimelineJS 2 ({'timeline': {'date': [...]}}), or a list of records"
)


def dumps(events: Iterable[Event], **meta: Any) -> str:
    """Indented UTF-8 JSON (readable in a diff; non-ASCII letters kept as they are)."""
    return json.dumps(events_to_json_obj(events, **meta), ensure_ascii=False, indent=2) + "\n"


def loads(text: str, *, report: ImportReport | None = None) -> list[Event]:
    """Events from the project's JSON (or a bare list of event objects)."""
    return from_obj(parse_json(text), report=report)


def from_obj(obj: Any, *, report: ImportReport | None = None) -> list[Event]:
    """Events of {"events": [...]} or a bare list; a bad event is skipped and counted in `report`."""
    report = report if report is not None else ImportReport("<json>")
    report.kind, report.item_name = report.kind or "eventmap JSON", "event"
    items = obj.get("events") if isinstance(obj, dict) else obj
    if not isinstance(items, list):
        raise EventFormatError(f"not an event file this reader knows: {KNOWN}")
    out = []
    for i, item in enumerate(items, start=1):
        report.items += 1
        try:
            out.append(Event.from_dict(item))
        except EventFormatError as exc:
            report.skip(f"event #{i}: {exc}")
    report.events += len(out)
    return out


def parse_json(text: str) -> Any:
    """json.loads with a one-line EventFormatError naming line and column."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise EventFormatError(
            f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from None
