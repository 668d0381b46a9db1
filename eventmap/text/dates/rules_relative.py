"""Rules for expressions counted from a day: weekdays, "gisteren", "last week", "two years later".

News conventions (the reference day is the document's day):

* a weekday is the nearest such day on or before the reference (after it when the clause
  speaks of the future, with "next"/"komende", or "until Friday" when that is nearer);
* "last/this/next week|month|year" and "N units ago" count from the reference;
  "the last week" (with an article) is a duration, not a date;
* "N days later/earlier" counts from the story's last date in the same sentence; "two
  months later", "a year later" from the last date the text wrote (not one counted from the
  reference); "a year earlier", "the following year", "earlier in the year" from the last
  date the text named, else from the reference.

Narrative mode counts weekdays, "the following year" and "two years later" from the
story's focus (its last date) instead of the document's day (a weekday then lies on or
after the focus day); words that point at the writer's own day ("yesterday", "last year",
"three days ago") keep counting from the reference day when there is one.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from eventmap.text.dates.context import (
    FOCUS_PARAGRAPH,
    FOCUS_SAME_SENTENCE,
    Ctx,
    follows,
    future_context,
    next_word,
    past_context,
    present_context,
    prev_word,
)
from eventmap.text.dates.intervals import (
    Norm,
    add_days,
    day_interval,
    day_range,
    month_interval,
    part_interval,
    shift_month,
    week_interval,
    year_interval,
)

MAX_FOCUS_SPAN_DAYS = 7  # "the next day" counts from a span of days at most this long ("from 10 to 12 May")
_WS = re.compile(r"\s+")
_YEAR_SPAN = re.compile(r"\d{4}/\d{4}$")  # a span of named years: "1871/1914"
Result = Norm | list[tuple[int, int, Norm]] | None


def base_day(ctx: Ctx, deictic: bool = True) -> tuple[date, str] | None:
    """The day a relative expression counts from: the reference day; in narrative mode the
    story's day for weekdays (and for 'yesterday'-words when there is no reference)."""
    frame = ctx.frame
    story = frame.mode == "narrative" and frame.focus is not None and frame.focus.precision == "day"
    if story and (not deictic or frame.ref is None):
        return frame.focus.start, "focus"
    if frame.ref is not None:
        return frame.ref, "relative"
    return None


def _recent_focus(ctx: Ctx, same_sentence: bool) -> Norm | None:
    """The story's last date if it is near enough: in the same sentence, or anywhere before."""
    frame = ctx.frame
    if frame.focus is None:
        return None
    if frame.mode == "narrative" or not same_sentence:
        return frame.focus
    gap = ctx.text[frame.focus_end : ctx.match.start()]
    if len(gap) > FOCUS_SAME_SENTENCE or "\n" in gap or re.search(r"[.!?]\s", gap):
        return None
    return frame.focus


def _with_time(norm: Norm | None, part: str | None) -> Norm | None:
    if norm is None or part is None:
        return norm
    return Norm(norm.value, norm.precision, norm.start, norm.end, norm.basis, part)


def norm_weekday(ctx: Ctx) -> Result:
    v = ctx.vocab
    if v.capitalised and not ctx.capitalised("wd"):
        return None
    base = base_day(ctx, deictic=False)
    target = v.weekday(ctx.group("wd") or "")
    if base is None or target is None:
        return None
    day, basis = base
    rel, suf = ctx.group("rel"), ctx.group("suf")
    offset = v.weekday_rel_of.get(rel) if rel else v.weekday_suffix_of.get(suf) if suf else None
    back = (day.weekday() - target) % 7
    ahead = (target - day.weekday()) % 7
    part = v.day_part_of.get(ctx.group("part") or ctx.group("part2") or "")
    m = ctx.match
    if offset == -1:
        found = day - timedelta(days=back or 7)
    elif offset == 1:
        found = day + timedelta(days=ahead or 7)
    elif basis == "focus":
        found = day + timedelta(days=ahead)  # a story moves forward
    elif follows(ctx, v.since_set) and not follows(ctx, v.from_set):
        found = day - timedelta(days=back)  # "sinds maandag", "since Monday": whatever the tense
    elif ahead and (
        future_context(ctx, m.start(), m.end())
        or present_context(ctx, m.start(), m.end())
        or (follows(ctx, v.until_set) and ahead < back and not past_context(ctx, m.start(), m.end()))
        or (follows(ctx, v.target_day_set) and not past_context(ctx, m.start(), m.end()))
    ):
        found = day + timedelta(days=ahead)
    else:
        found = day - timedelta(days=back)
    return _with_time(day_interval(found, basis), part)


