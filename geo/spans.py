"""Candidate place spans: the longest gazetteer name at a word, and the patterns around names.

"provincie X" / "X Oblast" (the region named after X), "Albany-based", "Rotterdam-Zuid",
"Springfield, Ill." (state abbreviations), "Egyptian-US" (compounds), adjectives of
nationality ("Duitse regering"), transliteration variants of East Slavic names, and the
all-capital city that opens a dateline.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import cache

from geo.demonyms import region_of_people
from geo.gazetteer import Candidate, Gazetteer
from geo.geocoder import US_STATE_ABBREVIATIONS
from geo.lexicon import load
from geo.names import looks_slavic, name_key
from geo.tokens import Token, adjacent

_WORDS = load()
CONNECTORS = _WORDS["connector"]
REGION_WORDS = _WORDS["region_word"]
# second-level units: "Nikopol district" is around the town of Nikopol, far smaller than the
# first-level region holding it; "the Kirovsky district of Donetsk" is a part of Donetsk
DISTRICT_WORDS = _WORDS["district_word"]
INSTITUTIONS = _WORDS["institution"]
LOCATIVE = _WORDS["locative"]
PLACE_SUFFIXES = _WORDS["place_suffix"]
COMPASS = _WORDS["compass"]
REGION_TITLES = _WORDS["region_title"]  # "New York Governor", "the governor of Kursk"
REGION_OF = _WORDS["region_of"]  # "region of X", "région de X", "Gebiet von X"
STOP = _WORDS["common"] | _WORDS["first_name"]  # every language's (when the language is unknown)


@cache
def stop_words(langs: tuple[str, ...] | None) -> frozenset[str]:
    """The not-a-place words of `langs` (and of every language: "any"); all languages for None.
    A French common word ("somme") must not hide an English text's place (the Somme)."""
    if langs is None:
        return STOP
    words = load(langs)
    return words["common"] | words["first_name"]


SLAVIC_MIN_LEN = 6  # transliteration variants are tried only for words this long


@dataclass(slots=True)
class Mention:
    """A candidate place span before resolution."""

    start: int
    end: int
    text: str
    cands: list[Candidate]
    region_of: bool = False  # "provincie X" / "X Oblast": the region around city X
    demonym: str | None = None  # country code of an adjective of nationality ("" of a region's: "European")
    unknown: bool = False  # not in the gazetteer (asked only of an online geocoder)
    flags: set[str] = field(default_factory=set)


_new = object.__new__


def new_mention(start: int, end: int, text: str, cands: list[Candidate]) -> Mention:
    """Mention(start, end, text, cands), built without the dataclass's __init__ (a nested
    interpreter call per object in CPython 3.11): geoparse makes one per name it finds."""
    m = _new(Mention)
    m.start = start
    m.end = end
    m.text = text
    m.cands = cands
    m.region_of = m.unknown = False
    m.demonym = None
    m.flags = set()
    return m


