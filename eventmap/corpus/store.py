"""The event store: an embedded DuckDB file that holds a corpus of events (10 million and more).

Why DuckDB: one file, no server, columnar scans with zone maps, so a time window plus a map
extent over millions of rows is answered in milliseconds, and the dashboard can ask for
counts per place or per day instead of receiving every point.

Each event is one row: a few columns for fast filters and aggregation (date, date_end, lat,
lon, category, place, document, id ...) plus the event's full JSON (:meth:`Event.to_dict`),
so nothing of the event model is lost. A second table remembers the content hash of every
ingested file, which makes corpus ingest incremental.

A folder of Parquet files written by the Dask ingest (``events/*.parquet`` and
``files/*.parquet``) can be imported with :meth:`EventStore.import_parquet`, or opened
directly (read-only) by giving the folder as the store's path.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from eventmap.errors import InputError, UserError
from eventmap.model import Event

STORE_FORMAT = "eventmap-store"
STORE_VERSION = 1

Aggregation = Literal["place", "day", "category", "cell"]
BBox = tuple[float, float, float, float]  # west, south, east, north (GeoJSON order)
DateLike = str | date | None

#: One row per event. `file` is the ingested file the event came from (None for events added
#: directly); `json` is the whole event, the source of truth for everything else.
EVENT_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("file", pa.string()),
        ("document", pa.string()),
        ("source_start", pa.int64()),
        ("date", pa.date32()),
        ("date_end", pa.date32()),
        ("date_precision", pa.string()),
        ("lat", pa.float64()),
        ("lon", pa.float64()),
        ("category", pa.string()),
        ("lang", pa.string()),
        ("place", pa.string()),
        ("country_code", pa.string()),
        ("source_count", pa.int32()),
        ("json", pa.string()),
    ]
)

#: One row per ingested file: a file whose sha256 is unchanged is not parsed again.
FILE_SCHEMA = pa.schema(
    [
        ("path", pa.string()),
        ("sha256", pa.string()),
        ("events", pa.int32()),
        ("error", pa.string()),
        ("ingested_at", pa.timestamp("s")),
    ]
)

_SQL_TYPES = {
    pa.string(): "VARCHAR",
    pa.date32(): "DATE",
    pa.float64(): "DOUBLE",
    pa.int32(): "INTEGER",
    pa.int64(): "BIGINT",
    pa.timestamp("s"): "TIMESTAMP",
}


@dataclass(frozen=True, slots=True)
class FileRecord:
    """What the store remembers about one ingested file."""

    path: str
    sha256: str
    events: int = 0
    error: str | None = None


def events_to_table(events: Iterable[Event], *, file: str | None = None) -> pa.Table:
    """Events -> an Arrow table in EVENT_SCHEMA (the bulk-insert form, also written to Parquet)."""
    cols: dict[str, list[Any]] = {name: [] for name in EVENT_SCHEMA.names}
    for ev in events:
        main = ev.main_place
        named = main or (ev.places[0] if ev.places else None)
        country = next((p.country_code for p in ([main] if main else []) + ev.places if p.country_code), None)
        cols["id"].append(ev.id)
        cols["file"].append(file)
        cols["document"].append(ev.source.document)
        cols["source_start"].append(ev.source.start)
        cols["date"].append(ev.start_date)
        cols["date_end"].append(ev.end_date)
        cols["date_precision"].append(ev.date_precision)
        cols["lat"].append(ev.lat)
        cols["lon"].append(ev.lon)
        cols["category"].append(ev.category)
        cols["lang"].append(ev.lang)
        cols["place"].append((named.name or named.text) if named else None)
        cols["country_code"].append(country)
        cols["source_count"].append(ev.source_count)
        cols["json"].append(json.dumps(ev.to_dict(), ensure_ascii=False, separators=(",", ":")))
    return pa.table(cols, schema=EVENT_SCHEMA)


def files_to_table(records: Iterable[FileRecord]) -> pa.Table:
    """File records -> an Arrow table in FILE_SCHEMA."""
    recs = list(records)
    now = datetime.now().replace(microsecond=0)
    return pa.table(
        {
            "path": [r.path for r in recs],
            "sha256": [r.sha256 for r in recs],
            "events": [r.events for r in recs],
            "error": [r.error for r in recs],
            "ingested_at": [now] * len(recs),
        },
        schema=FILE_SCHEMA,
    )


def is_store(path: str | Path) -> bool:
    """Whether `path` looks like an event store: a .duckdb file or a folder with events/*.parquet.

    For `serve` and `export`, which take event files and stores alike.
    """
    p = Path(path)
    if p.is_dir():
        return any((p / "events").glob("*.parquet"))
    return p.suffix.lower() in {".duckdb", ".ddb"} and p.is_file()


def parquet_sql(folder: Path, parts: Iterable[str] | None = None) -> tuple[str | None, str | None]:
    """SELECTs over a Parquet store folder: (events, files), each None when there are no such files.

    Part files are named so that they sort in the order they were written, and
    events/<part>.parquet holds the events of the files listed in files/<part>.parquet. A file
    parsed again (because it changed) appears in several parts: only its newest part counts.
    """
    wanted = None if parts is None else set(parts)

    def listed(sub: str) -> list[Path]:
        found = sorted((folder / sub).glob("*.parquet"))
        return found if wanted is None else [f for f in found if f.stem in wanted]

    event_files, file_files = listed("events"), listed("files")
    part = r"regexp_extract(filename, '([^/\\]+)\.parquet$', 1)"
    cols = ", ".join(f's."{n}"' for n in FILE_SCHEMA.names)
    files_src = f"SELECT *, {part} AS _part FROM read_parquet({_sql_list(file_files)}, filename=true)"
    # plain GROUP BY + joins: DuckDB 2.0.1 returned the oldest row for a QUALIFY row_number() here
    latest = f"SELECT path, max(_part) AS _part FROM ({files_src}) GROUP BY path" if file_files else None
    files_sql = (
        f"SELECT {cols} FROM ({files_src}) s JOIN ({latest}) l ON s.path = l.path AND s._part = l._part"
        if latest
        else None
    )
    if not event_files:
        return None, files_sql
    ecols = ", ".join(
        'coalesce(e."date_end", e."date") AS "date_end"' if n == "date_end" else f'e."{n}"'
        for n in EVENT_SCHEMA.names
    )
    events = f"SELECT *, {part} AS _part FROM read_parquet({_sql_list(event_files)}, filename=true)"
    if latest is None:
        return f"SELECT {ecols} FROM ({events}) e", files_sql
    events_sql = (
        f"SELECT {ecols} FROM ({events}) e LEFT JOIN ({latest}) f ON e.file = f.path "
        f"WHERE e.file IS NULL OR f.path IS NULL OR e._part = f._part"
    )
    return events_sql, files_sql


class EventStore:
    """A DuckDB file of events (or, read-only, a folder of Parquet written by the Dask ingest).

    Safe to share between the threads of a web server: every query runs on its own cursor.
    DuckDB lets one process write a file at a time; open with ``read_only=True`` to serve a
    store that no one is writing.
    """

    def __init__(self, path: str | Path = ":memory:", *, read_only: bool = False) -> None:
        self.path = str(path)
        self._lock = threading.Lock()
        p = Path(self.path)
        self.read_only = read_only
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

    # -- opening ---------------------------------------------------------------------------

    def _check_or_create_schema(self) -> None:
        tables = {
            r[0] for r in self._con.execute("SELECT table_name FROM information_schema.tables").fetchall()
        }
        if "store_meta" in tables:
            meta = dict(self._con.execute("SELECT key, value FROM store_meta").fetchall())
            if meta.get("format") != STORE_FORMAT:
                raise InputError(f"{self.path}: not an eventmap store")
            if int(meta.get("version", "0")) > STORE_VERSION:
                raise InputError(
                    f"{self.path}: store version {meta.get('version')} is newer than this eventmap"
                )
            return
        if tables:
            raise InputError(f"{self.path}: a DuckDB file, but not an eventmap store")
        if self.read_only:
            raise InputError(f"{self.path}: empty file, not an eventmap store")
        self._con.execute(_create_sql("events", EVENT_SCHEMA))
        self._con.execute(_create_sql("files", FILE_SCHEMA))
        self._con.execute("CREATE TABLE store_meta (key VARCHAR, value VARCHAR)")
        self._con.execute(
            "INSERT INTO store_meta VALUES ('format', ?), ('version', ?)", [STORE_FORMAT, str(STORE_VERSION)]
        )

    def _open_parquet_folder(self, folder: Path) -> None:
        events_sql, files_sql = parquet_sql(folder)
        if events_sql is None:
            raise InputError(f"{folder}: no events/*.parquet inside, not an event store folder")
        self._con.execute(f"CREATE VIEW events AS {events_sql}")
        if files_sql is not None:
            self._con.execute(f"CREATE VIEW files AS {files_sql}")
        else:
            self._con.execute(_create_sql("files", FILE_SCHEMA).replace("CREATE TABLE", "CREATE TEMP TABLE"))

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
        table = _conform(table, EVENT_SCHEMA)
        with self._transaction(_new_events=table) as cur:
            if replace:
                cur.execute("DELETE FROM events WHERE id IN (SELECT id FROM _new_events)")
            cur.execute("INSERT INTO events SELECT * FROM _new_events")
        return table.num_rows

    def replace_files(self, records: Sequence[FileRecord], events: pa.Table) -> None:
        """Atomically forget the events of these files, store their new events and hashes."""
        self._writable()
        events = _conform(events, EVENT_SCHEMA)
        files = files_to_table(records)
        with self._transaction(_new_events=events, _new_files=files) as cur:
            cur.execute("DELETE FROM events WHERE file IN (SELECT path FROM _new_files)")
            cur.execute("DELETE FROM events WHERE id IN (SELECT id FROM _new_events)")
            cur.execute("INSERT INTO events SELECT * FROM _new_events")
            cur.execute("DELETE FROM files WHERE path IN (SELECT path FROM _new_files)")
            cur.execute("INSERT INTO files SELECT * FROM _new_files")

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
        return int(removed)

    def import_parquet(self, folder: str | Path, *, parts: Iterable[str] | None = None) -> int:
        """Load a folder written by the Dask ingest (events/*.parquet, files/*.parquet); returns events added.

        For a file parsed more than once, the newest part wins, and what the store had for that
        file is replaced, so importing the same folder twice changes nothing. `parts` (part
        names without .parquet) limits the import to the parts a run has just written.
        """
        self._writable()
        folder = Path(folder)
        events_sql, files_sql = parquet_sql(folder, parts)
        if events_sql is None and files_sql is None:
            raise InputError(f"{folder}: no events/*.parquet or files/*.parquet to import")
        event_cols = ", ".join(f'"{n}"' for n in EVENT_SCHEMA.names)
        with self._lock:
            cur = self._con.cursor()
            try:
                cur.execute("BEGIN")
                if files_sql is not None:
                    cur.execute(f"CREATE OR REPLACE TEMP TABLE _imp_files AS {files_sql}")
                    cur.execute("DELETE FROM events WHERE file IN (SELECT path FROM _imp_files)")
                    cur.execute("DELETE FROM files WHERE path IN (SELECT path FROM _imp_files)")
                    cur.execute("INSERT INTO files SELECT * FROM _imp_files")
                    cur.execute("DROP TABLE _imp_files")
                added = 0
                if events_sql is not None:
                    cur.execute(
                        f"CREATE OR REPLACE TEMP TABLE _imp_events AS SELECT {event_cols} FROM ({events_sql})"
                    )
                    cur.execute("DELETE FROM events WHERE id IN (SELECT id FROM _imp_events)")
                    cur.execute("INSERT INTO events SELECT * FROM _imp_events")
                    added = int(cur.execute("SELECT count(*) FROM _imp_events").fetchone()[0])
                    cur.execute("DROP TABLE _imp_events")
                cur.execute("COMMIT")
            except duckdb.Error as exc:
                cur.execute("ROLLBACK")
                raise InputError(f"{folder}: cannot import the Parquet files ({_first_line(exc)})") from None
            except BaseException:
                cur.execute("ROLLBACK")
                raise
            finally:
                cur.close()
        return added

    def sort_by_date(self) -> None:
        """Rewrite the events table in date order so DuckDB's zone maps skip most row groups."""
        self._writable()
        with self._lock:
            self._con.execute(
                "CREATE OR REPLACE TABLE events AS SELECT * FROM events ORDER BY date, date_end, lon"
            )

    def _writable(self) -> None:
        if self.read_only:
            raise UserError(f"{self.path}: the event store is open read-only")

    # -- files (incremental ingest) --------------------------------------------------------

    def file_hashes(self) -> dict[str, str]:
        """path -> sha256 of every file ingested so far."""
        return dict(self._query("SELECT path, sha256 FROM files"))

    def files(self) -> list[FileRecord]:
        rows = self._query("SELECT path, sha256, events, error FROM files ORDER BY path")
        return [FileRecord(p, h, n or 0, e) for p, h, n, e in rows]

    # -- reading ---------------------------------------------------------------------------

    def events(
        self,
        *,
        start: DateLike = None,
        end: DateLike = None,
        bbox: BBox | None = None,
        category: str | Sequence[str] | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Event]:
        """Events whose date interval overlaps [start, end] and whose point lies in bbox, by date."""
        where, params = _where(start, end, bbox, category)
        sql = f"SELECT json FROM events{where} ORDER BY date NULLS LAST, document, source_start, id"
        if limit is not None:
            sql += f" LIMIT {_non_negative(limit, 'limit')}"
        if offset:
            sql += f" OFFSET {_non_negative(offset, 'offset')}"
        return [Event.from_dict(json.loads(row[0])) for row in self._query(sql, params)]

    def count(
        self,
        *,
        start: DateLike = None,
        end: DateLike = None,
        bbox: BBox | None = None,
        category: str | Sequence[str] | None = None,
    ) -> int:
        """How many events `events()` would return with the same filters."""
        where, params = _where(start, end, bbox, category)
        return int(self._query(f"SELECT count(*) FROM events{where}", params)[0][0])

    def aggregate(
        self,
        *,
        start: DateLike = None,
        end: DateLike = None,
        bbox: BBox | None = None,
        category: str | Sequence[str] | None = None,
        by: Aggregation = "place",
        limit: int | None = None,
        cell_deg: float = 1.0,
    ) -> list[dict[str, Any]]:
        """Counts for the dashboard at corpus scale, computed where the data is.

        by="place": one row per located place {place, country_code, lat, lon, count, first, last},
        most events first; by="day": {day, count} per start day, in date order;
        by="category": {category, count}; by="cell": {lat, lon, count} per grid cell of
        `cell_deg` degrees (cell centre), for a density map when places are too many.
        """
        where, params = _where(start, end, bbox, category)
        lim = f" LIMIT {_non_negative(limit, 'limit')}" if limit is not None else ""
        if by == "place":
            located = " AND " if where else " WHERE "
            sql = (
                f"SELECT place, country_code, lat, lon, count(*) AS n, min(date), max(date_end) "
                f"FROM events{where}{located}lat IS NOT NULL AND lon IS NOT NULL "
                f"GROUP BY place, country_code, lat, lon ORDER BY n DESC, place{lim}"
            )
            return [
                {
                    "place": p,
                    "country_code": c,
                    "lat": la,
                    "lon": lo,
                    "count": n,
                    "first": _iso(f),
                    "last": _iso(last),
                }
                for p, c, la, lo, n, f, last in self._query(sql, params)
            ]
        if by == "day":
            dated = " AND date IS NOT NULL" if where else " WHERE date IS NOT NULL"
            sql = f"SELECT date, count(*) FROM events{where}{dated} GROUP BY date ORDER BY date{lim}"
            return [{"day": d.isoformat(), "count": n} for d, n in self._query(sql, params)]
        if by == "category":
            sql = f"SELECT category, count(*) AS n FROM events{where} GROUP BY category ORDER BY n DESC{lim}"
            return [{"category": c, "count": n} for c, n in self._query(sql, params)]
        if by == "cell":
            if not cell_deg or cell_deg <= 0:
                raise InputError(f"cell_deg must be positive, not {cell_deg!r}")
            located = " AND " if where else " WHERE "
            sql = (
                f"SELECT (floor(lat / $cell) + 0.5) * $cell AS clat, (floor(lon / $cell) + 0.5) * $cell AS clon, "
                f"count(*) AS n FROM events{where}{located}lat IS NOT NULL AND lon IS NOT NULL "
                f"GROUP BY clat, clon ORDER BY n DESC{lim}"
            )
            rows = self._query(sql, {**params, "cell": float(cell_deg)})
            return [{"lat": la, "lon": lo, "count": n} for la, lo, n in rows]
        raise InputError(f"unknown aggregation {by!r} (one of place, day, category, cell)")

    def date_range(self) -> tuple[str | None, str | None]:
        """First start day and last end day in the store (the dashboard's initial window)."""
        first, last = self._query("SELECT min(date), max(date_end) FROM events")[0]
        return _iso(first), _iso(last)

    def _query(self, sql: str, params: dict[str, Any] | None = None) -> list[tuple]:
        cur = self._con.cursor()
        try:
            return cur.execute(sql, params or {}).fetchall()
        finally:
            cur.close()


# -- helpers ---------------------------------------------------------------------------------


def _where(
    start: DateLike, end: DateLike, bbox: BBox | None, category: str | Sequence[str] | None
) -> tuple[str, dict[str, Any]]:
    clauses: list[str] = []
    params: dict[str, Any] = {}
    lo, hi = _day(start, "start"), _day(end, "end")
    if lo and hi and hi < lo:
        raise InputError(f"end {hi} is before start {lo}")
    if hi is not None:
        clauses.append("date <= $end")
        params["end"] = hi
    if lo is not None:
        # date_end is never NULL for a dated row (see _conform), and a plain column comparison
        # lets DuckDB skip row groups by their min/max on this side of the window as well
        clauses.append("date_end >= $start")
        params["start"] = lo
    if bbox is not None:
        west, south, east, north = _bbox(bbox)
        clauses.append("lat BETWEEN $south AND $north")
        clauses.append("(lon BETWEEN $west AND $east)" if west <= east else "(lon >= $west OR lon <= $east)")
        params.update(west=west, south=south, east=east, north=north)
    if category is not None:
        cats = [category] if isinstance(category, str) else list(category)
        clauses.append("list_contains($cats, category)")
        params["cats"] = cats
    return (" WHERE " + " AND ".join(clauses) if clauses else "", params)


def _day(value: DateLike, name: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise InputError(f"{name} {value!r} is not a date (YYYY-MM-DD)") from None


def _bbox(bbox: Sequence[float]) -> BBox:
    try:
        west, south, east, north = (float(v) for v in bbox)
    except (TypeError, ValueError):
        raise InputError(f"bbox must be four numbers west, south, east, north; got {bbox!r}") from None
    if not (-90 <= south <= north <= 90 and -180 <= west <= 180 and -180 <= east <= 180):
        raise InputError(f"bbox {bbox!r} is not west, south, east, north in degrees")
    return west, south, east, north


def _non_negative(value: int, name: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise InputError(f"{name} must be a non-negative integer, not {value!r}")
    return value


def _conform(table: pa.Table, schema: pa.Schema) -> pa.Table:
    """The columns of `schema`, in order; for events, a missing date_end is the start day."""
    missing = [n for n in schema.names if n not in table.column_names]
    if missing:
        raise InputError(f"rows lack the column(s) {', '.join(missing)}")
    table = table.select(schema.names).cast(schema)
    if schema is EVENT_SCHEMA:
        filled = pc.coalesce(table.column("date_end"), table.column("date"))
        table = table.set_column(schema.get_field_index("date_end"), "date_end", filled)
    return table


def _create_sql(name: str, schema: pa.Schema) -> str:
    cols = ", ".join(f'"{f.name}" {_SQL_TYPES[f.type]}' for f in schema)
    return f"CREATE TABLE {name} ({cols})"


def _sql_list(paths: Sequence[Path]) -> str:
    return "[" + ", ".join("'" + str(p).replace("'", "''") + "'" for p in paths) + "]"


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _first_line(exc: BaseException) -> str:
    return (str(exc).splitlines() or [type(exc).__name__])[0]
