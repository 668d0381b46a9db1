"""Date gaps found on news in six languages, one general rule each (its words in the date
tables) with a case that must stay as it was: ISO week numbers, "напередодні"/"накануне" as
"the day before", "until Friday" in a clause told in the past, a date scheduled by a copula in
the present, a day of the month alone ending its sentence, and the reporting clause's day
(sentences written for these tests, MIT)."""

from __future__ import annotations

import pytest

import eventmap

REF = "2025-03-20"  # a Thursday


def values(text: str, lang: str, ref: str = REF) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in eventmap.find_dates(text, reference=ref, lang=lang)]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("In der KW 12 wurde die Brücke gesperrt.", "de", [("KW 12", "2025-W12")]),
        ("Die Brücke wird in KW 14 gesperrt.", "de", [("KW 14", "2025-W14")]),  # ahead: future
        ("In KW 52 war Ruhe.", "de", [("KW 52", "2024-W52")]),  # the nearest one, in the past
        ("In der 12. Kalenderwoche 2024 wurde gebaut.", "de", [("12. Kalenderwoche 2024", "2024-W12")]),
        ("Geliefert wird in KW 3/2026.", "de", [("KW 3/2026", "2026-W03")]),
        ("In week 12 werd de brug afgesloten.", "nl", [("week 12", "2025-W12")]),
        ("De brug gaat vanaf week 14 dicht.", "nl", [("week 14", "2025-W14")]),
    ],
)
def test_an_iso_week_number_is_that_week(text, lang, expected):
    assert values(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Die Anlage leistet 500 kW.", "de"),
        ("In week 12 van de zwangerschap ging het mis.", "nl"),  # a pregnancy's week
        ("Week 12 bracht veel regen.", "nl"),  # no preposition: a season's week as often as a date
        ("In de 53e minuut scoorde Ajax.", "nl"),
    ],
)
def test_a_week_word_with_a_number_is_not_always_a_week(text, lang):
    assert values(text, lang) == []


def test_a_german_ordinal_before_kalenderwoche_does_not_end_the_sentence():
    (event,) = eventmap.parse_text(
        "In der 12. Kalenderwoche wurde die Brücke gesperrt.", document_date=REF, lang="de"
    )
    assert (event.date, event.date_precision) == ("2025-03-17", "week")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("18 березня відбулася розмова. Напередодні російські війська обстріляли Харків.", "uk"),
        ("18 марта состоялся разговор. Накануне российские войска обстреляли Харьков.", "ru"),
        (
            "Le 18 mars, Poutine et Trump ont eu un entretien. La veille, les forces russes ont bombardé Kharkiv.",
            "fr",
        ),
        ("On March 18 Putin and Trump spoke. The day before, Russian forces shelled Kharkiv.", "en"),
    ],
)
def test_the_day_before_counts_back_from_the_last_dated_event(text, lang):
    call, shelling = eventmap.parse_text(text, document_date=REF, lang=lang)
    assert (call.date, shelling.date) == ("2025-03-18", "2025-03-17")


def test_the_eve_of_a_named_event_still_counts_from_that_event():
    text = (
        "18 березня відбулася розмова. 19 березня Росія атакувала Суми. "
        "Напередодні розмови російські війська обстріляли Харків."
    )
    call, strike, shelling = eventmap.parse_text(text, document_date=REF, lang="uk")
    assert (shelling.date, shelling.extra["anchored_to"]) == ("2025-03-17", call.id)  # the call's eve


def test_the_day_before_an_event_named_nowhere_is_no_day_before_the_last_one():
    text = "On March 18 Putin and Trump spoke. The day before the summit, Russian forces shelled Kharkiv."
    _, shelling = eventmap.parse_text(text, document_date=REF, lang="en")
    assert shelling.date != "2025-03-17"  # "summit" names no earlier event: no anchor to count from


