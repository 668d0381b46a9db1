"""The app's paste and upload read all six languages and say which one they detected."""

from __future__ import annotations

import base64

import pytest

from dashboard.app.articles import add_articles
from dashboard.app.collection import EventCollection

ARTICLES = {
    "German": "Am 14. März 2025 traf eine ukrainische Drohne die Ölraffinerie in Tuapse.",
    "French": "Le 14 mars 2025, un drone ukrainien a frappé la raffinerie de Touapsé.",
    "Ukrainian": "14 березня 2025 року український дрон уразив нафтопереробний завод у Туапсе.",
    "Russian": "14 марта 2025 года украинский беспилотник поразил нефтеперерабатывающий завод в Туапсе.",
}


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_a_pasted_article_in_any_language_is_read_and_its_language_named(name):
    coll = EventCollection([])
    added, msg = add_articles(coll, ARTICLES[name], None, None, "2025-03-20")
    assert added == 1 and msg.endswith(f"read as {name}"), msg
    (event,) = coll.events
    assert event.date == "2025-03-14" and event.places and event.places[0].name == "Tuapse"


def test_uploaded_files_in_two_languages_name_both():
    coll = EventCollection([])
    contents = [
        "data:text/plain;base64," + base64.b64encode(ARTICLES[n].encode("utf-8")).decode("ascii")
        for n in ("German", "Ukrainian")
    ]
    added, msg = add_articles(coll, None, contents, ["de.txt", "uk.txt"], "2025-03-20")
    assert added == 2 and msg.endswith("read as German, Ukrainian"), msg
