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


@pytest.mark.parametrize(
    "text, value",
    [
        ("De gesprekken worden maandag hervat.", "2025-03-17"),  # said on a Sunday: ahead
        ("De winst steeg 5 procent ten opzichte van een jaar eerder.", "2024"),
        ("In 2012 steeg de omzet 5 procent ten opzichte van een jaar eerder.", "2011"),
        ("De omzet daalde in hetzelfde kwartaal een jaar eerder.", "2024"),
        ("De overname moet eind dit jaar rond zijn.", "2025"),
        ("De overname moet voor het einde van het jaar rond zijn.", "2025"),
        ("De rente wordt aan het einde van de maand herzien.", "2025-03"),
        ("Eerder op de dag staken troepen de grens over.", "2025-03-16"),
        ("Het bedrijf wil in december een fabriek openen.", "2025-12"),  # ahead: no year, no past
        ("De fabriek ging in december open.", "2024-12"),
        ("In het voorjaar van 1940 viel Duitsland Nederland binnen.", "1940-SP"),
    ],
)
def test_dutch_newswire_gaps(text, value):
    found = read_dates(text, date(2025, 3, 16), "nl", "news").mentions  # a Sunday
    assert [m.value for m in found][-1] == value, [(m.text, m.value) for m in found]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("In 1990 and 1991 prices rose.", "en"),
        ("In 1990 en 1991 stegen de prijzen.", "nl"),
    ],
)
def test_two_years_in_a_list_are_two_years_not_a_range(text, lang):
    assert [m.value for m in read_dates(text, date(2025, 3, 16), lang, "news").mentions] == ["1990", "1991"]


@pytest.mark.parametrize(
    "text, lang, value",
    [
        ("Vorig jaar oktober raasde storm Poly over het land.", "nl", "2022-10"),
        ("Volgend jaar maart gaat de brug open.", "nl", "2024-03"),
        ("Last year in October the storm hit.", "en", "2022-10"),
        ("In 2019, on 3 May, the bridge fell.", "en", "2019-05-03"),
        ("Letztes Jahr im Oktober kam der Sturm.", "de", "2022-10"),
        ("L'an dernier en octobre, la tempête est arrivée.", "fr", "2022-10"),
    ],
)
def test_a_day_or_month_right_after_a_year_is_in_that_year(text, lang, value):
    assert values(text, date(2023, 11, 2), lang, "news")[-1][1] == value


def test_a_month_in_the_next_sentence_is_not_held_by_the_year_before():
    found = values("In 2019 prices rose. In October they fell.", date(2023, 11, 2), "en", "news")
    assert found[-1] == ("October", "2023-10")


def _event_dates(text, lang, mode):
    events = eventmap.parse_text(text, document_date=date(2025, 6, 10), lang=lang, mode=mode)
    return [e.date[:4] for e in events]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("The firm was founded in 1908 and was listed in 1936. In 1950 it moved to Leeds.", "en"),
        (
            "Het bedrijf werd in 1908 opgericht en in 1936 naar de beurs gebracht. In 1950 verhuisde het.",
            "nl",
        ),
    ],
)
def test_each_year_of_a_narrative_sentence_is_an_event_of_its_own(text, lang):
    assert _event_dates(text, lang, "narrative") == ["1908", "1936", "1950"]


def test_a_news_sentence_comparing_two_years_is_one_event():
    text = "Unemployment fell to 3.9% in 2024 from 4.2% in 2023, the statistics office said."
    assert _event_dates(text, "en", "news") == ["2024"]


@pytest.mark.parametrize(
    "text, lang, dates",
    [
        ("The refinery was also hit in November 2023 and in August 2024.", "en", ["2023", "2024"]),
        ("De raffinaderij werd in 2019 en in 2021 aangevallen.", "nl", ["2019", "2021"]),
    ],
)
def test_a_news_sentence_listing_two_months_or_years_is_an_event_for_each(text, lang, dates):
    assert _event_dates(text, lang, "news") == dates


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Prices rose in the past year.", "en"),
        ("De prijzen stegen het afgelopen jaar.", "nl"),
    ],
)
def test_the_past_year_is_a_duration_in_both_languages(text, lang):
    assert read_dates(text, date(2025, 3, 16), lang, "news").mentions == []


