"""find_dates: every rule of the parser issue, with the reference day always pinned."""

from __future__ import annotations

import calendar
from datetime import date

import pytest

from eventmap.errors import InputError
from eventmap.text.dates import DateMention, find_dates

TUE = date(2025, 3, 18)  # a Tuesday
FRI = date(2013, 3, 22)  # a Friday (TempEval-3 convention)


def one(text: str, ref=TUE, lang="nl") -> DateMention:
    found = find_dates(text, ref, lang)
    assert len(found) == 1, found
    m = found[0]
    assert text[m.start : m.end] == m.text
    return m


def interval(m: DateMention) -> tuple[str, str]:
    return m.date.isoformat(), m.date_end.isoformat()


# ------------------------------------------------------------------ explicit days


@pytest.mark.parametrize(
    "text,lang,value",
    [
        ("Het gesprek was op 18 maart.", "nl", "2025-03-18"),
        ("Op 14 maart 2024 ging het mis.", "nl", "2024-03-14"),
        ("Dinsdag 11 februari 2025 sprak hij.", "nl", "2025-02-11"),
        ("It happened on March 14, 2025, in Kyiv.", "en", "2025-03-14"),
        ("It happened on 14 March 2025.", "en", "2025-03-14"),
        ("It happened on the 14th of March, 2025.", "en", "2025-03-14"),
        ("Talks resumed Feb. 28 in Riyadh.", "en", "2025-02-28"),
        ("Gepubliceerd 2025-03-02 om 10 uur.", "nl", "2025-03-02"),
        ("Datum: 02-03-2025.", "nl", "2025-03-02"),
        ("Filed 3/2/2025 by the clerk.", "en", "2025-03-02"),
    ],
)
def test_explicit_days(text, lang, value):
    m = one(text, lang=lang)
    assert (m.value, m.precision, m.kind) == (value, "day", "explicit")
    assert interval(m) == (value, value)


def test_preposition_is_not_part_of_the_expression():
    m = one("telefoongesprek op 18 maart", lang="nl")
    assert m.text == "18 maart"


def test_day_without_year_takes_the_nearest_year_preferring_the_past():
    assert one("op 28 december", ref=date(2025, 1, 5)).value == "2024-12-28"
    assert one("op 2 januari", ref=date(2024, 12, 20)).value == "2025-01-02"
    # 167 days ahead (counted double) vs 198 days back: the past wins
    assert one("op 1 september", ref=TUE).value == "2024-09-01"
    # a future date is chosen when it is much nearer, or the sentence speaks of the future
    assert one("op 20 maart", ref=TUE).value == "2025-03-20"
    assert one("Ze zullen op 1 juni stemmen.", ref=TUE).value == "2025-06-01"


# ------------------------------------------------------------------ months and years


@pytest.mark.parametrize(
    "text,lang,ref,value",
    [
        ("in maart 2024", "nl", TUE, "2024-03"),
        ("begin februari", "nl", TUE, "2025-02"),
        ("in May 2010", "en", FRI, "2010-05"),
        ("in early August", "en", FRI, "2012-08"),  # 5 months ahead vs 7 back: the past wins
        ("in June", "en", FRI, "2013-06"),  # 3 months ahead vs 9 back
        ("last June", "en", FRI, "2012-06"),
        ("next March", "en", FRI, "2014-03"),
    ],
)
def test_months(text, lang, ref, value):
    m = one(text, ref=ref, lang=lang)
    assert (m.value, m.precision) == (value, "month")
    y, mo = map(int, value.split("-"))
    assert m.date == date(y, mo, 1)
    assert m.date_end == date(y, mo, calendar.monthrange(y, mo)[1])


def test_month_interval_ends_on_the_last_day():
    assert interval(one("in februari 2024")) == ("2024-02-01", "2024-02-29")


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Sinds 2014 is het onrustig.", "nl"),
        ("In 2014 the war began.", "en"),
        ("de annexatie van 2014", "nl"),
        ("since 2014", "en"),
    ],
)
def test_years(text, lang):
    m = one(text, lang=lang)
    assert (m.value, m.precision) == ("2014", "year")
    assert interval(m) == ("2014-01-01", "2014-12-31")


def test_may_the_verb_is_not_a_month():
    assert find_dates("He May go. They may stay.", FRI, "en") == []
    assert one("In May he left.", ref=FRI, lang="en").value == "2013-05"


# ------------------------------------------------------------------ not dates


