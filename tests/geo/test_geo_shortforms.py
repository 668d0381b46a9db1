"""Short forms that name a place only in an article about that country ("BC", "SA", "T&T")."""

from __future__ import annotations

import pytest

from geo import geoparse
from geo.gazetteer import get_gazetteer
from geo.shortforms import _entry, short_forms


def places(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(m.text, m.name, m.country_code) for m in geoparse(text, "en")]


@pytest.mark.parametrize(
    "text, form, name",
    [
        ("Small Business BC services opened in Vancouver.", "BC", "British Columbia"),
        ("That SA holds reserves of platinum, said officials in Johannesburg.", "SA", "South Africa"),
        ("SA voted in Adelaide today.", "SA", "South Australia"),
        (
            "All that T&T had done to support Dominica was praised in Port of Spain.",
            "T&T",
            "Trinidad and Tobago",
        ),
    ],
)
def test_a_short_form_is_its_place_where_the_article_names_that_country(text, form, name):
    assert (form, name) in [(t, n) for t, n, _ in places(text)]


@pytest.mark.parametrize(
    "text, form",
    [
        ("SA and the US signed a deal in Washington.", "SA"),  # neither South Africa nor Australia
        ("Julius Caesar died in 44 BC in Rome.", "BC"),  # a date, and no Canadian place
        ("Pottery from 300 BC was found near Toronto.", "BC"),  # a date, even in Canada
        ("AT&T said in Dallas that prices rise.", "T&T"),  # inside a company's name
    ],
)
def test_an_unconfirmed_short_form_or_one_after_a_number_is_no_place(text, form):
    assert form not in [t for t, _, _ in places(text)]


def test_every_short_form_target_is_in_the_index():
    gaz = get_gazetteer()
    assert all(_entry(gaz, target) is not None for rows in short_forms().values() for target, _ in rows)
