"""Article text -> events: the parser's one entry point (parse_text / parse_file).

Steps: document date (argument, else the `date ...` header) -> language -> reference day
(events/docdate.py) -> date mentions over the whole text -> sentences -> one event per
sentence that has a date, an anchor phrase or an event keyword -> places from geo/.

Which sentences become events: every sentence with a date expression; every sentence with
an anchor phrase ("kort na het telefoongesprek"); every other sentence whose keywords give
it a category other than 'other'. Headlines (a line without a full stop) and questions
without a date of their own are left out. A sentence with several dates becomes ONE event
dated by its most precise expression (day > week > month > year; the first on a tie).
"""
from __future__ import annotations

import os
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Sequence

from events.anchoring import find_anchor, find_definite_reference, resolve_anchor
from events.categories import categorize
from events.dates import DateMention, find_dates
from events.docdate import DocumentDate, parse_document_date, reference_day, split_header
from events.errors import InputError
from events.language import resolve_language
from events.model import Event, Place, Source
from events.sentences import Sentence, split_sentences

_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
_TERMINAL = (".", "!", "?", "…", "’", "'", "”", '"', ")", ":", ";")
DATED_SOURCES = ("explicit", "relative", "anchored")


@dataclass(frozen=True, slots=True)
class _When:
    date: str | None
    date_end: str | None
    precision: str | None
    text: str | None
    source: str | None


def parse_text(text: str, *, document_date: str | date | None = None, lang: str | None = None,
               source: str | None = None, geocoder: Any = None) -> list[Event]:
    """Events of one article. `document_date` ('YYYY-MM-DD'/'YYYY-MM') overrides the header."""
    if not isinstance(text, str):
        raise InputError("parse_text needs the article as a str")
    header_date, body_start = split_header(text)
    doc = parse_document_date(document_date) if document_date else header_date
    lang = resolve_language(lang, text[body_start:])
    document = source if source is not None else "<text>"
    mentions = _dated_mentions(text, body_start, doc, lang)
    sentences = split_sentences(text, body_start)
    places = _geoparse(text, lang, geocoder)
    return _build_events(text, sentences, mentions, places, doc, lang, document)


def parse_file(path: str | os.PathLike[str], *, document_date: str | date | None = None,
               lang: str | None = None, geocoder: Any = None) -> list[Event]:
    """Events of an article file (text or HTML); the event's source document is `path` as given."""
    from events.reading import read_article

    article = read_article(path)
    return parse_text(article.text, document_date=document_date or article.published,
                      lang=lang, source=str(path), geocoder=geocoder)


def _dated_mentions(text: str, body_start: int, doc: DocumentDate | None,
                    lang: str) -> list[DateMention]:
    """find_dates with the reference day of docdate.reference_day (two passes when needed)."""
    provisional = doc.first if doc and doc.precision == "day" else (
        min(doc.last, date.today()) if doc else None)
    mentions = find_dates(text, provisional, lang)
    if doc is None or doc.precision == "month":
        explicit_days = [m.date for m in mentions if m.start >= body_start and not m.relative
                         and m.precision == "day" and m.date == m.date_end]
        ref = reference_day(doc, explicit_days)
        if ref != provisional:
            mentions = find_dates(text, ref, lang)
    return [m for m in mentions if m.start >= body_start]


def _geoparse(text: str, lang: str, geocoder: Any) -> list[Any]:
    import geo

    return sorted(geo.geoparse(text, lang=lang, geocoder=geocoder), key=lambda m: (m.start, m.end))


