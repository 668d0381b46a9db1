"""What the rules read around a candidate: neighbouring words, tense cues, the temporal frame.

`Frame` is where the rules count from: the reference day (the document's day) and, as the
text is read in order, the story's focus (the last date it named). `Ctx` bundles one
candidate with its text and language. The cue tests here (future tense, quantity, date
context) read their words from the language's vocabulary table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from eventmap.text.dates.intervals import Norm
from eventmap.text.dates.patterns import word_start_alt
from eventmap.text.dates.vocab import Vocab, load_vocab

MODES: tuple[str, ...] = ("news", "narrative", "auto")
FUTURE_LOOKBACK = 80  # characters before a mention searched for a future cue (same sentence)
FOCUS_SAME_SENTENCE = 250  # "two days later" counts from a date at most this far back in news
FOCUS_PARAGRAPH = 400  # "later in the year" from a date at most this far back in its paragraph


@dataclass(slots=True)
class Frame:
    """The reference day, the mode, and the story's focus (updated as the text is read)."""

    ref: date | None
    mode: str = "news"
    focus: Norm | None = None
    focus_end: int = -1  # offset where the focus expression ended
    focus_year: int | None = None  # the last year the text named (narrative mode)
    year_here: tuple[int, int] | None = None  # (year, end offset) of a year just read: "vorig jaar| oktober"


@dataclass(frozen=True, slots=True)
class Cues:
    """A language's clause cues as compiled regexes (lowercase text)."""

    future: re.Pattern[str]
    reporting: re.Pattern[str]
    clause_end: re.Pattern[str]
    past: re.Pattern[str] | None  # a finite past form ("was", "werd", "war", "était")


def _ending(suffixes: tuple[str, ...]) -> str:
    """A regex branch for words of at least two letters more than one of `suffixes`."""
    return rf"|(?<!\w)\w\w+(?:{'|'.join(map(re.escape, suffixes))})(?!\w)" if suffixes else ""


@cache
def _writer_future(lang: str) -> re.Pattern[str] | None:
    v = load_vocab(lang)
    return re.compile(rf"{word_start_alt(v.writer_future_cues)}(?!\w)") if v.writer_future_cues else None


def writer_future(ctx: Ctx, start: int) -> bool:
    """Does the sentence look ahead from the writer's own day ("A state funeral will be held
    ... on January 9" closing a life's story)? Only the present's future ("will", "zal"), not
    a history's "would": the table's `writer_future_cues`, before the mention in its sentence."""
    rx = _writer_future(ctx.vocab.lang)
    if rx is None:
        return False
    before = ctx.lowered[max(0, start - FUTURE_LOOKBACK) : start]
    cut = max(before.rfind(". "), before.rfind("\n"), before.rfind("? "), before.rfind("! "))
    return rx.search(before, cut + 1) is not None


@cache
def cues(lang: str) -> Cues:
    v = load_vocab(lang)
    return Cues(
        re.compile(rf"{word_start_alt(v.future_cues)}(?!\w){_ending(v.future_suffixes)}"),
        re.compile(rf"{word_start_alt(v.reporting_verbs)}(?!\w)"),
        re.compile(rf"[,.;:!?]|{word_start_alt(v.clause_breaks)}(?!\w)"),
        re.compile(rf"{word_start_alt(v.past_cues)}(?!\w)") if v.past_cues else None,
    )


@dataclass(slots=True)
class Ctx:
    """One candidate: the original text, its lowercased copy, the match, vocabulary, frame."""

    text: str
    lowered: str
    match: re.Match[str]
    vocab: Vocab
    frame: Frame
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def ref(self) -> date | None:
        return self.frame.ref

    def group(self, name: str) -> str | None:
        """A named group (lowercased), None when it did not take part."""
        if name not in self.match.re.groupindex:
            return None
        return self.match.group(name)

    def capitalised(self, name: str) -> bool:
        """Is the group written with a capital letter in the original text?"""
        start = self.match.start(name)
        return start >= 0 and self.text[start].isupper()


