"""Corpus ingest: recursive discovery, parallel parsing, incremental re-runs, bad files, the store.

The parser is injected (`line_events`, a tiny real parser: one event per line, dated by the
file's `date` header) so that most tests exercise ingest alone; the tests named "project
parser" and "dashboard" run the real parser, gazetteer and app when they are installed.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

from eventmap.corpus.ingest import ingest
from eventmap.corpus.planning import find_articles
from eventmap.corpus.store import EventStore
from eventmap.errors import InputError, UserError
from eventmap.model import Event, Source

from conftest import DATA_DIR

CITIES = ["Kyiv", "Kharkiv", "Odesa", "Lviv", "Tuapse"]


def line_events(path: str, *, lang: str | None = None, document_date: str | None = None) -> list[Event]:
    """One event per non-empty body line, dated by the `date YYYY-MM-DD` header."""
    text = Path(path).read_text(encoding="utf-8")
    header = re.match(r"date (\d{4}-\d{2}-\d{2})\n", text)
    if header is None:
        raise InputError(f"{path}: no date header")
    events, offset = [], header.end()
    for line in text[header.end() :].split("\n"):
        if line.strip():
            events.append(
                Event(
                    text=line,
                    source=Source(path, offset, offset + len(line)),
                    date=header.group(1),
                    date_precision="day",
                    lang=lang,
                )
            )
        offset += len(line) + 1
    return events


def write_corpus(root: Path, n: int) -> int:
    """n articles in nested folders and three formats; returns how many events they hold."""
    total = 0
    for i in range(n):
        folder = root / f"paper{i % 4}" / f"2025-0{1 + i % 3}"
        folder.mkdir(parents=True, exist_ok=True)
        lines = [f"Article {i}: shelling in {CITIES[j % 5]} damaged {i + j} homes." for j in range(1 + i % 3)]
        suffix = (".txt", ".md", ".html")[i % 3]
        (folder / f"a{i:03d}{suffix}").write_text(
            f"date 2025-03-{1 + i % 28:02d}\n" + "\n".join(lines) + "\n"
        )
        total += len(lines)
    return total


def test_find_articles_walks_folders_and_skips_other_files(tmp_path):
    write_corpus(tmp_path, 6)
    (tmp_path / "paper0" / "photo.jpg").write_bytes(b"\xff\xd8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "notes.txt").write_text("date 2025-01-01\nhidden\n")
    found = find_articles([tmp_path])
    assert len(found) == 6 and all(p.suffix in {".txt", ".md", ".html"} for p in found)
    assert found == sorted(found)


def test_200_articles_with_two_jobs_then_a_second_run_parses_nothing(tmp_path):
    expected = write_corpus(tmp_path / "corpus", 200)
    store = EventStore(tmp_path / "events.duckdb")
    report = ingest([tmp_path / "corpus"], store, jobs=2, progress=False, parse_file=line_events)
    assert (report.files, report.parsed, report.unchanged, report.failed) == (200, 200, 0, [])
    assert report.events == expected == store.count()
    assert report.jobs == 2 and report.articles_per_second > 0

    again = ingest([tmp_path / "corpus"], store, jobs=2, progress=False, parse_file=line_events)
    assert (again.parsed, again.unchanged, again.events) == (0, 200, 0)
    assert store.count() == expected

    # what the dashboard asks of the store: counts per place (none: line_events does not
    # geocode) and per day in a window
    assert store.aggregate(by="place", start="2025-03-01", end="2025-03-07") == []
    days = store.aggregate(by="day", start="2025-03-01", end="2025-03-07")
    assert [d["day"] for d in days] == [f"2025-03-0{d}" for d in range(1, 8)]
    assert sum(d["count"] for d in days) == store.count(start="2025-03-01", end="2025-03-07")


def test_a_changed_file_is_parsed_again_and_its_old_events_replaced(tmp_path):
    write_corpus(tmp_path, 5)
    store = EventStore()
    ingest([tmp_path], store, jobs=1, progress=False, parse_file=line_events)
    before = store.count()
    target = find_articles([tmp_path])[0]
    old_lines = target.read_text().count("\n") - 1
    target.write_text("date 2025-06-01\nA new first line.\nA new second line.\nA third.\n")
    report = ingest([tmp_path], store, jobs=1, progress=False, parse_file=line_events)
    assert (report.parsed, report.unchanged) == (1, 4)
    assert store.count() == before - old_lines + 3
    assert [e.text for e in store.events(start="2025-06-01")] == [
        "A new first line.",
        "A new second line.",
        "A third.",
    ]


def test_a_bad_file_is_reported_skipped_and_not_retried_until_it_changes(tmp_path):
    write_corpus(tmp_path, 8)
    bad = tmp_path / "broken.txt"
    bad.write_text("no header here\n")
    store = EventStore()
    report = ingest([tmp_path], store, jobs=2, progress=False, parse_file=line_events, chunk_size=1)
    assert report.jobs == 2  # in worker processes
    assert report.parsed == 8 and len(report.failed) == 1
    path, reason = report.failed[0]
    assert path.endswith("broken.txt") and "no date header" in reason
    assert "1 failed" in report.summary()
    assert ingest([tmp_path], store, progress=False, parse_file=line_events, jobs=1).parsed == 0
    bad.write_text("date 2025-03-09\nFixed now.\n")
    fixed = ingest([tmp_path], store, progress=False, parse_file=line_events, jobs=1)
    assert fixed.parsed == 1 and fixed.failed == [] and store.count(start="2025-03-09", end="2025-03-09") >= 1


def test_identical_copies_are_parsed_once(tmp_path):
    (tmp_path / "a.txt").write_text("date 2025-03-14\nStrike at the refinery.\n")
    (tmp_path / "copy").mkdir()
    (tmp_path / "copy" / "a.txt").write_text("date 2025-03-14\nStrike at the refinery.\n")
    store = EventStore()
    report = ingest([tmp_path], store, jobs=1, progress=False, parse_file=line_events)
    assert (report.parsed, report.duplicates, store.count()) == (1, 1, 1)


def test_lang_and_document_date_reach_the_parser(tmp_path):
    (tmp_path / "a.txt").write_text("date 2025-03-14\nStaking bij de raffinaderij.\n")
    store = EventStore()
    ingest([tmp_path], store, jobs=1, progress=False, parse_file=line_events, lang="nl")
    assert store.events()[0].lang == "nl"


def test_progress_bar_goes_to_stderr(tmp_path, capsys):
    write_corpus(tmp_path, 3)
    ingest([tmp_path], EventStore(), jobs=1, progress=True, parse_file=line_events)
    out, err = capsys.readouterr()
    assert out == "" and "3/3" in err


def test_bad_arguments_are_user_errors(tmp_path):
    store = EventStore()
    with pytest.raises(InputError, match="no such file or folder"):
        ingest([tmp_path / "missing"], store, progress=False, parse_file=line_events)
    with pytest.raises(InputError, match="no .* files"):
        ingest([tmp_path], store, progress=False, parse_file=line_events)
    (tmp_path / "a.txt").write_text("date 2025-03-14\nx\n")
    with pytest.raises(InputError, match="--jobs"):
        ingest([tmp_path], store, jobs=0, progress=False, parse_file=line_events)
    with EventStore(tmp_path / "s.duckdb"):
        pass
    with pytest.raises(UserError, match="read-only"):
        ingest(
            [tmp_path],
            EventStore(tmp_path / "s.duckdb", read_only=True),
            progress=False,
            parse_file=line_events,
        )
    with pytest.raises(TypeError, match="module-level function"):
        ingest([tmp_path], store, jobs=2, progress=False, parse_file=lambda path, **kw: [])


def test_the_project_parser_in_two_processes_gives_what_one_gives(tmp_path, seed_path):
    importlib.import_module("eventmap.text.pipeline")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / seed_path.name).write_bytes(seed_path.read_bytes())
    for f in sorted((DATA_DIR / "merge" / "articles").glob("*tuapse*.txt")):
        (corpus / f.name).write_bytes(f.read_bytes())
    one, two = EventStore(), EventStore()
    serial = ingest([corpus], one, jobs=1, progress=False)
    parallel = ingest([corpus], two, jobs=2, progress=False, chunk_size=1)
    assert serial.failed == parallel.failed == [] and serial.parsed == parallel.parsed == 8
    assert parallel.jobs == 2
    assert [e.to_dict() for e in one.events()] == [e.to_dict() for e in two.events()]
    assert one.count(start="2025-03-18", end="2025-03-18") >= 1  # the seed's phone call
    places = {p["place"]: p["count"] for p in one.aggregate(by="place", start="2025-03-14", end="2025-03-14")}
    assert places.get("Tuapse", 0) >= 3  # the refinery strike, in three of the articles at least


def test_ingest_to_store_opens_and_closes_the_store_file(tmp_path):
    from eventmap.corpus.ingest import ingest_to_store

    write_corpus(tmp_path / "corpus", 5)
    report = ingest_to_store(
        [tmp_path / "corpus"], tmp_path / "news.duckdb", jobs=1, progress=False, parse_file=line_events
    )
    assert report.parsed == 5
    with EventStore(tmp_path / "news.duckdb", read_only=True) as store:  # closed: readable again
        assert store.count() == report.events
    with pytest.raises(InputError, match="is a folder"):
        ingest_to_store([tmp_path / "corpus"], tmp_path, parse_file=line_events)


def test_the_store_serves_the_dashboard(tmp_path):
    """Articles -> store -> the events of a window -> the dashboard's layout, over HTTP."""
    importlib.import_module("eventmap.text.pipeline")
    app_module = importlib.import_module("dashboard.app")
    store = EventStore(tmp_path / "news.duckdb")
    ingest([DATA_DIR / "merge" / "articles"], store, jobs=1, progress=False)
    window = store.events(start="2025-04-01", end="2025-04-07", limit=1000)
    assert window and all(e.date <= "2025-04-07" and e.end_date.isoformat() >= "2025-04-01" for e in window)
    client = app_module.create_app(window).server.test_client()
    layout = client.get("/_dash-layout")
    assert layout.status_code == 200
    assert b"Odesa" in layout.data and b"Lyon" not in layout.data  # Lyon is in March


