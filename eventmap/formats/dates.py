"""Date cells of other people's tables -> event dates, with the column's own conventions.

A :class:`DateReader` is made once per date column from its values, so a whole column is
read alike: n/n/yyyy day first or month first (one value above 12 settles it; otherwise the
ambiguity is reported), numbers as epoch seconds or milliseconds (USGS ``time``), as
``yyyymmdd`` (GDELT ``SQLDATE``), as a spreadsheet's serial days (``45735`` is 2025-03-19: a column of
five-digit numbers from 1954 to 2119) or as years. Read forms:

- ISO days with or without a time (``2025-03-18``, ``2025-03-18T06:40:00Z``), ``2025-03``;
- ``18-03-2025``, ``3/18/2025 12:00:00 AM``, ``18.03.2025``, ``2025/03/18``;
- ``18 March 2025``, ``March 18, 2025``, ``16-Feb-19`` (old ACLED), ``Mar 2025``;
- years: ``2025``, ``-500``, ``500 BC``, ``AD 79``, ``-13800000000``, ``66 million years ago``;
- anything else dateparser reads (in the column's day/month order).

Years outside :data:`eventmap.model.CALENDAR_YEARS` (BCE years, deep time) become signed
year strings with year precision; a negative year is a year BCE as TimelineJS writes it
(-500 is 500 BCE).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from eventmap.eventdates import CALENDAR_YEARS
from eventmap.model import EventFormatError

ORDERS = ("dmy", "mdy", "ymd")
_MONTHS = {
    name.lower(): i
    for i in range(1, 13)
    for name in (calendar.month_name[i], calendar.month_abbr[i], calendar.month_abbr[i] + ".")
}
_MONTHS["sept"] = 9
# Spreadsheet serial days from 1954 to 2119 (five digits, an optional fraction for the time)
_EXCEL_DAY = re.compile(r"[2-7]\d{4}(?:\.\d+)?")
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?")
_ISO = re.compile(
    r"([+-]?\d{4,})-(\d{1,2})(?:-(\d{1,2}))?(?:[T ](\d{1,2}):(\d{2})(?::\d{2}(?:[.,]\d+)?)?)?"
    r"\s*(?:Z|UTC|[+-]\d{2}:?\d{2})?"
)
# 18-03-2025, 3/18/2025, 18.03.25, optionally followed by a time ("1/27/2014 12:00:00 AM")
_NUMERIC = re.compile(
    r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})(?:[ T](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*([AaPp][Mm])?)?"
)
_YEAR_FIRST = re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::\d{2})?)?")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?[\s\-/.]+([A-Za-z]{3,}\.?)[\s\-/.,]+(\d{4}|\d{2})")
_MONTH_DAY_YEAR = re.compile(r"([A-Za-z]{3,}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_MONTH_YEAR = re.compile(r"([A-Za-z]{3,}\.?)[\s\-/,]+(\d{4})")
_ERA = re.compile(
    r"(?:(?:c\.|ca\.|circa)\s*)?(?:(AD|A\.D\.|CE|C\.E\.)\s*(\d+)|(\d+)\s*"
    r"(BCE|B\.C\.E\.|BC|B\.C\.|v\.\s?Chr\.?|AD|A\.D\.|CE|C\.E\.|n\.\s?Chr\.?))",
    re.IGNORECASE,
)
_AGO = re.compile(
    r"(?:(?:c\.|ca\.|about|circa)\s*)?([\d.,]+)\s*(thousand|million|billion|ka|kya|ma|mya|ga|bya)\b"
    r"(?:\s*(?:years?|yrs?)?\s*(?:ago|BP)?)?",
    re.IGNORECASE,
)
_AGO_SCALE = {"thousand": 1e3, "ka": 1e3, "kya": 1e3, "million": 1e6, "ma": 1e6, "mya": 1e6}
_AGO_SCALE.update({"billion": 1e9, "ga": 1e9, "bya": 1e9})


@dataclass(frozen=True, slots=True)
class CellDate:
    """A read date cell: the first day (within CALENDAR_YEARS) or a year beyond them."""

    day: date | None
    year: int | None  # set (and day None) only for a year beyond CALENDAR_YEARS
    precision: str  # what the cell shows: day, month or year
    time: str | None = None  # "HH:MM" when the cell gives a time of day (not a midnight placeholder)

    @property
    def start(self) -> str:
        return self.day.isoformat() if self.day is not None else _year_text(self.year)


def cell_from_year(year: int) -> CellDate:
    """A whole year: its first day inside the calendar, the signed year beyond it."""
    low, high = CALENDAR_YEARS
    if low <= year <= high:
        return CellDate(date(year, 1, 1), None, "year")
    return CellDate(None, year, "year")


def interval(cell: CellDate, precision: str) -> tuple[str, str]:
    """The first and last day (or year) of the period of `precision` holding the cell's date."""
    if cell.day is None:
        return _year_text(cell.year), _year_text(cell.year)
    first, last = day_interval(cell.day, precision)
    return first.isoformat(), last.isoformat()


