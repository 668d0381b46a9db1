"""Dates in the style of the German, French and Ukrainian TimeML corpora: news with a document
day and encyclopedia histories of wars. One test per rule, on short texts written for these
tests (MIT); the values are TimeML's (2013-03-22, 2013-W12, 2013-03, 2013, 199)."""

from __future__ import annotations

from eventmap.text.dates import find_dates

REF = "2013-03-20"  # a Wednesday


def values(text: str, lang: str, ref: str | None = REF, mode: str = "auto") -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in find_dates(text, ref, lang=lang, mode=mode)]


def test_a_span_of_years_in_brackets_after_a_name_is_a_period_in_any_century():
    text = "Der Siebenjährige Krieg (1756–1763) war ein Konflikt der Großmächte."
    assert values(text, "de", None) == [("1756–1763", "1756/1763")]
    assert values("The Thirty Years' War (1618-48) ravaged Europe.", "en", None) == [("1618-48", "1618/1648")]


def test_a_bare_year_near_the_span_a_history_opened_with_is_a_year():
    text = "Der Siebenjährige Krieg (1756–1763) begann spät. Nach dem Frieden von Aachen 1748 blieb die Lage gespannt."
    assert ("1748", "1748") in values(text, "de", None)


def test_a_year_followed_by_the_word_for_year_is_a_year_in_any_century():
    assert values("Хотинська війна 1621 року — конфлікт двох держав.", "uk", None) == [("1621", "1621")]
    assert values("Хотинская война 1621 года — конфликт двух держав.", "ru", None) == [("1621", "1621")]
    assert values("Він заплатив 1621 гривню.", "uk", None) == []


def test_a_season_with_its_year_sets_the_story_year_even_when_winter_runs_into_the_next():
    text = (
        "Le roi meurt le 16 novembre 1632 à Lützen. Au cours de l'hiver 1634, Wallenstein est "
        "assassiné à Eger, le 25 février."
    )
    assert values(text, "fr", None)[-1] == ("le 25 février", "1634-02-25")
