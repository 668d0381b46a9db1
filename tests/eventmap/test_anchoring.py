"""Anchor phrases, noun matching, the reference-day rule, and anchored dates in parse_text."""

from __future__ import annotations

from datetime import date

import pytest

import eventmap
from eventmap.errors import InputError
from eventmap.text.anchoring import find_anchor, mentions_noun, resolve_anchor
from eventmap.text.docdate import parse_document_date, reference_day, split_header
from eventmap.text.pipeline import parse_text


@pytest.mark.parametrize(
    "sentence,lang,noun,offset",
    [
        ("Kort na het telefoongesprek ging het luchtalarm af.", "nl", "telefoongesprek", 0),
        ("Michal kondigde kort voor het gesprek tussen Trump en Poetin aan dat...", "nl", "gesprek", 0),
        ("Daags na de aanslag werd iemand opgepakt.", "nl", "aanslag", 1),
        ("Shortly after the call, sirens sounded in Kyiv.", "en", "call", 0),
        ("A day before the vote, protesters gathered.", "en", "vote", -1),
        ("Tegelijkertijd stemde de Bondsdag.", "nl", None, 0),
        ("Diezelfde dag vielen er raketten.", "nl", None, 0),
        ("The same day, the army withdrew.", "en", None, 0),
        ("The next day the talks resumed.", "en", None, 1),
        ("De dag ervoor was het rustig.", "nl", None, -1),
        ("A week later, the ministers met in Rome.", "en", None, 7),
        ("Three weeks later, the talks resumed.", "en", None, 21),
        ("Twee weken eerder was het rustig.", "nl", None, -14),
    ],
)
def test_find_anchor(sentence, lang, noun, offset):
    a = find_anchor(sentence, lang)
    assert a is not None and a.noun == noun and a.offset_days == offset
    assert sentence[a.start : a.end] == a.text


def test_dutch_toen_opening_a_clause_is_no_anchor():
    assert find_anchor("De politie zette traangas in toen een groep betogers brand stichtte.", "nl") is None
    assert find_anchor("Toen de brandweer kwam, was alles al afgebrand.", "nl") is None


def test_no_anchor_in_plain_sentences():
    assert find_anchor("Het Kremlin meldde dat er soldaten zouden worden geruild.", "nl") is None
    assert find_anchor("The day before yesterday it rained.", "en") is None


def test_noun_matching_accepts_compounds_and_plurals_only():
    assert mentions_noun("tijdens hun telefoongesprek op 18 maart", "gesprek")
    assert mentions_noun("the calls were short", "call")
    assert not mentions_noun("het gesprokene", "gesprek")
    assert mentions_noun("a recall vote", "vote")
    assert not mentions_noun("the voters", "call")


def test_resolve_anchor_picks_the_most_recent_matching_event():
    earlier = ["Het telefoongesprek op 18 maart.", "Op 14 maart een aanval.", "Gesprek op 20 maart."]
    a = find_anchor("Kort na het gesprek viel alles stil.", "nl")
    assert resolve_anchor(a, earlier) == 2
    a = find_anchor("Kort na de aanval viel alles stil.", "nl")
    assert resolve_anchor(a, earlier) == 1
    a = find_anchor("Kort na de verkiezing viel alles stil.", "nl")
    assert resolve_anchor(a, earlier) is None
    assert resolve_anchor(find_anchor("Tegelijkertijd viel alles stil.", "nl"), earlier) == 2


# ------------------------------------------------------------------ document date


def test_document_date_header_and_values():
    doc, start = split_header(" date 2025-03 Kop van het stuk.\nTekst.")
    assert doc.precision == "month" and doc.first == date(2025, 3, 1) and doc.last == date(2025, 3, 31)
    assert " date 2025-03 Kop van het stuk."[start:].startswith("Kop")
    doc, start = split_header("date 2024-02-29\nTekst.")
    assert doc.precision == "day" and doc.first == date(2024, 2, 29)
    assert split_header("Dated text without header.") == (None, 0)
    with pytest.raises(InputError):
        parse_document_date("18-03-2025")
    with pytest.raises(InputError):
        parse_document_date("2025-02-30")


