"""Sentences with character offsets into the original text; hard-wrapped lines joined.

Lines are paragraphs in news text (headlines have no full stop), so a line end ends a
sentence, except in hard-wrapped text (wire copy, printed pages, e-mail: a break every
~70 characters): there a line that runs on into the next one (it ends without closing
punctuation and is nearly as long as the text's usual line, or the next line starts in
lowercase) is joined to it as if the break were a space. Blank lines, headlines (short
lines) and list items still end a paragraph. Inside a paragraph a sentence ends at . ! ?
(plus closing quotes/brackets) followed by whitespace and a capital, digit or opening
quote (Latin or Cyrillic), unless the full stop belongs to an abbreviation ("dr.", "Mr.",
"o.a.", "U.S.", "Feb."; the lists are in the languages' date tables), an initial ("J.
Biden"), a number, or an ordinal day or century before a month or century word ("am 18.
März", "im 19. Jahrhundert": German writes ordinals with a full stop).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

# Only the start of a run of stops may begin a match, and a run is taken whole (possessive):
# "......" (tables of contents, ASCII art) stays linear instead of quadratic.
# a run of terminators not preceded by one; the first is matched before the look-behind
# (`(?<![.!?…].)`) so that re searches for it in C instead of trying every position
_BOUNDARY = re.compile(r"""[.!?…](?<![.!?…].)[.!?…]*+["'’”»)\]]*+(?=\s+["'‘“«„(\[]?\w)""")
_NEXT_WORD = re.compile(r"""\s+["'‘“«„(\[]?(\w)""")
_NEXT_LETTERS = re.compile(r"\s+([^\W\d_]+)")
_ORDINAL = re.compile(r"(?<![\w.])(?:[12]?\d|3[01])$")  # "18" of "am 18. März"
_DOTTED = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")  # letters joined by full stops: "u.s", "o.a"
_LIST_ITEM = re.compile(r"\s*(?:[-*•–—·]\s|\d{1,3}[.)]\s|[a-z][.)]\s)")
_TERMINAL = (".", "!", "?", "…", ":", ";", '"', "”", "’", "'", "»", ")")
WRAP_MIN, WRAP_MAX = 45, 160  # a hard-wrapped text's usual line length lies in this range
WRAP_SHARE = 0.6  # a line this close to the usual line length runs on into the next


@cache
def _abbreviations(lang: str | None) -> frozenset[str]:
    """Abbreviations ending in a full stop: the language's (all languages' for None), with
    its month and weekday abbreviations."""
    from eventmap.text.dates.vocab import available_languages, load_vocab

    words: set[str] = set()
    for code in [lang] if lang else available_languages():
        v = load_vocab(code)
        longest: dict[int, int] = {}
        for form, month in v.month_of.items():
            longest[month] = max(longest.get(month, 0), len(form))
        # "Feb.", "Sept." are abbreviations; "June.", "mei." end a sentence ("... on 20 June. The")
        short = {m for m, month in v.month_of.items() if len(m) <= 4 and len(m) < longest[month]}
        words |= set(v.abbreviations) | short | set(v.weekday_abbr_of)
    if lang:
        words |= _abbreviations(None)  # a quote or a name from another language keeps its "Mr."
    return frozenset(w.rstrip(".") for w in words)


@cache
def _clock_ends(lang: str | None) -> tuple[frozenset[str], frozenset[str]]:
    """The clock's dotted a.m./p.m. forms, which may end a sentence ("at 5 p.m. The stay
    ..."), and the words that go on after them instead ("5 p.m. Tuesday", "p.m. EST")."""
    from eventmap.text.dates.vocab import available_languages, load_vocab

    ends: set[str] = set()
    goes_on: set[str] = set()
    for code in [lang] if lang else available_languages():
        v = load_vocab(code)
        forms = [f for f in (*v.clock.get("am", ()), *v.clock.get("pm", ())) if "." in f.rstrip(".")]
        if not forms:
            continue
        ends.update(f.lower().rstrip(".") for f in forms)
        goes_on.update(w.lower() for w in (*v.weekday_of, *v.weekday_abbr_of, *v.month_of))
        goes_on.update(z.lower().split()[0] for z in v.clock.get("zones", ()))
    return frozenset(ends), frozenset(goes_on)


def _ends_clock_time(before: str, text: str, after: int, lang: str | None) -> bool:
    """'... at 5 p.m. The stay lasts ...': a clock's a.m./p.m. ends the sentence when the next
    word is no weekday, month or time zone."""
    ends, goes_on = _clock_ends(lang)
    tail = before.rstrip("\n")
    word = tail[tail.rfind(" ") + 1 :].lower() if tail else ""
    if word not in ends or not tail[: -len(word)].rstrip()[-1:].isdigit():
        return False
    m = _NEXT_LETTERS.match(text, after)
    return m is not None and m.group(1).lower() not in goes_on


@cache
def _ordinal_heads() -> frozenset[str]:
    """Words an ordinal with a full stop stands before: every language's month and century
    words ("März", "Jahrhundert") and week words ("12. Kalenderwoche")."""
    from eventmap.text.dates.vocab import available_languages, load_vocab

    words: set[str] = set()
    for lang in available_languages():
        v = load_vocab(lang)
        if "." in v.ordinal_suffixes:
            words.update(v.month_of)
            words.update(v.century_words)
            words.update(v.week_number["after"])
    return frozenset(words)


def _is_ordinal(text: str, cursor: int, stop: int, after: int) -> bool:
    """'am 18. März', 'im 19. Jahrhundert': a German ordinal, not a sentence end."""
    before = text[stop - 1 : stop]
    if not (before.isdigit() or before == "\n"):
        return False  # the usual case: no number before the full stop (_ORDINAL needs one)
    if not _ORDINAL.search(text, max(cursor, stop - 2), stop):  # two digits at most
        return False
    m = _NEXT_LETTERS.match(text, after)
    return m is not None and m.group(1).lower() in _ordinal_heads()


# Not frozen but hashable like a frozen one: a frozen dataclass's __init__ sets each field
# through object.__setattr__, several times slower for the many small records of a parse
# (sentences, judgements, dates, anchors); nothing assigns to one after it is built.
@dataclass(slots=True, unsafe_hash=True)
class Sentence:
    """text == document[start:end]; `line_end` says it closes its line (a paragraph)."""

    start: int
    end: int
    text: str
    line_end: bool
    line_start: bool


def _is_abbreviation(before: str, abbreviations: frozenset[str]) -> bool:
    tail = before[:-1] if before.endswith("\n") else before  # the word before the full stop
    if not tail or tail[-1].isspace():
        return False
    raw = tail.rsplit(None, 1)[-1].lstrip("(\"'‘“«")
    if len(raw) >= 2 and raw.isalpha() and raw.isupper():
        return False  # an acronym ending a sentence: "de VS.", "the EU."
    word = raw.lower()
    if word in abbreviations:
        return True
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "J. Biden"
    return _DOTTED.fullmatch(word) is not None  # "u.s", "o.a", "d.w.z"


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Physical lines (start, end) of text[start:end], blank ones included."""
    out = []
    a = start
    while a <= end:
        b = text.find("\n", a, end)
        if b < 0:
            b = end
        out.append((a, b))
        a = b + 1
    return out


def paragraphs(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Logical lines (start, end): physical lines, with hard-wrapped ones joined."""
    end = len(text) if end is None else end
    lines = [(a, b) for a, b in _lines(text, start, end)]
    lengths = sorted(len(text[a:b].rstrip()) for a, b in lines if text[a:b].strip())
    width = lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0
    runs_on = [
        len(text[a:b].rstrip()) >= WRAP_SHARE * width and not text[a:b].rstrip().endswith(_TERMINAL)
        for (a, b), (c, d) in zip(lines, lines[1:])
        if text[a:b].strip() and text[c:d].strip()
    ]
    wrapped = WRAP_MIN <= width <= WRAP_MAX and sum(runs_on) >= max(2, 0.5 * len(runs_on))
    out: list[list[int]] = []
    joinable = False
    for a, b in lines:
        line = text[a:b]
        if not line.strip():
            joinable = False
            continue
        if joinable and out and _runs_on(text[out[-1][0] : out[-1][1]], line, wrapped, width):
            out[-1][1] = b
        else:
            out.append([a, b])
        joinable = True
    return [(a, b) for a, b in out]


def _runs_on(previous: str, line: str, wrapped: bool, width: int) -> bool:
    """Does `line` continue the paragraph `previous` (a hard-wrapped break, not a new line)?"""
    last = previous.rstrip()
    if not last or last.endswith(_TERMINAL) or _LIST_ITEM.match(line):
        return False
    first = line.lstrip()[:1]
    if first.islower():
        return True
    tail = last[last.rfind("\n") + 1 :]  # the last physical line of the paragraph so far
    return wrapped and len(tail) >= WRAP_SHARE * width


def split_sentences(
    text: str, start: int = 0, end: int | None = None, lang: str | None = None
) -> list[Sentence]:
    """Sentences of text[start:end], whitespace-trimmed, with offsets into `text`."""
    end = len(text) if end is None else end
    abbreviations = _abbreviations(lang)
    out: list[Sentence] = []
    for line_start, line_end in paragraphs(text, start, end):
        cursor = line_start
        first = True
        for b in _BOUNDARY.finditer(text, line_start, line_end):
            nxt = _NEXT_WORD.match(text, b.end())
            if nxt is None or not (nxt.group(1).isupper() or nxt.group(1).isdigit()):
                continue  # "5 mln. euro": a lowercase word goes on
            if text[b.start()] == "." and (
                (
                    _is_abbreviation(text[cursor : b.start()], abbreviations)
                    and not _ends_clock_time(text[cursor : b.start()], text, b.end(), lang)
                )
                or _is_ordinal(text, cursor, b.start(), b.end())
            ):
                continue
            _add(out, text, cursor, b.end(), False, first)
            first = False
            cursor = b.end()
        _add(out, text, cursor, line_end, True, first)
    return out


def _add(out: list[Sentence], text: str, start: int, end: int, line_end: bool, line_start: bool) -> None:
    """Append text[start:end] trimmed of whitespace (str.strip's, in C: a run of blanks is
    not walked a character at a time), unless nothing is left."""
    chunk = text[start:end]
    body = chunk.strip()
    if body:
        start += len(chunk) - len(chunk.lstrip())
        out.append(Sentence(start, start + len(body), body, line_end, line_start))


def cut_spans(sentences: list[Sentence], text: str, spans: list[tuple[int, int]]) -> list[Sentence]:
    """Sentences with the given spans (a dateline, a byline) cut from their start; a
    sentence left empty is dropped. Offsets stay offsets into the text."""
    out = []
    for s in sentences:
        start = s.start
        for a, b in spans:
            if a <= start < b or (start <= a < s.end and not text[start:a].strip()):
                start = max(start, b)
        while start < s.end and text[start].isspace():
            start += 1
        if start >= s.end:
            continue
        out.append(s if start == s.start else Sentence(start, s.end, text[start : s.end], s.line_end, False))
    return out
