"""Which sentences are events: the kind of each (occurrence, statement, context) and a confidence.

* **occurrence**: something happened or will happen at a time and place ("A man was shot
  dead", "De trein vertrok om 14.30 uur"): an event verb or noun of the language's
  eventness lexicon or of the category lexicons, an auxiliary with a past participle
  ("were killed", "is omgekomen"), or a past tense after its subject ("lawmakers
  rejected", "de politie zette", irregular ones listed); or a plan: a present or future
  form (`planned`: "ontmoet", "rencontrera") with a date ahead or a future cue that is no
  wish (`wish_cues`: "wants to", "wil"), a plain form right after such a cue (`plain`, with
  the date table's present-tense verbs where `plain_with_present_tense`: "will meet");
* **statement**: someone said or announced something ("Het Kremlin meldde dat ...",
  "announced it will close 149 towers"): a speech verb, when no occurrence is reported or
  what was said lies in the future ("said it would ..."); an attribution alone ("volgens de
  organisatoren", "according to") makes no statement;
* **context**: analysis or background with no event predicate, or hedged, generic or
  negated text without a date ("Mogelijk probeert Oekraïne ...", "Roughly 100 children die
  in an average flu season", "No casualties were reported").

Words in quotation marks are what someone said, not what the sentence reports: they are
left out of the word counts. The lexicons are data, one file per language
(eventmap/text/data/eventness_<lang>.json, English for a language without one), with the
reporting verbs of the language's date table. Confidence (0..1) grows with a date of the
sentence's own, with more event words, and shrinks with hedges and generic wording.
"""

from __future__ import annotations

import itertools
import json
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache, reduce
from importlib import resources
from itertools import compress, islice
from operator import or_

from eventmap.text.dates.vocab import load_vocab
from eventmap.text.wordset import NO_HITS, WordSet, WordSets, WordTest, tokens

OCCURRENCE, STATEMENT, CONTEXT = "occurrence", "statement", "context"
_QUOTED = re.compile(
    r"‘[^’\n]{3,}’|“[^”\n]{3,}”|\"[^\"\n]{3,}\"|«[^»\n]{3,}»|``[^'\n]{3,}''|„[^“”\n]{3,}[“”]"
    r"|^\s*[‘“\"«„][^’”\"»]*$"  # a quotation that runs on into the next sentence
)

_QUOTE_OPENER = re.compile('[‘“"«`„]')  # a sentence without one has no quotation to leave out


@dataclass(frozen=True, slots=True)
class Lexicon:
    """A language's eventness words as word sets (see eventmap/text/wordset.py)."""

    words: WordSets  # the lexicons below, looked up in one pass
    occurrence: WordSet  # event verbs: "killed", "vertrok"
    nouns: WordSet  # event nouns: "earthquake", "aanslag" (a noun alone does not report)
    noun_words: frozenset[str]
    definite: frozenset[str]  # "de overeenkomst", "the attack": a known event
    present_statement: frozenset[str]
    statement: WordSet
    hedges: WordSet
    generic: WordSet
    negation: WordSet
    future: WordSet
    planned: WordSet  # present and future forms of event verbs: "ontmoet", "rencontrera" (see judge)
    wishes: frozenset[str]  # future cues that only wish ("wants to", "wil"): no plan
    conditional: frozenset[str]  # a sentence opening with one is hypothetical: "If convicted, ..."
    auxiliaries: frozenset[str]  # with a past participle: "were killed", "is omgekomen"
    gap_most: int  # at most this many words between an auxiliary and its participle,
    gap_words: frozenset[str]  # ... these words
    gap_adverbs: str | tuple[str, ...] | None  # ... or adverbs with these endings
    participle: re.Pattern[str] | None
    past_suffixes: tuple[str, ...]  # a past tense after its subject: "lawmakers rejected"
    past_min: int
    determiners: frozenset[str]  # and function words: no subject before a past tense
    not_past: frozenset[str]  # words that end like a past tense but are none ("gemeente", "need")
    strong_past: frozenset[str]  # irregular past tenses ("went", "ging") and listed forms ("gooiden")
    # per word, remembered: is it a past participle (`participle`, not in `not_past`), a weak
    # past tense by its own letters (see _past_tense)? (the same words come back in every text)
    participle_word: WordTest = field(default=None, compare=False, hash=False)  # type: ignore[assignment]
    past_word: WordTest = field(default=None, compare=False, hash=False)  # type: ignore[assignment]
    # per word, remembered: all the above as one number of feature bits (see _word_bits)
    word_bits: WordTest = field(default=None, compare=False, hash=False)  # type: ignore[assignment]


