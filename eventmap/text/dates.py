"""Temporal expressions in Dutch and English news: find them, then pin them to the calendar.

Finding uses our own compiled regexes (eventmap/text/temporal_patterns.py) so every mention has
exact offsets and quantities like "1000 km" never look like years. Normalising uses a
cached `dateparser.DateDataParser` for numeric dates ("18-03-2025", "3/18/2013": it knows
each language's day/month order), the month tables of temporal_patterns for named dates,
and our own arithmetic for
everything relative to the reference day (weekdays, "vorige week", "last year", "3 days
ago", yearless "18 maart"), where news conventions differ from dateparser's defaults:

* a weekday is the nearest such day on or before the reference (after it when the sentence
  speaks of the future, or with "next"/"komende");
* a day or month without a year is the nearest one to the reference, with the past
  preferred (a future date must be less than half as far away as the past one);
* week = ISO week Monday..Sunday; every mention carries an inclusive interval.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from eventmap.errors import InputError
from eventmap.text.language import resolve_language
from eventmap.text.temporal_patterns import (
    FUTURE_CUES,
    MONTHS,
    NUMBER_WORDS,
    PATTERNS,
    QUANTITY_CUES,
    QUANTITY_WORDS,
    REPORTING_VERBS,
    SHAPE_TRIGGER,
    TRIGGER_CLASSES,
    TRIGGER_WINDOW,
    TRIGGERS,
    WEEKDAYS,
)

MIN_YEAR = 1800
FUTURE_YEARS = 10  # a bare year may lie at most this far after the reference ...
FAR_TARGET_YEARS = 40  # ... or this much further after "by", "until", "tegen" ...
_TARGET_YEAR_WORDS = frozenset("by until till before in tegen uiterlijk tot voor".split())


@dataclass(frozen=True, slots=True)
class DateMention:
    """A temporal expression at text[start:end], normalised to an inclusive interval."""

    start: int
    end: int
    text: str
    value: str  # ISO: 2025-03-18, 2025-03, 2025-W11, 2025, or "a/b" for a range
    precision: str  # day, week, month, year
    date: date
    date_end: date
    relative: bool  # counted from the reference day (weekday, "gisteren", "last year");
    # a day or month named without its year still counts as explicit

    @property
    def kind(self) -> str:
        """'relative' or 'explicit': what the event's date_source becomes."""
        return "relative" if self.relative else "explicit"


@dataclass(frozen=True, slots=True)
class _Norm:
    value: str
    precision: str
    start: date
    end: date
    relative: bool


# ---------------------------------------------------------------- calendar helpers


def day_interval(d: date, relative: bool = False) -> _Norm:
    return _Norm(d.isoformat(), "day", d, d, relative)


def week_interval(d: date, relative: bool = True) -> _Norm:
    iso = d.isocalendar()
    monday = d - timedelta(days=d.weekday())
    return _Norm(f"{iso.year:04d}-W{iso.week:02d}", "week", monday, monday + timedelta(days=6), relative)


def month_interval(year: int, month: int, relative: bool = False) -> _Norm:
    last = calendar.monthrange(year, month)[1]
    return _Norm(f"{year:04d}-{month:02d}", "month", date(year, month, 1), date(year, month, last), relative)


def year_interval(year: int, relative: bool = False) -> _Norm:
    return _Norm(f"{year:04d}", "year", date(year, 1, 1), date(year, 12, 31), relative)


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def as_reference(reference: date | datetime | str | None) -> date | None:
    """Accept a date, a datetime or an ISO day string; None stays None."""
    if reference is None or (isinstance(reference, date) and not isinstance(reference, datetime)):
        return reference
    if isinstance(reference, datetime):
        return reference.date()
    try:
        return date.fromisoformat(str(reference).strip()[:10])
    except ValueError:
        raise InputError(f"reference date {reference!r} is not an ISO day (YYYY-MM-DD)") from None


def _nearest_year(ref: date, month: int, day: int | None, future_ok: bool) -> int | None:
    """The year putting (month, day) nearest to ref; future distances count double unless future_ok."""
    best: tuple[float, int] | None = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        if day is None:
            diff = (year * 12 + month) - (ref.year * 12 + ref.month)
        else:
            try:
                diff = (date(year, month, day) - ref).days
            except ValueError:
                continue
        cost = -diff if diff <= 0 else diff * (1 if future_ok else 2)
        if best is None or cost < best[0]:
            best = (cost, year)
    return None if best is None else best[1]


