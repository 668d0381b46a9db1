"""Frequent surnames that are common words ("Williams", "Keys", "Knight", "Smith") after a given
name, even a rare one or a country's: a person, not a place."""

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
