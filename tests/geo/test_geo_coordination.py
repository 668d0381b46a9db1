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


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        (
            "Shelling hit the Kharkiv, Sumy and Kyiv regions overnight.",
            "en",
            {"Kharkiv": "Kharkiv Oblast", "Sumy": "Sumy Oblast", "Kyiv": "Kyiv Oblast"},
        ),
        ("Floods hit Kerala and Tamil Nadu states.", "en", {"Kerala": "Kerala"}),
        ("Zware regen viel in de provincies Groningen en Drenthe.", "nl", {"Groningen": "Groningen"}),
        ("Noodweer trof de provincies Utrecht en Gelderland.", "nl", {"Utrecht": "Utrecht"}),
        (
            "In de regio's Charkiv en Soemy vielen doden.",
            "nl",
            {"Charkiv": "Kharkiv Oblast", "Soemy": "Sumy Oblast"},
        ),
        (
            "Ворог обстріляв прикордоння з Харківською, Сумською та Київською областями.",
            "uk",
            {"Харківською": "Kharkiv Oblast", "Сумською": "Sumy Oblast", "Київською": "Kyiv Oblast"},
        ),
        ("Удары по Белгородской и Курской областям.", "ru", {"Курской": "Kursk Oblast"}),
        ("Unwetter in den Bundesländern Bayern und Hessen.", "de", {"Bayern": "Bavaria", "Hessen": "Hessen"}),
        ("In den Regionen Charkiw und Sumy gab es Angriffe.", "de", {"Sumy": "Sumy Oblast"}),
        ("Des frappes dans les régions de Kharkiv et de Soumy.", "fr", {"Kharkiv": "Kharkiv Oblast"}),
    ],
)
def test_every_name_of_a_list_before_a_plural_region_word_is_a_region(text, lang, expected):
    found = {m.text: m for m in geoparse(text, lang=lang)}
    for text_, name in expected.items():
        assert found[text_].kind == "region", (text_, found[text_])
        assert found[text_].name == name


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Drones attacked the Kyiv region.", "en"),
        ("Удар по Київській області.", "uk"),
    ],
)
def test_the_region_of_a_city_with_region_status_is_the_region_around_it(text, lang):
    [m] = geoparse(text, lang=lang)
    assert m.name == "Kyiv Oblast"


def test_a_plural_region_word_far_from_a_list_changes_nothing():
    found = {
        m.text: m.kind for m in geoparse("Kharkiv and Sumy were shelled; two regions lost power.", lang="en")
    }
    assert found == {"Kharkiv": "city", "Sumy": "city"}


def test_the_names_of_a_list_of_counties_lie_in_one_country_and_take_the_county():
    found = {m.text: m for m in geoparse("Wildfires in the Los Angeles and Ventura counties.", lang="en")}
    assert found["Los Angeles"].name == "Los Angeles County"
    assert geoparse("Floods in Kent and Sussex counties closed roads.", lang="en")[0].country_code == "GB"


def test_the_states_of_a_list_are_no_country_called_the_states():
    assert [m.text for m in geoparse("Storms battered the states of Texas and Oklahoma.", lang="en")] == [
        "Texas",
        "Oklahoma",
    ]
