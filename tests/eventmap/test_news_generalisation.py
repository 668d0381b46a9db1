"""General news behaviour on four short articles written for this test (tests/data/news/),
none about the seed's story: a flood (nl), a farmers' protest (nl), a snap election (en)
and a missile strike (en). Each starts with a `date YYYY-MM-DD` line.

They pin down what the parser must do on any news text: relative day phrases ("afgelopen
nacht", "zaterdagnacht", "overnight", "in the early hours", "early on Monday"), vague ones
at their honest precision ("eerder deze week", "late last week" = a week; "begin oktober",
"eind februari", "half maart" = a month), headlines left out when the article has a body,
categories from the lexicons, and places the offline geocoder knows (well-known cities).
Plus the headline-only case (a feed item): "Russian shelling kills 3 in Kharkiv".
"""

from __future__ import annotations

import pytest

import eventmap

from conftest import DATA_DIR

NEWS = DATA_DIR / "news"


def _parse(name: str) -> list[eventmap.Event]:
    return eventmap.parse_file(NEWS / name)


def _one(evs: list[eventmap.Event], fragment: str) -> eventmap.Event:
    found = [e for e in evs if fragment in e.text]
    assert found, f"no event with {fragment!r}: {[e.text for e in evs]}"
    return found[0]


def _when(e: eventmap.Event) -> tuple:
    return e.date, e.date_end, e.date_precision


def _place_names(e: eventmap.Event) -> list[str]:
    return [p.name for p in e.places if p.located]


