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


def test_the_year_after_or_before_in_german_counts_from_the_story():
    text = "Im Mai 1915 trat Italien in den Krieg ein. Im Jahr darauf begann am 21. Februar die Schlacht um Verdun."
    assert values(text, "de", None)[1:] == [("Jahr darauf", "1916"), ("21. Februar", "1916-02-21")]
    assert values("2010 wurde er gewählt. Im Jahr zuvor hatte er verloren.", "de")[-1] == (
        "Jahr zuvor",
        "2009",
    )


def test_a_span_of_years_followed_by_the_word_for_years_is_a_period():
    assert values("Протягом 1710–1711 років тривала війна.", "uk", None) == [("1710–1711", "1710/1711")]
    assert values("В 1941–1945 годах шла война.", "ru", None) == [("1941–1945", "1941/1945")]
    assert values("Це було 1500–2000 років тому.", "uk", None) == []


def test_one_unit_later_without_a_number():
    text = "Навесні 1709 року шведи підійшли до Полтави. Через рік Мазепа помер."
    assert values(text, "uk", None)[-1] == ("Через рік", "1710")
    text = "Летом 1709 года шведы подошли к Полтаве. Спустя год Мазепа умер."
    assert values(text, "ru", None)[-1] == ("Спустя год", "1710")
    assert values("Через тиждень відбудеться суд.", "uk") == [("Через тиждень", "2013-W13")]


def test_units_before_an_event_preposition_count_from_the_event_not_the_calendar():
    assert values("Через два роки після аварії станцію закрили.", "uk") == []
    assert values("Trois jours avant le vote, il démissionna.", "fr", None) == []
    assert values("La guerre finit en 1648. Deux ans après, la ville fut reconstruite.", "fr", None)[-1] == (
        "Deux ans après",
        "1650",
    )


def test_later_in_a_past_clause_counts_from_the_story_day_not_the_writers_day():
    text = "5 березня його затримали. Через три дні суд його відпустив."
    assert values(text, "uk")[-1] == ("Через три дні", "2013-03-08")
    text = "5 березня його затримали. Через тиждень відбудеться суд."
    assert values(text, "uk")[-1] == ("Через тиждень", "2013-W13")


def test_the_night_from_one_day_to_the_next_in_ukrainian_and_russian():
    assert values("У ніч з 7 на 8 березня шведи атакували.", "uk") == [
        ("з 7 на 8 березня", "2013-03-07/2013-03-08")
    ]
    assert values("В ночь с 7 на 8 марта шведы атаковали.", "ru") == [
        ("с 7 на 8 марта", "2013-03-07/2013-03-08")
    ]


def test_the_story_goes_on_from_the_last_day_of_a_short_span():
    text = "У ніч з 26 на 27 червня 1709 року шведи рушили в атаку. Того ж дня бій закінчився."
    assert values(text, "uk", None)[-1] == ("Того ж дня", "1709-06-27")
    text = "Die Schlacht dauerte vom 10. bis 12. Mai 1940. Zwei Tage später kapitulierte die Armee."
    assert values(text, "de", None)[-1] == ("Zwei Tage später", "1940-05-14")


def test_the_same_year_after_a_span_of_years_is_its_last_year():
    text = "In der Zeit zwischen 1871 und 1914 wurde er gefeiert. Im selben Jahr begann der Erste Weltkrieg."
    assert values(text, "de", None)[-1] == ("selben Jahr", "1914")


def test_a_day_of_the_month_alone_is_in_the_story_month():
    text = "Negotiations failed on 13 November 1939. On the 26th, the Soviets staged the shelling."
    assert values(text, "en", None)[-1] == ("On the 26th", "1939-11-26")
    text = "Im Juni 1941 begann der Überfall. Am 26. fiel Minsk, am 3. stand die Wehrmacht an der Beresina."
    assert values(text, "de", None)[1:] == [("Am 26.", "1941-06-26"), ("am 3.", "1941-07-03")]
    text = "En juin 1940, l'armée allemande envahit la France. Le 14, les Allemands entrent dans Paris."
    assert values(text, "fr", None)[-1] == ("Le 14", "1940-06-14")
    assert values("Am 18. griff die Polizei ein.", "de") == [("Am 18.", "2013-03-18")]
    assert values("Am 25. wurde entschieden.", "de") == [("Am 25.", "2013-02-25")]


def test_an_ordinal_before_a_noun_is_not_a_day():
    assert values("The 26th Division attacked on the 26th anniversary.", "en", None) == []
    assert values("Am 26. Parteitag sprach er.", "de", None) == []
    assert values("Le 14e régiment attaque.", "fr", None) == []


def test_a_weekday_of_the_last_or_next_week():
    assert values("Am Dienstag vergangener Woche brach ein Feuer aus.", "de") == [
        ("Dienstag vergangener Woche", "2013-03-12")
    ]
    assert values("Mardi de la semaine dernière, un incendie a éclaté.", "fr") == [
        ("Mardi de la semaine dernière", "2013-03-12")
    ]
    assert values("У понеділок наступного тижня відбудеться засідання.", "uk") == [
        ("понеділок наступного тижня", "2013-03-25")
    ]
    assert values("Во вторник прошлой недели произошел пожар.", "ru") == [
        ("вторник прошлой недели", "2013-03-12")
    ]


