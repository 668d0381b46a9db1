"""PlaceMention: a place named in running text, with where the geocoder put it (geoparse's result)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in running text: `text == document[start:end]`.

    `name`/`lat`/`lon`/`country_code`/`kind`/`source_id` describe where the geocoder put it
    (all None when it could not); `score` is the confidence of that choice, 0..1.
    """

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
