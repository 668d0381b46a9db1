"""TempEval-3 value scoring of dated expressions, shared by the date benches, and the naive baseline.

A prediction is right when it overlaps a gold expression with a calendar value (YYYY, YYYY-MM,
YYYY-MM-DD, YYYY-Www) and has that value (a range "a/b" is right for a gold that is one of its
ends); a prediction overlapping only non-calendar gold (durations, sets, clock times, seasons,
decades) is not counted; one overlapping no gold expression is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

CALENDAR = re.compile(r"^\d{4}(-\d\d(-\d\d)?|-W\d\d)?$")

Span = tuple[int, int, str]  # start, end, value
Gold = tuple[int, int, "str | None"]  # start, end, calendar value (None: not a calendar date)
ScoredDoc = tuple[str, str, "str | None", list[Gold]]  # name, text, reference day, gold


def value_score(
    docs: Iterable[ScoredDoc], predict: Callable[[str, str | None], list[Span]], verbose: bool = False
) -> dict[str, float]:
    """Gold count, counted predictions and value precision/recall/F1 (percent) of `predict` on docs."""
    tp = counted = hit = n_gold = 0
    for name, text, ref, gold in docs:
        cal = [g for g in gold if g[2] is not None]
        n_gold += len(cal)
        found: set[int] = set()
        for start, end, value in predict(text, ref):
            over = [g for g in gold if g[0] < end and start < g[1]]
            over_cal = [g for g in over if g[2] is not None]
            if over and not over_cal:
                continue
            counted += 1
            good = [g for g in over_cal if g[2] in value.split("/")]
            if good:
                tp += 1
                found.update(id(g) for g in good)
            elif verbose:
                want = ", ".join(str(g[2]) for g in over_cal) or "no gold"
                print(f"  FP {name}: {text[start:end]!r} -> {value} (gold {want})")
        hit += sum(1 for g in cal if id(g) in found)
        if verbose:
            for g in cal:
                if id(g) not in found:
                    print(f"  FN {name}: {text[g[0] : g[1]]!r} = {g[2]}")
    p = tp / counted if counted else 0.0
    r = hit / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"gold": n_gold, "predicted": counted, "precision": 100 * p, "recall": 100 * r, "f1": 100 * f1}


def naive_dates(text: str, ref: str | None, lang: str) -> list[Span]:
    """dateparser.search_dates in `lang` with `ref` as base, values at the precision
    dateparser's own DateDataParser gives the matched words (offsets by locating each match)."""
    from datetime import datetime

    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": datetime.fromisoformat(ref)} if ref else {}
    found = search_dates(text, languages=[lang], settings=settings) or []
    parser = DateDataParser(languages=[lang], settings=settings)
    out, cursor = [], 0
    for surface, when in found:
        start = text.find(surface, cursor)
        if start < 0:
            continue
        cursor = start + len(surface)
        period = parser.get_date_data(surface).period or "day"
        iso = when.isocalendar()
        value = {
            "year": f"{when.year:04d}",
            "month": f"{when.year:04d}-{when.month:02d}",
            "week": f"{iso.year:04d}-W{iso.week:02d}",
        }.get(period, when.date().isoformat())
        out.append((start, cursor, value))
    return out
