"""Rules for expressions that name years: plain and spelled-out years, year ranges, decades, centuries.

Split from rules_calendar (days, months, seasons), whose constants say how far a bare year
may lie from the reference day and when a bare number is a year at all ("in 1775": only in
date context below PLAIN_YEAR_MIN, or near the years a narrative is in).
"""

from __future__ import annotations

from datetime import date

from eventmap.text.dates.context import Ctx, in_date_context, is_quantity, next_word, prev_word
from eventmap.text.dates.intervals import MAX_YEAR, year_interval, years_interval
from eventmap.text.dates.rules_calendar import (
    FAR_TARGET_YEARS,
    FUTURE_YEARS,
    PLAIN_YEAR_MIN,
    RANGE_MAX_YEARS,
    STORY_YEAR_SPAN,
    Result,
    is_list,
)


def year_limit(ctx: Ctx, start: int) -> int:
    """The latest year a bare year may name: a plan may lie further ahead than an event."""
    ref = ctx.ref
    if ref is None:
        return MAX_YEAR if ctx.frame.mode == "narrative" else date.today().year + FUTURE_YEARS
    limit = ref.year + FUTURE_YEARS
    if prev_word(ctx.text, start) in ctx.vocab.target_year_set:
        limit += FAR_TARGET_YEARS  # "by 2030", "tegen 2050"
    return limit


def _year_ok(ctx: Ctx, year: int, start: int, end: int, context: bool, named: bool = False) -> bool:
    """`named`: the word for year follows ("до 2015 року"), so no quantity cue before counts."""
    if not 1 <= year <= year_limit(ctx, ctx.match.start()):
        return False
    if not named and is_quantity(ctx, start, end):
        return False
    return (
        year >= PLAIN_YEAR_MIN or context or in_date_context(ctx, ctx.match.start()) or _story_year(ctx, year)
    )


def _story_year(ctx: Ctx, year: int) -> bool:
    """In a narrative of the 17th century, "begannen 1643" is a year: it lies within
    STORY_YEAR_SPAN of the years the story has named (its last year, or the start of the
    span of years it named last)."""
    frame = ctx.frame
    if frame.mode != "narrative" or year < 1000:
        return False
    story = frame.focus_year
    if story is None and frame.focus is not None:
        story = frame.focus.start.year  # only a span so far: "Der Krieg (1756–1763) ... Aachen 1748"
    return story is not None and abs(year - story) <= STORY_YEAR_SPAN


def _short_year(ctx: Ctx, year: int) -> bool:
    """'the year 800', 'In 800, Charlemagne ...', 'in 843 the empire ...': in a narrative, a
    three-digit number is a year after a ``short_year_words`` 'always' word, or after a
    'clause' word when a clause ends after it or the story is in its years already."""
    m, v = ctx.match, ctx.vocab
    before = prev_word(ctx.lowered, m.start())
    if ctx.frame.mode != "narrative" or before not in v.short_year_clause | v.short_year_always:
        return False
    if before in v.short_year_always:
        return True
    if ctx.text[m.end() : m.end() + 1] in (",", ";", ":", ")") or ctx.text[m.end() : m.end() + 2] in (
        ". ",
        ".\n",
    ):
        return True
    focus = ctx.frame.focus_year
    return focus is not None and abs(year - focus) <= STORY_YEAR_SPAN


def norm_year(ctx: Ctx) -> Result:
    era = ctx.group("era")
    if era and era in ctx.vocab.era_bc:
        return None  # years before Christ are not on this calendar
    year = int(ctx.group("y1"))
    m = ctx.match
    if len(ctx.group("y1")) < 4 and not era and not _short_year(ctx, year):
        return None
    suffixed = next_word(ctx.lowered, m.end("y1")) in ctx.vocab.year_suffixes  # "1621 року", "1621 года"
    suffixed = suffixed or (not era and _opens_sentence(ctx, m.start("y1"), m.end("y1")))
    if not _year_ok(
        ctx, year, m.start("y1"), m.end("y1"), bool(era or ctx.group("mod") or suffixed), suffixed
    ):
        return None
    return year_interval(year)


