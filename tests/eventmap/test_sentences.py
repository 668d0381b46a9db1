"""Sentence splitting keeps offsets and respects abbreviations, initials and numbers."""

from __future__ import annotations

from eventmap.text.sentences import split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_offsets_point_into_the_original_text():
    text = "  Eerste zin.  Tweede zin!\n\nDerde zin?  "
    sents = split_sentences(text)
    assert [s.text for s in sents] == ["Eerste zin.", "Tweede zin!", "Derde zin?"]
    for s in sents:
        assert text[s.start : s.end] == s.text


def test_abbreviations_initials_and_decimals_do_not_split():
    assert texts("Dr. J. Smith of the U.S. Army said 3.5 percent rose. Then Mr. Lee left.") == [
        "Dr. J. Smith of the U.S. Army said 3.5 percent rose.",
        "Then Mr. Lee left.",
    ]
    assert texts("Volgens o.a. dhr. Rutte is het klaar. Ook d.w.z. niets.") == [
        "Volgens o.a. dhr. Rutte is het klaar.",
        "Ook d.w.z. niets.",
    ]


def test_closing_quotes_stay_with_their_sentence():
    assert texts('‘We stoppen.’ Ondertussen rukken ze op. "Go." He went.') == [
        "‘We stoppen.’",
        "Ondertussen rukken ze op.",
        '"Go."',
        "He went.",
    ]


def test_lines_are_paragraphs_and_headlines_are_marked():
    sents = split_sentences("Kop zonder punt\nEen zin. Nog een zin.\n")
    assert [s.text for s in sents] == ["Kop zonder punt", "Een zin.", "Nog een zin."]
    head, first, second = sents
    assert head.line_start and head.line_end
    assert first.line_start and not first.line_end
    assert second.line_end and not second.line_start


def test_lowercase_after_full_stop_is_not_a_boundary():
    assert texts("Het kostte 5 mln. euro en meer.") == ["Het kostte 5 mln. euro en meer."]


def test_start_offset_skips_a_header():
    text = "date 2025-03 Kop. Zin twee."
    sents = split_sentences(text, 13)
    assert [s.text for s in sents] == ["Kop.", "Zin twee."]
    assert sents[0].start == 13


def test_acronym_at_the_end_of_a_sentence_ends_it():
    assert texts("Hij reisde naar de VS. Daar sprak hij Trump. Dat zei hij vs. Ajax.") == [
        "Hij reisde naar de VS.",
        "Daar sprak hij Trump.",
        "Dat zei hij vs. Ajax.",
    ]