def _build_events(text: str, sentences: Sequence[Sentence], mentions: Sequence[DateMention],
                  places: Sequence[Any], doc: DocumentDate | None, lang: str,
                  document: str) -> list[Event]:
    events: list[Event] = []
    dated: list[Event] = []
    for sent in sentences:
        own_all = [m for m in mentions if sent.start <= m.start and m.end <= sent.end]
        own = [m for m in own_all if not _is_comparison(text, m)]
        category = categorize(sent.text, lang)
        anchor = None if own else find_anchor(sent.text, lang)
        if not own and (anchor is None and category == "other" or _is_fragment(sent)):
            continue
        extra: dict[str, Any] = {}
        if own:
            best = min(own, key=lambda m: (_PRECISION_RANK[m.precision], m.start))
            when = _When(best.date.isoformat(), best.date_end.isoformat(), best.precision,
                         best.text, best.kind)
        else:
            target = resolve_anchor(anchor, [e.text for e in dated]) if anchor else None
            if target is None and anchor is None:
                anchor, target = _continuation(sent.text, lang, dated)
            if target is not None:
                when = _anchored(dated[target], anchor.offset_days, anchor.text)
                extra["anchored_to"] = dated[target].id
            else:
                when = _document_when(doc)
        event = Event(
            text=sent.text, source=Source(document, sent.start, sent.end),
            date=when.date, date_end=when.date_end, date_precision=when.precision,
            date_text=when.text, date_source=when.source, category=category, lang=lang,
            places=_places_in(places, sent.start, sent.end, own_all), extra=extra,
        )
        events.append(event)
        if event.date_source in DATED_SOURCES:
            dated.append(event)
    return events


_SINCE_WORDS = frozenset(["sinds", "sedert", "since"])
CONTINUATION_LOOKBACK = 2  # a definite noun phrase may continue one of the last 2 dated events


def _is_comparison(text: str, mention: DateMention) -> bool:
    """'the worst attack since April 2023': a date after 'since' is not the event's date."""
    before = text[max(0, mention.start - 12):mention.start].split()
    return bool(before) and before[-1].lower() in _SINCE_WORDS


def _continuation(sentence: str, lang: str, dated: Sequence[Event]) -> tuple[Any, int | None]:
    """'The attack began shortly after midnight.' after a dated attack: that event's date.

    Only an event noun (one the category lexicon knows) found in one of the last
    CONTINUATION_LOOKBACK dated events counts."""
    recent = [e.text for e in dated[-CONTINUATION_LOOKBACK:]]
    for candidate in find_definite_reference(sentence, lang):
        if categorize(candidate.noun, lang) == "other":
            continue
        hit = resolve_anchor(candidate, recent)
        if hit is not None:
            return candidate, len(dated) - len(recent) + hit
    return None, None


def _is_fragment(sent: Sentence) -> bool:
    """A headline (a whole line without closing punctuation) or a question."""
    if sent.text.endswith("?"):
        return True
    return sent.line_start and sent.line_end and not sent.text.endswith(_TERMINAL)


def _anchored(target: Event, offset_days: int, phrase: str) -> _When:
    start, end = target.date, target.date_end
    if offset_days and target.date_precision == "day" and start and end:
        start = (date.fromisoformat(start) + timedelta(days=offset_days)).isoformat()
        end = (date.fromisoformat(end) + timedelta(days=offset_days)).isoformat()
    return _When(start, end, target.date_precision, phrase, "anchored")


def _document_when(doc: DocumentDate | None) -> _When:
    if doc is None:
        return _When(None, None, None, None, None)
    return _When(doc.first.isoformat(), doc.last.isoformat(), doc.precision, None, "document")


def _places_in(mentions: Sequence[Any], start: int, end: int,
               dates: Sequence[DateMention] = ()) -> list[Place]:
    """Place mentions inside [start, end), except any that overlap a date ("May 9")."""
    out: list[Place] = []
    seen: set[tuple[Any, ...]] = set()
    first = bisect_left(mentions, start, key=lambda m: m.start)
    for m in mentions[first:]:
        if m.start >= end:
            break
        if m.end > end:
            continue
        if any(d.start < m.end and m.start < d.end for d in dates):
            continue
        key = (m.source_id or m.name or m.text, m.lat, m.lon)
        if key in seen:
            continue
        seen.add(key)
        out.append(Place(text=m.text, name=m.name, lat=m.lat, lon=m.lon,
                         country_code=m.country_code, kind=m.kind, source_id=m.source_id,
                         start=m.start, end=m.end))
    return out
