"""Per-language vocabulary and compiled regexes that *find* temporal expressions.

Finding and normalising are separate jobs: these patterns only say where a candidate
expression is and what shape it has (named groups + a `shape` tag); eventmap/text/dates.py turns
each candidate into a calendar interval. Every pattern is anchored on word boundaries so
that numbers with units ("1000 km"), ages ("74-jarige") and clock times never match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventmap.text.wordtrie import trie_pattern

MONTHS: dict[str, dict[str, int]] = {
    "en": {
        "january": 1,
        "jan": 1,
        "february": 2,
        "feb": 2,
        "march": 3,
        "mar": 3,
        "april": 4,
        "apr": 4,
        "may": 5,
        "june": 6,
        "jun": 6,
        "july": 7,
        "jul": 7,
        "august": 8,
        "aug": 8,
        "september": 9,
        "sep": 9,
        "sept": 9,
        "october": 10,
        "oct": 10,
        "november": 11,
        "nov": 11,
        "december": 12,
        "dec": 12,
    },
    "nl": {
        "januari": 1,
        "jan": 1,
        "februari": 2,
        "feb": 2,
        "maart": 3,
        "mrt": 3,
        "april": 4,
        "apr": 4,
        "mei": 5,
        "juni": 6,
        "jun": 6,
        "juli": 7,
        "jul": 7,
        "augustus": 8,
        "aug": 8,
        "september": 9,
        "sep": 9,
        "sept": 9,
        "oktober": 10,
        "okt": 10,
        "november": 11,
        "nov": 11,
        "december": 12,
        "dec": 12,
    },
}

WEEKDAYS: dict[str, dict[str, int]] = {
    "en": {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6},
    "nl": {
        "maandag": 0,
        "dinsdag": 1,
        "woensdag": 2,
        "donderdag": 3,
        "vrijdag": 4,
        "zaterdag": 5,
        "zondag": 6,
    },
}

NUMBER_WORDS: dict[str, dict[str, int]] = {
    "en": {
        "a": 1,
        "an": 1,
        "one": 1,
        "two": 2,
        "three": 3,
        "four": 4,
        "five": 5,
        "six": 6,
        "seven": 7,
        "eight": 8,
        "nine": 9,
        "ten": 10,
        "eleven": 11,
        "twelve": 12,
    },
    "nl": {
        "een": 1,
        "één": 1,
        "eén": 1,
        "twee": 2,
        "drie": 3,
        "vier": 4,
        "vijf": 5,
        "zes": 6,
        "zeven": 7,
        "acht": 8,
        "negen": 9,
        "tien": 10,
        "elf": 11,
        "twaalf": 12,
    },
}

# Words after a bare year-like number that make it a quantity ("2000 soldiers", "1900 km").
QUANTITY_WORDS: frozenset[str] = frozenset(
    """
km kilometer kilometre kilometers kilometres kilometer miles mile meter meters metre metres
m feet ft kg kilo kilos kilogram ton tons tonnes tonne euro euros eur dollar dollars usd pound
pounds gbp yen roebel roebels rubles roubles procent percent pct % people persons person
soldiers troops civilians residents inhabitants homes houses buildings children men women
dead deaths killed wounded injured refugees migrants prisoners hostages votes jobs workers
employees students patients cases vehicles cars tanks missiles rockets drones shells bombs
barrels words pages hours minutes seconds days weeks months years times members points units
mensen personen doden gewonden slachtoffers soldaten militairen burgers inwoners huizen
woningen gebouwen kinderen mannen vrouwen vluchtelingen gevangenen gijzelaars stemmen banen
werknemers medewerkers leerlingen studenten patiënten besmettingen voertuigen auto's tanks
raketten drones granaten bommen vaten woorden pagina's uur uren minuten seconden dagen weken
maanden jaar jaren keer leden punten stuks meter kilo liter miljoen miljard duizend honderd
million billion thousand hundred
""".split()
)

# Words just before a bare number that make it a quantity ("more than 2000", "ruim 1900").
QUANTITY_CUES: frozenset[str] = frozenset(
    """
