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


@dataclass(frozen=True, slots=True)
class DocumentPlaces:
    """The places of one document (`geo.parse_places`).

    `mentions`: where things happened, in text order (what `geo.geoparse` returns);
    `reported_from`: the place of the document's dateline ("UTRECHT (ANP) -", "LONDON, May 3
    (Reuters) -", "Den Haag, 22 maart -"), resolved with the document's context: where the
    report was filed, never one of `mentions` (None without a dateline, or when its place is
    unknown). A later mention of the same place in the body is a mention like any other.
    `dateline`: every place named in the dateline, in order ("PARIS, Texas -": Paris and
    Texas; `reported_from` is the first of them when it is the dateline's own place).
    `context`: places named but not as where something happened: a capital standing for its
    government ("Kiev says", "Moscow's troops"), a place inside an organisation's name
    ("Singapore Airlines", "University of Texas") and, unless `demonyms=True` puts them among
    the mentions, adjectives of nationality ("Russian", "the Americans") as their country.
    They helped to choose the other places.
    """

    mentions: tuple[PlaceMention, ...]
    reported_from: PlaceMention | None = None
    dateline: tuple[PlaceMention, ...] = ()
    context: tuple[PlaceMention, ...] = ()
