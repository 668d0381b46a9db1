"""Online geocoders through geopy against a local Nominatim-like server: cache, rate, faults."""

from __future__ import annotations

import sqlite3
import time
import warnings

import pytest

from eventmap.errors import UserError
from geo import OfflineGeocoder, geoparse, make_geocoder
from geo.online import CachedGeocoder

from nominatim_server import NominatimLike

UA = "eventmap-tests/0.1 (tests@example.org)"


@pytest.fixture
def server():
    srv = NominatimLike().start()
    yield srv
    srv.stop()


def nominatim(server, tmp_path, **kw) -> CachedGeocoder:
    opts = dict(
        user_agent=UA,
        cache_path=tmp_path / "cache.sqlite",
        timeout=1,
        domain=server.domain,
        scheme="http",
        min_delay_seconds=0,
    )
    opts.update(kw)
    return make_geocoder("nominatim", **opts)


def cached_rows(tmp_path) -> list[tuple]:
    with sqlite3.connect(tmp_path / "cache.sqlite") as db:
        return db.execute("SELECT query, answer FROM geocode").fetchall()


def test_nominatim_needs_a_user_agent(tmp_path):
    with pytest.raises(UserError, match="user-agent"):
        make_geocoder("nominatim", cache_path=tmp_path / "c.sqlite")


def test_unknown_service_is_a_user_error(tmp_path):
    with pytest.raises(UserError, match="unknown geocoder"):
        make_geocoder("no-such-service", user_agent=UA, cache_path=tmp_path / "c.sqlite")


def test_offline_is_the_gazetteer():
    assert isinstance(make_geocoder("offline"), OfflineGeocoder)


def test_answer_comes_from_the_server_and_is_asked_once(server, tmp_path):
    g = nominatim(server, tmp_path)
    loc = g.geocode("Groningen")
    assert (round(loc.latitude, 4), round(loc.longitude, 4)) == (53.2191, 6.568)
    assert server.queries() == ["Groningen"]
    assert server.user_agents[0] == UA
    assert g.geocode("Groningen").latitude == loc.latitude
    # a new geocoder on the same cache file: still nothing asked
    again = nominatim(server, tmp_path)
    assert again.geocode("Groningen").address == "Groningen, Nederland"
    assert server.queries() == ["Groningen"]


def test_not_found_is_an_answer_and_is_cached(server, tmp_path):
    g = nominatim(server, tmp_path)
    assert g.geocode("Nergenshuizen") is None
    assert g.geocode("Nergenshuizen") is None
    assert server.queries() == ["Nergenshuizen"]
    assert cached_rows(tmp_path) == [("Nergenshuizen", None)]


@pytest.mark.parametrize("mode", ["timeout", "429", "500", "malformed"])
def test_faults_are_not_cached_and_fall_back_to_the_gazetteer(server, tmp_path, mode):
    server.mode = mode
    server.sleep_seconds = 2.0
    g = nominatim(server, tmp_path)
    with pytest.warns(RuntimeWarning, match="nominatim failed"):
        unknown = g.geocode("Zwiggelte")  # a hamlet the gazetteer does not know
    assert unknown is None
    with pytest.warns(RuntimeWarning, match="offline gazetteer"):
        kiev = g.geocode("Kiev")  # known offline: the gazetteer answers
    assert kiev.raw["country_code"] == "UA" and kiev.raw["fallback"] is True
    assert cached_rows(tmp_path) == []
    # the service recovers: the same queries are asked again and now cached
    server.mode = None
    assert g.geocode("Zwiggelte").address.startswith("Zwiggelte")
    assert [q for q, _a in cached_rows(tmp_path)] == ["Zwiggelte"]


def test_faults_only_hit_some_queries(server, tmp_path):
    server.mode, server.fault_queries = "500", {"toeapse"}
    g = nominatim(server, tmp_path)
    assert g.geocode("Kiev").address == "Kyiv, Ukraine"
    with pytest.warns(RuntimeWarning):
        assert g.geocode("Toeapse").raw["source_id"].startswith("geonames:")
    assert g.faults == 1


