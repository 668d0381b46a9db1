"""Words and keys for events: names, dates, hover text and the place key shared by every view."""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date, timedelta
from functools import lru_cache
from pathlib import PurePath

from dashboard.basemap.areas import AREA_KINDS, area_of
from dashboard.figures.imported import fatalities
from eventmap.eventdates import is_year_date, year_label
from eventmap.model import Event, Place

LANES = ("category", "document")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def place_key(event: Event) -> str | None:
    """The key of the event's mark on the map; events at the same mark share it.

    A region- or country-level place is its area ("region:UA.KR", "country:RU", see
    dashboard/basemap/areas.py); any other place its coordinates ("50.4501,30.5234").
    """
    if event.lat is None or event.lon is None:
        return None
    if not any(p.kind in AREA_KINDS for p in event.places):  # the common case, without ranking places
        return f"{event.lat:.4f},{event.lon:.4f}"
    main = main_place(event)
    if main is not None and main.kind in AREA_KINDS:
        area = area_of(main.kind, main.country_code, float(event.lat), float(event.lon))
        if area is not None:
            return area
    return f"{event.lat:.4f},{event.lon:.4f}"


def main_place(event: Event) -> Place | None:
    """`Event.main_place`, answered at once for the common event with one place (views ask 100,000 times)."""
    places = event.places
    if len(places) == 1:
        return places[0] if places[0].lat is not None and places[0].lon is not None else None
    return event.main_place


def place_precision(event: Event) -> str:
    """How precise the event's place is, as the hover says it: city, region, country ... or place."""
    main = main_place(event)
    return (main.kind if main is not None and main.kind else "place") if event.located else ""


def is_document_placed(event: Event) -> bool:
    """True when the event's place is the article's setting, not named in its own sentence."""
    return event.place_source == "document"


def place_name(event: Event) -> str:
    """A short, human name for the event's map point."""
    main = main_place(event)
    if main is not None:
        return main.name or main.text
    return f"{event.lat:.2f}, {event.lon:.2f}" if event.located else ""


def document_name(event: Event) -> str:
    """The document's file name (lanes and table show this, not the whole path)."""
    return _file_name(event.source.document or "(no document)")


def document_names(event: Event) -> tuple[str, ...]:
    """The names the Document filter lists for an event: its file name, or each source of an
    imported row whose sources are joined by ";" (ACLED: "AFP; Reuters" -> AFP, Reuters)."""
    return _document_names(event.source.document or "(no document)")


@lru_cache(maxsize=65536)
def _document_names(doc: str) -> tuple[str, ...]:
    if ";" not in doc:
        return (_file_name(doc),)
    parts = [p.strip() for p in doc.split(";") if p.strip()]
    return tuple(dict.fromkeys(parts)) or (doc,)


@lru_cache(maxsize=65536)
def _file_name(doc: str) -> str:
    return PurePath(doc).name or doc


def is_uncertain(event: Event) -> bool:
    """True when the date is a span (week, month, year or a range), not one known day."""
    if not event.date:
        return False
    return (event.date_precision not in (None, "day")) or bool(
        event.date_end and event.date_end != event.date
    )


def date_label(event: Event) -> str:
    """How a person would write the event's date: '14 Mar 2025', 'Mar 2025', '2025', '500 BCE'."""
    if event.beyond_calendar:  # a year beyond 1..9999 at one end or both
        first, last = (_year_of(d) for d in (event.date, event.date_end or event.date))
        return year_label(first) if first == last else f"{year_label(first)} – {year_label(last)}"
    start, end = event.start_date, event.end_date
    if start is None:
        return "undated"
    prec = event.date_precision or "day"
    if prec == "year":
        return str(start.year) if end is None or end.year == start.year else f"{start.year}–{end.year}"
    if prec == "month" and (end is None or (end.year, end.month) == (start.year, start.month)):
        return f"{_MONTHS[start.month - 1]} {start.year}"
    label = _day(start)
    if end is not None and end != start:
        label = f"{label} – {_day(end)}"
    return f"week {label}" if prec == "week" else label


