"""Names -> coordinates, offline first (see README "Geocoding").

Placeholder interface until the gazetteer lands: geoparse finds nothing, which is honest.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in running text: `text == document[start:end]`."""

    start: int
    end: int
    text: str
    name: str | None
    lat: float | None
    lon: float | None
    country_code: str | None
    kind: str | None
    source_id: str | None
    score: float = 0.0


def geoparse(text: str, lang: str | None = None, geocoder=None) -> list[PlaceMention]:
    return []
