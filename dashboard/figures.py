"""Timeline and map figures as pure functions of events (the app and the exports share them).

Public functions (each takes a list of :class:`eventmap.model.Event` and returns a
``plotly.graph_objects.Figure``; none touches Dash):

``timeline_figure(events, *, lane="category", highlight=None, x_range=None, height=None, title=None, max_hover_chars=220, aggregate=None, lanes=None, scope=None)``
    Time on x, one lane per category (``lane="category"``) or per document
    (``lane="document"``) on y, colour by category. The y axis is numeric: lane i sits at
    y = i (tick labels name the lanes, the first lane on top) and each event gets a small
    fixed offset inside its lane (``lane_offset(id)``) so events with the same date stay
    visible. Exact days are solid markers; events whose date is uncertain (precision week/month/year, or a range of days) are translucent
    bars from the first to the day after the last possible day, with a hollow marker at the
    middle of the bar for hovering and clicking. Undated events are left out (they stay in the
    table). ``x_range`` = (start, end) ISO dates sets the initial view. ``aggregate`` (default:
    automatic above AGGREGATE_ABOVE dated events) draws one mark per (category, lane, interval)
    sized by its count instead of one per event, binned by week or month when that gives more
    than MAX_MARKS marks (:func:`timeline_marks`). ``lanes`` fixes the lane order; ``scope``
    records (in ``layout.meta``) that only the events of a time window are drawn.
``map_figure(events, *, highlight=None, view=None, height=None, title=None, resolution=110)``
    One marker per place (events without coordinates are left out), size ~ sqrt(count), the
    count printed on markers holding more than one event (when there are at most
    MAX_LABELLED_PLACES places), coloured by the place's most frequent category. Base map: plotly geo (land, coasts, borders) from topojson, which the caller
    serves offline (``config={"topojsonURL": ...}`` in Dash, ``window.PlotlyGeoAssets`` in a
    static page). ``view`` = {"center": {"lat", "lon"}, "scale": s} pins the view; by default
    it is fitted to the places once (never auto-refitted, so filtering does not jump).
``combined_figure(events, **opts)``
    The timeline above the map in one figure (subplot xy + geo); accepts the options of both.

``highlight`` is an event id: that event gets a black ring on the timeline and its place a
black ring on the map. The ring traces always exist (empty without a highlight): trace 0 of
the timeline figure, trace 1 of the map figure, so a page can move them without re-drawing.

Trace conventions (static HTML linking and the Dash clientside code rely on them). Every
trace carries ``meta={"role": ROLE, ...}``:

Timeline traces are ``scatter`` (SVG) up to SVG_MAX_MARKS marks and ``scattergl`` above.

* ``"timeline-points"`` (one per category and kind, ``meta["category"]``): one point per
  dated event; ``customdata[i]`` is the event id. Day events sit at their date; uncertain
  events at the middle of their interval (hollow symbol). When aggregated
  (``meta["aggregated"]``) a point stands for all events of its category, lane and interval
  (or week/month bin) and carries the first one's id.
* ``"timeline-spans"`` (lines, one per category): three vertices per uncertain
  event (start, end, gap=None); ``customdata`` holds the event id on both ends; no hover.
* ``"timeline-highlight"`` / ``"map-highlight"``: the ring(s) of the highlighted event.
* ``"map-places"`` (scattergeo, exactly one): one point per place; ``customdata[i]`` is the
  place key (``place_key(event)``, "lat,lon" rounded to 4 decimals); ``text[i]`` the count
  ("" for a single event or when the places are too many to label).

:func:`link_table` gives the columns (id, place key, start, end, category, lane) that
connect the two: an event is in a time window [a, b] when ``start <= b`` and ``end >= a``
(``end`` is the last possible day; the interval overlaps the window).
"""

from __future__ import annotations

import html
import math
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import PurePath
from typing import Any

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard.colors import HIGHLIGHT_COLOR, category_color, category_order
from eventmap.model import Event

LANES = ("category", "document")
MAX_LABELLED_PLACES = 400  # above this, counts are in the hover and the marker size only
TIMELINE_UIREVISION = "timeline"
MAP_UIREVISION = "map"
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


# --------------------------------------------------------------------------- event helpers


def place_key(event: Event) -> str | None:
    """The key of the event's map point; events at the same coordinates share it."""
    if event.lat is None or event.lon is None:
        return None
    return f"{event.lat:.4f},{event.lon:.4f}"


