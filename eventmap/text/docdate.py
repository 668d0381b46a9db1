"""The document date and the reference day that relative expressions are resolved against.

Where it comes from, in order: `--date` (YYYY-MM-DD or YYYY-MM), a first line
`date YYYY-MM[-DD]` in the article, else none.

Reference-day rule when only the month is known: an article is written after the latest
event it reports, so the reference is the latest explicit day of the article inside that
month ("op 18 maart" in an article of 2025-03 -> 2025-03-18); without one, the last day of
the month (or today, if that lies in the future). With no document date at all, the latest
explicit day with a year in the article is the reference (the undated events stay undated).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from eventmap.errors import InputError

_HEADER = re.compile(r"\A\s*(?:date|datum):?[ \t]+(\d{4}-\d{1,2}(?:-\d{1,2})?)(?![\d-])[ \t]*\n?", re.I)
_VALUE = re.compile(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$")


@dataclass(frozen=True, slots=True)
class DocumentDate:
    """A known document date: `precision` is 'day' or 'month'; `first`..`last` its interval."""

    first: date
    last: date
    precision: str

    @property
    def value(self) -> str:
        return self.first.isoformat() if self.precision == "day" else self.first.isoformat()[:7]


def parse_document_date(value: str | date) -> DocumentDate:
    """'2025-03-18' or '2025-03' (or a date) -> DocumentDate; anything else is an InputError."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return DocumentDate(value, value, "day")
    m = _VALUE.match(str(value).strip())
    if not m:
        raise InputError(f"document date {value!r} must be YYYY-MM-DD or YYYY-MM")
    year, month, day = int(m.group(1)), int(m.group(2)), m.group(3)
    try:
        if day is not None:
            d = date(year, month, int(day))
            return DocumentDate(d, d, "day")
        last = calendar.monthrange(year, month)[1]
        return DocumentDate(date(year, month, 1), date(year, month, last), "month")
    except (ValueError, calendar.IllegalMonthError):
        raise InputError(f"document date {value!r} is not a real date") from None


def split_header(text: str) -> tuple[DocumentDate | None, int]:
    """A leading `date YYYY-MM[-DD]` header: its date and where the article text begins."""
    m = _HEADER.match(text)
    if not m:
        return None, 0
    try:
        return parse_document_date(m.group(1)), m.end()
    except InputError:
        return None, 0


def reference_day(
    doc: DocumentDate | None, explicit_days: Iterable[date], today: date | None = None
) -> date | None:
    """The day relative expressions count from (see the module docstring for the rule)."""
    days = list(explicit_days)
    if doc is None:
        return max(days) if days else None
    if doc.precision == "day":
        return doc.first
    inside = [d for d in days if doc.first <= d <= doc.last]
    if inside:
        return max(inside)
    return min(doc.last, today or date.today())
