"""geoparse: place mentions in running text, the rules that keep non-places out, and context."""

from __future__ import annotations

import json

import pytest
from geopy.distance import great_circle

from geo import PlaceMention, geoparse, parse_places

from conftest import SEED, SHARED


def found(text: str, **kw) -> dict[str, PlaceMention]:
    return {m.text: m for m in geoparse(text, **kw)}


def km(m: PlaceMention, lat: float, lon: float) -> float:
    return great_circle((m.lat, m.lon), (lat, lon)).km


# --- the seed article against its gold -----------------------------------------------


@pytest.fixture(scope="module")
def seed_mentions() -> list[PlaceMention]:
    return geoparse(SEED.read_text(encoding="utf-8"), lang="nl")


def test_seed_offsets_index_into_the_text(seed_mentions):
    text = SEED.read_text(encoding="utf-8")
    assert seed_mentions
    for m in seed_mentions:
        assert text[m.start : m.end] == m.text
        assert 0.0 <= m.score <= 1.0


def test_seed_finds_every_gold_place(seed_mentions):
    gold_path = SHARED / "gold" / "seed_events.json"
    if not gold_path.exists():
        pytest.skip("../shared/gold is not beside the project")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    places = [p for e in gold["events"] for p in e["places"]]
    assert places
    for g in places:
        ok = [
            m
            for m in seed_mentions
            if m.lat is not None
            and (
                km(m, g["lat"], g["lon"]) <= g["km"]
                or (g["kind"] == "country" and m.country_code == g["country_code"])
            )
        ]
        assert any(g["text"] in m.text or m.text in g["text"] for m in ok), g["name"]


def test_seed_geocodes_no_forbidden_text(seed_mentions):
    forbidden = {
        "Dan",
        "Na",
        "Net",
        "Maar",
        "Hop",
        "Trump",
        "Donald Trump",
        "Poetin",
        "Vladimir Poetin",
        "Zelensky",
        "Michal",
        "Kristen Michal",
        "Biden",
        "Joe Biden",
        "Neptune",
        "Ottawa",
        "Vladimir",
        "Donald",
        "Kristen",
        "Joe",
    }
    assert not forbidden & {m.text for m in seed_mentions}


def test_seed_regions_and_metonyms(seed_mentions):
    by_text = {m.text: m for m in seed_mentions}
    assert by_text["Koersk"].kind == "region" and km(by_text["Koersk"], 51.73, 36.19) < 150
    assert by_text["Belgorod"].kind == "region" and km(by_text["Belgorod"], 50.60, 36.59) < 150
    assert by_text["Witte Huis"].kind == "landmark" and km(by_text["Witte Huis"], 38.8977, -77.0365) < 5
    assert by_text["Kremlin"].country_code == "RU"
    bundestag = by_text["Duitse Bondsdag"]
    assert bundestag.country_code == "DE" and km(bundestag, 51.2, 10.4) < 450


# --- rules -----------------------------------------------------------------------------


def test_multiword_names():
    ms = found("Schepen in de Zwarte Zee en de Verenigde Staten; later in New York City and Los Angeles.")
    assert ms["Zwarte Zee"].kind == "sea"
    assert ms["Verenigde Staten"].country_code == "US"
    assert km(ms["Los Angeles"], 34.05, -118.24) < 20
    assert "New York City" in ms or "New York" in ms


def test_hyphenated_names():
    ms = found("Brand in Rotterdam-Zuid. Raketten uit Noord-Korea, overleg in het Midden-Oosten.")
    assert km(ms["Rotterdam-Zuid"], 51.92, 4.48) < 15
    assert ms["Noord-Korea"].country_code == "KP"
    assert ms["Midden-Oosten"].kind == "area"


def test_names_inside_other_words_are_not_places():
    ms = found("Polen verlaat het Ottawa-verdrag. Dat is Kremlin-taal. Een Neptune-kruisraket.")
    assert set(ms) == {"Polen"}


def test_adjective_before_institution_is_the_country():
    ms = found("De Duitse regering en het Franse parlement stemden; the American army left.")
    assert ms["Duitse regering"].country_code == "DE"
    assert ms["Franse parlement"].country_code == "FR"
    assert ms["American army"].country_code == "US"


