"""find_dates: every temporal expression of a text, with offsets, pinned to the calendar.

Candidates come from the language's patterns (dates/patterns.py), only in windows around
trigger words (digits, month and weekday names, relative words), so most of a text is
never scanned. They are read left to right, the longest candidate at each position first;
a rule that rejects a candidate ("May" the verb, "1900 soldiers") leaves the place to a
shorter one. Reading in order lets each rule see the story's focus: the last date named.

Modes: 'news' counts relative expressions from the reference day; 'narrative' places a
day or month without a year in the year the story is in and counts "two years later" from
there; 'auto' (the default) chooses narrative when there is no reference day at all, or
when at least NARRATIVE_MIN_DATES dates, over two thirds of those that name their year,
lie NARRATIVE_GAP_YEARS or more before it, and they outnumber DEICTIC_SHARE times over the
expressions counted from the document's day ("on Friday", "last year"), which news that
looks back on history still uses; or when every date naming its year (at least
NARRATIVE_MIN_FULL_DATES) is such an old day or month and nothing counts from the
document's day (a short history: "le 21 février 1916 ... le 19 décembre 1916").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from eventmap.errors import InputError
from eventmap.text.dates import rules_calendar as cal
from eventmap.text.dates import rules_periods as per
from eventmap.text.dates import rules_relative as rel
from eventmap.text.dates import rules_weeks as weeks
from eventmap.text.dates import rules_years as years
from eventmap.text.dates.context import MODES, Ctx, Frame, moves_focus
from eventmap.text.dates.intervals import Norm
from eventmap.text.dates.patterns import TRIGGER_CLASSES, TRIGGER_WINDOW, B, LanguagePatterns, patterns_for
from eventmap.text.dates.starts import first_strings, starter
from eventmap.text.dates.textview import view
from eventmap.text.language import resolve_language
from eventmap.text.wordtrie import DIGIT, required_strings

NARRATIVE_GAP_YEARS = 2  # 'auto': dates this many years before the document make a narrative
NARRATIVE_MIN_DATES = 3  # ... when at least this many do, over two thirds of those naming a year,
DEICTIC_SHARE = 5  # ... and they outnumber the days counted from the document (x this factor)
NARRATIVE_MIN_FULL_DATES = 2  # ... or when this many old days or months are all it names with a year


@dataclass(frozen=True, slots=True)
class DateMention:
    """A temporal expression at text[start:end], normalised to an inclusive interval."""

    start: int
    end: int
    text: str
    value: str  # TimeML-style: 2025-03-18, 2025-03, 2025-W11, 2025, 1940-SU, 199, or "a/b" for a range
    precision: str  # day, week, month, year
    date: date
    date_end: date
    relative: bool  # counted from the reference day or the story's last date ("gisteren",
    # "two years later"); a day or month named without its year still counts as explicit
    basis: str = "explicit"  # explicit, calendar, ahead, relative, focus or anaphoric (see intervals.Norm)
    time: str | None = None  # a part of the day the expression names ("gisteravond": evening)

    @property
    def kind(self) -> str:
        """'relative' or 'explicit': what the event's date_source becomes."""
        return "relative" if self.relative else "explicit"


@dataclass(frozen=True, slots=True)
class Reading:
    """The mentions of a text and the mode they were read in (news or narrative)."""

    mentions: list[DateMention]
    mode: str


Rule = Callable[[Ctx], "Norm | list[tuple[int, int, Norm]] | None"]
RULES: dict[str, Rule] = {
    "day": per.norm_day_or_span,
    "month": per.norm_month_or_span,
    "iso": cal.norm_iso,
    "numeric": cal.norm_numeric,
    "range_days": cal.norm_range_days,
    "range_dm": cal.norm_range_dm,
    "range_months": cal.norm_range_months,
    "numeric_dm": cal.norm_numeric_dm,
    "year": years.norm_year,
    "year_range": years.norm_year_range,
    "decade": years.norm_decade,
    "century": years.norm_century,
    "season": cal.norm_season,
    "spelled_year": years.norm_spelled_year,
    "year_part": per.norm_year_part,
    "holiday": per.norm_holiday,
    "weekday": rel.norm_weekday,
    "week_weekday": rel.norm_week_weekday,
    "night_of": rel.norm_night_of,
    "night_into": rel.norm_night_into,
    "relword": rel.norm_relword,
    "relunit": rel.norm_relunit,
    "this_unit": rel.norm_this_unit,
    "weekend": rel.norm_weekend,
    "ago": rel.norm_ago,
    "anaphoric": rel.norm_anaphoric,
    "unit_end": rel.norm_unit_end,
    "year_ago": rel.norm_year_ago,
    "focus_day": rel.norm_focus_day,
    "day_alone": per.norm_day_alone,
    "week_number": weeks.norm_week_number,
}


