"""TimelineJS 2 JSON (the format of TimelineJS before version 3, 2012-2015), read as TimelineJS 3.

The format, as the TimelineJS 2 README and its example ``example_json.json`` document it::

    {"timeline": {
        "headline": "...", "type": "default", "text": "<p>...</p>", "startDate": "2012,1,26",
        "asset": {"media": URL, "credit": "...", "caption": "..."},
        "date": [
            {"startDate": "2011,12,10,07,02,10", "endDate": "2011,12,11,08,11",
             "headline": "...", "text": "<p>...</p>", "tag": "...", "classname": "...",
             "asset": {"media": URL, "thumbnail": URL, "credit": "...", "caption": "..."}}
        ],
        "era": [{"startDate": "2011,12,10", "endDate": "2011,12,11", "headline": "...", "tag": "..."}]
    }}

Dates are "year,month,day[,hour,minute,second]" strings (a year alone, or year and month,
for coarser dates; negative years for BCE); TimelineJS 2 also took "month/day/year" from
spreadsheets. Each ``date`` entry becomes a TimelineJS 3 slide (``tag`` -> ``group``,
``asset`` -> ``media`` with ``media`` as its ``url``, ``classname`` kept), each ``era`` an era,
and :mod:`eventmap.formats.timelinejs_format` reads the result. A file that has the
``timeline`` object but not this shape is refused with a message naming TimelineJS 2.
"""

from __future__ import annotations

import re
from typing import Any

from eventmap.formats import timelinejs_format
from eventmap.formats.report import ImportReport
from eventmap.model import Event, EventFormatError

_US_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(-?\d+)")
_PARTS = ("year", "month", "day", "hour", "minute", "second")


def is_timelinejs2(obj: Any) -> bool:
    """A dict with a "timeline" object (TimelineJS 2's top level)."""
    return isinstance(obj, dict) and isinstance(obj.get("timeline"), dict) and "events" not in obj


def from_obj(obj: Any, *, origin: str = "<timelinejs2>", report: ImportReport | None = None) -> list[Event]:
    """Events of a TimelineJS 2 file; EventFormatError naming the format when it is not one."""
    if not is_timelinejs2(obj):
        raise EventFormatError("not TimelineJS 2 JSON: expected {'timeline': {'date': [...]}}")
    timeline = obj["timeline"]
    entries = timeline.get("date")
    if not isinstance(entries, list):
        raise EventFormatError(
            "a TimelineJS 2 file needs a list 'date' in its 'timeline' object (the slides); this one has "
            + ("none" if entries is None else f"a {type(entries).__name__}")
        )
    slides = [_slide(e) for e in entries]
    eras = [_slide(e) for e in timeline.get("era") or [] if isinstance(e, dict)]
    title = {
        "text": {"headline": str(timeline.get("headline") or ""), "text": str(timeline.get("text") or "")}
    }
    converted = {"title": title, "events": slides, "eras": [e for e in eras if "end_date" in e]}
    if not slides:
        return []
    return timelinejs_format.from_obj(converted, origin=origin, report=report, kind="TimelineJS 2")


def _slide(entry: Any) -> Any:
    """A TimelineJS 3 slide made of a TimelineJS 2 date entry (anything else is passed on as is)."""
    if not isinstance(entry, dict):
        return entry
    out: dict[str, Any] = {}
    if entry.get("startDate") not in (None, ""):
        out["start_date"] = _date(entry["startDate"])
    else:
        out["start_date"] = {}  # the TimelineJS 3 reader says "start_date needs a year"
    if entry.get("endDate") not in (None, ""):
        out["end_date"] = _date(entry["endDate"])
    out["text"] = {"headline": str(entry.get("headline") or ""), "text": str(entry.get("text") or "")}
    if entry.get("tag"):
        out["group"] = str(entry["tag"])
    asset = entry.get("asset")
    if isinstance(asset, dict) and asset.get("media"):
        media = {"url": str(asset["media"])}
        media.update({k: str(v) for k, v in asset.items() if k != "media" and v not in (None, "")})
        out["media"] = media
    for key, value in entry.items():
        if key not in ("startDate", "endDate", "headline", "text", "tag", "asset") and value not in (
            None,
            "",
        ):
            out[key] = value
    return out


def _date(value: Any) -> dict[str, str]:
    """ "2011,12,10,07,02,10" / "2011" / "12/10/2011" / 2011 -> a TimelineJS 3 date object."""
    text = str(value).strip()
    us = _US_DATE.fullmatch(text)
    if us:
        return {"year": us[3], "month": us[1], "day": us[2]}
    parts = [p.strip() for p in re.split(r"[,\s]+", text) if p.strip()]
    if not parts or not re.fullmatch(r"-?\d+", parts[0]):
        return {"year": text}  # the TimelineJS 3 reader names the bad date
    return {name: part for name, part in zip(_PARTS, parts)}
