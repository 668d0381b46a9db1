"""Which sentences are events: the kind of each (occurrence, statement, context) and a confidence.

* **occurrence**: something happened or will happen at a time and place ("A man was shot
  dead", "De trein vertrok om 14.30 uur"): an event verb or noun of the language's
  eventness lexicon or of the category lexicons, an auxiliary with a past participle
  ("were killed", "is omgekomen"), or a past tense after its subject ("lawmakers
  rejected", "de politie zette", irregular ones listed);
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

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from eventmap.text.dates.patterns import alt
from eventmap.text.dates.vocab import load_vocab

OCCURRENCE, STATEMENT, CONTEXT = "occurrence", "statement", "context"
_QUOTED = re.compile(
    r"‘[^’\n]{3,}’|“[^”\n]{3,}”|\"[^\"\n]{3,}\"|«[^»\n]{3,}»|``[^'\n]{3,}''|„[^“”\n]{3,}[“”]"
    r"|^\s*[‘“\"«„][^’”\"»]*$"  # a quotation that runs on into the next sentence
)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """A language's eventness words as compiled lowercase regexes."""

    occurrence: re.Pattern[str]  # event verbs: "killed", "vertrok"
    nouns: re.Pattern[str]  # event nouns: "earthquake", "aanslag" (a noun alone does not report)
    noun_words: tuple[str, ...]
    definite_noun: re.Pattern[str] | None  # "de overeenkomst", "the attack": a known event
    present_statement: frozenset[str]
    statement: re.Pattern[str]
    hedges: re.Pattern[str]
    generic: re.Pattern[str]
    negation: re.Pattern[str]
    future: re.Pattern[str]
    participle: re.Pattern[str] | None  # an auxiliary with a past participle: "were killed"
    past_tense: re.Pattern[str] | None  # (word before, verb): a past tense after its subject
    determiners: frozenset[str]  # and function words: no subject before a past tense
    not_past: frozenset[str]  # words that end like a past tense but are none ("gemeente", "need")
    strong_past: re.Pattern[str]  # irregular past tenses ("went", "ging")


@dataclass(frozen=True, slots=True)
class Judgement:
    """What a sentence is: `kind` (occurrence, statement, context) and `confidence` 0..1."""

    kind: str
    confidence: float
    noun_only: bool = False  # context, but only for want of a verb: an event noun without hedges
    present: bool = False  # a statement in the present tense ("zegt", "says"): said now


GAP = r"(?:[\w'’‘-]+\s+){0,5}?"  # "..." in a phrase: a few words between ("kondigde ... aan")


def _phrase_with_gaps(phrase: str) -> str:
    out = ""
    for token in phrase.split():
        if token == "...":
            out += GAP
        else:
            out += re.escape(token) + r"\s+"
    return out[: -len(r"\s+")] if out.endswith(r"\s+") else out


def _words(words) -> re.Pattern[str]:
    """Whole words and phrases; "..." in a phrase stands for up to five words (Dutch
    separable verbs: "had het wel over", "zette traangas in")."""
    words = [w.strip() for w in words if w.strip()]
    split = [_phrase_with_gaps(w) for w in words if "..." in w]
    body = "|".join([alt(w for w in words if "..." not in w), *split])
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")


@cache
def lexicon(lang: str) -> Lexicon:
    """The eventness lexicon of a language (English for languages without one)."""
    folder = resources.files("eventmap.text") / "data"
    name = f"eventness_{lang}.json" if (folder / f"eventness_{lang}.json").is_file() else "eventness_en.json"
    data = json.loads((folder / name).read_text(encoding="utf-8"))
    vocab = load_vocab(lang)
    definite = alt((vocab.raw.get("anchors") or {}).get("definite", []))
    aux = alt(data.get("auxiliaries", []))
    skip = alt(data.get("cognitive_participles", []))
    form, gap = data.get("participle"), data.get("participle_gap", "")
    participle = (
        re.compile(rf"(?<!\w){aux}\s+{gap}(?!{skip}(?!\w))(?:{form})(?!\w)")
        if form and aux != "(?!)"
        else None
    )
    past = data.get("past_tense") or {}
    suffixes = alt(past.get("suffixes", []))
    least = past.get("min_length", 5) - 2
    past_re = (
        re.compile(rf"(?<!\w)([\w'’]+)\s+(?!{skip}(?!\w))([^\W\d_]{{{least},}}{suffixes})(?!\w)")
        if suffixes != "(?!)"
        else None
    )
    return Lexicon(
        _words(data["occurrence"]),
        _words(data.get("event_nouns", [])),
        tuple(sorted((w.lower() for w in data.get("event_nouns", [])), key=len, reverse=True)),
        re.compile(rf"(?<!\w){definite}\s+(?:{_words(data.get('event_nouns', [])).pattern})")
        if definite != "(?!)"
        else None,
        frozenset(data.get("present_statement", [])),
        _words(
            [
                w
                for w in [*data["statement"], *data.get("present_statement", []), *vocab.reporting_verbs]
                if w not in data.get("attribution", [])
            ]
        ),
        _words(data.get("hedges", [])),
        _words(data.get("generic", [])),
        _words(data.get("negation", [])),
        _words(vocab.future_cues),
        participle,
        past_re,
        frozenset(data.get("determiners", [])) | frozenset(vocab.stopwords),
        frozenset(past.get("stop", [])),
        _words(past.get("strong", [])),
    )


