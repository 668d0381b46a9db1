"""Regex sentence splitting that keeps character offsets into the original text.

Lines are paragraphs in news text (headlines have no full stop), so a newline always ends
a sentence. Inside a line a sentence ends at . ! ? (plus closing quotes/brackets) followed
by whitespace and a capital, digit or opening quote, unless the full stop belongs to an
abbreviation ("dr.", "Mr.", "o.a.", "U.S.", "Feb."), an initial ("J. Biden") or a number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ABBREVIATIONS: frozenset[str] = frozenset(
    """
mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt cmdr adm gov sen rep rev pres
inc ltd co corp bros dept est approx vs etc no nos vol fig ca cf
jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
u.s u.k u.n e.u a.m p.m e.g i.e
dhr mevr mw ir ing drs mr mgr jl a.s o.a m.a.w d.w.z bijv bv e.a e.d enz resp ca nl incl excl
min max blz pag nr tel jhr
""".split()
)

# Only the start of a run of stops may begin a match, and a run is taken whole (possessive):
# "......" (tables of contents, ASCII art) stays linear instead of quadratic.
_BOUNDARY = re.compile(r"""(?<![.!?…])[.!?…]++["'’”)\]]*+(?=\s+["'‘“(\[]?[A-Z0-9À-ÖØ-Þ])""")
_LINE = re.compile(r"[^\n]+")
_TRAILING_WORD = re.compile(r"(\S+)$")


@dataclass(frozen=True, slots=True)
class Sentence:
    """text == document[start:end]; `line_end` says it closes its line (a paragraph)."""

    start: int
    end: int
    text: str
    line_end: bool
    line_start: bool


def _is_abbreviation(before: str) -> bool:
    m = _TRAILING_WORD.search(before)
    if not m:
        return False
    raw = m.group(1).lstrip("(\"'‘“")
    if len(raw) >= 2 and raw.isalpha() and raw.isupper():
        return False  # an acronym ending a sentence: "de VS.", "the EU."
    word = raw.lower()
    if word in ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "J. Biden"
    return bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", word))  # "u.s", "o.a", "d.w.z"


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Sentences of text[start:end], whitespace-trimmed, with offsets into `text`."""
    end = len(text) if end is None else end
    out: list[Sentence] = []
    for line in _LINE.finditer(text, start, end):
        cursor = line.start()
        first = True
        for b in _BOUNDARY.finditer(text, line.start(), line.end()):
            if text[b.start()] == "." and _is_abbreviation(text[cursor : b.start()]):
                continue
            _add(out, text, cursor, b.end(), False, first)
            first = False
            cursor = b.end()
        _add(out, text, cursor, line.end(), True, first)
    return out


def _add(out: list[Sentence], text: str, start: int, end: int, line_end: bool, line_start: bool) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end], line_end, line_start))


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
