"""Counts kept in the store: the machine's events per day, per place and per document (by category and status).

A dashboard on 10 million events asks for the same whole-store counts again and again (the
timeline's events per day, the map's places, the category and document lists, the header's
review counts), each a scan of every row. These small tables hold those counts once:

* ``agg_days``: date, category, review_status, n (undated events under a NULL date);
* ``agg_places``: place, country_code, lat, lon, category, review_status, n, first, last
  (located events only; first/last = earliest start and latest end day);
* ``agg_documents``: document, category, review_status, n.

They count the machine's rows (``events``, shadowed or not), so the analyst's edits never
touch them: the store corrects their counts with the few edited rows, as it does for a scan
(:func:`eventmap.corpus.store_query.aggregate_overlaid`). Whatever changes the machine's rows
(a parse, an import, an article added, files forgotten) drops them in the same transaction;
they are built again, in one scan, by the next read that needs them (in memory only for a
store opened read-only). A filter the tables cannot answer (a time window, a word search, a
map box for anything but places) is answered by a scan of the events, as before.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import duckdb

from eventmap.corpus.store_query import Rows, iso, non_negative
from eventmap.errors import InputError

TABLES: dict[str, str] = {
    "agg_days": "SELECT date, category, review_status, count(*) AS n FROM events GROUP BY ALL",
    "agg_places": (
        "SELECT place, country_code, lat, lon, category, review_status, count(*) AS n, "
        "min(date) AS first, max(date_end) AS last FROM events "
        "WHERE lat IS NOT NULL AND lon IS NOT NULL GROUP BY ALL"
    ),
    "agg_documents": "SELECT document, category, review_status, count(*) AS n FROM events GROUP BY ALL",
}

#: The filters (of :func:`where_sql`) each table can answer, and the table of each aggregation.
KEPT_DB = "eventmap_kept"  # the in-memory database of a read-only store's kept counts
_ANSWERS: dict[str, set[str]] = {
    "agg_days": {"category", "statuses"},
    "agg_places": {"category", "statuses", "bbox"},
    "agg_documents": {"category", "statuses", "documents"},
}
_TABLE_OF: dict[str, str] = {
    "day": "agg_days",
    "day_category": "agg_days",
    "category": "agg_days",
    "status": "agg_days",
    "count": "agg_days",
    "place": "agg_places",
    "cell": "agg_places",
    "document": "agg_documents",
}


def table_for(by: str, filters: Mapping[str, Any]) -> str | None:
    """The kept table that answers aggregation `by` ("count" for a plain count) under these filters, or None."""
    table = _TABLE_OF.get(by)
    used = {k for k, v in filters.items() if v is not None and not (k == "search" and not str(v).strip())}
    if table is None or not used <= _ANSWERS[table]:
        return None
    if by == "count" and "bbox" in used:
        return None
    return table


def drop(cur: duckdb.DuckDBPyConnection) -> None:
    """Forget the kept counts of a writable store (its machine rows changed); the next read builds them."""
    for name in TABLES:
        cur.execute(f"DROP TABLE IF EXISTS {name}")


def ensure(con: duckdb.DuckDBPyConnection, *, writable: bool) -> str:
    """Build the kept counts when they are missing or do not add up to the events (one scan each);
    returns the prefix their names take ("" or ``"eventmap_kept."``).

    A writable store keeps them in its file. A store opened read-only uses those of its file when
    they add up, else builds them in an in-memory database attached to the connection (temporary
    tables would not do: the store's readers are cursors, each a connection of its own).
    """
    if _valid(con, ""):
        return ""
    prefix = ""
    if not writable:
        con.execute(f"ATTACH IF NOT EXISTS ':memory:' AS {KEPT_DB} (READ_ONLY false)")
        prefix = f"{KEPT_DB}."
        if _valid(con, prefix):
            return prefix
    con.execute("BEGIN")
    try:
        for name, sql in TABLES.items():
            con.execute(f"CREATE OR REPLACE TABLE {prefix}{name} AS {sql}")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return prefix


def _valid(con: duckdb.DuckDBPyConnection, prefix: str) -> bool:
    """Whether the kept tables under `prefix` exist and count every machine event."""
    catalog = prefix.rstrip(".") or None
    have = {
        r[0]
        for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND "
            "(table_catalog = $cat OR ($cat IS NULL AND table_catalog = current_database()))",
            {"cat": catalog},
        ).fetchall()
    }
    if not set(TABLES) <= have:
        return False
    total = con.execute("SELECT count(*) FROM events").fetchone()[0]
    kept = con.execute(f"SELECT coalesce(sum(n), 0) FROM {prefix}agg_days").fetchone()[0]
    return int(kept) == int(total)


def aggregate_kept(
    query: Callable[[str, dict[str, Any]], list[tuple]],
    table: str,
    where: str,
    params: dict[str, Any],
    by: str,
    limit: int | None = None,
    cell_deg: float = 1.0,
    *,
    corrected: bool = False,
) -> Rows:
    """`aggregate_rows` of the machine's events, summed from a kept table (same rows, same order).

    `corrected`: `table` is :func:`corrected_source` (rows may sum to nothing: left out).
    """
    lim = f" LIMIT {non_negative(limit, 'limit')}" if limit is not None else ""
    having = " HAVING sum(n) > 0" if corrected else ""
    both = " AND " if where else " WHERE "
    if by == "place":
        sql = (
            f"SELECT place, country_code, lat, lon, sum(n) AS n, min(first), max(last) FROM {table}{where} "
            f"GROUP BY place, country_code, lat, lon{having} ORDER BY n DESC, place{lim}"
        )
        return [
            {
                "place": p,
                "country_code": c,
                "lat": la,
                "lon": lo,
                "count": int(n),
                "first": iso(f),
                "last": iso(z),
            }
            for p, c, la, lo, n, f, z in query(sql, params)
        ]
    if by == "day":
        sql = f"SELECT date, sum(n) FROM {table}{where}{both}date IS NOT NULL GROUP BY date{having} ORDER BY date{lim}"
        return [{"day": d.isoformat(), "count": int(n)} for d, n in query(sql, params)]
    if by == "day_category":
        sql = (
            f"SELECT date, category, sum(n) FROM {table}{where}{both}date IS NOT NULL "
            f"GROUP BY date, category{having} ORDER BY date, category{lim}"
        )
        return [{"day": d.isoformat(), "category": c, "count": int(n)} for d, c, n in query(sql, params)]
    if by in ("category", "status", "document"):
        col = {"category": "category", "status": "review_status", "document": "document"}[by]
        order = "n DESC" if by == "category" else f"n DESC, {col}"
        sql = f"SELECT {col}, sum(n) AS n FROM {table}{where} GROUP BY {col}{having} ORDER BY {order}{lim}"
        return [{col: c, "count": int(n)} for c, n in query(sql, params)]
    if by == "cell":
        if not cell_deg or cell_deg <= 0:
            raise InputError(f"cell_deg must be positive, not {cell_deg!r}")
        sql = (
            f"SELECT (floor(lat / $cell) + 0.5) * $cell AS clat, (floor(lon / $cell) + 0.5) * $cell AS clon, "
            f"sum(n) AS n FROM {table}{where} GROUP BY clat, clon{having} ORDER BY n DESC{lim}"
        )
        return [
            {"lat": la, "lon": lo, "count": int(n)} for la, lo, n in query(sql, {**params, "cell": cell_deg})
        ]
    raise ValueError(f"no kept counts by {by!r}")


def count_kept(
    query: Callable[[str, dict[str, Any]], list[tuple]], table: str, where: str, params: dict[str, Any]
) -> int:
    """How many machine events pass `where` (a filter `table_for("count", ...)` accepted), from `table`."""
    return int(query(f"SELECT coalesce(sum(n), 0) FROM {table}{where}", params)[0][0])


#: Each kept table's columns: (name, the expression over events/overlay rows, of the overlay only).
_COLUMNS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "agg_days": (
        ("date", "date", "date"),
        ("category", "category", "category"),
        ("review_status", "review_status", "review_status"),
    ),
    "agg_places": (
        ("place", "place", "place"),
        ("country_code", "country_code", "country_code"),
        ("lat", "lat", "lat"),
        ("lon", "lon", "lon"),
        ("category", "category", "category"),
        ("review_status", "review_status", "review_status"),
    ),
    "agg_documents": (
        ("document", "document", "document"),
        ("category", "category", "category"),
        ("review_status", "review_status", "review_status"),
    ),
}


def corrected_source(table: str, where: str) -> str:
    """The kept table `table` (a name from :data:`TABLES`, with its prefix) as corrected by the
    edits, filtered by `where`: its rows, minus the counts of the machine rows an edit stands for
    (`shadowed`), plus those of the visible overlay rows; all in SQL, so the store's answer is
    one query over a few thousand rows whatever the store's size."""
    name = table.rsplit(".", 1)[-1]
    cols = _COLUMNS[name]
    keys = ", ".join(c for c, _e, _o in cols)
    both = " AND " if where else " WHERE "
    located = " AND lat IS NOT NULL AND lon IS NOT NULL" if name == "agg_places" else ""
    spans = name == "agg_places"
    kept_cols = f"{keys}, n" + (", first, last" if spans else "")
    minus = f"{keys}, -count(*) AS n" + (", NULL::DATE AS first, NULL::DATE AS last" if spans else "")
    plus = f"{keys}, count(*) AS n" + (", min(date) AS first, max(date_end) AS last" if spans else "")
    return (
        f"(SELECT {kept_cols} FROM {table}{where} "
        f"UNION ALL SELECT {minus} FROM events{where}{both}shadowed{located} GROUP BY {keys} "
        f"UNION ALL SELECT {plus} FROM overlay{where}{both}NOT hidden{located} GROUP BY {keys})"
    )


def touched_places(
    query: Callable[[str, dict[str, Any]], list[tuple]], where: str, params: dict[str, Any]
) -> set[tuple]:
    """The places (place, country_code, lat, lon) of the machine rows an edit stands for."""
    both = " AND " if where else " WHERE "
    sql = (
        f"SELECT DISTINCT place, country_code, lat, lon FROM events{where}{both}shadowed AND lat IS NOT NULL"
    )
    return {tuple(r) for r in query(sql, params)}
