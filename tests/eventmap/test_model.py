"""The event model: validation, JSON round trip, stable ids and the map point."""

from __future__ import annotations

import pytest

from eventmap.model import Event, EventFormatError, Place, Source, events_from_json_obj, events_to_json_obj


def _event(**kw) -> Event:
    return Event(text="Troops were driven from Kursk province.", source=Source("a.txt", 10, 50), **kw)


def test_main_place_prefers_the_most_specific_kind_over_the_first_named():
    ev = _event(
        places=[
            Place("Ukraine", "Ukraine", 49.0, 32.0, "UA", "country"),
            Place("provincie Koersk", "Kursk Oblast", 51.7, 36.2, "RU", "region"),
        ]
    )
    assert (ev.lat, ev.lon) == (51.7, 36.2)


def test_unplaced_event_has_no_point_and_unknown_places_are_kept():
    ev = _event(places=[Place("Atlantis")])
    assert ev.lat is None and ev.lon is None and ev.places[0].text == "Atlantis"


def test_ids_are_stable_and_depend_on_document_and_offsets():
    assert _event().id == _event().id
    other = Event(text=_event().text, source=Source("b.txt", 10, 50))
    assert other.id != _event().id


def test_json_round_trip_keeps_every_field():
    ev = _event(
        date="2025-03-01",
        date_end="2025-03-31",
        date_precision="month",
        date_text=None,
        date_source="document",
        category="fighting",
        lang="nl",
        places=[Place("Koersk", "Kursk", 51.73, 36.19, "RU", "city", "538560", 3, 9)],
        extra={"fatalities": 3},
    )
    back = events_from_json_obj(events_to_json_obj([ev]))
    assert back[0].to_dict() == ev.to_dict()


@pytest.mark.parametrize(
    "bad, words",
    [
        ({"text": "x", "date": "2025-02-30"}, "not a valid ISO date"),
        ({"text": "x", "lat": 95, "lon": 0}, "out of range"),
        ({"text": "x", "date": "2025-03-10", "date_end": "2025-03-01"}, "before"),
        ({"text": "x", "date_precision": "hour"}, "unknown date_precision"),
        ({"date": "2025-03-01"}, "'text'"),
    ],
)
def test_invalid_events_raise_a_format_error_naming_the_position(bad, words):
    with pytest.raises(EventFormatError, match=r"event #2") as info:
        events_from_json_obj({"events": [{"text": "fine"}, bad]})
    assert words in str(info.value)
