"""The timeline figure: dated events by time and lane, single marks or groups at scale."""

from __future__ import annotations

import html
import math
import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

import numpy as np
import plotly.graph_objects as go

from dashboard.figures.aggregates import AGGREGATE_ABOVE, TimelineMark, timeline_marks
from dashboard.figures.colors import HIGHLIGHT_COLOR, category_color, category_order
from dashboard.figures.histogram import (
    HISTOGRAM_ABOVE,
    HISTOGRAM_HEIGHT,
    event_day,
    histogram_axis,
    histogram_counts,
    histogram_level,
    histogram_traces,
)
from dashboard.figures.imported import fatalities_sum
from dashboard.figures.labels import (
    _MONTHS,
    LANES,
    _day,
    date_label,
    document_name,
    escape,
    event_hover,
    find_event,
    interval,
    is_uncertain,
    lane_of,
    uses_year_axis,
)
from eventmap.eventdates import year_number
from eventmap.model import Event

TITLED_TOP = 100  # top margin with a title: the title, then the legend row, then the plot
SVG_MAX_MARKS = 2500  # fewer marks: SVG traces (software WebGL costs seconds to start); more: WebGL
TIMELINE_UIREVISION = "timeline"


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
    years = uses_year_axis(events)
    marks = _year_marks(events, lane) if years else timeline_marks(events, lane=lane, aggregate=aggregate)
    aggregated = (
        not years
        and bool(marks)
        and (aggregate if aggregate is not None else sum(1 for ev in events if ev.date) > AGGREGATE_ABOVE)
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
                x = _x(m.start + (m.stop - m.start) / 2)
                sx += [_x(m.start), _x(m.stop), None]
                sy += [y, y, None]
                sid += [ev.id, ev.id, None]
            else:
                cols = exact
                if m.binned != "day":
                    x = _x(m.start + (m.stop - m.start) / 2)
                elif isinstance(m.start, float):  # a year axis (deep time): no time of day
                    x = _x(m.start)
                else:
                    x = at_time_of_day(m.start, ev.time if m.count == 1 else None)
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
    traces.insert(
        0, timeline_highlight(find_event(events, highlight), lane, lanes, trace_type=trace_type, years=years)
    )
    return traces, lanes


DAY_PART_HOURS = {"night": "02:00", "morning": "09:00", "afternoon": "15:00", "evening": "20:00"}


def at_time_of_day(day: date, time: str | None) -> str:
    """Where an event of `day` sits on the time axis: at its clock time or part of the day when
    known (visible once the timeline is zoomed to a day), else at the day's start."""
    if not time:
        return day.isoformat()
    clock = DAY_PART_HOURS.get(time, time)
    return f"{day.isoformat()} {clock}" if len(clock) == 5 and clock[2] == ":" else day.isoformat()


def short_range(events: Sequence[Event]) -> tuple[str, str] | None:
    """A sensible x range when the dated events span less than two days: a day on each side
    (Plotly would zoom one event to a millisecond)."""
    spans = [interval(e) for e in events if e.date]
    if not spans:
        return None
    first, stop = min(s[0] for s in spans), max(s[1] for s in spans)
    if stop - first > timedelta(days=2):
        return None
    return (first - timedelta(days=1)).isoformat(), (stop + timedelta(days=1)).isoformat()


def _year_marks(events: Sequence[Event], lane: str) -> list[TimelineMark]:
    """One mark per dated event on a year axis: start and stop as decimal years, never grouped."""
    return [
        TimelineMark(ev.category, lane_of(ev, lane), ev.start_year, ev.end_year, _spans(ev), [ev])  # type: ignore[arg-type]
        for ev in events
        if ev.date
    ]


def _spans(event: Event) -> bool:
    """On a year axis a bar when the event lasts a year or more, else a point (a day is too thin)."""
    return is_uncertain(event) and (event.end_year - event.start_year) >= 1  # type: ignore[operator]


def _x(value: Any) -> Any:
    """An x value: an ISO date on the date axis, the decimal year itself on a year axis."""
    return value if isinstance(value, float) else value.isoformat()


def year_range(values: Sequence[Any]) -> list[float]:
    """A time window (ISO dates, or ms since 1970 as a year-axis page sends them) in decimal years."""
    out = []
    for v in values:
        if isinstance(v, (int, float)):
            out.append(1970 + float(v) / (365.2425 * 86_400_000))
        else:
            out.append(year_number(str(v)[:10]))
    return out


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
    deaths = fatalities_sum(mark.events)
    tail = f" · {deaths:,} fatalities" if deaths is not None else ""
    return f"<b>{mark.count} {escape(first.category)} {noun}</b> · {escape(when)}{tail}"


def timeline_highlight(
    target: Event | None,
    lane: str = "category",
    lanes: Sequence[str] = (),
    trace_type: Any = go.Scatter,
    years: bool = False,
) -> Any:
    """The ring around the highlighted event (always trace 0 of the timeline; empty if none)."""
    x: list[Any] = []
    y: list[float] = []
    ids: list[str] = []
    name = lane_of(target, lane) if target is not None else None
    if target is not None and target.date and name in lanes:
        if years:
            start, stop = target.start_year, target.end_year
            x = [start + (stop - start) / 2 if _spans(target) else start]  # type: ignore[operator]
        else:
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
    histogram: bool | None = None,
    histogram_rows: Sequence[dict[str, Any]] | None = None,
) -> go.Figure:
    """The timeline: dated events by time and lane; see the module docstring.

    ``scope`` (start, end) marks a figure that draws only the events of that time window
    (the app's detail view of a big corpus); it is kept in ``layout.meta["scope"]``.
    ``histogram`` adds the lane of events per day/week/month above the marks (default: above
    HISTOGRAM_ABOVE dated events); ``histogram_rows`` gives its counts ready-made (a server's;
    see dashboard/figures/histogram.py), else they are counted from `events`.
    """
    traces, lanes = timeline_traces(
        events,
        lane=lane,
        highlight=highlight,
        max_hover_chars=max_hover_chars,
        aggregate=aggregate,
        lanes=lanes,
    )
    dated = [e for e in events if e.date]
    years = uses_year_axis(events)
    if histogram is None:
        histogram = histogram_rows is not None or len(dated) > HISTOGRAM_ABOVE
    histogram = histogram and not years  # bins of days and weeks mean nothing on a year axis
    level = "day"
    if histogram:
        days = [d for d in map(event_day, dated) if d is not None]
        level = histogram_level(min(days, default=None), max(days, default=None))
        rows = histogram_rows if histogram_rows is not None else histogram_counts(dated, level)
        traces = [*traces, *histogram_traces(rows, level)]
    fig = go.Figure(traces)
    n_lanes = max(1, len(lanes))
    fig.update_layout(
        height=height
        or min(700, 140 + 34 * n_lanes)
        + (HISTOGRAM_HEIGHT if histogram else 0)
        + (TITLED_TOP - 50 if title else 0),
        barmode="stack",
        title=title_above_legend(title),
        # margins wide enough for the lane labels and the legend row: Plotly's automargin then
        # has nothing to add, which spares a second full draw of the timeline
        margin={"l": lane_margin(lanes), "r": 10, "t": TITLED_TOP if title else 50, "b": 45},
        dragmode="zoom",
        hovermode="closest",
        uirevision=TIMELINE_UIREVISION,
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0},
        plot_bgcolor="#fafafa",
        meta={"scope": list(scope) if scope else None},
    )
    if years:  # beyond 1..9999 no date axis holds the data: decimal years
        fig.update_xaxes(
            **time_axis(events), rangeslider={"visible": False}, showgrid=True, gridcolor="#e6e6e6"
        )
        fig.update_layout(meta={"scope": list(scope) if scope else None, "axis": "years"})
        if x_range:
            fig.update_xaxes(range=year_range(x_range))
        return _lanes(fig, lanes, False, level)
    fig.update_xaxes(type="date", rangeslider={"visible": False}, showgrid=True, gridcolor="#e6e6e6")
    x_range = x_range or short_range(events)
    if x_range:
        fig.update_xaxes(range=list(x_range))
    return _lanes(fig, lanes, histogram, level)