@dataclass(slots=True, unsafe_hash=True)  # not frozen: built faster (see text/sentences.py Sentence)
class Judgement:
    """What a sentence is: `kind` (occurrence, statement, context) and `confidence` 0..1."""

    kind: str
    confidence: float
    noun_only: bool = False  # context, but only for want of a verb: an event noun without hedges
    present: bool = False  # a statement in the present tense ("zegt", "says"): said now


@cache
def lexicon(lang: str) -> Lexicon:
    """The eventness lexicon of a language (English for languages without one)."""
    folder = resources.files("eventmap.text") / "data"
    name = f"eventness_{lang}.json" if (folder / f"eventness_{lang}.json").is_file() else "eventness_en.json"
    data = json.loads((folder / name).read_text(encoding="utf-8"))
    vocab = load_vocab(lang)
    part = data.get("participle") or {}
    if "pattern" in part:
        form = part["pattern"]
    elif part:
        irregular = "|".join(re.escape(w) for w in part.get("irregular", []))
        suffixes = "|".join(re.escape(w) for w in part.get("suffixes", []))
        form = rf"\w{{{max(1, part.get('min_length', 5) - 2)},}}(?:{suffixes})" + (
            f"|{irregular}" if irregular else ""
        )
    else:
        form = ""
    past = data.get("past_tense") or {}
    gap = data.get("participle_gap") or {}
    attribution = set(data.get("attribution", []))
    statements = [*data["statement"], *data.get("present_statement", []), *vocab.reporting_verbs]
    nouns = data.get("event_nouns", [])
    lexicons = {
        "occurrence": data["occurrence"],
        "nouns": nouns,
        "statement": [w for w in statements if w not in attribution],
        "hedges": [*data.get("hedges", []), *data.get("generic", [])],
        "negation": data.get("negation", []),
        "future": vocab.future_cues,
        "planned": data.get("planned", []),
        "plain": [
            *data.get("plain", []),
            *(vocab.present_verbs if data.get("plain_with_present_tense") else ()),
        ],
    }
    lex = Lexicon(
        words=WordSets(lexicons),
        occurrence=WordSet(data["occurrence"]),
        nouns=WordSet(nouns),
        noun_words=frozenset(w.lower() for w in nouns if " " not in w),
        definite=frozenset((vocab.raw.get("anchors") or {}).get("definite", [])),
        present_statement=frozenset(data.get("present_statement", [])),
        statement=WordSet(w for w in statements if w not in attribution),
        hedges=WordSet(data.get("hedges", [])),
        generic=WordSet(data.get("generic", [])),
        negation=WordSet(data.get("negation", [])),
        future=WordSet(vocab.future_cues),
        planned=WordSet(data.get("planned", [])),
        wishes=frozenset(data.get("wish_cues", [])),
        conditional=frozenset(data.get("conditional_openers", [])),
        auxiliaries=frozenset(data.get("auxiliaries", [])),
        gap_most=int(gap.get("max_words", 3)),
        gap_words=frozenset(gap.get("words", [])),
        gap_adverbs=gap.get("adverbs_in"),
        participle=re.compile(form) if form else None,
        past_suffixes=tuple(past.get("suffixes", [])),
        past_min=int(past.get("min_length", 5)),
        determiners=frozenset(data.get("determiners", [])) | frozenset(vocab.stopwords),
        not_past=frozenset(past.get("stop", [])) | frozenset(data.get("cognitive_participles", [])),
        strong_past=frozenset(past.get("strong", [])) | frozenset(past.get("forms", [])),
    )
    object.__setattr__(lex, "participle_word", WordTest(lambda w: _is_participle(lex, w)))
    object.__setattr__(lex, "past_word", WordTest(lambda w: _is_past_form(lex, w)))
    object.__setattr__(lex, "word_bits", WordTest(lambda w: _word_bits(lex, w)))
    return lex


