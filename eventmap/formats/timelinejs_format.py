"""TimelineJS 3 JSON (timeline.knightlab.com/docs/json-format.html): publish events as a story.

Writing: ``{"title": slide, "events": [slide...]}``; each dated event is a slide with
``start_date``/``end_date`` split into ``year``/``month``/``day`` strings down to the event's
precision (a month-precision event has no ``day``), ``text`` = {headline: category and place,
text: the sentence, HTML-escaped}, ``group`` = category and ``unique_id`` = event id.
Undated events have no place on a timeline and are left out.

Reading takes any TimelineJS file: the precision follows the date fields present, ``group``
becomes the category (kept in ``extra`` when it is not one of ours), slide fields we do not
use (``media``, ``background``, ``display_date`` ...) are kept in ``extra``.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from eventmap.formats.json_format import parse_json
from eventmap.formats.rows import category_of, interval
from eventmap.model import Event, EventFormatError, make_event_id

SLIDE_FIELDS = frozenset({"start_date", "end_date", "text", "group", "unique_id"})


def date_obj(day: date, precision: str) -> dict[str, str]:
    """A TimelineJS date object holding only what the precision knows."""
    obj = {"year": str(day.year)}
    if precision in ("day", "week", "month"):
        obj["month"] = str(day.month)
    if precision in ("day", "week"):
        obj["day"] = str(day.day)
    return obj


def slide(event: Event) -> dict[str, Any] | None:
    """The slide of one event, or None when it has no date."""
    start, end = event.start_date, event.end_date
    if start is None:
        return None
    prec = event.date_precision or "day"
    out: dict[str, Any] = {"start_date": date_obj(start, prec)}
    end_obj = date_obj(end, prec) if end is not None else None
    if end_obj is not None and end_obj != out["start_date"]:
        out["end_date"] = end_obj
    place = event.main_place or (event.places[0] if event.places else None)
    headline = event.category.capitalize() + (f" – {place.name or place.text}" if place else "")
    out["text"] = {
        "headline": html.escape(headline, quote=False),
        "text": html.escape(event.text, quote=False),
    }
    out["group"] = event.category
    out["unique_id"] = event.id
    return out


def to_obj(events: Iterable[Event], *, title: str | None = None) -> dict[str, Any]:
    slides = [s for s in (slide(e) for e in events) if s is not None]
    return {
        "title": {
            "text": {
                "headline": html.escape(title or "Events", quote=False),
                "text": f"{len(slides)} dated event{'s' if len(slides) != 1 else ''}",
            }
        },
        "events": slides,
    }


def dumps(events: Iterable[Event], *, title: str | None = None) -> str:
    return json.dumps(to_obj(events, title=title), ensure_ascii=False, indent=1) + "\n"


def is_timelinejs(obj: Any) -> bool:
    """A dict whose events are slides (have start_date), or an empty one with a title slide."""
    if not isinstance(obj, dict) or not isinstance(obj.get("events"), list):
        return False
    items = obj["events"]
    if items:
        return isinstance(items[0], dict) and "start_date" in items[0] and "source" not in items[0]
    return "format" not in obj and isinstance(obj.get("title"), dict)


def loads(text: str, *, origin: str = "<timelinejs>") -> list[Event]:
    return from_obj(parse_json(text), origin=origin)


def from_obj(obj: Any, *, origin: str = "<timelinejs>") -> list[Event]:
    if not is_timelinejs(obj):
        raise EventFormatError("not TimelineJS JSON: expected {'events': [slides with start_date]}")
    events = []
    for i, s in enumerate(obj["events"], start=1):
        try:
            events.append(_slide_event(s, origin, i))
        except EventFormatError as exc:
            raise EventFormatError(f"slide #{i}: {exc}") from None
    return events


def _slide_event(s: Any, origin: str, index: int) -> Event:
    if not isinstance(s, dict):
        raise EventFormatError("a slide must be an object")
    first, prec = _read_date(s.get("start_date"), "start_date")
    start, last = interval(first, prec)
    if s.get("end_date"):
        end_day, end_prec = _read_date(s["end_date"], "end_date")
        last = interval(end_day, end_prec)[1]
        if prec == "day" and end_prec == "day" and start.weekday() == 0 and last - start == timedelta(days=6):
            prec = "week"
    text_obj = s.get("text") if isinstance(s.get("text"), dict) else {}
    text = _plain(text_obj.get("text")) or _plain(text_obj.get("headline"))
    group = s.get("group")
    category = category_of(group if isinstance(group, str) else None)
    extra = {k: v for k, v in s.items() if k not in SLIDE_FIELDS}
    if isinstance(group, str) and group and group.lower() != category:
        extra["group"] = group
    return Event.from_dict(
        {
            "id": str(s.get("unique_id") or make_event_id(f"{origin}#{index}", index, index, text)),
            "text": text,
            "source": {"document": origin, "start": 0, "end": len(text)},
            "date": start.isoformat(),
            "date_end": last.isoformat(),
            "date_precision": prec,
            "category": category,
            "extra": extra,
        }
    )


def _read_date(obj: Any, name: str) -> tuple[date, str]:
    """(first day, precision) of a TimelineJS date object."""
    if not isinstance(obj, dict) or obj.get("year") in (None, ""):
        raise EventFormatError(f"{name} needs a year")
    try:
        year = int(obj["year"])
        month = int(obj["month"]) if obj.get("month") not in (None, "") else None
        day = int(obj["day"]) if obj.get("day") not in (None, "") and month else None
        return date(year, month or 1, day or 1), "day" if day else "month" if month else "year"
    except (TypeError, ValueError) as exc:
        raise EventFormatError(f"{name} {obj!r} is not a valid date ({exc})") from None


def _plain(value: Any) -> str:
    """Slide text is HTML: tags dropped, entities decoded, blanks collapsed."""
    if not isinstance(value, str):
        return ""
    if "<" not in value:
        return html.unescape(value).strip()
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", value))).strip()
