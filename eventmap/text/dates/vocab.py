"""Every date word of a language, loaded from its one data table (dates/vocab/<lang>.json).

A language is a JSON file; adding one is adding a file (docs/parsing.md, "Languages", walks through
it). The patterns (dates/patterns.py) and the rules (dates/rules_*.py) read words only from
here, never from code. Keys, all lowercase (text is matched lowercased):

- ``months`` / ``weekdays``: English name -> every form, case forms included (Ukrainian and
  Russian genitives "березня", "марта"; abbreviations may be written with a full stop).
  ``weekday_abbreviations`` are only read inside a full date ("Tue., March 18").
- ``capitalised_names``: names are written with a capital (en, de); a lowercase "may" or
  "march" is then a verb or a noun. ``ambiguous_months`` need a ``month_context_words``
  word before them when they stand alone ("in May", not "He May go").
- ``date_order`` (DMY/MDY/YMD) and ``numeric_dates`` for "18-03-2025" / "3/18/13" (its
  ``day_month_prefixes``: "am 22.3." without a year, read only after those words).
- ``ordinal_suffixes`` ("th", "e", "." for German "7.", "er" for French "1er"),
  ``day_prefixes`` ("the", "le"), ``day_month_joiners`` ("of"), ``month_day_order``
  ("March 14"), ``month_year_joiners``, ``year_suffixes`` ("г.", "року"), ``era``.
- ``range_starts``/``range_joiners``/``between_words``/``list_joiners``: "from 10 to 12
  March" is a range, "in 1990 and 1991" a list of two, "between 1990 and 1995" a range.
- ``period_modifiers`` (early/mid/late), ``relative`` and ``weekday_relative`` (last/this/
  next words, and before_last: "vorletzte Woche", "позаминулого року"; ``anaphoric_relative`` ones such as "the following" count from the story's
  last date, not from today), ``weekday_suffixes`` ("zaterdag jl."), ``units``, ``unit_prefixes``,
  ``duration_determiners`` ("the last week" is a duration), ``ago``/``later``/``earlier``
  with the side of "N units" they stand on (German "vor 3 Tagen": before), ``numbers``.
- ``relative_days``: phrases with their day offset (or a two-day span) and part of day,
  with ``not_before``/``not_after`` guard words ("'s morgens" is not tomorrow).
- Templates (``week_weekday``, ``night_of``, ``night_into``, ``this_unit``, ``weekend``):
  words with slots ``{weekday}``, ``{weekday2}``, ``{rel}``; a space is any whitespace.
- Narrative and newswire words: ``anaphoric_units``, ``unit_end``, ``this_year`` ("heuer",
  "seit Jahresbeginn": the story's year), ``year_ago``,
  ``seasons`` (alone only after a ``season_context_words`` word: "stocks fall" is a verb),
  ``decades``, ``centuries``, ``spelled_years``; ``comparison_bases`` (the words before a
  date that is only the base of a comparison: "compared with 2023", "ten opzichte van
  2023"); ``comparison_words`` ("three days later
  than planned" is a difference, not a date) and ``preposition_words`` ("two days before
  the vote" counts from an event, which the anchoring stage finds).
- Clause words: ``future_cues`` (and ``future_suffixes``, endings only a future tense has:
  French "-eront", Ukrainian "-тиме"), ``next_words``, ``reporting_verbs`` (with
  ``reporting_fillers`` such as "in a statement", ``date_prepositions`` and
  ``reporting_subject_words``: "police said on Saturday" dates the report), ``clause_breaks``,
  ``since_words`` (``from_words`` among them also look ahead: "ab 1. April"), ``until_words``, ``target_year_words``, ``year_context_words``,
  ``quantity_words``/``quantity_cues`` (a number is a quantity, not a year), ``day_parts``,
  ``day_part_compounds`` ("maandagavond"), ``clock``, ``pluperfect_cues`` ("had": a
  sentence in the pluperfect is background, its earlier dates do not move the story's focus),
  ``present_tense`` (verbs, suffixes, not_verbs, not_suffixes, determiners, adjective_suffixes,
  after_initial_weekday, pronouns: a bare weekday next to a present-tense verb is the coming
  day, a subject pronoun may stand between them: "trifft er am Donnerstag"),
  ``short_year_words`` (in a narrative a three-digit number is a year after an ``always``
  word, "the year 800", or after a ``clause`` word when a clause ends after it: "In 800, ...").
- ``stopwords`` and ``letters`` (language detection; ``letters_required``: a text without any
  of them is less likely this language) and ``abbreviations`` (sentence splitting).
- Added for German, French, Ukrainian and Russian, open to every language:
  ``relative_after`` (a relative word after its unit: "la semaine dernière"), ``one_unit``
  (unit forms meaning one without a number: "тиждень тому"), ``anaphoric_suffixes`` (a
  suffix making "this <unit>" the story's: "cette année-là"), ``sentence_initial_years``
  (German style writes no other numeral at a sentence's start: "1429 befreite Jeanne ..."), ``focus_days`` (phrases counted
  in days from the story's last day: "am nächsten Tag", "le lendemain"), ``season_adverbs``
  (season words that need no preposition: "восени"), ``decades.prefixes`` / ``two_digit`` / ``long_suffixes``
  ("les années 90", "90er"), ``year_ordinal_suffixes`` ("2022-го року"),
  ``generated_excluded`` (dateparser forms that are ordinary words, not merged in), and the
  reporting-clause words ``reporting_fillers``, ``date_prepositions``,
  ``reporting_subject_words``; ``season_year_joiners`` (the words between a season and an
  anaphoric year: "the summer *of* that year", "l'été *de la* même année").
- Parts of a year and feast days: ``year_parts`` (``parts``: quarter and half words, a
  ``needs_year`` one only with a year, "the first half of 2024", never "the first half" of a
  match; ``ordinals``, -1 for the last part; ``codes`` such as "Q3 2024"; ``tails`` such as
  "of last year" with their year offset) and ``holidays`` (``days``: phrases with a fixed
  "MM-DD" ``date``, or an ``easter`` offset in days, ``orthodox`` for the Julian Easter, and
  ``if_sunday`` to move a day off a Sunday; read alone only after a ``prepositions`` word,
  never before a ``not_after`` word: "on Christmas Island"); ``hence`` (the words before "N
  units" counting forward from the writer's day: "over twee weken", "in two weeks" only when
  ``needs_future`` and the clause speaks of the future).
- ``past_cues``: finite past forms ("was", "werd", "war", "était"): a weekday after an
  until word in a clause told in the past is the past one ("tot en met vrijdag was ...").
  ``present_tense.copulas`` ("is", "zijn", "ist", "a lieu"): a date right after one that
  closes its clause is scheduled, the coming one ("De verkiezingen zijn op 12 december").
- ``target_day_words``: a bare weekday after one of them is the day something is meant for,
  the coming one unless its clause is told in the past ("a yellow warning for Saturday",
  "перенесли на субботу").
- ``restrictive_relatives``: relative ``words`` that open a clause without a comma right after
  a noun ("the protests that began on Sept. 25", "de protesten die op 25 september begonnen"):
  a date in it is background when the sentence has another; never after a ``not_after`` word
  or a reporting verb ("said that", "believes that": a complement, not a relative clause);
  an ``auxiliaries`` word after the clause's first word ends it ("the man who fled *was*
  arrested on May 28").
- ``coming_words``: ``relative.next`` words for the first one ahead ("komend weekend").
- ``name_words``: a date in a name is no date: ``after`` are nouns that, capitalised right
  after a date, make it a name ("the May 13 Square", "9 May Street"), ``before`` are words
  right before one ("rue du 4-Septembre", "улица 8 Марта", "Straße des 17. Juni").
- ``week_numbers``: ISO week numbers: words ``before`` the number ("KW 12", "Kalenderwoche
  12"), ``after`` an ordinal ("12. Kalenderwoche"), and ``guarded`` words read only after
  one of the ``prepositions`` and not before a ``not_then`` phrase ("in week 12", not "week 12
  van de competitie").
- ``day_alone``: a day of the month without its month ("On the 26th, ...", "Am 26. griffen",
  "Le 14, les Allemands"): ``prefixes`` before it, its ``suffixes`` (``suffix_required``) and
  what must follow (``then``: "punctuation", or also a "lowercase" word or a "stopword").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import product
from typing import Any

from eventmap.errors import InputError

MONTH_KEYS: tuple[str, ...] = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
WEEKDAY_KEYS: tuple[str, ...] = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
REQUIRED_KEYS: tuple[str, ...] = ("language", "sources", "date_order", "months", "weekdays", "units")
KNOWN_KEYS: frozenset[str] = frozenset(
    """
    language name sources generated date_order numeric_dates capitalised_names months ambiguous_months
    month_context_words weekdays weekday_abbreviations ordinal_suffixes day_prefixes day_month_joiners
    month_day_order month_year_joiners year_suffixes era range_starts range_joiners between_words
    list_joiners period_modifiers relative anaphoric_relative weekday_relative weekday_suffixes units
    unit_prefixes duration_determiners ago later earlier numbers spelled_years relative_days
    week_weekday night_of night_into this_unit weekend anaphoric_units unit_end this_year year_ago seasons
    season_context_words decades centuries day_parts day_part_compounds clock future_cues next_words
    reporting_verbs clause_breaks since_words until_words target_year_words year_context_words pluperfect_cues short_year_words
    present_tense
    quantity_words quantity_cues comparison_words comparison_bases preposition_words stopwords abbreviations anchors
    date_prepositions reporting_fillers reporting_subject_words
    generated_excluded relative_after one_unit focus_days season_adverbs year_ordinal_suffixes letters
    letters_required date_prepositions reporting_fillers reporting_subject_words season_year_joiners
    year_parts holidays hence span_ends when_words relative_pronouns future_suffixes from_words day_alone anaphoric_suffixes
    sentence_initial_years past_cues week_numbers writer_future_cues target_day_words name_words restrictive_relatives coming_words
    """.split()
)
_LOOKALIKE = {"i": "iі", "x": "xх", "c": "cс", "m": "mм"}  # Roman numerals typed in Cyrillic letters
REL_OFFSETS = {"before_last": -2, "last": -1, "this": 0, "next": 1}


@dataclass(frozen=True, slots=True)
class RelativeDay:
    """A phrase of `relative_days`: the days it covers (offsets from the reference)."""

    phrase: str
    first: int
    last: int
    part: str | None
    not_before: tuple[str, ...]
    not_after: tuple[str, ...]
    ahead: tuple[int, int] | None = None  # the days it covers in a clause about the future


@dataclass(frozen=True, slots=True)
class Holiday:
    """A feast day of `holidays`: a fixed month and day, or days from Easter Sunday."""

    month: int = 0
    day: int = 0
    easter: int | None = None
    orthodox: bool = False
    if_sunday: int = 0  # days it moves when the fixed day is a Sunday (Koningsdag: -1)


def _holidays(table: dict[str, Any]) -> dict[str, Holiday]:
    out: dict[str, Holiday] = {}
    for entry in table.get("days") or []:
        if "easter" in entry:
            day = Holiday(easter=int(entry["easter"]), orthodox=bool(entry.get("orthodox")))
        else:
            month, _, mday = entry["date"].partition("-")
            day = Holiday(int(month), int(mday), if_sunday=int(entry.get("if_sunday", 0)))
        for phrase in entry["phrases"]:
            out.setdefault(" ".join(phrase.lower().split()), day)
    return out


def _words(raw: dict[str, Any], key: str) -> tuple[str, ...]:
    value = raw.get(key) or []
    return tuple(w.lower() for w in value)


def _forms(raw: dict[str, Any], key: str, names: tuple[str, ...]) -> dict[str, int]:
    out: dict[str, int] = {}
    table = raw.get(key) or {}
    for index, name in enumerate(names):
        for form in table.get(name, []):
            out.setdefault(form.lower().rstrip("."), index + 1)
    return out


class Vocab:
    """One language's date words with the lookups the patterns and rules need."""

    def __init__(self, raw: dict[str, Any]) -> None:
        missing = [k for k in REQUIRED_KEYS if k not in raw]
        if missing:
            raise ValueError(f"date vocabulary {raw.get('language')!r} lacks {', '.join(missing)}")
        unknown = sorted(set(raw) - KNOWN_KEYS)
        if unknown:
            raise ValueError(f"date vocabulary {raw.get('language')!r}: unknown keys {', '.join(unknown)}")
        self.raw = raw
        self.lang: str = raw["language"]
        self.date_order: str = raw["date_order"]
        numeric = raw.get("numeric_dates") or {}
        self.numeric_separators: str = numeric.get("separators", "/")
        self.two_digit_years: bool = bool(numeric.get("two_digit_years"))
        # "am 22.3.", "vom 1.4.": a day and month in digits, read only after these words
        self.day_month_prefixes = _words(numeric, "day_month_prefixes")
        self.capitalised: bool = bool(raw.get("capitalised_names"))
        self.month_of = _forms(raw, "months", MONTH_KEYS)
        if sorted(set(self.month_of.values())) != list(range(1, 13)):
            raise ValueError(f"date vocabulary {self.lang!r}: every month needs a form")
        self.ambiguous_months = frozenset(_words(raw, "ambiguous_months"))
        self.month_context = frozenset(_words(raw, "month_context_words"))
        self.weekday_of = {k: v - 1 for k, v in _forms(raw, "weekdays", WEEKDAY_KEYS).items()}
        self._weekdays_longest = sorted(self.weekday_of.items(), key=lambda kv: -len(kv[0]))
        self.weekday_abbr_of = {
            k: v - 1 for k, v in _forms(raw, "weekday_abbreviations", WEEKDAY_KEYS).items()
        }
        self.ordinal_suffixes = _words(raw, "ordinal_suffixes")
        self.day_prefixes = _words(raw, "day_prefixes")
        self.day_month_joiners = _words(raw, "day_month_joiners")
        self.month_day_order = bool(raw.get("month_day_order"))
        self.month_year_joiners = _words(raw, "month_year_joiners")
        self.year_suffixes = _words(raw, "year_suffixes")
        era = raw.get("era") or {}
        self.era_ad = tuple(w.lower() for w in era.get("ad", []))
        self.era_bc = tuple(w.lower() for w in era.get("bc", []))
        self.range_starts = _words(raw, "range_starts")
        self.range_joiners = _words(raw, "range_joiners")
        self.between_words = frozenset(_words(raw, "between_words"))
        self.list_joiners = _words(raw, "list_joiners")
        self.modifier_of: dict[str, str] = {}
        for mod, phrases in (raw.get("period_modifiers") or {}).items():
            for p in phrases:
                self.modifier_of.setdefault(p.lower(), mod)
        self.rel_of = _relative(raw.get("relative"))
        self.anaphoric_rel_of = _relative(raw.get("anaphoric_relative"))
        self.weekday_rel_of = _relative(raw.get("weekday_relative") or raw.get("relative"))
        self.weekday_suffix_of = _relative(raw.get("weekday_suffixes"))
        # French "la semaine dernière", "l'année prochaine": the relative word after the unit
        self.rel_after_of = _relative(raw.get("relative_after"))
        # a unit form meaning one unit without a number: "тиждень тому", "неделю назад"
        self.one_unit = _words(raw, "one_unit")
        # "cette année-là", "ce mois-là": a suffix making "this <unit>" the story's
        self.anaphoric_suffixes = _words(raw, "anaphoric_suffixes")
        # German: a numeral opening a sentence before a lowercase verb is a year ("1429 befreite ...")
        self.sentence_initial_years = bool(raw.get("sentence_initial_years"))
        # days counted from the story's last day: "am nächsten Tag", "le lendemain"
        self.focus_day_of = {
            p.lower(): int(e["days"]) for e in (raw.get("focus_days") or []) for p in e["phrases"]
        }
        self.unit_of: dict[str, str] = {}
        for unit, forms in raw["units"].items():
            for form in forms:
                self.unit_of.setdefault(form.lower(), unit)
        self.unit_prefixes = _words(raw, "unit_prefixes")
        self.duration_determiners = frozenset(_words(raw, "duration_determiners"))
        self.ago = _sides(raw, "ago")
        self.later = _sides(raw, "later")
        self.earlier = _sides(raw, "earlier")
        self.numbers = {k.lower(): int(v) for k, v in (raw.get("numbers") or {}).items()}
        self.relative_days = tuple(_relative_days(raw.get("relative_days") or []))
        self.relative_day_of = {r.phrase: r for r in self.relative_days}
        for key in ("week_weekday", "night_of", "night_into", "this_unit", "weekend"):
            setattr(self, key, _words(raw, key))
        anaphoric = raw.get("anaphoric_units") or {}
        self.anaphoric_this = tuple(w.lower() for w in anaphoric.get("this", []))
        self.anaphoric_contexts = tuple(w.lower() for w in anaphoric.get("contexts", []))
        self.unit_end = _words(raw, "unit_end")
        self.this_year = _words(raw, "this_year")  # one word for the story's year: "heuer"
        self.year_ago = _words(raw, "year_ago")
        self.season_of: dict[str, str] = {}
        for season, forms in (raw.get("seasons") or {}).items():
            for form in forms:
                self.season_of.setdefault(form.lower(), season)
        # season words that say "in spring" by themselves ("влітку", "осенью"): no context needed
        self.season_adverbs = frozenset(_words(raw, "season_adverbs"))
        self.season_year_joiners = _words(raw, "season_year_joiners")
        decades = raw.get("decades") or {}
        self.decade_determiners = tuple(w.lower() for w in decades.get("the", []))
        self.decade_suffix: str = decades.get("suffix", "")
        self.decade_long_suffixes = _words(decades, "long_suffixes")  # after four digits only: "1930-е"
        self.decade_prefixes = tuple(w.lower() for w in decades.get("prefixes", []))  # "les années 1990"
        self.decade_two_digit = bool(decades.get("two_digit"))  # "90er", "90-х", "années 90"
        # "2022-го року", "в 2022-м году": an ordinal ending after a year keeps it a year
        self.year_ordinal_suffixes = _words(raw, "year_ordinal_suffixes")
        centuries = raw.get("centuries") or {}
        self.century_words = tuple(w.lower() for w in centuries.get("words", []))
        self.century_ordinals = {k.lower(): int(v) for k, v in (centuries.get("ordinals") or {}).items()}
        for roman, n in list(self.century_ordinals.items()):  # "ХІХ століття", "ХIХ век": Cyrillic letters
            if set(roman) <= set("ivxlcm"):
                for letters in product(*(_LOOKALIKE.get(c, c) for c in roman)):
                    self.century_ordinals.setdefault("".join(letters), n)
        self.spelled_years: dict[str, Any] = raw.get("spelled_years") or {}
        self.day_part_of: dict[str, str] = {}
        for part, forms in (raw.get("day_parts") or {}).items():
            for form in forms:
                self.day_part_of.setdefault(form.lower(), part)
        self.day_part_compounds = bool(raw.get("day_part_compounds"))
        self.clock: dict[str, tuple[str, ...]] = {
            k: tuple(w.lower() for w in v) for k, v in (raw.get("clock") or {}).items()
        }
        for key in (
            "future_cues",
            "future_suffixes",
            "next_words",
            "reporting_verbs",
            "clause_breaks",
            "since_words",
            "from_words",
            "until_words",
            "target_year_words",
            "year_context_words",
            "quantity_cues",
            "comparison_words",
            "comparison_bases",
            "preposition_words",
            "date_prepositions",
            "reporting_fillers",
            "season_context_words",
            "when_words",
            "relative_pronouns",
            "stopwords",
            "abbreviations",
            "writer_future_cues",
            "target_day_words",
            "coming_words",
        ):
            setattr(self, key, _words(raw, key))
        self.reporting_verb_set = frozenset(self.reporting_verbs)
        self.quantity_words = frozenset(_words(raw, "quantity_words"))
        self.reporting_subject_words = int(raw.get("reporting_subject_words", 3))
        self.quantity_cue_set = frozenset(self.quantity_cues)
        self.year_context = frozenset(self.year_context_words)
        self.next_word_set = frozenset(self.next_words)
        self.since_set = frozenset(self.since_words)
        self.from_set = frozenset(self.from_words)  # since words that also look ahead: "ab", "з"
        self.until_set = frozenset(self.until_words)
        self.target_day_set = frozenset(self.target_day_words)  # "a warning for Saturday"
        self.range_start_set = frozenset(self.range_starts)
        self.range_gap_set = frozenset((*self.range_joiners, "-", "–", "—"))
        present = raw.get("present_tense") or {}
        self.present_verbs = frozenset(_words(present, "verbs"))
        self.present_suffixes = _words(present, "suffixes")
        self.present_not_verbs = frozenset(_words(present, "not_verbs"))
        self.present_not_suffixes = _words(present, "not_suffixes")
        self.present_determiners = frozenset(_words(present, "determiners"))
        self.present_adjective_suffixes = _words(present, "adjective_suffixes")
        self.present_after_initial_weekday = bool(present.get("after_initial_weekday"))
        # subject pronouns after a verb-second verb: "trifft er am Donnerstag", "ontmoet hij donderdag"
        self.present_pronouns = frozenset(_words(present, "pronouns"))
        # a copula in the present: "Shops are closed until Monday", "De verkiezingen zijn op 12 december"
        self.present_copulas = frozenset(_words(present, "copulas"))
        self.infinitive_markers = frozenset(_words(present, "infinitive_markers"))
        self.past_cues = _words(raw, "past_cues")  # finite past forms: "was", "werd", "war"
        restrictive = raw.get("restrictive_relatives") or {}  # "protests that began on Sept. 25"
        self.restrictive_relatives = frozenset(_words(restrictive, "words"))
        self.restrictive_not_after = frozenset(_words(restrictive, "not_after"))
        # a finite auxiliary after the clause's first word is the main clause's again
        self.restrictive_auxiliaries = frozenset(_words(restrictive, "auxiliaries"))
        names = raw.get("name_words") or {}  # "the May 13 Square", "rue du 4-Septembre"
        self.name_after = frozenset(_words(names, "after"))
        self.name_before = _words(names, "before")
        weeks = raw.get("week_numbers") or {}  # "KW 12", "in der 12. Kalenderwoche", "in week 12"
        self.week_number: dict[str, tuple[str, ...]] = {
            k: _words(weeks, k) for k in ("before", "after", "guarded", "prepositions", "not_then")
        }
        self.date_preposition_set = frozenset(self.date_prepositions)
        short = raw.get("short_year_words") or {}
        self.short_year_always = frozenset(_words(short, "always"))  # "the year 800"
        self.short_year_clause = frozenset(_words(short, "clause"))  # "In 800, ..."
        self.pluperfect_cues = _words(raw, "pluperfect_cues")
        self.pluperfect_cue = re.compile(
            rf"(?<!\w)(?:{'|'.join(map(re.escape, self.pluperfect_cues))})(?!\w)"
        )
        self.target_year_set = frozenset(self.target_year_words)
        parts = raw.get("year_parts") or {}
        # word -> (part, needs a year): "quarter" -> ("quarter", False), "half" -> ("half", True)
        self.year_part_of: dict[str, tuple[str, bool]] = {}
        for entry in parts.get("parts") or []:
            for w in entry["words"]:
                self.year_part_of.setdefault(w.lower(), (entry["part"], bool(entry.get("needs_year"))))
        self.year_part_ordinal_of = {k.lower(): int(n) for k, n in (parts.get("ordinals") or {}).items()}
        self.year_part_code_of = {
            e["code"].lower(): (e["part"], bool(e.get("needs_year"))) for e in parts.get("codes") or []
        }
        self.year_tail_of = {
            " ".join(k.lower().split()): int(n) for k, n in (parts.get("tails") or {}).items()
        }
        holidays = raw.get("holidays") or {}
        self.holiday_of = _holidays(holidays)
        self.holiday_prepositions = frozenset(_words(holidays, "prepositions"))
        self.holiday_not_after = frozenset(_words(holidays, "not_after"))
        alone = raw.get("day_alone") or {}  # "on the 26th", "am 26.", "le 14,": the story's month
        self.day_alone_prefixes = _words(alone, "prefixes")
        self.day_alone_suffixes = _words(alone, "suffixes")
        self.day_alone_suffix_required = bool(alone.get("suffix_required"))
        self.day_alone_then: str = alone.get("then", "punctuation")
        hence = raw.get("hence") or {}
        self.hence_words = _words(hence, "words")
        self.hence_needs_future = bool(hence.get("needs_future"))
        ends = _words(raw, "span_ends")
        spans = [w for w, u in self.unit_of.items() if u in ("week", "month", "quarter", "year")]
        self.span_end_re = (
            re.compile(
                rf"(?<!\w)(?P<n>\d{{1,2}}|{'|'.join(map(re.escape, sorted(self.numbers, key=len, reverse=True)))})"
                rf"\s+(?P<unit>{'|'.join(map(re.escape, sorted(spans, key=len, reverse=True)))})"
                rf"\s+(?:{'|'.join(map(re.escape, sorted(ends, key=len, reverse=True)))})\s+$"
            )
            if ends and spans and self.numbers
            else None
        )

    def month(self, word: str | None) -> int | None:
        """1..12 for a month form ('maart', 'Sept.', 'березня'), else None."""
        if not word:
            return None
        return self.month_of.get(word.lower().rstrip("."))

    def weekday(self, word: str) -> int | None:
        """0 (Monday)..6 for a weekday form, also at the start of a compound ('maandagavond')."""
        w = word.lower().rstrip(".")
        if w in self.weekday_of:
            return self.weekday_of[w]
        if w in self.weekday_abbr_of:
            return self.weekday_abbr_of[w]
        for form, index in self._weekdays_longest:
            if w.startswith(form):
                return index
        return None

    def number(self, word: str) -> int | None:
        """An integer for digits or a number word ('drie', 'two'), else None."""
        w = word.lower()
        if w.isdigit():
            return int(w)
        return self.numbers.get(w)


