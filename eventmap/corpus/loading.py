"""PATH arguments -> events: articles are parsed, event files are read, folders are walked.

Every command that takes PATH (``parse``, ``serve``, ``export``) loads through
:func:`load_paths`, so an ACLED CSV, a GeoJSON file and a folder of articles work alike.
A file that cannot be read or parsed is reported (``on_error(path, message)``, or a logged
warning) and skipped, so one bad file does not stop a folder; a PATH that does not exist,
or a load where every file failed, is an InputError. What each file's import did (columns
used, guesses, rows skipped, relative dates left undated) goes to ``on_report`` as an
:class:`~eventmap.formats.ImportReport`. Event ids are unique over the whole load: an id
that an earlier file already used gets a suffix (``~2``), and the file's report says so.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from eventmap.errors import InputError, UserError
from eventmap.formats import EVENT_SUFFIXES, ImportReport, read_events
from eventmap.model import Event, EventFormatError

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
OnError = Callable[[Path, str], None]
OnReport = Callable[[ImportReport], None]
ARTICLE = "article"  # ImportReport.kind of a parsed article (no summary line is said for those)

log = logging.getLogger(__name__)


def find_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The files to load, in order: given files as they are, folders walked (hidden skipped, sorted)."""
    out: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        p = Path(raw)
        if _is_store(p):  # a .duckdb store or a Parquet store folder is one source of events
            candidates = [p]
        elif p.is_dir():
            found = []
            for root, dirs, files in os.walk(p):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                found += [
                    Path(root) / f
                    for f in files
                    if not f.startswith(".") and Path(f).suffix.lower() in ARTICLE_SUFFIXES | EVENT_SUFFIXES
                ]
            candidates = sorted(found)
        elif p.exists():
            candidates = [p]
        else:
            raise InputError(f"{p}: no such file or folder")
        for f in candidates:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                out.append(f)
    return out


def load_paths(
    paths: Iterable[str | os.PathLike[str]],
    *,
    lang: str | None = None,
    document_date: str | None = None,
    geocoder: Any = None,
    columns: str | Mapping[str, str | None] | None = None,
    on_error: OnError | None = None,
    on_report: OnReport | None = None,
) -> list[Event]:
    """All events of the articles and event files under `paths`, in file order, ids unique."""
    files = find_files(paths)
    if not files:
        raise InputError(
            "no articles (.txt, .md, .html) or event files (.json, .geojson, .csv, .tsv, .jsonl) found in "
            + ", ".join(str(p) for p in paths)
        )
    report_error = on_error or _log_error
    events: list[Event] = []
    failures: list[str] = []
    seen_ids: set[str] = set()
    # Failures before the first file that loads wait here: when every file fails, the one
    # InputError below is the only message (one line, not a warning per file and then the error).
    pending: list[tuple[Path, str]] | None = []
    for f in files:
        report = ImportReport(str(f))
        try:
            loaded = load_file(
                f, lang=lang, document_date=document_date, geocoder=geocoder, columns=columns, report=report
            )
        except (UserError, EventFormatError, OSError, UnicodeError) as exc:
            message = _message(f, exc)
            failures.append(message)
            if pending is None:
                report_error(f, message)
            else:
                pending.append((f, message))
            continue
        renamed = unique_ids(loaded, seen_ids)
        if renamed:
            report.warn(
                f"{renamed} event id{'s' if renamed != 1 else ''} already used by an earlier file "
                f"got a suffix (~2, ~3 ...), so no two events share an id"
            )
        events.extend(loaded)
        if pending is not None:
            for item in pending:
                report_error(*item)
            pending = None  # from now on every failure is reported at once
        (on_report or _log_report)(report)
    if failures and len(failures) == len(files):
        raise InputError(
            failures[0]
            if len(files) == 1
            else f"none of the {len(files)} files could be loaded; the first: {failures[0]}"
        )
    return events


def import_event_files(
    paths: Iterable[str | os.PathLike[str]],
    store: Any,
    *,
    columns: str | Mapping[str, str | None] | None = None,
    on_error: OnError | None = None,
    on_report: OnReport | None = None,
) -> list[Path]:
    """Read the event files under `paths` into an event store (a workspace); return the other files.

    The import options take part in a file's hash, so a file read again with other
    ``--columns`` is read again; an unchanged one is not. Ids that other files in the store
    already use get a suffix (the store keeps one event per id). The articles (and anything
    else) are returned for the corpus ingest.
    """
    import hashlib

    from eventmap.corpus.store import FileRecord, events_to_table

    known = store.file_hashes()
    rest: list[Path] = []
    for f in find_files(paths):
        if f.suffix.lower() not in EVENT_SUFFIXES or _is_store(f):
            rest.append(f)
            continue
        key = str(f.resolve())  # the store's name for a file, as the corpus ingest writes it
        report = ImportReport(str(f))
        try:
            digest = hashlib.sha256(f.read_bytes() + f"\x00columns={columns or ''}".encode()).hexdigest()
            if known.get(key) == digest:
                continue  # read before with the same options
            events = read_events(f, columns=columns, report=report)
        except (UserError, EventFormatError, OSError, UnicodeError) as exc:
            (on_error or _log_error)(f, _message(f, exc))
            continue
        taken = store.ids_elsewhere((e.id for e in events), key)
        renamed = unique_ids(events, set(taken)) if taken else 0
        if renamed:
            report.warn(
                f"{renamed} event id{'s' if renamed != 1 else ''} already used by another file got a suffix (~2 ...)"
            )
        store.replace_files([FileRecord(key, digest, len(events))], events_to_table(events, file=key))
        (on_report or _log_report)(report)
    return rest


