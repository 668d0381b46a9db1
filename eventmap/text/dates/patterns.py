"""Regexes that *find* temporal expressions, built from a language's vocabulary table.

Finding and normalising are separate jobs: a pattern only says where a candidate is and
what shape it has (named groups + a `shape` tag); the rules (dates/rules_*.py) turn each
candidate into a calendar interval. Every pattern runs on the lowercased text (much
faster than re.I) and is anchored on word boundaries, so that quantities ("1000 km"),
ages ("74-jarige") and clock times never match. No word of any language is written here:
the shapes are the same for every language, the words come from dates/vocab/<lang>.json.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from eventmap.text.dates.vocab import Vocab, load_vocab
from eventmap.text.dates.weekpatterns import week_number_patterns
from eventmap.text.wordtrie import LazyPattern, digits_after, trie_pattern, word_start_pattern

B = r"(?<![\w\-/.])"  # left boundary: not inside a word, number or date
E = r"(?![\w]|[.,/\-]\d)"  # right boundary: not followed by more word or number
DAY = r"(?:[12]\d|3[01]|0?[1-9])"
DASH = "[-–—]"
TRIGGER_WINDOW = 60  # characters around a trigger that a pattern match may reach
TRIGGER_CLASSES: tuple[str, ...] = (
    "digit",
    "year4",  # a run of exactly four digits: every match of a pattern with a \d{4} year has one
    "month",
    "weekday",
    "unit",
    "phrase",
    "season",
    "century",
    "spelled",
    "decade",
    "part",  # "quarter", "helft", "Halbjahr": a part of a year
    "holiday",
)


@dataclass(frozen=True, slots=True)
class TemporalPattern:
    """One candidate pattern, compiled when a text first has its trigger; `shape` tells the
    rules how to read its groups."""

    shape: str
    lazy: LazyPattern
    trigger: str  # the trigger class (TRIGGER_CLASSES) every match contains
    at_digits: bool = False  # every match starts where a run of digits starts (wordtrie.digits_after)
    digit_offset: int = 0  # ... or this many letters before one ("Q3")

    @property
    def regex(self) -> re.Pattern[str]:
        return self.lazy.regex


@dataclass(frozen=True, slots=True)
class LanguagePatterns:
    """Everything find_dates needs for one language, compiled once."""

    vocab: Vocab
    patterns: tuple[TemporalPattern, ...]
    triggers: dict[str, re.Pattern[str]]  # one regex per trigger class
    reach: int = 0  # the longest trigger word: what decides whether a class matches at a word
    # the length of a trigger word and the classes it opens, by the `reach` characters from
    # its start (eventmap/text/dates/find.py _windows), filled while texts are read
    word_hits: dict[str, tuple[int, tuple[str, ...]]] = field(default_factory=dict, compare=False, hash=False)
    # per trigger class, where its patterns may match (eventmap/text/dates/starts.py), built on first use
    starters: dict[str, re.Pattern[str]] = field(default_factory=dict, compare=False, hash=False)


def phrase(text: str) -> str:
    """A literal phrase as a regex: words escaped, any whitespace between them."""
    return r"\s+".join(re.escape(w) for w in text.split())


def alt(words) -> str:
    """An alternation of phrases factored as a trie (longest first; '(?!)' when there are
    none); the words of a phrase may be separated by any whitespace."""
    items = {" ".join(w.split()) for w in words if w and w.strip()}
    if not items:
        return "(?!)"
    return "(?:" + trie_pattern(items).replace("\\ ", r"\s+") + ")"


def word_start_alt(words) -> str:
    """`(?<!\\w)` + alt(words), as a regex whose branches open with a literal (fast to search
    for: eventmap/text/wordtrie.py word_start_pattern)."""
    items = {" ".join(w.split()) for w in words if w and w.strip()}
    return word_start_pattern(items).replace("\\ ", r"\s+")


def _guarded(words) -> str:
    """Negative lookbehinds for single guard words before a phrase ("'s morgen")."""
    return "".join(rf"(?<!{re.escape(w)}\s)" for w in words if " " not in w)


def _guard_after(words, weekday: str) -> str:
    """A negative lookahead for guard phrases after a phrase; '{weekday}' is any weekday."""
    parts = sorted(
        (
            r"\s+".join(f"(?:{weekday})" if t == "{weekday}" else re.escape(t) for t in w.split())
            for w in words
        ),
        key=len,
        reverse=True,
    )
    return rf"(?!\w|\s+(?:{'|'.join(parts)})(?!\w))" if parts else r"(?!\w)"


def _months(v: Vocab) -> tuple[str, str, str]:
    """(every form, full forms, abbreviations) of the month names, as alternations.

    An abbreviation (a form shorter than its month's longest form and at most 4 letters)
    may carry a full stop; it stands alone only with a year ("Jan. 2025"), never as "Jan"."""
    by_month: dict[int, list[str]] = {}
    for form, month in v.month_of.items():
        by_month.setdefault(month, []).append(form)
    full, abbr = [], []
    for forms in by_month.values():
        longest = max(len(f) for f in forms)
        for f in forms:
            (abbr if len(f) < longest and len(f) <= 4 else full).append(f)
    abbr_re = "(?:" + alt(abbr) + r"\.?)" if abbr else "(?!)"
    return f"(?:{alt(full)}|{abbr_re})", alt(full), abbr_re


def _template(v: Vocab, template: str, weekday: str) -> str:
    """A vocabulary template ("{rel} week {weekday}") as a regex with named groups."""
    out = []
    for token in template.split():
        if token == "{weekday}":
            out.append(f"(?P<wd>{weekday})")
        elif token == "{weekday2}":
            out.append(f"(?P<wd2>{weekday})")
        elif token == "{rel}":
            out.append(f"(?P<rel>{alt(v.rel_of)})")
        elif token.startswith("{") and "}" in token:  # "{weekday}'s": a slot with a suffix
            name, _, rest = token[1:].partition("}")
            group = "wd" if name == "weekday" else name
            out.append(f"(?P<{group}>{weekday}){re.escape(rest)}")
        else:
            out.append(re.escape(token))
    return r"\s+".join(out)


def build(v: Vocab) -> LanguagePatterns:
    """Compile every pattern of a language from its vocabulary."""
    mon, mon_full, mon_abbr = _months(v)
    weekday_forms = alt(v.weekday_of)
    compounds = [w for w in v.day_part_of if " " not in w and "'" not in w and "’" not in w]
    part_compound = f"(?P<part>{alt(compounds)})?" if v.day_part_compounds else ""
    part_after = "" if v.day_part_compounds else rf"(?:\s+(?P<part2>{alt(compounds)}))?"
    wd = f"(?:{weekday_forms}){part_compound}" if v.day_part_compounds else weekday_forms
    wd_abbr = f"(?:{alt(v.weekday_abbr_of)})" + r"\.?" if v.weekday_abbr_of else "(?!)"
    wdpre = rf"(?:(?:{wd}|{wd_abbr}),?\s+)?"
    ordsuf = f"(?:{alt(v.ordinal_suffixes)})?" if v.ordinal_suffixes else ""
    d1 = rf"(?P<d1>{DAY}){ordsuf}"
    d2 = rf"(?P<d2>{DAY}){ordsuf}"
    ysuf = rf"(?:\s*{alt(v.year_suffixes)})?" if v.year_suffixes else ""
    year = rf"(?P<y1>\d{{4}}){ysuf}"
    day_pre = rf"(?:{alt(v.day_prefixes)}\s+)?" if v.day_prefixes else ""
    # "the summer of that year", "1 грудня того ж року", "im Herbst desselben Jahres"
    years = [w for w, u in v.unit_of.items() if u == "year"]
    that_year = (
        rf"|\s+(?:(?:{alt(v.season_year_joiners)})\s+)?(?P<ana>{alt([*v.anaphoric_rel_of, *v.rel_of])})\s+(?:{alt(years)})(?![\w-])"
        if v.anaphoric_rel_of and years
        else ""
    )
    day_join = rf"(?:\s+{alt(v.day_month_joiners)})?" if v.day_month_joiners else ""
    month_year_join = rf"(?:{alt(v.month_year_joiners)}\s+)?" if v.month_year_joiners else ""
    start = rf"(?:(?P<from>{alt(v.range_starts)})\s+)?"
    joiners = [*v.range_joiners, *v.list_joiners]
    join = rf"\s*(?P<join>{DASH}|{alt(joiners)}(?=\s))\s*"
    mods = rf"(?:(?P<mod>{alt(v.modifier_of)})[\s\-]+)"
    rel = alt([*v.rel_of, *v.anaphoric_rel_of])
    units = alt(v.unit_of)
    num = rf"(?:{alt(v.numbers)}|\d{{1,2}})"
    era = alt([*v.era_ad, *v.era_bc])
    seasons = alt(v.season_of)
    pats: list[tuple[str, str, str]] = [
        ("range_days", rf"{B}{start}{d1}{join}{d2}{day_join}\s+(?P<m1>{mon})(?:,?\s+{year})?{E}", "month"),
        (
            "range_dm",
            rf"{B}{start}{d1}\s+(?P<m1>{mon}){join}{d2}\s+(?P<m2>{mon})(?:,?\s+{year})?{E}",
            "month",
        ),
        # "25 октября (7 ноября) 1917 года": the old-style date, then the new-style (Gregorian) one
        (
            "day",
            rf"{B}{wdpre}{day_pre}{d1}\s+(?:{mon})\s*\((?P<d1n>{DAY}){ordsuf}\s+(?P<m1>{mon})\)(?:,?\s+{year}{that_year})?{E}",
            "month",
        ),
        # "4 (17) березня 1917 року": the old-style day, then the new-style (Gregorian) one
        (
            "day",
            rf"{B}{wdpre}{day_pre}{d1}(?:\s*\((?P<d1n>{DAY}){ordsuf}\))?{day_join}\s+(?P<m1>{mon})(?:,?\s+{year}{that_year})?{E}",
            "month",
        ),
        (
            "month",
            rf"{B}(?:{mods}|(?P<rel>{rel})\s+)?(?P<m1>{mon_full})(?:,?\s+{month_year_join}{year}{that_year})?{E}",
            "month",
        ),
        ("month", rf"{B}(?:{mods})?(?P<m1>{mon_abbr}),?\s+{month_year_join}{year}{E}", "month"),
        # "from July to September 1941", "von Juli bis September", "у вересні–жовтні 1939 року"
        (
            "range_months",
            rf"{B}(?:(?P<from>{alt(v.range_starts)})\s+)?(?P<m1>{mon_full}){join}(?P<m2>{mon_full})"
            rf"(?:,?\s+{month_year_join}{year}{that_year})?{E}",
            "month",
        ),
        ("iso", rf"{B}(?P<y1>\d{{4}})-(?P<m1>0[1-9]|1[0-2])-(?P<d1>[0-2]\d|3[01]){E}", "year4"),
        (
            "year_range",
            rf"{B}{start}(?:{mods})?(?P<y1>\d{{4}}){join}(?P<y2>\d{{4}}|\d\d){E}(?!\s*(?:%|km|per))",
            "year4",
        ),
        ("year", rf"{B}(?:{mods})?(?P<y1>\d{{4}})(?:\s*(?P<era>{era}))?{E}", "year4"),
        ("year", rf"{B}(?:{mods})?(?P<y1>\d{{4}})-(?:{alt(v.year_ordinal_suffixes)}){E}", "year4"),
        ("year", rf"{B}(?P<y1>\d{{1,3}})\s*(?P<era>{era}){E}", "digit"),
        ("year", rf"{B}(?P<era>{era})\s*(?P<y1>\d{{1,4}}){E}", "digit"),  # "AD 79"
        ("year", rf"{B}(?P<y1>[1-9]\d\d){E}", "digit"),  # "In 800, ..." (a narrative's short year)
        (
            "weekday",
            rf"{B}(?:(?P<rel>{alt(v.weekday_rel_of)})\s+)?(?P<wd>{wd}){part_after}"
            rf"(?:\s+(?P<suf>{alt(v.weekday_suffix_of)}))?(?![\w])"
            # "ce samedi 22 mars", "this Saturday, March 22": the date's, not a weekday's
            rf"(?!,?\s+(?:{day_pre}\d{{1,2}}\.?{ordsuf}{day_join}\s+(?:{mon})|(?:{mon})\s+\d{{1,2}}(?!\d))(?!\w))",
            "weekday",
        ),
        (
            "relunit",
            rf"{B}(?P<word>(?:(?P<pre>{alt(v.unit_prefixes)})\s+)?(?P<rel>{rel})\s+(?P<unit>{units}))(?![\w-])",
            "unit",
        ),
        (
            "ago",
            rf"{B}(?P<n>{num})\s+(?P<unit>{units})\s+(?P<word>{alt(v.ago['after'] + v.later['after'] + v.earlier['after'])})(?!\w)",
            "unit",
        ),
    ]
    before = v.ago["before"] + v.later["before"] + v.earlier["before"]
    if before:  # "il y a trois jours", "vor drei Tagen"
        pats.append(("ago", rf"{B}(?P<word>{alt(before)})\s+(?P<n>{num})\s+(?P<unit>{units})(?!\w)", "unit"))
        if v.one_unit:  # "через рік", "спустя месяц": one unit, no number
            pats.append(("ago", rf"{B}(?P<word>{alt(before)})\s+(?P<unit>{alt(v.one_unit)})(?!\w)", "unit"))
    if v.anaphoric_suffixes:  # "cette année-là", "ce mois-là": the story's year, month
        pats.append(
            (
                "relunit",
                rf"{B}(?P<word>(?P<rel>{rel})\s+(?P<unit>{units})(?P<ana>{alt(v.anaphoric_suffixes)}))(?!\w)",
                "unit",
            )
        )
    if v.rel_after_of:  # "la semaine dernière", "l'an prochain"
        pats.append(
            ("relunit", rf"{B}(?P<word>(?P<unit>{units})\s+(?P<rel>{alt(v.rel_after_of)}))(?![\w-])", "unit")
        )
    if v.one_unit:  # "тиждень тому", "неделю назад", "годом ранее": one unit, no number
        after = alt(v.ago["after"] + v.later["after"] + v.earlier["after"])
        pats.append(("ago", rf"{B}(?P<unit>{alt(v.one_unit)})\s+(?P<word>{after})(?!\w)", "unit"))
    if v.day_alone_prefixes:  # "on the 26th", "am 26.", "le 14,"
        sfx = f"(?:{alt(v.day_alone_suffixes)})" if v.day_alone_suffixes else ""
        sfx += "" if v.day_alone_suffix_required or not sfx else "?"
        pats.append(("day_alone", rf"{B}(?:{alt(v.day_alone_prefixes)})\s+(?P<d1>{DAY}){sfx}(?!\w)", "digit"))
    if v.focus_day_of:  # "am nächsten Tag", "le lendemain", "наступного дня"
        pats.append(("focus_day", rf"{B}(?P<word>{alt(v.focus_day_of)})(?![\w-])", "phrase"))
    if v.month_day_order:
        pats += [
            ("range_days", rf"{B}{start}(?P<m1>{mon})\s+{d1}{join}{d2}(?:,?\s+{year})?{E}", "month"),
            (
                "range_dm",
                rf"{B}{start}(?P<m1>{mon})\s+{d1}{join}(?P<m2>{mon})\s+{d2}(?:,?\s+{year})?{E}",
                "month",
            ),
            ("day", rf"{B}{wdpre}(?P<m1>{mon})\s+{d1}(?:,?\s+{year})?{E}", "month"),
        ]
    seps = re.escape(v.numeric_separators)
    year_digits = r"(?:\d{4}|\d{2})" if v.two_digit_years else r"\d{4}"
    if v.date_order == "YMD":
        numeric = rf"{B}\d{{4}}[{seps}]\d{{1,2}}[{seps}]\d{{1,2}}{E}"
    else:
        numeric = rf"{B}\d{{1,2}}(?P<sep>[{seps}])\d{{1,2}}(?P=sep){year_digits}{E}"
    pats.append(("numeric", numeric, "year4" if v.date_order == "YMD" or not v.two_digit_years else "digit"))
    if v.day_month_prefixes:  # "am 22.3.", "vom 1.4."
        pats.append(
            (
                "numeric_dm",
                rf"{B}(?:{alt(v.day_month_prefixes)})\s+(?P<d1>{DAY})\.(?P<mm>0?[1-9]|1[0-2])\.(?!\d)",
                "digit",
            )
        )
    for template in v.week_weekday:
        pats.append(("week_weekday", rf"{B}{_template(v, template, wd)}(?![\w])", "weekday"))
    for template in v.night_of:
        pats.append(("night_of", rf"{B}{_template(v, template, weekday_forms)}(?![\w])", "weekday"))
    for template in v.night_into:
        pats.append(("night_into", rf"{B}{_template(v, template, weekday_forms)}(?![\w])", "weekday"))
    if v.this_unit:
        pats.append(("this_unit", rf"{B}(?P<word>{alt(v.this_unit)})(?![\w-])", "unit"))
    if v.weekend:
        pats.append(("weekend", rf"{B}(?P<word>{alt(v.weekend)})(?![\w-])", "unit"))
    plain = [r.phrase for r in v.relative_days if not (r.not_before or r.not_after)]
    if plain:
        pats.append(("relword", rf"{B}(?P<word>{alt(plain)})(?!\w)", "phrase"))
    for r in v.relative_days:
        if r.not_before or r.not_after:
            after = _guard_after(r.not_after, weekday_forms)
            pats.append(
                ("relword", rf"{B}{_guarded(r.not_before)}(?P<word>{phrase(r.phrase)}){after}", "phrase")
            )
    if v.season_of:
        season_rel = alt([*v.rel_of, *v.anaphoric_rel_of, *v.modifier_of])
        pats.append(
            (
                "season",
                rf"{B}(?:(?P<rel>{season_rel})\s+)?(?P<season>{seasons})"
                rf"(?:\s+{month_year_join}{year}(?:/\d\d(?:\d\d)?)?|(?:\s+|-)(?P<y2>\d{{4}}){that_year})?{E}",
                "season",
            )
        )
        if v.rel_after_of:  # "l'été dernier", "l'hiver prochain"
            pats.append(
                ("season", rf"{B}(?P<season>{seasons})\s+(?P<rel>{alt(v.rel_after_of)})(?![\w-])", "season")
            )
    pats += _period_patterns(v, year, month_year_join, rel, num, units)
    pats += week_number_patterns(v, month_year_join)  # "KW 12", "in week 12"
    decade_digits = r"(?:\d{3}0|[1-9]0)" if v.decade_two_digit else r"\d{3}0"
    if v.decade_suffix:
        pats.append(
            (
                "decade",
                rf"{B}(?:{mods})?(?P<y1>{decade_digits}){re.escape(v.decade_suffix)}(?!\w)",
                "digit" if v.decade_two_digit else "year4",
            )
        )
    if v.decade_long_suffixes:  # "1930-ті", "1930-е": only after four digits ("10-е место" is a rank)
        pats.append(
            ("decade", rf"{B}(?:{mods})?(?P<y1>\d{{3}}0)(?:{alt(v.decade_long_suffixes)})(?!\w)", "year4")
        )
    if v.decade_prefixes:  # "les années 1990", "années 90", "de jaren negentig", "de jaren '90"
        tens = alt(w for w, n in v.numbers.items() if n in range(10, 100, 10))
        pats.append(
            (
                "decade",
                rf"{B}(?:{mods})?(?:{alt(v.decade_prefixes)})\s+(?:(?P<y1>{decade_digits})|['’](?P<yy>[1-9]0)|(?P<tens>{tens}))(?![\w-])",
                "decade",
            )
        )
    if v.century_words:
        ords = rf"(?:(?P<n>\d{{1,2}}){ordsuf}|(?P<nword>{alt(v.century_ordinals)}))"
        pats.append(
            ("century", rf"{B}(?:{mods})?{ords}[\s\-]+(?P<unit>{alt(v.century_words)})(?!\w)", "century")
        )
    if v.anaphoric_this and v.anaphoric_contexts:
        pats.append(
            (
                "anaphoric",
                rf"{B}(?:{alt(v.anaphoric_contexts)})\s+(?P<core>{alt(v.anaphoric_this)})(?![\w-])(?!\s+\d)",  # not "des Jahres 1943"
                "unit",
            )
        )
    if v.unit_end or v.this_year:
        # not "fin de l'année dernière": the end of another year, read as that year
        other = [w for w, n in {**v.rel_of, **v.rel_after_of}.items() if n]
        not_other = rf"(?!\s+(?:{alt(other)})(?!\w))" if other else ""
        ends = alt([*v.unit_end, *v.this_year])
        # nor "Jahresende 2009", "year-end 2025": the year named is the one
        pats.append(("unit_end", rf"{B}(?P<word>{ends})(?![\w])(?!\s+\d){not_other}", "unit"))
    if v.year_ago:
        pats.append(("year_ago", rf"{B}(?P<word>{alt(v.year_ago)})(?![\w])", "unit"))
    spelled = _spelled_year_pattern(v)
    if spelled:
        pats.append(("spelled_year", spelled, "spelled"))
    offsets = [digits_after(p, B) if t == "digit" else None for _, p, t in pats]
    compiled = tuple(
        TemporalPattern(s, LazyPattern(p), t, k is not None, k or 0) for (s, p, t), k in zip(pats, offsets)
    )
    classes = _trigger_classes(v)
    reach = max((len(w) for words in classes.values() for w in words), default=0)
    return LanguagePatterns(v, compiled, _triggers(classes), reach)


def _spelled_year_pattern(v: Vocab) -> str | None:
    """'nineteen ninety-eight', 'two thousand (and) eight': years read out in transcripts."""
    sp = v.spelled_years
    if not sp:
        return None
    teens, tens = alt(sp.get("teens", {})), alt(sp.get("tens", {}))
    units, teen_units = alt(sp.get("units", {})), alt(sp.get("teens_units", {}))
    rest = rf"(?:{tens}(?:[\s\-]+{units})?|{teen_units}|(?:{alt(sp.get('oh', []))})\s+{units})"
    thousand = alt(sp.get("thousand", []))
    return (
        rf"{B}(?P<word>(?P<hi>{teens})\s+(?P<lo>{rest})"
        rf"|(?P<th>{thousand})(?:\s+(?P<lo2>{teen_units}|{tens}(?:[\s\-]+{units})?|{units}))?)(?![\w-])"
    )


def _period_patterns(v: Vocab, year: str, month_year_join: str, rel: str, num: str, units: str) -> list:
    """Parts of a year ("the third quarter of 2024", "Q3 2024", "de eerste jaarhelft"), feast
    days ("on Christmas Day 1914", "met Pasen") and "in two weeks" ("over twee weken")."""
    pats = []
    tail = rf"\s+(?P<tail>{alt(v.year_tail_of)})(?![\w-])" if v.year_tail_of else "(?!)"
    if v.year_part_of:
        pats.append(
            (
                "year_part",
                rf"{B}(?P<ord>{alt(v.year_part_ordinal_of)})[\s\-]+(?P<part>{alt(v.year_part_of)})"
                rf"(?:\s+{month_year_join}{year}|{tail})?{E}",
                "part",
            )
        )
    if v.year_part_code_of:  # "Q3 2024", "Q3/2024", "H1'25", "Q4"
        pats.append(
            (
                "year_part",
                rf"{B}(?P<code>{alt(v.year_part_code_of)})(?P<n>[1-4])"
                rf"(?:(?:\s*[/\-]\s*|\s+){year}|['’](?P<yy>\d\d))?{E}",
                "digit",
            )
        )
    if v.holiday_of:
        pats.append(
            (
                "holiday",
                rf"{B}(?:(?P<rel>{rel})\s+)?(?P<hol>{alt(v.holiday_of)})(?:,?\s+{year}|{tail})?{E}",
                "holiday",
            )
        )
    hence = [w for w in v.hence_words if w not in (*v.ago["before"], *v.later["before"])]
    if hence:
        pats.append(("ago", rf"{B}(?P<word>{alt(hence)})\s+(?P<n>{num})\s+(?P<unit>{units})(?!\w)", "unit"))
    return pats


def _phrase_words(v: Vocab) -> set[str]:
    """One word of each fixed relative-day (or story-day) phrase: its part-of-day word, else
    its longest."""
    words = set()
    for phrase in [*(r.phrase for r in v.relative_days), *v.focus_day_of]:
        tokens = [t.strip(".,'’") for t in phrase.split()]
        known = [t for t in tokens if t in v.day_part_of or t in v.unit_of]
        words.add(known[-1] if known else max(tokens, key=len))
    return {w for w in words if w}


def _trigger_classes(v: Vocab) -> dict[str, Any]:
    """The words of each trigger class: every match of a pattern contains a word of its class
    (a unit for "last week", a season for "the following spring", ...)."""
    sp = v.spelled_years
    return {
        "month": v.month_of,
        "weekday": v.weekday_of,  # abbreviations only inside a full date, found by its month
        # the unit patterns' fixed phrases too: "im Vorjahr", "heuer" name no unit word
        "unit": [*v.unit_of, *(max(p.split(), key=len) for p in (*v.unit_end, *v.this_year, *v.year_ago))],
        "phrase": _phrase_words(v),
        "season": v.season_of,
        "part": [*v.year_part_of, *v.week_number["after"]],  # "Halbjahr"; "zwölften Kalenderwoche"
        "holiday": [max(p.split(), key=len) for p in v.holiday_of],
        "century": v.century_words,
        "decade": v.decade_prefixes,
        "spelled": [*sp.get("teens", {}), *(max(p.split(), key=len) for p in sp.get("thousand", []))],
    }


def _triggers(classes: dict[str, Any]) -> dict[str, re.Pattern[str]]:
    """One regex per trigger class, and "any" for all of them, so a pattern runs only in
    windows around its class's words."""
    tries = {c: trie_pattern(words) for c, words in classes.items() if words}
    out = {c: re.compile(rf"(?<!\w){p}") for c, p in tries.items()}
    words = "|".join(f"(?P<{c}>{p})" for c, p in tries.items())
    out["any"] = re.compile(rf"(?P<digit>\d+)|(?<!\w)(?:{words})")
    if not any(ch.isdigit() for ws in classes.values() for w in ws for ch in w):
        # the words alone, found faster (eventmap/text/dates/find.py _windows): the
        # non-word character before a word, then the word in a look-ahead (its class's group)
        out["words"] = re.compile(rf"\W(?=(?:{words}))")
        # where "words" matches, found faster still: every class's words in one trie, so re
        # tries one alternation per non-word character instead of one per class
        every = trie_pattern({w for ws in classes.values() for w in ws if w})
        out["word_starts"] = re.compile(rf"\W(?={every})")
    return out


@cache
def patterns_for(lang: str) -> LanguagePatterns:
    """The compiled patterns of a language (built once per process)."""
    return build(load_vocab(lang))