def test_prune_forgets_files_deleted_from_the_folder_only_when_asked(tmp_path):
    write_corpus(tmp_path / "corpus", 6)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "x.txt").write_text("date 2025-03-14\nKept: not under the folder.\n")
    store = EventStore()
    ingest(
        [tmp_path / "corpus", tmp_path / "elsewhere"], store, jobs=1, progress=False, parse_file=line_events
    )
    victim = find_articles([tmp_path / "corpus"])[0]
    lines = victim.read_text().count("\n") - 1
    before = store.count()
    victim.unlink()
    (tmp_path / "elsewhere" / "x.txt").unlink()
    kept = ingest([tmp_path / "corpus"], store, jobs=1, progress=False, parse_file=line_events)
    assert kept.removed == 0 and store.count() == before
    pruned = ingest([tmp_path / "corpus"], store, jobs=1, progress=False, parse_file=line_events, prune=True)
    assert pruned.removed == 1 and "1 removed" in pruned.summary()
    assert store.count() == before - lines  # x.txt is gone too, but was not under corpus/
    assert str(victim) not in store.file_hashes() and len(store.file_hashes()) == 6


def test_event_files_in_the_folder_are_read_into_the_store(tmp_path):
    importlib.import_module("eventmap.corpus.loading")
    import json

    from eventmap.model import events_to_json_obj

    imported = [
        Event(text=f"Imported event {i}.", source=Source("acled", i, i + 1), date=f"2024-05-0{i + 1}")
        for i in range(3)
    ]
    (tmp_path / "events.json").write_text(json.dumps(events_to_json_obj(imported)))
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")  # neither an article nor an event file
    store = EventStore()
    report = ingest([tmp_path], store, jobs=1, progress=False)
    assert (report.files, report.parsed, report.failed) == (1, 1, [])
    assert [e.id for e in store.events()] == [e.id for e in imported]
    assert ingest([tmp_path], store, jobs=1, progress=False).unchanged == 1


