"""Putting the review panel into the in-memory app: its source, its callbacks, saved articles, the page parts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dash import Dash

from dashboard.review.actions import NEEDS_TOKEN, READ_ONLY, Denied
from dashboard.review.callbacks import editing_allowed, register_review_callbacks
from dashboard.review.panel import FIRST_FILTER, QUEUE_LENGTH, counts_badge, queue_items, review_panel
from dashboard.review.source import CollectionSource
from eventmap.corpus.store import EventStore
from eventmap.model import Event


def attach_review(
    app: Dash, collection: Any, workspace: EventStore | None, *, author: str | None, token: str | None
) -> Callable[[], tuple[Any, Any]]:
    """Wire the panel to `collection` and `workspace`; returns what the layout asks for each page:
    (the header's review counts, the panel)."""
    source = CollectionSource(collection, workspace)
    if workspace is not None:

        def save_article(name: str, text: str, events: list[Event], document_date: str | None) -> None:
            if not editing_allowed(token):
                raise Denied(NEEDS_TOKEN)
            workspace.add_article(name, text, events, document_date=document_date, author=author)

        collection.save_article = save_article
    register_review_callbacks(
        app, source, author=author, token=token, version=lambda: collection.version, built_with_page=True
    )
    note = "" if workspace is not None else READ_ONLY

    def parts() -> tuple[Any, Any]:
        counts = source.counts()
        # the queue as the panel opens (its filter's first value), built with the page
        events, total = source.queue(FIRST_FILTER, QUEUE_LENGTH)
        queue = queue_items(events, total, None)
        return counts_badge(counts), review_panel(
            counts, editable=workspace is not None, note=note, queue=queue
        )

    return parts
