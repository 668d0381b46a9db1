"""German, French, Ukrainian and Russian dates: one test per rule, on sentences written for
these tests (MIT) in the style of each language's news and encyclopedia prose."""

from __future__ import annotations

import pytest

from eventmap.text.dates import find_dates
from eventmap.text.language import detect_language, supported_languages

REF = "2025-03-20"  # a Thursday


def values(text: str, lang: str, ref: str | None = REF, mode: str = "auto") -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in find_dates(text, ref, lang=lang, mode=mode)]


def test_six_languages_are_supported():
    assert set(supported_languages()) == {"nl", "en", "de", "fr", "uk", "ru"}


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("Am 7. Juli 1937 begann der Krieg.", "de", [("7. Juli 1937", "1937-07-07")]),
        (
            "La manifestation du 1er mai 2024 a réuni 5000 personnes.",
            "fr",
            [("du 1er mai 2024", "2024-05-01")],
        ),
        ("Це сталося 7 липня 1937 року.", "uk", [("7 липня 1937 року", "1937-07-07")]),
        ("Это произошло 7 июля 1937 года.", "ru", [("7 июля 1937 года", "1937-07-07")]),
        (
            "Am Dienstag, dem 18. März 2025, telefonierten sie.",
            "de",
            [("Dienstag, dem 18. März 2025", "2025-03-18")],
        ),
        ("Ils se sont parlé le mardi 18 mars.", "fr", [("mardi 18 mars", "2025-03-18")]),
        ("Вони говорили у вівторок, 18 березня.", "uk", [("вівторок, 18 березня", "2025-03-18")]),
        ("Они говорили во вторник, 18 марта.", "ru", [("вторник, 18 марта", "2025-03-18")]),
    ],
)
def test_named_days_and_months_with_ordinals_and_genitives(text, lang, want):
    assert values(text, lang) == want


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("Im März wurde verhandelt.", "de", "2025-03"),
        ("En mars, les négociations ont échoué.", "fr", "2025-03"),
        ("У березні переговори провалилися.", "uk", "2025-03"),  # locative month
        ("В марте переговоры провалились.", "ru", "2025-03"),  # prepositional month
    ],
)
def test_a_month_in_the_case_of_in_march(text, lang, value):
    assert [v for _, v in values(text, lang)] == [value]


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        (
            "Gestern griff Russland an, vorige Woche war es ruhig, letzten Monat nicht.",
            "de",
            ["2025-03-19", "2025-W11", "2025-02"],
        ),
        (
            "Hier, la Russie a attaqué ; la semaine dernière, c'était calme, le mois dernier aussi.",
            "fr",
            ["2025-03-19", "2025-W11", "2025-02"],
        ),
        (
            "Вчора Росія атакувала, минулого тижня було спокійно, минулого місяця теж.",
            "uk",
            ["2025-03-19", "2025-W11", "2025-02"],
        ),
        (
            "Вчера Россия атаковала, на прошлой неделе было спокойно, в прошлом месяце тоже.",
            "ru",
            ["2025-03-19", "2025-W11", "2025-02"],
        ),
        ("L'an dernier et l'année prochaine.", "fr", ["2024", "2026"]),
        ("Торік і цього року.", "uk", ["2024", "2025"]),
    ],
)
def test_relative_words(text, lang, want):
    assert [v for _, v in values(text, lang)] == want


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("Am Freitag traf eine Drohne die Raffinerie.", "de", "2025-03-14"),
        ("Vendredi dernier, un drone a frappé la raffinerie.", "fr", "2025-03-14"),
        ("Минулої п'ятниці дрон уразив НПЗ.", "uk", "2025-03-14"),
        ("Минулої п’ятниці дрон уразив НПЗ.", "uk", "2025-03-14"),  # typographic apostrophe
        ("В прошлую пятницу дрон поразил НПЗ.", "ru", "2025-03-14"),
        ("Am kommenden Sonntag beginnen die Gespräche.", "de", "2025-03-23"),
        ("Les négociations débuteront dimanche prochain.", "fr", "2025-03-23"),
    ],
)
def test_weekdays_with_their_relative_words(text, lang, value):
    assert [v for _, v in values(text, lang)] == [value]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Vom 10. bis 12. März wurde verhandelt.", "de"),
        ("Du 10 au 12 mars, les négociations ont continué.", "fr"),
        ("З 10 по 12 березня тривали переговори.", "uk"),
        ("С 10 по 12 марта шли переговоры.", "ru"),
    ],
)
def test_day_ranges(text, lang):
    assert [v for _, v in values(text, lang)] == ["2025-03-10/2025-03-12"]


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("In der Nacht zum Sonntag gab es Explosionen.", "de", "2025-03-15/2025-03-16"),
        ("Dans la nuit de samedi à dimanche, des explosions.", "fr", "2025-03-15/2025-03-16"),
        ("В ніч на неділю пролунали вибухи.", "uk", "2025-03-15/2025-03-16"),
        ("В ночь с субботы на воскресенье прогремели взрывы.", "ru", "2025-03-15/2025-03-16"),
    ],
)
def test_the_night_into_a_weekday(text, lang, value):
    assert [v for _, v in values(text, lang)] == [value]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Die Anlage liegt 1000 Kilometer entfernt; 2000 Soldaten; die 74-jährige Frau starb um 14 Uhr.",
            "de",
        ),
        ("La raffinerie est à 1000 kilomètres ; 2000 soldats ; une femme de 74 ans est morte à 14h30.", "fr"),
        ("Завод за 1000 кілометрів; 2000 військових; 74-річна жінка померла о 14:00.", "uk"),
        ("Завод в 1000 километрах; 2000 военных; 74-летняя женщина умерла в 14:00.", "ru"),
    ],
)
def test_numbers_with_units_ages_and_clock_times_are_not_dates(text, lang):
    assert values(text, lang) == []


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("Das geschah vor drei Tagen.", "de", "2025-03-17"),
        ("C'est arrivé il y a trois jours.", "fr", "2025-03-17"),
        ("Це сталося три дні тому.", "uk", "2025-03-17"),
        ("Это случилось три дня назад.", "ru", "2025-03-17"),
        ("Це сталося тиждень тому.", "uk", "2025-W11"),  # one unit without a number
        ("Это случилось неделю назад.", "ru", "2025-W11"),
    ],
)
def test_counted_back_from_the_document_day(text, lang, value):
    assert [v for _, v in values(text, lang)] == [value]


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("Im 19. Jahrhundert und in den 1990er Jahren.", "de", ["18", "199"]),
        ("Au XIXe siècle et dans les années 1990.", "fr", ["18", "199"]),
        ("У XIX столітті та в 1990-х роках.", "uk", ["18", "199"]),
        ("В XIX веке и в 90-х годах.", "ru", ["18", "199"]),
    ],
)
def test_centuries_with_roman_numerals_and_decades(text, lang, want):
    assert [v for _, v in values(text, lang, ref=None)] == want


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("Це сталося у 2022-му році.", "uk", "2022"),
        ("Это произошло в 2022-м году.", "ru", "2022"),
    ],
)
def test_a_year_with_an_ordinal_ending_is_a_year(text, lang, value):
    assert [v for _, v in values(text, lang)] == [value]


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("Влітку 1941 року і восени.", "uk", ["1941-SU", "1941-FA"]),
        ("Летом 1941 года и осенью.", "ru", ["1941-SU", "1941-FA"]),
    ],
)
def test_a_season_adverb_needs_no_preposition(text, lang, value):
    assert [v for _, v in values(text, lang, ref="1941-12-31", mode="narrative")] == value


