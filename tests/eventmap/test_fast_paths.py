"""The parser's fast paths give exactly what the plain regexes give (tokens, digit runs, date scan)."""

from __future__ import annotations

import random
import re

import pytest

from eventmap.text.dates import find
from eventmap.text.dates.patterns import B, patterns_for
from eventmap.text.dates.starts import DIGIT, first_strings
from eventmap.text.dates.textview import digit_runs, view
from eventmap.text.wordset import TOKEN, tokens
from eventmap.text.wordtrie import required_strings

TEXTS = {
    "en": "Between 3 and 5 March 2024, early May and on Friday, Jan. 3, a year ago; the 1990s, "
    "AD 79, Q3 2023, last week's Monday, overnight into Tuesday, 14:30, at 2 p.m. (B.C. 44).",
    "nl": "Op dinsdag 18 maart 2025 en vorige week, begin april, 's avonds; eind 2023 en in 1990-1991.",
    "de": "Am Dienstag, dem 18. März 2025, im Vorjahr und Anfang April; 3.–5. Mai.",
    "fr": "Le mardi 18 mars 2025, l'an dernier, début avril et la semaine prochaine.",
    "uk": "У вівторок, 18 березня 2025 року, минулого тижня і на початку квітня.",
}


def _plain_scan(text: str, lang: str) -> list[tuple]:
    """The date scan with every pattern run by finditer over its windows (no starters)."""
    compiled = patterns_for(lang)
    lowered, digits = view(text)
    windows = find._windows(compiled, lowered, digits)
    found = []
    for pattern in compiled.patterns:
        spans = windows[pattern.trigger]
        if not spans:
            continue
        if pattern.at_digits:
            found += find._at_digits(pattern, lowered, digits, spans)
            continue
        need = required_strings(pattern.lazy.source)
        for lo, hi in spans:
            if need and not find._has_all(lowered, lo, hi, need):
                continue
            found += [(m.start(), m.end(), pattern.shape, m) for m in pattern.regex.finditer(lowered, lo, hi)]
    found.sort(key=lambda c: (c[0], c[0] - c[1]))
    return [(a, b, s, m.re.pattern, m.groupdict()) for a, b, s, m in found]


def test_ascii_tokens_are_the_token_regex_words():
    rng = random.Random(7)
    alphabet = "".join(map(chr, range(128)))
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert tokens(text) == TOKEN.findall(text.lower())
    assert tokens("Don't re-read the U.S. report_2") == ["don't", "re-read", "the", "u", "s", "report_2"]
    assert tokens("Über ’s-Hertogenbosch") == ["über", "’s-hertogenbosch"]


def test_digit_runs_are_the_regex_runs_in_any_script():
    rng = random.Random(3)
    alphabet = "ab 0123456789é’“٣१&#;?x\n"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert digit_runs(text) == tuple(m.span() for m in re.finditer(r"\d+", text))
    assert digit_runs("рік ٣٤ and 12") == ((4, 6), (11, 13))  # Arabic-Indic digits are digits too


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_the_date_scan_finds_what_finditer_finds(lang):
    text = TEXTS[lang]
    got = [(a, b, s, m.re.pattern, m.groupdict()) for a, b, s, m in find.scan(text, patterns_for(lang))]
    assert got and got == _plain_scan(text, lang)


def test_every_match_opens_with_one_of_its_first_strings():
    for lang in TEXTS:
        for pattern in patterns_for(lang).patterns:
            starts = first_strings(pattern.lazy.source, B)
            assert starts is not None, (lang, pattern.shape)
            for m in pattern.regex.finditer(TEXTS[lang].lower()):
                opening = m.group()
                assert any(
                    opening[:1].isdecimal() if s == DIGIT else opening.startswith(s) for s in starts
                ), (lang, pattern.shape, opening)


def test_a_pattern_that_may_open_with_a_space_keeps_its_own_scan():
    assert first_strings(B + r"\s*(?P<y>\d{4})", B) is None
    assert first_strings(B + r"(?:in|on)\s+\d", B) == frozenset({"in", "on"})
    assert first_strings(B + r"(?:q|h)[1-4]", B) == frozenset({"q", "h"})
    assert first_strings(B + r"\d{1,2}\.\d", B) == frozenset({DIGIT})


def test_line_start_regexes_find_what_finditer_finds():
    from eventmap.dateline import _BRACKETED, _aside_re, _byline_re, at_line_starts

    rng = random.Random(5)
    pieces = [
        "Published March 18, 2025",
        "[18 maart 2025]",
        "Lees ook: x",
        "Foto: ANP",
        "\n",
        "\n",
        "  ",
        "t 12 ",
    ]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        for rx in (_byline_re(), _BRACKETED, _aside_re()):
            for start, end in ((0, None), (3, None), (5, 40)):
                plain = [m.span() for m in rx.finditer(text, start, len(text) if end is None else end)]
                assert [m.span() for m in at_line_starts(rx, text, start, end)] == plain
