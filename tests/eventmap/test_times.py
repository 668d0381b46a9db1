"""Clock times and parts of the day: found in Dutch and English, kept as Event.time on a dated day."""

from __future__ import annotations

import pytest

import eventmap
from eventmap.text.dates.times import find_times


@pytest.mark.parametrize(
    "text, lang, found",
    [
        ("De trein vertrok om 14.30 uur uit Utrecht.", "nl", [("om 14.30 uur", "14:30")]),
        (
            "'s Avonds vielen drie doden, rond middernacht nog een.",
            "nl",
            [("'s Avonds", "evening"), ("middernacht", "00:00")],
        ),
        ("om 8 uur begon de staking", "nl", [("om 8 uur", "08:00")]),
        ("shortly after 11 p.m., a spokeswoman said", "en", [("11 p.m.", "23:00")]),
        ("Markets opened at 1400 GMT.", "en", [("1400 GMT", "14:00")]),
        (
            "In the morning troops crossed; at noon they stopped.",
            "en",
            [("In the morning", "morning"), ("noon", "12:00")],
        ),
        ("Het kostte 3.50 euro en 14 uur werk.", "nl", []),  # a price and a duration
        ("It rose 3.5 percent in 14 hours.", "en", []),
        ("The morning papers led with it.", "en", []),  # no preposition: not a time of day
    ],
)
def test_clock_times_and_parts_of_the_day(text, lang, found):
    assert [(t.text, t.value) for t in find_times(text, lang)] == found


def test_a_sentence_with_an_event_and_a_clock_time_happened_on_the_reference_day():
    evs = eventmap.parse_text(
        "De trein vertrok om 14.30 uur uit Utrecht.\n", document_date="2025-03-18", lang="nl"
    )
    assert [(e.date, e.time, e.date_source, e.kind) for e in evs] == [
        ("2025-03-18", "14:30", "relative", "occurrence")
    ]


@pytest.mark.parametrize(
    "text, lang, time",
    [
        ("Maandagavond werd een supermarkt in Gouda overvallen.", "nl", "evening"),
        ("Vannacht brandde een schuur in Ede af.", "nl", "night"),
        ("Gisteren rond 07.15 uur botsten twee auto's op de A12.", "nl", "07:15"),
        ("Gunmen attacked a checkpoint on Monday morning.", "en", "morning"),
        ("Rebels shelled the town last night.", "en", "night"),
        ("The plane crashed on Sunday at 6:40 a.m. local time.", "en", "06:40"),
    ],
)
def test_the_time_of_day_on_a_dated_day(text, lang, time):
    (event,) = eventmap.parse_text(text, document_date="2025-03-18", lang=lang)
    assert event.time == time and event.date_precision == "day"


def test_no_time_without_a_day():
    (event,) = eventmap.parse_text(
        "In maart werd om 14.30 uur een bom gevonden.", document_date="2025-04-18", lang="nl"
    )
    assert (event.date_precision, event.time) == ("month", None)
