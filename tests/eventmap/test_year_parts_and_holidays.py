"""Quarters, halves, feast days and "in two weeks", in the six languages (texts written for
these tests; the reference day is Wednesday 14 May 2025 unless a test says otherwise)."""

from __future__ import annotations

from datetime import date

import pytest

import eventmap
from eventmap.text.dates import find_dates
from eventmap.text.dates.rules_periods import holiday_date
from eventmap.text.dates.vocab import Holiday

REF = "2025-05-14"


def found(text: str, lang: str, ref: str = REF) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in find_dates(text, ref, lang=lang)]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Profit rose in the third quarter of 2024.", ("third quarter of 2024", "2024-Q3")),
        ("en", "Sales fell in Q3 2024.", ("Q3 2024", "2024-Q3")),
        ("en", "Sales fell in the first half of 2024.", ("first half of 2024", "2024-H1")),
        ("en", "Costs will rise in the second half of the year.", ("second half of the year", "2025-H2")),
        ("en", "Results for the final quarter of 2024 beat forecasts.", ("final quarter of 2024", "2024-Q4")),
        ("nl", "De omzet steeg in het eerste kwartaal van 2024.", ("eerste kwartaal van 2024", "2024-Q1")),
        (
            "nl",
            "In de eerste helft van vorig jaar daalde de omzet.",
            ("eerste helft van vorig jaar", "2024-H1"),
        ),
        ("de", "Im dritten Quartal 2024 sank der Umsatz.", ("dritten Quartal 2024", "2024-Q3")),
        ("fr", "Au premier trimestre 2024, les ventes ont augmenté.", ("premier trimestre 2024", "2024-Q1")),
        ("uk", "У першому кварталі 2024 року ВВП зріс.", ("першому кварталі 2024 року", "2024-Q1")),
        ("ru", "В первом квартале 2024 года ВВП вырос.", ("первом квартале 2024 года", "2024-Q1")),
    ],
)
def test_a_quarter_or_half_with_its_year_is_that_part_of_the_year(lang, text, expected):
    assert found(text, lang) == [expected]


def test_a_quarter_without_a_year_is_the_latest_begun_or_in_the_future_the_next():
    assert found("Profit rose in the fourth quarter.", "en") == [("fourth quarter", "2024-Q4")]
    assert found("Revenue rose in the first quarter.", "en") == [("first quarter", "2025-Q1")]
    assert found("Growth will slow in the fourth quarter.", "en") == [("fourth quarter", "2025-Q4")]
    assert found("third-quarter profit rose", "en") == [("third-quarter", "2024-Q3")]


def test_last_this_and_next_quarter_count_from_the_reference_day():
    assert found("Profit fell last quarter.", "en") == [("last quarter", "2025-Q1")]
    assert found("We expect growth this quarter.", "en") == [("this quarter", "2025-Q2")]
    assert found("De omzet daalde vorig kwartaal.", "nl") == [("vorig kwartaal", "2025-Q1")]


def test_a_half_without_its_year_is_no_date_unless_its_word_names_a_half_year():
    assert found("He scored twice in the first half.", "en") == []
    assert found("Hij scoorde in de eerste helft.", "nl") == []
    assert found("In de tweede jaarhelft daalde de omzet.", "nl") == [("tweede jaarhelft", "2024-H2")]


