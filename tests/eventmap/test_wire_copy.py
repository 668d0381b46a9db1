"""Wire copy and web pages as they arrive: datelines, bylines, hard-wrapped lines, reporting
clauses and clock times, in Dutch and English (texts written for these tests)."""

from __future__ import annotations

import json

import pytest

import eventmap
from eventmap.model import documents_from_json_obj, events_to_json_obj

REUTERS = """Man shot dead in Manchester

LONDON, May 3 (Reuters) - A man was shot dead in Manchester on
Friday, police said on Saturday. The 34-year-old was found near a
bus stop in the Moss Side district shortly after 11 p.m., a police
spokeswoman said in a statement.

Officers arrested two men in connection with the shooting.
"""

ANP = """UTRECHT (ANP) - Bij een grote brand in een fabriekshal in Zeist is
zaterdagavond een brandweerman gewond geraakt. De brand brak rond 21.30
uur uit, meldde de veiligheidsregio zondag.

Omwonenden werden via NL-Alert gewaarschuwd.
"""


@pytest.fixture
def today_2026(monkeypatch):
    """A dateline without a year takes the current year: pin 'today' to 30 March 2026."""
    import eventmap.text.document as document

    class Today(document.date):
        @classmethod
        def today(cls):
            return cls(2026, 3, 30)

    monkeypatch.setattr(document, "date", Today)


def _one(evs, fragment):
    found = [e for e in evs if fragment in e.text]
    assert found, f"no event with {fragment!r}: {[e.text for e in evs]}"
    return found[0]


def test_a_dateline_dates_the_document_and_is_not_an_event_place(today_2026):
    parsed = eventmap.parse_document(REUTERS, lang="en")
    doc = parsed.document
    assert (doc.date, doc.date_precision, doc.date_source, doc.agency) == (
        "2025-05-03",  # today is 30 March 2026: the last 3 May, a report is not filed ahead
        "day",
        "dateline",
        "Reuters",
    )
    assert doc.reported_from is not None and doc.reported_from.name == "London"
    assert doc.title == "Man shot dead in Manchester"
    shot = _one(parsed.events, "shot dead")
    assert shot.text.startswith("A man was shot dead")  # the dateline is cut from the sentence
    assert REUTERS[shot.source.start : shot.source.end] == shot.text  # offsets stay true
    assert [(shot.date, shot.kind, shot.place_source)] == [("2025-05-02", "occurrence", "sentence")]
    assert [p.name for p in shot.places] == ["Manchester"]
    assert all(p.name != "London" for e in parsed.events for p in e.places)


def test_a_dateline_year_comes_from_the_document_date_when_given():
    parsed = eventmap.parse_document(REUTERS, lang="en", document_date="2025-05-04")
    assert parsed.document.date_source == "given"
    assert _one(parsed.events, "shot dead").date == "2025-05-02"  # Friday before Sunday 4 May


def test_hard_wrapped_lines_are_joined_into_sentences():
    evs = eventmap.parse_text(REUTERS, lang="en", document_date="2025-05-03")
    texts = [" ".join(e.text.split()) for e in evs]
    assert "A man was shot dead in Manchester on Friday, police said on Saturday." in texts
    found = _one(evs, "34-year-old")
    assert "\n" in found.text and found.text.endswith("in a statement.")
    assert not any(t == "Man shot dead in Manchester" for t in texts)  # the headline stays a headline


def test_the_reporting_day_does_not_date_the_reported_event():
    evs = eventmap.parse_text(REUTERS, lang="en", document_date="2025-05-03")
    shot = [e for e in evs if "shot dead" in e.text]
    assert [(e.date, e.date_text) for e in shot] == [("2025-05-02", "Friday")]  # no second event for Saturday


def test_a_clock_time_on_the_day_is_the_events_time():
    evs = eventmap.parse_text(REUTERS, lang="en", document_date="2025-05-03")
    found = _one(evs, "34-year-old")
    assert (found.date, found.time) == ("2025-05-02", "23:00")  # the story's day: Friday