def test_adjectives_alone_are_mentions_only_on_request():
    text = "De Russische president sprak met Amerikaanse diplomaten."
    assert geoparse(text) == []
    ms = found(text, demonyms=True)
    assert ms["Russische"].country_code == "RU" and ms["Amerikaanse"].country_code == "US"


@pytest.mark.parametrize(
    "text, span",
    [
        ("Gevechten in de provincie Koersk gingen door.", "Koersk"),
        ("Strikes hit the Kharkiv Oblast overnight.", "Kharkiv Oblast"),
        ("Shelling in the region of Kharkiv continued.", "Kharkiv"),
        ("Drones boven de regio Belgorod.", "Belgorod"),
    ],
)
def test_province_and_oblast_patterns_give_the_region(text, span):
    ms = found(text)
    assert ms[span].kind == "region"
    city = {
        "Koersk": (51.73, 36.19),
        "Kharkiv Oblast": (49.99, 36.23),
        "Kharkiv": (49.99, 36.23),
        "Belgorod": (50.60, 36.59),
    }[span]
    assert km(ms[span], *city) < 150


def test_people_are_not_places():
    text = (
        "President Vladimir Poetin belde met Donald Trump. Poetin zei niets. "
        "Premier Kristen Michal van Estland reageerde. Michal was boos. Joe Biden zweeg."
    )
    ms = found(text)
    assert set(ms) == {"Estland"}


def test_sentence_initial_common_words_are_not_places():
    text = "Dan gaat hij naar Leeuwarden. Na afloop was het stil. Net als gisteren. Maar niet heus. Hop!"
    assert set(found(text)) == {"Leeuwarden"}


def test_first_names_alone_can_still_be_places_but_not_before_a_surname():
    assert "Douglas" in found("Floods hit Becker, Clay, Douglas and Grant counties in Minnesota.")
    assert "Douglas" not in found("The coach, Douglas Adams, resigned.")


def test_state_abbreviations_after_a_comma():
    doc = parse_places("SPRINGFIELD, Ill. - A man was hurt in Springfield, police said.")
    spring = [m for m in doc.mentions if m.text.lower() == "springfield"]
    assert spring and all(km(m, 39.80, -89.64) < 30 for m in [*spring, doc.reported_from])
    ms = found("Storms hit Decatur, Ill., and Gary, Ind., on Sunday.")
    assert ms["Ill."].kind == "region" and km(ms["Decatur"], 39.84, -88.95) < 30


def test_header_line_and_empty_text():
    assert geoparse("") == []
    ms = geoparse("date 2025-03\nRaketten op Kiev.")
    assert [m.text for m in ms] == ["Kiev"] and ms[0].country_code == "UA"


# --- disambiguation by the document's context ------------------------------------------


def test_same_name_resolves_by_the_state_named_in_the_document():
    tx = found("PARIS, Texas - The Lamar County sheriff said a Paris man was arrested.")
    assert km(tx["Paris"], 33.66, -95.56) < 30
    fr = found("Le Monde reports from Paris that France will send aid.")
    assert fr["Paris"].country_code == "FR"


def test_georgia_the_state_or_the_country_by_context():
    us = found("Atlanta police in Georgia said the Savannah suspect fled.")
    assert us["Georgia"].country_code == "US" and us["Georgia"].kind == "region"
    ge = found("In Tbilisi, Georgia, protesters faced police near Russia's border.")
    assert ge["Georgia"].country_code == "GE" and ge["Georgia"].kind == "country"


def test_nearby_places_pull_an_ambiguous_town():
    # Dublin, Ohio beside Columbus and Worthington; Dublin, Ireland beside Cork
    oh = found("Traffic from Columbus to Worthington and Dublin was slow.")
    assert km(oh["Dublin"], 40.10, -83.11) < 30
    ie = found("Trains from Cork to Dublin were cancelled.")
    assert ie["Dublin"].country_code == "IE"


def test_county_is_placed_among_the_articles_towns():
    ms = found("Deputies in Hall County, Georgia, searched Gainesville and Flowery Branch.")
    assert km(ms["Hall County"], 34.32, -83.78) < 60


