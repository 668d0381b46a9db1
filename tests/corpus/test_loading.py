"""PATH arguments: folders walked, articles parsed, event files read, bad files skipped."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from eventmap.corpus.loading import find_files, load_paths
from eventmap.errors import InputError
from eventmap.formats import write_events

from conftest import DATA_DIR
from factories import sample_events

DATA = DATA_DIR / "formats"


@pytest.fixture
def mixed_folder(tmp_path, seed_path) -> Path:
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / ".hidden").mkdir()
    shutil.copy(seed_path, root / "article.txt")
    shutil.copy(DATA / "acled_sample.csv", root / "sub" / "acled.csv")
    write_events(sample_events(), "geojson", root / "sub" / "mine.geojson")
    (root / "sub" / "broken.json").write_text("{not json")
    (root / ".hidden" / "ignored.csv").write_text("date,text\n2025-01-01,hidden\n")
    (root / "notes.docx").write_bytes(b"PK\x03\x04")  # neither an article nor an event file
    return root


def test_a_folder_loads_articles_and_event_files_and_reports_the_bad_one(mixed_folder):
    assert [p.relative_to(mixed_folder).as_posix() for p in find_files([mixed_folder])] == [
        "article.txt",
        "sub/acled.csv",
        "sub/broken.json",
        "sub/mine.geojson",
    ]
    errors: list[tuple[Path, str]] = []
    events = load_paths([mixed_folder], on_error=lambda p, m: errors.append((p, m)))
    assert [p.name for p, _ in errors] == ["broken.json"]
    assert "broken.json: not valid JSON" in errors[0][1]
    docs = [e.source.document for e in events]
    from_article = [e for e in events if e.source.document.endswith("article.txt")]
    assert from_article and all(e.lang == "nl" for e in from_article)
    assert any(e.date == "2025-03-18" for e in from_article)  # the phone call of 18 March
    assert [
        e.id for e in events if e.id.startswith("UKR") or e.id.startswith("RUS") or e.id.startswith("NLD")
    ] == ["UKR90001", "UKR90002", "RUS90003", "NLD90004"]
    assert [e for e in events if e.source.document.startswith("docs/")] == sample_events()
    assert docs.index(from_article[0].source.document) < docs.index("Suspilne")  # file order kept


def test_the_same_file_twice_is_loaded_once(tmp_path):
    path = tmp_path / "e.json"
    write_events(sample_events(), "json", path)
    assert load_paths([path, tmp_path, tmp_path / "." / "e.json"]) == sample_events()


def test_missing_paths_and_nothing_loadable_are_input_errors(tmp_path):
    with pytest.raises(InputError, match="nope.csv: no such file or folder"):
        load_paths([tmp_path / "nope.csv"])
    with pytest.raises(InputError, match="no articles .* or event files"):
        load_paths([tmp_path])
    (tmp_path / "bad.csv").write_text("date,text\nlater,x\n")
    with pytest.raises(InputError, match=r"bad\.csv: row 2: date 'later'"):
        load_paths([tmp_path / "bad.csv"])
    (tmp_path / "x.xml").write_text("<x/>")
    with pytest.raises(InputError, match=r"x\.xml: not an article"):
        load_paths([tmp_path / "x.xml"])


def test_column_mapping_reaches_the_csv_reader(tmp_path):
    (tmp_path / "m.csv").write_text("wanneer,wat\n2025-03-18,Iets gebeurde.\n")
    (event,) = load_paths([tmp_path], columns="date=wanneer,text=wat")
    assert (event.date, event.text) == ("2025-03-18", "Iets gebeurde.")


def test_exported_html_in_the_folder_is_not_read_as_an_article(tmp_path):
    from dashboard.export.html import render_html

    write_events(sample_events(), "json", tmp_path / "events.json")
    (tmp_path / "view.html").write_text(render_html(sample_events(), title="View"))
    (tmp_path / "part.html").write_text(render_html(sample_events(), snippet=True))
    assert load_paths([tmp_path]) == sample_events()
