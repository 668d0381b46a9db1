"""`eventmap parse --lang auto` on a German, a French, a Ukrainian and a Russian article about
the seed's story (tests/data/languages, written for these tests): each event of the story is
found with its day (or month) and its place, and the language is detected."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventmap.cli import main
from eventmap.formats import read_events

from conftest import ROOT

ARTICLES = ROOT / "tests" / "data" / "languages"

# (anchor in the event's text, first day, last day, precision, place name or None)
EXPECTED = {
    "de_telefonat.txt": [
        ("Telefonat geführt", "2025-03-18", "2025-03-18", "day", None),
        ("heulten in Kiew", "2025-03-18", "2025-03-18", "day", "Kyiv"),
        ("Ölraffinerie in Tuapse", "2025-03-14", "2025-03-14", "day", "Tuapse"),
        # "Anfang März" told in the past ("mussten") in an article of 20 March: March up to that day
        ("Im Kursker Gebiet", "2025-03-01", "2025-03-20", "month", "Kursk Oblast"),
        ("Gebiet Belgorod", "2025-03-01", "2025-03-20", "month", "Belgorod Oblast"),
        ("Bundestag stimmte", "2025-03-18", "2025-03-18", "day", "Bundestag"),
        ("Estland kündigte", "2025-03-14", "2025-03-14", "day", "Estonia"),
        ("sagte am Mittwoch", "2025-03-19", "2025-03-19", "day", "Helsinki"),
    ],
    "fr_appel.txt": [
        ("appel téléphonique", "2025-03-18", "2025-03-18", "day", None),
        ("retenti à Kiev", "2025-03-18", "2025-03-18", "day", "Kyiv"),
        ("raffinerie de Touapsé", "2025-03-14", "2025-03-14", "day", "Tuapse"),
        # "début mars", told in the past tense in an article of 20 March: March up to that day
        ("région de Koursk", "2025-03-01", "2025-03-20", "month", "Kursk Oblast"),
        ("région de Belgorod", "2025-03-01", "2025-03-20", "month", "Belgorod Oblast"),
        ("L'Estonie a annoncé", "2025-03-14", "2025-03-14", "day", "Estonia"),
        ("ont annoncé le 18 mars", "2025-03-18", "2025-03-18", "day", "Poland"),
        ("a déclaré mercredi", "2025-03-19", "2025-03-19", "day", "Helsinki"),
    ],
    "uk_rozmova.txt": [
        ("телефонну розмову", "2025-03-18", "2025-03-18", "day", None),
        ("в Києві", "2025-03-18", "2025-03-18", "day", "Kyiv"),
        ("у Туапсе", "2025-03-14", "2025-03-14", "day", "Tuapse"),
        ("в Курській області", "2025-03-01", "2025-03-31", "month", "Kursk Oblast"),
        ("у Бєлгородській області", "2025-03-01", "2025-03-31", "month", "Belgorod Oblast"),
        ("Естонія минулої", "2025-03-14", "2025-03-14", "day", "Estonia"),
        ("заявив у середу", "2025-03-19", "2025-03-19", "day", "Helsinki"),
    ],
    "ru_razgovor.txt": [
        ("телефонный разговор", "2025-03-18", "2025-03-18", "day", None),
        ("в Киеве", "2025-03-18", "2025-03-18", "day", "Kyiv"),
        ("в Туапсе", "2025-03-14", "2025-03-14", "day", "Tuapse"),
        ("в Курской области", "2025-03-01", "2025-03-31", "month", "Kursk Oblast"),
        ("в Белгородской области", "2025-03-01", "2025-03-31", "month", "Belgorod Oblast"),
        ("Эстония в прошлую", "2025-03-14", "2025-03-14", "day", "Estonia"),
        ("заявил в среду", "2025-03-19", "2025-03-19", "day", "Helsinki"),
    ],
}


@pytest.fixture(scope="module")
def parsed(tmp_path_factory) -> dict[str, list[dict]]:
    out = {}
    for name in EXPECTED:
        target = tmp_path_factory.mktemp("parse") / "out.json"
        res = CliRunner().invoke(
            main, ["parse", str(ARTICLES / name), "--lang", "auto", "--format", "json", "-o", str(target)]
        )
        assert res.exit_code == 0, res.output
        out[name] = json.loads(target.read_text(encoding="utf-8"))["events"]
    return out


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_language_is_detected(parsed, name):
    assert {e["lang"] for e in parsed[name]} == {name[:2]}


@pytest.mark.parametrize(
    ("name", "anchor", "first", "last", "precision", "place"),
    [(name, *row) for name, rows in EXPECTED.items() for row in rows],
)
def test_each_event_of_the_story_has_its_date_and_place(parsed, name, anchor, first, last, precision, place):
    found = [e for e in parsed[name] if anchor in e["text"]]
    assert found, f"no event with {anchor!r}"
    e = found[0]
    assert (e["date"], e["date_end"], e["date_precision"]) == (first, last, precision)
    if place is not None:
        assert place in [p["name"] for p in e["places"]]


def test_the_imports_read_articles_in_every_language(tmp_path):
    """`eventmap export` (the import path that serve shares) reads a folder of articles in the
    six languages, each in its own language with --lang auto, and a forced --lang as given."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in ARTICLES.glob("*.txt"):
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "all.csv"
    res = CliRunner().invoke(main, ["export", str(folder), "--lang", "auto", "--csv", str(out)])
    assert res.exit_code == 0, res.output
    events = read_events(out)
    by_doc = {}
    for e in events:
        by_doc.setdefault(Path(e.source.document).name[:2], set()).add(e.lang)
    assert by_doc == {lang: {lang} for lang in ("de", "en", "fr", "nl", "ru", "uk")}
    forced = tmp_path / "uk.csv"
    res = CliRunner().invoke(
        main, ["export", str(folder / "uk_rozmova.txt"), "--lang", "uk", "--csv", str(forced)]
    )
    assert res.exit_code == 0, res.output
    kyiv = [e for e in read_events(forced) if "в Києві" in e.text]
    assert kyiv and kyiv[0].date == "2025-03-18" and "Kyiv" in [p.name for p in kyiv[0].places]
