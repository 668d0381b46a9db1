"""`eventmap parse FILE...`: articles -> events as JSON (or GeoJSON/CSV via eventmap.formats).

The command only reads its options, turns files into events (`parse_files`, reusable by
other commands) and writes them. In a batch a file that cannot be read is reported on
stderr and skipped; the others' events are still written and the exit code is 1. So is a
row of an event file that cannot be read (eventmap.cli.importing says what each import did).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import IO, Any

import click

from eventmap.cli.importing import Reporter, check_import_options, import_options
from eventmap.errors import InputError, UserError
from eventmap.formats.report import ImportReport
from eventmap.model import Event, events_to_json_obj

PROGRESS_MIN_FILES = 10  # show a progress bar (on a terminal) from this many files on
DEFAULT_STORE = "events.duckdb"  # where --jobs puts the events when no --store is given


@dataclass(slots=True)
class BatchResult:
    """Events of every file that parsed, and (path, reason) for every file that did not."""

    events: list[Event] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)
    documents: list[Any] = field(default_factory=list)  # the Document record of each parsed article


def parse_files(
    paths: Sequence[str],
    *,
    lang: str | None = None,
    document_date: str | None = None,
    geocoder: Any = None,
    on_error: Callable[[str, str], None] | None = None,
    progress: bool = False,
    columns: str | None = None,
    on_report: Callable[[ImportReport], None] | None = None,
    mode: str = "auto",
) -> BatchResult:
    """Load each file (articles parsed, event files read); a failing file is reported and skipped.

    Event ids are unique over the batch (see eventmap.corpus.loading.unique_ids).
    """
    from pathlib import Path

    from eventmap.corpus.loading import load_file, unique_ids

    result = BatchResult()
    seen: set[str] = set()
    items: Iterable[str] = paths
    if progress:
        from tqdm import tqdm

        items = tqdm(paths, desc="parsing", unit="file", file=sys.stderr)
    for path in items:
        report = ImportReport(str(path))
        try:
            loaded = load_file(
                Path(path),
                document_date=document_date,
                lang=lang,
                geocoder=geocoder,
                columns=columns,
                report=report,
                mode=mode,
                documents=result.documents,
            )
        except Exception as exc:
            reason = str(exc) if isinstance(exc, UserError) else f"{type(exc).__name__}: {exc}"
            result.failures.append((path, reason))
            if on_error:
                on_error(path, reason)
            continue
        renamed = unique_ids(loaded, seen)
        if renamed:
            report.warn(f"{renamed} event ids already used by an earlier file got a suffix (~2, ~3 ...)")
        result.events.extend(loaded)
        if on_report:
            on_report(report)
    return result


def build_geocoder(name: str, user_agent: str | None) -> Any:
    """None for the offline gazetteer, else geo.make_geocoder(name, user_agent=...)."""
    if name == "offline":
        return None
    import geo

    make = getattr(geo, "make_geocoder", None)
    if make is None:
        raise UserError(f"geocoder {name!r} is not available in this install (use offline)")
    return make(name, user_agent=user_agent)


def write_output(events: list[Event], fmt: str, stream: IO[str], documents: list[Any] | None = None) -> None:
    """JSON here (with the parsed articles' Document records when there are any); GeoJSON
    and CSV through eventmap.formats (imported only when asked for)."""
    if fmt == "json":
        json.dump(
            events_to_json_obj(events, documents=documents or None), stream, ensure_ascii=False, indent=2
        )
        stream.write("\n")
        return
    try:
        from eventmap.formats import write_events
    except ImportError:
        raise UserError(f"--format {fmt} is not available in this install (use json)") from None
    write_events(events, fmt, stream)


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "geojson", "csv"]),
    default="json",
    show_default=True,
    help="Output format.",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Output file (default: stdout).")
@click.option(
    "--geocoder",
    default="offline",
    show_default=True,
    help="offline, or an online geopy geocoder such as nominatim.",
)
@click.option("--user-agent", help="User agent for an online geocoder (its usage policy asks for one).")
@import_options
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help=f"Ingest into an event store with this many worker processes (store: --store, "
    f"else {DEFAULT_STORE}).",
)
@click.option(
    "--store",
    "store_path",
    type=click.Path(dir_okay=False),
    help="Ingest into this event store (a DuckDB file): only new or changed files are parsed.",
)
@click.option(
    "--dask",
    "dask_address",
    metavar="ADDRESS",
    help="Ingest on an existing Dask cluster, e.g. tcp://host:8786.",
)
@click.option("--prune", is_flag=True, help="With a store: forget files deleted from the folders.")
@click.option(
    "--reparse",
    is_flag=True,
    help="With a store: parse unchanged files (and articles added in the app) again, e.g. after an "
    "upgrade; the store's edits are applied again, and edits whose sentence is gone are listed.",
)
@click.option(
    "--merge",
    is_flag=True,
    help="Merge reports of the same event from several articles into one event with all its sources.",
)
@click.option(
    "--mode",
    type=click.Choice(["auto", "news", "narrative"]),
    default="auto",
    show_default=True,
    help="How dates without a year and 'two years later' are read: from the document's day (news) "
    "or from the story's last date (narrative: histories, timelines); auto decides per article.",
)
@click.pass_context
def parse(
    ctx: click.Context,
    files: tuple[str, ...],
    lang: str,
    document_date: str | None,
    fmt: str,
    output: str | None,
    geocoder: str,
    user_agent: str | None,
    columns: str | None,
    jobs: int | None,
    store_path: str | None,
    dask_address: str | None,
    prune: bool,
    reparse: bool,
    merge: bool,
    mode: str,
) -> None:
    """Extract dated, geocoded events from news articles (text or HTML).

    FILES may also be folders (walked recursively) and event files (eventmap JSON,
    GeoJSON, CSV including ACLED, UCDP, USGS and GDELT tables, TimelineJS 3 or 2 JSON,
    KML, GeoRSS feeds), which are read, not parsed.

    With --jobs, --store or --dask the events go into an event store instead (a corpus:
    parsed in parallel, and a file whose content has not changed is not parsed again).
    """
    check_import_options(document_date, columns)  # a bad --date or --columns fails before any work
    if reparse and not store_path:
        raise click.UsageError("--reparse needs --store (the workspace whose files are parsed again)")
    if mode != "auto" and (jobs is not None or store_path or dask_address):
        raise click.UsageError(
            "--mode is not available with --jobs, --store or --dask (they read in auto mode)"
        )
    if jobs is not None or store_path or dask_address:
        _ingest(
            ctx,
            files,
            store_path or DEFAULT_STORE,
            jobs=jobs,
            dask_address=dask_address,
            prune=prune,
            reparse=reparse,
            lang=lang,
            document_date=document_date,
            output=output,
            geocoder=geocoder,
            columns=columns,
        )
        return
    if output:
        from eventmap.atomic import check_output_path

        check_output_path(output)  # so does a missing output folder
    geo = build_geocoder(geocoder, user_agent)
    paths, missing = _expand(files)
    if len(files) == 1 and missing:
        raise InputError(missing[0][1])
    for path, reason in missing:  # a missing PATH in a batch is skipped like a bad file
        _report_skipped(path, reason)
    if not paths and missing:
        raise InputError(f"none of the {len(files)} files could be parsed")
    if not paths:
        raise InputError(
            "no articles (.txt, .md, .html) or event files (.json, .geojson, .csv, .tsv, .jsonl) in "
            + ", ".join(files)
        )
    reporter = Reporter()
    lang_arg = None if lang == "auto" else lang
    if len(paths) == 1:  # one file: its error is the command's error
        from pathlib import Path

        from eventmap.corpus.loading import load_file

        report = ImportReport(paths[0])
        result = BatchResult()
        result.events = load_file(
            Path(paths[0]),
            document_date=document_date,
            lang=lang_arg,
            geocoder=geo,
            columns=columns,
            report=report,
            mode=mode,
            documents=result.documents,
        )
        reporter.report(report)
    else:
        result = parse_files(
            paths,
            lang=lang_arg,
            document_date=document_date,
            geocoder=geo,
            on_error=reporter.file_failed,
            on_report=reporter.report,
            columns=columns,
            progress=len(paths) >= PROGRESS_MIN_FILES and sys.stderr.isatty(),
            mode=mode,
        )
    reporter.finish()
    if result.failures and len(result.failures) == len(paths):
        raise InputError(f"none of the {len(paths) + len(missing)} files could be parsed")
    if merge:
        from eventmap.corpus.merge import merge_events

        result.events = merge_events(result.events)
    _write(result.events, fmt, output, result.documents)
    if reporter.skipped or missing:
        ctx.exit(1)


def _ingest(
    ctx: click.Context,
    files: Sequence[str],
    store_path: str,
    *,
    jobs: int | None,
    dask_address: str | None,
    prune: bool,
    reparse: bool,
    lang: str,
    document_date: str | None,
    output: str | None,
    geocoder: str,
    columns: str | None,
) -> None:
    """A corpus into an event store (eventmap.corpus.ingest); the summary and skipped files go to stderr."""
    from eventmap.corpus.ingest import ingest_to_store

    if output:
        raise click.UsageError(
            "with --jobs, --store or --dask the events go into an event store, not to --output"
        )
    if geocoder != "offline" or columns:
        raise click.UsageError("--geocoder and --columns are not available with --jobs, --store or --dask")
    report = ingest_to_store(
        files,
        store_path,
        jobs=jobs,
        dask=dask_address,
        prune=prune,
        reparse=reparse,
        lang=None if lang == "auto" else lang,
        document_date=document_date,
        progress=sys.stderr.isatty(),
    )
    for path, reason in report.failed:
        _report_skipped(path, reason)
    click.echo(f"eventmap: {report.summary()} -> {store_path}", err=True)
    for line in report.orphan_lines():
        click.echo(f"eventmap: orphaned edit: {line}", err=True)
    if report.failed:
        ctx.exit(1)


def _expand(paths: Sequence[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """Files under each PATH (folders walked), and (path, reason) for each PATH that is not there."""
    from eventmap.corpus.loading import find_files

    found: list[str] = []
    missing: list[tuple[str, str]] = []
    for p in paths:
        try:
            found += [str(f) for f in find_files([p]) if str(f) not in found]
        except InputError as exc:
            missing.append((p, str(exc)))
    return found, missing


def _report_skipped(path: str, reason: str) -> None:
    where = "" if reason.startswith(path) else f"{path}: "
    click.echo(f"eventmap: skipped {where}{reason}", err=True)


def _write(events: list[Event], fmt: str, output: str | None, documents: list[Any] | None = None) -> None:
    if output is None:
        try:
            write_output(events, fmt, sys.stdout, documents)
        except BrokenPipeError:  # `eventmap parse ... | head`: the reader has all it wants
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return
    from eventmap.atomic import atomic_open  # a crash mid-write leaves the old file, not half a new one

    try:
        with atomic_open(output, "w", encoding="utf-8", newline="") as stream:
            write_output(events, fmt, stream, documents)
    except OSError as exc:
        raise InputError(f"cannot write {output}: {exc.strerror or exc}") from None
