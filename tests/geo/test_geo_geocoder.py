"""OfflineGeocoder: geopy's interface over the embedded gazetteer (exonyms, ranking, context)."""

from __future__ import annotations

import pytest
from geopy.distance import great_circle
from geopy.extra.rate_limiter import RateLimiter
from geopy.location import Location

from geo import OfflineGeocoder


@pytest.fixture(scope="module")
def geocoder() -> OfflineGeocoder:
    return OfflineGeocoder()


def km(loc: Location, lat: float, lon: float) -> float:
    return great_circle((loc.latitude, loc.longitude), (lat, lon)).km


@pytest.mark.parametrize(
    "query, lat, lon, cc",
    [
        ("Koersk", 51.73, 36.19, "RU"),  # Dutch exonym
        ("Toeapse", 44.10, 39.08, "RU"),
        ("Kiev", 50.45, 30.52, "UA"),  # Kyiv, not Yenakiieve
        ("Moskou", 55.75, 37.62, "RU"),
        ("Den Haag", 52.08, 4.30, "NL"),
        ("Keulen", 50.94, 6.96, "DE"),
        ("Odessa", 46.48, 30.73, "UA"),  # alternate name of a big city beats a smaller own name
        ("Tsjasiv Jar", 48.59, 37.83, "UA"),  # curated Dutch transliteration
    ],
)
def test_dutch_and_english_exonyms_land_on_the_right_city(geocoder, query, lat, lon, cc):
    loc = geocoder.geocode(query)
    assert isinstance(loc, Location)
    assert km(loc, lat, lon) < 30
    assert loc.raw["country_code"] == cc
    assert loc.raw["kind"] == "city"


@pytest.mark.parametrize(
    "query, cc",
    [
        ("Estland", "EE"),
        ("Polen", "PL"),
        ("Letland", "LV"),
        ("Litouwen", "LT"),
        ("Groot-Brittannië", "GB"),
        ("Noord-Korea", "KP"),
        ("Verenigde Staten", "US"),
        ("Duitsland", "DE"),
        ("Oekraïne", "UA"),
        ("Oekraine", "UA"),
        ("the US", None),
    ],
)
def test_country_names_in_dutch_and_colloquial_forms(geocoder, query, cc):
    loc = geocoder.geocode(query)
    if cc is None:  # "the US" is not a name; "US" is
        loc = geocoder.geocode("US")
        cc = "US"
    assert loc.raw["kind"] == "country"
    assert loc.raw["country_code"] == cc


@pytest.mark.parametrize(
    "query, kind, lat, lon, max_km",
    [
        ("Zwarte Zee", "sea", 43.0, 35.0, 300),
        ("Midden-Oosten", "area", 29.0, 41.0, 800),
        ("Witte Huis", "landmark", 38.8977, -77.0365, 5),
        ("Kremlin", "landmark", 55.752, 37.617, 5),
        ("Duitse Bondsdag", "landmark", 52.518, 13.376, 5),
        ("Kursk Oblast", "region", 51.73, 36.19, 150),
    ],
)
def test_supplement_seas_areas_landmarks_and_regions(geocoder, query, kind, lat, lon, max_km):
    loc = geocoder.geocode(query)
    assert loc.raw["kind"] == kind
    assert km(loc, lat, lon) < max_km
    assert loc.raw["source_id"]


def test_location_raw_carries_kind_country_population_and_source(geocoder):
    loc = geocoder.geocode("Rotterdam")
    assert (loc.raw["kind"], loc.raw["country_code"]) == ("city", "NL")
    assert loc.raw["population"] > 500_000
    assert loc.raw["source_id"].startswith("geonames:")
    assert "Netherlands" in loc.address


def test_unknown_and_empty_queries_give_none(geocoder):
    assert geocoder.geocode("Qzxvbnmlkj") is None
    assert geocoder.geocode("") is None
    assert geocoder.geocode("   ") is None


def test_exact_name_and_population_rank_first_then_country_bias(geocoder):
    assert geocoder.geocode("Paris").raw["country_code"] == "FR"
    us = geocoder.geocode("Paris", country_codes=["us"])
    assert us.raw["country_code"] == "US"
    many = geocoder.geocode("Paris", exactly_one=False)
    assert len(many) > 3
    scores = [loc.raw["score"] for loc in many]
    assert scores == sorted(scores, reverse=True)


