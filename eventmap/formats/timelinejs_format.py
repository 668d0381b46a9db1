"""TimelineJS 3 JSON (timeline.knightlab.com/docs/json-format.html): stories in, stories out.

Writing: ``{"title": slide, "events": [slide...], "eras": [...]}``; each dated event is a slide
with ``start_date``/``end_date`` split into ``year``/``month``/``day`` strings down to the
event's precision (a month-precision event has no ``day``; a year beyond 1..9999 is just a
signed ``year``, as TimelineJS writes deep time), ``text`` = {headline: the slide's own
headline if the event came from one, else category and place; text: the sentence,
HTML-escaped}, ``media`` and ``group`` as read (else the category), ``unique_id`` = event id.
Events read from eras go back to ``eras``. Undated events have no place on a timeline.

Reading takes any TimelineJS 3 file (and TimelineJS 2 through ``timelinejs2_format``): the
precision follows the date fields present; the text is the slide text, the headline is kept
in ``extra["headline"]`` (a slide with only a headline has it as its text too); ``group`` becomes the category (kept in ``extra`` when it is not one
of ours); ``media``, ``background``, ``display_date`` ... stay in ``extra``. A slide
``location`` ({lat, lon, name}, as StoryMapJS and some exporters write it) becomes the event's
place; otherwise headline and text are geoparsed like an article, in their detected language.
Eras become events of kind "context". A slide that cannot be read is skipped and counted.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from eventmap.eventdates import CALENDAR_YEARS, is_year_date
from eventmap.formats.categories import category_of
from eventmap.formats.dates import day_interval
from eventmap.formats.json_format import parse_json
from eventmap.formats.report import ImportReport
from eventmap.model import Event, EventFormatError, Place, make_event_id, specificity

SLIDE_FIELDS = frozenset({"start_date", "end_date", "text", "group", "unique_id", "location"})
DATE_PARTS = ("year", "month", "day", "hour", "minute")
ERA = "era"  # extra["timelinejs"] of an event read from an era


def date_obj(event_date: str, precision: str) -> dict[str, str]:
    """A TimelineJS date object holding only what the precision knows."""
    if is_year_date(event_date):
        return {"year": str(int(event_date))}
    day = date.fromisoformat(event_date)
    obj = {"year": str(day.year)}
    if precision in ("day", "week", "month"):
        obj["month"] = str(day.month)
    if precision in ("day", "week"):
        obj["day"] = str(day.day)
    return obj


def slide(event: Event) -> dict[str, Any] | None:
    """The slide of one event, or None when it has no date."""
    if not event.date:
        return None
    prec = event.date_precision or "day"
    start = _kept_date(event, "start_date") or date_obj(event.date, prec)
    out: dict[str, Any] = {"start_date": start}
    end = _kept_date(event, "end_date") or date_obj(event.date_end or event.date, prec)
    if end != start:
        out["end_date"] = end
    place = event.main_place or (event.places[0] if event.places else None)
    headline = event.extra.get("headline")
    if not isinstance(headline, str) or not headline:
        headline = event.category.capitalize() + (f" – {place.name or place.text}" if place else "")
    out["text"] = {"headline": html.escape(headline, quote=False)}
    if event.text != headline:  # a headline-only slide has no text of its own
        out["text"]["text"] = html.escape(event.text, quote=False)
    media = event.extra.get("media")
    if isinstance(media, dict) and isinstance(media.get("url"), str):
        out["media"] = {k: v for k, v in media.items() if isinstance(v, str)}
    group = event.extra.get("group")
    out["group"] = group if isinstance(group, str) and group else event.category
    if isinstance(event.extra.get("display_date"), str):
        out["display_date"] = event.extra["display_date"]
    out["unique_id"] = event.id
    return out


def to_obj(events: Iterable[Event], *, title: str | None = None) -> dict[str, Any]:
    events = list(events)
    slides, eras = [], []
    for e in events:
        s = slide(e)
        if s is None:
            continue
        if e.extra.get("timelinejs") == ERA:
            eras.append({k: s[k] for k in ("start_date", "end_date", "text") if k in s})
        else:
            slides.append(s)
    obj: dict[str, Any] = {
        "title": {
            "text": {
                "headline": html.escape(title or "Events", quote=False),
                "text": f"{len(slides)} dated event{'s' if len(slides) != 1 else ''}",
            }
        },
        "events": slides,
    }
    if eras:
        obj["eras"] = eras
    if any(e.beyond_calendar for e in events):
        obj["scale"] = "cosmological"  # TimelineJS's scale for years beyond what JS dates hold
    return obj


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


def loads(text: str, *, origin: str = "<timelinejs>", report: ImportReport | None = None) -> list[Event]:
    return from_obj(parse_json(text), origin=origin, report=report)


def from_obj(
    obj: Any, *, origin: str = "<timelinejs>", report: ImportReport | None = None, kind: str = "TimelineJS 3"
) -> list[Event]:
    """The events of a TimelineJS story: slides, then eras (as context); bad slides skipped."""
    report = report if report is not None else ImportReport(origin)
    report.kind, report.item_name = report.kind or kind, "slide"
    if not is_timelinejs(obj):
        raise EventFormatError("not TimelineJS JSON: expected {'events': [slides with start_date]}")
    items = [(f"slide #{i}", s, False) for i, s in enumerate(obj["events"], start=1)]
    eras = obj.get("eras") if isinstance(obj.get("eras"), list) else []
    items += [(f"era #{i}", s, True) for i, s in enumerate(eras, start=1)]
    events = []
    for index, (where, s, is_era) in enumerate(items, start=1):
        report.items += 1
        try:
            event = _slide_event(s, origin, index, is_era)
        except EventFormatError as exc:
            report.skip(f"{where}: {exc}")
            continue
        events.append(event)
    _unique(events, report)
    report.events += len(events)
    if eras:
        report.note(f"{len(eras)} era{'s' if len(eras) != 1 else ''} read as context events")
    title = obj.get("title") if isinstance(obj.get("title"), dict) else None
    headline = (
        _plain((title.get("text") or {}).get("headline"))
        if title and isinstance(title.get("text"), dict)
        else ""
    )
    if headline:
        report.note(f"title slide {headline[:60]!r} read as the story's title, not an event")
    geoparsed = sum(1 for e in events if e.place_source == "sentence")
    if geoparsed:
        report.note(f"places of {geoparsed} slide{'s' if geoparsed != 1 else ''} found in their text")
    return events


def _slide_event(s: Any, origin: str, index: int, is_era: bool) -> Event:
    if not isinstance(s, dict):
        raise EventFormatError("a slide must be an object")
    start, end, prec, time, kept = _dates(s)
    text_obj = s.get("text") if isinstance(s.get("text"), dict) else {}
    headline, body = _plain(text_obj.get("headline")), _plain(text_obj.get("text"))
    text = body or headline
    if not text:
        raise EventFormatError("a slide needs a headline or a text")
    group = s.get("group")
    category = category_of(group if isinstance(group, str) else None)
    extra: dict[str, Any] = {k: v for k, v in s.items() if k not in SLIDE_FIELDS}
    extra.update(kept)
    if headline:
        extra["headline"] = headline
    if isinstance(group, str) and group and group.lower() != category:
        extra["group"] = group
    if s.get("unique_id") not in (None, ""):
        extra["source_id"] = str(s["unique_id"])
    if is_era:
        extra["timelinejs"] = ERA
    places, lang, place_source = _places(s.get("location"), headline, body, extra)
    return Event.from_dict(
        {
            "id": make_event_id(f"{origin}#{index}", index, index, text),
            "text": text,
            "source": {"document": origin, "start": 0, "end": len(text)},
            "date": start,
            "date_end": end,
            "date_precision": prec,
            "category": category,
            "lang": lang,
            "places": places,
            "time": time,
            "kind": "context" if is_era else None,
            "place_source": place_source,
            "extra": extra,
        }
    )


def _unique(events: list[Event], report: ImportReport) -> None:
    """unique_id is the event id where it is unique in the file (TimelineJS asks for that)."""
    seen: dict[str, int] = {}
    for e in events:
        sid = e.extra.get("source_id")
        if sid:
            seen[sid] = seen.get(sid, 0) + 1
    for e in events:
        sid = e.extra.get("source_id")
        if sid and seen[sid] == 1:
            e.id = sid
    repeats = {k: n for k, n in seen.items() if n > 1}
    if repeats:
        report.warn(
            f"{len(repeats)} unique_id{'s' if len(repeats) != 1 else ''} repeat: those slides get ids "
            f"made from the file and the slide; the unique_id is kept in extra.source_id"
        )


def _dates(s: dict[str, Any]) -> tuple[str, str, str, str | None, dict[str, Any]]:
    """(date, date_end, precision, time of day, date objects kept in extra because we cannot hold them)."""
    first, prec, time, lost = _read_date(s.get("start_date"), "start_date")
    kept: dict[str, Any] = {"start_date": s["start_date"]} if lost else {}
    start, last = _span(first, prec)
    if s.get("end_date"):
        end_first, end_prec, _, end_lost = _read_date(s["end_date"], "end_date")
        last = _span(end_first, end_prec)[1]
        if end_lost:
            kept["end_date"] = s["end_date"]
        if is_year_date(start) or is_year_date(last):
            prec = "year"
        elif prec == "day" and end_prec == "day":
            a, b = date.fromisoformat(start), date.fromisoformat(last)
            if a.weekday() == 0 and b - a == timedelta(days=6):
                prec = "week"
    return start, last, prec, time, kept


def _span(first: date | int, prec: str) -> tuple[str, str]:
    if isinstance(first, int):
        text = f"+{first}" if first > CALENDAR_YEARS[1] else str(first)
        return text, text
    a, b = day_interval(first, prec)
    return a.isoformat(), b.isoformat()


def _read_date(obj: Any, name: str) -> tuple[date | int, str, str | None, bool]:
    """(first day, or a year beyond the calendar; precision; "HH:MM"; whether detail is lost)."""
    if not isinstance(obj, dict) or obj.get("year") in (None, ""):
        raise EventFormatError(f"{name} needs a year")
    try:
        year = int(float(str(obj["year"]).strip()))
        month = int(obj["month"]) if obj.get("month") not in (None, "") else None
        day = int(obj["day"]) if obj.get("day") not in (None, "") and month else None
        hour = int(obj["hour"]) if obj.get("hour") not in (None, "") and day else None
        minute = int(obj["minute"]) if obj.get("minute") not in (None, "") and hour is not None else 0
    except (TypeError, ValueError) as exc:
        raise EventFormatError(f"{name} {obj!r} is not a valid date ({exc})") from None
    extra_keys = set(obj) - set(DATE_PARTS)
    low, high = CALENDAR_YEARS
    if not low <= year <= high:
        return year, "year", None, bool(month) or bool(extra_keys)
    try:
        first = date(year, month or 1, day or 1)
    except ValueError as exc:
        raise EventFormatError(f"{name} {obj!r} is not a valid date ({exc})") from None
    time = f"{hour:02d}:{minute:02d}" if hour is not None and 0 <= hour < 24 and 0 <= minute < 60 else None
    lost = any(obj.get(k) not in (None, "") for k in extra_keys)
    return first, "day" if day else "month" if month else "year", time, lost


def _places(
    location: Any, headline: str, body: str, extra: dict[str, Any]
) -> tuple[list[dict[str, Any]], str | None, str | None]:
    """(places, language, place source): the slide's own location, else what its text names."""
    from eventmap.text.language import detect_language

    both = ". ".join(p for p in (headline, body) if p)
    lang = detect_language(both) if both else None
    if isinstance(location, dict):
        extra["location"] = location
        lat = location.get("lat")
        lon = location.get("lon", location.get("lng"))
        name = location.get("name") or location.get("title")
        try:
            lat = float(lat) if lat not in (None, "") else None
            lon = float(lon) if lon not in (None, "") else None
        except (TypeError, ValueError):
            raise EventFormatError(f"location {location!r} has no numeric lat and lon") from None
        if lat is not None and lon is not None:
            text = str(name) if name else f"{lat}, {lon}"
            return [{"text": text, "name": str(name) if name else None, "lat": lat, "lon": lon}], lang, None
    if not both:
        return [], lang, None
    import geo

    found, seen = [], set()
    for m in sorted(geo.geoparse(both, lang=lang), key=lambda m: (m.start, m.end)):
        key = (m.source_id or m.name or m.text, m.lat, m.lon)
        if key in seen:
            continue
        seen.add(key)
        found.append(Place(m.text, m.name, m.lat, m.lon, m.country_code, m.kind, m.source_id).to_dict())
    found.sort(key=lambda p: specificity(p["kind"]))
    return found, lang, "sentence" if found else None


def _kept_date(event: Event, name: str) -> dict[str, Any] | None:
    """A date object read from a TimelineJS file that still fits the event's date (round trip)."""
    obj = event.extra.get(name)
    if not isinstance(obj, dict) or "year" not in obj:
        return None
    value = event.date if name == "start_date" else (event.date_end or event.date)
    try:
        year = int(float(str(obj["year"])))
    except ValueError:
        return None
    own = int(value) if is_year_date(value or "") else int((value or "0")[:4].lstrip("-") or 0)
    return obj if year == own else None


def _plain(value: Any) -> str:
    """Slide text is HTML: tags dropped, entities decoded, blanks collapsed."""
    if not isinstance(value, str):
        return ""
    if "<" not in value:
        return html.unescape(value).strip()
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", value))).strip()
