"""Event dates: ISO days inside the calendar, signed whole years beyond it (BCE, deep time).

A date outside CALENDAR_YEARS cannot be a ``datetime.date``; an event then holds a signed
whole year written as a string ("-500", "-13800000000", "+12000") at year precision. This
module is the one place that knows both written forms; :mod:`eventmap.model` validates
events with it and re-exports its public names.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Any

# Years a calendar day (an ISO "YYYY-MM-DD" string, a datetime.date) can hold. A date outside
# them (BCE years, deep time such as TimelineJS's -13,800,000,000) is a signed whole year
# written as a string ("-500", "-13800000000", "+12000") with date_precision "year".
CALENDAR_YEARS: tuple[int, int] = (1, 9999)

# A whole year as an event date: signed ("-500", "+12000") or one to four digits ("0"); an
# unsigned longer number is not a year ("20250318" is a basic-format ISO day)
_YEAR = re.compile(r"[+-]\d+|\d{1,4}")


def is_year_date(value: str) -> bool:
    """Whether an event date string is a signed whole year (beyond CALENDAR_YEARS), not an ISO day."""
    if not value or "-" in value[1:]:  # an ISO day at once (views ask this 1,000,000 times)
        return False
    return _YEAR.fullmatch(value) is not None


def parse_event_date(value: Any, name: str = "date", *, end: bool = False) -> str | None:
    """An event date in its one written form, or ValueError naming `name`.

    ISO days ("2025-03-18"; a time after the day is dropped) stay as they are. A whole year
    (a number, or a string such as "-500" or "-13800000000") inside CALENDAR_YEARS becomes
    its first day, or its last when `end`; outside them it stays a signed year string.
    """
    if value in (None, ""):
        return None
    if isinstance(value, bool):
        raise ValueError(f"{name} {value!r} is not a date")
    if isinstance(value, (int, float)):
        if value != value or value in (float("inf"), float("-inf")) or value != int(value):
            raise ValueError(f"{name} {value!r} is not a whole year")
        return year_text(int(value), end=end)
    try:
        return _date_text(str(value), end)
    except ValueError:
        raise ValueError(
            f"{name} {value!r} is not a valid ISO date (YYYY-MM-DD) or a whole year such as -500"
        ) from None


@lru_cache(maxsize=65536)
def _date_text(value: str, end: bool) -> str:
    """parse_event_date of a string (cached: a corpus has far fewer distinct dates than events)."""
    s = value.strip()
    if _YEAR.fullmatch(s):
        return year_text(int(s), end=end)
    return date.fromisoformat(s[:10]).isoformat()


def year_text(year: int, *, end: bool = False) -> str:
    """A whole year as an event date: its first (or, `end`, last) day inside the calendar, else "-500"/"+12000"."""
    low, high = CALENDAR_YEARS
    if low <= year <= high:
        return date(year, 12, 31).isoformat() if end else date(year, 1, 1).isoformat()
    return f"+{year}" if year > high else str(year)


@lru_cache(maxsize=65536)
def year_number(value: str, *, end: bool = False) -> float:
    """An event date as a decimal year: its first moment, or with `end` the moment after it.

    "2025-01-01" -> 2025.0, with `end` 2025.0027 (the day after); "-500" -> -500.0, with `end` -499.0.
    """
    if is_year_date(value):
        return float(int(value) + (1 if end else 0))
    day = date.fromisoformat(value)
    first = date(day.year, 1, 1).toordinal()
    length = date(day.year, 12, 31).toordinal() - first + 1
    return day.year + (day.toordinal() - first + (1 if end else 0)) / length


@lru_cache(maxsize=65536)
def calendar_day(value: str | None) -> date | None:
    """The ``datetime.date`` of an ISO day; None when empty or a year beyond the calendar."""
    if not value or is_year_date(value):
        return None
    return date.fromisoformat(value)


def year_label(year: int) -> str:
    """How a person writes a year: '2025', '500 BCE', '12,000', '66 million years ago'."""
    if year <= -1_000_000:
        for size, word in ((1_000_000_000, "billion"), (1_000_000, "million")):
            if -year >= size:
                return f"{-year / size:.4g} {word} years ago"
    if year < 0:
        return f"{-year:,} BCE"
    return f"{year:,}" if year > CALENDAR_YEARS[1] else str(year)
