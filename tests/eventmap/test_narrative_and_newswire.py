"""Narrative mode (histories, timelines) and the newswire date gaps, Dutch and English
(texts written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest

import eventmap
from eventmap.errors import InputError
from eventmap.text.dates.find import choose_mode, read_dates

HISTORY_EN = (
    "The war began in 1775 at Lexington. On June 17 the British won at Bunker Hill. "
    "In March 1776 they left Boston. On July 4 Congress adopted the Declaration. "
    "Two months later the British took New York. The following winter Washington crossed "
    "the Delaware. In 1777 the British took Philadelphia; that October they surrendered at "
    "Saratoga. France entered the war the next year."
)
HISTORY_NL = (
    "In 1568 begon de Opstand. Op 23 mei versloegen de opstandelingen de Spanjaarden bij "
    "Heiligerlee. Twee jaar later volgde de Sint-Elisabethsvloed. In de zomer van 1572 viel "
    "Den Briel; dat jaar kozen de steden de kant van Oranje. In 1573 viel Haarlem."
)


def values(text, ref, lang, mode="auto"):
    return [(m.text, m.value) for m in read_dates(text, ref, lang, mode).mentions]


def test_a_history_is_read_in_the_years_it_tells():
    found = dict(values(HISTORY_EN, date(2010, 5, 1), "en"))
    assert found["June 17"] == "1775-06-17"
    assert found["July 4"] == "1776-07-04"
    assert found["Two months later"] == "1776-09"
    assert found["The following winter"] == "1776-WI"
    assert found["that October"] == "1777-10"
    assert found["the next year"] == "1778"
    assert read_dates(HISTORY_EN, date(2010, 5, 1), "en").mode == "narrative"


def test_a_dutch_history_is_read_in_the_years_it_tells():
    found = dict(values(HISTORY_NL, date(2015, 1, 1), "nl"))
    assert found["23 mei"] == "1568-05-23"
    assert found["Twee jaar later"] == "1570"
    assert found["zomer van 1572"] == "1572-SU"
    assert found["dat jaar"] == "1572"


def test_news_mode_reads_the_same_text_from_the_document_day():
    found = dict(values(HISTORY_EN, date(2010, 5, 1), "en", mode="news"))
    assert found["June 17"] == "2010-06-17"  # the nearest June 17 to the document, as news means it


@pytest.mark.parametrize(
    "text, ref, mode",
    [
        (HISTORY_EN, date(2010, 5, 1), "narrative"),
        (HISTORY_EN, None, "narrative"),  # no document date at all, and the text names years
        (
            "On Friday the minister resigned; in 2019 she had been elected. Last week she apologised.",
            date(2025, 3, 18),
            "news",
        ),
        (
            "Apple was founded in 1976, went public in 1980 and launched the Mac in 1984. "
            "On Friday it said sales rose; yesterday its shares fell and last week it cut prices.",
            date(2025, 3, 18),
            "news",  # news that looks back still counts its own days
        ),
    ],
)
def test_how_auto_decides(text, ref, mode):
    assert read_dates(text, ref, "en", "auto").mode == mode


def test_choose_mode_needs_several_old_dates():
    mentions = read_dates("In 1990 it began.", date(2025, 1, 1), "en", "news").mentions
    assert choose_mode(mentions, date(2025, 1, 1)) == "news"


def test_parse_takes_the_mode_and_records_it(tmp_path):
    parsed = eventmap.parse_document(HISTORY_EN, document_date="2010-05-01", lang="en", mode="narrative")
    assert parsed.document.mode == "narrative"
    bunker = next(e for e in parsed.events if "Bunker Hill" in e.text)
    assert bunker.date == "1775-06-17"
    with pytest.raises(InputError):
        eventmap.parse_text("x", mode="fiction")
    from click.testing import CliRunner

    from eventmap.cli import main

    path = tmp_path / "history.txt"
    path.write_text(HISTORY_EN, encoding="utf-8")
    res = CliRunner().invoke(main, ["parse", str(path), "--date", "2010-05-01", "--mode", "news"])
    assert res.exit_code == 0 and '"mode": "news"' in res.stdout


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("The city fell in 1453 after a long siege.", "en", [("1453", "1453")]),
        ("Charlemagne was crowned in 800 AD.", "en", [("800 AD", "0800")]),
        ("The treaty of 1648 ended the war.", "en", [("1648", "1648")]),
        ("He scored 1453 points and owned 1648 sheep.", "en", []),  # no date context
        ("Rome fell in 476 BC.", "en", []),  # before Christ: not on this calendar
        ("The war of 1914-1918 changed Europe.", "en", [("1914-1918", "1914/1918")]),
        ("In 1990 and 1991 prices rose.", "en", [("1990", "1990"), ("1991", "1991")]),
        ("Between 1990 and 1995 prices rose.", "en", [("Between 1990 and 1995", "1990/1995")]),
        ("In de jaren negentig groeide de stad.", "nl", [("jaren negentig", "199")]),
        ("Music of the 1960s and of the 19th century.", "en", [("1960s", "196"), ("19th century", "18")]),
        ("In de negentiende eeuw groeide de stad.", "nl", [("negentiende eeuw", "18")]),
        ("Hij vertrok in 1490 en keerde in 1493 terug.", "nl", [("1490", "1490"), ("1493", "1493")]),
    ],
)
def test_years_from_1_to_9999_in_date_context(text, lang, expected):
    assert values(text, date(2025, 3, 18), lang) == expected


@pytest.mark.parametrize(
    "text, lang, value",
    [
        ("The talks are set to resume Monday.", "en", "2025-03-17"),  # said on a Sunday: ahead
        ("Talks resumed Monday.", "en", "2025-03-10"),
        ("De gesprekken worden maandag hervat.", "nl", "2025-03-17"),
        ("Maandag werden de gesprekken hervat.", "nl", "2025-03-10"),
        ("Profit rose 5% from a year earlier.", "en", "2024"),
        ("Sales fell in the year-ago quarter.", "en", "2024"),
        ("In 2012, sales rose 5% from a year earlier.", "en", "2011"),
        ("Earlier in the year the firm cut jobs.", "en", "2025"),
        ("The deal should close by year-end.", "en", "2025"),
        ("Rates will be reviewed at the end of the month.", "en", "2025-03"),
        ("The company expects to open the plant in December.", "en", "2025-12"),
        ("The plant opened in December.", "en", "2024-12"),
        ("Het bedrijf wil in december een fabriek openen.", "nl", "2025-12"),
        ("He was born in nineteen ninety-eight.", "en", "1998"),
    ],
)
def test_newswire_gaps(text, lang, value):
    found = read_dates(text, date(2025, 3, 16), lang, "news").mentions  # a Sunday
    assert [m.value for m in found][-1] == value, [(m.text, m.value) for m in found]


def test_the_past_year_is_a_duration_not_last_year():
    assert read_dates("Prices rose in the past year.", date(2025, 3, 16), "en", "news").mentions == []
