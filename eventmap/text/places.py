"""Stage 6, places: the place mentions that belong to each event's sentence.

An event's places are the geo mentions inside its sentence, except one that overlaps a
date expression ("May 9"), ordered most specific first (eventmap.model.specificity: the
event's map point is "Donetsk" in "Ukraine soldier killed by rebel fire at Donetsk
airport"). A headline's trailing attribution ("... - Kiev military", "...: Kiev") names
who reports, not where: its places are left out, and so are those of a body sentence's trailing
reporting clause (", the defence ministry in Moscow said on Wednesday.") when the rest of the
sentence names a place. An event whose sentence names no place
takes the article's setting (geo.article_setting), with place_source "document".
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from typing import Any

from eventmap.model import Place, specificity
from eventmap.text.categories import classify
from eventmap.text.dates.find import DateMention
from eventmap.text.sentences import Sentence

# "... killed in east - Kiev military", "... dead: Kiev", "... - JFO HQ": a headline's
# trailing attribution names who reports, not where it happened.
_ATTRIBUTION = re.compile(r"\s+(?:[-–—]|--)\s+(?P<tail>[^-–—]{1,60})$|:\s+(?P<tail2>[^:]{1,60})$")
ATTRIBUTION_WORDS = 6


def attribution_start(sent: Sentence, lang: str) -> int:
    """Where a headline's trailing attribution starts (its end when it has none)."""
    skip = max(0, len(sent.text) - 200)  # only the line's end: cheap on hostile long lines
    m = _ATTRIBUTION.search(sent.text, skip)
    if m is None:
        return sent.end
    tail = m.group("tail") or m.group("tail2") or ""
    if len(tail.split()) > ATTRIBUTION_WORDS or classify(tail, lang)[1]:
        return sent.end  # a clause of its own ("Kharkiv: two killed in shelling")
    return sent.start + m.start()


def places_in(
    mentions: Sequence[Any],
    start: int,
    end: int,
    dates: Sequence[DateMention] = (),
    origins: frozenset[tuple[int, int]] = frozenset(),
) -> list[Place]:
    """Place mentions inside [start, end), except any that overlap a date ("May 9"); a place
    named twice is kept once, by its first mention that is no person's origin (`origins`:
    "een man uit Apeldoorn is in zijn woning in Apeldoorn aangehouden" keeps the second)."""
    out: list[Place] = []
    seen: dict[tuple[Any, ...], int] = {}
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
            k = seen[key]
            if (out[k].start, out[k].end) in origins and (m.start, m.end) not in origins:
                out[k] = replace(out[k], text=m.text, start=m.start, end=m.end)
            continue
        seen[key] = len(out)
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
    out.sort(key=lambda p: specificity(p.kind))
    return out


def event_places(
    mentions: Sequence[Any],
    sent: Sentence,
    headline: bool,
    dates: Sequence[DateMention],
    lang: str,
    origins: frozenset[tuple[int, int]] = frozenset(),
) -> list[Place]:
    """The places of an event's sentence (a headline's trailing attribution left out; a trailing
    reporting clause's places too when the rest of the sentence names one)."""
    if headline:
        return places_in(mentions, sent.start, attribution_start(sent, lang), dates, origins)
    found = places_in(mentions, sent.start, sent.end, dates, origins)
    if len(found) > 1:
        cut = reporting_tail_start(sent, lang)
        if cut < sent.end:
            own = [p for p in found if (p.end or 0) <= cut]
            if own:
                return own  # "... captured Niu-York, the defence ministry in Moscow said."
    return found


@cache
def _reporting_tail(lang: str) -> re.Pattern[str] | None:
    from eventmap.text.dates.patterns import alt
    from eventmap.text.dates.vocab import load_vocab

    verbs = load_vocab(lang).reporting_verbs
    if not verbs:
        return None
    return re.compile(rf",\s+(?:[^,]{{0,80}}\s)?{alt(verbs)}(?:\s[^,]{{0,60}})?[.!?\"”’']*\s*$", re.I)


def reporting_tail_start(sent: Sentence, lang: str) -> int:
    """Where a trailing reporting clause starts (", the defence ministry in Moscow said on
    Wednesday.", ", volgens het ministerie in Gaza."), or the sentence's end."""
    pattern = _reporting_tail(lang)
    if pattern is None or "," not in sent.text:
        return sent.end
    m = pattern.search(sent.text, max(0, len(sent.text) - 160))
    return sent.start + m.start() if m else sent.end


def as_place(m: Any) -> Place:
    """A geo.PlaceMention as an event's Place."""
    return Place(m.text, m.name, m.lat, m.lon, m.country_code, m.kind, m.source_id, m.start, m.end)


def article_setting(
    places: Sequence[Sequence[Place]],
    reported_from: Any = None,
    title_places: Sequence[Any] = (),
    text_places: Sequence[Any] = (),
) -> Place | None:
    """The place of an event whose sentence names none (geo.article_setting over the events'
    own places: the dateline's place if the text confirms it, else the place most events share,
    else the title's place (`title_places`: geo's mentions in the title) if an event or the
    body (`text_places`: geo's other mentions) names it)."""
    import geo
    from geo.mention import PlaceMention

    per_event = [
        [
            PlaceMention(
                p.start or 0, p.end or 0, p.text, p.name, p.lat, p.lon, p.country_code, p.kind, p.source_id
            )
            for p in ps
        ]
        for ps in places
    ]
    found = geo.article_setting(per_event, reported_from, title_places, text_places)
    return as_place(found) if found is not None else None
