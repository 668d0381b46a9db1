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


_new = object.__new__
_SET = tuple(getattr(PlaceMention, f).__set__ for f in PlaceMention.__slots__)
assert len(_SET) == 10  # the fields of PlaceMention, in order


def place_mention(start, end, text, name, lat, lon, country_code, kind, source_id, score) -> PlaceMention:
    """PlaceMention(...) for geoparse's hot path, equal to it: a frozen dataclass's __init__
    sets each field through object.__setattr__, which costs more than the slots' own setters
    (geoparse makes one per mention of every article)."""
    pm = _new(PlaceMention)
    s0, s1, s2, s3, s4, s5, s6, s7, s8, s9 = _SET
    s0(pm, start)
    s1(pm, end)
    s2(pm, text)
    s3(pm, name)
    s4(pm, lat)
    s5(pm, lon)
    s6(pm, country_code)
    s7(pm, kind)
    s8(pm, source_id)
    s9(pm, score)
    return pm


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
    `origins`: the mentions (among `mentions`) that say where a person comes from ("a man from
    Leeds", "een man uit Schiedam"): an event takes them only when nothing else places it.
    """

    mentions: tuple[PlaceMention, ...]
    reported_from: PlaceMention | None = None
    dateline: tuple[PlaceMention, ...] = ()
    context: tuple[PlaceMention, ...] = ()
    origins: tuple[PlaceMention, ...] = ()