# What a word is to the rules below, as bits: one remembered number per word, so a sentence's
# words are looked up once (one C loop) and each rule asks only the words that may concern it.
FIRST = 1  # a lexicon word or the first word of a lexicon phrase (Lexicon.words)
AUXILIARY = 2
STRONG = 4  # an irregular or listed past tense
PAST = 8  # a weak past tense by its own letters (_is_past_form)
NO_SUBJECT = 16  # a determiner or an adverb in -ly: no subject before a past tense
PARTICIPLE = 32  # a past participle (_is_participle)
GAP = 64  # a word that may stand between an auxiliary and its participle


def _word_bits(lex: Lexicon, word: str) -> int:
    """The feature bits of a word (see FIRST ... GAP)."""
    adverbs = lex.gap_adverbs
    return (
        (FIRST if word in lex.words.firsts else 0)
        | (AUXILIARY if word in lex.auxiliaries else 0)
        | (STRONG if word in lex.strong_past else 0)
        | (PAST if lex.past_suffixes and _is_past_form(lex, word) else 0)
        | (NO_SUBJECT if word in lex.determiners or word.endswith("ly") else 0)
        | (PARTICIPLE if _is_participle(lex, word) else 0)
        | (GAP if word in lex.gap_words or (adverbs and word.endswith(adverbs)) else 0)
    )


def _is_participle(lex: Lexicon, word: str) -> bool:
    """A past participle, not a cognitive one ("considered")."""
    return lex.participle is not None and bool(lex.participle.fullmatch(word)) and word not in lex.not_past


def _is_past_form(lex: Lexicon, word: str) -> bool:
    """A weak past tense by its own letters: a past ending, long enough, no superlative
    ("zwaarste"), no listed non-past or speech verb ("gemeente", "kondigde"), letters only."""
    return (
        word.endswith(lex.past_suffixes)
        and len(word) >= lex.past_min
        and not word.endswith("ste")
        and word not in lex.not_past
        and word not in lex.statement.singles
        and word.isalpha()
    )


def _participles(lex: Lexicon, toks: list[str], bits: list[int] | None = None) -> int:
    """An auxiliary and, after at most the gap's words, a past participle: "were killed",
    "zijn afgelopen nacht vier mensen omgekomen" (not a cognitive one: "was considered");
    `bits`: the words' _word_bits, when the caller has them."""
    if lex.participle is None:
        return 0
    if bits is None:
        bits = list(map(lex.word_bits.__getitem__, toks))
    most, between = lex.gap_most, lex.gap_words
    count = 0
    size = len(toks)
    for i in compress(itertools.count(), map(AUXILIARY.__and__, bits)):
        for j in range(i + 1, min(size, i + 2 + most)):
            word = bits[j]
            if word & PARTICIPLE:
                count += 1
                break
            if between and not word & GAP:
                break
    return count


def _past_tense(lex: Lexicon, toks: list[str], bits: list[int] | None = None) -> int:
    """'lawmakers rejected', 'de politie zette', 'De overstroming kostte': a (weak) past tense
    after a subject word, not after an article ("the armed forces", "de geplande aanval" are
    adjectives), and not a superlative ("zwaarste"); plus the irregular past tenses. `bits`:
    the words' _word_bits, when the caller has them."""
    if bits is None:
        bits = list(map(lex.word_bits.__getitem__, toks))
    count = sum(map(STRONG.__and__, bits)) // STRONG
    # the words that are past forms by their own letters (PAST is only set when the language
    # has past endings), then the word before each: no article ("the armed forces"), no -ly
    for i in compress(range(1, len(bits)), map(PAST.__and__, islice(bits, 1, None))):
        if not bits[i - 1] & NO_SUBJECT:
            count += 1
    return count


@dataclass(slots=True)
class Evidence:
    """What a sentence's words say, before its dates are known (see `evidence`)."""

    verbs: int  # event verbs, and future cues (no wishes) before an event verb
    planned: int  # present and future forms of event verbs ("ontmoet"): events when planned
    plans: bool  # a future cue that is no wish ("wil praten" is one, "wants to" not)
    weak: int  # auxiliaries with a participle, past tenses after a subject
    nouns: int  # event nouns
    said: int  # speech verbs
    hedged: int
    negated: int  # negations among the first words
    future_said: bool  # what was said lies ahead or is only possible
    definite_noun: bool  # an event noun after a definite determiner ("de overeenkomst")
    present_said: bool  # the first speech verb is in the present tense ("zegt")


