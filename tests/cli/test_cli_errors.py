"""Every way a user can hand eventmap bad input ends in ONE clear line on stderr.

The contract (docs/limits.md): a non-zero exit, exactly one line on stderr that
names the problem, no traceback -- unless `--debug` asks for it. Most cases run through
click's CliRunner (fast, in-process); a few run the installed `eventmap` script, because
only a real process shows what a user sees (stderr, exit status, no half-written files).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from eventmap.cli import main
from eventmap.formats import read_events, write_events

from factories import sample_events

EVENTMAP = Path(sys.executable).with_name("eventmap")
ARTICLE = "date 2025-03-20\nOp 18 maart viel Rusland Kyiv aan met drones.\n"


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, list(args), env=env)


def assert_one_line_error(res: Result, *words: str) -> str:
    """Non-zero exit, one stderr line mentioning every word, no traceback anywhere."""
    assert res.exit_code != 0, res.stdout
    assert not isinstance(res.exception, Exception) or isinstance(res.exception, SystemExit), (
        f"uncaught {res.exception!r}"
    )
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1, f"expected one line on stderr, got {lines}"
    assert "Traceback" not in res.stderr + res.stdout
    line = lines[0]
    assert line.startswith("eventmap: error: "), line
    for w in words:
        assert w.lower() in line.lower(), f"{w!r} not in {line!r}"
    return line


@pytest.fixture
def article(tmp_path: Path) -> Path:
    p = tmp_path / "article.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    return p


# --------------------------------------------------------------------------- files


@pytest.mark.parametrize("command", [["parse"], ["export", "--json", "out.json"], ["serve", "--no-browser"]])
def test_a_missing_file_is_named(tmp_path, command):
    missing = str(tmp_path / "nope.txt")
    args = [*command[:1], missing, *command[1:]]
    assert_one_line_error(run(*args), "nope.txt", "no such file")


def test_an_empty_folder_says_nothing_was_found(tmp_path):
    (tmp_path / "empty").mkdir()
    assert_one_line_error(
        run("export", str(tmp_path / "empty"), "--json", str(tmp_path / "o.json")), "no articles", "empty"
    )


def test_a_folder_of_unreadable_files_is_one_error_not_a_warning_per_file(tmp_path):
    folder = tmp_path / "junk"
    folder.mkdir()
    (folder / "a.txt").write_bytes(os.urandom(4000))
    (folder / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    (folder / "c.json").write_text('{"events": [', encoding="utf-8")
    line = assert_one_line_error(
        run("export", str(folder), "--json", str(tmp_path / "o.json")), "none of the 3 files"
    )
    assert "a.txt" in line
    assert not (tmp_path / "o.json").exists()


@pytest.mark.parametrize(
    "payload",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8,  # a PNG named .txt
        b"\x7fELF\x02\x01\x01" + b"\x00" * 200 + bytes(range(256)) * 4,  # an executable
    ],
)
def test_binary_files_are_refused_as_not_text(tmp_path, payload):
    p = tmp_path / "binary.txt"
    p.write_bytes(payload)
    assert_one_line_error(run("parse", str(p)), "binary.txt", "binary")


def test_random_bytes_are_refused_as_not_text(tmp_path):
    import random

    p = tmp_path / "noise.txt"
    p.write_bytes(random.Random(6).randbytes(5000))
    assert_one_line_error(run("parse", str(p)), "noise.txt", "not text")


def test_a_file_over_the_size_limit_says_the_limit_and_how_to_raise_it(tmp_path):
    p = tmp_path / "huge.txt"
    p.write_text(ARTICLE * 50, encoding="utf-8")
    line = assert_one_line_error(
        run("parse", str(p), env={"EVENTMAP_MAX_BYTES": "1000"}), "huge.txt", "1000", "EVENTMAP_MAX_BYTES"
    )
    assert str(p.stat().st_size) in line
    # ... and raising the limit is how to read it
    ok = run("parse", str(p), env={"EVENTMAP_MAX_BYTES": str(10**6)})
    assert ok.exit_code == 0, ok.stderr


def test_a_nonsense_size_limit_is_named(article):
    assert_one_line_error(
        run("parse", str(article), env={"EVENTMAP_MAX_BYTES": "lots"}), "EVENTMAP_MAX_BYTES", "lots"
    )


# --------------------------------------------------------------------------- malformed event files


@pytest.mark.parametrize(
    "name, content, words",
    [
        ("broken.json", '{"events": [\n  {"text": "a",}\n]}', ["broken.json", "not valid json", "line 2"]),
        ("trunc.json", '{"events": [', ["trunc.json", "not valid json", "line 1"]),
        ("wrong.json", '{"events": 3}', ["wrong.json", "list"]),
        ("notext.json", '{"events": [{"date": "2025-01-01"}]}', ["notext.json", "event #1", "text"]),
        (
            "broken.geojson",
            '{"type": "FeatureCollection", "features": [',
            ["broken.geojson", "not valid json"],
        ),
        (
            "nofeatures.geojson",
            '{"type": "FeatureCollection", "features": 5}',
            ["nofeatures.geojson", "features"],
        ),
        ("nocols.csv", "foo,bar\n1,2\n", ["nocols.csv", "--columns"]),
        ("surrogate.json", '[{"text": "a \\ud800 b"}]', ["surrogate.json"]),  # not encodable Unicode
    ],
)
def test_malformed_event_files_say_where(tmp_path, name, content, words):
    p = tmp_path / name
    p.write_text(content, encoding="utf-8")
    assert_one_line_error(run("export", str(p), "--json", str(tmp_path / "o.json")), *words)
    assert not (tmp_path / "o.json").exists()


@pytest.mark.parametrize(
    "name, content, words",
    [
        (
            "badgeom.geojson",
            json.dumps(
                {
                    "type": "FeatureCollection",
                    "features": [
                        {
                            "type": "Feature",
                            "geometry": {"type": "Point", "coordinates": [1, 2]},
                            "properties": {"text": "a"},
                        },
                        {
                            "type": "Feature",
                            "geometry": {"type": "Point", "coordinates": ["x"]},
                            "properties": {"text": "b"},
                        },
                    ],
                }
            ),
            ["badgeom.geojson", "skipped 1 of 2 features", "feature #2"],
        ),
        (
            "rows.csv",
            "event_date,notes,latitude,longitude\n2025-01-02,ok,1,2\n2025-01-03,bad,north,2\n",
            ["rows.csv", "skipped 1 of 2 rows", "row 3", "north"],
        ),
        (
            "month13.json",
            '[{"text": "a"}, {"text": "b", "date": "2025-13-01"}]',
            ["month13.json", "skipped 1 of 2 events", "event #2", "2025-13-01"],
        ),
    ],
)
def test_a_bad_item_is_skipped_with_a_warning_and_the_rest_written(tmp_path, name, content, words):
    p = tmp_path / name
    p.write_text(content, encoding="utf-8")
    res = run("export", str(p), "--json", str(tmp_path / "o.json"))
    assert res.exit_code == 1  # something was left out ...
    warnings = [line for line in res.stderr.splitlines() if line.startswith("eventmap: warning:")]
    warnings = [line for line in warnings if ": skipped " in line]
    assert len(warnings) == 1, res.stderr  # one line for the file: a count and the first reason
    for w in words:
        assert w.lower() in warnings[0].lower(), f"{w!r} not in {warnings[0]!r}"
    assert len(read_events(tmp_path / "o.json")) == 1  # ... and the good item was written
    assert "Traceback" not in res.stderr


# --------------------------------------------------------------------------- dates and coordinates


@pytest.mark.parametrize(
    "value, words",
    [
        ("2025-02-30", ["2025-02-30", "not a real date"]),
        ("2025-13", ["2025-13", "not a real date"]),
        ("yesterday", ["yesterday", "YYYY-MM-DD"]),
        ("18-03-2025", ["18-03-2025", "YYYY-MM-DD"]),
    ],
)
def test_an_impossible_date_option_is_refused_before_any_work(article, value, words):
    assert_one_line_error(run("parse", str(article), "--date", value), *words)


def test_an_impossible_document_date_for_export_fails_before_loading(tmp_path, article):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    write_events(sample_events(), "json", folder / "e.json")
    line = assert_one_line_error(
        run("export", str(folder), "--document-date", "2025-02-30", "--json", str(tmp_path / "o.json")),
        "2025-02-30",
        "not a real date",
    )
    assert "a.txt" not in line  # the option is wrong, not the file
    assert not (tmp_path / "o.json").exists()


@pytest.mark.parametrize(
    "name, content, words",
    [
        (
            "feb30.json",
            '{"events": [{"text": "a", "date": "2025-02-30"}]}',
            ["feb30.json", "event #1", "2025-02-30"],
        ),
        ("month13.json", '[{"text": "b", "date": "2025-13-01"}]', ["event #1", "2025-13-01"]),
        ("backwards.json", '[{"text": "a", "date": "2025-03-02", "date_end": "2025-03-01"}]', ["before"]),
        ("feb30.csv", "event_date,notes\n2025-02-30,x\n", ["feb30.csv", "row 2", "2025-02-30"]),
    ],
)
def test_an_impossible_date_in_an_event_file_is_named(tmp_path, name, content, words):
    p = tmp_path / name
    p.write_text(content, encoding="utf-8")
    assert_one_line_error(run("export", str(p), "--csv", str(tmp_path / "o.csv")), *words)


@pytest.mark.parametrize(
    "name, content, words",
    [
        ("lat.json", '[{"text": "a", "lat": 91, "lon": 0}]', ["lat", "91", "out of range"]),
        ("lon.json", '[{"text": "a", "lat": 0, "lon": -180.5}]', ["lon", "-180.5", "out of range"]),
        (
            "lat.csv",
            "event_date,notes,latitude,longitude\n2025-01-01,x,95,2\n",
            ["row 2", "95", "out of range"],
        ),
        (
            "lat.geojson",
            json.dumps(
                {
                    "type": "FeatureCollection",
                    "features": [
                        {
                            "type": "Feature",
                            "geometry": {"type": "Point", "coordinates": [10, 100]},
                            "properties": {"text": "x"},
                        }
                    ],
                }
            ),
            ["feature #1", "100", "out of range"],
        ),
        (
            "place.json",
            '[{"text": "a", "places": [{"text": "X", "lat": 0, "lon": 400}]}]',
            ["400", "out of range"],
        ),
    ],
)
def test_coordinates_out_of_range_are_named(tmp_path, name, content, words):
    p = tmp_path / name
    p.write_text(content, encoding="utf-8")
    assert_one_line_error(run("export", str(p), "--json", str(tmp_path / "o.json")), name, *words)


# --------------------------------------------------------------------------- options


@pytest.mark.parametrize(
    "args, words",
    [
        (["parse", "ARTICLE", "--lang", "es"], ["--lang", "es"]),
        (["export", "ARTICLE", "--lang", "xx", "--json", "o.json"], ["--lang", "xx"]),
        (["parse", "ARTICLE", "--colour"], ["no such option", "--colour"]),
        (["--verbose", "parse", "ARTICLE"], ["no such option", "--verbose"]),
        (["pars", "ARTICLE"], ["no such command", "pars"]),
        (["parse", "ARTICLE", "--format", "xml"], ["--format", "xml"]),
        (["serve", "--port", "99999"], ["--port", "99999"]),
        (["parse"], ["missing argument"]),
        (["export", "ARTICLE"], ["nothing to export"]),
    ],
)
def test_unknown_options_and_values_are_one_line(article, args, words):
    args = [str(article) if a == "ARTICLE" else a for a in args]
    line = assert_one_line_error(run(*args), *words)
    assert "Usage:" not in line


@pytest.mark.parametrize("option", ["--json", "--csv", "--geojson", "--html", "--timelinejs"])
def test_export_to_a_missing_folder_fails_before_loading(tmp_path, option):
    events_file = tmp_path / "e.json"
    write_events(sample_events(), "json", events_file)
    assert_one_line_error(
        run("export", str(events_file), option, str(tmp_path / "nodir" / "out.x")), "nodir", "does not exist"
    )


def test_parse_to_a_missing_folder_fails_before_parsing(article, tmp_path):
    assert_one_line_error(
        run("parse", str(article), "-o", str(tmp_path / "nodir" / "o.json")), "nodir", "does not exist"
    )


def test_an_unexpected_crash_is_still_one_line_with_a_debug_hint(article, monkeypatch):
    import eventmap.text.pipeline

    def boom(*_a, **_k):
        raise RuntimeError("the parser fell over\nsecond line")

    monkeypatch.setattr(eventmap.text.pipeline, "parse_document", boom)
    line = assert_one_line_error(run("parse", str(article)), "RuntimeError", "fell over", "--debug")
    assert "second line" not in line
    with pytest.raises(RuntimeError):  # --debug hands the real exception to the caller
        CliRunner().invoke(main, ["--debug", "parse", str(article)], catch_exceptions=False)


# --------------------------------------------------------------------------- nothing lost


def test_in_a_batch_one_bad_file_is_skipped_and_every_other_event_written(tmp_path):
    good_a, good_b, bad = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "bad.txt"
    good_a.write_text(ARTICLE, encoding="utf-8")
    good_b.write_text("date 2025-03-20\nOn 12 March protesters gathered in Berlin.\n", encoding="utf-8")
    bad.write_bytes(os.urandom(3000))
    out = tmp_path / "all.json"
    res = run("parse", str(good_a), str(bad), str(good_b), "-o", str(out))
    assert res.exit_code == 1  # something was skipped ...
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and "bad.txt" in lines[0] and "skipped" in lines[0]
    docs = {e.source.document for e in read_events(out)}  # ... but nothing else was lost
    assert docs == {str(good_a), str(good_b)}
    alone = {d: run("parse", d) for d in (str(good_a), str(good_b))}
    expected = sum(len(json.loads(r.stdout)["events"]) for r in alone.values())
    assert len(read_events(out)) == expected


def test_a_folder_with_one_bad_file_exports_all_the_others(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    write_events(sample_events()[:4], "json", folder / "one.json")
    write_events(sample_events()[4:], "csv", folder / "two.csv")
    (folder / "three.geojson").write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    res = run("export", str(folder), "--json", str(tmp_path / "o.json"))
    assert res.exit_code == 1, res.stderr  # a file was skipped: said, and the exit code tells
    assert "three.geojson" in res.stderr and "Traceback" not in res.stderr
    assert read_events(tmp_path / "o.json") == sample_events()


def test_a_crash_while_writing_leaves_the_old_output_whole(article, tmp_path, monkeypatch):
    import eventmap.cli.parse as parse_cmd

    out = tmp_path / "out.json"
    out.write_text('{"old": true}\n', encoding="utf-8")

    def half_then_crash(events, fmt, stream, documents=None):
        stream.write('{"events": [')
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(parse_cmd, "write_output", half_then_crash)
    assert_one_line_error(run("parse", str(article), "-o", str(out)), "out.json", "no space left")
    assert out.read_text(encoding="utf-8") == '{"old": true}\n'
    assert [p.name for p in tmp_path.iterdir()] and not [
        p for p in tmp_path.iterdir() if p.name.endswith(".tmp")
    ]


# --------------------------------------------------------------------------- the real script


def _script(*args: str, cwd: Path, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    if not EVENTMAP.exists():
        pytest.skip("the eventmap script is not installed in this environment")
    env = {**os.environ, "PYTHONWARNINGS": "ignore", **(env_extra or {})}
    return subprocess.run(
        [str(EVENTMAP), *args], cwd=cwd, capture_output=True, text=True, timeout=120, env=env
    )


def _assert_script_one_line(proc: subprocess.CompletedProcess, *words: str) -> None:
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert "Traceback" not in proc.stderr and lines[0].startswith("eventmap: error: ")
    for w in words:
        assert w.lower() in lines[0].lower()


def test_script_errors_are_one_line_and_debug_shows_the_traceback(tmp_path):
    (tmp_path / "bad.json").write_text('[{"text": "a", "date": "2025-02-30"}]', encoding="utf-8")
    (tmp_path / "big.txt").write_text(ARTICLE * 10, encoding="utf-8")
    _assert_script_one_line(_script("parse", "missing.txt", cwd=tmp_path), "missing.txt")
    _assert_script_one_line(
        _script("parse", "big.txt", cwd=tmp_path, env_extra={"EVENTMAP_MAX_BYTES": "100"}),
        "EVENTMAP_MAX_BYTES",
    )
    _assert_script_one_line(
        _script("export", "bad.json", "--csv", "o.csv", cwd=tmp_path), "bad.json", "2025-02-30"
    )
    _assert_script_one_line(_script("parse", "big.txt", "--lang", "es", cwd=tmp_path), "--lang")
    _assert_script_one_line(
        _script("export", "bad.json", "--csv", "no/o.csv", cwd=tmp_path), "does not exist"
    )
    debug = _script("--debug", "export", "bad.json", "--csv", "o.csv", cwd=tmp_path)
    assert debug.returncode != 0
    assert "Traceback (most recent call last)" in debug.stderr and "2025-02-30" in debug.stderr
    assert not (tmp_path / "o.csv").exists()
