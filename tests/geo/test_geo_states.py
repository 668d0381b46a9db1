"""A region named like a big city: after a place and a comma, and with a governor's title."""

from __future__ import annotations

import pytest

from geo import geoparse


def places(text: str, lang: str | None = "en") -> list[tuple[str, str, str]]:
    return [(m.text, m.name, m.kind) for m in geoparse(text, lang)]


@pytest.mark.parametrize(
    "text, state",
    [
        ("A 9-year-old girl from Buffalo, New York, died of the flu.", "New York"),
        ("Wildfires burned near Spokane, Washington on Sunday.", "Washington"),
        ("Students at Cornell in Ithaca, New York, fell ill.", "New York"),
    ],
)
def test_a_state_after_a_place_and_a_comma_is_the_state_not_its_namesake_city(text, state):
    assert (state, state, "region") in places(text)


@pytest.mark.parametrize(
    "text",
    [
        "Eight students in Queens, New York have the flu.",  # a part of the city: the city
        "Cases rose in Brooklyn, New York on Monday.",
        "After stops in Washington, New York and Boston, the prince flew home.",  # a list of places
    ],
)
def test_a_city_after_a_comma_stays_the_city_inside_it_or_in_a_list(text):
    assert ("New York", "New York City", "city") in places(text)


@pytest.mark.parametrize(
    "text, lang, name",
    [
        ("New York Governor Andrew Cuomo declared a state of emergency.", "en", "New York"),
        ("New York's governor said schools would close.", "en", "New York"),
        ("Texas Gov. Greg Abbott sent the National Guard.", "en", "Texas"),
        ("Kursk governor Alexander Khinshtein reported damage.", "en", "Kursk Oblast"),
        ("De gouverneur van Koersk meldde schade.", "nl", "Kursk Oblast"),
    ],
)
def test_the_place_a_governor_governs_is_the_region(text, lang, name):
    [m] = geoparse(text, lang)
    assert (m.name, m.kind) == (name, "region")


def test_a_governors_region_does_not_turn_the_same_name_elsewhere_into_the_region():
    found = places("Kursk governor Alexander Khinshtein said drones hit Kursk overnight.")
    assert found == [("Kursk", "Kursk Oblast", "region"), ("Kursk", "Kursk", "city")]


def test_a_city_with_a_mayor_stays_the_city():
    assert places("New York Mayor Eric Adams visited Albany.")[0][1:] == ("New York City", "city")


@pytest.mark.parametrize(
    "text, name, kind",
    [
        ("Celebrities attended a gala in Los Angeles on Oct. 5.", "Los Angeles", "city"),
        ("A court in Tokyo on Friday sentenced a former executive.", "Tokyo", "city"),
        ("Wildfires burned across Los Angeles County.", "Los Angeles County", "region"),
    ],
)
def test_a_bare_city_name_is_the_city_not_the_region_named_after_it(text, name, kind):
    (m,) = geoparse(text, lang="en")
    assert (m.name, m.kind) == (name, kind)


def test_one_mention_of_a_country_does_not_move_a_world_city_to_a_small_namesake():
    places = geoparse("Talks between U.S. and Ukrainian officials resume in Geneva on Dec. 10.", lang="en")
    assert [(m.text, m.country_code) for m in places] == [("U.S.", "US"), ("Geneva", "CH")]
    local = geoparse("Geneva, Illinois: the Kane County board met in Geneva. Geneva police said.", lang="en")
    assert {m.country_code for m in local if m.text == "Geneva"} == {"US"}


def test_a_bare_capital_dateline_stays_the_capital_when_a_tiny_namesakes_state_is_named():
    from geo import parse_places

    doc = parse_places(
        "WASHINGTON (Reuters) - The Senate voted. Georgia Governor Brian Kemp declared an emergency."
    )
    assert (doc.reported_from.name, round(doc.reported_from.lat)) == ("Washington", 39)
    athens = parse_places("ATHENS (AP) - A fire destroyed a dorm in Clarke County, Georgia, on Friday.")
    assert athens.reported_from.country_code == "US"


def test_one_nearby_place_does_not_move_a_metropolis_to_a_tiny_namesake():
    # London, California (1,869 people) is 250 km from Hollywood; London is still London
    places = geoparse("The cast met in Hollywood. She had flown in from London on Monday.", lang="en")
    assert [(m.text, m.country_code) for m in places] == [("Hollywood", "US"), ("London", "GB")]
    # the text naming what holds it still decides
    local = geoparse("London, Ohio: the council met in London on Monday.", lang="en")
    assert {m.country_code for m in local if m.text == "London"} == {"US"}


def test_a_national_capital_is_not_moved_to_a_small_namesake_by_its_country_alone():
    # Moscow, Idaho is in the country of the story's other places, not in a state it names
    text = "Pete Hegseth flew from Washington to Moscow. Officials in Dallas and Houston watched."
    assert [(m.text, m.country_code) for m in geoparse(text, lang="en")][1] == ("Moscow", "RU")
    # the state named decides
    local = geoparse(
        "The University of Idaho in Moscow closed. Students in Moscow and Boise protested.", lang="en"
    )
    assert {m.country_code for m in local if m.text == "Moscow"} == {"US"}


def test_a_sea_is_not_the_region_named_after_it_unless_the_text_asks_for_the_region():
    places = geoparse("Houthi attacks in the Red Sea continued. Storms hit the Isle of Wight.", lang="en")
    assert [(m.text, m.kind, m.country_code) for m in places] == [
        ("Red Sea", "sea", None),
        ("Isle of Wight", "area", "GB"),
    ]
    state = geoparse("Floods in Sudan's Red Sea state killed 20.", lang="en")
    assert [(m.text, m.kind) for m in state][-1] == ("Red Sea state", "region")
