"""Choosing which place each mention means, using the whole document as context (geoparse step 2).

Score of a candidate = its prior (log10 population + kind bonus) + 0.8 if the name is its own
+ votes from the rest of the document:
- the countries the document names (countries, their adjectives, other resolved places),
- the first-level regions it names (a US state, "Springfield, Ill."),
- a soft share of those regions before anything is resolved (see _soft_regions),
- closeness to the document's other places (great-circle distance, as geopy's
  `great_circle`, computed inline because it runs for every candidate pair).
A name never votes for itself. Three rounds: context from the previous guesses each time.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from geo.gazetteer import Gazetteer
from geo.geocoder import EXACT_BONUS, US_STATE_ABBREVIATIONS
from geo.lexicon import load
from geo.memo import MEMO_SIZE, per_list
from geo.mentions import Mention
from geo.names import name_key
from geo.regiontowns import city_before_its_region, great_circle_km, towns_of_named_regions

MAX_CANDIDATES = 12
COUNTRY_WEIGHT = 1.6
REGION_WEIGHT = 2.4
NEAR_WEIGHT = 2.0
NEAR_KM = 400.0
# the countries an article in a language is at home in (cues role home_country): a namesake
# there gets HOME_WEIGHT ("Verdun" in a French text is Verdun, France, not Verdun, Quebec)
LANG_HOME = {
    lang: frozenset(cc.upper() for cc in load((lang,))["home_country"])
    for lang in ("nl", "fr", "de", "en", "uk", "ru")
}
HOME_WEIGHT = 0.75
SOFT_WEIGHT = 2.5
ADJECTIVE_WEIGHT = 0.4  # "the Russians", "Ukrainian troops": who acted, barely where
CONTAINER_WEIGHT = 4.0  # "Decatur, Ill.", "Athens, Georgia": the place is inside the one after the comma
CONTAINED_WEIGHT = 1.5  # ... and that one holds a place of the name before the comma
NAMESAKE_SHARE = 0.05  # a bare capital dateline gives way to a namesake of at least this share of its people
WORLD_CITY_POP, WORLD_CITY_RATIO = 100_000, 8  # a namesake this many times smaller than a city of note
# a metropolis ("London", "Paris", "Sydney") and a namesake hundreds of times smaller: one
# other place near the namesake ("Hollywood ... from London") does not move it there either
METROPOLIS_POP, METROPOLIS_RATIO = 1_000_000, 100
CAPITAL_NAMESAKE_RATIO = 50  # a national capital's namesake this many times smaller ("Paris, Texas")
# ... or this many times smaller when the text names the capital's country too ("the UK and the
# United States ... in Washington": Washington, D.C., not Washington, England)
NAMED_CAPITAL_RATIO = 10
# what stands between a place and the region or country holding it: "Decatur, Ill.",
# "Novoselivka in the Kharkiv region", "Springfield in Illinois", "Zeist in Utrecht"
CONTAINER_GAPS = frozenset({", ", " in ", " in the ", " in de ", " in het ", " (", ", in "})
GAP_MAX = max(map(len, CONTAINER_GAPS))
NAMESAKE_BONUS = 3.0  # "Donetsk region" is the region named after Donetsk, not one holding a Donetsk
CAPITAL_BONUS = 0.5  # a country's capital is named far more often than its namesakes
ALT_PENALTY = 1.5  # an alternate name of a town, when other places have it as their own name
SURE = round(1.0 / (1.0 + math.exp(-4.0)), 3)  # the confidence of a name with one reading
BIG_KINDS = "Csa"  # countries, seas, areas: too large to say where nearby places are


@dataclass(slots=True)
class Resolved:
    mention: Mention
    id: int | None
    lat: float | None
    lon: float | None
    confidence: float


def _candidates(m: Mention, gaz: Gazetteer) -> list[tuple[float, int]]:
    """(base score, entry id), best first; "provincie X" turns city X into its region."""
    out: dict[int, float] = {}
    for c in m.cands:
        i = c.id
        base = gaz.prior[i] + (EXACT_BONUS if c.exact else 0.0)
        if m.region_of and gaz.kind_codes[i] == "c":  # ranked as the city, placed as its region
            r = gaz.region.get(f"{gaz.cc[i]}.{gaz.admin1[i]}")
            if r is None:
                continue
            if _is_namesake(gaz.names[r], gaz.names[i]):
                base += NAMESAKE_BONUS
            i = r
        if base > out.get(i, -1e9):
            out[i] = base
    # an alternate name (often a former or foreign name) of a town is a weaker reading than a
    # bigger place's own name ("Maryville" is not Beeville), not than a smaller one's ("Kiev"
    # is Kyiv, not Kiev, Ohio; "Odessa" is Odesa before Odessa, Texas)
    exact_pop = max((gaz.pop[c.id] for c in m.cands if c.exact), default=-1)
    if exact_pop >= 0 and not m.region_of:
        for c in m.cands:
            if not c.exact and gaz.kind_codes[c.id] == "c" and c.id in out and gaz.pop[c.id] < exact_pop:
                out[c.id] -= ALT_PENALTY
    # a curated place, country or region called exactly this beats alternate names of cities
    if any(c.exact and gaz.kind_codes[c.id] in "Csalr" for c in m.cands):
        # ... but not the town of a region named after it ("Jenin": Janīn in the Jenin governorate)
        keep = towns_of_named_regions(m, gaz)
        alt_only = {c.id for c in m.cands if not c.exact and gaz.kind_codes[c.id] == "c" and c.id not in keep}
        out = {i: s for i, s in out.items() if i not in alt_only} or out
    # ... and a curated sea, area or landmark is not a small town of the same name; a sea not a
    # region named after it either ("the Red Sea", not Red Sea State; "Red Sea state" asks for it)
    if any(c.exact and gaz.kind_codes[c.id] in "sal" for c in m.cands):
        sea = not m.region_of and any(c.exact and gaz.kind_codes[c.id] == "s" for c in m.cands)
        out = {
            i: s
            for i, s in out.items()
            if (gaz.kind_codes[i] != "c" or gaz.pop[i] >= 100_000) and not (sea and gaz.kind_codes[i] in "cr")
        } or out
    # a national capital reached by another name ("Париж", "Londres") leaves out the towns that
    # have that name only as an other name of their own different one (a village once called
    # Paris), while its namesakes (Paris, Texas) stay
    if not m.region_of and not exact_pop >= 0:
        capitals = {c.id for c in m.cands if c.id in gaz.capitals}
        if capitals:
            own = {name_key(gaz.names[i]) for i in capitals}
            out = {
                i: s
                for i, s in out.items()
                if i in capitals or gaz.kind_codes[i] != "c" or name_key(gaz.names[i]) in own
            } or out
    if "dateline" in m.flags:
        out = {i: s for i, s in out.items() if gaz.kind_codes[i] == "c"} or out
    if not m.region_of:
        out = city_before_its_region(m, gaz, out)
    ranked = sorted(((s, i) for i, s in out.items()), key=lambda si: -si[0])
    return ranked[:MAX_CANDIDATES]


_RANKED: dict[tuple, tuple[list, object, list[tuple[float, int]]]] = {}


def _ranked(m: Mention, gaz: Gazetteer) -> list[tuple[float, int]]:
    """_candidates(m), ranked once per candidate list: the gazetteer's lookup memo hands every
    mention of a name (in this article and the next ones) the same list. The memo holds the
    list itself, so its id is never another list's."""
    ck = (id(m.cands), m.region_of, "dateline" in m.flags)
    hit = _RANKED.get(ck)
    if hit is not None and hit[0] is m.cands and hit[1] is gaz:
        return hit[2]
    if len(_RANKED) >= MEMO_SIZE:
        _RANKED.clear()
    ranked = _candidates(m, gaz)
    _RANKED[ck] = (m.cands, gaz, ranked)
    return ranked


