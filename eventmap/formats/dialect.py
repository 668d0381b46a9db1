"""What a known source's tables look like: which columns mean what, and how its codes read.

A :class:`Dialect` is recognised by marker columns in a header (after
:func:`eventmap.formats.columns.normalise`). It says which columns hold the event's fields
(before the generic guesses), which columns carry its event types and in which category
scheme (:mod:`eventmap.formats.categories`), how its precision codes read, and how to say
what happened when a row has no text. The dialects themselves live in one module per source
(``acled_format``, ``ucdp_format``, ``usgs_format``, ``gdelt_format``, ``gtd_format``,
``emdat_format``, ``ncei_format``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

Row = Mapping[str, str | None]


@dataclass(frozen=True, slots=True)
class Dialect:
    """How one source writes its events (see the module docstring)."""

    key: str  # the table's flavour: "acled", "ucdp", "usgs", "gdelt"
    name: str  # said in the import line: "ACLED", "USGS earthquakes", ...
    markers: frozenset[str]  # normalised column names that all appear in its header
    # field -> normalised column names, best first; an empty tuple switches the field's guess off
    columns: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # (normalised column, category scheme) tried in order; the first that knows the value decides
    categories: tuple[tuple[str, str], ...] = ()
    # (normalised column, code -> date precision), e.g. ACLED time_precision 2 -> week
    time_precision: tuple[str, Mapping[str, str]] | None = None
    # (normalised column, code -> place kind), e.g. ACLED geo_precision 1 -> city
    geo_precision: tuple[str, Mapping[str, str]] | None = None
    # the sentence of a row without text: row (normalised names -> cell) -> text
    describe: Callable[[Row], str] | None = None
    # the category of a row whose type no scheme knows (every GTD row is an attack)
    default_category: str = "other"

    def recognises(self, normalised_header: set[str]) -> bool:
        return self.markers <= normalised_header


def first(row: Row, *names: str) -> str:
    """The first non-empty cell among `names` (normalised column names), stripped; '' if none."""
    for name in names:
        value = row.get(name)
        if value is not None and str(value).strip():
            return str(value).strip()
    return ""


def code(value: str) -> str:
    """A precision code as written in any spreadsheet: '2', '2.0' -> '2'."""
    return value.strip().split(".")[0]
