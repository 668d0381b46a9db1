"""Which column of a table (CSV header, GeoJSON properties) holds which event field.

Users map columns with ``--columns date=event_date,lat=latitude,...``; ``field=`` with no
column switches a guess off, and ``date_order=mdy`` (or dmy, ymd) says how n/n/n dates
read. Every field they do not map comes from a known source's dialect (ACLED, UCDP GED,
USGS, GDELT: :mod:`eventmap.formats.dialect`) or is guessed from the header
(``latitude``/``lat``/``y``, ``notes``/``description``, ``event_date``/``time``/``datum``
...). A guessed date column must hold dates; with none, a column whose name says time and
whose values are dates is taken, else the import warns with the best candidates. The map
says in one line what it used and what it left in ``extra`` (:meth:`ColumnMap.describe`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from eventmap.errors import InputError
from eventmap.formats import (
    acled_format,
    dateparts,
    emdat_format,
    gdelt_format,
    gtd_format,
    ncei_format,
    ucdp_format,
    usgs_format,
)
from eventmap.formats.dates import ORDERS, DateReader, date_share
from eventmap.formats.dialect import Dialect

DIALECTS: tuple[Dialect, ...] = (
    acled_format.DIALECT,
    ucdp_format.DIALECT,
    usgs_format.DIALECT,
    gdelt_format.DIALECT,
    gtd_format.DIALECT,
    emdat_format.DIALECT,
    ncei_format.DIALECT,
)

# field -> header names that usually mean it (normalised: lower case, "_" for blanks), best first
GUESSES: dict[str, tuple[str, ...]] = {
    "id": ("id", "event_id", "event_id_cnty", "eventid", "incident_id", "unique_id", "uid", "uuid", "guid"),
    "text": (
        "text",
        "notes",
        "description",
        "summary",
        "sentence",
        "event",
        "headline",
        "title",
        "body",
        "content",
        "tekst",
        "omschrijving",
        "beschrijving",
        "source_headline",
        "event_text",
        "event_description",
        "incident_description",
        "what",
        "wat",
        # a Wikidata query's labels ("?item ?itemLabel ?date ?coord"), a name of the event
        "itemlabel",
        "eventlabel",
        "label",
        "event_name",
        "name",
    ),
    "date": (
        "event_date",
        "date",
        "date_start",
        "start_date",
        "start",
        "datum",
        "day",
        "when",
        "time",
        "datetime",
        "date_time",
        "event_time",
        "timestamp",
        "occurred",
        "occurred_at",
        "incident_date",
        "fromdate",
        "from_date",
        "begin",
        "point_in_time",
        "pointintime",
        "start_time",
        "starttime",
        "month",
        "year",
        "jaar",
    ),
    "date_end": ("date_end", "end_date", "event_date_end", "end", "todate", "to_date", "einddatum"),
    "date_precision": ("date_precision", "precision"),
    "time_precision": ("time_precision",),
    "date_text": ("date_text",),
    "date_source": ("date_source",),
    "category": (
        "category",
        "event_type",
        "type",
        "categorie",
        "category_name",
        "event_category",
        "incident_type",
        "eventtype",
        "disaster_type",
        "hazard_type",
        "hazard",
        "attack_type",
        "attacktype1_txt",
        "crime_type",
        "categories",
        "kind",
        "soort",
        "cameo_code",
        "eventrootcode",
        "eventcode",
    ),
    "location": (
        "location",
        "place",
        "place_name",
        "location_name",
        "city",
        "town",
        "locality",
        "where",
        "plaats",
        "locatie",
        "where_description",
        "name",
    ),
    "country": ("country_txt", "country", "country_name", "land"),
    "country_code": ("country_code", "iso2", "iso_a2", "countrycode", "cc"),
    "lat": ("latitude", "lat", "y", "breedtegraad"),
    "lon": ("longitude", "lon", "lng", "long", "x", "lengtegraad"),
    # one column holding the point (WKT, "lat, lon" ...): found by its values, see _point_column
    "point": (),
    "geo_precision": ("geo_precision",),
    "document": ("source", "document", "source_url", "url", "link", "article"),
    "source_start": ("source_start",),
    "source_end": ("source_end",),
    "source_date_text": ("source_date_text",),
    "lang": ("lang", "language", "taal"),
    "places_json": ("places_json",),
    "sources_json": ("sources_json",),
    "time_of_day": ("time_of_day", "time", "event_time", "hour", "tijd", "uhrzeit", "heure"),
    "event_kind": ("event_kind",),
    "confidence": ("confidence",),
    "place_source": ("place_source",),
    "review_status": ("review_status",),
    "original_json": ("original_json",),
}
FIELDS: tuple[str, ...] = tuple(GUESSES)
SETTINGS: tuple[str, ...] = ("date_order",)  # --columns keys that are not fields
FEATURE_ID = "(feature id)"  # the column name under which a GeoJSON Feature's own id is passed

# names people type for a field -> the field
ALIASES: dict[str, str] = {
    "latitude": "lat",
    "longitude": "lon",
    "lng": "lon",
    "notes": "text",
    "description": "text",
    "place": "location",
    "source": "document",
    "url": "document",
    "end": "date_end",
    "start": "date",
    "precision": "date_precision",
    "type": "category",
    "event_type": "category",
    "language": "lang",
    "geometry": "point",
    "wkt": "point",
}
# names of columns that may hold a whole point (taken when their values are points)
POINT_NAMES = (
    "geometry",
    "the_geom",
    "geom",
    "wkt",
    "point",
    "coordinates",
    "coords",
    "coord",  # a Wikidata query's coordinate location: "Point(37.203 37.166)"
    "latlon",
    "lat_lon",
    "latlng",
    "lat_lng",
    "geolocation",
    "location",
    "location_1",
    "geo",
    "position",
)

# Guessed date columns whose name alone says little: their values must be dates
_WEAK_DATE_NAMES = frozenset(
    {"start", "begin", "day", "when", "time", "datetime", "timestamp", "month", "year", "jaar"}
)
# A column whose name holds one of these may be taken as the date when its values are dates
_TIME_WORDS = re.compile(r"date|time|datum|tijd|day|dag|when|month|year|jaar|occur|epoch|moment")
# category columns holding CAMEO event codes (ICEWS "CAMEO Code", GDELT-like tables)
CAMEO_COLUMNS = frozenset({"cameo_code", "eventrootcode", "eventcode", "eventbasecode", "root_code"})
DATE_SHARE_NEEDED = 0.5  # a guessed date column: at least half of its values are dates
DATE_SHARE_TAKEN = 0.9  # a date column found by its values alone
SAMPLE_ROWS = 500  # values looked at when judging a column


@lru_cache(maxsize=8192)
def normalise(name: str) -> str:
    """Header names compare without case, surrounding blanks, or blank/dash/dot differences."""
    return re.sub(r"[\s\-.]+", "_", name.strip().lstrip("\ufeff").lower()).strip("_")


@dataclass(slots=True)
class ColumnMap:
    """field -> column name as written in the header; `flavour` says what kind of table it is."""

    fields: dict[str, str] = field(default_factory=dict)
    flavour: str = "generic"  # "eventmap" (our CSV), a dialect's key ("acled" ...), or "generic"
    dialect: Dialect | None = None
    by_norm: dict[str, str] = field(default_factory=dict)  # normalised name -> column
    readers: dict[str, DateReader] = field(default_factory=dict)  # date field -> its reader
    how: dict[str, str] = field(default_factory=dict)  # field -> how it was found or is read
    warnings: list[str] = field(default_factory=list)
    extra_columns: list[str] = field(default_factory=list)
    # date field -> {"year": col, "month": col, "day": col, ...}: a date split over columns
    parts: dict[str, dict[str, str]] = field(default_factory=dict)

    def column(self, name: str) -> str | None:
        return self.fields.get(name)

    def named(self, normalised_name: str) -> str | None:
        """The header's column with this normalised name (dialect columns), or None."""
        return self.by_norm.get(normalised_name)

    @property
    def used(self) -> set[str]:
        return set(self.fields.values()) | dateparts.columns_of(self.parts)

    def category_columns(self) -> list[tuple[str, str]]:
        """(column, scheme) pairs the dialect reads its event types from, in order."""
        if self.dialect is None:
            return []
        return [(col, scheme) for name, scheme in self.dialect.categories if (col := self.named(name))]

    def describe(self) -> str:
        """'columns: date=event_date (day first), lat=latitude, ...; in extra: year, actor1'."""
        parts = []
        types = self.category_columns()
        for name in FIELDS:
            col = self.fields.get(name)
            if name == "category" and types:
                parts.append(f"category={'+'.join(c for c, _ in types)} ({types[0][1]} types)")
            elif name in self.parts:
                parts.append(f"{name}={dateparts.describe(self.parts[name])}")
            elif col == FEATURE_ID:
                parts.append(f"{name}=the Feature id")
            elif col is not None and not name.endswith("_json"):
                how = f" ({self.how[name]})" if self.how.get(name) else ""
                parts.append(f"{name}={col}{how}")
        line = "columns: " + (", ".join(parts) or "none")
        if self.extra_columns:
            line += "; in extra: " + ", ".join(self.extra_columns)
        return line


