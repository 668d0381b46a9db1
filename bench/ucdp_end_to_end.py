"""End-to-end figures on UCDP GED events in Ukraine 2014-2023 (Sundberg & Melander 2013;
Davies, Pettersson & Oberg 2023; UCDP Candidate: Hegre et al. 2020; CC BY 4.0).

Each row's first source headline goes to `eventmap.parse_text(headline, document_date=
<its publication date>, lang="en")`. The row's event is the first event that came out
with a date of its own (explicit / relative / anchored), else the first event at all.

* date: the event's interval [date, date_end] lies inside the row's [date_start, date_end].
  Rows where no event came out count as misses (the share over all rows is the figure);
  the share over rows that produced an event is reported too.
* place (rows with where_prec 1-2, i.e. an exact place or within 25 km of one): the
  event's point on the map (its first located place, `Event.main_place`) lies within
  25 km of the row's latitude/longitude. No event or no place counts as a miss.

The file was re-saved by a spreadsheet: it is UTF-8 with some CP-1252 lines; date_start /
date_end mix "M/D/YYYY 12:00:00 AM" and "MM/DD/YYYY 00:00" (both month first);
source_date mixes "YYYY-MM-DD;..." and "DD/MM/YYYY". The publication date is read from
source_article ('"Office,YYYY-MM-DD,headline";...'), which pairs each headline with its own
ISO date; source_date/source_headline are the fallback.

usage: python bench/ucdp_end_to_end.py [--limit N] [--examples K] [--seed S]
  --limit N  an evenly spread sample of N rows (default: all 3,883)
"""

from __future__ import annotations

import argparse
import csv
import math
import re
import sys
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "bench" / "ucdp" / "UCDP-Ukraine_2014-2023.csv"
RADIUS_KM = 25.0
DATED = ("explicit", "relative", "anchored")

_ARTICLE = re.compile(r'"(?P<office>.*?),(?P<date>\d{4}-\d\d-\d\d),(?P<headline>.*?)"(?=;"|\s*$)', re.S)


def _decode(raw: bytes) -> str:
    """UTF-8 per line, CP-1252 for the lines a spreadsheet wrote in that encoding."""
    out = []
    for line in raw.splitlines(keepends=True):
        try:
            out.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            out.append(line.decode("cp1252", errors="replace"))
    return "".join(out)


def parse_gold_day(value: str) -> date | None:
    """date_start/date_end: 'M/D/YYYY 12:00:00 AM' or 'MM/DD/YYYY 00:00' (month first), or ISO."""
    value = value.strip()
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)", value)
    if m:
        return date(int(m[1]), int(m[2]), int(m[3]))
    m = re.match(r"(\d{1,2})/(\d{1,2})/(\d{4})", value)
    if not m:
        return None
    month, day, year = int(m[1]), int(m[2]), int(m[3])
    try:
        return date(year, month, day)
    except ValueError:  # defensive: a day-first value
        return date(year, day, month)


def parse_source_day(value: str) -> date | None:
    """source_date: 'YYYY-MM-DD;...' (first one) or 'DD/MM/YYYY'."""
    value = value.strip().split(";")[0].strip()
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)", value)
    if m:
        return date(int(m[1]), int(m[2]), int(m[3]))
    m = re.match(r"(\d{1,2})/(\d{1,2})/(\d{4})", value)
    if m:
        return date(int(m[3]), int(m[2]), int(m[1]))
    return None


