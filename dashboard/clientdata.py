"""Compact columnar data for the browser: what the clientside map needs to follow the timeline.

The map must follow a timeline zoom in well under a second even with 100,000 events, so the
browser keeps small integer columns (days since 1970, place index, category index) and
recounts events per place inside the zoomed window itself (see dashboard/clientside.js)
instead of asking the server. The columns travel outside Dash's state (a JSON URL named by a
token, fetched once per filter change): big arrays in Dash props slow every later update.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
import threading
from collections import OrderedDict
from collections.abc import Sequence
from datetime import date
from typing import Any

from dashboard.basemap.areas import area_features, area_label_point, area_level
from dashboard.figures import escape, is_document_placed, lane_of, place_key
from dashboard.figures.colors import category_color, category_order
from dashboard.figures.imported import fatalities
from dashboard.figures.labels import place_name, place_precision
from eventmap.model import Event

_EPOCH = date(1970, 1, 1).toordinal()


def day_number(d: date) -> int:
    """Days since 1970-01-01 (what JavaScript's Date.UTC(...)/864e5 gives)."""
    return d.toordinal() - _EPOCH


YEAR_DAYS = 365.2425  # a mean Gregorian year, for day numbers of years beyond 1..9999


def day_span(event: Event) -> tuple[int | None, int | None]:
    """First and last possible day as day numbers (None, None when undated).

    A year beyond the calendar (BCE, deep time) has no datetime.date: its day numbers come
    from the decimal year, as dashboard/static/window.js turns year-axis values into days.
    """
    start, end = event.start_date, event.end_date
    if start is not None and end is not None:
        return day_number(start), day_number(end)
    if not event.date:
        return None, None
    first = math.floor((event.start_year - 1970) * YEAR_DAYS)  # type: ignore[operator]
    last = math.ceil((event.end_year - 1970) * YEAR_DAYS) - 1  # type: ignore[operator]
    return first, max(first, last)


def place_index(events: Sequence[Event], keys: Sequence[str | None] | None = None) -> dict[str, Any]:
    """Every distinct map mark of `events`, in a stable order: keys, where it is drawn (an area's
    label point), escaped names and precisions, ``area`` (0 a point, 1 a region, 2 a country: drawn as
    outlines) and ``areas``, the GeoJSON of those outlines.

    The same marks as ``aggregate_places`` (first appearance, same point, name and precision),
    without gathering each mark's events: only its first event is read.
    """
    cols: dict[str, list[Any]] = {k: [] for k in ("key", "lat", "lon", "name", "precision", "area")}
    seen: set[str] = set()
    for ev, key in zip(events, keys if keys is not None else map(place_key, events)):
        if key is None or key in seen:
            continue
        seen.add(key)
        lat, lon = float(ev.lat), float(ev.lon)  # type: ignore[arg-type]
        level = area_level(key)
        if level:
            lon, lat = area_label_point(key) or (lon, lat)
        cols["key"].append(key)
        cols["lat"].append(lat)
        cols["lon"].append(lon)
        cols["name"].append(escape(place_name(ev)))
        cols["precision"].append(escape(place_precision(ev)))
        cols["area"].append(level)
    area_keys = [k for k, a in zip(cols["key"], cols["area"]) if a]
    return {**cols, "areas": area_features(area_keys)}


def client_columns(
    events: Sequence[Event],
    places: dict[str, Any],
    categories: Sequence[str],
    keys: Sequence[str | None] | None = None,
) -> dict[str, Any]:
    """Columns of `events` for the browser.

    ``t0``/``t1``: first and last possible day (day numbers; None when undated),
    ``p``: index into ``places`` (-1 when unplaced), ``c``: index into ``categories``,
    ``merged``: [event index, source count] of the merged events only (most events are single
    reports: a sparse list keeps the columns small), for "reported by N sources" on the map,
    ``setting``: the indices of the events placed by their article's setting (drawn hollow),
    ``fatal``: [event index, fatalities] of the events that report deaths (imported ACLED or
    UCDP data), for the map's fatality sums and its size-by-fatalities option.
    """
    where = {k: i for i, k in enumerate(places["key"])}
    cats = list(categories)
    cat_index = {c: i for i, c in enumerate(cats)}
    t0: list[int | None] = []
    t1: list[int | None] = []
    p: list[int] = []
    c: list[int] = []
    merged: list[list[int]] = []
    setting: list[int] = []
    fatal: list[list[int]] = []
    for i, ev in enumerate(events):
        first, last = day_span(ev)
        t0.append(first)
        t1.append(last)
        key = keys[i] if keys is not None else place_key(ev)
        p.append(where.get(key, -1) if key else -1)
        if ev.category not in cat_index:
            cat_index[ev.category] = len(cats)
            cats.append(ev.category)
        c.append(cat_index[ev.category])
        if ev.sources:
            merged.append([i, ev.source_count])
        if is_document_placed(ev):
            setting.append(i)
        deaths = fatalities(ev) if ev.extra else None
        if deaths is not None:
            fatal.append([i, deaths])
    return {
        "t0": t0,
        "t1": t1,
        "p": p,
        "c": c,
        "merged": merged,
        "setting": setting,
        "fatal": fatal,
        "categories": cats,
        "colors": [category_color(x) for x in cats],
        "places": places,
    }


def link_columns(events: Sequence[Event], *, lane: str = "category") -> dict[str, list[Any]]:
    """Columns that link timeline points (event ids) to map points (place keys), for a static page.

    ``t0``/``t1`` are the first/last possible days as day numbers (None when undated), the
    columns dashboard/static/window.js filters; ``place`` is the place key (None when unplaced).
    """
    cols: dict[str, list[Any]] = {k: [] for k in ("id", "place", "t0", "t1", "category", "lane", "fatal")}
    for ev in events:
        first, last = day_span(ev)
        cols["id"].append(ev.id)
        cols["place"].append(place_key(ev))
        cols["t0"].append(first)
        cols["t1"].append(last)
        cols["category"].append(ev.category)
        cols["lane"].append(lane_of(ev, lane))
        cols["fatal"].append(fatalities(ev) if ev.extra else None)  # deaths reported (ACLED, UCDP)
    return cols


def view_columns(
    events: Sequence[Event],
    categories: Sequence[str] | None = None,
    documents: Sequence[str] | None = None,
    search: str | None = None,
    *,
    all_kinds: bool = False,
    places: dict[str, Any] | None = None,
    fields: dict[str, Any] | None = None,
    keys: Sequence[str | None] | None = None,
) -> dict[str, Any]:
    """Columns of the events passing the filters; place and category indices span all `events`
    (`places`: their place_index, `keys`: their place keys, when the caller has them already)."""
    from dashboard.view import make_filter

    view = make_filter(categories, documents, search, all_kinds=all_kinds, fields=fields)
    if keys is None:
        keys = [place_key(e) for e in events]
    kept = [i for i, e in enumerate(events) if view.keeps(e)]
    return client_columns(
        [events[i] for i in kept],
        places or place_index(events, keys),
        all_categories(events),
        [keys[i] for i in kept],
    )


def all_categories(events: Sequence[Event]) -> list[str]:
    """The categories present, in canonical order (the index space of column ``c``)."""
    return category_order({e.category for e in events})


def wire_columns(columns: dict[str, Any]) -> dict[str, Any]:
    """The columns as the app sends them (clientside.js ``expandColumns`` gives them back whole):
    ``t1`` only where it differs from ``t0`` (``t1_diff``: [event index, t1]; most events are
    one day), each place's precision as an index into ``precisions``, and the area level only
    of the areas (``area_sparse``: [place index, level]) -- a fifth fewer bytes to parse."""
    out = dict(columns)
    t0, t1 = columns["t0"], columns["t1"]
    del out["t1"]
    out["t1_diff"] = [[i, b] for i, (a, b) in enumerate(zip(t0, t1)) if a != b]
    places = dict(columns["places"])
    names = sorted(set(places["precision"]))
    where = {n: i for i, n in enumerate(names)}
    places["precisions"] = names
    places["precision_index"] = [where[n] for n in places.pop("precision")]
    places["area_sparse"] = [[i, a] for i, a in enumerate(places.pop("area")) if a]
    out["places"] = places
    return out


class ClientDataCache:
    """Serialized columns by token (a hash of what produced them); keeps the last few.

    Each entry is kept as JSON and gzip-compressed (level 1: about a third of the bytes for a
    tenth of a second per 100,000 events): the browser fetches the columns of 100,000 events
    as it opens the page, and on this machine moving 8 MB took longer than unpacking 3 MB.
    """

    def __init__(self, size: int = 8) -> None:
        self._lock = threading.Lock()
        self._items: OrderedDict[str, tuple[bytes, bytes]] = OrderedDict()
        self._size = size

    def put(self, key_parts: Sequence[Any], columns: dict[str, Any]) -> str:
        """Store `columns` under a token derived from `key_parts`; returns the token."""
        token = hashlib.sha1(json.dumps(list(key_parts), sort_keys=True, default=str).encode()).hexdigest()[
            :16
        ]
        body = json.dumps(wire_columns(columns), separators=(",", ":")).encode("utf-8")
        packed = gzip.compress(body, compresslevel=1, mtime=0)
        with self._lock:
            self._items[token] = (body, packed)
            self._items.move_to_end(token)
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return token

    def get(self, token: str) -> bytes | None:
        """The columns' JSON (as `wire_columns` gives them)."""
        with self._lock:
            item = self._items.get(token)
        return item[0] if item is not None else None

    def get_gzip(self, token: str) -> bytes | None:
        """The columns' JSON, gzip-compressed."""
        with self._lock:
            item = self._items.get(token)
        return item[1] if item is not None else None
