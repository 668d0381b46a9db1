"""Finding place mentions in running text (step 1 of geoparse; resolution is geo.resolve).

Tokens come from one precompiled regex; candidate spans are capitalised token n-grams (n <= 4,
lowercase connectors like "of"/"van" allowed inside) looked up in the gazetteer, longest first.
What is kept out, and why:
- words inside other words: "Ottawa-verdrag" is one token whose tail is lowercase -> a compound
  noun (a treaty), not the city; "Kremlin-taal", "Neptune-kruisraket" likewise;
- people: a name after a title ("president", "Mr.") or a first name ("Kristen Michal",
  "Xi Jinping") is a person's, and so is a capitalised pair whose second word the article
  also uses alone ("Vladimir Poetin" + "Poetin"); such surnames are never places anywhere in
  the document, and the first name before them is not one either;
- common words: the stoplist (function words, months, common nouns that are also small towns,
  companies, organisations), a one-word alternate name of a place under 50,000 people
  ("Force" is an alternate name of Forcé), any sentence-initial word that the article also writes in lowercase ("hop")
  or that only names small places ("Dan", "Na", "Net", "Maar"), and acronyms in capitals
  ("NATO") unless they open a dateline ("PARIS, Texas -").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import accumulate

from geo.gazetteer import SLAVIC_COUNTRIES, Candidate, Gazetteer
from geo.geocoder import US_STATE_ABBREVIATIONS
from geo.names import looks_slavic, name_key

TOKEN_RE = re.compile(r"(?:[A-Z][a-z]?\.){2,}|[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W\d_]+)*")
# the same words, for split (the group keeps them); possessive and behind a one-letter
# lookahead, which scans faster (the parts after a word are optional: nothing to backtrack)
_TOKEN_SPLIT_RE = re.compile(
    r"((?=[^\W\d_])(?:(?:[A-Z][a-z]?\.){2,}"
    r"|[^\W\d_]++(?:['’][^\W\d_]++)*+(?:-[^\W\d_]++)*+))"
)
SENTENCE_END = set(".!?:;\n\"“”‘’'«»—–•*#(")
CONNECTORS = {
    "of",
    "de",
    "del",
    "la",
    "le",
    "les",
    "van",
    "der",
    "den",
    "upon",
    "on",
    "am",
    "an",
    "the",
    "da",
    "do",
    "dos",
    "das",
    "al",
    "el",
    "y",
    "en",
    "sur",
    "aan",
}
REGION_WORDS = {
    "provincie",
    "province",
    "regio",
    "region",
    "oblast",
    "deelstaat",
    "gebied",
    "oblasten",
    "regione",
    "governorate",
    "gouvernement",
    "district",
    "raion",
    "rayon",
}
# second-level units: "Nikopol district" is around the town of Nikopol, far smaller than the
# first-level region holding it; "the Kirovsky district of Donetsk" is a part of Donetsk
DISTRICT_WORDS = {"district", "raion", "rayon"}
TITLES = {
    "president",
    "premier",
    "minister",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sen",
    "rep",
    "gov",
    "gen",
    "lt",
    "sgt",
    "capt",
    "col",
    "koning",
    "koningin",
    "paus",
    "pope",
    "king",
    "queen",
    "prince",
    "prins",
    "prinses",
    "princess",
    "sir",
    "lady",
    "lord",
    "senator",
    "governor",
    "mayor",
    "burgemeester",
    "judge",
    "rechter",
    "officer",
    "agent",
    "ambtsgenoot",
    "leider",
    "leader",
    "chancellor",
    "kanselier",
    "secretary",
    "rev",
    "father",
    "brother",
    "sister",
    "coach",
    "st",
    "saint",
    "sint",
}
INSTITUTIONS = {
    "regering",
    "parlement",
    "leger",
    "kabinet",
    "government",
    "parliament",
    "army",
    "military",
    "navy",
    "ministerie",
    "ministry",
    "marine",
    "luchtmacht",
    "senaat",
    "senate",
    "congress",
    "congres",
    "troepen",
    "troops",
    "forces",
    "strijdkrachten",
    "justitie",
    "ambassade",
    "embassy",
}
LOCATIVE = {
    "in",
    "near",
    "bij",
    "nabij",
    "at",
    "from",
    "naar",
    "uit",
    "te",
    "to",
    "around",
    "rond",
    "outside",
    "buiten",
}
# after a capital these make it the government, not the place: "Kiev troops shell", "Kiev's
# forces", "Kiev says", "Den Haag meldt" (metonymy; the event did not happen in the capital)
METONYM_NOUNS = {
    "troops",
    "forces",
    "army",
    "military",
    "government",
    "authorities",
    "regime",
    "officials",
    "side",
    "leadership",
    "soldiers",
    "shelling",
    "agreements",
    "agreement",
    "accords",
    "accord",
    "protocol",
    "format",
    "regering",
    "troepen",
    "leger",
    "strijdkrachten",
    "autoriteiten",
}
# ... and these too, unless the capital follows "in"/"at"/...: "officials in Kyiv said"
METONYM_VERBS = {
    "says",
    "said",
    "reports",
    "reported",
    "claims",
    "claimed",
    "accuses",
    "accused",
    "blames",
    "blamed",
    "denies",
    "denied",
    "points",
    "warns",
    "warned",
    "wants",
    "insists",
    "sabotages",
    "meldt",
    "meldde",
    "zegt",
    "zei",
    "stelt",
    "stelde",
    "eist",
    "eiste",
    "wil",
}
SLAVIC_MIN_LEN = 6  # transliteration variants are tried only for words this long
PLACE_SUFFIXES = {"based", "born", "area", "bound", "backed", "led", "registered", "made"}
ALT_ONLY_MIN_POP = 50_000  # a one-word alternate name must belong to a place this big
SPECIAL_WORDS = CONNECTORS | REGION_WORDS | TITLES | INSTITUTIONS | LOCATIVE
COMPASS = {"noord", "zuid", "oost", "west", "north", "south", "east", "centrum", "midden"}


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    cap: bool
    sent_start: bool
    low: str  # the lookup key of the word alone (name_key of one token)
    shout: bool = False  # in a line written in capitals: every word looks like a name


@dataclass(slots=True)
class Mention:
    """A candidate place span before resolution."""

    start: int
    end: int
    text: str
    cands: list[Candidate]
    region_of: bool = False  # "provincie X" / "X Oblast": the region around city X
    demonym: str | None = None  # country code when the span is an adjective of nationality
    unknown: bool = False  # not in the gazetteer (asked only of an online geocoder)
    flags: set[str] = field(default_factory=set)


def tokenize(text: str) -> tuple[list[Token], set[str]]:
    """The tokens that matter, and every lowercase word of the text.

    Tokens are the capitalised words plus the lowercase words some rule looks at (connectors,
    "provincie", titles, institutions, "in"/"near"); other lowercase words are only collected
    in the set (for the "also written in lowercase" rule). Skipping them keeps geoparse fast;
    rules that look at neighbours check that the neighbour is adjacent in the text.
    """
    # one C-level split gives every word and the gaps between them (positions are running
    # sums of their lengths); only the words some rule needs become Token objects
    pieces = _TOKEN_SPLIT_RE.split(text)
    words = pieces[1::2]
    offsets = list(accumulate(map(len, pieces)))  # offsets[2k]: where word k starts
    lower: set[str] = {w for w in set(words) if not w[0].isupper()}
    special = SPECIAL_WORDS
    wanted_low = {w for w in lower if w.lower() in special}
    tokens: list[Token] = []
    append = tokens.append
    blank = " \t\r\u00a0"
    for k, word in enumerate(words):
        if word in lower:
            if word in wanted_low:
                s = offsets[2 * k]
                append(Token(s, s + len(word), word, False, False, word.lower()))
        else:
            s = offsets[2 * k]
            j = s - 1
            while j >= 0 and text[j] in blank:
                j -= 1
            low = word.lower()
            if "’" in low:
                low = low.replace("’", "'")
            append(Token(s, s + len(word), word, True, j < 0 or text[j] in SENTENCE_END, low))
    _mark_shouting(text, tokens)
    return tokens, lower


_LOWER_RE = re.compile(r"[a-zß-öø-ÿ]")
_UPPER_RE = re.compile(r"[A-ZÀ-ÖØ-Þ]")


def _mark_shouting(text: str, tokens: list[Token]) -> None:
    """Tokens of lines in capitals ("KILLED IN THE AREA OF THE CITY OF ZAPOROZHYE").

    There capitalisation says nothing, so each word is judged like a sentence-initial one
    (geo.mentions._rejected_single): a common word or a small place's name is not taken.
    A line counts when it has 3+ words and 80 % of its cased letters are capitals.
    """
    caps = [t for t in tokens if t.cap and len(t.text) > 1 and t.text.isupper()]
    if len(caps) < 3:
        return
    per_line: dict[int, int] = {}
    for t in caps:
        start = text.rfind("\n", 0, t.start) + 1
        per_line[start] = per_line.get(start, 0) + 1
    lines: dict[int, bool] = {}
    for start, n_caps in per_line.items():
        if n_caps < 3:
            continue
        end = text.find("\n", start)
        line = text[start : end if end >= 0 else len(text)]
        if n_caps < 0.6 * len(line.split()):
            continue  # mostly ordinary words: some acronyms in a normal line
        n_low = len(_LOWER_RE.findall(line))
        lines[start] = n_low * 4 <= len(_UPPER_RE.findall(line))
    shouting = [(s, text.find("\n", s)) for s, yes in lines.items() if yes]
    for s, e in shouting:
        e = len(text) if e < 0 else e
        for t in tokens:
            if t.cap and s <= t.start < e:
                t.shout = True
                t.sent_start = True


ABBREVIATED = {"St", "Mt", "Ft", "Pt"}  # "St. Paul", "Mt. Pleasant", "Ft. Worth"


def _adjacent(text: str, a: Token, b: Token) -> bool:
    """Only plain spaces between two tokens (no punctuation, no line break)."""
    gap = text[a.end : b.start]
    if gap == " " or gap == "  ":  # the usual case first (called for every pair of neighbours)
        return True
    return gap == ". " and a.text in ABBREVIATED


def _people(text: str, tokens: list[Token], gaz: Gazetteer) -> set[str]:
    """Keys of capitalised words the document uses as (sur)names of people."""
    solo: set[str] = set()
    pairs: list[tuple[Token, Token]] = []
    for k, t in enumerate(tokens):
        if not t.cap:
            continue
        prev = tokens[k - 1] if k else None
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        adj_prev = prev is not None and _adjacent(text, prev, t)
        prev_cap = adj_prev and prev.cap
        next_cap = nxt is not None and nxt.cap and _adjacent(text, t, nxt)
        if not prev_cap and not next_cap and not t.sent_start:
            solo.add(t.low)
        if adj_prev:
            low = prev.low.rstrip(".")
            if low in TITLES and not gaz.has(name_key(f"{prev.text} {t.text}")):
                solo.add(t.low)
                pairs.append((prev, t))
        if prev_cap:
            pairs.append((prev, t))
    people: set[str] = set()
    for a, b in pairs:
        kb = b.low
        ka = a.low.rstrip(".")
        if gaz.has(name_key(f"{a.text} {b.text}")) or _is_strong_place(gaz, kb) or b.shout:
            continue
        if ka in TITLES or ka in gaz.first_names:
            people.add(kb)  # "president Poetin", "Xi Jinping", "Jong Un"
        elif kb in solo and (ka in gaz.first_names or (not gaz.has(kb) and not a.sent_start)):
            people.add(kb)  # "Vladimir Poetin" + "Poetin" alone; "Kristen Michal" + "Michal"
    return people


def _is_strong_place(gaz: Gazetteer, key: str) -> bool:
    """A country, sea or other curated place: never mistaken for a surname."""
    for c in gaz.lookup(key):
        if c.exact and gaz.kind_codes[c.id] in "Csal":
            return True
    return False


def find_mentions(
    text: str, gaz: Gazetteer, *, demonyms: bool = False, unknown_spans: bool = False
) -> tuple[list[Mention], list[str]]:
    """Candidate place spans in `text`, and the country codes of its adjectives of nationality.

    `unknown_spans` also returns capitalised spans after a locative preposition that the
    gazetteer does not know (for an online geocoder to try).
    """
    tokens, lower = tokenize(text)
    people = _people(text, tokens, gaz)
    stop = gaz.stopwords
    mentions: list[Mention] = []
    demonym_ccs: list[str] = []
    n_tok = len(tokens)
    i = 0
    while i < n_tok:
        t = tokens[i]
        if not t.cap:
            i += 1
            continue
        # a state abbreviation follows ", " or is dotted ("S.C."): test that before the call
        state = (
            _state_abbreviation(text, t, gaz)
            if "." in t.text or text[t.start - 2 : t.start] == ", "
            else None
        )
        if state is not None:
            end = t.end + 1 if text[t.end : t.end + 1] == "." else t.end
            mentions.append(Mention(t.start, end, text[t.start : end], [Candidate(state, True)]))
            i += 1
            continue
        found = _longest_match(text, tokens, i, gaz)
        if found is None:
            found = _variant_match(text, tokens, i, gaz, people)
        dm = None
        if found is None or (found[0] == i and not _is_strong_place(gaz, t.low)):
            dm = _demonym(text, tokens, i, gaz)
        if found is None or dm is not None:
            if dm is not None:
                cc, j, institution = dm
                demonym_ccs.append(cc)
                if institution or demonyms:
                    country = gaz.country.get(cc)
                    end_tok = tokens[j]
                    mentions.append(
                        Mention(
                            t.start,
                            end_tok.end,
                            text[t.start : end_tok.end],
                            [Candidate(country, True)] if country is not None else [],
                            demonym=cc,
                        )
                    )
                i = j + 1
                continue
            if "-" in t.text and all(p[:1].isupper() for p in t.text.split("-")):
                mentions.extend(_compound_parts(text, t, gaz))  # "Egyptian-US", "Arab-Israeli"
                i += 1
                continue
            if (
                unknown_spans
                and i > 0
                and tokens[i - 1].low in LOCATIVE
                and _adjacent(text, tokens[i - 1], t)
                and not t.sent_start
                and t.low not in stop
            ):
                j = i
                while j + 1 < n_tok and tokens[j + 1].cap and _adjacent(text, tokens[j], tokens[j + 1]):
                    j += 1
                mentions.append(
                    Mention(t.start, tokens[j].end, text[t.start : tokens[j].end], [], unknown=True)
                )
                i = j + 1
                continue
            i += 1
            continue
        j, cands, head_only = found
        span_text = text[t.start : tokens[j].end]
        key = name_key(span_text)
        single = j == i
        if single and not head_only:
            if _rejected_single(text, tokens, i, key, cands, gaz, stop, lower, people):
                i += 1
                continue
        elif (
            not single
            and t.low in CONNECTORS
            and all(tokens[k].low in stop or tokens[k].low in CONNECTORS for k in range(i + 1, j + 1))
        ):
            i += 1
            continue  # "THE CITY" (an alternate name of Oakville) is an article + a common noun
        m = Mention(t.start, tokens[j].end, span_text, cands)
        if head_only == "variant":
            m.flags.add("variant")
        if _is_metonym(text, tokens, i, j, cands, gaz):
            m.flags.add("metonym")
        if span_text.isupper() and _is_dateline(text, tokens[j]):
            m.flags.add("dateline")  # "WASHINGTON (Reuters) -": a city
        word = _mark_region(text, tokens, i, j, m)
        if word in DISTRICT_WORDS:
            m.region_of = False  # placed at the town the district is named after (or is in)
        if (
            word is not None
            and j + 1 < n_tok
            and tokens[j + 1].low == word
            and _adjacent(text, tokens[j], tokens[j + 1])
        ):
            m.end = tokens[j + 1].end
            m.text = text[m.start : m.end]
            j += 1
            if word in DISTRICT_WORDS:
                if _names_container(text, m.end):
                    i = j + 1
                    continue  # "the Kirovsky district of Donetsk": Donetsk is the place
                m.flags.add("district")
        mentions.append(m)
        i = j + 1
    return mentions, demonym_ccs


def _longest_match(text: str, tokens: list[Token], i: int, gaz: Gazetteer):
    """(last token index, candidates, matched-by-head) of the longest name starting at i."""
    n_tok = len(tokens)
    best = None
    j = i
    span_end = i
    # extend over adjacent capitalised tokens and inner connectors, at most 4 tokens
    while (
        span_end + 1 < n_tok and span_end - i < 3 and _adjacent(text, tokens[span_end], tokens[span_end + 1])
    ):
        nxt = tokens[span_end + 1]
        if not nxt.cap and nxt.low not in CONNECTORS:
            break
        span_end += 1
    if span_end == i:  # the usual case: a word alone (its text is the span)
        cands = gaz.lookup(_strip_possessive(tokens[i].text))
        if cands:
            best = (i, cands, False)
    else:
        for j in range(span_end, i - 1, -1):
            if not tokens[j].cap:
                continue
            span = text[tokens[i].start : tokens[j].end]
            cands = gaz.lookup(_strip_possessive(span))
            if cands:
                best = (j, cands, False)
                break
    if best is not None:
        return best
    word = tokens[i].text
    if "-" in word:
        parts = word.split("-")
        if len(parts) == 2 and parts[1] in PLACE_SUFFIXES:
            cands = gaz.lookup(parts[0])
            return (i, cands, True) if cands else None  # "Albany-based"
        if any(p[:1].islower() for p in parts[1:]):
            return None  # compound noun: "Ottawa-verdrag", "Kremlin-taal"
        if name_key(parts[-1]) in COMPASS or name_key(parts[0]) in COMPASS:
            head = parts[0] if name_key(parts[0]) not in COMPASS else "-".join(parts[1:])
            cands = gaz.lookup(head)
            if cands:
                return (i, cands, True)
    return None


def _variant_match(text: str, tokens: list[Token], i: int, gaz: Gazetteer, people: set[str]):
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
        or t.low in gaz.stopwords
        or t.text.isupper()
        or not looks_slavic(_strip_possessive(t.low))
    ):
        return None
    if t.sent_start and not _after_locative(text, tokens, i):
        return None
    if i + 1 < len(tokens) and tokens[i + 1].cap and _adjacent(text, t, tokens[i + 1]):
        return None  # part of a longer name the gazetteer does not know ("Petro Poroshenko")
    cands = gaz.lookup_variant(_strip_possessive(t.text))
    return (i, cands, "variant") if cands else None


_POSSESSIVES = ("'s", "’s")


def _strip_possessive(span: str) -> str:
    return span[:-2] if span.endswith(_POSSESSIVES) else span


def _rejected_single(
    text: str,
    tokens: list[Token],
    i: int,
    key: str,
    cands: list[Candidate],
    gaz: Gazetteer,
    stop: frozenset[str],
    lower: set[str],
    people: set[str],
) -> bool:
    """Why a one-word match is not a place: stopword, person, or sentence-initial common word."""
    t = tokens[i]
    strong = any(c.exact and gaz.kind_codes[c.id] in "Csal" for c in cands) or any(
        gaz.kind_codes[c.id] in "Csal" for c in cands if gaz.prior[c.id] > 5
    )
    base = key[:-2] if key.endswith("'s") else key
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    next_cap = nxt is not None and nxt.cap and _adjacent(text, t, nxt)
    if base in stop and not strong and (base not in gaz.first_names or next_cap):
        return True  # a common word, or a first name before a surname ("Joe Biden")
    if base in people:
        return True
    if (
        not any(c.exact for c in cands)
        and max(gaz.pop[c.id] for c in cands) < ALT_ONLY_MIN_POP
        and not (
            len(t.text) >= SLAVIC_MIN_LEN
            and not t.shout
            and (_after_locative(text, tokens, i) or _slavic_spelling(key, cands, gaz))
        )
    ):
        # only a small town's alternate name: "Force" (Forcé), "Due" (Douai); but "near
        # Svitlodarsk" (Svetlodarsk's other spelling) is a place the text points at, and so
        # is "Yasinovataya" (Yasynuvata): Cyrillic names reach the news in many spellings
        return True
    acronym_len = 3 if t.shout else 5  # in a line of capitals "KIEV" is a word, not an acronym
    if not strong and (
        len(t.text) <= 2 or (t.text.isupper() and len(t.text) <= acronym_len and not _is_dateline(text, t))
    ):
        return True  # acronyms and codes: "NATO", "RSF", "Un"
    if i > 0 and _adjacent(text, tokens[i - 1], t) and tokens[i - 1].low.rstrip(".") in TITLES:
        return True
    if next_cap and nxt.low in people and not strong:
        return True  # first name of a person ("Vladimir Poetin")
    if t.sent_start and not strong:
        if t.text.lower() in lower:
            return True
        # < ~30,000 people: likely a word ("IN THE AREA" is no place even after "IN")
        if max(gaz.prior[c.id] for c in cands) < (
            3.5 if t.shout and _after_locative(text, tokens, i) else 4.5
        ):
            return True
    return False


def _slavic_spelling(key: str, cands: list[Candidate], gaz: Gazetteer) -> bool:
    """A Slavic-looking word naming a place of a Cyrillic-script country."""
    return looks_slavic(key) and any(gaz.cc[c.id] in SLAVIC_COUNTRIES for c in cands)


def _after_locative(text: str, tokens: list[Token], i: int) -> bool:
    """The word follows "in"/"near"/"bij"/"outside"/... or "of" ("town of Perfomaisk")."""
    if i == 0:
        return False
    prev = tokens[i - 1]
    return (prev.low in LOCATIVE or prev.low == "of") and _adjacent(text, prev, tokens[i])


_NEXT_WORD_RE = re.compile(r"(?:['’]s?)? {1,2}([^\W\d_]+)")


def _is_metonym(
    text: str, tokens: list[Token], i: int, j: int, cands: list[Candidate], gaz: Gazetteer
) -> bool:
    """A capital standing for its government: "Kiev troops", "Kiev's forces", "...: Kiev".

    Such a mention says who acted, not where: geoparse uses it as context but does not
    report it as a place. Landmarks ("het Kremlin meldde", "in het Witte Huis") stay places.
    """
    if not any(c.id in gaz.capitals for c in cands):
        return False
    nxt = _NEXT_WORD_RE.match(text, tokens[j].end)  # read from the text: verbs are no tokens
    word = nxt.group(1).lower() if nxt is not None else ""
    if word in METONYM_NOUNS:
        return True
    if word in METONYM_VERBS:  # "officials in Kyiv said": there the capital is where they are
        return not _after_locative(text, tokens, i)
    # a headline's source after a colon or dash at the end of its line: "...killed: Kiev"
    before = text[max(0, tokens[i].start - 2) : tokens[i].start]
    after = text[tokens[j].end : tokens[j].end + 2]
    at_end = after == "" or after[0] == "\n" or after.strip() == ""
    return before in (": ", "- ") and at_end


def _mark_region(text: str, tokens: list[Token], i: int, j: int, m: Mention) -> str | None:
    """ "provincie X", "X Oblast", "region of X": the region named after city X.

    Returns the region word that made it so (None when there is none).
    """
    prev = tokens[i - 1] if i >= 1 else None
    if prev is not None and prev.low in REGION_WORDS and _adjacent(text, prev, tokens[i]):
        m.region_of = True
        return prev.low
    if (
        prev is not None
        and prev.low == "of"
        and i >= 2
        and tokens[i - 2].low in REGION_WORDS
        and _adjacent(text, prev, tokens[i])
        and _adjacent(text, tokens[i - 2], prev)
    ):
        m.region_of = True
        return tokens[i - 2].low
    if (
        j + 1 < len(tokens)
        and tokens[j + 1].low in REGION_WORDS
        and _adjacent(text, tokens[j], tokens[j + 1])
    ):
        m.region_of = True
        return tokens[j + 1].low
    return None


_CONTAINER_RE = re.compile(r" (?:of|in) (?:the )?[A-Z][^\W\d_]*(?:[ -][A-Z][^\W\d_]*)?(?: (\w+))?")


def _names_container(text: str, end: int) -> bool:
    """A district followed by "of/in (the) <Name>": a town holds it ("the Kirovsky district
    of Donetsk"). Not when <Name> is a region ("Bakhmut district of the Donetsk region"):
    then the district's town is the more precise place."""
    m = _CONTAINER_RE.match(text, end)
    return m is not None and (m.group(1) or "").lower() not in REGION_WORDS


def _demonym(text: str, tokens: list[Token], i: int, gaz: Gazetteer):
    """(country code, last token, followed by an institution) for "Duitse", "American", ..."""
    key = tokens[i].low
    cc = gaz.demonyms.get(key)
    if cc is None and key.endswith("s"):
        cc = gaz.demonyms.get(key[:-1])  # "Canadians", "Syrians"
    if cc is None:
        return None
    j = i
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    institution = nxt is not None and _adjacent(text, tokens[i], nxt) and nxt.low in INSTITUTIONS
    if institution:
        j = i + 1
    return cc, j, institution


def _state_abbreviation(text: str, t: Token, gaz: Gazetteer) -> int | None:
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


def _compound_parts(text: str, t: Token, gaz: Gazetteer) -> list[Mention]:
    """Places and nationality adjectives inside a capitalised compound ("Egyptian-US")."""
    out = []
    pos = t.start
    for part in t.text.split("-"):
        key = name_key(part)
        cc = gaz.demonyms.get(key)
        if cc is not None and cc in gaz.country:
            out.append(Mention(pos, pos + len(part), part, [Candidate(gaz.country[cc], True)], demonym=cc))
        elif len(part) > 1 and key not in gaz.stopwords:
            cands = gaz.lookup(part)
            party = len(t.text.split("-")[0]) == 1  # "D-Charleston": a legislator's home
            if cands and (party or any(gaz.kind_codes[c.id] in "Cr" or gaz.prior[c.id] > 4.5 for c in cands)):
                out.append(Mention(pos, pos + len(part), part, cands))
        pos += len(part) + 1
    return out


DATELINE_AFTER = (",", " (", " -", " —", " –", ":")


def _is_dateline(text: str, t: Token) -> bool:
    """An all-capital place name opening a news report: "PARIS, Texas -", "KYIV (Reuters) -"."""
    return text.startswith(DATELINE_AFTER, t.end)