def test_acronyms_organisations_and_full_names_are_not_places():
    text = (
        "NATO and the RSF met Hamas envoys. Xi Jinping and Kim Jong Un spoke; "
        "the Airport Council said nothing. Marco Rubio flew to Kyiv."
    )
    assert set(found(text)) == {"Kyiv"}


def test_dateline_in_capitals_is_the_city_the_report_came_from():
    doc = parse_places("WASHINGTON (Reuters) - Officials in Kyiv said talks would resume.")
    home = doc.reported_from
    assert home.text == "WASHINGTON" and home.kind == "city" and km(home, 38.9, -77.04) < 20
    assert [m.text for m in doc.mentions] == ["Kyiv"]


@pytest.mark.parametrize(
    "text, event_places, city, point",
    [
        (
            "UTRECHT (ANP) - Bij een brand in Zeist is een woning verwoest.",
            ["Zeist"],
            "UTRECHT",
            (52.09, 5.12),
        ),
        (
            "LONDON, May 3 (Reuters) - Oil prices rose as traders in Singapore and Tokyo bought.",
            ["Singapore", "Tokyo"],
            "LONDON",
            (51.51, -0.13),
        ),
        (
            "Den Haag, 22 maart - Bij een explosie in Delft raakten twee mensen gewond.",
            ["Delft"],
            "Den Haag",
            (52.08, 4.30),
        ),
        ("KYIV, Ukraine (AP) — Drones struck Odesa overnight.", ["Odesa"], "KYIV", (50.45, 30.52)),
    ],
)
def test_a_dateline_city_is_not_an_event_place(text, event_places, city, point):
    assert [m.text for m in geoparse(text)] == event_places
    doc = parse_places(text)
    assert doc.reported_from.text == city and km(doc.reported_from, *point) < 25
    assert [m.text for m in doc.mentions] == event_places


def test_the_dateline_city_named_again_in_the_body_is_an_event_place():
    doc = parse_places("UTRECHT (ANP) - Bij een brand in Utrecht is een woning verwoest.")
    assert [m.text for m in doc.mentions] == ["Utrecht"] and doc.mentions[0].start > 20
    assert doc.reported_from.text == "UTRECHT"


def test_no_dateline_no_reported_from():
    doc = parse_places("Bij een brand in Zeist is een woning verwoest.")
    assert doc.reported_from is None and [m.text for m in doc.mentions] == ["Zeist"]
    assert parse_places("").mentions == () and parse_places("").reported_from is None


def test_world_cities_stay_put_in_international_news_from_washington():
    ms = found("WASHINGTON - Leaders met in London, then flew to Paris, Warsaw and Berlin.")
    assert [ms[n].country_code for n in ("London", "Paris", "Warsaw", "Berlin")] == ["GB", "FR", "PL", "DE"]


def test_adjective_mentions_score_below_named_places():
    ms = found("De Oekraïense troepen trokken zich terug uit de provincie Koersk.")
    assert ms["Oekraïense troepen"].country_code == "UA"
    assert ms["Oekraïense troepen"].score < ms["Koersk"].score


def test_companies_and_small_towns_alternate_names_are_not_places():
    text = (
        "Ford and Toyota cut jobs, the Federal Reserve said. Officers of the Air Force, "
        "a Best Buy store and Dow Jones traders met in Detroit."
    )
    assert set(found(text)) == {"Detroit"}


def test_a_county_named_in_full_then_by_its_bare_name_is_that_county():
    text = (
        "Schools in Barrow County are reviewing policies. In Barrow, teachers met on Monday, "
        "while Clarke and Oconee counties wait."
    )
    got = {m.text: (m.name, m.kind) for m in geoparse(text, "en")}
    assert got["Barrow"] == ("Barrow County", got["Barrow County"][1])
    assert got["Clarke"][0] == "Clarke County" and got["Oconee"][0] == "Oconee County"


def test_a_big_place_keeps_its_reading_next_to_a_county_of_its_name():
    doc = parse_places("Washington County officials met. Washington said the budget was fine.", "en")
    assert [m.name for m in (*doc.mentions, *doc.context) if m.text == "Washington"] == ["Washington"]
