"""What reading one event file did: the columns it used, what it guessed, what it skipped.

Readers fill an :class:`ImportReport` instead of stopping at the first bad row: a row,
feature or slide that cannot be represented is skipped and counted (the first reason is
kept), a guess is said in one line, and anything a user should act on is a warning. The
CLI prints :meth:`ImportReport.lines`; a caller without a report gets them as log records.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

log = logging.getLogger("eventmap.formats")
# What eventmap wrote itself reads without guessing: no summary line for those (warnings still)
OWN_KINDS = frozenset({"article", "eventmap JSON", "eventmap table", "eventmap GeoJSON", "event store"})


@dataclass(slots=True)
class ImportReport:
    """The account of one file's import. `origin` names the file in every line."""

    origin: str
    kind: str = ""  # what the file was read as: "ACLED CSV", "TimelineJS 3", "eventmap JSON" ...
    events: int = 0
    columns: str = ""  # "date=event_date, lat=latitude, ...; in extra: year, actor1, ..."
    notes: list[str] = field(default_factory=list)  # what was guessed or done, for information
    warnings: list[str] = field(default_factory=list)  # what the user should look at
    relative_undated: list[str] = field(
        default_factory=list
    )  # "yesterday"... left undated (an article without a date)
    skipped: int = 0
    items: int = 0  # rows / features / slides seen (skipped ones included)
    item_name: str = "item"  # what an item is called in the skip line: row, feature, slide, event
    first_skip: str = ""

    def skip(self, reason: str) -> None:
        """One item (row, feature, slide) could not be represented and is left out."""
        self.skipped += 1
        if not self.first_skip:
            self.first_skip = reason

    def note(self, text: str) -> None:
        self.notes.append(text)

    def warn(self, text: str) -> None:
        self.warnings.append(text)

    def summary(self) -> str:
        """'acled.csv: 498 events (ACLED CSV); columns: date=event_date, ...' -- the one info line."""
        what = f" ({self.kind})" if self.kind else ""
        line = f"{self.origin}: {self.events} event{'s' if self.events != 1 else ''}{what}"
        if self.columns:
            line += f"; {self.columns}"
        for note in self.notes:
            line += f"; {note}"
        return line

    def skip_line(self) -> str:
        """'x.csv: skipped 2 of 40 rows; the first: row 5: date 'soon' is not a date' ('' if none)."""
        if not self.skipped:
            return ""
        of = f" of {self.items}" if self.items else ""
        noun = self.item_name + ("s" if (self.items or self.skipped) != 1 else "")
        return f"{self.origin}: skipped {self.skipped}{of} {noun}; the first: {self.first_skip}"

    @property
    def quiet(self) -> bool:
        """No summary line for what needs no guessing: a parsed article, the project's own files."""
        return self.kind in OWN_KINDS and not self.notes

    def lines(self) -> list[tuple[str, str]]:
        """(level, text) pairs: "info" for the summary, "warning" for skips and warnings."""
        out = [] if self.quiet else [("info", self.summary())]
        if self.skipped:
            out.append(("warning", self.skip_line()))
        out += [("warning", f"{self.origin}: {w}") for w in self.warnings]
        return out

    def log(self) -> None:
        """Send the lines to the "eventmap.formats" logger (for callers that print nothing)."""
        for level, text in self.lines():
            log.log(logging.INFO if level == "info" else logging.WARNING, "%s", text)
        if self.relative_undated:
            log.warning("%s: %s", self.origin, relative_hint([self]))


def relative_hint(reports: list[ImportReport]) -> str:
    """One line for all articles whose relative dates were left undated for want of a document date."""
    hit = [r for r in reports if r.relative_undated]
    n = sum(len(r.relative_undated) for r in hit)
    first = hit[0]
    example = f"'{first.relative_undated[0]}' in {first.origin}"
    where = "an article" if len(hit) == 1 else f"{len(hit)} articles"
    return (
        f"{n} relative date{'s' if n != 1 else ''} ({example}{', ...' if n > 1 else ''}) in {where} "
        f"without a document date {'were' if n != 1 else 'was'} left undated: give the date with --date YYYY-MM-DD"
    )
