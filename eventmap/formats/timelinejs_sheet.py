"""The TimelineJS Google Sheet template saved as CSV, read as a TimelineJS 3 story.

TimelineJS users write their stories in Knight Lab's spreadsheet template
(timeline.knightlab.com/#make); File > Download > CSV gives these columns::

    Year, Month, Day, Time, End Year, End Month, End Day, End Time, Display Date,
    Headline, Text, Media, Media Credit, Media Caption, Media Thumbnail, Type, Group, Background

Each row becomes a TimelineJS 3 slide (``Time`` "20:17" or "8:30 PM" -> hour and minute;
``Media*`` -> ``media``; ``Background`` a URL or a colour; ``Display Date``), and
:mod:`eventmap.formats.timelinejs_format` reads them as it reads the JSON: headline and text
kept, places geoparsed, BCE and deep-time years as years. ``Type`` ``title`` is the story's
title slide (no event), ``era`` an era (a context event). Columns the template does not
have stay in ``extra``. Recognised by ``Year``, ``Month``, ``Day``, ``Headline`` and
``Text`` in the header; a ``--columns`` mapping reads the file as a plain table instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from eventmap.formats import timelinejs_format
from eventmap.formats.report import ImportReport
from eventmap.model import Event

MARKERS = frozenset({"year", "month", "day", "headline", "text"})
_TEMPLATE = frozenset(
    {
        "year",
        "month",
        "day",
        "time",
        "end_year",
        "end_month",
        "end_day",
        "end_time",
        "display_date",
        "headline",
        "text",
        "media",
        "media_credit",
        "media_caption",
        "media_thumbnail",
        "type",
        "group",
        "background",
    }
)
_CLOCK = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp])?\.?[Mm]?\.?")


def is_sheet(header: Sequence[str], normalise: Callable[[str], str]) -> bool:
    return MARKERS <= {normalise(h) for h in header if h is not None}


def from_rows(
    rows: Sequence[Mapping[str, Any]],
    header: Sequence[str],
    *,
    origin: str,
    normalise: Callable[[str], str],
    report: ImportReport,
) -> list[Event]:
    """The events of the sheet's rows (the title row is the story's title, not an event)."""
    slides, eras, title = [], [], None
    for row in rows:
        cells = {normalise(k): str(v).strip() for k, v in row.items() if k is not None and v is not None}
        if not any(cells.values()):
            continue  # a blank line
        kind = cells.get("type", "").lower()
        s = _slide(cells, row, normalise)
        if kind == "title":
            title = s
        elif kind == "era":
            eras.append(s)
        else:
            slides.append(s)
    obj: dict[str, Any] = {"events": slides, "eras": eras}
    if title is not None:
        obj["title"] = title
    report.columns = "columns: the TimelineJS sheet template" + (
        "; in extra: " + ", ".join(h for h in header if h is not None and normalise(h) not in _TEMPLATE)
        if any(h is not None and normalise(h) not in _TEMPLATE for h in header)
        else ""
    )
    if not slides and not eras:
        return []
    return timelinejs_format.from_obj(obj, origin=origin, report=report, kind="TimelineJS sheet (CSV)")


def _slide(
    cells: Mapping[str, str], row: Mapping[str, Any], normalise: Callable[[str], str]
) -> dict[str, Any]:
    out: dict[str, Any] = {"start_date": _date(cells, "")}
    if cells.get("end_year"):
        out["end_date"] = _date(cells, "end_")
    out["text"] = {"headline": cells.get("headline", ""), "text": cells.get("text", "")}
    if cells.get("media"):
        media = {"url": cells["media"]}
        for key in ("credit", "caption", "thumbnail"):
            if cells.get(f"media_{key}"):
                media[key] = cells[f"media_{key}"]
        out["media"] = media
    if cells.get("group"):
        out["group"] = cells["group"]
    if cells.get("display_date"):
        out["display_date"] = cells["display_date"]
    background = cells.get("background", "")
    if background:
        out["background"] = (
            {"url": background} if re.match(r"https?://", background) else {"color": background}
        )
    for key, value in row.items():  # columns the template does not have
        if key is not None and normalise(key) not in _TEMPLATE and value not in (None, ""):
            out[key] = value
    return out


def _date(cells: Mapping[str, str], prefix: str) -> dict[str, str]:
    obj = {part: cells[prefix + part] for part in ("year", "month", "day") if cells.get(prefix + part)}
    clock = _CLOCK.fullmatch(cells.get(prefix + "time", ""))
    if clock:
        hour = int(clock[1])
        if clock[4]:
            hour = hour % 12 + (12 if clock[4].lower() == "p" else 0)
        obj["hour"], obj["minute"] = str(hour), clock[2]
    return obj