def test_a_quarter_is_a_three_month_event_at_month_precision():
    text = "Revenue rose 5% in the first quarter, the company said on Tuesday."
    (event,) = eventmap.parse_text(text, document_date=REF, lang="en")
    assert (event.date, event.date_end, event.date_precision) == ("2025-01-01", "2025-03-31", "month")


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "He died on Christmas Day 1914.", ("Christmas Day 1914", "1914-12-25")),
        ("en", "The rising began on Easter Monday 1916.", ("Easter Monday 1916", "1916-04-24")),
        ("en", "The shops closed at Christmas.", ("Christmas", "2024-12-25")),
        ("en", "Last Christmas the plant was closed.", ("Last Christmas", "2024-12-25")),
        ("nl", "Met Kerst gingen de winkels dicht.", ("Kerst", "2024-12-25")),
        ("nl", "Op Koningsdag werden twintig mensen aangehouden.", ("Koningsdag", "2025-04-26")),
        ("de", "An Weihnachten blieb es ruhig.", ("Weihnachten", "2024-12-25")),
        ("fr", "À Noël, les magasins étaient fermés.", ("Noël", "2024-12-25")),
        ("uk", "На Великдень обстріли тривали.", ("Великдень", "2025-04-20")),
        ("ru", "На Пасху обстрелы продолжались.", ("Пасху", "2025-04-20")),
    ],
)
def test_a_feast_day_is_its_day_in_the_nearest_year(lang, text, expected):
    assert found(text, lang) == [expected]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "They visited the Christmas market."),
        ("en", "He lives on Christmas Island."),
        ("en", "Christmas is a holiday."),
        ("fr", "Il a visité le marché de Noël."),
    ],
)
def test_a_feast_word_without_a_preposition_or_before_a_place_word_is_no_date(lang, text):
    assert found(text, lang) == []


def test_easter_follows_the_western_or_the_orthodox_reckoning_by_language():
    assert holiday_date(Holiday(easter=0), 2024) == date(2024, 3, 31)
    assert holiday_date(Holiday(easter=0, orthodox=True), 2024) == date(2024, 5, 5)
    assert holiday_date(Holiday(4, 27, if_sunday=-1), 2025) == date(2025, 4, 26)  # Koningsdag
    assert holiday_date(Holiday(4, 27, if_sunday=-1), 2024) == date(2024, 4, 27)


@pytest.mark.parametrize(
    ("lang", "text", "phrase"),
    [
        ("en", "The talks will resume in two weeks.", "in two weeks"),
        ("nl", "De besprekingen worden over twee weken hervat.", "over twee weken"),
        ("de", "Die Gespräche werden in zwei Wochen fortgesetzt.", "in zwei Wochen"),
        ("fr", "Les négociations reprendront dans deux semaines.", "dans deux semaines"),
        ("uk", "Переговори відновляться через два тижні.", "через два тижні"),
    ],
)
def test_in_two_weeks_is_the_week_two_weeks_after_the_reference_day(lang, text, phrase):
    assert found(text, lang) == [(phrase, "2025-W22")]


def test_in_a_span_of_time_is_a_duration_when_the_clause_does_not_speak_of_the_future():
    assert found("The company sold 1,000 cars in two weeks.", "en") == []


def test_a_feast_day_followed_by_its_date_leaves_the_day_to_the_date():
    assert found("On Easter Sunday, April 17, 1949, crews flew in.", "en") == [
        ("Sunday, April 17, 1949", "1949-04-17")
    ]


def test_n_months_ended_a_day_is_the_span_that_ends_with_it():
    assert found("Net income fell in the three months ended March 31, 2024.", "en") == [
        ("March 31, 2024", "2024-01-01/2024-03-31")
    ]
    assert found("Profit in the three months to December 31 rose.", "en") == [
        ("December 31", "2024-10-01/2024-12-31")
    ]
    text = "Net income fell in the three months ended March 31, 2024, the company said."
    (event,) = eventmap.parse_text(text, document_date="2024-04-23", lang="en")
    assert (event.date, event.date_end, event.date_precision) == ("2024-01-01", "2024-03-31", "month")


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("In January, the fires killed 31 people in Los Angeles County.", "en", "2025-01-01"),
        ("De brand verwoestte in januari tien huizen in Zwolle.", "nl", "2025-01-01"),
        ("The summit will take place in January.", "en", "2026-01-01"),
        ("De verkiezingen zijn in januari.", "nl", "2026-01-01"),
        # a future cue placed it ahead: the participle of a present passive does not move it back
        ("De verkiezingen worden in januari gehouden.", "nl", "2026-01-01"),
        ("De verkiezingen worden naar verwachting in januari gehouden.", "nl", "2026-01-01"),
    ],
)
def test_a_month_without_its_year_told_in_the_past_tense_is_not_in_the_future(text, lang, expected):
    (event,) = eventmap.parse_text(text, document_date="2025-11-06", lang=lang)
    assert event.date == expected