def day_interval(day: date, precision: str) -> tuple[date, date]:
    """The first and last day of the period of `precision` holding `day`."""
    if precision == "week":
        start = day - timedelta(days=day.weekday())
        return start, start + timedelta(days=6)
    if precision == "month":
        return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])
    if precision == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    return day, day


class DateReader:
    """Reads the cells of one date column the way that column writes them.

    `order` is "dmy", "mdy" or "ymd" for n/n/n dates (None: learnt from the values, day
    first when no value tells); :attr:`ambiguous` then says that no value told. Numbers are
    epoch times when the column holds a long unsigned number and no short one (seconds, or
    milliseconds from 1e11 up), else years, ``yyyymmdd`` or ``yyyymmddhhmmss``.
    """

    def __init__(self, values: Iterable[Any] = (), order: str | None = None, *, epoch: bool = True) -> None:
        seen_numeric: list[str] = []
        told: str | None = None
        shown_ambiguous = False
        for raw in values:
            v = str(raw).strip() if raw is not None else ""
            if not v:
                continue
            if _NUMBER.fullmatch(v):
                seen_numeric.append(v)
                continue
            m = _NUMERIC.match(v)
            if m and told is None:
                a, b = int(m[1]), int(m[2])
                if a > 12 >= b:
                    told = "dmy"
                elif b > 12 >= a:
                    told = "mdy"
                elif a != b:
                    shown_ambiguous = True
        self.order = order or told or "dmy"
        self.ambiguous = order is None and told is None and shown_ambiguous
        self.epoch_unit: str | None = None
        if epoch:
            long_unsigned = [v for v in seen_numeric if v.isdigit() and len(v) >= 9 and not _compact(v)]
            short = [v for v in seen_numeric if len(v.lstrip("+-").split(".")[0]) <= 4]
            if long_unsigned and not short:
                biggest = max(abs(float(v)) for v in seen_numeric)
                self.epoch_unit = "ms" if biggest >= 1e11 else "s"
            elif seen_numeric and all(_EXCEL_DAY.fullmatch(v) for v in seen_numeric):
                self.epoch_unit = "excel"  # a spreadsheet's day numbers (45735 is 2025-03-19)

    def describe(self) -> str:
        """How the column is read, for the import's one-line summary ('' when nothing special)."""
        if self.epoch_unit:
            return {"ms": "epoch milliseconds", "s": "epoch seconds", "excel": "spreadsheet day numbers"}[
                self.epoch_unit
            ]
        return {"dmy": "day first", "mdy": "month first", "ymd": "year first"}[self.order] + (
            ", not shown by any value" if self.ambiguous else ""
        )

    def read(self, value: Any) -> CellDate:
        """The date of one cell; EventFormatError with the reason when it is not one."""
        s = str(value).strip()
        if _NUMBER.fullmatch(s):
            return self._number(s)
        iso = _ISO.fullmatch(s)
        if iso:
            return _iso(iso, s)
        num = _NUMERIC.fullmatch(s)
        if num:
            return self._numeric(num, s)
        ymd = _YEAR_FIRST.fullmatch(s)
        if ymd:
            return _cell(lambda: date(int(ymd[1]), int(ymd[2]), int(ymd[3])), s, "day", _time(ymd[4], ymd[5]))
        found = _text_date(s)
        if found is not None:
            return found
        parsed = _dateparser(s, self.order)
        if parsed is None:
            raise EventFormatError(f"date {value!r} is not a date this reader knows (use YYYY-MM-DD)")
        return CellDate(parsed, None, "day")

    def read_range(self, value: Any) -> tuple[CellDate, CellDate] | None:
        """Both ends of a period written in one cell, or None: ``2024-01-05/2024-01-07``,
        ``5 January 2024 to 7 January 2024``, ``5-7 January 2024``, ``5 January - 7 February 2024``."""
        s = str(value).strip()
        for sep in _RANGE_SEPARATORS:
            parts = sep.split(s, maxsplit=1)
            if len(parts) != 2:
                continue
            left, right = parts[0].strip(), parts[1].strip()
            try:
                last = self.read(right)
            except EventFormatError:
                continue
            for attempt in _left_forms(left, right, last):
                try:
                    first = self.read(attempt)
                except EventFormatError:
                    continue
                if first.start <= last.start or first.day is None:
                    return first, last
        return None

    def _number(self, s: str) -> CellDate:
        if self.epoch_unit == "excel":
            return _excel_day(s)
        if self.epoch_unit:
            return _epoch(float(s), self.epoch_unit, s)
        signed = s[0] in "+-"
        if "." in s or "e" in s.lower():  # 1997.0 (a spreadsheet's year), -1.38e10, 1.7e12
            f = float(s)
            if f == int(f) and (signed or abs(f) < 1e8):
                return cell_from_year(int(f))
            if not signed and f >= 1e8:
                return _epoch(f, "ms" if f >= 1e11 else "s", s)
            raise EventFormatError(f"date {s!r} is a number, not a date")
        if signed or len(s) <= 4:
            return cell_from_year(int(s))
        compact = _compact(s)
        if compact is not None:
            return compact
        if len(s) >= 9:
            return _epoch(float(s), "ms" if int(s) >= 10**11 else "s", s)
        raise EventFormatError(f"date {s!r} is a number, not a date")

    def _numeric(self, m: re.Match[str], s: str) -> CellDate:
        a, b = int(m[1]), int(m[2])
        day, month = (b, a) if self.order == "mdy" else (a, b)
        year = _full_year(m[3])
        hour = m[4]
        if hour is not None and m[6]:  # 12-hour clock
            h = int(hour) % 12 + (12 if m[6].lower() == "pm" else 0)
            hour = str(h)
        return _cell(lambda: date(year, month, day), s, "day", _time(hour, m[5]))