def as_reference(reference: date | datetime | str | None) -> date | None:
    """Accept a date, a datetime or an ISO day string; None stays None."""
    if reference is None or (isinstance(reference, date) and not isinstance(reference, datetime)):
        return reference
    if isinstance(reference, datetime):
        return reference.date()
    try:
        return date.fromisoformat(str(reference).strip()[:10])
    except ValueError:
        raise InputError(f"reference date {reference!r} is not an ISO day (YYYY-MM-DD)") from None


WORD_MEMO = 20000  # word starts remembered per language (see _windows)


def _windows(
    compiled: LanguagePatterns, lowered: str, digits: tuple[tuple[int, int], ...] | None = None
) -> dict[str, list[tuple[int, int]]]:
    """Per trigger class, merged [lo, hi) spans within TRIGGER_WINDOW characters of a trigger.

    The digit classes take the runs of digits (a run of four is a year4 too), the word classes
    the trigger words, each in text order (no class has both, so they need no merging). The
    word classes are a word's own class and the others that also match where it starts
    ("week" and "weekend"): a class regex is "(?<!\\w)" + literal words, so which classes match
    at a word start, and how far the first reaches, depends only on the next `reach`
    characters. That answer is remembered by them (`word_hits`: the same words come back in
    every text), so a known word costs a dictionary lookup, not a regex match per class."""
    triggers = compiled.triggers
    if "words" not in triggers:  # a trigger word with a digit: the words and digits found together
        return _windows_of_hits(compiled, lowered)
    if digits is None:
        digits = tuple(m.span() for m in _DIGITS.finditer(lowered))
    spans: dict[str, list[tuple[int, int]]] = {cls: [] for cls in TRIGGER_CLASSES}
    size, reach, memo = len(lowered), compiled.reach, compiled.word_hits
    spans["digit"] = _merged(digits, size)
    spans["year4"] = _merged([(a, b) for a, b in digits if b - a == 4], size)
    words: dict[str, list[list[int]]] = {}  # each word class's spans, the last still growing
    last = -1
    padded = " " + lowered  # offsets one more (the space: a word may open the text)
    for at in triggers["word_starts"].finditer(padded):  # where a trigger word starts
        start = at.start()  # its offset in `lowered`
        if start < last:
            continue  # inside the previous trigger word: left to right, without overlaps
        key = lowered[start : start + reach]
        hit = memo.get(key)
        if hit is None:
            hit = _word_hit(triggers, padded, start)
            if len(memo) < WORD_MEMO:
                memo[key] = hit
        length, classes = hit
        last = start + length
        lo, hi = max(0, start - TRIGGER_WINDOW), min(size, last + TRIGGER_WINDOW)
        for cls in classes:
            own = words.get(cls)
            if own is None:
                words[cls] = [[lo, hi]]
            elif lo <= own[-1][1]:
                if hi > own[-1][1]:
                    own[-1][1] = hi
            else:
                own.append([lo, hi])
    for cls, found in words.items():
        spans[cls] = [(lo, hi) for lo, hi in found]
    return spans


def _word_hit(triggers: dict[str, re.Pattern[str]], padded: str, start: int) -> tuple[int, tuple[str, ...]]:
    """(length of the first class's word, the classes matching) at a word start of `padded`."""
    m = triggers["words"].match(padded, start)
    first = m.lastgroup or ""
    length = m.end(first) - m.start(first)
    more = [
        c for c, rx in triggers.items() if c in TRIGGER_CLASSES and c != first and rx.match(padded, start + 1)
    ]
    return length, (first, *more)


