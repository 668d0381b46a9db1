"""Corpus ingest: a folder of articles -> the event store, in a local process pool, incrementally.

Files (.txt, .md, .html, found recursively) are hashed first; a file whose sha256 the store
already knows is not parsed again, and a file with the same content as another one is parsed
once. The rest is parsed in a spawn-safe process pool, a chunk of files per task, so the
gazetteer and dateparser are loaded once per worker and reused for every later file. Each
worker turns its events into Arrow rows, and the main process writes them to the store in
batches, one transaction per batch, so an interrupted ingest keeps what it finished. A file
that cannot be parsed is reported and remembered with its error, not retried until it changes.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import pickle
import sys
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pyarrow as pa
from tqdm import tqdm

from eventmap.corpus.planning import (
    FileResult,
    IngestReport,
    ParseFile,
    default_parse_file,
    describe_error,
    missing_files,
    parse_chunk,
    plan,
)
from eventmap.corpus.store import EVENT_SCHEMA, EventStore, FileRecord
from eventmap.errors import InputError, UserError

#: Write to the store after this many parsed files (one transaction each).
FLUSH_FILES = 256
#: Starting a worker (a new Python, the parser's imports, the gazetteer) costs about as much as
#: parsing a few files, so fewer workers are started for a small batch.
MIN_FILES_PER_WORKER = 4


def ingest(
    paths: Iterable[str | Path],
    store: EventStore,
    *,
    jobs: int | None = None,
    progress: bool = True,
    lang: str | None = None,
    document_date: str | None = None,
    parse_file: ParseFile | None = None,
    chunk_size: int | None = None,
    prune: bool = False,
    reparse: bool = False,
) -> IngestReport:
    """Parse every new or changed article under `paths` into `store`; returns what was done.

    jobs: worker processes at most (default: all cores; 1 parses in this process; a small
    batch gets fewer, see MIN_FILES_PER_WORKER). parse_file is
    called as ``parse_file(path, lang=..., document_date=...)`` and must be importable by name
    (a module-level function) so that spawned workers can receive it. With `prune`, files
    the store holds from under the given folders that are gone from disk are forgotten. With
    `reparse`, unchanged files are parsed again too, and so are the articles saved in the store
    by the app. The store's edits are applied again to the new events (report.orphaned lists
    those whose sentence is gone).
    """
    started = time.perf_counter()
    if store.read_only:
        raise UserError(f"{store.path}: the event store is open read-only, cannot ingest into it")
    parse_file = parse_file or default_parse_file()
    jobs = _jobs(jobs)
    if jobs > 1:
        _check_picklable(parse_file)
    paths = list(paths)
    known = store.file_hashes()
    todo, report = plan(paths, {} if reparse else known)
    if prune:
        gone = missing_files(paths, known)
        store.forget_files(gone)
        report.removed = len(gone)
    jobs = max(1, min(jobs, len(todo) // MIN_FILES_PER_WORKER))
    report.jobs = jobs
    size = chunk_size or max(1, min(16, len(todo) // (jobs * 4) or 1))
    chunks = [todo[i : i + size] for i in range(0, len(todo), size)]
    bar = tqdm(
        total=len(todo),
        unit="file",
        desc="parsing",
        file=sys.stderr,
        disable=not progress or not todo,
        dynamic_ncols=True,
    )
    pending: list[FileResult] = []
    try:
        for results in _run(chunks, jobs, parse_file, lang, document_date):
            pending.extend(results)
            bar.update(len(results))
            if len(pending) >= FLUSH_FILES:
                _flush(store, pending, report)
                pending = []
    finally:
        _flush(store, pending, report)  # keep what finished, even when interrupted
        bar.close()
    if reparse:
        report.parsed += reparse_articles(store, lang=lang, report=report)
    report.edits = store.edit_count()
    report.orphaned = store.orphaned_edits() if report.edits else []
    report.seconds = time.perf_counter() - started
    return report


def reparse_articles(
    store: EventStore, *, lang: str | None = None, report: IngestReport | None = None
) -> int:
    """Parse the articles saved in the store (added in the app) again; returns how many parsed."""
    from eventmap.text.pipeline import parse_text  # imported here: it loads dateparser

    done = 0
    for art in store.articles():
        try:
            events = parse_text(
                art["text"], document_date=art["document_date"], lang=lang, source=art["document"]
            )
        except Exception as exc:  # one bad article is reported, the others are kept
            if report is not None:
                report.failed.append((art["document"], describe_error(exc)))
            continue
        store.add_article(
            art["document"], art["text"], events, document_date=art["document_date"], author=art["author"]
        )
        if report is not None:
            report.events += len(events)
        done += 1
    return done


def ingest_to_store(
    paths: Iterable[str | Path],
    store_path: str | Path,
    *,
    jobs: int | None = None,
    dask: str | None = None,
    progress: bool = True,
    lang: str | None = None,
    document_date: str | None = None,
    parse_file: ParseFile | None = None,
    prune: bool = False,
    reparse: bool = False,
) -> IngestReport:
    """What `eventmap parse DIR --store PATH [--jobs N | --dask ADDRESS] [--reparse]` does, in one call.

    With `dask`, the workers write Parquet to `<store>.parquet/` beside the store, which is
    then imported into it.
    """
    store_path = Path(store_path)
    if store_path.is_dir():
        raise InputError(f"--store {store_path} is a folder; give a file name such as news.duckdb")
    if dask and reparse:
        raise InputError("--reparse parses on this machine: leave out --dask")
    with EventStore(store_path) as store:
        if dask:
            from eventmap.corpus.dask_ingest import dask_ingest

            return dask_ingest(
                paths,
                dask,
                store_path.with_suffix(".parquet"),
                store=store,
                progress=progress,
                lang=lang,
                document_date=document_date,
                parse_file=parse_file,
                prune=prune,
            )
        return ingest(
            paths,
            store,
            jobs=jobs,
            progress=progress,
            lang=lang,
            document_date=document_date,
            parse_file=parse_file,
            prune=prune,
            reparse=reparse,
        )


def _run(
    chunks: list[list[tuple[str, str]]],
    jobs: int,
    parse_file: ParseFile,
    lang: str | None,
    document_date: str | None,
) -> Iterator[list[FileResult]]:
    """Yield each chunk's results as it finishes: in this process for one job, else in a pool."""
    if jobs == 1 or len(chunks) <= 1:
        for chunk in chunks:
            yield parse_chunk(chunk, parse_file, lang, document_date)
        return
    ctx = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(
        max_workers=min(jobs, len(chunks)), mp_context=ctx, initializer=_warm_worker, initargs=(parse_file,)
    )
    try:
        # Keep a bounded number of tasks in flight so results are written as they come.
        queue = iter(chunks)
        running: set[Future] = set()
        for chunk in queue:
            running.add(pool.submit(parse_chunk, chunk, parse_file, lang, document_date))
            if len(running) >= jobs * 2:
                break
        while running:
            done, running = wait(running, return_when=FIRST_COMPLETED)
            for fut in done:
                yield fut.result()
                nxt = next(queue, None)
                if nxt is not None:
                    running.add(pool.submit(parse_chunk, nxt, parse_file, lang, document_date))
    except BrokenProcessPool:
        raise UserError(
            "a parser process died (out of memory?); finished files are stored, "
            "run the same command again to continue"
        ) from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _warm_worker(parse_file: ParseFile) -> None:
    """Import the parser's module once per worker, before the first file arrives."""
    importlib.import_module(getattr(parse_file, "__module__", "eventmap") or "eventmap")


def _flush(store: EventStore, results: list[FileResult], report: IngestReport) -> None:
    if not results:
        return
    tables = [r.rows for r in results if r.rows is not None]
    rows = pa.concat_tables(tables) if tables else EVENT_SCHEMA.empty_table()
    records = [
        FileRecord(r.path, r.sha256, r.rows.num_rows if r.rows is not None else 0, r.error) for r in results
    ]
    store.replace_files(records, rows)
    report.parsed += sum(r.error is None for r in results)
    report.events += rows.num_rows
    report.failed.extend((r.path, r.error) for r in results if r.error is not None)


def _check_picklable(parse_file: ParseFile) -> None:
    try:
        pickle.dumps(parse_file)
    except Exception as exc:
        raise TypeError(
            f"parse_file must be a module-level function to run in worker processes ({exc})"
        ) from None


def _jobs(jobs: int | None) -> int:
    if jobs is None:
        return os.cpu_count() or 1
    if not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 1:
        raise InputError(f"--jobs must be a positive whole number, not {jobs!r}")
    return jobs
