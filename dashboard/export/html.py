"""One self-contained HTML file (or an embeddable <div>) with the timeline, the map and the events.

The page works from disk with no network: plotly.js is inlined, and so is the base map
(``window.PlotlyGeoAssets.topojson``: plotly.js reads it there before it would fetch
``cdn.plot.ly``; a relative ``topojsonURL`` does not work from ``file://``). The figures
are the app's own (:mod:`dashboard.figures`), and a few lines of plain JavaScript link them
like the app does: zooming the timeline keeps only the map places with events in the window,
selecting or clicking places on the map keeps only their events on the timeline, and the
event list follows both. Everything user-written is escaped: HTML text with html.escape,
JSON inside <script> with ``<``/``>``/``&`` as ``\\u003c``... so it cannot close the tag.
"""

from __future__ import annotations

import hashlib
import html
import json
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import plotly.io as pio

from dashboard.clientdata import link_columns
from dashboard.export import FIGURES
from dashboard.figures import (
    aggregate_places,
    category_color,
    category_order,
    date_label,
    document_name,
    escape,
    map_figure,
    marker_size,
    place_key,
    place_name,
    timeline_figure,
)
from dashboard.resources import static_text, topojson_dir
from eventmap.model import Event

TOPOJSON_DIR = topojson_dir()
PLOT_CONFIG = {"displaylogo": False, "responsive": True, "scrollZoom": False}


def topojson_name(resolution: int = 110) -> str:
    """The key plotly.js looks up for the world base map ("world_110m")."""
    return f"world_{resolution}m"


@lru_cache(maxsize=2)
def _topojson_text(name: str) -> str:
    path = TOPOJSON_DIR / f"{name}.json"
    if not path.is_file():
        raise FileNotFoundError(f"base map {path} is missing (assets/topojson/ ships with eventmap)")
    return path.read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _plotlyjs() -> str:
    from plotly.offline import get_plotlyjs

    return get_plotlyjs()


def _linked_js() -> str:
    """The linking script as a function expression (its leading comment dropped)."""
    text = static_text("linked.js")
    return text[text.index("function (uid)") :].rstrip()