_PREV = re.compile(r"(\S+)\s*$")
_NEXT = re.compile(r"\s*(\S+)")


def prev_word(text: str, start: int) -> str:
    m = _PREV.search(text[max(0, start - 30) : start])
    return m.group(1).lower().strip("(\"'‘“,") if m else ""


def prev_words(text: str, start: int, n: int = 3) -> list[str]:
    """Up to n words before `start`, nearest last, lowercased and stripped of punctuation."""
    words = text[max(0, start - 60) : start].lower().split()[-n:]
    return [w.strip("(\"'‘“,;:") for w in words]


def follows(ctx: Ctx, words: frozenset[str]) -> bool:
    """Does the expression follow one of `words`, of one to three words ("until April", "bis
    zum 4. April", "sinds januari", "tot en met vrijdag")?"""
    before = prev_words(ctx.text, ctx.match.start(), 3)
    return bool(before) and any(" ".join(before[k:]) in words for k in range(len(before)))


def next_word(text: str, end: int) -> str:
    m = _NEXT.match(text[end : end + 40])
    return m.group(1).lower().strip(".,;:!?)\"'’”") if m else ""


def future_context(ctx: Ctx, start: int, end: int) -> bool:
    """Does the clause around a mention speak of the future?

    A future cue ("will", "zal") shortly before the mention counts unless a reporting verb
    ("said", "zei") stands between them; one right after counts when no clause boundary
    intervenes ("Vrijdag zal Trump ...", "dat Trump vrijdag zal komen", but not "announced
    Friday that it will ..." nor "said on Wednesday he would ..."); the comma after a day that
    opens its sentence is none ("Samedi, une marche aura lieu").
    """
    c = cues(ctx.vocab.lang)
    lowered = ctx.lowered
    lo = max(0, start - FUTURE_LOOKBACK)
    before = lowered[lo:start]
    cut = max(before.rfind(". "), before.rfind("\n"), before.rfind("? "), before.rfind("! "))
    if cut >= 0:
        before = before[cut + 1 :]
    found = list(c.future.finditer(before))
    if found:
        return not c.reporting.search(before, found[-1].end())
    words = before.split()
    if words and words[-1] in ctx.vocab.date_preposition_set:
        words.pop()
    if words and c.reporting.fullmatch(words[-1]):
        return False  # the day of a reporting clause: "said on Wednesday he would not ..."
    tail = lowered[end : end + 25]
    if not words and tail[:1] == ",":  # "Samedi, une marche aura lieu": the day opens its clause
        tail = lowered[end + 1 : end + 41]
    after = c.clause_end.split(tail, maxsplit=1)[0]
    return bool(c.future.search(after))


def _clause(ctx: Ctx, start: int, end: int) -> tuple[str, str]:
    """The words of a mention's clause before and after it (up to a punctuation mark or a
    clause word: "dat", "that"), lowercased."""
    c = cues(ctx.vocab.lang)
    lowered = ctx.lowered
    before = lowered[max(0, start - FUTURE_LOOKBACK) : start]
    ends = list(c.clause_end.finditer(before))
    if ends:
        before = before[ends[-1].end() :]
    after = c.clause_end.split(lowered[end : end + FUTURE_LOOKBACK], maxsplit=1)[0]
    return before, after


def past_context(ctx: Ctx, start: int, end: int) -> bool:
    """Is the mention's clause told in the past tense ("Tot en met vrijdag was de weg dicht",
    "The road was closed until Friday")? A finite past form of the table's `past_cues` in
    its clause, and no future cue."""
    c = cues(ctx.vocab.lang)
    if c.past is None:
        return False
    before, after = _clause(ctx, start, end)
    return bool(c.past.search(before) or c.past.search(after)) and not (
        c.future.search(before) or c.future.search(after)
    )


