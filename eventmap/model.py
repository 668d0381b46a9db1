"""The one event model of eventmap, shared by the parser, the geocoder, the app and the exports.

An :class:`Event` is a sentence of a document that reports something dated (or, when no
date could be found, something that still deserves a row in the table). Its JSON form is
the project's single interchange format; :func:`Event.to_dict` and :func:`Event.from_dict`
are the only places that know its field names.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from eventmap.eventdates import CALENDAR_YEARS, calendar_day, is_year_date, parse_event_date, year_number

FORMAT_VERSION = 1

Precision = Literal["day", "week", "month", "year"]
DateSource = Literal["explicit", "relative", "anchored", "document"]
PlaceKind = Literal["city", "region", "country", "sea", "landmark", "area"]

PRECISIONS: tuple[str, ...] = ("day", "week", "month", "year")
# Lower is finer: the one ranking of date precisions (a sentence is dated by its finest date).
PRECISION_RANK: dict[str, int] = {p: i for i, p in enumerate(PRECISIONS)}
DATE_SOURCES: tuple[str, ...] = ("explicit", "relative", "anchored", "document")
PLACE_KINDS: tuple[str, ...] = ("city", "region", "country", "sea", "landmark", "area")
# Lower is more specific: the order in which a place is preferred as an event's map point
# (a city or landmark says more than a region, sea or area, which say more than a country).
SPECIFICITY: dict[str, int] = {"landmark": 0, "city": 0, "region": 1, "area": 1, "sea": 1, "country": 2}
# What an event is (issue: which sentences are events): something that happened or will happen
# at a time and place; somebody saying or announcing something; or analysis and background.
EVENT_KINDS: tuple[str, ...] = ("occurrence", "statement", "context")
# Where an event's places come from: its own sentence, or the article's setting.
PLACE_SOURCES: tuple[str, ...] = ("sentence", "document")
# An analyst's verdict on an event; "rejected" events are kept and hidden by default.
REVIEW_STATUSES: tuple[str, ...] = ("unreviewed", "verified", "rejected")
# A time of day is "HH:MM" or one of these parts of the day.
DAY_PARTS: tuple[str, ...] = ("night", "morning", "afternoon", "evening")
CATEGORIES: tuple[str, ...] = (
    "attack",
    "fighting",
    "diplomacy",
    "policy",
    "protest",
    "disaster",
    "other",
)


# Every key of an event's JSON object (Event.to_dict; the optional ones included).
EVENT_FIELDS: frozenset[str] = frozenset(
    "id text source date date_end date_precision date_text date_source category lang places lat lon "
    "time kind confidence place_source review_status original sources extra".split()
)


class EventFormatError(ValueError):
    """An event (or a file of events) does not follow the event format."""


@dataclass(slots=True)
class Place:
    """A place named in an event's sentence, with where the geocoder put it (or None)."""

    text: str
    name: str | None = None
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None
    kind: str | None = None
    source_id: str | None = None
    start: int | None = None  # offset of `text` in the document, when known
    end: int | None = None

    @property
    def located(self) -> bool:
        return self.lat is not None and self.lon is not None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "lat": self.lat,
            "lon": self.lon,
            "country_code": self.country_code,
            "kind": self.kind,
            "source_id": self.source_id,
            "start": self.start,
            "end": self.end,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Place:
        if not isinstance(d, dict) or not isinstance(d.get("text"), str):
            raise EventFormatError("a place needs a 'text' string")
        lat, lon = _coord(d.get("lat"), "lat", 90), _coord(d.get("lon"), "lon", 180)
        return cls(
            text=d["text"],
            name=_opt_str(d, "name"),
            lat=lat,
            lon=lon,
            country_code=_opt_str(d, "country_code"),
            kind=_opt_str(d, "kind"),
            source_id=None if d.get("source_id") is None else str(d["source_id"]),
            start=_opt_int(d, "start"),
            end=_opt_int(d, "end"),
        )


@dataclass(slots=True)
class Source:
    """Where an event's sentence stands: `document_text[start:end] == event.text`."""

    document: str
    start: int
    end: int
    date_text: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"document": self.document, "start": self.start, "end": self.end}
        if self.date_text is not None:
            d["date_text"] = self.date_text
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Source:
        if not isinstance(d, dict):
            raise EventFormatError("'source' must be an object")
        try:
            return cls(
                str(d.get("document") or ""),
                int(d.get("start") or 0),
                int(d.get("end") or 0),
                _opt_str(d, "date_text"),
            )
        except (TypeError, ValueError) as exc:
            raise EventFormatError(f"bad source offsets: {exc}") from None