def test_a_past_tense_sentence_whose_yearless_dates_all_lie_after_the_report_moves_them_back():
    text = "The Eaton fire, which destroyed 9,000 structures in January, was contained on Jan. 31."
    (event,) = eventmap.parse_text(text, document_date="2026-11-12", lang="en")
    assert event.date == "2026-01-31"
    # a past-tense verb and a date before the report leave a later plan where it is
    text = "Lawmakers voted on Friday to dissolve parliament and hold an early election on 14 September."
    assert [e.date for e in eventmap.parse_text(text, document_date="2025-06-02", lang="en")][
        -1
    ] == "2025-09-14"


def test_a_dutch_plural_past_tense_makes_an_undated_sentence_an_event_of_the_story_s_day():
    text = (
        "De politie greep dinsdag in bij een demonstratie in Utrecht.\n\n"
        "Demonstranten gooiden stenen naar agenten. In 2019 blokkeerden boeren de A12."
    )
    events = eventmap.parse_text(text, document_date="2025-02-12", lang="nl")
    kinds = {e.text: (e.date, e.kind) for e in events}
    assert kinds["Demonstranten gooiden stenen naar agenten."] == ("2025-02-11", "occurrence")
    assert kinds["In 2019 blokkeerden boeren de A12."] == ("2019-01-01", "occurrence")


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("More than 100,000 people died in January and February 1942.", "en", ["1942-01", "1942-02"]),
        ("January, February and March 1942 were the worst.", "en", ["1942-01", "1942-02", "1942-03"]),
        ("In januari en februari 1942 stierven duizenden mensen.", "nl", ["1942-01", "1942-02"]),
        ("Fighting went on in January. February 1942 was calm.", "en", ["2025-01", "1942-02"]),
    ],
)
def test_a_month_before_more_months_that_end_with_a_year_takes_that_year(text, lang, expected):
    assert [value for _, value in found(text, lang)] == expected


def test_a_history_s_title_place_named_again_in_its_body_is_its_setting():
    text = (
        "Siege of Leningrad\n\n"
        "The siege of Leningrad was a blockade of the city by the Axis powers. "
        "On 8 September 1941 the Germans cut the last land connection to the city. "
        "The siege was lifted on 27 January 1944."
    )
    events = eventmap.parse_text(text, lang="en")
    assert [(e.date, e.places[0].name, e.place_source) for e in events] == [
        ("1941-09-08", "Saint Petersburg", "document"),
        ("1944-01-27", "Saint Petersburg", "document"),
    ]


@pytest.mark.parametrize(
    ("text", "lang", "year"),
    [
        (
            "It was the deadliest earthquake in Morocco since 1960, when a quake destroyed Agadir.",
            "en",
            "1960",
        ),
        ("Het was de zwaarste storm sinds 1953, toen de dijken in Zeeland doorbraken.", "nl", "1953"),
    ],
)
def test_a_since_date_followed_by_when_dates_the_event_it_tells(text, lang, year):
    (event,) = eventmap.parse_text(text, document_date="2025-09-10", lang=lang)
    assert (event.date, event.date_end) == (f"{year}-01-01", f"{year}-12-31")


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("Fighting continues near Sudzha in the Kursk region.", "en"),
        ("В Курской области продолжаются бои в районе Суджи.", "ru"),
        ("Бої тривають біля Покровська.", "uk"),
        ("Les combats se poursuivent près de Koursk.", "fr"),
    ],
)
def test_an_undated_sentence_on_ongoing_fighting_is_an_occurrence_of_the_report_s_day(sentence, lang):
    (event,) = eventmap.parse_text(sentence, document_date="2025-03-15", lang=lang)
    assert (event.kind, event.date) == ("occurrence", "2025-03-15")