def test_last_month_or_year_after_during_or_over_is_that_month_or_year():
    assert values("Протягом минулого місяця ціни зросли.", "uk") == [("минулого місяця", "2013-02")]
    assert values("За прошлый год цены выросли на 5%.", "ru") == [("прошлый год", "2012")]
    assert values("За останній рік ціни зросли.", "uk") == []


def test_a_year_named_as_a_year_is_not_a_quantity_after_up_to():
    assert values("До 2015 року лінію продовжать.", "uk") == [("2015", "2015")]
    assert values("Близько 2015 осіб взяли участь.", "uk") == []
    assert values("Anno 1618 begann der Krieg.", "de", None) == [("1618", "1618")]


def test_roman_centuries_typed_in_cyrillic_letters():
    assert values("У ХІХ столітті Україна була поділена.", "uk", None) == [("ХІХ столітті", "18")]
    assert values("В ХIХ веке Россия пережила две войны.", "ru", None) == [("ХIХ веке", "18")]


def test_a_range_of_months_is_one_span_in_the_year_named_at_its_end():
    assert values("Die Kämpfe dauerten von Juli bis September 1941.", "de", None) == [
        ("von Juli bis September 1941", "1941-07/1941-09")
    ]
    assert values("The winter campaign ran from November to February 1942.", "en", None)[-1] == (
        "from November to February 1942",
        "1941-11/1942-02",
    )
    assert values("Бої тривали з липня по вересень 1941 року.", "uk", None) == [
        ("з липня по вересень 1941 року", "1941-07/1941-09")
    ]
    assert values("De janvier à mars, les prix ont augmenté.", "fr") == [
        ("De janvier à mars", "2013-01/2013-03")
    ]


def test_that_year_or_month_with_the_french_suffix_la_is_the_story_s():
    text = "En 1995, la taxe avait été créée. Cette année-là, le maire avait changé."
    assert values(text, "fr")[-1] == ("Cette année-là", "1995")
    text = "Le 3 mars 1995, la taxe a été créée. Ce mois-là, le maire a changé."
    assert values(text, "fr")[-1] == ("Ce mois-là", "1995-03")
    assert values("Cette année, la taxe augmentera.", "fr") == [("Cette année", "2013")]


def test_decades_in_the_nominative_after_four_digits():
    assert values("У 1930-ті роки стався Голодомор.", "uk", None) == [("1930-ті", "193")]
    assert values("В 1930-е годы был голод.", "ru", None) == [("1930-е", "193")]
    assert values("Он занял 10-е место.", "ru", None) == []


def test_two_months_joined_by_a_dash_are_one_span():
    assert values("У вересні–жовтні 1939 року Польщу було поділено.", "uk", None) == [
        ("вересні–жовтні 1939 року", "1939-09/1939-10")
    ]
    assert values("Im Juli–August 1941 rückten sie vor.", "de", None) == [
        ("Juli–August 1941", "1941-07/1941-08")
    ]


def test_an_old_style_date_with_its_new_style_day_in_brackets_is_the_gregorian_day():
    assert values("4 (17) березня 1917 року в Києві створено Центральну Раду.", "uk", None) == [
        ("4 (17) березня 1917 року", "1917-03-17")
    ]
    assert values("25 октября (7 ноября) 1917 года произошла революция.", "ru", None) == [
        ("25 октября (7 ноября) 1917 года", "1917-11-07")
    ]
    assert values("Am 25. Oktober (7. November) 1917 begann die Revolution.", "de", None) == [
        ("25. Oktober (7. November) 1917", "1917-11-07")
    ]


def test_a_german_day_and_month_in_digits_after_am_or_vom():
    assert values("Am 22.3. wurde gewählt.", "de") == [("Am 22.3.", "2013-03-22")]
    assert values("Vom 1.4. bis 5.4. ist geschlossen.", "de") == [
        ("Vom 1.4.", "2013-04-01"),
        ("bis 5.4.", "2013-04-05"),
    ]
    assert values("Der Kurs stieg um 22.3 Prozent.", "de") == []


def test_the_following_month_after_a_whole_year_is_in_the_next_year():
    text = "In 1429, Joan lifted the siege. She was captured the following May."
    assert values(text, "en", None)[-1] == ("the following May", "1430-05")
    text = "In March 1429, Joan lifted the siege. She was captured the following May."
    assert values(text, "en", None)[-1] == ("the following May", "1429-05")


def test_a_german_sentence_opening_with_a_year_before_a_verb():
    text = "1429 befreite Jeanne Orléans. Im folgenden Mai wurde sie gefangen."
    assert values(text, "de", None) == [("1429", "1429"), ("folgenden Mai", "1430-05")]
    assert values("1500 Soldaten fielen.", "de", None) == []


def test_a_range_of_months_of_this_or_that_year():
    assert values("У січні-березні поточного року ВВП зріс.", "uk") == [
        ("січні-березні поточного року", "2013-01/2013-03")
    ]
    text = "Im Mai 1920 begann es. Von Juni bis August desselben Jahres wurde gekämpft."
    assert values(text, "de", None)[-1] == ("Von Juni bis August desselben Jahres", "1920-06/1920-08")


def test_a_winter_named_by_two_years_leaves_the_story_in_the_second():
    text = "Im Winter 1941/42 erstarrte die Front. Im Frühjahr begann die neue Offensive."
    assert values(text, "de", None) == [("Winter 1941/42", "1941-WI"), ("Frühjahr", "1942-SP")]