def test_every_article_has_a_document_date_header_and_no_headline_event():
    for path in sorted(NEWS.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        assert lines[0].startswith("date ")
        evs = eventmap.parse_file(path)
        assert evs, path.name
        assert not any(e.text == lines[1] for e in evs), "headline of an article with a body"
        for e in evs:
            assert e.date is not None and e.date <= e.date_end


# ---------------------------------------------------------------- nl: flood (Tuesday 2025-10-14)


def test_dutch_flood():
    evs = _parse("nl_overstroming.txt")
    night = _one(evs, "afgelopen nacht")
    assert _when(night) == ("2025-10-14", "2025-10-14", "day")
    assert (night.date_source, night.category) == ("relative", "disaster")
    assert "France" in _place_names(night)
    sat = _one(evs, "Zaterdagnacht")
    assert _when(sat) == ("2025-10-11", "2025-10-11", "day")
    assert sat.category == "disaster"  # "geëvacueerd"
    early = _one(evs, "Begin oktober")
    assert _when(early) == ("2025-10-01", "2025-10-14", "month")  # vague: the month up to the report
    assert (early.category, _place_names(early)) == ("disaster", ["Montpellier"])
    week = _one(evs, "Eerder deze week")
    assert _when(week) == ("2025-10-13", "2025-10-19", "week")
    assert week.category == "policy"
    # no event verb, no date: what the mayor said is a statement, the saying is the event
    mayor = _one(evs, "De burgemeester")
    assert (mayor.kind, mayor.date_source) == ("statement", "document")


# ---------------------------------------------------------------- nl: protest (Monday 2025-02-03)


def test_dutch_farmers_protest():
    evs = _parse("nl_boerenprotest.txt")
    blockade = _one(evs, "maandagochtend")
    assert _when(blockade) == ("2025-02-03", "2025-02-03", "day")
    assert blockade.category == "protest"  # "geblokkeerd"
    assert _place_names(blockade) == ["Brussels"]
    assert _when(_one(evs, "eind februari")) == ("2025-02-01", "2025-02-28", "month")
    gas = _one(evs, "traangas")  # undated: the document's day
    assert (gas.date, gas.date_source, gas.category) == ("2025-02-03", "document", "protest")
    friday = _one(evs, "Vorige week vrijdag")
    assert _when(friday) == ("2025-01-31", "2025-01-31", "day")
    assert friday.category == "protest"
    march = _one(evs, "Half maart")
    assert _when(march) == ("2025-03-01", "2025-03-31", "month")
    assert _place_names(march) == ["Strasbourg"]
    # "meer dan 5000 boeren" is a number, not a year
    assert not any("5000" in e.text for e in evs)


# ---------------------------------------------------------------- en: election (Monday 2025-06-02)


def test_english_snap_election():
    evs = _parse("en_snap_election.txt")
    vote = [e for e in evs if e.text.startswith("Lawmakers")]
    assert [_when(e) for e in vote] == [
        ("2025-05-30", "2025-05-30", "day"),  # "on Friday night"
        ("2025-09-14", "2025-09-14", "day"),
    ]  # the election date
    assert {e.category for e in vote} == {"policy"}
    assert _place_names(vote[0]) == ["Lisbon"]
    collapse = _one(evs, "late last week")
    assert _when(collapse) == ("2025-05-26", "2025-06-01", "week")
    decree = _one(evs, "early on Monday")
    assert _when(decree) == ("2025-06-02", "2025-06-02", "day")
    assert decree.category == "policy"
    rally = _one(evs, "at the weekend")
    assert _when(rally) == ("2025-05-31", "2025-06-01", "day")
    assert rally.category == "protest"
    assert not any(e.text.startswith("Analysts") for e in evs)


# ---------------------------------------------------------------- en: strike (Monday 2024-11-18)


def test_english_missile_strike():
    evs = _parse("en_missile_strike.txt")
    strike = _one(evs, "overnight")
    # the night just ended touches two days: an honest two-day range
    assert _when(strike) == ("2024-11-17", "2024-11-18", "day")
    assert (strike.date_source, strike.category) == ("relative", "attack")
    assert _place_names(strike) == ["Sumy"]
    assert _when(_one(evs, "this morning")) == ("2024-11-18", "2024-11-18", "day")
    drones = _one(evs, "In the early hours")
    assert _when(drones) == ("2024-11-18", "2024-11-18", "day")
    assert (drones.category, _place_names(drones)) == ("attack", ["Odesa"])
    kharkiv = _one(evs, "Two days ago")
    assert _when(kharkiv) == ("2024-11-16", "2024-11-16", "day")
    assert (kharkiv.category, _place_names(kharkiv)) == ("attack", ["Kharkiv"])
    assert _when(_one(evs, "on Saturday")) == ("2024-11-16", "2024-11-16", "day")


# ---------------------------------------------------------------- headline-only texts


@pytest.mark.parametrize(
    "text, lang, date_, category, place",
    [
        ("Russian shelling kills 3 in Kharkiv", "en", "2023-02-10", "attack", "Kharkiv"),
        ("Ukraine soldier killed by rebel fire at Donetsk airport", "en", "2023-02-10", "attack", "Donetsk"),
        ("Thousands rally in Berlin against pension reform", "en", "2023-02-10", "protest", "Berlin"),
        ("Drie doden bij overstroming in Luik", "nl", "2023-02-10", "disaster", "Liège"),
    ],
)
def test_a_headline_alone_is_an_event(text, lang, date_, category, place):
    """A feed item: the headline is all there is, so an event keyword is enough; its most
    specific place (a city before its country) is the event's point."""
    evs = eventmap.parse_text(text, document_date="2023-02-10", lang=lang)
    assert len(evs) == 1
    e = evs[0]
    assert (e.date, e.date_source, e.category) == (date_, "document", category)
    assert e.main_place is not None and e.main_place.name == place


def test_a_headline_without_event_words_stays_out():
    assert (
        eventmap.parse_text(
            "Report on the human rights situation in Ukraine", document_date="2023-02-10", lang="en"
        )
        == []
    )


@pytest.mark.parametrize(
    "phrase, lang, expected",
    [
        ("Drones hit the city overnight into Sunday.", "en", ("2024-11-16", "2024-11-17")),
        ("Three soldiers were killed in the past 24 hours.", "en", ("2024-11-17", "2024-11-18")),
        ("Het afgelopen etmaal vielen drie doden.", "nl", ("2024-11-17", "2024-11-18")),
        ("Troops withdrew earlier in the week.", "en", ("2024-11-18", "2024-11-24")),
        ("Later in the month, talks resumed.", "en", ("2024-11-01", "2024-11-30")),  # no other month told
        ("Het werd een succes, maar niet overnight.", "nl", None),
        ("The band became an overnight success.", "en", None),
    ],
)
def test_night_and_last_day_phrases(phrase, lang, expected):
    mentions = eventmap.find_dates(phrase, "2024-11-18", lang)
    if expected is None:
        assert mentions == []
    else:
        assert [(m.date.isoformat(), m.date_end.isoformat()) for m in mentions] == [expected]


@pytest.mark.parametrize(
    "text, lang",
    [
        (
            "De storm trof donderdag Apeldoorn. Het KNMI had woensdagavond code oranje afgegeven. "
            "Op Schiphol werden 200 vluchten geschrapt.",
            "nl",
        ),
        (
            "The storm hit Leeds on Thursday. Forecasters had issued a warning on Wednesday. "
            "At Manchester airport 200 flights were cancelled.",
            "en",
        ),
    ],
)
def test_an_earlier_day_in_the_pluperfect_does_not_move_the_storys_day(text, lang):
    evs = eventmap.parse_text(text, document_date="2023-11-02", lang=lang)
    assert [e.date for e in evs] == ["2023-11-02", "2023-11-01", "2023-11-02"]


def test_a_clock_time_in_pm_ends_its_sentence_before_a_capitalised_word():
    text = (
        "The judge issued the order minutes before the freeze was to begin at 5 p.m. "
        "The stay lasts until Monday. The vote is at 2 p.m. Tuesday in the Senate."
    )
    sentences = [s.text for s in eventmap.text.sentences.split_sentences(text, lang="en")]
    assert sentences == [
        "The judge issued the order minutes before the freeze was to begin at 5 p.m.",
        "The stay lasts until Monday.",
        "The vote is at 2 p.m. Tuesday in the Senate.",  # a weekday after p.m. goes on
    ]


@pytest.mark.parametrize(
    "phrase, lang, expected",
    [
        ("The stay lasts until Monday, when she will hear arguments.", "en", "2025-02-03"),
        ("The road is closed until Monday.", "en", "2025-02-03"),
        ("Shops stay closed until Monday.", "en", "2025-02-03"),
        ("De wegafsluiting geldt tot maandag.", "nl", "2025-02-03"),
        ("The stay lasted until Monday.", "en", "2025-01-27"),  # past: the last Monday
        ("The road was closed until Monday.", "en", "2025-01-27"),
        ("He waited until Monday.", "en", "2025-01-27"),
        ("De weg was dicht tot maandag.", "nl", "2025-01-27"),
    ],
)
def test_until_a_weekday_in_the_present_tense_is_the_coming_one(phrase, lang, expected):
    (mention,) = eventmap.find_dates(phrase, "2025-01-28", lang)  # a Tuesday
    assert mention.date.isoformat() == expected


def test_data_that_showed_something_on_a_day_report_it_and_the_month_dates_the_event():
    text = "India's trade deficit widened to $21.94 billion in December, government data showed on Wednesday."
    (event,) = eventmap.parse_text(text, document_date="2025-01-16", lang="en")
    assert (event.date, event.date_precision) == ("2024-12-01", "month")


@pytest.mark.parametrize(
    "phrase, expected",
    [
        ("A wildfire forced thousands of people to leave their homes on Monday.", "2026-08-10"),
        ("They plan to hold a vote Monday.", "2026-08-17"),  # a verb that looks ahead governs it
        ("The Senate holds a vote Monday.", "2026-08-17"),
    ],
)
def test_an_infinitive_takes_its_time_from_the_verb_that_governs_it(phrase, expected):
    (mention,) = eventmap.find_dates(phrase, "2026-08-12", "en")  # a Wednesday
    assert mention.date.isoformat() == expected


def test_firefighting_is_a_disaster_word_and_a_firefight_is_fighting():
    from eventmap.text.categories import classify

    assert classify("Italy and France sent firefighting planes to Greece.", "en")[0] == "disaster"
    assert classify("Troops engaged in a firefight near the border.", "en")[0] == "fighting"


@pytest.mark.parametrize(
    "phrase, expected",
    [
        ("Workers could return to work as early as Wednesday, the union said.", "2024-11-06"),
        ("The ban could be lifted as soon as Friday.", "2024-11-08"),
    ],
)
def test_as_early_as_a_weekday_looks_ahead(phrase, expected):
    (mention,) = eventmap.find_dates(phrase, "2024-11-05", "en")  # a Tuesday
    assert mention.date.isoformat() == expected


def test_what_a_report_said_was_expected_lies_ahead_of_the_report():
    text = "The weather agency said more heavy rain was expected over the weekend in Castellon."
    (mention,) = eventmap.find_dates(text, "2024-11-01", "en")  # a Friday
    assert (mention.date.isoformat(), mention.date_end.isoformat()) == ("2024-11-02", "2024-11-03")


@pytest.mark.parametrize(
    "text, lang",
    [
        (
            "Bij een raketaanval op Odesa zijn vrijdag vier mensen omgekomen. Ook in Zaporizja waren explosies te horen.",
            "nl",
        ),
        (
            "Four people were killed in a missile strike on Odesa on Friday. Explosions were heard in Zaporizhzhia.",
            "en",
        ),
    ],
)
def test_explosions_heard_are_an_event_of_the_storys_day(text, lang):
    events = eventmap.parse_text(text, document_date="2025-01-31", lang=lang)
    assert [e.date for e in events] == ["2025-01-31", "2025-01-31"]
    assert events[1].kind == "occurrence" and (events[1].places[0].name, events[1].places[0].kind) == (
        "Zaporizhzhya",
        "city",
    )


@pytest.mark.parametrize(
    "sentence, lang, kind",
    [
        (
            "Emergency services were called to a property in Horfield shortly after 02:00 on Sunday.",
            "en",
            "occurrence",
        ),
        ("He is due to appear before Bristol Magistrates' Court on Tuesday.", "en", "occurrence"),
    ],
)
def test_a_call_out_and_a_court_appearance_are_occurrences(sentence, lang, kind):
    (event,) = eventmap.parse_text(sentence, document_date="2024-06-10", lang=lang)
    assert event.kind == kind


def test_a_match_is_no_fight_though_its_dutch_word_holds_one():
    from eventmap.text.categories import classify

    assert classify("Kenneth Taylor besliste de wedstrijd in de 78ste minuut.", "nl")[0] == "other"
    assert classify("De strijd om Bachmoet duurt voort.", "nl")[0] == "fighting"


def test_a_full_month_name_ends_its_sentence_and_an_abbreviation_does_not():
    split = eventmap.text.sentences.split_sentences
    text = "The bank will decide on 20 June. Economists expect a cut. The vote is on Jan. 5 in Paris."
    assert [s.text for s in split(text, lang="en")] == [
        "The bank will decide on 20 June.",
        "Economists expect a cut.",
        "The vote is on Jan. 5 in Paris.",
    ]
    assert len(split("Het kabinet besluit op 20 juni. De Kamer debatteert later.", lang="nl")) == 2


def test_a_dated_title_the_lead_repeats_is_no_event_of_its_own():
    text = (
        "UK inflation falls to 2.3% in April\n\nPublished 22 May 2024\n\n"
        "UK inflation fell sharply in April to its lowest level in nearly three years.\n\n"
        "Inflation peaked at 11.1% in October 2022."
    )
    events = eventmap.parse_text(text, lang="en")
    assert [e.text for e in events] == [
        "UK inflation fell sharply in April to its lowest level in nearly three years.",
        "Inflation peaked at 11.1% in October 2022.",
    ]


def test_a_town_named_as_a_persons_origin_and_as_the_event_place_stays_the_event_place():
    text = "Een 31-jarige man uit Apeldoorn is zondagochtend in zijn woning in Apeldoorn aangehouden."
    (event,) = eventmap.parse_text(text, document_date="2024-03-10", lang="nl")
    assert [(p.name, p.start) for p in event.places] == [("Apeldoorn", text.rindex("Apeldoorn"))]
    assert event.place_source == "sentence"


@pytest.mark.parametrize(
    "sentence, lang, expected",
    [
        ("Inflation was 3.9 percent in November.", "en", "2023-11-01"),  # written in October
        ("De inflatie was in november 3,9 procent.", "nl", "2023-11-01"),
        ("In november steeg de inflatie.", "nl", "2023-11-01"),
        ("The meeting was scheduled for November.", "en", "2024-11-01"),  # a plan: ahead
        ("The vote will be held in November.", "en", "2024-11-01"),
    ],
)
def test_a_month_ahead_told_in_the_past_tense_is_last_years(sentence, lang, expected):
    (event,) = eventmap.parse_text(sentence, document_date="2024-10-15", lang=lang)
    assert event.date == expected


def test_a_definite_reference_points_at_a_sentences_own_date_not_one_in_its_relative_clause():
    text = (
        "Hamas freed three Israeli hostages in Gaza on Saturday, in the fifth exchange under the "
        "ceasefire deal that took effect on January 19. The hostages were handed over to the Red "
        "Cross in Deir al-Balah."
    )
    events = eventmap.parse_text(text, document_date="2025-02-08", lang="en")
    assert [e.date for e in events] == ["2025-02-08", "2025-01-19", "2025-02-08"]


@pytest.mark.parametrize(
    "text, lang",
    [
        (
            "16.45 uur\nBij Schiphol zijn vandaag 400 vluchten geschrapt. Ook morgen vallen er vluchten uit.\n\n"
            "15.30 uur\nIn Amsterdam is een vrouw om het leven gekomen toen een boom op haar auto viel.",
            "nl",
        ),
        (
            "16:45 GMT\nMore than 400 flights were cancelled at Heathrow today. More flights will be cancelled tomorrow.\n\n"
            "15:30 GMT\nA woman was killed in London when a tree fell on her car.",
            "en",
        ),
    ],
)
def test_a_live_blogs_time_lines_give_the_time_of_their_entries_on_the_blogs_day(text, lang):
    events = eventmap.parse_text(text, document_date="2022-02-18", lang=lang)
    assert [(e.date, e.time) for e in events] == [
        ("2022-02-18", "16:45"),
        ("2022-02-19", None),
        ("2022-02-18", "15:30"),
    ]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("12.30 uur\nOok in Den Haag en Zoetermeer is er wateroverlast.", "nl"),
        ("12:30 GMT\nRoads in Croydon and Sutton are flooded too.", "en"),
    ],
)
def test_an_undated_entry_with_an_event_word_under_a_live_blogs_time_line_is_an_event(text, lang):
    (event,) = eventmap.parse_text(text, document_date="2025-09-08", lang=lang)
    assert (event.date, event.time, event.category) == ("2025-09-08", "12:30", "disaster")


