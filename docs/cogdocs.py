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


def headline(rows: list[tuple[str, str, str, str]]) -> str:
    """The README's measured table: (what, section, key, target) rows, each figure from results.json."""
    data = _results().load()
    out = ["| what | measured | target | command |", "| --- | --- | --- | --- |"]
    for what, name, key, target in rows:
        value = _fmt(_results().figure(name, key))
        out.append(f"| {what} | {value} | {target} | `{data[name]['command']}` |")
    return "\n".join(out)


READS = {
    "nl": "dates, events, categories, places (Koersk, provincie Koersk)",
    "en": "dates, events, categories, places",
    "de": "dates (am 7. Juli 1937), events, places (Kursker Gebiet, Charkiw)",
    "fr": "dates (le 1er mai), events, places (région de Koursk)",
    "uk": "dates (7 липня), events, places with case endings (у Харкові)",
    "ru": "dates (7 июля), events, places with case endings (в Курской области)",
}
LANGUAGE_NAMES = {
    "nl": "Dutch",
    "en": "English",
    "de": "German",
    "fr": "French",
    "uk": "Ukrainian",
    "ru": "Russian",
}


def languages() -> str:
    """The README's language table: what each language reads, and its measured date F1 and speed."""
    data = _results().load()
    own = data.get("dates_languages", {}).get("figures", {})
    naive = data.get("dates_languages_dateparser", {}).get("figures", {})
    speed = data.get("parse_languages", {}).get("figures", {})
    english = data.get("tempeval", {}).get("figures", {})
    out = [
        "| language | reads | date value F1 | dateparser alone | parse ms per article (the same story) |",
        "| --- | --- | --- | --- | --- |",
    ]
    for code, name in LANGUAGE_NAMES.items():
        if code == "en" and english:
            f1, base = (
                _fmt(english["value F1 (%)"]),
                _fmt(english["naive dateparser.search_dates value F1 (%)"]),
            )
            f1, base = f"{f1} (TempEval-3)", f"{base} (TempEval-3)"
            if "en_narrative_f1" in own:  # histories: our own narrative set
                f1 += f", {_fmt(own['en_narrative_f1'])} (own narratives)"
                base += f", {_fmt(naive.get('en_narrative_f1', '—'))} (own narratives)"
        else:
            f1 = _fmt(own[f"{code}_f1"]) + " (own set)" if f"{code}_f1" in own else "see the seed's gold"
            base = _fmt(naive[f"{code}_f1"]) if f"{code}_f1" in naive else "—"
        ms = _fmt(speed[f"{code}_ms_per_article"]) if f"{code}_ms_per_article" in speed else "—"
        out.append(f"| {name} (`{code}`) | {READS[code]} | {f1} | {base} | {ms} |")
    return "\n".join(out)