def longest_match(text: str, tokens: list[Token], i: int, gaz: Gazetteer):
    """(last token index, candidates, matched-by-head) of the longest name starting at i;
    matched-by-head is "suffix" for a place before a suffix ("Albany-based")."""
    n_tok = len(tokens)
    best = None
    j = i
    span_end = i
    # extend over adjacent capitalised tokens and inner connectors, at most 5 tokens
    # ("Democratic Republic of the Congo")
    while span_end + 1 < n_tok and span_end - i < 4 and tokens[span_end].adj:
        nxt = tokens[span_end + 1]
        if not nxt.cap and nxt.low not in CONNECTORS:
            if span_end > i or f"{tokens[i].low} {nxt.low}" not in gaz.lower_tails:
                break
            span_end += 1  # "Білий дім", "Чорне море": a curated name with a lower-case word
            break
        span_end += 1
    if span_end == i:  # the usual case: a word alone (its text is the span)
        word = tokens[i].text
        if word.endswith(_POSSESSIVES):  # strip_possessive
            word = word[:-2]
        cands = gaz._memo.get(word)  # gaz.lookup's memo, read inline: one call less per word
        if cands is None:
            cands = gaz.lookup(word)
        if not cands and word[0] in "'’":  # "'s-Gravendeel" is "s-Gravendeel" in GeoNames
            cands = gaz.lookup(word[1:])
        if cands:
            best = (i, cands, False)
    else:
        for j in range(span_end, i - 1, -1):
            if not tokens[j].cap and (
                j != i + 1 or f"{tokens[i].low} {tokens[j].low}" not in gaz.lower_tails
            ):
                continue
            span = text[tokens[i].start : tokens[j].end]
            cands = gaz.lookup(strip_possessive(span))
            if not cands and span[0] in "'’":
                cands = gaz.lookup(span[1:])
            if cands:
                best = (j, cands, False)
                break
            head, _, suffix = span.rpartition("-")
            if suffix in PLACE_SUFFIXES and " " in head:  # "Los Angeles-based", "Abu Dhabi-led"
                cands = gaz.lookup(head)
                if cands:
                    best = (j, cands, "suffix")
                    break
    if best is not None:
        return best
    word = tokens[i].text
    if "-" in word:
        parts = word.split("-")
        if len(parts) == 2 and parts[1] in PLACE_SUFFIXES:
            cands = gaz.lookup(parts[0])
            return (i, cands, "suffix") if cands else None  # "Albany-based"
        if any(p[:1].islower() for p in parts[1:]):
            return None  # compound noun: "Ottawa-verdrag", "Kremlin-taal"
        if name_key(parts[-1]) in COMPASS or name_key(parts[0]) in COMPASS:
            head = parts[0] if name_key(parts[0]) not in COMPASS else "-".join(parts[1:])
            cands = gaz.lookup(head)
            if cands:
                return (i, cands, True)
    return None


def variant_match(text: str, tokens: list[Token], i: int, gaz: Gazetteer, people: set[str]):
    """(i, candidates, "variant") for a long unknown name spelled in another transliteration.

    "Starobelsk" (Starobilsk), "Perfomaisk" (Pervomaisk), "Verkhniotoretske": tried only
    for a capitalised word of SLAVIC_MIN_LEN+ letters that is not sentence-initial (or
    follows "in"/"near"/"of"), not a person and not a stopword.
    """
    t = tokens[i]
    if (
        len(t.text) < SLAVIC_MIN_LEN
        or t.shout
        or "-" in t.text
        or t.low in people
        or t.low in STOP
        or t.text.isupper()
        or not looks_slavic(strip_possessive(t.low))
    ):
        return None
    if t.sent_start and not after_locative(text, tokens, i):
        return None
    if i + 1 < len(tokens) and tokens[i + 1].cap and adjacent(text, t, tokens[i + 1]):
        return None  # part of a longer name the gazetteer does not know ("Petro Poroshenko")
    cands = gaz.lookup_variant(strip_possessive(t.text))
    return (i, cands, "variant") if cands else None


_POSSESSIVES = ("'s", "’s")


def strip_possessive(span: str) -> str:
    return span[:-2] if span.endswith(_POSSESSIVES) else span


def after_locative(text: str, tokens: list[Token], i: int) -> bool:
    """The word follows "in"/"near"/"bij"/"outside"/... or "of" ("town of Perfomaisk")."""
    if i == 0:
        return False
    prev = tokens[i - 1]
    return (prev.low in LOCATIVE or prev.low in REGION_OF) and prev.adj


def mark_region(text: str, tokens: list[Token], i: int, j: int, m: Mention) -> str | None:
    """ "provincie X", "X Oblast", "region of X": the region named after city X.

    Returns the region word that made it so (None when there is none).
    """
    prev = tokens[i - 1] if i >= 1 else None
    if prev is not None and prev.low in REGION_WORDS and prev.adj:
        m.region_of = True
        return prev.low
    if (
        prev is not None
        and prev.low in REGION_OF
        and i >= 2
        and tokens[i - 2].low in REGION_WORDS
        and prev.adj
        and tokens[i - 2].adj
        # not "the Kirovsky district of Donetsk": that district is named, X holds it
        and not (i >= 3 and tokens[i - 3].cap and tokens[i - 3].adj)
    ):
        m.region_of = True
        return tokens[i - 2].low
    if j + 1 < len(tokens) and tokens[j + 1].low in REGION_WORDS and tokens[j].adj:
        m.region_of = True
        return tokens[j + 1].low
    return None


