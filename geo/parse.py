"""geoparse: find mentions (geo.mentions), resolve them (geo.resolve), ask an online geocoder.

A document's dateline (eventmap.dateline: "UTRECHT (ANP) -") is where the report was filed:
its place is resolved with the rest (it is context: "PARIS, Texas -") but returned apart, as
`DocumentPlaces.reported_from`, never as a place where something happened.
"""

from __future__ import annotations

import calendar
import gc
import re
from bisect import bisect_left

from eventmap.dateline import find_dateline
from geo.containers import state_after_comma
from geo.coordination import coordinated_regions, plural_region_lists
from geo.features import WATER_BEFORE
from geo.gazetteer import Gazetteer, get_gazetteer
from geo.geocoder import OfflineGeocoder
from geo.lexicon import load
from geo.memo import per_key
from geo.mention import DocumentPlaces, PlaceMention, place_mention
from geo.mentions import find_mentions
from geo.outliers import modifier_outliers
from geo.resolve import Resolved, resolve
from geo.shortforms import confirmed_short_forms
from geo.shortnames import short_county_mentions

DEMONYM_SCORE = 0.3
# a capital standing for its government, a place in an organisation's or a street's name, an
# adjective of nationality, "X-based": they help to choose the other places but nothing
# happened there
CONTEXT_FLAGS = frozenset({"metonym", "organisation", "adjective", "street", "modifier"})


def geoparse_document(
    text: str,
    lang: str | None = None,
    geocoder=None,
    *,
    demonyms: bool = False,
    gazetteer: Gazetteer | None = None,
) -> DocumentPlaces:
    if not isinstance(text, str) or not text:
        return DocumentPlaces(())
    if geocoder is not None and not isinstance(geocoder, OfflineGeocoder):
        return _geoparse(text, lang, geocoder, demonyms, gazetteer)  # waits on a service
    if not gc.isenabled():
        return _geoparse(text, lang, geocoder, demonyms, gazetteer)
    gc.disable()  # as geo.memo.no_gc_pauses (inlined: geoparse is called per article)
    try:
        return _geoparse(text, lang, geocoder, demonyms, gazetteer)
    finally:
        gc.enable()


def _geoparse(text: str, lang, geocoder, demonyms: bool, gazetteer) -> DocumentPlaces:
    gaz = gazetteer or get_gazetteer()
    online = geocoder is not None and not isinstance(geocoder, OfflineGeocoder)
    langs = (lang.lower()[:2],) if lang else None
    mentions, demonym_ccs = find_mentions(text, gaz, demonyms=demonyms, unknown_spans=online, langs=langs)
    if " County" in text or "counties" in text or " Parish" in text or "parishes" in text:
        mentions = short_county_mentions(text, mentions, gaz)  # "Barrow County ... in Barrow"
    state_after_comma(text, mentions, gaz)  # "Buffalo, New York": the state
    plural_region_lists(text, mentions, gaz)  # "the Kharkiv, Sumy and Kyiv regions"
    coordinated_regions(text, mentions, gaz, lang)  # "Friesland en Groningen": two provinces
    dateline = find_dateline(text)
    if dateline is not None:
        _mark_dateline(mentions, dateline)
    resolved = resolve(text, mentions, demonym_ccs, gaz, lang)
    stray = modifier_outliers(text, resolved, gaz, langs)  # "the Gloria funicular ... in Lisbon"
    if stray:
        resolved = [r for k, r in enumerate(resolved) if k not in stray]
    for r in resolved:
        if r.id is not None and _attributive_water(text, r.mention, gaz, r.id, langs):
            r.mention.flags.add("organisation")  # "Amazon workers", "Nile Cruises": a firm
    scores = _scores(text) if _SCORE.search(text) else []
    if scores:
        for r in resolved:
            if _team_with_a_score(text, r.mention, scores):
                r.mention.flags.add("organisation")  # "Manchester United beat Arsenal 2-1"
    extra = confirmed_short_forms(text, resolved, demonym_ccs, gaz)  # "BC" in Canadian news
    if extra:
        resolved = sorted([*resolved, *extra], key=lambda r: r.mention.start)
    out = [_offline_mention(r, gaz) for r in resolved]
    if online:
        out = _ask_online(out, resolved, geocoder)
    reported_from = None
    places, in_dateline, context, origins = [], [], [], []
    for pm, r in zip(out, resolved):
        flags = r.mention.flags
        if "reported_from" in flags or "dateline_region" in flags:
            in_dateline.append(pm)
            if reported_from is None and "reported_from" in flags:
                reported_from = pm
        elif flags & CONTEXT_FLAGS:
            # a capital standing for its government ("Kiev troops shell ..."), a place in an
            # organisation's name ("Singapore Airlines") or an adjective of nationality
            # ("Russian") helped to choose the other places but is not where things happened
            context.append(pm)
        else:
            places.append(pm)
            if "origin" in flags:
                origins.append(pm)
    return DocumentPlaces(tuple(places), reported_from, tuple(in_dateline), tuple(context), tuple(origins))