def _count(pattern: re.Pattern[str] | None, text: str) -> int:
    return len(pattern.findall(text)) if pattern is not None else 0


def _past_tense(lex: Lexicon, text: str) -> int:
    """'lawmakers rejected', 'de politie zette', 'De overstroming kostte': a (weak) past tense
    after a subject word, not after an article ("the armed forces", "de geplande aanval" are
    adjectives), and not a superlative ("zwaarste"); plus the irregular past tenses."""
    count = _count(lex.strong_past, text)
    if lex.past_tense is None:
        return count
    for before, word in lex.past_tense.findall(text):
        if before in lex.determiners or before.endswith("ly") or word in lex.not_past or word.endswith("ste"):
            continue
        if lex.statement.fullmatch(word):
            continue  # "kondigde", "announced": a statement, counted as one
        count += 1
    return count


def judge(
    sentence: str,
    lang: str,
    *,
    dated: bool,
    keyword: bool = False,
    relative_only: bool = False,
    headline_only: bool = False,
) -> Judgement:
    """The kind and confidence of a sentence. `dated`: it has a date of its own;
    `keyword`: a category lexicon names an event in it; `relative_only`: its dates are
    counted from the reference day ("gisteren"), not written out; `headline_only`: the text
    is a headline alone (a feed item), where an event noun is all there is."""
    lex = lexicon(lang)
    plain = _QUOTED.sub(" ", sentence.lower()) + " "
    verbs = _count(lex.occurrence, plain) + _future_event(lex, plain)
    weak = _count(lex.participle, plain) + _past_tense(lex, plain)
    nouns = _count(lex.nouns, plain) + int(keyword)
    said = list(lex.statement.finditer(plain))
    hedged = _count(lex.hedges, plain) + _count(lex.generic, plain)
    negated = _count(lex.negation, plain[:40])  # "No casualties were reported", "Geen doden"
    # what was said lies ahead or is only possible: "said it would ...", "meldde dat ... zouden"
    future_said = bool(said) and bool(
        lex.future.search(plain, said[0].end()) or lex.hedges.search(plain, said[0].end())
    )
    if negated and not dated:
        kind = CONTEXT  # "No casualties were reported", "Geen doden"
    elif (verbs or weak) and not future_said:
        kind = OCCURRENCE
    elif said:
        kind = STATEMENT
    elif verbs or weak or (nouns and (dated or headline_only) and not hedged):
        kind = OCCURRENCE
    else:
        kind = CONTEXT  # an event noun alone ("the deal's critic") reports nothing
    if kind == OCCURRENCE and not dated and hedged and not verbs and not headline_only:
        kind = CONTEXT  # hedged, generic or habitual wording: "Mogelijk probeert ...", "die in an average season"
    evidence = verbs + 0.5 * weak + 0.5 * nouns + 0.5 * len(said)
    noun_only = (
        kind == CONTEXT
        and not (verbs or weak or said or hedged or negated)
        and bool(lex.definite_noun is not None and lex.definite_noun.search(plain))
    )
    present = kind == STATEMENT and said[0].group(0) in lex.present_statement
    return Judgement(kind, _confidence(kind, dated, relative_only, evidence, hedged), noun_only, present)


def _future_event(lex: Lexicon, text: str) -> int:
    """'will receive bridge loans', 'is set to resume': a future cue before the plain form
    of an event verb (the lexicon lists "received", "resumed")."""
    count = 0
    for cue in lex.future.finditer(text):
        for word in text[cue.end() : cue.end() + 40].split()[:3]:
            word = word.strip(".,;:")
            if any(lex.occurrence.fullmatch(form) for form in (word, word + "d", word + "ed", word + "ded")):
                count += 1
                break
    return count


def is_event_noun(word: str, lang: str) -> bool:
    """An event noun of the lexicon, or a compound ending in one ("telefoongesprek")."""
    w = word.lower()
    return any(w == n or (len(n) >= 4 and " " not in n and w.endswith(n)) for n in lexicon(lang).noun_words)


def _confidence(kind: str, dated: bool, relative_only: bool, evidence: float, hedged: int) -> float:
    c = {OCCURRENCE: 0.55, STATEMENT: 0.5, CONTEXT: 0.2}[kind]
    if dated:
        c += 0.15 if relative_only else 0.25
    c += min(0.15, 0.05 * max(0.0, evidence - 1))
    c -= 0.1 * min(hedged, 3)
    return round(min(0.98, max(0.05, c)), 2)