def parse_column_spec(spec: str | Mapping[str, str] | None) -> dict[str, str | None]:
    """``"date=event_date,lat=latitude"`` -> {"date": "event_date", "lat": "latitude"}.

    ``field=`` (nothing after the sign) maps the field to no column, switching its guess off.
    ``date_order=mdy`` is kept as it is (checked to be one of dmy, mdy, ymd).
    """
    if spec is None or spec == "":
        return {}
    items: Iterable[tuple[str, str]]
    if isinstance(spec, Mapping):
        items = spec.items()
    else:
        items = []
        for part in str(spec).split(","):
            if not part.strip():
                continue
            if "=" not in part:
                raise InputError(
                    f"--columns: {part.strip()!r} is not FIELD=COLUMN (fields: {', '.join(_public_fields())})"
                )
            key, _, value = part.partition("=")
            items.append((key, value))
    out: dict[str, str | None] = {}
    for key, value in items:
        name = normalise(key)
        if name in SETTINGS:
            order = (value or "").strip().lower()
            if order not in ORDERS:
                raise InputError(f"--columns: date_order must be one of {', '.join(ORDERS)}, not {value!r}")
            out[name] = order
            continue
        name = name if name in GUESSES else ALIASES.get(name, name)
        if name not in GUESSES:
            raise InputError(
                f"--columns: unknown field {key.strip()!r} (fields: {', '.join(_public_fields())})"
            )
        out[name] = (value or "").strip() or None
    return out