def scheduled(ctx: Ctx, start: int, end: int) -> bool:
    """'De verkiezingen zijn op 12 december.', 'The vote is on the 24th.': a date right after a
    copula in the present tense (`present_tense.copulas`, a date preposition between them),
    closing its clause (no participle follows: "is op 12 december gebeurd" is a perfect), is
    what is scheduled: the coming one."""
    v = ctx.vocab
    lowered = ctx.lowered
    tail = lowered[end : end + 3].lstrip(" ")
    if tail and tail[0] not in ",.;:!?)" or not v.present_copulas:
        return False  # most dates go on with a word: asked first, it settles them cheaply
    words = lowered[max(0, start - 40) : start].split()
    if words and words[-1] in v.date_preposition_set:
        words.pop()
    copulas = v.present_copulas
    return bool(words) and (words[-1] in copulas or " ".join(words[-2:]) in copulas)


def is_present_verb(vocab: Vocab, word: str) -> bool:
    """A finite verb in the present tense, by the language's list or its present ending."""
    if word in vocab.present_verbs:
        return True
    return (
        len(word) > 3
        and word.isalpha()
        and word.endswith(vocab.present_suffixes or ("\0",))
        and word not in vocab.present_not_verbs
        and not word.endswith(vocab.present_not_suffixes or ("\0",))
    )


def present_context(ctx: Ctx, start: int, end: int) -> bool:
    """Is a bare weekday next to a verb in the present tense ("De raad stemt donderdag",
    "Donderdag stemt de raad", "The talks resume Monday"), or with only a name between them
    ("Rutte ontmoet Zelensky donderdag"), or an object ("holds a vote Monday")? News announces what is scheduled in the present,
    so the weekday is the coming one. A verb after a determiner or an inflected adjective is
    a noun ("a vote Monday", "het kabinet dinsdag")."""
    v = ctx.vocab
    if not v.present_verbs and not v.present_suffixes:
        return False
    head = ctx.text[max(0, start - 80) : start]
    words = head.split()
    until = bool(words) and words[-1].lower() in v.until_set
    if until:
        # "The stay lasts until Monday", "Shops are closed until Monday": a listed verb, or a
        # copula and one word, in the present (an ending alone is too weak: "was dicht tot")
        words.pop()
        low = [w.lower() for w in words[-3:]]
        return bool(low) and (
            low[-1] in v.present_verbs
            or (
                len(low) == 3
                and low[-1].isalpha()
                and low[-2] in v.present_copulas
                and low[-3] not in v.present_determiners  # "The stay lasted": a noun
            )
        )
    if words and (words[-1].lower() in v.date_preposition_set or words[-1].lower() in v.from_set):
        words.pop()  # "Am Donnerstag trifft ...", "Vanaf maandag geldt ...": the weekday opens the sentence
    opening = " ".join(words)
    if v.present_after_initial_weekday and (not opening or opening[-1] in '.!?:-–—"“'):
        after = ctx.lowered[end : end + 30]
        return not after[:1].strip() and is_present_verb(v, next_word(ctx.lowered, end))
    names = 0
    while names < 2 and len(words) > 2 and words[-1][:1].isupper() and words[-1][-1].isalpha():
        words.pop()  # a name as the object: "Rutte ontmoet Zelensky donderdag", "meets Xi Jinping Monday"
        names += 1
    if len(words) > 1 and words[-1].lower() in v.present_pronouns:
        words.pop()  # the subject after a verb-second verb: "Dort trifft er am Donnerstag"
    if not words or not words[-1][-1].isalpha():
        return False  # a clause boundary or punctuation stands between them
    if (
        len(words) > 2
        and words[-1].islower()
        and words[-3].islower()  # a verb, not a name's word ("the Australian Open final in")
        and words[-1] not in v.date_preposition_set
        and words[-2].lower() in v.present_determiners
    ):
        # an object between them: "holds a vote Monday", "bezoekt het gebied vrijdag"
        verb = words[-3]
        infinitive = (
            len(words) > 3 and words[-4].lower() in v.infinitive_markers
        )  # "forced them to leave their homes Monday"
        if is_present_verb(v, verb) and not infinitive and not cues(v.lang).reporting.fullmatch(verb):
            return True
    word = words[-1].lower()
    if len(words) > 1:
        before = words[-2]
        low = before.lower()
        if (
            low in v.present_determiners
            or low.endswith(("'s", "’s"))
            or (before.islower() and low.endswith(v.present_adjective_suffixes or ("\0",)))
        ):
            return False
        if f"{low} {word}" in v.present_verbs:
            return True
        if len(words) > 2 and f"{words[-3].lower()} {low} {word}" in v.present_verbs:
            return True  # "comes into force on Sunday"
        if low in v.infinitive_markers:
            return False  # "to leave Monday": the governing verb has the tense (future_context)
    # a reporting verb governs no date: "Rusland zegt in de nacht van zaterdag op zondag 88
    # drones te hebben neergeschoten", "Kyiv says Sunday's strike ..." tell of the past
    return is_present_verb(v, word) and not cues(v.lang).reporting.fullmatch(word)


