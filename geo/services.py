"""Online geocoding services, one class each: how to ask it, and what its answer means.

The model is geopy's (geopy/geocoders/base.py and its services): the base (geo.online) owns
transport, rate limit, cache, timeouts and errors; a service here only builds the keyword
arguments of a query and parses an answer into a new, immutable geopy `Location` whose `raw`
has the gazetteer's keys (geo.gazetteer.Gazetteer.raw): name, kind, country_code, admin1,
population, source_id, lat, lon, plus "service" (its name) and "answer" (what it said).
Downstream code (geoparse) reads those keys and never a service's own format.
"""

from __future__ import annotations

from geopy.location import Location

# Nominatim's class/type -> our kind
_NOMINATIM_REGION_TYPES = frozenset({"state", "province", "region", "county"})
_NOMINATIM_CITY_TYPES = frozenset({"city", "town", "village", "hamlet", "suburb", "municipality"})
_NOMINATIM_SEA_TYPES = frozenset({"sea", "bay", "strait"})
_NOMINATIM_LANDMARK_CLASSES = frozenset({"tourism", "historic", "building", "amenity", "man_made"})
PLACE_KEYS = ("name", "kind", "country_code", "admin1", "population", "source_id", "lat", "lon")


class Service:
    """Any geopy geocoder: the query as given; an answer with no kind or country."""

    name = "geocoder"

    def query(self, country_code: str | None, accepts: set[str] | None) -> dict:
        """Keyword arguments of geocode() for a place expected in `country_code` (or None).

        `accepts` is the set of keyword names the geocoder's geocode() takes (None: any).
        """
        if country_code and (accepts is None or "country_codes" in accepts):
            return {"country_codes": country_code}
        return {}

    def parse(self, loc: Location) -> Location:
        """A new Location with the gazetteer's keys in `raw` (an answer already parsed, such as
        the offline gazetteer's or one read back from the cache, keeps its keys)."""
        raw = loc.raw if isinstance(loc.raw, dict) else {}
        if raw.get("service") is not None or ("kind" in raw and "source_id" in raw):
            return loc
        place = {
            "name": loc.address.split(",")[0].strip() if loc.address else None,
            "kind": None,
            "country_code": None,
            "admin1": None,
            "population": None,
            "source_id": None,
            "lat": float(loc.latitude),
            "lon": float(loc.longitude),
        }
        place.update({k: v for k, v in self.describe(raw).items() if v is not None})
        return Location(
            loc.address, (loc.latitude, loc.longitude), {**place, "service": self.name, "answer": raw}
        )

    def describe(self, raw: dict) -> dict:
        """The gazetteer keys this service's raw answer tells (kind, country_code, source_id...)."""
        cc = raw.get("country_code")
        return {"country_code": cc.upper() if isinstance(cc, str) else None}


class Nominatim(Service):
    """OpenStreetMap's Nominatim: countrycodes bias; class/type, address.country_code, osm ids."""

    name = "nominatim"

    def describe(self, raw: dict) -> dict:
        address = raw.get("address") if isinstance(raw.get("address"), dict) else {}
        cc = address.get("country_code")
        return {
            "name": raw.get("name") or None,
            "kind": self._kind(raw),
            "country_code": cc.upper() if isinstance(cc, str) else None,
            "source_id": self._source_id(raw),
        }

    @staticmethod
    def _kind(raw: dict) -> str | None:
        cls, typ = raw.get("class"), raw.get("type")
        if typ == "country":
            return "country"
        if typ in _NOMINATIM_REGION_TYPES or raw.get("addresstype") in ("state", "province"):
            return "region"
        if cls == "place" and typ in _NOMINATIM_CITY_TYPES:
            return "city"
        if cls in ("natural", "water") or typ in _NOMINATIM_SEA_TYPES:
            return "sea"
        if cls in _NOMINATIM_LANDMARK_CLASSES:
            return "landmark"
        return None

    @staticmethod
    def _source_id(raw: dict) -> str | None:
        if raw.get("osm_type") and raw.get("osm_id") is not None:
            return f"osm:{raw['osm_type']}/{raw['osm_id']}"
        if raw.get("place_id") is not None:
            return f"nominatim:{raw['place_id']}"
        return None


SERVICES: dict[str, Service] = {s.name: s for s in (Nominatim(),)}


def service_for(name_or_geocoder) -> Service:
    """The service of a geopy service name ("nominatim") or geocoder instance; else the generic one."""
    name = name_or_geocoder if isinstance(name_or_geocoder, str) else type(name_or_geocoder).__name__
    return SERVICES.get(name.strip().lower()) or Service()
