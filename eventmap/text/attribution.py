"""Attribution sentences: "Dat meldt de politie." names the source of the sentence before it.

News gives a fact and then its source in a sentence of its own: "Bij een explosie in
Rotterdam zijn vannacht drie mensen gewond geraakt. Dat meldt de politie.", "Das teilte die
Polizei am Montag mit.", "Про це повідомив голова ОВА.", "That's according to the police."
Such a sentence reports no event of its own: it says who reported the one before, and often
when ("Dat heeft minister Faber vrijdag bekendgemaakt."). It is read together with that
sentence, as one event, so the fact keeps the day it was made known and no event "Dat meldt
de politie" is left on the timeline.

A sentence is an attribution when it opens with one of the language's `attribution_openers`
(eventness data: "dat", "das", "про це", "that's") followed by a speech verb, an attribution
or an auxiliary ("Dat meldt", "Dat heeft ... bekendgemaakt", "That's according to"; not "Dat
plan ..."), has a speech verb or an attribution, no event verb or event noun of its own, and
at most MAX_WORDS words; it joins the sentence before it in the same paragraph unless that one
is a headline or a question.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from eventmap.text.eventness import lexicon
from eventmap.text.sentences import Sentence
from eventmap.text.wordset import WordSet, tokens

MAX_WORDS = 20
_FIRST_WORD = re.compile(r"\s*([\w'’-]+)")


@cache
def _words(lang: str) -> tuple[WordSet, WordSet] | None:
    """(openers, attributions) of a language's eventness data; None without openers."""
    folder = resources.files("eventmap.text") / "data"
    name = f"eventness_{lang}.json"
    if not (folder / name).is_file():
        return None
    data = json.loads((folder / name).read_text(encoding="utf-8"))
    if not data.get("attribution_openers"):
        return None
    return WordSet(data["attribution_openers"]), WordSet(data.get("attribution", []))


def is_attribution(sentence: str, lang: str) -> bool:
    """Does the sentence only say who reported the one before it ("Dat meldt de politie.")?"""
    words = _words(lang)
    if words is None:
        return False
    openers, attributions = words
    first = _FIRST_WORD.match(sentence)
    word = first.group(1).lower() if first else ""
    if word not in openers.singles and word not in openers.phrases:
        return False  # the usual case: no opener, nothing more to read
    toks = tokens(sentence)
    opened = [end for start, end in openers.hits(toks) if start == 0]
    if not opened or len(toks) > MAX_WORDS:
        return False
    lex = lexicon(lang)
    hits = lex.words.scan(toks)
    said = [*hits.get("statement", ()), *attributions.hits(toks)]
    verb = (
        max(opened) + 1
    )  # the verb follows the pronoun: "Dat meldt", "Dat heeft ... bekendgemaakt", not "Dat plan"
    if verb >= len(toks) or not (toks[verb] in lex.auxiliaries or any(start == verb for start, _ in said)):
        return False
    return bool(said) and "occurrence" not in hits and "nouns" not in hits


def join_attributions(sentences: list[Sentence], text: str, lang: str) -> list[Sentence]:
    """The sentences, each attribution joined to the sentence before it (one Sentence spanning
    both, offsets into `text`)."""
    if _words(lang) is None:
        return sentences
    out: list[Sentence] = []
    for sent in sentences:
        prev = out[-1] if out else None
        if (
            prev is not None
            and not prev.line_end
            and not (prev.line_start and prev.line_end)
            and not prev.text.endswith("?")
            and is_attribution(sent.text, lang)
        ):
            out[-1] = Sentence(
                prev.start, sent.end, text[prev.start : sent.end], sent.line_end, prev.line_start
            )
        else:
            out.append(sent)
    return out
