"""The event store: an embedded DuckDB file that holds a corpus of events (10 million and more).

Why DuckDB: one file, no server, columnar scans with zone maps, so a time window plus a map
extent over millions of rows is answered in milliseconds, and the dashboard can ask for
counts per place or per day instead of receiving every point.

The tables and their rows are in :mod:`eventmap.corpus.store_schema`, the filters and
aggregates as SQL in :mod:`eventmap.corpus.store_query`. A folder of Parquet files written
by the Dask ingest (``events/*.parquet`` and ``files/*.parquet``, see
:mod:`eventmap.corpus.store_parquet`) can be imported with :meth:`EventStore.import_parquet`,
or opened directly (read-only) by giving the folder as the store's path.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from eventmap.corpus import store_aggregates
from eventmap.corpus.store_edits import OVERLAY_SQL, TABLES_SQL
from eventmap.corpus.store_parquet import import_parquet, parquet_sql
from eventmap.corpus.store_query import (
    Aggregation,
    BBox,
    DateLike,
    aggregate_overlaid,
    aggregate_rows,
    iso,
    non_negative,
    place_spans,
    where_sql,
)
from eventmap.corpus.store_schema import (
    EVENT_SCHEMA,
    FILE_SCHEMA,
    STORE_FORMAT,
    STORE_VERSION,
    FileRecord,
    column_list,
    conform,
    create_sql,
    events_to_table,
    files_to_table,
    is_store,
)
from eventmap.corpus.store_workspace import Workspace
from eventmap.errors import InputError, UserError
from eventmap.model import Event
from geo.memo import no_gc_pauses

COLUMNS = column_list()
#: How a v1 store (before the edit log) is read without upgrading it.
_V1_EVENTS = "(SELECT *, 'unreviewed' AS review_status, lower(json) AS search FROM events)"

# The names other modules import from here (their homes are the modules above).
__all__ = [
    "EVENT_SCHEMA",
    "FILE_SCHEMA",
    "STORE_FORMAT",
    "STORE_VERSION",
    "Aggregation",
    "BBox",
    "DateLike",
    "EventStore",
    "FileRecord",
    "events_to_table",
    "files_to_table",
    "is_store",
    "parquet_sql",
    "where_sql",
]


class EventStore(Workspace):
    """A DuckDB file of events (or, read-only, a folder of Parquet written by the Dask ingest).

    Safe to share between the threads of a web server: every query runs on its own cursor.
    DuckDB lets one process write a file at a time; open with ``read_only=True`` to serve a
    store that no one is writing. Reading gives the events as corrected by the analyst's
    edits (see :class:`eventmap.corpus.store_workspace.Workspace` for editing).
    """

    def __init__(self, path: str | Path = ":memory:", *, read_only: bool = False) -> None:
        self.path = str(path)
        self._lock = threading.Lock()
        p = Path(self.path)
        self.read_only = read_only
        self._events_sql = "events"  # what readers select from (see _refresh_source)
        self._editable = False  # whether the store has the edit tables
        self._kept_ok = False  # whether the kept counts (store_aggregates) are known to be up to date
        self._kept_prefix = ""  # where they are: the store file, or an in-memory database (read-only)
        self._in_memory = self.path == ":memory:" or p.is_dir()  # a connection of our own, writable
        if self.path != ":memory:" and p.is_dir():
            self._con = duckdb.connect(":memory:")
            self._open_parquet_folder(p)
            self.read_only = True
            return
        if read_only and not p.exists():
            raise InputError(f"{self.path}: no such event store")
        if not read_only and self.path != ":memory:" and not p.parent.is_dir():
            raise InputError(f"{self.path}: folder {p.parent} does not exist")
        try:
            self._con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.IOException as exc:
            raise InputError(f"{self.path}: cannot open as an event store ({_first_line(exc)})") from None
        except duckdb.Error as exc:
            raise InputError(f"{self.path}: not an event store ({_first_line(exc)})") from None
        self._check_or_create_schema()
        self._refresh_source()

    # -- opening ---------------------------------------------------------------------------

    def _check_or_create_schema(self) -> None:
        tables = self._tables()
        if "store_meta" in tables:
            meta = dict(self._con.execute("SELECT key, value FROM store_meta").fetchall())
            if meta.get("format") != STORE_FORMAT:
                raise InputError(f"{self.path}: not an eventmap store")
            version = int(meta.get("version", "0"))
            if version > STORE_VERSION:
                raise InputError(f"{self.path}: store version {version} is newer than this eventmap")
            if version < STORE_VERSION and not self.read_only:
                self._upgrade(version)
            return
        if tables:
            raise InputError(f"{self.path}: a DuckDB file, but not an eventmap store")
        if self.read_only:
            raise InputError(f"{self.path}: empty file, not an eventmap store")
        with self._transaction() as cur:
            cur.execute(create_sql("events", EVENT_SCHEMA, extra="shadowed BOOLEAN DEFAULT false"))
            cur.execute(create_sql("files", FILE_SCHEMA))
            for sql in (*TABLES_SQL, OVERLAY_SQL):
                cur.execute(sql)
            cur.execute("CREATE TABLE store_meta (key VARCHAR, value VARCHAR)")
            cur.execute(
                "INSERT INTO store_meta VALUES ('format', ?), ('version', ?)",
                [STORE_FORMAT, str(STORE_VERSION)],
            )

    def _upgrade(self, version: int) -> None:
        """A version 1 store gets the review_status and search columns and the edit tables."""
        with self._transaction() as cur:
            if version < 2:
                cur.execute("ALTER TABLE events ADD COLUMN review_status VARCHAR DEFAULT 'unreviewed'")
                cur.execute("ALTER TABLE events ADD COLUMN search VARCHAR")
                cur.execute("ALTER TABLE events ADD COLUMN shadowed BOOLEAN DEFAULT false")
                cur.execute(
                    "UPDATE events SET search = lower(concat_ws(' ', json->>'$.text', json->>'$.date_text', "
                    "json->>'$.category', array_to_string(json_extract_string(json, '$.places[*].text'), ' '), "
                    "array_to_string(json_extract_string(json, '$.places[*].name'), ' ')))"
                )
                for sql in (*TABLES_SQL, OVERLAY_SQL):
                    cur.execute(sql)
            cur.execute("UPDATE store_meta SET value = ? WHERE key = 'version'", [str(STORE_VERSION)])

    def _tables(self) -> set[str]:
        rows = self._con.execute("SELECT table_name FROM information_schema.tables").fetchall()
        return {r[0] for r in rows}

    def _refresh_source(self) -> None:
        """Read from the machine's events alone, or with the overlay of edits when there is one."""
        self._kept_ok = False  # checked again (cheaply) by the next read that uses them
        tables = self._tables()
        self._editable = "overlay" in tables
        if not self._editable:
            self._events_sql = _V1_EVENTS if "store_meta" in tables else "events"
            return
        edited = self._query("SELECT count(*) FROM overlay")[0][0]
        self._events_sql = (
            "events"
            if not edited
            else f"(SELECT {COLUMNS} FROM events WHERE shadowed IS NOT TRUE "
            f"UNION ALL SELECT {COLUMNS} FROM overlay WHERE NOT hidden)"
        )

    def _open_parquet_folder(self, folder: Path) -> None:
        events_sql, files_sql = parquet_sql(folder)
        if events_sql is None:
            raise InputError(f"{folder}: no events/*.parquet inside, not an event store folder")
        try:
            self._con.execute(f"CREATE VIEW events AS {events_sql}")
        except duckdb.Error as exc:
            raise InputError(f"{folder}: cannot read as an event store ({_first_line(exc)})") from None
        if files_sql is not None:
            self._con.execute(f"CREATE VIEW files AS {files_sql}")
        else:
            self._con.execute(create_sql("files", FILE_SCHEMA, temp=True))

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------

    @contextmanager
    def _transaction(self, **tables: pa.Table) -> Iterator[duckdb.DuckDBPyConnection]:
        """One writer at a time, all or nothing: Arrow `tables` are visible under their names."""
        with self._lock:
            cur = self._con.cursor()
            try:
                for name, table in tables.items():
                    cur.register(name, table)
                cur.execute("BEGIN")
                yield cur
                cur.execute("COMMIT")
            except BaseException:
                cur.execute("ROLLBACK")
                raise
            else:
                self._refresh_source()
            finally:
                for name in tables:
                    cur.unregister(name)
                cur.close()

    def add(self, events: Iterable[Event], *, file: str | None = None) -> int:
        """Insert events in bulk; an event whose id is already stored is replaced. Returns the count."""
        return self.add_table(events_to_table(events, file=file))

    def add_table(self, table: pa.Table, *, replace: bool = True) -> int:
        """Bulk-insert rows already in EVENT_SCHEMA (the fast path for big synthetic or Parquet data).

        With ``replace`` (the default) rows whose id is already stored are replaced; turn it
        off when the ids are known to be new (it saves a join against the whole table).
        """
        self._writable()
        table = conform(table, EVENT_SCHEMA)
        with self._transaction(_new_events=table) as cur:
            if replace:
                cur.execute("DELETE FROM events WHERE id IN (SELECT id FROM _new_events)")
            cur.execute(f"INSERT INTO events ({COLUMNS}) SELECT {COLUMNS} FROM _new_events")
            self._reapply(cur)
        return table.num_rows

    def replace_files(self, records: Sequence[FileRecord], events: pa.Table) -> None:
        """Atomically forget the events of these files, store their new events and hashes."""
        self._writable()
        events = conform(events, EVENT_SCHEMA)
        files = files_to_table(records)
        with self._transaction(_new_events=events, _new_files=files) as cur:
            cur.execute("DELETE FROM events WHERE file IN (SELECT path FROM _new_files)")
            cur.execute("DELETE FROM events WHERE id IN (SELECT id FROM _new_events)")
            cur.execute(f"INSERT INTO events ({COLUMNS}) SELECT {COLUMNS} FROM _new_events")
            cur.execute("DELETE FROM files WHERE path IN (SELECT path FROM _new_files)")
            cur.execute("INSERT INTO files SELECT * FROM _new_files")
            self._reapply(cur)

    def forget_files(self, paths: Iterable[str]) -> int:
        """Remove these ingested files and their events (files deleted from a corpus); returns events removed."""
        self._writable()
        gone = pa.table({"path": pa.array(list(paths), type=pa.string())})
        with self._transaction(_gone=gone) as cur:
            removed = cur.execute(
                "SELECT count(*) FROM events WHERE file IN (SELECT path FROM _gone)"
            ).fetchone()[0]
            cur.execute("DELETE FROM events WHERE file IN (SELECT path FROM _gone)")
            cur.execute("DELETE FROM files WHERE path IN (SELECT path FROM _gone)")
            self._reapply(cur)
        return int(removed)

    def import_parquet(self, folder: str | Path, *, parts: Iterable[str] | None = None) -> int:
        """Load a folder written by the Dask ingest (events/*.parquet, files/*.parquet); returns events added.

        For a file parsed more than once, the newest part wins, and what the store had for that
        file is replaced, so importing the same folder twice changes nothing. `parts` (part
        names without .parquet) limits the import to the parts a run has just written.
        """
        self._writable()
        folder = Path(folder)
        try:
            with self._transaction() as cur:
                added, _paths = import_parquet(cur, folder, parts)
                self._reapply(cur)
        except duckdb.Error as exc:
            raise InputError(f"{folder}: cannot import the Parquet files ({_first_line(exc)})") from None
        return added

    def sort_by_date(self) -> None:
        """Rewrite the events table in date order so DuckDB's zone maps skip most row groups."""
        self._writable()
        with self._lock:
            self._con.execute(
                "CREATE OR REPLACE TABLE events AS SELECT * FROM events ORDER BY date, date_end, lon"
            )
            if self._editable:  # CREATE TABLE AS drops the column's default
                self._con.execute("ALTER TABLE events ALTER COLUMN shadowed SET DEFAULT false")

    def _writable(self) -> None:
        if self.read_only:
            raise UserError(f"{self.path}: the event store is open read-only")

    # -- files (incremental ingest) --------------------------------------------------------

    def file_hashes(self) -> dict[str, str]:
        """path -> sha256 of every file ingested so far."""
        return dict(self._query("SELECT path, sha256 FROM files"))

    def ids_elsewhere(self, ids: Iterable[str], file: str) -> set[str]:
        """Those of `ids` that events not of `file` already have (storing them would replace those)."""
        wanted = pa.table({"id": pa.array(sorted(set(ids)), type=pa.string())})
        cur = self._con.cursor()
        try:
            cur.register("_wanted", wanted)
            sql = "SELECT DISTINCT e.id FROM events e JOIN _wanted w ON e.id = w.id WHERE e.file IS DISTINCT FROM $file"
            return {row[0] for row in cur.execute(sql, {"file": file}).fetchall()}
        finally:
            cur.close()

    def files(self) -> list[FileRecord]:
        rows = self._query("SELECT path, sha256, events, error FROM files ORDER BY path")
        return [FileRecord(p, h, n or 0, e) for p, h, n, e in rows]

    # -- reading ---------------------------------------------------------------------------

    def events(self, *, limit: int | None = None, offset: int = 0, **filters: Any) -> list[Event]:
        """Events passing the filters (see :func:`where_sql`: start, end, bbox, category, documents,
        search, statuses), by date; as corrected by the edits."""
        where, params = where_sql(**filters)
        sql = (
            f"SELECT json FROM {self._events_sql}{where} ORDER BY date NULLS LAST, document, source_start, id"
        )
        if limit is not None:
            sql += f" LIMIT {non_negative(limit, 'limit')}"
        if offset:
            sql += f" OFFSET {non_negative(offset, 'offset')}"
        rows = self._query(sql, params)
        with no_gc_pauses():  # many new objects, no garbage: see geo.memo.no_gc_pauses
            return [Event.from_dict(json.loads(row[0])) for row in rows]

    def events_after(self, event: Event, *, limit: int = 1, **filters: Any) -> list[Event]:
        """The events that come after `event` in the order of `events()` (the review queue's next)."""
        where, params = where_sql(**filters)
        key = "(coalesce(date, DATE '9999-12-31'), document, source_start, id)"
        after = f"{key} > (coalesce($a_date, DATE '9999-12-31'), $a_doc, $a_start, $a_id)"
        params.update(
            a_date=event.start_date, a_doc=event.source.document, a_start=event.source.start, a_id=event.id
        )
        sql = (
            f"SELECT json FROM {self._events_sql}{where}{' AND ' if where else ' WHERE '}{after} "
            f"ORDER BY date NULLS LAST, document, source_start, id LIMIT {non_negative(limit, 'limit')}"
        )
        return [Event.from_dict(json.loads(row[0])) for row in self._query(sql, params)]

    def count(self, **filters: Any) -> int:
        """How many events `events()` would return with the same filters."""
        where, params = where_sql(**filters)
        kept = self._kept("count", filters)
        if self._events_sql == _V1_EVENTS or (self._events_sql == "events" and not kept):
            return int(self._query(f"SELECT count(*) FROM {self._events_sql}{where}", params)[0][0])
        machine = (
            store_aggregates.count_kept(self._query, kept, where, params)
            if kept
            else int(self._query(f"SELECT count(*) FROM events{where}", params)[0][0])
        )
        if self._events_sql == "events":
            return machine
        both = " AND " if where else " WHERE "  # machine rows, minus those edited, plus the overlay
        sql = (
            f"SELECT (SELECT count(*) FROM overlay{where}{both}NOT hidden) "
            f"- (SELECT count(*) FROM events{where}{both}shadowed)"
        )
        return machine + int(self._query(sql, params)[0][0])

    def aggregate(
        self, *, by: Aggregation = "place", limit: int | None = None, cell_deg: float = 1.0, **filters: Any
    ) -> list[dict[str, Any]]:
        """Counts for the dashboard at corpus scale, computed where the data is.

        by="place": one row per located place {place, country_code, lat, lon, count, first, last},
        most events first; by="day": {day, count} per start day, in date order; by="day_category":
        {day, category, count} (the timeline's histogram, stacked by category);
        by="category": {category, count}; by="status": {review_status, count};
        by="document": {document, count}; by="cell": {lat, lon, count} per grid cell of
        `cell_deg` degrees (cell centre), for a density map when places are too many.
        """
        where, params = where_sql(**filters)
        kept = self._kept(by, filters)
        if kept and self._events_sql == "events":
            return store_aggregates.aggregate_kept(self._query, kept, where, params, by, limit, cell_deg)
        if self._events_sql == "events" or self._events_sql == _V1_EVENTS:
            return aggregate_rows(self._query, self._events_sql, where, params, by, limit, cell_deg)
        if kept:  # the kept counts corrected by the edits, in one query
            source = store_aggregates.corrected_source(kept, where)
            rows = store_aggregates.aggregate_kept(
                self._query, source, "", params, by, limit, cell_deg, corrected=True
            )
            if by == "place":  # a place an edited event was at: its first and last day exactly
                touched = store_aggregates.touched_places(self._query, where, params)
                fix = [
                    k
                    for k in ((r["place"], r["country_code"], r["lat"], r["lon"]) for r in rows)
                    if k in touched
                ]
                exact = place_spans(self._query, where, params, fix)
                for r in rows:
                    span = exact.get((r["place"], r["country_code"], r["lat"], r["lon"]))
                    if span is not None:
                        r["first"], r["last"] = span
            return rows
        return aggregate_overlaid(self._query, where, params, by, limit, cell_deg)

    def _kept(self, by: str, filters: dict[str, Any]) -> str | None:
        """The kept table (built now if need be) that answers `by` under `filters`; None: scan the events."""
        table = store_aggregates.table_for(by, filters)
        if table is None or self._events_sql == _V1_EVENTS:
            return None
        if not self._kept_ok:
            with self._lock:
                writable = not self.read_only or self._in_memory
                self._kept_prefix = store_aggregates.ensure(self._con, writable=writable)
                self._kept_ok = True
        return self._kept_prefix + table

    def documents_like(self, text: str = "", *, limit: int | None = 50) -> list[tuple[str, int]]:
        """(document, events) for the documents whose name holds `text` (any case), most events first."""
        if not text:  # every document: from the kept counts
            rows = [(r["document"], int(r["count"])) for r in self.aggregate(by="document")]
            rows = [r for r in rows if r[0] is not None]
            rows.sort(key=lambda r: (-r[1], r[0]))
            return rows if limit is None else rows[: non_negative(limit, "limit")]
        lim = "" if limit is None else f" LIMIT {non_negative(limit, 'limit')}"
        where = " WHERE document ILIKE $pat ESCAPE '\\'" if text else " WHERE $pat IS NOT NULL"
        sql = (
            f"SELECT document, count(*) AS n FROM {self._events_sql}{where} "
            f"GROUP BY document ORDER BY n DESC, document{lim}"
        )
        pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        return [(d, int(n)) for d, n in self._query(sql, {"pat": pattern}) if d is not None]

    def date_range(self) -> tuple[str | None, str | None]:
        """First start day and last end day in the store (the dashboard's initial window)."""
        first, last = self._query(f"SELECT min(date), max(date_end) FROM {self._events_sql}")[0]
        return iso(first), iso(last)

    def _query(self, sql: str, params: dict[str, Any] | None = None) -> list[tuple]:
        cur = self._con.cursor()
        try:
            return cur.execute(sql, params or {}).fetchall()
        finally:
            cur.close()


def _first_line(exc: BaseException) -> str:
    return (str(exc).splitlines() or [type(exc).__name__])[0]
