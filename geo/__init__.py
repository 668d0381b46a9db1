"""Names -> coordinates, offline first (see docs/geocoding.md).

Public API:
- `geoparse(text, lang=None, geocoder=None)` -> list[PlaceMention] found in running text;
- `OfflineGeocoder()` — the embedded gazetteer behind geopy's `geocode` interface;
- `make_geocoder(name, user_agent=..., cache_path=..., timeout=...)` — "offline" or any geopy
  geocoder (Nominatim, ...) with rate limit, timeout, SQLite cache and offline fallback.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geo.mention import PlaceMention

if TYPE_CHECKING:
    from geo.geocoder import OfflineGeocoder

__all__ = ["PlaceMention", "geoparse", "OfflineGeocoder", "make_geocoder"]


def geoparse(
    text: str, lang: str | None = None, geocoder=None, *, demonyms: bool = False
) -> list[PlaceMention]:
    """Place mentions of a whole document, disambiguated with the document's own context.

    Mentions are found with the offline gazetteer. With an online `geocoder` (see
    make_geocoder) each distinct mention is also asked of that service, plus capitalised
    names after "in"/"near"/... that the gazetteer does not know; a mention whose lookup
    fails keeps its text with lat/lon None. `demonyms=True` also reports adjectives of
    nationality ("American", "Russische") as mentions of their country.
    """
    from geo.parse import geoparse_document

    return geoparse_document(text, lang=lang, geocoder=geocoder, demonyms=demonyms)


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