def test_reference_day_rule():
    month = parse_document_date("2025-03")
    days = [date(2025, 3, 14), date(2025, 3, 18), date(2025, 2, 27)]
    assert reference_day(month, days) == date(2025, 3, 18)  # latest explicit day in the month
    assert reference_day(month, [], today=date(2026, 1, 1)) == date(2025, 3, 31)
    assert reference_day(month, [], today=date(2025, 3, 10)) == date(2025, 3, 10)  # not in the future
    assert reference_day(parse_document_date("2025-03-05"), days) == date(2025, 3, 5)
    assert reference_day(None, days) == date(2025, 3, 18)
    assert reference_day(None, []) is None


def test_an_undated_article_counts_only_from_a_day_written_with_its_year():
    # "April 6" takes its year from the story (2004): no reference for "on Monday"
    text = "A court on Monday convicted the mayor.\n\nThe case dates back to 2004.\n\nSupporters rallied on April 6."
    assert [e.date for e in eventmap.parse_text(text, lang="en")] == [None, "2004-01-01", "2004-04-06"]
    text = "A court on Monday convicted the mayor.\n\nOn April 6, 2004, supporters rallied."
    assert [e.date for e in eventmap.parse_text(text, lang="en")] == ["2004-04-05", "2004-04-06"]


# ------------------------------------------------------------------ in the pipeline

ARTICLE = """date 2025-03
Trump en Poetin voerden op 18 maart een telefoongesprek over de oorlog.
Op 14 maart werd een raffinaderij aangevallen.
Kort na het telefoongesprek ging het luchtalarm af in Kiev.
Tegelijkertijd werden er drones neergeschoten.
Vorige week viel een raket op een school.
Oekraïense troepen werden uit de enclave verdreven.
"""


def by_text(events, needle):
    return next(e for e in events if needle in e.text)


def test_pipeline_dates_sources_and_reference_day():
    events = parse_text(ARTICLE, lang="nl")
    call = by_text(events, "telefoongesprek over")
    assert (call.date, call.date_source, call.date_text) == ("2025-03-18", "explicit", "18 maart")
    alarm = by_text(events, "luchtalarm")
    assert (alarm.date, alarm.date_precision, alarm.date_source) == ("2025-03-18", "day", "anchored")
    assert alarm.extra["anchored_to"] == call.id
    drones = by_text(events, "Tegelijkertijd")  # the previous dated event is the air raid
    assert (drones.date, drones.date_source) == ("2025-03-18", "anchored")
    week = by_text(events, "Vorige week")  # reference = 18 March, the latest day in March
    assert (week.date, week.date_end, week.date_precision) == ("2025-03-10", "2025-03-16", "week")
    enclave = by_text(events, "enclave")
    assert (enclave.date, enclave.date_end, enclave.date_precision, enclave.date_source) == (
        "2025-03-01",
        "2025-03-31",
        "month",
        "document",
    )


def test_anchor_without_match_falls_back_to_the_document_date():
    events = parse_text(
        "Kort na de verkiezing werden betogers gearresteerd.", document_date="2025-03-02", lang="nl"
    )
    assert [(e.date, e.date_source) for e in events] == [("2025-03-02", "document")]


def test_definite_noun_phrase_continues_a_recent_event():
    text = (
        "Russian forces launched a drone attack on Kyiv on Saturday, officials said.\n"
        "The attack began shortly after midnight.\n"
        "The weather was mild.\n"
    )
    evs = parse_text(text, document_date="2025-02-10", lang="en")
    attack, follow = evs[0], evs[1]
    assert attack.date == "2025-02-08"
    assert (follow.date, follow.date_source, follow.date_text) == ("2025-02-08", "anchored", "The attack")
    assert follow.extra["anchored_to"] == attack.id
    assert len(evs) == 2  # "The weather ..." is no event


def test_definite_noun_phrase_needs_an_event_noun_and_a_match():
    text = (
        "Op zaterdag werd Dnipro aangevallen met raketten.\n"
        "De politie arresteerde daarna 14 betogers.\n"
        "De overstroming kostte tien levens.\n"
    )
    evs = parse_text(text, document_date="2025-02-10", lang="nl")
    police = next(e for e in evs if "politie" in e.text)
    flood = next(e for e in evs if "overstroming" in e.text)
    # no continuation of the attack ("De politie" is no event noun, "De overstroming" is not
    # in the attack's sentence): they only take the story's day, the last day named
    assert police.extra["anchor"] == "story" and flood.extra["anchor"] == "story"
    assert police.date == flood.date == "2025-02-08"


def test_a_date_after_since_does_not_date_the_event():
    evs = parse_text(
        "Raketten troffen de stad, de zwaarste aanval sinds april 2023.",
        document_date="2025-02-10",
        lang="nl",
    )
    assert [(e.date, e.date_source) for e in evs] == [("2025-02-10", "document")]


