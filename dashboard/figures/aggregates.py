"""What the figures draw at scale: timeline marks (single events or groups) and places on the map."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from dashboard.basemap.areas import area_label_point, is_area_key
from dashboard.figures.colors import category_order
from dashboard.figures.labels import (
    LANES,
    interval,
    is_document_placed,
    is_uncertain,
    lane_of,
    place_key,
    place_name,
    place_precision,
)
from eventmap.model import Event

AGGREGATE_ABOVE = 5000  # dated events; above this the timeline draws groups, not single events
MAX_MARKS = 1000  # aggregated timelines bin events by week, then by month, to stay near this
_BIN_LEVELS = ("day", "week", "month")


@dataclass(slots=True)
class TimelineMark:
    """One timeline mark: a single event, or (aggregated) all events of a category, lane and interval or bin."""

    category: str
    lane: str
    start: date  # first day of the mark's interval
    stop: date  # day after its last day
    uncertain: bool  # drawn as a bar over the interval (the events' dates are spans)
    events: list[Event]
    binned: str = "day"  # "week"/"month": day-precise events binned together (no bar)

    @property
    def count(self) -> int:
        return len(self.events)


def _bin_start(d: date, level: str) -> date:
    if level == "week":
        return d - timedelta(days=d.weekday())
    if level == "month":
        return d.replace(day=1)
    return d


def _bin_stop(start: date, level: str) -> date:
    if level == "week":
        return start + timedelta(days=7)
    if level == "month":
        return (start + timedelta(days=32)).replace(day=1)
    return start + timedelta(days=1)


def timeline_marks(
    events: Sequence[Event], *, lane: str = "category", aggregate: bool | None = None
) -> list[TimelineMark]:
    """What the timeline draws: one mark per dated event, or (aggregated) per group of events.

    Aggregated (default: more than AGGREGATE_ABOVE dated events), events with the same
    category, lane and interval form one mark; when that still gives more than MAX_MARKS
    marks, events known to the day are binned by week, then by month (the mark sits in the
    middle of its bin), so 100,000 events draw some 1,000-2,000 marks.
    """
    if lane not in LANES:
        raise ValueError(f"lane must be one of {', '.join(LANES)}, not {lane!r}")
    dated = [ev for ev in events if ev.date]
    if aggregate is None:
        aggregate = len(dated) > AGGREGATE_ABOVE
    if not aggregate:
        out = []
        for ev in dated:
            start, stop = interval(ev)  # type: ignore[misc]
            out.append(TimelineMark(ev.category, lane_of(ev, lane), start, stop, is_uncertain(ev), [ev]))
        return out
    groups: dict[tuple[Any, ...], TimelineMark] = {}
    for ev in dated:
        uncertain = is_uncertain(ev)
        key = (ev.category, lane_of(ev, lane), ev.date, ev.date_end or ev.date, uncertain)
        mark = groups.get(key)
        if mark is None:
            start, stop = interval(ev)  # type: ignore[misc]
            mark = groups[key] = TimelineMark(key[0], key[1], start, stop, uncertain, [])
        mark.events.append(ev)
    marks = by_interval = list(groups.values())
    for level in _BIN_LEVELS[1:]:
        if len(marks) <= MAX_MARKS:
            break
        marks = _rebin(by_interval, level)  # from the exact groups: a week may straddle two months
    return marks


def _rebin(marks: list[TimelineMark], level: str) -> list[TimelineMark]:
    """Merge marks by category, lane and week or month: day-precise events into one dot in
    the middle of the bin; uncertain ones whose intervals start and end in the same bins into
    one bar over all of them."""
    binned: dict[tuple[Any, ...], TimelineMark] = {}
    for m in marks:
        first = _bin_start(m.start, level)
        if m.uncertain:
            key = (m.category, m.lane, True, first, _bin_start(m.stop - timedelta(days=1), level))
        else:
            key = (m.category, m.lane, False, first)
        into = binned.get(key)
        if into is None:
            if m.uncertain:
                into = binned[key] = TimelineMark(m.category, m.lane, m.start, m.stop, True, [], m.binned)
            else:
                into = binned[key] = TimelineMark(
                    m.category, m.lane, first, _bin_stop(first, level), False, [], level
                )
        elif m.uncertain:
            into.start, into.stop = min(into.start, m.start), max(into.stop, m.stop)
            if into.start != m.start or into.stop != m.stop:
                into.binned = level
        into.events.extend(m.events)
    return list(binned.values())


@dataclass(slots=True)
class PlacePoint:
    """All events (in view) at one map mark: a point, or an area (a region or country)."""

    key: str
    lat: float  # the point, or where an area's count is written
    lon: float
    name: str
    events: list[Event] = field(default_factory=list)
    precision: str = "place"  # city, region, country ... (the hover says it)

    @property
    def count(self) -> int:
        return len(self.events)

    @property
    def is_area(self) -> bool:
        return is_area_key(self.key)

    @property
    def hollow(self) -> bool:
        """Every event here is placed by its article's setting (drawn hollow)."""
        return all(is_document_placed(e) for e in self.events)

    @property
    def category(self) -> str:
        """The most frequent category here (ties: canonical category order)."""
        counts = Counter(e.category for e in self.events)
        best = max(counts.values())
        return category_order([c for c, n in counts.items() if n == best])[0]


def aggregate_places(events: Iterable[Event], keys: Iterable[str | None] | None = None) -> list[PlacePoint]:
    """One PlacePoint per distinct location, in order of first appearance (`keys`: the events'
    place keys, when the caller has them already)."""
    places: dict[str, PlacePoint] = {}
    events = list(events)
    for ev, key in zip(events, keys if keys is not None else map(place_key, events)):
        if key is None:
            continue
        pt = places.get(key)
        if pt is None:
            lat, lon = float(ev.lat), float(ev.lon)  # type: ignore[arg-type]
            if is_area_key(key):
                lon, lat = area_label_point(key) or (lon, lat)
            pt = places[key] = PlacePoint(key, lat, lon, place_name(ev), precision=place_precision(ev))
        pt.events.append(ev)
    return list(places.values())
