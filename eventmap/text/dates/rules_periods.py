"""Rules for the parts of a year and feast days: "the third quarter", "Q3 2024", "met Pasen".

A quarter or half without its year is placed like a month without one (rules_calendar
`place_year`: the nearest, the past preferred unless the clause speaks of the future; in a
narrative the story's year). A half needs its year ("the first half of 2024", "de eerste
helft van dit jaar") unless its word names a half-year ("jaarhelft", "Halbjahr"): "the
first half" alone is mostly a match's. A feast day without a year needs a preposition
before it ("on Christmas Day", "met kerst"): "the Christmas market" is no date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter

from eventmap.text.dates import rules_calendar as cal
from eventmap.text.dates.context import Ctx, future_context, next_word, prev_word, scheduled
from eventmap.text.dates.intervals import (
    YEAR_PARTS,
    Norm,
    day_interval,
    month_interval,
    part_interval,
    safe_date,
    shift_month,
    valid_year,
)
from eventmap.text.dates.rules_calendar import Result, norm_day, norm_month
from eventmap.text.dates.vocab import Holiday, Vocab


def _span_before(ctx: Ctx, norm: Norm) -> Norm:
    """'the three months ended March 31', 'de twaalf maanden tot en met juni': the span of N
    months or weeks that ends with the day or month (value "a/b", at the unit's precision)."""
    v = ctx.vocab
    if not v.span_end_re:
        return norm
    m = v.span_end_re.search(ctx.lowered, max(0, ctx.match.start() - 60), ctx.match.start())
    if m is None:
        return norm
    n = v.number(m.group("n"))
    unit = v.unit_of.get(m.group("unit"))
    if not n or unit not in ("week", "month", "quarter", "year"):
        return norm
    if unit == "week":
        first = norm.end - timedelta(days=7 * n - 1)
    else:
        months = n * {"month": 1, "quarter": 3, "year": 12}[unit]
        year, month = shift_month(norm.end.year, norm.end.month, 1 - months)
        first = date(year, month, 1) if norm.end.day >= 28 or norm.precision == "month" else None
        if first is None:  # "the 12 months to June 15": from the day after, a year back
            y2, m2 = shift_month(norm.end.year, norm.end.month, -months)
            first = (safe_date(y2, m2, norm.end.day) or date(y2, m2, 28)) + timedelta(days=1)
    if not valid_year(first.year):
        return norm
    precision = "week" if unit == "week" else "month"
    return Norm(f"{first.isoformat()}/{norm.end.isoformat()}", precision, first, norm.end, norm.basis)


def norm_day_or_span(ctx: Ctx) -> Result:
    """A day (rules_calendar.norm_day), or the span that ends with it."""
    result = norm_day(ctx)
    return _span_before(ctx, result) if isinstance(result, Norm) else result


def norm_month_or_span(ctx: Ctx) -> Result:
    """A month (rules_calendar.norm_month), or the span that ends with it; a month without its
    year before more months that end with one takes that year ("in January and February
    1942", "January–March 1942")."""
    result = norm_month(ctx)
    if not isinstance(result, Norm):
        return result
    if result.basis in ("calendar", "ahead"):
        later = _months_then_year(ctx.vocab).match(ctx.lowered, ctx.match.end())
        if later is not None:
            year = int(later.group("year"))
            return month_interval(year, result.start.month) or result
    return _span_before(ctx, result)


@cache
def _months_then_year(v: Vocab) -> re.Pattern[str]:
    """More months after a joiner, the last with its year: ' and February 1942', '–March 1942'."""
    months = "|".join(re.escape(m) for m in sorted(v.month_of, key=len, reverse=True))
    joiners = "|".join(
        re.escape(w) for w in sorted({*v.list_joiners, *v.range_joiners}, key=len, reverse=True) if w
    )
    join = rf"(?:\s*(?:,|[-–—]|/)\s*|\s+(?:{joiners})\s+)" if joiners else r"\s*(?:,|[-–—]|/)\s*"
    suffix = "|".join(re.escape(w) for w in v.year_suffixes)
    return re.compile(
        rf"(?:{join}(?:{months})\.?){{1,11}},?\s+(?P<year>\d{{4}})(?!\d)(?:\s*(?:{suffix}))?"
        if suffix
        else rf"(?:{join}(?:{months})\.?){{1,11}},?\s+(?P<year>\d{{4}})(?!\d)"
    )


def _tail_year(ctx: Ctx) -> tuple[int, str] | None:
    """The year of a tail such as "of last year", "van dit jaar": counted from the story's
    year in a narrative, else from the reference day."""
    offset = ctx.vocab.year_tail_of.get(" ".join((ctx.group("tail") or "").split()))
    if offset is None:
        return None
    frame = ctx.frame
    if frame.mode == "narrative" and frame.focus_year is not None:
        return frame.focus_year + offset, "focus"
    if ctx.ref is None:
        return None
    return ctx.ref.year + offset, "relative"


def _explicit_year(ctx: Ctx) -> int | None:
    if ctx.group("y1"):
        return int(ctx.group("y1"))
    if ctx.group("yy"):  # "Q3'24": the century of the reference day, else the 2000s
        century = ctx.ref.year // 100 * 100 if ctx.ref else 2000
        return century + int(ctx.group("yy"))
    return None


def _named_year(ctx: Ctx) -> tuple[int | None, str] | None:
    """(year, basis) the expression names: its own year, or its tail's ("of last year");
    (None, "explicit") when it names none; None when its tail's year cannot be placed."""
    year = _explicit_year(ctx)
    if year is None and ctx.group("tail"):
        return _tail_year(ctx)
    return year, "explicit"


def norm_year_part(ctx: Ctx) -> Result:
    """'the third quarter of 2024', 'Q3 2024', 'het eerste kwartaal', 'im zweiten Halbjahr'."""
    v = ctx.vocab
    if ctx.group("code"):
        part, needs_year = v.year_part_code_of[ctx.group("code")]
        n = int(ctx.group("n"))
    else:
        part, needs_year = v.year_part_of[" ".join(ctx.group("part").split())]
        n = v.year_part_ordinal_of[" ".join(ctx.group("ord").split())]
    count = 12 // YEAR_PARTS[part][1]
    if n < 0:  # "the final quarter of 2024": the last one; "last quarter" alone is the previous
        needs_year, n = True, count
    named = _named_year(ctx)
    if named is None:
        return None
    year, basis = named
    if year is None:
        if needs_year:
            return None
        placed = _part_year(ctx, (n - 1) * YEAR_PARTS[part][1] + 1, YEAR_PARTS[part][1])
        if placed is None:
            return None
        year, basis = placed
    return part_interval(year, part, n, basis)


def _part_year(ctx: Ctx, first: int, months: int) -> tuple[int, str] | None:
    """The year of a part named without one: the story's in a narrative; in news the latest
    one begun by the reference day ("profit rose in the fourth quarter", said in May), or,
    when the clause speaks of the future, the next one not yet over."""
    frame, ref = ctx.frame, ctx.ref
    if frame.mode == "narrative" and frame.focus_year is not None:
        return frame.focus_year, "calendar"
    if ref is None:
        return None
    if future_context(ctx, ctx.match.start(), ctx.match.end()):
        return (ref.year if first + months - 1 >= ref.month else ref.year + 1), "calendar"
    return (ref.year if first <= ref.month else ref.year - 1), "calendar"


def holiday_date(holiday: Holiday, year: int) -> date | None:
    """The day a feast falls on in a year (Easter by the Gregorian or the Orthodox reckoning)."""
    if not valid_year(year):
        return None
    if holiday.easter is not None:
        sunday = easter(year, EASTER_ORTHODOX if holiday.orthodox else EASTER_WESTERN)
        return sunday + timedelta(days=holiday.easter)
    try:
        day = date(year, holiday.month, holiday.day)
    except ValueError:
        return None
    if holiday.if_sunday and day.weekday() == 6:
        day += timedelta(days=holiday.if_sunday)
    return day


def norm_holiday(ctx: Ctx) -> Result:
    """'on Christmas Day 1914', 'met Pasen', 'last Christmas', 'an Heiligabend', 'на Різдво'."""
    v, ref = ctx.vocab, ctx.ref
    holiday = v.holiday_of[" ".join(ctx.group("hol").split())]
    after = next_word(ctx.text, ctx.match.end())
    if after in v.holiday_not_after:
        return None  # "Christmas Island", "Paaseiland"
    following = next_word(
        ctx.text, ctx.match.end() + (ctx.text[ctx.match.end() : ctx.match.end() + 1] == ",")
    )
    if not ctx.group("y1") and (following[:1].isdigit() or v.month(following) is not None):
        return None  # "Easter Sunday, April 16, 1949": the date that follows says the day
    rel = " ".join((ctx.group("rel") or "").split())
    named = _named_year(ctx)
    if named is None:
        return None
    year, basis = named
    if year is None and rel:
        return _relative_holiday(ctx, holiday, rel)
    if year is None:
        if prev_word(ctx.text, ctx.match.start()) not in v.holiday_prepositions:
            return None
        base_year = ref.year if ref else ctx.frame.focus_year
        this = holiday_date(holiday, base_year) if base_year is not None else None
        if this is None:
            return None  # no day to count from and no year the story is in
        placed = cal.place_year(ctx, this.month, this.day)
        if placed is None:
            return None
        year, basis = placed
    day = holiday_date(holiday, year)
    return day_interval(day, basis) if day else None


def _relative_holiday(ctx: Ctx, holiday: Holiday, rel: str) -> Norm | None:
    """'last Christmas' (the latest before the reference day), 'this Easter', 'next Christmas'."""
    v, ref = ctx.vocab, ctx.ref
    offset = v.rel_of.get(rel)
    if offset is None or ref is None:
        return None
    days = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := holiday_date(holiday, y))]
    if offset < 0:
        pick = [d for d in days if d < ref][-1:]
    elif offset > 0:
        pick = [d for d in days if d > ref][:1]
    else:
        pick = [d for d in days if d.year == ref.year]
    return day_interval(pick[0], "relative") if pick else None