def place_name(event: Event) -> str:
    """A short, human name for the event's map point."""
    main = event.main_place
    if main is not None:
        return main.name or main.text
    return f"{event.lat:.2f}, {event.lon:.2f}" if event.located else ""


def document_name(event: Event) -> str:
    """The document's file name (lanes and table show this, not the whole path)."""
    return _file_name(event.source.document or "(no document)")


@lru_cache(maxsize=65536)
def _file_name(doc: str) -> str:
    return PurePath(doc).name or doc


def is_uncertain(event: Event) -> bool:
    """True when the date is a span (week, month, year or a range), not one known day."""
    if not event.date:
        return False
    return (event.date_precision not in (None, "day")) or bool(
        event.date_end and event.date_end != event.date
    )


def date_label(event: Event) -> str:
    """How a person would write the event's date: '14 Mar 2025', 'Mar 2025', '2025'."""
    start, end = event.start_date, event.end_date
    if start is None:
        return "undated"
    prec = event.date_precision or "day"
    if prec == "year":
        return str(start.year) if end is None or end.year == start.year else f"{start.year}–{end.year}"
    if prec == "month" and (end is None or (end.year, end.month) == (start.year, start.month)):
        return f"{_MONTHS[start.month - 1]} {start.year}"
    label = _day(start)
    if end is not None and end != start:
        label = f"{label} – {_day(end)}"
    return f"week {label}" if prec == "week" else label


def _day(d: date) -> str:
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def escape(text: str | None) -> str:
    """Plotly hover labels understand a little HTML: user text must be shown, not obeyed."""
    return html.escape(text or "", quote=False)


def wrap(text: str, width: int = 80, limit: int = 220) -> str:
    """Escaped text cut to `limit` characters and broken into hover lines of ~`width`."""
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    text = escape(text)
    if len(text) <= width:
        return text
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return "<br>".join(lines)


def event_hover(event: Event, max_chars: int = 220) -> str:
    """Hover text: the date expression and its reading, the sentence, the places."""
    head = escape(event.date_text) if event.date_text else ""
    when = escape(date_label(event))
    first = f"<b>{head}</b> → {when}" if head else f"<b>{when}</b>"
    places = ", ".join(escape(p.name or p.text) for p in event.places[:6])
    parts = [first, wrap(event.text, limit=max_chars)]
    parts.append(f"<i>{escape(event.category)}</i>" + (f" · {places}" if places else " · no place"))
    reports = reported_by(event.source_count)
    if reports:
        parts.append(reports)
    return "<br>".join(parts)


def reported_by(n_sources: int) -> str:
    """'reported by 3 sources' for a merged event (or place), '' for a single report."""
    return escape(f"reported by {n_sources} sources") if n_sources > 1 else ""


def lane_of(event: Event, lane: str) -> str:
    """The y-axis lane of an event: its category or its document."""
    if lane not in LANES:
        raise ValueError(f"lane must be one of {', '.join(LANES)}, not {lane!r}")
    # escaped: lane names are tick labels, which Plotly reads as (a little) HTML
    return escape(event.category if lane == "category" else document_name(event))


def interval(event: Event) -> tuple[date, date] | None:
    """(first day, day after the last day): the span the event may have happened in."""
    start, end = event.start_date, event.end_date
    if start is None:
        return None
    return start, (end or start) + timedelta(days=1)


# --------------------------------------------------------------------------- timeline

AGGREGATE_ABOVE = 5000  # dated events; above this the timeline draws groups, not single events
MAX_MARKS = 1000  # aggregated timelines bin events by week, then by month, to stay near this
SVG_MAX_MARKS = 2500  # fewer marks: SVG traces (software WebGL costs seconds to start); more: WebGL
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


