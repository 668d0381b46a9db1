"""The review panel's components: counts for the header, the queue, the edit form and the article view.

Plain Dash components; dashboard/review/callbacks.py fills them. Keyboard shortcuts (a accept,
r reject, e edit, n next) and the text selection of the article view live in
dashboard/static/review.js. Built from components, never from HTML strings, so hostile
article text is shown as text.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from dash import dcc, html

from dashboard.app.detail import marked_sentence
from dashboard.figures import date_label, place_name
from eventmap.model import CATEGORIES, PRECISIONS, REVIEW_STATUSES, Event

ITEM_ROLE = "review-item"
QUEUE_LENGTH = 25  # events listed in the queue (the count says how many there are)
FIRST_FILTER = "unreviewed"  # the queue's review-status filter as the page opens
SHORTCUTS = {"a": "review-accept", "r": "review-reject", "e": "review-edit", "n": "review-next"}


def counts_text(counts: Mapping[str, int]) -> str:
    """'12 unreviewed · 3 verified · 1 rejected' (the header's review counts)."""
    return " · ".join(f"{counts.get(s, 0):,} {s}" for s in REVIEW_STATUSES)


def counts_badge(counts: Mapping[str, int]) -> html.Span:
    return html.Span(counts_text(counts), id="review-counts", className="review-counts")


def place_option(place: Mapping[str, Any] | None) -> dict[str, str] | None:
    """A dropdown option for a place value: label "Kharkiv (UA, city)", value its JSON."""
    if not place:
        return None
    name = place.get("name") or place.get("text") or f"{place['lat']:.4f}, {place['lon']:.4f}"
    extra = ", ".join(x for x in (place.get("country_code"), place.get("kind")) if x)
    return {
        "label": f"{name} ({extra})" if extra else str(name),
        "value": json.dumps(place, sort_keys=True, ensure_ascii=False),
    }


def queue_items(events: list[Event], total: int, selected: str | None) -> list[Any]:
    """The queue: one button per event (date, place, the sentence's start), then how many more."""
    items = [
        html.Li(
            html.Button(
                [
                    html.Span(date_label(e), className="queue-date"),
                    " ",
                    html.Span(place_name(e), className="queue-place"),
                    " ",
                    html.Span(e.text if len(e.text) <= 90 else e.text[:89] + "…", className="queue-text"),
                ],
                id={"role": ITEM_ROLE, "id": e.id},
                n_clicks=0,
                className="queue-item" + (" current" if e.id == selected else ""),
            )
        )
        for e in events
    ]
    more = total - len(events)
    if more > 0:
        items.append(html.Li(f"… and {more:,} more", className="queue-more"))
    if not items:
        items.append(html.Li("none", className="queue-more"))
    return items


def sentence_view(event: Event | None) -> list[Any]:
    """The sentence with its date expression and places marked, and what it says now."""
    if event is None:
        return [
            html.P("Choose an event: click it, or press n for the next unreviewed one.", className="hint")
        ]
    status = html.Span(event.review_status, className=f"status-badge status-{event.review_status}")
    return [
        html.Blockquote(marked_sentence(event), id="review-sentence-text", className="sentence"),
        html.Div(
            [status, " ", date_label(event), " · ", place_name(event) or "no place", " · ", event.category]
        ),
    ]


def article_view(text: str | None, event: Event | None) -> list[Any]:
    """The event's article with its sentence highlighted; text selected here becomes a new event."""
    if event is None:
        return [html.P("Choose an event to see its article.", className="hint")]
    if text is None:
        return [
            html.P("The article's text is not available (not in the workspace, file gone).", className="hint")
        ]
    start, end = event.source.start, event.source.end
    if not (0 <= start <= end <= len(text)) or text[start:end] != event.text:
        start = end = 0  # offsets from another version of the text: nothing highlighted
    pieces: list[Any] = [text[:start], html.Mark(text[start:end], className="mark-event"), text[end:]]
    return [
        html.Div(
            [p for p in pieces if p != ""],
            id="review-article-text",
            className="article-text",
            **{"data-document": event.source.document},
        )
    ]


def _field(label: str, component: Any, for_id: str) -> html.Div:
    return html.Div([html.Label(label, htmlFor=for_id), component], className="edit-field")


def edit_form() -> html.Div:
    """Date (with precision and range), place (search or map), category, title, note, actors, status."""
    return html.Div(
        id="edit-form",
        className="edit-form",
        children=[
            _field(
                "Date (YYYY-MM-DD, YYYY-MM, YYYY or D1/D2)",
                dcc.Input(id="edit-date", type="text", value="", debounce=False, className="edit-input"),
                "edit-date",
            ),
            _field(
                "Precision",
                dcc.Dropdown(id="edit-precision", options=list(PRECISIONS), value=None, clearable=True),
                "edit-precision",
            ),
            _field(
                "Place (type to search the gazetteer, or pick on the map)",
                html.Div(
                    [
                        dcc.Dropdown(
                            id="edit-place",
                            options=[],
                            value=None,
                            searchable=True,
                            clearable=True,
                            placeholder="type a place name…",
                            className="edit-place",
                        ),
                        html.Button("Pick on map", id="edit-pick", n_clicks=0, className="pick-button"),
                    ],
                    className="place-row",
                ),
                "edit-place",
            ),
            _field(
                "Category",
                dcc.Dropdown(id="edit-category", options=list(CATEGORIES), value=None, clearable=False),
                "edit-category",
            ),
            _field(
                "Title",
                dcc.Input(id="edit-title", type="text", value="", className="edit-input"),
                "edit-title",
            ),
            _field(
                "Actors",
                dcc.Input(id="edit-actors", type="text", value="", className="edit-input"),
                "edit-actors",
            ),
            _field("Note", dcc.Textarea(id="edit-note", value="", className="edit-note"), "edit-note"),
            _field(
                "Review status",
                dcc.RadioItems(id="edit-status", options=list(REVIEW_STATUSES), value=None, inline=True),
                "edit-status",
            ),
            html.Button("Save", id="edit-save", n_clicks=0, className="save-button"),
        ],
    )


def review_panel(
    counts: Mapping[str, int], *, editable: bool, note: str = "", queue: list[Any] | None = None
) -> html.Section:
    """The whole panel: the queue on the left, the event and its form in the middle, the article on the right.

    `queue`: the queue's items (queue_items) when the page is built with them; without, the
    queue callback fills it as the page opens."""
    queue = html.Div(
        className="review-queue",
        children=[
            html.Div(
                [
                    html.Label("Review status", htmlFor="review-filter"),
                    dcc.Dropdown(
                        id="review-filter",
                        options=[
                            *({"label": s, "value": s} for s in REVIEW_STATUSES),
                            {"label": "all", "value": "all"},
                        ],
                        value=FIRST_FILTER,
                        clearable=False,
                    ),
                ],
                className="edit-field",
            ),
            html.Ol(id="review-queue", className="queue-list", children=queue),
        ],
    )
    buttons = html.Div(
        className="review-buttons",
        children=[
            html.Button(
                "Accept (a)", id="review-accept", n_clicks=0, title="verified, then the next unreviewed"
            ),
            html.Button(
                "Reject (r)", id="review-reject", n_clicks=0, title="rejected (kept, hidden), then the next"
            ),
            html.Button("Edit (e)", id="review-edit", n_clicks=0, title="go to the form"),
            html.Button("Next (n)", id="review-next", n_clicks=0, title="the next unreviewed event"),
            html.Button("Undo", id="review-undo", n_clicks=0),
            html.Button("Redo", id="review-redo", n_clicks=0),
            html.Button("Mark for merge", id="review-mark", n_clicks=0),
            html.Button("Merge marked", id="review-merge", n_clicks=0, disabled=True),
            html.Button("Split", id="review-split", n_clicks=0, style={"display": "none"}),
        ],
    )
    middle = html.Div(
        className="review-event",
        children=[
            buttons,
            html.Div(id="review-message", className="status", role="status", children=note),
            html.Div(id="review-sentence", children=sentence_view(None)),
            edit_form(),
        ],
    )
    article = html.Details(
        className="review-article",
        open=True,
        children=[
            html.Summary("Article"),
            html.Button("Add event from selected text", id="review-add-span", n_clicks=0),
            html.Div(id="review-article", children=article_view(None, None)),
        ],
    )
    return html.Section(
        id="review",
        className="review" + ("" if editable else " read-only"),
        children=[
            html.H2("Review"),
            html.Div([queue, middle, article], className="review-grid"),
            dcc.Store(id="review-refresh", data=0),
            dcc.Store(id="review-basket", data=[]),
            dcc.Store(id="review-picking", data=False),
            # no data=None: dcc.Store turns None into undefined as it mounts and Dash fires the
            # store's callbacks for it at page load (dashboard/app/layout.py empty_store)
            dcc.Store(id="review-map-point"),
            dcc.Store(id="review-selection"),
            dcc.Store(id="review-shortcut"),
        ],
    )
