"""The import options every command that reads PATH shares, and how an import is reported.

``parse``, ``export`` and ``serve`` take the same ``--lang``, ``--date`` and ``--columns``
(:func:`import_options`) and say on stderr what each event file's import did
(:class:`Reporter`): one line per event file with what it was read as and the columns it
used, a warning per file or row that was skipped, per guess that needs a look, and one line
for all articles whose relative dates were left undated for want of a document date.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from eventmap.errors import InputError
from eventmap.formats.report import ImportReport, relative_hint
from eventmap.model import Event
from eventmap.text.language import supported_languages

LANGS = ("auto", *supported_languages())


def import_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--lang, --date (alias --document-date) and --columns, in that order in --help."""
    func = click.option(
        "--columns",
        metavar="FIELD=COLUMN,...",
        help="Column mapping for CSV/GeoJSON event files, e.g. date=event_date,lat=latitude,text=notes "
        "(guessed when absent; date_order=mdy for month-first dates).",
    )(func)
    func = click.option(
        "--date",
        "--document-date",
        "document_date",
        metavar="YYYY-MM-DD|YYYY-MM",
        help="Document date of the articles (overrides a 'date ...' first line).",
    )(func)
    return click.option(
        "--lang",
        type=click.Choice(LANGS),
        default="auto",
        show_default=True,
        help="Language of the articles (auto: detected per article).",
    )(func)


def check_import_options(document_date: str | None, columns: str | None) -> None:
    """A bad --date or --columns fails before any loading (not once per file, as a warning)."""
    if columns:
        from eventmap.formats import parse_column_spec

        parse_column_spec(columns)
    if document_date:
        from eventmap.text.docdate import parse_document_date

        parse_document_date(document_date)


class Reporter:
    """Says on stderr what loading did; :attr:`skipped` tells whether anything was left out."""

    def __init__(self, echo: Callable[[str], None] | None = None) -> None:
        self.echo = echo or (lambda line: click.echo(line, err=True))
        self.skipped = 0  # files and items left out
        self.reports: list[ImportReport] = []

    def file_failed(self, path: Path | str, message: str) -> None:
        """A whole file could not be read (`message` names it)."""
        self.skipped += 1
        where = "" if message.startswith(str(path)) else f"{path}: "
        self.echo(f"eventmap: warning: skipped {where}{message}")

    def report(self, report: ImportReport) -> None:
        """One file's import: its summary line, and its skips and warnings."""
        self.reports.append(report)
        self.skipped += report.skipped
        for level, text in report.lines():
            self.echo(f"eventmap: {text}" if level == "info" else f"eventmap: warning: {text}")

    def finish(self) -> None:
        """The lines said once for the whole run (relative dates left undated)."""
        if any(r.relative_undated for r in self.reports):
            self.echo(f"eventmap: warning: {relative_hint(self.reports)}")


def read_into_workspace(
    paths: Sequence[Path],
    store: Any,
    workspace: Path,
    *,
    lang: str,
    document_date: str | None,
    columns: str | None,
) -> Reporter:
    """`serve`'s PATHs into its workspace: event files read with the import options (each import
    said), articles through the corpus ingest. Given --lang or --date, unchanged articles are
    parsed again, so the options count; an event file is read again when --columns changed."""
    from eventmap.corpus.ingest import ingest
    from eventmap.corpus.loading import import_event_files

    reporter = Reporter()
    articles = import_event_files(
        paths, store, columns=columns, on_error=reporter.file_failed, on_report=reporter.report
    )
    reporter.finish()
    if articles:
        report = ingest(
            articles,
            store,
            progress=sys.stderr.isatty(),
            lang=None if lang == "auto" else lang,
            document_date=document_date,
            reparse=bool(document_date) or lang != "auto",
        )
        for path, reason in report.failed:
            reporter.file_failed(path, reason)
        if report.parsed == 0 and report.failed and not store.count():
            raise InputError(f"none of the {len(report.failed)} files could be loaded")
        click.echo(f"eventmap: {report.summary()} -> {workspace}", err=True)
    elif reporter.skipped and not store.count():
        raise InputError("none of the files could be loaded (see the warnings above)")
    return reporter


def check_loaded_events(events: list[Event], *, document_date: str | None) -> None:
    """Before the app shows `events`: ids made unique (the app tells events apart by id), and the
    hint for articles whose relative dates were left undated for want of a document date."""
    from eventmap.corpus.loading import ARTICLE_SUFFIXES, relative_dates_left_undated, unique_ids

    renamed = unique_ids(events, set())
    if renamed:  # files read at other times may share ids
        click.echo(f"eventmap: {renamed} event ids shared by other files got a suffix (~2 ...)", err=True)
    if document_date:
        return
    undated: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        if not e.date and Path(e.source.document).suffix.lower() in ARTICLE_SUFFIXES:
            undated[e.source.document].append(e)
    reports = []
    for doc, evs in undated.items():
        if not Path(doc).is_file():
            continue
        report = ImportReport(doc, kind="article")
        report.relative_undated = relative_dates_left_undated(Path(doc), evs)
        reports.append(report)
    if any(r.relative_undated for r in reports):
        click.echo(f"eventmap: warning: {relative_hint(reports)}", err=True)