def script_json(value: Any) -> str:
    """JSON that is safe inside <script>: no '<', '>' or '&' can end the element or start a comment."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def render_html(
    events: Sequence[Event], *, title: str | None = None, figure: str = "both", snippet: bool = False
) -> str:
    """A full HTML page (or, with `snippet`, a <div> to paste into a page) showing the events."""
    if figure not in FIGURES:
        raise ValueError(f"figure must be one of {', '.join(FIGURES)}, not {figure!r}")
    events = list(events)
    title = title or "Events"
    uid = _uid(events, title, figure)
    fragment = _fragment(events, title=title, figure=figure, uid=uid, heading="h2" if snippet else "h1")
    if snippet:
        return fragment
    return (
        f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="generator" content="eventmap">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n"
        f"<style>body{{margin:0;padding:16px 24px;background:#fff}}</style>\n</head>\n<body>\n"
        f"{fragment}\n</body>\n</html>\n"
    )


def _fragment(events: list[Event], *, title: str, figure: str, uid: str, heading: str) -> str:
    figs: dict[str, Any] = {}
    if figure in ("both", "timeline"):
        figs["timeline"] = json.loads(pio.to_json(timeline_figure(events), validate=False))
    if figure in ("both", "map"):
        figs["map"] = json.loads(pio.to_json(map_figure(events), validate=False))
    busiest = max((p.count for p in aggregate_places(events)), default=1)
    categories = category_order({e.category for e in events})
    payload = {
        "uid": uid,
        "figures": figs,
        "config": PLOT_CONFIG,
        "link": link_columns(events),
        "sizes": [marker_size(n) for n in range(busiest + 1)],
        # for re-colouring and re-labelling places in a time window, as the app does
        "categories": categories,
        "colors": [category_color(c) for c in categories],
        "place_names": {place_key(e): escape(place_name(e)) for e in events if e.located},
    }
    topo = topojson_name(110)
    geo_assets = ""
    if "map" in figs:
        geo_assets = (
            f"<script>window.PlotlyGeoAssets = window.PlotlyGeoAssets || {{}};"
            f"window.PlotlyGeoAssets.topojson = window.PlotlyGeoAssets.topojson || {{}};"
            f"window.PlotlyGeoAssets.topojson[{json.dumps(topo)}] = "
            f"{script_json(_topojson_text(topo))};</script>\n"
        )
    n_dated = sum(1 for e in events if e.date)
    n_placed = sum(1 for e in events if e.located)
    parts = [
        f'<div class="eventmap-export" id="{uid}">',
        f"<style>{_CSS.replace('ROOT', '#' + uid)}</style>",
        f'<{heading} class="em-title">{html.escape(title)}</{heading}>',
        f'<p class="em-summary">{len(events)} events, {n_dated} dated, {n_placed} on the map. '
        f'<span class="em-status" aria-live="polite">Showing all {len(events)}.</span> '
        f'<button type="button" class="em-reset">Show all</button></p>',
        '<p class="em-help">Zoom the timeline (drag across it) to filter the map and the list; '
        "click a place or select places on the map (box or lasso) to filter the timeline.</p>"
        if len(figs) == 2
        else "",
    ]
    if "timeline" in figs:
        parts.append(f'<div class="em-figure em-timeline" id="{uid}-timeline"></div>')
    if "map" in figs:
        parts.append(f'<div class="em-figure em-map" id="{uid}-map"></div>')
    parts.append(_event_table(events))
    parts.append(f'<script type="text/javascript">{_plotlyjs()}</script>')
    parts.append(geo_assets)
    parts.append(f'<script type="application/json" id="{uid}-data">{script_json(payload)}</script>')
    parts.append(f"<script>{static_text('window.js')}</script>")
    parts.append(f"<script>({_linked_js()})({json.dumps(uid)});</script>")
    parts.append("</div>")
    return "\n".join(p for p in parts if p)


def _event_table(events: list[Event]) -> str:
    order = sorted(range(len(events)), key=lambda i: (events[i].date is None, events[i].start_year or 0.0, i))
    rows = []
    for i in order:
        ev = events[i]
        place = place_name(ev) if ev.located else ", ".join(p.name or p.text for p in ev.places[:3])
        rows.append(
            f'<tr data-id="{html.escape(ev.id)}" data-index="{i}">'
            f'<td class="em-date">{html.escape(date_label(ev))}</td>'
            f"<td>{html.escape(ev.category)}</td><td>{html.escape(place)}</td>"
            f"<td>{html.escape(ev.text)}</td><td>{html.escape(document_name(ev))}</td></tr>"
        )
    return (
        '<table class="em-events"><thead><tr><th>Date</th><th>Category</th><th>Place</th>'
        f"<th>Event</th><th>Source</th></tr></thead><tbody>\n{chr(10).join(rows)}\n</tbody></table>"
    )


def _uid(events: list[Event], title: str, figure: str) -> str:
    """Stable per content, so two snippets on one page do not share element ids."""
    h = hashlib.sha1("\x00".join([title, figure, *(e.id for e in events)]).encode("utf-8"))
    return "em-" + h.hexdigest()[:10]


_CSS = """
ROOT{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#222;max-width:1400px}
ROOT .em-title{margin:0 0 4px;font-size:1.5em}
ROOT .em-summary,ROOT .em-help{margin:4px 0;color:#555;font-size:.9em}
ROOT .em-reset{margin-left:8px}
ROOT .em-figure{width:100%;margin:8px 0}
ROOT .em-events{border-collapse:collapse;width:100%;font-size:.85em;margin-top:12px}
ROOT .em-events th,ROOT .em-events td{border-bottom:1px solid #e4e4e4;padding:4px 6px;text-align:left;vertical-align:top}
ROOT .em-events th{background:#f4f4f4;position:sticky;top:0}
ROOT .em-date{white-space:nowrap}
"""
