"""Not-a-place filters: people, common words, acronyms, capitals standing for their government.

- people: a name after a title ("president", "Mr.") or a first name ("Kristen Michal",
  "Xi Jinping") is a person's, and so is a capitalised pair whose second word the article
  also uses alone ("Vladimir Poetin" + "Poetin"); such surnames are never places anywhere in
  the document, and the first name before them is not one either;
- common words: the not-a-place lists (geo/data/notplace_*.tsv), a one-word alternate name of
  a place under 50,000 people ("Force" is an alternate name of Forcé), any sentence-initial
  word that the article also writes in lowercase ("hop") or that only names small places
  ("Dan", "Na", "Net", "Maar"), a small place's name right after a capitalised frequent word
  in ordinary-case text ("the Big Bang theory", "the Civil War"), and acronyms in capitals
  ("NATO") unless they open a dateline ("PARIS, Texas -");
- metonyms: a capital followed by "troops"/"says" is its government, not where things happened.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import cache
from operator import attrgetter

from geo.gazetteer import SLAVIC_COUNTRIES, Candidate, Gazetteer
from geo.lexicon import load
from geo.memo import per_list
from geo.names import looks_slavic
from geo.people import PARTICLE_WORDS
from geo.spans import SLAVIC_MIN_LEN, after_locative, is_dateline, opens_dateline
from geo.tokens import NAME_PREFIXES, Token, adjacent

_WORDS = load()
TITLES = _WORDS["title"]
FIRST_NAMES = _WORDS["first_name"]
# function words spelt like a country: at a sentence's start before a lowercase word they are
# the word even though a country is strong ("Того ж дня": that same day, not Togo)
FUNCTION_WORDS = _WORDS["function_word"]
# after a capital these make it the government, not the place: "Kiev troops shell", "Kiev's
# forces", "Kiev says", "Den Haag meldt" (metonymy; the event did not happen in the capital)
METONYM_NOUNS = _WORDS["metonym_noun"]
# ... and these too, unless the capital follows "in"/"at"/...: "officials in Kyiv said"
METONYM_VERBS = _WORDS["metonym_verb"]
ALT_ONLY_MIN_POP = 50_000  # a one-word alternate name must belong to a place this big
# a sentence-initial word this frequent in the article's language (wordfreq's Zipf scale, x10)
# is a common word ("Elk jaar ...": each, not Ełk), unless its place is more famous than the
# word is frequent (wordfreq counts place names too: "utrecht" is as frequent in Dutch as
# "elk", but Utrecht has 376,000 people and Ełk 60,000: Zipf 5.1 < log10 376,000 = 5.6 while
# 5.3 > 4.8), or the article also writes it capitalised inside a sentence ("in Split")
COMMON_ZIPF = 40
MID_SENTENCE_ZIPF = 45
# "the Big Bang theory", "Happy Valley": a small place's name after a capitalised frequent word
# (Zipf x10 >= PAIR_WORD_ZIPF) is the second word of a name, unless that word is one that
# stands before places ("Central", "Greater", "Downtown": cues role "place_modifier")
PAIR_WORD_ZIPF = 45
PAIR_MAX_POP = 100_000
PLACE_MODIFIERS = _WORDS["place_modifier"] | _WORDS["compass"]
# "Amazon shares fell", "shares of Amazon": a company (cues roles company_after/company_before)
_COMPANY_AFTER_RE = re.compile(
    r"(?:['’]s)? (?:" + "|".join(sorted(map(re.escape, _WORDS["company_after"]))) + r")\b", re.IGNORECASE
)
_COMPANY_BEFORE = tuple(f"{w} " for w in _WORDS["company_before"])
# the words of those cues: a text without any of them (the usual case) needs no check per name
_COMPANY_WORDS = _WORDS["company_after"] | {w.split()[0] for w in _WORDS["company_before"]}
# lang -> its determiners (only languages that capitalise nouns have the role: German)
DETERMINERS = {lang: load((lang,))["determiner"] for lang in ("de",)}
DETERMINER_LANGS = frozenset(DETERMINERS)
_LOWER_WORD_RE = re.compile(r"(?<![\w'’-])[a-z\u00df-\u00ff]{5,}\b")


@dataclass(slots=True)
class Context:
    """What the rules know of the whole document: its languages (None: unknown), the keys of
    the words it writes capitalised inside a sentence, the tokens that are parts of people's
    names."""

    langs: tuple[str, ...] | None = None
    mid_caps: set[str] = field(default_factory=set)
    person_parts: set[int] = field(default_factory=set)
    companies: bool = True  # the text has a word of the company cues ("shares", "aandelen")


def mentions_companies(lower: set[str], tokens: list[Token]) -> bool:
    """Whether the text writes a word of the company cues ("shares", "aandelen") in lower case
    or capitalised (`lower`: its words that start in lower case; `tokens`: the others)."""
    return not _COMPANY_WORDS.isdisjoint(lower) or not _COMPANY_WORDS.isdisjoint(
        map(attrgetter("low"), tokens)
    )


def common_zipf(gaz: Gazetteer, key: str, langs: tuple[str, ...] | None) -> int:
    """10 x the Zipf frequency of `key` as a common word in `langs` (None: every language)."""
    tables = gaz.common_words
    chosen = tables.values() if langs is None else [tables[lang] for lang in langs if lang in tables]
    return max((t.get(key, 0) for t in chosen), default=0)


def rejected_single(
    text: str,
    tokens: list[Token],
    i: int,
    key: str,
    cands: list[Candidate],
    gaz: Gazetteer,
    stop: frozenset[str],
    lower: set[str],
    people: set[str],
    context: Context,
) -> bool:
    """Why a one-word match is not a place: stopword, person, or sentence-initial common word."""
    t = tokens[i]
    if i in context.person_parts:
        return True  # "Frans" in "Frans van Houten"
    if context.companies and (
        _COMPANY_AFTER_RE.match(text, t.end)
        or text[max(0, t.start - 16) : t.start].lower().endswith(_COMPANY_BEFORE)
    ):
        return True  # "Amazon shares", "shares of Amazon": the company, not the river
    strong, any_exact, max_pop, short_form, city_level_only, max_prior, _capital = _facts(gaz, cands)
    base = key[:-2] if key.endswith("'s") else key
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    next_cap = nxt is not None and nxt.cap and t.adj
    if t.sent_start and base in FUNCTION_WORDS:
        after = _NEXT_WORD_RE.match(text, t.end)
        if after is not None and after.group(1).islower():
            return True  # "Того ж дня" (that same day), not Togo
    # a capitalised name particle inside a sentence with no name after it is no particle:
    # "floods hit Van in eastern Turkey" (but "Van der Laan", "Van Gogh" are people)
    particle_alone = base in PARTICLE_WORDS and not t.sent_start and not next_cap and not t.shout
    if (
        base in stop
        and not strong
        and not particle_alone
        and (base not in FIRST_NAMES or next_cap)
        and not (
            not next_cap
            and max_pop >= HOME_TOWN_MIN_POP
            and after_locative(text, tokens, i)
            and context.langs is not None
            and _home_town(gaz, cands, context.langs)
        )
    ):
        return True  # a common word, or a first name before a surname ("Joe Biden"); but "in Best"
    if base in people:
        return True
    if next_cap and base in TITLES and not strong and not any_exact and not t.shout:
        return True  # "Fed Chair Jerome Powell": a title before a name, not Čair
    if (
        not any_exact
        and max_pop < ALT_ONLY_MIN_POP
        and not (
            len(t.text) >= SLAVIC_MIN_LEN
            and not t.shout
            and (after_locative(text, tokens, i) or slavic_spelling(key, cands, gaz))
        )
        and not native_cyrillic(t.text, cands, gaz)
    ):
        # only a small town's alternate name: "Force" (Forcé), "Due" (Douai); but "near
        # Svitlodarsk" (Svetlodarsk's other spelling) is a place the text points at, and so
        # is "Yasinovataya" (Yasynuvata): Cyrillic names reach the news in many spellings
        return True
    acronym_len = 3 if t.shout else 5  # in a line of capitals "KIEV" is a word, not an acronym
    # a city's own short form ("NYC", "L.A.": geo/data/abbreviations.tsv) is no acronym:
    # `short_form`, a name of a city of a million people
    if (
        not strong
        and not short_form
        and (
            len(t.text) <= 2 or (t.text.isupper() and len(t.text) <= acronym_len and not is_dateline(text, t))
        )
    ):
        return True  # acronyms and codes: "NATO", "RSF", "Un"
    if i > 0 and tokens[i - 1].adj and tokens[i - 1].low.rstrip(".") in TITLES:
        return True
    if next_cap and nxt.low in people and not strong:
        return True  # first name of a person ("Vladimir Poetin")
    if (
        next_cap
        and not strong
        and not _capital
        and "-" in nxt.low
        and nxt.low.partition("-")[0] in NAME_PREFIXES
    ):
        return True  # "Bab al-Hawa", a crossing the index lacks: not Al Bab, a town
    if not strong and i > 0 and _second_word_of_a_name(text, tokens, i, cands, gaz, stop, context):
        return True
    if (
        context.langs
        and not DETERMINER_LANGS.isdisjoint(context.langs)
        and _after_determiner(text, t.start, context.langs)
        and (
            all(gaz.kind_codes[c.id] == "c" for c in cands)
            # "die Union": a frequent word that only another name of a region is spelt like
            or (
                not strong
                and not any(c.exact and gaz.kind_codes[c.id] in "Csalr" for c in cands)
                and common_zipf(gaz, base, context.langs) >= COMMON_ZIPF
            )
        )
    ):
        return True  # "in derselben Halle": a German noun, not Halle (Saale); "der Rhein" stays
    if t.sent_start and not strong and not opens_dateline(text, tokens, i):
        if t.text.lower() in lower:
            return True
        if base not in context.mid_caps and city_level_only:
            z = common_zipf(gaz, base, context.langs)
            # weighed against the towns that bear the word as their own name: "Dabei" (a
            # village's name, and an old name of Dubai) opens a German sentence as a word
            own_pop = (
                max((gaz.pop[c.id] for c in cands if c.exact), default=max_pop) if any_exact else max_pop
            )
            if z >= COMMON_ZIPF and z >= 10 * math.log10(own_pop + 10):
                return True  # "Elk jaar", "Man killed", "Deal reached"
        # < ~30,000 people: likely a word ("IN THE AREA" is no place even after "IN")
        if max_prior < (3.5 if t.shout and after_locative(text, tokens, i) else 4.5):
            return True
    elif (
        not strong
        and context.langs is not None
        and city_level_only
        and not (not next_cap and after_locative(text, tokens, i) and _home_town(gaz, cands, context.langs))
    ):
        # inside a sentence a capital says "name", but a very common word capitalised in a
        # title or a name ("Red Cross", "Love Field", "First Baptist") still names no village:
        # only a place much better known than the word is frequent stays ("Nice", "Reading");
        # right after "in"/"bij"/"near" a word alone names a town of the language's own
        # countries ("De brand in Echt"; cues role `home_country`, as in geo.resolve)
        z = common_zipf(gaz, base, context.langs)
        if z >= MID_SENTENCE_ZIPF and z >= 10 * math.log10(max_pop + 10) + 5:
            return True
    return False


HOME_TOWN_MIN_POP = 5_000  # "een ongeluk in Best" (29,000 people); no hamlet named like a month


def _home_town(gaz: Gazetteer, cands: list[Candidate], langs: tuple[str, ...]) -> bool:
    """Is a candidate in a country where the text's language is spoken at home (cues role
    `home_country`: "nl", "be" for a Dutch text; English has none: its news is the world's)?"""
    home = _home_countries(langs)
    return any(gaz.cc[c.id].lower() in home for c in cands)


