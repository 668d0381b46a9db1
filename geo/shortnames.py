"""A county named once in full and then by its bare name: "Barrow County ... in Barrow".

Local news names a county in full once ("Barrow County schools") and then writes the bare
name ("Barrow", "Clarke and Oconee counties"). The bare name is often unknown to the gazetteer
(second-level units have no bare names there) or a small namesake elsewhere ("Barrow" is
Barrow-in-Furness, England). `short_county_mentions` adds (or re-points) the bare name's
mentions to the county the article named: only for words that name no big place themselves
(a country, a first-level region, a capital or a city of BIG_POP people keeps its own reading:
"Washington County ... Washington said" stays the capital).
"""

from __future__ import annotations

import re

from geo.gazetteer import Gazetteer
from geo.spans import Mention

UNIT_WORDS = ("County", "Parish", "Township", "Borough")
BIG_POP = 100_000
PLURALS = {"counties": "County", "parishes": "Parish", "townships": "Township", "boroughs": "Borough"}
_PLURAL_RE = re.compile(r"\b(counties|parishes|townships|boroughs)\b")
_CAPS_RE = re.compile(r"[A-Z][\w'-]+(?: [A-Z][\w'-]+)*")


def _is_big(gaz: Gazetteer, m: Mention | None) -> bool:
    if m is None:
        return False
    return any(
        gaz.kind_codes[c.id] in "Cr" or c.id in gaz.capitals or gaz.pop[c.id] >= BIG_POP for c in m.cands
    )


def short_county_mentions(text: str, mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """`mentions` with the bare names of the counties it names pointed at those counties."""
    counties: dict[str, Mention] = {}
    for m in mentions:
        head, _, last = m.text.rpartition(" ")
        if last in UNIT_WORDS and head and m.cands and any(gaz.kind_codes[c.id] == "k" for c in m.cands):
            counties.setdefault(head, m)
    for pm in _PLURAL_RE.finditer(text):  # "Clarke and Oconee counties": each is a county
        unit = PLURALS[pm.group(1)]
        before = text[max(0, pm.start() - 80) : pm.start()]
        before = before[before.rfind(".") + 1 :]  # the same sentence
        for seq in _CAPS_RE.findall(before):
            words = seq.split()
            for name in {seq, words[-1]}:
                if name not in counties:
                    cands = [c for c in gaz.lookup(f"{name} {unit}") if gaz.kind_codes[c.id] == "k"]
                    if cands:
                        counties[name] = Mention(0, 0, f"{name} {unit}", cands)
    if not counties:
        return mentions
    by_start = {m.start: m for m in mentions}
    covered = [(m.start, m.end) for m in mentions]
    added = []
    for name, county in counties.items():
        for hit in re.finditer(rf"\b{re.escape(name)}\b(?! (?:{'|'.join(UNIT_WORDS)}))", text):
            s, e = hit.span()
            m = by_start.get(s)
            if m is not None and m.end == e:
                if not _is_big(gaz, m) and not m.flags:
                    m.cands = county.cands
                continue
            if any(a < e and s < b for a, b in covered):
                continue
            added.append(Mention(s, e, name, county.cands))
    if not added:
        return mentions
    return sorted([*mentions, *added], key=lambda m: m.start)
