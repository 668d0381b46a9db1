"""Stage 4, events: which sentences report an event, their kind, and the dates that are theirs.

Every sentence gets a kind and a confidence (eventmap/text/eventness.py): occurrence,
statement or context. Occurrences and statements are events; a context sentence (analysis,
background) only when it names a date of its own. Headlines (a whole line without closing
punctuation) and bylines stay out unless they are dated and report an event (and a dated
title too when the body repeats its dates); in a text of headlines only (a feed item) an
event is enough. Questions always stay out. A date after
"sinds"/"since" older than a month before the document is a comparison ("the worst attack
since 2014"), not the event's date; nor is the date of a reporting clause ("police said on
Saturday", eventmap/text/reporting.py) when the sentence has another date.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache
from typing import Any

from eventmap.text.anchoring import Anchor, find_anchor
from eventmap.text.categories import classify
from eventmap.text.dates.context import cues
from eventmap.text.dates.find import DateMention
from eventmap.text.dates.times import TimeMention
from eventmap.text.dates.vocab import load_vocab
from eventmap.text.document import DocumentContext
from eventmap.text.eventness import CONTEXT, evidence, judge, undated_context
from eventmap.text.mentions import Mentions
from eventmap.text.reporting import reporting_dates
from eventmap.text.sentences import Sentence
from eventmap.text.wordset import tokens

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
    kind: str  # occurrence, statement or context (eventmap/text/eventness.py)
    confidence: float
    times: list[TimeMention] = field(default_factory=list)  # clock times and parts of the day
    index: int = 0  # the sentence's number in the document
    section: int = 0  # headlines divide a document into sections
    tentative: bool = False  # an event noun without a verb: an event only right after a dated one
    present: bool = False  # a statement in the present tense: said when the article was written
    reported_only: bool = False  # its only dates date the report ("meldde de politie zondag")
    # its only dates are a comparison's base or an old "since" date ("has killed 57,000 since
    # October 7, 2023"): a state up to the report, not a moment of the story told before it
    since_only: bool = False
    when: Any = None  # set by the dating stage (eventmap/text/dating.py)
    further: list[Any] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    ids: list[str] = field(default_factory=list)  # the event ids the dating stage computed


def is_headline(sent: Sentence) -> bool:
    """A whole line without closing punctuation: a headline, byline or caption."""
    return sent.line_start and sent.line_end and not sent.text.endswith(TERMINAL)


def _converted(text: str, m: DateMention, times: Sequence[TimeMention]) -> bool:
    """Is the date part of a time given in another zone, in brackets with its clock time
    ("at 5:12 a.m. local time (2012 GMT Friday)")? The event's own day is the local one."""
    opened = text.rfind("(", max(0, m.start - 40), m.start)
    if opened < 0 or ")" in text[opened : m.start]:
        return False
    closed = text.find(")", m.end, m.end + 40)
    return closed >= 0 and any(opened < t.start and t.end <= closed and ":" in t.value for t in times)


def _stamped(
    times: list[TimeMention],
    stamp: tuple[int, TimeMention] | None,
    section: int,
    own: list[DateMention],
    doc: DocumentContext,
) -> list[TimeMention]:
    """A sentence's times, with its live blog entry's time line ("16.45 uur" above it) when
    it names no clock time of its own and no other day than the blog's ("morgen")."""
    if stamp is None or stamp[0] != section or any(":" in t.value for t in times):
        return times
    if own and (
        doc.date is None or any(m.date != doc.date.first or m.date_end != doc.date.first for m in own)
    ):
        return times
    return [stamp[1], *times]


def _only_dates(sent: Sentence, dates: Sequence[Any]) -> bool:
    """Is the sentence nothing but its dates (and punctuation)?"""
    rest, cursor = [], sent.start
    for m in dates:
        rest.append(sent.text[cursor - sent.start : m.start - sent.start])
        cursor = max(cursor, m.end)
    rest.append(sent.text[cursor - sent.start :])
    return not any(ch.isalnum() for part in rest for ch in part)


