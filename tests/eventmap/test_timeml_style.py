"""Dates in the style of the German, French and Ukrainian TimeML corpora: news with a document
day and encyclopedia histories of wars. One test per rule, on short texts written for these
tests (MIT); the values are TimeML's (2013-03-22, 2013-W12, 2013-03, 2013, 199)."""

from __future__ import annotations

from eventmap.text.dates import find_dates

REF = "2013-03-20"  # a Wednesday


def values(text: str, lang: str, ref: str | None = REF, mode: str = "auto") -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in find_dates(text, ref, lang=lang, mode=mode)]


def test_a_span_of_years_in_brackets_after_a_name_is_a_period_in_any_century():
    text = "Der Siebenjährige Krieg (1756–1763) war ein Konflikt der Großmächte."
    assert values(text, "de", None) == [("1756–1763", "1756/1763")]
    assert values("The Thirty Years' War (1618-48) ravaged Europe.", "en", None) == [("1618-48", "1618/1648")]


def test_a_bare_year_near_the_span_a_history_opened_with_is_a_year():
    text = "Der Siebenjährige Krieg (1756–1763) begann spät. Nach dem Frieden von Aachen 1748 blieb die Lage gespannt."
    assert ("1748", "1748") in values(text, "de", None)


def test_a_year_followed_by_the_word_for_year_is_a_year_in_any_century():
    assert values("Хотинська війна 1621 року — конфлікт двох держав.", "uk", None) == [("1621", "1621")]
    assert values("Хотинская война 1621 года — конфликт двух держав.", "ru", None) == [("1621", "1621")]
    assert values("Він заплатив 1621 гривню.", "uk", None) == []


def test_a_season_with_its_year_sets_the_story_year_even_when_winter_runs_into_the_next():
    text = (
        "Le roi meurt le 16 novembre 1632 à Lützen. Au cours de l'hiver 1634, Wallenstein est "
        "assassiné à Eger, le 25 février."
    )
    assert values(text, "fr", None)[-1] == ("le 25 février", "1634-02-25")


def test_a_weekday_opening_its_sentence_with_a_comma_takes_the_tense_after_the_comma():
    assert values("Samedi, une marche aura lieu devant la mairie.", "fr") == [("Samedi", "2013-03-23")]
    assert values("Samedi, la police a arrêté deux hommes.", "fr") == [("Samedi", "2013-03-16")]


def test_a_future_ending_makes_a_weekday_the_coming_one():
    assert values("Les clubs manifesteront samedi devant la mairie.", "fr") == [("samedi", "2013-03-23")]
    assert values("У неділю театр працюватиме до 22:00.", "uk") == [("неділю", "2013-03-24")]
    assert values("В неділю біля театру пройде концерт.", "uk") == [("неділю", "2013-03-24")]
    assert values("В воскресенье у театра пройдет концерт.", "ru") == [("воскресенье", "2013-03-24")]
    assert values("У неділю біля театру пройшов концерт.", "uk") == [("неділю", "2013-03-17")]


def test_next_month_in_ukrainian_news_counts_from_the_writers_day_unless_the_story_is_earlier():
    text = "Перша вистава відбудеться 1 травня. Наступного місяця театр планує гастролі."
    assert values(text, "uk")[-1] == ("Наступного місяця", "2013-04")
    text = "3 березня театр закрили. Наступного тижня почалися роботи."
    assert values(text, "uk")[-1] == ("Наступного тижня", "2013-W10")
    assert values("Наступного року театр відзначить ювілей.", "uk") == [("Наступного року", "2014")]


def test_from_a_day_without_its_year_may_lie_ahead_but_since_a_day_lies_behind():
    assert values("Das Gesetz gilt ab 1. April.", "de") == [("1. April", "2013-04-01")]
    assert values("Seit 1. April gilt das Gesetz.", "de") == [("1. April", "2012-04-01")]
    assert values("Програма набуде чинності з 1 квітня.", "uk") == [("1 квітня", "2013-04-01")]


def test_the_weekend_of_a_future_clause_is_the_coming_one():
    assert values("Am Wochenende wird mit sinkenden Pegeln gerechnet.", "de") == [
        ("Am Wochenende", "2013-03-23/2013-03-24")
    ]
    assert values("Am Wochenende stieg der Pegel.", "de") == [("Am Wochenende", "2013-03-16/2013-03-17")]


def test_the_week_or_year_before_last():
    assert values("Позаминулого тижня міністр відвідав Житомир.", "uk") == [
        ("Позаминулого тижня", "2013-W10")
    ]
    assert values("Vorletzte Woche besuchte er Jena.", "de") == [("Vorletzte Woche", "2013-W10")]
    assert values("Позапрошлой весной театр закрыли.", "ru") == [("Позапрошлой весной", "2011-SP")]
    assert values("Позаминулого року театр закрили.", "uk") == [("Позаминулого року", "2011")]


def test_a_history_goes_forward_into_the_next_year_for_a_month_just_after_the_focus():
    text = (
        "The battle lasted from 7 December 1939 to 8 January 1940. On the night of 29–30 December, "
        "ski troops destroyed a division. The Soviets reorganised during January. On 1 February, "
        "a massive offensive began."
    )
    got = dict(values(text, "en", None))
    assert got["January"] == "1940-01" and got["1 February"] == "1940-02-01"
    assert got["29–30 December"] == "1939-12-29/1939-12-30"


def test_a_history_stays_in_its_year_in_the_pluperfect_or_in_the_same_month():
    text = "Im Dezember 1939 griff die Rote Armee an. Im Januar hatte Stalin noch verhandelt."
    assert values(text, "de", None)[-1] == ("Januar", "1939-01")
    text = "16 августа 1812 года началось сражение. В конце августа главнокомандующим был назначен Кутузов."
    assert values(text, "ru", None)[-1] == ("В конце августа", "1812-08")
