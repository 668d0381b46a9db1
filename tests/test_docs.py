"""The README must not drift from the code: every command and option is documented."""

from __future__ import annotations

import re

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

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _command(name: str):
    import click

    ctx = click.Context(main)
    return main.get_command(ctx, name)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_and_option_is_in_the_readme(name):
    cmd = _command(name)
    assert cmd is not None, f"command {name} does not load"
    assert f"eventmap {name}" in README
    missing = [
        opt
        for p in cmd.params
        for opt in getattr(p, "opts", [])
        if opt.startswith("--") and opt != "--help" and opt not in README
    ]
    assert not missing, f"eventmap {name}: options missing from README: {missing}"


def test_every_event_field_is_in_the_readme_table():
    ev = Event(
        text="x", source=Source("d", 0, 1), places=[Place("p")], sources=[Source("d2", 0, 1)], extra={"k": 1}
    )
    fields = set(ev.to_dict()) | set(ev.places[0].to_dict())
    table = README.split("## The event format", 1)[1].split("\n## ", 1)[0]
    missing = sorted(f for f in fields if f"`{f}`" not in table)
    assert not missing, f"event fields missing from the README's event format: {missing}"


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
    table = README.split("## The event format", 1)[1].split("\n## ", 1)[0]
    missing = [v for v in values if f"`{v}`" not in table]
    assert not missing, missing


def test_the_two_commands_of_the_readme_exist_in_the_makefile_and_ci():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^demo:", makefile, re.M) and re.search(r"^test:", makefile, re.M)
    assert "make demo" in README and "make test" in README
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
