"""geo's own layout: no module takes another's private names; language knowledge is data."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from geo import lexicon

from conftest import ROOT

GEO = ROOT / "geo"


@pytest.mark.parametrize("path", sorted(GEO.glob("*.py")), ids=lambda p: p.name)
def test_no_geo_module_imports_a_private_name_of_another(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    private = [
        f"{node.module}.{alias.name}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in ("geo", "eventmap")
        for alias in node.names
        if alias.name.startswith("_")
    ]
    assert private == []


@pytest.mark.parametrize("path", sorted((GEO / "data").glob("*.tsv")), ids=lambda p: p.name)
def test_every_data_file_says_where_its_contents_come_from(path: Path):
    head = "\n".join(
        line for line in path.read_text(encoding="utf-8").splitlines()[:20] if line.startswith("#")
    )
    assert any(word in head.lower() for word in ("source", "provenance", "curated")), path.name


def test_word_lists_are_per_language_files_that_merge():
    assert {"en", "nl", "any"} <= set(lexicon.languages())
    en, nl, merged = lexicon.load(("en",)), lexicon.load(("nl",)), lexicon.load()
    assert "provincie" in nl["region_word"] and "provincie" not in en["region_word"]
    assert "province" in en["region_word"] and "oblast" in en["region_word"]  # "any" always comes along
    assert en["title"] | nl["title"] <= merged["title"]
    assert "maart" in merged["common"] and "douglas" in merged["first_name"]


def test_a_new_language_is_a_new_file(tmp_path, monkeypatch):
    (tmp_path / "cues_de.tsv").write_text(
        "# Source: test\nregion_word\tBundesland|Landkreis\n", encoding="utf-8"
    )
    (tmp_path / "notplace_de.tsv").write_text("# Source: test\ncommon\tJahr\n", encoding="utf-8")
    monkeypatch.setattr(lexicon, "DATA_DIR", tmp_path)
    lexicon.load.cache_clear()
    try:
        assert lexicon.languages() == ["de"]
        de = lexicon.load(("de",))
        assert de["region_word"] == {"bundesland", "landkreis"} and de["common"] == {"jahr"}
        (tmp_path / "cues_xx.tsv").write_text("no tab here\n", encoding="utf-8")
        with pytest.raises(ValueError, match="cues_xx.tsv:1"):
            lexicon.load(("xx",))
    finally:
        lexicon.load.cache_clear()