def build_column_map(
    header: Iterable[str],
    spec: str | Mapping[str, str | None] | None = None,
    *,
    own_columns: Iterable[str] = (),
    rows: Sequence[Mapping[str, Any]] = (),
) -> ColumnMap:
    """Map fields to the header's columns: the user's mapping first, then the dialect, then guesses.

    In the project's own CSV (`own_columns` given and ``places_json`` present) only those
    exact names are guessed, so an extra field called e.g. "country" stays an extra field.
    `rows` (the table's rows, or a sample) let date columns be checked and their readers learn
    the column's conventions.
    """
    columns = [c for c in header if c is not None]
    by_norm: dict[str, str] = {}
    for col in columns:
        by_norm.setdefault(normalise(col), col)
    norms = set(by_norm)
    dialect = None if "places_json" in norms else next((d for d in DIALECTS if d.recognises(norms)), None)
    flavour = "eventmap" if "places_json" in norms else dialect.key if dialect else "generic"
    own = set(own_columns) if flavour == "eventmap" else set()
    user = parse_column_spec(spec)
    order = user.pop("date_order", None)
    cmap = ColumnMap({}, flavour, dialect, by_norm)
    for name, col in user.items():
        if col is None:
            continue
        found = col if col in columns else by_norm.get(normalise(col))
        if found is None:
            raise InputError(f"--columns: no column {col!r} for {name} (columns: {', '.join(columns)})")
        cmap.fields[name] = found
    taken = set(cmap.fields.values())
    sample = rows[:SAMPLE_ROWS]
    for name, generic in GUESSES.items():
        if name in cmap.fields or name in user:
            continue
        preferred = dialect.columns.get(name) if dialect else None
        candidates = preferred if preferred is not None else generic
        for cand in candidates:
            if own and cand not in own:
                continue
            col = by_norm.get(cand)
            if col is None or col in taken:
                continue
            if preferred is None and flavour == "generic" and sample and _empty(col, sample):
                continue  # a column with no value in it ("description": null everywhere)
            if (
                name == "date"
                and preferred is None
                and flavour != "eventmap"
                and not _holds_dates(col, sample, cand)
            ):
                continue
            cmap.fields[name] = col
            taken.add(col)
            break
    if "lat" not in cmap.fields and "point" not in user and flavour != "eventmap":
        _point_column(cmap, columns, sample)
    if "date" not in user and flavour != "eventmap":
        _split_dates(cmap, columns, user)
    if "date" not in cmap.fields and "date" not in user and flavour != "eventmap":
        _date_by_values(cmap, columns, sample)
    for name in ("date", "date_end"):
        col = cmap.fields.get(name)
        if col is not None and name not in cmap.parts:
            values = [row.get(col) for row in rows]
            reader = DateReader(values, order, epoch=flavour != "eventmap")
            cmap.readers[name] = reader
            if reader.epoch_unit or order or _has_nn(values):
                cmap.how[name] = reader.describe()
            if reader.ambiguous:
                cmap.warnings.append(
                    f"dates in '{col}' such as {_example_nn(values)} do not show whether the day or the "
                    f"month comes first: read day first; say --columns date_order=mdy if the month comes first"
                )
    fields = cmap.used
    types = {col for col, _ in cmap.category_columns()}  # the original types stay next to the category
    cmap.extra_columns = [c for c in columns if c not in fields or c in types]
    return cmap


