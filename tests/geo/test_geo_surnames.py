"""Frequent surnames that are common words ("Williams", "Keys", "Knight", "Smith") after a given
name, even a rare one or a country's: a person, not a place; and the words of events' names
("Copa America", "the Met Gala"): no towns."""

from __future__ import annotations

import pytest

from geo import geoparse, parse_places


def texts(text: str) -> list[str]:
    doc = parse_places(text, "en")
    return [m.text for m in (*doc.mentions, *doc.context)]


@pytest.mark.parametrize(
    "text, places",
    [
        ("Madison Keys beat Serena Williams in Miami.", ["Miami"]),
        ("India Knight wrote a column on Sunday.", []),
        ("Chad Smith played drums in Los Angeles.", ["Los Angeles"]),
        ("Orlando Brown signed with Baltimore.", ["Baltimore"]),
    ],
)
def test_a_given_name_before_a_frequent_surname_is_a_person(text, places):
    assert texts(text) == places


@pytest.mark.parametrize(
    "text, place",
    [
        ("Lincoln Park in Chicago was closed.", "Lincoln Park"),  # a name of the index
        ("Floods hit Chad. Smith said aid was coming.", "Chad"),  # a sentence apart
        ("Houston Rockets beat Dallas.", "Houston"),  # no surname
        ("He flew to Madison on Monday.", "Madison"),  # alone
    ],
)
def test_a_place_before_a_word_that_is_no_surname_after_it_stays_a_place(text, place):
    assert place in [m.text for m in geoparse(text, "en")]


def test_the_index_knows_frequent_surnames_but_not_rare_ones():
    from geo.gazetteer import get_gazetteer

    surnames = get_gazetteer().surnames
    assert {"smith", "williams", "knight", "keys"} <= surnames
    assert "zwolle" not in surnames


@pytest.mark.parametrize(
    "text, absent",
    [
        ("Brazil won the Copa America in Rio.", "Copa"),  # not Copa, a town elsewhere
        ("Rihanna attended the Met Gala in New York.", "Gala"),  # not Gala, Croatia
        ("Rihanna attended the Met Gala in New York.", "Met"),  # nor Met, India
    ],
)
def test_a_word_of_an_events_name_is_no_town(text, absent):
    assert absent not in texts(text)


def test_a_place_in_an_events_name_is_context_and_the_event_place_stays():
    doc = parse_places("Brazil won the Copa America in Rio.", "en")
    assert [m.text for m in doc.mentions] == ["Brazil", "Rio"]
    assert [m.text for m in doc.context] == ["America"]
