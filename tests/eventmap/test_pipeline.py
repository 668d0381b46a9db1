"""parse_text / parse_file end to end: offsets, event selection, categories, places, ids."""

from __future__ import annotations

import json

import pytest

import eventmap
import geo
from eventmap.model import CATEGORIES, events_from_json_obj, events_to_json_obj
from eventmap.text.categories import categorize, load_lexicon

EN_ARTICLE = """Rebels seize airport in northern town

Rebel fighters captured the airport of Goma on Monday after days of fighting, officials said.
The United Nations called for a ceasefire on Tuesday.
Analysts think the region deserves more attention.
Will the talks resume?
An earthquake struck the coast on March 3, 2024, killing 12 people.
Shortly after the earthquake, a tsunami warning was issued.
"""


def test_every_event_points_at_its_sentence_in_the_document():
    text = "date 2025-03-20\n" + EN_ARTICLE
    evs = eventmap.parse_text(text, source="x.txt")
    assert evs
    for e in evs:
        assert text[e.source.start : e.source.end] == e.text
        assert e.source.document == "x.txt"
        assert e.lang == "en" and e.category in CATEGORIES


def test_event_selection_and_english_dates():
    evs = eventmap.parse_text(EN_ARTICLE, document_date="2025-03-20")
    texts = [e.text for e in evs]
    assert not any("Rebels seize airport" in t for t in texts)  # headline without date
    assert not any(t.startswith("Analysts") for t in texts)  # commentary, no keyword
    assert not any(t.startswith("Will the talks") for t in texts)  # question
    goma = next(e for e in evs if "Goma" in e.text)
    assert (goma.date, goma.date_source, goma.category) == ("2025-03-17", "relative", "fighting")
    un = next(e for e in evs if "United Nations" in e.text)
    assert (un.date, un.category) == ("2025-03-18", "diplomacy")
    quake = next(e for e in evs if e.text.startswith("An earthquake"))
    assert (quake.date, quake.date_source, quake.category) == ("2024-03-03", "explicit", "disaster")
    tsunami = next(e for e in evs if "tsunami" in e.text)
    assert (tsunami.date, tsunami.date_source) == ("2024-03-03", "anchored")


def test_most_precise_date_of_a_sentence_wins():
    evs = eventmap.parse_text(
        "Sinds 2014 is het onrustig, en vorige week vielen er doden bij een aanval.",
        document_date="2025-03-18",
        lang="nl",
    )
    assert [(e.date_text, e.date_precision) for e in evs] == [("vorige week", "week")]


def test_without_document_date_the_latest_explicit_day_is_the_reference():
    text = "Op 14 maart 2025 werd Toeapse aangevallen. Gisteren volgde een nieuwe aanval.\nTroepen rukten op."
    evs = eventmap.parse_text(text, lang="nl")
    assert [e.date for e in evs] == ["2025-03-14", "2025-03-13", "2025-03-13"]  # the story's last day
    far = eventmap.parse_text(
        text + "\nDe weg bleef dicht.\nHet regende.\nEr viel sneeuw.\nTroepen trokken zich terug.", lang="nl"
    )
    assert far[-1].text == "Troepen trokken zich terug." and far[-1].date is None  # undated stays undated
    assert far[-1].date_source is None and far[-1].date_precision is None


def test_no_quantity_or_now_becomes_a_date():
    text = (
        "date 2025-03\nHet moet nu gebeuren, zei de minister op 18 maart. Een raket met een "
        "bereik van 1000 km werd ingezet. Er kwam een fonds van 500 miljard euro, 5 procent."
    )
    for e in eventmap.parse_text(text, lang="nl"):
        assert e.date is None or e.date.startswith("2025-03"), (e.date, e.date_text)


def test_ids_are_stable_and_json_round_trips():
    a = eventmap.parse_text(EN_ARTICLE, document_date="2025-03-20", source="a.txt")
    b = eventmap.parse_text(EN_ARTICLE, document_date="2025-03-20", source="a.txt")
    assert [e.id for e in a] == [e.id for e in b] and len({e.id for e in a}) == len(a)
    again = events_from_json_obj(json.loads(json.dumps(events_to_json_obj(a))))
    assert [e.to_dict() for e in again] == [e.to_dict() for e in a]


def test_places_in_the_sentence_are_attached(monkeypatch):
    text = "date 2025-03-20\nOp 14 maart werd Toeapse aangevallen. Kiev bleef rustig vandaag bij een aanval."
    calls = []

    def fake_parse_places(doc, lang=None, geocoder=None, **_):
        calls.append(doc)
        out = []
        for name, lat, lon in (("Toeapse", 44.1, 39.08), ("Kiev", 50.45, 30.52)):
            i = doc.index(name)
            out.append(geo.PlaceMention(i, i + len(name), name, name, lat, lon, "RU", "city", name))
        return geo.DocumentPlaces(tuple(out))

    monkeypatch.setattr(geo, "parse_places", fake_parse_places)
    evs = eventmap.parse_text(text, lang="nl")
    assert calls == [text]  # once per document, on the full text
    assert [[p.text for p in e.places] for e in evs] == [["Toeapse"], ["Kiev"]]
    first = evs[0]
    assert (first.lat, first.lon) == (44.1, 39.08)
    p = first.places[0]
    assert text[p.start : p.end] == "Toeapse"


