"""Words of running text for geoparse: one regex split, capitalised words and the few others rules need."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate, compress, count, islice

from geo.lexicon import load, name_tails

TOKEN_RE = re.compile(r"(?:[A-Z][a-z]?\.){2,}|[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W\d_]+)*")
# the same words, for split (the group keeps them); possessive and behind a one-letter
# lookahead, which scans faster (the parts after a word are optional: nothing to backtrack)
_TOKEN_SPLIT_RE = re.compile(
    r"((?=[^\W\d_])(?:(?:[A-Z][a-z]?\.){2,}"
    r"|[^\W\d_]++(?:['’][^\W\d_]++)*+(?:-[^\W\d_]++)*+))"
)
# `[^\W\d_]` asks the Unicode database for every character; the same class written out as
# ranges is a bitmap test, twice as fast. It is built (with the very predicate of re) for the
# blocks news text uses: Latin, Greek, Cyrillic, punctuation and symbols, emoji. A text with
# any character outside them (CJK, Arabic, ...) takes the general pattern: the words are the same.
_COVERED = (
    (0x0000, 0x052F),
    (0x1E00, 0x1FFF),
    (0x2000, 0x2BFF),
    (0xFE00, 0xFFFF),
    (0x1F000, 0x1FAFF),
)


def _letter_ranges(lo: int, hi: int) -> list[tuple[int, int]]:
    """The runs of code points in lo..hi that are letters to re (asked of re itself)."""
    chars = "".join(map(chr, range(lo, hi + 1)))
    return [(lo + m.start(), lo + m.end() - 1) for m in re.finditer(r"[^\W\d_]+", chars)]


def _char_class(ranges) -> str:
    return "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges
    )


_LETTERS = "[" + _char_class(r for lo, hi in _COVERED for r in _letter_ranges(lo, hi)) + "]"
# here the word opens with its first letter, not a look-ahead: a pattern that starts with a
# character class lets re skip spaces and punctuation in C (the split is the same). Its first
# branch is the usual word, letters followed by no apostrophe, hyphen or dot: that word is
# what the other branches would take (an abbreviation "U.S." needs the dot), and re is spared
# their lookbehind and the setup of their repeated groups (tests/geo/test_geo_memo.py)
_FAST_SPLIT_RE = re.compile(
    rf"({_LETTERS}(?:{_LETTERS}*+(?![-'’.])"
    rf"|(?<=[A-Z])[a-z]?\.(?:[A-Z][a-z]?\.)+|{_LETTERS}*+(?:['’]{_LETTERS}++)*+(?:-{_LETTERS}++)*+))"
)
_UNCOVERED_RE = re.compile("[^" + _char_class(_COVERED) + "]")
SENTENCE_END = set(".!?:;\n\"“”‘’'«»—–•*#(")
_WORDS = load()
# lowercase words some rule looks at: they become tokens, other lowercase words do not
SPECIAL_WORDS = (
    frozenset(
        w
        for role in (
            "connector",
            "region_word",
            "title",
            "institution",
            "locative",
            "particle",
            "water_before",
            "water_after",
            "terrain_before",
            "terrain_after",
            "region_of",
            "region_title",
            "team_after",
        )
        for entry in _WORDS[role]
        for w in entry.split()
    )
    | name_tails()
)  # "дім" of "Білий дім"
# French (and Italian) elided words before a name: "d'Odessa", "l'Ukraine", "L'Estonie"
ELIDED = frozenset(_WORDS["elided"])
_APOSTROPHE_RE = re.compile(r"['’]")
ABBREVIATED = {"St", "Mt", "Ft", "Pt"}  # "St. Paul", "Mt. Pleasant", "Ft. Worth"


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    cap: bool
    sent_start: bool
    low: str  # the lookup key of the word alone (name_key of one token)
    shout: bool = False  # in a line written in capitals: every word looks like a name
    adj: bool = False  # adjacent(text, self, the next token): set once by tokenize


def tokenize(text: str) -> tuple[list[Token], set[str]]:
    """The tokens that matter, and every lowercase word of the text.

    Tokens are the capitalised words plus the lowercase words some rule looks at (connectors,
    "provincie", titles, institutions, "in"/"near"); other lowercase words are only collected
    in the set (for the "also written in lowercase" rule). Skipping them keeps geoparse fast;
    rules that look at neighbours check that the neighbour is adjacent in the text.
    """
    # one C-level split gives every word and the gaps between them; only the words some rule needs become Token objects. A letter
    # the fast pattern does not cover can only be in a gap: the gaps are checked, not the text
    pieces = _FAST_SPLIT_RE.split(text)
    if not text.isascii() and _UNCOVERED_RE.search("".join(pieces[0::2])):
        pieces = _TOKEN_SPLIT_RE.split(text)
    words = pieces[1::2]
    # what each word is (skipped: None; else its code and lookup key: _word_code) is memoised
    # per word and read by C loops (map, compress): a Python loop over every word of the text
    # costs more than the rest of the tokenizer
    distinct = set(words)
    codes = _CODES
    if len(codes) >= CODE_MEMO_SIZE:
        codes.clear()
    for word in distinct.difference(codes):
        codes[word] = _word_code(word)
    word_codes = list(map(codes.__getitem__, words))
    capitalised: list[str] = []
    shouts = 0  # words in capitals
    tokens: list[Token] = []
    append = tokens.append
    # the gap before a word says whether it opens a sentence and whether two tokens are
    # adjacent (gaps repeat: " ", ", ", ". " are memoised)
    gap_start = _GAP_START
    new = object.__new__
    prev: Token | None = None
    prev_k = -2  # word index of `prev` when it ends where its word ends
    # (word index, word, where it starts, the gap before it, its code and key) of the words
    # that become tokens, picked in C: the starts are running sums of the pieces' lengths
    starts = islice(accumulate(map(len, pieces)), 0, None, 2)
    for k, word, s, gap, (code, low) in compress(
        zip(count(), words, starts, pieces[0::2], word_codes), word_codes
    ):
        # Token(...) written out: a class with a Python __init__ costs a nested interpreter
        # call per object (CPython 3.11), object.__new__ and the slots' own stores do not
        tok = new(Token)
        tok.start = s
        tok.end = s + len(word)
        tok.text = word
        tok.low = low
        tok.shout = tok.adj = False
        if code == _LOWER:
            tok.cap = tok.sent_start = False
        elif code <= _CAP_SHOUT:  # _CAP or _CAP_SHOUT
            capitalised.append(word)
            if code == _CAP_SHOUT:
                shouts += 1
            v = gap_start.get(gap)  # _opens_sentence, inlined: once per capitalised word
            if v is None:
                v = _gap_code(gap)
            tok.cap = True
            tok.sent_start = v == 1 if v >= 0 else k == 0 or words[k - 1][-1] in SENTENCE_END
        else:  # an elision: "d'Odessa", "L'Estonie"
            if code == _CAP_ELISION:
                capitalised.append(word)
            head, rest = _APOSTROPHE_RE.split(word, maxsplit=1)
            if head.lower() in SPECIAL_WORDS:
                tok = Token(s, s + len(head), head, False, False, head.lower())
                if prev_k == k - 1 and _joins(gap, prev):
                    prev.adj = True
                append(tok)
            r = s + len(head) + 1
            if len(rest) > 1 and rest.isupper():
                shouts += 1
            tok = Token(r, r + len(rest), rest, True, _opens_sentence(gap, gap_start, words, k), rest.lower())
            append(tok)
            prev, prev_k = tok, k  # the gap before it holds the elided word: never adjacent
            continue
        if prev_k == k - 1 and (gap == " " or gap == "  " or (gap == ". " and prev.text in ABBREVIATED)):
            prev.adj = True  # rules ask for each word whether the next one is adjacent
        append(tok)
        prev, prev_k = tok, k
    lower = distinct.difference(capitalised)
    if any(h in text for h in _ARTICLE_HINTS):
        _join_name_articles(text, tokens)
    if shouts >= 3:  # fewer words in capitals make no line of them
        mark_shouting(text, tokens)
    return tokens, lower


# what a word of the text becomes: nothing (a lowercase word no rule reads), a lowercase
# token, a capitalised token (in capitals: "KYIV"), or an elided article or preposition and
# a name ("d'Odessa"); the memo holds None for nothing, else (code, the token's `low`)
_LOWER, _CAP, _CAP_SHOUT, _LOWER_ELISION, _CAP_ELISION = 1, 2, 3, 4, 5
_CODES: dict[str, tuple[int, str] | None] = {}
CODE_MEMO_SIZE = 200_000


NAME_PREFIXES = frozenset(_WORDS["name_prefix"])


def _word_code(word: str) -> tuple[int, str] | None:
    """None for a word no rule reads, else (what it is, its lookup key: `Token.low`)."""
    code = _kind(word)
    if code is None:
        return None
    low = word.lower()
    if code != _LOWER and "’" in low:
        low = low.replace("’", "'")
    return code, low


def _kind(word: str) -> int | None:
    cap = word[0].isupper()
    if not cap and "-" in word:  # "al-Balah" in "Deir al-Balah": a word of the name
        head, _, rest = word.partition("-")
        if rest[:1].isupper() and head in NAME_PREFIXES:
            return _CAP
    if ("'" in word or "’" in word) and _elision(word):
        return _CAP_ELISION if cap else _LOWER_ELISION
    if cap:
        return _CAP_SHOUT if len(word) > 1 and word.isupper() else _CAP
    return _LOWER if word.lower() in SPECIAL_WORDS else None


_BLANK = " \t\r\u00a0"
_GAP_START: dict[str, int] = {}
GAP_MEMO_SIZE = 10_000


def _opens_sentence(gap: str, memo: dict[str, int], words: list[str], k: int) -> bool:
    """Word k opens a sentence: the last character before it that is no blank is a sentence
    end (or there is none). The gap before it says so (memoised per gap); a gap of blanks only
    leaves it to the previous word's last character ("U.S. Army")."""
    v = memo.get(gap)
    if v is None:
        v = _gap_code(gap)
    if v >= 0:
        return v == 1
    return k == 0 or words[k - 1][-1] in SENTENCE_END


