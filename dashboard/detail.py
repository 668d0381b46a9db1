"""The detail panel of one event: its sentence with the date expression and places marked.

Built from Dash components (html.Mark etc.), never from HTML strings, so hostile article text
is shown as text.
"""
from __future__ import annotations

from typing import Any

from dash import html

from dashboard.figures import date_label, document_name
from events.model import Event

Span = tuple[int, int, str]  # start, end (in the sentence), kind: "date" or "place"


def marked_spans(event: Event) -> list[Span]:
    """Where the date expression and the place names stand in the event's sentence.

    Place offsets are document offsets when known; otherwise (and for the date expression)
    the first case-insensitive occurrence in the sentence is used. Overlaps keep the first.
    """
    text, low = event.text, event.text.casefold()
    spans: list[Span] = []
    if event.date_text:
        i = low.find(event.date_text.casefold())
        if i >= 0:
            spans.append((i, i + len(event.date_text), "date"))
    for place in event.places:
        start = None
        if place.start is not None and place.end is not None:
            rel = place.start - event.source.start
            if 0 <= rel and rel + len(place.text) <= len(text) and text[rel:rel + len(place.text)] == place.text:
                start = rel
        if start is None and place.text:
            found = low.find(place.text.casefold())
            start = found if found >= 0 else None
        if start is not None:
            spans.append((start, start + len(place.text), "place"))
    spans.sort()
    kept: list[Span] = []
    for span in spans:
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def marked_sentence(event: Event) -> list[Any]:
    """The sentence as text pieces and html.Mark components."""
    out: list[Any] = []
    pos = 0
    for start, end, kind in marked_spans(event):
        if start > pos:
            out.append(event.text[pos:start])
        out.append(html.Mark(event.text[start:end], className=f"mark-{kind}"))
        pos = end
    if pos < len(event.text):
        out.append(event.text[pos:])
    return out


def place_line(event: Event) -> str:
    """Places with where the geocoder put them."""
    if not event.places:
        return "no place named"
    parts = []
    for p in event.places:
        where = f" ({p.lat:.3f}, {p.lon:.3f})" if p.located else " (not located)"
        name = f"{p.text} → {p.name}" if p.name and p.name != p.text else p.text
        parts.append(name + where)
    return "; ".join(parts)


def detail_children(event: Event | None, *, events_here: int = 0) -> list[Any]:
    """The panel's content; a hint when nothing is selected."""
    if event is None:
        return [html.P("Click an event on the timeline, the map or in the table to see its sentence.",
                       className="hint")]
    src = event.source
    rows = [
        ("When", f"{date_label(event)}" + (f" (from “{event.date_text}”, {event.date_source})"
                                             if event.date_text and event.date_source else
                                             (f" (from “{event.date_text}”)" if event.date_text else ""))),
        ("Category", event.category),
        ("Places", place_line(event)),
        ("Document", f"{document_name(event)}, characters {src.start}–{src.end}"),
    ]
    if events_here > 1:
        rows.append(("At this place", f"{events_here} events in view"))
    return [
        html.Blockquote(marked_sentence(event), id="detail-sentence", className="sentence"),
        html.Dl([item for label, value in rows for item in (html.Dt(label), html.Dd(value))]),
        html.Small(f"id {event.id}", className="event-id"),
    ]
