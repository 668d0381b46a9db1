"""Dates split over columns: a year column with its month, day and time beside it.

Many public tables write a date as separate numbers: GTD ``iyear``/``imonth``/``iday``,
EM-DAT and the Global Volcanism Program ``Start Year``/``Start Month``/``Start Day`` (and
``End ...``), NOAA's hazard tables ``Year``/``Mo``/``Dy``/``Hr``/``Mn``, the TimelineJS
Google Sheet ``Year``/``Month``/``Day``/``Time`` (and ``End Year`` ...), the Mass
Mobilization data ``startyear``/``startmonth``/``startday``. A column whose name holds a
year word is taken with the columns whose names are the same with a month, day, hour,
minute or time word instead, when a month column is there. An empty or 0 month or day
(GTD writes 0 for "unknown") makes the date a year or a month; a year beyond the calendar
(NOAA's -2150) is a signed year.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

from eventmap.formats.dates import _MONTHS, CellDate, _cell, _time, cell_from_year
from eventmap.model import EventFormatError

YEAR_WORDS = ("year", "yr", "jaar", "jahr", "annee")
PART_WORDS: dict[str, tuple[str, ...]] = {
    "month": ("month", "mo", "mon", "mm", "maand", "monat", "mois"),
    "day": ("day", "dy", "dd", "dag", "tag", "jour"),
    "hour": ("hour", "hr", "hh", "uur", "stunde", "heure"),
    "minute": ("minute", "min", "mn", "minuut"),
    "time": ("time", "tijd", "zeit", "heure_minute"),
}
_END = re.compile(r"(?:^|_)(?:end|einde?|to|until|fin)(?:_|$)|^end|end$")
_START = re.compile(r"(?:^|_)(?:start|begin|from|debut)(?:_|$)|^start|start$")


def find_parts(columns: Sequence[str], normalise: Callable[[str], str]) -> dict[str, dict[str, str]]:
    """{"date": {"year": col, "month": col, "day": col, ...}, "date_end": {...}} -- only year
    columns with a month column beside them; the start date is the one not named for an end."""
    by_norm = {}
    for col in columns:
        by_norm.setdefault(normalise(col), col)
    found: dict[str, dict[str, str]] = {}
    for norm, col in by_norm.items():
        template = _template(norm)
        if template is None:
            continue
        parts = {"year": col}
        for part, words in PART_WORDS.items():
            other = next((by_norm[n] for w in words if (n := template.format(w)) in by_norm), None)
            if other is not None and other != col:
                parts[part] = other
        if "month" not in parts:
            continue
        role = "date_end" if _END.search(template.replace("{}", "")) else "date"
        starts = bool(_START.search(template.replace("{}", "")))
        if role not in found or (role == "date" and starts):
            found[role] = parts
    if "date_end" in found and "date" not in found:
        return {}  # an end without a start is no date
    return found


def _template(norm: str) -> str | None:
    """'start_year' -> 'start_{}', 'iyear' -> 'i{}', 'year' -> '{}'; None for names without a year word."""
    for word in YEAR_WORDS:
        if norm == word:
            return "{}"
        m = re.fullmatch(rf"(.*?)(_?){word}(_?)(.*)", norm)
        if m and (m[1] or m[4]):
            return f"{m[1]}{m[2]}{{}}{m[3]}{m[4]}"
    return None


def columns_of(parts: Mapping[str, Mapping[str, str]]) -> set[str]:
    return {col for p in parts.values() for col in p.values()}


def describe(parts: Mapping[str, str]) -> str:
    return "+".join(parts[p] for p in ("year", "month", "day", "hour", "minute", "time") if p in parts)


def compose(row: Mapping[str, Any], parts: Mapping[str, str]) -> CellDate | None:
    """The date of one row's year, month, day (and time) cells; None when the year is empty."""
    year_text = _text(row, parts.get("year"))
    if not year_text:
        return None
    year = _whole(year_text, "year")
    month_text, day_text = _text(row, parts.get("month")), _text(row, parts.get("day"))
    month = _MONTHS.get(month_text.lower()) or _whole(month_text, "month") if month_text else 0
    day = _whole(day_text, "day") if day_text else 0
    low_high = cell_from_year(year)
    if low_high.day is None or not month:  # beyond the calendar, or no month: the year
        return low_high
    label = "-".join(t for t in (year_text, month_text, day_text) if t)
    if not day:
        return _cell(lambda: date(year, month, 1), label, "month")
    hour, minute = _text(row, parts.get("hour")), _text(row, parts.get("minute"))
    clock_time = clock(_text(row, parts.get("time"))) if parts.get("time") else None
    time = clock_time or (_time(hour or None, (minute or "0") if hour else None) if hour else None)
    return _cell(lambda: date(year, month, day), label, "day", time)


def _text(row: Mapping[str, Any], col: str | None) -> str:
    value = row.get(col) if col is not None else None
    return str(value).strip() if value is not None else ""


def _whole(text: str, what: str) -> int:
    try:
        number = float(text)
    except ValueError:
        raise EventFormatError(f"{what} {text!r} is not a number") from None
    if number != int(number):
        raise EventFormatError(f"{what} {text!r} is not a whole number")
    return int(number)


def clock(text: str) -> str | None:
    """'20:17', '8:30 PM', '08:30:00' -> 'HH:MM' (None when it is none)."""
    m = re.fullmatch(r"(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*([AaPp]\.?[Mm]\.?)?", text)
    if not m:
        return None
    hour = int(m[1])
    if m[3]:
        hour = hour % 12 + (12 if m[3][0].lower() == "p" else 0)
    return _time(str(hour), m[2])