# ---------------------------------------------------------------- dateparser (cached)


@lru_cache(maxsize=32)
def _parser(lang: str, ref: date):
    from dateparser.date import DateDataParser  # imported lazily: it is slow to import

    return DateDataParser(
        languages=[lang],
        settings={
            "RELATIVE_BASE": datetime(ref.year, ref.month, ref.day),
            "PREFER_DATES_FROM": "past",
            "PREFER_DAY_OF_MONTH": "first",
            "RETURN_TIME_AS_PERIOD": False,
            "DATE_ORDER": "DMY" if lang == "nl" else "MDY",
        },
    )


@lru_cache(maxsize=4096)
def dateparser_normalise(lang: str, expression: str, ref: date) -> tuple[date, str] | None:
    """(date, period) from dateparser for a clean expression, or None when it cannot say."""
    data = _parser(lang, ref).get_date_data(expression)
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"


# ---------------------------------------------------------------- normalisers per shape

_Context = tuple[str, "re.Match[str]", str, "date | None"]  # text, match, lang, ref
_WS = re.compile(r"\s+")


def _month(lang: str, word: str | None) -> int | None:
    if not word:
        return None
    return MONTHS[lang].get(word.lower().rstrip("."))


FUTURE_LOOKBACK = 80  # characters before a mention searched for a future cue (same sentence)
_CLAUSE_END = re.compile(r"[,.;:!?]|\b(?:that|dat|which|die|omdat|because)\b", re.I)


def _future_context(text: str, start: int, end: int, lang: str) -> bool:
    """Does the clause around a mention speak of the future?

    A future cue ("will", "zal") shortly before the mention counts unless a reporting verb
    ("said", "zei") stands between them; one right after counts when no clause boundary
    intervenes ("Vrijdag zal Trump ...", "dat Trump vrijdag zal komen", but not "announced
    Friday that it will ...").
    """
    before = text[max(0, start - FUTURE_LOOKBACK) : start]
    cut = max(before.rfind(". "), before.rfind("\n"), before.rfind("? "), before.rfind("! "))
    if cut >= 0:
        before = before[cut + 1 :]
    cues = list(FUTURE_CUES[lang].finditer(before))
    if cues:
        return not REPORTING_VERBS[lang].search(before, cues[-1].end())
    after = _CLAUSE_END.split(text[end : end + 25], maxsplit=1)[0]
    return bool(FUTURE_CUES[lang].search(after))


def _prev_word(text: str, start: int) -> str:
    m = re.search(r"([^\s]+)\s*$", text[max(0, start - 30) : start])
    return m.group(1).lower().strip("(\"'‘“") if m else ""


def _next_word(text: str, end: int) -> str:
    m = re.match(r"\s*([^\s]+)", text[end : end + 40])
    return m.group(1).lower().strip(".,;:!?)\"'’”") if m else ""


def _norm_day(ctx: _Context) -> _Norm | None:
    text, m, lang, ref = ctx
    month, day = _month(lang, m.group("m1")), int(m.group("d1"))
    if month is None:
        return None
    if m.group("y1"):
        year: int | None = int(m.group("y1"))
    elif ref is None:
        return None
    else:
        year = _nearest_year(ref, month, day, _future_context(text, m.start(), m.end(), lang))
    try:
        return day_interval(date(year, month, day)) if year else None
    except ValueError:  # "31 februari"
        return None


_MONTH_CONTEXT = frozenset(
    "in since until till by of from through during before after early late mid last next this".split()
)
_AMBIGUOUS_MONTHS = frozenset(["May", "March"])


