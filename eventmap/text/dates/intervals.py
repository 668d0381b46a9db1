"""Calendar intervals: what a normalised date expression becomes (day, week, month, season, year ...).

Every expression is an inclusive interval [start, end] with a precision (day, week, month,
year: eventmap.model.PRECISIONS) and a TimeML-style value ("2025-03-18", "2025-W11",
"2025-03", "1940-SU", "2025-Q3", "2025-H1", "2025", "199" for the 1990s, "18" for the 19th century, "a/b" for a
range). Years run from 1 to 9999 (datetime's range).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

MIN_YEAR, MAX_YEAR = 1, 9999
FROM_REFERENCE = ("relative", "anaphoric")  # the bases counted from the reference day


@dataclass(slots=True, unsafe_hash=True)  # not frozen: built faster (see text/sentences.py Sentence)
class Norm:
    """A normalised expression. `basis` says what it was resolved from:
    'explicit' (it names its year), 'calendar' (a day or month without a year, placed by
    the nearest year or the story's year), 'ahead' (the same, placed in the year ahead because
    its clause speaks of the future), 'relative' (counted from the reference day),
    'focus' (counted from the story's last date: "two years later", "the following spring")
    or 'anaphoric' (a phrase that counts from the story, "the following month", placed from
    the reference day because no date of the story was at hand)."""

    value: str
    precision: str
    start: date
    end: date
    basis: str = "explicit"
    time: str | None = None  # a part of the day the expression names ("maandagavond": evening)

    @property
    def relative(self) -> bool:
        return self.basis in ("relative", "focus", "anaphoric")

    @property
    def from_reference(self) -> bool:
        """Counted from the reference day: it says nothing of the year a story is in."""
        return self.basis in FROM_REFERENCE


def valid_year(year: int | None) -> bool:
    return year is not None and MIN_YEAR <= year <= MAX_YEAR


def day_interval(d: date, basis: str = "explicit") -> Norm:
    return Norm(d.isoformat(), "day", d, d, basis)


def week_interval(d: date, basis: str = "relative") -> Norm:
    iso = d.isocalendar()
    monday = d - timedelta(days=d.weekday())
    return Norm(f"{iso.year:04d}-W{iso.week:02d}", "week", monday, monday + timedelta(days=6), basis)


def month_interval(year: int, month: int, basis: str = "explicit") -> Norm | None:
    if not valid_year(year):
        return None
    last = calendar.monthrange(year, month)[1]
    return Norm(f"{year:04d}-{month:02d}", "month", date(year, month, 1), date(year, month, last), basis)


def year_interval(year: int, basis: str = "explicit") -> Norm | None:
    if not valid_year(year):
        return None
    return Norm(f"{year:04d}", "year", date(year, 1, 1), date(year, 12, 31), basis)


def years_interval(first: int, last: int, value: str, basis: str = "explicit") -> Norm | None:
    """Several whole years: a range "1914/1918", a decade "191", a century "18"."""
    if not (valid_year(first) and valid_year(last)) or last < first:
        return None
    return Norm(value, "year", date(first, 1, 1), date(last, 12, 31), basis)


# Meteorological seasons of the northern hemisphere (TimeML codes); winter runs into the next year.
SEASONS: dict[str, tuple[str, int]] = {
    "spring": ("SP", 3),
    "summer": ("SU", 6),
    "autumn": ("FA", 9),
    "winter": ("WI", 12),
}


def season_interval(year: int, season: str, basis: str = "explicit") -> Norm | None:
    """Three months from the season's first month: 'summer 1940' = June..August 1940."""
    code, first_month = SEASONS[season]
    end_year, end_month = shift_month(year, first_month, 2)
    if not (valid_year(year) and valid_year(end_year)):
        return None
    last = calendar.monthrange(end_year, end_month)[1]
    return Norm(
        f"{year:04d}-{code}", "month", date(year, first_month, 1), date(end_year, end_month, last), basis
    )


YEAR_PARTS: dict[str, tuple[str, int]] = {"quarter": ("Q", 3), "half": ("H", 6)}  # TimeML code, months


def part_interval(year: int, part: str, n: int, basis: str = "explicit") -> Norm | None:
    """The n-th quarter or half of a year: 'Q3 2024' = July..September 2024 ('2024-Q3')."""
    code, months = YEAR_PARTS[part]
    if not (valid_year(year) and 1 <= n <= 12 // months):
        return None
    first = (n - 1) * months + 1
    last = first + months - 1
    return Norm(
        f"{year:04d}-{code}{n}",
        "month",
        date(year, first, 1),
        date(year, last, calendar.monthrange(year, last)[1]),
        basis,
    )


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def add_days(d: date, days: int) -> date | None:
    try:
        return d + timedelta(days=days)
    except OverflowError:
        return None


def day_range(first: date, last: date, basis: str) -> Norm | None:
    """Several days 'a/b' (at most a year long)."""
    if not first < last or (last - first).days > 366:
        return None
    return Norm(f"{first.isoformat()}/{last.isoformat()}", "day", first, last, basis)


def safe_date(year: int, month: int, day: int) -> date | None:
    """date(year, month, day), or None for '31 februari' or a year out of range."""
    if not valid_year(year):
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def nearest_year(ref: date, month: int, day: int | None, future_ok: bool) -> int | None:
    """The year putting (month, day) nearest to ref; future distances count double unless future_ok."""
    best: tuple[float, int] | None = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        if not valid_year(year):
            continue
        if day is None:
            diff = (year * 12 + month) - (ref.year * 12 + ref.month)
        else:
            d = safe_date(year, month, day)
            if d is None:
                continue
            diff = (d - ref).days
        cost = -diff if diff <= 0 else diff * (1 if future_ok else 2)
        if best is None or cost < best[0]:
            best = (cost, year)
    return None if best is None else best[1]