@dataclass(slots=True)
class Event:
    """One dated (or undatable) event; see docs/event-format.md for every field."""

    text: str
    source: Source
    date: str | None = None  # ISO day: first day of the interval
    date_end: str | None = None  # ISO day: last day of the interval (inclusive)
    date_precision: str | None = None
    date_text: str | None = None
    date_source: str | None = None
    category: str = "other"
    lang: str | None = None
    places: list[Place] = field(default_factory=list)
    lat: float | None = None
    lon: float | None = None
    id: str = ""
    sources: list[Source] = field(default_factory=list)  # extra reports of the same event
    extra: dict[str, Any] = field(default_factory=dict)  # fields from imported data we keep
    time: str | None = None  # "HH:MM" or a part of the day (DAY_PARTS), when the text gives it
    kind: str | None = None  # EVENT_KINDS: occurrence, statement or context
    confidence: float | None = None  # 0..1: how sure the parser is that this is an event
    place_source: str | None = None  # PLACE_SOURCES: the sentence's own places or the article's setting
    review_status: str = "unreviewed"  # REVIEW_STATUSES
    original: dict[str, Any] = field(default_factory=dict)  # the machine's values of edited fields

    def __post_init__(self) -> None:
        if not self.id:
            self.id = make_event_id(self.source.document, self.source.start, self.source.end, self.text)
        if self.lat is None and self.lon is None:
            main = self.main_place
            if main is not None:
                self.lat, self.lon = main.lat, main.lon

    @property
    def main_place(self) -> Place | None:
        """The event's point on the map: the first located place of the most specific kind.

        "Ukrainian troops were driven from Kursk province" names Ukraine first, but the
        event happened in the region; a city, landmark or region says more than a country.
        """
        located = [p for p in self.places if p.located]
        if not located:
            return None
        return min(located, key=lambda p: specificity(p.kind))

    @property
    def located(self) -> bool:
        return self.lat is not None and self.lon is not None

    @property
    def source_count(self) -> int:
        """How many reports the event stands for (1 for an unmerged event)."""
        return 1 + len(self.sources)

    @property
    def start_date(self) -> date | None:
        """The first day; None when undated or when the date is a year beyond CALENDAR_YEARS."""
        return calendar_day(self.date)

    @property
    def end_date(self) -> date | None:
        """The last day (inclusive); None when undated or beyond CALENDAR_YEARS."""
        return calendar_day(self.date_end) if self.date_end else self.start_date

    @property
    def beyond_calendar(self) -> bool:
        """True when a date is a whole year outside CALENDAR_YEARS (a BCE year, deep time)."""
        return bool(self.date and (is_year_date(self.date) or is_year_date(self.date_end or "")))

    @property
    def start_year(self) -> float | None:
        """The start as a decimal year (2025-07-02 -> 2025.5, "-500" -> -500.0); None when undated."""
        return year_number(self.date) if self.date else None

    @property
    def end_year(self) -> float | None:
        """The end (the moment after the last day or year) as a decimal year; None when undated."""
        return year_number(self.date_end or self.date, end=True) if self.date else None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "text": self.text,
            "source": self.source.to_dict(),
            "date": self.date,
            "date_end": self.date_end,
            "date_precision": self.date_precision,
            "date_text": self.date_text,
            "date_source": self.date_source,
            "category": self.category,
            "lang": self.lang,
            "places": [p.to_dict() for p in self.places],
            "lat": self.lat,
            "lon": self.lon,
            "time": self.time,
            "kind": self.kind,
            "confidence": self.confidence,
            "place_source": self.place_source,
            "review_status": self.review_status,
            "original": dict(self.original),  # always there: {} when nothing was corrected
        }
        if self.sources:
            d["sources"] = [s.to_dict() for s in self.sources]
        if self.extra:
            d["extra"] = dict(self.extra)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        """Validate and build an event; raises EventFormatError with a reason, never KeyError."""
        if not isinstance(d, dict):
            raise EventFormatError("an event must be an object")
        text = d.get("text")
        if not isinstance(text, str):
            raise EventFormatError("an event needs a 'text' string")
        src = Source.from_dict(d["source"]) if d.get("source") is not None else Source("", 0, len(text))
        try:
            start = parse_event_date(d.get("date"), "date")
            end = parse_event_date(d.get("date_end"), "date_end", end=True)
        except ValueError as exc:
            raise EventFormatError(str(exc)) from None
        if start and end and year_number(end, end=True) <= year_number(start):
            raise EventFormatError(f"date_end {end} is before date {start}")
        prec = d.get("date_precision")
        if prec is not None and prec not in PRECISIONS:
            raise EventFormatError(f"unknown date_precision {prec!r} (one of {', '.join(PRECISIONS)})")
        if is_year_date(start or "") or is_year_date(end or ""):
            if prec not in (None, "year"):
                raise EventFormatError(
                    f"a date beyond years {CALENDAR_YEARS[0]}..{CALENDAR_YEARS[1]} is a whole year: "
                    f"date_precision must be year, not {prec!r}"
                )
            prec = "year"
        places = d.get("places") or []
        if not isinstance(places, list):
            raise EventFormatError("'places' must be a list")
        # Wrong types must be format errors here, not a crash later in a figure or a writer
        if not isinstance(d.get("sources") or [], list):
            raise EventFormatError("'sources' must be a list")
        if not isinstance(d.get("extra") or {}, dict):
            raise EventFormatError("'extra' must be an object")
        for key in ("date_text", "date_source", "category", "lang"):
            _opt_str(d, key)
        if not isinstance(d.get("original") or {}, dict):
            raise EventFormatError("'original' must be an object")
        status = d.get("review_status") or "unreviewed"
        if status not in REVIEW_STATUSES:
            raise EventFormatError(f"unknown review_status {status!r} (one of {', '.join(REVIEW_STATUSES)})")
        return cls(
            text=text,
            source=src,
            date=start,
            date_end=end or start if start else end,
            date_precision=prec if start else prec,
            date_text=d.get("date_text"),
            date_source=d.get("date_source"),
            category=d.get("category") or "other",
            lang=d.get("lang"),
            places=[Place.from_dict(p) for p in places],
            lat=_coord(d.get("lat"), "lat", 90),
            lon=_coord(d.get("lon"), "lon", 180),
            id=str(d.get("id") or ""),
            sources=[Source.from_dict(s) for s in d.get("sources") or []],
            extra=dict(d.get("extra") or {}),
            time=_time_of_day(d.get("time")),
            kind=_one_of(d, "kind", EVENT_KINDS),
            confidence=_unit(d.get("confidence")),
            place_source=_one_of(d, "place_source", PLACE_SOURCES),
            review_status=status,
            original=dict(d.get("original") or {}),
        )


