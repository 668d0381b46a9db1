"""Online geocoders on request (Nominatim or any geopy service), made polite and safe.

This is the base of the online services (as geopy's Geocoder base is of its services): it owns
transport and errors; what a service's query and answer look like is geo.services'.
`make_geocoder("nominatim", user_agent=...)` wraps geopy's geocoder in:
- a RateLimiter (Nominatim's usage policy: at most 1 request per second),
- a timeout,
- an SQLite cache on disk, so a place is asked once (also "not found" answers: they are
  real answers); faults (timeouts, HTTP 429/5xx, malformed replies) are never cached,
- a fallback: on a fault the offline gazetteer answers if it knows the name (with a
  warning), else the query gets None and the mention keeps its text without coordinates.
Every answer comes back as a new geopy Location whose `raw` has the gazetteer's keys (kind,
country_code, source_id, ...; see geo.services), whether the service, the cache or the
gazetteer gave it. `asker(geocoder)` turns any geocoder into the `ask(name, country)` that
geoparse uses.
"""

from __future__ import annotations

import inspect
import json
import logging
import sqlite3
import threading
import time
import warnings
from collections.abc import Callable
from pathlib import Path

from geopy.location import Location

from eventmap.errors import UserError
from geo.geocoder import OfflineGeocoder
from geo.index_files import cache_dir
from geo.services import Service, service_for

log = logging.getLogger(__name__)

DEFAULT_MIN_DELAY = {"nominatim": 1.0}
NEEDS_USER_AGENT = {"nominatim"}


class GeocodeCache:
    """SQLite table (service, query, options) -> JSON of the answer, or NULL for "not found"."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(str(self.path), check_same_thread=False)
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS geocode (service TEXT, query TEXT, options TEXT, "
            "answer TEXT, created REAL, PRIMARY KEY (service, query, options))"
        )
        self._db.commit()

    MISSING = object()

    def get(self, service: str, query: str, options: str):
        """The cached answer (a Location or None), or GeocodeCache.MISSING."""
        with self._lock:
            row = self._db.execute(
                "SELECT answer FROM geocode WHERE service=? AND query=? AND options=?",
                (service, query, options),
            ).fetchone()
        if row is None:
            return self.MISSING
        if row[0] is None:
            return None
        d = json.loads(row[0])
        return Location(d["address"], (d["lat"], d["lon"]), d.get("raw") or {})

    def put(self, service: str, query: str, options: str, loc: Location | None) -> None:
        answer = (
            None
            if loc is None
            else json.dumps(
                {
                    "address": loc.address,
                    "lat": loc.latitude,
                    "lon": loc.longitude,
                    "raw": loc.raw if isinstance(loc.raw, dict) else {},
                },
                default=str,
            )
        )
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO geocode VALUES (?, ?, ?, ?, ?)",
                (service, query, options, answer, time.time()),
            )
            self._db.commit()

    def __len__(self) -> int:
        with self._lock:
            return self._db.execute("SELECT COUNT(*) FROM geocode").fetchone()[0]

    def close(self) -> None:
        self._db.close()


class CachedGeocoder:
    """An online geopy geocoder behind rate limit + cache, falling back to the gazetteer."""

    def __init__(
        self,
        service: str | Service,
        geocoder,
        cache: GeocodeCache,
        *,
        min_delay_seconds: float,
        fallback: OfflineGeocoder | None = None,
    ) -> None:
        from geopy.extra.rate_limiter import RateLimiter

        self.service_api = service if isinstance(service, Service) else service_for(service)
        self.service = service if isinstance(service, str) else service.name
        self.geocoder = geocoder
        self.cache = cache
        self.fallback = fallback if fallback is not None else OfflineGeocoder()
        self._limited = RateLimiter(
            geocoder.geocode, min_delay_seconds=min_delay_seconds, max_retries=0, swallow_exceptions=False
        )
        self._accepts = keyword_names(geocoder.geocode)
        self.faults = 0

    def query_options(self, country_code: str | None) -> dict:
        """The service's keyword arguments for a place expected in `country_code`."""
        return self.service_api.query(country_code, self._accepts)

    def geocode(self, query: str, exactly_one: bool = True, **kwargs):
        """The service's answer (cached), the gazetteer's on a fault, or None.

        Keyword options the service's geocode() does not take (e.g. `country_codes` for a
        service without it) are dropped rather than sent.
        """
        kwargs = {
            k: v for k, v in kwargs.items() if v is not None and (self._accepts is None or k in self._accepts)
        }
        options = json.dumps(kwargs, sort_keys=True, default=str)
        cached = self.cache.get(self.service, query, options)
        if cached is not GeocodeCache.MISSING:
            cached = None if cached is None else self.service_api.parse(cached)
            return cached if exactly_one or cached is None else [cached]
        try:
            loc = self._limited(query, exactly_one=True, **kwargs)
            _check_answer(loc)
        except Exception as exc:  # geopy errors, JSON errors, sockets: never cached
            self.faults += 1
            offline = self.fallback.geocode(query, country_codes=kwargs.get("country_codes"))
            how = "using the offline gazetteer" if offline is not None else "left without coordinates"
            msg = f"{self.service} failed for {query!r} ({type(exc).__name__}: {exc}); {how}"
            warnings.warn(msg, RuntimeWarning, stacklevel=2)
            log.warning(msg)
            if offline is not None:  # a new Location: answers are never changed in place
                offline = Location(offline.address, offline.point, {**offline.raw, "fallback": True})
            return offline if exactly_one or offline is None else [offline]
        if isinstance(loc, list):
            loc = loc[0] if loc else None
        self.cache.put(self.service, query, options, loc)  # what the service said, parsed on reading
        loc = None if loc is None else self.service_api.parse(loc)
        return loc if exactly_one or loc is None else [loc]