_RANGE_SEPARATORS = (
    re.compile(r"\s*/\s*(?=[+-]?\d{4}-)"),  # ISO 8601 intervals
    re.compile(r"\s+(?:to|until|till|tot|bis|au|через)\s+", re.IGNORECASE),
    re.compile(r"\s*[–—]\s*|\s+-\s+"),
    re.compile(r"(?<=^\d)-|(?<=^\d\d)-"),  # 5-7 January 2024
)


def _left_forms(left: str, right: str, last: CellDate) -> list[str]:
    """The left end as written, and completed with what the right end adds (month, year)."""
    if last.day is not None and left.isdigit() and len(left) <= 2 and last.precision == "day":
        return [f"{last.day.year}-{last.day.month:02d}-{int(left):02d}"]  # 5-7 January 2024
    forms = [left]
    if last.day is not None and not re.search(r"\d{4}", left):  # 5 January - 7 February 2024
        forms.append(f"{left} {last.day.year}")
    return forms


def date_share(values: Iterable[Any], reader: DateReader | None = None) -> float:
    """The share of non-empty values that read as dates (0 when there are none).

    Plain small numbers (counts such as fatalities) do not count as years here, so a
    column of numbers is only a date column when they are long epoch times or ``yyyymmdd``.
    """
    vals = [str(v).strip() for v in values if v is not None and str(v).strip()]
    if not vals:
        return 0.0
    reader = reader or DateReader(vals)
    good = 0
    for v in vals:
        # spreadsheet day numbers count only in a column named for dates (5-digit ids are no dates)
        if _NUMBER.fullmatch(v) and not (
            reader.epoch_unit in ("s", "ms") or _compact(v) or _plausible_year(v)
        ):
            continue
        try:
            reader.read(v)
        except EventFormatError:
            continue
        good += 1
    return good / len(vals)


def _plausible_year(v: str) -> bool:
    return v.isdigit() and len(v) == 4 and 1000 <= int(v) <= 2999


def _iso(m: re.Match[str], s: str) -> CellDate:
    year, month = int(m[1]), int(m[2])
    low, high = CALENDAR_YEARS
    if not low <= year <= high:
        return cell_from_year(year)  # -0500-03-15: a year beyond the calendar keeps its year only
    if m[3] is None:
        return _cell(lambda: date(year, month, 1), s, "month")
    return _cell(lambda: date(year, month, int(m[3])), s, "day", _time(m[4], m[5]))


