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
from geo.lexicon import DATA_DIR
from geo.resolve import Resolved
from geo.spans import Mention

CONFIDENCE = 0.6  # a short form: lower than a name written out


@cache
def short_forms() -> dict[str, tuple[tuple[str, str], ...]]:
    """form -> ((target, confirming country), ...) in file order."""
    out: dict[str, list[tuple[str, str]]] = {}
    path = DATA_DIR / "short_forms.tsv"
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise ValueError(f"{path.name}:{n}: expected 'form<TAB>target<TAB>country'")
        out.setdefault(parts[0], []).append((parts[1], parts[2]))
    return {k: tuple(v) for k, v in out.items()}


@cache
def _pattern() -> re.Pattern:
    forms = sorted(short_forms(), key=len, reverse=True)
    # a whole word: no letter, digit, "&", "-" or "." glued on either side ("AT&T", "SA-based"
    # is still SA: only a following word character or "&" is refused)
    return re.compile(r"(?<![\w&.\-])(?:" + "|".join(map(re.escape, forms)) + r")(?![\w&]|\.\w)")


_NUMBER_BEFORE = re.compile(r"\d\s*$")


def _entry(gaz: Gazetteer, target: str) -> int | None:
    return gaz.country.get(target) if "." not in target else gaz.region.get(target)


def confirmed_short_forms(
    text: str, resolved: list[Resolved], demonym_ccs: list[str], gaz: Gazetteer
) -> list[Resolved]:
    """New Resolved mentions for the short forms the article confirms (see the module doc)."""
    found = list(_pattern().finditer(text))
    if not found:
        return []
    ccs = {gaz.cc[r.id] for r in resolved if r.id is not None} | set(demonym_ccs)
    ccs.discard(None)
    if not ccs:
        return []
    spans = sorted((r.mention.start, r.mention.end) for r in resolved)
    out = []
    for match in found:
        start, end = match.span()
        if any(s < end and start < e for s, e in spans) or _NUMBER_BEFORE.search(
            text, max(0, start - 4), start
        ):
            continue
        for target, cc in short_forms()[match.group()]:
            entry = _entry(gaz, target)
            if cc in ccs and entry is not None:
                m = Mention(start, end, match.group(), [Candidate(entry, True)])
                out.append(Resolved(m, entry, gaz.lat[entry], gaz.lon[entry], CONFIDENCE))
                break
    return out
