"""Not-a-place filters: people, common words, acronyms, capitals standing for their government.

- people: a name after a title ("president", "Mr.") or a first name ("Kristen Michal",
  "Xi Jinping") is a person's, and so is a capitalised pair whose second word the article
  also uses alone ("Vladimir Poetin" + "Poetin"); such surnames are never places anywhere in
  the document, and the first name before them is not one either;
- common words: the not-a-place lists (geo/data/notplace_*.tsv), a one-word alternate name of
  a place under 50,000 people ("Force" is an alternate name of Forcé), any sentence-initial
  word that the article also writes in lowercase ("hop") or that only names small places
  ("Dan", "Na", "Net", "Maar"), and acronyms in capitals ("NATO") unless they open a
  dateline ("PARIS, Texas -");
- metonyms: a capital followed by "troops"/"says" is its government, not where things happened.
"""

from __future__ import annotations

import re

from geo.gazetteer import SLAVIC_COUNTRIES, Candidate, Gazetteer
from geo.lexicon import load
from geo.names import looks_slavic, name_key
from geo.spans import SLAVIC_MIN_LEN, after_locative, is_dateline
from geo.tokens import Token, adjacent

_WORDS = load()
TITLES = _WORDS["title"]
FIRST_NAMES = _WORDS["first_name"]
# after a capital these make it the government, not the place: "Kiev troops shell", "Kiev's
# forces", "Kiev says", "Den Haag meldt" (metonymy; the event did not happen in the capital)
METONYM_NOUNS = _WORDS["metonym_noun"]
# ... and these too, unless the capital follows "in"/"at"/...: "officials in Kyiv said"
METONYM_VERBS = _WORDS["metonym_verb"]
ALT_ONLY_MIN_POP = 50_000  # a one-word alternate name must belong to a place this big


def people_in(text: str, tokens: list[Token], gaz: Gazetteer) -> set[str]:
    """Keys of capitalised words the document uses as (sur)names of people."""
    solo: set[str] = set()
    pairs: list[tuple[Token, Token]] = []
    for k, t in enumerate(tokens):
        if not t.cap:
            continue
        prev = tokens[k - 1] if k else None
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        adj_prev = prev is not None and adjacent(text, prev, t)
        prev_cap = adj_prev and prev.cap
        next_cap = nxt is not None and nxt.cap and adjacent(text, t, nxt)
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
        if gaz.has(name_key(f"{a.text} {b.text}")) or is_strong_place(gaz, kb) or b.shout:
            continue
        if ka in TITLES or ka in FIRST_NAMES:
            people.add(kb)  # "president Poetin", "Xi Jinping", "Jong Un"
        elif kb in solo and (ka in FIRST_NAMES or (not gaz.has(kb) and not a.sent_start)):
            people.add(kb)  # "Vladimir Poetin" + "Poetin" alone; "Kristen Michal" + "Michal"
    return people


def is_strong_place(gaz: Gazetteer, key: str) -> bool:
    """A country, sea or other curated place: never mistaken for a surname."""
    for c in gaz.lookup(key):
        if c.exact and gaz.kind_codes[c.id] in "Csal":
            return True
    return False


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
) -> bool:
    """Why a one-word match is not a place: stopword, person, or sentence-initial common word."""
    t = tokens[i]
    strong = any(c.exact and gaz.kind_codes[c.id] in "Csal" for c in cands) or any(
        gaz.kind_codes[c.id] in "Csal" for c in cands if gaz.prior[c.id] > 5
    )
    base = key[:-2] if key.endswith("'s") else key
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    next_cap = nxt is not None and nxt.cap and adjacent(text, t, nxt)
    if base in stop and not strong and (base not in FIRST_NAMES or next_cap):
        return True  # a common word, or a first name before a surname ("Joe Biden")
    if base in people:
        return True
    if (
        not any(c.exact for c in cands)
        and max(gaz.pop[c.id] for c in cands) < ALT_ONLY_MIN_POP
        and not (
            len(t.text) >= SLAVIC_MIN_LEN
            and not t.shout
            and (after_locative(text, tokens, i) or slavic_spelling(key, cands, gaz))
        )
    ):
        # only a small town's alternate name: "Force" (Forcé), "Due" (Douai); but "near
        # Svitlodarsk" (Svetlodarsk's other spelling) is a place the text points at, and so
        # is "Yasinovataya" (Yasynuvata): Cyrillic names reach the news in many spellings
        return True
    acronym_len = 3 if t.shout else 5  # in a line of capitals "KIEV" is a word, not an acronym
    if not strong and (
        len(t.text) <= 2 or (t.text.isupper() and len(t.text) <= acronym_len and not is_dateline(text, t))
    ):
        return True  # acronyms and codes: "NATO", "RSF", "Un"
    if i > 0 and adjacent(text, tokens[i - 1], t) and tokens[i - 1].low.rstrip(".") in TITLES:
        return True
    if next_cap and nxt.low in people and not strong:
        return True  # first name of a person ("Vladimir Poetin")
    if t.sent_start and not strong:
        if t.text.lower() in lower:
            return True
        # < ~30,000 people: likely a word ("IN THE AREA" is no place even after "IN")
        if max(gaz.prior[c.id] for c in cands) < (
            3.5 if t.shout and after_locative(text, tokens, i) else 4.5
        ):
            return True
    return False


def slavic_spelling(key: str, cands: list[Candidate], gaz: Gazetteer) -> bool:
    """A Slavic-looking word naming a place of a Cyrillic-script country."""
    return looks_slavic(key) and any(gaz.cc[c.id] in SLAVIC_COUNTRIES for c in cands)


_NEXT_WORD_RE = re.compile(r"(?:['’]s?)? {1,2}([^\W\d_]+)")


def is_metonym(
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
        return not after_locative(text, tokens, i)
    # a headline's source after a colon or dash at the end of its line: "...killed: Kiev"
    before = text[max(0, tokens[i].start - 2) : tokens[i].start]
    after = text[tokens[j].end : tokens[j].end + 2]
    at_end = after == "" or after[0] == "\n" or after.strip() == ""
    return before in (": ", "- ") and at_end
