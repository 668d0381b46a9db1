"""Corpus ingest: a folder of articles -> the event store, in parallel, incrementally.

Files (.txt, .md, .html, found recursively) are hashed first; a file whose sha256 the store
already knows is not parsed again, and a file with the same content as another one is parsed
once. The rest is parsed in a spawn-safe process pool, a chunk of files per task, so the
gazetteer and dateparser are loaded once per worker and reused for every later file. Each
worker turns its events into Arrow rows, and the main process writes them to the store in
batches, one transaction per batch, so an interrupted ingest keeps what it finished. A file
that cannot be parsed is reported and remembered with its error, not retried until it changes.
"""
from __future__ import annotations

import hashlib
import importlib
import multiprocessing
import os
import pickle
import sys
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

import pyarrow as pa
from tqdm import tqdm

from eventmap.errors import InputError, UserError
from eventmap.model import Event
from eventmap.corpus.store import EVENT_SCHEMA, EventStore, FileRecord, events_to_table

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
ParseFile = Callable[..., list[Event]]

#: Write to the store after this many parsed files (one transaction each).
FLUSH_FILES = 256
#: Starting a worker (a new Python, the parser's imports, the gazetteer) costs about as much as
#: parsing a few files, so fewer workers are started for a small batch.
MIN_FILES_PER_WORKER = 4


@dataclass(frozen=True, slots=True)
class FileResult:
    """What one worker made of one file: its rows, or why it failed."""

    path: str
    sha256: str
    rows: pa.Table | None
    error: str | None = None


@dataclass(slots=True)
class IngestReport:
    """What an ingest run did; `summary()` is the line the CLI prints."""

    files: int = 0
    parsed: int = 0
    unchanged: int = 0
    duplicates: int = 0
    removed: int = 0
    events: int = 0
    seconds: float = 0.0
    jobs: int = 1
    failed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def articles_per_second(self) -> float:
        return self.parsed / self.seconds if self.seconds > 0 else 0.0

    def summary(self) -> str:
        parts = [f"{self.files} file(s): {self.parsed} parsed", f"{self.unchanged} unchanged"]
        if self.duplicates:
            parts.append(f"{self.duplicates} duplicate(s)")
        if self.removed:
            parts.append(f"{self.removed} removed")
        if self.failed:
            parts.append(f"{len(self.failed)} failed")
        rate = f", {self.articles_per_second:.1f} articles/s" if self.parsed else ""
        return (", ".join(parts) + f"; {self.events} event(s) stored in {self.seconds:.1f} s"
                f" with {self.jobs} job(s){rate}")


def corpus_suffixes() -> frozenset[str]:
    """Articles, plus the event files (JSON, GeoJSON, CSV) that eventmap.formats can read."""
    try:
        from eventmap.formats import EVENT_SUFFIXES
    except ImportError:
        return ARTICLE_SUFFIXES
    return ARTICLE_SUFFIXES | EVENT_SUFFIXES


def find_articles(paths: Iterable[str | Path], suffixes: frozenset[str] | None = None) -> list[Path]:
    """Corpus files under the given paths (folders recursively, hidden entries skipped), sorted.

    `suffixes` (default: corpus_suffixes()) selects files inside folders; a file given by
    name is always taken.
    """
    suffixes = corpus_suffixes() if suffixes is None else suffixes
    found: set[Path] = set()
    for raw in paths:
        p = Path(raw)
        if p.is_file():
            found.add(p.resolve())
        elif p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for name in files:
                    if not name.startswith(".") and Path(name).suffix.lower() in suffixes:
                        found.add((Path(root) / name).resolve())
        else:
            raise InputError(f"{raw}: no such file or folder")
    return sorted(found)


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def plan(paths: Iterable[str | Path], known: dict[str, str]) -> tuple[list[tuple[str, str]], IngestReport]:
    """Split the files into (path, sha256) to parse and a report counting the skipped ones."""
    files = find_articles(paths)
    if not files:
        raise InputError(f"no articles (.txt, .md, .html) or event files in {', '.join(str(p) for p in paths)}")
    report = IngestReport(files=len(files))
    known_contents = set(known.values())
    todo: list[tuple[str, str]] = []
    this_run: set[str] = set()
    for f in files:
        key = str(f)
        try:
            sha = file_sha256(f)
        except OSError as exc:
            report.failed.append((key, f"cannot read: {exc.strerror or exc}"))
            continue
        if known.get(key) == sha:
            report.unchanged += 1
        elif sha in this_run or (sha in known_contents and key not in known):
            report.duplicates += 1
        else:
            todo.append((key, sha))
            this_run.add(sha)
    return todo, report


def missing_files(paths: Iterable[str | Path], known: Iterable[str]) -> list[str]:
    """Known files inside the given folders (or given themselves) that no longer exist."""
    roots = [Path(p).resolve() for p in paths]
    return sorted(k for k in known if not Path(k).exists()
                  and any(Path(k) == r or r in Path(k).parents for r in roots))


def default_parse_file() -> ParseFile:
    """The CLI's loader: articles parsed, event files read (eventmap.corpus.loading)."""
    return read_corpus_file


