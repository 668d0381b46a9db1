"""The loaded gazetteer index: name -> candidate entries, and each entry's columns.

One process-wide instance (`get_gazetteer()`), loaded from the cache file written by
geo.build_index (built there first if missing). Lookups are a bisect in a sorted key list.
"""
from __future__ import annotations

import array
import gc
import marshal
import sys
import threading
from bisect import bisect_left
from dataclasses import dataclass
from pathlib import Path

from geo.build_index import KIND_CODES, MULTI_SPAN, ensure_index, index_path
from geo.names import name_key, strip_accents

ABBREVIATIONS = {"st.": "saint", "st": "saint", "mt.": "mount", "mt": "mount",
                 "ft.": "fort", "ft": "fort", "pt.": "point"}
KIND_NAMES = {code: name for name, code in KIND_CODES.items()}
KIND_NAMES["k"] = "region"  # US counties are second-level regions to the outside world


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a name may mean; `exact` when it is the entry's own name."""

    id: int
    exact: bool


class Gazetteer:
    """Read-only view of the index file."""

    def __init__(self, obj: dict) -> None:
        self.version: str = obj["version"]
        self._keys: list[str] = obj["keys"]
        self._vals = _array("q", obj["vals"])
        self._multi = _array("q", obj["multi"])
        self.names: list[str] = obj["name"]
        self.lat = _array("d", obj["lat"])
        self.lon = _array("d", obj["lon"])
        self.pop = _array("q", obj["pop"])
        self.prior = _array("d", obj["prior"])
        self.kind_codes: str = obj["kind"]
        self.cc: list[str] = obj["cc"]
        self.admin1: list[str] = obj["admin1"]
        self.sid: list[str] = obj["sid"]
        self.country: dict[str, int] = obj["country"]
        self.region: dict[str, int] = obj["region"]
        self.demonyms: dict[str, str] = obj["demonyms"]
        self.stopwords: frozenset[str] = frozenset(obj["stop"])
        self.first_names: frozenset[str] = frozenset(obj.get("first_names", ()))

    @classmethod
    def load(cls, path: Path | None = None) -> "Gazetteer":
        """Load (building first if missing). GC is paused: millions of new objects, no cycles."""
        if path is None:
            path = index_path()
            if not path.exists():
                print("eventmap: building the offline gazetteer index (once, ~15 s)...",
                      file=sys.stderr)
                path = ensure_index(quiet=True)
        data = Path(path).read_bytes()
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            obj = marshal.loads(data)
        finally:
            if was_enabled:
                gc.enable()
        return cls(obj)

    def __len__(self) -> int:
        return len(self.names)

    def codes(self, key: str) -> list[int]:
        """Raw codes (entry id * 2 + alternate flag) stored under a lookup key."""
        keys = self._keys
        i = bisect_left(keys, key)
        if i == len(keys) or keys[i] != key:
            return []
        v = self._vals[i]
        if v >= 0:
            return [v]
        v = -v - 1
        start, count = divmod(v, MULTI_SPAN)
        return list(self._multi[start:start + count])

    def lookup(self, name: str) -> list[Candidate]:
        """Entries called `name` (own name or alternate), also found without accents."""
        key = name_key(name)
        codes = self.codes(key)
        if not codes:
            plain = strip_accents(key)
            if plain != key:
                codes = self.codes(plain)
        if not codes:
            head, _, rest = key.partition(" ")
            full = ABBREVIATIONS.get(head)
            if full and rest:
                codes = self.codes(f"{full} {rest}")
        return [Candidate(c >> 1, not (c & 1)) for c in codes]

    def has(self, key: str) -> bool:
        keys = self._keys
        i = bisect_left(keys, key)
        return i < len(keys) and keys[i] == key

    def kind(self, i: int) -> str:
        """The public kind of entry i (city/region/country/sea/landmark/area)."""
        return KIND_NAMES[self.kind_codes[i]]

    def raw(self, i: int) -> dict:
        """What geocoders put in Location.raw for entry i."""
        return {
            "name": self.names[i], "kind": self.kind(i), "country_code": self.cc[i] or None,
            "admin1": self.admin1[i] or None, "population": self.pop[i],
            "source_id": self.sid[i], "lat": self.lat[i], "lon": self.lon[i],
        }


def _array(typecode: str, data: bytes) -> array.array:
    a = array.array(typecode)
    a.frombytes(data)
    return a


_LOCK = threading.Lock()
_INSTANCE: Gazetteer | None = None


def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, loaded on first use."""
    global _INSTANCE
    if _INSTANCE is None:
        with _LOCK:
            if _INSTANCE is None:
                _INSTANCE = Gazetteer.load()
    return _INSTANCE