NARRATIVES = {
    "de": (
        "Am 1. September 1870 wurde die Armee bei Sedan geschlagen. Am folgenden Tag geriet der "
        "Kaiser in Gefangenschaft. Im November kapitulierte Metz.",
        ["1870-09-01", "1870-09-02", "1870-11"],
    ),
    "fr": (
        "Le 1er septembre 1870, l'armée est battue à Sedan. L'empereur est fait prisonnier le "
        "lendemain. En novembre, Metz capitule.",
        ["1870-09-01", "1870-09-02", "1870-11"],
    ),
    "uk": (
        "19 вересня 1941 року радянські війська залишили Київ. Наступного дня загинув командувач "
        "фронту. У листопаді бої тривали під Москвою.",
        ["1941-09-19", "1941-09-20", "1941-11"],
    ),
    "ru": (
        "7 сентября 1812 года произошло Бородинское сражение. На следующий день армия отошла к "
        "Москве. В октябре французы покинули город.",
        ["1812-09-07", "1812-09-08", "1812-10"],
    ),
}


@pytest.mark.parametrize("lang", sorted(NARRATIVES))
def test_narrative_mode_places_days_in_the_story_s_year_and_counts_the_next_day(lang):
    text, want = NARRATIVES[lang]
    assert [v for _, v in values(text, lang, ref="2011-04-01", mode="narrative")] == want


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Der Bundestag stimmte am Dienstag für die Reform, sagte ein Sprecher.", "de"),
        ("Le président a déclaré samedi que la trêve tiendrait.", "fr"),
        ("Президент заявив у суботу, що перемир'я триматиметься.", "uk"),
        ("Президент заявил в субботу, что перемирие сохранится.", "ru"),
        ("Die Sirenen heulten in Kiew, als die Drohnen kamen.", "de"),
        ("Les sirènes ont retenti à Kiev pendant la nuit.", "fr"),
        ("Сирени лунали в Києві всю ніч, повідомили Повітряні сили.", "uk"),
        ("Сирены звучали в Киеве всю ночь, сообщили Воздушные силы.", "ru"),
        ("Der Krieg dauerte von 1939 bis 1945 und kostete Millionen Menschen das Leben.", "de"),
        ("La guerre a duré de 1939 à 1945 et a coûté la vie à des millions de personnes.", "fr"),
    ],
)
def test_the_detector_names_the_language(text, lang):
    assert detect_language(text) == lang