def _gap_code(gap: str) -> int:
    """1: the gap ends a sentence, 0: it does not, -1: blanks only (memoised in _GAP_START)."""
    if len(_GAP_START) >= GAP_MEMO_SIZE:
        _GAP_START.clear()
    seen = gap.rstrip(_BLANK)
    v = _GAP_START[gap] = (1 if seen[-1] in SENTENCE_END else 0) if seen else -1
    return v


def _joins(gap: str, a: Token) -> bool:
    return gap == " " or gap == "  " or (gap == ". " and a.text in ABBREVIATED)


def _elision(word: str) -> bool:
    """'d'Odessa', "L'Ukraine": an elided article or preposition, then a capitalised name."""
    head, rest = _APOSTROPHE_RE.split(word, maxsplit=1)
    return head.lower() in ELIDED and rest[:1].isupper() and len(rest) > 1


# "'s-Hertogenbosch", "'t Zandt": an apostrophe article joined to a capitalised name (cues_nl.tsv
# role name_article); the split sees "s-Hertogenbosch" (not capitalised) or "t" and "Zandt"
_ARTICLES = sorted({a.lstrip("'’") for a in _WORDS["name_article"]}, key=len, reverse=True)
# what such a name holds ("'s-", "’t "): a text without any of them is not searched
_ARTICLE_HINTS = tuple(q + a + sep for q in "'’" for a in _ARTICLES for sep in "- ")
_NAME_ARTICLE_RE = re.compile(
    r"['’](?:" + "|".join(map(re.escape, _ARTICLES) or ["(?!)"]) + r")[- ]"
    r"[^\W\d_a-zß-ÿ][^\W\d_]*(?:-[^\W\d_]+)*"
)


