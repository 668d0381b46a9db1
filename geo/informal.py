"""Places in informal text: names written in lower case and names run together in hashtags.

Posts about the news write "quake hits nepal, kathmandu buildings collapse", "just landed in
tokyo", "#NepalEarthquake", "#prayforparis". Only the gazetteer's `informal_names` count here
(the own names of countries, US states, cities of a million people and national capitals:
geo.build_index), never alternate names of small towns, and:
- a lower-case name is found anywhere in a sentence (a name of several words whole, even
  when its first word is a common word alone: "new york city", "south africa"), unless it is a common word of the
  not-a-place lists or of the role `lowercase_word` ("turkey", "china", "nice", "reading":
  words that mean something else when written in lower case; geo/data/notplace_<lang>.tsv);
  such a word that names a country is one right after a locative word ("explosion in china",
  "flights from turkey");
- a hashtag is split at its capitals ("#NepalEarthquake": Nepal) or, all in lower case, read
  for such a name at its start or end ("#prayforparis", "#nepalquake"), the rest being at
  least MIN_REST letters ("#romeo" is no Rome).
A text with no lower-case word or hashtag that could open such a name costs one set
intersection.
"""

from __future__ import annotations

import re

from geo.gazetteer import Gazetteer
from geo.lexicon import load
from geo.spans import STOP, Mention
from geo.tokens import Token

_WORDS = load()
LOWERCASE_WORDS = _WORDS["lowercase_word"]
_LOCATIVE = _WORDS["locative"]
MIN_REST = 3  # letters left of a lower-case hashtag beside the place's name
MAX_WORDS = 3  # words of a lower-case name ("new york city")
BIG_CITY_POP = 1_000_000  # geo.build_index's INFORMAL_CITY_POP
_HASHTAG_RE = re.compile(r"#(\w{3,60})")
_CAMEL_RE = re.compile(r"[A-Z][a-z]+|[A-Z]+(?![a-z])|[a-z]+")
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def informal_mentions(
    text: str, tokens: list[Token], gaz: Gazetteer, taken: list[Mention], lower: set[str]
) -> list[Mention]:
    """Mentions of `informal_names` in lower case and inside hashtags, outside the spans
    already `taken`."""
    names = gaz.informal_names
    firsts, seconds = _first_words(gaz)
    out: list[Mention] = []
    spans = [(m.start, m.end) for m in taken]
    # a common first word ("new", "the") counts only when the text has a second word for it
    if any(w not in seconds or not seconds[w].isdisjoint(lower) for w in lower & firsts):
        out.extend(_lowercase(text, gaz, names, firsts, lower, spans))
    countries = lower & _countries_as_words(gaz)
    if countries:  # "quake hits in turkey", "flights from china": a country after "in", "from"
        out.extend(_after_locative(text, gaz, countries, spans + [(m.start, m.end) for m in out]))
    if "#" in text:
        out.extend(_hashtags(text, gaz, names, spans + [(m.start, m.end) for m in out]))
    return out


_FIRSTS: dict[int, tuple[frozenset[str], dict[str, frozenset[str]]]] = {}


def _first_words(gaz: Gazetteer) -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """First words of the informal names that may open one in lower case (a one-word name
    that is no common word; any name of several words: "new york city", "south africa"), and
    for the first words that are common words, the second words that may follow them."""
    found = _FIRSTS.get(id(gaz))
    if found is None:
        firsts: set[str] = set()
        seconds: dict[str, set[str]] = {}
        for key in gaz.informal_names:
            words = key.split(" ")
            if len(words) > 1:
                firsts.add(words[0])
                seconds.setdefault(words[0], set()).add(words[1])
            elif key not in STOP and key not in LOWERCASE_WORDS and len(key) >= 4:
                firsts.add(key)
        alone = {w for w in firsts if w not in STOP and w not in LOWERCASE_WORDS}
        found = (frozenset(firsts), {w: frozenset(s) for w, s in seconds.items() if w not in alone})
        _FIRSTS[id(gaz)] = found
    return found


_COUNTRY_WORDS: dict[int, frozenset[str]] = {}


def _countries_as_words(gaz: Gazetteer) -> frozenset[str]:
    """The one-word countries that are common words in lower case ("turkey", "china", "chad")."""
    found = _COUNTRY_WORDS.get(id(gaz))
    if found is None:
        found = frozenset(
            w
            for w in LOWERCASE_WORDS
            if " " not in w
            and w in gaz.informal_names
            and any(gaz.kind_codes[c.id] == "C" for c in _own(gaz, w))
        )
        _COUNTRY_WORDS[id(gaz)] = found
    return found


