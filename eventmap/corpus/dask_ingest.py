"""Corpus ingest on a Dask cluster: the same parsing as eventmap.corpus.ingest, spread over its workers.

``eventmap parse DIR --dask tcp://host:8786`` hashes the files here, skips the unchanged ones,
and sends chunks of paths to the cluster as futures. Each worker parses its chunk and writes
two Parquet files, ``events/<part>.parquet`` (rows in the store's schema) and
``files/<part>.parquet`` (the chunk's paths, hashes and errors), into a folder that the
workers and this machine share. Part names sort in the order runs were made, so a file that
changed and was parsed again is taken from its newest part. The folder is itself a read-only
event store (``EventStore(folder)``), and is imported into a DuckDB store when one is given.

The workers need eventmap installed and must see the articles and the output folder at the
same paths (a shared or network file system), as usual for Dask on a cluster.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from tqdm import tqdm

from eventmap.corpus.planning import (
    IngestReport,
    ParseFile,
    default_parse_file,
    missing_files,
    parse_chunk,
    plan,
)
from eventmap.corpus.store import EVENT_SCHEMA, EventStore, FileRecord, files_to_table, parquet_sql
from eventmap.errors import InputError, UserError

CONNECT_TIMEOUT = "10s"


def parse_chunk_to_parquet(
    chunk: Sequence[tuple[str, str]],
    part: str,
    out_dir: str,
    parse_file: ParseFile,
    lang: str | None,
    document_date: str | None,
) -> dict[str, Any]:
    """Runs on a worker: parse a chunk, write its two Parquet files, return counts and errors."""
    results = parse_chunk(chunk, parse_file, lang, document_date)
    tables = [r.rows for r in results if r.rows is not None]
    rows = pa.concat_tables(tables) if tables else EVENT_SCHEMA.empty_table()
    records = [
        FileRecord(r.path, r.sha256, r.rows.num_rows if r.rows is not None else 0, r.error) for r in results
    ]
    _write_atomically(rows, Path(out_dir) / "events" / f"{part}.parquet")
    _write_atomically(files_to_table(records), Path(out_dir) / "files" / f"{part}.parquet")
    return {
        "part": part,
        "parsed": sum(r.error is None for r in results),
        "events": rows.num_rows,
        "failed": [(r.path, r.error) for r in results if r.error is not None],
    }


def dask_ingest(
    paths: Iterable[str | Path],
    scheduler: Any,
    out_dir: str | Path,
    *,
    store: EventStore | None = None,
    progress: bool = True,
    lang: str | None = None,
    document_date: str | None = None,
    parse_file: ParseFile | None = None,
    chunk_size: int = 16,
    prune: bool = False,
) -> IngestReport:
    """Parse new or changed articles on a Dask cluster into Parquet under `out_dir`.

    scheduler: an address such as "tcp://host:8786", or a dask.distributed Client. Files whose
    hash is known to `store` (or, without a store, to an earlier run in `out_dir`) are skipped.
    With a store, the parts written by this run are imported into it at the end, and `prune`
    forgets the files it holds from under the given folders that are gone from disk.
    """
    started = time.perf_counter()
    if store is not None and store.read_only:
        raise UserError(f"{store.path}: the event store is open read-only, cannot ingest into it")
    parse_file = parse_file or default_parse_file()
    if chunk_size < 1:
        raise InputError(f"chunk size must be positive, not {chunk_size}")
    out = Path(out_dir)
    paths = list(paths)
    # With a store, what it holds is what counts (a part written by an interrupted run but never
    # imported is parsed again); without one, the folder's earlier parts do.
    known = store.file_hashes() if store is not None else _known_hashes(out)
    todo, report = plan(paths, known)
    if prune and store is not None:
        gone = missing_files(paths, known)
        store.forget_files(gone)
        report.removed = len(gone)
    for sub in ("events", "files"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    run = f"part-{time.time_ns():020d}"
    chunks = [todo[i : i + chunk_size] for i in range(0, len(todo), chunk_size)]
    parts = [f"{run}-{i:06d}" for i in range(len(chunks))]
    client, owned = _client(scheduler)
    try:
        from distributed import as_completed

        report.jobs = max(1, sum(client.nthreads().values()))
        futures = [
            client.submit(
                parse_chunk_to_parquet,
                chunk,
                part,
                str(out.resolve()),
                parse_file,
                lang,
                document_date,
                key=f"eventmap-{part}",
                pure=False,
            )
            for chunk, part in zip(chunks, parts)
        ]
        with tqdm(
            total=len(todo),
            unit="file",
            desc="parsing on dask",
            file=sys.stderr,
            disable=not progress or not todo,
            dynamic_ncols=True,
        ) as bar:
            for fut in as_completed(futures):
                done = fut.result()
                report.parsed += done["parsed"]
                report.events += done["events"]
                report.failed.extend(tuple(f) for f in done["failed"])
                bar.update(done["parsed"] + len(done["failed"]))
    finally:
        if owned:
            client.close()
    if store is not None and parts:
        store.import_parquet(out, parts=parts)
    report.seconds = time.perf_counter() - started
    return report


def _client(scheduler: Any) -> tuple[Any, bool]:
    """A Client for an address (ours to close), or the caller's Client as it is."""
    try:
        from distributed import Client
    except ImportError:
        raise UserError('--dask needs dask.distributed: pip install "eventmap[dask]"') from None
    if isinstance(scheduler, Client):
        return scheduler, False
    if not isinstance(scheduler, str) or not scheduler.strip():
        raise InputError(f"--dask needs a scheduler address such as tcp://host:8786, not {scheduler!r}")
    try:
        return Client(scheduler, timeout=CONNECT_TIMEOUT), True
    except (OSError, TimeoutError, ValueError) as exc:
        raise UserError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None


def _known_hashes(out: Path) -> dict[str, str]:
    """Hashes of the files an earlier run already wrote to `out` (newest part per file)."""
    _, files_sql = parquet_sql(out)
    if files_sql is None:
        return {}
    import duckdb

    con = duckdb.connect(":memory:")
    try:
        return dict(con.execute(f"SELECT path, sha256 FROM ({files_sql})").fetchall())
    except duckdb.Error as exc:
        raise InputError(f"{out}: unreadable Parquet from an earlier run ({exc})") from None
    finally:
        con.close()


def _write_atomically(table: pa.Table, path: Path) -> None:
    """Write to a temporary name, then rename: readers never see half a Parquet file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{hashlib.sha1(str(path).encode()).hexdigest()[:6]}.tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, path)
