"""The timeline's histogram lane: events per day, week or month, stacked by category.

Above HISTOGRAM_ABOVE dated events the timeline shows this lane above its marks, so one can
see how many events fall in a week where marks would pile up. It shares the timeline's time
axis: brushing it (dragging across it) zooms the window like the marks do, and the map follows.

Counts can come from events (:func:`histogram_counts`) or from a server that counts where the
data is (store mode): :func:`histogram_traces` takes rows ``{"start": ISO day of the bin,
"category": name or None, "count": n}``, so ``store.aggregate(by="day")`` rows
(``{"day", "count"}``) work once renamed to ``start`` (category None: one grey series).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import Any

import plotly.graph_objects as go

from dashboard.figures.colors import FALLBACK_COLOR, category_color, category_order
from dashboard.figures.labels import escape, interval
from eventmap.model import Event

HISTOGRAM_ABOVE = 3000  # dated events; above this the timeline gets its histogram lane
LEVELS = ("day", "week", "month")
HISTOGRAM_HEIGHT = 110  # px the lane adds to the timeline


def bin_start(d: date, level: str) -> date:
    """First day of the day, week (Monday) or month holding `d`."""
    if level == "week":
        return d - timedelta(days=d.weekday())
    if level == "month":
        return d.replace(day=1)
    return d


def bin_stop(start: date, level: str) -> date:
    """The day after the bin that starts at `start`."""
    if level == "week":
        return start + timedelta(days=7)
    if level == "month":
        return (start + timedelta(days=32)).replace(day=1)
    return start + timedelta(days=1)


def histogram_level(first: date | None, last: date | None) -> str:
    """Days for up to 150 days of data, weeks up to four years, months beyond."""
    if first is None or last is None:
        return "day"
    span = (last - first).days
    return "day" if span <= 150 else "week" if span <= 4 * 366 else "month"


def event_day(event: Event) -> date | None:
    """The day an event counts on: its day, or the middle of its uncertain interval."""
    span = interval(event)
    if span is None:
        return None
    start, stop = span
    return start + (stop - start - timedelta(days=1)) / 2


def histogram_counts(events: Iterable[Event], level: str) -> list[dict[str, Any]]:
    """Events per bin and category: rows {start, category, count} in time order."""
    counts: Counter[tuple[date, str]] = Counter()
    for ev in events:
        day = event_day(ev)
        if day is not None:
            counts[(bin_start(day, level), ev.category)] += 1
    return [{"start": d.isoformat(), "category": c, "count": n} for (d, c), n in sorted(counts.items())]


def histogram_traces(rows: Sequence[Mapping[str, Any]], level: str, *, yaxis: str = "y2") -> list[Any]:
    """Stacked bars (one trace per category) of the counts; ``meta.role`` is "timeline-histogram"."""
    by_cat: dict[str | None, list[Mapping[str, Any]]] = {}
    for r in rows:
        by_cat.setdefault(r.get("category"), []).append(r)
    named = category_order([c for c in by_cat if c is not None])
    traces = []
    for cat in [*named, *([None] if None in by_cat else [])]:
        group = by_cat[cat]
        starts = [date.fromisoformat(str(r["start"])[:10]) for r in group]
        stops = [bin_stop(s, level) for s in starts]
        word = f"{escape(cat)} events" if cat else "events"
        traces.append(
            go.Bar(
                x=[(s + (e - s) / 2).isoformat() for s, e in zip(starts, stops)],
                y=[int(r["count"]) for r in group],
                width=[(e - s).total_seconds() * 1000 * 0.92 for s, e in zip(starts, stops)],
                customdata=[s.isoformat() for s in starts],
                marker={"color": category_color(cat) if cat else FALLBACK_COLOR, "line": {"width": 0}},
                hovertemplate=f"%{{y:,}} {word} · {level} of %{{customdata}}<extra></extra>",
                name=escape(cat or "events"),
                legendgroup=cat or "events",
                showlegend=False,
                yaxis=yaxis,
                meta={"role": "timeline-histogram", "category": cat, "level": level},
            )
        )
    return traces


def histogram_axis(domain: tuple[float, float], level: str) -> dict[str, Any]:
    """The histogram lane's own y axis (counts), above the lanes."""
    return {
        "domain": list(domain),
        "title": {"text": f"per {level}", "font": {"size": 11}},
        "rangemode": "tozero",
        "fixedrange": True,
        "showgrid": True,
        "gridcolor": "#eeeeee",
        "zeroline": False,
        "tickfont": {"size": 10},
        "nticks": 4,
    }