@pytest.mark.parametrize(
    "text,lang",
    [
        ("een raket met een bereik van 1000 km", "nl"),
        ("een fonds van 500 miljard euro", "nl"),
        ("naar 5 procent van zijn bbp", "nl"),
        ("de 74-jarige president", "nl"),
        ("Het moet nu gebeuren.", "nl"),
        ("Now is the time.", "en"),
        ("om 15.00 uur begon het", "nl"),
        ("at 10:30 the meeting began", "en"),
        ("er kwamen 1900 mensen", "nl"),
        ("Some 2000 soldiers were sent.", "en"),
        ("It cost $2019 million.", "en"),
        ("ruim 2000 doden", "nl"),
        ("een 2000-jarige traditie", "nl"),
        ("It was 1750.", "en"),  # before MIN_YEAR
        ("in 2099", "en"),  # too far after the reference
    ],
)
def test_quantities_ages_clock_times_and_now_are_not_dates(text, lang):
    assert find_dates(text, TUE, lang) == []


# ------------------------------------------------------------------ weekdays


@pytest.mark.parametrize(
    "text,lang,ref,value",
    [
        ("maandagavond sprak hij", "nl", TUE, "2025-03-17"),
        ("Dinsdagochtend viel het", "nl", TUE, "2025-03-18"),  # the reference's own weekday
        ("op vrijdag", "nl", TUE, "2025-03-14"),
        ("afgelopen dinsdag", "nl", TUE, "2025-03-11"),  # 'afgelopen' is strictly past
        ("komende vrijdag", "nl", TUE, "2025-03-21"),
        ("zaterdag jl.", "nl", TUE, "2025-03-15"),
        ("said Friday", "en", FRI, "2013-03-22"),
        ("on Thursday", "en", FRI, "2013-03-21"),
        ("last Friday", "en", FRI, "2013-03-15"),
        ("next Monday", "en", FRI, "2013-03-25"),
        ("He will visit Kyiv on Monday", "en", FRI, "2013-03-25"),
    ],
)
def test_weekdays(text, lang, ref, value):
    m = one(text, ref=ref, lang=lang)
    assert (m.value, m.precision, m.kind) == (value, "day", "relative")


# ------------------------------------------------------------------ relative expressions


@pytest.mark.parametrize(
    "text,lang,ref,value,prec,first,last",
    [
        ("gisteren", "nl", TUE, "2025-03-17", "day", "2025-03-17", "2025-03-17"),
        ("eergisteren", "nl", TUE, "2025-03-16", "day", "2025-03-16", "2025-03-16"),
        ("vandaag", "nl", TUE, "2025-03-18", "day", "2025-03-18", "2025-03-18"),
        ("vorige week", "nl", TUE, "2025-W11", "week", "2025-03-10", "2025-03-16"),
        ("deze week", "nl", TUE, "2025-W12", "week", "2025-03-17", "2025-03-23"),
        ("vorige maand", "nl", TUE, "2025-02", "month", "2025-02-01", "2025-02-28"),
        ("vorig jaar", "nl", TUE, "2024", "year", "2024-01-01", "2024-12-31"),
        ("drie jaar geleden", "nl", TUE, "2022", "year", "2022-01-01", "2022-12-31"),
        ("yesterday", "en", FRI, "2013-03-21", "day", "2013-03-21", "2013-03-21"),
        ("last week", "en", FRI, "2013-W11", "week", "2013-03-11", "2013-03-17"),
        ("earlier this week", "en", FRI, "2013-W12", "week", "2013-03-18", "2013-03-24"),
        ("this month", "en", FRI, "2013-03", "month", "2013-03-01", "2013-03-31"),
        ("last year", "en", FRI, "2012", "year", "2012-01-01", "2012-12-31"),
        ("next year", "en", FRI, "2014", "year", "2014-01-01", "2014-12-31"),
        ("two years ago", "en", FRI, "2011", "year", "2011-01-01", "2011-12-31"),
        ("three days ago", "en", FRI, "2013-03-19", "day", "2013-03-19", "2013-03-19"),
        ("last month", "en", date(2025, 1, 10), "2024-12", "month", "2024-12-01", "2024-12-31"),
    ],
)
def test_relative_expressions(text, lang, ref, value, prec, first, last):
    m = one(text, ref=ref, lang=lang)
    assert (m.value, m.precision, m.kind) == (value, prec, "relative")
    assert interval(m) == (first, last)


def test_durations_are_not_calendar_dates():
    assert find_dates("de afgelopen week was zwaar", TUE, "nl") == []
    assert find_dates("in the last week six died", FRI, "en") == []


# ------------------------------------------------------------------ ranges