def test_eventmap_parse_folder_with_jobs_into_a_store(tmp_path, monkeypatch):
    """The command line: `eventmap parse DIR --jobs 2 --store PATH`, twice; the default store."""
    importlib.import_module("eventmap.text.pipeline")
    from click.testing import CliRunner

    from eventmap.cli import main

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for f in sorted((DATA_DIR / "merge" / "articles").glob("*.txt")):
        (corpus / f.name).write_bytes(f.read_bytes())
    store_path = tmp_path / "news.duckdb"
    args = ["parse", str(corpus), "--jobs", "2", "--store", str(store_path)]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.output
    assert "21 parsed" in first.stderr and first.stdout == ""
    second = CliRunner().invoke(main, args)
    assert second.exit_code == 0 and "0 parsed, 21 unchanged" in second.stderr
    with EventStore(store_path, read_only=True) as store:
        assert store.count() > 21 and len(store.file_hashes()) == 21
    monkeypatch.chdir(tmp_path)
    default = CliRunner().invoke(main, ["parse", str(corpus / "en_kyiv.txt"), "--jobs", "1"])
    assert default.exit_code == 0 and (tmp_path / "events.duckdb").is_file()
    usage = CliRunner().invoke(main, ["parse", str(corpus), "--store", str(store_path), "-o", "x.json"])
    assert usage.exit_code == 2 and "event store" in usage.stderr and not (tmp_path / "x.json").exists()
