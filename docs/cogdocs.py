"""Text that cog writes into the docs: CLI help from the code, measured figures from bench/results.json.

`make docs` regenerates every page; `make lint` (cog --check) fails when a page is stale.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _results():
    """bench/results.py, loaded by path (cog resets sys.path between blocks)."""
    spec = importlib.util.spec_from_file_location("bench_results", ROOT / "bench" / "results.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def cli_help(*args: str) -> str:
    """`eventmap ARGS --help` as the terminal shows it at 88 columns, in a text block."""
    from click.testing import CliRunner

    from eventmap.cli import main

    result = CliRunner().invoke(main, [*args, "--help"], terminal_width=88, prog_name="eventmap")
    assert result.exit_code == 0, result.output
    return "```text\n" + result.output.rstrip() + "\n```"


def figure(section: str, key: str, fmt: str = "{}") -> str:
    """One measured figure from bench/results.json, formatted."""
    return fmt.format(_results().figure(section, key))


def section(name: str) -> str:
    """Every figure a bench script recorded under `name`, as a Markdown table with its command."""
    data = _results().load().get(name)
    if data is None:
        return f"*Not measured yet: run the bench script that records `{name}`.*"
    rows = "\n".join(f"| {key} | {_fmt(value)} |" for key, value in data["figures"].items())
    return (
        f"`{data['command']}` (measured {data['measured']}, {data['machine']}):\n\n"
        f"| figure | value |\n| --- | --- |\n{rows}"
    )


def _fmt(value) -> str:
    if isinstance(value, float):
        return f"{value:,.3f}".rstrip("0").rstrip(".") if abs(value) < 100 else f"{value:,.1f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)