def test_dutch_wire_copy_with_a_dateline_elsewhere():
    parsed = eventmap.parse_document(ANP, lang="nl", document_date="2025-03-16")
    doc = parsed.document
    assert doc.agency == "ANP" and doc.reported_from is not None and doc.reported_from.name == "Utrecht"
    fire = _one(parsed.events, "fabriekshal")
    assert fire.text.startswith("Bij een grote brand")
    assert (fire.date, fire.time, fire.category) == ("2025-03-15", "evening", "disaster")
    assert [p.name for p in fire.places] == ["Zeist"]
    outbreak = [e for e in parsed.events if "brak rond" in e.text]
    assert [(e.date, e.time) for e in outbreak] == [
        ("2025-03-15", "21:30")
    ]  # "meldde ... zondag": the report
    neighbours = _one(parsed.events, "Omwonenden")
    assert neighbours.place_source == "document" and [p.name for p in neighbours.places] == ["Zeist"]


@pytest.mark.parametrize(
    "text, lang, date_, source",
    [
        (
            "Den Haag, 22 maart - Het kabinet heeft vrijdag besloten de belasting te verlagen.\n",
            "nl",
            "2026-03-22",
            "dateline",
        ),
        (
            "Gepubliceerd op 18 maart 2025\n\nDe politie hield gisteren drie mannen aan in Gouda.\n",
            "nl",
            "2025-03-18",
            "byline",
        ),
        (
            "Published March 18, 2025\n\nPolice arrested three men in Leeds yesterday.\n",
            "en",
            "2025-03-18",
            "byline",
        ),
        ("[18 March 2025]\n\nPolice arrested three men in Leeds yesterday.\n", "en", "2025-03-18", "byline"),
        (
            "Tesla profit falls\n\nBy Jane Doe\n\nApril 23, 2024\n\nTesla reported a drop in profit on Tuesday.\n",
            "en",
            "2024-04-23",
            "byline",
        ),
        (
            "Storm raast over Nederland\nDinsdag 23 april 2024, 14:05\n\nDe storm velde gisteren bomen in Zwolle.\n",
            "nl",
            "2024-04-23",
            "byline",
        ),
        (
            "23.04.2024, 14:05 Uhr\n\nDer Sturm hat gestern in Bremen Bäume entwurzelt.\n",
            "de",
            "2024-04-23",
            "byline",
        ),
        (  # a publication and an update on one line: the first is the document's day
            "Busongeluk in Zuid-Afrika\n14 februari 2025 om 09:12 | Bijgewerkt 14 februari 2025 om 11:40\n\n"
            "Bij een busongeluk in Limpopo zijn vrijdagochtend tien mensen omgekomen.\n",
            "nl",
            "2025-02-14",
            "byline",
        ),
        (  # a page's date line names the year its wire dateline leaves out
            "Ferry sinks off Bali\nJuly 3, 2025 5:41 AM GMT+7 Updated 2 hours ago\n\n"
            "JAKARTA, July 3 (Reuters) - A ferry sank late on Wednesday in the Bali Strait.\n",
            "en",
            "2025-07-03",
            "byline",
        ),
    ],
)
def test_bylines_and_dutch_datelines_date_the_document(text, lang, date_, source, today_2026):
    parsed = eventmap.parse_document(text, lang=lang)
    assert (parsed.document.date, parsed.document.date_source) == (date_, source)
    assert parsed.events and all(
        "Gepubliceerd" not in e.text and "Published" not in e.text and "2024" not in e.text
        for e in parsed.events
    )


@pytest.mark.parametrize(
    "text",
    [
        "Floods in 2024\n\nRivers rose in Bavaria on Friday.\n",
        "Een terugblik op 3 maart 2024 en de nasleep\n\nDe storm velde gisteren bomen.\n",
    ],
)
def test_a_title_with_a_date_among_its_words_is_no_date_line(text):
    assert eventmap.parse_document(text).document.date_source is None