def norm_night_of(ctx: Ctx) -> Result:
    """'in de nacht van zaterdag op zondag': the two days, the first one as a weekday."""
    first = norm_weekday(ctx)
    if not isinstance(first, Norm):
        return None
    return _with_time(day_range(first.start, first.start + timedelta(days=1), first.basis), "night")


def norm_night_into(ctx: Ctx) -> Result:
    """'overnight into Sunday', 'the night to Friday': the weekday and the day before it."""
    last = norm_weekday(ctx)
    if not isinstance(last, Norm):
        return None
    return _with_time(day_range(last.start - timedelta(days=1), last.start, last.basis), "night")


def norm_week_weekday(ctx: Ctx) -> Result:
    """'vorige week dinsdag', 'last week Tuesday': that weekday in the named ISO week."""
    v = ctx.vocab
    base = base_day(ctx)
    target = v.weekday(ctx.group("wd") or "")
    if base is None or target is None:
        return None
    day, basis = base
    weeks = v.rel_of.get(ctx.group("rel") or "", 0)
    monday = day - timedelta(days=day.weekday()) + timedelta(days=7 * weeks)
    part = v.day_part_of.get(ctx.group("part") or "")
    return _with_time(day_interval(monday + timedelta(days=target), basis), part)


def norm_relword(ctx: Ctx) -> Result:
    """'gisteren', 'tonight', 'overnight' (the night just ended: two days; the coming one in a
    clause about the future, the entry's `ahead`)."""
    word = _WS.sub(" ", ctx.group("word") or "")
    entry = ctx.vocab.relative_day_of.get(word)
    base = base_day(ctx)
    if entry is None or base is None:
        return None
    day, basis = base
    offsets = (entry.first, entry.last)
    if entry.ahead is not None and future_context(ctx, ctx.match.start(), ctx.match.end()):
        offsets = entry.ahead  # "Most results are expected overnight": the coming night
    first, last = add_days(day, offsets[0]), add_days(day, offsets[1])
    if first is None or last is None:
        return None
    norm = day_interval(first, basis) if first == last else day_range(first, last, basis)
    return _with_time(norm, entry.part)


def _unit_base(ctx: Ctx, anaphoric: bool, offset: int = 0) -> tuple[date, int, str] | None:
    """(day, year, basis) that 'last/next/this <unit>' counts from."""
    frame = ctx.frame
    if anaphoric or (frame.mode == "narrative" and frame.ref is None):
        focus = frame.focus
        if focus is not None and not focus.from_reference and focus.start.year == focus.end.year:
            return focus.start, focus.start.year, "focus"  # not from a decade or a century
        if focus is not None and not focus.from_reference and _YEAR_SPAN.match(focus.value):
            year = (
                focus.end.year if offset >= 0 else focus.start.year
            )  # "zwischen 1871 und 1914. Im selben Jahr"
            return date(year, 1, 1), year, "focus"
        if frame.mode == "narrative" and frame.focus_year is not None:
            return date(frame.focus_year, 1, 1), frame.focus_year, "focus"
    if frame.ref is None:
        return None
    return frame.ref, frame.ref.year, "anaphoric" if anaphoric else "relative"


