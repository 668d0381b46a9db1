"""Rules for expressions that name the calendar: days, months, day and month ranges, seasons (years: rules_years).

One rule per expression shape (the `shape` of dates/patterns.py). A rule returns a Norm,
a list of (start, end, Norm) when the expression lists several dates ("in 1990 and 1991",
"14 en 18 maart"), or None when the candidate is not a date after all.

Without a year, a day or month is placed by `place_year`: in narrative mode in the year
the story is in (its last named year); otherwise in the year nearest to the reference
day, the past preferred, unless the clause speaks of the future (then the next one, with
basis 'ahead': a past-tense verb elsewhere in the sentence does not move it back).
"""

from __future__ import annotations

import re
from datetime import date

from eventmap.text.dates.context import (
    Ctx,
    follows,
    future_context,
    in_pluperfect,
    next_word,
    prev_word,
    scheduled,
    writer_future,
)
from eventmap.text.dates.intervals import (
    Norm,
    day_interval,
    day_range,
    month_interval,
    nearest_year,
    safe_date,
    season_interval,
)

FUTURE_YEARS = 10  # a bare year may lie at most this far after the reference ...
FAR_TARGET_YEARS = 40  # ... or this much further after "by", "until", "tegen" ...
PLAIN_YEAR_MIN = 1800  # a bare number below this is a year only in date context ("in 1775")
STORY_YEAR_SPAN = 50  # ... or, in a narrative, this close to the years the story is in
ROLLOVER_MONTHS = 3  # in a narrative, "In January" this close after "December 1939" is in 1940
RANGE_MAX_YEARS = 200
# what may stand between a year and the day or month it holds: a comma, at most two short words
DAY_OR_MONTH = re.compile(r"\d{4}-\d\d")
YEAR_JOIN_RE = re.compile(r"[\s,]*(?:[^\W\d]{1,4}[\s,]+){0,2}")
Result = Norm | list[tuple[int, int, Norm]] | None


def place_year(ctx: Ctx, month: int, day: int | None, weekday: int | None = None) -> tuple[int, str] | None:
    """(year, basis) for a day or month named without its year (see the module docstring).
    Right after a year ("Last year in October", "vorig jaar oktober", "In 2019, on 3 May")
    it is in that year."""
    frame = ctx.frame
    m = ctx.match
    if frame.year_here is not None and _held_by_year(ctx, frame.year_here, month, day, weekday):
        return frame.year_here[0], "calendar"
    if (
        frame.mode == "narrative"
        and frame.focus_year is not None
        and not (frame.ref is not None and writer_future(ctx, m.start()))
    ):
        year = frame.focus_year
        focus = frame.focus
        if (
            focus is not None
            and focus.start.year == year
            and (month, day or 1) < (focus.start.month, focus.start.day)
            and (_after_until(ctx) or _rolls_over(ctx, focus, month))
        ):
            year += 1  # "in late November ... until April", "December 1939 ... In January": the next one
        if weekday is not None and day is not None:  # "Tuesday, June 10": the nearest year that fits
            for y in (year, year + 1, year - 1):
                d = safe_date(y, month, day)
                if d is not None and d.weekday() == weekday:
                    return y, "calendar"
        return year, "calendar"
    ref = frame.ref
    if ref is None:
        return None
    if _after_since(ctx) and not follows(ctx, ctx.vocab.from_set):  # "since March": begun by now
        d = safe_date(ref.year, month, day or 1)
        return (ref.year if d is not None and d <= ref else ref.year - 1), "calendar"
    future = future_context(ctx, m.start(), m.end()) or scheduled(ctx, m.start(), m.end())
    if weekday is not None and day is not None:
        for y in sorted((ref.year, ref.year - 1, ref.year + 1), key=lambda y: abs(y - ref.year)):
            d = safe_date(y, month, day)
            if d is not None and d.weekday() == weekday:
                return y, "calendar"
    if future:
        for y in (ref.year, ref.year + 1):
            d = safe_date(y, month, day or 28)
            if d is not None and (d >= ref if day else (y, month) >= (ref.year, ref.month)):
                return y, "ahead"
    year = nearest_year(ref, month, day, future)
    return (year, "calendar") if year is not None else None


