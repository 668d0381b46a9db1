"""Timeline and map figures as pure functions of events (the app and the exports share them).

Public functions (each takes a list of :class:`events.model.Event` and returns a
``plotly.graph_objects.Figure``; none touches Dash):

``timeline_figure(events, *, lane="category", highlight=None, x_range=None, height=None, title=None, max_hover_chars=220, aggregate=None)``
    Time on x, one lane per category (``lane="category"``) or per document
    (``lane="document"``) on y, colour by category. The y axis is numeric: lane i sits at
    y = i (tick labels name the lanes, the first lane on top) and each event gets a small
    fixed offset inside its lane (``lane_offset(id)``) so events with the same date stay
    visible. Exact days are solid markers; events whose date is uncertain (precision week/month/year, or a range of days) are translucent
    bars from the first to the day after the last possible day, with a hollow marker at the
    middle of the bar for hovering and clicking. Undated events are left out (they stay in the
    table). ``x_range`` = (start, end) ISO dates sets the initial view. ``aggregate`` (default:
    automatic above AGGREGATE_ABOVE dated events) draws one mark per (category, lane, interval)
    sized by its count instead of one per event.
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

* ``"timeline-points"`` (scattergl, one per category, ``meta["category"]``): one point per
  dated event; ``customdata[i]`` is the event id. Day events sit at their date; uncertain
  events at the middle of their interval (hollow symbol). When aggregated
  (``meta["aggregated"]``) a point stands for all events of its category, lane and interval
  and carries the first one's id.
* ``"timeline-spans"`` (scattergl lines, one per category): three vertices per uncertain
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
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date, timedelta
from pathlib import PurePath
from typing import Any, Iterable, Sequence

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard.colors import HIGHLIGHT_COLOR, category_color, category_order
from events.model import Event

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
    return (event.date_precision not in (None, "day")) or bool(event.date_end and event.date_end != event.date)


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
    return "<br>".join(parts)


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


def timeline_traces(events: Sequence[Event], *, lane: str = "category", highlight: str | None = None,
                    max_hover_chars: int = 220, aggregate: bool | None = None) -> tuple[list[go.Scattergl], list[str]]:
    """The timeline's traces and its lane order (shared by timeline and combined figures).

    With ``aggregate`` (default: more than AGGREGATE_ABOVE dated events) events with the same
    category, lane and interval become one marker sized by their count: a 100,000-event
    timeline then draws a few thousand marks instead of 100,000 hover labels.
    """
    dated = [ev for ev in events if ev.date]
    if aggregate is None:
        aggregate = len(dated) > AGGREGATE_ABOVE
    groups: dict[tuple[Any, ...], list[Event]] = {}
    for ev in dated:
        key = (ev.category, lane_of(ev, lane), ev.date, ev.date_end or ev.date, is_uncertain(ev))
        groups.setdefault(key if aggregate else (ev.id, *key), []).append(ev)
    by_cat: dict[str, list[list[Event]]] = defaultdict(list)
    for group in groups.values():
        by_cat[group[0].category].append(group)
    lanes = _lane_order({key[1] if aggregate else key[2] for key in groups}, lane)
    row = {name: i for i, name in enumerate(lanes)}
    traces: list[go.Scattergl] = []
    for cat in category_order(list(by_cat)):
        color = category_color(cat)
        exact: dict[str, list[Any]] = {"x": [], "y": [], "id": [], "hover": [], "size": []}
        vague: dict[str, list[Any]] = {"x": [], "y": [], "id": [], "hover": [], "size": []}
        sx: list[Any] = []
        sy: list[Any] = []
        sid: list[Any] = []
        for group in by_cat[cat]:
            ev = group[0]
            y = row[lane_of(ev, lane)] + lane_offset(ev.id)
            start, stop = interval(ev)  # type: ignore[misc]
            if is_uncertain(ev):
                cols = vague
                x = (start + (stop - start) / 2).isoformat()
                sx += [start.isoformat(), stop.isoformat(), None]
                sy += [y, y, None]
                sid += [ev.id, ev.id, None]
            else:
                cols = exact
                x = start.isoformat()
            cols["x"].append(x)
            cols["y"].append(y)
            cols["id"].append(ev.id)
            cols["hover"].append(event_hover(ev, max_hover_chars) if len(group) == 1 else group_hover(group))
            cols["size"].append(10 if len(group) == 1 else min(30.0, 8 + 3 * math.sqrt(len(group))))
        if sx:
            traces.append(go.Scattergl(
                x=_array(sx), y=_array(sy), customdata=_array(sid), mode="lines", name=escape(cat),
                legendgroup=cat, showlegend=False, hoverinfo="skip", opacity=0.35,
                line={"color": color, "width": 5}, meta={"role": "timeline-spans", "category": cat},
            ))
        for cols, uncertain in ((vague, True), (exact, False)):
            if not cols["x"]:
                continue
            traces.append(go.Scattergl(
                x=_array(cols["x"]), y=_array(cols["y"]), customdata=_array(cols["id"]),
                hovertext=_array(cols["hover"]), hoverinfo="text", mode="markers", name=escape(cat),
                legendgroup=cat, showlegend=not (uncertain and exact["x"]),
                marker={"color": color, "size": cols["size"] if aggregate else 10,
                        "symbol": "diamond-open" if uncertain else "circle",
                        "line": {"width": 2, "color": color}},
                meta={"role": "timeline-points", "category": cat, "uncertain": uncertain,
                      "aggregated": bool(aggregate)},
            ))
    traces.insert(0, timeline_highlight(_find(events, highlight), lane, lanes))
    return traces, lanes


def lane_offset(event_id: str) -> float:
    """A fixed offset inside the lane (from the id) so events with the same date do not hide each other."""
    return round(((zlib.crc32(event_id.encode("utf-8")) % 9) - 4) * 0.07, 2)


def group_hover(group: Sequence[Event]) -> str:
    """Hover of an aggregated timeline mark: how many, when, and one example sentence."""
    first = group[0]
    return (f"<b>{len(group)} {escape(first.category)} events</b> · {escape(date_label(first))}"
            f"<br>e.g. {wrap(first.text, limit=100)}")


def timeline_highlight(target: Event | None, lane: str = "category", lanes: Sequence[str] = ()) -> go.Scattergl:
    """The ring around the highlighted event (always trace 0 of the timeline; empty if none)."""
    x: list[str] = []
    y: list[float] = []
    ids: list[str] = []
    name = lane_of(target, lane) if target is not None else None
    if target is not None and target.date and name in lanes:
        start, stop = interval(target)  # type: ignore[misc]
        x = [((start + (stop - start) / 2) if is_uncertain(target) else start).isoformat()]
        y, ids = [list(lanes).index(name) + lane_offset(target.id)], [target.id]
    return go.Scattergl(
        x=x, y=y, customdata=ids, mode="markers", hoverinfo="skip", showlegend=False, name="selected",
        marker={"size": 22, "symbol": "circle-open", "color": HIGHLIGHT_COLOR, "line": {"width": 3}},
        meta={"role": "timeline-highlight"},
    )


def lane_axis(lanes: Sequence[str]) -> dict[str, Any]:
    """A numeric y axis labelled with the lane names (lane i sits at y = i, first lane on top)."""
    return {"type": "linear", "tickmode": "array", "tickvals": list(range(len(lanes))),
            "ticktext": list(lanes), "range": [-0.6, max(len(lanes), 1) - 0.4], "fixedrange": True,
            "zeroline": False, "automargin": True, "showgrid": True, "gridcolor": "#eeeeee"}


def _lane_order(lanes: set[str], lane: str) -> list[str]:
    ordered = category_order(lanes) if lane == "category" else sorted(lanes)
    return list(reversed(ordered))  # first lane on top


def timeline_figure(events: Sequence[Event], *, lane: str = "category", highlight: str | None = None,
                    x_range: tuple[str, str] | None = None, height: int | None = None,
                    title: str | None = None, max_hover_chars: int = 220,
                    aggregate: bool | None = None) -> go.Figure:
    """The timeline: dated events by time and lane; see the module docstring."""
    traces, lanes = timeline_traces(events, lane=lane, highlight=highlight, max_hover_chars=max_hover_chars,
                                    aggregate=aggregate)
    fig = go.Figure(traces)
    n_lanes = max(1, len(lanes))
    fig.update_layout(
        height=height or min(700, 140 + 34 * n_lanes), title=title,
        margin={"l": 10, "r": 10, "t": 40 if title else 10, "b": 30},
        dragmode="zoom", hovermode="closest", uirevision=TIMELINE_UIREVISION,
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0},
        plot_bgcolor="#fafafa",
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
    """Hover for a place: its name, its count and the first few events there."""
    head = f"<b>{escape(pt.name)}</b> · {pt.count} event{'s' if pt.count != 1 else ''}"
    lines = [f"{escape(date_label(e))}: {wrap(e.text, width=70, limit=90)}" for e in pt.events[:max_items]]
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
        "center": {"lat": round(max(-lat_room, min(lat_room, mid_lat)), 3),
                   "lon": (max(lons) + min(lons)) / 2},
        "scale": scale,
    }


def map_traces(events: Sequence[Event], *, highlight: str | None = None) -> list[go.Scattergeo]:
    """The map's traces: places (always, possibly empty) and the highlight ring."""
    points = aggregate_places(events)
    labelled = len(points) <= MAX_LABELLED_PLACES
    traces = [go.Scattergeo(
        lat=[p.lat for p in points], lon=[p.lon for p in points],
        customdata=[p.key for p in points],
        text=[str(p.count) if p.count > 1 and labelled else "" for p in points],
        hovertext=[place_hover(p) for p in points], hoverinfo="text",
        mode="markers+text" if labelled else "markers", textfont={"color": "white", "size": 10},
        marker={"size": [marker_size(p.count) for p in points],
                "color": [category_color(p.category) for p in points],
                "opacity": 0.85, "line": {"width": 1, "color": "white"}},
        name="places", showlegend=False, meta={"role": "map-places"},
    )]
    traces.append(map_highlight(_find(events, highlight)))
    return traces


