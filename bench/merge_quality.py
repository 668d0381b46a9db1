"""Merging figures: pairwise precision/recall on the hand-checked set, and merge speed.

    .venv/bin/python bench/merge_quality.py

The set (tests/data/merge, see its README) is small and the default thresholds were chosen
on it, so these are development figures, not a held-out evaluation. Speed: N synthetic
reports (a year, 300 places, 7 categories, each happening told by 1-4 "papers").
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from results import record

from eventmap.corpus.merge import MergeSettings, load_labelled, merge_events, merge_groups, pair_scores
from eventmap.model import Event, Place, Source

WORDS = (
    "drone missile shelling strike protest talks flood fire refinery port bridge school market "
    "hospital power plant police ministers killed injured damaged blocked evacuated"
).split()


FIGURES: dict[str, object] = {}


def quality() -> None:
    events, gold = load_labelled(ROOT / "tests" / "data" / "merge")
    print(
        f"hand-checked set: {len(events)} events, {len(set(gold))} happenings, "
        f"{pair_scores([], gold)['pairs_gold']} gold pairs"
    )
    for sim in (0.0, 0.1, 0.15, 0.2, 0.25, 0.3):
        s = pair_scores(merge_groups(events, MergeSettings(min_similarity=sim)), gold)
        mark = "  <- default" if sim == MergeSettings().min_similarity else ""
        if mark:
            FIGURES["hand-made events: pairwise precision / recall / F1"] = (
                f"{s['precision']:.2f} / {s['recall']:.2f} / {s['f1']:.2f} ({s['pairs_gold']} gold pairs)"
            )
        print(
            f"  min_similarity {sim:4.2f}: precision {s['precision']:.2f}  recall {s['recall']:.2f}  "
            f"F1 {s['f1']:.2f}  ({s['pairs_predicted']} pairs merged){mark}"
        )


def with_parser() -> None:
    """The same articles through the project's parser: gold labels by sentence overlap."""
    from eventmap.text.pipeline import parse_file

    folder = ROOT / "tests" / "data" / "merge"
    given, gold = load_labelled(folder)
    spans = [(e.source.document, e.source.start, e.source.end, g) for e, g in zip(given, gold)]
    parsed, labels = [], []
    for article in sorted((folder / "articles").glob("*.txt")):
        for ev in parse_file(article):
            label = next(
                (
                    g
                    for doc, s, e, g in spans
                    if doc == article.name and ev.source.start < e and s < ev.source.end
                ),
                f"unlabelled-{len(parsed)}",
            )
            parsed.append(ev)
            labels.append(label)
    s = pair_scores(merge_groups(parsed), labels)
    located = sum(e.located for e in parsed)
    print(
        f"with the parser: {len(parsed)} events ({located} located, "
        f"{sum(not lab.startswith('unlabelled') for lab in labels)} on a gold sentence), "
        f"{s['pairs_gold']} gold pairs: precision {s['precision']:.2f}  recall {s['recall']:.2f}  "
        f"F1 {s['f1']:.2f}"
    )
    FIGURES["the parser's events of the same texts: pairwise precision / recall / F1"] = (
        f"{s['precision']:.2f} / {s['recall']:.2f} / {s['f1']:.2f} ({s['pairs_gold']} gold pairs)"
    )


def synthetic(n: int, rng: random.Random) -> list[Event]:
    places = [
        Place(f"Town{i}", f"Town{i}", rng.uniform(40, 60), rng.uniform(20, 45), "UA", "city")
        for i in range(300)
    ]
    out: list[Event] = []
    happening = 0
    while len(out) < n:
        happening += 1
        day = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        place, cat = (
            rng.choice(places),
            rng.choice(["attack", "fighting", "diplomacy", "policy", "protest", "disaster", "other"]),
        )
        core = rng.sample(WORDS, 4)
        for paper in range(rng.randint(1, 4)):
            text = " ".join(core[:3] + rng.sample(WORDS, 3)) + f" in {place.name}."
            out.append(
                Event(
                    text=text,
                    source=Source(f"paper{paper}-{happening}", 0, len(text)),
                    date=day,
                    date_end=day,
                    date_precision="day",
                    category=cat,
                    places=[place],
                )
            )
    return out[:n]


def speed(n: int = 20_000) -> None:
    events = synthetic(n, random.Random(3))
    t = time.perf_counter()
    merged = merge_events(events)
    secs = time.perf_counter() - t
    print(f"speed: {n:,} reports -> {len(merged):,} events in {secs:.2f} s ({n / secs:,.0f} reports/s)")
    FIGURES[f"merge speed, {n:,} synthetic reports (reports/s)"] = round(n / secs)


if __name__ == "__main__":
    quality()
    with_parser()
    speed()
    record("merge_quality", FIGURES, command="python bench/merge_quality.py")