def _rolls_over(ctx: Ctx, focus: Norm, month: int) -> bool:
    """A history goes forward: a month at most ROLLOVER_MONTHS after the focus day or month
    (not a season, whose year is a convention) is in the next year, unless the sentence is in
    the pluperfect ("In January, Stalin had ...")."""
    if not DAY_OR_MONTH.match(focus.value) or not 1 <= (month - focus.start.month) % 12 <= ROLLOVER_MONTHS:
        return False
    return not in_pluperfect(ctx.lowered, ctx.match.start(), ctx.vocab, whole=True)


def _after_since(ctx: Ctx) -> bool:
    return follows(ctx, ctx.vocab.since_set)


def _after_until(ctx: Ctx) -> bool:
    return follows(ctx, ctx.vocab.until_set)


def _held_by_year(
    ctx: Ctx, year_here: tuple[int, int], month: int, day: int | None, weekday: int | None
) -> bool:
    """The year just read holds this day or month: only a comma or two short words between
    them, none of which joins a list or range ("in 2019, and on 17 March" names two dates),
    and a weekday that fits the day in that year."""
    year, end = year_here
    gap = ctx.lowered[end : ctx.match.start()]
    if not YEAR_JOIN_RE.fullmatch(gap):
        return False
    words = set(gap.replace(",", " ").split())
    vocab = ctx.vocab
    if words & set(vocab.list_joiners) or words & set(vocab.range_joiners):
        return False
    if weekday is not None and day is not None:
        d = safe_date(year, month, day)
        return d is not None and d.weekday() == weekday
    return True


def _year_of(ctx: Ctx, group: str = "y1") -> int | None:
    raw = ctx.group(group)
    return int(raw) if raw else None


def _month_ok(ctx: Ctx, group: str = "m1") -> int | None:
    """The month of a group; None when a capitalised language writes it in lowercase."""
    month = ctx.vocab.month(ctx.group(group))
    if month is None or (ctx.vocab.capitalised and not ctx.capitalised(group)):
        return None
    return month


def _that_year(ctx: Ctx) -> tuple[int, str] | None:
    """The year of "of that year", "того ж року", "des folgenden Jahres" (group `ana`): the
    story's year, or one off; "of last year", "dieses Jahres": the reference's, or one off."""
    v, frame, ref = ctx.vocab, ctx.frame, ctx.ref
    word = " ".join((ctx.group("ana") or "").lower().split())
    if word in v.anaphoric_rel_of and frame.focus_year is not None:
        return frame.focus_year + v.anaphoric_rel_of[word], "focus"
    if ref is None:
        return None
    return ref.year + v.anaphoric_rel_of.get(word, v.rel_of.get(word, 0)), "relative"


def norm_day(ctx: Ctx) -> Result:
    month = _month_ok(ctx)
    if month is None:
        return None
    day = int(ctx.group("d1n") or ctx.group("d1") or 0)  # "4 (17) березня": the Gregorian 17th
    weekday = None
    wd_start = ctx.match.start()
    head = ctx.lowered[wd_start : ctx.match.start("d1")].strip(" ,")
    if head:
        weekday = ctx.vocab.weekday(head.split()[0].strip(","))
    year = _year_of(ctx)
    basis = "explicit"
    if year is None and ctx.group("ana"):  # "1 грудня того ж року", "on 1 December of that year"
        placed = _that_year(ctx)
        if placed is None:
            return None
        year, basis = placed
    if year is None:
        placed = place_year(ctx, month, day, weekday)
        if placed is None:
            return None
        year, basis = placed
    d = safe_date(year, month, day)
    return day_interval(d, basis) if d else None


def norm_month(ctx: Ctx) -> Result:
    v = ctx.vocab
    month = _month_ok(ctx)
    if month is None:
        return None
    rel = ctx.group("rel")
    year = _year_of(ctx)
    word = ctx.group("m1") or ""
    if (
        word in v.ambiguous_months
        and year is None
        and not rel
        and not ctx.group("mod")
        and not ctx.group("ana")
    ):
        if prev_word(ctx.text, ctx.match.start()) not in v.month_context:
            return None  # "May" the verb or name, "the March on Washington"
    if year is not None:
        return month_interval(year, month)
    if ctx.group("ana"):  # "у грудні того ж року", "im Dezember desselben Jahres"
        placed = _that_year(ctx)
        return month_interval(placed[0], month, placed[1]) if placed else None
    frame, ref = ctx.frame, ctx.ref
    if rel in v.anaphoric_rel_of and frame.focus_year is not None:
        offset = v.anaphoric_rel_of[rel]
        focus = frame.focus
        whole_year = focus is None or not DAY_OR_MONTH.match(focus.value)  # "In 1429 ... the following May"
        focus_month = 1 if focus is None else focus.start.month
        year = frame.focus_year
        if offset > 0 and (whole_year or month <= focus_month):
            year += 1  # "the following March"
        elif offset < 0 and (whole_year or month >= focus_month):
            year -= 1
        return month_interval(year, month, "focus")
    if rel in v.rel_of and ref is not None:
        offset = v.rel_of[rel]
        if offset < 0:
            year = ref.year if month < ref.month else ref.year - 1
        elif offset > 0:
            year = ref.year if month > ref.month else ref.year + 1
        else:
            year = ref.year
        return month_interval(year, month, "relative")
    placed = place_year(ctx, month, None)
    if placed is None:
        return None
    return month_interval(placed[0], month, placed[1])