than about nearly almost some roughly approximately over under least most up to
ruim bijna ongeveer circa zo'n zowat minstens maximaal hooguit dan tot
nummer number no nr no. kamer room page pagina artikel article flight vlucht route
""".split()
)

# Words that put a weekday/month without year in the future ("will meet on Monday").
FUTURE_CUES: dict[str, re.Pattern[str]] = {
    "en": re.compile(
        r"\b(will|won't|shall|'ll|is to|are to|is due|are due|scheduled|expected to|plans? to|going to|upcoming)\b",
        re.I,
    ),
    "nl": re.compile(
        r"\b(zal|zullen|zult|gaat|gaan|wil|willen|komende|volgende|aanstaande|gepland|verwacht)\b", re.I
    ),
}


# Reporting verbs: a date after one of them dates the report, which lies in the past.
REPORTING_VERBS: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"\b(said|says|told|announced|reported|confirmed|added|stated)\b", re.I),
    "nl": re.compile(r"\b(zei|zegt|zeiden|meldde|melden|meldt|maakte|liet|verklaarde|bevestigde)\b", re.I),
}


@dataclass(frozen=True, slots=True)
class TemporalPattern:
    """One compiled candidate pattern; `shape` tells the normaliser how to read its groups."""

    shape: str
    regex: re.Pattern[str]
    on_lowercase: bool = False  # run on the lowercased text (much faster than re.I)


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_B = r"(?<![\w\-/.])"  # left boundary: not inside a word, number or date
_E = r"(?![\w]|[.,/\-]\d)"  # right boundary: not followed by more word or number

_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_YEAR = r"(?:1[89]\d\d|20\d\d)"


def _patterns_en() -> list[TemporalPattern]:
    full = "January|February|March|April|May|June|July|August|September|October|November|December"
    abbr = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
    mon = rf"(?:{full}|{abbr})"
    wd = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    ordsuf = r"(?:st|nd|rd|th)?"
    wdpre = rf"(?:(?:{wd}),?\s+)?"
    d1 = rf"(?P<d1>{_DAY}){ordsuf}"
    d2 = rf"(?P<d2>{_DAY}){ordsuf}"
    y = rf"(?P<y1>{_YEAR})"
    num = _alt(NUMBER_WORDS["en"]) + r"|\d{1,2}"
    mod = r"(?:(?:early|late|mid|the end of|the beginning of|the start of|the middle of|end of|beginning of|start of)[\s\-]+)"
    i = "(?i:"  # inline case-insensitive group for function words
    pats = [
        (
            "range_days",
            rf"{_B}(?:{i}from|between)\s+)?{d1}\s*(?:[-–]|{i}to|and|until|till|through)\s+)\s*{d2}(?:\s+{i}of)?)?\s+(?P<m1>{mon})(?:,?\s+(?P<y1>{_YEAR}))?{_E}",
        ),
        (
            "range_days",
            rf"{_B}(?:{i}from|between)\s+)?(?P<m1>{mon})\s+{d1}\s*(?:[-–]|\s{i}to|and|until|till|through)\s)\s*{d2}(?:,?\s+(?P<y1>{_YEAR}))?{_E}",
        ),
        (
            "range_dm",
            rf"{_B}(?:{i}from|between)\s+)?{d1}\s+(?P<m1>{mon})\s*(?:[-–]|{i}to|and|until|till|through)\s)\s*{d2}\s+(?P<m2>{mon})(?:,?\s+(?P<y1>{_YEAR}))?{_E}",
        ),
        (
            "range_dm",
            rf"{_B}(?:{i}from|between)\s+)?(?P<m1>{mon})\s+{d1}\s*(?:[-–]|{i}to|and|until|till|through)\s)\s*(?P<m2>{mon})\s+{d2}(?:,?\s+(?P<y1>{_YEAR}))?{_E}",
        ),
        ("day", rf"{_B}{wdpre}(?:{i}the)\s+)?{d1}(?:\s+{i}of))?\s+(?P<m1>{mon})(?:,?\s+{y})?{_E}"),
        ("day", rf"{_B}{wdpre}(?P<m1>{mon})\s+{d1}(?:,?\s+{y})?{_E}"),
        (
            "month",
            rf"{_B}(?:{mod}|(?P<rel>{i}last|next|this|past|coming))\s+)?(?P<m1>{mon})(?:,?\s+(?:{i}of)\s+)?{y})?{_E}",
        ),
        ("iso", rf"{_B}(?P<y1>{_YEAR})-(?P<m1>0[1-9]|1[0-2])-(?P<d1>[0-2]\d|3[01]){_E}"),
        ("numeric", rf"{_B}\d{{1,2}}/\d{{1,2}}/(?:\d{{4}}|\d{{2}}){_E}"),
        (
            "year_range",
            rf"{_B}(?:{i}from|between)\s+)?(?P<y1>{_YEAR})\s*(?:[-–]|{i}to|and)\s)\s*(?P<y2>{_YEAR}|\d\d){_E}(?!\s*(?:%|km|per))",
        ),
        ("year", rf"{_B}(?:{mod})?(?P<y1>{_YEAR}){_E}"),
        ("week_weekday", rf"{_B}(?P<rel>{i}last|next|this))\s+week(?:'s)?\s+(?P<wd>{wd})(?![\w])"),
        (
            "weekday",
            rf"{_B}(?:(?P<rel>{i}last|next|this|past|coming))\s+)?(?P<wd>{wd})(?:\s+(?:{i}night|morning|afternoon|evening)))?{_E}",
        ),
        (
            "relword",
            rf"{_B}(?P<word>{i}the day before yesterday|today|yesterday|tomorrow|tonight|this morning|this afternoon|this evening|last night))(?!\w)",
        ),
        (
            "relword",
            rf"{_B}(?<!almost\s)(?<!nearly\s)(?<!virtually\s)(?<!literally\s)(?<!practically\s)(?P<word>{i}overnight))(?!\w|\s+(?:{i}into|on|to|from)\s+)?(?:{wd})\b|\s+(?:{i}success|sensation|star|stay|stays|celebrity|millionaire|bag|parking|oats|delivery|shipping|trip|flight|train)\b))",
        ),
        ("relword", rf"{_B}(?P<word>{i}in\s+the\s+(?:early|small|wee)\s+hours))(?!\s+of\b|\w)"),
        (
            "relword",
            rf"{_B}(?:{i}in|over|during|within)\s+)(?P<word>{i}the\s+(?:past|last)\s+(?:24|twenty-four)\s+hours|the\s+past\s+day))(?!\w)",
        ),
        ("night_into", rf"{_B}(?:{i}overnight|the\s+night)\s+(?:into|to)\s+)(?P<wd>{wd})(?![\w])"),
        ("relunit", rf"{_B}(?P<word>{i}(?:earlier|later)\s+in\s+the\s+week))(?![\w-])"),
        (
            "relunit",
            rf"{_B}(?P<word>{i}(?:(?:earlier|later|late|early)\s+)?(?:this|last|next|the coming|the current|the previous|the following)\s+(?:week|month|year|weekend)))(?![\w-])",
        ),
        ("weekend", rf"{_B}(?P<word>{i}(?:over|at|during)\s+the\s+weekend))(?![\w-])"),
        (
            "ago",
            rf"{_B}(?P<n>{i}{num}))\s+(?P<unit>{i}days?|weeks?|months?|years?))\s+(?P<word>{i}ago|earlier))(?!\w)",
        ),
    ]
    return [TemporalPattern(s, re.compile(p)) for s, p in pats]


def _patterns_nl() -> list[TemporalPattern]:
    months = MONTHS["nl"]
    full = _alt([m for m in months if len(m) > 4 or m in ("mei", "juni", "juli")])
    abbr = r"(?:jan|feb|mrt|apr|jun|jul|aug|sept|sep|okt|nov|dec)\.?"
    mon = rf"(?:{full}|{abbr})"
    monfull = rf"(?:{full})"
    wd = _alt(WEEKDAYS["nl"])
    part = r"(?:avond|ochtend|middag|nacht|morgen)"
    wdpre = rf"(?:(?:{wd}){part}?,?\s+)?"
    d1 = rf"(?P<d1>{_DAY})(?:e|ste|de)?"
    d2 = rf"(?P<d2>{_DAY})(?:e|ste|de)?"
    y = rf"(?P<y1>{_YEAR})"
    num = _alt(NUMBER_WORDS["nl"]) + r"|\d{1,2}"
    mod = r"(?:(?:begin|eind|einde|half|medio|midden|halverwege|eind\s+van|begin\s+van)\s+)"
    pats = [
        (
            "range_days",
            rf"{_B}(?:(?:van|tussen)\s+)?{d1}\s*(?:[-–]|tot\s+en\s+met|t/m|tot|en)\s*{d2}\s+(?P<m1>{mon})(?:\s+(?P<y1>{_YEAR}))?{_E}",
        ),
        (
            "range_dm",
            rf"{_B}(?:(?:van|tussen)\s+)?{d1}\s+(?P<m1>{mon})\s*(?:[-–]|tot\s+en\s+met|t/m|tot|en)\s*{d2}\s+(?P<m2>{mon})(?:\s+(?P<y1>{_YEAR}))?{_E}",
        ),
        ("day", rf"{_B}{wdpre}{d1}\s+(?P<m1>{mon})(?:\s+{y})?{_E}"),
        (
            "month",
            rf"{_B}(?:{mod}|(?P<rel>vorige|afgelopen|komende|volgende|deze)\s+)?(?P<m1>{monfull})(?:\s+{y})?{_E}",
        ),
        ("iso", rf"{_B}(?P<y1>{_YEAR})-(?P<m1>0[1-9]|1[0-2])-(?P<d1>[0-2]\d|3[01]){_E}"),
        ("numeric", rf"{_B}\d{{1,2}}[-/.]\d{{1,2}}[-/.](?:\d{{4}}){_E}"),
        (
            "year_range",
            rf"{_B}(?:(?:van|tussen)\s+)?(?P<y1>{_YEAR})\s*(?:[-–]|tot|en)\s*(?P<y2>{_YEAR}|\d\d){_E}(?!\s*(?:%|km|per))",
        ),
        ("year", rf"{_B}(?:{mod})?(?P<y1>{_YEAR}){_E}(?!-jarig)"),
        (
            "weekday",
            rf"{_B}(?:(?P<rel>afgelopen|vorige|komende|volgende|aanstaande|deze)\s+)?(?P<wd>{wd}){part}?(?:\s+(?:jl\.|j\.l\.|jongstleden|(?P<rel2>aanstaande|a\.s\.)))?(?![\w])",
        ),
        ("night_of", rf"{_B}(?:in\s+)?de\s+nacht\s+van\s+(?P<wd>{wd})\s+op\s+(?P<wd2>{wd})(?![\w])"),
        (
            "week_weekday",
            rf"{_B}(?P<rel>vorige|afgelopen|deze|volgende|komende)\s+week\s+(?P<wd>{wd}){part}?(?![\w])",
        ),
        (
            "relword",
            rf"{_B}(?P<word>eergisteren|gisteren|gisteravond|gisterochtend|gistermiddag|gisternacht|gistermorgen|vandaag|vanochtend|vanmorgen|vanmiddag|vanavond|vannacht|afgelopen\s+nacht|overmorgen|(?<!'s\s)(?<!’s\s)(?<!de\s)(?<!die\s)(?<!deze\s)(?<!elke\s)(?<!iedere\s)(?<!volgende\s)(?<!goede\s)(?<!vroege\s)morgen(?:ochtend|avond|middag)?(?!\w|\s+(?:vroeg|ochtend)))(?!\w)",
        ),
        (
            "relword",
            rf"{_B}(?P<word>(?:het\s+)?afgelopen\s+etmaal|de\s+afgelopen\s+24\s+uur|in\s+de\s+vroege\s+ochtend(?:uren)?)(?!\s+van\b|\w)",
        ),
        ("relunit", rf"{_B}(?P<word>(?:eerder|later)\s+in\s+de\s+week)(?![\w-])"),
        (
            "relunit",
            rf"{_B}(?P<word>(?:(?:eerder|later|begin|eind|eerder\s+in|later\s+in)\s+)?(?:deze|vorige|afgelopen|volgende|komende|dit|vorig|volgend|komend)\s+(?:week|maand|jaar|weekend))(?![\w-])",
        ),
        ("weekend", rf"{_B}(?P<word>(?:in\s+|tijdens\s+)?het\s+weekend)(?![\w-])"),
        (
            "ago",
            rf"{_B}(?P<n>{num})\s+(?P<unit>dag|dagen|week|weken|maand|maanden|jaar|jaren)\s+(?P<word>geleden|eerder)(?!\w)",
        ),
    ]
    return [TemporalPattern(s, re.compile(p), on_lowercase=True) for s, p in pats]


PATTERNS: dict[str, list[TemporalPattern]] = {"en": _patterns_en(), "nl": _patterns_nl()}


# Every pattern contains a digit or a word of its trigger class (lowercased): find_dates
# runs each pattern only in windows around its class's triggers, skipping most of a text.
_TRIGGER_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "month": "jan feb mar apr may jun jul aug sep oct nov dec",
        "weekday": "monday tuesday wednesday thursday friday saturday sunday",
        "rel": "today tonight yesterday tomorrow morning afternoon evening night overnight hours day "
        "week month year",
    },
    "nl": {
        "month": "jan feb maart mrt apr mei jun jul aug sep okt nov dec",
        "weekday": "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag",
        "rel": "gister eergister vandaag morgen overmorgen vanochtend vanmorgen vanmiddag vanavond "
        "vannacht nacht dag week weken maand jaar jaren etmaal uur ochtend",
    },
}
TRIGGER_CLASSES: tuple[str, ...] = ("digit", "month", "weekday", "rel")
# One regex per language; the name of the group that matched is the trigger's class.
TRIGGERS: dict[str, re.Pattern[str]] = {
    lang: re.compile(
        r"(?P<digit>\d+)|\b(?:"
        + "|".join(f"(?P<{cls}>{trie_pattern(words.split())})" for cls, words in classes.items())
        + ")"
    )
    for lang, classes in _TRIGGER_WORDS.items()
}
SHAPE_TRIGGER: dict[str, str] = {
    "range_days": "month",
    "range_dm": "month",
    "day": "month",
    "month": "month",
    "iso": "digit",
    "numeric": "digit",
    "year": "digit",
    "year_range": "digit",
    "weekday": "weekday",
    "week_weekday": "weekday",
    "night_of": "weekday",
    "night_into": "weekday",
    "relword": "rel",
    "weekend": "rel",
    "relunit": "rel",
    "ago": "rel",
}
TRIGGER_WINDOW = 80  # characters around a trigger that a pattern match may reach