# Every key of a document's JSON object (Document.to_dict).
DOCUMENT_FIELDS: frozenset[str] = frozenset(
    "path date date_precision date_source lang mode reported_from agency title".split()
)
DOCUMENT_DATE_SOURCES: tuple[str, ...] = ("given", "header", "byline", "dateline")


@dataclass(slots=True)
class Document:
    """An article the parser read: when and where it was reported, which is not where its
    events happened. `reported_from` is the dateline's place ("LONDON, May 3 (Reuters) -")."""

    path: str
    date: str | None = None  # ISO day (the first day of the month for a month)
    date_precision: str | None = None  # day or month
    date_source: str | None = (
        None  # DOCUMENT_DATE_SOURCES: --date/HTML metadata, header line, byline, dateline
    )
    lang: str | None = None
    mode: str | None = None  # how its dates were read: news or narrative
    reported_from: Place | None = None
    agency: str | None = None  # "Reuters", "ANP" ...
    title: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "date": self.date,
            "date_precision": self.date_precision,
            "date_source": self.date_source,
            "lang": self.lang,
            "mode": self.mode,
            "reported_from": self.reported_from.to_dict() if self.reported_from else None,
            "agency": self.agency,
            "title": self.title,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Document:
        if not isinstance(d, dict) or not isinstance(d.get("path"), str):
            raise EventFormatError("a document needs a 'path' string")
        prec = d.get("date_precision")
        if prec is not None and prec not in PRECISIONS:
            raise EventFormatError(f"unknown date_precision {prec!r} (one of {', '.join(PRECISIONS)})")
        where = d.get("reported_from")
        return cls(
            path=d["path"],
            date=_iso_day(d.get("date"), "date"),
            date_precision=prec,
            date_source=_one_of(d, "date_source", DOCUMENT_DATE_SOURCES),
            lang=_opt_str(d, "lang"),
            mode=_opt_str(d, "mode"),
            reported_from=Place.from_dict(where) if where is not None else None,
            agency=_opt_str(d, "agency"),
            title=_opt_str(d, "title"),
        )


