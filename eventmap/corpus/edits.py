"""An analyst's corrections: what can be edited, how a value is checked, and how edits apply to an event.

Edits never change the parser's output: the store keeps them in a log beside the machine's
events (:mod:`eventmap.corpus.store_edits`) and builds each corrected event with
:func:`apply_changes`, which also fills the event's ``original`` with the machine's values of
the edited fields. Values are plain JSON, one per field:

- ``date``: {"date", "date_end", "date_precision"} (ISO days, inclusive);
- ``place``: a place object (text, name, lat, lon, country_code, kind, source_id);
- ``category``: one of the model's CATEGORIES;
- ``title``, ``note``, ``actors``: free text, kept in the event's ``extra`` (None removes it);
- ``review_status``: one of REVIEW_STATUSES (not a machine value: never in ``original``).

Bad values raise InputError with one line that says what was wrong; nothing is written then.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from eventmap.errors import InputError
from eventmap.model import CATEGORIES, PRECISION_RANK, PRECISIONS, REVIEW_STATUSES, Event, Place, Source

#: The fields an analyst can change, in the order the CLI and the app show them.
FIELDS: tuple[str, ...] = ("date", "place", "category", "title", "note", "actors", "review_status")
#: Fields kept in the event's `extra` (the model has no field of its own for them).
TEXT_FIELDS: tuple[str, ...] = ("title", "note", "actors")
#: Which event keys hold the machine's value of each field (what goes into `original`).
ORIGINAL_KEYS: dict[str, tuple[str, ...]] = {
    "date": ("date", "date_end", "date_precision"),
    "place": ("places", "lat", "lon"),
    "category": ("category",),
    "title": ("title",),
    "note": ("note",),
    "actors": ("actors",),
    "review_status": (),
}
MAX_TEXT = 5000  # characters of a title, note or actors field

_LAT_LON = re.compile(r"^\s*([-+]?\d+(?:\.\d+)?)\s*[,;\s]\s*([-+]?\d+(?:\.\d+)?)\s*$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_YEAR = re.compile(r"^\d{4}$")


# -- checking values --------------------------------------------------------------------------


def date_value(
    text: str | None, precision: str | None = None, current: Event | None = None
) -> dict[str, Any]:
    """A date edit from the command line or the app: "D", "D1/D2" and/or a precision.

    D is YYYY-MM-DD, YYYY-MM (a month) or YYYY (a year). A precision coarser than D widens it
    to the week, month or year around it; a range D1/D2 keeps its days and takes the precision
    as a label (default "day"). A precision alone re-dates `current` from its first day.
    """
    if precision is not None and precision not in PRECISIONS:
        raise InputError(f"unknown precision {precision!r} (one of {', '.join(PRECISIONS)})")
    text = (text or "").strip()
    if not text:
        if precision is None:
            raise InputError("a date edit needs a date (YYYY-MM-DD, YYYY-MM, YYYY or D1/D2) or a precision")
        if current is None or current.start_date is None:
            raise InputError("the event has no date to change the precision of: give --date as well")
        return _widen(current.start_date, "day", precision)
    if "/" in text:
        first, _, last = text.partition("/")
        lo, lo_prec = _parse_date(first.strip())
        hi, hi_prec = _parse_date(last.strip())
        start, end = _period(lo, lo_prec)[0], _period(hi, hi_prec)[1]
        if end < start:
            raise InputError(f"date range {text!r} ends before it starts")
        prec = precision or (lo_prec if lo_prec == hi_prec and lo_prec != "day" else "day")
        return {"date": start.isoformat(), "date_end": end.isoformat(), "date_precision": prec}
    day, prec = _parse_date(text)
    if precision is not None and PRECISION_RANK[precision] < PRECISION_RANK[prec]:
        raise InputError(f"date {text!r} is a {prec}: it cannot have {precision} precision")
    return _widen(day, prec, precision or prec)


def _parse_date(text: str) -> tuple[date, str]:
    try:
        if _DAY.match(text):
            return date.fromisoformat(text), "day"
        if _MONTH.match(text):
            return date(int(text[:4]), int(text[5:7]), 1), "month"
        if _YEAR.match(text):
            return date(int(text), 1, 1), "year"
    except ValueError:
        raise InputError(f"date {text!r} is not a real date") from None
    raise InputError(f"date {text!r} is not YYYY-MM-DD, YYYY-MM or YYYY")


def _period(day: date, precision: str) -> tuple[date, date]:
    """First and last day of the `precision` period around `day`."""
    if precision == "week":
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    if precision == "month":
        return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])
    if precision == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    return day, day


def _widen(day: date, given: str, precision: str) -> dict[str, Any]:
    start, end = _period(day, precision if PRECISION_RANK[precision] > PRECISION_RANK[given] else given)
    return {"date": start.isoformat(), "date_end": end.isoformat(), "date_precision": precision}


def place_value(text: str, geocoder: Any = None) -> dict[str, Any]:
    """A place edit: "LAT,LON" as it is, or a name looked up in the offline gazetteer (best match)."""
    text = (text or "").strip()
    if not text:
        raise InputError("a place edit needs a name or LAT,LON")
    m = _LAT_LON.match(text)
    if m:
        lat, lon = float(m.group(1)), float(m.group(2))
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise InputError(f"place {text!r}: latitude must be -90..90 and longitude -180..180")
        return {"text": f"{lat:.5f}, {lon:.5f}", "name": None, "lat": lat, "lon": lon}
    if geocoder is None:
        from geo.geocoder import OfflineGeocoder

        geocoder = OfflineGeocoder()
    found = geocoder.geocode(text)
    if found is None:
        raise InputError(f"unknown place {text!r} (not in the offline gazetteer; give LAT,LON instead)")
    raw = getattr(found, "raw", None) or {}
    return {
        "text": text,
        "name": raw.get("name") or str(getattr(found, "address", text)).split(",")[0],
        "lat": float(found.latitude),
        "lon": float(found.longitude),
        "country_code": raw.get("country_code"),
        "kind": raw.get("kind"),
        "source_id": raw.get("source_id"),
    }


def suggest_places(prefix: str, limit: int = 8) -> list[dict[str, Any]]:
    """Places of the offline gazetteer whose name starts with `prefix` (the app's suggestions as you type)."""
    if len((prefix or "").strip()) < 2:
        return []
    from geo.gazetteer import get_gazetteer

    gaz = get_gazetteer()
    out = []
    for i in gaz.complete(prefix, limit):
        raw = gaz.raw(i)
        out.append(
            {
                "text": raw["name"],
                "name": raw["name"],
                "lat": raw["lat"],
                "lon": raw["lon"],
                "country_code": raw["country_code"],
                "kind": raw["kind"],
                "source_id": raw["source_id"],
            }
        )
    return out


def check_value(field: str, value: Any) -> Any:
    """The value of an edit in its stored form; InputError when it cannot be one."""
    if field not in FIELDS:
        raise InputError(f"cannot edit {field!r} (one of {', '.join(FIELDS)})")
    if field == "date":
        if not isinstance(value, Mapping):
            raise InputError("a date edit is {date, date_end, date_precision}")
        start = _iso(value.get("date"), "date")
        end = _iso(value.get("date_end") or value.get("date"), "date_end")
        prec = value.get("date_precision") or "day"
        if prec not in PRECISIONS:
            raise InputError(f"unknown precision {prec!r} (one of {', '.join(PRECISIONS)})")
        if end < start:
            raise InputError(f"date_end {end} is before date {start}")
        return {"date": start, "date_end": end, "date_precision": prec}
    if field == "place":
        if not isinstance(value, Mapping):
            raise InputError("a place edit is a place object (text, name, lat, lon ...)")
        try:
            place = Place.from_dict(dict(value))
        except ValueError as exc:
            raise InputError(f"bad place: {exc}") from None
        if not place.located:
            raise InputError("a place edit needs lat and lon")
        return {k: v for k, v in place.to_dict().items() if v is not None}
    if field == "category":
        if value not in CATEGORIES:
            raise InputError(f"unknown category {value!r} (one of {', '.join(CATEGORIES)})")
        return value
    if field == "review_status":
        if value not in REVIEW_STATUSES:
            raise InputError(f"unknown review status {value!r} (one of {', '.join(REVIEW_STATUSES)})")
        return value
    if value is None or (isinstance(value, str) and not value.strip()):
        return None  # an empty title, note or actors field removes it
    if not isinstance(value, str):
        raise InputError(f"{field} must be text")
    if len(value) > MAX_TEXT:
        raise InputError(f"{field} is longer than {MAX_TEXT} characters")
    return value.strip()


def _iso(value: Any, name: str) -> str:
    try:
        return date.fromisoformat(str(value)[:10]).isoformat()
    except (TypeError, ValueError):
        raise InputError(f"{name} {value!r} is not a real date (YYYY-MM-DD)") from None


# -- a new event from a text span ---------------------------------------------------------------


def event_from_span(document: str, text: str, start: int, end: int, *, lang: str | None = None) -> Event:
    """An event for `text[start:end]` of an article (a span an analyst selected), dated and placed
    as the parser would: its own date expression (else the article's date) and its places.

    InputError when the span is empty or outside the text.
    """
    if not (0 <= start < end <= len(text)) or not text[start:end].strip():
        raise InputError("select some text of the article first")
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    span = text[start:end]
    from eventmap.text.dates.find import find_dates
    from eventmap.text.document import prepare_document

    doc = prepare_document(text, lang=lang, source=document)
    reference = doc.date.first if doc.date else None
    found = find_dates(span, reference, doc.lang)
    fields: dict[str, Any] = {}
    if found:
        m = found[0]
        fields = {
            "date": m.date.isoformat(),
            "date_end": m.date_end.isoformat(),
            "date_precision": m.precision,
            "date_text": m.text,
            "date_source": m.kind,
        }
    elif doc.date is not None:
        fields = {
            "date": doc.date.first.isoformat(),
            "date_end": doc.date.last.isoformat(),
            "date_precision": doc.date.precision,
            "date_source": "document",
        }
    import geo

    places = [
        Place(
            p.text, p.name, p.lat, p.lon, p.country_code, p.kind, p.source_id, start + p.start, start + p.end
        )
        for p in geo.geoparse(span, lang=doc.lang)
    ]
    source = Source(document, start, end, fields.get("date_text"))
    return Event.from_dict(
        {
            "text": span,
            "source": source.to_dict(),
            "lang": doc.lang,
            "places": [p.to_dict() for p in places],
            "place_source": "sentence" if places else None,
            **fields,
        }
    )


# -- applying them ------------------------------------------------------------------------------


def machine_values(event: Event, field: str) -> dict[str, Any]:
    """The event's values of one field, under the keys `original` uses (the log keeps them too)."""
    if field == "review_status":
        return {"review_status": event.review_status}
    if field in TEXT_FIELDS:
        return {field: event.extra.get(field)}
    d = event.to_dict()
    return {key: d.get(key) for key in ORIGINAL_KEYS[field]}


def field_value(event: Event, field: str) -> Any:
    """The event's current value of a field, in the form an edit gives it (None when it has none)."""
    if field == "date":
        if not event.date:
            return None
        return {
            "date": event.date,
            "date_end": event.date_end or event.date,
            "date_precision": event.date_precision or "day",
        }
    if field == "place":
        main = event.main_place or (event.places[0] if event.places else None)
        if main is None:
            return None
        d = {k: v for k, v in main.to_dict().items() if v is not None}
        if event.located:
            d["lat"], d["lon"] = event.lat, event.lon
        return d
    if field == "category":
        return event.category
    if field == "review_status":
        return event.review_status
    return event.extra.get(field)


def apply_changes(machine: Event, changes: Mapping[str, Any]) -> Event:
    """A corrected copy of `machine`: every field of `changes` set, `original` holding the machine's values.

    An event that already carries `original` (an export read back) keeps those older
    machine values; edits on top only add the fields not in it yet.
    """
    ev = Event.from_dict(machine.to_dict())
    original = dict(machine.original)
    for field, value in changes.items():
        if field != "review_status":  # a verdict, not a value the machine gave
            for key, was in machine_values(machine, field).items():
                original.setdefault(key, was)
        if field == "date":
            ev.date, ev.date_end, ev.date_precision = (
                value["date"],
                value["date_end"],
                value["date_precision"],
            )
        elif field == "place":
            place = Place.from_dict(dict(value))
            ev.places = [place]
            ev.lat, ev.lon = place.lat, place.lon
        elif field == "category":
            ev.category = value
        elif field == "review_status":
            ev.review_status = value
        elif value is None:
            ev.extra.pop(field, None)
        else:
            ev.extra[field] = value
    ev.original = original
    return ev


def describe(field: str, value: Any) -> str:
    """A short human form of an edit's value (the CLI's confirmation and the log)."""
    if value is None:
        return "(none)"
    if field == "date":
        span = value["date"] if value["date"] == value["date_end"] else f"{value['date']}/{value['date_end']}"
        return f"{span} ({value['date_precision']})"
    if field == "place":
        name = value.get("name") or value.get("text")
        return f"{name} ({value['lat']:.4f}, {value['lon']:.4f})"
    if field == "add":
        return f"new event “{_short(value.get('text', ''))}”"
    if field == "merge":
        return f"merge of {len(value.get('members', []))} events"
    return _short(str(value))


def _short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"