def _merged(runs, size: int) -> list[tuple[int, int]]:
    """The windows around `runs` (sorted (start, end)), overlapping ones merged."""
    out: list[tuple[int, int]] = []
    lo0 = hi0 = -1
    for start, end in runs:
        lo, hi = max(0, start - TRIGGER_WINDOW), min(size, end + TRIGGER_WINDOW)
        if lo0 >= 0 and lo <= hi0:
            if hi > hi0:
                hi0 = hi
        else:
            if lo0 >= 0:
                out.append((lo0, hi0))
            lo0, hi0 = lo, hi
    if lo0 >= 0:
        out.append((lo0, hi0))
    return out


def _windows_of_hits(compiled: LanguagePatterns, lowered: str) -> dict[str, list[tuple[int, int]]]:
    """_windows for a language whose trigger words hold digits: every trigger by one regex."""
    triggers = compiled.triggers
    spans: dict[str, list[list[int]]] = {cls: [] for cls in TRIGGER_CLASSES}
    classes = [(c, rx) for c, rx in triggers.items() if c in spans]
    size = len(lowered)
    for m in triggers["any"].finditer(lowered):
        start, end, first = m.start(), m.end(), m.lastgroup or ""
        found = [first]
        if first == "digit":
            if end - start == 4:
                found.append("year4")
        else:  # a word may start two classes: "week" and "weekend"
            found += [c for c, rx in classes if c != first and rx.match(lowered, start)]
        for cls in found:
            own = spans[cls]
            lo, hi = max(0, start - TRIGGER_WINDOW), min(size, end + TRIGGER_WINDOW)
            if own and lo <= own[-1][1]:
                own[-1][1] = max(own[-1][1], hi)
            else:
                own.append([lo, hi])
    return {cls: [(lo, hi) for lo, hi in found] for cls, found in spans.items()}


_DIGITS = re.compile(r"\d+")


@lru_cache(maxsize=4)  # the pipeline reads a text more than once; keep few (texts may be MBs)
def candidates(text: str, lang: str) -> tuple[tuple[int, int, str, re.Match[str]], ...]:
    """Every pattern match (overlaps included) of a language, leftmost first, then longest."""
    return scan(text, patterns_for(lang))


def scan(text: str, compiled: LanguagePatterns) -> tuple[tuple[int, int, str, re.Match[str]], ...]:
    """Every match of the compiled patterns, only near their trigger words (see above), and
    there only where a match may start (eventmap/text/dates/starts.py): the places a trigger
    class's starter finds in a window, shared by the class's patterns; each is tried at the
    places whose opening word one of its matches may open with."""
    lowered, digits = view(text)
    windows = _windows(compiled, lowered, digits)
    found = []
    # (trigger class, window start) -> [(place, the class's patterns that may match there)]
    places: dict[tuple[str, int], list[tuple[int, frozenset[int]]]] = {}
    for index, pattern in enumerate(compiled.patterns):
        spans = windows[pattern.trigger]
        if not spans:
            continue
        if pattern.at_digits:
            found += _at_digits(pattern, lowered, digits, spans)
            continue
        bounded = first_strings(pattern.lazy.source, B) is not None
        need = () if bounded else required_strings(pattern.lazy.source)  # what every match contains
        shape, regex = pattern.shape, None
        for lo, hi in spans:
            if need and not _has_all(lowered, lo, hi, need):
                continue  # a window without one of them holds no match: not read
            if not bounded:
                if regex is None:
                    regex = pattern.regex  # compiled the first time a text needs it
                for match in regex.finditer(lowered, lo, hi):
                    found.append((match.start(), match.end(), shape, match))
                continue
            here = places.get((pattern.trigger, lo))
            if here is None:
                here = places[pattern.trigger, lo] = _places(compiled, pattern.trigger, lowered, lo, hi)
            # what finditer gives: the leftmost match, then the next one from its end on
            cursor = lo
            for at, owners in here:
                if at >= cursor and index in owners:
                    if regex is None:
                        regex = pattern.regex
                    m = regex.match(lowered, at, hi)
                    if m is not None:
                        cursor = m.end()
                        found.append((at, cursor, shape, m))
    found.sort(key=lambda c: (c[0], c[0] - c[1]))
    return tuple(found)


