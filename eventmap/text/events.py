"""Stage 4, events: which sentences report an event, and the date mentions that are theirs.

Every sentence with a date expression, an anchor phrase ("kort na het telefoongesprek") or
an event keyword of the category lexicons is a candidate. Headlines (a whole line without
closing punctuation) and bylines stay out unless they have both a date and an event
keyword; in a text of headlines only (a feed item) an event keyword is enough. Questions
always stay out. A date after "sinds"/"since" older than a month before the document is a
comparison ("the worst attack since 2014"), not the event's date.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from eventmap.text.anchoring import Anchor, find_anchor
from eventmap.text.categories import classify
from eventmap.text.dates.find import DateMention
from eventmap.text.dates.vocab import load_vocab
from eventmap.text.document import DocumentContext
from eventmap.text.mentions import Mentions
from eventmap.text.sentences import Sentence

TERMINAL = (".", "!", "?", "…", "’", "'", "”", '"', ")", ":", ";")
RECENT_SINCE_DAYS = 31  # "since Monday" within this many days: the start of what is reported


@dataclass(slots=True)
class Candidate:
    """A sentence that reports an event, with what the later stages fill in."""

    sentence: Sentence
    dates: list[DateMention]  # its own dates that may date it (comparisons left out)
    all_dates: list[DateMention]  # every date expression inside it
    anchor: Anchor | None
    category: str
    headline: bool
    when: Any = None  # set by the dating stage (eventmap/text/dating.py)
    further: list[Any] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


def is_headline(sent: Sentence) -> bool:
    """A whole line without closing punctuation: a headline, byline or caption."""
    return sent.line_start and sent.line_end and not sent.text.endswith(TERMINAL)


def select_events(doc: DocumentContext, sentences: Sequence[Sentence], mentions: Mentions) -> list[Candidate]:
    """The sentences that become events, in text order."""
    dates = mentions.dates
    starts = [m.start for m in dates]  # mentions come sorted by start
    headlines_only = bool(sentences) and all(is_headline(s) for s in sentences)
    out: list[Candidate] = []
    for sent in sentences:
        first, last = bisect_left(starts, sent.start), bisect_left(starts, sent.end)
        own_all = [m for m in dates[first:last] if m.end <= sent.end]
        own = [m for m in own_all if not _is_comparison(doc, m)]
        category, reports_event = classify(sent.text, doc.lang)
        anchor = None if own else find_anchor(sent.text, doc.lang)
        headline = is_headline(sent)
        if sent.text.endswith("?") or (
            headline and not (own and reports_event) and not (headlines_only and reports_event)
        ):
            continue  # questions; headlines and bylines ("Published March 18, 2025")
        if not own and anchor is None and not reports_event:
            continue
        out.append(Candidate(sent, own, own_all, anchor, category, headline))
    return out


def _is_comparison(doc: DocumentContext, mention: DateMention) -> bool:
    """'the worst attack since April 2023': a date after 'since' is not the event's date;
    a recent one ('de protesten duren sinds maandag') is when the reported event began."""
    before = doc.text[max(0, mention.start - 12) : mention.start].split()
    if not before or before[-1].lower() not in load_vocab(doc.lang).since_set:
        return False
    return doc.date is None or mention.date_end < doc.date.first - timedelta(days=RECENT_SINCE_DAYS)
