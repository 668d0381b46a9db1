"""The app's events: the loaded ones plus articles added in the app (thread-safe, versioned)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable

from dashboard.figures import category_order, document_names
from eventmap.model import Event


class EventCollection:
    """The app's events: the loaded ones plus articles added in the app (thread-safe).

    The dashboard is a local, single-user tool, so added articles live in the server's memory
    and every browser tab sees them; `version` grows with each change so views can refresh.
    """

    def __init__(self, events: Iterable[Event] = ()) -> None:
        self._lock = threading.Lock()
        self._events: list[Event] = []
        self._ids: set[str] = set()
        self.version = 0
        self.add(events)
        self.version = 0
        # save_article(name, text, events, document_date): keeps an added article in the
        # workspace (dashboard/review/attach.py sets it); raises UserError when it may not
        self.save_article: Callable[[str, str, list[Event], str | None], None] | None = None

    @property
    def events(self) -> list[Event]:
        return self._events

    def add(self, events: Iterable[Event]) -> int:
        """Add events not seen before (by id); returns how many were new."""
        with self._lock:
            fresh = []
            for e in events:
                if e.id not in self._ids:
                    self._ids.add(e.id)
                    fresh.append(e)
            self._events = self._events + fresh  # readers keep a consistent old list
            if fresh:
                self.version += 1
            return len(fresh)

    def replace(self, event_id: str, events: Iterable[Event]) -> int:
        """Put `events` where the event `event_id` stood (split a merge); how many went in.

        Returns 0 and changes nothing when there is no such event. Events whose id is already
        in the collection are not added twice.
        """
        with self._lock:
            at = next((i for i, e in enumerate(self._events) if e.id == event_id), None)
            if at is None:
                return 0
            self._ids.discard(event_id)
            fresh = []
            for e in events:
                if e.id not in self._ids:
                    self._ids.add(e.id)
                    fresh.append(e)
            self._events = self._events[:at] + fresh + self._events[at + 1 :]
            self.version += 1
            return len(fresh)

    def find(self, event_id: str | None) -> Event | None:
        if not event_id:
            return None
        return next((e for e in self._events if e.id == event_id), None)

    def dated_count(self) -> int:
        """How many events have a date (cached per version: the views ask on every update)."""
        key = (self.version, len(self._events))
        if getattr(self, "_dated", (None, 0))[0] != key:
            self._dated = (key, sum(1 for e in self._events if e.date))
        return self._dated[1]

    def documents(self) -> list[str]:
        return sorted({n for e in self._events for n in document_names(e)})

    def categories(self) -> list[str]:
        return category_order({e.category for e in self._events})
