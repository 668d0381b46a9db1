"""A table that names places without coordinates: its events are placed by name (offline)."""

from __future__ import annotations

from eventmap.corpus.loading import load_file
from eventmap.formats import ImportReport


def test_a_location_column_without_coordinates_is_looked_up_in_the_offline_gazetteer(tmp_path):
    path = tmp_path / "events.csv"
    path.write_text(
        "Date,Location,Country,Description\n"
        "2025-03-14,Tuapse,Russia,Drone strike on an oil refinery\n"
        "2025-03-18,Kursk,,Fighting near Sudzha\n"
        "2025-03-19,Xyzzyville,,A place nobody knows\n",
        encoding="utf-8",
    )
    report = ImportReport(str(path))
    events = load_file(path, report=report)
    located = {e.text: (e.places[0].name, e.places[0].country_code) for e in events if e.lat is not None}
    assert located == {
        "Drone strike on an oil refinery": ("Tuapse", "RU"),
        "Fighting near Sudzha": ("Kursk", "RU"),
    }
    assert [e.lat for e in events if e.text.startswith("A place")] == [None]
    assert report.warnings == [
        "placed 2 of 3 events without coordinates by their place name (OfflineGeocoder); not found: 'Xyzzyville'"
    ]


def test_an_eventmap_file_s_unlocated_place_is_left_as_the_parser_left_it(tmp_path):
    path = tmp_path / "events.json"
    path.write_text(
        '{"format": "eventmap", "version": 1, "events": [{"id": "a", "text": "Fighting", '
        '"date": "2025-03-18", "places": [{"text": "Kursk"}]}]}',
        encoding="utf-8",
    )
    (event,) = load_file(path)
    assert event.lat is None and event.places[0].lat is None
