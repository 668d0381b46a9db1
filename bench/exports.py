"""Export and import speed: data formats, real third-party data, offline HTML, images.

Figures printed:
1. write and read of 20,000 synthetic events (tests/factories.many_events) per format;
2. import of the public UCDP GED Ukraine file (../shared/bench/ucdp, 3,883 rows, a CSV
   re-saved by a spreadsheet with M/D/YYYY dates) with no column mapping: rows read, time,
   and the share of rows whose parsed date falls in the row's own `year` column;
3. render_html for the seed and for 20,000 events (time, size);
4. PNG of the seed alone, then PNG+SVG+PDF in one batch (kaleido + Chromium, wall clock).

usage: python bench/exports.py [--no-images] [--n N]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
SEED = ROOT / "seeds" / "000_12acad89de0a8875.txt"
UCDP = ROOT.parent / "shared" / "bench" / "ucdp" / "UCDP-Ukraine_2014-2023.csv"


def timed(fn, *args, **kwargs):
    t = time.perf_counter()
    out = fn(*args, **kwargs)
    return out, time.perf_counter() - t


def bench_formats(n: int, tmp: Path) -> None:
    from eventmap.formats import read_events, write_events

    from factories import many_events

    events = many_events(n)
    print(f"== data formats, {n:,} events")
    for fmt, suffix in (("json", "json"), ("geojson", "geojson"), ("csv", "csv"), ("timelinejs", "tl.json")):
        path = tmp / f"events.{suffix}"
        _, w = timed(write_events, events, fmt, path)
        back, r = timed(read_events, path)
        same = "same events" if back == events else f"{len(back):,} events read back"
        print(
            f"{fmt:>10}: write {w:5.2f} s, read {r:5.2f} s ({n / r:8,.0f} events/s), "
            f"{path.stat().st_size / 1e6:6.1f} MB, {same}"
        )


def bench_ucdp() -> None:
    from eventmap.formats import read_events

    if not UCDP.is_file():
        print("== UCDP import: skipped (../shared/bench/ucdp not found)")
        return
    import csv

    with UCDP.open(newline="", encoding="utf-8", errors="replace") as fh:  # cp1252 in places
        rows = list(csv.DictReader(fh))
    events, secs = timed(read_events, UCDP)
    years = {r["id"]: r["year"] for r in rows}
    agree = sum(1 for e in events if e.date and e.date[:4] == years.get(e.id))
    placed = sum(1 for e in events if e.located)
    print(
        f"== UCDP GED Ukraine import (no --columns): {len(events):,}/{len(rows):,} rows in {secs:.2f} s "
        f"({len(events) / secs:,.0f} rows/s); date in the row's year column: {agree}/{len(events)} "
        f"({agree / max(len(events), 1):.1%}); with coordinates: {placed}/{len(events)}"
    )


def bench_html(n: int) -> None:
    from dashboard.export.html import render_html
    from eventmap.corpus.loading import load_paths

    from factories import many_events

    seed = load_paths([SEED])
    render_html(seed)  # warm: plotly.js and topojson read once
    page, secs = timed(render_html, seed, title="Seed")
    print(f"== HTML: seed ({len(seed)} events) {secs:.2f} s, {len(page) / 1e6:.1f} MB")
    many = many_events(n)
    page, secs = timed(render_html, many, title="Many")
    print(f"== HTML: {n:,} events {secs:.2f} s, {len(page) / 1e6:.1f} MB")


def bench_images(tmp: Path) -> None:
    from dashboard.export.images import write_image, write_images
    from eventmap.corpus.loading import load_paths

    seed = load_paths([SEED])
    _, one = timed(write_image, seed, tmp / "one.png")
    _, three = timed(write_images, seed, [tmp / "s.png", tmp / "s.svg", tmp / "s.pdf"])
    print(f"== images (seed, 1200 px wide): PNG alone {one:.1f} s; PNG+SVG+PDF in one batch {three:.1f} s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=20_000)
    ap.add_argument("--no-images", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        bench_formats(args.n, tmp)
        bench_ucdp()
        bench_html(args.n)
        if not args.no_images:
            bench_images(tmp)


if __name__ == "__main__":
    main()
