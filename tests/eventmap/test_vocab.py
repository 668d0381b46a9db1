"""Date words are data: one table per language, patterns built from it, a language is a file."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest

from eventmap.errors import InputError
from eventmap.text.dates import vocab as vocab_module
from eventmap.text.dates.context import Frame
from eventmap.text.dates.find import find_dates, read_with
from eventmap.text.dates.patterns import build, patterns_for
from eventmap.text.dates.vocab import KNOWN_KEYS, Vocab, available_languages, load_vocab

from conftest import ROOT

VOCAB_DIR = ROOT / "eventmap" / "text" / "dates" / "vocab"


def _table(**extra) -> dict:
    """A small table in the schema of dates/vocab/*.json (what a new language starts from)."""
    base = {
        "language": "xx",
        "sources": ["written for this test"],
        "date_order": "DMY",
        "months": {
            m: [m]
            for m in "january february march april may june july august september october november december".split()
        },
        "weekdays": {d: [d] for d in "monday tuesday wednesday thursday friday saturday sunday".split()},
        "units": {"day": ["day", "days"], "year": ["year", "years"]},
    }
    base.update(extra)
    return base


def _read(table: dict, text: str, ref=date(2025, 3, 18)) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in read_with(text, build(Vocab(table)), Frame(ref))]


@pytest.mark.parametrize("lang", available_languages())
def test_every_table_loads_names_its_sources_and_uses_known_keys(lang):
    raw = json.loads((VOCAB_DIR / f"{lang}.json").read_text(encoding="utf-8"))
    assert raw["language"] == lang and raw["sources"]
    assert set(raw) <= KNOWN_KEYS
    v = load_vocab(lang)
    assert sorted(set(v.month_of.values())) == list(range(1, 13))
    assert sorted(set(v.weekday_of.values())) == list(range(7))
    assert patterns_for(lang).patterns


def test_the_tables_hold_what_dateparser_knows():
    """tools/vocab_from_dateparser.py has merged dateparser's month, weekday, unit, number
    and 'ago' words into every table (the check fails when a table is out of date)."""
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "vocab_from_dateparser.py"), *available_languages(), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_a_table_with_an_unknown_key_is_refused():
    with pytest.raises(ValueError, match="unknown keys"):
        Vocab(_table(monthz={}))
    with pytest.raises(ValueError, match="lacks"):
        Vocab({"language": "xx"})


def test_german_ordinals_with_a_full_stop_are_read():
    table = _table(months=dict(_table()["months"], march=["märz", "mrz"]), ordinal_suffixes=["."])
    assert _read(table, "Am 7. März 2025 fiel die Entscheidung.") == [("7. März 2025", "2025-03-07")]


def test_french_premier_and_the_article_before_a_day_are_read():
    table = _table(months=dict(_table()["months"], may=["mai"]), ordinal_suffixes=["er"], day_prefixes=["le"])
    assert _read(table, "Il est arrivé le 1er mai 2025 à Paris.") == [("le 1er mai 2025", "2025-05-01")]


def test_slavic_case_forms_and_year_words_are_read():
    months = dict(_table()["months"], march=["березень", "березня", "бер"])
    table = _table(months=months, year_suffixes=["року", "р."])
    assert _read(table, "Це сталося 7 березня 2025 року в Києві.") == [("7 березня 2025 року", "2025-03-07")]


def test_ago_words_may_stand_before_the_number():
    """German 'vor 3 Tagen', French 'il y a 3 jours': the table says on which side."""
    table = _table(units={"day": ["tag", "tagen"]}, ago={"before": ["vor"], "after": []}, numbers={"drei": 3})
    assert _read(table, "Das war vor drei Tagen.") == [("vor drei Tagen", "2025-03-15")]


def test_adding_a_language_is_adding_a_file(tmp_path, monkeypatch):
    for lang in ("en", "nl"):
        (tmp_path / f"{lang}.json").write_text((VOCAB_DIR / f"{lang}.json").read_text(encoding="utf-8"))
    table = _table(language="xx", months=dict(_table()["months"], march=["marzo"]), stopwords=["el", "la"])
    (tmp_path / "xx.json").write_text(json.dumps(table), encoding="utf-8")

    class Folder:
        def __truediv__(self, name):
            return tmp_path / name

        def iterdir(self):
            return tmp_path.iterdir()

    for cached in (vocab_module.available_languages, vocab_module.load_vocab, patterns_for):
        cached.cache_clear()
    monkeypatch.setattr(vocab_module, "_folder", lambda: Folder())
    try:
        assert "xx" in available_languages()
        assert [m.value for m in find_dates("el 14 marzo 2024", "2025-03-18", "xx")] == ["2024-03-14"]
    finally:
        monkeypatch.undo()
        for cached in (vocab_module.available_languages, vocab_module.load_vocab, patterns_for):
            cached.cache_clear()
    with pytest.raises(InputError):
        find_dates("el 14 marzo 2024", "2025-03-18", "xx")