def test_documents_are_written_with_the_events_and_read_back():
    parsed = eventmap.parse_document(ANP, lang="nl", document_date="2025-03-16", source="anp.txt")
    obj = json.loads(json.dumps(events_to_json_obj(parsed.events, documents=[parsed.document])))
    assert list(obj)[-2:] == ["documents", "events"]
    (doc,) = documents_from_json_obj(obj)
    assert doc == parsed.document and doc.path == "anp.txt"


def test_cli_parse_writes_the_documents(tmp_path):
    from click.testing import CliRunner

    from eventmap.cli import main

    article = tmp_path / "wire.txt"
    article.write_text(REUTERS, encoding="utf-8")
    out = tmp_path / "out.json"
    res = CliRunner().invoke(main, ["parse", str(article), "--date", "2025-05-03", "-o", str(out)])
    assert res.exit_code == 0, res.output
    (doc,) = json.loads(out.read_text(encoding="utf-8"))["documents"]
    assert doc["path"] == str(article) and doc["reported_from"]["name"] == "London"


AP = """KYIV, Ukraine (AP) — Russian drones struck an apartment block in Kharkiv overnight, killing
three people, the regional governor said on Tuesday. Rescue workers searched the rubble
throughout the morning.
"""

BELGA = """BRUSSEL (BELGA) - In Gent is dinsdagochtend een vrachtwagen in het kanaal beland. De
chauffeur werd rond 8.15 uur uit het water gehaald, meldde de politie woensdag.
"""


@pytest.mark.parametrize(
    "text, lang, agency, filed_in, event_place, date_, time",
    [
        (AP, "en", "AP", "Kyiv", "Kharkiv", "2025-03-17", "night"),
        (BELGA, "nl", "BELGA", "Brussels", "Gent", "2025-03-18", "morning"),
    ],
)
def test_agency_datelines_name_where_the_report_was_filed_not_where_it_happened(
    text, lang, agency, filed_in, event_place, date_, time
):
    parsed = eventmap.parse_document(
        text, lang=lang, document_date="2025-03-19" if lang == "nl" else "2025-03-18"
    )
    doc = parsed.document
    assert doc.agency == agency and doc.reported_from is not None and doc.reported_from.name == filed_in
    first = parsed.events[0]
    assert first.text[:2] in ("Ru", "In") and (first.date, first.time) == (date_, time)
    assert [p.name for p in first.places] == [event_place]
    assert all(p.name != filed_in for e in parsed.events for p in e.places)
    assert len({e.date for e in parsed.events}) == 1  # "said on Tuesday", "meldde woensdag": the report


@pytest.mark.parametrize(
    "text, lang",
    [
        ("PARIS, March 4 (AFP) - A storm flooded dozens of homes in Nice on Monday, officials said.\n", "en"),
        (
            "AMSTERDAM, 4 maart (ANP) - In Rotterdam is maandag een loods afgebrand, meldde de brandweer.\n",
            "nl",
        ),
    ],
)
def test_a_dateline_without_its_year_is_not_in_the_future(text, lang, today_2026):
    """Today is 30 March 2026 (the fixture): 4 March is this year's; 4 April would be last year's."""
    parsed = eventmap.parse_document(text, lang=lang)
    assert parsed.document.date == "2026-03-04"
    later = eventmap.parse_document(
        text.replace("March 4", "April 4").replace("4 maart", "4 april"), lang=lang
    )
    assert later.document.date == "2025-04-04"
    assert [e.date for e in later.events] == ["2025-03-31"]  # the Monday before