def test_document_date_accepts_date_objects():
    from datetime import datetime

    assert parse_document_date(datetime(2025, 3, 18, 14, 30)).first == date(2025, 3, 18)
    evs = parse_text("Gisteren werd Kiev aangevallen.", document_date=date(2025, 3, 18), lang="nl")
    assert evs[0].date == "2025-03-17"


@pytest.mark.parametrize(
    "sentence,lang,offset",
    [
        ("Kort daarna vielen er raketten.", "nl", 0),
        ("Die avond werd Charkiv getroffen.", "nl", 0),
        ("Drie dagen later volgde een aanval.", "nl", 3),
        ("Twee dagen eerder was er overleg.", "nl", -2),
        ("Shortly afterwards, sirens sounded.", "en", 0),
        ("Later that day the army withdrew.", "en", 0),
        ("Two days later, talks resumed.", "en", 2),
        ("5 days earlier the bridge was hit.", "en", -5),
        ("Daarbij kwamen vier mensen om het leven.", "nl", 0),
        ("Dabei wurden zwei Menschen verletzt.", "de", 0),
        # at the time: the time of the event just told
        ("De staatssecretaris zei destijds dat het nooit meer mocht gebeuren.", "nl", 0),
        ("The minister said at the time that it must never happen again.", "en", 0),
        ("Der Minister sagte damals, das dürfe nie wieder geschehen.", "de", 0),
        ("Een verdachte uit Spijkenisse werd toen aangehouden.", "nl", 0),
    ],
)
def test_pointer_anchors_with_offsets(sentence, lang, offset):
    a = find_anchor(sentence, lang)
    assert a is not None and a.noun is None and a.offset_days == offset


def test_at_the_time_dates_a_sentence_with_the_event_just_told():
    text = (
        "Asielzoekers sliepen maandagnacht in het gras in Ter Apel.\n\n"
        "Vorig jaar augustus sliepen er ook honderden mensen buiten. "
        "De staatssecretaris zei destijds dat het nooit meer mocht gebeuren.\n"
    )
    evs = parse_text(text, document_date="2025-08-26", lang="nl")
    assert [(e.date, e.date_precision) for e in evs][-1] == ("2024-08-01", "month")


def test_a_sentence_dated_only_since_long_ago_is_a_state_up_to_the_report_not_the_story_day():
    text = (
        "Talks in Doha have made little progress since they resumed on July 6.\n\n"
        "The war has killed more than 57,000 people since October 7, 2023, the ministry said.\n"
    )
    evs = parse_text(text, document_date="2025-07-12", lang="en")
    assert [(e.date, e.date_source) for e in evs] == [("2025-07-06", "explicit"), ("2025-07-12", "document")]


def test_day_offset_is_applied_to_the_target_date():
    evs = parse_text(
        "Op 14 maart werd Toeapse aangevallen.\nDrie dagen later volgde een nieuwe aanval.\n",
        document_date="2025-03-20",
        lang="nl",
    )
    assert [(e.date, e.date_source) for e in evs] == [("2025-03-14", "explicit"), ("2025-03-17", "anchored")]


def test_a_recent_date_after_since_is_when_the_event_began():
    evs = parse_text("De protesten in Tbilisi duren sinds maandag.", document_date="2025-03-20", lang="nl")
    assert [(e.date, e.date_source) for e in evs] == [("2025-03-17", "relative")]


def test_the_dead_of_an_earlier_storm_are_dated_with_it_not_with_the_story():
    evs = parse_text(
        "Storm Ciarán trof donderdag Apeldoorn.\nVorig jaar oktober trof storm Poly het noorden.\n"
        "Daarbij kwam in Haarlem een vrouw om het leven.\n",
        document_date="2023-11-02",
        lang="nl",
    )
    assert [e.date for e in evs] == ["2023-11-02", "2022-10-01", "2022-10-01"]


def test_a_name_after_a_noun_anchor_phrase_makes_it_a_pointer():
    a = find_anchor("Накануне Лавров посетил Анкару.", "ru")
    assert a is not None and a.noun is None and a.offset_days == -1
    assert find_anchor("Накануне визита Лавров заявил.", "ru").noun == "визита"
    assert find_anchor("Kurz nach dem Telefonat sprach Merz.", "de").noun == "telefonat"  # German nouns