def timeline_traces(
    events: Sequence[Event],
    *,
    lane: str = "category",
    highlight: str | None = None,
    max_hover_chars: int = 220,
    aggregate: bool | None = None,
    lanes: Sequence[str] | None = None,
) -> tuple[list[Any], list[str]]:
    """The timeline's traces and its lane order (shared by timeline and combined figures).

    See :func:`timeline_marks` for what is drawn. Up to SVG_MAX_MARKS marks the traces are
    SVG (``scatter``), above that WebGL (``scattergl``): with no GPU WebGL starts slowly.
    ``lanes`` fixes the lane order (e.g. all lanes of the view when only a time window of it
    is drawn); it must hold every lane of `events`.
    """
    marks = timeline_marks(events, lane=lane, aggregate=aggregate)
    aggregated = bool(marks) and (
        aggregate if aggregate is not None else sum(1 for ev in events if ev.date) > AGGREGATE_ABOVE
    )
    trace_type = go.Scatter if len(marks) <= SVG_MAX_MARKS else go.Scattergl
    by_cat: dict[str, list[TimelineMark]] = defaultdict(list)
    for m in marks:
        by_cat[m.category].append(m)
    lanes = list(lanes) if lanes is not None else _lane_order({m.lane for m in marks}, lane)
    row = {name: i for i, name in enumerate(lanes)}
    traces: list[Any] = []
    for cat in category_order(list(by_cat)):
        color = category_color(cat)
        exact: dict[str, list[Any]] = {"x": [], "y": [], "id": [], "hover": [], "size": []}
        vague: dict[str, list[Any]] = {"x": [], "y": [], "id": [], "hover": [], "size": []}
        sx: list[Any] = []
        sy: list[Any] = []
        sid: list[Any] = []
        for m in by_cat[cat]:
            ev = m.events[0]
            y = row[m.lane] + lane_offset(ev.id)
            if m.uncertain:
                cols = vague
                x = (m.start + (m.stop - m.start) / 2).isoformat()
                sx += [m.start.isoformat(), m.stop.isoformat(), None]
                sy += [y, y, None]
                sid += [ev.id, ev.id, None]
            else:
                cols = exact
                x = (m.start if m.binned == "day" else m.start + (m.stop - m.start) / 2).isoformat()
            cols["x"].append(x)
            cols["y"].append(y)
            cols["id"].append(ev.id)
            cols["hover"].append(event_hover(ev, max_hover_chars) if m.count == 1 else group_hover(m))
            cols["size"].append(10 if m.count == 1 else min(30.0, 8 + 3 * math.sqrt(m.count)))
        if sx:
            traces.append(
                trace_type(
                    x=_array(sx),
                    y=_array(sy),
                    customdata=_array(sid),
                    mode="lines",
                    name=escape(cat),
                    legendgroup=cat,
                    showlegend=False,
                    hoverinfo="skip",
                    opacity=0.35,
                    line={"color": color, "width": 5},
                    meta={"role": "timeline-spans", "category": cat},
                )
            )
        for cols, uncertain in ((vague, True), (exact, False)):
            if not cols["x"]:
                continue
            traces.append(
                trace_type(
                    x=_array(cols["x"]),
                    y=_array(cols["y"]),
                    customdata=_array(cols["id"]),
                    hovertext=_array(cols["hover"]),
                    hoverinfo="text",
                    mode="markers",
                    name=escape(cat),
                    legendgroup=cat,
                    showlegend=not (uncertain and exact["x"]),
                    marker={
                        "color": color,
                        "size": cols["size"] if aggregated else 10,
                        "symbol": "diamond-open" if uncertain else "circle",
                        "line": {"width": 2, "color": color},
                    },
                    meta={
                        "role": "timeline-points",
                        "category": cat,
                        "uncertain": uncertain,
                        "aggregated": bool(aggregated),
                    },
                )
            )
    traces.insert(0, timeline_highlight(_find(events, highlight), lane, lanes, trace_type=trace_type))
    return traces, lanes


def lane_offset(event_id: str) -> float:
    """A fixed offset inside the lane (from the id) so events with the same date do not hide each other."""
    return round(((zlib.crc32(event_id.encode("utf-8")) % 9) - 4) * 0.07, 2)


def group_hover(mark: TimelineMark) -> str:
    """Hover of an aggregated timeline mark: how many events of which category, and when."""
    first = mark.events[0]
    if mark.uncertain and mark.binned != "day":
        when = f"{_day(mark.start)} – {_day(mark.stop - timedelta(days=1))}, each date uncertain"
    elif mark.binned == "week":
        when = f"week of {_day(mark.start)}, each known to the day"
    elif mark.binned == "month":
        when = f"{_MONTHS[mark.start.month - 1]} {mark.start.year}, each known to the day"
    else:
        when = date_label(first)
    noun = "event" if mark.count == 1 else "events"
    return f"<b>{mark.count} {escape(first.category)} {noun}</b> · {escape(when)}"


