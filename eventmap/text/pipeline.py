"""Article text -> events: the parser's one entry point (parse_text / parse_file).

Steps: document date (argument, else the `date ...` header) -> language -> reference day
(eventmap/text/docdate.py) -> date mentions over the whole text -> sentences -> one event per
sentence that has a date, an anchor phrase or an event keyword -> places from geo/.

Which sentences become events: every sentence with a date expression; every sentence with
an anchor phrase ("kort na het telefoongesprek"); every other sentence with an event keyword
of the category lexicons (eventmap/text/categories.py). Headlines (a line without a full stop),
bylines are left out unless they have both a date and an event keyword (in a text of
headlines only, such as a feed item, an event keyword is enough); questions always.
A sentence is dated by its most precise expression (day > week > month > year; the first
on a tie); when it names further day or week dates ("op 14 maart ... en op 18 maart")
each of those yields one more event with the same text.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from eventmap.errors import InputError
from eventmap.model import PRECISION_RANK, Event, Place, Source, make_event_id, specificity
from eventmap.text.anchoring import Anchor, find_anchor, find_definite_reference, resolve_anchor
from eventmap.text.categories import categorize, classify
from eventmap.text.dates import DateMention, find_dates
from eventmap.text.docdate import DocumentDate, parse_document_date, reference_day, split_header
from eventmap.text.language import resolve_language
from eventmap.text.sentences import Sentence, split_sentences

_TERMINAL = (".", "!", "?", "…", "’", "'", "”", '"', ")", ":", ";")
DATED_SOURCES = ("explicit", "relative", "anchored")
ANCHOR_LOOKBACK = 50  # an anchor phrase looks back over at most this many dated events


@dataclass(frozen=True, slots=True)
class _When:
    date: str | None
    date_end: str | None
    precision: str | None
    text: str | None
    source: str | None


def parse_text(
    text: str,
    *,
    document_date: str | date | None = None,
    lang: str | None = None,
    source: str | None = None,
    geocoder: Any = None,
) -> list[Event]:
    """Events of one article. `document_date` ('YYYY-MM-DD'/'YYYY-MM') overrides the header."""
    if not isinstance(text, str):
        raise InputError("parse_text needs the article as a str")
    header_date, body_start = split_header(text)
    doc = parse_document_date(document_date) if document_date else header_date
    lang = resolve_language(lang, text[body_start:])
    document = source if source is not None else "<text>"
    mentions = [m for m in _dated_mentions(text, body_start, doc, lang) if not _is_far_future(m, doc)]
    sentences = split_sentences(text, body_start)
    places = _geoparse(text, lang, geocoder)
    return _build_events(text, sentences, mentions, places, doc, lang, document)


def parse_file(
    path: str | os.PathLike[str],
    *,
    document_date: str | date | None = None,
    lang: str | None = None,
    geocoder: Any = None,
) -> list[Event]:
    """Events of an article file (text or HTML); the event's source document is `path` as given."""
    from eventmap.text.reading import read_article

    article = read_article(path)
    return parse_text(
        article.text,
        document_date=document_date or article.published,
        lang=lang,
        source=str(path),
        geocoder=geocoder,
    )


def _dated_mentions(text: str, body_start: int, doc: DocumentDate | None, lang: str) -> list[DateMention]:
    """find_dates with the reference day of docdate.reference_day (two passes when needed)."""
    provisional = (
        doc.first if doc and doc.precision == "day" else (min(doc.last, date.today()) if doc else None)
    )
    mentions = find_dates(text, provisional, lang)
    if doc is None or doc.precision == "month":
        explicit_days = [
            m.date
            for m in mentions
            if m.start >= body_start and not m.relative and m.precision == "day" and m.date == m.date_end
        ]
        ref = reference_day(doc, explicit_days)
        if ref != provisional:
            mentions = find_dates(text, ref, lang)
    return [m for m in mentions if m.start >= body_start]