def norm_iso(ctx: Ctx) -> Result:
    d = safe_date(int(ctx.group("y1")), int(ctx.group("m1")), int(ctx.group("d1")))
    return day_interval(d) if d else None


def norm_numeric(ctx: Ctx) -> Result:
    """'18-03-2025', '3/18/13': day and month in the language's date order."""
    parts = [int(p) for p in _split_numeric(ctx.match.group(0))]
    order = ctx.vocab.date_order
    if order == "YMD":
        year, month, day = parts
    elif order == "MDY":
        month, day, year = parts
    else:
        day, month, year = parts
    if month > 12 and day <= 12 and order != "YMD":
        day, month = month, day  # '18/3/2025' in an MDY language
    if year < 100:
        ref_year = (ctx.ref or date.today()).year
        year += 2000 if 2000 + year <= ref_year + FUTURE_YEARS else 1900
    d = safe_date(year, month, day)
    return day_interval(d) if d and year >= PLAIN_YEAR_MIN else None


def _split_numeric(raw: str) -> list[str]:
    out, cur = [], ""
    for ch in raw:
        if ch.isdigit():
            cur += ch
        elif cur:
            out.append(cur)
            cur = ""
    return [*out, cur] if cur else out


def is_list(ctx: Ctx) -> bool:
    """'14 and 18 March', '1990 en 1991': a list, unless 'between' stands before it."""
    join = (ctx.group("join") or "").strip()
    if join not in ctx.vocab.list_joiners:
        return False
    return (ctx.group("from") or "") not in ctx.vocab.between_words


def _range_year(ctx: Ctx, month: int, day: int | None) -> tuple[int, str] | None:
    year = _year_of(ctx)
    if year is not None:
        return year, "explicit"
    return place_year(ctx, month, day)


def norm_range_days(ctx: Ctx) -> Result:
    month = _month_ok(ctx)
    if month is None:
        return None
    m = ctx.match
    d1, d2 = int(ctx.group("d1")), int(ctx.group("d2"))
    placed = _range_year(ctx, month, d1)
    if placed is None:
        return None
    year, basis = placed
    first, last = safe_date(year, month, d1), safe_date(year, month, d2)
    if first is None or last is None:
        return None
    if is_list(ctx):
        head = m.start("m1") if m.start("m1") < m.start("d1") else m.start("d1")
        return [
            (head, m.end("d1"), day_interval(first, basis)),
            (m.start("d2"), m.end(), day_interval(last, basis)),
        ]
    return day_range(first, last, basis)


def norm_range_dm(ctx: Ctx) -> Result:
    m1, m2 = _month_ok(ctx, "m1"), _month_ok(ctx, "m2")
    if not m1 or not m2:
        return None
    d1, d2 = int(ctx.group("d1")), int(ctx.group("d2"))
    placed = _range_year(ctx, m2, d2)
    if placed is None:
        return None
    year_end, basis = placed
    year_start = year_end - 1 if m1 > m2 else year_end
    first, last = safe_date(year_start, m1, d1), safe_date(year_end, m2, d2)
    if first is None or last is None:
        return None
    if is_list(ctx):
        m = ctx.match
        return [
            (m.start(), m.end("m1"), day_interval(first, basis)),
            (m.start("d2"), m.end(), day_interval(last, basis)),
        ]
    return day_range(first, last, basis)


def norm_numeric_dm(ctx: Ctx) -> Result:
    """'am 22.3.', 'vom 1.4.': a day and month in digits, placed like '22. März'."""
    month, day = int(ctx.group("mm")), int(ctx.group("d1"))
    placed = place_year(ctx, month, day)
    if placed is None:
        return None
    d = safe_date(placed[0], month, day)
    return day_interval(d, placed[1]) if d else None


