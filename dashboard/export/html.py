"""One self-contained HTML file (or an embeddable <div>) with the timeline, the map and the events.

The page works from disk with no network: plotly.js is inlined, and the map's base is inside
its figure (a MapLibre style with GeoJSON, dashboard/basemap/style.py). The figures are the
app's own (:mod:`dashboard.figures`), and the app's browser code links them:
dashboard/static/window.js (the time-window filter) and mapdraw.js (the map's marks), inlined
with linked.js: zooming the timeline keeps only the map places with events in the window,
selecting or clicking places on the map keeps only their events on the timeline, and the
event list follows both. Context sentences (analysis, background) are hidden until the
page's switch shows them, as in the app. Everything user-written is escaped: HTML text with
html.escape, JSON inside <script> with ``<``/``>``/``&`` as ``\\u003c``... so it cannot close the tag.
"""

from __future__ import annotations

import hashlib
import html
import json
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import plotly.io as pio

from dashboard.clientdata import all_categories, client_columns, place_index
from dashboard.export import FIGURES
from dashboard.figures import document_name, map_figure, place_name, timeline_figure, when_label
from dashboard.resources import static_text
from dashboard.view import hidden_by_default
from eventmap.model import Event

PLOT_CONFIG = {"displaylogo": False, "responsive": True, "scrollZoom": False}
HIDDEN_ROW = ' style="display:none" data-hidden="1"'


@lru_cache(maxsize=1)
def _plotlyjs() -> str:
    from plotly.offline import get_plotlyjs

    return get_plotlyjs()


def figure_html(fig: Any, *, full_html: bool = True, div_id: str | None = None) -> str:
    """A figure's HTML that draws with no network, also opened from disk (file://).

    Use it instead of ``fig.to_html(include_plotlyjs="cdn")`` for notebooks, Quarto and static
    sites: plotly.js is inlined, the map's base is in the figure (dashboard/basemap/style.py),
    and dashboard/static/fileworker.js lets MapLibre start its worker in a file:// page.
    """
    body = pio.to_html(fig, full_html=False, include_plotlyjs=False, div_id=div_id, config=PLOT_CONFIG)
    fragment = (
        f"<script>{static_text('fileworker.js')}</script>\n"
        f'<script type="text/javascript">{_plotlyjs()}</script>\n{body}'
    )
    if not full_html:
        return fragment
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="generator" content="eventmap">\n</head>\n<body>\n'
        f"{fragment}\n</body>\n</html>\n"
    )


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
    cols = client_columns(events, place_index(events), all_categories(events))
    cols["id"] = [e.id for e in events]
    cols["hidden"] = [hidden_by_default(e) for e in events]
    payload = {"uid": uid, "figures": figs, "config": PLOT_CONFIG, "cols": cols}
    n_hidden = sum(cols["hidden"])
    shown = [e for e, h in zip(events, cols["hidden"]) if not h]
    n_dated = sum(1 for e in shown if e.date)
    n_placed = sum(1 for e in shown if e.located)
    switch = (
        f'<label class="em-kinds"><input type="checkbox" class="em-all-kinds"> show the {n_hidden} '
        f"context sentence{'s' if n_hidden != 1 else ''} too (analysis and background, hidden by default)</label>"
        if n_hidden
        else ""
    )
    parts = [
        f'<div class="eventmap-export" id="{uid}">',
        f"<style>{_CSS.replace('ROOT', '#' + uid)}</style>",
        f'<{heading} class="em-title">{html.escape(title)}</{heading}>',
        f'<p class="em-summary">{len(shown)} events, {n_dated} dated, {n_placed} on the map. '
        f'<span class="em-status" aria-live="polite">Showing all {len(shown)}.</span> '
        f'<button type="button" class="em-reset">Show all</button> {switch}</p>',
        '<p class="em-help">Zoom the timeline (drag across it) to filter the map and the list; '
        "click a place or select places on the map (box or lasso) to filter the timeline.</p>"
        if len(figs) == 2
        else "",
    ]
    if "timeline" in figs:
        parts.append(f'<div class="em-figure em-timeline" id="{uid}-timeline"></div>')
    if "map" in figs:
        parts.append(f'<div class="em-figure em-map" id="{uid}-map"></div>')
    parts.append(_event_table(events, cols["hidden"]))
    parts.append(f"<script>{static_text('fileworker.js')}</script>")
    parts.append(f'<script type="text/javascript">{_plotlyjs()}</script>')
    parts.append(f'<script type="application/json" id="{uid}-data">{script_json(payload)}</script>')
    parts.append(f"<script>{static_text('window.js')}</script>")
    parts.append(f"<script>{static_text('mapdraw.js')}</script>")
    parts.append(f"<script>({_linked_js()})({json.dumps(uid)});</script>")
    parts.append("</div>")
    return "\n".join(p for p in parts if p)


def _event_table(events: list[Event], hidden: list[bool]) -> str:
    order = sorted(range(len(events)), key=lambda i: (events[i].date is None, events[i].start_year or 0.0, i))
    rows = []
    for i in order:
        ev = events[i]
        place = place_name(ev) if ev.located else ", ".join(p.name or p.text for p in ev.places[:3])
        rows.append(
            f'<tr data-id="{html.escape(ev.id)}" data-index="{i}"{HIDDEN_ROW if hidden[i] else ""}>'
            f'<td class="em-date">{html.escape(when_label(ev))}</td>'
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