def _is_namesake(region_name: str, city_name: str) -> bool:
    """The region carries the city's name: "Donetsk Oblast" for Donetsk (UA), unlike
    "Rostov-on-Don Oblast" around the Russian town of Donetsk."""
    rk, ck = name_key(region_name), name_key(city_name)
    return rk.startswith(ck) and rk[len(ck) : len(ck) + 1] in (" ", "")


def state_hints(text: str, mentions: list[Mention]) -> Counter:
    """US states named by abbreviation after a place: "Springfield, Ill." -> ("US", "IL")."""
    hints: Counter = Counter()
    for m in mentions:
        if text.startswith(", ", m.end):
            tail = text[m.end : m.end + 12]
            word = tail[2:].split(" ")[0].rstrip(",;").rstrip(".").lower()
            st = US_STATE_ABBREVIATIONS.get(word)
            if st:
                hints[("US", st)] += 1
    return hints


def _capital_datelines(mentions: list[Mention], cands: list[list[tuple[float, int]]], gaz: Gazetteer) -> None:
    """A dateline without a state or country after it that names a national capital
    ("WASHINGTON, March 3 (Reuters) -") is the capital, whatever other countries the report
    names, unless it names the state or province of one of its namesakes that is a city of
    note (NAMESAKE_SHARE of the capital's population: "ATHENS - ... Clarke County, Georgia";
    not Washington, Georgia, a town of 4,000, for "Georgia Governor Brian Kemp"); "PARIS,
    Texas -" says where it is by itself."""
    if not any("dateline_bare" in m.flags for m in mentions):
        return  # the usual case: no bare dateline
    regions = {
        (gaz.cc[i], gaz.admin1[i])
        for m, cs in zip(mentions, cands)
        if "dateline" not in m.flags
        for _s, i in cs
        if gaz.kind_codes[i] == "r"
    }
    for k, m in enumerate(mentions):
        if "dateline_bare" not in m.flags:
            continue
        capital = [si for si in cands[k] if si[1] in gaz.capitals]
        if not capital:
            continue
        floor = NAMESAKE_SHARE * max(gaz.pop[i] for _s, i in capital)
        if not any(
            (gaz.cc[i], gaz.admin1[i]) in regions and gaz.pop[i] >= floor
            for _s, i in cands[k]
            if i not in gaz.capitals
        ):
            cands[k] = capital