@pytest.mark.parametrize(
    "sentence,lang,category",
    [
        ("Een drone-aanval trof de stad.", "nl", "attack"),
        ("Oekraïense troepen werden uit de enclave verdreven.", "nl", "fighting"),
        ("De ministers voerden overleg over een staakt-het-vuren.", "nl", "diplomacy"),
        ("De Bondsdag stemde voor de wetgeving.", "nl", "policy"),
        ("Duizenden betogers protesteerden in Tbilisi.", "nl", "protest"),
        ("Een aardbeving trof de kust.", "nl", "disaster"),
        ("Missiles struck an oil depot.", "en", "attack"),
        ("Protesters rallied in the capital.", "en", "protest"),
        ("Parliament voted to raise spending.", "en", "policy"),
        ("The weather was pleasant.", "en", "other"),
    ],
)
def test_categories(sentence, lang, category):
    assert categorize(sentence, lang) == category


def test_lexicons_are_data_and_use_model_categories():
    for lang in ("nl", "en"):
        lex = load_lexicon(lang)
        assert set(lex.category_of.values()) <= set(CATEGORIES) and lex.language == lang


def test_parse_file_reads_the_seed(seed_path):
    evs = eventmap.parse_file(seed_path)
    assert evs and all(e.source.document == str(seed_path) for e in evs)
    assert all(e.lang == "nl" for e in evs)
    call = next(e for e in evs if "telefoongesprek op 18 maart" in e.text)
    assert call.date == "2025-03-18"


def test_trie_pattern_matches_exactly_the_words_longest_first():
    import re

    from eventmap.text.wordtrie import trie_pattern

    rx = re.compile(trie_pattern(["aanval", "aanvall", "aanslag", "raket", "a"]))
    assert rx.findall("tegenaanvallen, raketten; aanslag") == ["aanvall", "raket", "aanslag"]
    assert rx.findall("na de bom") == ["a"]
    assert re.fullmatch(trie_pattern([]), "") is None


def test_places_overlapping_a_date_are_dropped(monkeypatch):
    text = "The measure will take effect on May 9 in Kyiv, parliament decided."

    def fake_parse_places(doc, lang=None, geocoder=None, **_):
        out = []
        for name in ("May", "Kyiv"):
            i = doc.index(name)
            out.append(geo.PlaceMention(i, i + len(name), name, name, 1.0, 2.0, "UA", "city", name))
        return geo.DocumentPlaces(tuple(out))

    monkeypatch.setattr(geo, "parse_places", fake_parse_places)
    (ev,) = eventmap.parse_text(text, document_date="2025-02-10", lang="en")
    assert ev.date == "2025-05-09" and [p.text for p in ev.places] == ["Kyiv"]


from hypothesis import given, settings
from hypothesis import strategies as st


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Op 18 maart werd Kiev aangevallen. ",
                "Kort na het gesprek ",
                "Tegelijkertijd stemde de Bondsdag. ",
                "vorige week ",
                "\n",
                "‘Goed gesprek’\n",
                "The attack began. ",
                "1000 km ",
                "nu ",
                "Dr. X. ",
                "date 2025-03 ",
                "?",
                "raketten",
                "De aanval ",
                "since 2014 ",
            ]
        ),
        max_size=15,
    ),
    st.sampled_from([None, "2025-03", "2025-03-18"]),
)
def test_any_article_gives_events_that_point_at_their_sentences(parts, doc_date):
    text = "".join(parts)
    for e in eventmap.parse_text(text, document_date=doc_date, lang="nl"):
        assert text[e.source.start : e.source.end] == e.text
        assert (e.date is None) == (e.date_end is None) and (e.date is None or e.date <= e.date_end)
        for p in e.places:  # the sentence's own places, or the article's setting
            assert e.place_source == "document" or e.source.start <= p.start and p.end <= e.source.end
        assert e.kind in ("occurrence", "statement", "context") and 0 <= e.confidence <= 1


def test_event_markers_without_a_category_still_make_an_event():
    from eventmap.text.categories import classify

    assert classify("Drie mensen zijn omgekomen.", "nl") == ("other", True)
    assert classify("The deadline is near.", "en") == ("other", False)  # 'dead ' is not 'deadline'
    evs = eventmap.parse_text(
        "Drie mensen zijn omgekomen.\nHet weer was mooi.\n", document_date="2025-03-18", lang="nl"
    )
    assert [(e.text, e.category, e.date_source) for e in evs] == [
        ("Drie mensen zijn omgekomen.", "other", "document")
    ]