def unit_interval(unit: str, day: date, year: int, offset: int, basis: str) -> Norm | None:
    """This/last/next (offset 0/-1/+1) week, month, year or weekend around a day."""
    if unit == "week":
        moved = add_days(day, 7 * offset)
        return week_interval(moved, basis) if moved else None
    if unit == "month":
        return month_interval(*shift_month(day.year, day.month, offset), basis)
    if unit == "quarter":  # "last quarter", "dit kwartaal", "im laufenden Quartal"
        moved = shift_month(day.year, (day.month - 1) // 3 * 3 + 1, 3 * offset)
        return part_interval(moved[0], "quarter", (moved[1] - 1) // 3 + 1, basis)
    if unit == "year":
        return year_interval(year + offset, basis)
    if unit == "weekend":
        saturday = day - timedelta(days=day.weekday()) + timedelta(days=5 + 7 * offset)
        if offset == -1 and day.weekday() >= 5:
            saturday += timedelta(days=7)  # "last weekend" said on a Sunday: the one just ending
        return day_range(saturday, saturday + timedelta(days=1), basis)
    return None


def norm_relunit(ctx: Ctx) -> Result:
    v = ctx.vocab
    rel = _WS.sub(" ", ctx.group("rel") or "")
    unit = v.unit_of.get(ctx.group("unit") or "")
    anaphoric = rel in v.anaphoric_rel_of and not _writers_next(ctx, rel, unit)
    offset = v.anaphoric_rel_of[rel] if anaphoric else v.rel_of.get(rel, v.rel_after_of.get(rel))
    if ctx.group("ana"):  # "cette année-là": the story's year
        anaphoric, offset = True, 0
    if unit == "day" and anaphoric and offset:  # "the following day", "am folgenden Tag"
        return _focus_day(ctx, offset)
    if unit is None or offset is None:
        return None
    if not ctx.group("pre") and offset and not anaphoric:
        if prev_word(ctx.text, ctx.match.start()) in v.duration_determiners:
            return None  # "the last week", "de afgelopen week", "in the next year": a duration
    base = _unit_base(ctx, anaphoric, offset)
    if base is None:
        return None
    if unit == "weekend" and offset == 1 and not anaphoric and rel in v.coming_words:
        day = base[0]  # "komend weekend", "the coming weekend": the first one ahead
        saturday = day + timedelta(days=(5 - day.weekday()) % 7 or 7)
        return day_range(saturday, saturday + timedelta(days=1), base[2])
    return unit_interval(unit, *base[:2], offset, base[2])


def _writers_next(ctx: Ctx, rel: str, unit: str | None) -> bool:
    """Ukrainian "наступного місяця", Russian "в следующем году" are both "next month" and
    "the following month". In news they count from the writer's day unless the story sits
    at an earlier date it named and the clause does not speak of the future; "наступного
    дня" is always the story's next day."""
    frame = ctx.frame
    if rel not in ctx.vocab.rel_of or unit == "day" or frame.mode != "news" or frame.ref is None:
        return False
    focus = frame.focus
    if focus is None or focus.from_reference or focus.end >= frame.ref:
        return True
    return future_context(ctx, ctx.match.start(), ctx.match.end())


def norm_this_unit(ctx: Ctx) -> Result:
    """'earlier in the week', 'later deze week': the reference's own week."""
    phrase = ctx.group("word") or ""
    unit = next((u for form, u in _units_longest(ctx) if form in phrase.split()), None)
    base = _unit_base(ctx, False)
    if unit is None or base is None:
        return None
    return unit_interval(unit, *base[:2], 0, base[2])


def _units_longest(ctx: Ctx) -> list[tuple[str, str]]:
    return sorted(ctx.vocab.unit_of.items(), key=lambda kv: -len(kv[0]))


def norm_weekend(ctx: Ctx) -> Result:
    """'in het weekend', 'over the weekend': the most recent weekend (this one on a weekend day),
    the coming one when the clause speaks of the future ("Am Wochenende wird ... gerechnet")."""
    base = base_day(ctx)
    if base is None:
        return None
    day, basis = base
    saturday = day - timedelta(days=(day.weekday() - 5) % 7)
    if saturday + timedelta(days=1) < day and future_context(ctx, ctx.match.start(), ctx.match.end()):
        saturday += timedelta(days=7)
    return day_range(saturday, saturday + timedelta(days=1), basis)


def _shift(unit: str, day: date, n: int, precision: str, basis: str) -> Norm | None:
    """A day moved by n units, at the unit's precision (or coarser, when the day is vague)."""
    if unit == "day" and precision == "day":
        moved = add_days(day, n)
        return day_interval(moved, basis) if moved else None
    if unit in ("week", "fortnight") and precision in ("day", "week"):
        moved = add_days(day, 7 * n * (2 if unit == "fortnight" else 1))
        return week_interval(moved, basis) if moved else None
    if unit == "month" and precision in ("day", "week", "month"):
        return month_interval(*shift_month(day.year, day.month, n), basis)
    if unit == "year":
        return year_interval(day.year + n, basis)
    return None


def norm_ago(ctx: Ctx) -> Result:
    """'three days ago', 'twee jaar geleden'; 'two years later' counts from the story's date."""
    v = ctx.vocab
    n = v.number(ctx.group("n") or "") if ctx.group("n") is not None else 1  # "тиждень тому"
    unit = v.unit_of.get(ctx.group("unit") or "")
    word = ctx.group("word") or ""
    after = next_word(ctx.text, ctx.match.end())
    if not n or unit is None or after in v.comparison_words:
        return None
    if (word in v.preposition_words and after[:1].isalpha()) or after in v.preposition_words:
        return None  # "two days before the vote", "через два роки після аварії": from an event
    if word in v.ago["before"] or word in v.ago["after"]:
        base = base_day(ctx)
        if base is None:
            return None
        return _shift(unit, base[0], -n, "day", base[1])
    sign = 1 if word in v.later["before"] or word in v.later["after"] or word in v.hence_words else -1
    fine = unit in ("day", "week", "fortnight")
    focus = _recent_focus(ctx, same_sentence=True)
    if focus is not None and (fine or not focus.from_reference):
        return _shift(unit, _span_side(focus, sign), sign * n, focus.precision, "focus")
    story = ctx.frame.focus
    if sign > 0 and not fine and story is not None and not story.from_reference:
        # "The talks collapsed on May 2, 2019. ... Two months later, ...": from the date the
        # text wrote, in news too (a day "later" is left to the anchoring stage)
        return _shift(unit, _span_side(story, sign), n, story.precision, "focus")
    if word in v.hence_words and ctx.frame.mode == "news" and ctx.ref is not None:
        future = future_context(ctx, ctx.match.start(), ctx.match.end())
        if v.hence_needs_future and not future:
            return None  # "sold 1,000 cars in two weeks": a duration
        story = ctx.frame.focus
        later = word in v.later["before"]  # "через" is "in" and "later", "over", "dans" only "in"
        if later and not future and story is not None and not story.from_reference and story.end < ctx.ref:
            # "5 березня його затримали. Через три дні суд ...": after the story's day, not ahead
            return _shift(unit, story.start, n, story.precision, "focus")
        return _shift(unit, ctx.ref, n, "day", "relative")  # "over twee weken", "через два тижні"
    if not fine and sign < 0 and ctx.frame.mode == "news" and ctx.ref is not None:
        return _shift(unit, ctx.ref, -n, "day", "relative")  # "profit rose from a year earlier"
    return None  # "three days earlier" with nothing to count from: the anchoring stage decides


def _span_side(focus: Norm, sign: int) -> date:
    """The day of a span of days the story goes on from: its last day forward ("from 10 to 12
    May ... two days later", "у ніч з 26 на 27 червня ... того ж дня"), its first day back."""
    return focus.end if sign >= 0 and focus.precision == "day" else focus.start


def _focus_day(ctx: Ctx, offset: int) -> Norm | None:
    """The story's last day moved by `offset` days (None when the story names no day)."""
    focus = _recent_focus(ctx, same_sentence=False)
    if focus is None or focus.precision != "day" or (focus.end - focus.start).days > MAX_FOCUS_SPAN_DAYS:
        return None
    moved = add_days(_span_side(focus, offset), offset)
    return day_interval(moved, "focus") if moved else None


def norm_focus_day(ctx: Ctx) -> Result:
    """'am nächsten Tag', 'le lendemain', 'наступного дня': a day after the story's last day."""
    offset = ctx.vocab.focus_day_of.get(_WS.sub(" ", ctx.group("word") or ""))
    return None if offset is None else _focus_day(ctx, offset)


def _focus_or_ref(ctx: Ctx, *, paragraph: bool = False) -> tuple[date, str] | None:
    """The story's date an anaphoric phrase counts from, else the reference day. In news the
    story's date must be in the same sentence, or with `paragraph` (a definite "the year",
    "het jaar": the one just named) in the same paragraph, at most FOCUS_PARAGRAPH back, in
    a sentence that does not speak of the future."""
    focus = _recent_focus(ctx, same_sentence=ctx.frame.mode == "news")
    if focus is None and paragraph and ctx.frame.focus is not None:
        gap = ctx.text[ctx.frame.focus_end : ctx.match.start()]
        if (
            len(gap) <= FOCUS_PARAGRAPH
            and "\n\n" not in gap
            and not future_context(ctx, ctx.match.start(), ctx.match.end())
        ):  # a plan ("will ... by the end of the year") is of the writer's year
            focus = ctx.frame.focus
    if focus is not None and not focus.from_reference:
        return focus.start, "focus"
    if ctx.frame.mode == "narrative" and ctx.frame.focus_year is not None:
        return date(ctx.frame.focus_year, 1, 1), "focus"
    if ctx.ref is not None:
        return ctx.ref, "relative"
    return None


def norm_anaphoric(ctx: Ctx) -> Result:
    """'earlier in the year', 'by the end of the month': the year or month being told about."""
    core = _WS.sub(" ", ctx.group("core") or "")
    unit = next((u for form, u in _units_longest(ctx) if form in core.split()), None)
    # "the month", "the day": the writer's, or those of a date in the same sentence
    if unit == "day":
        return _the_day(ctx)
    base = _focus_or_ref(ctx, paragraph=unit == "year")
    if unit is None or base is None:
        return None
    day, basis = base
    return unit_interval(unit, day, day.year, 0, basis)


def _the_day(ctx: Ctx) -> Norm | None:
    """'ending the day', 'later in the day': the day just named in the paragraph ("Stocks fell
    on Monday ... ending the day at 7,114"), else the day of writing in news."""
    focus = ctx.frame.focus
    if focus is not None and "\n\n" not in ctx.text[ctx.frame.focus_end : ctx.match.start()]:
        if ctx.match.start() - ctx.frame.focus_end <= FOCUS_PARAGRAPH:
            if focus.precision == "day" and focus.start == focus.end:
                return day_interval(focus.start, "relative" if focus.from_reference else "focus")
            return None  # the story is told by the week or the month: no day to name
    if ctx.frame.mode == "news" and ctx.ref is not None:
        return day_interval(ctx.ref, "relative")
    return None


def norm_unit_end(ctx: Ctx) -> Result:
    """'by year-end', 'month-end', 'jaareinde': this year (month) of the story; 'heuer',
    'seit Jahresbeginn' (the table's `this_year`): its year."""
    phrase = ctx.group("word") or ""
    if phrase.lower() in ctx.vocab.this_year:
        unit = "year"
    else:
        unit = next((u for form, u in _units_longest(ctx) if form in phrase), None)
    base = _focus_or_ref(ctx)
    if unit not in ("year", "month") or base is None:
        return None
    return unit_interval(unit, base[0], base[0].year, 0, base[1])


def norm_year_ago(ctx: Ctx) -> Result:
    """'the year-ago quarter', 'a year earlier', 'het jaar ervoor': the year before the story's."""
    base = _focus_or_ref(ctx)
    if base is None:
        return None
    return year_interval(base[0].year - 1, base[1])