def _after_locative(text, gaz, words, spans) -> list[Mention]:
    """Those countries written in lower case right after a locative word ("in china") or a
    place ("tianjin china")."""
    out = []
    for w in _WORD_RE.finditer(text):
        word = w.group()
        if word not in words or not _free(spans, w.start(), w.end()):
            continue
        before = text[max(0, w.start() - 12) : w.start()].split()
        # right after a place written in lower case too, or after its comma ("Tianjin, china")
        after_place = any(
            (gap := text[e : w.start()]) in (" ", ", ") and (gap == ", " or text[s:e].islower())
            for s, e in spans
        )
        if not after_place and (not before or before[-1] not in _LOCATIVE):
            continue  # "in china"; or after a place: "tianjin china", "Tianjin, china"
        m = Mention(w.start(), w.end(), word, [c for c in _own(gaz, word) if gaz.kind_codes[c.id] == "C"])
        m.flags.add("lowercase")
        out.append(m)
    return out


def _free(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return not any(s < end and start < e for s, e in spans)


def _lowercase(text, gaz, names, firsts, lower, spans) -> list[Mention]:
    out = []
    wanted = lower & firsts
    words = list(_WORD_RE.finditer(text))
    k = 0
    while k < len(words):
        w = words[k]
        if w.group() not in wanted:
            k += 1
            continue
        hit = None
        alone = w.group() not in STOP and w.group() not in LOWERCASE_WORDS  # "new" is no name alone
        for n in range(min(MAX_WORDS, len(words) - k), 0 if alone else 1, -1):
            phrase = text[w.start() : words[k + n - 1].end()]
            if phrase in names and phrase == phrase.lower() and phrase not in LOWERCASE_WORDS:
                hit = (w.start(), words[k + n - 1].end(), phrase, n)  # one space between the words
                break
        if hit is None or not _free(spans, hit[0], hit[1]):
            k += 1
            continue
        cands = _own(gaz, hit[2])
        if cands:
            m = Mention(hit[0], hit[1], hit[2], cands)
            m.flags.add("lowercase")
            out.append(m)
        k += hit[3]
    return out


def _own(gaz: Gazetteer, name: str) -> list:
    """The candidates that bear `name` as their own (not an alternate name), else the big
    city whose own name it starts ("new york": New York City; geo.build_index)."""
    cands = gaz.lookup(name)
    return [c for c in cands if c.exact] or [
        c
        for c in cands
        if " " in name
        and gaz.kind_codes[c.id] == "c"
        and gaz.pop[c.id] >= BIG_CITY_POP
        and gaz.names[c.id].casefold().startswith(name + " ")
    ]


def _hashtags(text, gaz, names, spans) -> list[Mention]:
    out = []
    for h in _HASHTAG_RE.finditer(text):
        tag, base = h.group(1), h.start(1)
        if not _free(spans, h.start(), h.end()):
            continue
        if tag != tag.lower():
            found = _camel([(p.start(), p.group()) for p in _CAMEL_RE.finditer(tag)], names)
            if found is not None:
                start, end, key = found
                cands = _own(gaz, key)
                if cands:
                    out.append(_tag_mention(text, base + start, base + end, cands))
            continue
        for name in _ends(tag, names):
            start = base if tag.startswith(name) else base + len(tag) - len(name)
            cands = _own(gaz, name)
            if cands:
                out.append(_tag_mention(text, start, start + len(name), cands))
            break
    return out


def _tag_mention(text: str, start: int, end: int, cands: list) -> Mention:
    m = Mention(start, end, text[start:end], cands)
    m.flags.add("hashtag")
    return m


def _camel(parts: list[tuple[int, str]], names) -> tuple[int, int, str] | None:
    """The first run of one to three capitalised parts that is an informal name, as (start,
    end) in the tag and the name ("NepalEarthquake" -> Nepal; "NewYorkCity" -> new york city)."""
    for i, (start, part) in enumerate(parts):
        if not part[:1].isupper():
            continue
        for n in range(min(MAX_WORDS, len(parts) - i), 0, -1):
            run = parts[i : i + n]
            if not all(p[:1].isupper() for _, p in run):
                continue
            key = " ".join(p.lower() for _, p in run)
            if key in names and key not in LOWERCASE_WORDS and key not in STOP:
                return start, run[-1][0] + len(run[-1][1]), key
    return None


def _ends(tag: str, names) -> list[str]:
    """Informal one-word names a lower-case hashtag starts or ends with, longest first."""
    out = []
    for size in range(len(tag) - MIN_REST, 3, -1):
        for piece in (tag[:size], tag[-size:]):
            if piece in names and piece not in LOWERCASE_WORDS and piece not in STOP:
                out.append(piece)
    return out
