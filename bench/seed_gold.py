"""The seed article against its hand-made gold events: what `eventmap parse` finds, scored.

Runs `eventmap parse` on the bundled seed exactly as a user would, then the shared scorer
(`score_events.py GOLD EVENTS`, from the benchmark folder beside the checkout) on its JSON,
and records the scorer's summary plus how many events the dashboard shows by default
(occurrences and statements) and how many it hides (context).

usage: python bench/seed_gold.py
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
SHARED = ROOT.parent / "shared"
SEED = next((ROOT / "seeds").glob("*.txt"))
SUMMARY = re.compile(
    r"required (\d+)/(\d+), all gold (\d+)/(\d+), places (\d+)/(\d+), forbidden (\d+), events out (\d+)"
)


def main() -> None:
    from results import record

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "seed.json"
        eventmap = Path(sys.executable).with_name("eventmap")
        subprocess.run([str(eventmap), "parse", str(SEED), "-o", str(out)], check=True)
        scored = subprocess.run(
            [
                sys.executable,
                str(SHARED / "tools" / "score_events.py"),
                str(SHARED / "gold" / "seed_events.json"),
                str(out),
            ],
            capture_output=True,
            text=True,
        )
        events = json.loads(out.read_text(encoding="utf-8"))["events"]
    print(scored.stdout.rstrip())
    found = SUMMARY.search(scored.stdout.splitlines()[-1])
    if not found:
        sys.exit(f"seed_gold: the scorer's summary line was not understood: {scored.stdout[-200:]!r}")
    req, req_n, gold, gold_n, places, places_n, forbidden, _ = (int(g) for g in found.groups())
    kinds = Counter(e.get("kind") or "occurrence" for e in events)
    shown = kinds["occurrence"] + kinds["statement"]
    record(
        "seed_gold",
        {
            "required gold events found": f"{req}/{req_n}",
            "gold events found (optional ones included)": f"{gold}/{gold_n}",
            "gold places found": f"{places}/{places_n}",
            "forbidden dates or places": forbidden,
            "events shown by default (occurrences and statements)": shown,
            "context sentences (hidden by default)": kinds["context"],
        },
        command="python bench/seed_gold.py",
    )
    print(f"shown by default {shown}, context {kinds['context']}")


if __name__ == "__main__":
    main()
