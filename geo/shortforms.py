"""Short forms that stand for a place only where the article confirms it: "BC" in Canadian news.

"BC", "SA", "WA", "T&T" (geo/data/short_forms.tsv) are ambiguous alone: a date's "300 BC",
Saudi Arabia's code, Wa in Ghana. After resolution, `confirmed_short_forms` adds a mention for
each such form that no other mention covers, when the article's other places (or adjectives of
nationality) lie in the form's confirming country: "SA" is South Africa in an article that
names Johannesburg, South Australia in one that names Adelaide, nothing in one that names
neither. A form after a number ("300 BC") is never a place.
"""

from __future__ import annotations

import re
from functools import cache

from geo.gazetteer import Candidate, Gazetteer
from geo.lexicon import DATA_DIR, tsv_rows
from geo.resolve import Resolved
from geo.spans import Mention

CONFIDENCE = 0.6  # a short form: lower than a name written out


@cache
def short_forms() -> dict[str, tuple[tuple[str, str], ...]]:
    """form -> ((target, confirming country), ...) in file order."""
    out: dict[str, list[tuple[str, str]]] = {}
    for form, target, country in tsv_rows(DATA_DIR / "short_forms.tsv", 3, "form<TAB>target<TAB>country"):
        out.setdefault(form, []).append((target, country))
    return {k: tuple(v) for k, v in out.items()}


@cache
def _confirmed_by() -> frozenset[str]:
    """The confirming countries of the file: an article naming none of them has no work here."""
    return frozenset(cc for rows in short_forms().values() for _, cc in rows)


@cache
def _pattern(ccs: frozenset[str]) -> re.Pattern:
    """The forms that countries `ccs` confirm, as whole words (after a form: no word
    character, "&" or ".x"; "SA-based" is still SA; the start is checked by `_glued`, as a
    lookbehind first would be tried at every position of the text)."""
    forms = sorted((f for f, rows in short_forms().items() if any(cc in ccs for _, cc in rows)), key=len)
    return re.compile("(?:" + "|".join(map(re.escape, reversed(forms))) + r")(?![\w&]|\.\w)")


def _glued(text: str, start: int) -> bool:
    """A letter, digit, "&", "-" or "." right before `start` ("AT&T", "USA", "U.S.A.")."""
    if start == 0:
        return False
    c = text[start - 1]
    return c.isalnum() or c in "&-._"


_NUMBER_BEFORE = re.compile(r"\d\s*$")


def _entry(gaz: Gazetteer, target: str) -> int | None:
    return gaz.country.get(target) if "." not in target else gaz.region.get(target)


def confirmed_short_forms(
    text: str, resolved: list[Resolved], demonym_ccs: list[str], gaz: Gazetteer
) -> list[Resolved]:
    """New Resolved mentions for the short forms the article confirms (see the module doc)."""
    ccs = {gaz.cc[r.id] for r in resolved if r.id is not None} | set(demonym_ccs)
    ccs &= _confirmed_by()  # most articles: no country that confirms a short form
    if not ccs:
        return []
    found = list(_pattern(frozenset(ccs)).finditer(text))
    if not found:
        return []
    spans = sorted((r.mention.start, r.mention.end) for r in resolved)
    out = []
    for match in found:
        start, end = match.span()
        if (
            _glued(text, start)
            or any(s < end and start < e for s, e in spans)
            or _NUMBER_BEFORE.search(text, max(0, start - 4), start)
        ):
            continue
        for target, cc in short_forms()[match.group()]:
            entry = _entry(gaz, target)
            if cc in ccs and entry is not None:
                m = Mention(start, end, match.group(), [Candidate(entry, True)])
                out.append(Resolved(m, entry, gaz.lat[entry], gaz.lon[entry], CONFIDENCE))
                break
    return out
