"""`serve` and `export` read an event store like any other PATH."""

from __future__ import annotations

import json

from click.testing import CliRunner

from eventmap.cli import main
from eventmap.corpus.loading import load_paths


def test_a_store_written_by_parse_is_read_back_by_export(tmp_path, seed_path):
    store = tmp_path / "news.duckdb"
    res = CliRunner().invoke(main, ["parse", str(seed_path), "--store", str(store)])
    assert res.exit_code == 0, res.output
    direct = CliRunner().invoke(main, ["parse", str(seed_path)])
    expected = {e["id"]: e for e in json.loads(direct.stdout)["events"]}

    out = tmp_path / "out.json"
    res = CliRunner().invoke(main, ["export", str(store), "--json", str(out)])
    assert res.exit_code == 0, res.output
    got = {e["id"]: e for e in json.loads(out.read_text(encoding="utf-8"))["events"]}
    assert set(got) == set(expected)
    tuapse = next(e for e in got.values() if "Toeapse" in e["text"])
    assert tuapse["date"] == "2025-03-14" and round(tuapse["lat"], 1) == 44.1


def test_load_paths_takes_a_store_beside_articles(tmp_path, seed_path):
    store = tmp_path / "s.duckdb"
    CliRunner().invoke(main, ["parse", str(seed_path), "--store", str(store)])
    n_store = len(load_paths([store]))
    assert n_store >= 10
    assert len(load_paths([store, seed_path])) == 2 * n_store
