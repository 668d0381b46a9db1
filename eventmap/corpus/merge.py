"""One event, many reports: merge the events that several articles give for the same happening.

Two events are taken to be the same when all of these hold:

* both are dated, their date intervals overlap, and neither interval is longer than
  ``max_days`` (a "this year" event says too little to be matched);
* they have the same category ("other", the parser's "don't know", goes with any);
* their places agree: of all the places each names, two towns within ``km`` kilometres, a
  region near a town or region of the same country, or, for an event placed only at country
  level, the same country code;
* their sentences share key words: the Jaccard index of lower-cased content words (accents
  folded, crude 6-letter stems, numbers without thousands separators, month and weekday names
  mapped to language-neutral tokens, the gazetteer's names of their places, the exact day) is at
  least ``min_similarity`` (stricter when either event has no point on the map). These tokens
  work across Dutch and English because numbers, dates and place names do;
* they come from different documents (a story repeating itself is not a second source).

Matches are joined transitively (single link), never putting two events of one document in
one group. The merged event is the most precise report (narrowest interval, then located),
with every other report in ``sources`` and the originals, whole, in ``extra["merged_from"]``,
so :func:`split` gives them back and merging again is idempotent.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from eventmap.errors import InputError
from eventmap.model import Event, Place, Source

STEM_LENGTH = 6  # crude stems: enough for plurals and word families
COARSE_KINDS = frozenset({"region", "country", "area", "sea"})
REGION_KM = 250.0  # a region's centre to a town in it, without its outline

_STOPWORDS = frozenset(
    """
