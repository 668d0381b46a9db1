"""The patterns of ISO week numbers ("KW 12", "12. Kalenderwoche", "in week 12"): their words
are the `week_numbers` entry of the date table; eventmap/text/dates/rules_weeks.py reads them."""

from __future__ import annotations

from eventmap.text.dates.vocab import Vocab
from eventmap.text.wordtrie import trie_pattern

B = r"(?<![\w\-/.])"


def _alt(words) -> str:
    return f"(?:{trie_pattern(sorted(set(words)))})"


def week_number_patterns(v: Vocab, month_year_join: str) -> list[tuple[str, str, str]]:
    """The (shape, regex, trigger) of a language's week-number expressions (none without the
    table's `week_numbers`)."""
    table = v.week_number
    # "KW 12/2025", "KW 12 2025", "week 12 van 2025"
    year = rf"(?:\s*/\s*(?P<y1>\d{{4}})|\s+{month_year_join}(?P<y2>\d{{4}}))?"
    out = []
    before = [*table["before"], *table["guarded"]]
    if before:  # "KW 12", "KW12", "Kalenderwoche 12/2025", "week 12 van 2025"
        out.append(
            (
                "week_number",
                rf"{B}(?P<wk>{_alt(before)})\s*(?P<n>\d{{1,2}})(?![\w.,]\d){year}(?![\w])",
                "digit",
            )
        )
    if table["after"]:  # "12. Kalenderwoche", "12. KW 2025"
        ordinal = _alt(v.ordinal_suffixes) if v.ordinal_suffixes else ""
        after = _alt(table["after"])
        out.append(("week_number", rf"{B}(?P<n>\d{{1,2}}){ordinal}\s*(?P<wk>{after}){year}(?![\w])", "digit"))
        words = [w for w in v.century_ordinals if w.isalpha() and not set(w) <= set("ivxlcmхі")]
        if words:  # "in der zwölften Kalenderwoche": the ordinal words of the table (its centuries')
            out.append(
                ("week_number", rf"{B}(?P<nword>{_alt(words)})\s+(?P<wk>{after}){year}(?![\w])", "part")
            )
    return out
