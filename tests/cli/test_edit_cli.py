"""`eventmap edit` and the workspace through the CLI: edits survive a re-parse and reach the exports."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from eventmap.cli import main
from eventmap.model import events_from_json_obj

from conftest import SEED


def run(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def workspace(tmp_path):
    """The seed article copied to tmp_path and parsed into tmp_path/w.duckdb."""
    article = tmp_path / "seed.txt"
    shutil.copy(SEED, article)
    store = tmp_path / "w.duckdb"
    res = run("parse", article, "--store", store, "--jobs", "1")
    assert res.exit_code == 0, res.stderr
    return article, store


def exported(store, tmp_path, *flags: str, name: str = "out.json"):
    out = tmp_path / name
    res = run("export", store, "--json", out, *flags)
    assert res.exit_code == 0, res.stderr
    return {e.id: e for e in events_from_json_obj(json.loads(out.read_text(encoding="utf-8")))}, res


def the_call(events):
    return next(e for e in events.values() if "telefoongesprek op 18 maart" in e.text)


def test_an_edit_survives_a_reparse_and_shows_in_the_json_export_with_original(workspace, tmp_path):
    article, store = workspace
    before, _ = exported(store, tmp_path)
    call = the_call(before)
    res = run(
        "edit",
        store,
        call.id,
        "--date",
        "2025-03-19",
        "--place",
        "Kharkiv",
        "--status",
        "verified",
        "--note",
        "the call was on the 19th, Kyiv time",
        "--author",
        "ana",
    )
    assert res.exit_code == 0, res.stderr
    assert res.stdout.startswith(
        f"eventmap: edited {call.id} (change #1): date 2025-03-18 (day) → 2025-03-19 (day)"
    )
    res = run("parse", article, "--store", store, "--reparse", "--jobs", "1")
    assert res.exit_code == 0, res.stderr
    assert (
        "1 parsed" in res.stderr and "4 edit(s) applied" not in res.stderr and "edit(s) applied" in res.stderr
    )
    assert "orphaned" not in res.stderr
    after, _ = exported(store, tmp_path, name="after.json")
    edited = after[call.id]
    assert (edited.date, edited.date_end, edited.review_status) == ("2025-03-19", "2025-03-19", "verified")
    assert edited.places[0].name == "Kharkiv" and edited.places[0].country_code == "UA"
    assert edited.extra["note"] == "the call was on the 19th, Kyiv time"
    assert edited.original["date"] == "2025-03-18" and edited.original["date_precision"] == "day"
    assert edited.original["places"] == [p.to_dict() for p in call.places]
    raw = json.loads((tmp_path / "after.json").read_text(encoding="utf-8"))
    assert all("review_status" in e and "original" in e for e in raw["events"])
    log = run("edit", store, "--log")
    assert log.exit_code == 0 and "ana edit" in log.stdout and "note: the call was on the 19th" in log.stdout


@pytest.mark.parametrize(
    "args, message",
    [
        (["nope", "--category", "protest"], "no event with id 'nope'"),
        (["{id}", "--date", "2025-02-30"], "is not a real date"),
        (["{id}", "--place", "Qxzzyborough Flats"], "unknown place"),
        (["{id}", "--category", "party"], "unknown category"),
        (["{id}"], "nothing to change"),
    ],
)
def test_a_bad_edit_is_one_line_and_changes_nothing(workspace, tmp_path, args, message):
    _, store = workspace
    before, _ = exported(store, tmp_path)
    call = the_call(before)
    res = run("edit", store, *[a.format(id=call.id) for a in args])
    assert res.exit_code == 1
    assert res.stderr.count("\n") == 1 and res.stderr.startswith("eventmap: error:") and message in res.stderr
    after, _ = exported(store, tmp_path, name="after.json")
    assert {k: v.to_dict() for k, v in after.items()} == {k: v.to_dict() for k, v in before.items()}
    assert run("edit", store, "--log").stdout == ""


def test_editing_a_missing_workspace_is_one_line(tmp_path):
    res = run("edit", tmp_path / "none.duckdb", "abc", "--status", "verified")
    assert res.exit_code == 1 and "no such workspace" in res.stderr and res.stderr.count("\n") == 1


def test_rejected_events_are_left_out_of_exports_unless_asked_and_verified_only_keeps_verified(
    workspace, tmp_path
):
    _, store = workspace
    before, _ = exported(store, tmp_path)
    ids = sorted(before)
    assert run("edit", store, ids[0], "--status", "rejected").exit_code == 0
    assert run("edit", store, ids[1], "--status", "verified").exit_code == 0
    shown, res = exported(store, tmp_path, name="a.json")
    assert (
        ids[0] not in shown and len(shown) == len(before) - 1 and "1 event left out: rejected" in res.stderr
    )
    every, _ = exported(store, tmp_path, "--include-rejected", name="b.json")
    assert every[ids[0]].review_status == "rejected" and len(every) == len(before)
    verified, _ = exported(store, tmp_path, "--verified-only", name="c.json")
    assert list(verified) == [ids[1]]
    csv_out = tmp_path / "v.csv"
    assert run("export", store, "--csv", csv_out, "--verified-only").exit_code == 0
    assert "review_status" in csv_out.read_text(encoding="utf-8").splitlines()[0]


def test_undo_and_redo_from_the_command_line(workspace, tmp_path):
    _, store = workspace
    call = the_call(exported(store, tmp_path)[0])
    assert run("edit", store, call.id, "--category", "protest").exit_code == 0
    res = run("edit", store, "--undo")
    assert res.exit_code == 0 and "undid change #1" in res.stdout
    assert the_call(exported(store, tmp_path, name="u.json")[0]).category == call.category
    assert run("edit", store, "--redo").exit_code == 0
    assert the_call(exported(store, tmp_path, name="r.json")[0]).category == "protest"
    assert run("edit", store, "--redo").stderr.startswith("eventmap: error: nothing to redo")


def test_an_edit_whose_sentence_is_gone_after_a_reparse_is_listed_as_orphaned(workspace, tmp_path):
    article, store = workspace
    call = the_call(exported(store, tmp_path)[0])
    assert run("edit", store, call.id, "--status", "verified", "--note", "keep").exit_code == 0
    article.write_text(article.read_text(encoding="utf-8").replace(call.text, "Niets."), encoding="utf-8")
    res = run("parse", article, "--store", store, "--jobs", "1")
    assert res.exit_code == 0, res.stderr
    assert "1 event(s) with orphaned edits" in res.stderr and f"orphaned edit: {call.id}" in res.stderr
    listed = run("edit", store, "--orphaned")
    assert call.id in listed.stdout and "review_status" in listed.stdout
    assert call.id not in exported(store, tmp_path, name="o.json")[0]


def test_a_reimported_json_export_keeps_the_edits(workspace, tmp_path):
    _, store = workspace
    call = the_call(exported(store, tmp_path)[0])
    assert run("edit", store, call.id, "--date", "2025-03", "--status", "verified").exit_code == 0
    out = tmp_path / "export.json"
    assert run("export", store, "--json", out).exit_code == 0
    again = tmp_path / "again.duckdb"
    assert run("parse", out, "--store", again, "--jobs", "1").exit_code == 0
    back = the_call(exported(again, tmp_path, name="back.json")[0])
    assert (back.date, back.date_end, back.date_precision) == ("2025-03-01", "2025-03-31", "month")
    assert back.review_status == "verified" and back.original["date"] == "2025-03-18"


def test_reparse_needs_a_store(tmp_path):
    res = run("parse", SEED, "--reparse")
    assert res.exit_code == 2 and "--reparse needs --store" in res.stderr


@pytest.fixture
def served(monkeypatch):
    """`eventmap serve` with the server call captured instead of started."""
    import dashboard.server

    apps = []
    monkeypatch.setattr(dashboard.server, "serve_forever", lambda app, **kw: apps.append(app))
    return apps


def test_serve_opens_a_store_for_editing_and_says_which_workspace(workspace, served):
    _, store = workspace
    res = run("serve", store, "--no-browser")
    assert res.exit_code == 0, res.stderr
    assert f"workspace {store} (your edits are kept there)" in res.stderr
    collection = served[-1].server.config["EVENTMAP_COLLECTION"]
    assert collection.save_article is not None and len(collection.events) > 10


def test_serve_on_articles_uses_a_workspace_next_to_them_and_keeps_it(tmp_path, served):
    article = tmp_path / "news" / "seed.txt"
    article.parent.mkdir()
    shutil.copy(SEED, article)
    res = run("serve", article.parent, "--no-browser")
    assert res.exit_code == 0, res.stderr
    workspace = article.parent / "eventmap-workspace.duckdb"
    assert f"workspace {workspace.resolve()}" in res.stderr and workspace.is_file()
    again = run("serve", article.parent, "--no-browser")
    assert again.exit_code == 0 and "1 unchanged" in again.stderr  # not parsed twice


def test_serve_without_paths_uses_a_temporary_workspace_for_the_seeds(served):
    res = run("serve", "--no-browser")
    assert res.exit_code == 0, res.stderr
    line = next(x for x in res.stderr.splitlines() if "workspace" in x)
    assert "(temporary: pass --store FILE to keep your edits)" in line and "/seeds/" not in line


def test_a_workspace_open_elsewhere_falls_back_to_a_temporary_one(tmp_path, served):
    import subprocess
    import sys

    article = tmp_path / "seed.txt"
    shutil.copy(SEED, article)
    assert run("serve", tmp_path, "--no-browser").exit_code == 0
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from eventmap.corpus.store import EventStore; "
            "s = EventStore(sys.argv[1]); print('open', flush=True); time.sleep(60)",
            str(tmp_path / "eventmap-workspace.duckdb"),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        res = run("serve", tmp_path, "--no-browser")
        assert res.exit_code == 0, res.stderr
        assert "is open in another eventmap; using a temporary workspace" in res.stderr
    finally:
        holder.kill()
        holder.wait()