def is_quantity(ctx: Ctx, start: int, end: int) -> bool:
    """'1900 soldiers', 'ruim 2000', '€2019', '2000-jarige': a number, not a year."""
    text, v = ctx.text, ctx.vocab
    before = text[max(0, start - 2) : start].strip()
    if before[-1:] in ("$", "€", "£", "¥", "#", "+", "±", "~", "№"):
        return True
    if text[end : end + 1] == "-" and _ordinal_year(text, end + 1, v.year_ordinal_suffixes):
        return False  # "2022-го року", "в 2022-м году"
    if text[end : end + 1] in ("-", "%", "+") or text[end : end + 2] in (" %",):
        return text[end : end + 1] != "-" or not text[end + 1 : end + 2].isdigit()
    if prev_word(text, start) in v.quantity_cue_set:
        return True
    return next_word(text, end) in v.quantity_words


def _ordinal_year(text: str, at: int, suffixes: tuple[str, ...]) -> bool:
    """Does an ordinal ending of a year ("го", "м") stand at `at`, ending its word?"""
    for suffix in suffixes:
        after = at + len(suffix)
        if text[at:after].lower() == suffix and not text[after : after + 1].isalnum():
            return True
    return False


def in_date_context(ctx: Ctx, start: int) -> bool:
    """Is a bare number in date context: after 'in', 'since', 'the spring of', a month ...?"""
    words = prev_words(ctx.text, start, 2)
    if not words:
        return False
    last = words[-1]
    v = ctx.vocab
    return last in v.year_context or v.month(last) is not None or last in v.season_of


_SENTENCE_START = re.compile(r"[.!?]\s+(?=\S)|\n")


def moves_focus(
    lowered: str, start: int, norm: Norm, frame: Frame, vocab: Vocab, last: tuple[int, int]
) -> bool:
    """Whether a date at lowered[start:] becomes the story's focus. Background does not: a date
    earlier than the focus after a ``since_words`` word ("since 1768") or in a sentence in the
    pluperfect (``pluperfect_cues``: "tensions had grown ... in December 1773"), and the end of
    a "from A to B" range, which says where the story stops, not where it is."""
    if last[1] and frame.focus_end == last[1] and lowered[last[1] : start].strip() in vocab.range_gap_set:
        if set(prev_words(lowered, last[0], 2)) & vocab.range_start_set:
            return False
    if frame.focus_year is None or norm.start.year >= frame.focus_year:
        return True
    if prev_word(lowered, start) in vocab.since_set:
        return False
    return not in_pluperfect(lowered, start, vocab)


def in_pluperfect(lowered: str, start: int, vocab: Vocab, whole: bool = False) -> bool:
    """Does the sentence up to `start` (or all of it, `whole`) have a ``pluperfect_cues`` word
    ("had", "hatte": "Im Januar hatte Stalin ...")?"""
    if not vocab.pluperfect_cues:
        return False
    begun = max((m.end() for m in _SENTENCE_START.finditer(lowered, max(0, start - 300), start)), default=0)
    end = start
    if whole:
        found = _SENTENCE_START.search(lowered, start, start + 300)
        end = found.start() if found else min(len(lowered), start + 300)
    return bool(vocab.pluperfect_cue.search(lowered, begun, end))
