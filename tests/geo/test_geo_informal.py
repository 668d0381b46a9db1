"""Places in informal posts: names in lower case and inside hashtags (texts written for these tests)."""

from __future__ import annotations

import pytest

from geo import geoparse


def names(text: str) -> list[tuple[str, str | None]]:
    return [(m.text, m.name) for m in geoparse(text, "en")]


@pytest.mark.parametrize(
    "text, found",
    [
        (
            "7.8 quake hits nepal, kathmandu buildings collapse",
            [("nepal", "Nepal"), ("kathmandu", "Kathmandu")],
        ),
        ("flooding in chennai is insane", [("chennai", "Chennai")]),
        ("we need peace in ukraine and syria", [("ukraine", "Ukraine"), ("syria", "Syria")]),
        ("just landed in tokyo", [("tokyo", "Tokyo")]),
    ],
)
def test_countries_big_cities_and_capitals_are_found_in_lower_case(text, found):
    assert names(text) == found


@pytest.mark.parametrize(
    "text, found",
    [
        ("Death toll rises #NepalEarthquake", [("Nepal", "Nepal")]),
        ("#prayforparis tonight", [("paris", "Paris")]),
        ("so sad #nepalquake", [("nepal", "Nepal")]),
        ("Stay strong #Houston", [("Houston", "Houston")]),
    ],
)
def test_a_place_inside_a_hashtag_is_found(text, found):
    assert names(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "I love turkey and china plates",  # words that are places only when capitalised
        "the first state to act",  # a state's nickname is no name found in lower case
        "#romeo and #juliet",  # too little left beside "rome"
        "a nice reading in the bath",
    ],
)
def test_lower_case_common_words_are_not_places(text):
    assert names(text) == []


@pytest.mark.parametrize(
    "text, name",
    [
        ("omg stuck in traffic in new york city again lol", "New York City"),
        ("moving to new york next week", "New York City"),
        ("praying for south africa tonight", "South Africa"),
    ],
)
def test_a_lower_case_name_of_several_words_is_found_whole(text, name):
    assert [m.name for m in geoparse(text, lang="en")] == [name]


def test_a_common_first_word_alone_is_no_lower_case_name():
    assert geoparse("a new phone and a south wind", lang="en") == []


@pytest.mark.parametrize(
    "text, found",
    [
        ("quake in turkey kills hundreds", [("turkey", "Turkey")]),
        ("huge explosion in tianjin china omg", [("tianjin", "Tianjin"), ("china", "China")]),
        ("all flights from chad suspended", [("chad", "Chad")]),
    ],
)
def test_a_country_that_is_a_common_word_is_found_after_in_from_or_a_place(text, found):
    assert names(text) == found
    assert names("the turkey was dry and the china was old") == []
