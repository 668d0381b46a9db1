"""The app's events: the loaded ones plus articles added in the app (thread-safe, versioned).

`EventCollection.loading(read)` reads the events in a background thread (`eventmap serve` answers
while a big workspace is still being read): every reader of `events` waits until they are in.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import Any

from dashboard.figures import category_order, document_names
from eventmap.model import Event
from geo.memo import no_gc_pauses


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
        self._ready = threading.Event()
        self._ready.set()
        self.error: BaseException | None = None
        self.add(events)
        self.version = 0
        # save_article(name, text, events, document_date): keeps an added article in the
        # workspace (dashboard/review/attach.py sets it); raises UserError when it may not
        self.save_article: Callable[[str, str, list[Event], str | None], None] | None = None

    @classmethod
    def loading(
        cls, read: Callable[[], Iterable[Event]], then: Callable[[], Any] | None = None
    ) -> EventCollection:
        """A collection filled by `read()` in a background thread, then `then()` (e.g. building the
        page) in the same thread. Readers of `events` wait for it; if `read` fails, they get its
        error (and `error` holds it: the server stops and says it, dashboard/server.py)."""
        coll = cls()
        coll._ready.clear()

        def run() -> None:
            try:
                with no_gc_pauses():  # many new objects, no garbage: see geo.memo.no_gc_pauses
                    events = list(read())
                    with coll._lock:
                        coll._events = cls._unique(events, coll._ids)
            except BaseException as exc:  # reported by whoever reads the events
                coll.error = exc
            finally:
                coll._ready.set()
            if then is not None and coll.error is None:
                then()

        threading.Thread(target=run, name="eventmap-load", daemon=True).start()
        return coll

    @property
    def ready(self) -> bool:
        """True once the events are in (always, unless made by `loading`)."""
        return self._ready.is_set()

    def wait(self) -> None:
        """Wait until the events are in; raises the reader's error if reading them failed."""
        self._ready.wait()
        if self.error is not None:
            raise self.error

    @property
    def events(self) -> list[Event]:
        if not self._ready.is_set():
            self.wait()
        elif self.error is not None:
            raise self.error
        return self._events

    @staticmethod
    def _unique(events: Iterable[Event], ids: set[str]) -> list[Event]:
        fresh = []
        for e in events:
            if e.id not in ids:
                ids.add(e.id)
                fresh.append(e)
        return fresh

    def add(self, events: Iterable[Event]) -> int:
        """Add events not seen before (by id); returns how many were new."""
        self.wait()
        with self._lock:
            fresh = self._unique(events, self._ids)
            self._events = self._events + fresh  # readers keep a consistent old list
            if fresh:
                self.version += 1
            return len(fresh)

    def replace(self, event_id: str, events: Iterable[Event]) -> int:
        """Put `events` where the event `event_id` stood (split a merge); how many went in.

        Returns 0 and changes nothing when there is no such event. Events whose id is already
        in the collection are not added twice.
        """
        self.wait()
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
        return next((e for e in self.events if e.id == event_id), None)

    def dated_count(self) -> int:
        """How many events have a date (cached per version: the views ask on every update)."""
        key = (self.version, len(self.events))
        if getattr(self, "_dated", (None, 0))[0] != key:
            self._dated = (key, sum(1 for e in self.events if e.date))
        return self._dated[1]

    def documents(self) -> list[str]:
        return sorted({n for e in self.events for n in document_names(e)})

    def categories(self) -> list[str]:
        return category_order({e.category for e in self.events})