def _places(
    compiled: LanguagePatterns, trigger: str, lowered: str, lo: int, hi: int
) -> list[tuple[int, frozenset[int]]]:
    """Where in lowered[lo:hi] a pattern of the trigger class may match, with the indices of
    those patterns (see starts.Starter)."""
    found = compiled.starters.get(trigger)
    if found is None:
        found = compiled.starters[trigger] = starter(
            B,
            {
                i: first_strings(p.lazy.source, B)
                for i, p in enumerate(compiled.patterns)
                if p.trigger == trigger and not p.at_digits
            },
        )
    owners, digit_owners = found.owners, found.digit_owners
    return [(m.start(), owners.get(m.group(), digit_owners)) for m in found.regex.finditer(lowered, lo, hi)]


def _at_digits(pattern, lowered: str, digits, spans: list[tuple[int, int]]) -> list[tuple]:
    """A pattern whose matches start where a run of digits starts (or its `digit_offset`
    characters before one), tried only there (with its window's end as the text's end): the
    matches finditer finds in the windows, left to right and without overlaps, at a
    fraction of the cost."""
    out: list[tuple] = []
    match, shape, offset = pattern.regex.match, pattern.shape, pattern.digit_offset
    windows = iter(spans)
    lo = hi = last = -1
    for run, _ in digits:
        start = run - offset  # "Q3": the pattern's letters before the digits
        while start >= hi:
            window = next(windows, None)
            if window is None:
                return out
            lo, hi = window
        if start < lo or start < last:
            continue  # outside the windows, or inside the pattern's previous match
        m = match(lowered, start, hi)
        if m is not None:
            out.append((start, m.end(), shape, m))
            last = m.end()
    return out


def _has_all(text: str, lo: int, hi: int, clauses: tuple[tuple[str, ...], ...]) -> bool:
    """Each clause has one of its strings in text[lo:hi] (eventmap/text/wordtrie.py)."""
    for clause in clauses:
        for s in clause:
            if s is DIGIT:
                if _DIGIT.search(text, lo, hi):
                    break
            elif text.find(s, lo, hi) >= 0:
                break
        else:
            return False
    return True


_DIGIT = re.compile(r"\d")
_ONE_YEAR = re.compile(r"\d{4}(?:-[^/]*)?$")  # a value in one year: 1634, 1634-WI, 1634-Q1, 1634-05-23


_NEXT_WORD = re.compile(r"[ \u00a0](\w+)")


def _in_a_name(text: str, lowered: str, s: int, e: int, vocab) -> bool:
    """A date that is part of a name (vocab ``name_words``): "the May 13 Square", "rue du
    4-Septembre", "улица 8 Марта"."""
    if vocab.name_after:
        m = _NEXT_WORD.match(text, e)
        if m and m.group(1)[:1].isupper() and m.group(1).lower() in vocab.name_after:
            return True
    if vocab.name_before:
        head = lowered[max(0, s - 24) : s].rstrip(" \u00a0")
        return any(
            head.endswith(w) and (len(head) == len(w) or not head[-len(w) - 1].isalnum())
            for w in vocab.name_before
        )
    return False


