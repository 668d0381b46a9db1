"""The store's filters and aggregates as SQL: a time window, a map area, categories; counts per place or day.

This is the SQL twin of the dashboard's Python view filter (``dashboard.view``): an event is
in a time window when its interval [date, date_end] overlaps the window (undated events are
in no window), and in a map area when its point lies inside the box; a box whose west edge
is east of its east edge crosses the antimeridian.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any, Literal

from eventmap.errors import InputError

Aggregation = Literal["place", "day", "day_category", "category", "status", "document", "cell"]
AGGREGATIONS: tuple[str, ...] = ("place", "day", "day_category", "category", "status", "document", "cell")
BBox = tuple[float, float, float, float]  # west, south, east, north (GeoJSON order)
DateLike = str | date | None
Rows = list[dict[str, Any]]


def where_sql(
    start: DateLike = None,
    end: DateLike = None,
    bbox: Sequence[float] | None = None,
    category: str | Sequence[str] | None = None,
    *,
    documents: Sequence[str] | None = None,
    search: str | None = None,
    statuses: Sequence[str] | None = None,
) -> tuple[str, dict[str, Any]]:
    """(" WHERE ...", named parameters) selecting the events that pass every filter.

    A time window [start, end], a map box, categories, documents (as stored in the `document`
    column), a word search (every word of it in the event's `search` text, case-folded: see
    :func:`eventmap.corpus.store_schema.search_text`) and review statuses. Each argument left
    None does not restrict; an empty result ("", {}) keeps every event.
    """
    clauses: list[str] = []
    params: dict[str, Any] = {}
    lo, hi = parse_day(start, "start"), parse_day(end, "end")
    if lo and hi and hi < lo:
        raise InputError(f"end {hi} is before start {lo}")
    if hi is not None:
        clauses.append("date <= $end")
        params["end"] = hi
    if lo is not None:
        # date_end is never NULL for a dated row (see store_schema.conform), and a plain column
        # comparison lets DuckDB skip row groups by their min/max on this side of the window too
        clauses.append("date_end >= $start")
        params["start"] = lo
    if bbox is not None:
        west, south, east, north = check_bbox(bbox)
        clauses.append("lat BETWEEN $south AND $north")
        clauses.append("(lon BETWEEN $west AND $east)" if west <= east else "(lon >= $west OR lon <= $east)")
        params.update(west=west, south=south, east=east, north=north)
    if category is not None:
        clauses.append(
            _one_of("category", [category] if isinstance(category, str) else list(category), "c", params)
        )
    if documents is not None:
        clauses.append(_one_of("document", list(documents), "d", params))
    for i, word in enumerate((search or "").casefold().split()):
        clauses.append(f"contains(search, $w{i})")
        params[f"w{i}"] = word
    if statuses is not None:
        clauses.append(_one_of("review_status", list(statuses), "s", params))
    return (" WHERE " + " AND ".join(clauses) if clauses else "", params)


def _one_of(column: str, values: list[Any], prefix: str, params: dict[str, Any]) -> str:
    """`column IN ($p0, $p1 ...)`: one parameter per value (DuckDB compares a dictionary-compressed
    column with plain values much faster than with list_contains of a list parameter)."""
    if not values:
        return "false"
    for i, v in enumerate(values):
        params[f"{prefix}{i}"] = v
    return f"{column} IN ({', '.join(f'${prefix}{i}' for i in range(len(values)))})"


def aggregate_rows(
    query: Callable[[str, dict[str, Any]], list[tuple]],
    source: str,
    where: str,
    params: dict[str, Any],
    by: str,
    limit: int | None = None,
    cell_deg: float = 1.0,
) -> Rows:
    """Counts of the events of `source` (a table or view) passing `where`, grouped `by` (see EventStore.aggregate)."""
    lim = f" LIMIT {non_negative(limit, 'limit')}" if limit is not None else ""
    both = " AND " if where else " WHERE "
    if by == "place":
        sql = (
            f"SELECT place, country_code, lat, lon, count(*) AS n, min(date), max(date_end) "
            f"FROM {source}{where}{both}lat IS NOT NULL AND lon IS NOT NULL "
            f"GROUP BY place, country_code, lat, lon ORDER BY n DESC, place{lim}"
        )
        return [
            {"place": p, "country_code": c, "lat": la, "lon": lo, "count": n, "first": iso(f), "last": iso(z)}
            for p, c, la, lo, n, f, z in query(sql, params)
        ]
    if by == "day":
        sql = f"SELECT date, count(*) FROM {source}{where}{both}date IS NOT NULL GROUP BY date ORDER BY date{lim}"
        return [{"day": d.isoformat(), "count": n} for d, n in query(sql, params)]
    if by == "day_category":
        sql = (
            f"SELECT date, category, count(*) FROM {source}{where}{both}date IS NOT NULL "
            f"GROUP BY date, category ORDER BY date, category{lim}"
        )
        return [{"day": d.isoformat(), "category": c, "count": n} for d, c, n in query(sql, params)]
    if by == "category":
        sql = f"SELECT category, count(*) AS n FROM {source}{where} GROUP BY category ORDER BY n DESC{lim}"
        return [{"category": c, "count": n} for c, n in query(sql, params)]
    if by in ("status", "document"):
        col = "review_status" if by == "status" else "document"
        sql = f"SELECT {col}, count(*) AS n FROM {source}{where} GROUP BY {col} ORDER BY n DESC, {col}{lim}"
        return [{col: c, "count": n} for c, n in query(sql, params)]
    if by == "cell":
        if not cell_deg or cell_deg <= 0:
            raise InputError(f"cell_deg must be positive, not {cell_deg!r}")
        sql = (
            f"SELECT (floor(lat / $cell) + 0.5) * $cell AS clat, (floor(lon / $cell) + 0.5) * $cell AS clon, "
            f"count(*) AS n FROM {source}{where}{both}lat IS NOT NULL AND lon IS NOT NULL "
            f"GROUP BY clat, clon ORDER BY n DESC{lim}"
        )
        rows = query(sql, {**params, "cell": float(cell_deg)})
        return [{"lat": la, "lon": lo, "count": n} for la, lo, n in rows]
    raise InputError(f"unknown aggregation {by!r} (one of {', '.join(AGGREGATIONS)})")


#: The columns that name one row of each aggregation (and how its rows are ordered).
_KEYS: dict[str, tuple[str, ...]] = {
    "place": ("place", "country_code", "lat", "lon"),
    "day": ("day",),
    "day_category": ("day", "category"),
    "category": ("category",),
    "status": ("review_status",),
    "document": ("document",),
    "cell": ("lat", "lon"),
}


def aggregate_overlaid(
    query: Callable[[str, dict[str, Any]], list[tuple]],
    where: str,
    params: dict[str, Any],
    by: str,
    limit: int | None = None,
    cell_deg: float = 1.0,
) -> Rows:
    """`aggregate_rows` of the events as corrected, without scanning the union of the events and the edits.

    The counts are those of the machine's events, minus those of the machine rows an edit
    stands for (`shadowed`), plus those of the visible overlay rows: three cheap scans instead
    of one over a union that the columnar engine cannot skip through. A place's first and
    last day are recounted exactly for the places a shadowed row was at. (A store with kept
    counts does the same in one query: :func:`eventmap.corpus.store_aggregates.corrected_source`.)
    """
    if by not in _KEYS:
        raise InputError(f"unknown aggregation {by!r} (one of {', '.join(AGGREGATIONS)})")
    both = " AND " if where else " WHERE "
    parts = (
        (1, aggregate_rows(query, "events", where, params, by, None, cell_deg)),
        (-1, aggregate_rows(query, "events", f"{where}{both}shadowed", params, by, None, cell_deg)),
        (1, aggregate_rows(query, "overlay", f"{where}{both}NOT hidden", params, by, None, cell_deg)),
    )
    keys = _KEYS[by]
    rows: dict[tuple, dict[str, Any]] = {}
    for sign, part in parts:
        for r in part:
            k = tuple(r[c] for c in keys)
            have = rows.setdefault(k, {**r, "count": 0})
            have["count"] += sign * r["count"]
            if by == "place" and sign > 0:
                have["first"] = (
                    min(x for x in (have["first"], r["first"]) if x) if r["first"] else have["first"]
                )
                have["last"] = max(x for x in (have["last"], r["last"]) if x) if r["last"] else have["last"]
    touched = {tuple(r[c] for c in keys) for r in parts[1][1]}
    out = [r for r in rows.values() if r["count"] > 0]
    if by == "place" and touched:
        exact = place_spans(query, where, params, [k for k in touched if k in rows])
        for r in out:
            k = tuple(r[c] for c in keys)
            if k in exact:
                r["first"], r["last"] = exact[k]
    if by in ("day", "day_category"):
        out.sort(key=lambda r: (r["day"], r.get("category") or ""))
    elif by == "place":
        out.sort(key=lambda r: (-r["count"], r["place"] or ""))
    else:
        col = keys[0] if by != "cell" else "lat"
        out.sort(key=lambda r: (-r["count"], str(r[col])))
    return out if limit is None else out[: non_negative(limit, "limit")]


def place_spans(
    query: Callable[[str, dict[str, Any]], list[tuple]], where: str, params: dict[str, Any], keys: list[tuple]
) -> dict[tuple, tuple[str | None, str | None]]:
    """First and last day of the events as corrected at these places (a place a shadowed row was at)."""
    if not keys:
        return {}
    both = " AND " if where else " WHERE "
    points = dict(params)
    pairs = []
    for i, (_p, _c, lat, lon) in enumerate(keys):
        points[f"plat{i}"], points[f"plon{i}"] = lat, lon
        pairs.append(f"(lat = $plat{i} AND lon = $plon{i})")
    at = f"({' OR '.join(pairs)})"
    cols = "place, country_code, lat, lon, min(date), max(date_end)"
    sql = (
        f"SELECT {cols} FROM (SELECT * EXCLUDE (shadowed) FROM events{where}{both}shadowed IS NOT TRUE AND {at} "
        f"UNION ALL SELECT * EXCLUDE (hidden) FROM overlay{where}{both}NOT hidden AND {at}) "
        f"GROUP BY place, country_code, lat, lon"
    )
    return {(p, c, la, lo): (iso(f), iso(z)) for p, c, la, lo, f, z in query(sql, points)}


def parse_day(value: DateLike, name: str) -> date | None:
    """A date, datetime or ISO string as a day; None or "" as None; InputError for anything else."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise InputError(f"{name} {value!r} is not a date (YYYY-MM-DD)") from None


def check_bbox(bbox: Sequence[float]) -> BBox:
    """west, south, east, north as floats in range; InputError otherwise."""
    try:
        west, south, east, north = (float(v) for v in bbox)
    except (TypeError, ValueError):
        raise InputError(f"bbox must be four numbers west, south, east, north; got {bbox!r}") from None
    if not (-90 <= south <= north <= 90 and -180 <= west <= 180 and -180 <= east <= 180):
        raise InputError(f"bbox {bbox!r} is not west, south, east, north in degrees")
    return west, south, east, north


def non_negative(value: int, name: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise InputError(f"{name} must be a non-negative integer, not {value!r}")
    return value


def iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None