def read_corpus_file(path: str, *, lang: str | None = None, document_date: str | None = None) -> list[Event]:
    """One corpus file's events through the shared loader: articles parsed, event files read."""
    from eventmap.corpus.loading import load_file

    return load_file(Path(path), lang=lang, document_date=document_date)


def parse_chunk(chunk: Sequence[tuple[str, str]], parse_file: ParseFile, lang: str | None,
                document_date: str | None) -> list[FileResult]:
    """Parse a few files (runs in a worker); a failing file becomes a FileResult with an error."""
    out = []
    for path, sha in chunk:
        try:
            events = parse_file(path, lang=lang, document_date=document_date)
            out.append(FileResult(path, sha, events_to_table(events, file=path)))
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop a corpus
            out.append(FileResult(path, sha, None, _describe(exc)))
    return out


def ingest(paths: Iterable[str | Path], store: EventStore, *, jobs: int | None = None,
           progress: bool = True, lang: str | None = None, document_date: str | None = None,
           parse_file: ParseFile | None = None, chunk_size: int | None = None,
           prune: bool = False) -> IngestReport:
    """Parse every new or changed article under `paths` into `store`; returns what was done.

    jobs: worker processes at most (default: all cores; 1 parses in this process; a small
    batch gets fewer, see MIN_FILES_PER_WORKER). parse_file is
    called as ``parse_file(path, lang=..., document_date=...)`` and must be importable by name
    (a module-level function) so that spawned workers can receive it. With `prune`, files
    the store holds from under the given folders that are gone from disk are forgotten.
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
    todo, report = plan(paths, known)
    if prune:
        gone = missing_files(paths, known)
        store.forget_files(gone)
        report.removed = len(gone)
    jobs = max(1, min(jobs, len(todo) // MIN_FILES_PER_WORKER))
    report.jobs = jobs
    size = chunk_size or max(1, min(16, len(todo) // (jobs * 4) or 1))
    chunks = [todo[i:i + size] for i in range(0, len(todo), size)]
    bar = tqdm(total=len(todo), unit="file", desc="parsing", file=sys.stderr,
               disable=not progress or not todo, dynamic_ncols=True)
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
    report.seconds = time.perf_counter() - started
    return report


def ingest_to_store(paths: Iterable[str | Path], store_path: str | Path, *, jobs: int | None = None,
                    dask: str | None = None, progress: bool = True, lang: str | None = None,
                    document_date: str | None = None, parse_file: ParseFile | None = None,
                    prune: bool = False) -> IngestReport:
    """What `eventmap parse DIR --store PATH [--jobs N | --dask ADDRESS]` does, in one call.

    With `dask`, the workers write Parquet to `<store>.parquet/` beside the store, which is
    then imported into it.
    """
    store_path = Path(store_path)
    if store_path.is_dir():
        raise InputError(f"--store {store_path} is a folder; give a file name such as news.duckdb")
    with EventStore(store_path) as store:
        if dask:
            from eventmap.corpus.dask_ingest import dask_ingest

            return dask_ingest(paths, dask, store_path.with_suffix(".parquet"), store=store,
                               progress=progress, lang=lang, document_date=document_date,
                               parse_file=parse_file, prune=prune)
        return ingest(paths, store, jobs=jobs, progress=progress, lang=lang, document_date=document_date,
                      parse_file=parse_file, prune=prune)


def _run(chunks: list[list[tuple[str, str]]], jobs: int, parse_file: ParseFile, lang: str | None,
         document_date: str | None) -> Iterator[list[FileResult]]:
    """Yield each chunk's results as it finishes: in this process for one job, else in a pool."""
    if jobs == 1 or len(chunks) <= 1:
        for chunk in chunks:
            yield parse_chunk(chunk, parse_file, lang, document_date)
        return
    ctx = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(chunks)), mp_context=ctx,
                               initializer=_warm_worker, initargs=(parse_file,))
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
        raise UserError("a parser process died (out of memory?); finished files are stored, "
                        "run the same command again to continue") from None
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
    records = [FileRecord(r.path, r.sha256, r.rows.num_rows if r.rows is not None else 0, r.error)
               for r in results]
    store.replace_files(records, rows)
    report.parsed += sum(r.error is None for r in results)
    report.events += rows.num_rows
    report.failed.extend((r.path, r.error) for r in results if r.error is not None)


def _check_picklable(parse_file: ParseFile) -> None:
    try:
        pickle.dumps(parse_file)
    except Exception as exc:  # noqa: BLE001 - pickle raises several kinds
        raise TypeError(f"parse_file must be a module-level function to run in worker processes ({exc})") from None


def _jobs(jobs: int | None) -> int:
    if jobs is None:
        return os.cpu_count() or 1
    if not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 1:
        raise InputError(f"--jobs must be a positive whole number, not {jobs!r}")
    return jobs


def _describe(exc: BaseException) -> str:
    msg = (str(exc).splitlines() or [""])[0]
    if isinstance(exc, UserError):
        return msg or type(exc).__name__
    return f"{type(exc).__name__}: {msg}" if msg else type(exc).__name__