def select_events(doc: DocumentContext, sentences: Sequence[Sentence], mentions: Mentions) -> list[Candidate]:
    """The sentences that become events, in text order."""
    dates, times = mentions.dates, mentions.times
    starts, time_starts = [m.start for m in dates], [t.start for t in times]  # both sorted by start
    headlines_only = bool(sentences) and all(is_headline(s) for s in sentences)
    out: list[Candidate] = []
    section = 0
    stamp: tuple[int, TimeMention] | None = None  # a live blog's last time line, in its section
    for index, sent in enumerate(sentences):
        headline = is_headline(sent)
        if headline:
            section += 1
        if sent.text.endswith("?"):
            continue  # questions
        first, last = bisect_left(starts, sent.start), bisect_left(starts, sent.end)
        own_all = [m for m in dates[first:last] if m.end <= sent.end] if first < last else []
        if own_all and _only_dates(sent, own_all):
            continue  # "14 березня.", "Maandag 3 maart": a date line says nothing happened
        lo, hi = bisect_left(time_starts, sent.start), bisect_left(time_starts, sent.end)
        if hi - lo == 1 and ":" in times[lo].value and _only_dates(sent, times[lo:hi]):
            stamp = (section, times[lo])  # "16.45 uur": a live blog's entry, until the next one
            continue
        own: list[DateMention] = []
        main = None  # the sentence less its relative clauses, when a date was left in one
        reported_only = compared = False  # compared: a date left out as a comparison's base or old "since"
        if own_all:  # most sentences name no date: nothing to sort out
            here = times[lo:hi]
            for m in own_all:
                if _is_comparison(doc, m):
                    compared = True
                elif not _converted(doc.text, m, here):
                    own.append(m)
            if len(own) > 1 and mentions.mode == "news":  # a history's clauses are events too
                own, main = _outside_relative_clauses(doc, sent, own)
            reported = reporting_dates(doc.text, sent.start, sent.end, own, doc.lang)
            if (
                reported
                and len(reported) < len(own)
                and not _only_in_relative_clauses(doc, sent, own, reported)
            ):
                own = [
                    m for m in own if m.start not in reported
                ]  # the report's day dates it only when nothing else does
            reported_only = bool(own) and len(reported) == len(own)
        if headline and not own and not headlines_only:
            continue  # a headline repeats the article's lead: only a dated one adds to it
        toks = tokens(sent.text)
        anchor = None if own and not reported_only else find_anchor(sent.text, doc.lang, toks)
        dated = bool(own or anchor or (lo < hi and any(":" in t.value for t in times[lo:hi])))
        relative_only = all(m.relative for m in own) if own else True
        words = evidence(sent.text, doc.lang, toks)
        tense = words if main is None else evidence(main, doc.lang)  # "who won ... in 2024, faces"
        if (
            doc.date is not None
            and own
            and (tense.weak or _told_in_the_past(sent.text, doc.lang))  # "Inflation was 3.9% in November"
            and not tense.plans
            and _past_only(own, doc.date.last)
        ):
            own = [_not_after_the_report(m, doc.date.last) for m in own]
        live = stamp is not None and stamp[0] == section  # under a live blog's time line
        if not dated and not live and not headlines_only and undated_context(words):
            continue  # context whatever its category: skipped before the category lexicon is read
        category, keyword = classify(sent.text, doc.lang, toks)
        judged = judge(
            sent.text,
            doc.lang,
            dated=dated or (live and bool(keyword)),  # "12.30 uur / Ook in Zoetermeer is er wateroverlast."
            keyword=keyword,
            relative_only=relative_only,
            headline_only=headlines_only,
            ahead=bool(own) and doc.date is not None and any(m.date > doc.date.last for m in own),
            words=words,
            narrative=mentions.mode == "narrative",
        )
        if headline and not (judged.kind != CONTEXT and (keyword or judged.kind == "occurrence")):
            continue  # headlines and bylines ("Published March 18, 2025") without an event
        tentative = judged.kind == CONTEXT and judged.noun_only and not own and not headline
        if judged.kind == CONTEXT and not own and not tentative:
            continue  # analysis and background, unless it names a date of its own
        out.append(
            Candidate(
                sent,
                own,
                own_all,
                anchor,
                category,
                headline,
                judged.kind,
                judged.confidence,
                _stamped(list(times[lo:hi]), stamp, section, own, doc),
                index,
                section,
                tentative,
                judged.present,
                reported_only,
                compared and not own,
            )
        )
    return _without_repeated_title(doc, out)


