"""The loaded gazetteer index: name -> candidate entries, and each entry's columns.

One process-wide instance (`get_gazetteer()`), loaded from the cache file written by
geo.build_index (built first, in a child process, if missing: geo.index_files). Lookups are
a bisect in a sorted key list.
"""

from __future__ import annotations

import array
import gc
import marshal
import sys
import threading
from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from geopy.point import Point

from geo.index_files import KIND_NAMES, MULTI_SPAN, build_missing_index, index_path, key_hash
from geo.names import name_key, slavic_skeleton, strip_accents

MEMO_SIZE = 200_000
# countries whose place names reach the news in several transliterations of Cyrillic
SLAVIC_COUNTRIES = frozenset({"UA", "RU", "BY", "BG", "RS", "MK", "KZ", "KG", "MD"})
ABBREVIATIONS = {
    "st.": "saint",
    "st": "saint",
    "mt.": "mount",
    "mt": "mount",
    "ft.": "fort",
    "ft": "fort",
    "pt.": "point",
}


@dataclass(slots=True)
class Candidate:
    """One gazetteer entry a name may mean; `exact` when it is the entry's own name."""

    id: int
    exact: bool


class Gazetteer:
    """Read-only view of the index file."""

    def __init__(self, obj: dict) -> None:
        self.version: str = obj["version"]
        self._keys = Strings(obj["keys"], _array("i", obj["key_off"]))  # UTF-8, sorted
        self._hashes = _array("I", obj["key_hash"])  # key_hash of the keys, sorted
        self._order = _array("i", obj["key_order"])  # key number of each of those hashes
        self._vals = _array("q", obj["vals"])
        self._multi = _array("q", obj["multi"])
        self.names = Strings(obj["name"], _array("i", obj["name_off"]))
        self.lat = _array("d", obj["lat"])
        self.lon = _array("d", obj["lon"])
        self.pop = _array("q", obj["pop"])
        self.prior = _array("d", obj["prior"])
        self.kind_codes: str = obj["kind"]
        self.cc: list[str] = obj["cc"]
        self.admin1: list[str] = obj["admin1"]
        self.sid = SourceIds(_array("q", obj["sid_geonames"]), obj["sid_other"])
        self.country: dict[str, int] = obj["country"]
        self.region: dict[str, int] = obj["region"]
        self.demonyms: dict[str, str] = obj["demonyms"]
        self.capitals: frozenset[int] = frozenset(obj.get("capitals", ()))
        # cc -> [lat, lon] of the population-weighted centre, then of the capital (geo.points)
        self.country_points: dict[str, list[float]] = obj.get("country_points", {})
        self.given_names: frozenset[str] = frozenset(obj.get("given_names", ()))
        self._rare_given_names: str | frozenset[str] = obj.get("rare_given_names", "")
        self.surnames: frozenset[str] = frozenset(obj.get("surnames", ()))  # "williams", "keys"
        self.country_words: frozenset[str] = frozenset(obj.get("country_words", ()))
        # own names of countries, US states, big cities, capitals: found in lower case (geo.informal)
        self.informal_names: frozenset[str] = frozenset(obj.get("informal_names", ()))
        self.lower_tails: frozenset[str] = frozenset(obj.get("lower_tails", ()))  # "білий дім"
        # lang -> {one-word name: 10 x its Zipf frequency as a common word} (geo.build_words)
        self.common_words: Mapping[str, dict[str, int]] = MarshalledTables(obj.get("common_words", {}))
        self._memo: dict[str, list[Candidate]] = {}
        self._found: dict[str, int] = {}
        self._skeletons: dict[str, list[int]] | None = None
        self._variant_memo: dict[str, list[Candidate]] = {}
        self._points: dict[int, Point] = {}

    @classmethod
    def load(cls, path: Path | None = None) -> Gazetteer:
        """Load (building first if missing). GC is paused: millions of new objects, no cycles."""
        if path is None:
            path = index_path()
            if not path.exists():
                print("eventmap: building the offline gazetteer index (once, ~15 s)...", file=sys.stderr)
                path = build_missing_index()
            try:
                return cls._read(path)
            except (OSError, EOFError, ValueError, TypeError, KeyError):
                # truncated or foreign file (a crash mid-write elsewhere): build it again
                print("eventmap: the gazetteer index is unreadable; rebuilding it...", file=sys.stderr)
                return cls._read(build_missing_index(force=True))
        return cls._read(Path(path))

    @classmethod
    def _read(cls, path: Path) -> Gazetteer:
        data = path.read_bytes()
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            obj = marshal.loads(data)
        finally:
            if was_enabled:
                gc.enable()
        return cls(obj)

    @property
    def rare_given_names(self) -> frozenset[str]:
        """Given names rarer than `given_names` ("Chelsea", "Nicky"), split on first need."""
        names = self._rare_given_names
        if isinstance(names, str):
            names = self._rare_given_names = frozenset(names.split("\n"))
        return names

    def __len__(self) -> int:
        return len(self.names)

    def _find(self, key: str) -> int:
        """The number of `key` in the sorted key list, -1 when it is not there (memoised)."""
        k = self._found.get(key)
        if k is None:
            if len(self._found) >= MEMO_SIZE:
                self._found.clear()
            k = self._found[key] = self._search(key)
        return k

    def _search(self, key: str) -> int:
        kb = key.encode()
        h = key_hash(kb)
        hashes, order, keys = self._hashes, self._order, self._keys
        p = bisect_left(hashes, h)
        while p < len(hashes) and hashes[p] == h:
            k = order[p]
            if keys[k] == kb:
                return k
            p += 1
        return -1

    def codes(self, key: str) -> list[int]:
        """Raw codes (entry id * 2 + alternate flag) stored under a lookup key."""
        k = self._find(key)
        return self._codes_at(k) if k >= 0 else []

    def _codes_at(self, k: int) -> list[int]:
        v = self._vals[k]
        if v >= 0:
            return [v]
        start, count = divmod(-v - 1, MULTI_SPAN)
        return list(self._multi[start : start + count])

    def lookup(self, name: str) -> list[Candidate]:
        """Entries called `name` (own name or alternate), also found without accents.

        Memoised: news repeats names, and geoparse asks for every capitalised n-gram.
        The returned list is shared; do not modify it.
        """
        found = self._memo.get(name)
        if found is None:
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            found = self._memo[name] = self._lookup(name)
        return found

    def _lookup(self, name: str) -> list[Candidate]:
        key = name_key(name)
        codes = self.codes(key)
        if not codes and not key.isascii():
            plain = strip_accents(key)
            if plain != key:
                codes = self.codes(plain)
        if not codes:
            head, _, rest = key.partition(" ")
            full = ABBREVIATIONS.get(head)
            if full and rest:
                codes = self.codes(f"{full} {rest}")
        return [Candidate(c >> 1, not (c & 1)) for c in codes]

    def lookup_variant(self, name: str) -> list[Candidate]:
        """Places of Cyrillic-script countries whose name is a transliteration variant of `name`.

        Called only when the exact lookup failed. The skeleton table (own names of those
        countries' entries, ~60,000) is built on the first call (~0.2 s), not at load: most
        documents never need it. Candidates are alternate-name matches (exact=False).
        """
        found = self._variant_memo.get(name)
        if found is not None:
            return found
        if len(self._variant_memo) >= MEMO_SIZE:
            self._variant_memo.clear()
        found = self._variant_memo[name] = self._lookup_variant(name)
        return found

    def _lookup_variant(self, name: str) -> list[Candidate]:
        if self._skeletons is None:
            table: dict[str, list[int]] = {}
            cc, names = self.cc, self.names
            for i in range(len(names)):
                if cc[i] in SLAVIC_COUNTRIES:
                    table.setdefault(slavic_skeleton(names[i]), []).append(i)
            self._skeletons = table
        ids = self._skeletons.get(slavic_skeleton(name), [])
        ids = sorted(ids, key=lambda i: -self.prior[i])[:8]
        return [Candidate(i, False) for i in ids]

    def complete(self, prefix: str, limit: int = 10, scan: int = 4000) -> list[int]:
        """Entries whose name (own or alternate) starts with `prefix`, most prominent first.

        For suggestions as someone types a place name. At most `scan` keys after the prefix
        are looked at, so a one-letter prefix answers as fast as a long one.
        """
        key = name_key(prefix)
        if not key:
            return []
        keys = self._keys
        kb = key.encode()
        start = bisect_left(range(len(keys)), kb, key=keys.__getitem__)
        own: dict[int, bool] = {}  # entry -> matched by its own name (not an alternate one)
        for k in range(start, min(len(keys), start + scan)):
            if not keys[k].startswith(kb):
                break
            for c in self._codes_at(k):
                own[c >> 1] = own.get(c >> 1, False) or not (c & 1)
        exact = {c >> 1 for c in self.codes(key)}  # the whole name typed: those first
        return sorted(
            own, key=lambda i: (i not in exact, not own[i], -self.prior[i], -self.pop[i], self.names[i])
        )[:limit]

    def has(self, key: str) -> bool:
        return self._find(key) >= 0

    def has_prefix(self, prefix: str) -> bool:
        """Some lookup key starts with `prefix` (a key itself: "new " for "new york")."""
        keys = self._keys
        pb = prefix.encode()
        k = bisect_left(range(len(keys)), pb, key=keys.__getitem__)
        return k < len(keys) and keys[k].startswith(pb)

    def point(self, i: int) -> Point:
        """geopy Point of entry i, made once (building a Point costs more than a lookup)."""
        p = self._points.get(i)
        if p is None:
            from geopy.point import Point  # geopy's import is slow; only geocode() needs it

            p = self._points[i] = Point(self.lat[i], self.lon[i])
        return p

    def kind(self, i: int) -> str:
        """The public kind of entry i (city/region/country/sea/landmark/area)."""
        return KIND_NAMES[self.kind_codes[i]]

    def raw(self, i: int) -> dict:
        """What geocoders put in Location.raw for entry i."""
        return {
            "name": self.names[i],
            "kind": self.kind(i),
            "country_code": self.cc[i] or None,
            "admin1": self.admin1[i] or None,
            "population": self.pop[i],
            "source_id": self.sid[i],
            "lat": self.lat[i],
            "lon": self.lon[i],
        }