def resolve(
    text: str, mentions: list[Mention], demonym_ccs: list[str], gaz: Gazetteer, lang: str | None = None
) -> list[Resolved]:
    """Pick one entry per mention (or none) with the document as context."""
    # a repeated name shares its candidate list (the gazetteer's memo): rank it once
    cands = [_ranked(m, gaz) for m in mentions]
    _capital_datelines(mentions, cands, gaz)
    home = LANG_HOME.get((lang or "").lower()[:2], ())
    picks: list[int | None] = [c[0][1] if c else None for c in cands]
    hints = state_hints(text, mentions)
    soft = _soft_regions(mentions, cands, gaz)
    names_country = [_names_country(gaz, m.cands) for m in mentions]
    container, holds = _containers(text, mentions, cands, gaz)
    # mentions with the same name and flags get the same scores: score each name once
    same: dict[tuple, list[int]] = {}
    for k, m in enumerate(mentions):
        key = (
            m.text.lower(),
            id(cands[k]),  # "Kursk governor" (the region) and "in Kursk" (the town) differ
            m.region_of,
            m.demonym,
            "dateline" in m.flags,
            container.get(k),
            k in holds,
        )
        same.setdefault(key, []).append(k)
    confidences = [0.0] * len(mentions)
    # what a round does not change, per name and candidate: computed once, added in the same
    # order as before (the same floating-point sums)
    fixed: dict[tuple, tuple] = {}
    for _round in range(3):
        votes_cc, votes_region, points = _evidence(picks, cands, mentions, gaz)
        # "Russische", "the Russians": evidence even when not reported, but weak: an
        # adjective says who acted, and "the Russians killed ... in the Donetsk region" is
        # in Ukraine; named places outvote it
        adjectives = set(demonym_ccs) | {m.demonym for m in mentions if m.demonym}
        new_picks: list[int | None] = [None] * len(mentions)
        named_regions = None  # the regions the text names itself (a state, "Springfield, Ill.")
        for key, members in same.items():
            k = members[0]
            cs = cands[k]
            if not cs:
                continue
            if len(cs) == 1:  # nothing to choose ("Russische", a unique name): no scoring
                for k in members:
                    new_picks[k] = cs[0][1]
                    confidences[k] = SURE
                continue
            f = fixed.get(key)
            if f is None:
                f = fixed[key] = _fixed(k, cands, mentions, soft, names_country, home, gaz)
            surface, top_pop, top_city, capital_cc, rows = f
            v = votes_cc.get(capital_cc) if capital_cc else None
            capital_named = bool(v) and len(v) - (surface in v) > 0
            if capital_named and named_regions is None:
                named_regions = {
                    (gaz.cc[p], gaz.admin1[p]) for p in picks if p is not None and gaz.kind_codes[p] == "r"
                }
                named_regions.update(hints)
            scored = []
            for base, i, cc, a1, tiny, small, home_cc, soft_add, kind in rows:
                s = base
                v = votes_cc.get(cc)
                n_cc = len(v) - (surface in v) if v else 0
                if a1:
                    v = votes_region.get((cc, a1))
                    n_r = (len(v) - (surface in v) if v else 0) + hints.get((cc, a1), 0)
                else:
                    n_r = 0
                # ... unless the text names its region ("Dublin ... Georgia") or what holds it
                small = small and capital_named and k not in container and (cc, a1) not in named_regions
                tiny = tiny or small
                if cc and n_cc > 0:
                    weight = COUNTRY_WEIGHT * min(n_cc, 3) / 3 + COUNTRY_WEIGHT * 0.5
                    if n_cc == 1 and top_pop >= WORLD_CITY_POP and gaz.pop[i] * WORLD_CITY_RATIO < top_pop:
                        weight /= 2  # one mention of a country does not move Geneva to Geneva, Illinois
                    if tiny and n_r == 0:
                        weight /= 4
                    s += weight
                elif cc in adjectives:
                    s += ADJECTIVE_WEIGHT
                if home_cc:
                    s += HOME_WEIGHT
                if a1 and not small:  # the small namesake's region: named by its places, not by itself
                    if n_r > 0:
                        s += REGION_WEIGHT
                    # a country's name ("Greece") takes named states, not a soft share, to move
                    s += soft_add
                if kind not in BIG_KINDS:
                    if small or (
                        (n_cc <= 1 or (tiny and n_r == 0))
                        and top_city >= METROPOLIS_POP
                        and gaz.pop[i] * METROPOLIS_RATIO < top_city
                    ):
                        near = 0.0
                    else:
                        near = NEAR_WEIGHT * _closeness(gaz.lat[i], gaz.lon[i], points, surface)
                    s += near
                if i in gaz.capitals and k not in container:
                    s += CAPITAL_BONUS  # unless the text names what holds it ("Athens, Georgia")
                if k in container:
                    p = picks[container[k]]
                    if p is not None and (
                        (gaz.kind_codes[p] == "C" and gaz.cc[p] == cc)
                        or (gaz.kind_codes[p] == "r" and (gaz.cc[p], gaz.admin1[p]) == (cc, a1))
                    ):
                        s += CONTAINER_WEIGHT
                if k in holds:
                    inner = holds[k]
                    if (kind == "C" and cc in inner[0]) or (kind == "r" and (cc, a1) in inner[1]):
                        s += CONTAINED_WEIGHT
                scored.append((s, i))
            scored.sort(key=lambda si: -si[0])
            margin = scored[0][0] - scored[1][0] if len(scored) > 1 else 4.0
            confidence = round(1.0 / (1.0 + math.exp(-margin)), 3)
            for k in members:
                new_picks[k] = scored[0][1]
                confidences[k] = confidence
        if new_picks == picks:
            break  # a round depends only on the picks: nothing more would change
        picks = new_picks
    return [_place(m, p, conf, picks, mentions, gaz) for m, p, conf in zip(mentions, picks, confidences)]