def map_highlight(target: Event | None) -> go.Scattergeo:
    """The ring around the highlighted event's place (always trace 1 of the map; empty if none)."""
    located = target is not None and target.located
    return go.Scattergeo(
        lat=[target.lat] if located else [], lon=[target.lon] if located else [],  # type: ignore[union-attr]
        customdata=[place_key(target)] if located else [], mode="markers",  # type: ignore[arg-type]
        hoverinfo="skip", showlegend=False, name="selected",
        marker={"size": 30, "symbol": "circle-open", "color": HIGHLIGHT_COLOR, "line": {"width": 3}},
        meta={"role": "map-highlight"},
    )


def geo_layout(view: dict[str, Any], resolution: int = 110) -> dict[str, Any]:
    """Plotly geo settings: offline-friendly base map, a fixed view, kept across updates."""
    return {
        "projection": {"type": "natural earth", "scale": view["scale"]},
        "center": view["center"], "fitbounds": False, "resolution": resolution,
        "showland": True, "landcolor": "#eeeeee", "showocean": True, "oceancolor": "#dceefa",
        "showcountries": True, "countrycolor": "#aaaaaa", "showcoastlines": True,
        "coastlinecolor": "#999999", "showframe": False, "uirevision": MAP_UIREVISION,
    }


def map_figure(events: Sequence[Event], *, highlight: str | None = None, view: dict[str, Any] | None = None,
               height: int | None = None, title: str | None = None, resolution: int = 110) -> go.Figure:
    """The map: one marker per place with a count; see the module docstring."""
    fig = go.Figure(map_traces(events, highlight=highlight))
    fig.update_layout(
        geo=geo_layout(view or default_view(aggregate_places(events)), resolution),
        height=height or 460, title=title, dragmode="pan", uirevision=MAP_UIREVISION,
        margin={"l": 0, "r": 0, "t": 40 if title else 0, "b": 0},
    )
    return fig