class Strings:
    """A column of strings (or bytes) kept as one blob: item k is blob[off[k]:off[k + 1]]."""

    __slots__ = ("_blob", "_off")

    def __init__(self, blob, off: array.array) -> None:
        self._blob = blob
        self._off = off

    def __getitem__(self, k: int):
        off = self._off
        return self._blob[off[k] : off[k + 1]]

    def __len__(self) -> int:
        return len(self._off) - 1


class MarshalledTables(Mapping):
    """{name: table} whose tables stay marshalled bytes until first asked for."""

    def __init__(self, packed: dict[str, bytes]) -> None:
        self._packed = packed
        self._tables: dict[str, dict] = {}

    def __getitem__(self, name: str) -> dict:
        table = self._tables.get(name)
        if table is None:
            table = self._tables[name] = marshal.loads(self._packed[name])
        return table

    def __iter__(self):
        return iter(self._packed)

    def __len__(self) -> int:
        return len(self._packed)


class SourceIds:
    """`sid[i]`: "geonames:<id>" made on access from a number column, else the stored string."""

    __slots__ = ("_nums", "_other")

    def __init__(self, nums: array.array, other: dict[int, str]) -> None:
        self._nums = nums
        self._other = other

    def __getitem__(self, i: int) -> str:
        n = self._nums[i]
        return f"geonames:{n}" if n else self._other.get(i, "")

    def __len__(self) -> int:
        return len(self._nums)


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