def _fixed(
    k: int, cands, mentions: list[Mention], soft: dict, names_country: list[bool], home, gaz: Gazetteer
):
    """What resolve's rounds read of name k's candidates and do not change: (surface, the top
    population, the top city's, the country of the capital that is that city (or None), and per
    candidate (base, id, country, admin1, a capital's tiny namesake, its small foreign namesake, at home, the soft share's term, kind))."""
    cs = cands[k]
    surface = mentions[k].text.lower()
    top_pop = max(gaz.pop[i] for _b, i in cs)
    top_city = max((gaz.pop[i] for _b, i in cs if gaz.kind_codes[i] == "c"), default=0)
    capital_city = any(i in gaz.capitals and gaz.pop[i] == top_city for _b, i in cs)
    capital_cc = next((gaz.cc[i] for _b, i in cs if i in gaz.capitals and gaz.pop[i] == top_city), None)
    rows = []
    for base, i in cs:
        cc, a1 = gaz.cc[i], gaz.admin1[i]
        # a capital of a million people and a namesake a hundred times smaller ("Paris",
        # "Moscow" in a report full of US places): the namesake's country is no evidence
        # unless its state is named too ("Moscow, Idaho", "Idaho ... Moscow")
        tiny = capital_city and top_city >= METROPOLIS_POP and gaz.pop[i] * CAPITAL_NAMESAKE_RATIO < top_city
        small = capital_city and gaz.cc[i] != capital_cc and gaz.pop[i] * NAMED_CAPITAL_RATIO < top_city
        soft_add = (
            SOFT_WEIGHT * min(_support(soft.get((cc, a1)), surface), 0.5 if names_country[k] else 2.0)
            if a1
            else 0.0
        )
        rows.append((base, i, cc, a1, tiny, small, cc in home, soft_add, gaz.kind_codes[i]))
    return surface, top_pop, top_city, capital_cc, rows