a about after again against all also an and any are as at be been before being between both but by
can could did do does during each few for from further had has have having he her here hers him
his how i if in into is it its itself just more most no nor not now of off on once only or other
our out over own same she should so some such than that the their them then there these they this
those through to too under until up very was we were what when where which while who whom why will
with would you your said says say told according reported report reports news also
de het een en van in is op te dat die voor met zijn niet aan er ook als bij door maar om dan
naar nog wel uit tot over al kan na werd worden wordt zou zo hun hij zij ze we wij je u haar hem
dit deze daar hier toen waar wat wie meer veel geen onder tegen sinds tijdens omdat zegt zei volgens
heeft hebben had was waren is ben bent nu iets alle andere eerste twee drie
""".split()
)

_MONTHS = {
    "january": 1,
    "januari": 1,
    "jan": 1,
    "february": 2,
    "februari": 2,
    "feb": 2,
    "march": 3,
    "maart": 3,
    "mrt": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "mei": 5,
    "june": 6,
    "juni": 6,
    "jun": 6,
    "july": 7,
    "juli": 7,
    "jul": 7,
    "august": 8,
    "augustus": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "october": 10,
    "oktober": 10,
    "oct": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_WEEKDAYS = {
    "monday": 1,
    "maandag": 1,
    "tuesday": 2,
    "dinsdag": 2,
    "wednesday": 3,
    "woensdag": 3,
    "thursday": 4,
    "donderdag": 4,
    "friday": 5,
    "vrijdag": 5,
    "saturday": 6,
    "zaterdag": 6,
    "sunday": 7,
    "zondag": 7,
}
_TOKEN = re.compile(r"\d+(?:[.,]\d{3})+(?![.,]?\d)|\d+[.,]\d+|\w+")


@dataclass(frozen=True, slots=True)
class MergeSettings:
    """The knobs of merging; the defaults were chosen on tests/data/merge (see bench/merge_quality.py)."""

    km: float = 25.0
    min_similarity: float = 0.15
    unlocated_similarity: float = 0.3
    max_days: int = 31


DEFAULT_SETTINGS = MergeSettings()


def merge_events(events: Iterable[Event], settings: MergeSettings = DEFAULT_SETTINGS) -> list[Event]:
    """Events with the reports of one happening merged into one event listing every source.

    Already merged events are split first, so merging a merged list changes nothing. The result
    keeps the input order (a merged event stands where its first report stood).
    """
    flat = [single for ev in events for single in split(ev)]
    return [
        flat[g[0]] if len(g) == 1 else combine([flat[i] for i in g]) for g in merge_groups(flat, settings)
    ]


def merge_groups(events: Sequence[Event], settings: MergeSettings = DEFAULT_SETTINGS) -> list[list[int]]:
    """Indices of `events` grouped into happenings, each group and the list in input order."""
    n = len(events)
    parent = list(range(n))
    docs: list[set[str]] = [{e.source.document} for e in events]
    words = [keywords(e) for e in events]

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    spans = {i: _span(e, settings.max_days) for i, e in enumerate(events)}
    order = sorted((i for i, s in spans.items() if s is not None), key=lambda i: spans[i])
    # Sweep in start order; per category, keep the events whose interval is still open.
    # ("other" is compared with every category, and every category with "other".)
    active: dict[str, list[int]] = {}
    for i in order:
        start, category = spans[i][0], events[i].category
        for open_ in active.values():
            open_[:] = [j for j in open_ if spans[j][1] >= start]
        lists = (
            active.values() if category == "other" else [active.get(category, []), active.get("other", [])]
        )
        scored = (
            (similarity_if_same(events[i], events[j], words[i], words[j], settings), j)
            for open_ in lists
            for j in open_
        )
        for _, j in sorted(((s, j) for s, j in scored if s is not None), reverse=True):
            a, b = root(i), root(j)
            if a != b and not (docs[a] & docs[b]):
                parent[b] = a
                docs[a] |= docs[b]
        active.setdefault(category, []).append(i)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(root(i), []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])


def similarity_if_same(
    a: Event,
    b: Event,
    words_a: frozenset[str] | None = None,
    words_b: frozenset[str] | None = None,
    settings: MergeSettings = DEFAULT_SETTINGS,
) -> float | None:
    """The key-word similarity of two reports if they may be the same event, else None."""
    if a.source.document == b.source.document or (
        a.category != b.category and "other" not in (a.category, b.category)
    ):
        return None
    sa, sb = _span(a, settings.max_days), _span(b, settings.max_days)
    if sa is None or sb is None or sa[0] > sb[1] or sb[0] > sa[1]:
        return None
    places = places_agree(a, b, settings.km)
    if places is False:
        return None
    words_a = keywords(a) if words_a is None else words_a
    words_b = keywords(b) if words_b is None else words_b
    score = jaccard(words_a, words_b)
    needed = settings.min_similarity if places else settings.unlocated_similarity
    return score if score >= needed else None


def places_agree(a: Event, b: Event, km: float) -> bool | None:
    """True: the reports name the same spot; False: they are apart; None: cannot tell.

    Every place an event names counts (a sentence may name where it happened and where it
    was said): two towns within `km`; a region within REGION_KM of a town or region of the
    same country; or, when an event is placed only at country level, that country.
    """
    fa, ra, ca = _levels(a)
    fb, rb, cb = _levels(b)
    if not (fa or ra or ca) or not (fb or rb or cb):
        return None
    if any(_km(p, q) <= km for p in fa for q in fb):
        return True
    if any(_km(p, q) <= REGION_KM and _same_country(p, q) for p in ra for q in fb + rb) or any(
        _km(p, q) <= REGION_KM and _same_country(p, q) for p in fa for q in rb
    ):
        return True
    if (not fa and not ra and any(_same_country(p, q) for p in ca for q in fb + rb + cb)) or (
        not fb and not rb and any(_same_country(p, q) for p in cb for q in fa + ra + ca)
    ):
        return True
    return False


def keywords(event: Event) -> frozenset[str]:
    """Language-light key words of an event: content-word stems, numbers, dates, place names."""
    tokens: set[str] = set()
    for raw in _TOKEN.findall(_fold(event.text)):
        tokens.update(_normalise(raw))
    for place in event.places:
        for raw in _TOKEN.findall(_fold(place.name or place.text)):
            tokens.update(_normalise(raw))
    if event.date and event.date_precision in (None, "day") and event.date == (event.date_end or event.date):
        tokens.add("@" + event.date)
    return frozenset(tokens)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def combine(reports: Sequence[Event]) -> Event:
    """One event from several reports of it: the most precise report, every source kept."""
    best = min(reports, key=_precision_rank)
    others = [r for r in reports if r is not best]
    places: list[Place] = []
    seen: set[tuple] = set()
    for r in [best, *others]:
        for p in r.places:
            key = (p.name or p.text, p.lat, p.lon)
            if key not in seen:
                seen.add(key)
                places.append(p)
    anchor = next((r for r in [best, *others] if r.located), best)
    ids = sorted(r.id for r in reports)
    return Event(
        text=best.text,
        source=_with_date_text(best),
        date=best.date,
        date_end=best.date_end,
        date_precision=best.date_precision,
        date_text=best.date_text,
        date_source=best.date_source,
        category=best.category,
        lang=best.lang,
        places=places,
        lat=anchor.lat,
        lon=anchor.lon,
        id="m" + hashlib.sha1("\x00".join(ids).encode()).hexdigest()[:15],
        sources=[_with_date_text(r) for r in others] + [s for r in reports for s in r.sources],
        extra={**best.extra, "merged_from": [r.to_dict() for r in reports]},
    )


def split(event: Event) -> list[Event]:
    """The separate reports a merged event was made of (the event itself when it was not merged)."""
    merged = event.extra.get("merged_from")
    if not merged:
        return [event]
    return [Event.from_dict(d) for d in merged]


def pair_scores(groups: Iterable[Iterable[int]], gold: Sequence[str]) -> dict[str, float]:
    """Pairwise precision/recall/F1 of a grouping against gold labels (one label per event)."""
    predicted = {frozenset((i, j)) for g in groups for i in g for j in g if i < j}
    truth = {
        frozenset((i, j)) for i in range(len(gold)) for j in range(i + 1, len(gold)) if gold[i] == gold[j]
    }
    hits = len(predicted & truth)
    p = hits / len(predicted) if predicted else 1.0
    r = hits / len(truth) if truth else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "pairs_predicted": len(predicted), "pairs_gold": len(truth)}


def load_labelled(folder: str | Path) -> tuple[list[Event], list[str]]:
    """A hand-checked merge set (events.json + articles/): events with offsets, and gold labels.

    Each item gives an article, the event's sentence in it and what a parser would extract;
    the sentence is located in the article so that the sources are real offsets.
    """
    folder = Path(folder)
    try:
        items = json.loads((folder / "events.json").read_text(encoding="utf-8"))["events"]
    except (OSError, ValueError, KeyError) as exc:
        raise InputError(f"{folder}: not a labelled merge set ({exc})") from None
    events, gold = [], []
    for item in items:
        text = (folder / "articles" / item["doc"]).read_text(encoding="utf-8")
        start = text.find(item["sentence"])
        if start < 0:
            raise InputError(f"{item['doc']}: sentence not found: {item['sentence'][:40]}...")
        fields = {k: v for k, v in item.items() if k not in {"doc", "sentence", "gold"}}
        fields.update(
            text=item["sentence"],
            source={"document": item["doc"], "start": start, "end": start + len(item["sentence"])},
        )
        events.append(Event.from_dict(fields))
        gold.append(item["gold"])
    return events, gold


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dlat, dlon = math.radians(lat2 - lat1), math.radians(lon2 - lon1)
    h = (
        math.sin(dlat / 2) ** 2
        + math.cos(math.radians(lat1)) * math.cos(math.radians(lat2)) * math.sin(dlon / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


# -- helpers ---------------------------------------------------------------------------------


def _span(event: Event, max_days: int) -> tuple[int, int] | None:
    start, end = event.start_date, event.end_date
    if start is None or end is None or (end - start).days + 1 > max_days:
        return None
    return start.toordinal(), end.toordinal()


def _levels(event: Event) -> tuple[list[Place], list[Place], list[Place]]:
    """The event's places with coordinates or a country: (towns and spots, regions, countries and seas)."""
    fine, regions, coarse = [], [], []
    for p in event.places:
        if p.kind == "region" and p.located:
            regions.append(p)
        elif p.kind in COARSE_KINDS and p.country_code:
            coarse.append(p)
        elif p.kind not in COARSE_KINDS and p.located:
            fine.append(p)
    return fine, regions, coarse


