"""The docs must not drift from the code: options, fields, links, code blocks and figures all agree."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from eventmap.cli import COMMANDS, main
from eventmap.model import (
    CATEGORIES,
    DATE_SOURCES,
    DAY_PARTS,
    EVENT_KINDS,
    PLACE_KINDS,
    PLACE_SOURCES,
    PRECISIONS,
    REVIEW_STATUSES,
    Event,
    Place,
    Source,
)

from conftest import ROOT

README = ROOT / "README.md"
DOCS = sorted((ROOT / "docs").glob("*.md"))
USER_DOCS = [README, ROOT / "CHANGELOG.md", *DOCS]
EVENT_FORMAT = (ROOT / "docs" / "event-format.md").read_text(encoding="utf-8")
CLI_REFERENCE = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
README_MAX_LINES = 200


def _command(name: str):
    import click

    return main.get_command(click.Context(main), name)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_and_option_is_in_the_cli_reference(name):
    cmd = _command(name)
    assert cmd is not None, f"command {name} does not load"
    assert f"## eventmap {name}" in CLI_REFERENCE
    missing = [
        opt
        for p in cmd.params
        for opt in getattr(p, "opts", [])
        if opt.startswith("--") and opt != "--help" and opt not in CLI_REFERENCE
    ]
    assert not missing, f"eventmap {name}: options missing from docs/cli.md (run make docs): {missing}"


def test_the_cli_reference_is_what_cog_generates_from_the_code():
    cog = Path(sys.executable).with_name("cog")
    proc = subprocess.run(
        [str(cog), "--check", "-I", "docs", *map(str, DOCS), str(README)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-2000:] + "\n(run make docs)"


def test_every_event_field_is_in_the_event_format_page():
    ev = Event(
        text="x",
        source=Source("d", 0, 1),
        places=[Place("p")],
        sources=[Source("d2", 0, 1)],
        extra={"k": 1},
        original={"date": None},
    )
    fields = set(ev.to_dict()) | set(ev.places[0].to_dict())
    missing = sorted(f for f in fields if f"`{f}`" not in EVENT_FORMAT)
    assert not missing, f"event fields missing from docs/event-format.md: {missing}"


@pytest.mark.parametrize(
    "values",
    [
        CATEGORIES,
        PRECISIONS,
        DATE_SOURCES,
        PLACE_KINDS,
        EVENT_KINDS,
        PLACE_SOURCES,
        REVIEW_STATUSES,
        DAY_PARTS,
    ],
)
def test_every_enumerated_value_is_documented(values):
    missing = [v for v in values if f"`{v}`" not in EVENT_FORMAT]
    assert not missing, missing


def test_the_two_commands_of_the_readme_exist_in_the_makefile_and_ci():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    readme = README.read_text(encoding="utf-8")
    assert re.search(r"^demo:", makefile, re.M) and re.search(r"^test:", makefile, re.M)
    assert "make demo" in readme and "make test" in readme
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_the_readme_is_short_and_says_how_to_run_eventmap_after_setup():
    readme = README.read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= README_MAX_LINES
    assert ".venv/bin/eventmap" in readme and "source .venv/bin/activate" in readme


@pytest.mark.parametrize("page", USER_DOCS, ids=lambda p: p.name)
def test_every_relative_link_resolves(page: Path):
    text = page.read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)\s]+)\)", text)
    broken = [
        t
        for t in targets
        if "://" not in t and not t.startswith("#") and not (page.parent / t.split("#")[0]).exists()
    ]
    assert not broken, f"{page.name}: links to missing files: {broken}"


@pytest.mark.parametrize("page", USER_DOCS, ids=lambda p: p.name)
def test_no_user_doc_points_outside_the_repository(page: Path):
    text = page.read_text(encoding="utf-8")
    assert "../shared" not in text and "/work/" not in text


def _python_blocks(page: Path) -> list[str]:
    return re.findall(r"```python\n(.*?)```", page.read_text(encoding="utf-8"), re.S)


@pytest.mark.parametrize("page", [p for p in USER_DOCS if _python_blocks(p)], ids=lambda p: p.name)
def test_the_python_blocks_of_a_page_run_in_order(page: Path, tmp_path: Path):
    (tmp_path / "seeds").symlink_to(ROOT / "seeds")
    script = tmp_path / "blocks.py"
    script.write_text("\n\n".join(_python_blocks(page)), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, str(script)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HOME": str(Path.home())},
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