def test_an_undated_comment_under_a_live_blogs_time_line_stays_context():
    text = "12.30 uur\nDe vraag is of de gemeente genoeg heeft gedaan."
    assert eventmap.parse_text(text, document_date="2025-09-08", lang="nl") == []


def test_what_must_still_happen_on_a_weekday_is_the_coming_one():
    text = (
        "The package, which must still be formally adopted by foreign ministers on Monday, adds 74 vessels."
    )
    (mention,) = eventmap.find_dates(text, "2025-02-19", "en")  # a Wednesday
    assert mention.date.isoformat() == "2025-02-24"


def test_a_life_story_in_the_news_counts_its_future_from_the_writers_day():
    text = (
        "Jimmy Carter died on Sunday at his home in Plains. He served one term from 1977 to 1981. "
        "Born on October 1, 1924, he founded the Carter Center in 1982. His wife died in November 2023. "
        "A state funeral will be held in Washington on January 9. In May he would have turned 101."
    )
    events = eventmap.parse_text(text, document_date="2024-12-30", lang="en")
    funeral = next(e for e in events if "funeral" in e.text)
    assert funeral.date == "2025-01-09"


@pytest.mark.parametrize(
    "phrase, expected",
    [
        ("Most results are expected overnight and early on Friday.", ("2024-07-04", "2024-07-05")),
        ("The storm will move through overnight.", ("2024-07-04", "2024-07-05")),
        ("Drones hit Kyiv overnight, officials said.", ("2024-07-03", "2024-07-04")),  # the night just ended
    ],
)
def test_overnight_in_a_clause_about_the_future_is_the_coming_night(phrase, expected):
    mention = eventmap.find_dates(phrase, "2024-07-04", "en")[0]
    assert (mention.date.isoformat(), mention.date_end.isoformat()) == expected


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Britons voted on Thursday. Starmer cast his ballot in Kentish Town, north London.", "en"),
        ("De Nederlanders stemden donderdag. Premier Schoof bracht zijn stem uit in Den Haag.", "nl"),
    ],
)
def test_casting_a_ballot_is_an_event_of_the_storys_day(text, lang):
    events = eventmap.parse_text(text, document_date="2024-07-04", lang=lang)
    assert [(e.date, e.kind) for e in events] == [("2024-07-04", "occurrence")] * 2


def test_a_quake_felt_somewhere_is_an_event_of_the_quakes_day():
    text = "A 5.2 earthquake struck Albania on Tuesday. The quake was felt in Tirana and Durres."
    events = eventmap.parse_text(text, document_date="2025-01-15", lang="en")
    assert [(e.date, [p.name for p in e.places]) for e in events] == [
        ("2025-01-14", ["Albania"]),
        ("2025-01-14", ["Tirana", "Durrës"]),
    ]
