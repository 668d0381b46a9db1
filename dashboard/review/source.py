"""Where the review panel finds events and sends changes: the app's events in memory, or a big store.

Both apps (dashboard.app with every event in memory, dashboard.store_app on millions in a
store) give the review panel a :class:`ReviewSource`: find an event, count events per review
status, list a status's queue in reading order, find the next one to review, and, after the
workspace changed, bring what is shown up to date. Changes themselves always go to the
workspace (:class:`eventmap.corpus.store.EventStore`); without one the app is read-only.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Protocol

from eventmap.corpus.store import EventStore
from eventmap.model import REVIEW_STATUSES, Event

ORDER_HINT = "by date, then document and position"


def reading_order(event: Event) -> tuple:
    """How the queue is ordered (the store's own order: date, document, position, id)."""
    return (event.date is None, event.date or "", event.source.document, event.source.start, event.id)


class ReviewSource(Protocol):
    """What the review panel needs of an app's events."""

    workspace: EventStore | None

    def find(self, event_id: str | None) -> Event | None: ...

    def counts(self) -> dict[str, int]: ...

    def queue(self, status: str | None, limit: int) -> tuple[list[Event], int]: ...

    def next_after(self, event_id: str | None, status: str) -> str | None: ...

    def refresh(self, changed: Iterable[str]) -> None: ...

    def document_text(self, document: str) -> str | None: ...


class _Texts:
    """An article's text: saved in the workspace (added in the app), else read from its file."""

    workspace: EventStore | None

    def document_text(self, document: str) -> str | None:
        if self.workspace is not None:
            saved = self.workspace.article_text(document)
            if saved is not None:
                return saved
        path = Path(document)
        if not path.is_file():
            return None
        try:
            from eventmap.text.reading import read_article

            return read_article(path).text
        except Exception:  # a file that changed into something unreadable: no article view
            return None


class CollectionSource(_Texts):
    """The in-memory app's events (dashboard.app.collection.EventCollection) plus its workspace."""

    def __init__(self, collection: Any, workspace: EventStore | None) -> None:
        self.collection = collection
        self.workspace = workspace

    def find(self, event_id: str | None) -> Event | None:
        return self.collection.find(event_id)

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(REVIEW_STATUSES, 0)
        for e in self.collection.events:
            counts[e.review_status] = counts.get(e.review_status, 0) + 1
        return counts

    def queue(self, status: str | None, limit: int) -> tuple[list[Event], int]:
        chosen = [e for e in self.collection.events if status is None or e.review_status == status]
        # the first `limit` in reading order (as sorted(...)[:limit]), without sorting them all
        return heapq.nsmallest(limit, chosen, key=reading_order), len(chosen)

    def next_after(self, event_id: str | None, status: str) -> str | None:
        return _next(sorted(self.collection.events, key=reading_order), event_id, status)

    def refresh(self, changed: Iterable[str]) -> None:
        """Put the workspace's current version of each changed event into the collection."""
        if self.workspace is None:
            return
        current = self.workspace.current_events(changed)
        for eid, event in current.items():
            here = self.collection.find(eid) is not None
            if event is None and here:
                self.collection.replace(eid, [])
            elif event is not None and here:
                self.collection.replace(eid, [event])
            elif event is not None:
                self.collection.add([event])


class StoreSource(_Texts):
    """A big store: every answer is a query (nothing is held in memory)."""

    def __init__(self, workspace: EventStore, *, read_only: bool = False) -> None:
        self.workspace = None if read_only else workspace
        self.store = workspace

    def find(self, event_id: str | None) -> Event | None:
        return self.store.event(event_id) if event_id else None

    def counts(self) -> dict[str, int]:
        return self.store.review_counts()

    def queue(self, status: str | None, limit: int) -> tuple[list[Event], int]:
        statuses = None if status is None else [status]
        return self.store.events(statuses=statuses, limit=limit), self.store.count(statuses=statuses)

    def next_after(self, event_id: str | None, status: str) -> str | None:
        current = self.find(event_id)
        after = self.store.events_after(current, statuses=[status], limit=1) if current else []
        if not after:  # from the start (wrap around)
            after = self.store.events(statuses=[status], limit=2)
        found = [e.id for e in after if e.id != event_id]
        return found[0] if found else None

    def refresh(self, changed: Iterable[str]) -> None:
        """Nothing to do: the next query sees the change."""

    def document_text(self, document: str) -> str | None:
        return super().document_text(document)


def _next(ordered: Sequence[Event], event_id: str | None, status: str) -> str | None:
    """The first event of `status` after `event_id` in reading order, wrapping around."""
    at = next((i for i, e in enumerate(ordered) if e.id == event_id), -1)
    for e in [*ordered[at + 1 :], *ordered[: at + 1]]:
        if e.review_status == status and e.id != event_id:
            return e.id
    return None