def timeline_highlight(
    target: Event | None, lane: str = "category", lanes: Sequence[str] = (), trace_type: Any = go.Scatter
) -> Any:
    """The ring around the highlighted event (always trace 0 of the timeline; empty if none)."""
    x: list[str] = []
    y: list[float] = []
    ids: list[str] = []
    name = lane_of(target, lane) if target is not None else None
    if target is not None and target.date and name in lanes:
        start, stop = interval(target)  # type: ignore[misc]
        x = [((start + (stop - start) / 2) if is_uncertain(target) else start).isoformat()]
        y, ids = [list(lanes).index(name) + lane_offset(target.id)], [target.id]
    return trace_type(
        x=x,
        y=y,
        customdata=ids,
        mode="markers",
        hoverinfo="skip",
        showlegend=False,
        name="selected",
        marker={"size": 22, "symbol": "circle-open", "color": HIGHLIGHT_COLOR, "line": {"width": 3}},
        meta={"role": "timeline-highlight"},
    )


def lane_axis(lanes: Sequence[str]) -> dict[str, Any]:
    """A numeric y axis labelled with the lane names (lane i sits at y = i, first lane on top)."""
    return {
        "type": "linear",
        "tickmode": "array",
        "tickvals": list(range(len(lanes))),
        "ticktext": list(lanes),
        "range": [-0.6, max(len(lanes), 1) - 0.4],
        "fixedrange": True,
        "zeroline": False,
        "automargin": True,
        "showgrid": True,
        "gridcolor": "#eeeeee",
    }


def timeline_lanes(events: Iterable[Event], lane: str = "category") -> list[str]:
    """The lanes (top first) a timeline of `events` has."""
    if lane not in LANES:
        raise ValueError(f"lane must be one of {', '.join(LANES)}, not {lane!r}")
    if lane == "category":
        names = {escape(c) for c in {ev.category for ev in events if ev.date}}
    else:
        names = {
            escape(document_name(ev)) for ev in {ev.source.document: ev for ev in events if ev.date}.values()
        }
    return _lane_order(names, lane)


def lane_margin(lanes: Sequence[str]) -> int:
    """Left margin (px) that fits the longest lane label at Plotly's default 12 px font."""
    longest = max((len(html.unescape(name)) for name in lanes), default=0)
    return int(min(320, 18 + 7.2 * longest))


def _lane_order(lanes: set[str], lane: str) -> list[str]:
    ordered = category_order(lanes) if lane == "category" else sorted(lanes)
    return list(reversed(ordered))  # first lane on top


def timeline_figure(
    events: Sequence[Event],
    *,
    lane: str = "category",
    highlight: str | None = None,
    x_range: tuple[str, str] | None = None,
    height: int | None = None,
    title: str | None = None,
    max_hover_chars: int = 220,
    aggregate: bool | None = None,
    lanes: Sequence[str] | None = None,
    scope: tuple[str, str] | None = None,
) -> go.Figure:
    """The timeline: dated events by time and lane; see the module docstring.

    ``scope`` (start, end) marks a figure that draws only the events of that time window
    (the app's detail view of a big corpus); it is kept in ``layout.meta["scope"]``.
    """
    traces, lanes = timeline_traces(
        events,
        lane=lane,
        highlight=highlight,
        max_hover_chars=max_hover_chars,
        aggregate=aggregate,
        lanes=lanes,
    )
    fig = go.Figure(traces)
    n_lanes = max(1, len(lanes))
    fig.update_layout(
        height=height or min(700, 140 + 34 * n_lanes),
        title=title,
        # margins wide enough for the lane labels and the legend row: Plotly's automargin then
        # has nothing to add, which spares a second full draw of the timeline
        margin={"l": lane_margin(lanes), "r": 10, "t": 80 if title else 50, "b": 45},
        dragmode="zoom",
        hovermode="closest",
        uirevision=TIMELINE_UIREVISION,
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0},
        plot_bgcolor="#fafafa",
        meta={"scope": list(scope) if scope else None},
    )
    fig.update_xaxes(type="date", rangeslider={"visible": False}, showgrid=True, gridcolor="#e6e6e6")
    if x_range:
        fig.update_xaxes(range=list(x_range))
    fig.update_yaxes(**lane_axis(lanes))
    return fig


# --------------------------------------------------------------------------- map