def _point_column(cmap: ColumnMap, columns: Sequence[str], rows: Sequence[Mapping[str, Any]]) -> None:
    """No latitude column: a column named for places or geometry whose values are points."""
    from eventmap.formats.points import point_of

    for name in POINT_NAMES:
        col = cmap.by_norm.get(name)
        if col is None or (col in cmap.used and col != cmap.fields.get("location")):
            continue
        values = [str(row.get(col) or "").strip() for row in rows]
        values = [v for v in values if v]
        if values and sum(point_of(v) is not None for v in values) >= 0.8 * len(values):
            if cmap.fields.get("location") == col:
                del cmap.fields["location"]  # Socrata's "Location" is "(41.8, -87.6)", not a name
            cmap.fields["point"] = col
            return


def _split_dates(cmap: ColumnMap, columns: Sequence[str], user: Mapping[str, str | None]) -> None:
    """A date split over year, month and day columns, unless a column of whole dates was found."""
    found = dateparts.find_parts(columns, normalise)
    if "date" not in found:
        return
    current = cmap.fields.get("date")
    if (
        current is not None
        and normalise(current) not in _WEAK_DATE_NAMES
        and current not in found["date"].values()
    ):
        return  # a column named for whole dates wins
    if cmap.dialect is not None and cmap.dialect.columns.get("date") and current is not None:
        return
    for name, parts in found.items():
        if name in user:
            continue
        cmap.parts[name] = parts
        cmap.fields[name] = parts["year"]


def _empty(col: str, rows: Sequence[Mapping[str, Any]]) -> bool:
    return not any(str(row.get(col) or "").strip() for row in rows)


def _holds_dates(col: str, rows: Sequence[Mapping[str, Any]], name: str) -> bool:
    """A guessed date column is kept when its name is telling or at least half its values are dates."""
    if name not in _WEAK_DATE_NAMES or not rows:
        return True
    return date_share(row.get(col) for row in rows) >= DATE_SHARE_NEEDED


def _date_by_values(cmap: ColumnMap, columns: Sequence[str], rows: Sequence[Mapping[str, Any]]) -> None:
    """No date column by name: take one whose name says time and whose values are dates, or warn."""
    if not rows:
        return
    taken = cmap.used
    scored = []
    for col in columns:
        if col in taken:
            continue
        share = date_share(row.get(col) for row in rows)
        if share >= DATE_SHARE_NEEDED:
            scored.append((share, bool(_TIME_WORDS.search(normalise(col))), col))
    scored.sort(key=lambda t: (-t[0], not t[1]))
    best = next((s for s in scored if s[1] and s[0] >= DATE_SHARE_TAKEN), None)
    if best is not None:
        cmap.fields["date"] = best[2]
        cmap.how["date"] = "found by its values"
        return
    if scored:
        options = ", ".join(f"--columns date={col} ({share:.0%} dates)" for share, _, col in scored[:3])
        cmap.warnings.append(f"no date column found, so the events are undated; candidates: {options}")
    else:
        cmap.warnings.append(
            "no date column found and no column holds dates, so the events are undated "
            "(map one with --columns date=COLUMN)"
        )


def _has_nn(values: Iterable[Any]) -> bool:
    return any(v and re.match(r"\d{1,2}[/.\-]\d{1,2}[/.\-]\d", str(v).strip()) for v in values)


def _example_nn(values: Iterable[Any]) -> str:
    return next(
        (str(v).strip() for v in values if v and re.match(r"\d{1,2}[/.\-]\d{1,2}[/.\-]\d", str(v).strip())),
        "",
    )


def _public_fields() -> list[str]:
    return [f for f in FIELDS if f not in ("places_json", "sources_json", "source_date_text")] + list(
        SETTINGS
    )