def _km(p: Place, q: Place) -> float:
    return haversine_km(p.lat, p.lon, q.lat, q.lon)


def _same_country(p: Place, q: Place) -> bool:
    return bool(p.country_code and q.country_code and p.country_code.upper() == q.country_code.upper())


def _precision_rank(event: Event) -> tuple:
    start, end = event.start_date, event.end_date
    days = (end - start).days if start and end else 10**6
    explicit = 0 if event.date_source in (None, "explicit") else 1
    return (days, not event.located, explicit, -len(event.places), event.id)


def _with_date_text(event: Event) -> Source:
    s = event.source
    return Source(s.document, s.start, s.end, s.date_text or event.date_text)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _normalise(token: str) -> list[str]:
    if re.fullmatch(r"\d+(?:[.,]\d{3})+", token):  # 1,000 and 1.000 (Dutch) alike
        return [token.replace(",", "").replace(".", "").lstrip("0") or "0"]
    if re.fullmatch(r"\d+[.,]\d+", token):  # 7.7 and 7,7 (Dutch) alike
        return [token.replace(",", ".")]
    if token.isdigit():
        return [token.lstrip("0") or "0"]
    if token in _MONTHS:
        return [f"@m{_MONTHS[token]}"]
    if token in _WEEKDAYS:
        return [f"@w{_WEEKDAYS[token]}"]
    if any(c.isdigit() for c in token):  # codes such as A12, MH17: whole, they identify
        return [token.replace("_", "")]
    if token in _STOPWORDS or len(token) < 3 or not token.isalpha():
        return []
    return [_stem(token)]


def _stem(word: str) -> str:
    """A crude key shared by Dutch and English spellings: Oekraine/Ukraine, drones/drone."""
    word = word.replace("oe", "u")
    if len(word) > 4 and word.endswith("s"):
        word = word[:-1]
    return word[:STEM_LENGTH]
