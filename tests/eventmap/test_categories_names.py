"""A category keyword that is a company's name ("Shell said") or an adjective of a place's name
("the occupied West Bank") colours no event; the same words as verbs and nouns still do."""

from __future__ import annotations

import pytest

from eventmap.text.categories import classify


@pytest.mark.parametrize(
    "sentence",
    [
        "Shell said on Thursday it would cut 500 jobs in The Hague.",
        "Shell reported a higher profit for the third quarter.",
        "Shares of Shell fell sharply in Amsterdam.",
    ],
)
def test_a_capitalised_keyword_naming_a_company_is_no_attack(sentence):
    assert classify(sentence, "en")[0] != "attack"


@pytest.mark.parametrize(
    "sentence",
    [
        "Shelling killed two people in Kharkiv on Monday.",
        "Rebels shell the city every night.",
        "Shell fire hit the village overnight.",
    ],
)
def test_shelling_stays_an_attack(sentence):
    assert classify(sentence, "en")[0] == "attack"


@pytest.mark.parametrize(
    "sentence, category",
    [
        ("Residents of the occupied West Bank protested on Friday.", "protest"),
        ("Thousands marched in the Israeli-occupied Golan Heights.", "protest"),
        ("Demonstranten protesteerden op de bezette Westelijke Jordaanoever.", "protest"),
    ],
)
def test_occupied_before_a_place_name_describes_the_place(sentence, category):
    lang = "nl" if "Demonstranten" in sentence else "en"
    assert classify(sentence, lang)[0] == category


@pytest.mark.parametrize(
    "sentence, lang",
    [
        ("Russia occupied Crimea in 2014.", "en"),
        ("Russian forces occupied Kherson in March.", "en"),
        ("Het leger begon met de bezetting van de stad.", "nl"),
    ],
)
def test_occupying_a_place_stays_fighting(sentence, lang):
    assert classify(sentence, lang)[0] == "fighting"