def _containers(text: str, mentions: list[Mention], cands, gaz: Gazetteer):
    """ "Decatur, Ill.", "Athens, Georgia", "Lagos, Nigeria": a place, a comma, a region or
    country that holds it. Returns {place index: container index} and, for each container,
    the countries and (country, admin1) regions its place's candidates lie in."""
    container: dict[int, int] = {}
    holds: dict[int, tuple[set, set]] = {}
    for k in range(len(mentions) - 1):
        m, nxt = mentions[k], mentions[k + 1]
        if nxt.start - m.end > GAP_MAX or text[m.end : nxt.start] not in CONTAINER_GAPS or not cands[k]:
            continue
        if not any(gaz.kind_codes[i] in "Cr" for _s, i in cands[k + 1]):
            continue
        container[k] = k + 1
        ccs = {gaz.cc[i] for _s, i in cands[k]}
        regions = {(gaz.cc[i], gaz.admin1[i]) for _s, i in cands[k] if gaz.admin1[i]}
        holds[k + 1] = (ccs, regions)
    return container, holds


def _soft_regions(mentions: list[Mention], cands, gaz: Gazetteer) -> dict:
    """For each (country, admin1): which surface names could lie there, and how surely.

    Each name spreads one vote over its candidates' regions in proportion to exp(score):
    towns of one state named in a local article support each other before any is resolved,
    while "London" (the British one dwarfs London, Kentucky) lends Kentucky almost nothing.
    """
    soft: dict[tuple[str, str], dict[str, float]] = {}
    for m, cs in zip(mentions, cands):
        if not cs:
            continue
        surface = m.text.lower()
        for r, w in _region_shares(gaz, cs).items():
            d = soft.setdefault(r, {})
            d[surface] = max(d.get(surface, 0.0), w)
    return soft


@per_list
def _region_shares(gaz: Gazetteer, cs: list[tuple[float, int]]) -> dict[tuple[str, str], float]:
    """One name's vote over the regions of its ranked candidates, in proportion to exp(score)
    (once per ranked list: _ranked shares it between the mentions of a name)."""
    top = cs[0][0]
    weights = [(math.exp(s - top), i) for s, i in cs]
    total = sum(w for w, _i in weights)
    share: dict[tuple[str, str], float] = {}
    for w, i in weights:
        if gaz.admin1[i] and gaz.kind_codes[i] in "rck":
            r = (gaz.cc[i], gaz.admin1[i])
            share[r] = share.get(r, 0.0) + w / total
    return share


@per_list
def _names_country(gaz: Gazetteer, cands) -> bool:
    return any(c.exact and gaz.kind_codes[c.id] == "C" for c in cands)


def _support(by_surface: dict[str, float] | None, own_surface: str) -> float:
    if not by_surface:
        return 0.0
    own = own_surface.lower()
    return sum(w for s, w in by_surface.items() if s != own)


def _evidence(picks, cands, mentions, gaz: Gazetteer):
    """Which distinct names (lowercased) currently point at each country and region.

    A name repeated five times is one piece of evidence, and never evidence for itself.
    """
    votes_cc: dict[str, set[str]] = {}
    votes_region: dict[tuple[str, str], set[str]] = {}
    points: list[tuple[float, float, str]] = []
    seen_names: dict[str, int] = {}
    for k, p in enumerate(picks):
        if p is None:
            continue
        surface = mentions[k].text.lower()
        cc, kind = gaz.cc[p], gaz.kind_codes[p]
        if mentions[k].demonym is not None:
            continue  # an adjective votes weakly, through resolve's `adjectives`
        if cc:
            votes_cc.setdefault(cc, set()).add(surface)
        if kind in "rck" and gaz.admin1[p]:
            votes_region.setdefault((cc, gaz.admin1[p]), set()).add(surface)
        if kind not in BIG_KINDS and kind != "k":
            if surface not in seen_names:
                seen_names[surface] = k
                points.append((gaz.lat[p], gaz.lon[p], surface))
    return votes_cc, votes_region, points


def _closeness(lat: float, lon: float, points: list[tuple[float, float, str]], own: str) -> float:
    """1 when another place of the document is at the same spot, 0 from NEAR_KM on."""
    best = NEAR_KM
    for plat, plon, surface in points:
        if surface == own:
            continue
        if abs(plat - lat) > 4 or abs(plon - lon) > 6:
            continue
        d = great_circle_km(lat, lon, plat, plon)
        if d < best:
            best = d
    return 1.0 - best / NEAR_KM


def _place(m: Mention, p: int | None, conf: float, picks, mentions, gaz: Gazetteer) -> Resolved:
    if p is None:
        return Resolved(m, None, None, None, 0.0)
    r = _new(Resolved)  # Resolved(...) without its __init__ (a nested interpreter call)
    r.mention = m
    r.id = p
    r.lat = gaz.lat[p]
    r.lon = gaz.lon[p]
    r.confidence = conf
    return r


_new = object.__new__
