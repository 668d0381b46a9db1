"""The event store's tables: their Arrow schemas, and events and file records turned into rows.

Each event is one row: a few columns for fast filters and aggregation (date, date_end, lat,
lon, category, place, document, id, review_status, and `search`, the text a word search
looks at) plus the event's full JSON (:meth:`Event.to_dict`), so nothing of the event model
is lost. A second table remembers the content hash of every
ingested file, which makes corpus ingest incremental. The same schemas are written to
Parquet by the Dask ingest (see :mod:`eventmap.corpus.store_parquet`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from eventmap.errors import InputError
from eventmap.model import Event

STORE_FORMAT = "eventmap-store"
STORE_VERSION = 2  # 2: review_status and search columns, the edit log and its overlay

#: One row per event. `file` is the ingested file the event came from (None for events added
#: directly); `json` is the whole event, the source of truth for everything else.
EVENT_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("file", pa.string()),
        ("document", pa.string()),
        ("source_start", pa.int64()),
        ("date", pa.date32()),
        ("date_end", pa.date32()),
        ("date_precision", pa.string()),
        ("lat", pa.float64()),
        ("lon", pa.float64()),
        ("category", pa.string()),
        ("lang", pa.string()),
        ("place", pa.string()),
        ("country_code", pa.string()),
        ("source_count", pa.int32()),
        ("json", pa.string()),
        ("review_status", pa.string()),
        ("search", pa.string()),
    ]
)
#: Columns a table may lack (older stores, other writers): filled with these values.
EVENT_DEFAULTS: dict[str, Any] = {"review_status": "unreviewed"}

#: One row per ingested file: a file whose sha256 is unchanged is not parsed again.
FILE_SCHEMA = pa.schema(
    [
        ("path", pa.string()),
        ("sha256", pa.string()),
        ("events", pa.int32()),
        ("error", pa.string()),
        ("ingested_at", pa.timestamp("s")),
    ]
)

SQL_TYPES = {
    pa.string(): "VARCHAR",
    pa.date32(): "DATE",
    pa.float64(): "DOUBLE",
    pa.int32(): "INTEGER",
    pa.int64(): "BIGINT",
    pa.timestamp("s"): "TIMESTAMP",
}


@dataclass(frozen=True, slots=True)
class FileRecord:
    """What the store remembers about one ingested file."""

    path: str
    sha256: str
    events: int = 0
    error: str | None = None


def events_to_table(events: Iterable[Event], *, file: str | None = None) -> pa.Table:
    """Events -> an Arrow table in EVENT_SCHEMA (the bulk-insert form, also written to Parquet)."""
    cols: dict[str, list[Any]] = {name: [] for name in EVENT_SCHEMA.names}
    for ev in events:
        main = ev.main_place
        named = main or (ev.places[0] if ev.places else None)
        country = next((p.country_code for p in ([main] if main else []) + ev.places if p.country_code), None)
        cols["id"].append(ev.id)
        cols["file"].append(file)
        cols["document"].append(ev.source.document)
        cols["source_start"].append(ev.source.start)
        cols["date"].append(ev.start_date)
        cols["date_end"].append(ev.end_date)
        cols["date_precision"].append(ev.date_precision)
        cols["lat"].append(ev.lat)
        cols["lon"].append(ev.lon)
        cols["category"].append(ev.category)
        cols["lang"].append(ev.lang)
        cols["place"].append((named.name or named.text) if named else None)
        cols["country_code"].append(country)
        cols["source_count"].append(ev.source_count)
        cols["json"].append(json.dumps(ev.to_dict(), ensure_ascii=False, separators=(",", ":")))
        cols["review_status"].append(ev.review_status)
        cols["search"].append(search_text(ev))
    return pa.table(cols, schema=EVENT_SCHEMA)


def search_text(event: Event) -> str:
    """What a word search looks at, case-folded: the sentence, its date expression, category and places.

    The dashboard's search (an event matches when every word of the query is in this text)
    and the store's `search` column both use it, so the app and the store agree.
    """
    parts = [
        event.text,
        event.date_text or "",
        event.category,
        *(p.text for p in event.places),
        *((p.name or "") for p in event.places),
    ]
    return " ".join(p for p in parts if p).casefold()


def files_to_table(records: Iterable[FileRecord]) -> pa.Table:
    """File records -> an Arrow table in FILE_SCHEMA."""
    recs = list(records)
    now = datetime.now().replace(microsecond=0)
    return pa.table(
        {
            "path": [r.path for r in recs],
            "sha256": [r.sha256 for r in recs],
            "events": [r.events for r in recs],
            "error": [r.error for r in recs],
            "ingested_at": [now] * len(recs),
        },
        schema=FILE_SCHEMA,
    )


def is_store(path: str | Path) -> bool:
    """Whether `path` looks like an event store: a .duckdb file or a folder with events/*.parquet.

    For `serve` and `export`, which take event files and stores alike.
    """
    p = Path(path)
    if p.is_dir():
        return any((p / "events").glob("*.parquet"))
    return p.suffix.lower() in {".duckdb", ".ddb"} and p.is_file()


def conform(table: pa.Table, schema: pa.Schema) -> pa.Table:
    """The columns of `schema`, in order; for events, a missing date_end is the start day."""
    defaults = EVENT_DEFAULTS if schema is EVENT_SCHEMA else {}
    for name, value in defaults.items():
        if name not in table.column_names:
            table = table.append_column(name, pa.array([value] * table.num_rows, schema.field(name).type))
    missing = [n for n in schema.names if n not in table.column_names]
    if missing:
        raise InputError(f"rows lack the column(s) {', '.join(missing)}")
    table = table.select(schema.names).cast(schema)
    if schema is EVENT_SCHEMA:
        filled = pc.coalesce(table.column("date_end"), table.column("date"))
        table = table.set_column(schema.get_field_index("date_end"), "date_end", filled)
    return table


def create_sql(name: str, schema: pa.Schema, *, temp: bool = False, extra: str = "") -> str:
    """CREATE TABLE for an Arrow schema (DuckDB types), with `extra` column definitions after them."""
    cols = ", ".join([f'"{f.name}" {SQL_TYPES[f.type]}' for f in schema] + ([extra] if extra else []))
    return f"CREATE {'TEMP ' if temp else ''}TABLE {name} ({cols})"


def column_list(schema: pa.Schema = EVENT_SCHEMA, prefix: str = "") -> str:
    """The schema's columns, quoted, for SELECT and INSERT lists."""
    return ", ".join(f'{prefix}"{n}"' for n in schema.names)
