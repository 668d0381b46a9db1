"""Case endings of place names: "у Харкові", "під Бєлгородом", "в Курской области", "Kursker Gebiet".

Ukrainian, Russian and (a little) German inflect place names; the gazetteer holds the
nominative. When a capitalised word is not in the gazetteer as written, `base_forms` gives
the nominatives it may be a case form of ("Харкові" -> "Харков" -> "Харків"), and
`adjective_bases` the places an adjective is made from ("Курській" -> "Курськ") when a region
word follows ("області", "Gebiet"). The ending tables are data, one file per language
(geo/data/endings_<lang>.tsv, read by script: Cyrillic words use the uk and ru tables, Latin
words the others). A candidate counts only when the gazetteer knows it; the most populous
wins.

`inflected_match` is the one seam geo.mentions calls: after the exact lookup and the
transliteration variants failed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from geo.coordination import plural_region_after as _plural_region_after
from geo.gazetteer import Candidate, Gazetteer
from geo.lexicon import DATA_DIR, tsv_rows
from geo.memo import per_key
from geo.names import is_cyrillic_name, name_key
from geo.spans import REGION_WORDS, STOP, after_locative, strip_possessive
from geo.tokens import Token, adjacent

CYRILLIC_LANGS = ("uk", "ru")
MIN_STEM = 3  # letters left after an ending is taken off
MIN_FORM = 4  # letters of a candidate nominative ("Бел" is no place, "Суми" is)
SENTENCE_START_MIN_PRIOR = 4.5  # a sentence-initial case form must name a town of ~30,000+


@dataclass(frozen=True, slots=True)
class Endings:
    """One script's ending table: (ending, replacements) longest first, and alternations."""

    noun: tuple[tuple[str, tuple[str, ...]], ...]
    adjective: tuple[tuple[str, tuple[str, ...]], ...]
    alternation: tuple[tuple[str, str], ...]


def _read(path) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    out: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for kind, ending, repl in tsv_rows(path, 3, "kind<TAB>ending<TAB>replacement|..."):
        subs = tuple("" if r == "-" else r for r in repl.split("|"))
        out.setdefault(kind, []).append((ending.casefold(), subs))
    return out


@cache
def endings(cyrillic: bool) -> Endings:
    """The merged ending tables of the Cyrillic (uk, ru) or the Latin-script languages."""
    kinds: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for path in sorted(DATA_DIR.glob("endings_*.tsv")):
        lang = path.stem.split("_", 1)[1]
        if (lang in CYRILLIC_LANGS) != cyrillic:
            continue
        for kind, rows in _read(path).items():
            kinds.setdefault(kind, []).extend(rows)

    def table(kind: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
        merged: dict[str, list[str]] = {}
        for ending, subs in kinds.get(kind, []):
            have = merged.setdefault(ending, [])
            have.extend(s for s in subs if s not in have)
        return tuple(sorted(((e, tuple(s)) for e, s in merged.items()), key=lambda es: -len(es[0])))

    alternation = tuple((e, subs[0]) for e, subs in kinds.get("alternation", []) if subs)
    return Endings(table("noun"), table("adjective"), alternation)


def _stems(word: str, rules: tuple[tuple[str, tuple[str, ...]], ...]) -> list[str]:
    low = word.casefold()
    out: list[str] = []
    for ending, subs in rules:
        if low.endswith(ending) and len(low) - len(ending) >= MIN_STEM:
            stem = word[: len(word) - len(ending)]
            out.extend(stem + s for s in subs)
    return out


def _alternate(form: str, alternation: tuple[tuple[str, str], ...]) -> list[str]:
    """'Харков' -> 'Харків': the vowel of a closed last syllable as the nominative has it."""
    if len(form) < 3 or not form[-1].isalpha() or form[-1].casefold() in "аеєиіїоуюяьйыэё":
        return []
    out = []
    for vowel, nominative in alternation:
        if form[-2].casefold() == vowel:
            out.append(form[:-2] + nominative + form[-1])
    return out


@lru_cache(maxsize=65536)
def base_forms(word: str) -> tuple[str, ...]:
    """Nominatives a case form may stand for, most likely first ("Києві" -> "Києв", "Київ")."""
    table = endings(is_cyrillic_name(word))
    out: list[str] = []
    for form in _stems(word, table.noun):
        for f in (form, *_alternate(form, table.alternation)):
            if f not in out and f != word and len(f) >= MIN_FORM:
                out.append(f)
    return tuple(out)


@lru_cache(maxsize=16384)
def adjective_bases(word: str) -> tuple[str, ...]:
    """Places an adjective before a region word is made from ("Курській" -> "Курськ")."""
    table = endings(is_cyrillic_name(word))
    out: list[str] = []
    for form in _stems(word, table.adjective):
        for f in (form, *_alternate(form, table.alternation)):
            if f not in out and f != word:
                out.append(f)
    return tuple(out)


@per_key
def best_lookup(gaz: Gazetteer, forms: tuple[str, ...]) -> list[Candidate]:
    """The candidates of the form whose best place is the most prominent (none: []); memoised."""
    best: list[Candidate] = []
    best_prior = float("-inf")
    for form in forms:
        cands = gaz.lookup(form)
        if not cands:
            continue
        prior = max(gaz.prior[c.id] for c in cands)
        if prior > best_prior:
            best, best_prior = cands, prior
    return best


def inflected_match(text: str, tokens: list[Token], i: int, gaz: Gazetteer, people: set[str]):
    """(i, candidates, "inflected") for a case form of a known place, else None.

    Tried only for a capitalised word that is no stopword or person. An adjective counts
    only before a region word ("Курській області", "Kursker Gebiet": geo.spans.mark_region
    then makes it the region). A sentence-initial word must follow a locative or name a town
    of some size ("Мира" is no place, "Харкові" is).
    """
    t = tokens[i]
    word = strip_possessive(t.text)
    if len(word) <= MIN_STEM or t.shout or t.low in STOP or t.low in people or "-" in word:
        return None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if (nxt is not None and nxt.low.rstrip(".") in REGION_WORDS and adjacent(text, t, nxt)) or (
        adjective_bases(word) and _plural_region_after(text, t.end)
    ):  # "Курській області"; "Харківській| та Сумській областях" (geo.coordination)
        cands = best_lookup(gaz, adjective_bases(word))
        if cands:
            return (i, cands, "inflected")
    if name_key(word) in people:
        return None
    cands = best_lookup(gaz, base_forms(word))
    if not cands:
        return None
    if t.sent_start and not after_locative(text, tokens, i):
        if max(gaz.prior[c.id] for c in cands) < SENTENCE_START_MIN_PRIOR:
            return None
    elif not after_locative(text, tokens, i) and max(gaz.pop[c.id] for c in cands) < 1000:
        return None  # a hamlet's name in another case, with nothing pointing at a place
    return (i, cands, "inflected")