def _text_date(s: str) -> CellDate | None:
    m = _DAY_MONTH_YEAR.fullmatch(s)
    if m and m[2].lower() in _MONTHS:
        return _cell(lambda: date(_full_year(m[3]), _MONTHS[m[2].lower()], int(m[1])), s, "day")
    m = _MONTH_DAY_YEAR.fullmatch(s)
    if m and m[1].lower() in _MONTHS:
        return _cell(lambda: date(int(m[3]), _MONTHS[m[1].lower()], int(m[2])), s, "day")
    m = _MONTH_YEAR.fullmatch(s)
    if m and m[1].lower() in _MONTHS:
        return _cell(lambda: date(int(m[2]), _MONTHS[m[1].lower()], 1), s, "month")
    m = _ERA.fullmatch(s)
    if m:
        if m[2] is not None:  # AD 79
            return cell_from_year(int(m[2]))
        era = m[4].lower().replace(" ", "")
        year = int(m[3])
        return cell_from_year(-year if era.startswith(("b", "v")) else year)
    m = _AGO.fullmatch(s)
    if m:
        try:
            amount = float(m[1].replace(",", ""))
        except ValueError:
            return None
        return cell_from_year(-round(amount * _AGO_SCALE[m[2].lower()]))
    return None


def _compact(s: str) -> CellDate | None:
    """yyyymmdd (GDELT SQLDATE) or yyyymmddhhmmss (GDELT DATEADDED); None if not a valid one."""
    if not s.isdigit() or len(s) not in (8, 14):
        return None
    try:
        day = date(int(s[:4]), int(s[4:6]), int(s[6:8]))
    except ValueError:
        return None
    if not 1000 <= day.year <= 2999:
        return None
    time = _time(s[8:10], s[10:12]) if len(s) == 14 else None
    return CellDate(day, None, "day", time)


def _excel_day(s: str) -> CellDate:
    """A spreadsheet's serial day (1900 date system: day 1 is 1900-01-01); a fraction is the time."""
    value = float(s)
    if not _EXCEL_DAY.fullmatch(s):
        raise EventFormatError(f"date {s!r} is not a spreadsheet day number like the rest of its column")
    when = datetime(1899, 12, 30) + timedelta(days=value)
    return CellDate(when.date(), None, "day", _time(str(when.hour), f"{when.minute:02d}", when.second))


def _epoch(value: float, unit: str, s: str) -> CellDate:
    seconds = value / 1000 if unit == "ms" else value
    try:
        when = datetime(1970, 1, 1, tzinfo=UTC) + timedelta(seconds=seconds)
    except OverflowError:
        raise EventFormatError(f"date {s!r} is not an epoch time this reader can place") from None
    return CellDate(when.date(), None, "day", _time(str(when.hour), f"{when.minute:02d}", when.second))


def _cell(make, s: str, precision: str, time: str | None = None) -> CellDate:
    try:
        return CellDate(make(), None, precision, time)
    except ValueError:
        raise EventFormatError(f"date {s!r} does not exist") from None


def _time(hour: str | None, minute: str | None, second: int = 0) -> str | None:
    """'HH:MM', or None when there is none or it is a bare midnight (a date-only placeholder)."""
    if hour is None or minute is None:
        return None
    h, m = int(hour), int(minute)
    if h > 23 or m > 59 or (h == 0 and m == 0 and not second):
        return None
    return f"{h:02d}:{m:02d}"


def _full_year(text: str) -> int:
    """A two-digit year in the century that puts it at most ten years ahead of today."""
    if len(text) == 4:
        return int(text)
    yy, now = int(text), date.today().year
    year = now // 100 * 100 + yy
    return year - 100 if year > now + 10 else year


def _year_text(year: int | None) -> str:
    if year is None:
        raise EventFormatError("no date")
    return f"+{year}" if year > CALENDAR_YEARS[1] else str(year)


def _dateparser(s: str, order: str) -> date | None:
    import dateparser

    try:
        found = dateparser.parse(
            s,
            settings={
                "DATE_ORDER": order.upper(),
                "PREFER_DAY_OF_MONTH": "first",
                "REQUIRE_PARTS": ["year"],
                "RETURN_AS_TIMEZONE_AWARE": False,
            },
        )
    except (ValueError, OverflowError):
        return None
    return found.date() if found else None
