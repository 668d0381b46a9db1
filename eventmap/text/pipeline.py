"""Article text -> events: the parser's entry points (parse_text / parse_file), composing the stages.

document (eventmap/text/document.py: date, dateline, language) -> sentences (sentences.py) -> date and place mentions
(mentions.py) -> which sentences are events (events.py) -> when each happened (dating.py)
-> its places (places.py); categories come from the lexicons (categories.py) in the
events stage. This module only passes each stage's result to the next and builds the
Event records; the rules live in the stages.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from eventmap.model import Document, Event, Source, make_event_id
from eventmap.text.dating import date_events
from eventmap.text.document import DocumentContext, prepare_document, to_document
from eventmap.text.events import Candidate, select_events
from eventmap.text.mentions import Mentions, find_mentions
from eventmap.text.places import attribution_start, places_in
from eventmap.text.sentences import cut_spans, split_sentences


@dataclass(frozen=True, slots=True)
class ParsedDocument:
    """An article's Document record (date, reported_from ...) and its events."""

    document: Document
    events: list[Event]


def parse_document(
    text: str,
    *,
    document_date: str | date | None = None,
    lang: str | None = None,
    source: str | None = None,
    geocoder: Any = None,
    mode: str = "auto",
) -> ParsedDocument:
    """The Document record and the events of one article (see parse_text)."""
    doc = prepare_document(text, document_date=document_date, lang=lang, source=source, mode=mode)
    sentences = cut_spans(split_sentences(doc.text, doc.body_start), doc.text, doc.skipped_spans())
    mentions = find_mentions(doc, geocoder)
    candidates = select_events(doc, sentences, mentions)
    date_events(doc, candidates)
    events = [event for cand in candidates for event in _events_of(doc, cand, mentions)]
    return ParsedDocument(to_document(doc, mentions.mode, mentions.places), events)


def parse_text(
    text: str,
    *,
    document_date: str | date | None = None,
    lang: str | None = None,
    source: str | None = None,
    geocoder: Any = None,
    mode: str = "auto",
) -> list[Event]:
    """Events of one article. `document_date` ('YYYY-MM-DD'/'YYYY-MM') overrides the header,
    bylines and datelines; `mode` is 'news', 'narrative' or 'auto' (eventmap/text/dates/find.py)."""
    return parse_document(
        text, document_date=document_date, lang=lang, source=source, geocoder=geocoder, mode=mode
    ).events


def parse_file(
    path: str | os.PathLike[str],
    *,
    document_date: str | date | None = None,
    lang: str | None = None,
    geocoder: Any = None,
    mode: str = "auto",
) -> list[Event]:
    """Events of an article file (text or HTML); the event's source document is `path` as given."""
    return parse_file_document(
        path, document_date=document_date, lang=lang, geocoder=geocoder, mode=mode
    ).events


def parse_file_document(
    path: str | os.PathLike[str],
    *,
    document_date: str | date | None = None,
    lang: str | None = None,
    geocoder: Any = None,
    mode: str = "auto",
) -> ParsedDocument:
    """The Document record and the events of an article file (see parse_file)."""
    from eventmap.text.reading import read_article

    article = read_article(path)
    return parse_document(
        article.text,
        document_date=document_date or article.published,
        lang=lang,
        source=str(path),
        geocoder=geocoder,
        mode=mode,
    )


def _events_of(doc: DocumentContext, cand: Candidate, mentions: Mentions) -> list[Event]:
    """One event per date of a candidate sentence (its first date keeps the plain id)."""
    sent = cand.sentence
    place_end = attribution_start(sent, doc.lang) if cand.headline else sent.end
    places = places_in(mentions.places, sent.start, place_end, cand.all_dates)
    out = []
    for i, when in enumerate([cand.when, *cand.further]):
        out.append(
            Event(
                text=sent.text,
                source=Source(doc.source, sent.start, sent.end),
                date=when.date,
                date_end=when.date_end,
                date_precision=when.precision,
                date_text=when.text,
                date_source=when.source,
                category=cand.category,
                lang=doc.lang,
                places=[replace(p) for p in places],
                extra=dict(cand.extra),
                id=make_event_id(doc.source, sent.start, sent.end, f"{sent.text}\x00{when.text}")
                if i
                else "",
            )
        )
    return out
