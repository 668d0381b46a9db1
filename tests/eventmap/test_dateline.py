"""Datelines and bylines: found with their place, date and agency as written; prose is left alone."""

from __future__ import annotations

import pytest

from eventmap.dateline import find_asides, find_bylines, find_dateline


@pytest.mark.parametrize(
    ("text", "place", "region", "date", "agency"),
    [
        (
            "LONDON, May 3 (Reuters) - A man was shot dead in Manchester on Friday.",
            "LONDON",
            None,
            "May 3",
            "Reuters",
        ),
        (
            "UTRECHT (ANP) - Bij een brand in Zeist is zaterdag een woning verwoest.",
            "UTRECHT",
            None,
            None,
            "ANP",
        ),
        (
            "Den Haag, 22 maart - Het kabinet heeft vrijdag besloten de steun te verlengen.",
            "Den Haag",
            None,
            "22 maart",
            None,
        ),
        (
            "KYIV, Ukraine (AP) — Russian drones hit the capital overnight, officials said.",
            "KYIV",
            "Ukraine",
            None,
            "AP",
        ),
        (
            "PARIS, Texas, March 14, 2025 (AP) -- A tornado damaged homes on Friday.",
            "PARIS",
            "Texas",
            "March 14, 2025",
            "AP",
        ),
        (
            "NEW YORK (Reuters) - Stocks fell sharply on Monday as investors sold banks.",
            "NEW YORK",
            None,
            None,
            "Reuters",
        ),
        (
            "WASHINGTON — The Senate passed the bill late on Thursday, sending it to the president.",
            "WASHINGTON",
            None,
            None,
            None,
        ),
        (
            "'s-Hertogenbosch, 3 januari - De gemeente sloot dinsdag een café na een schietpartij.",
            "'s-Hertogenbosch",
            None,
            "3 januari",
            None,
        ),
        (
            "Alphen aan den Rijn (ANP) - Een vrachtwagen is maandag in een sloot beland.",
            "Alphen aan den Rijn",
            None,
            None,
            "ANP",
        ),
        (
            "NEW DELHI: Heavy rain flooded parts of the capital on Sunday, officials said.",
            "NEW DELHI",
            None,
            None,
            None,
        ),
        (
            "МОСКВА, 3 апреля. /ТАСС/. В среду в Москве прошли переговоры.",
            "МОСКВА",
            None,
            "3 апреля",
            "ТАСС",
        ),
        (
            "КИЇВ, 15 травня. Уночі росіяни атакували Одесу.",
            "КИЇВ",
            None,
            "15 травня",
            None,
        ),
    ],
)
def test_a_dateline_gives_its_place_date_and_agency_as_written(text, place, region, date, agency):
    d = find_dateline(text)
    assert d is not None
    assert (d.place, d.region, d.date_text, d.agency) == (place, region, date, agency)
    assert text[d.place_start : d.place_end] == place
    assert text[d.end :][:1].isupper()  # the report's own text starts right after the dash


def test_a_dateline_after_a_title_and_a_byline_is_found_with_offsets_into_the_whole_text():
    text = (
        "Man shot dead in Manchester\nBy Jane Doe\n\nLONDON, May 3 (Reuters) - A man was shot dead on Friday."
    )
    d = find_dateline(text)
    assert d is not None and text[d.start : d.end] == "LONDON, May 3 (Reuters) - "
    assert text[d.date_start : d.date_end] == "May 3"


@pytest.mark.parametrize(
    "text",
    [
        "Trump - Putin call\n\nThe two presidents spoke on Tuesday.",
        "Kyiv: two killed in shelling\n\nRussian shells hit the city on Monday.",
        "De minister zei vrijdag - na afloop van het overleg - dat hij tevreden was.",
        "Rusland en Oekraïne - de oorlog in kaart\n\nEen overzicht.",
        "A man was shot dead in Manchester on Friday, police said on Saturday.",
        "Kyiv. The city was shelled again on Monday.",
        "KYIV. Sirens sounded across the capital.",
    ],
)
def test_titles_and_prose_are_not_datelines(text):
    assert find_dateline(text) is None


def test_a_dateline_deep_in_the_article_is_not_the_report_dateline():
    filler = "Dit is een zin zonder plaats of datum.\n" * 60
    assert find_dateline(filler + "UTRECHT (ANP) - Een brand in Zeist.") is None


@pytest.mark.parametrize(
    ("text", "label", "date"),
    [
        ("Published March 18, 2025\n\nThe talks ended.", "Published", "March 18, 2025"),
        ("Updated: 18 March 2025 14:05 GMT\nText.", "Updated", "18 March 2025 14:05 GMT"),
        ("Gepubliceerd op 18 maart 2025\nTekst.", "Gepubliceerd", "18 maart 2025"),
        ("Laatste update: 19 maart 2025, 09:12\nTekst.", "Laatste update", "19 maart 2025, 09:12"),
        ("[18 maart 2025]\nTekst.", "[]", "18 maart 2025"),
        ("Veröffentlicht am 14.03.2025\nText.", "Veröffentlicht", "14.03.2025"),
        ("Publié le 14 mars 2025 à 10h05\nTexte.", "Publié le", "14 mars 2025 à 10h05"),
        ("Опубликовано: 14 марта 2025\nТекст.", "Опубликовано", "14 марта 2025"),
    ],
)
def test_a_byline_gives_the_date_as_written(text, label, date):
    (b,) = find_bylines(text)
    assert (b.label, b.date_text) == (label, date)
    assert text[b.date_start : b.date_end] == date


@pytest.mark.parametrize(
    "text",
    ["The report was published on Friday, two days after the attack.\n", "Updated figures show 300 dead.\n"],
)
def test_a_sentence_that_mentions_publishing_is_not_a_byline(text):
    assert find_bylines(text) == []


def test_lines_pointing_elsewhere_are_asides_and_prose_is_not():
    text = (
        "Tekst.\nLees ook: Opnieuw stalbrand (12 januari)\nFoto: ANP\nAdvertentie\n"
        "Video footage showed the blast.\nRead more: Storm hits Leeds\n"
    )
    assert [text[a:b] for a, b in find_asides(text)] == [
        "Lees ook: Opnieuw stalbrand (12 januari)",
        "Foto: ANP",
        "Advertentie",
        "Read more: Storm hits Leeds",
    ]
