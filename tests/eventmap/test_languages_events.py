"""Events in German, French, Ukrainian and Russian: the event-ness lexicons (occurrence,
statement, context), the category lexicons, anchoring phrases and the reporting-clause rule,
one test per rule and language, on sentences written for these tests (MIT)."""

from __future__ import annotations

import pytest

import eventmap
from eventmap.text.categories import categorize, classify
from eventmap.text.eventness import judge

CATEGORIES = {
    "de": {
        "attack": "Russische Raketen trafen ein Wohnhaus in Odessa.",
        "fighting": "Die Kämpfe um Pokrowsk gingen weiter.",
        "disaster": "Ein Erdbeben erschütterte die Region.",
        "protest": "Tausende demonstrierten in Berlin gegen die Reform.",
        "diplomacy": "Die Außenminister trafen sich zu Gesprächen in Genf.",
        "policy": "Der Bundestag beschloss ein neues Gesetz.",
    },
    "fr": {
        "attack": "Des missiles russes ont frappé un immeuble à Odessa.",
        "fighting": "Les combats autour de Pokrovsk se poursuivent.",
        "disaster": "Un séisme a secoué la région.",
        "protest": "Des milliers de personnes ont manifesté à Paris contre la réforme.",
        "diplomacy": "Les ministres des Affaires étrangères se sont réunis à Genève pour des négociations.",
        "policy": "L'Assemblée nationale a adopté une nouvelle loi.",
    },
    "uk": {
        "attack": "Російські ракети влучили в житловий будинок в Одесі.",
        "fighting": "Бої за Покровськ тривали.",
        "disaster": "Землетрус сколихнув регіон.",
        "protest": "Тисячі людей протестували в Києві проти реформи.",
        "diplomacy": "Міністри закордонних справ провели переговори в Женеві.",
        "policy": "Верховна Рада ухвалила новий закон.",
    },
    "ru": {
        "attack": "Российские ракеты попали в жилой дом в Одессе.",
        "fighting": "Бои за Покровск продолжались.",
        "disaster": "Землетрясение потрясло регион.",
        "protest": "Тысячи людей протестовали в Москве против реформы.",
        "diplomacy": "Министры иностранных дел провели переговоры в Женеве.",
        "policy": "Госдума приняла новый закон.",
    },
}


@pytest.mark.parametrize(
    ("lang", "category", "sentence"),
    [(lang, cat, s) for lang, table in CATEGORIES.items() for cat, s in table.items()],
)
def test_each_category_has_its_words_in_each_language(lang, category, sentence):
    assert categorize(sentence, lang) == category


@pytest.mark.parametrize(
    "sentence",
    ["Наступний раунд переговорів має розпочатися в неділю.", "Наступного тижня почнуться переговори."],
)
def test_ukrainian_next_is_not_an_offensive(sentence):
    assert categorize(sentence, "uk") == "diplomacy"  # "наступний" (next) is no "наступ" (offensive)


def test_ukrainian_offensive_in_its_case_forms_is_fighting():
    for sentence in ("Російський наступ на Покровськ триває.", "ЗСУ зупинили наступ.", "Війська наступали."):
        assert categorize(sentence, "uk") == "fighting"


KINDS = [
    ("Russische Drohnen griffen am Freitag Sumy an.", "de", "occurrence"),  # separable verb
    ("Bei dem Angriff wurden drei Menschen getötet.", "de", "occurrence"),  # auxiliary + participle
    ("Der Kanzler sagte, die Hilfe werde fortgesetzt.", "de", "statement"),
    ("Möglicherweise will Russland Zeit gewinnen.", "de", "context"),
    ("Keine Opfer wurden gemeldet.", "de", "context"),
    ("Des drones russes ont frappé Soumy vendredi.", "fr", "occurrence"),
    ("Trois personnes ont été tuées dans l'attaque.", "fr", "occurrence"),
    ("Le chancelier a déclaré que l'aide continuerait.", "fr", "statement"),
    ("La Russie pourrait chercher à gagner du temps.", "fr", "context"),
    ("Aucune victime n'a été signalée.", "fr", "context"),
    ("Російські дрони атакували Суми в п'ятницю.", "uk", "occurrence"),
    ("Внаслідок удару загинули троє людей.", "uk", "occurrence"),
    ("Канцлер заявив, що допомога триватиме.", "uk", "statement"),
    ("Можливо, Росія намагається виграти час.", "uk", "context"),
    ("Жодних жертв не повідомляється.", "uk", "context"),
    ("Российские дроны атаковали Сумы в пятницу.", "ru", "occurrence"),
    ("В результате удара погибли три человека.", "ru", "occurrence"),
    ("Канцлер заявил, что помощь продолжится.", "ru", "statement"),
    ("Возможно, Россия пытается выиграть время.", "ru", "context"),
    ("Никаких жертв не сообщается.", "ru", "context"),
]


