"""Reporting clauses: which dates of a sentence date the report rather than the reported event.

"A man was shot dead in Manchester on Friday, police said on Saturday": Saturday is when
the police spoke; the event is Friday's. A date belongs to a reporting clause when

* it follows a reporting verb with nothing between but a preposition or a filler ("said on
  Saturday", "said in a statement on Saturday", "meldde op zaterdag"), or a short subject
  (at most `reporting_subject_words` words: "meldde de politie zaterdag", "said police on
  Saturday") when the date then ends its clause (or only the verb's particle follows:
  "teilte das Ministerium am Mittwoch mit");
* or it opens the sentence (after at most a short subject) right before a reporting verb:
  "On Saturday, police said ...", "Police on Saturday said ...", "Zaterdag meldde de politie".

The words (reporting verbs, fillers, date prepositions) are in each language's date table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from eventmap.text.dates.find import DateMention
from eventmap.text.dates.patterns import alt, word_start_alt
from eventmap.text.dates.vocab import Vocab, load_vocab

_TOKEN = re.compile(r"[\w'’.-]+|[^\w\s]")
_CLAUSE_END = frozenset(",.;:!?)—–")


@dataclass(frozen=True, slots=True)
class _Words:
    verbs: re.Pattern[str]
    fillers: re.Pattern[str]
    prepositions: frozenset[str]
    complementisers: frozenset[str]
    subject_words: int
    particles: frozenset[str]  # the last words of the verbs' phrases: "mit" of "teilte ... mit"


@cache
def _words(lang: str) -> _Words:
    v: Vocab = load_vocab(lang)
    return _Words(
        re.compile(rf"{word_start_alt(v.reporting_verbs)}(?!\w)"),
        re.compile(rf"\s*{alt(v.reporting_fillers)}(?!\w)"),
        frozenset(v.date_prepositions),
        frozenset(v.clause_breaks[:1]),  # "said on Friday that ...": the complement starts
        v.reporting_subject_words,
        frozenset(p.split()[-1] for p in v.reporting_verbs if " " in p),
    )


def reporting_dates(text: str, start: int, end: int, dates: Sequence[DateMention], lang: str) -> set[int]:
    """Offsets (`DateMention.start`) of the dates in text[start:end] that date a report."""
    if not dates:
        return set()
    w = _words(lang)
    lowered = text[start:end].lower()
    verbs = [(m.start() + start, m.end() + start) for m in w.verbs.finditer(lowered)]
    if not verbs:
        return set()
    out = set()
    for d in dates:
        if any(_after_verb(text, vend, d, w, end) for _, vend in verbs if vend <= d.start) or any(
            _before_verb(text, start, d, vstart, w) for vstart, _ in verbs if vstart >= d.end
        ):
            out.add(d.start)
    return out


def _after_verb(text: str, verb_end: int, d: DateMention, w: _Words, end: int) -> bool:
    """'said on Saturday', 'said in a statement on Saturday', 'meldde de politie zaterdag'."""
    gap = text[verb_end : d.start]
    filler = w.fillers.match(gap.lower())
    if filler:
        gap = gap[filler.end() :]
    tokens = _TOKEN.findall(gap)
    while tokens and tokens[-1].lower() in w.prepositions:
        tokens.pop()
    if not tokens:
        return True
    if len(tokens) > w.subject_words or any(not t[0].isalnum() for t in tokens):
        return False
    filler = w.fillers.match(" ".join(tokens[1:]).lower()) if len(tokens) > 1 else None
    return _clause_final(text, d.end, end, w) or bool(filler)


def _clause_final(text: str, pos: int, end: int, w: _Words) -> bool:
    rest = text[pos:end].lstrip()
    if not rest or rest[0] in _CLAUSE_END:
        return True
    first = _TOKEN.match(rest)
    if not first:
        return False
    word = first.group(0).lower()
    if (
        word.rstrip(".") in w.particles
    ):  # "teilte das Ministerium am Mittwoch mit.": the verb's particle closes it
        after = rest[first.end() :].lstrip()
        return not after or after[0] in _CLAUSE_END
    return word in w.complementisers


def _before_verb(text: str, sent_start: int, d: DateMention, verb_start: int, w: _Words) -> bool:
    """'On Saturday, police said ...', 'Police on Saturday said', 'Zaterdag meldde de politie'."""
    head = _TOKEN.findall(text[sent_start : d.start])
    while head and head[-1].lower() in w.prepositions:
        head.pop()
    if len(head) > w.subject_words or any(not t[0].isalnum() for t in head):
        return False
    gap = _TOKEN.findall(text[d.end : verb_start])
    if gap[:1] == [","]:
        gap = gap[1:]  # "On Saturday, police said": the date's own comma
    return len(gap) <= w.subject_words and all(t[0].isalnum() for t in gap)
