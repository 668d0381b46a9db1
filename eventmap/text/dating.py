"""Stage 5, anchoring: when each event happened.

In text order, each candidate event gets:
* its own most precise date (day > week > month > year; the first on a tie), and one more
  event per further day or week date it names ("op 14 maart ... en op 18 maart"); a
  statement's reporting clause is its own date ("Selenskyj sagte am Mittwoch, ...");
* else the date of the event its anchor phrase points to (eventmap/text/anchoring.py),
  shifted by the phrase's days, with `extra.anchored_to` naming that event, unless the
  sentence's own reporting clause names a finer date (a day against that event's month);
* else, when it opens with a definite event noun ("De aanval begon rond middernacht"),
  the date of one of the last CONTINUATION_LOOKBACK dated events mentioning that noun;
* else, when it names a definite event noun anywhere ("het verslag van het gesprek") that
  one of those events names, that event's date;
* else the story's day: the date of the last dated event when it is a day, at most
  FOCUS_SENTENCES sentences back with no headline between (and not a plan after the
  reference day; a later week or month date ends it: "vorige week ..." moves the story), with
  `extra.anchor` "story" (a statement in the present tense, "zegt een bron", is made when the
  article was written and keeps the document date);
* else the date of its reporting clause ("..., meldde de politie zondag"), which otherwise
  dates the report, not the event;
* else, when it names a clock time ("De trein vertrok om 14.30 uur"), the reference day;
* else the document date (date_source "document"), or no date without one.

An event noun without a verb ("En Rusland zal tevreden zijn met de overeenkomst om ...") is
an event only right after a dated event, whose day it takes; else it is context.

On a dated day the event also gets its time of day (`Event.time`): the sentence's first
clock time ("14:30"), else the part of the day its date or text names ("evening").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from eventmap.model import PRECISION_RANK, make_event_id
from eventmap.text.anchoring import (
    Anchor,
    find_definite_reference,
    find_event_references,
    find_pointer,
    resolve_anchor,
)
from eventmap.text.categories import word_category
from eventmap.text.dates.find import DateMention
from eventmap.text.dates.vocab import load_vocab
from eventmap.text.docdate import DocumentDate
from eventmap.text.document import DocumentContext
from eventmap.text.eventness import STATEMENT, event_noun_test
from eventmap.text.events import Candidate

DATED_SOURCES = ("explicit", "relative", "anchored")
ANCHOR_LOOKBACK = 50  # an anchor phrase looks back over at most this many dated events
CONTINUATION_LOOKBACK = 2  # a definite noun phrase may continue one of the last 2 dated events
FOCUS_SENTENCES = 4  # an undated event takes the story's day from a dated event this close before


@dataclass(slots=True, unsafe_hash=True)  # not frozen: built faster (see text/sentences.py Sentence)
class When:
    """An event's date as the Event fields take it."""

    date: str | None
    date_end: str | None
    precision: str | None
    text: str | None
    source: str | None
    time: str | None = None


@dataclass(slots=True, unsafe_hash=True)  # not frozen: built faster (see text/sentences.py Sentence)
class _Dated:
    """A dated event so far: what anchors may point at."""

    text: str
    id: str
    when: When


def date_events(
    doc: DocumentContext,
    candidates: Sequence[Candidate],
    reference: date | None = None,
    narrative: bool = False,
) -> list[Candidate]:
    """Fill `when`, `further` and `extra` of every candidate, in text order, and return the
    candidates that are events (a tentative one only right after a dated event). `reference`
    is the day relative expressions count from (a clock time alone dates a sentence to it).
    In a `narrative`, each year or month of a sentence that names nothing finer is an event."""
    dated: list[_Dated] = []
    focus: _Focus | None = None
    last_dated = -2  # the sentence number of the last event dated to a day (the story's too)
    out: list[Candidate] = []
    for cand in candidates:
        live = _live_focus(focus, cand, reference)
        if cand.tentative:
            if live is None or last_dated != cand.index - 1:
                continue  # an event noun alone, not right after a dated event: context
            cand.kind = "occurrence"
        when, extra = _when(doc, cand, dated, reference, live)
        story = extra.get("anchor") == "story"
        if story:
            cand.confidence = round(max(0.05, cand.confidence - 0.1), 2)
        when = _with_time(when, cand)
        cand.when, cand.extra = when, extra
        cand.further = [] if cand.reported_only else _further_dates(cand.dates, when, narrative, doc)
        out.append(cand)
        if when.precision == "day" and when.source in DATED_SOURCES:
            last_dated = cand.index
        if when.source in DATED_SOURCES and not story:  # the story's day is no new date to point at
            sent = cand.sentence
            event_id = make_event_id(doc.source, sent.start, sent.end, sent.text)
            cand.ids.append(event_id)
            dated.append(_Dated(sent.text, event_id, when))
            # the story's time is the last date it names: a week or month ends the day's focus
            if when.precision != "day":
                focus = None
            elif not _background(cand, when, live, doc.lang):
                focus = _Focus(cand.index, cand.section, event_id, when)
            for extra_when in cand.further:
                extra_id = make_event_id(
                    doc.source, sent.start, sent.end, f"{sent.text}\x00{extra_when.text}"
                )
                cand.ids.append(extra_id)
                dated.append(_Dated(sent.text, extra_id, extra_when))
    return out


