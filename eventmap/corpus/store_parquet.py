"""Parquet store folders: SQL over the part files the Dask ingest writes, and their import.

A folder holds ``events/<part>.parquet`` and ``files/<part>.parquet``. Part files are named so
that they sort in the order they were written, and events/<part>.parquet holds the events of
the files listed in files/<part>.parquet. A file parsed again (because it changed) appears in
several parts: only its newest part counts. A folder can be opened read-only as a store or
imported into a DuckDB store (:meth:`eventmap.corpus.store.EventStore.import_parquet`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import duckdb

from eventmap.corpus.store_schema import EVENT_SCHEMA, FILE_SCHEMA
from eventmap.errors import InputError


def parquet_sql(folder: Path, parts: Iterable[str] | None = None) -> tuple[str | None, str | None]:
    """SELECTs over a Parquet store folder: (events, files), each None when there are no such files.

    `parts` (part names without .parquet) limits them to those parts.
    """
    wanted = None if parts is None else set(parts)

    def listed(sub: str) -> list[Path]:
        found = sorted((folder / sub).glob("*.parquet"))
        return found if wanted is None else [f for f in found if f.stem in wanted]

    event_files, file_files = listed("events"), listed("files")
    part = r"regexp_extract(filename, '([^/\\]+)\.parquet$', 1)"
    cols = ", ".join(f's."{n}"' for n in FILE_SCHEMA.names)
    files_src = f"SELECT *, {part} AS _part FROM read_parquet({sql_list(file_files)}, filename=true)"
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
    events = f"SELECT *, {part} AS _part FROM read_parquet({sql_list(event_files)}, filename=true)"
    if latest is None:
        return f"SELECT {ecols} FROM ({events}) e", files_sql
    events_sql = (
        f"SELECT {ecols} FROM ({events}) e LEFT JOIN ({latest}) f ON e.file = f.path "
        f"WHERE e.file IS NULL OR f.path IS NULL OR e._part = f._part"
    )
    return events_sql, files_sql


def import_parquet(
    cur: duckdb.DuckDBPyConnection, folder: Path, parts: Iterable[str] | None = None
) -> tuple[int, list[str]]:
    """Copy a Parquet folder into the store's tables on `cur` (inside the caller's transaction).

    For a file parsed more than once the newest part wins, and what the store had for that
    file is replaced. Returns (events added, paths of the files imported).
    """
    events_sql, files_sql = parquet_sql(folder, parts)
    if events_sql is None and files_sql is None:
        raise InputError(f"{folder}: no events/*.parquet or files/*.parquet to import")
    event_cols = ", ".join(f'"{n}"' for n in EVENT_SCHEMA.names)
    paths: list[str] = []
    if files_sql is not None:
        cur.execute(f"CREATE OR REPLACE TEMP TABLE _imp_files AS {files_sql}")
        paths = [r[0] for r in cur.execute("SELECT path FROM _imp_files").fetchall()]
        cur.execute("DELETE FROM events WHERE file IN (SELECT path FROM _imp_files)")
        cur.execute("DELETE FROM files WHERE path IN (SELECT path FROM _imp_files)")
        cur.execute("INSERT INTO files SELECT * FROM _imp_files")
        cur.execute("DROP TABLE _imp_files")
    added = 0
    if events_sql is not None:
        cur.execute(f"CREATE OR REPLACE TEMP TABLE _imp_events AS SELECT {event_cols} FROM ({events_sql})")
        cur.execute("DELETE FROM events WHERE id IN (SELECT id FROM _imp_events)")
        cur.execute(f"INSERT INTO events ({event_cols}) SELECT {event_cols} FROM _imp_events")
        added = int(cur.execute("SELECT count(*) FROM _imp_events").fetchone()[0])
        cur.execute("DROP TABLE _imp_events")
    return added, paths


def sql_list(paths: Sequence[Path]) -> str:
    """A DuckDB list literal of file names (quotes doubled)."""
    return "[" + ", ".join("'" + str(p).replace("'", "''") + "'" for p in paths) + "]"
