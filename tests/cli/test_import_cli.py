"""What an import says on the command line, and that every command shows every event."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

from click.testing import CliRunner, Result

from eventmap.cli import main
from eventmap.formats import read_events

from conftest import DATA_DIR

DATA = DATA_DIR / "formats"
EVENTMAP = Path(sys.executable).with_name("eventmap")


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def warnings(res: Result) -> list[str]:
    return [line for line in res.stderr.splitlines() if line.startswith("eventmap: warning:")]


def test_a_folder_with_a_broken_and_a_deep_time_file_writes_the_rest(tmp_path):
    folder = tmp_path / "timelines"
    folder.mkdir()
    shutil.copy(DATA / "history.timeline.json", folder / "history.json")
    (folder / "broken.json").write_text('{"events": [', encoding="utf-8")
    out = {k: tmp_path / f"out.{k}" for k in ("json", "csv", "timelinejs")}
    res = run("export", str(folder), *(a for k, p in out.items() for a in (f"--{k}", str(p))))
    assert res.exit_code == 1, res.stderr  # something was skipped, and the exit code says so
    said = warnings(res)
    assert any("skipped" in w and "broken.json" in w and "not valid JSON" in w for w in said), said
    assert any("history.json: skipped 1 of 6 slides" in w for w in said), said  # the bad slide
    assert re.search(r"eventmap: .*history\.json: 5 events \(TimelineJS 3\)", res.stderr)
    for path in out.values():
        events = read_events(path)
        assert "-13800000000" in {e.date for e in events}, path
    html = run("export", str(folder), "--html", str(tmp_path / "out.html"))  # a year-axis timeline
    assert html.exit_code == 1 and "13.8 billion years ago" in (tmp_path / "out.html").read_text()
    assert "Traceback" not in res.stderr + html.stderr


def test_every_import_says_its_columns_and_what_went_to_extra(tmp_path):
    res = run("export", str(DATA / "acled_sample.csv"), "--json", str(tmp_path / "o.json"))
    assert res.exit_code == 0, res.stderr
    (line,) = [x for x in res.stderr.splitlines() if "acled_sample.csv" in x]
    assert "4 events (ACLED table)" in line and "date=event_date" in line
    assert "category=sub_event_type+event_type (acled types)" in line and "in extra: year" in line


def test_parse_reads_event_files_with_the_same_reports_and_exit_code(tmp_path):
    bad_rows = tmp_path / "rows.csv"
    bad_rows.write_text("date,text\n2025-03-18,Fine.\nsoon,Not fine.\n", encoding="utf-8")
    res = run("parse", str(bad_rows), "-o", str(tmp_path / "o.json"))
    assert res.exit_code == 1
    (skip,) = warnings(res)
    assert "rows.csv: skipped 1 of 2 rows; the first: row 3: date 'soon'" in skip
    assert len(read_events(tmp_path / "o.json")) == 1


def test_relative_dates_without_a_document_date_give_one_hint(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    for name in ("a.txt", "b.txt"):
        (articles / name).write_text(
            "Russian drones struck Kharkiv yesterday, officials said.\n"
            "Talks in Geneva ended last week without a deal.\n",
            encoding="utf-8",
        )
    res = run("export", str(articles), "--json", str(tmp_path / "o.json"))
    assert res.exit_code == 0, res.stderr
    (hint,) = warnings(res)  # one line for the whole run
    assert "4 relative dates" in hint and "2 articles" in hint and "--date YYYY-MM-DD" in hint
    dated = run("export", str(articles), "--date", "2025-03-20", "--json", str(tmp_path / "d.json"))
    assert warnings(dated) == [] and all(e.date for e in read_events(tmp_path / "d.json"))


def _served_count(*args: str) -> tuple[int, str]:
    """Start `eventmap serve ARGS --port 0 --no-browser`, read the page's summary, stop it."""
    proc = subprocess.Popen(
        [str(EVENTMAP), "serve", *args, "--port", "0", "--no-browser"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = proc.stdout.readline()  # "eventmap dashboard on http://127.0.0.1:PORT/ ..."
        url = re.search(r"http://\S+/", line)
        assert url, (line, proc.stderr.read() if proc.poll() is not None else "")
        layout = urllib.request.urlopen(url.group(0) + "_dash-layout", timeout=60).read().decode()
        summary = re.search(r"(\d+) events? in view", layout)
        assert summary, layout[:500]
        return int(summary.group(1)), layout
    finally:
        proc.terminate()  # the server this test started
        proc.wait(timeout=30)


def test_serve_and_both_exports_show_the_same_events_with_repeated_ids(tmp_path):
    src = tmp_path / "paged_incidents.geojson"  # serve keeps its workspace next to the file
    shutil.copy(DATA / "paged_incidents.geojson", src)
    args = ("--columns", "date=reported")
    res = run(
        "export", str(src), *args, "--json", str(tmp_path / "o.json"), "--html", str(tmp_path / "o.html")
    )
    assert res.exit_code == 0, res.stderr
    as_json = read_events(tmp_path / "o.json")
    page = (tmp_path / "o.html").read_text(encoding="utf-8")
    html_ids = re.findall(r'<tr data-id="([^"]+)"', page)
    served, _ = _served_count(str(src), *args)
    assert len(as_json) == len(set(html_ids)) == served == 6
    assert all(e.date for e in as_json)  # --columns reached the reader in both commands


def test_serve_takes_the_import_options(tmp_path):
    (tmp_path / "a.txt").write_text("Russian drones struck Kharkiv yesterday.\n", encoding="utf-8")
    served, layout = _served_count(str(tmp_path / "a.txt"), "--date", "2025-03-20", "--lang", "en")
    assert served == 1 and "2025-03-19" in layout  # yesterday, counted from --date
    bad = run("serve", str(tmp_path / "a.txt"), "--columns", "when=x", "--no-browser")
    assert bad.exit_code == 1 and "unknown field 'when'" in bad.stderr
    out = json.loads(run("parse", str(tmp_path / "a.txt"), "--document-date", "2025-03-20").stdout)
    assert out["events"][0]["date"] == "2025-03-19"
