"""The article's setting: the one place an event takes when its own sentence names none.

`article_setting(places, reported_from=None)` is a pure function of what geoparse found:

1. **The dateline's place, if the text confirms it**: `reported_from` (from `parse_places`)
   is the setting when the article also names that same place, in an event, the title or
   the body ("UTRECHT (ANP) - ... in Utrecht ...", "ROTTERDAM - ... the third stabbing in
   Rotterdam in two weeks"), or a landmark within CITY_AROUND_KM of it ("WASHINGTON (AP) -
   ... sworn in at the White House"). A dateline the text does not confirm is
   only where the report was filed: "UTRECHT (ANP) - Bij een brand in Zeist" is set in Zeist.
   Naming the dateline's country confirms it too, when no other country is named more often
   and no other place in that country is named ("ANTANANARIVO (Reuters) - Madagascar's
   president has left the country").
2. **Else the place most of its events share**: `places` is either a flat list of
   PlaceMention (each mention is one vote) or a list of per-event place lists (each event is
   one vote, however often it names a place). A place is shared by an event when the event
   names it (but not when it names another place of the same specificity with it: "a strike
   in Lyon and Marseille" votes for neither), a city also when the event names a district,
   landmark or suburb within CITY_AROUND_KM of it, and a country also when the event names
   a place in it. The setting is the most specific place (eventmap.model.SPECIFICITY: a city
   before a region before a country) shared by more than half of the events that have a
   place; ties go to the more shared, then the earlier place. A country counts only when the article names it.
3. **Else the title's place, if the text confirms it**: `title_places` (the places of the
   article's title) name one most specific place, and an event or the body (`text_places`)
   names it too ("La bataille de Verdun" over a history whose first event is at Verdun and
   the rest name no place; "Siege of Leningrad" over "The siege of Leningrad was ...").
4. Else None: the article has no single setting.

The result is one of the given PlaceMention objects (its span is where the article names it).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from eventmap.model import specificity
from geo.mention import PlaceMention
from geo.names import name_key
from geo.resolve import great_circle_km

SAME_PLACE_KM = 5.0  # two answers this close with the same name are one place
CITY_AROUND_KM = 10.0  # a district or landmark this close to a city is in it, for the setting


def place_key(m: PlaceMention) -> tuple:
    """What makes two mentions the same place: the gazetteer entry, else name and point."""
    if m.source_id:
        return ("id", m.source_id)
    return ("at", name_key(m.name or m.text), round(m.lat or 0.0, 2), round(m.lon or 0.0, 2))


def article_setting(
    places: Sequence[PlaceMention] | Sequence[Sequence[PlaceMention]],
    reported_from: PlaceMention | None = None,
    title_places: Sequence[PlaceMention] = (),
    text_places: Sequence[PlaceMention] = (),
) -> PlaceMention | None:
    """The article's setting (see the module docstring), or None. `text_places`: the places the
    body names outside the events too ("The siege of Leningrad was ..."), which confirm a
    title's place as well."""
    events = [[m for m in _as_list(item) if m.lat is not None and m.lon is not None] for item in places]
    events = [e for e in events if e]
    if reported_from is not None and reported_from.lat is not None:
        named = [*events, list(text_places), list(title_places)]
        if _confirmed(reported_from, named):
            return reported_from
    if not events:
        return _title_place(title_places, [list(text_places)]) if title_places and text_places else None
    shared = _shared(events)
    if shared is not None:
        return shared
    return _title_place(title_places, [*events, list(text_places)])


def _title_place(
    title_places: Sequence[PlaceMention], events: list[list[PlaceMention]]
) -> PlaceMention | None:
    """The one place the title names, when an event names it too ("The Battle of Verdun" ...
    "... commence à Verdun"); a title naming several places of the same rank decides nothing."""
    located = [m for m in title_places if m.lat is not None and m.lon is not None]
    if not located:
        return None
    best = min(specificity(m.kind) for m in located)
    top = {place_key(m): m for m in located if specificity(m.kind) == best}
    if len(top) != 1:
        return None
    (title,) = top.values()
    return next((m for e in events for m in e if place_key(m) == place_key(title)), None)