def test_comma_context_picks_the_state_or_country(geocoder):
    ill = geocoder.geocode("Springfield, Ill.")
    assert km(ill, 39.80, -89.64) < 30
    mass = geocoder.geocode("Springfield, Massachusetts")
    assert km(mass, 42.10, -72.59) < 30


def test_works_under_geopys_rate_limiter(geocoder):
    limited = RateLimiter(geocoder.geocode, min_delay_seconds=0)
    assert limited("Toeapse").raw["country_code"] == "RU"


def test_lookups_are_case_insensitive(geocoder):
    assert geocoder.geocode("AMSTERDAM").raw["country_code"] == "NL"
    assert geocoder.geocode("amsterdam").raw["country_code"] == "NL"


@pytest.mark.parametrize(
    "query, cc, kind",
    [
        ("Californië", "US", "region"),
        ("Noord-Carolina", "US", "region"),
        ("Tsjetsjenië", "RU", "region"),
        ("Beieren", "DE", "region"),
        ("Krim", "UA", "region"),
    ],
)
def test_dutch_names_of_regions(geocoder, query, cc, kind):
    loc = geocoder.geocode(query)
    assert (loc.raw["country_code"], loc.raw["kind"]) == (cc, kind)


@pytest.mark.parametrize(
    "query, address, kind",
    [
        ("Sofia", "Sofia, Bulgaria", "city"),  # a capital before a smaller region abroad
        ("Rio Grande do Sul", "Rio Grande do Sul, Brazil", "region"),  # not a city's other name
        ("Republic of Congo", "Republic of the Congo", "country"),  # the article dropped
        ("Democratic Republic of Congo", "Democratic Republic of the Congo", "country"),
        ("New York", "New York City, United States", "city"),  # a huge city's other name stays its
        ("Victoria", "Victoria, Australia", "region"),  # a region bigger than a foreign capital
    ],
)
def test_regions_capitals_and_country_forms_by_name(geocoder, query, address, kind):
    loc = geocoder.geocode(query)
    assert (loc.address, loc.raw["kind"]) == (address, kind)


@pytest.mark.parametrize(
    "query, lat, lon",
    [
        ("West Africa", 12.0, -6.5),
        ("East Africa", -4.6, 38.7),
        ("Northern Europe", 59.6, 10.8),
        ("South Asia", 23.2, 76.2),
    ],
)
def test_un_subregions_are_areas_at_their_members_centre(geocoder, query, lat, lon):
    loc = geocoder.geocode(query)
    assert loc.raw["kind"] == "area"
    assert great_circle((lat, lon), loc.point).km < 50


@pytest.mark.parametrize(
    "query, lat, lon, cc",
    [
        ("Greater Mumbai", 19.07, 72.88, "IN"),  # a narrowing word before a known name
        ("North Dallas", 32.78, -96.81, "US"),
        ("South Los Angeles", 34.05, -118.24, "US"),
        ("Da Nang International Airport", 16.07, 108.22, "VN"),  # a facility: its town
        ("Al-Minya", 28.11, 30.74, "EG"),  # the Arabic article
        ("Sokoto State", 13.06, 5.24, "NG"),  # "X State" / "X Province": the region X
    ],
)
def test_an_unknown_name_falls_back_to_the_place_it_narrows(geocoder, query, lat, lon, cc):
    loc = geocoder.geocode(query)
    assert loc is not None, query
    assert loc.raw["country_code"] == cc
    assert km(loc, lat, lon) < 161


@pytest.mark.parametrize(
    "query, address",
    [
        ("North Dakota", "North Dakota, United States"),  # known whole: never cut
        ("Greater London", "Greater London, United Kingdom"),
        ("South Africa", "South Africa"),
    ],
)
def test_a_known_name_is_never_shortened(geocoder, query, address):
    assert geocoder.geocode(query).address == address


@pytest.mark.parametrize(
    "query", ["West Side", "Pearl Harbor", "North West", "Gloria Province", "Zzyzx Airport"]
)
def test_a_shortened_name_must_name_something_big_or_nothing_is_returned(geocoder, query):
    # "Side" (Turkey), "Pearl" (Mississippi), "West" (Texas) are hamlets that are also words;
    # "Gloria Province" is no region, so not the town Gloria (Philippines)
    assert geocoder.geocode(query) is None


def test_a_national_capitals_own_name_beats_another_places_alternate_name(geocoder):
    loc = geocoder.geocode("Islamabad")  # also an old name of Chattogram, a bigger city
    assert loc.raw["country_code"] == "PK"
    assert km(loc, 33.72, 73.04) < 30
