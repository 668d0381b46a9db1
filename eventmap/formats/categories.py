"""Other people's event types -> our categories, from the data files in ``formats/data``.

Each scheme is one TSV file with its sources in its header comment: ``acled`` (ACLED event
and sub-event types, old and new names), ``usgs`` (ComCat/QuakeML event types), ``ucdp``
(UCDP GED type_of_violence), ``cameo`` (GDELT root codes) and ``generic`` (type words of
other tables). Values compare without case and without blank or underscore differences
("Battle - No change of territory", "quarry_blast").
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
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


@lru_cache(maxsize=8192)
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


def category_of(raw: str | None, default: str = "other") -> str:
    """Our category for a plain category/type cell ("Battles" -> fighting); unknown -> `default`.

    Besides the exact names of the schemes: a plural ("Floods", "Riots"), a longer name holding
    a known word ("Flash flood", "Violent protest", "Hostage Taking (Kidnapping)"), and a JSON
    list of category objects (NASA EONET: ``[{"id": "wildfires", "title": "Wildfires"}]``).
    """
    found = known_category(raw)
    return found if found is not None else default


@lru_cache(maxsize=8192)
def known_category(raw: str | None) -> str | None:
    """The category a plain category/type cell names, or None when no scheme knows it."""
    if not raw or not raw.strip():
        return None
    for name in json_names(raw.strip()) or [raw]:
        key = name.strip().lower()
        if key in CATEGORIES:
            return key
        for scheme in NAMED_SCHEMES:
            found = lookup(scheme, name)
            if found is not None:
                return found
        found = _by_words(normalise_type(name))
        if found is not None:
            return found
    return None


def _singular(word: str) -> str:
    if word.endswith("oes") and len(word) > 4:  # volcanoes, tornadoes
        return word[:-2]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("shes", "ches", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _by_words(key: str) -> str | None:
    """The category of the longest known run of words in `key` (plurals made singular)."""
    words = [_singular(w) for w in re.split(r"[\s/(),;:&+\-]+", key) if w]
    known = table("generic")
    acled = table("acled")
    for size in range(len(words), 0, -1):
        for i in range(len(words) - size + 1):
            run = " ".join(words[i : i + size])
            found = known.get(run) or acled.get(run)
            if found is not None:
                return found
    return None


def json_names(raw: str) -> list[str]:
    """The names in a JSON cell: a list/object of categories with title, name or id."""
    if not raw.startswith(("[", "{")):
        return []
    import json

    try:
        value = json.loads(raw)
    except ValueError:
        return []
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        if isinstance(item, str):
            names.append(item)
        elif isinstance(item, dict):
            names += [str(item[k]) for k in ("title", "name", "id") if isinstance(item.get(k), (str, int))]
    return names