def _shared(events: list[list[PlaceMention]]) -> PlaceMention | None:
    """The most specific place more than half of the events share (rule 2), or None."""
    first: dict[tuple, PlaceMention] = {}
    countries: dict[str, tuple] = {}
    for e in events:
        for m in e:
            k = place_key(m)
            if k not in first or m.start < first[k].start:
                first[k] = m
            if m.kind == "country" and m.country_code:
                countries.setdefault(m.country_code, k)
    cities = [(k, m) for k, m in first.items() if m.kind == "city"]
    named: dict[tuple, int] = {}  # how many events name each place
    for e in events:
        for k in {place_key(m) for m in e}:
            named[k] = named.get(k, 0) + 1
    support: dict[tuple, int] = {}
    for e in events:
        shared = _votes(e)
        shared |= {countries[m.country_code] for m in e if m.country_code in countries}
        shared |= _cities_around(e, cities, {k: (n, -first[k].start) for k, n in named.items()})
        for k in shared:
            support[k] = support.get(k, 0) + 1
    need = len(events) / 2
    best = [k for k, n in support.items() if n > need]
    if not best:
        return None
    best.sort(key=lambda k: (specificity(first[k].kind), -support[k], first[k].start))
    return first[best[0]]


def _votes(event: list[PlaceMention]) -> set[tuple]:
    """The places an event shares: each it names, except places it names alongside another
    of the same specificity ("a strike in Lyon and Marseille" sets no city)."""
    keys: dict[tuple, int] = {}
    for m in event:
        keys.setdefault(place_key(m), specificity(m.kind))
    level_count: dict[int, int] = {}
    for level in keys.values():
        level_count[level] = level_count.get(level, 0) + 1
    return {k for k, level in keys.items() if level_count[level] == 1}


def _cities_around(
    event: list[PlaceMention], cities: list[tuple[tuple, PlaceMention]], rank: dict[tuple, tuple]
) -> set[tuple]:
    """The article's cities an event names a place in or next to: a district, landmark or
    suburb within CITY_AROUND_KM ("a bus crashed in the Alfama district" shares Lisbon). A
    town is in another only when the article names that other one in more events, or in as
    many and first (`rank`): Zeist, named once, is no suburb of Utrecht, named in three
    events, and does not take Utrecht's votes."""
    out = set()
    for key, city in cities:
        for m in event:
            if m.kind == "city" and rank[place_key(m)] >= rank[key]:
                continue
            if m.kind in ("city", "landmark") and place_key(m) != key:
                if great_circle_km(m.lat, m.lon, city.lat, city.lon) <= CITY_AROUND_KM:
                    out.add(key)
                    break
    return out


def _as_list(item: PlaceMention | Iterable[PlaceMention]) -> list[PlaceMention]:
    return [item] if isinstance(item, PlaceMention) else list(item)


def _confirmed(dateline: PlaceMention, named: list[list[PlaceMention]]) -> bool:
    """The article names the dateline's place itself (same entry, or same name close by) or a
    landmark in it, in an event, the body or the title, outside the dateline."""
    key, name = place_key(dateline), name_key(dateline.name or dateline.text)
    for e in named:
        for m in e:
            if m.lat is None or m.lon is None or (m.start, m.end) == (dateline.start, dateline.end):
                continue
            if place_key(m) == key:
                return True
            km = great_circle_km(m.lat, m.lon, dateline.lat, dateline.lon)
            if km <= SAME_PLACE_KM and name_key(m.name or m.text) == name:
                return True
            if m.kind == "landmark" and km <= CITY_AROUND_KM:
                return True  # "WASHINGTON (AP) - ... sworn in at the White House"
    return _country_confirms(dateline, named)


def _country_confirms(dateline: PlaceMention, named: list[list[PlaceMention]]) -> bool:
    """The article names the dateline's country, no other country more often, and no other
    place in that country ("ANTANANARIVO (Reuters) - Madagascar's president has left the
    country": set in the capital; but "UTRECHT (ANP) - Bij een brand in Zeist" names a town
    of its own, and "MOSCOW - ... Ukraine said ... Ukraine" is about another country)."""
    cc = dateline.country_code
    if not cc:
        return False
    countries: dict[str, int] = {}
    for e in named:
        for m in e:
            if m.lat is None or m.lon is None or (m.start, m.end) == (dateline.start, dateline.end):
                continue
            if m.kind == "country":
                if m.country_code:
                    countries[m.country_code] = countries.get(m.country_code, 0) + 1
            elif m.country_code == cc and not (
                m.kind == "landmark"
                and great_circle_km(m.lat, m.lon, dateline.lat, dateline.lon) <= CITY_AROUND_KM
            ):
                return False  # a town of its own: "Zeist", even next door
    own = countries.get(cc, 0)
    return own > 0 and all(n <= own for n in countries.values())