@pytest.mark.parametrize(
    "text, lang",
    [
        (
            "The storm hit the coast on Tuesday. Residents were told to stay indoors\n"
            "while crews cleared roads:\n- schools stayed closed\n- two bridges were shut\n\n"
            "The storm weakened on Wednesday.\n",
            "en",
        ),
        (
            "De storm trok dinsdag over het land. Bewoners moesten binnenblijven terwijl\n"
            "ploegen de wegen vrijmaakten:\n- scholen bleven dicht\n- twee bruggen gingen dicht\n\n"
            "Woensdag nam de storm af.\n",
            "nl",
        ),
    ],
)
def test_wrapped_lines_join_but_list_items_and_paragraphs_stay_apart(text, lang):
    from eventmap.text.sentences import split_sentences

    sentences = [s.text for s in split_sentences(text, 0, lang=lang)]
    assert len(sentences) == 5
    assert "\n" in sentences[1] and sentences[1].endswith(":")  # a wrapped sentence, joined
    assert sentences[2].startswith("- ") and sentences[3].startswith("- ")  # list items stay lines
    assert all(text[text.index(s) : text.index(s) + len(s)] == s for s in sentences)


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        (
            "A man was found dead in a flat in Leeds, police said on Saturday.\n",
            "en",
            ("2025-03-15", "Saturday"),
        ),
        (
            "In een woning in Gouda is een man dood aangetroffen, meldde de politie zaterdag.\n",
            "nl",
            ("2025-03-15", "zaterdag"),
        ),
        (
            "According to police, the man was stabbed in Leeds on Friday night.\n",
            "en",
            ("2025-03-14", "Friday night"),
        ),
        (
            "Volgens de politie werd de man vrijdagavond neergestoken in Gouda, meldde de NOS zaterdag.\n",
            "nl",
            ("2025-03-14", "vrijdagavond"),
        ),
    ],
)
def test_the_reporting_day_dates_the_event_only_when_nothing_else_does(text, lang, expected):
    evs = eventmap.parse_text(text, document_date="2025-03-18", lang=lang)
    assert [(e.date, e.date_text) for e in evs] == [expected]


@pytest.mark.parametrize(
    "text, lang, title",
    [
        ("By Jane Smith\n\nKYIV, Nov 14 (Reuters) - Drones struck Kyiv on Friday.", "en", None),
        ("Door Jan de Vries en Piet Smit\n\nIn Zwolle brak donderdag brand uit.", "nl", None),
        ("By the numbers: the war\n\nDrones struck Kyiv on Friday.", "en", "By the numbers: the war"),
        (
            "Brand in Zwolle\nDoor Jan de Vries\n\nIn Zwolle brak donderdag brand uit.",
            "nl",
            "Brand in Zwolle",
        ),
    ],
)
def test_an_author_line_is_not_the_title(text, lang, title):
    assert eventmap.parse_document(text, lang=lang, document_date="2026-11-14").document.title == title


@pytest.mark.parametrize(
    "sentence, lang, category",
    [
        ("Het bedrijf werd in 2015 al eens getroffen door een brand.", "nl", "disaster"),
        ("A man died in a fire.", "en", "disaster"),
        ("Russian forces struck the city of Kharkiv overnight, wounding eight people.", "en", "attack"),
        ("An earthquake struck eastern Turkey on Monday.", "en", "disaster"),
        ("Lightning struck a house.", "en", "disaster"),
        ("The two sides struck a deal on Friday.", "en", "diplomacy"),
        ("A federal judge struck down the law on Tuesday.", "en", "policy"),
    ],
)
def test_a_keyword_at_the_end_of_a_sentence_still_gives_the_category(sentence, lang, category):
    from eventmap.text.categories import categorize

    assert categorize(sentence, lang) == category


def test_a_reporting_day_beats_a_vague_anchor_to_a_month():
    text = (
        "Last month, the European Union approved new sanctions against Moscow.\n\n"
        "Meanwhile, Russian forces captured the village of Novoselivka, the Defense Ministry "
        "claimed on Tuesday."
    )
    events = eventmap.parse_text(text, document_date="2025-12-03", lang="en")
    capture = next(e for e in events if "Novoselivka" in e.text)
    assert (capture.date, capture.date_precision) == ("2025-12-02", "day")