@dataclass(slots=True, unsafe_hash=True)  # not frozen: built faster (see text/sentences.py Sentence)
class _Focus:
    """The story's current day: the last event dated to a day, where it stands."""

    index: int
    section: int
    id: str
    when: When


def _background(cand: Candidate, when: When, live: _Focus | None, lang: str) -> bool:
    """An earlier day told in the pluperfect ("Het KNMI had woensdag code oranje afgegeven")
    is background: the story's day stays where it was."""
    if live is None or not when.date or when.date >= live.when.date:
        return False
    vocab = load_vocab(lang)
    return bool(vocab.pluperfect_cues) and vocab.pluperfect_cue.search(cand.sentence.text.lower()) is not None


def _live_focus(focus: _Focus | None, cand: Candidate, reference: date | None) -> _Focus | None:
    """The focus if it still holds for this sentence: same section (no headline between),
    at most FOCUS_SENTENCES sentences back, and not after the reference day."""
    if focus is None or focus.section != cand.section or cand.index - focus.index > FOCUS_SENTENCES:
        return None
    if reference is not None and focus.when.date_end and focus.when.date_end > reference.isoformat():
        return None  # a plan ("vrijdag zal ...") is not the story's present
    return focus


def mention_when(m: DateMention) -> When:
    return When(m.date.isoformat(), m.date_end.isoformat(), m.precision, m.text, m.kind, m.time)


def _further_dates(
    own: Sequence[DateMention], primary: When, narrative: bool, doc: DocumentContext | None = None
) -> list[When]:
    """Other day/week dates of a sentence ('op 14 maart ... en op 18 maart'): one event each.
    In a narrative, months and years too when the sentence names nothing finer ('it was founded
    in 1998 and listed in 2004'); in news they are mostly comparisons ('3.9% in 2024 from 4.2%
    in 2023'), and beside a day a year is background ('a year after the 2024 attack'), unless
    only a list word joins them ('was hit in November 2025 and in August')."""
    seen = {(primary.date, primary.date_end)}
    same = all(m.precision == primary.precision for m in own)
    coarse = narrative and same
    out = []
    for k, m in enumerate(own):
        key = (m.date.isoformat(), m.date_end.isoformat())
        listed = same and k > 0 and doc is not None and _listed(doc, own[k - 1], m)
        if (m.precision in ("day", "week") or coarse or listed) and key not in seen:
            seen.add(key)
            out.append(mention_when(m))
    return out


def _listed(doc: DocumentContext, before: DateMention, m: DateMention) -> bool:
    """Only a list word (and a preposition) between two dates: "in 2019 and in 2021"."""
    vocab = load_vocab(doc.lang)
    words = doc.text[before.end : m.start].strip(" ,").lower().split()
    if words and words[-1] in vocab.date_preposition_set:
        words.pop()
    return bool(words) and " ".join(words) in vocab.list_joiners


def _with_time(when: When, cand: Candidate) -> When:
    """The time of day on a dated day: the sentence's first clock time, else a part of the
    day its date names ("maandagavond") or it names ("'s avonds", "in the morning")."""
    if when.precision != "day" or when.date is None:
        return when
    clock = [t.value for t in cand.times if ":" in t.value]
    parts = [t.value for t in cand.times if ":" not in t.value]
    time = clock[0] if clock else when.time or (parts[0] if parts else None)
    return When(when.date, when.date_end, when.precision, when.text, when.source, time)


