"""Speed of the offline geocoder: cold index load, geocode lookups/s, geoparse of the seed.

Targets (issues 3 and 12): load <= 0.2 s, >= 50,000 geocode/s, geoparse of a seed-sized article
<= 3 ms median. The cold load runs in fresh interpreters (median of 5; the figure is the load
call itself, and separately `import geo` + load). Records its figures in bench/results.json
(section "geo_speed"). Usage: python bench/geo_speed.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from results import record

COLD = """
import time
t0 = time.perf_counter()
from geo.gazetteer import Gazetteer
t1, c1 = time.perf_counter(), time.process_time()
g = Gazetteer.load()
t2, c2 = time.perf_counter(), time.process_time()
print(t2 - t1, t2 - t0, c2 - c1)
"""

DATA = ROOT.parent / "shared" / "bench" / "geoparsing"


def news_queries() -> list[str]:
    """Toponyms as news writes them: every gold phrase of GeoVirus and LGL, in order."""
    import xml.etree.ElementTree as ET

    out = []
    if (DATA / "GeoVirus.xml").exists():
        out += [e.text or "" for e in ET.parse(DATA / "GeoVirus.xml").getroot().iter("name")]
    if (DATA / "lgl.xml").exists():
        out += [e.text or "" for e in ET.parse(DATA / "lgl.xml").getroot().iter("phrase")]
    return out or ["Kiev", "Koersk", "Toeapse", "Paris", "Springfield", "Estland"]


def cold_load() -> tuple[float, float, float]:
    """Median (load wall s, import + load wall s, load CPU s) over 5 fresh interpreters."""
    from geo.gazetteer import get_gazetteer

    get_gazetteer()  # built first if missing
    loads, totals, cpus = [], [], []
    for _ in range(5):
        out = subprocess.run(
            [sys.executable, "-c", COLD], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.split()
        loads.append(float(out[0]))
        totals.append(float(out[1]))
        cpus.append(float(out[2]))
    return statistics.median(loads), statistics.median(totals), statistics.median(cpus)


def lookups_per_second() -> tuple[float, float, float, int]:
    """(news stream rate, same per CPU second, all-distinct cold rate, stream length).

    The news stream repeats names as news does (the lookup memo helps, as in real use); the
    cold figure asks 40,000 distinct gazetteer names once each with an empty memo (worst case).
    """
    from geo import OfflineGeocoder
    from geo.gazetteer import get_gazetteer

    gaz = get_gazetteer()
    g = OfflineGeocoder(gaz)
    stream = news_queries()
    gaz._memo.clear()
    n = 0
    t, c = time.perf_counter(), time.process_time()
    while time.perf_counter() - t < 2.0:
        for name in stream:
            g.geocode(name)
        n += len(stream)
    rate = n / (time.perf_counter() - t)
    cpu_rate = n / (time.process_time() - c)
    distinct = list(dict.fromkeys(gaz.names[i] for i in range(0, len(gaz), 5)))[:40_000]
    gaz._memo.clear()
    t = time.perf_counter()
    for name in distinct:
        g.geocode(name)
    cold = len(distinct) / (time.perf_counter() - t)
    return rate, cpu_rate, cold, len(stream)


def geoparse_ms() -> tuple[float, float, float, int, int]:
    """(median wall ms, best wall ms, median CPU ms, chars, mentions) over 50 runs.

    CPU time is shown too because this machine is shared: wall time includes waiting.
    The first run (imports, regex compilation, lookup memo filling) is not counted.
    """
    from geo import geoparse

    text = (ROOT / "seeds" / "000_12acad89de0a8875.txt").read_text(encoding="utf-8")
    geoparse(text, lang="nl")
    wall, cpu = [], []
    for _ in range(50):
        t, c = time.perf_counter(), time.process_time()
        ms = geoparse(text, lang="nl")
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return (
        statistics.median(wall) * 1000,
        min(wall) * 1000,
        statistics.median(cpu) * 1000,
        len(text),
        len(ms),
    )


def main() -> int:
    load, total, cpu = cold_load()
    print(f"index cold load: {load:.3f} s (CPU {cpu:.3f} s; import + load: {total:.3f} s)  [target <= 0.2 s]")
    rate, cpu_rate, cold, n = lookups_per_second()
    print(
        f"geocode: {rate:,.0f} lookups/s ({cpu_rate:,.0f} per CPU second) on the {n:,} gold "
        f"toponyms of GeoVirus+LGL, repeated for 2 s  [target >= 50,000]; "
        f"{cold:,.0f}/s on 40,000 distinct names with a cold memo"
    )
    med, best, cpu, chars, n = geoparse_ms()
    print(
        f"geoparse seed ({chars:,} chars, {n} mentions): {med:.2f} ms median of 50 "
        f"(best {best:.2f} ms, CPU {cpu:.2f} ms)  [target <= 3 ms]"
    )
    print(f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    record(
        "geo_speed",
        {
            "index cold load (s)": round(load, 3),
            "import geo + load (s)": round(total, 3),
            "geocode lookups/s (news stream)": round(rate),
            "geocode lookups/s (distinct names, cold memo)": round(cold),
            "geoparse of the seed, median (ms)": round(med, 2),
            "geoparse of the seed, CPU median (ms)": round(cpu, 2),
        },
        command="python bench/geo_speed.py",
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
