"""Wire copy and web pages as they arrive: datelines, bylines, hard-wrapped lines, reporting
clauses and clock times, in Dutch and English (texts written for these tests)."""

from __future__ import annotations

import json

import pytest

import eventmap
from eventmap.model import documents_from_json_obj, events_to_json_obj

REUTERS = """Man shot dead in Manchester

LONDON, May 3 (Reuters) - A man was shot dead in Manchester on
Friday, police said on Saturday. The 34-year-old was found near a
bus stop in the Moss Side district shortly after 11 p.m., a police
spokeswoman said in a statement.

Officers arrested two men in connection with the shooting.
"""

ANP = """UTRECHT (ANP) - Bij een grote brand in een fabriekshal in Zeist is
zaterdagavond een brandweerman gewond geraakt. De brand brak rond 21.30
uur uit, meldde de veiligheidsregio zondag.

Omwonenden werden via NL-Alert gewaarschuwd.
"""


@pytest.fixture
def today_2026(monkeypatch):
    """A dateline without a year takes the current year: pin 'today' to 30 March 2026."""
    import eventmap.text.document as document

    class Today(document.date):
        @classmethod
        def today(cls):
            return cls(2026, 3, 30)

    monkeypatch.setattr(document, "date", Today)


def _one(evs, fragment):
    found = [e for e in evs if fragment in e.text]
    assert found, f"no event with {fragment!r}: {[e.text for e in evs]}"
    return found[0]


def test_a_dateline_dates_the_document_and_is_not_an_event_place(today_2026):
    parsed = eventmap.parse_document(REUTERS, lang="en")
    doc = parsed.document
    assert (doc.date, doc.date_precision, doc.date_source, doc.agency) == (
        "2026-05-03",
        "day",
        "dateline",
        "Reuters",
    )
    assert doc.reported_from is not None and doc.reported_from.name == "London"
    assert doc.title == "Man shot dead in Manchester"
    shot = _one(parsed.events, "shot dead")
    assert shot.text.startswith("A man was shot dead")  # the dateline is cut from the sentence
    assert REUTERS[shot.source.start : shot.source.end] == shot.text  # offsets stay true
    assert [(shot.date, shot.kind, shot.place_source)] == [("2026-05-01", "occurrence", "sentence")]
    assert [p.name for p in shot.places] == ["Manchester"]
    assert all(p.name != "London" for e in parsed.events for p in e.places)


def test_a_dateline_year_comes_from_the_document_date_when_given():
    parsed = eventmap.parse_document(REUTERS, lang="en", document_date="2025-05-04")
    assert parsed.document.date_source == "given"
    assert _one(parsed.events, "shot dead").date == "2025-05-02"  # Friday before Sunday 4 May


def test_hard_wrapped_lines_are_joined_into_sentences():
    evs = eventmap.parse_text(REUTERS, lang="en", document_date="2025-05-03")
    texts = [" ".join(e.text.split()) for e in evs]
    assert "A man was shot dead in Manchester on Friday, police said on Saturday." in texts
    found = _one(evs, "34-year-old")
    assert "\n" in found.text and found.text.endswith("in a statement.")
    assert not any(t == "Man shot dead in Manchester" for t in texts)  # the headline stays a headline


def test_the_reporting_day_does_not_date_the_reported_event():
    evs = eventmap.parse_text(REUTERS, lang="en", document_date="2025-05-03")
    shot = [e for e in evs if "shot dead" in e.text]
    assert [(e.date, e.date_text) for e in shot] == [("2025-05-02", "Friday")]  # no second event for Saturday


def test_a_clock_time_on_the_day_is_the_events_time():
    evs = eventmap.parse_text(REUTERS, lang="en", document_date="2025-05-03")
    found = _one(evs, "34-year-old")
    assert (found.date, found.time) == ("2025-05-02", "23:00")  # the story's day: Friday


def test_dutch_wire_copy_with_a_dateline_elsewhere():
    parsed = eventmap.parse_document(ANP, lang="nl", document_date="2025-03-16")
    doc = parsed.document
    assert doc.agency == "ANP" and doc.reported_from is not None and doc.reported_from.name == "Utrecht"
    fire = _one(parsed.events, "fabriekshal")
    assert fire.text.startswith("Bij een grote brand")
    assert (fire.date, fire.time, fire.category) == ("2025-03-15", "evening", "disaster")
    assert [p.name for p in fire.places] == ["Zeist"]
    outbreak = [e for e in parsed.events if "brak rond" in e.text]
    assert [(e.date, e.time) for e in outbreak] == [
        ("2025-03-15", "21:30")
    ]  # "meldde ... zondag": the report
    neighbours = _one(parsed.events, "Omwonenden")
    assert neighbours.place_source == "document" and [p.name for p in neighbours.places] == ["Zeist"]


@pytest.mark.parametrize(
    "text, lang, date_, source",
    [
        (
            "Den Haag, 22 maart - Het kabinet heeft vrijdag besloten de belasting te verlagen.\n",
            "nl",
            "2026-03-22",
            "dateline",
        ),
        (
            "Gepubliceerd op 18 maart 2025\n\nDe politie hield gisteren drie mannen aan in Gouda.\n",
            "nl",
            "2025-03-18",
            "byline",
        ),
        (
            "Published March 18, 2025\n\nPolice arrested three men in Leeds yesterday.\n",
            "en",
            "2025-03-18",
            "byline",
        ),
        ("[18 March 2025]\n\nPolice arrested three men in Leeds yesterday.\n", "en", "2025-03-18", "byline"),
    ],
)
def test_bylines_and_dutch_datelines_date_the_document(text, lang, date_, source, today_2026):
    parsed = eventmap.parse_document(text, lang=lang)
    assert (parsed.document.date, parsed.document.date_source) == (date_, source)
    assert parsed.events and all(
        "Gepubliceerd" not in e.text and "Published" not in e.text for e in parsed.events
    )


def test_documents_are_written_with_the_events_and_read_back():
    parsed = eventmap.parse_document(ANP, lang="nl", document_date="2025-03-16", source="anp.txt")
    obj = json.loads(json.dumps(events_to_json_obj(parsed.events, documents=[parsed.document])))
    assert list(obj)[-2:] == ["documents", "events"]
    (doc,) = documents_from_json_obj(obj)
    assert doc == parsed.document and doc.path == "anp.txt"


def test_cli_parse_writes_the_documents(tmp_path):
    from click.testing import CliRunner

    from eventmap.cli import main

    article = tmp_path / "wire.txt"
    article.write_text(REUTERS, encoding="utf-8")
    out = tmp_path / "out.json"
    res = CliRunner().invoke(main, ["parse", str(article), "--date", "2025-05-03", "-o", str(out)])
    assert res.exit_code == 0, res.output
    (doc,) = json.loads(out.read_text(encoding="utf-8"))["documents"]
    assert doc["path"] == str(article) and doc["reported_from"]["name"] == "London"