def _geoparse(text: str, lang: str, geocoder: Any) -> list[Any]:
    import geo

    return sorted(geo.geoparse(text, lang=lang, geocoder=geocoder), key=lambda m: (m.start, m.end))


def _build_events(
    text: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[DateMention],
    places: Sequence[Any],
    doc: DocumentDate | None,
    lang: str,
    document: str,
) -> list[Event]:
    events: list[Event] = []
    dated: list[Event] = []
    starts = [m.start for m in mentions]  # mentions come sorted by start
    # A text of headlines only (a feed item, a list of titles) has no body to repeat them:
    # its headlines are judged like sentences ("Russian shelling kills 3 in Kharkiv").
    headlines_only = bool(sentences) and all(_is_headline(s) for s in sentences)
    for sent in sentences:
        first, last = bisect_left(starts, sent.start), bisect_left(starts, sent.end)
        own_all = [m for m in mentions[first:last] if m.end <= sent.end]
        own = [m for m in own_all if not _is_comparison(text, m, doc)]
        category, reports_event = classify(sent.text, lang)
        anchor = None if own else find_anchor(sent.text, lang)
        if sent.text.endswith("?") or (
            _is_headline(sent) and not (own and reports_event) and not (headlines_only and reports_event)
        ):
            continue  # questions; headlines and bylines ("Published March 18, 2025")
        if not own and anchor is None and not reports_event:
            continue
        when, extra = _when(sent, own, anchor, dated, doc, lang)
        place_end = _attribution_start(sent, lang) if _is_headline(sent) else sent.end
        sentence_places = _places_in(places, sent.start, place_end, own_all)
        for i, date_of in enumerate([when, *_further_dates(own, when)]):
            event = Event(
                text=sent.text,
                source=Source(document, sent.start, sent.end),
                date=date_of.date,
                date_end=date_of.date_end,
                date_precision=date_of.precision,
                date_text=date_of.text,
                date_source=date_of.source,
                category=category,
                lang=lang,
                places=[replace(p) for p in sentence_places],
                extra=dict(extra),
                # the first event of a sentence keeps the plain id; further ones add their date
                id=make_event_id(document, sent.start, sent.end, f"{sent.text}\x00{date_of.text}")
                if i
                else "",
            )
            events.append(event)
            if event.date_source in DATED_SOURCES:
                dated.append(event)
    return events


def _further_dates(own: Sequence[DateMention], primary: _When) -> list[_When]:
    """Other day/week dates of a sentence ('op 14 maart ... en op 18 maart'): one event each."""
    seen = {(primary.date, primary.date_end)}
    out = []
    for m in own:
        key = (m.date.isoformat(), m.date_end.isoformat())
        if m.precision in ("day", "week") and key not in seen:
            seen.add(key)
            out.append(_When(key[0], key[1], m.precision, m.text, m.kind))
    return out


def _when(
    sent: Sentence,
    own: Sequence[DateMention],
    anchor: Anchor | None,
    dated: Sequence[Event],
    doc: DocumentDate | None,
    lang: str,
) -> tuple[_When, dict[str, Any]]:
    """A sentence's date: its own most precise one, else its anchor's, else the document's."""
    if own:
        best = min(own, key=lambda m: (PRECISION_RANK[m.precision], m.start))
        return _When(
            best.date.isoformat(), best.date_end.isoformat(), best.precision, best.text, best.kind
        ), {}
    recent = dated[-ANCHOR_LOOKBACK:]
    target = resolve_anchor(anchor, [e.text for e in recent]) if anchor else None
    if target is not None:
        target += len(dated) - len(recent)
    if target is None and anchor is None:
        anchor, target = _continuation(sent.text, lang, dated)
    if target is None or anchor is None:
        return _document_when(doc), {}
    return _anchored(dated[target], anchor.offset_days, anchor.text), {"anchored_to": dated[target].id}