@dataclass(slots=True)
class PlacePoint:
    """All events (in view) at one map point."""

    key: str
    lat: float
    lon: float
    name: str
    events: list[Event] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.events)

    @property
    def category(self) -> str:
        """The most frequent category here (ties: canonical category order)."""
        counts = Counter(e.category for e in self.events)
        best = max(counts.values())
        return category_order([c for c, n in counts.items() if n == best])[0]


def aggregate_places(events: Iterable[Event]) -> list[PlacePoint]:
    """One PlacePoint per distinct location, in order of first appearance."""
    places: dict[str, PlacePoint] = {}
    for ev in events:
        key = place_key(ev)
        if key is None:
            continue
        pt = places.get(key)
        if pt is None:
            pt = places[key] = PlacePoint(key, float(ev.lat), float(ev.lon), place_name(ev))  # type: ignore[arg-type]
        pt.events.append(ev)
    return list(places.values())


def marker_size(count: int) -> float:
    """Marker diameter in px: area grows with the count, capped so one place cannot cover a country."""
    return round(min(44.0, 9.0 + 5.0 * math.sqrt(max(count, 1) - 1)), 1)


def place_hover(pt: PlacePoint, max_items: int = 4) -> str:
    """Hover for a place: its name, its count (and reports, when merged) and the first few events there."""
    head = f"<b>{escape(pt.name)}</b> · {pt.count} event{'s' if pt.count != 1 else ''}"
    reports = sum(e.source_count for e in pt.events)
    if reports > pt.count:  # some event here is a merge of several reports
        head += " · " + reported_by(reports)
    lines = [
        f"{escape(date_label(e))}: {wrap(e.text, width=70, limit=90)}"
        + (f" ({e.source_count} sources)" if e.source_count > 1 else "")
        for e in pt.events[:max_items]
    ]
    if pt.count > max_items:
        lines.append(f"… and {pt.count - max_items} more")
    return "<br>".join([head, *lines])


def default_view(points: Sequence[PlacePoint]) -> dict[str, Any]:
    """A geo view (center + projection scale) framing the places, or the world when none."""
    if not points:
        return {"center": {"lat": 20.0, "lon": 0.0}, "scale": 1.0}
    lats = [p.lat for p in points]
    lons = [p.lon for p in points]
    lat_span = max(max(lats) - min(lats), 8.0)
    lon_span = max(max(lons) - min(lons), 12.0)
    scale = round(max(1.0, min(360.0 / (lon_span * 2.4), 180.0 / (lat_span * 2.4), 30.0)), 2)
    # At scale s the frame shows about 180/s degrees of latitude: keep the centre far enough
    # from the poles that the frame stays on the globe (else a world view slides off its frame).
    lat_room = max(0.0, 90.0 - 90.0 / scale)
    mid_lat = (max(lats) + min(lats)) / 2
    return {
        "center": {
            "lat": round(max(-lat_room, min(lat_room, mid_lat)), 3),
            "lon": (max(lons) + min(lons)) / 2,
        },
        "scale": scale,
    }


def map_traces(events: Sequence[Event], *, highlight: str | None = None) -> list[go.Scattergeo]:
    """The map's traces: places (always, possibly empty) and the highlight ring."""
    points = aggregate_places(events)
    labelled = len(points) <= MAX_LABELLED_PLACES
    traces = [
        go.Scattergeo(
            lat=[p.lat for p in points],
            lon=[p.lon for p in points],
            customdata=[p.key for p in points],
            text=[str(p.count) if p.count > 1 and labelled else "" for p in points],
            hovertext=[place_hover(p) for p in points],
            hoverinfo="text",
            mode="markers+text" if labelled else "markers",
            textfont={"color": "white", "size": 10},
            marker={
                "size": [marker_size(p.count) for p in points],
                "color": [category_color(p.category) for p in points],
                "opacity": 0.85,
                "line": {"width": 1, "color": "white"},
            },
            name="places",
            showlegend=False,
            meta={"role": "map-places"},
        )
    ]
    traces.append(map_highlight(_find(events, highlight)))
    return traces


def map_highlight(target: Event | None) -> go.Scattergeo:
    """The ring around the highlighted event's place (always trace 1 of the map; empty if none)."""
    located = target is not None and target.located
    return go.Scattergeo(
        lat=[target.lat] if located else [],
        lon=[target.lon] if located else [],  # type: ignore[union-attr]
        customdata=[place_key(target)] if located else [],
        mode="markers",  # type: ignore[arg-type]
        hoverinfo="skip",
        showlegend=False,
        name="selected",
        marker={"size": 30, "symbol": "circle-open", "color": HIGHLIGHT_COLOR, "line": {"width": 3}},
        meta={"role": "map-highlight"},
    )


