"""Event categories from keyword lexicons kept as data (eventmap/text/data/categories_<lang>.json).

The category only colours the dashboard, so a transparent keyword count is enough: the
category with most keyword hits wins, ties go to the lexicon's priority order, and a
sentence without hits is 'other'. A keyword listed under two categories counts for the first.
Keywords under 'other' mark a sentence as reporting an event without colouring it.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

from eventmap.model import CATEGORIES
from eventmap.text.wordtrie import trie_pattern

OTHER = "other"


@dataclass(frozen=True, slots=True)
class Lexicon:
    """All keywords of a language in one lowercase regex, and the category of each keyword."""

    language: str
    priority: tuple[str, ...]
    regex: re.Pattern[str]
    category_of: dict[str, str]


@cache
def load_lexicon(lang: str) -> Lexicon:
    """The lexicon of a language (English for languages without one)."""
    name = f"categories_{lang}.json"
    folder = resources.files("eventmap.text") / "data"
    if not (folder / name).is_file():
        name = "categories_en.json"
    data = json.loads((folder / name).read_text(encoding="utf-8"))
    unknown = set(data["categories"]) - set(CATEGORIES)
    if unknown:
        raise ValueError(f"{name}: unknown categories {sorted(unknown)}")
    category_of: dict[str, str] = {}
    for category, words in data["categories"].items():
        for word in words:
            category_of.setdefault(word.lower(), category)
    alts = trie_pattern(category_of)
    # substring: anywhere (Dutch compounds); prefix: at the start of a word. No re.I: the
    # text is lowercased instead, which keeps the scan about ten times faster.
    regex = f"(?:{alts})" if data.get("match") == "substring" else rf"(?<!\w)(?:{alts})"
    return Lexicon(
        data.get("language", lang), tuple(data.get("priority", CATEGORIES)), re.compile(regex), category_of
    )


def classify(sentence: str, lang: str) -> tuple[str, bool]:
    """(category, reports_event): the category, and whether any keyword marks an event
    (keywords listed under 'other' mark an event without giving it a category)."""
    lexicon = load_lexicon(lang)
    hits = Counter(lexicon.category_of[k] for k in lexicon.regex.findall(sentence.lower() + " "))
    if not hits:
        return OTHER, False
    named = {c: n for c, n in hits.items() if c != OTHER}
    if not named:
        return OTHER, True
    # most hits first, then the lexicon's priority order
    rank = {c: i for i, c in enumerate(lexicon.priority)}
    return min(named, key=lambda c: (-named[c], rank.get(c, len(rank)))), True


def categorize(sentence: str, lang: str) -> str:
    """One of eventmap.model.CATEGORIES for a sentence."""
    return classify(sentence, lang)[0]
