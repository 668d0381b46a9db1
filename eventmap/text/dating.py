"""Stage 5, anchoring: when each event happened.

In text order, each candidate event gets:
* its own most precise date (day > week > month > year; the first on a tie), and one more
  event per further day or week date it names ("op 14 maart ... en op 18 maart");
* else the date of the event its anchor phrase points to (eventmap/text/anchoring.py),
  shifted by the phrase's days, with `extra.anchored_to` naming that event;
* else, when it opens with a definite event noun ("De aanval begon rond middernacht"),
  the date of one of the last CONTINUATION_LOOKBACK dated events mentioning that noun;
* else the document date (date_source "document"), or no date without one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from eventmap.model import PRECISION_RANK, make_event_id
from eventmap.text.anchoring import Anchor, find_definite_reference, resolve_anchor
from eventmap.text.categories import categorize
from eventmap.text.dates.find import DateMention
from eventmap.text.docdate import DocumentDate
from eventmap.text.document import DocumentContext
from eventmap.text.events import Candidate

DATED_SOURCES = ("explicit", "relative", "anchored")
ANCHOR_LOOKBACK = 50  # an anchor phrase looks back over at most this many dated events
CONTINUATION_LOOKBACK = 2  # a definite noun phrase may continue one of the last 2 dated events


@dataclass(frozen=True, slots=True)
class When:
    """An event's date as the Event fields take it."""

    date: str | None
    date_end: str | None
    precision: str | None
    text: str | None
    source: str | None
    time: str | None = None


@dataclass(frozen=True, slots=True)
class _Dated:
    """A dated event so far: what anchors may point at."""

    text: str
    id: str
    when: When


def date_events(doc: DocumentContext, candidates: Sequence[Candidate]) -> None:
    """Fill `when`, `further` and `extra` of every candidate, in text order."""
    dated: list[_Dated] = []
    for cand in candidates:
        when, extra = _when(doc, cand, dated)
        cand.when, cand.extra = when, extra
        cand.further = _further_dates(cand.dates, when)
        if when.source in DATED_SOURCES:
            sent = cand.sentence
            dated.append(_Dated(sent.text, make_event_id(doc.source, sent.start, sent.end, sent.text), when))
            for extra_when in cand.further:
                dated.append(
                    _Dated(
                        sent.text,
                        make_event_id(doc.source, sent.start, sent.end, f"{sent.text}\x00{extra_when.text}"),
                        extra_when,
                    )
                )


def mention_when(m: DateMention) -> When:
    return When(m.date.isoformat(), m.date_end.isoformat(), m.precision, m.text, m.kind, m.time)


def _further_dates(own: Sequence[DateMention], primary: When) -> list[When]:
    """Other day/week dates of a sentence ('op 14 maart ... en op 18 maart'): one event each."""
    seen = {(primary.date, primary.date_end)}
    out = []
    for m in own:
        key = (m.date.isoformat(), m.date_end.isoformat())
        if m.precision in ("day", "week") and key not in seen:
            seen.add(key)
            out.append(mention_when(m))
    return out


def _when(doc: DocumentContext, cand: Candidate, dated: Sequence[_Dated]) -> tuple[When, dict]:
    """A sentence's date: its own most precise one, else its anchor's, else the document's."""
    if cand.dates:
        best = min(cand.dates, key=lambda m: (PRECISION_RANK[m.precision], m.start))
        return mention_when(best), {}
    anchor = cand.anchor
    recent = dated[-ANCHOR_LOOKBACK:]
    target = resolve_anchor(anchor, [d.text for d in recent]) if anchor else None
    if target is not None:
        target += len(dated) - len(recent)
    if target is None and anchor is None:
        anchor, target = _continuation(cand.sentence.text, doc.lang, dated)
    if target is None or anchor is None:
        return document_when(doc.date), {}
    return _anchored(dated[target].when, anchor.offset_days, anchor.text), {"anchored_to": dated[target].id}


def _continuation(sentence: str, lang: str, dated: Sequence[_Dated]) -> tuple[Anchor | None, int | None]:
    """'The attack began shortly after midnight.' after a dated attack: that event's date.

    Only an event noun (one the category lexicon knows) found in one of the last
    CONTINUATION_LOOKBACK dated events counts."""
    recent = [d.text for d in dated[-CONTINUATION_LOOKBACK:]]
    for candidate in find_definite_reference(sentence, lang):
        if categorize(candidate.noun, lang) == "other":
            continue
        hit = resolve_anchor(candidate, recent)
        if hit is not None:
            return candidate, len(dated) - len(recent) + hit
    return None, None


def _anchored(target: When, offset_days: int, phrase: str) -> When:
    start, end = target.date, target.date_end
    if offset_days and target.precision == "day" and start and end:
        start = (date.fromisoformat(start) + timedelta(days=offset_days)).isoformat()
        end = (date.fromisoformat(end) + timedelta(days=offset_days)).isoformat()
    return When(start, end, target.precision, phrase, "anchored")


def document_when(doc_date: DocumentDate | None) -> When:
    if doc_date is None:
        return When(None, None, None, None, None)
    return When(doc_date.first.isoformat(), doc_date.last.isoformat(), doc_date.precision, None, "document")