@pytest.mark.parametrize(
    "text, lang",
    [
        ("On 3 March 2020 the government fell. Later in the year elections followed.", "en"),
        ("Op 3 maart 2020 viel de regering. Later in het jaar volgden verkiezingen.", "nl"),
    ],
)
def test_the_year_is_the_one_just_named_in_the_paragraph(text, lang):
    found = read_dates(text, date(2025, 3, 16), lang, "news").mentions
    assert [m.value for m in found] == ["2020-03-03", "2020"]
    apart = text.replace(". ", ".\n\n")  # in another paragraph: the year of the document
    assert [m.value for m in read_dates(apart, date(2025, 3, 16), lang, "news").mentions][-1] == "2025"


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        (HISTORY_EN, "en", ("June 17", "1775-06-17")),
        (HISTORY_NL, "nl", ("23 mei", "1568-05-23")),
    ],
)
def test_a_day_without_a_year_after_an_old_year_takes_that_year_in_auto_mode(text, lang, expected):
    parsed = eventmap.parse_document(text, document_date="2024-06-01", lang=lang)
    assert parsed.document.mode == "narrative"
    assert any((e.date_text, e.date) == expected for e in parsed.events)


def test_find_dates_takes_the_mode():
    def june_17(mode):
        found = eventmap.find_dates(HISTORY_EN, "2010-05-01", "en", mode=mode)
        return next(m.value for m in found if m.text == "June 17")

    assert (june_17("auto"), june_17("narrative"), june_17("news")) == (
        "1775-06-17",
        "1775-06-17",
        "2010-06-17",
    )


def test_a_century_or_decade_is_no_year_to_count_last_month_from():
    """'the 19th century' is not the story's year: 'Last month' never lands in 1799."""
    for text in (
        "the 19th century Last month troops left Kursk. ",
        "In de jaren negentig. Vorige maand vielen doden.",
    ):
        for ev in eventmap.parse_text(text):
            assert ev.date is None or ev.date >= "1800", (ev.date, ev.date_text)


def test_background_in_the_pluperfect_or_after_since_does_not_move_the_story_year():
    text = (
        "The siege lasted from April 19, 1775 to March 17, 1776. Tensions had grown since 1768, "
        "and rose after the Tea Party of December 1773. On the night of April 18 Gage sent troops "
        "to Concord."
    )
    found = dict(values(text, None, "en"))
    assert found["April 18"] == "1775-04-18"  # not 1773 (background) nor 1776 (the range's end)
    dutch = (
        "Het beleg duurde van mei 1574 tot oktober 1574. De stad had in 1572 de kant van Oranje "
        "gekozen. Op 3 augustus werden de dijken doorgestoken."
    )
    assert dict(values(dutch, None, "nl"))["3 augustus"] == "1574-08-03"


def test_a_later_year_in_the_pluperfect_still_moves_the_story_on():
    text = (
        "In 1939 the war began. By June 1940 Germany had occupied France. On 22 June an armistice was signed."
    )
    assert dict(values(text, None, "en"))["22 June"] == "1940-06-22"


@pytest.mark.parametrize(
    "text, lang, day",
    [
        ("De gemeenteraad stemt donderdag over het plan.", "nl", "2025-03-20"),
        ("Donderdag stemt de raad over het plan.", "nl", "2025-03-20"),
        ("Rutte vertrekt vrijdag naar Kyiv.", "nl", "2025-03-21"),
        ("The talks resume Monday in Riyadh.", "en", "2025-03-24"),
        ("Parliament votes on Thursday.", "en", "2025-03-20"),
        ("The ban takes effect on Sunday.", "en", "2025-03-23"),
        ("The new rules come into force on Sunday.", "en", "2025-03-23"),
        ("De nieuwe regels treden zondag in werking.", "nl", "2025-03-23"),
        # "vanaf" (from) follows the tense, "sinds" (since) has begun; "tot en met" is "until"
        ("Vanaf maandag geldt een nieuwe regel.", "nl", "2025-03-24"),
        ("Vanaf maandag gold een nieuwe regel.", "nl", "2025-03-17"),
        ("Sinds maandag geldt een nieuwe regel.", "nl", "2025-03-17"),
        ("De weg is tot en met vrijdag dicht.", "nl", "2025-03-21"),
        # with an object between them
        ("Minister Madlener bezoekt het gebied vrijdag.", "nl", "2025-03-21"),
        ("The Senate holds a vote Monday.", "en", "2025-03-24"),
        ("Forecasters expect the storm to reach Norway by Tuesday morning.", "en", "2025-03-25"),
        # the past and nouns stay in the past
        ("Minister Madlener bezocht het gebied vrijdag.", "nl", "2025-03-14"),
        ("Rutte bezocht Zelensky vrijdag.", "nl", "2025-03-14"),
        ("De politie meldt de aanhouding vrijdag.", "nl", "2025-03-14"),
        ("The king visited the area Friday.", "en", "2025-03-14"),
        ("Keys beat Sabalenka in the Australian Open final in Melbourne on Saturday.", "en", "2025-03-15"),
        ("Dat het parlement dinsdag instemde, verbaasde niemand.", "nl", "2025-03-18"),
        ("Maandag protesteerden honderden bewoners.", "nl", "2025-03-17"),
        ("Het kabinet heeft maandag besloten.", "nl", "2025-03-17"),
        ("The vote on Monday was postponed.", "en", "2025-03-17"),
        ("Putin's visit Monday surprised many.", "en", "2025-03-17"),
    ],
)
def test_a_weekday_next_to_a_present_tense_verb_is_the_coming_day(text, lang, day):
    # written on Wednesday 19 March 2025
    assert [v for _t, v in values(text, date(2025, 3, 19), lang)] == [day]