CITY_UNIT_KM = 20.0  # a first-level unit whose point is this close to a big city of its name is that city
CITY_UNIT_MIN_POP = 500_000


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance in km, flat-earth approximation (enough within a few dozen km)."""
    dx = (lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 111.2 * math.hypot(lat2 - lat1, dx)


def region_named(gaz: Gazetteer, core: str, level: str = "region") -> list[Candidate]:
    """The regions (or second-level units, `level` "district") called `core` ("Lagos State",
    "provincie Antioquia"), its own name first ("Washington state" is the state, not a district
    around the city); a unit that is one city ("Kyiv", "Moscow": cities with the status of a
    region) gives way to the region around it ("the Kyiv region" is Kyiv Oblast)."""
    named = gaz.lookup(f"{core} {level}")
    if len(named) < 2:
        return named
    own = [c for c in named if gaz.names[c.id].casefold() == core.casefold()] or named
    if level != "region" or len(named) < 2:
        return own
    cities = [
        c.id for c in gaz.lookup(core) if gaz.kind_codes[c.id] == "c" and gaz.pop[c.id] >= CITY_UNIT_MIN_POP
    ]
    around = [
        c
        for c in named
        if not any(_km(gaz.lat[i], gaz.lon[i], gaz.lat[c.id], gaz.lon[c.id]) < CITY_UNIT_KM for i in cities)
    ]
    if around and len(around) < len(named):
        return [c for c in own if c in around] or around
    return own


def governed(tokens: list[Token], i: int, j: int) -> bool:
    """The name tokens[i..j] is followed by a governor's title ("New York Governor", "Texas
    Gov.", "New York's governor") or follows one and "of" ("the governor of Kursk")."""
    if j + 1 < len(tokens) and tokens[j].adj and tokens[j + 1].low in REGION_TITLES:
        return True
    return (
        i >= 2
        and tokens[i - 1].low in ("of", "van", "de")
        and tokens[i - 1].adj
        and tokens[i - 2].adj
        and tokens[i - 2].low in REGION_TITLES
    )


_CONTAINER_RE = re.compile(r" (?:of|in) (?:the )?[A-Z][^\W\d_]*(?:[ -][A-Z][^\W\d_]*)?(?: (\w+))?")


def names_container(text: str, end: int) -> bool:
    """A district followed by "of/in (the) <Name>": a town holds it ("the Kirovsky district
    of Donetsk"). Not when <Name> is a region ("Bakhmut district of the Donetsk region"):
    then the district's town is the more precise place."""
    m = _CONTAINER_RE.match(text, end)
    return m is not None and (m.group(1) or "").lower() not in REGION_WORDS


def state_abbreviation(text: str, t: Token, gaz: Gazetteer) -> int | None:
    """The US state entry for "Ill." / "W.Va." / "TX" written after a place and a comma."""
    before = text[max(0, t.start - 2) : t.start]
    dotted = t.text.count(".") >= 2  # "S.C.", "W.Va.": unambiguous wherever they stand
    if before != ", " and not (dotted and t.text.rstrip(".").lower() in US_STATE_ABBREVIATIONS):
        return None
    word = t.text.rstrip(".").lower()
    st = US_STATE_ABBREVIATIONS.get(word)
    if st is None and len(t.text) == 2 and t.text.isupper():
        st = t.text if f"US.{t.text}" in gaz.region else None
    if st is None or (len(word) > 2 and text[t.end : t.end + 1] != "." and not t.text.endswith(".")):
        return None
    return gaz.region.get(f"US.{st}")


_SPACED_STATE_RE = re.compile(r"([A-Z]\.) ([A-Z][a-z]{0,3}\.)")


def spaced_state_abbreviation(text: str, t: Token, gaz: Gazetteer) -> tuple[int, int] | None:
    """(state entry, end) for a state written with a space after a comma: "Charleston, W. Va.",
    "Trenton, N. J."."""
    if text[max(0, t.start - 2) : t.start] != ", " or len(t.text) != 1:
        return None
    m = _SPACED_STATE_RE.match(text, t.start)
    if m is None:
        return None
    st = US_STATE_ABBREVIATIONS.get((m.group(1) + m.group(2)).rstrip(".").lower())
    r = gaz.region.get(f"US.{st}") if st else None
    return (r, m.end()) if r is not None else None


