"""The article's setting: the dateline's place when the text confirms it, else the shared place."""

from __future__ import annotations

import pytest

from geo import PlaceMention, article_setting, geoparse, parse_places


def pm(text: str, start: int, kind: str = "city", cc: str = "NL", sid: str | None = None, at=None):
    if at is None:  # each name its own point, far from the others' (a degree or more apart)
        code = sum(map(ord, text))
        at = (30.0 + code % 30, code % 90)
    return PlaceMention(start, start + len(text), text, text, at[0], at[1], cc, kind, sid or f"t:{text}", 0.9)


ZEIST = dict(sid="geonames:2743619", at=(52.09, 5.23))
UTRECHT = dict(sid="geonames:2745912", at=(52.09, 5.12))


def test_a_dateline_the_text_confirms_is_the_setting():
    doc = parse_places(
        "UTRECHT (ANP) - In Utrecht is vannacht brand uitgebroken. De brandweer was snel ter plaatse."
    )
    setting = article_setting(doc.mentions, doc.reported_from)
    assert setting is doc.reported_from and setting.name == "Utrecht"


def test_a_dateline_the_text_does_not_confirm_gives_way_to_the_place_of_the_events():
    doc = parse_places("UTRECHT (ANP) - Bij een brand in Zeist is een woning verwoest. De brandweer kwam.")
    assert article_setting(doc.mentions, doc.reported_from).text == "Zeist"
    assert article_setting([], doc.reported_from) is None  # nothing confirms it


@pytest.mark.parametrize(
    ("text", "dateline_is_setting"),
    [
        (
            "ANTANANARIVO (Reuters) - Madagascar's president has left the country, a source said. "
            "He was flown out on a French military aircraft, the source said.",
            True,
        ),
        # must stay: another place in the country, or another country named more often
        ("UTRECHT (ANP) - Bij een brand in Zeist in Nederland is een woning verwoest.", False),
        (
            "MOSCOW (Reuters) - Russia launched drones at Ukraine overnight, Ukraine said. "
            "Ukraine's air force shot down most of them.",
            False,
        ),
    ],
)
def test_a_dateline_whose_country_the_text_names_alone_is_the_setting(text, dateline_is_setting):
    doc = parse_places(text)
    assert (article_setting(doc.mentions, doc.reported_from) is doc.reported_from) is dateline_is_setting


def test_the_place_most_events_share_is_the_setting():
    kharkiv = [
        pm("Kharkiv", 10, cc="UA"),
        pm("Kharkiv", 90, cc="UA"),
        pm("Kyiv", 200, cc="UA", at=(50.45, 30.5)),
    ]
    assert article_setting([[kharkiv[0]], [kharkiv[1]], [kharkiv[2]]]).text == "Kharkiv"
    # one event naming Kharkiv three times is one vote: no majority for any city then
    events = [
        [kharkiv[0], kharkiv[1], pm("Kharkiv", 150, cc="UA")],
        [kharkiv[2]],
        [pm("Odesa", 300, cc="UA")],
    ]
    assert article_setting(events) is None


def test_a_named_country_is_shared_by_the_events_in_it():
    events = [
        [pm("Kharkiv", 10, cc="UA")],
        [pm("Kyiv", 50, cc="UA")],
        [pm("Oekraïne", 90, kind="country", cc="UA")],
        [pm("Moskou", 120, cc="RU")],
    ]
    setting = article_setting(events)
    assert setting.text == "Oekraïne" and setting.kind == "country"  # 3 of 4 events are in Ukraine
    assert article_setting(events[:2] + events[3:]) is None  # the country is never named: no setting


def test_the_most_specific_shared_place_wins():
    events = [[pm("Zeist", 10, **ZEIST), pm("Nederland", 20, kind="country")], [pm("Zeist", 60, **ZEIST)]]
    assert article_setting(events).text == "Zeist"