def norm_year_range(ctx: Ctx) -> Result:
    m = ctx.match
    y1, raw2 = int(ctx.group("y1")), ctx.group("y2")
    if len(raw2) == 2:
        if ctx.text[m.end("y1") : m.start("y2")].strip() not in ("-", "–", "—", "/"):
            return None
        y2 = y1 // 100 * 100 + int(raw2)
    else:
        y2 = int(raw2)
    context = bool(ctx.group("from") or ctx.group("mod")) or _bracketed(ctx)
    if not _year_ok(ctx, y1, m.start("y1"), m.end("y1"), True) or not (
        _years_of_range(ctx, m.end()) or _year_ok(ctx, y2, m.start("y2"), m.end(), True)
    ):
        return None
    if is_list(ctx):
        one, two = year_interval(y1), year_interval(y2)
        if one is None or two is None or y1 == y2:
            return None
        return [(m.start("y1"), m.end("y1"), one), (m.start("y2"), m.end(), two)]
    if not y1 < y2 or y2 - y1 > RANGE_MAX_YEARS:
        return None
    if (
        not context
        and min(y1, y2) < PLAIN_YEAR_MIN
        and not in_date_context(ctx, m.start())
        and not _story_year(ctx, min(y1, y2))
    ):
        return None
    return years_interval(y1, y2, f"{y1:04d}/{y2:04d}")


def _years_of_range(ctx: Ctx, end: int) -> bool:
    """'1710–1711 років', 'в 1941–1945 годах': the word for years after a span of years names
    them (not "1500–2000 років тому", a quantity counted back)."""
    v = ctx.vocab
    after = ctx.lowered[end:].split(None, 2)
    if not after or v.unit_of.get(after[0].strip(".,;:")) != "year":
        return False
    return len(after) < 2 or after[1].strip(".,;:") not in v.ago["after"]


def _opens_sentence(ctx: Ctx, start: int, end: int) -> bool:
    """'1429 befreite Jeanne Orléans.': in a language whose style spells out other numbers at a
    sentence's start (``sentence_initial_years``), a four-digit one there before a lowercase
    word is a year ("1500 Soldaten" is a quantity)."""
    if not ctx.vocab.sentence_initial_years or end - start != 4:
        return False
    before = ctx.text[max(0, start - 3) : start].rstrip(" ")
    if before and before[-1] not in ".!?\n":
        return False
    after = ctx.text[end : end + 2]
    return after[:1] == " " and after[1:2].islower()


def _bracketed(ctx: Ctx) -> bool:
    """'Der Siebenjährige Krieg (1756–1763)': a span of years in brackets after a name is a
    period of time (a war, a reign, a life), whatever century it is in."""
    m = ctx.match
    return ctx.text[m.start() - 1 : m.start()] == "(" and ctx.text[m.end() : m.end() + 1] == ")"


def norm_decade(ctx: Ctx) -> Result:
    """'the 1990s', "de jaren 1990's", "les années 90", 'de jaren negentig', "de jaren '90":
    ten years, TimeML value '199'. Two digits or a word name a decade of the 1900s."""
    raw = ctx.group("y1")
    if raw and len(raw) >= 3:
        first = int(raw)
    else:
        tens = int(raw or ctx.group("yy") or 0) or ctx.vocab.numbers.get(ctx.group("tens") or "", 0)
        if not tens:
            return None
        first = 1900 + tens  # "90er", "90-х", "jaren negentig": the 1920s to the 1990s
    return years_interval(first, first + 9, f"{first // 10:03d}")


def norm_century(ctx: Ctx) -> Result:
    """'the 19th century', 'de negentiende eeuw': a hundred years, TimeML value '18'."""
    raw = ctx.group("n")
    n = int(raw) if raw else ctx.vocab.century_ordinals.get(ctx.group("nword") or "")
    if not n or not 1 <= n <= 100:
        return None
    first = max(1, (n - 1) * 100)
    return years_interval(first, (n - 1) * 100 + 99, f"{n - 1:02d}")


def norm_spelled_year(ctx: Ctx) -> Result:
    """'nineteen ninety-eight' = 1998, 'two thousand and eight' = 2008 (transcripts)."""
    sp = ctx.vocab.spelled_years
    m = ctx.match
    if ctx.group("th"):
        lo_raw = ctx.group("lo2")
        year = 2000 + (_spelled_number(sp, lo_raw) if lo_raw else 0)
        if not lo_raw and not in_date_context(ctx, m.start()):
            return None
    else:
        hi = sp.get("teens", {}).get(ctx.group("hi"), 0)
        lo = _spelled_number(sp, ctx.group("lo"))
        year = hi * 100 + lo
    if not _year_ok(ctx, year, m.start(), m.end(), True):
        return None
    return year_interval(year)


def _spelled_number(sp: dict, raw: str) -> int:
    words = raw.replace("-", " ").split()
    tables = [sp.get(k, {}) for k in ("tens", "units", "teens_units")]
    total = 0
    for w in words:
        for table in tables:
            if w in table:
                total += table[w]
                break
    return total
