"""Text that cog writes into the docs: CLI help from the code, measured figures from bench/results.json.

`make docs` regenerates every page; `make lint` (cog --check) fails when a page is stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))


def cli_help(*args: str) -> str:
    """`eventmap ARGS --help` as the terminal shows it at 88 columns, in a text block."""
    from click.testing import CliRunner

    from eventmap.cli import main

    result = CliRunner().invoke(main, [*args, "--help"], terminal_width=88, prog_name="eventmap")
    assert result.exit_code == 0, result.output
    return "```text\n" + result.output.rstrip() + "\n```"


def figure(section: str, key: str, fmt: str = "{}") -> str:
    """One measured figure from bench/results.json, formatted."""
    from results import figure as _figure

    return fmt.format(_figure(section, key))
