"""Editing an event store: the analyst's workspace (corrections, new events, merges, undo, saved articles).

:class:`Workspace` is the editing half of :class:`eventmap.corpus.store.EventStore`. Every
method that changes something runs in one transaction (a crash leaves the state before it)
and ends by rebuilding the overlay of corrected events (:mod:`eventmap.corpus.store_edits`),
so readers see the corrections at once. A bad edit (unknown id, impossible date, unknown
place, nothing to change) raises InputError before or inside the transaction: nothing is
written. Two browser tabs editing one event both write; the later action wins, the log
keeps both.

Each write returns what changed: the action's number and the ids of the events whose
visible state may have changed (``changed``), so an app holding events in memory can
refresh just those (:meth:`Workspace.current_events`).
"""

from __future__ import annotations

import getpass
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from datetime import datetime
from typing import Any

import duckdb
import pyarrow as pa

from eventmap.corpus import store_aggregates, store_edits
from eventmap.corpus.edits import check_value, field_value, machine_values
from eventmap.corpus.store_edits import Change
from eventmap.corpus.store_schema import EVENT_SCHEMA, column_list, conform, events_to_table
from eventmap.errors import InputError, UserError
from eventmap.model import Event

ARTICLE_PREFIX = "article:"  # the `file` of an article added in the app (its text is in the store)


def default_author() -> str | None:
    """The OS user (the default author of an edit), or None when it cannot be told."""
    try:
        return getpass.getuser()
    except Exception:  # no USER, no passwd entry (some containers)
        return None