_PARTY_STATE_RE = re.compile(r"[DRI]-((?:[A-Z][a-z]{0,4}\.) ?(?:[A-Z][a-z]{0,3}\.)?)")


def party_state(text: str, t: Token, gaz: Gazetteer) -> Mention | None:
    """The state of a US legislator's party tag written AP style: "Rep. Earl Pomeroy, D-N.D.",
    "Sen. Rahall, D-W. Va.", "(R-Calif.)"; full names ("R-Texas") are compound_parts'."""
    if len(t.text) < 3 or t.text[1] != "-":
        return None
    m = _PARTY_STATE_RE.match(text, t.start)
    if m is None:
        return None
    abbreviation = m.group(1).rstrip()
    st = US_STATE_ABBREVIATIONS.get(abbreviation.replace(" ", "").rstrip(".").lower())
    r = gaz.region.get(f"US.{st}") if st else None
    if r is None:
        return None
    start = m.start(1)
    return Mention(start, start + len(abbreviation), abbreviation, [Candidate(r, True)])


def compound_parts(text: str, t: Token, gaz: Gazetteer) -> list[Mention]:
    """Places and nationality adjectives inside a capitalised compound ("Egyptian-US")."""
    out = []
    pos = t.start
    parts = t.text.split("-")
    if all(name_key(p) in gaz.given_names or name_key(p) in gaz.rare_given_names for p in parts):
        return out  # "Jean-Luc", "Marie-Christine": a given name, not Luc (Łódź)
    for part in parts:
        key = name_key(part)
        cc = gaz.demonyms.get(key)
        area = None if cc is not None else region_of_people(gaz, key)
        if cc is not None and cc in gaz.country:
            out.append(Mention(pos, pos + len(part), part, [Candidate(gaz.country[cc], True)], demonym=cc))
        elif area is not None:  # "Asian-Pacific", "Euro-Atlantic"
            out.append(
                Mention(pos, pos + len(part), part, [Candidate(area, True)], demonym="", flags={"adjective"})
            )
        elif len(part) > 1 and key not in STOP:
            cands = gaz.lookup(part)
            party = len(t.text.split("-")[0]) == 1  # "D-Charleston": a legislator's home
            if cands and (party or any(gaz.kind_codes[c.id] in "Cr" or gaz.prior[c.id] > 4.5 for c in cands)):
                out.append(Mention(pos, pos + len(part), part, cands))
        pos += len(part) + 1
    return out


DATELINE_AFTER = (",", " (", " -", " —", " –", ":")


def is_dateline(text: str, t: Token) -> bool:
    """An all-capital place name opening a news report: "PARIS, Texas -", "KYIV (Reuters) -"."""
    return text.startswith(DATELINE_AFTER, t.end)


def opens_dateline(text: str, tokens: list[Token], i: int) -> bool:
    """An all-capital word at a line's start whose dateline follows it or the next all-capital
    word: "FREEHOLD —", "FREEHOLD TOWNSHIP —" (a US township the index knows by its town)."""
    t = tokens[i]
    if not t.text.isupper() or text[t.start - 1 : t.start] not in ("", "\n"):
        return False
    if is_dateline(text, t):
        return True
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return nxt is not None and t.adj and nxt.text.isupper() and is_dateline(text, nxt)


_LOWER_WORDS_RE = re.compile(r"[a-zß-öø-ÿ][a-zß-öø-ÿ'’-]*(?: [a-zß-öø-ÿ][a-zß-öø-ÿ'’-]*){0,2}")