def test_an_anchor_to_a_day_still_dates_a_sentence_with_a_reporting_clause():
    text = (
        "A car bomb exploded in Mogadishu on Friday.\n\n"
        "At the same time, gunmen attacked a hotel nearby, police said on Sunday."
    )
    events = eventmap.parse_text(text, document_date="2025-12-07", lang="en")
    hotel = next(e for e in events if "hotel" in e.text)
    assert hotel.date == "2025-12-05"


def test_the_day_of_a_reporting_clause_is_past_even_before_a_future_in_what_was_said():
    text = "House Speaker Mike Johnson said on Wednesday he would not bring the bill to the floor."
    (event,) = eventmap.parse_text(text, document_date="2024-10-14", lang="en")
    assert event.date == "2024-10-09"


@pytest.mark.parametrize(
    "text, lang, fact",
    [
        (
            "Het kabinet trekt 500 miljoen euro uit voor de opvang. Dat heeft minister Faber vrijdag "
            "bekendgemaakt. Donderdag debatteert de Kamer erover.",
            "nl",
            "Het kabinet trekt",
        ),
        (
            "Bij een explosie in Rotterdam zijn vannacht drie mensen gewond geraakt. Dat meldt de politie.",
            "nl",
            "Bij een explosie",
        ),
        ("In Köln ist am Montag eine Lagerhalle abgebrannt. Das teilte die Polizei mit.", "de", "In Köln"),
        (
            "Russian troops took the village on Monday. That's according to the defence ministry.",
            "en",
            "Russian",
        ),
    ],
)
def test_an_attribution_sentence_is_read_with_the_fact_it_attributes(text, lang, fact):
    events = eventmap.parse_text(text, document_date="2025-09-19", lang=lang)
    (merged,) = [e for e in events if e.text.startswith(fact)]
    assert not [e for e in events if e.text.startswith(("Dat ", "Das ", "That"))]
    assert merged.date == "2025-09-19" or merged.date == "2025-09-15"
    assert merged.kind in ("occurrence", "statement")


def test_a_sentence_opening_with_dat_that_reports_its_own_event_stays_apart():
    text = "De minister presenteerde vrijdag een plan. Dat plan werd meteen bekritiseerd, zei de oppositie."
    events = eventmap.parse_text(text, document_date="2025-09-19", lang="nl")
    assert [e.text[:10] for e in events] == ["De ministe", "Dat plan w"]


@pytest.mark.parametrize(
    "sentence, lang",
    [
        ("C'est ce qu'a annoncé la préfecture lundi.", "fr"),
        ("Про це повідомив голова обласної військової адміністрації.", "uk"),
        ("Об этом сообщил губернатор области.", "ru"),
        ("Dat blijkt uit cijfers van het CBS.", "nl"),
    ],
)
def test_attribution_sentences_in_other_languages(sentence, lang):
    from eventmap.text.attribution import is_attribution

    assert is_attribution(sentence, lang)


def test_a_day_given_with_a_time_in_another_zone_does_not_date_the_event():
    text = (
        "An earthquake struck northern Japan early on Saturday, officials said.\n\n"
        "The quake hit at 5:12 a.m. local time (2012 GMT Friday) off Aomori prefecture."
    )
    events = eventmap.parse_text(text, document_date="2025-12-08", lang="en")
    assert {e.date for e in events} == {"2025-12-06"}


