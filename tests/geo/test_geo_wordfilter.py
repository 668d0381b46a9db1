"""geo.wordfilter: its pre-test never says "absent" where re.IGNORECASE would find a word."""

import re
import sys

from geo.coordination import REGION_PLURAL
from geo.wordfilter import WordFilter


def test_a_window_without_the_words_is_absent_and_one_with_them_in_any_case_is_not():
    f = WordFilter(["rue", "avenue", "вулиця"])
    assert f.absent("in de Zwarte Zee en ")
    assert not f.absent("la RUE de ")
    assert not f.absent("на ВУЛИЦЯ ")
    assert not f.absent("Avenue de l'")


def test_a_window_with_an_extra_case_equivalent_of_a_letter_goes_to_the_regex():
    f = WordFilter(["states"])
    window = "the ſtates of "  # long s: re.IGNORECASE matches it as "s"
    assert re.search("states", window, re.I)
    assert not f.absent(window)
    assert not WordFilter(["provinces"]).absent("PROVİNCES")  # dotted capital I lowers to two characters


def test_every_character_that_ignorecase_matches_to_a_letter_of_the_words_is_seen_by_the_filter():
    words = sorted(REGION_PLURAL) + ["rue", "avenue", "вулиця", "площа", "проспект"]
    f = WordFilter(words)
    letters = sorted(set("".join(f.words)))
    cls = re.compile("[" + "".join(re.escape(c) for c in letters) + "]", re.I)
    missed = [
        hex(cp)
        for cp in range(sys.maxunicode + 1)
        if cls.fullmatch(ch := chr(cp)) and ch.lower() not in letters and ch not in f.exotic
    ]
    assert missed == []