def norm_range_months(ctx: Ctx) -> Result:
    """'from July to September 1941', 'вересні–жовтні 1939 року': the months from the first to
    the last (value "1941-07/1941-09"); the first is in the year before when it comes later in
    the calendar ("from November to February 1942"). 'between May and July' is a range too."""
    m1, m2 = _month_ok(ctx, "m1"), _month_ok(ctx, "m2")
    if not m1 or not m2 or m1 == m2 or is_list(ctx):
        return None
    if not ctx.group("from") and not re.fullmatch(r"[-–—]", (ctx.group("join") or "").strip()):
        return None  # "June to July": a range needs "from" or a dash ("вересні–жовтні")
    wrap = 1 if m1 > m2 else 0
    if ctx.group("ana"):  # "у січні-березні поточного року", "from May to July of that year"
        placed = _that_year(ctx)
        if placed is None:
            return None
        year_end, basis = placed
        year_start = year_end - wrap
    elif _year_of(ctx) is None and ctx.frame.mode == "narrative":  # the story goes on from its first month
        placed = place_year(ctx, m1, None)
        if placed is None:
            return None
        year_start, basis = placed
        year_end = year_start + wrap
    else:  # news: the end is the month nearest the day of writing
        placed = _range_year(ctx, m2, None)
        if placed is None:
            return None
        year_end, basis = placed
        year_start = year_end - wrap
    first, last = month_interval(year_start, m1, basis), month_interval(year_end, m2, basis)
    if first is None or last is None:
        return None
    value = f"{first.value}/{last.value}"
    return Norm(value, "month", first.start, last.end, basis)


def norm_season(ctx: Ctx) -> Result:
    """'the summer of 1940', 'last winter', 'the following spring', 'in het voorjaar'."""
    v, frame, ref = ctx.vocab, ctx.frame, ctx.ref
    season = v.season_of[ctx.group("season")]
    year = _year_of(ctx) or _year_of(ctx, "y2")
    rel = ctx.group("rel") or ""
    if rel in v.rel_after_of and rel not in v.rel_of and rel not in v.anaphoric_rel_of:
        rel = next(w for w, o in v.rel_of.items() if o == v.rel_after_of[rel])  # "été dernier"
    if year is not None:
        return season_interval(year, season)
    if ctx.group("ana"):  # "the summer of that year"
        placed = _that_year(ctx)
        return season_interval(placed[0], season, placed[1]) if placed else None
    if not rel:
        m = ctx.match
        before, after = prev_word(ctx.text, m.start()), next_word(ctx.text, m.end())
        adverb = ctx.group("season") in v.season_adverbs  # "восени", "осенью": "in autumn"
        if (before not in v.season_context_words and not adverb) or after in v.month_year_joiners:
            return None  # "stocks fall", "the fall of Rome"
    first_month = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}[season]
    if rel in v.anaphoric_rel_of or (frame.mode == "narrative" and frame.focus_year is not None):
        if frame.focus_year is None:
            return None
        offset = v.anaphoric_rel_of.get(rel, 0)
        focus = frame.focus
        year = frame.focus_year
        # "the following spring" begins after the focus ends ("in 1939": spring 1940), "the
        # previous winter" before it begins
        if offset > 0 and first_month <= (focus.end.month if focus and focus.end.year == year else 1):
            year += 1
        elif offset < 0 and first_month >= (focus.start.month if focus else 1):
            year -= 1
        return season_interval(year, season, "focus")
    if ref is None:
        return None
    if rel in v.rel_of:
        offset = v.rel_of[rel]
        year = ref.year if first_month <= ref.month else ref.year - 1  # the latest one begun
        if offset == 0 and season != "winter":
            year = ref.year  # "this summer" said in March is the coming one; a winter spans two years
        if offset < 0:  # "last spring" is the latest one over, "позаминулої весни" the one before
            latest = season_interval(year, season)
            year = (year if latest and latest.end < ref else year - 1) + offset + 1
        elif offset > 0:
            year += offset
        return season_interval(year, season, "relative")
    placed = place_year(ctx, first_month, None)
    if placed is None:
        return None
    year = ref.year if first_month <= ref.month else ref.year - 1
    current = season_interval(year, season)
    if current is not None and current.start <= ref <= current.end:
        return season_interval(year, season, placed[1])  # "na de zomer", written in July: this summer
    return season_interval(placed[0], season, placed[1])