@cache
def _home_countries(langs: tuple[str, ...]) -> frozenset[str]:
    return load(langs)["home_country"]


def _after_determiner(text: str, start: int, langs: tuple[str, ...]) -> bool:
    """The word before `start` (one space between) is a determiner of a language of the text
    that capitalises its nouns ("derselben Halle", "Die Halle")."""
    if start < 3 or text[start - 1] != " ":
        return False
    k = start - 2
    while k >= 0 and text[k].isalpha():
        k -= 1
    word = text[k + 1 : start - 1].lower()
    return any(word in DETERMINERS[lang] for lang in langs if lang in DETERMINERS)


@per_list
def _facts(gaz: Gazetteer, cands: list[Candidate]) -> tuple[bool, bool, int, bool, bool, float, bool]:
    """What the rules ask of a name's candidates, once per candidate list: (strong: a country,
    sea, area or landmark by its own name or a big one by another name; some candidate has the
    name as its own; the largest population; a city of a million by its own name ("NYC"); no
    country or region among them; the highest prior; a national capital among them)."""
    return (
        any(c.exact and gaz.kind_codes[c.id] in "Csal" for c in cands)
        or any(gaz.kind_codes[c.id] in "Csal" for c in cands if gaz.prior[c.id] > 5),
        any(c.exact for c in cands),
        max((gaz.pop[c.id] for c in cands), default=0),
        any(c.exact and gaz.pop[c.id] >= 1_000_000 for c in cands),
        not any(gaz.kind_codes[c.id] in "Cr" for c in cands),
        max((gaz.prior[c.id] for c in cands), default=0.0),
        any(c.id in gaz.capitals for c in cands),
    )