def test_cyrillic_text_without_ukrainian_letters_is_russian():
    assert detect_language("Они говорили по телефону два часа.") == "ru"
    assert detect_language("Вони говорили телефоном дві години.") == "uk"


def test_a_bare_year_of_the_story_s_century_is_a_year_in_a_narrative():
    text = (
        "Der Krieg begann am 23. Mai 1618 in Prag. Am 6. Juli 1630 landete Gustav Adolf auf Usedom. "
        "Er fiel am 16. November 1632. Die Verhandlungen begannen 1643 in Münster; 1200 Dörfer waren zerstört."
    )
    assert [v for _, v in values(text, "de", ref="2011-04-01")] == [
        "1618-05-23",
        "1630-07-06",
        "1632-11-16",
        "1643",
    ]


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        (
            "The war began on 1 September 1939. In the autumn of that year, Poland fell. "
            "In the summer of the following year, France fell.",
            "en",
            ["1939-09-01", "1939-FA", "1940-SU"],
        ),
        (
            "De oorlog begon op 1 september 1939. In de herfst van dat jaar viel Polen. "
            "In de zomer van het volgende jaar viel Frankrijk.",
            "nl",
            ["1939-09-01", "1939-FA", "1940-SU"],
        ),
        (
            "Am 1. September 1939 begann der Krieg. Im Herbst desselben Jahres fiel Polen. "
            "Im Sommer des folgenden Jahres fiel Frankreich.",
            "de",
            ["1939-09-01", "1939-FA", "1940-SU"],
        ),
        (
            "La guerre commence le 1er septembre 1939. À l'automne de la même année, la Pologne tombe.",
            "fr",
            ["1939-09-01", "1939-FA"],
        ),
        (
            "Війна почалася 1 вересня 1939 року. Восени того ж року впала Польща. "
            "Влітку наступного року впала Франція.",
            "uk",
            ["1939-09-01", "1939-FA", "1940-SU"],
        ),
        (
            "Война началась 1 сентября 1939 года. Осенью того же года пала Польша. "
            "Летом следующего года пала Франция.",
            "ru",
            ["1939-09-01", "1939-FA", "1940-SU"],
        ),
    ],
)
def test_the_season_of_that_year_is_one_expression_in_the_story_s_year(text, lang, want):
    assert [v for _, v in values(text, lang, ref="2011-04-01")] == want


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("This summer the beach will open; this winter was cold.", "en", ["2025-SU", "2024-WI"]),
        ("Cet été, la plage ouvrira ; cet hiver a été froid.", "fr", ["2025-SU", "2024-WI"]),
        (
            "Im Sommer dieses Jahres wird gewählt, im Winter letzten Jahres fror es.",
            "de",
            ["2025-SU", "2024-WI"],
        ),
    ],
)
def test_this_summer_said_in_march_is_the_coming_one(text, lang, want):
    assert [v for _, v in values(text, lang)] == want


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("Im Frühjahr 1942 und im Frühling 1943.", "de", ["1942-SP", "1943-SP"]),
        ("Im Verlauf des Jahres 1943 verlor die Armee die Initiative.", "de", ["1943"]),
        ("Le festival se tiendra du 22 au 27 juillet.", "fr", ["2025-07-22/2025-07-27"]),
        ("Le préfet a présenté le bilan de l'année écoulée.", "fr", ["2024"]),
        ("Depuis le début du mois, les contrôles se multiplient.", "fr", ["2025-03"]),
        ("На початку року ціни зросли, а до кінця місяця буде рішення.", "uk", ["2025", "2025-03"]),
        ("В начале года цены выросли, а до конца месяца будет решение.", "ru", ["2025", "2025-03"]),
    ],
)
def test_seasons_future_tenses_past_years_and_parts_of_this_year(text, lang, want):
    assert [v for _, v in values(text, lang)] == want


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("On 24 August 1991 the parliament voted. On 1 December of that year a referendum was held.", "en"),
        (
            "Am 24. August 1991 stimmte das Parlament. Am 1. Dezember desselben Jahres folgte das Referendum.",
            "de",
        ),
        ("Le 24 août 1991, le Parlement vote. Le 1er décembre de la même année, un référendum a lieu.", "fr"),
        ("24 серпня 1991 року Рада ухвалила Акт. 1 грудня того ж року відбувся референдум.", "uk"),
        ("24 августа 1991 года парламент проголосовал. 1 декабря того же года прошел референдум.", "ru"),
    ],
)
def test_a_day_of_that_year_is_one_expression(text, lang):
    found = values(text, lang, ref=None)
    assert [v for _, v in found] == ["1991-08-24", "1991-12-01"]
    assert len(found[1][0].split()) >= 4  # the anaphoric year is part of the expression