@pytest.mark.parametrize(
    "text,lang,first,last",
    [
        ("van 10 tot 12 maart", "nl", "2025-03-10", "2025-03-12"),
        ("10-12 maart 2024", "nl", "2024-03-10", "2024-03-12"),
        ("van 28 februari tot 2 maart", "nl", "2025-02-28", "2025-03-02"),
        ("from 10 to 12 March", "en", "2025-03-10", "2025-03-12"),
        ("March 10-12, 2025", "en", "2025-03-10", "2025-03-12"),
        ("between 10 and 12 March", "en", "2025-03-10", "2025-03-12"),
    ],
)
def test_day_ranges(text, lang, first, last):
    m = one(text, lang=lang)
    assert m.precision == "day" and interval(m) == (first, last)
    assert m.value == f"{first}/{last}"


def test_year_range():
    m = one("the pandemic of 2009-2010", ref=FRI, lang="en")
    assert (m.value, m.precision, interval(m)) == ("2009/2010", "year", ("2009-01-01", "2010-12-31"))


# ------------------------------------------------------------------ API behaviour


def test_without_reference_only_self_contained_dates_are_returned():
    found = find_dates("Gisteren, op 18 maart en op 14 maart 2025.", None, "nl")
    assert [m.value for m in found] == ["2025-03-14"]


def test_reference_accepts_iso_strings_and_rejects_garbage():
    assert one("gisteren", ref="2025-03-18").value == "2025-03-17"
    with pytest.raises(InputError):
        find_dates("gisteren", "18/03/2025", "nl")
    with pytest.raises(InputError):
        find_dates("gisteren", TUE, "es")  # a language without a date table


def test_language_auto_detection():
    assert find_dates("He said on Friday that the talks failed.", FRI, None)[0].value == "2013-03-22"
    assert find_dates("Hij zei op vrijdag dat het gesprek mislukte.", FRI, "auto")[0].value == "2013-03-22"


def test_mentions_are_ordered_and_do_not_overlap():
    text = "Op 14 maart 2025 en vorige week, en in 2019, en maandag 17 maart."
    found = find_dates(text, TUE, "nl")
    assert [m.text for m in found] == ["14 maart 2025", "vorige week", "2019", "maandag 17 maart"]
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start
    assert found[-1].value == "2025-03-17"


def test_march_the_noun_is_not_a_month():
    assert find_dates("They joined the March on Washington.", FRI, "en") == []
    assert one("The vote was held in March.", ref=FRI, lang="en").value == "2013-03"


@pytest.mark.parametrize(
    "text,lang,value",
    [
        ("vorige week dinsdag", "nl", "2025-03-11"),
        ("afgelopen week vrijdagavond", "nl", "2025-03-14"),
        ("volgende week maandag", "nl", "2025-03-24"),
        ("last week Tuesday", "en", "2025-03-11"),
    ],
)
def test_weekday_of_a_named_week(text, lang, value):
    m = one(text, lang=lang)
    assert (m.value, m.precision, m.text) == (value, "day", text)


# ------------------------------------------------------------------ properties

from hypothesis import given, settings
from hypothesis import strategies as st

_FRAGMENTS = st.sampled_from(
    [
        "op 18 maart",
        "March 14, 2025",
        "vorige week",
        "last year",
        "1000 km",
        "van 10 tot 12 maart",
        "maandagavond",
        "on Friday",
        "2019",
        "31 februari",
        "29 February 2023",
        "2009-2010",
        "Feb. 28",
        "3/18/2013",
        "2025-13-45",
        "18-03-2025",
        " ",
        ", ",
        ". ",
        "\n",
        "de",
        "the",
        "sinds",
        "May",
    ]
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.one_of(_FRAGMENTS, st.text(max_size=8)), max_size=12),
    st.sampled_from(["nl", "en"]),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)),
)
def test_any_text_gives_consistent_mentions(parts, lang, ref):
    text = "".join(parts)
    found = find_dates(text, ref, lang)
    for m in found:
        assert text[m.start : m.end] == m.text
        assert m.date <= m.date_end and m.precision in ("day", "week", "month", "year")
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


@pytest.mark.parametrize(
    "text,value",
    [
        ("Afgelopen nacht brandde het.", "2025-03-18"),
        ("Twee weken geleden was het raak.", "2025-W10"),
        ("vijf dagen geleden", "2025-03-13"),
        ("Morgen vergadert de Kamer.", "2025-03-19"),
    ],
)
def test_more_dutch_relative_expressions(text, value):
    assert one(text).value == value


