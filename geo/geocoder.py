"""OfflineGeocoder: the embedded gazetteer behind geopy's geocoder interface.

Drop-in for code written for geopy (`geocode` returns geopy Location objects or None, and it
works under geopy's RateLimiter). Ranking of the entries a name may mean: the entry's own
name over an alternate name, then population, then feature kind (country > sea/area >
landmark > region > city), then the caller's country bias.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from geopy.location import Location

from geo.gazetteer import Candidate, Gazetteer, get_gazetteer
from geo.lexicon import DATA_DIR, load, read_file
from geo.names import looks_slavic

_WORDS = load()
NAME_HEADS = _WORDS["name_head"]  # "Greater Mumbai", "North Dallas"
NAME_TAILS = sorted(_WORDS["name_tail"], key=len, reverse=True)  # "Da Nang International Airport"
ARABIC_ARTICLES = _WORDS["arabic_article"]  # "Al-Minya"
REGION_WORDS = _WORDS["region_word"]  # "Nyanza Province": only a region of that name
OTHER_FORM_MIN_POP = 100_000
EXACT_BONUS = 0.8
COUNTRY_BIAS = 2.0

# "Springfield, Ill." style state abbreviations (AP style and postal codes): geo/data/us_states.tsv
US_STATE_ABBREVIATIONS: dict[str, str] = {
    abbreviation: state
    for state, entries in read_file(DATA_DIR / "us_states.tsv").items()
    for abbreviation in entries
}


def rank(
    gaz: Gazetteer,
    cands: Iterable[Candidate],
    country_codes: frozenset[str] | None = None,
) -> list[tuple[float, Candidate]]:
    """Candidates with their context-free score, best first."""
    scored = []
    for c in cands:
        s = gaz.prior[c.id] + (EXACT_BONUS if c.exact else 0.0)
        if country_codes and gaz.cc[c.id] in country_codes:
            s += COUNTRY_BIAS
        scored.append((s, c))
    scored.sort(key=lambda sc: -sc[0])
    return scored


def to_location(gaz: Gazetteer, i: int, score: float | None = None) -> Location:
    """A geopy Location for entry i; `raw` carries kind, country code, population, source id."""
    from geopy.location import Location  # imported on first use: geopy's import is slow

    raw = gaz.raw(i)
    if score is not None:
        raw["score"] = round(score, 3)
    country = gaz.country.get(gaz.cc[i]) if gaz.cc[i] else None
    parts = [gaz.names[i]]
    if country is not None and country != i:
        parts.append(gaz.names[country])
    return Location(", ".join(parts), gaz.point(i), raw)


class OfflineGeocoder:
    """geopy-compatible geocoder over the embedded gazetteer (no network, ever)."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self._gaz = gazetteer
        # (query, country bias) -> ranked candidates: news repeats its place names
        self._ranked: dict[tuple[str, frozenset[str] | None], list[tuple[float, Candidate]]] = {}

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gaz is None:
            self._gaz = get_gazetteer()
        return self._gaz

    def geocode(
        self,
        query: str,
        exactly_one: bool = True,
        *,
        country_codes=None,
        language: str | None = None,
        limit: int | None = None,
        **_ignored,
    ):
        """Location (or list of them, best first) for a place name; None when unknown.

        `country_codes` (a code or a list) biases the ranking toward those countries;
        "Name, Country/State" queries use the part after the comma the same way.
        """
        if not isinstance(query, str) or not query.strip():
            return None
        gaz = self.gazetteer
        bias = _codes(country_codes)
        memo_key = (query, bias)
        scored = self._ranked.get(memo_key)
        if scored is None:
            cands = gaz.lookup(query)
            if not cands and "," in query:
                head, _, tail = query.partition(",")
                cands = gaz.lookup(head)
                cands = self._filter_by_context(cands, tail.strip())
            if not cands and looks_slavic(query.strip()):
                cands = gaz.lookup_variant(query.strip())  # "Starobelsk" -> Starobilsk
            if not cands:
                cands = other_form(gaz, query)
            if any(c.exact and (gaz.kind_codes[c.id] in "Csal" or c.id in gaz.capitals) for c in cands):
                # a country, sea, area, landmark or national capital called exactly this is
                # not another place's alternate name: "Atlantic" is the ocean, not Atlántico
                # (Colombia); "Islamabad" is Pakistan's capital, not Chattogram's old name
                cands = [c for c in cands if c.exact]
            scored = rank(gaz, cands, bias)
            if len(self._ranked) >= 100_000:
                self._ranked.clear()
            self._ranked[memo_key] = scored
        if not scored:
            return None
        if exactly_one:
            s, c = scored[0]
            return to_location(gaz, c.id, s)
        return [to_location(gaz, c.id, s) for s, c in scored[: limit or len(scored)]]

    def _filter_by_context(self, cands: list[Candidate], context: str) -> list[Candidate]:
        """Keep the candidates inside the country or US state named after the comma."""
        gaz = self.gazetteer
        key = context.strip().rstrip(".").lower()
        state = US_STATE_ABBREVIATIONS.get(key)
        if state is None and len(key) == 2 and f"US.{key.upper()}" in gaz.region:
            state = key.upper()
        if state is not None:
            kept = [c for c in cands if gaz.cc[c.id] == "US" and gaz.admin1[c.id] == state]
            return kept or cands
        areas = gaz.lookup(context)
        ccs = {gaz.cc[a.id] for a in areas if gaz.kind_codes[a.id] == "C"}
        regions = {(gaz.cc[a.id], gaz.admin1[a.id]) for a in areas if gaz.kind_codes[a.id] == "r"}
        kept = [c for c in cands if gaz.cc[c.id] in ccs or (gaz.cc[c.id], gaz.admin1[c.id]) in regions]
        return kept or cands


