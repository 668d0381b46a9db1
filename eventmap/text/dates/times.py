"""Clock times and parts of the day: "om 14.30 uur", "at 2:30 p.m.", "1400 GMT", "'s avonds".

`find_times(text, lang)` returns TimeMentions whose `value` is "HH:MM" or a part of the
day (eventmap.model.DAY_PARTS: night, morning, afternoon, evening), the form of
`Event.time`. A number is a clock time only when it shows it: a colon ("14:30"), am/pm,
an hour word ("14.30 uur", "10 o'clock"), a time zone ("1400 GMT"), or a clock
preposition before it ("om 14.30", "at 9.15"); "3.5 percent" and "14 hours" are not.
The words come from the `clock` and `day_parts` entries of the language's date table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from eventmap.text.dates.patterns import alt, word_start_alt
from eventmap.text.dates.textview import view
from eventmap.text.dates.vocab import load_vocab

B = r"(?<![\w.,:/€$£-])"
E = r"(?![\w]|[.,:]\d)"


@dataclass(slots=True, unsafe_hash=True)  # not frozen: built faster (see text/sentences.py Sentence)
class TimeMention:
    """A clock time or part of the day at text[start:end]; value 'HH:MM' or a DAY_PARTS word."""

    start: int
    end: int
    text: str
    value: str


@dataclass(frozen=True, slots=True)
class _Clock:
    patterns: tuple[re.Pattern[str], ...]  # DIGIT_PATTERNS with a number, then with a word
    cores: tuple[re.Pattern[str], ...]  # what each digit pattern's match holds (see find_times)
    am: frozenset[str]
    pm: frozenset[str]
    parts: dict[str, str]
    prefixes: re.Pattern[str]
    words: re.Pattern[str]  # a part-of-day word: the word patterns run only near one
    whole_runs: bool = True  # every word after an hour starts with a letter (see DIGIT_RUNS)


DIGIT_PATTERNS = 4  # the first four clock patterns contain a number: they run only near digits


def _genitive(form: str) -> bool:
    """ "'s avonds", "’s nachts": a part of the day that needs no preposition."""
    return form.startswith(("'s ", "’s "))


@cache
def _clock(lang: str) -> _Clock:
    v = load_vocab(lang)
    c = v.clock
    am, pm = c.get("am", ()), c.get("pm", ())
    ampm = alt([*am, *pm])
    hours = alt(c.get("hour_words", ()))
    zones = alt(c.get("zones", ()))
    prefix = alt(c.get("prefixes", ()))
    parts = {form: part for form, part in v.day_part_of.items()}
    part_prefix = alt(c.get("part_prefixes", ()))
    h24, mm = r"(?P<h>[01]?\d|2[0-3])", r"(?P<m>[0-5]\d)"
    patterns = [
        rf"{B}(?:(?P<pre>{prefix})\s+)?{h24}(?P<sep>[:.h]){mm}(?:\s*(?P<ap>{ampm}))?(?:\s*(?P<hw>{hours}))?(?:\s*(?P<zone>{zones}))?{E}",
        rf"{B}(?P<h>1[0-2]|0?[1-9])\s*(?P<ap>{ampm})(?:\s*(?P<zone>{zones}))?(?!\w)",
        rf"{B}(?P<pre>{prefix})\s+{h24}\s*(?P<hw>{hours})(?:\s*(?P<zone>{zones}))?(?!\w)",
        rf"{B}(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)\s*(?P<zone>{zones}|(?P<hw>{hours}))(?!\w)",
        rf"{B}(?P<noon>{alt(c.get('noon', ()))})(?!\w)",
        rf"{B}(?P<midnight>{alt(c.get('midnight', ()))})(?!\w)",
        rf"{B}{part_prefix}\s+(?P<part>{alt(p for p in parts if not _genitive(p))})(?!\w)",
        rf"(?<!\w)(?P<part>{alt(p for p in parts if _genitive(p))})(?!\w)",
    ]
    # a digit and what must follow it in every match of the digit patterns above: "14:30"
    # "2 pm", "14 uur", "1400 gmt". Opening with \d, they are searched for in C; a window
    # without its pattern's core holds no match and is not read with the pattern itself.
    cores = [
        r"\d[:.h][0-5]\d",
        rf"\d\s*{ampm}",
        rf"\d\s*{hours}",
        rf"\d\s*(?:{zones}|{hours})",
    ]
    # each form's longest word ("'s avonds" -> "avonds", "ніч"): every word pattern's match has one
    words = {max(form.split(), key=len) for form in [*parts, *c.get("noon", ()), *c.get("midnight", ())]}
    return _Clock(
        tuple(re.compile(p) for p in patterns),
        tuple(re.compile(p) for p in cores),
        frozenset(am),
        frozenset(pm),
        parts,
        re.compile(rf"(?:{prefix})$"),
        re.compile(word_start_alt(words)),  # (?<!\w) + alt(words), fast to search for
        not any(w[:1].isdigit() for w in [*am, *pm, *c.get("hour_words", ()), *c.get("zones", ())]),
    )


def _value(m: re.Match[str], clock: _Clock) -> str | None:
    groups = m.groupdict()
    if groups.get("noon"):
        return "12:00"
    if groups.get("midnight"):
        return "00:00"
    if groups.get("part"):
        return clock.parts.get(re.sub(r"\s+", " ", groups["part"]).replace("’", "'")) or clock.parts.get(
            re.sub(r"\s+", " ", groups["part"])
        )
    hour, minute = int(groups["h"]), int(groups.get("m") or 0)
    ap = groups.get("ap")
    sep = groups.get("sep")
    if sep and sep != ":" and not (ap or groups.get("hw") or groups.get("pre") or groups.get("zone")):
        return None  # "3.50 euro", "2h30" without more: not shown as a clock time
    if ap in clock.pm and hour < 12:
        hour += 12
    elif ap in clock.am and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}"


def find_times(text: str, lang: str) -> list[TimeMention]:
    """Clock times and parts of the day in text order, without overlaps (longest first)."""
    clock = _clock(lang)
    lowered, digits = view(text)  # shared with the date scan (eventmap/text/dates/textview.py)
    found: list[tuple[int, int, str]] = []
    for lo, hi, runs in _digit_windows(lowered, digits):
        for i, pattern in enumerate(clock.patterns[:DIGIT_PATTERNS]):
            if clock.whole_runs and DIGIT_RUNS[i] not in runs:
                continue  # no number of the length this pattern's hour has: no match
            if not clock.cores[i].search(lowered, lo, hi):
                continue  # nor without its core ("14:30", "2 pm" ...)
            _add_times(found, pattern, lowered, lo, hi, clock)
    for lo, hi in _windows(clock.words, lowered):
        for pattern in clock.patterns[DIGIT_PATTERNS:]:
            _add_times(found, pattern, lowered, lo, hi, clock)
    found.sort(key=lambda f: (f[0], f[0] - f[1]))
    out: list[TimeMention] = []
    cursor = 0
    for start, end, value in found:
        if start >= cursor:
            out.append(TimeMention(start, end, text[start:end], value))
            cursor = end
    return out


def _add_times(found: list, pattern: re.Pattern[str], lowered: str, lo: int, hi: int, clock: _Clock) -> None:
    for m in pattern.finditer(lowered, lo, hi):
        value = _value(m, clock)
        if value is not None:
            found.append((m.start(), m.end(), value))


WINDOW = 40  # characters around a trigger that a clock time may reach ("rond de klok van 21.30 uur")
# The hour of each digit pattern is a whole run of digits (a boundary before it, a separator,
# a space or a letter after it, when the table's am/pm, hour and zone words start with one,
# `_Clock.whole_runs`): 1-2 digits ("14:30", "2 pm", "om 14 uur"), 4 in "1400 GMT". A window with no run
# of that length holds no match of the pattern.
DIGIT_RUNS = ("short", "short", "short", "four")


def _digit_windows(lowered: str, digits: tuple[tuple[int, int], ...]) -> list[tuple[int, int, set[str]]]:
    """The windows around digit runs (as _windows) with the run lengths they hold ("short":
    1-2 digits, "four"). A window never cuts a run: a run at its edge opens a window itself."""
    spans: list[list] = []
    for start, end in digits:
        lo, hi = max(0, start - WINDOW), min(len(lowered), end + WINDOW)
        size = end - start
        if not spans or lo > spans[-1][1]:
            spans.append([lo, hi, set()])
        else:
            spans[-1][1] = max(spans[-1][1], hi)
        if size <= 2:
            spans[-1][2].add("short")
        elif size == 4:
            spans[-1][2].add("four")
    return [(lo, hi, runs) for lo, hi, runs in spans]


def _windows(triggers: re.Pattern[str], lowered: str) -> list[tuple[int, int]]:
    spans: list[list[int]] = []
    for hit in triggers.finditer(lowered):
        lo, hi = max(0, hit.start() - WINDOW), min(len(lowered), hit.end() + WINDOW)
        if spans and lo <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], hi)
        else:
            spans.append([lo, hi])
    return [(lo, hi) for lo, hi in spans]