# the articles before a river's name, per language (cues_*.tsv role "river_article"): a
# language without them (Ukrainian, Russian) writes rivers bare
WATER_ARTICLES = load()["river_article"]
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]+)")


def _attributive_water(text: str, m, gaz: Gazetteer, i: int, langs) -> bool:
    """A river named bare, with no article before it, right before a noun, in a language that
    writes rivers with an article: a firm or brand ("Amazon workers went on strike"), not the
    river ("along the Amazon", "de Maas trad buiten haar oevers")."""
    if gaz.kind_codes[i] != "s" or " " in m.text or (langs is not None and not load(langs)["river_article"]):
        return False
    words = text[max(0, m.start - 20) : m.start].split()
    if words and (words[-1].lower() in WATER_ARTICLES or words[-1].lower() in WATER_BEFORE):
        return False  # "along the Amazon", "the river Reno burst its banks"
    nxt = _NEXT_WORD.match(text, m.end)
    return nxt is not None and nxt.group(1).islower() and nxt.group(1) not in WATER_ARTICLES


_LEX = load()
SCORE_BEFORE, SCORE_AFTER = _LEX["score_before"], _LEX["score_after"]
# a match's score ("2-1", "3–0"), not a date ("Sept. 9-10") nor a time or a fraction
_SCORE = re.compile(r"(?<![\w/.:-])(\w+\.?\s)?\d{1,2}\s?[-–]\s?\d{1,2}(?![\w/.:%-])")
_MONTHS = frozenset(m.lower() for m in (*calendar.month_name[1:], *calendar.month_abbr[1:], "sept"))
_SENTENCE_END = re.compile(r"[.!?\n]\s")
SCORE_REACH = 300  # a score this far from a name is in another sentence


def _scores(text: str) -> list[int]:
    """Where the text writes a match's score (not "Sept. 9-10")."""
    return [
        s.start()
        for s in _SCORE.finditer(text)
        if (s.group(1) or "").rstrip(". ").lower() not in _MONTHS and not (s.group(1) or "").endswith(". ")
    ]