def test_a_web_page_s_breadcrumb_and_read_also_lines_are_not_the_story():
    text = (
        "Home > Nieuws > Binnenland\n\nBrand verwoest boerderij in Dalfsen\n\n"
        "Bij een brand in een stal in Dalfsen zijn zondagavond 80 koeien omgekomen.\n\n"
        "Lees ook: Opnieuw stalbrand in Overijssel: 200 varkens dood (12 januari)\n\n"
        "De eigenaar was op het moment van de brand niet thuis.\n"
    )
    parsed = eventmap.parse_document(text, document_date="2025-02-17", lang="nl")
    assert parsed.document.title == "Brand verwoest boerderij in Dalfsen"
    assert [e.date for e in parsed.events] == ["2025-02-16", "2025-02-16"]
    assert all(e.places[0].name == "Dalfsen" for e in parsed.events)


def test_a_web_page_s_navigation_lines_are_not_its_title():
    text = (
        "Skip to main content\nWorld\nBusiness\n\n"
        "Ukraine says it struck Russian oil refinery in Saratov\n\n"
        "KYIV, Jan 14 (Reuters) - Ukrainian drones hit an oil refinery in Saratov overnight.\n"
    )
    parsed = eventmap.parse_document(text, lang="en")
    assert parsed.document.title == "Ukraine says it struck Russian oil refinery in Saratov"
    text = "Naar de hoofdinhoud\nMenu\n\nBrand verwoest boerderij in Dalfsen\n\nBij een brand zijn 80 koeien omgekomen.\n"
    assert eventmap.parse_document(text, lang="nl").document.title == "Brand verwoest boerderij in Dalfsen"


def test_a_dateline_of_two_cities_is_where_the_report_was_filed_from():
    text = (
        "NEW YORK/LONDON, Sept 16 (Reuters) - Oil prices surged nearly 15% on Monday after an "
        "attack on Saudi Arabia's Abqaiq processing plant. Brent crude futures settled up $8.80.\n"
    )
    parsed = eventmap.parse_document(text, lang="en")
    assert parsed.document.date.endswith("-09-16")  # the latest 16 September
    assert parsed.document.reported_from.name == "New York City"
    places = {p.name for e in parsed.events for p in e.places}
    assert "London" not in places and "Brent" not in places and "Abqaiq" in places


def test_a_suspect_s_home_town_is_not_where_the_stabbing_happened():
    text = (
        "ROTTERDAM - De politie heeft zondagochtend een 34-jarige man uit Schiedam aangehouden na een "
        "steekpartij op het Afrikaanderplein.\n\nHet is de derde steekpartij in Rotterdam in twee weken."
    )
    (arrest,) = eventmap.parse_document(text, lang="nl", document_date="2024-10-20").events
    assert arrest.place_source == "document" and [p.name for p in arrest.places] == ["Rotterdam"]


@pytest.mark.parametrize(
    "text, lang, place",
    [
        ("Een 45-jarige man uit Almere is zaterdag aangehouden.", "nl", "Almere Stad"),
        ("A 34-year-old man from Leeds was stabbed in York on Friday.", "en", "York"),
    ],
)
def test_a_home_town_places_the_event_only_when_nothing_else_does(text, lang, place):
    (event,) = eventmap.parse_document(text, lang=lang, document_date="2024-10-20").events
    assert event.place_source == "sentence" and [p.name for p in event.places] == [place]


@pytest.mark.parametrize(
    "text, lang, places",
    [
        (
            "Russian forces captured the village of Niu-York near Toretsk on Tuesday, the defence ministry "
            "in Moscow said.",
            "en",
            ["Niu-York", "Toretsk", "Russia"],  # "Russian forces": who acted
        ),
        (
            "In Khan Younis werd zondag een school geraakt, volgens het ministerie van Gezondheid in Gaza-Stad.",
            "nl",
            ["Khān Yūnis"],
        ),
        # a reporting clause's place stays when the rest names none
        ("Three people were killed on Friday, police in Nice said.", "en", ["Nice"]),
    ],
)
def test_a_trailing_reporting_clause_names_who_reports_not_where(text, lang, places):
    (event,) = eventmap.parse_document(text, lang=lang, document_date="2024-10-20").events
    assert [p.name for p in event.places] == places