def evidence(sentence: str, lang: str, toks: list[str] | None = None) -> Evidence:
    """The word evidence of a sentence (lexicon hits); `toks`: its tokens (wordset.tokens),
    when the caller has them. `judge` reads it with what the sentence's dates say."""
    lex = lexicon(lang)
    # an ASCII sentence can only open a quotation with '"' or '`' (two searches in C, no regex)
    if ('"' in sentence or "`" in sentence) if sentence.isascii() else _QUOTE_OPENER.search(sentence):
        toks = tokens(_QUOTED.sub(" ", sentence))
    elif toks is None:
        toks = tokens(sentence)
    bits = list(map(lex.word_bits.__getitem__, toks))
    every = reduce(or_, bits, 0)  # what the sentence's words are, together
    hits = (
        lex.words.scan(toks, compress(itertools.count(), map(FIRST.__and__, bits))) if every & FIRST else {}
    )
    weak = (_participles(lex, toks, bits) if every & AUXILIARY else 0) + (
        _past_tense(lex, toks, bits) if every & (STRONG | PAST) else 0
    )
    get = hits.get
    said, hedge_hits, future, nouns, negation = (
        get("statement", NO_HITS),
        get("hedges", NO_HITS),
        get("future", NO_HITS),
        get("nouns", NO_HITS),
        get("negation", NO_HITS),
    )
    # what was said lies ahead or is only possible: "said it would ...", "meldde dat ... zouden"
    first_said = min(said) if said else None
    future_said = (
        first_said is not None
        and bool(future or hedge_hits)
        and any(start > first_said[1] for start, _ in [*future, *hedge_hits])
    )
    plans = (
        [(start, end) for start, end in future if " ".join(toks[start : end + 1]) not in lex.wishes]
        if future
        else future
    )
    # positional, in the field order of Evidence (most sentences have few hits: every
    # generator and call left out when there is nothing for it to count)
    return Evidence(
        len(get("occurrence", NO_HITS))
        + (_future_event(lex, toks, plans, get("plain", NO_HITS)) if plans else 0),
        len(get("planned", NO_HITS)),
        bool(plans),
        weak,
        len(nouns),
        len(said),
        len(hedge_hits),
        sum(1 for start, _ in negation if start < 6) if negation else 0,  # "No casualties were reported"
        future_said,
        any(start > 0 and toks[start - 1] in lex.definite for start, _ in nouns) if nouns else False,
        first_said is not None and toks[first_said[0]] in lex.present_statement,
    )


def judge(
    sentence: str,
    lang: str,
    *,
    dated: bool,
    keyword: bool = False,
    relative_only: bool = False,
    headline_only: bool = False,
    ahead: bool = False,
    toks: list[str] | None = None,
    words: Evidence | None = None,
    narrative: bool = False,
) -> Judgement:
    """The kind and confidence of a sentence. `dated`: it has a date of its own;
    `keyword`: a category lexicon names an event in it; `relative_only`: its dates are
    counted from the reference day ("gisteren"), not written out; `headline_only`: the text
    is a headline alone (a feed item), where an event noun is all there is; `ahead`: a date
    of its own lies after the reference day; `toks`: the sentence's tokens (wordset.tokens),
    `words`: its `evidence`, when the caller has them. A present or future form of an event
    verb (the lexicon's `planned`: "ontmoet", "debatteert", "rencontrera") reports a planned
    event with a date ahead ("Rutte ontmoet Zelensky maandag") or a future cue that is no
    wish ("wil praten"); a plain form (`plain`: "meet") does right after such a cue ("will
    meet", "is due to meet"). In a `narrative` (a history), a dated sentence ("On 25
    February", "Two years later") with no hedge is an occurrence whatever its verb: histories tell in the historical
    present ("Le 25 février, le fort de Douaumont tombe"), which no verb list covers."""
    w = words if words is not None else evidence(sentence, lang, toks)
    verbs = _verbs(w, ahead)
    kind = _kind(w, verbs, dated, keyword, relative_only, headline_only)
    if kind == CONTEXT and narrative and dated and not w.hedged and not w.negated:
        kind = OCCURRENCE
    elif kind == OCCURRENCE and not dated and _conditional(sentence, lang):
        kind = CONTEXT  # "If convicted, he faces up to 20 years in prison."
    strength = verbs + 0.5 * w.weak + 0.5 * (w.nouns + int(keyword)) + 0.5 * w.said
    present = kind == STATEMENT and w.present_said
    confidence = _confidence(kind, dated, relative_only, strength, w.hedged)
    return Judgement(kind, confidence, kind == CONTEXT and _noun_only(w, verbs), present)