def _norm_month(ctx: _Context) -> _Norm | None:
    text, m, lang, ref = ctx
    word = m.group("m1")
    month = _month(lang, word)
    if month is None:
        return None
    rel = (m.group("rel") or "").lower()
    has_year = bool(m.group("y1"))
    if lang == "en" and word in _AMBIGUOUS_MONTHS and not has_year and not rel and m.group(0) == word:
        if _prev_word(text, m.start()) not in _MONTH_CONTEXT:
            return None  # "May" the verb or name, "the March on Washington"
    if has_year:
        return month_interval(int(m.group("y1")), month)
    if ref is None:
        return None
    if rel in ("last", "past", "vorige", "afgelopen"):
        year = ref.year if month < ref.month else ref.year - 1
    elif rel in ("next", "coming", "komende", "volgende"):
        year = ref.year if month > ref.month else ref.year + 1
    elif rel in ("this", "deze"):
        year = ref.year
    else:
        year = _nearest_year(ref, month, None, _future_context(text, m.start(), m.end(), lang))
    return month_interval(year, month, relative=bool(rel))


def _norm_iso(ctx: _Context) -> _Norm | None:
    m = ctx[1]
    try:
        return day_interval(date(int(m.group("y1")), int(m.group("m1")), int(m.group("d1"))))
    except ValueError:
        return None


def _norm_numeric(ctx: _Context) -> _Norm | None:
    text, m, lang, ref = ctx
    got = dateparser_normalise(lang, m.group(0), ref or date(2000, 1, 1))
    if got is None or got[1] != "day" or got[0].year < MIN_YEAR:
        return None
    return day_interval(got[0])


def _range_year(ctx: _Context, month: int, day: int) -> int | None:
    text, m, lang, ref = ctx
    if m.group("y1"):
        return int(m.group("y1"))
    if ref is None:
        return None
    return _nearest_year(ref, month, day, _future_context(text, m.start(), m.end(), lang))


def _range(first: date, last: date, relative: bool) -> _Norm | None:
    if not first < last or (last - first).days > 366:
        return None
    return _Norm(f"{first.isoformat()}/{last.isoformat()}", "day", first, last, relative)


def _norm_range_days(ctx: _Context) -> _Norm | None:
    m, lang = ctx[1], ctx[2]
    month = _month(lang, m.group("m1"))
    d1, d2 = int(m.group("d1")), int(m.group("d2"))
    year = _range_year(ctx, month, d1) if month else None
    if year is None:
        return None
    try:
        return _range(date(year, month, d1), date(year, month, d2), not m.group("y1"))
    except ValueError:
        return None


def _norm_range_dm(ctx: _Context) -> _Norm | None:
    m, lang = ctx[1], ctx[2]
    m1, m2 = _month(lang, m.group("m1")), _month(lang, m.group("m2"))
    if not m1 or not m2:
        return None
    d1, d2 = int(m.group("d1")), int(m.group("d2"))
    year_end = _range_year(ctx, m2, d2)
    if year_end is None:
        return None
    year_start = year_end - 1 if m1 > m2 else year_end
    try:
        return _range(date(year_start, m1, d1), date(year_end, m2, d2), not m.group("y1"))
    except ValueError:
        return None


def _year_limit(ref: date | None) -> int:
    return (ref or date.today()).year + FUTURE_YEARS


def _is_quantity(text: str, start: int, end: int) -> bool:
    """'1900 soldiers', 'ruim 2000', '€2019', '2000-jarige': a number, not a year."""
    before = text[max(0, start - 2) : start].strip()
    if before[-1:] in ("$", "€", "£", "¥", "#", "+", "±", "~"):
        return True
    if text[end : end + 1] in ("-", "%") or text[end : end + 2] in (" %",):
        return True
    if _prev_word(text, start) in QUANTITY_CUES:
        return True
    return _next_word(text, end) in QUANTITY_WORDS


def _norm_year(ctx: _Context) -> _Norm | None:
    text, m, lang, ref = ctx
    year = int(m.group("y1"))
    limit = _year_limit(ref)
    if _prev_word(text, m.start()) in _TARGET_YEAR_WORDS:
        limit += FAR_TARGET_YEARS  # "by 2030", "tegen 2050": plans may lie far ahead
    if not MIN_YEAR <= year <= limit:
        return None
    if _is_quantity(text, m.start("y1"), m.end("y1")):
        return None
    return year_interval(year)


