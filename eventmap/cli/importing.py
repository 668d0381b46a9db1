"""The import options every command that reads PATH shares, and how an import is reported.

``parse``, ``export`` and ``serve`` take the same ``--lang``, ``--date`` and ``--columns``
(:func:`import_options`) and say on stderr what each event file's import did
(:class:`Reporter`): one line per event file with what it was read as and the columns it
used, a warning per file or row that was skipped, per guess that needs a look, and one line
for all articles whose relative dates were left undated for want of a document date.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from eventmap.formats.report import ImportReport, relative_hint

LANGS = ("auto", "nl", "en")


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