def title_above_legend(title: str | None) -> dict[str, Any] | None:
    """The figure title at the top of the image, clear of the legend row under it (images, pages)."""
    if not title:
        return None
    return {
        "text": title,
        "x": 0,
        "xanchor": "left",
        "xref": "paper",
        "y": 1,
        "yanchor": "top",
        "yref": "container",
        "pad": {"t": 12},
    }


def time_axis(events: Sequence[Event]) -> dict[str, Any]:
    """The x axis of a timeline of `events`: dates, or decimal years beyond the years 1..9999."""
    if uses_year_axis(events):
        return {"type": "linear", "title": {"text": "year (negative: BCE)"}, "exponentformat": "B"}
    return {"type": "date"}


def _lanes(fig: go.Figure, lanes: Sequence[str], histogram: bool, level: str) -> go.Figure:
    fig.update_yaxes(**lane_axis(lanes))
    if histogram:
        plot_height = fig.layout.height - fig.layout.margin.t - fig.layout.margin.b
        lane_share = 1 - HISTOGRAM_HEIGHT / plot_height
        fig.update_layout(
            yaxis={"domain": [0, max(0.3, lane_share - 0.06)]},
            yaxis2=histogram_axis((max(0.36, lane_share), 1), level),
        )
    return fig


def _array(values: list[Any]) -> np.ndarray:
    """An object array: plotly validates it in one step instead of element by element."""
    arr = np.empty(len(values), dtype=object)
    arr[:] = values
    return arr
