"""The review panel's callbacks: `register_review_callbacks(app, source, ...)` wires panel.py to actions.py.

Used by both apps. The page must hold the stores the two apps share: ``selected-event`` (the
event shown) and ``data-version`` (bumped after a change so the views redraw). Editing on a
server that listens beyond this machine needs a token: the page opened with ``?token=...``
gets a cookie, and every change checks it (:func:`editing_allowed`).
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from typing import Any

from dash import ALL, Dash, Input, Output, State, ctx, no_update
from flask import Response, request

from dashboard.review import actions
from dashboard.review.panel import (
    ITEM_ROLE,
    QUEUE_LENGTH,
    article_view,
    counts_text,
    queue_items,
    sentence_view,
)
from dashboard.review.source import ReviewSource

TOKEN_COOKIE = "eventmap_token"
FORM = ("date", "precision", "place", "category", "title", "actors", "note", "status")


def install_token(app: Dash, token: str | None) -> None:
    """With a token, a page opened as /?token=TOKEN gets it as a cookie (then its changes are allowed)."""
    app.server.config["EVENTMAP_EDIT_TOKEN"] = token
    if token is None:
        return

    @app.server.after_request
    def _remember(response: Response) -> Response:
        given = request.args.get("token")
        if given and hmac.compare_digest(given, token):
            response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="Strict")
        return response


def editing_allowed(token: str | None) -> bool:
    """True when no token is needed, or this request carries the right one (cookie or ?token=)."""
    if token is None:
        return True
    given = request.cookies.get(TOKEN_COOKIE) or request.args.get("token") or ""
    return hmac.compare_digest(given, token)


def register_review_callbacks(
    app: Dash,
    source: ReviewSource,
    *,
    author: str | None,
    token: str | None = None,
    version: Callable[[], Any],
    built_with_page: bool = False,
) -> None:
    """Attach the panel's callbacks; `version()` is the new value of data-version after a change.

    `built_with_page`: the page holds the queue and the empty form already (review_panel's
    `queue`), so neither is filled again as the page opens (a round trip, and at 100,000 events
    a third of a second of sorting, while the map draws)."""
    install_token(app, token)

    @app.callback(
        *(Output(f"edit-{k}", "value") for k in FORM),
        Output("edit-place", "options"),
        Output("review-sentence", "children"),
        Output("review-article", "children"),
        Output("review-split", "style"),
        Input("selected-event", "data"),
        Input("review-refresh", "data"),
        prevent_initial_call=built_with_page,
    )
    def _fill(event_id, _refresh):
        event = source.find(event_id)
        values = actions.form_values(event)
        merged = event is not None and source.workspace is not None and event.id.startswith("m")
        split_style = {} if merged and _is_workspace_merge(source, event.id) else {"display": "none"}
        text = source.document_text(event.source.document) if event is not None else None
        return (
            *(values[k] for k in FORM),
            actions.place_options(None, values["place"]),
            sentence_view(event),
            article_view(text, event),
            split_style,
        )

    @app.callback(
        Output("review-queue", "children"),
        Output("review-counts", "children"),
        Input("review-filter", "value"),
        Input("review-refresh", "data"),
        Input("data-version", "data"),
        Input("selected-event", "data"),
        prevent_initial_call=built_with_page,
    )
    def _queue(status, _refresh, _version, selected):
        events, total = source.queue(None if status in (None, "all") else status, QUEUE_LENGTH)
        return queue_items(events, total, selected), counts_text(source.counts())

    @app.callback(
        Output("edit-place", "options", allow_duplicate=True),
        Input("edit-place", "search_value"),
        State("edit-place", "value"),
        prevent_initial_call=True,
    )
    def _suggest(search, current):
        if not search:
            return no_update
        return actions.place_options(search, current)

    @app.callback(
        Output("edit-place", "options", allow_duplicate=True),
        Output("edit-place", "value", allow_duplicate=True),
        Output("review-message", "children", allow_duplicate=True),
        Input("review-map-point", "data"),
        prevent_initial_call=True,
    )
    def _picked(point):
        if not point or point.get("lat") is None:
            return no_update, no_update, no_update
        place = actions.point_place(point["lat"], point["lon"])
        from dashboard.review.panel import place_option

        opt = place_option(place)
        return [opt], opt["value"], f"Place picked on the map: {place['text']} (press Save to keep it)"  # type: ignore[index]

    @app.callback(
        Output("review-basket", "data"),
        Output("review-merge", "disabled"),
        Output("review-merge", "children"),
        Input("review-mark", "n_clicks"),
        Input("review-refresh", "data"),
        State("selected-event", "data"),
        State("review-basket", "data"),
        prevent_initial_call=True,
    )
    def _mark(_n, _refresh, event_id, basket):
        basket = [b for b in basket or [] if source.find(b) is not None]
        if ctx.triggered_id == "review-mark" and event_id and event_id not in basket:
            basket.append(event_id)
        return basket, len(basket) < 2, f"Merge marked ({len(basket)})"

    buttons = ("edit-save", "review-accept", "review-reject", "review-next", "review-undo", "review-redo")
    more = ("review-merge", "review-split", "review-add-span")

    @app.callback(
        Output("selected-event", "data", allow_duplicate=True),
        Output("review-message", "children"),
        Output("data-version", "data", allow_duplicate=True),
        Output("review-refresh", "data"),
        *(Input(b, "n_clicks") for b in (*buttons, *more)),
        Input({"role": ITEM_ROLE, "id": ALL}, "n_clicks"),
        State("selected-event", "data"),
        *(State(f"edit-{k}", "value") for k in FORM),
        State("review-basket", "data"),
        State("review-selection", "data"),
        State("review-refresh", "data"),
        prevent_initial_call=True,
    )
    def _act(*args):
        trigger = ctx.triggered_id
        if trigger is None or not (ctx.triggered and ctx.triggered[0].get("value")):
            return no_update, no_update, no_update, no_update  # a re-drawn button, not a click
        n_inputs = len(buttons) + len(more) + 1
        event_id, *rest = args[n_inputs:]
        form = dict(zip(FORM, rest[: len(FORM)]))
        basket, selection, refresh = rest[len(FORM) :]
        allowed = editing_allowed(token)
        select: Any = no_update
        if isinstance(trigger, dict):  # a queue item
            return trigger.get("id"), no_update, no_update, no_update
        if trigger == "review-next":
            following = source.next_after(event_id, "unreviewed")
            return (
                following or no_update,
                "" if following else "Nothing left to review.",
                no_update,
                no_update,
            )
        if trigger == "edit-save":
            message = actions.save_form(source, event_id, form, author=author, allowed=allowed)
        elif trigger in ("review-accept", "review-reject"):
            status = "verified" if trigger == "review-accept" else "rejected"
            message, select = actions.set_status(source, event_id, status, author=author, allowed=allowed)
            select = select or no_update
        elif trigger in ("review-undo", "review-redo"):
            message, touched = actions.undo_redo(source, trigger[7:], author=author, allowed=allowed)
            select = touched or no_update
        elif trigger == "review-merge":
            message, select = actions.merge(source, basket or [], author=author, allowed=allowed)
        elif trigger == "review-split":
            message, select = actions.split(source, event_id, author=author, allowed=allowed)
        elif trigger == "review-add-span":
            message, select = actions.add_from_selection(
                source, event_id, selection, author=author, allowed=allowed
            )
        else:
            return no_update, no_update, no_update, no_update
        return select if select is not None else no_update, message, version(), (refresh or 0) + 1


def _is_workspace_merge(source: ReviewSource, event_id: str) -> bool:
    return source.workspace is not None and source.workspace.merge_members(event_id) is not None
