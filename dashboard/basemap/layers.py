"""The built base map in memory: shapely geometries and properties per layer, with a spatial index.

`load_basemap()` reads dashboard/basemap/data/basemap.pkl (package data, built at setup by
`python -m dashboard.basemap.build`) or, failing that, the same file in the user cache
(``~/.cache/eventmap/basemap/``); it returns None when neither exists (the app then draws
the coarse 1:50m map and says so once in the log). Layers: countries, borders, coast,
country_labels, regions (admin-1 areas), region_lines, region_labels, lakes, rivers, towns.
"""

from __future__ import annotations

import gzip
import logging
import pickle
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from shapely import STRtree, from_wkb

from geo.index_files import cache_dir

BASEMAP_FORMAT = "eventmap-basemap-1"
DATA_DIR = Path(__file__).resolve().parent / "data"

log = logging.getLogger(__name__)


def cache_root() -> Path:
    """The user cache folder of the base map (its npm sources and, optionally, a built copy)."""
    return cache_dir() / "basemap"


def basemap_path() -> Path | None:
    """The built base map: the package's copy, else the user cache's; None when not built."""
    for folder in (DATA_DIR, cache_root()):
        path = folder / "basemap.pkl"
        if path.is_file():
            return path
    return None


@dataclass
class Layer:
    """One layer: geometries (a numpy array of shapely objects), their properties, an R-tree."""

    geoms: np.ndarray
    props: list[dict[str, Any]]
    _tree: STRtree | None = field(default=None, repr=False)

    @property
    def tree(self) -> STRtree:
        if self._tree is None:
            self._tree = STRtree(self.geoms)
        return self._tree

    def query(self, bbox: tuple[float, float, float, float]) -> np.ndarray:
        """Indices of the geometries whose envelope meets bbox (west, south, east, north)."""
        from shapely import box

        return self.tree.query(box(*bbox))


class Basemap:
    """The detailed base map: layers decoded on first use (thread-safe)."""

    def __init__(self, doc: dict[str, Any], path: Path) -> None:
        self.path = path
        self.sources: list[dict[str, str]] = doc.get("sources", [])
        self._raw: dict[str, dict[str, list[Any]]] = doc["layers"]
        self._layers: dict[str, Layer] = {}
        self._lock = threading.Lock()

    @property
    def names(self) -> list[str]:
        return sorted(self._raw)

    def layer(self, name: str) -> Layer:
        with self._lock:
            got = self._layers.get(name)
            if got is None:
                raw = self._raw.get(name) or {"wkb": [], "props": []}
                geoms = (
                    from_wkb(np.array(raw["wkb"], dtype=object)) if raw["wkb"] else np.array([], dtype=object)
                )
                got = self._layers[name] = Layer(geoms, raw["props"])
            return got


_loaded: dict[str, Any] = {}
_load_lock = threading.Lock()


def load_basemap() -> Basemap | None:
    """The built base map (read once per process), or None when it has not been built."""
    with _load_lock:
        if "map" in _loaded:
            return _loaded["map"]
        path = basemap_path()
        basemap = None
        if path is None:
            log.warning(
                "the detailed base map is not built (python -m dashboard.basemap.build): "
                "drawing the coarse 1:50m map"
            )
        else:
            try:
                doc = pickle.loads(
                    gzip.decompress(path.read_bytes())
                )  # our own file, written by dashboard.basemap.build
                if doc.get("format") != BASEMAP_FORMAT:
                    raise ValueError(f"format {doc.get('format')!r}, expected {BASEMAP_FORMAT}")
                basemap = Basemap(doc, path)
            except (OSError, ValueError, KeyError, EOFError, pickle.UnpicklingError) as exc:
                log.warning("cannot read the base map %s (%s): drawing the coarse map", path, exc)
        _loaded["map"] = basemap
        return basemap


@lru_cache(maxsize=1)
def coarse_layers() -> dict[str, Layer]:
    """Land, borders, lakes and rivers at 1:50m from assets/topojson (always there): the fallback."""
    import json

    from dashboard.basemap.topojson import Topology
    from dashboard.resources import topojson_dir

    topo = Topology(json.loads((topojson_dir() / "world_50m.json").read_text(encoding="utf-8")))
    out: dict[str, Layer] = {}
    for name, obj in (("countries", "land"), ("lakes", "lakes"), ("rivers", "rivers")):
        shapes = [s for _g, s in topo.features(obj)]
        out[name] = Layer(np.array(shapes, dtype=object), [{} for _ in shapes])
    shared, outer = topo.mesh("countries")
    out["borders"] = Layer(np.array(shared, dtype=object), [{} for _ in shared])
    out["coast"] = Layer(np.array(outer, dtype=object), [{} for _ in outer])
    return out