def _norm_year_range(ctx: _Context) -> _Norm | None:
    text, m, lang, ref = ctx
    y1, raw2 = int(m.group("y1")), m.group("y2")
    if len(raw2) == 2:
        if text[m.end("y1") : m.start("y2")] not in ("-", "–", "/"):
            return None
        y2 = y1 // 100 * 100 + int(raw2)
    else:
        y2 = int(raw2)
    limit = _year_limit(ref)
    if _prev_word(text, m.start()) in _TARGET_YEAR_WORDS:
        limit += FAR_TARGET_YEARS
    if not MIN_YEAR <= y1 < y2 <= limit or y2 - y1 > 50:
        return None
    if _is_quantity(text, m.start(), m.end()):
        return None
    return _Norm(f"{y1:04d}/{y2:04d}", "year", date(y1, 1, 1), date(y2, 12, 31), False)


_PAST_WORDS = frozenset(["last", "past", "vorige", "afgelopen"])
_UNTIL_WORDS = frozenset(["until", "till", "tot", "through"])  # "closed until Friday": the nearer one
_NEXT_WORDS = frozenset(["next", "coming", "komende", "volgende", "aanstaande"])


def _norm_weekday(ctx: _Context) -> _Norm | None:
    text, m, lang, ref = ctx
    if ref is None:
        return None
    word = m.group("wd").lower()
    target = next(v for k, v in WEEKDAYS[lang].items() if word.startswith(k))
    rel = (m.groupdict().get("rel") or "").lower()
    suffix = "" if "wd2" in m.groupdict() else m.group(0)[m.end("wd") - m.start() :].lower()
    back = (ref.weekday() - target) % 7
    ahead = (target - ref.weekday()) % 7
    if rel in _PAST_WORDS or "jl" in suffix or "jongstleden" in suffix:
        return day_interval(ref - timedelta(days=back or 7), relative=True)
    if rel in _NEXT_WORDS or "aanstaande" in suffix or "a.s." in suffix:
        return day_interval(ref + timedelta(days=ahead or 7), relative=True)
    if ahead and (
        _future_context(text, m.start(), m.end(), lang)
        or (_prev_word(text, m.start()) in _UNTIL_WORDS and ahead < back)
    ):
        return day_interval(ref + timedelta(days=ahead), relative=True)
    return day_interval(ref - timedelta(days=back), relative=True)


def _norm_night_of(ctx: _Context) -> _Norm | None:
    """'in de nacht van zaterdag op zondag': the two days, the first one as a weekday."""
    first = _norm_weekday(ctx)
    if first is None:
        return None
    return _range(first.start, first.start + timedelta(days=1), True)


def _norm_night_into(ctx: _Context) -> _Norm | None:
    """'overnight into Sunday', 'the night to Friday': the weekday and the day before it."""
    last = _norm_weekday(ctx)
    if last is None:
        return None
    return _range(last.start - timedelta(days=1), last.start, True)


def _norm_week_weekday(ctx: _Context) -> _Norm | None:
    """'vorige week dinsdag', 'last week Tuesday': that weekday in the named ISO week."""
    text, m, lang, ref = ctx
    if ref is None:
        return None
    word = m.group("wd").lower()
    target = next(v for k, v in WEEKDAYS[lang].items() if word.startswith(k))
    rel = m.group("rel").lower()
    weeks = (
        -1 if rel in ("vorige", "afgelopen", "last") else 1 if rel in ("volgende", "komende", "next") else 0
    )
    monday = ref - timedelta(days=ref.weekday()) + timedelta(days=7 * weeks)
    return day_interval(monday + timedelta(days=target), relative=True)


_DAY_OFFSETS: dict[str, int] = {
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "yesterday": -1,
    "last night": -1,
    "the day before yesterday": -2,
    "tomorrow": 1,
    "vandaag": 0,
    "vanochtend": 0,
    "vanmorgen": 0,
    "vanmiddag": 0,
    "vanavond": 0,
    "vannacht": 0,
    "afgelopen nacht": 0,
    "gisteren": -1,
    "gisteravond": -1,
    "gisterochtend": -1,
    "gistermiddag": -1,
    "gisternacht": -1,
    "gistermorgen": -1,
    "eergisteren": -2,
    "morgen": 1,
    "morgenochtend": 1,
    "morgenavond": 1,
    "morgenmiddag": 1,
    "overmorgen": 2,
}