def _relative(table: dict[str, list[str]] | None) -> dict[str, int]:
    out: dict[str, int] = {}
    for key, words in (table or {}).items():
        for w in words:
            out.setdefault(w.lower(), REL_OFFSETS[key])
    return out


def _sides(raw: dict[str, Any], key: str) -> dict[str, tuple[str, ...]]:
    table = raw.get(key) or {}
    return {side: tuple(w.lower() for w in table.get(side, [])) for side in ("before", "after")}


def _relative_days(entries: list[dict[str, Any]]) -> list[RelativeDay]:
    out = []
    for entry in entries:
        days = entry["days"]
        first, last = (days, days) if isinstance(days, int) else (int(days[0]), int(days[1]))
        for phrase in entry["phrases"]:
            out.append(
                RelativeDay(
                    phrase.lower(),
                    first,
                    last,
                    entry.get("part"),
                    tuple(w.lower() for w in entry.get("not_before", [])),
                    tuple(w.lower() for w in entry.get("not_after", [])),
                    (int(entry["ahead"][0]), int(entry["ahead"][1])) if "ahead" in entry else None,
                )
            )
    return out


def _folder():
    return resources.files("eventmap.text.dates") / "vocab"


@cache
def available_languages() -> tuple[str, ...]:
    """Codes of every language with a date vocabulary, sorted ('en', 'nl', ...)."""
    return tuple(sorted(p.name[:-5] for p in _folder().iterdir() if p.name.endswith(".json")))


@cache
def load_vocab(lang: str) -> Vocab:
    """The vocabulary of a language; InputError for a language without a table."""
    if lang not in available_languages():
        raise InputError(f"unsupported language {lang!r} (use auto, {', '.join(available_languages())})")
    raw = json.loads((_folder() / f"{lang}.json").read_text(encoding="utf-8"))
    return Vocab(raw)
