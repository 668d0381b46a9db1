"""Places joined by a conjunction are of one level: "Friesland en Groningen" are two provinces."""

from __future__ import annotations

import pytest

from geo import geoparse


def places(text: str, lang: str) -> dict[str, tuple[str, str]]:
    return {m.text: (m.kind, m.country_code) for m in geoparse(text, lang=lang)}


@pytest.mark.parametrize(
    "text, lang, name",
    [
        ("Het KNMI waarschuwt voor storm in Friesland en Groningen.", "nl", "Groningen"),
        ("Storm in Groningen en Friesland.", "nl", "Groningen"),  # either order
        ("Code oranje in Friesland, Groningen en Drenthe.", "nl", "Groningen"),  # a list
        ("Storm in Friesland of Groningen.", "nl", "Groningen"),  # Dutch "of" is "or"
        ("Wildfires spread in Oregon and Washington on Friday.", "en", "Washington"),
        ("Flooding hit New Jersey and New York overnight.", "en", "New York"),
    ],
)
def test_a_town_or_region_name_joined_to_a_region_is_the_region(text, lang, name):
    assert places(text, lang)[name][0] == "region"


@pytest.mark.parametrize(
    "text, lang, name",
    [
        ("Files tussen Amsterdam en Groningen.", "nl", "Groningen"),  # joined to a city
        ("Brand in Groningen.", "nl", "Groningen"),  # alone
        ("Drukte in Utrecht, Friesland.", "nl", "Utrecht"),  # a comma is no conjunction
        ("He flew from Athens, Georgia to Washington.", "en", "Washington"),
        ("Shelling of the Kiev region of Donetsk.", "en", "Donetsk"),  # English "of" is no "or"
    ],
)
def test_a_town_stays_a_town_without_a_region_beside_it(text, lang, name):
    assert places(text, lang)[name][0] == "city"
