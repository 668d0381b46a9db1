"""Stage 3, mentions: every date expression and every place name of the document.

Dates are read over the whole text (eventmap/text/dates) against the reference day of
eventmap/text/docdate.py: when the document date is only a month (or missing), a first
reading finds the article's explicit days and the reference becomes the latest of them,
then the text is read again. Dates more than FUTURE_EVENT_YEARS after the document are
plans ("klimaatneutraal in 2050") and are dropped here, as are the dates of a dateline or
byline (they date the report: the document stage made them the document date). Clock
times and parts of the day ("om 14.30 uur", "'s avonds") are found over the body. Places
come from geo.parse_places, once per document: the dateline's place comes apart, as where
the report was filed. The places are read after the events are chosen: a text without
events and without a dateline has none to give (`places_matter`), and its geoparse is skipped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from eventmap.dateline import find_dateline
from eventmap.text.dates.find import DateMention, read_dates
from eventmap.text.dates.times import TimeMention, find_times
from eventmap.text.docdate import reference_day
from eventmap.text.document import DocumentContext

FUTURE_EVENT_YEARS = 1  # a date more than this many years after the document is a plan


@dataclass(frozen=True, slots=True)
class Mentions:
    """The document's date mentions (body only, in order), its reference day and mode,
    and its place mentions (geo.PlaceMention, sorted by offset)."""

    dates: list[DateMention]
    reference: date | None
    mode: str
    places: list[Any]
    times: list[TimeMention] = field(default_factory=list)
    reported_from: Any = None  # the dateline's place (geo.PlaceMention), never an event place
    origins: frozenset[tuple[int, int]] = frozenset()  # spans of places a person comes from


def find_mentions(doc: DocumentContext, geocoder: Any = None) -> Mentions:
    """Dates, clock times and places of the document."""
    return with_places(doc, time_mentions(doc), geocoder)


def time_mentions(doc: DocumentContext) -> Mentions:
    """Dates and clock times of the document (no places yet: see with_places)."""
    dates, ref, mode = date_mentions(doc)
    skipped = doc.skipped_spans()
    times = [
        t
        for t in find_times(doc.text, doc.lang)
        if t.start >= doc.body_start and not any(a <= t.start < b for a, b in skipped)
    ]
    return Mentions(dates, ref, mode, [], times)


def with_places(doc: DocumentContext, mentions: Mentions, geocoder: Any = None) -> Mentions:
    """`mentions` with the document's places (geo.parse_places, once per document)."""
    places, reported_from, origins = place_mentions(doc, geocoder)
    m = mentions
    return Mentions(m.dates, m.reference, m.mode, places, m.times, reported_from, origins)


def places_matter(doc: DocumentContext, events: int) -> bool:
    """Can the document's places change its result? Not in a text without events whose
    geoparse finds no dateline (geo looks for one from the text's start): no event place,
    no `reported_from`. The geoparse, the parse's costliest step, is then skipped."""
    return events > 0 or doc.dateline is not None or find_dateline(doc.text) is not None


def date_mentions(doc: DocumentContext) -> tuple[list[DateMention], date | None, str]:
    """(mentions, reference day, mode used); see the module docstring."""
    d = doc.date
    provisional = d.first if d and d.precision == "day" else (min(d.last, date.today()) if d else None)
    reading = read_dates(doc.text, provisional, doc.lang, doc.mode, dated=d is not None)
    ref = provisional
    if d is None or d.precision == "month":
        explicit_days = [
            m.date
            for m in reading.mentions
            if m.start >= doc.body_start
            and not m.relative
            and m.precision == "day"
            and m.date == m.date_end
            and (d is not None or m.basis == "explicit")  # undated: a day with its year written
        ]
        ref = reference_day(d, explicit_days)
        if ref != provisional:
            reading = read_dates(doc.text, ref, doc.lang, doc.mode, dated=d is not None)
    latest = (d.last if d else date.today()).year + FUTURE_EVENT_YEARS
    skipped = doc.skipped_spans()
    kept = [
        m
        for m in reading.mentions
        if m.start >= doc.body_start
        and m.date.year <= latest
        and not any(a <= m.start < b for a, b in skipped)  # a dateline's or byline's date
    ]
    return kept, ref, reading.mode


def place_mentions(
    doc: DocumentContext, geocoder: Any = None
) -> tuple[list[Any], Any, frozenset[tuple[int, int]]]:
    """geo.parse_places over the whole text: the places where things happened, sorted by
    offset; apart the dateline's place (where the report was filed); and the spans of the
    places that say where a person comes from ("een man uit Schiedam")."""
    import geo

    found = geo.parse_places(doc.text, lang=doc.lang, geocoder=geocoder)
    origins = frozenset((m.start, m.end) for m in found.origins)
    return sorted(found.mentions, key=lambda m: (m.start, m.end)), found.reported_from, origins