def read_with(text: str, compiled: LanguagePatterns, frame: Frame, cands=None) -> list[DateMention]:
    """The mentions of a text read in order with one language's patterns and a frame."""
    vocab = compiled.vocab
    lowered = view(text)[0]
    out: list[DateMention] = []
    cursor = 0
    last = (0, 0)  # the previous mention's span
    for start, end, shape, match in cands if cands is not None else scan(text, compiled):
        if start < cursor:
            continue
        result = RULES[shape](Ctx(text, lowered, match, vocab, frame))
        if result is None:
            continue
        if isinstance(result, Norm):
            span = match.span("core") if "core" in match.re.groupindex else (start, end)
            items = [(span[0], span[1], result)]
        else:
            items = result
        for s, e, norm in items:
            if (vocab.name_after or vocab.name_before) and _in_a_name(text, lowered, s, e, vocab):
                continue
            out.append(
                DateMention(
                    s,
                    e,
                    text[s:e],
                    norm.value,
                    norm.precision,
                    norm.start,
                    norm.end,
                    norm.relative,
                    norm.basis,
                    norm.time,
                )
            )
            if moves_focus(lowered, s, norm, frame, vocab, last):
                frame.focus, frame.focus_end = norm, e
                named = _ONE_YEAR.match(norm.value)  # "hiver 1634" names 1634 but runs into 1635
                if not norm.from_reference and (named or norm.start.year == norm.end.year):
                    frame.focus_year = (
                        int(norm.value[:4]) if named else norm.start.year
                    )  # a decade names none
                    if norm.start.year < norm.end.year and "/" in text[s:e]:
                        frame.focus_year = norm.end.year  # "im Winter 1941/42": the story goes on in 1942
            last = (s, e)
            single_year = norm.precision == "year" and norm.start.year == norm.end.year
            frame.year_here = (norm.start.year, e) if single_year else None
        cursor = end
    return out


def choose_mode(mentions: list[DateMention], ref: date | None) -> str:
    """'narrative' or 'news' for mode 'auto' (see the module docstring)."""
    named = [m for m in mentions if m.basis == "explicit"]
    if ref is None:
        return "narrative" if named else "news"
    old = [m for m in named if m.date_end.year <= ref.year - NARRATIVE_GAP_YEARS]
    deictic = sum(1 for m in mentions if m.basis == "relative")  # not "the following month"
    if len(old) < NARRATIVE_MIN_DATES or 3 * len(old) <= 2 * len(named):
        # a short history: every date naming its year is an old day or month ("le 21 février
        # 1916 ... le 19 décembre 1916") and nothing counts from the document's day
        full = len(old) == len(named) >= NARRATIVE_MIN_FULL_DATES and all(m.precision != "year" for m in old)
        return "narrative" if full and not deictic else "news"
    # news that looks back still speaks of its own days ("on Friday", "last year")
    return "narrative" if DEICTIC_SHARE * deictic < len(old) else "news"


def read_dates(text: str, ref: date | None, lang: str, mode: str = "auto", *, dated: bool = True) -> Reading:
    """The mentions of a text and the mode used. `dated=False` says `ref` is only an estimate
    (the document has no date of its own): 'auto' then decides as if there were none."""
    if mode not in MODES:
        raise InputError(f"unknown mode {mode!r} (one of {', '.join(MODES)})")
    compiled, cands = patterns_for(lang), candidates(text, lang)
    if mode != "auto":
        return Reading(read_with(text, compiled, Frame(ref, mode), cands), mode)
    news = read_with(text, compiled, Frame(ref, "news"), cands)
    chosen = choose_mode(news, ref if dated else None)
    if chosen == "news" and (ref is None or not dated) and not any(m.basis == "explicit" for m in news):
        # no date of its own and no year news reads: a history may still name short years ("In 800, ...")
        story = read_with(text, compiled, Frame(ref, "narrative"), cands)
        if any(m.basis == "explicit" for m in story):
            return Reading(story, "narrative")
    if chosen == "news":
        return Reading(news, "news")
    return Reading(read_with(text, compiled, Frame(ref, "narrative"), cands), "narrative")


def find_dates(
    text: str,
    reference: date | datetime | str | None = None,
    lang: str | None = "nl",
    *,
    mode: str = "auto",
) -> list[DateMention]:
    """Every temporal expression in `text`, in order, normalised relative to `reference`.

    Without a reference only self-contained dates are returned, plus (in narrative mode)
    those the story's own dates pin down; relative ones ("gisteren", "on Friday", "18
    maart") need a reference day. `lang` is a language with a date table ('nl', 'en', ...)
    or None/'auto' to detect it; `mode` is 'news', 'narrative' or 'auto'.
    """
    if not isinstance(text, str):
        raise InputError("find_dates needs a str")
    lang = resolve_language(lang, text)
    return read_dates(text, as_reference(reference), lang, mode).mentions