def test_a_day_of_the_following_year_is_a_year_later():
    text = "24 серпня 1991 року Рада ухвалила Акт. 1 березня наступного року відбулися вибори."
    assert [v for _, v in values(text, "uk", ref=None)] == ["1991-08-24", "1992-03-01"]


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("Ce samedi 22 mars, les portes ouvertes du lycée.", "fr", ("samedi 22 mars", "2025-03-22")),
        ("This Saturday, March 22, the school opens its doors.", "en", ("Saturday, March 22", "2025-03-22")),
        (
            "Diesen Samstag, den 22. März, ist Tag der offenen Tür.",
            "de",
            ("Samstag, den 22. März", "2025-03-22"),
        ),
        ("Deze zaterdag 22 maart is de open dag.", "nl", ("zaterdag 22 maart", "2025-03-22")),
        ("Цієї суботи, 22 березня, день відкритих дверей.", "uk", ("суботи, 22 березня", "2025-03-22")),
        ("В эту субботу, 22 марта, день открытых дверей.", "ru", ("субботу, 22 марта", "2025-03-22")),
    ],
)
def test_this_weekday_with_its_date_is_that_date(text, lang, want):
    assert values(text, lang) == [want]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Наступний раунд заплановано на кінець місяця.", "uk"),
        ("Следующий раунд запланирован на конец месяца.", "ru"),
    ],
)
def test_the_end_of_the_month_is_this_month(text, lang):
    assert [v for _, v in values(text, lang)] == ["2025-03"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "On 5 December 1941 the counter-offensive began. In December of that year the US entered the war.",
            "en",
        ),
        (
            "Am 5. Dezember 1941 begann die Gegenoffensive. Im Dezember desselben Jahres trat die USA in den Krieg ein.",
            "de",
        ),
        (
            "Le 5 décembre 1941, la contre-offensive commence. En décembre de la même année, les États-Unis entrent en guerre.",
            "fr",
        ),
        ("5 грудня 1941 року почався контрнаступ. У грудні того ж року США вступили у війну.", "uk"),
        ("5 декабря 1941 года началось контрнаступление. В декабре того же года США вступили в войну.", "ru"),
    ],
)
def test_a_month_of_that_year_is_one_expression(text, lang):
    found = values(text, lang, ref=None)
    assert [v for _, v in found] == ["1941-12-05", "1941-12"]
    assert len(found[1][0].split()) >= 3  # the anaphoric year is part of the expression


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("Fin de l'année dernière, un incendie a détruit l'usine.", "fr", [("année dernière", "2024")]),
        ("Fin de l'année prochaine, l'usine rouvrira.", "fr", [("année prochaine", "2026")]),
        ("D'ici la fin de l'année, l'usine rouvrira.", "fr", [("D'ici la fin de l'année", "2025")]),
    ],
)
def test_the_end_of_another_year_is_that_year(text, lang, want):
    assert values(text, lang) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Die Zahl stieg im Vorjahr um fünf Prozent.", [("im Vorjahr", "2024")]),
        ("Heuer kamen weniger Touristen nach Bozen.", [("Heuer", "2025")]),
        ("Seit Jahresbeginn gab es 20 Unfälle.", [("Seit Jahresbeginn", "2025")]),
        ("Am Jahresende 2009 war alles fertig.", [("2009", "2009")]),
    ],
)
def test_german_words_for_this_and_last_year(text, want):
    assert values(text, "de") == want


