"""Planning an ingest: which corpus files to parse (by content hash), in chunks, and what came of it.

Shared by the local process pool (eventmap.corpus.ingest) and the Dask runner
(eventmap.corpus.dask_ingest), so neither imports the other.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa

from eventmap.corpus.store import events_to_table
from eventmap.errors import InputError, UserError
from eventmap.model import Event

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
ParseFile = Callable[..., list[Event]]


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
    edits: int = 0  # analyst's changes in the store, applied again after the ingest
    orphaned: list[dict] = field(default_factory=list)  # edits whose sentence is gone

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
        edits = ""
        if self.edits:
            edits = f"; {self.edits} edit(s) applied"
            if self.orphaned:
                edits += f", {len(self.orphaned)} event(s) with orphaned edits (listed below)"
        return (
            ", ".join(parts) + f"; {self.events} event(s) stored in {self.seconds:.1f} s"
            f" with {self.jobs} job(s){rate}{edits}"
        )

    def orphan_lines(self) -> list[str]:
        """One line per event whose edits lost their sentence: id, document, sentence, fields."""
        return [
            f"{o['event_id']} ({o['document']}): “{o['sentence']}” ({', '.join(e['field'] for e in o['edits'])})"
            for o in self.orphaned
        ]


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
        raise InputError(
            f"no articles (.txt, .md, .html) or event files in {', '.join(str(p) for p in paths)}"
        )
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
    return sorted(
        k for k in known if not Path(k).exists() and any(Path(k) == r or r in Path(k).parents for r in roots)
    )


def default_parse_file() -> ParseFile:
    """The CLI's loader: articles parsed, event files read (eventmap.corpus.loading)."""
    return read_corpus_file


def read_corpus_file(path: str, *, lang: str | None = None, document_date: str | None = None) -> list[Event]:
    """One corpus file's events through the shared loader: articles parsed, event files read."""
    from eventmap.corpus.loading import load_file

    return load_file(Path(path), lang=lang, document_date=document_date)


def parse_chunk(
    chunk: Sequence[tuple[str, str]], parse_file: ParseFile, lang: str | None, document_date: str | None
) -> list[FileResult]:
    """Parse a few files (runs in a worker); a failing file becomes a FileResult with an error."""
    out = []
    for path, sha in chunk:
        try:
            events = parse_file(path, lang=lang, document_date=document_date)
            out.append(FileResult(path, sha, events_to_table(events, file=path)))
        except Exception as exc:
            out.append(FileResult(path, sha, None, describe_error(exc)))
    return out


def describe_error(exc: BaseException) -> str:
    msg = (str(exc).splitlines() or [""])[0]
    if isinstance(exc, UserError):
        return msg or type(exc).__name__
    return f"{type(exc).__name__}: {msg}" if msg else type(exc).__name__