def unique_ids(events: Iterable[Event], seen: set[str]) -> int:
    """Give every event an id not in `seen` (adding it there): a used id gets ~2, ~3 ...; the count renamed."""
    renamed = 0
    for event in events:
        if event.id in seen:
            n = 2
            while f"{event.id}~{n}" in seen:
                n += 1
            event.id = f"{event.id}~{n}"
            renamed += 1
        seen.add(event.id)
    return renamed


def load_file(
    path: Path,
    *,
    lang: str | None = None,
    document_date: str | None = None,
    geocoder: Any = None,
    columns: str | Mapping[str, str | None] | None = None,
    report: ImportReport | None = None,
    mode: str = "auto",
    documents: list[Any] | None = None,
) -> list[Event]:
    """Events of one file: an event file is read, an article parsed; what happened goes to
    `report`, an article's Document record to `documents` (when a list is given); `mode` is
    the parser's date mode."""
    suffix = path.suffix.lower()
    if _is_store(path):
        from eventmap.corpus.store import EventStore

        events = EventStore(path, read_only=True).events()
        if report is not None:
            report.kind, report.events = "event store", len(events)
        return events
    if suffix in EVENT_SUFFIXES:
        own = report if report is not None else ImportReport(str(path))
        events = read_events(path, columns=columns, report=own)
        if not own.kind.startswith("eventmap"):  # someone else's table: a place name without a point
            from eventmap.corpus.locate import locate_named_places

            locate_named_places(events, geocoder, own)
        return events
    if suffix in ARTICLE_SUFFIXES:
        if report is not None:
            report.kind = ARTICLE
        if suffix in (".html", ".htm") and is_eventmap_export(path):
            log.info("skipped %s: an eventmap export, not an article", path)
            return []
        events = _parse_article(
            path, lang=lang, document_date=document_date, geocoder=geocoder, mode=mode, documents=documents
        )
        if report is not None:
            report.events = len(events)
            if not document_date:
                report.relative_undated = relative_dates_left_undated(path, events)
        return events
    raise InputError(
        f"{path}: not an article (.txt, .md, .html) or event file (.json, .geojson, .csv, .tsv, .jsonl)"
    )


def relative_dates_left_undated(path: Path, events: list[Event]) -> list[str]:
    """Relative date expressions ("yesterday", "last week") in undated events of an article without a date.

    The parser counts such expressions from the document date; an article with none (no
    "date ..." first line, no publication date in its HTML) leaves them undated, and the
    user can give the date with --date.
    """
    undated = [e for e in events if not e.date]
    if not undated:
        return []
    from datetime import date

    from eventmap.text.dates import find_dates
    from eventmap.text.docdate import split_header
    from eventmap.text.reading import read_article

    article = read_article(path)
    if article.published or split_header(article.text)[0] is not None:
        return []
    spans = sorted((e.source.start, e.source.end) for e in undated)
    found = []
    for m in find_dates(article.text, date.today(), undated[0].lang or None):
        if m.relative and any(a <= m.start < b for a, b in spans):
            found.append(m.text)
    return found


def _is_store(path: Path) -> bool:
    """An event store written by `eventmap parse --store` (DuckDB file or Parquet folder)."""
    if path.suffix.lower() not in {".duckdb", ".ddb"} and not path.is_dir():
        return False
    from eventmap.corpus.store import is_store

    return is_store(path)


def is_eventmap_export(path: Path) -> bool:
    """An HTML page or snippet written by `eventmap export` (its events would come back twice)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(2048)
    except OSError:
        return False
    return b'<meta name="generator" content="eventmap">' in head or head.lstrip().startswith(
        b'<div class="eventmap-export"'
    )


def _parse_article(
    path: Path,
    *,
    lang: str | None,
    document_date: str | None,
    geocoder: Any,
    mode: str = "auto",
    documents: list[Any] | None = None,
) -> list[Event]:
    from eventmap.text.pipeline import parse_file_document  # imported here: it loads the parser

    kwargs: dict[str, Any] = {"lang": lang, "document_date": document_date, "mode": mode}
    if geocoder is not None:
        kwargs["geocoder"] = geocoder
    try:
        parsed = parse_file_document(path, **kwargs)
        if documents is not None:
            documents.append(parsed.document)
        return parsed.events
    except (UserError, EventFormatError, OSError, UnicodeError):
        raise
    except Exception as exc:
        first = str(exc).splitlines()[0] if str(exc) else ""
        raise InputError(
            f"{path}: the parser failed: {type(exc).__name__}: {first} (run with --debug for details)"
        ) from exc


def _message(path: Path, exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if isinstance(exc, OSError):
        text = f"cannot read: {exc.strerror or exc}"
    return text if text.startswith(str(path)) else f"{path}: {text}"


def _log_error(path: Path, message: str) -> None:
    log.warning("skipped %s", message)


def _log_report(report: ImportReport) -> None:
    if report.quiet and not report.relative_undated and not report.warnings and not report.skipped:
        return
    report.log()