def test_nominatim_is_rate_limited_to_one_request_per_second(server, tmp_path):
    g = nominatim(server, tmp_path, min_delay_seconds=None)  # the service's own policy
    start = time.monotonic()
    g.geocode("Kiev")
    g.geocode("Toeapse")
    # measured at the client: the limiter waits a second between calls, so two calls take a
    # second at least (the server's receive times jitter on a busy machine)
    assert time.monotonic() - start >= 1.0
    assert len([t for t, path, _p in server.requests if path == "/search"]) == 2


def test_geoparse_asks_the_service_and_keeps_unknown_text_on_faults(server, tmp_path):
    text = "Raketten op Kiev. Later sloegen ze in Zwiggelte toe, en weer in Kiev."
    g = nominatim(server, tmp_path)
    ms = {m.text: m for m in geoparse(text, lang="nl", geocoder=g)}
    assert round(ms["Kiev"].lat, 4) == 50.45 and ms["Kiev"].source_id == "osm:relation/421866"
    assert ms["Zwiggelte"].lat == pytest.approx(52.8789)
    assert sorted(server.queries()) == ["Kiev", "Zwiggelte"]  # each name asked once
    kiev = next(p for _t, path, p in server.requests if p.get("q") == ["Kiev"])
    assert kiev["countrycodes"][0].lower() == "ua"  # asked in the country the context chose
    geoparse(text, lang="nl", geocoder=g)
    assert len(server.queries()) == 2  # second run: all from the cache

    server.mode = "500"
    fresh = nominatim(server, tmp_path / "other")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        ms = {m.text: m for m in geoparse(text, lang="nl", geocoder=fresh)}
    assert ms["Zwiggelte"].lat is None and ms["Zwiggelte"].lon is None  # text kept, no point
    assert ms["Kiev"].country_code == "UA" and ms["Kiev"].lat is not None  # offline fallback
    assert cached_rows(tmp_path / "other") == []


def test_geoparse_with_a_bare_geopy_geocoder_survives_its_faults(server):
    from geopy.geocoders import Nominatim

    bare = Nominatim(domain=server.domain, scheme="http", user_agent=UA, timeout=1)
    ms = {m.text: m for m in geoparse("Brand in Groningen.", geocoder=bare)}
    assert round(ms["Groningen"].lat, 3) == 53.219  # the server's answer
    server.mode = "500"
    with pytest.warns(RuntimeWarning, match="keeping the offline answer"):
        ms = {m.text: m for m in geoparse("Brand in Toeapse.", geocoder=bare)}
    assert ms["Toeapse"].country_code == "RU" and ms["Toeapse"].lat is not None


def test_a_service_parses_its_answer_into_a_new_location_with_the_gazetteers_keys():
    from geopy.location import Location

    from geo.services import service_for

    said = {
        "display_name": "Kyiv, Ukraine",
        "class": "boundary",
        "type": "administrative",
        "addresstype": "city",
        "osm_type": "relation",
        "osm_id": 421866,
        "address": {"country_code": "ua"},
    }
    answer = Location("Kyiv, Ukraine", (50.45, 30.52), said)
    loc = service_for("nominatim").parse(answer)
    assert loc is not answer and answer.raw is said and "kind" not in said  # nothing changed in place
    assert loc.raw["country_code"] == "UA" and loc.raw["source_id"] == "osm:relation/421866"
    assert loc.raw["service"] == "nominatim" and loc.raw["answer"] is said
    assert service_for("nominatim").parse(loc) is loc  # parsing twice changes nothing
    generic = service_for("photon").parse(Location("Kyiv", (50.45, 30.52), {"country_code": "ua"}))
    assert generic.raw["country_code"] == "UA" and generic.raw["kind"] is None


def test_a_fallback_answer_is_a_new_location(server, tmp_path):
    server.mode = "500"
    g = nominatim(server, tmp_path)
    with pytest.warns(RuntimeWarning):
        first = g.geocode("Kiev")
    assert first.raw["fallback"] is True
    assert "fallback" not in g.fallback.geocode("Kiev").raw  # the gazetteer's own answer is untouched
