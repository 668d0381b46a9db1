"""The one results file of the benchmarks: each bench script records its figures in bench/results.json.

Docs never type a measured figure: README.md and docs/*.md render them from this file with
cog (``make docs``), and tests/test_docs.py fails when a page and the file disagree.

    from results import record
    record("tempeval", {"f1": 96.6, "precision": 97.2, "recall": 95.9}, command="python bench/tempeval_dates.py")
"""

from __future__ import annotations

import json
import os
import platform
import tempfile
import time
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results.json"


def load() -> dict[str, Any]:
    """Every recorded section: {name: {"command": ..., "measured": date, "machine": ..., "figures": {...}}}."""
    if not RESULTS.is_file():
        return {}
    return json.loads(RESULTS.read_text(encoding="utf-8"))


def record(section: str, figures: dict[str, Any], *, command: str) -> None:
    """Replace one section of bench/results.json (atomically; other sections are kept)."""
    data = load()
    data[section] = {
        "command": command,
        "measured": time.strftime("%Y-%m-%d"),
        "machine": f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}",
        "figures": figures,
    }
    fd, tmp = tempfile.mkstemp(dir=RESULTS.parent, prefix=".results-", suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=2, sort_keys=True, ensure_ascii=False)
        fh.write("\n")
    os.replace(tmp, RESULTS)


def figure(section: str, key: str) -> Any:
    """One recorded figure (KeyError names what is missing: run that section's bench script)."""
    data = load()
    if section not in data or key not in data[section]["figures"]:
        raise KeyError(f"{section}.{key} is not in bench/results.json: run the bench script that records it")
    return data[section]["figures"][key]