def specificity(kind: str | None) -> int:
    """A place kind's rank in SPECIFICITY; an unknown kind ranks with regions."""
    return SPECIFICITY.get(kind or "", SPECIFICITY["region"])


def make_event_id(document: str, start: int, end: int, text: str) -> str:
    """Stable across runs: the same sentence of the same document gets the same id."""
    h = hashlib.sha1(f"{document}\x00{start}\x00{end}\x00{text}".encode())
    return h.hexdigest()[:16]


def events_to_json_obj(
    events: Iterable[Event], *, documents: Iterable[Document] | None = None, **meta: Any
) -> dict[str, Any]:
    """The top-level JSON object: {"format": ..., "documents": [...], "events": [...]} plus
    optional metadata; "documents" (the articles parsed) only when given."""
    obj: dict[str, Any] = {"format": "eventmap", "version": FORMAT_VERSION}
    obj.update(meta)
    if documents is not None:
        obj["documents"] = [d.to_dict() for d in documents]
    obj["events"] = [e.to_dict() for e in events]
    return obj


def documents_from_json_obj(obj: Any) -> list[Document]:
    """The "documents" of a top-level JSON object ([] when it has none)."""
    items = obj.get("documents") if isinstance(obj, dict) else None
    if items is None:
        return []
    if not isinstance(items, list):
        raise EventFormatError("'documents' must be a list")
    out = []
    for i, item in enumerate(items):
        try:
            out.append(Document.from_dict(item))
        except EventFormatError as exc:
            raise EventFormatError(f"document #{i + 1}: {exc}") from None
    return out


def events_from_json_obj(obj: Any) -> list[Event]:
    """Accept {"events": [...]} or a bare list; errors name the event's position."""
    items = obj.get("events") if isinstance(obj, dict) else obj
    if not isinstance(items, list):
        raise EventFormatError("expected an object with a list 'events' (or a list of events)")
    out = []
    for i, item in enumerate(items):
        try:
            out.append(Event.from_dict(item))
        except EventFormatError as exc:
            raise EventFormatError(f"event #{i + 1}: {exc}") from None
    return out


def _opt_str(d: dict[str, Any], name: str) -> str | None:
    """d[name] when it is a string or missing/null; EventFormatError for any other type."""
    value = d.get(name)
    if value is not None and not isinstance(value, str):
        raise EventFormatError(f"{name} must be a string, not {type(value).__name__}")
    return value


def _one_of(d: dict[str, Any], name: str, allowed: tuple[str, ...]) -> str | None:
    value = _opt_str(d, name)
    if value is not None and value not in allowed:
        raise EventFormatError(f"unknown {name} {value!r} (one of {', '.join(allowed)})")
    return value


def _time_of_day(value: Any) -> str | None:
    if value in (None, ""):
        return None
    s = str(value)
    if s in DAY_PARTS:
        return s
    hh, sep, mm = s.partition(":")
    if sep and hh.isdigit() and mm.isdigit() and len(mm) == 2 and int(hh) < 24 and int(mm) < 60:
        return f"{int(hh):02d}:{mm}"
    raise EventFormatError(f"time {value!r} is not HH:MM or one of {', '.join(DAY_PARTS)}")


def _unit(value: Any) -> float | None:
    if value in (None, ""):
        return None
    try:
        f = float(value)
    except (TypeError, ValueError):
        raise EventFormatError(f"confidence {value!r} is not a number") from None
    if not 0 <= f <= 1:
        raise EventFormatError(f"confidence {f} is out of range (0..1)")
    return f


def _opt_int(d: dict[str, Any], name: str) -> int | None:
    value = d.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise EventFormatError(f"{name} must be a whole number, not {value!r}")
    return value


def _iso_day(value: Any, name: str) -> str | None:
    """An ISO day (a document's date), or EventFormatError naming `name`."""
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        raise EventFormatError(f"{name} {value!r} is not a valid ISO date (YYYY-MM-DD)") from None


def _coord(value: Any, name: str, limit: float) -> float | None:
    if value in (None, ""):
        return None
    try:
        f = float(value)
    except (TypeError, ValueError):
        raise EventFormatError(f"{name} {value!r} is not a number") from None
    if not -limit <= f <= limit:
        raise EventFormatError(f"{name} {f} is out of range (-{limit:g}..{limit:g})")
    return f