def _second_word_of_a_name(text, tokens, i, cands, gaz: Gazetteer, stop, context: Context) -> bool:
    """ "the Big Bang theory", "Sukhyi Yar": a small place's name right after a capitalised
    frequent word, or a Slavic-looking word the index does not know, that names no place itself, in a sentence written in ordinary case (in a Title Case
    headline every word is capitalised: "Storm Hits Bang" keeps its place)."""
    prev, t = tokens[i - 1], tokens[i]
    if not prev.cap or prev.sent_start or prev.shout or t.shout or not adjacent(text, prev, t):
        return False
    if prev.low in PLACE_MODIFIERS or prev.low.rstrip(".") in TITLES or prev.low in FIRST_NAMES:
        return False  # "Central London"; "Mr Bang" and "Paul Bang" are the people rules'
    if any(gaz.kind_codes[c.id] in "Cr" for c in cands) or max(gaz.pop[c.id] for c in cands) >= PAIR_MAX_POP:
        return False
    # ... or a Slavic-looking word the index does not know ("Sukhyi Yar": a village it lacks,
    # not Yar, a town in Russia)
    unknown_slavic = looks_slavic(prev.low) and not gaz.lookup(prev.text)
    if not (
        prev.low in stop or unknown_slavic or common_zipf(gaz, prev.low, context.langs) >= PAIR_WORD_ZIPF
    ):
        return False
    if prev.low not in stop and any(c.exact for c in gaz.lookup(prev.text)):
        return False  # "Paris Bang": the word before is a place's own name
    line_start = text.rfind("\n", 0, prev.start) + 1
    line_end = text.find("\n", t.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return _LOWER_WORD_RE.search(line) is not None  # ordinary case: a long lower-case word


def slavic_spelling(key: str, cands: list[Candidate], gaz: Gazetteer) -> bool:
    """A Slavic-looking word naming a place of a Cyrillic-script country."""
    return looks_slavic(key) and any(gaz.cc[c.id] in SLAVIC_COUNTRIES for c in cands)


_CYRILLIC_RE = re.compile("[\u0400-\u04ff]")
CYRILLIC_MIN_LEN = 4  # "Ізюм", "Суми": a town's own name in its own script


def native_cyrillic(word: str, cands: list[Candidate], gaz: Gazetteer) -> bool:
    """A capitalised word in Cyrillic naming a place of a Cyrillic-script country: the town's
    own name ("обстріляли Куп'янськ", "Ізюм"), which GeoNames keeps only as an alternate name."""
    return (
        len(word) >= CYRILLIC_MIN_LEN
        and _CYRILLIC_RE.match(word) is not None
        and any(gaz.cc[c.id] in SLAVIC_COUNTRIES for c in cands)
    )


_NEXT_WORD_RE = re.compile(r"(?:['’]s?)? {1,2}([^\W\d_]+)")


def is_metonym(
    text: str, tokens: list[Token], i: int, j: int, cands: list[Candidate], gaz: Gazetteer
) -> bool:
    """A capital standing for its government: "Kiev troops", "Kiev's forces", "...: Kiev".

    Such a mention says who acted, not where: geoparse uses it as context but does not
    report it as a place. Landmarks ("het Kremlin meldde", "in het Witte Huis") stay places.
    """
    if not _facts(gaz, cands)[6]:  # no capital among them
        return False
    nxt = _NEXT_WORD_RE.match(text, tokens[j].end)  # read from the text: verbs are no tokens
    word = nxt.group(1).lower() if nxt is not None else ""
    if word in METONYM_NOUNS:
        return True
    if word in METONYM_VERBS:  # "officials in Kyiv said": there the capital is where they are
        return not after_locative(text, tokens, i)
    # a headline's source after a colon or dash at the end of its line: "...killed: Kiev"
    before = text[max(0, tokens[i].start - 2) : tokens[i].start]
    after = text[tokens[j].end : tokens[j].end + 2]
    at_end = after == "" or after[0] == "\n" or after.strip() == ""
    return before in (": ", "- ") and at_end
