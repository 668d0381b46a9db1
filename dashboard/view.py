"""Which events are "in view": the one filter the timeline, map, table and downloads share.

Filters combine with AND: categories, documents, free-text search, a time window from the
timeline's x axis, a set of map places (from a box/lasso selection), and review statuses
(rejected events are hidden unless asked for). An event is inside
a time window when its interval (first to last possible day) overlaps the window, so an
event known only to the month stays in view while the window lies in that month. A window
beyond what a datetime holds (a year-axis timeline zoomed into BCE or deep time) is a pair
of decimal years, compared with the events' decimal years.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from dashboard.basemap.areas import area_label_point, is_area_key
from dashboard.figures import cell_key, document_names, place_key
from dashboard.figures.imported import filter_values
from eventmap.corpus.store_schema import search_text
from eventmap.model import Event

Window = tuple[datetime, datetime] | tuple[float, float]  # datetimes, or decimal years beyond them
YEAR_MS = 365.2425 * 86_400_000  # a mean Gregorian year in ms, as dashboard/static/window.js
#: Review statuses the views show unless asked: a rejected event is kept, and hidden.
SHOWN_STATUSES = frozenset({"unreviewed", "verified"})
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
    statuses: frozenset[str] = SHOWN_STATUSES  # review statuses shown (rejected: hidden)
    all_kinds: bool = False  # False: context sentences (HIDDEN_KINDS) stay out
    # imported fields (dashboard/figures/imported.py: "actors", "sub_event_type") -> values kept
    fields: tuple[tuple[str, frozenset[str]], ...] = ()

    def keeps(self, event: Event) -> bool:
        """True when the event passes every filter."""
        if event.review_status not in self.statuses:
            return False
        if not self.all_kinds and event.kind in HIDDEN_KINDS:
            return False
        if self.categories is not None and event.category not in self.categories:
            return False
        if self.documents is not None and not any(n in self.documents for n in document_names(event)):
            return False
        for key, values in self.fields:
            if not any(v in values for v in filter_values(event, key)):
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
    if start is not None and isinstance(window[0], datetime):
        # first day (at 00:00) <= window end, and the day after the last day (at 00:00) > window
        # start: the same as comparing days, without building datetimes (100,000 events per zoom)
        return start <= window[1].date() and (event.end_date or start) >= window[0].date()  # type: ignore[union-attr]
    if not event.date:
        return False
    lo, hi = (_decimal_year(w) for w in window)  # a year beyond the calendar, or such a window
    return event.start_year <= hi and event.end_year > lo  # type: ignore[operator]


def _decimal_year(value: datetime | float) -> float:
    if not isinstance(value, datetime):
        return value
    first = datetime(value.year, 1, 1)
    return (
        value.year + (value - first) / (datetime(value.year + 1, 1, 1) - first)
        if value.year < 9999
        else 9999.0
    )


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
    """Every word of the query occurs (case-insensitively) in the sentence, date text, category or
    places (the text the store's search column holds: eventmap.corpus.store_schema.search_text)."""
    hay = search_text(event)
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
    """The window store holds [start, end] axis values, or None for "all time".

    Numbers are ms since 1970 (a year-axis timeline's pages turn its years into those); when
    one lies beyond what a datetime holds, the window is a pair of decimal years.
    """
    if not value or len(value) != 2 or value[0] is None or value[1] is None:
        return None
    try:
        a, b = parse_axis_time(value[0]), parse_axis_time(value[1])
    except (OverflowError, ValueError):
        if not all(isinstance(v, (int, float)) for v in value):
            raise
        ya, yb = (1970 + float(v) / YEAR_MS for v in value)
        return (ya, yb) if ya <= yb else (yb, ya)
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
    statuses: Sequence[str] | None = None,
    all_kinds: bool = False,
    fields: Mapping[str, Sequence[str] | None] | None = None,
) -> ViewFilter:
    """A ViewFilter from the raw values of the app's controls (None/empty = no restriction;
    statuses None: SHOWN_STATUSES; `fields`: imported field -> values, e.g. {"actors": [...]})."""
    return ViewFilter(
        categories=frozenset(categories) if categories else None,
        documents=frozenset(documents) if documents else None,
        search=(search or "").strip(),
        window=window_from_store(window),
        places=places_from_selection(map_selection),
        statuses=frozenset(statuses) if statuses else SHOWN_STATUSES,
        all_kinds=bool(all_kinds),
        fields=tuple(sorted((k, frozenset(v)) for k, v in (fields or {}).items() if v)),
    )