@pytest.mark.parametrize(("sentence", "lang", "kind"), KINDS)
def test_occurrences_statements_and_context_in_each_language(sentence, lang, kind):
    assert judge(sentence, lang, dated=False).kind == kind


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("In der Nacht griffen Drohnen Sumy an, wie die Luftwaffe mitteilte.", "de"),
        ("Des drones ont frappé Soumy, selon l'armée de l'air.", "fr"),
        ("Дрони атакували Суми, за даними Повітряних сил.", "uk"),
        ("Дроны атаковали Сумы, по данным Воздушных сил.", "ru"),
        ("Вскоре после разговора в Киеве объявили воздушную тревогу.", "ru"),
    ],
)
def test_an_attribution_does_not_make_an_occurrence_a_statement(sentence, lang):
    assert judge(sentence, lang, dated=True).kind == "occurrence"


ANCHORED = {
    "de": "Am Dienstag, dem 18. März, führten Trump und Putin ein Telefonat. Am Mittwoch griff Russland "
    "Sumy an. Kurz nach dem Telefonat hatten in Kiew die Sirenen geheult.",
    "fr": "Le mardi 18 mars, Trump et Poutine ont eu un appel. Mercredi, la Russie a attaqué Soumy. "
    "Peu après l'appel, les sirènes avaient retenti à Kiev.",
    "uk": "У вівторок, 18 березня, Трамп і Путін провели розмову. У середу Росія атакувала Суми. "
    "Незабаром після розмови в Києві пролунала тривога.",
    "ru": "Во вторник, 18 марта, Трамп и Путин провели разговор. В среду Россия атаковала Сумы. "
    "Вскоре после разговора в Киеве прозвучала тревога.",
}


@pytest.mark.parametrize("lang", sorted(ANCHORED))
def test_an_anchoring_phrase_takes_the_day_of_the_event_it_names(lang):
    call, strike, sirens = eventmap.parse_text(ANCHORED[lang], document_date="2025-03-20", lang=lang)
    assert (call.date, strike.date) == ("2025-03-18", "2025-03-19")
    # the call's day, not the story's last day (Wednesday)
    assert (sirens.date, sirens.date_source, sirens.extra.get("anchored_to")) == (
        "2025-03-18",
        "anchored",
        call.id,
    )


REPORTED = {
    "de": "Russische Drohnen griffen am Freitag Sumy an, sagte der Gouverneur am Samstag.",
    "fr": "Des drones russes ont frappé Soumy vendredi, a déclaré samedi le gouverneur.",
    "uk": "Російські дрони атакували Суми в п'ятницю, заявив у суботу губернатор.",
    "ru": "Российские дроны атаковали Сумы в пятницу, заявил в субботу губернатор.",
}


@pytest.mark.parametrize("lang", sorted(REPORTED))
def test_the_day_of_a_reporting_clause_dates_the_report_not_the_event(lang):
    (event,) = eventmap.parse_text(REPORTED[lang], document_date="2025-03-20", lang=lang)
    assert (event.date, event.kind) == ("2025-03-14", "occurrence")  # Friday, not Saturday


STATED = {
    "de": "Am 18. März stimmte der Bundestag ab. Selenskyj sagte am Mittwoch, er warte auf Einzelheiten.",
    "fr": "Le 18 mars, le Parlement a voté. Zelensky a déclaré mercredi qu'il attendait des détails.",
    "uk": "18 березня парламент проголосував. Зеленський заявив у середу, що чекає на подробиці.",
    "ru": "18 марта парламент проголосовал. Зеленский заявил в среду, что ждет подробностей.",
    "en": "On March 18 parliament voted. Zelensky said on Wednesday that he was waiting for details.",
}


@pytest.mark.parametrize("lang", sorted(STATED))
def test_a_statement_is_dated_by_its_own_reporting_clause(lang):
    vote, statement = eventmap.parse_text(STATED[lang], document_date="2025-03-20", lang=lang)
    assert vote.date == "2025-03-18"
    assert (statement.kind, statement.date) == ("statement", "2025-03-19")  # not the story's day


@pytest.mark.parametrize(
    ("sentence", "lang", "category"),
    [
        ("Un violent incendie s'est déclaré dans un immeuble.", "fr", "disaster"),
        ("Une frappe de drone a provoqué un incendie.", "fr", "attack"),
        ("У Києві сталася пожежа на складі.", "uk", "disaster"),
        ("Внаслідок атаки дронів спалахнула пожежа.", "uk", "attack"),
        ("В Москве произошел пожар на складе.", "ru", "disaster"),
    ],
)
def test_a_fire_is_a_disaster_unless_an_attack_word_is_there(sentence, lang, category):
    assert classify(sentence, lang)[0] == category