# --------------------------------------------------------------------------- both

def combined_figure(events: Sequence[Event], *, lane: str = "category", highlight: str | None = None,
                    x_range: tuple[str, str] | None = None, view: dict[str, Any] | None = None,
                    height: int | None = None, title: str | None = None, resolution: int = 110,
                    max_hover_chars: int = 220, aggregate: bool | None = None) -> go.Figure:
    """Timeline (top) and map (bottom) in one figure, e.g. for a single PNG or HTML file."""
    fig = make_subplots(rows=2, cols=1, row_heights=[0.42, 0.58], vertical_spacing=0.06,
                        specs=[[{"type": "xy"}], [{"type": "geo"}]])
    tl_traces, lanes = timeline_traces(events, lane=lane, highlight=highlight, max_hover_chars=max_hover_chars,
                                       aggregate=aggregate)
    for tr in tl_traces:
        fig.add_trace(tr, row=1, col=1)
    for tr in map_traces(events, highlight=highlight):
        fig.add_trace(tr, row=2, col=1)
    fig.update_layout(
        geo=geo_layout(view or default_view(aggregate_places(events)), resolution),
        height=height or 900, title=title, hovermode="closest", uirevision=TIMELINE_UIREVISION,
        margin={"l": 10, "r": 10, "t": 50 if title else 20, "b": 10},
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0}, plot_bgcolor="#fafafa",
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