def test_anaphoric_morning_is_not_tomorrow():
    assert find_dates("De volgende morgen vertrok hij. Elke morgen liep hij.", TUE, "nl") == []


_EXPRESSIONS = {
    "nl": [
        "op 18 maart",
        "14 maart 2024",
        "dinsdag 11 februari 2025",
        "in maart 2024",
        "begin februari",
        "sinds 2014",
        "maandagavond",
        "afgelopen dinsdag",
        "zaterdag jl.",
        "komende vrijdag",
        "gisteren",
        "eergisteren",
        "gisteravond",
        "vanochtend",
        "afgelopen nacht",
        "morgenavond",
        "vorige week",
        "deze maand",
        "vorig jaar",
        "begin volgend jaar",
        "eind vorige maand",
        "drie jaar geleden",
        "twee weken geleden",
        "vijf dagen geleden",
        "van 10 tot 12 maart",
        "10-12 maart 2024",
        "van 28 februari tot 2 maart",
        "2009-2010",
        "02-03-2025",
        "2025-03-02",
        "vorige week dinsdag",
        "afgelopen weekend",
        "medio 2024",
        "eind mei",
        "in het weekend",
        "in de nacht van zaterdag op zondag",
    ],
    "en": [
        "March 14, 2025",
        "14 March 2025",
        "the 14th of March, 2025",
        "Feb. 28",
        "in May 2010",
        "early August",
        "last June",
        "mid-January",
        "Saturday, Feb. 8",
        "on Friday",
        "Sunday night",
        "last Friday",
        "next Monday",
        "yesterday",
        "tonight",
        "this morning",
        "last night",
        "the day before yesterday",
        "last week",
        "earlier this week",
        "this month",
        "next year",
        "two years ago",
        "three days ago",
        "a week ago",
        "from 10 to 12 March",
        "March 10-12, 2025",
        "between 10 and 12 March",
        "2009-2010",
        "3/18/2013",
        "2013-03-22",
        "last week Tuesday",
        "this weekend",
        "since 2014",
        "over the weekend",
    ],
}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_trigger_windows_lose_no_candidate(lang):
    """find_dates only scans near trigger words: every expression must still be found there."""
    from eventmap.text.dates.find import candidates
    from eventmap.text.dates.patterns import patterns_for

    filler = " Het was een lange tocht voor iedereen en er gebeurde van alles. " * 3  # no triggers
    text = filler.join(_EXPRESSIONS[lang]) + "."
    lowered = text.lower()
    brute = sorted(
        (m.start(), m.end(), p.shape) for p in patterns_for(lang).patterns for m in p.regex.finditer(lowered)
    )
    windowed = sorted((s, e, shape) for s, e, shape, _ in candidates(text, lang))
    assert windowed == brute
    found = {m.text for m in find_dates(text, TUE, lang)}
    missing = [x for x in _EXPRESSIONS[lang] if not any(x in f or f in x for f in found)]
    assert not missing


def test_future_cues_belong_to_the_clause_of_the_date():
    # "announced Friday that it will ...": the report is past although 'will' follows
    assert (
        one("Apple announced Friday that it will give free cases.", ref=date(2010, 7, 17), lang="en").value
        == "2010-07-16"
    )
    assert one("Vrijdag zal Trump Kiev bezoeken.", ref=TUE, lang="nl").value == "2025-03-21"
    assert one("Hij zei dat Trump vrijdag zal komen.", ref=TUE, lang="nl").value == "2025-03-21"
    assert one("Hij zei vrijdag dat Trump zal komen.", ref=TUE, lang="nl").value == "2025-03-14"
    # "until Friday" said on a Thursday: the nearer Friday, tomorrow
    assert one("Markets stay closed until Friday.", ref=date(2008, 9, 18), lang="en").value == "2008-09-19"


@pytest.mark.parametrize(
    "text,lang",
    [("In het weekend werden drie mensen opgepakt.", "nl"), ("Over the weekend, protests spread.", "en")],
)
def test_the_weekend_is_the_most_recent_one(text, lang):
    m = one(text, lang=lang)  # reference: Tuesday 18 March
    assert (m.precision, interval(m)) == ("day", ("2025-03-15", "2025-03-16"))
    assert interval(one(text, ref=date(2025, 3, 16), lang=lang)) == ("2025-03-15", "2025-03-16")


def test_night_from_one_day_to_the_next():
    m = one("In de nacht van zaterdag op zondag vielen twee doden.")
    assert (m.value, m.precision) == ("2025-03-15/2025-03-16", "day")