def lowercase_countries(
    text: str, tokens: list[Token], gaz: Gazetteer, taken: list[Mention], lower: set[str]
) -> list[Mention]:
    """Country names written in lower case after "in"/"from"/"naar"/... in informal text ("protests
    in iran", "flights to the uk"): the country, when the words are its name and no common word
    of the not-a-place lists."""
    out: list[Mention] = []
    if not (lower & gaz.country_words):
        return out  # the usual case: no country name in lower case at all
    firsts = tuple(lower & gaz.country_words)  # a word after "in" must open with one of them
    if not any(_after_a_locative(text, w) for w in firsts):
        return out  # none of them stands after "in"/"from"/... (tested with str.find)
    spans = {(m.start, m.end) for m in taken}
    for t in tokens:
        if t.cap or t.low not in LOCATIVE:
            continue
        pos = t.end + 1
        if text[t.end : pos] != " ":
            continue
        if text.startswith("the ", pos):
            pos += 4
        if not text.startswith(firsts, pos):
            continue
        m = _LOWER_WORDS_RE.match(text, pos)
        if m is None:
            continue
        words = m.group(0).split(" ")
        if words[0] not in gaz.country_words:
            continue  # the usual case: "in de stad", "from there"
        for n in range(len(words), 0, -1):
            phrase = " ".join(words[:n])
            if n == 1 and (phrase in STOP or len(phrase) < 4):
                break
            cands = [c for c in gaz.lookup(phrase) if gaz.kind_codes[c.id] == "C"]
            if cands:
                end = pos + len(phrase)
                if not any(s < end and pos < e for s, e in spans):
                    found = Mention(pos, end, text[pos:end], cands[:1])
                    found.flags.add("lowercase")
                    out.append(found)
                break
    return out


_LOCATIVE_ENDS = tuple(LOCATIVE)
_LOCATIVE_MAX = max(map(len, LOCATIVE), default=0)


def _after_a_locative(text: str, word: str) -> bool:
    """Whether `word` occurs right after a locative and a space (or "the "): lowercase_countries'
    test before its walk over the tokens (it may say yes where that walk says no, never the
    other way round)."""
    p = text.find(word)
    while p >= 0:
        for e in (p, p - 4) if p >= 4 and text.startswith("the ", p - 4) else (p,):
            if e >= 1 and text[e - 1] == " ":
                if text[max(0, e - 1 - _LOCATIVE_MAX) : e - 1].lower().endswith(_LOCATIVE_ENDS):
                    return True
        p = text.find(word, p + 1)
    return False


def _region_alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_NAME = r"[A-ZÀ-ÖØ-Þ][\w'’-]+"
_FALLBACK_RE = re.compile(
    rf"(?:,? (?:in|near|bij|nabij|in de|in het) (?:the )?|, )"
    rf"(?:(?P<w1>{_region_alternation(REGION_WORDS)})(?: (?:of|van))? (?P<x1>{_NAME})"
    rf"|(?P<x2>{_NAME}) (?P<w2>{_region_alternation(REGION_WORDS)})\b)",
    re.I,
)


# what the text after the name must open with for _FALLBACK_RE to match (besides ", ")
_FALLBACK_STARTS = (" in ", " near ", " bij ", " nabij ")


def fallback_region(
    text: str, tokens: list[Token], i: int, gaz: Gazetteer
) -> tuple[int, list[Candidate]] | None:
    """(last token, region candidates) for a name the gazetteer does not know, placed in a region:
    "the village of Zzyzx in Kherson province", "Zzyzx, Kherson oblast" -> the region of Kherson
    (the mention keeps the village's text; its kind "region" says how precise the point is)."""
    j = i
    while j + 1 < len(tokens) and tokens[j + 1].cap and tokens[j].adj:
        j += 1
    end = tokens[j].end
    if not text.startswith(", ", end) and not text[end : end + 7].lower().startswith(_FALLBACK_STARTS):
        return None  # the usual case, tested without the regex
    m = _FALLBACK_RE.match(text, end)
    if m is None:
        return None
    x = m.group("x1") or m.group("x2")
    word = (m.group("w1") or m.group("w2") or "").lower()
    if x[:1].islower():
        return None
    level = "district" if word in DISTRICT_WORDS else "region"
    cands = [c for c in gaz.lookup(f"{x} {level}") if gaz.kind_codes[c.id] in "rk"]
    if not cands:  # the region around the city X ("Koersk")
        seen = set()
        for c in gaz.lookup(x):
            r = gaz.region.get(f"{gaz.cc[c.id]}.{gaz.admin1[c.id]}") if gaz.kind_codes[c.id] == "c" else None
            if gaz.kind_codes[c.id] == "r":
                r = c.id
            if r is not None and r not in seen:
                seen.add(r)
                cands.append(Candidate(r, c.exact))
    return (j, cands) if cands else None