_SINCE_WORDS = frozenset(["sinds", "sedert", "since"])
CONTINUATION_LOOKBACK = 2  # a definite noun phrase may continue one of the last 2 dated events


FUTURE_EVENT_YEARS = 1  # a date more than this many years after the document is a plan


def _is_far_future(mention: DateMention, doc: DocumentDate | None) -> bool:
    """'klimaatneutraal in 2050': a target year, not the date of a reported event."""
    year = (doc.last if doc else date.today()).year
    return mention.date.year > year + FUTURE_EVENT_YEARS


RECENT_SINCE_DAYS = 31  # "since Monday" within this many days: the start of what is reported


def _is_comparison(text: str, mention: DateMention, doc: DocumentDate | None) -> bool:
    """'the worst attack since April 2023': a date after 'since' is not the event's date;
    a recent one ('de protesten duren sinds maandag') is when the reported event began."""
    before = text[max(0, mention.start - 12) : mention.start].split()
    if not before or before[-1].lower() not in _SINCE_WORDS:
        return False
    return doc is None or mention.date_end < doc.first - timedelta(days=RECENT_SINCE_DAYS)


def _continuation(sentence: str, lang: str, dated: Sequence[Event]) -> tuple[Anchor | None, int | None]:
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


# "... killed in east - Kiev military", "... dead: Kiev", "... - JFO HQ": a headline's
# trailing attribution names who reports, not where it happened.
_ATTRIBUTION = re.compile(r"\s+(?:[-–—]|--)\s+(?P<tail>[^-–—]{1,60})$|:\s+(?P<tail2>[^:]{1,60})$")
ATTRIBUTION_WORDS = 6


def _attribution_start(sent: Sentence, lang: str) -> int:
    """Where a headline's trailing attribution starts (its end when it has none)."""
    skip = max(0, len(sent.text) - 200)  # only the line's end: cheap on hostile long lines
    m = _ATTRIBUTION.search(sent.text, skip)
    if m is None:
        return sent.end
    tail = m.group("tail") or m.group("tail2") or ""
    if len(tail.split()) > ATTRIBUTION_WORDS or classify(tail, lang)[1]:
        return sent.end  # a clause of its own ("Kharkiv: two killed in shelling")
    return sent.start + m.start()


def _is_headline(sent: Sentence) -> bool:
    """A whole line without closing punctuation: a headline, byline or caption."""
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


def _places_in(
    mentions: Sequence[Any], start: int, end: int, dates: Sequence[DateMention] = ()
) -> list[Place]:
    """Place mentions inside [start, end), except any that overlap a date ("May 9")."""
    out: list[Place] = []
    seen: set[tuple[Any, ...]] = set()
    # overlap test by bisection (a date overlaps iff, of the dates starting before the place
    # ends, the furthest end lies after its start): a huge unpunctuated "sentence" with
    # thousands of places and dates stays fast instead of places x dates
    spans = sorted((d.start, d.end) for d in dates)
    starts = [a for a, _ in spans]
    reach: list[int] = []
    for _, b in spans:
        reach.append(max(b, reach[-1]) if reach else b)
    first = bisect_left(mentions, start, key=lambda m: m.start)
    for m in mentions[first:]:
        if m.start >= end:
            break
        if m.end > end:
            continue
        i = bisect_left(starts, m.end) - 1
        if i >= 0 and reach[i] > m.start:
            continue
        key = (m.source_id or m.name or m.text, m.lat, m.lon)
        if key in seen:
            continue
        seen.add(key)
        out.append(
            Place(
                text=m.text,
                name=m.name,
                lat=m.lat,
                lon=m.lon,
                country_code=m.country_code,
                kind=m.kind,
                source_id=m.source_id,
                start=m.start,
                end=m.end,
            )
        )
    # The most specific place first (it becomes the event's point, Event.main_place):
    # "Ukraine soldier killed by rebel fire at Donetsk airport" happened at Donetsk.
    out.sort(key=lambda p: specificity(p.kind))
    return out