def other_form(gaz: Gazetteer, query: str) -> list[Candidate]:
    """The candidates of a shorter form of a name the gazetteer does not know (geo/data/
    cues_any.tsv): without a narrowing word before it ("Greater Mumbai" -> Mumbai, "North
    Dallas" -> Dallas), without the facility after it ("Da Nang International Airport" -> Da
    Nang), without the Arabic article ("Al-Minya" -> Minya); "X Province" / "X Region" only
    as a region called X ("Nyanza Province" is no town Nyanza). Alternate names of other
    places do not count: only entries whose own name the shorter form is. [] when none."""
    words = query.split()
    if len(words) < 2 and "-" not in query:
        return []
    key = " ".join(query.casefold().split())
    if len(words) > 1 and words[-1].casefold() in REGION_WORDS:
        core = " ".join(words[:-1])
        return [c for c in gaz.lookup(f"{core} region") if gaz.kind_codes[c.id] == "r"]
    forms = []
    head, sep, rest = key.partition(" ")
    if head in NAME_HEADS and rest:
        forms.append(rest)
    for tail in NAME_TAILS:
        if key.endswith(" " + tail):
            forms.append(key[: -len(tail) - 1])
            break
    for sep in ("-", " "):
        head, found, rest = key.partition(sep)
        if found and head in ARABIC_ARTICLES and rest:
            forms.append(rest)
            break
    for form in forms:
        cands = [c for c in gaz.lookup(form) if c.exact]
        # the shorter form must name something big ("North Dallas"), not a hamlet that is
        # also a word ("West Side" is no Side, Turkey; "Pearl Harbor" no Pearl, Mississippi)
        if any(gaz.kind_codes[c.id] in "Csalr" or gaz.pop[c.id] >= OTHER_FORM_MIN_POP for c in cands):
            return cands
    return []


def _codes(country_codes) -> frozenset[str] | None:
    if not country_codes:
        return None
    if isinstance(country_codes, str):
        country_codes = [country_codes]
    return frozenset(c.upper() for c in country_codes)