def _year_of(value: str | None) -> int:
    return int(value) if is_year_date(value or "") else int((value or "0")[:4])


def uses_year_axis(events: Sequence[Event]) -> bool:
    """Whether a timeline of `events` needs a numeric year axis: a date beyond the years 1..9999."""
    return any(e.beyond_calendar for e in events)


def _day(d: date) -> str:
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def escape(text: str | None) -> str:
    """Plotly hover labels understand a little HTML: user text must be shown, not obeyed."""
    return html.escape(text or "", quote=False)


def wrap(text: str, width: int = 80, limit: int = 220) -> str:
    """Escaped text cut to `limit` characters and broken into hover lines of ~`width`."""
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    text = escape(text)
    if len(text) <= width:
        return text
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return "<br>".join(lines)


def time_label(event: Event) -> str:
    """The event's time of day as said: "14:30", "morning"; "" when the text gives none."""
    return event.time or ""


def when_label(event: Event) -> str:
    """The date as people write it, with the time of day when known: "14 Mar 2025, 14:30"."""
    label = date_label(event)
    if event.time and event.date:
        return f"{label}, {event.time}" if ":" in event.time else f"{label} ({event.time})"
    return label


def places_label(event: Event, limit: int = 6) -> str:
    """The event's places for a hover, the map point's precision first: "region: Kursk Oblast, Sudzha"."""
    main = event.main_place
    names = []
    for p in event.places[:limit]:
        name = escape(p.name or p.text)
        names.append(f"{escape(p.kind)}: {name}" if p is main and p.kind else name)
    text = ", ".join(names)
    if text and is_document_placed(event):
        text += " (the article's setting)"
    return text


def event_hover(event: Event, max_chars: int = 220) -> str:
    """Hover text: the date expression and its reading, the sentence, the places (with precision)."""
    head = escape(event.date_text) if event.date_text else ""
    when = escape(when_label(event))
    first = f"<b>{head}</b> → {when}" if head else f"<b>{when}</b>"
    places = places_label(event)
    parts = [first, wrap(event.text, limit=max_chars)]
    parts.append(f"<i>{escape(event.category)}</i>" + (f" · {places}" if places else " · no place"))
    deaths = _fatalities(event)
    if deaths is not None:  # imported data that count deaths (ACLED, UCDP)
        parts.append(f"{deaths:,} fatalit{'y' if deaths == 1 else 'ies'}")
    reports = reported_by(event.source_count)
    if reports:
        parts.append(reports)
    return "<br>".join(parts)


def reported_by(n_sources: int) -> str:
    """'reported by 3 sources' for a merged event (or place), '' for a single report."""
    return escape(f"reported by {n_sources} sources") if n_sources > 1 else ""


def lane_of(event: Event, lane: str) -> str:
    """The y-axis lane of an event: its category or its document."""
    if lane not in LANES:
        raise ValueError(f"lane must be one of {', '.join(LANES)}, not {lane!r}")
    # escaped: lane names are tick labels, which Plotly reads as (a little) HTML
    return escape(event.category if lane == "category" else document_name(event))


def interval(event: Event) -> tuple[date, date] | None:
    """(first day, day after the last day): the span the event may have happened in (None when
    undated, or dated by a year beyond the calendar: those sit on a year axis)."""
    if not event.date or is_year_date(event.date) or (event.date_end and is_year_date(event.date_end)):
        return None
    start = iso_day(event.date)
    return start, iso_day(event.date_end or event.date) + timedelta(days=1)


@lru_cache(maxsize=65536)
def iso_day(text: str) -> date:
    """A parsed ISO day (cached: a corpus has far fewer distinct days than events)."""
    return date.fromisoformat(text)


def find_event(events: Sequence[Event], event_id: str | None) -> Event | None:
    """The event with this id among `events` (None when there is none or no id)."""
    if not event_id:
        return None
    return next((e for e in events if e.id == event_id), None)


def _fatalities(event: Event) -> int | None:
    return fatalities(event) if event.extra else None
