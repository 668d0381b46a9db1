"""ISO week numbers: "KW 12", "in der 12. Kalenderwoche 2025", "in week 12" (precision week).

German and Dutch planning, traffic and business news count weeks by their ISO number (week 1
holds the year's first Thursday; weeks run Monday..Sunday). The words are the `week_numbers`
entry of a language's date table: words `before` the number ("KW 12", "Kalenderwoche 12"),
words `after` an ordinal ("12. Kalenderwoche"), and `guarded` words ("week") read only after
one of the entry's `prepositions` ("in week 12", "vanaf week 12") and not before a
`not_then` phrase ("week 12 van de competitie" is a season's week). A week named without its
year is placed like a month without one: the nearest, the past preferred unless the clause
speaks of the future or schedules it.
"""

from __future__ import annotations

from datetime import date, timedelta

from eventmap.text.dates.context import Ctx, future_context, next_word, prev_words, scheduled
from eventmap.text.dates.intervals import Norm, valid_year


def iso_week(year: int, n: int, basis: str) -> Norm | None:
    """The ISO week `n` of `year` (None when that year has no such week)."""
    if not valid_year(year) or not 1 <= n <= 53:
        return None
    try:
        monday = date.fromisocalendar(year, n, 1)
    except ValueError:  # week 53 of a year with 52
        return None
    return Norm(f"{year:04d}-W{n:02d}", "week", monday, monday + timedelta(days=6), basis)


def norm_week_number(ctx: Ctx) -> Norm | None:
    v, m = ctx.vocab, ctx.match
    table = v.week_number
    word = " ".join((ctx.group("wk") or "").split())
    if word in table["guarded"]:
        before = prev_words(ctx.text, m.start(), 3)
        if not any(" ".join(before[k:]) in table["prepositions"] for k in range(len(before))):
            return None  # "week 12" alone: a season's or a pregnancy's week as often as a date
        rest = ctx.lowered[m.end() : m.end() + 30].split()
        if any(" ".join(rest[: len(p.split())]) == p for p in table["not_then"]):
            return None  # "in week 12 van de competitie"
    n = int(ctx.group("n")) if ctx.group("n") else v.century_ordinals[ctx.group("nword")]
    named = ctx.group("y1") or ctx.group("y2")
    if named:
        return iso_week(int(named), n, "explicit")
    ref = ctx.ref if ctx.frame.mode != "narrative" else None
    if ref is None:
        return None
    if next_word(ctx.text, m.end())[:1].isdigit():
        return None  # "KW 12 2024" read its year; another number after it is no year of it
    ahead = future_context(ctx, m.start(), m.end()) or scheduled(ctx, m.start(), m.end())
    best: tuple[float, Norm] | None = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        week = iso_week(year, n, "calendar")
        if week is None:
            continue
        if ahead and week.end >= ref:
            return Norm(week.value, week.precision, week.start, week.end, "ahead")
        diff = (week.start - ref).days if week.start > ref else (min(week.end, ref) - ref).days
        cost = -diff if diff <= 0 else 2 * diff  # a future week must be less than half as far
        if best is None or cost < best[0]:
            best = (cost, week)
    return None if best is None else best[1]