class Workspace:
    """Edits, new events, merges, undo/redo and saved articles of an event store (a mixin)."""

    path: str
    read_only: bool
    _editable: bool
    _events_sql: str

    # provided by EventStore
    def _transaction(self, **tables: pa.Table) -> AbstractContextManager[duckdb.DuckDBPyConnection]:
        raise NotImplementedError

    def _query(self, sql: str, params: dict[str, Any] | None = None) -> list[tuple]:
        raise NotImplementedError

    def _refresh_source(self) -> None:
        raise NotImplementedError

    # -- reading ----------------------------------------------------------------------------

    def event(self, event_id: str) -> Event | None:
        """The event with this id as it is shown (corrected); None when there is none (or it is merged away)."""
        return self.current_events([event_id]).get(event_id)

    def shown_event(self, event_id: str) -> Event:
        """The event as shown; InputError (one line) when there is none."""
        with self._read() as cur:
            return self._shown(cur, event_id)

    def current_events(self, ids: Iterable[str]) -> dict[str, Event | None]:
        """id -> the event as shown now, or None when it is not shown (merged away, gone)."""
        ids = sorted(set(ids))
        if not ids:
            return {}
        rows = self._query(
            f"SELECT id, json FROM {self._events_sql} WHERE list_contains($ids, id)", {"ids": ids}
        )
        found = {i: Event.from_dict(json.loads(j)) for i, j in rows}
        return {i: found.get(i) for i in ids}

    def review_counts(self, **filters: Any) -> dict[str, int]:
        """Events per review status (every status present, 0 when none) for the filters."""
        counts = {"unreviewed": 0, "verified": 0, "rejected": 0}
        for row in self.aggregate(by="status", **filters):  # type: ignore[attr-defined]
            counts[row["review_status"] or "unreviewed"] = row["count"]
        return counts

    def merge_members(self, event_id: str) -> list[str] | None:
        """The events merged into `event_id` by a merge made in this workspace (None: no such merge)."""
        if not self._editable:
            return None
        with self._read() as cur:
            return store_edits.active_merge(cur, event_id)

    def edit_count(self) -> int:
        """How many changes (actions other than undo and redo) the workspace holds, undone ones included."""
        if not self._editable:
            return 0
        return int(self._query("SELECT count(*) FROM edit_actions WHERE kind NOT IN ('undo', 'redo')")[0][0])

    def edit_log(self, event_id: str | None = None) -> list[dict[str, Any]]:
        """Every action, oldest first (those touching `event_id` when given)."""
        if not self._editable:
            return []
        with self._read() as cur:
            return store_edits.log(cur, event_id)

    def orphaned_edits(self) -> list[dict[str, Any]]:
        """Edits whose event is gone (after a re-parse): kept, and listed here."""
        if not self._editable:
            return []
        with self._read() as cur:
            return store_edits.build_overlay(cur).orphans

    def articles(self) -> list[dict[str, Any]]:
        """Articles added in the app: document, text, document_date, added_at, author."""
        if not self._editable:
            return []
        rows = self._query(
            "SELECT document, text, document_date, added_at, author FROM articles ORDER BY added_at"
        )
        return [dict(zip(("document", "text", "document_date", "added_at", "author"), r)) for r in rows]

    def article_text(self, document: str) -> str | None:
        """The text of an article saved in the store (None when the store does not hold it)."""
        if not self._editable:
            return None
        rows = self._query("SELECT text FROM articles WHERE document = $d", {"d": document})
        return rows[0][0] if rows else None

    # -- editing ----------------------------------------------------------------------------

    def edit(
        self, event_id: str, values: Mapping[str, Any], *, author: str | None = None, note: str | None = None
    ) -> dict[str, Any]:
        """Change fields of one event (see eventmap.corpus.edits); returns the action and before/after values."""
        checked = {field: check_value(field, value) for field, value in values.items()}
        if not checked and not note:
            raise InputError("nothing to change: give a date, place, category, title, note, actors or status")
        with self._editing() as cur:
            current = self._shown(cur, event_id)
            machine = store_edits.machine_events(cur, [event_id]).get(event_id)
            changes = [
                Change(
                    event_id,
                    field,
                    value,
                    machine=machine_values(machine, field) if machine is not None else None,
                    document=current.source.document,
                    sentence=current.text,
                )
                for field, value in checked.items()
            ]
            before = {field: field_value(current, field) for field in checked}
            action = store_edits.record(cur, "edit", changes, author=author, note=note)
            changed = self._rebuild(cur, [event_id])
        return {
            "action": action,
            "event_id": event_id,
            "before": before,
            "after": checked,
            "changed": changed,
        }

    def add_event(
        self, event: Event, *, author: str | None = None, note: str | None = None
    ) -> dict[str, Any]:
        """Add an event the parser missed (e.g. from a text span of an article); returns its id."""
        if not event.text.strip():
            raise InputError("a new event needs its sentence (select some text)")
        with self._editing() as cur:
            if self._query(f"SELECT 1 FROM {self._events_sql} WHERE id = $id", {"id": event.id}):
                raise InputError(f"there is already an event for this text ({event.id})")
            change = Change(
                event.id, "add", event.to_dict(), document=event.source.document, sentence=event.text
            )
            action = store_edits.record(cur, "add", [change], author=author, note=note)
            changed = self._rebuild(cur, [event.id])
        return {"action": action, "event_id": event.id, "changed": changed}

    def merge(
        self, ids: Sequence[str], *, author: str | None = None, note: str | None = None
    ) -> dict[str, Any]:
        """Merge two or more shown events into one (reports of one event); returns the merged id."""
        ids = list(dict.fromkeys(ids))
        if len(ids) < 2:
            raise InputError("a merge needs two events or more")
        with self._editing() as cur:
            members = [self._shown(cur, i) for i in ids]
            merged_id = "m" + hashlib.sha1("\x00".join(sorted(ids)).encode()).hexdigest()[:15]
            value = {
                "members": [{"id": e.id, "document": e.source.document, "sentence": e.text} for e in members]
            }
            change = Change(
                merged_id, "merge", value, document=members[0].source.document, sentence=members[0].text
            )
            action = store_edits.record(cur, "merge", [change], author=author, note=note)
            changed = self._rebuild(cur, [merged_id, *ids])
        return {"action": action, "event_id": merged_id, "members": ids, "changed": changed}

    def split(self, merged_id: str, *, author: str | None = None, note: str | None = None) -> dict[str, Any]:
        """Split a merge made in this workspace: its events are shown separately again."""
        with self._editing() as cur:
            merged = store_edits.active_merge(cur, merged_id)
            if merged is None:
                raise InputError(f"{merged_id} is not a merge made in this workspace")
            shown = self._shown(cur, merged_id)
            change = Change(merged_id, "merge", None, document=shown.source.document, sentence=shown.text)
            action = store_edits.record(cur, "split", [change], author=author, note=note)
            changed = self._rebuild(cur, [merged_id, *merged])
        return {"action": action, "event_id": merged_id, "members": merged, "changed": changed}

    def undo(self, *, author: str | None = None) -> dict[str, Any] | None:
        """Undo the last action not undone (of anyone); None when there is nothing to undo."""
        with self._editing() as cur:
            done = store_edits.undo(cur, author=author)
            if done is not None:
                done["changed"] = self._rebuild(cur, done["ids"])
        return done

    def redo(self, *, author: str | None = None) -> dict[str, Any] | None:
        """Redo the last undone action, unless something was changed since; None otherwise."""
        with self._editing() as cur:
            done = store_edits.redo(cur, author=author)
            if done is not None:
                done["changed"] = self._rebuild(cur, done["ids"])
        return done

    def reapply_edits(self) -> store_edits.Overlay:
        """Rebuild the overlay from the whole log (after a re-parse); returns it, orphans included."""
        with self._editing() as cur:
            overlay, _ = store_edits.materialize(cur)
        return overlay

    def add_article(
        self,
        document: str,
        text: str,
        events: Iterable[Event],
        *,
        document_date: str | None = None,
        author: str | None = None,
    ) -> int:
        """Save an article added in the app with its events (a saved article of that name is replaced)."""
        table = conform(events_to_table(events, file=ARTICLE_PREFIX + document), EVENT_SCHEMA)
        cols = column_list()
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        with self._editing(_new_events=table) as cur:
            cur.execute("DELETE FROM articles WHERE document = ?", [document])
            cur.execute(
                "INSERT INTO articles VALUES (?, ?, ?, ?, ?)",
                [document, text, document_date, datetime.now().replace(microsecond=0), author],
            )
            cur.execute("DELETE FROM events WHERE file = ?", [ARTICLE_PREFIX + document])
            cur.execute("DELETE FROM events WHERE id IN (SELECT id FROM _new_events)")
            cur.execute(f"INSERT INTO events ({cols}) SELECT {cols} FROM _new_events")
            cur.execute("DELETE FROM files WHERE path = ?", [ARTICLE_PREFIX + document])
            cur.execute(
                "INSERT INTO files VALUES (?, ?, ?, NULL, ?)",
                [ARTICLE_PREFIX + document, sha, table.num_rows, datetime.now().replace(microsecond=0)],
            )
            self._reapply(cur)  # the article's events are new: edits of their sentences find them
        return table.num_rows

    # -- inside a transaction -----------------------------------------------------------------

    def _editing(self, **tables: pa.Table) -> AbstractContextManager[duckdb.DuckDBPyConnection]:
        if self.read_only:
            raise UserError(f"{self.path}: the event store is open read-only")
        if not self._editable:
            raise UserError(f"{self.path}: this store cannot hold edits (a Parquet folder or an old store)")
        return self._transaction(**tables)

    def _read(self) -> AbstractContextManager[duckdb.DuckDBPyConnection]:
        return _Cursor(self._con)  # type: ignore[attr-defined]

    def _shown(self, cur: duckdb.DuckDBPyConnection, event_id: str) -> Event:
        """The event as shown; InputError (one line) when there is no such event."""
        row = cur.execute(f"SELECT json FROM {self._events_sql} WHERE id = $id", {"id": event_id}).fetchone()
        if row is not None:
            return Event.from_dict(json.loads(row[0]))
        if cur.execute("SELECT 1 FROM overlay WHERE id = $id AND hidden", {"id": event_id}).fetchone():
            raise InputError(f"event {event_id} is merged into another event: edit that one, or split it")
        raise InputError(f"no event with id {event_id!r} in {self.path}")

    def _reapply(self, cur: duckdb.DuckDBPyConnection) -> None:
        """After the machine's events changed: drop the kept counts (rebuilt on the next read) and
        re-attach every edit (when there are any)."""
        store_aggregates.drop(cur)
        if self._editable and cur.execute("SELECT count(*) FROM edit_actions").fetchone()[0]:
            store_edits.materialize(cur)

    def _rebuild(self, cur: duckdb.DuckDBPyConnection, ids: Iterable[str]) -> list[str]:
        """Rebuild the overlay rows of these events; the ids whose shown state may have changed."""
        return store_edits.materialize(cur, ids)[1]


class _Cursor(AbstractContextManager):
    """A cursor of its own for a read (closed after)."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self._cur = con.cursor()

    def __enter__(self) -> duckdb.DuckDBPyConnection:
        return self._cur

    def __exit__(self, *exc: object) -> None:
        self._cur.close()