def _without_repeated_title(doc: DocumentContext, out: list[Candidate]) -> list[Candidate]:
    """A dated title the lead repeats (a body event with the same dates) is no event of its
    own: "UK inflation falls to 2.3% in April" over "UK inflation fell sharply in April"."""
    if not out or not out[0].headline or not out[0].dates or doc.title != out[0].sentence.text:
        return out
    values = {m.value for m in out[0].dates}
    if any(not c.headline and values <= {m.value for m in c.dates} for c in out[1:]):
        return out[1:]
    return out


_YEAR_IN_VALUE = re.compile(r"(?<![\d-])(\d{4})(?=-|$|/)")


@cache
def _relative_clause_re(lang: str) -> re.Pattern[str] | None:
    """A clause set off by commas that opens with a relative pronoun (", who won ... in July
    2024,"): background to the sentence's own event (the table's `relative_pronouns`)."""
    words = load_vocab(lang).relative_pronouns
    if not words:
        return None
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf",\s+(?:{alts})\b[^,;.!?]{{1,200}}?,", re.I)


def _outside_relative_clauses(
    doc: DocumentContext, sent: Sentence, own: list[DateMention]
) -> tuple[list[DateMention], str | None]:
    """The dates of a sentence outside its relative clauses, when any is ("Starmer, who won a
    landslide in July 2024, faces a conference later this month": this month), and the
    sentence's text without those clauses (None when nothing was left out)."""
    rx = _relative_clause_re(doc.lang)
    if rx is None:
        return own, None
    found = list(rx.finditer(sent.text))
    if not found:
        return own, None
    spans = [(sent.start + m.start(), sent.start + m.end()) for m in found]
    outside = [m for m in own if not any(a <= m.start < b for a, b in spans)]
    if not outside or len(outside) == len(own):
        return own, None
    return outside, rx.sub(",", sent.text)


_CLAUSE_BOUNDARY = re.compile(r"[,;:()\[\]\"“”]")
RESTRICTIVE_MAX_WORDS = 8  # "protests that began on Sept. 25": the date this close after the pronoun


def _only_in_relative_clauses(doc: DocumentContext, sent: Sentence, own: list[DateMention], reported) -> bool:
    """Are the dates beside a reporting clause's all in relative clauses without commas ("...
    has left the country, a source said on Monday, after protests that began on Sept. 25")?
    Then the report's day dates the sentence, and the clause's date is a further event."""
    rest = [m for m in own if m.start not in reported]
    spans = _restrictive_clauses(doc, sent, rest)
    return bool(spans) and all(any(a <= m.start < b for a, b in spans) for m in rest)


def _restrictive_clauses(
    doc: DocumentContext, sent: Sentence, own: list[DateMention]
) -> list[tuple[int, int]]:
    """The spans (pronoun to date) of relative clauses without commas that hold a date ("after
    an army unit joined protests that began on Sept. 25"; the table's `restrictive_relatives`):
    the pronoun right after a lowercase word that is no reporting verb nor a `not_after` word
    ("said that", "believes that" open a complement)."""
    vocab = load_vocab(doc.lang)
    words = vocab.restrictive_relatives
    if not words:
        return []
    auxiliaries = vocab.restrictive_auxiliaries
    spans = []
    for m in own:
        head = doc.text[sent.start : m.start]
        cut = max((b.end() for b in _CLAUSE_BOUNDARY.finditer(head)), default=0)
        tokens = head[cut:].split()[-RESTRICTIVE_MAX_WORDS - 1 :]
        for k in range(len(tokens) - 1, 0, -1):
            if tokens[k].lower() in words:
                before = tokens[k - 1]
                low = before.lower()
                if (
                    before.isalpha()
                    and before.islower()
                    and low not in vocab.restrictive_not_after
                    and low not in vocab.reporting_verb_set
                    and not any(t.lower() in auxiliaries for t in tokens[k + 2 :])
                ):  # "the man who fled was arrested on May 28": the main verb comes back
                    spans.append((sent.start + head.rindex(tokens[k]), m.end))
                break
    return spans


