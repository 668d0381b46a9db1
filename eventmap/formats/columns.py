"""Which column of a table (CSV header, GeoJSON properties) holds which event field.

Users map columns with ``--columns date=event_date,lat=latitude,...``; every field they do
not map is guessed from the header (``latitude``/``lat``/``y``, ``notes``/``description``,
``event_date``/``date_start``/``datum`` ...). ``field=`` with no column switches a guess off.
The project's own CSV, ACLED exports and UCDP-like tables need no mapping at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from eventmap.errors import InputError

# field -> header names that usually mean it (normalised: lower case, "_" for blanks), best first
GUESSES: dict[str, tuple[str, ...]] = {
    "id": ("id", "event_id", "event_id_cnty", "unique_id", "uid", "uuid", "guid"),
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
    ),
    "date": ("event_date", "date", "date_start", "start_date", "start", "datum", "day", "when"),
    "date_end": ("date_end", "end_date", "event_date_end", "end", "einddatum"),
    "date_precision": ("date_precision", "precision"),
    "time_precision": ("time_precision",),
    "date_text": ("date_text",),
    "date_source": ("date_source",),
    "category": ("category", "event_type", "type", "categorie", "category_name"),
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
    "country": ("country", "country_name", "land"),
    "country_code": ("country_code", "iso2", "iso_a2", "countrycode", "cc"),
    "lat": ("latitude", "lat", "y", "breedtegraad"),
    "lon": ("longitude", "lon", "lng", "long", "x", "lengtegraad"),
    "geo_precision": ("geo_precision",),
    "document": ("source", "document", "source_url", "url", "link", "article"),
    "source_start": ("source_start",),
    "source_end": ("source_end",),
    "source_date_text": ("source_date_text",),
    "lang": ("lang", "language", "taal"),
    "places_json": ("places_json",),
    "sources_json": ("sources_json",),
    "time_of_day": ("time_of_day",),
    "event_kind": ("event_kind",),
    "confidence": ("confidence",),
    "place_source": ("place_source",),
    "review_status": ("review_status",),
    "original_json": ("original_json",),
}
FIELDS: tuple[str, ...] = tuple(GUESSES)

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
}

ACLED_HEADER = frozenset(
    {"event_date", "time_precision", "event_type", "latitude", "longitude", "geo_precision", "location"}
)


def normalise(name: str) -> str:
    """Header names compare without case, surrounding blanks, or blank/dash/dot differences."""
    return re.sub(r"[\s\-.]+", "_", name.strip().lstrip("\ufeff").lower())


@dataclass(slots=True)
class ColumnMap:
    """field -> column name as written in the header; `flavour` says what kind of table it is."""

    fields: dict[str, str] = field(default_factory=dict)
    flavour: str = "generic"  # "eventmap" (our CSV), "acled", or "generic"

    def column(self, name: str) -> str | None:
        return self.fields.get(name)

    @property
    def used(self) -> set[str]:
        return set(self.fields.values())


def parse_column_spec(spec: str | Mapping[str, str] | None) -> dict[str, str | None]:
    """``"date=event_date,lat=latitude"`` -> {"date": "event_date", "lat": "latitude"}.

    ``field=`` (nothing after the sign) maps the field to no column, switching its guess off.
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
) -> ColumnMap:
    """Map fields to the header's columns: the user's mapping first, guesses for the rest.

    In the project's own CSV (`own_columns` given and ``places_json`` present) only those
    exact names are guessed, so an extra field called e.g. "country" stays an extra field.
    """
    columns = [c for c in header if c is not None]
    by_norm: dict[str, str] = {}
    for col in columns:
        by_norm.setdefault(normalise(col), col)
    norms = set(by_norm)
    flavour = "eventmap" if "places_json" in norms else "acled" if ACLED_HEADER <= norms else "generic"
    own = set(own_columns) if flavour == "eventmap" else set()
    user = parse_column_spec(spec)
    fields: dict[str, str] = {}
    for name, col in user.items():
        if col is None:
            continue
        found = col if col in columns else by_norm.get(normalise(col))
        if found is None:
            raise InputError(f"--columns: no column {col!r} for {name} (columns: {', '.join(columns)})")
        fields[name] = found
    taken = set(fields.values())
    for name, candidates in GUESSES.items():
        if name in fields or name in user:
            continue
        for cand in candidates:
            if own and cand not in own:
                continue
            col = by_norm.get(cand)
            if col is not None and col not in taken:
                fields[name] = col
                taken.add(col)
                break
    return ColumnMap(fields, flavour)


def _public_fields() -> list[str]:
    return [f for f in FIELDS if f not in ("places_json", "sources_json", "source_date_text")]
