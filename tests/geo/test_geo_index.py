"""The gazetteer index: where it is cached, how it is versioned, and that it reads back right."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geo import build_index, index_files
from geo.build_index import write_index
from geo.build_places import IndexBuilder
from geo.gazetteer import Gazetteer, get_gazetteer
from geo.index_files import cache_dir, data_version, index_path

from conftest import ROOT


def test_cache_dir_follows_env_then_xdg_then_home(monkeypatch, tmp_path):
    monkeypatch.setenv("EVENTMAP_CACHE_DIR", str(tmp_path / "own"))
    assert cache_dir() == tmp_path / "own"
    monkeypatch.delenv("EVENTMAP_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "eventmap"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_dir() == tmp_path / "home" / ".cache" / "eventmap"


def test_index_file_is_keyed_by_the_data_version(monkeypatch, tmp_path):
    monkeypatch.setenv("EVENTMAP_CACHE_DIR", str(tmp_path))
    v = data_version()
    assert index_path() == tmp_path / f"gazetteer-{v}.marshal"
    monkeypatch.setattr(index_files, "BUILDER_VERSION", "other")
    assert data_version() != v  # a new builder (or new data) means a new file


def test_the_runtime_never_imports_the_index_builder():
    code = (
        "import sys, geo\n"
        "from geo import geoparse, OfflineGeocoder\n"
        "geoparse('Brand in Zwolle.'); OfflineGeocoder().geocode('Kiev')\n"
        "import geo.online\n"
        "print('geo.build_index' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def tiny_index() -> dict:
    b = IndexBuilder()
    nl = b.add("Netherlands", "C", "NL", "", 52.25, 5.54, 17_000_000, "t:nl")
    b.add_name(nl, "Nederland", exact=False)
    for k, (lat, lon, pop) in enumerate(
        [(33.66, -95.56, 25_000), (36.30, -88.33, 10_000), (48.85, 2.35, 2_100_000)]
    ):
        b.add("Paris", "c", ["US", "US", "FR"][k], ["TX", "TN", "11"][k], lat, lon, pop, f"t:p{k}")
    b.add("Zürich", "c", "CH", "ZH", 47.37, 8.54, 400_000, "t:zh")
    return b.to_obj("test", {"NL": nl}, {}, {"dutch": "NL"})


def test_written_index_reads_back_with_candidates_and_columns(tmp_path):
    path = write_index(tiny_index(), tmp_path / "gazetteer-test.marshal")
    gaz = Gazetteer.load(path)
    assert len(gaz) == 5
    paris = gaz.lookup("PARIS")
    assert {gaz.cc[c.id] for c in paris} == {"US", "FR"} and all(c.exact for c in paris)
    [nl] = gaz.lookup("nederland")
    assert not nl.exact and gaz.kind(nl.id) == "country" and gaz.raw(nl.id)["population"] == 17_000_000
    assert [gaz.names[c.id] for c in gaz.lookup("Zurich")] == ["Zürich"]  # without accents
    assert gaz.lookup("Atlantis") == []
    assert gaz.demonyms == {"dutch": "NL"}


def test_writing_a_new_version_removes_index_files_unused_for_a_month(tmp_path):
    old = tmp_path / "gazetteer-old.marshal"
    old.write_bytes(b"stale")
    month_ago = time.time() - 31 * 86400
    os.utime(old, (month_ago, month_ago))
    recent = tmp_path / "gazetteer-other-checkout.marshal"  # another venv sharing the cache
    recent.write_bytes(b"in use")
    new = write_index(tiny_index(), tmp_path / "gazetteer-new.marshal")
    assert new.exists() and not old.exists() and recent.exists()
    assert not list(Path(tmp_path).glob("*.tmp*"))


def test_real_index_has_every_source():
    gaz = get_gazetteer()
    kinds = {
        gaz.kind(c.id)
        for name in ("Tuapse", "Estonia", "Kremlin", "Black Sea", "Texas", "Polk County", "Middle East")
        for c in gaz.lookup(name)
    }
    assert {"city", "country", "landmark", "sea", "region", "area"} <= kinds
    assert len(gaz) > 200_000


def fake_builder(monkeypatch, calls: list) -> None:
    """The child-process build replaced by an in-process one writing the tiny index."""

    def build(*, force: bool = False) -> Path:
        calls.append(force)
        return write_index(tiny_index(), index_path())

    monkeypatch.setattr("geo.gazetteer.build_missing_index", build)


def test_first_use_builds_the_index_with_a_note(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("EVENTMAP_CACHE_DIR", str(tmp_path))
    calls: list = []
    fake_builder(monkeypatch, calls)
    gaz = Gazetteer.load()
    assert index_path().exists() and calls == [False]
    assert "building the offline gazetteer index" in capsys.readouterr().err
    assert gaz.lookup("Zürich")


def test_an_unreadable_index_is_rebuilt(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("EVENTMAP_CACHE_DIR", str(tmp_path))
    calls: list = []
    fake_builder(monkeypatch, calls)
    index_path().write_bytes(b"\x00truncated")
    gaz = Gazetteer.load()
    assert "unreadable" in capsys.readouterr().err and calls == [True]
    assert len(gaz) == 5


def test_the_build_entry_point_runs_the_builder_in_a_child_process(monkeypatch, tmp_path):
    """What a first use runs: `python -m geo.build_index` with this very package on its path."""
    monkeypatch.setenv("EVENTMAP_CACHE_DIR", str(tmp_path))
    seen: dict = {}

    def run(cmd, env, capture_output, text):
        seen["cmd"], seen["path"] = cmd, env["PYTHONPATH"].split(os.pathsep)[0]
        write_index(tiny_index(), index_path())
        return subprocess.CompletedProcess(cmd, 0, "", "")

    monkeypatch.setattr(subprocess, "run", run)
    assert index_files.build_missing_index() == index_path()
    assert seen["cmd"][1:] == ["-m", "geo.build_index", "--quiet"]
    assert Path(seen["path"]) == Path(index_files.__file__).resolve().parent.parent


def test_a_failed_build_says_what_failed(monkeypatch, tmp_path):
    monkeypatch.setenv("EVENTMAP_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(
        subprocess,
        "run",
        lambda cmd, **kw: subprocess.CompletedProcess(cmd, 1, "", "Traceback ...\nMemoryError"),
    )
    with pytest.raises(RuntimeError, match="building the gazetteer index failed.*MemoryError"):
        index_files.build_missing_index()


def test_build_index_command_is_quiet_when_asked(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("EVENTMAP_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(build_index, "build", lambda quiet=False: tiny_index())
    assert build_index.main(["--quiet"]) == 0
    assert capsys.readouterr() == ("", "")
    assert index_path().exists()


def test_a_soft_sign_apostrophe_may_be_left_out_of_a_name():
    from geo import geoparse

    places = geoparse("Soviet troops broke through at Shlisselburg and Vyazma.", lang="en")
    assert [(m.text, m.name) for m in places] == [("Shlisselburg", "Shlissel’burg"), ("Vyazma", "Vyaz’ma")]
    assert geoparse("The water line was replaced.", lang="en") == []  # no "Lin'e" read as "line"


def test_news_spellings_of_middle_east_towns_are_their_geonames_cities():
    from geo import geoparse

    places = geoparse("Cholera spread in Hodeidah and near Jisr al-Shughur.", lang="en")
    assert [(m.text, m.name, m.country_code) for m in places] == [
        ("Hodeidah", "Al Ḩudaydah", "YE"),
        ("Jisr al-Shughur", "Jisr ash Shughūr", "SY"),
    ]