def test_since_the_start_of_the_year_is_this_year():
    assert values("Depuis le début de l'année, 20 accidents ont eu lieu.", "fr") == [
        ("Depuis le début de l'année", "2025")
    ]
    assert [(m.text, m.value) for m in find_dates("Year to date, sales rose 5%.", REF, lang="en")] == [
        ("Year to date", "2025")
    ]


def test_one_word_for_this_year_and_last_year_in_ukrainian_and_dutch():
    assert values("Цьогоріч сталося 20 аварій.", "uk") == [("Цьогоріч", "2025")]
    assert values("Verleden jaar was het anders.", "nl") == [("Verleden jaar", "2024")]
    assert values("Het verleden leert ons veel.", "nl") == []


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        # German news announces in the present: the coming day, a subject pronoun between
        ("Dort trifft er am Samstag US-Präsident Donald Trump.", "de", "2025-03-22"),
        ("Am Montag tagt der Landtag.", "de", "2025-03-24"),
        ("Der Landtag stimmt am Freitag über das Gesetz ab.", "de", "2025-03-21"),
        # the perfect and the past stay in the past
        ("Merz ist am Mittwoch nach Washington gereist.", "de", "2025-03-19"),
        ("Die Polizei hat am Montag zwei Männer festgenommen.", "de", "2025-03-17"),
        ("Daar ontmoet hij vrijdag premier Schoof.", "nl", "2025-03-21"),
        ("Macron rencontre Scholz lundi à Berlin.", "fr", "2025-03-24"),
        ("Les députés ont voté mardi la loi.", "fr", "2025-03-18"),
        ("Un vote mardi a surpris les députés.", "fr", "2025-03-18"),
    ],
)
def test_a_weekday_by_a_present_tense_verb_is_the_coming_one_in_german_dutch_and_french(text, lang, value):
    assert [v for _, v in values(text, lang)] == [value]


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("Het is de derde aanval op de raffinaderij sinds januari.", "nl", "2025-01"),
        ("Seit Januar gab es drei Angriffe.", "de", "2025-01"),
        ("It is the third attack since March 3.", "en", "2025-03-03"),
    ],
)
def test_a_day_or_month_after_since_has_begun_by_the_day_of_writing(text, lang, value):
    assert [v for _, v in find_dates_values(text, lang, "2025-11-16")] == [value]


def find_dates_values(text: str, lang: str, ref: str) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in find_dates(text, ref, lang=lang)]
