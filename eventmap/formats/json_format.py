"""The project's own JSON: ``{"format": "eventmap", "version": 1, ..., "events": [...]}``.

The field names live in :mod:`eventmap.model`; this module only turns text into objects and back.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from eventmap.model import Event, EventFormatError, events_from_json_obj, events_to_json_obj


def dumps(events: Iterable[Event], **meta: Any) -> str:
    """Indented UTF-8 JSON (readable in a diff; non-ASCII letters kept as they are)."""
    return json.dumps(events_to_json_obj(events, **meta), ensure_ascii=False, indent=2) + "\n"


def loads(text: str) -> list[Event]:
    """Events from the project's JSON (or a bare list of event objects)."""
    return from_obj(parse_json(text))


def from_obj(obj: Any) -> list[Event]:
    return events_from_json_obj(obj)


def parse_json(text: str) -> Any:
    """json.loads with a one-line EventFormatError naming line and column."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise EventFormatError(
            f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from None