def _check_answer(loc) -> None:
    """ValueError for an answer without usable coordinates: geopy turns a result that lacks
    lat/lon into (0, 0), which would put the place in the Gulf of Guinea and in the cache."""
    if isinstance(loc, list):
        loc = loc[0] if loc else None
    if loc is None:
        return
    lat, lon = loc.latitude, loc.longitude
    if lat == 0 and lon == 0:
        raise ValueError("the answer has no coordinates")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"coordinates out of range ({lat}, {lon})")


def keyword_names(func) -> set[str] | None:
    """Names of the keyword arguments `func` takes (None: it takes any)."""
    try:
        params = inspect.signature(func).parameters.values()
    except (TypeError, ValueError):
        return None
    if any(p.kind is p.VAR_KEYWORD for p in params):
        return None
    return {p.name for p in params}


def asker(geocoder) -> Callable[[str, str | None], Location | None]:
    """`ask(name, country_code)` for any geocoder: ours (cached, with fallback) or a bare geopy
    one, whose faults become a warning and None (the caller keeps the gazetteer's answer).
    Answers are Locations with the gazetteer's keys in `raw` (geo.services)."""
    if isinstance(geocoder, CachedGeocoder):
        return lambda name, cc: geocoder.geocode(name, **geocoder.query_options(cc))
    if isinstance(geocoder, OfflineGeocoder):
        return lambda name, cc: geocoder.geocode(name, country_codes=cc)
    service = service_for(geocoder)
    accepts = keyword_names(geocoder.geocode)

    def ask(name: str, cc: str | None):
        try:
            loc = geocoder.geocode(name, **service.query(cc, accepts))
            _check_answer(loc)
        except Exception as exc:  # a bare geopy geocoder: keep the gazetteer's answer
            warnings.warn(
                f"geocoder failed for {name!r} ({type(exc).__name__}: {exc}); keeping the offline answer",
                RuntimeWarning,
                stacklevel=3,
            )
            return None
        if isinstance(loc, list):
            loc = loc[0] if loc else None
        return None if loc is None else service.parse(loc)

    return ask


def default_cache_path() -> Path:
    return cache_dir() / "geocode-cache.sqlite"


def make_geocoder(
    name: str,
    *,
    user_agent: str | None = None,
    cache_path=None,
    timeout: float = 10,
    min_delay_seconds: float | None = None,
    **kwargs,
):
    """ "offline" -> OfflineGeocoder; any geopy service name -> CachedGeocoder around it."""
    from geopy.exc import ConfigurationError, GeocoderNotFound
    from geopy.geocoders import get_geocoder_for_service

    service = (name or "offline").strip().lower()
    if service in ("offline", "gazetteer", "none", ""):
        return OfflineGeocoder()
    try:
        cls = get_geocoder_for_service(service)
    except GeocoderNotFound:
        raise UserError(
            f"unknown geocoder {name!r}: use 'offline', 'nominatim' or another geopy service name"
        ) from None
    if service in NEEDS_USER_AGENT and not (user_agent and user_agent.strip()):
        raise UserError(
            f"the {service} geocoder needs --user-agent (its usage policy asks for "
            "an identifying user agent, e.g. 'eventmap/0.1 you@example.org')"
        )
    opts = dict(kwargs)
    if user_agent:
        opts["user_agent"] = user_agent
    try:
        geocoder = cls(timeout=timeout, **opts)
    except (ConfigurationError, TypeError) as exc:
        raise UserError(f"cannot set up the {service} geocoder: {exc}") from None
    delay = DEFAULT_MIN_DELAY.get(service, 1.0) if min_delay_seconds is None else min_delay_seconds
    cache = GeocodeCache(cache_path or default_cache_path())
    return CachedGeocoder(service_for(service), geocoder, cache, min_delay_seconds=delay)