def _join_name_articles(text: str, tokens: list[Token]) -> None:
    """Make "'s-Hertogenbosch" and "'t Zandt" one capitalised token each (in place)."""
    for m in _NAME_ARTICLE_RE.finditer(text):
        s, e = m.span()
        if s and (text[s - 1].isalpha() or text[s - 1].isdigit()):
            continue  # "don't Go": an apostrophe inside a word
        word = m.group()
        keep = [t for t in tokens if t.end <= s or t.start >= e]
        k = next((n for n, t in enumerate(keep) if t.start >= e), len(keep))
        tok = Token(s, e, word, True, _opens_at(text, s), word.replace("’", "'").lower())
        tok.adj = k < len(keep) and adjacent(text, tok, keep[k])
        if k > 0 and adjacent(text, keep[k - 1], tok):
            keep[k - 1].adj = True
        keep.insert(k, tok)
        tokens[:] = keep


def _opens_at(text: str, s: int) -> bool:
    seen = text[:s].rstrip(_BLANK)
    return not seen or seen[-1] in SENTENCE_END


_LOWER_RE = re.compile(r"[a-zß-öø-ÿ]")
_UPPER_RE = re.compile(r"[A-ZÀ-ÖØ-Þ]")


def mark_shouting(text: str, tokens: list[Token]) -> None:
    """Tokens of lines in capitals ("KILLED IN THE AREA OF THE CITY OF ZAPOROZHYE").

    There capitalisation says nothing, so each word is judged like a sentence-initial one
    (geo.notplace.rejected_single): a common word or a small place's name is not taken.
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


def adjacent(text: str, a: Token, b: Token) -> bool:
    """Only plain spaces between two tokens (no punctuation, no line break); for a token and
    the next one, `a.adj` says the same."""
    gap = text[a.end : b.start]
    if gap == " " or gap == "  ":  # the usual case first (called for every pair of neighbours)
        return True
    return gap == ". " and a.text in ABBREVIATED