# The night or day just ending at the reference day: the two days it touches.
_NIGHT_BEFORE = frozenset(
    [
        "overnight",
        "the past 24 hours",
        "the last 24 hours",
        "the past twenty-four hours",
        "the last twenty-four hours",
        "the past day",
        "afgelopen etmaal",
        "het afgelopen etmaal",
        "de afgelopen 24 uur",
    ]
)
# Early on the reference day itself (after midnight), like "vannacht".
_DAY_OFFSETS.update(
    {
        "in the early hours": 0,
        "in the small hours": 0,
        "in the wee hours": 0,
        "in de vroege ochtend": 0,
        "in de vroege ochtenduren": 0,
    }
)


def _norm_relword(ctx: _Context) -> _Norm | None:
    ref, word = ctx[3], _WS.sub(" ", ctx[1].group("word").lower())
    if ref is not None and word in _NIGHT_BEFORE:
        return _range(ref - timedelta(days=1), ref, True)
    if ref is None or word not in _DAY_OFFSETS:
        return None
    return day_interval(ref + timedelta(days=_DAY_OFFSETS[word]), relative=True)


_UNIT_OFFSET_WORDS: dict[str, int] = {
    "this": 0,
    "the current": 0,
    "deze": 0,
    "dit": 0,
    "last": -1,
    "the previous": -1,
    "vorige": -1,
    "vorig": -1,
    "afgelopen": -1,
    "next": 1,
    "the coming": 1,
    "the following": 1,
    "volgende": 1,
    "volgend": 1,
    "komende": 1,
    "komend": 1,
}
_UNIT_RE = re.compile(
    r"(this|the current|the previous|the coming|the following|last|next|deze|dit|vorige|vorig|afgelopen|volgende|volgend|komende|komend)\s+(week|month|year|weekend|maand|jaar)$"
)


_IN_THE_UNIT = re.compile(r"\bin (the|de) (week)$")


def _norm_relunit(ctx: _Context) -> _Norm | None:
    text, m, lang, ref = ctx
    if ref is None:
        return None
    phrase = _WS.sub(" ", m.group("word").lower())
    # "earlier in the week", "later in de week": the reference's own week
    phrase = _IN_THE_UNIT.sub(lambda u: ("deze " if u.group(1) == "de" else "this ") + u.group(2), phrase)
    found = _UNIT_RE.search(phrase)
    if found is None:
        return None
    det, unit = found.groups()
    prev = _prev_word(text, m.start())
    if (
        phrase == found.group(0)
        and det in ("last", "next", "afgelopen", "komende", "komend")
        and prev in ("the", "de", "het")
    ):
        return None  # "the last week", "de afgelopen week", "in the next year": a duration
    offset = _UNIT_OFFSET_WORDS[det]
    if unit == "week":
        return week_interval(ref + timedelta(days=7 * offset))
    if unit in ("month", "maand"):
        return month_interval(*shift_month(ref.year, ref.month, offset), relative=True)
    if unit in ("year", "jaar"):
        return year_interval(ref.year + offset, relative=True)
    saturday = ref - timedelta(days=ref.weekday()) + timedelta(days=5 + 7 * offset)
    if offset == -1 and ref.weekday() >= 5:
        saturday += timedelta(days=7)  # "last weekend" said on a Sunday: the one just ending
    return _range(saturday, saturday + timedelta(days=1), True)


def _norm_weekend(ctx: _Context) -> _Norm | None:
    """'in het weekend', 'over the weekend': the most recent weekend (the current one on
    a Saturday or Sunday)."""
    ref = ctx[3]
    if ref is None:
        return None
    saturday = ref - timedelta(days=(ref.weekday() - 5) % 7)
    return _range(saturday, saturday + timedelta(days=1), True)


