"""Which events are "in view": the one filter the timeline, map, table and downloads share.

Filters combine with AND: categories, documents, free-text search, a time window from the
timeline's x axis, and a set of map places (from a box/lasso selection). An event is inside
a time window when its interval (first to last possible day) overlaps the window, so an
event known only to the month stays in view while the window lies in that month.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from dashboard.basemap.areas import area_label_point, is_area_key
from dashboard.figures import cell_key, document_name, place_key
from eventmap.model import Event

Window = tuple[datetime, datetime]
# Event kinds the views leave out unless asked ("show everything"): analysis and background
# sentences. Occurrences, statements and events without a kind (imported data) are shown.
HIDDEN_KINDS = frozenset({"context"})


def hidden_by_default(event: Event) -> bool:
    """True for an event the views hide until the user asks for every kind (a context sentence)."""
    return event.kind in HIDDEN_KINDS


@dataclass(frozen=True, slots=True)
class ViewFilter:
    """What the user narrowed the view to; None or empty means "no restriction"."""

    categories: frozenset[str] | None = None
    documents: frozenset[str] | None = None
    search: str = ""
    window: Window | None = None
    places: frozenset[str] | None = None
    all_kinds: bool = False  # False: context sentences (HIDDEN_KINDS) stay out

    def keeps(self, event: Event) -> bool:
        """True when the event passes every filter."""
        if not self.all_kinds and event.kind in HIDDEN_KINDS:
            return False
        if self.categories is not None and event.category not in self.categories:
            return False
        if self.documents is not None and document_name(event) not in self.documents:
            return False
        if self.places is not None and not in_places(event, self.places):
            return False
        if self.window is not None and not in_window(event, self.window):
            return False
        if self.search and not matches_search(event, self.search):
            return False
        return True


def in_window(event: Event, window: Window) -> bool:
    """True when the event's possible days overlap [window start, window end]; undated: False."""
    start = event.start_date
    if start is None:
        return False
    # first day (at 00:00) <= window end, and the day after the last day (at 00:00) > window
    # start: the same as comparing days, without building datetimes (100,000 events per zoom)
    return start <= window[1].date() and (event.end_date or start) >= window[0].date()


def in_places(event: Event, keys: frozenset[str]) -> bool:
    """True when the event's map mark is one of `keys`: a place or area key, or a density cell ("cell:...")."""
    key = place_key(event)
    if key is None:
        return False
    if key in keys:
        return True
    cells = [k for k in keys if k.startswith("cell:")]
    if not cells:
        return False
    lat, lon = float(event.lat), float(event.lon)  # type: ignore[arg-type]
    if is_area_key(key):  # an area's mark (and so its cell) is where its count is written
        lon, lat = area_label_point(key) or (lon, lat)
    return any(cell_key(lat, lon, float(cell.split(":")[1])) == cell for cell in cells)


def matches_search(event: Event, query: str) -> bool:
    """Every word of the query occurs (case-insensitively) in the sentence, date text or places."""
    hay = " ".join(
        [
            event.text,
            event.date_text or "",
            event.category,
            *(p.text for p in event.places),
            *((p.name or "") for p in event.places),
        ]
    ).casefold()
    return all(word in hay for word in query.casefold().split())


def select_events(events: Iterable[Event], view: ViewFilter) -> list[Event]:
    """The events that pass `view`, in their original order."""
    return [e for e in events if view.keeps(e)]


def parse_axis_time(value: Any) -> datetime:
    """A Plotly date-axis value ('2025-03-13', '2025-03-13 06:00:00.123', ms number) as a datetime."""
    if isinstance(value, (int, float)):
        return datetime(1970, 1, 1) + timedelta(milliseconds=float(value))
    text = str(value).strip().replace("T", " ")
    if len(text) == 10:
        return datetime.combine(date.fromisoformat(text), datetime.min.time())
    text = text.rstrip("Z")
    if "." in text:  # Python wants 6 fraction digits at most
        head, frac = text.split(".", 1)
        text = f"{head}.{frac[:6]}"
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"not a date-axis value: {value!r}") from None


def window_from_store(value: Sequence[Any] | None) -> Window | None:
    """The window store holds [start, end] axis values, or None for "all time"."""
    if not value or len(value) != 2 or value[0] is None or value[1] is None:
        return None
    a, b = parse_axis_time(value[0]), parse_axis_time(value[1])
    return (a, b) if a <= b else (b, a)


def places_from_selection(selected: dict[str, Any] | None) -> frozenset[str] | None:
    """Place keys of the points in a map selection (selectedData); None when nothing is selected."""
    if not selected or not selected.get("points"):
        return None
    keys = set()
    for pt in selected["points"]:
        cd = pt.get("customdata")
        if isinstance(cd, list):
            cd = cd[0] if cd else None
        if isinstance(cd, str):
            keys.add(cd)
    return frozenset(keys) if keys else None


def make_filter(
    categories: Sequence[str] | None = None,
    documents: Sequence[str] | None = None,
    search: str | None = None,
    window: Sequence[Any] | None = None,
    map_selection: dict[str, Any] | None = None,
    all_kinds: bool = False,
) -> ViewFilter:
    """A ViewFilter from the raw values of the app's controls (None/empty = no restriction)."""
    return ViewFilter(
        categories=frozenset(categories) if categories else None,
        documents=frozenset(documents) if documents else None,
        search=(search or "").strip(),
        window=window_from_store(window),
        places=places_from_selection(map_selection),
        all_kinds=bool(all_kinds),
    )
