"""Article text -> events: the parser's entry points (parse_text / parse_file), composing the stages.

document (eventmap/text/document.py: date, dateline, language) -> sentences (sentences.py) -> date and place mentions
(mentions.py) -> which sentences are events (events.py) -> when each happened (dating.py)
-> its places (places.py: the sentence's own, else the article's setting); kinds
(eventness.py) and categories (categories.py) come in the events stage. This module only passes each stage's result to the next and builds the
Event records; the rules live in the stages.
"""

from __future__ import annotations

import os
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import date
from typing import Any

from eventmap.model import Document, Event, Place, Source, make_event_id
from eventmap.text.attribution import join_attributions
from eventmap.text.dating import date_events
from eventmap.text.document import DocumentContext, prepare_document, to_document
from eventmap.text.events import Candidate, select_events
from eventmap.text.mentions import places_matter, time_mentions, with_places
from eventmap.text.places import article_setting, event_places
from eventmap.text.sentences import cut_spans, split_sentences
from geo.memo import no_gc_pauses


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
    with no_gc_pauses() if geocoder is None else nullcontext():  # geo/memo.py; a service is waited on
        return _parse_document(text, document_date, lang, source, geocoder, mode)


def _parse_document(text, document_date, lang, source, geocoder, mode) -> ParsedDocument:
    doc = prepare_document(text, document_date=document_date, lang=lang, source=source, mode=mode)
    sentences = join_attributions(
        cut_spans(split_sentences(doc.text, doc.body_start, lang=doc.lang), doc.text, doc.skipped_spans()),
        doc.text,
        doc.lang,
    )
    mentions = time_mentions(doc)
    candidates = date_events(
        doc, select_events(doc, sentences, mentions), mentions.reference, mentions.mode == "narrative"
    )
    if places_matter(doc, len(candidates)):
        mentions = with_places(doc, mentions, geocoder)
    places = [
        event_places(mentions.places, c.sentence, c.headline, c.all_dates, doc.lang, mentions.origins)
        for c in candidates
    ]
    titled = _title_places(doc, mentions.places)
    body = [m for m in mentions.places if m not in titled]
    places, setting = _settled(places, mentions, titled, body)
    events = [event for cand, own in zip(candidates, places) for event in _events_of(doc, cand, own, setting)]
    return ParsedDocument(to_document(doc, mentions.mode, mentions.reported_from), events)


def _settled(places, mentions, titled, body):
    """The events' own places and the article's setting. A place where a person comes from
    ("een man uit Schiedam") is an event's only when neither its sentence nor the article's
    setting places it otherwise."""
    origins = mentions.origins
    if not origins:
        return places, article_setting(places, mentions.reported_from, titled, body)
    own = [[p for p in ps if (p.start, p.end) not in origins] for ps in places]
    setting = article_setting(own, mentions.reported_from, titled, body)
    return [o if o or setting is not None else ps for o, ps in zip(own, places)], setting


def clear_text_caches() -> None:
    """Forget what the parser remembers of the last few texts (the date candidates, the
    lowercased text, the stems of sentences anchors look back at): a benchmark that parses an
    article again must read it afresh. What it remembers per word stays (the same words come
    back in every text)."""
    from eventmap.text.anchoring import clear_stems
    from eventmap.text.dates import textview
    from eventmap.text.dates.find import candidates

    candidates.cache_clear()
    textview.clear()
    clear_stems()


def _title_places(doc, places) -> list:
    """The place mentions inside the article's title line (none without a title)."""
    if not doc.title:
        return []
    start = doc.text.find(doc.title, doc.body_start)
    end = start + len(doc.title)
    return [m for m in places if start <= m.start < end] if start >= 0 else []


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


def _events_of(
    doc: DocumentContext, cand: Candidate, places: list[Place], setting: Place | None
) -> list[Event]:
    """One event per date of a candidate sentence (its first date keeps the plain id)."""
    sent = cand.sentence
    place_source = "sentence" if places else "document" if setting is not None else None
    if not places and setting is not None:
        places = [setting]
    # the first event takes the sentence's own places (a fresh list from event_places), the
    # others and the article's setting (shared by many events) get copies of their own
    own = places if place_source == "sentence" else [_copy(p) for p in places]
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
                places=own if i == 0 else [_copy(p) for p in places],
                extra=dict(cand.extra),
                id=cand.ids[i]
                if i < len(cand.ids)  # computed by the dating stage, with the same inputs
                else make_event_id(doc.source, sent.start, sent.end, f"{sent.text}\x00{when.text}")
                if i
                else "",
                time=when.time,
                kind=cand.kind,
                confidence=cand.confidence,
                place_source=place_source,
            )
        )
    return out


def _copy(p: Place) -> Place:
    """A place of its own for each event (dataclasses.replace, without its field walk)."""
    return Place(p.text, p.name, p.lat, p.lon, p.country_code, p.kind, p.source_id, p.start, p.end)