def test_a_sentence_with_two_days_yields_two_events():
    text = (
        "Op 14 maart werd Toeapse aangevallen en sinds 2014 is het onrustig, op 18 maart volgde het gesprek."
    )
    evs = eventmap.parse_text(text, document_date="2025-03-20", lang="nl")
    assert [(e.date, e.date_text) for e in evs] == [("2025-03-14", "14 maart"), ("2025-03-18", "18 maart")]
    assert evs[0].text == evs[1].text and evs[0].id != evs[1].id
    again = eventmap.parse_text(text, document_date="2025-03-20", lang="nl")
    assert [e.id for e in again] == [e.id for e in evs]


def test_far_future_target_years_do_not_date_events():
    evs = eventmap.parse_text(
        "Het kabinet besloot dat Nederland in 2050 klimaatneutraal moet zijn.",
        document_date="2025-03-18",
        lang="nl",
    )
    assert [(e.date, e.date_source) for e in evs] == [("2025-03-18", "document")]
    evs = eventmap.parse_text(
        "Parliament voted to hold the election in 2026.", document_date="2025-03-18", lang="en"
    )
    assert [(e.date, e.date_precision) for e in evs] == [("2026-01-01", "year")]


def test_package_exports_the_parser_api():
    from eventmap import DateMention, find_dates, parse_file, parse_text

    (m,) = find_dates("op 18 maart", reference="2025-03-20")
    assert isinstance(m, DateMention) and m.value == "2025-03-18"
    assert callable(parse_file) and callable(parse_text)


def test_bylines_and_dated_headlines_without_event_words_are_not_events():
    text = (
        "Russian missiles hit Kyiv on Monday\nPublished March 18, 2025\n"
        "Will the talks resume on Friday?\nThe city was calm on Sunday.\n"
    )
    evs = eventmap.parse_text(text, lang="en")
    assert [e.text for e in evs] == ["Russian missiles hit Kyiv on Monday", "The city was calm on Sunday."]
    assert [e.date for e in evs] == ["2025-03-17", "2025-03-16"]  # reference: the byline's day


def test_required_strings_join_the_literals_on_either_side_of_a_group():
    from eventmap.text.wordtrie import DIGIT, required_strings

    # "1990s": the group's last digit and the "s" after it are one run, rarer than either
    assert required_strings(r"(?<!\w)(?P<y1>\d{3}0)s(?!\w)") == ((DIGIT,), ("0s",))
    assert required_strings(r"(?i:ab)c") == (("c",),)  # a case-insensitive group adds nothing


def _scan_every_window(text: str, lang: str):
    """The date scan as it reads every pattern: finditer over each window of its trigger."""
    from eventmap.text.dates.find import _windows
    from eventmap.text.dates.patterns import patterns_for
    from eventmap.text.dates.textview import view

    compiled = patterns_for(lang)
    lowered, digits = view(text)
    windows = _windows(compiled, lowered, digits)
    found = [
        (m.start(), m.end(), p.shape, m.group())
        for p in compiled.patterns
        for lo, hi in windows[p.trigger]
        for m in p.regex.finditer(lowered, lo, hi)
    ]
    return sorted(found, key=lambda c: (c[0], c[0] - c[1]))


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "In 800, ",
                "AD 79 ",
                "79 AD ",
                "800 BC",
                "3/4/2025 ",
                "12/31/99 ",
                "the 1990s ",
                "1000 km ",
                "May 3-5, 2025 ",
                "on Friday ",
                "weekend ",
                "2025-03-18 ",
                "x",
                " ",
                "\n",
                "-",
                ".",
                "/",
                "12",
                "year-end ",
                "1914–1918 ",
                "last week ",
                "maart ",
                "dag ",
                "3 maart 2025 ",
                "Q3 2024 ",
                "h1'25 ",
                "q",
            ]
        ),
        max_size=14,
    ),
    st.sampled_from(["en", "nl", "de"]),
)
def test_the_date_scan_finds_what_every_pattern_finds_in_its_windows(parts, lang):
    # digit-led patterns are tried only at digit runs, trigger words found with one trie: the
    # candidates are exactly those of running every pattern over its trigger's windows
    from eventmap.text.dates.find import _windows, _windows_of_hits, scan
    from eventmap.text.dates.patterns import patterns_for
    from eventmap.text.dates.textview import view

    text = "".join(parts)
    got = [(s, e, shape, m.group()) for s, e, shape, m in scan(text, patterns_for(lang))]
    assert got == _scan_every_window(text, lang)
    # the windows from digit runs and remembered trigger words are those of one regex of all
    # triggers (digits, or a trigger word at a word start), read afresh
    compiled, (lowered, digits) = patterns_for(lang), view(text)
    assert _windows(compiled, lowered, digits) == _windows_of_hits(compiled, lowered)


def test_a_word_test_answers_each_word_once():
    from eventmap.text.eventness import WordTest

    asked = []
    test = WordTest(lambda w: asked.append(w) or w.endswith("ed"))
    assert list(map(test.__getitem__, ["killed", "the", "killed"])) == [True, False, True]
    assert asked == ["killed", "the"]