def _team_with_a_score(text: str, m, scores: list[int]) -> bool:
    """A name right after `score_before` words or before `score_after` words (a chain of
    capitalised words between: "Manchester United beat", "beat Paris Saint-Germain") in a
    sentence that writes a match's score: a team, not its town."""
    k = bisect_left(scores, m.start - SCORE_REACH)
    if k == len(scores) or scores[k] > m.end + SCORE_REACH:
        return False  # the usual case: no score anywhere near
    lo = max(
        (e.end() for e in _SENTENCE_END.finditer(text, max(0, m.start - SCORE_REACH), m.start)), default=0
    )
    hi_match = _SENTENCE_END.search(text, m.end)
    hi = hi_match.start() + 1 if hi_match else len(text)
    if not any(lo <= at < hi for at in scores[k:]):
        return False
    before = text[lo : m.start].split()
    while before and before[-1][:1].isupper():
        before.pop()  # "Manchester United": the words of the name before this one
    after = text[m.end : hi].split()
    while after and after[0][:1].isupper():
        after.pop(0)
    low_before = [w.lower().strip(",") for w in before[-2:]]
    first_after = after[0].lower().strip(",") if after else ""
    return (
        bool(low_before) and (low_before[-1] in SCORE_BEFORE or " ".join(low_before) in SCORE_BEFORE)
    ) or first_after in SCORE_AFTER


def _mark_dateline(mentions: list, dateline) -> None:
    """Flag the mentions inside the dateline: its place ("reported_from"; resolved as a city
    when it can be) and the state or country written after it ("PARIS, Texas")."""
    for m in mentions:
        if dateline.place_start <= m.start < dateline.place_end:
            m.flags.update(("reported_from", "dateline"))
            if dateline.region_start is None:
                m.flags.add("dateline_bare")
        elif dateline.region_start is not None and dateline.region_start <= m.start < dateline.region_end:
            m.flags.add("dateline_region")


def _offline_mention(r: Resolved, gaz: Gazetteer) -> PlaceMention:
    m = r.mention
    if r.id is None:
        return PlaceMention(m.start, m.end, m.text, None, None, None, None, None, None, 0.0)
    i = r.id
    # an adjective ("Duitse regering", "Russische") says which country, not where: a consumer
    # choosing an event's point should prefer the mentions that name a place
    score = min(r.confidence, DEMONYM_SCORE) if m.demonym is not None else r.confidence
    name, cc, kind, sid = _entry(gaz, i)
    return place_mention(m.start, m.end, m.text, name, r.lat, r.lon, cc, kind, sid, score)


@per_key
def _entry(gaz: Gazetteer, i: int) -> tuple[str, str | None, str, str]:
    """(name, country code, kind, source id) of entry i: read from the index's string columns
    once (a place is named again and again)."""
    return gaz.names[i], gaz.cc[i] or None, gaz.kind(i), gaz.sid[i]


def _ask_online(out: list[PlaceMention], resolved: list[Resolved], geocoder) -> list[PlaceMention]:
    """Replace offline answers by the online service's (asked once per distinct query).

    The online geocoder (geo.online) already falls back to the offline gazetteer on faults;
    when neither knows a name the mention keeps its text, no coordinates. Answers carry the
    gazetteer's keys in `raw` (geo.services); what the service does not say (a generic
    service has no kinds) is kept from the gazetteer's answer.
    """
    from geo.online import asker

    answers: dict[tuple[str, str | None], object] = {}
    ask = asker(geocoder)
    result = []
    for pm, r in zip(out, resolved):
        if r.mention.demonym is not None:
            result.append(pm)
            continue
        # the name as written ("Kursk Oblast" for "provincie Koersk"), in the country the
        # document's context chose: "Paris" in a Texas story is not asked as plain "Paris"
        query = pm.text if r.mention.region_of is False else (pm.name or pm.text)
        key = (query, pm.country_code)
        if key not in answers:
            answers[key] = ask(query, pm.country_code)
        loc = answers[key]
        if loc is None:  # unknown to the service (or a fault): the gazetteer's answer, if any
            result.append(pm)
            continue
        raw = loc.raw
        result.append(
            PlaceMention(
                pm.start,
                pm.end,
                pm.text,
                loc.address or pm.name,
                float(loc.latitude),
                float(loc.longitude),
                raw.get("country_code") or pm.country_code,
                raw.get("kind") or pm.kind,
                raw.get("source_id") or pm.source_id,
                pm.score if pm.lat is not None else 0.5,
            )
        )
    return result
