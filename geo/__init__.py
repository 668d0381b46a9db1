"""Names -> coordinates, offline first (see docs/geocoding.md).

Public API:
- `geoparse(text, lang=None, geocoder=None)` -> list[PlaceMention] where things happened;
- `parse_places(text, ...)` -> DocumentPlaces: those mentions and the dateline's place
  (`reported_from`: where the report was filed, never an event place);
- `article_setting(places, reported_from=None, title_places=(), text_places=())` -> the article's setting (geo.setting);
- `event_place(mention, statement=False)` -> the point to draw for an event's place: a country
  at its population-weighted centre, or at its capital for a government's statement (geo.points);
- `OfflineGeocoder()` — the embedded gazetteer behind geopy's `geocode` interface;
- `make_geocoder(name, user_agent=..., cache_path=..., timeout=...)` — "offline" or any geopy
  geocoder (Nominatim, ...) with rate limit, timeout, SQLite cache and offline fallback.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geo.mention import DocumentPlaces, PlaceMention

if TYPE_CHECKING:
    from geo.geocoder import OfflineGeocoder

__all__ = [
    "DocumentPlaces",
    "PlaceMention",
    "article_setting",
    "event_place",
    "geoparse",
    "parse_places",
    "OfflineGeocoder",
    "make_geocoder",
]


def geoparse(
    text: str, lang: str | None = None, geocoder=None, *, demonyms: bool = False
) -> list[PlaceMention]:
    """Place mentions of a whole document, disambiguated with the document's own context.

    Mentions are found with the offline gazetteer. With an online `geocoder` (see
    make_geocoder) each distinct mention is also asked of that service, plus capitalised
    names after "in"/"near"/... that the gazetteer does not know; a mention whose lookup
    fails keeps its text with lat/lon None. `demonyms=True` also reports adjectives of
    nationality ("American", "Russische") as mentions of their country. The place of a
    dateline ("UTRECHT (ANP) -") is not among them: see `parse_places`.
    """
    return list(parse_places(text, lang, geocoder, demonyms=demonyms).mentions)


def parse_places(
    text: str, lang: str | None = None, geocoder=None, *, demonyms: bool = False
) -> DocumentPlaces:
    """`geoparse`'s mentions and, apart, the dateline's place (`reported_from`).

    "UTRECHT (ANP) - Bij een brand in Zeist ..." -> mentions [Zeist], reported_from Utrecht.
    """
    from geo.parse import geoparse_document

    return geoparse_document(text, lang=lang, geocoder=geocoder, demonyms=demonyms)


def article_setting(
    places, reported_from: PlaceMention | None = None, title_places=(), text_places=()
) -> PlaceMention | None:
    """The article's setting: the dateline's place if the text confirms it, else the place
    most of its events share, else the title's place if an event or the body names it (see
    geo.setting). `places`: PlaceMentions, or one list per event; `title_places`: the title's
    PlaceMentions; `text_places`: the body's other PlaceMentions."""
    from geo.setting import article_setting as _setting

    return _setting(places, reported_from, title_places, text_places)


def make_geocoder(
    name: str, *, user_agent: str | None = None, cache_path=None, timeout: float = 10, **kwargs
):
    """A geocoder by name: "offline" (default gazetteer) or any geopy service name."""
    from geo.online import make_geocoder as _make

    return _make(name, user_agent=user_agent, cache_path=cache_path, timeout=timeout, **kwargs)


def __getattr__(name: str):
    # imported lazily so that `python -m geo.build_index` runs without importing itself twice
    if name == "OfflineGeocoder":
        from geo.geocoder import OfflineGeocoder

        return OfflineGeocoder
    raise AttributeError(f"module 'geo' has no attribute {name!r}")


def event_place(mention: PlaceMention, *, statement: bool = False) -> PlaceMention:
    """The point an event map should draw for `mention` (see geo.points): a country at its
    population-weighted centre, or at its capital when `statement` (a government speaking);
    recorded in `source_id` ("...#population", "...#capital"); other places unchanged."""
    from geo.points import event_place as _event_place

    return _event_place(mention, statement=statement)