def test_a_flat_list_counts_each_mention_and_places_without_a_point_do_not_count():
    nowhere = PlaceMention(0, 5, "Xyzzy", None, None, None, None, None, None, 0.0)
    flat = [nowhere, pm("Zeist", 10, **ZEIST), pm("Zeist", 40, **ZEIST), pm("Utrecht", 70, **UTRECHT)]
    assert article_setting(flat).start == 10
    assert article_setting([nowhere]) is None and article_setting([]) is None


def test_the_dateline_is_confirmed_by_the_same_name_close_by():
    dateline = pm("DEN HAAG", 0, sid="geonames:2747373", at=(52.08, 4.30))
    body = [[pm("Den Haag", 40, sid="other:den-haag", at=(52.07, 4.31))], [pm("Delft", 90, at=(52.01, 4.36))]]
    assert article_setting(body, dateline) is dateline


def test_geoparse_output_feeds_the_setting_directly():
    text = "Bij een brand in Zeist raakten twee mensen gewond. Later brandde ook een schuur in Zeist."
    assert article_setting(geoparse(text, lang="nl")).name == "Zeist"


def test_an_event_naming_two_cities_sets_neither():
    lyon = pm("Lyon", 40, cc="FR", at=(45.76, 4.83))
    marseille = pm("Marseille", 50, cc="FR", at=(43.3, 5.37))
    assert article_setting([[lyon, marseille]]) is None
    # events naming Lyon alone still make it the setting
    alone = [[pm("Lyon", at, cc="FR", at=(45.76, 4.83))] for at in (90, 120)]
    assert article_setting([[lyon, marseille], *alone]).text == "Lyon"


def test_a_district_or_landmark_in_a_city_votes_for_the_city():
    lisbon = pm("Lisbon", 10, cc="PT", at=(38.725, -9.150))
    alfama = pm("Alfama", 300, cc="PT", at=(38.711, -9.130))
    portugal = pm("Portugal", 150, kind="country", cc="PT", at=(39.5, -8.0))
    events = [[lisbon], [portugal], [alfama]]
    assert article_setting(events).text == "Lisbon"
    # a town 30 km off is not in it: the country is all the events share then
    sintra = pm("Sintra", 300, cc="PT", at=(38.80, -9.38))
    assert article_setting([[lisbon], [portugal], [sintra]]).text == "Portugal"


def test_the_titles_one_place_is_the_setting_when_an_event_names_it_and_no_place_is_shared():
    sarajevo, geneva = pm("Sarajevo", 30, cc="BA"), pm("Geneva", 200, cc="CH")
    title = [pm("Sarajevo", 15, cc="BA")]
    assert article_setting([[sarajevo], [geneva]]) is None
    assert article_setting([[sarajevo], [geneva]], None, title) is sarajevo
    # not when no event names it, nor when the title names two cities
    assert article_setting([[geneva], [pm("Bern", 90, cc="CH")]], None, title) is None
    two = [*title, pm("Mostar", 28, cc="BA")]
    assert article_setting([[sarajevo], [geneva]], None, two) is None


def test_a_dateline_the_body_names_outside_the_events_is_confirmed():
    doc = parse_places("ROTTERDAM - Een man is aangehouden. Het is de derde steekpartij in Rotterdam.")
    events = [[]]  # the one event names no place; the body names the dateline's city
    assert article_setting(events, doc.reported_from, text_places=doc.mentions).name == "Rotterdam"


@pytest.mark.parametrize(
    "text, lang, origin",
    [
        ("A 34-year-old man from Leeds was stabbed in York on Friday.", "en", "Leeds"),
        ("Een 34-jarige man uit Schiedam is in Rotterdam aangehouden.", "nl", "Schiedam"),
        ("Ein Mann aus Köln wurde in Bonn festgenommen.", "de", "Köln"),
    ],
)
def test_the_place_a_person_comes_from_is_a_mention_marked_as_an_origin(text, lang, origin):
    doc = parse_places(text, lang=lang)
    assert [m.text for m in doc.origins] == [origin]
    assert origin in [m.text for m in doc.mentions]  # still a toponym of the text