def _conditional(sentence: str, lang: str) -> bool:
    """Does the sentence open with a conditional word (the lexicon's `conditional_openers`)?"""
    head = sentence.lstrip("\"'“‘(- ").split(maxsplit=1)
    return bool(head) and head[0].lower().rstrip(",") in lexicon(lang).conditional


def undated_context(words: Evidence) -> bool:
    """Is a sentence with this evidence context whatever the category lexicon says, when it
    has no date, anchor or clock time and is not a headline alone, and no tentative event
    ("de overeenkomst ...")? The category keywords count as event nouns, which need a date."""
    verbs = _verbs(words, False)
    return _kind(words, verbs, False, False, False, False) == CONTEXT and not _noun_only(words, verbs)


def _verbs(w: Evidence, ahead: bool) -> int:
    """The event verbs, the planned forms among them when a date lies ahead or a plan is cued."""
    return w.verbs + w.planned if w.planned and (ahead or w.plans) else w.verbs


def _noun_only(w: Evidence, verbs: int) -> bool:
    """Context only for want of a verb: "de overeenkomst", "the attack", a definite event
    noun, an event the story knows (to be read with the kind CONTEXT)."""
    return not (verbs or w.weak or w.said or w.hedged or w.negated) and w.definite_noun


def _kind(
    w: Evidence, verbs: int, dated: bool, keyword: bool, relative_only: bool, headline_only: bool
) -> str:
    weak, said, hedged, negated = w.weak, w.said, w.hedged, w.negated
    nouns = w.nouns + int(keyword)
    if negated and not dated:
        kind = CONTEXT  # "No casualties were reported", "Geen doden"
    elif (verbs or weak) and not w.future_said:
        kind = OCCURRENCE
    elif said:
        kind = STATEMENT
    elif verbs or weak or (nouns and (headline_only or (dated and not (hedged and relative_only)))):
        kind = OCCURRENCE
    else:
        kind = CONTEXT  # an event noun alone ("the deal's critic") reports nothing
    if kind == OCCURRENCE and not dated and hedged and not verbs and not headline_only:
        kind = CONTEXT  # hedged, generic or habitual wording: "Mogelijk probeert ...", "die in an average season"
    return kind


def _future_event(
    lex: Lexicon, toks: list[str], future: list[tuple[int, int]], plain: list[tuple[int, int]]
) -> int:
    """'will receive bridge loans', 'is set to resume', 'is due to meet': a future cue before
    the plain form of an event verb (the lexicon lists "received", "resumed"; irregular
    ones, "meet", are its `plain` forms)."""
    count = 0
    for _, end in future:
        if any(end < start <= end + 3 for start, _ in plain):
            count += 1
            continue
        for word in toks[end + 1 : end + 4]:
            if any(form in lex.occurrence for form in (word, word + "d", word + "ed", word + "ded")):
                count += 1
                break
    return count


@cache
def event_noun_test(lang: str) -> WordTest:
    """is_event_noun for one language as a WordTest: `test[word]`, a dictionary lookup for a
    word seen before (anchors ask it of every word after a definite article)."""
    return WordTest(lambda word: is_event_noun(word, lang))


@lru_cache(maxsize=4096)  # the same words come back in every article ("the attack", "de aanval")
def is_event_noun(word: str, lang: str) -> bool:
    """An event noun of the lexicon, or a compound ending in one ("telefoongesprek")."""
    w = word.lower()
    nouns = lexicon(lang).noun_words
    return w in nouns or any(w[i:] in nouns for i in range(1, len(w) - 3))


_BASE_CONFIDENCE = {OCCURRENCE: 0.55, STATEMENT: 0.5, CONTEXT: 0.2}


def _confidence(kind: str, dated: bool, relative_only: bool, evidence: float, hedged: int) -> float:
    c = _BASE_CONFIDENCE[kind]
    if dated:
        c += 0.15 if relative_only else 0.25
    c += min(0.15, 0.05 * max(0.0, evidence - 1))
    c -= 0.1 * min(hedged, 3)
    return round(min(0.98, max(0.05, c)), 2)
