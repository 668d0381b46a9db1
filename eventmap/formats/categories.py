"""Other people's event types -> our categories, from the data files in ``formats/data``.

Each scheme is one TSV file with its sources in its header comment: ``acled`` (ACLED event
and sub-event types, old and new names), ``usgs`` (ComCat/QuakeML event types), ``ucdp``
(UCDP GED type_of_violence), ``cameo`` (GDELT root codes) and ``generic`` (type words of
other tables). Values compare without case and without blank or underscore differences
("Battle - No change of territory", "quarry_blast").
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from eventmap.model import CATEGORIES

SCHEMES: dict[str, str] = {
    "acled": "acled_types.tsv",
    "usgs": "usgs_types.tsv",
    "ucdp": "ucdp_types.tsv",
    "cameo": "cameo_roots.tsv",
    "generic": "generic_types.tsv",
}
# schemes whose names (not codes) may turn up in a plain `category`/`type` column
NAMED_SCHEMES: tuple[str, ...] = ("acled", "usgs", "generic")


def normalise_type(value: str) -> str:
    """'Battle - No change of territory' -> 'battle-no change of territory'; 'quarry_blast' -> 'quarry blast'."""
    s = re.sub(r"[\s_]+", " ", value.strip().lower())
    return re.sub(r"\s*([/\-])\s*", r"\1", s)


@cache
def table(scheme: str) -> dict[str, str]:
    """normalised value -> category for one scheme (codes of `cameo` also without a leading zero)."""
    text = resources.files("eventmap.formats").joinpath("data", SCHEMES[scheme]).read_text("utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        value, category = parts[1], parts[2]
        if category not in CATEGORIES:
            raise ValueError(f"{SCHEMES[scheme]}: unknown category {category!r} for {value!r}")
        out[normalise_type(value)] = category
        if scheme == "cameo":
            out[str(int(value))] = category
    return out


@cache
def cameo_names() -> dict[str, str]:
    """CAMEO root code ("14") -> its name ("Protest")."""
    text = resources.files("eventmap.formats").joinpath("data", SCHEMES["cameo"]).read_text("utf-8")
    out = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            _, code, _, name = line.split("\t")
            out[code] = out[str(int(code))] = name
    return out


def lookup(scheme: str, raw: str | None) -> str | None:
    """The category of `raw` in `scheme`, or None when the scheme does not know it."""
    if not raw or not raw.strip():
        return None
    key = normalise_type(raw)
    if scheme == "cameo":
        key = cameo_root(key)
    return table(scheme).get(key)


def cameo_root(code: str) -> str:
    """The root of a CAMEO code: "190" -> "19", "0231" -> "02", "14" -> "14"."""
    code = code.strip()
    if not code.isdigit():
        return code
    if len(code) == 3 and code[0] != "0":  # 190, 145: roots 10..20 have two digits
        return code[:2]
    return code[:2] if len(code) >= 3 else str(int(code)).zfill(2)


def category_of(raw: str | None) -> str:
    """Our category for a plain category/type cell ("Battles" -> fighting); unknown -> other."""
    if not raw or not raw.strip():
        return "other"
    key = raw.strip().lower()
    if key in CATEGORIES:
        return key
    for scheme in NAMED_SCHEMES:
        found = lookup(scheme, raw)
        if found is not None:
            return found
    return "other"
