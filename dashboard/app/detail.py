"""The detail panel of one event: its sentence with the date expression and places marked.

A merged event (eventmap/corpus/merge.py) also lists every report it stands for -- document, offsets,
date expression and that report's own sentence -- and offers a Split button (pattern-matching
id ``{"role": SPLIT_ROLE, "id": event id}``; dashboard/callbacks.py puts the originals back).

Built from Dash components (html.Mark etc.), never from HTML strings, so hostile article text
is shown as text.
"""

from __future__ import annotations

from typing import Any

from dash import html

from dashboard.app import imported
from dashboard.figures import document_name, is_document_placed, when_label
from eventmap.corpus.merge import split
from eventmap.model import Event, EventFormatError, Source

Span = tuple[int, int, str]  # start, end (in the sentence), kind: "date" or "place"
SPLIT_ROLE = "split-event"


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
            if (
                0 <= rel
                and rel + len(place.text) <= len(text)
                and text[rel : rel + len(place.text)] == place.text
            ):
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
    """Places with where the geocoder put them; the map point's precision and, when the place is
    the article's setting rather than the sentence's, that."""
    if not event.places:
        return "no place named"
    main = event.main_place
    parts = []
    for p in event.places:
        where = f" ({p.lat:.3f}, {p.lon:.3f})" if p.located else " (not located)"
        name = f"{p.text} → {p.name}" if p.name and p.name != p.text else p.text
        if p is main and p.kind:
            name = f"{p.kind}: {name}"
        parts.append(name + where)
    line = "; ".join(parts)
    if is_document_placed(event):
        line += " — the article's setting (the sentence names no place)"
    return line


def originals_of(event: Event) -> list[Event]:
    """The reports a merged event was made of ([] when it was not merged or they do not parse)."""
    if not event.extra.get("merged_from"):
        return []
    try:
        return split(event)
    except (EventFormatError, TypeError, AttributeError):  # imported data with a broken merged_from
        return []


def reports(event: Event) -> list[tuple[Source, Event | None]]:
    """Every source of an event, the event's own first, each with its original report when known.

    The original reports of a merged event are in ``extra["merged_from"]`` (matched to the
    sources by document and offsets); a source without one (an imported file that lists
    sources but not the reports) comes with None.
    """
    originals = {(e.source.document, e.source.start, e.source.end): e for e in originals_of(event)}
    own = event.source
    if own.date_text is None and event.date_text:
        own = Source(own.document, own.start, own.end, event.date_text)
    out: list[tuple[Source, Event | None]] = [(own, event)]
    for src in event.sources:
        out.append((src, originals.get((src.document, src.start, src.end))))
    return out


def source_items(event: Event) -> list[Any]:
    """One list item per report: document, offsets, date expression, and its sentence marked."""
    items = []
    for src, report in reports(event):
        where = (
            f"{document_name(report) if report else src.document or '(no document)'}, "
            f"characters {src.start}–{src.end}"
        )
        said = src.date_text or (report.date_text if report else None)
        head = html.Div(
            [
                html.Span(where, className="source-document"),
                *([" · ", html.Span(f"“{said}”", className="source-date")] if said else []),
            ]
        )
        body = [html.Blockquote(marked_sentence(report), className="source-sentence")] if report else []
        items.append(html.Li([head, *body], className="source"))
    return items


def detail_rows(event: Event) -> list[tuple[str, str]]:
    """The panel's label/value rows: when (with the time of day), what kind, category, places
    (with the map point's precision and where it comes from), document.

    Data-specific details (an imported file's actors, fatalities, sub-event type ...) follow
    these rows (dashboard/app/imported.py).
    """
    src = event.source
    when = when_label(event)
    if event.date_text and event.date_source:
        when += f" (from “{event.date_text}”, {event.date_source})"
    elif event.date_text:
        when += f" (from “{event.date_text}”)"
    rows = [("When", when)]
    if event.kind:
        kind = event.kind + (f", confidence {event.confidence:.2f}" if event.confidence is not None else "")
        rows.append(("Kind", kind))
    rows += [
        ("Category", event.category),
        ("Places", place_line(event)),
        ("Document", f"{document_name(event)}, characters {src.start}–{src.end}"),
    ]
    return rows


def detail_children(event: Event | None, *, events_here: int = 0) -> list[Any]:
    """The panel's content; a hint when nothing is selected."""
    if event is None:
        return [
            html.P(
                "Click an event on the timeline, the map or in the table to see its sentence.",
                className="hint",
            )
        ]
    rows = detail_rows(event) + imported.detail_rows(event)  # imported: actors, fatalities ...
    if events_here > 1:
        rows.append(("At this place", f"{events_here} events in view"))
    n, originals = event.source_count, originals_of(event)
    merged = (
        []
        if n < 2
        else [
            html.H4(f"Reported by {n} sources"),
            html.Ol(source_items(event), id="detail-sources", className="sources"),
            html.Button(
                f"Split into {len(originals)} events",
                id={"role": SPLIT_ROLE, "id": event.id},
                n_clicks=0,
                className="split-button",
                title="Show the reports of this merged event as separate events again",
            )
            if len(originals) > 1
            else html.Small("(the separate reports are not in this data)", className="hint"),
        ]
    )
    return [
        *imported.headline(event),
        html.Blockquote(marked_sentence(event), id="detail-sentence", className="sentence"),
        html.Dl([item for label, value in rows for item in (html.Dt(label), html.Dd(value))]),
        *merged,
        html.Small(f"id {event.id}", className="event-id"),
    ]