def _norm_ago(ctx: _Context) -> _Norm | None:
    text, m, lang, ref = ctx
    if ref is None:
        return None
    raw = m.group("n").lower()
    n = int(raw) if raw.isdigit() else NUMBER_WORDS[lang].get(raw)
    word = m.group("word").lower()
    if not n or word not in ("ago", "geleden"):
        return None  # "three days earlier" is relative to another event, not to the reference
    unit = m.group("unit").lower()
    if unit.startswith(("day", "dag")):
        return day_interval(ref - timedelta(days=n), relative=True)
    if unit.startswith(("week", "wek")):
        return week_interval(ref - timedelta(days=7 * n))
    if unit.startswith(("month", "maand")):
        return month_interval(*shift_month(ref.year, ref.month, -n), relative=True)
    return year_interval(ref.year - n, relative=True)


_NORMALISERS: dict[str, Callable[[_Context], _Norm | None]] = {
    "day": _norm_day,
    "month": _norm_month,
    "iso": _norm_iso,
    "numeric": _norm_numeric,
    "range_days": _norm_range_days,
    "range_dm": _norm_range_dm,
    "year": _norm_year,
    "year_range": _norm_year_range,
    "weekday": _norm_weekday,
    "week_weekday": _norm_week_weekday,
    "night_of": _norm_night_of,
    "night_into": _norm_night_into,
    "relword": _norm_relword,
    "weekend": _norm_weekend,
    "relunit": _norm_relunit,
    "ago": _norm_ago,
}


# ---------------------------------------------------------------- public API


def _windows(trigger: re.Pattern[str], lowered: str) -> dict[str, list[tuple[int, int]]]:
    """Per trigger class, merged [lo, hi) spans within TRIGGER_WINDOW characters of a trigger."""
    spans: dict[str, list[list[int]]] = {cls: [] for cls in TRIGGER_CLASSES}
    for hit in trigger.finditer(lowered):
        own = spans[hit.lastgroup]
        lo, hi = max(0, hit.start() - TRIGGER_WINDOW), min(len(lowered), hit.end() + TRIGGER_WINDOW)
        if own and lo <= own[-1][1]:
            own[-1][1] = max(own[-1][1], hi)
        else:
            own.append([lo, hi])
    return {cls: [(lo, hi) for lo, hi in found] for cls, found in spans.items()}


@lru_cache(maxsize=4)  # the pipeline asks twice per article; keep few (texts may be MBs)
def _candidates(text: str, lang: str) -> tuple[tuple[int, int, str, re.Match[str]], ...]:
    """Every pattern match (overlaps included), longest first, then leftmost.

    Cached per text: the pipeline normalises the same candidates against two references.
    Patterns only run in windows around trigger tokens (digits, month and day names, ...).
    """
    lowered = text.lower()
    if len(lowered) != len(text):  # rare letters whose lowercase is longer ("İ")
        lowered = "".join(ch.lower()[:1] for ch in text)
    windows = _windows(TRIGGERS[lang], lowered)
    found = []
    for pattern in PATTERNS[lang]:
        source = lowered if pattern.on_lowercase else text
        for lo, hi in windows[SHAPE_TRIGGER[pattern.shape]]:
            for match in pattern.regex.finditer(source, lo, hi):
                found.append((match.start(), match.end(), pattern.shape, match))
    found.sort(key=lambda c: (c[0] - c[1], c[0]))
    return tuple(found)


def find_dates(
    text: str, reference: date | datetime | str | None = None, lang: str | None = "nl"
) -> list[DateMention]:
    """Every temporal expression in `text`, in order, normalised relative to `reference`.

    Without a reference only self-contained dates are returned (with a year, or ISO);
    relative ones ("gisteren", "on Friday", "18 maart") need a reference day. `lang` is
    'nl', 'en', or None/'auto' to detect it from the text.
    """
    if not isinstance(text, str):
        raise InputError("find_dates needs a str")
    lang = resolve_language(lang, text)
    ref = as_reference(reference)
    candidates = list(_candidates(text, lang))
    taken = bytearray(len(text))
    found: list[DateMention] = []
    for start, end, shape, match in candidates:
        if any(taken[start:end]):
            continue
        norm = _NORMALISERS[shape]((text, match, lang, ref))
        if norm is None:
            continue
        taken[start:end] = b"\x01" * (end - start)
        found.append(
            DateMention(
                start, end, text[start:end], norm.value, norm.precision, norm.start, norm.end, norm.relative
            )
        )
    found.sort(key=lambda d: d.start)
    return found
