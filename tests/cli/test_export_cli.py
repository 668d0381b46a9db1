"""`eventmap export`: outputs checked first, data files written atomically and readable again."""

from __future__ import annotations

import json
import shutil

from click.testing import CliRunner

from eventmap.cli import main
from eventmap.formats import read_events, write_events

from conftest import DATA_DIR
from factories import sample_events

DATA = DATA_DIR / "formats"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_without_an_output_option_the_error_lists_them(tmp_path):
    write_events(sample_events(), "json", tmp_path / "e.json")
    result = run("export", str(tmp_path / "e.json"))
    assert result.exit_code == 1
    assert "nothing to export: give at least one of --html FILE, --png FILE" in result.output
    assert "--timelinejs FILE" in result.output


def test_an_output_in_a_missing_folder_fails_before_loading(tmp_path):
    result = run("export", str(tmp_path / "not-even-there"), "--csv", str(tmp_path / "no" / "x.csv"))
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"eventmap: error: {tmp_path / 'no' / 'x.csv'}: output folder {tmp_path / 'no'} does not exist"
    ]


def test_acled_in_geojson_csv_timelinejs_and_html_out(tmp_path):
    shutil.copy(DATA / "acled_sample.csv", tmp_path / "acled.csv")
    out = tmp_path / "out"
    out.mkdir()
    result = run(
        "export",
        str(tmp_path / "acled.csv"),
        "--geojson",
        str(out / "e.geojson"),
        "--csv",
        str(out / "e.csv"),
        "--timelinejs",
        str(out / "story.json"),
        "--html",
        str(out / "page.html"),
        "--json",
        str(out / "e.json"),
        "--title",
        "ACLED March",
    )
    assert result.exit_code == 0, result.output
    assert "4 events loaded" in result.output
    original = read_events(tmp_path / "acled.csv")
    assert read_events(out / "e.csv") == original
    assert read_events(out / "e.geojson") == original
    assert read_events(out / "e.json") == original
    story = json.loads((out / "story.json").read_text())
    assert story["title"]["text"]["headline"] == "ACLED March"
    assert [s["unique_id"] for s in story["events"]] == ["UKR90001", "UKR90002", "RUS90003", "NLD90004"]
    page = (out / "page.html").read_text()
    assert "<title>ACLED March</title>" in page and "UKR90001" in page
    assert sorted(p.name for p in out.iterdir()) == [
        "e.csv",
        "e.geojson",
        "e.json",
        "page.html",
        "story.json",
    ]


def test_snippet_and_columns_options(tmp_path):
    (tmp_path / "m.csv").write_text("wanneer,wat,breedte,lengte\n2025-03-18,Iets in Utrecht.,52.09,5.12\n")
    result = run(
        "export",
        str(tmp_path / "m.csv"),
        "--columns",
        "date=wanneer,text=wat,lat=breedte,lon=lengte",
        "--html",
        str(tmp_path / "s.html"),
        "--snippet",
        "--figure",
        "map",
    )
    assert result.exit_code == 0, result.output
    snippet = (tmp_path / "s.html").read_text()
    assert snippet.startswith("<div") and "Iets in Utrecht." in snippet and "<html" not in snippet
    bad = run(
        "export", str(tmp_path / "m.csv"), "--columns", "when=wanneer", "--csv", str(tmp_path / "x.csv")
    )
    assert bad.exit_code == 1 and "unknown field 'when'" in bad.output


def test_a_bad_file_in_a_folder_is_a_warning_not_the_end(tmp_path):
    write_events(sample_events(), "csv", tmp_path / "good.csv")
    (tmp_path / "bad.geojson").write_text("[1, 2")
    result = run("export", str(tmp_path), "--json", str(tmp_path / "all.json"))
    assert result.exit_code == 1  # something was skipped, so the exit code says so
    assert "warning: skipped" in result.output and "bad.geojson" in result.output
    assert read_events(tmp_path / "all.json") == sample_events()


def test_articles_are_parsed_with_the_given_date_and_language(tmp_path):
    (tmp_path / "a.txt").write_text("Talks in Geneva ended last month without a deal.\n")
    result = run(
        "export",
        str(tmp_path / "a.txt"),
        "--date",
        "2025-03-20",
        "--lang",
        "en",
        "--csv",
        str(tmp_path / "a.csv"),
    )
    assert result.exit_code == 0, result.output
    (event,) = read_events(tmp_path / "a.csv")
    assert (event.date, event.date_end, event.date_precision) == ("2025-02-01", "2025-02-28", "month")
    assert event.lang == "en"