def test_a_history_of_the_early_middle_ages_reads_its_three_digit_years():
    text = "In 800, Charlemagne was crowned emperor in Rome. In 843 the empire was divided."
    assert values(text, None, "en") == [("800", "0800"), ("843", "0843")]
    assert dict(values("In het jaar 800 werd Karel gekroond.", None, "nl"))["800"] == "0800"
    assert dict(values("Vesuvius erupted in AD 79.", None, "en"))["AD 79"] == "0079"
    # a count stays a count, in news and in a history
    assert values("A total of 800. In 800 cases, the toll rose.", None, "en") == []
    assert values("In 1066 William invaded England with 800 ships.", None, "en") == [("1066", "1066")]


def test_the_following_month_is_anaphoric_and_a_history_with_it_is_still_a_narrative():
    text = (
        "La guerre opposa de 1853 à 1856 la Russie à une coalition. Le 4 octobre 1853, la Turquie "
        "déclara la guerre. Le 30 novembre, la flotte russe détruisit l'escadre à Sinope. La France "
        "entra en guerre le 28 mars 1854. Les alliés débarquèrent en septembre et gagnèrent le 20 "
        "septembre. Le siège commença le mois suivant. La ville tomba le 9 septembre 1855. Le traité "
        "fut signé le 30 mars 1856."
    )
    reading = read_dates(text, date(2024, 1, 1), "fr")
    got = dict((m.text, m.value) for m in reading.mentions)
    assert reading.mode == "narrative"
    assert (got["Le 30 novembre"], got["septembre"], got["mois suivant"]) == (
        "1853-11-30",
        "1854-09",
        "1854-10",
    )


def test_next_month_in_news_still_counts_from_the_day_of_writing():
    assert values("Le mois prochain, les syndicats se réuniront.", date(2025, 12, 17), "fr") == [
        ("mois prochain", "2026-01")
    ]


@pytest.mark.parametrize(
    "phrase, value", [("Het jaar daarop", "1942"), ("Het jaar erna", "1942"), ("De maand daarop", "1941-04")]
)
def test_dutch_the_year_after_counts_from_the_story(phrase, value):
    text = f"Op 3 maart 1941 staakten duizenden Amsterdammers. {phrase} begonnen de deportaties."
    assert values(text, None, "nl")[-1][1] == value


def test_the_day_of_a_market_report_is_the_trading_day_just_named():
    text = (
        "Stocks fell sharply on Monday. The Dow Jones Industrial Average lost 250 points, "
        "ending the day at 7,114."
    )
    assert values(text, date(2009, 2, 24), "en") == [("Monday", "2009-02-23"), ("the day", "2009-02-23")]


def test_the_day_without_a_day_named_is_the_day_of_writing():
    text = "The index rebounded late in the day, ending the day down 31 points."
    assert [v for _, v in values(text, date(2007, 8, 10), "en")] == ["2007-08-10", "2007-08-10"]


def test_a_month_in_a_sentence_with_should_be_lies_ahead():
    text = "The transaction should be completed in October."
    assert values(text, date(2009, 6, 5), "en") == [("October", "2009-10")]


def test_this_fiscal_year_is_a_year():
    assert values("Revenue rose this fiscal year.", date(2013, 3, 22), "en") == [("this fiscal year", "2013")]