def test_places_of_things_coming_from_somewhere_are_no_origins():
    doc = parse_places("Drones from Iran hit Kyiv. Troops from Russia crossed into Ukraine.", lang="en")
    assert doc.origins == ()


def test_a_landmark_in_the_dateline_s_city_confirms_it():
    doc = parse_places("WASHINGTON (AP) - The Senate voted on Thursday. He was sworn in at the White House.")
    setting = article_setting([[]], doc.reported_from, text_places=doc.mentions)
    assert setting is doc.reported_from and setting.name == "Washington"


@pytest.mark.parametrize(
    "text",
    [
        "FREEHOLD — Two people were hospitalized after a crash on Route 9 late Tuesday, police said.",
        "FREEHOLD TOWNSHIP — Two people were hospitalized after a crash on Route 9 late Tuesday, police said.",
    ],
)
def test_a_small_town_s_dateline_is_where_the_report_was_filed(text):
    doc = parse_places(text, lang="en")
    assert doc.reported_from is not None and doc.reported_from.name == "Freehold"
    assert doc.mentions == ()


def test_a_town_before_a_person_noun_is_the_person_s_town():
    doc = parse_places("A 34-year-old Howell man was injured in Freehold on Tuesday.", lang="en")
    assert [m.text for m in doc.origins] == ["Howell"]
    assert [m.text for m in parse_places("Kyiv residents sheltered in the metro.", lang="en").origins] == []


@pytest.mark.parametrize(
    "text, origin",
    [
        ("Medicaid portals were down, Sen. Ron Wyden of Oregon said on Tuesday.", "Oregon"),
        ("Rep. Nancy Mace of South Carolina voted against the bill.", "South Carolina"),
    ],
)
def test_a_place_after_a_persons_name_and_of_is_the_persons_home(text, origin):
    doc = parse_places(text, lang="en")
    assert [m.text for m in doc.origins] == [origin]


def test_a_place_after_of_that_follows_no_persons_name_is_no_home():
    doc = parse_places("The Bank of England and the Gulf of Mexico. The University of Texas.", lang="en")
    assert doc.origins == ()


def test_a_town_named_less_often_is_no_suburb_of_a_neighbour_named_more():
    utrecht = [pm("Utrecht", at, cc="NL", at=(52.09, 5.12)) for at in (10, 200, 400)]
    zeist = pm("Zeist", 300, cc="NL", at=(52.09, 5.23))  # 8 km off
    amersfoort = pm("Amersfoort", 20, cc="NL", at=(52.16, 5.39))
    events = [[utrecht[0], amersfoort], [zeist], [utrecht[1]], [utrecht[2]]]
    assert article_setting(events).text == "Utrecht"
    # Zeist's one event votes for Utrecht, Utrecht's three never for Zeist; named more, Zeist leads
    assert article_setting([[utrecht[0], amersfoort], [zeist], [zeist]]).text == "Zeist"


@pytest.mark.parametrize(
    "text, origin",
    [
        ("Verstappen finished fifth in a race won by Mercedes' George Russell in Las Vegas.", "Mercedes"),
        ("Russia's Vladimir Putin met Recep Tayyip Erdogan in Ankara.", "Russia's"),
        ("Ukraine's President Volodymyr Zelensky visited Washington.", "Ukraine's"),
    ],
)
def test_a_place_in_the_possessive_before_a_persons_name_is_the_persons_team_or_home(text, origin):
    assert [m.text for m in parse_places(text, lang="en").origins] == [origin]


def test_a_possessive_before_no_persons_name_is_no_origin():
    for text in ("Russia's economy shrank.", "Moscow's Red Square was closed."):
        assert parse_places(text, lang="en").origins == ()