def _when(
    doc: DocumentContext,
    cand: Candidate,
    dated: Sequence[_Dated],
    reference: date | None,
    live: _Focus | None,
) -> tuple[When, dict]:
    """A sentence's date in the order of the module docstring (a reporting clause's date
    comes after the anchors and the story's day: it dates the report, not the event)."""
    own = min(cand.dates, key=lambda m: (PRECISION_RANK[m.precision], m.start)) if cand.dates else None
    if own is not None and (not cand.reported_only or cand.kind == STATEMENT):
        return mention_when(own), {}  # a statement's reporting clause dates the statement itself
    anchor = cand.anchor
    recent = dated[-ANCHOR_LOOKBACK:]
    target = resolve_anchor(anchor, [d.text for d in recent]) if anchor else None
    if target is None and anchor is not None and anchor.noun is not None:
        anchor = _pointer_instead(cand, doc.lang, anchor)
        target = len(recent) - 1 if anchor.noun is None and recent else None
    if target is not None:
        target += len(dated) - len(recent)
    if target is None and anchor is None:
        anchor, target = _continuation(cand.sentence.text, doc.lang, dated)
    while target and dated[target - 1].text == dated[target].text:
        target -= (
            1  # a sentence's own date, not a further one ("... the deal that took effect on January 19")
        )
    if target is not None and anchor is not None and not _report_is_finer(own, dated[target].when):
        return _anchored(dated[target].when, anchor.offset_days, anchor.text), {
            "anchored_to": dated[target].id
        }
    if anchor is not None and anchor.noun is None and anchor.offset_days < 0 and not dated:
        before = _before_the_report(anchor, own, reference)
        if before is not None:
            return before, {}
    if live is not None and not cand.present and not cand.since_only:
        return _anchored(live.when, 0, None), {"anchored_to": live.id, "anchor": "story"}
    if own is not None:
        return mention_when(own), {}  # "..., meldde de politie zondag": nothing else dates it
    clock = next((t for t in cand.times if ":" in t.value), None)
    if clock is not None and reference is not None:  # "De trein vertrok om 14.30 uur"
        return When(reference.isoformat(), reference.isoformat(), "day", clock.text, "relative"), {}
    return document_when(doc.date), {}


def _before_the_report(anchor: Anchor, report: DateMention | None, reference: date | None) -> When | None:
    """'Накануне вечером в Курске прогремели взрывы', 'The day before, ...' with no dated event
    before it: the day(s) before the report (its reporting clause's day, else the reference)."""
    base = report.date if report is not None and report.precision == "day" else reference
    if base is None:
        return None
    day = (base + timedelta(days=anchor.offset_days)).isoformat()
    return When(day, day, "day", anchor.text, "relative")


def _pointer_instead(cand: Candidate, lang: str, anchor: Anchor) -> Anchor:
    """A noun anchor whose word names no earlier event and is no event noun ("Напередодні
    російські війська ...": "російські" is no event) is the same phrase as a pointer, "the
    day before", when the language lists it so; an event noun that names nothing earlier
    ("the day before the vote") keeps the sentence unanchored."""
    if event_noun_test(lang)[anchor.noun]:
        return anchor
    pointer = find_pointer(cand.sentence.text, lang)
    if pointer is None or pointer.start != anchor.start:
        return anchor
    return pointer


def _report_is_finer(report: DateMention | None, target: When) -> bool:
    """The sentence's own reporting-clause date names a finer span than the event an anchor
    points to ("Last month, ... Meanwhile, forces took the village, the ministry said on
    Tuesday"): the day of the report bounds the event better than that month."""
    return (
        report is not None
        and target.precision is not None
        and PRECISION_RANK[report.precision] < PRECISION_RANK[target.precision]
    )


def _continuation(sentence: str, lang: str, dated: Sequence[_Dated]) -> tuple[Anchor | None, int | None]:
    """'The attack began shortly after midnight.' after a dated attack: that event's date.

    Only an event noun (one the category lexicon knows) found in one of the last
    CONTINUATION_LOOKBACK dated events counts."""
    if not dated:
        return None, None  # no dated event to continue
    recent = [d.text for d in dated[-CONTINUATION_LOOKBACK:]]
    for candidate in find_definite_reference(sentence, lang):
        if word_category(candidate.noun, lang) == "other":
            continue
        hit = resolve_anchor(candidate, recent)
        if hit is not None:
            return candidate, len(dated) - len(recent) + hit
    keep = event_noun_test(lang).__getitem__
    for candidate in find_event_references(sentence, lang, keep):  # "het verslag van het gesprek"
        hit = resolve_anchor(candidate, recent)
        if hit is not None:
            return candidate, len(dated) - len(recent) + hit
    return None, None


def _anchored(target: When, offset_days: int, phrase: str | None) -> When:
    start, end = target.date, target.date_end
    if offset_days and target.precision == "day" and start and end:
        start = (date.fromisoformat(start) + timedelta(days=offset_days)).isoformat()
        end = (date.fromisoformat(end) + timedelta(days=offset_days)).isoformat()
    return When(start, end, target.precision, phrase, "anchored")


def document_when(doc_date: DocumentDate | None) -> When:
    if doc_date is None:
        return When(None, None, None, None, None)
    return When(doc_date.first.isoformat(), doc_date.last.isoformat(), doc_date.precision, None, "document")
