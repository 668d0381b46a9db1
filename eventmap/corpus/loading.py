"""PATH arguments -> events: articles are parsed, event files are read, folders are walked.

Every command that takes PATH (``parse``, ``serve``, ``export``) loads through
:func:`load_paths`, so an ACLED CSV, a GeoJSON file and a folder of articles work alike.
A file that cannot be read or parsed is reported (``on_error(path, message)``, or a logged
warning) and skipped, so one bad file does not stop a folder; a PATH that does not exist,
or a load where every file failed, is an InputError.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from eventmap.errors import InputError, UserError
from eventmap.formats import EVENT_SUFFIXES, read_events
from eventmap.model import Event, EventFormatError

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
OnError = Callable[[Path, str], None]

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
) -> list[Event]:
    """All events of the articles and event files under `paths`, in file order."""
    files = find_files(paths)
    if not files:
        raise InputError(
            "no articles (.txt, .md, .html) or event files (.json, .geojson, .csv) found in "
            + ", ".join(str(p) for p in paths)
        )
    report = on_error or _log_error
    events: list[Event] = []
    failures: list[str] = []
    # Failures before the first file that loads wait here: when every file fails, the one
    # InputError below is the only message (one line, not a warning per file and then the error).
    pending: list[tuple[Path, str]] | None = []
    for f in files:
        try:
            events.extend(
                load_file(f, lang=lang, document_date=document_date, geocoder=geocoder, columns=columns)
            )
        except (UserError, EventFormatError, OSError, UnicodeError) as exc:
            message = _message(f, exc)
            failures.append(message)
            if pending is None:
                report(f, message)
            else:
                pending.append((f, message))
            continue
        if pending is not None:
            for item in pending:
                report(*item)
            pending = None  # from now on every failure is reported at once
    if failures and len(failures) == len(files):
        raise InputError(
            failures[0]
            if len(files) == 1
            else f"none of the {len(files)} files could be loaded; the first: {failures[0]}"
        )
    return events


def load_file(
    path: Path,
    *,
    lang: str | None = None,
    document_date: str | None = None,
    geocoder: Any = None,
    columns: str | Mapping[str, str | None] | None = None,
    mode: str = "auto",
    documents: list[Any] | None = None,
) -> list[Event]:
    """Events of one file: an event file is read, an article parsed (its Document record is
    appended to `documents` when a list is given; `mode` is the parser's date mode)."""
    suffix = path.suffix.lower()
    if _is_store(path):
        from eventmap.corpus.store import EventStore

        return EventStore(path, read_only=True).events()
    if suffix in EVENT_SUFFIXES:
        return read_events(path, columns=columns)
    if suffix in ARTICLE_SUFFIXES:
        if suffix in (".html", ".htm") and is_eventmap_export(path):
            log.info("skipped %s: an eventmap export, not an article", path)
            return []
        return _parse_article(
            path, lang=lang, document_date=document_date, geocoder=geocoder, mode=mode, documents=documents
        )
    raise InputError(f"{path}: not an article (.txt, .md, .html) or event file (.json, .geojson, .csv)")


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
