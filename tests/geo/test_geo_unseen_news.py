"""Places in news the benchmarks do not hold: capitals against namesakes, Dutch names with an
apostrophe, sports teams and companies named after places (nl and en)."""

from __future__ import annotations

import pytest

from geo import geoparse


def countries(text: str, lang: str | None = None) -> dict[str, str | None]:
    return {m.text: m.country_code for m in geoparse(text, lang)}


# --- a capital whose country the text names beats its smaller foreign namesakes -----------


@pytest.mark.parametrize(
    "text, lang",
    [
        ("The UK and the United States signed a trade deal in Washington after talks in London.", "en"),
        (
            "LONDON (Reuters) - Britain's prime minister flew to Washington on Tuesday for talks "
            "with the US president.",
            "en",
        ),
        (
            "De Britse premier vloog dinsdag vanuit Londen naar Washington voor overleg met de Verenigde Staten.",
            "nl",
        ),
    ],
)
def test_a_named_countrys_capital_beats_a_namesake_near_the_other_places(text, lang):
    assert countries(text, lang)["Washington"] == "US"


@pytest.mark.parametrize(
    "text, cc",
    [
        (
            "A factory closed in Washington, England, and 300 jobs were lost near Sunderland, the UK firm said.",
            "GB",
        ),
        ("The fire in Washington, Tyne and Wear, spread to homes near Newcastle in the UK.", "GB"),
    ],
)
def test_the_namesake_stays_when_the_text_says_what_holds_it(text, cc):
    assert countries(text, "en")["Washington"] == cc