@pytest.mark.parametrize(
    ("text", "lang", "past", "coming"),
    [
        ("Tot en met vrijdag was de weg afgesloten.", "nl", True, False),
        ("Tot en met vrijdag is de weg afgesloten.", "nl", False, True),
        ("The road was closed until Friday.", "en", True, False),
        ("The road is closed until Friday.", "en", False, True),
        ("Die Straße war bis Freitag gesperrt.", "de", True, False),
        ("Die Straße ist bis Freitag gesperrt.", "de", False, True),
        ("La route était fermée jusqu'à vendredi.", "fr", True, False),
        ("La route est fermée jusqu'à vendredi.", "fr", False, True),
        ("Дорога була закрита до п'ятниці.", "uk", True, False),
        ("Дорога была закрыта до пятницы.", "ru", True, False),
    ],
)
def test_until_a_weekday_follows_the_tense_of_its_clause(text, lang, past, coming):
    ((_, value),) = values(text, lang)
    assert value == ("2025-03-14" if past else "2025-03-21")


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The Met Office has issued a yellow warning for wind for Saturday.", "en", "2025-03-22"),
        ("Der Wetterdienst gab eine Unwetterwarnung für Samstag heraus.", "de", "2025-03-22"),
        ("Météo-France a émis une alerte orange pour samedi.", "fr", "2025-03-22"),
        ("He urged Tehran to return to talks planned for Saturday in Oman.", "en", "2025-03-22"),
        ("Встречу перенесли на субботу.", "ru", "2025-03-22"),
        ("Зустріч перенесли на суботу.", "uk", "2025-03-22"),
        # must stay: a clause told in the past keeps the last one
        ("The hearing was set for Friday but was postponed.", "en", "2025-03-14"),
    ],
)
def test_a_weekday_something_is_meant_for_is_the_coming_one(text, lang, expected):
    ((_, value),) = values(text, lang)
    assert value == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Rusland zegt in de nacht van zaterdag op zondag 88 drones te hebben neergeschoten.",
            "nl",
            "2025-03-15",
        ),
        ("Russia says Saturday it shot down 88 drones.", "en", "2025-03-15"),
        # must stay: another present verb schedules the day
        ("De raad stemt zaterdag over het plan.", "nl", "2025-03-22"),
    ],
)
def test_a_reporting_verb_in_the_present_does_not_make_its_day_the_coming_one(text, lang, expected):
    assert values(text, lang)[0][1].startswith(expected)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("De verkiezingen zijn op 12 december.", "nl", "2025-12-12"),
        ("The elections are on 12 December.", "en", "2025-12-12"),
        ("Die Wahl ist am 12. Dezember.", "de", "2025-12-12"),
        ("Les élections ont lieu le 12 décembre.", "fr", "2025-12-12"),
        # must stay: a perfect ("is ... gebeurd") and a past tense are the last one
        ("Het ongeluk is op 12 december gebeurd.", "nl", "2024-12-12"),
        ("The election was on 12 December.", "en", "2024-12-12"),
        ("De verkiezingen waren op 12 december.", "nl", "2024-12-12"),
    ],
)
def test_a_date_a_present_copula_schedules_is_the_coming_one(text, lang, expected):
    ((_, value),) = values(text, lang)
    assert value == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The vote took place on the 14th.", [("on the 14th", "2025-03-14")]),
        ("The vote took place on the 24th.", [("on the 24th", "2025-02-24")]),  # ahead, told in the past
        ("The vote is on the 24th.", [("on the 24th", "2025-03-24")]),  # scheduled: this month's
        ("The vote will take place on the 24th.", [("on the 24th", "2025-03-24")]),
        ("He lives on the 14th floor.", []),
    ],
)
def test_a_day_of_the_month_alone_is_in_the_news_month(text, expected):
    assert values(text, "en") == expected


REPORT_ONLY = {
    "en": "Russian forces captured the village, the ministry said on Wednesday.",
    "nl": "Russische troepen veroverden het dorp, meldde het ministerie woensdag.",
    "de": "Russische Truppen eroberten das Dorf, teilte das Ministerium am Mittwoch mit.",
    "fr": "Les forces russes ont pris le village, a déclaré mercredi le ministère.",
    "uk": "Російські війська захопили село, заявило в середу міністерство.",
    "ru": "Российские войска захватили село, заявило в среду министерство.",
}


@pytest.mark.parametrize("lang", sorted(REPORT_ONLY))
def test_the_report_s_day_dates_a_sentence_nothing_else_dates(lang):
    (event,) = eventmap.parse_text(REPORT_ONLY[lang], document_date=REF, lang=lang)
    assert event.date == "2025-03-19"  # Wednesday, the only day the sentence names


REPORT_AND_DAY = {
    "en": "Russian forces captured the village on Monday, the ministry said on Wednesday.",
    "nl": "Russische troepen veroverden maandag het dorp, meldde het ministerie woensdag.",
    "de": "Russische Truppen eroberten am Montag das Dorf, teilte das Ministerium am Mittwoch mit.",
    "fr": "Les forces russes ont pris le village lundi, a déclaré mercredi le ministère.",
    "uk": "Російські війська захопили село в понеділок, заявило в середу міністерство.",
    "ru": "Российские войска захватили село в понедельник, заявило в среду министерство.",
}


@pytest.mark.parametrize("lang", sorted(REPORT_AND_DAY))
def test_the_report_s_day_yields_to_the_event_s_own_day(lang):
    (event,) = eventmap.parse_text(REPORT_AND_DAY[lang], document_date=REF, lang=lang)
    assert event.date == "2025-03-17"  # Monday, not the report's Wednesday


SHORT_HISTORY = (
    "La bataille commence le 21 février 1916. En juin, les Allemands atteignent le fort de Vaux, "
    "qui capitule le 7 juin. La bataille s'achève le 19 décembre 1916."
)


def test_a_short_history_whose_dated_days_are_all_old_is_a_narrative():
    found = values(SHORT_HISTORY, "fr", "2019-09-01")
    assert ("juin", "1916-06") in found and ("le 7 juin", "1916-06-07") in found


