"""`eventmap parse` through click's CliRunner, plus one run of the installed script."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventmap.cli import main
from eventmap.model import events_from_json_obj


def run(*args: str):
    return CliRunner().invoke(main, ["parse", *args])


def events_of(output: str):
    return events_from_json_obj(json.loads(output))


def test_parse_seed_to_stdout(seed_path):
    res = run(str(seed_path))
    assert res.exit_code == 0, res.stderr
    evs = events_of(res.stdout)
    call = next(e for e in evs if "telefoongesprek op 18 maart" in e.text)
    assert (call.date, call.date_precision, call.date_source) == ("2025-03-18", "day", "explicit")
    assert all(e.source.document == str(seed_path) for e in evs)


def test_output_file_and_date_override(seed_path, tmp_path):
    out = tmp_path / "out.json"
    res = run(str(seed_path), "--date", "2025-04-02", "--lang", "nl", "-o", str(out))
    assert res.exit_code == 0 and res.stdout == ""
    evs = events_of(out.read_text(encoding="utf-8"))
    week = next(e for e in evs if "vorige week" in e.text)
    assert (week.date, week.date_end) == ("2025-03-24", "2025-03-30")  # week before 2 April
    undated = next(e for e in evs if "inlichtingenstroom" in e.text)  # after "vorige maand": no story day
    assert (undated.date, undated.date_source) == ("2025-04-02", "document")
    doc = json.loads(out.read_text(encoding="utf-8"))["documents"][0]
    assert (doc["date"], doc["date_source"], doc["mode"]) == ("2025-04-02", "given", "news")


@pytest.mark.parametrize("bad", ["2025-13", "18-03-2025", "yesterday"])
def test_bad_date_is_a_one_line_error(seed_path, bad):
    res = run(str(seed_path), "--date", bad)
    assert res.exit_code == 1
    assert res.stderr.count("\n") == 1 and res.stderr.startswith("eventmap: error:")
    assert "Traceback" not in res.stderr


def test_missing_single_file_is_a_one_line_error(tmp_path):
    res = run(str(tmp_path / "nope.txt"))
    assert res.exit_code == 1
    assert res.stderr.strip() == f"eventmap: error: {tmp_path / 'nope.txt'}: no such file or folder"


def test_batch_skips_a_bad_file_but_writes_the_others(seed_path, tmp_path):
    good = tmp_path / "en.txt"
    good.write_text(
        "date 2025-03-20\nRebels captured the airport on Monday after heavy fighting.\n", encoding="utf-8"
    )
    binary = tmp_path / "bin.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    res = run(str(seed_path), str(binary), str(good))
    assert res.exit_code == 1
    assert res.stderr.count("skipped") == 1 and "bin.txt" in res.stderr
    evs = events_of(res.stdout)
    docs = {e.source.document for e in evs}
    assert docs == {str(seed_path), str(good)}
    rebels = next(e for e in evs if "Rebels" in e.text)
    assert (rebels.date, rebels.lang) == ("2025-03-17", "en")


def test_all_files_bad_is_an_error(tmp_path):
    res = run(str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    assert res.exit_code == 1 and "none of the 2 files" in res.stderr


def test_geojson_format(seed_path):
    importlib.import_module("eventmap.formats")
    res = run(str(seed_path), "--format", "geojson")
    assert res.exit_code == 0, res.stderr
    obj = json.loads(res.stdout)
    assert obj["type"] == "FeatureCollection" and obj["features"]


def test_installed_script_runs(seed_path, tmp_path):
    script = Path(sys.executable).with_name("eventmap")
    if not script.exists():
        pytest.skip("the eventmap console script is not installed in this environment")
    out = tmp_path / "seed.json"
    proc = subprocess.run(
        [str(script), "parse", str(seed_path), "--format", "json", "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    evs = events_of(out.read_text(encoding="utf-8"))
    assert any(e.date == "2025-03-14" and "Toeapse" in e.text for e in evs)


def test_unknown_geocoder_is_a_one_line_error(seed_path):
    res = run(str(seed_path), "--geocoder", "no-such-service")
    assert res.exit_code == 1
    assert res.stderr.startswith("eventmap: error:") and res.stderr.count("\n") == 1


def test_nominatim_needs_a_user_agent(seed_path):
    res = run(str(seed_path), "--geocoder", "nominatim")
    assert res.exit_code == 1 and "user-agent" in res.stderr


def test_parse_reads_event_files_and_folders(tmp_path, seed_path):
    """PATH may be an event file or a folder: a CSV's events come through unchanged beside a parsed article."""
    import shutil

    from click.testing import CliRunner

    from eventmap.cli import main

    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(seed_path, folder / "seed.txt")
    (folder / "acled.csv").write_text(
        "event_date,time_precision,location,latitude,longitude,notes,event_type\n"
        "2024-05-02,1,Kharkiv,49.99,36.23,Shelling of a market,Explosions/Remote violence\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.json"
    res = CliRunner().invoke(main, ["parse", str(folder), "-o", str(out)])
    assert res.exit_code == 0, res.output
    evs = json.loads(out.read_text(encoding="utf-8"))["events"]
    imported = [e for e in evs if e["text"] == "Shelling of a market"]
    assert len(imported) == 1 and imported[0]["date"] == "2024-05-02" and imported[0]["lat"] == 49.99
    assert any("Toeapse" in e["text"] for e in evs)