def geo_layout(view: dict[str, Any], resolution: int = 110) -> dict[str, Any]:
    """Plotly geo settings: offline-friendly base map, a fixed view, kept across updates."""
    return {
        "projection": {"type": "natural earth", "scale": view["scale"]},
        "center": view["center"],
        "fitbounds": False,
        "resolution": resolution,
        "showland": True,
        "landcolor": "#eeeeee",
        "showocean": True,
        "oceancolor": "#dceefa",
        "showcountries": True,
        "countrycolor": "#aaaaaa",
        "showcoastlines": True,
        "coastlinecolor": "#999999",
        "showframe": False,
        "uirevision": MAP_UIREVISION,
    }


def map_figure(
    events: Sequence[Event],
    *,
    highlight: str | None = None,
    view: dict[str, Any] | None = None,
    height: int | None = None,
    title: str | None = None,
    resolution: int = 110,
) -> go.Figure:
    """The map: one marker per place with a count; see the module docstring."""
    fig = go.Figure(map_traces(events, highlight=highlight))
    fig.update_layout(
        geo=geo_layout(view or default_view(aggregate_places(events)), resolution),
        height=height or 460,
        title=title,
        dragmode="pan",
        uirevision=MAP_UIREVISION,
        margin={"l": 0, "r": 0, "t": 40 if title else 0, "b": 0},
    )
    return fig


# --------------------------------------------------------------------------- both


def combined_figure(
    events: Sequence[Event],
    *,
    lane: str = "category",
    highlight: str | None = None,
    x_range: tuple[str, str] | None = None,
    view: dict[str, Any] | None = None,
    height: int | None = None,
    title: str | None = None,
    resolution: int = 110,
    max_hover_chars: int = 220,
    aggregate: bool | None = None,
) -> go.Figure:
    """Timeline (top) and map (bottom) in one figure, e.g. for a single PNG or HTML file."""
    fig = make_subplots(
        rows=2,
        cols=1,
        row_heights=[0.42, 0.58],
        vertical_spacing=0.06,
        specs=[[{"type": "xy"}], [{"type": "geo"}]],
    )
    tl_traces, lanes = timeline_traces(
        events, lane=lane, highlight=highlight, max_hover_chars=max_hover_chars, aggregate=aggregate
    )
    for tr in tl_traces:
        fig.add_trace(tr, row=1, col=1)
    for tr in map_traces(events, highlight=highlight):
        fig.add_trace(tr, row=2, col=1)
    fig.update_layout(
        geo=geo_layout(view or default_view(aggregate_places(events)), resolution),
        height=height or 900,
        title=title,
        hovermode="closest",
        uirevision=TIMELINE_UIREVISION,
        margin={"l": 10, "r": 10, "t": 50 if title else 20, "b": 10},
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0},
        plot_bgcolor="#fafafa",
    )
    fig.update_xaxes(type="date", row=1, col=1)
    if x_range:
        fig.update_xaxes(range=list(x_range), row=1, col=1)
    fig.update_yaxes(**lane_axis(lanes), row=1, col=1)
    return fig


# --------------------------------------------------------------------------- linking


def link_table(events: Sequence[Event], *, lane: str = "category") -> dict[str, list[Any]]:
    """Columns that link timeline points (event ids) to map points (place keys).

    ``start``/``end`` are ISO first/last possible days (None when undated); ``place`` is the
    place key (None when unplaced). Static pages embed this as JSON for their linking script.
    """
    cols: dict[str, list[Any]] = {k: [] for k in ("id", "place", "start", "end", "category", "lane")}
    for ev in events:
        cols["id"].append(ev.id)
        cols["place"].append(place_key(ev))
        cols["start"].append(ev.date)
        cols["end"].append(ev.date_end or ev.date)
        cols["category"].append(ev.category)
        cols["lane"].append(lane_of(ev, lane))
    return cols


def _array(values: list[Any]) -> np.ndarray:
    """An object array: plotly validates it in one step instead of element by element."""
    arr = np.empty(len(values), dtype=object)
    arr[:] = values
    return arr


def _find(events: Sequence[Event], event_id: str | None) -> Event | None:
    if not event_id:
        return None
    return next((e for e in events if e.id == event_id), None)