def test_old_days_beside_a_day_counted_from_the_report_stay_news():
    text = "La bataille commence le 21 février 1916 et s'achève le 19 décembre 1916. Vendredi, des lycéens ont visité le fort le 7 juin."
    found = dict(values(text, "fr", "2019-09-01"))
    assert found["Vendredi"] == "2019-08-30" and found["le 7 juin"] == "2019-06-07"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Российские войска заняли село, сообщило в среду Минобороны.", "ru"),
        ("Російські війська зайняли село, повідомило в середу Міноборони.", "uk"),
    ],
)
def test_taking_a_village_is_an_occurrence_not_only_its_report(text, lang):
    (event,) = eventmap.parse_text(text, document_date=REF, lang=lang)
    assert (event.kind, event.date) == ("occurrence", "2025-03-19")


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Vor sechzehn Jahren wurde die Brücke gebaut.", "de", "2009"),
        ("Il y a dix-sept ans, le pont a été construit.", "fr", "2008"),
        ("Девятнадцать лет назад мост был построен.", "ru", "2006"),
        ("Шістнадцять років тому міст було збудовано.", "uk", "2009"),
        ("Vor drei Jahren wurde die Brücke gebaut.", "de", "2022"),  # must stay: dateparser's own words
    ],
)
def test_the_teens_and_tens_count_as_numbers_in_every_language(text, lang, expected):
    ((_, value),) = values(text, lang)
    assert value == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Die Wahl findet am 12. Dezember statt.", "de", "2025-12-12"),
        ("Die Wahl ist für den 12. Dezember angesetzt.", "de", "2025-12-12"),
        ("Вибори призначено на 12 грудня.", "uk", "2025-12-12"),
        ("Выборы назначены на 12 декабря.", "ru", "2025-12-12"),
        ("Die Wahl fand am 12. Dezember statt.", "de", "2024-12-12"),  # must stay: past tense
    ],
)
def test_a_scheduled_date_is_the_coming_one(text, lang, expected):
    ((_, value),) = values(text, lang)
    assert value == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Накануне вечером в Курске прогремели взрывы.", "ru", "2025-03-19"),
        ("Напередодні ввечері в Одесі пролунали вибухи.", "uk", "2025-03-19"),
        ("The day before, Russian forces shelled Kharkiv.", "en", "2025-03-19"),
        # the day before the report's own day
        ("Напередодні ввечері в Одесі пролунали вибухи, повідомив у середу голова ОВА.", "uk", "2025-03-18"),
    ],
)
def test_the_day_before_with_no_date_before_it_is_the_day_before_the_report(text, lang, expected):
    (event,) = eventmap.parse_text(text, document_date=REF, lang=lang)
    assert (event.date, event.date_source) == (expected, "relative")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Російські війська в понеділок захопили село, йдеться в повідомленні міністерства в середу.", "uk"),
        ("Российские войска в понедельник захватили село, говорится в сообщении министерства в среду.", "ru"),
    ],
)
def test_an_impersonal_report_dates_the_report_not_the_event(text, lang):
    (event,) = eventmap.parse_text(text, document_date=REF, lang=lang)
    assert event.date == "2025-03-17"  # Monday; "it is said in the ministry's statement on Wednesday"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Its soldiers escorted demonstrators to the May 13 Square in the capital.", "en"),
        ("A car exploded on 9 May Street.", "en"),
        ("Une manifestation a eu lieu rue du 4 Septembre.", "fr"),
        ("Взрыв произошёл на улице 8 Марта.", "ru"),
        ("Вибух стався на вулиці 8 Березня.", "uk"),
        ("Die Demonstration zog über die Straße des 17. Juni.", "de"),
    ],
)
def test_a_date_in_the_name_of_a_street_or_square_is_no_date(text, lang):
    assert values(text, lang) == []


def test_a_date_before_a_lowercase_noun_stays_a_date():
    assert values("The protest began on May 13 in the square.", "en") == [("May 13", "2025-05-13")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("De rechtszaak begint na de zomer.", "nl"),  # a future told in the present
        ("The trial will resume after the summer.", "en"),
        ("Der Prozess wird im Sommer fortgesetzt.", "de"),
        ("In de zomer werd het plan gepresenteerd.", "nl"),  # and the past
    ],
)
def test_a_season_named_while_it_lasts_is_the_current_one(text, lang):
    ((_, value),) = values(text, lang, ref="2025-07-16")
    assert value == "2025-SU"


@pytest.mark.parametrize(
    ("text", "lang", "saturday"),
    [
        ("Komend weekend opent het festival.", "nl", "2025-07-19"),
        ("The coming weekend will be hot.", "en", "2025-07-19"),
        ("Am kommenden Wochenende wird es heiß.", "de", "2025-07-19"),
        ("Volgend weekend opent het festival.", "nl", "2025-07-26"),  # must stay: the one after it
    ],
)
def test_the_coming_weekend_is_the_first_one_ahead(text, lang, saturday):
    ((_, value),) = values(text, lang, ref="2025-07-16")  # a Wednesday
    assert value.startswith(saturday)