def norm_day_alone(ctx: Ctx) -> Result:
    """'On the 26th, the Soviets ...', 'Am 26. griffen ...', 'Le 14, les Allemands ...': a day
    of the month the story is in (the next month's when the story's day is later), else of
    the reference's month (the last one, unless the clause speaks of the future). Not before
    a month, a number or a range word ("am 26. und 27. März" is a range's)."""
    v, m = ctx.vocab, ctx.match
    day = int(ctx.group("d1"))
    after = ctx.text[m.end() : m.end() + 40]
    word = next_word(ctx.text, m.end())
    following = re.findall(r"[^\W\d_]+\.?", after)[1:2]  # "on the 14th of March"
    month_next = word in v.day_month_joiners and bool(following) and v.month(following[0]) is not None
    if (
        v.month(word) is not None
        or month_next
        or word[:1].isdigit()
        or word in (*v.range_joiners, *v.list_joiners)
    ):
        return None  # "on the 14th of March" is the day pattern's
    if not _then_ok(v, after.lstrip(), word):
        return None
    frame, ref = ctx.frame, ctx.ref
    focus = frame.focus
    if focus is not None and not focus.from_reference and cal.DAY_OR_MONTH.match(focus.value):
        year, month = focus.start.year, focus.start.month
        if focus.precision == "day" and day < focus.start.day:
            year, month = shift_month(year, month, 1)  # "on the 28th ... On the 3rd"
        basis = "calendar"
    elif ref is not None:
        year, month, basis = ref.year, ref.month, "relative"
        future = future_context(ctx, m.start(), m.end()) or scheduled(ctx, m.start(), m.end())
        if day > ref.day and not future:
            year, month = shift_month(year, month, -1)
        elif day < ref.day and future:
            year, month = shift_month(year, month, 1)
    else:
        return None
    d = safe_date(year, month, day)
    return day_interval(d, basis) if d is not None else None


def _then_ok(v: Vocab, after: str, word: str) -> bool:
    """What follows a lone day: a comma or the like, or per ``day_alone.then`` a lowercase
    word (German: "Am 26. griffen", not "am 26. Parteitag") or a stop word (English)."""
    if after[:1] in ("", ",", ";", ":", ")", ".", "!", "?"):
        return True  # "The vote took place on the 14th."
    if v.day_alone_then == "lowercase":
        return after[:1].isalpha() and after[:1].islower()
    return v.day_alone_then == "stopword" and word in v.stopwords