def test_a_historys_title_place_sets_the_events_that_name_no_place():
    text = (
        "The Siege of Sarajevo\n\nThe siege of Sarajevo began on 5 April 1992. On 27 May a shell "
        "killed 26 people in a bread queue. Peace talks opened in Geneva in 1993."
    )
    evs = eventmap.parse_text(text, lang="en")
    assert [(e.places[0].name, e.place_source) for e in evs] == [
        ("Sarajevo", "sentence"),
        ("Sarajevo", "document"),
        ("Geneva", "sentence"),
    ]


@pytest.mark.parametrize(
    "text, lang, value",
    [
        ("The mayor said last month that crime had fallen compared with 2023.", "en", "2025-02-01"),
        (
            "De burgemeester zei vorige maand dat de criminaliteit daalde ten opzichte van 2023.",
            "nl",
            "2025-02-01",
        ),
        (
            "Der Bürgermeister sagte letzten Monat, die Zahl sei im Vergleich zu 2023 gesunken.",
            "de",
            "2025-02-01",
        ),
    ],
)
def test_the_base_of_a_comparison_does_not_date_the_event(text, lang, value):
    (event,) = eventmap.parse_text(text, document_date="2025-03-18", lang=lang)
    assert event.date == value


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("The siege began on 8 September 1941. The ice road ran from November until April.", "en", "1942-04"),
        (
            "Die Belagerung begann am 8. September 1941. Die Lastwagen fuhren bis zum 4. April.",
            "de",
            "1942-04-04",
        ),
        ("Het beleg begon op 8 september 1941. De ijsweg werd gebruikt tot april.", "nl", "1942-04"),
    ],
)
def test_until_a_month_before_the_story_s_month_is_the_next_year(text, lang, value):
    assert values(text, None, lang)[-1][1].split("/")[-1] == value  # "from November until April": a range


@pytest.mark.parametrize(
    "text, lang, dates",
    [
        # the date in a relative clause is background to the sentence's own
        (
            "Starmer, who won a landslide in July 2024, faces a conference later this month.",
            "en",
            ["2025-06"],
        ),
        ("Merz, der im Mai 2025 Kanzler wurde, reist am Montag nach Paris.", "de", ["2025-06"]),
    ],
)
def test_a_date_in_a_relative_clause_is_background_to_the_news_sentence_s_own(text, lang, dates):
    events = eventmap.parse_text(text, document_date=date(2025, 6, 10), lang=lang, mode="news")
    assert [e.date[:7] for e in events] == dates


@pytest.mark.parametrize(
    "text, lang",
    [
        (
            "The president has left the country, a source said on Monday, after soldiers joined "
            "protests that began on May 25 over power cuts.",
            "en",
        ),
        (
            "De president is het land uit, meldde een bron maandag, nadat soldaten zich aansloten "
            "bij de protesten die op 25 mei begonnen.",
            "nl",
        ),
    ],
)
def test_a_reporting_day_dates_a_sentence_whose_other_date_is_in_a_relative_clause(text, lang):
    events = eventmap.parse_text(text, document_date=date(2025, 6, 10), lang=lang, mode="news")
    assert [e.date for e in events] == ["2025-06-09", "2025-05-25"]  # the clause's date: its own event


def test_what_a_reporting_verb_says_is_no_relative_clause():
    text = "Police said on Monday that the man who fled was arrested on May 28."
    (event,) = eventmap.parse_text(text, document_date=date(2025, 6, 10), lang="en", mode="news")
    assert event.date == "2025-05-28"


def test_a_history_keeps_the_dates_of_its_relative_clauses():
    text = "The firm, which was founded in 1908, listed its shares in 1936."
    assert _event_dates(text, "en", "narrative") == ["1908", "1936"]


def test_months_and_years_later_count_from_the_last_date_the_news_wrote():
    text = (
        "The talks collapsed in Geneva on May 2, 2019.\n\nTwo months later, both sides met again."
        "\n\nA year later, the ministers met in Rome."
    )
    assert values(text, date(2025, 6, 4), "en") == [
        ("May 2, 2019", "2019-05-02"),
        ("Two months later", "2019-07"),
        ("A year later", "2020"),
    ]
    # a date counted from the day of writing is no story to count from
    assert values(
        "Sales fell last year. Two years later, the firm will be sold.", date(2025, 6, 4), "en"
    ) == [("last year", "2024")]


@pytest.mark.parametrize(
    "focus, season",
    [("In 1939", "1940-SP"), ("In September 1939", "1940-SP"), ("In January 1939", "1939-SP")],
)
def test_the_following_season_begins_after_the_focus_ends(focus, season):
    text = f"{focus} the war began. In the following spring, Germany attacked."
    assert values(text, None, "en")[-1] == ("the following spring", season)