def _told_in_the_past(sentence: str, lang: str) -> bool:
    """A finite past form of "to be" or a modal ("was", "waren", "war", "était", "ont dû"; the
    date table's `past_cues`): told in the past though no event verb is."""
    past = cues(lang).past
    return past is not None and past.search(sentence.lower()) is not None


def _past_only(own: list[DateMention], last: date) -> bool:
    """Can a sentence told in the past tense move its dates before the report? One date, yes;
    with several the tenses may differ ("voted on Friday to hold an election on 14
    September"), unless every one is a day or month named without its year and placed after
    the report ("destroyed ... in January, was contained on Jan. 31" written in November)."""
    return len(own) == 1 or all(m.basis == "calendar" and m.date > last for m in own)


def _not_after_the_report(m: DateMention, last: date) -> DateMention:
    """A date of a sentence told in the past tense ("the fires killed 31 people") is not after
    the document date: a day or month named without its year and placed after it ("In
    January" written in November) is the one before, and a period that runs past it ("this
    month", "eerder deze maand") ends on it."""
    if m.date <= last < m.date_end:  # "eerder deze maand", "this year": not after the report
        return replace(m, date_end=last)
    if m.basis != "calendar" or m.date <= last:
        return m
    try:
        first, end = m.date.replace(year=m.date.year - 1), m.date_end.replace(year=m.date_end.year - 1)
    except ValueError:  # 29 February
        return m
    value = _YEAR_IN_VALUE.sub(lambda y: f"{int(y.group(1)) - 1:04d}", m.value)
    return replace(m, value=value, date=first, date_end=end)


@cache
def _base_ends(lang: str) -> frozenset[str]:
    """The last words of the language's comparison bases ("with" of "compared with")."""
    return frozenset(base.split()[-1] for base in load_vocab(lang).comparison_bases if base.strip())


def _is_comparison(doc: DocumentContext, mention: DateMention) -> bool:
    """'the worst attack since April 2023': a date after 'since' is not the event's date;
    a recent one ('de protesten duren sinds maandag') is when the reported event began. Nor
    is the base of a comparison ('crime had fallen compared with 2023', 'ten opzichte van
    vorig jaar'; the date table's `comparison_bases`)."""
    vocab = load_vocab(doc.lang)
    lead = doc.text[max(0, mention.start - 28) : mention.start].lower()
    if vocab.comparison_bases:
        words = lead.split()
        ends = _base_ends(doc.lang)  # a base ends with the last word or the one before it
        if words and (words[-1] in ends or (len(words) > 1 and words[-2] in ends)):
            for base in vocab.comparison_bases:
                n = base.count(" ") + 1
                # "compared with 2023", "compared with the 2023 ..."
                if " ".join(words[-n:]) == base or " ".join(words[-n - 1 : -1]) == base:
                    return True
    before = lead[-12:].split()
    if not before or before[-1] not in vocab.since_set:
        return False
    if vocab.when_words:  # "since 1960, when a quake destroyed Agadir": what happened then
        after = doc.text[mention.end : mention.end + 16].lower().lstrip(" ,").split()
        if after and after[0] in vocab.when_words:
            return False
    return doc.date is None or mention.date_end < doc.date.first - timedelta(days=RECENT_SINCE_DAYS)