def headline_and_date(row: dict[str, str]) -> tuple[str, date | None]:
    m = _ARTICLE.search(row.get("source_article", ""))
    if m and m["headline"].strip():
        return m["headline"].strip(), date.fromisoformat(m["date"])
    return row["source_headline"].split(";")[0].strip(), parse_source_day(row["source_date"])


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def load(limit: int | None) -> list[dict[str, str]]:
    rows = list(csv.DictReader(_decode(DATA.read_bytes()).splitlines(keepends=True)))
    if limit and limit < len(rows):
        step = len(rows) / limit
        rows = [rows[int(i * step)] for i in range(limit)]
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--examples", type=int, default=4)
    args = ap.parse_args(argv)

    import eventmap

    rows = load(args.limit)
    t0 = time.perf_counter()
    n = len(rows)
    produced = date_hit = date_dated = date_overlap = unreadable = bare = 0
    miss_kind: Counter[str] = Counter()
    place_total = place_hit = place_with_event = 0
    sources: Counter[str] = Counter()
    failures: dict[str, list[str]] = {
        k: [] for k in ("no event", "date outside window", "no place", "place far away")
    }
    counts: Counter[str] = Counter()
    errors_km: list[float] = []
    for row in rows:
        headline, published = headline_and_date(row)
        start, end = parse_gold_day(row["date_start"]), parse_gold_day(row["date_end"])
        prec = row["where_prec"].strip()
        exact = prec in ("1", "2")
        place_total += exact
        evs = eventmap.parse_text(headline, document_date=published, lang="en") if headline else []
        if not evs and "???" in headline:
            unreadable += 1  # a Cyrillic headline the spreadsheet turned into question marks
        elif not evs and len(headline.split()) <= 3:
            bare += 1  # "Novokaterynivka", "Euromaidan Press": a name, not a headline
        if not evs:
            counts["no event"] += 1
            failures["no event"].append(f"{published} {headline!r}")
            continue
        produced += 1
        ev = next((e for e in evs if e.date_source in DATED), evs[0])
        sources[ev.date_source or "none"] += 1
        if ev.date_source in DATED:
            date_dated += 1
        if ev.date and start and end and ev.start_date <= end and start <= ev.end_date:
            date_overlap += 1
        if ev.date and start and end and start <= ev.start_date and ev.end_date <= end:
            date_hit += 1
        else:
            miss_kind[
                ("document date" if ev.date_source == "document" else "date from the text")
                + (
                    ", the day after date_end"
                    if ev.date and end and ev.start_date == end + timedelta(days=1)
                    else ""
                )
            ] += 1
            counts["date outside window"] += 1
            failures["date outside window"].append(
                f"{published} {headline!r}: got {ev.date}..{ev.date_end} ({ev.date_source}, "
                f"{ev.date_text!r}), gold {start}..{end}"
            )
        if not exact:
            continue
        place_with_event += 1
        main_place = ev.main_place or next((e.main_place for e in evs if e.main_place), None)
        if main_place is None:
            counts["no place"] += 1
            failures["no place"].append(f"{headline!r} (gold: {row['where_description']!r})")
            continue
        dist = km(main_place.lat, main_place.lon, float(row["latitude"]), float(row["longitude"]))
        errors_km.append(dist)
        if dist <= RADIUS_KM:
            place_hit += 1
        else:
            counts["place far away"] += 1
            failures["place far away"].append(
                f"{headline!r}: {main_place.text!r} -> {main_place.name} ({main_place.kind}) "
                f"{dist:.0f} km off (gold: {row['where_description']!r})"
            )
    elapsed = time.perf_counter() - t0

    def pct(a: int, b: int) -> str:
        return f"{100 * a / b:5.1f} %" if b else "  n/a"

    print(
        f"UCDP GED Ukraine end-to-end: {n} rows ({'sample' if args.limit else 'all'}), "
        f"{elapsed:.1f} s ({1000 * elapsed / max(n, 1):.1f} ms/row)"
    )
    print(f"  rows that produced an event:            {produced:5d}  {pct(produced, n)}")
    print(f"  DATE inside [date_start, date_end]:      {date_hit:5d}  {pct(date_hit, n)}  (of all rows)")
    print(
        f"                                                  {pct(date_hit, produced)}  (of rows with an event)"
    )
    real = n - unreadable - bare
    print(
        f"  over the {real} rows with a real headline (readable, > 3 words): event {pct(produced, real)}, "
        f"date inside {pct(date_hit, real)}"
    )
    print(
        f"  date interval overlaps the window:       {date_overlap:5d}  {pct(date_overlap, n)}"
        "  (lenient: 'overnight' = the two days)"
    )
    print(
        f"  event dated by the text (not doc date):  {date_dated:5d}  {pct(date_dated, produced)}"
        f"  {dict(sources)}"
    )
    print(
        f"  PLACE within {RADIUS_KM:.0f} km (where_prec 1-2):     {place_hit:5d}  {pct(place_hit, place_total)}"
        f"  of {place_total}"
    )
    print(
        f"                                                  {pct(place_hit, place_with_event)}"
        f"  of the {place_with_event} of them that produced an event"
    )
    if errors_km:
        errors_km.sort()
        print(
            f"  place error of located events: median {errors_km[len(errors_km) // 2]:.0f} km, "
            f"{pct(sum(e <= 161 for e in errors_km), len(errors_km))} within 161 km"
        )
    print("failure kinds (a row can have a date and a place failure):")
    for kind, examples in failures.items():
        print(f"  {kind}: {counts[kind]}")
        if kind == "no event" and unreadable:
            print(f"    of which headlines lost to '???' by the spreadsheet (Cyrillic): {unreadable}")
            print(f"    of which 'headlines' of at most 3 words (a village or source name): {bare}")
        if kind == "date outside window":
            for sub, k in miss_kind.most_common():
                print(f"    {sub}: {k}")
        for ex in examples[:: max(1, len(examples) // args.examples)][: args.examples]:
            print(f"      {ex}")
    if not args.limit:
        sys.path.insert(0, str(ROOT / "bench"))
        from results import record

        record(
            "ucdp",
            {
                "rows": n,
                "rows that produced an event (%)": round(100 * produced / n, 1),
                "date inside the row's window, of all rows (%)": round(100 * date_hit / n, 1),
                "rows with a real headline (> 3 words, readable)": real,
                "of those: an event (%)": round(100 * produced / max(real, 1), 1),
                "of those: date inside the window (%)": round(100 * date_hit / max(real, 1), 1),
                f"place within {RADIUS_KM:.0f} km, where_prec 1-2 (%)": round(
                    100 * place_hit / max(place_total, 1), 1
                ),
            },
            command="python bench/ucdp_end_to_end.py",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
