"""Adjectives and nouns of nationality: countries in one word or several, the people of a
region ("Ohioans"), former country names; they are context, not event places."""

from __future__ import annotations

import pytest

from geo import OfflineGeocoder, geoparse, parse_places


def context(text: str) -> dict[str, tuple[str | None, str | None]]:
    return {m.text: (m.name, m.country_code) for m in parse_places(text, "en").context}


@pytest.mark.parametrize(
    "text, span, cc",
    [
        ("A Sri Lankan poet won the prize.", "Sri Lankan", "LK"),
        ("A South African court ruled on Monday.", "South African", "ZA"),
        ("Papua New Guinean police made arrests.", "Papua New Guinean", "PG"),
        ("North Korean missiles fell into the sea.", "North Korean", "KP"),
    ],
)
def test_an_adjective_of_several_words_is_its_country(text, span, cc):
    assert context(text)[span][1] == cc


@pytest.mark.parametrize(
    "text, span, region",
    [
        ("The drill prepares Ohioans for tornado season.", "Ohioans", "Ohio"),
        ("Ontarians will vote in June.", "Ontarians", "Ontario"),
        ("Texans lined up for water.", "Texans", "Texas"),
        ("South Ossetian officials said the border was closed.", "South Ossetian", "South Ossetia"),
        ("Dagestani police detained six men.", "Dagestani", "Dagestan Republic"),
    ],
)
def test_the_people_of_a_region_are_that_region(text, span, region):
    assert context(text)[span][0] == region


@pytest.mark.parametrize(
    "text",
    [
        "Milan beat Roma on Sunday.",  # Milan is a place itself, not the people of Mila (Algeria)
        "Christian Democrats won the vote.",
        "Brian and Susan walked home.",
    ],
)
def test_no_region_is_derived_from_a_place_a_name_or_a_word(text):
    spans = {m.text for m in parse_places(text, "en").context}
    assert not spans & {"Milan", "Christian", "Brian", "Susan"}


def test_adjectives_are_not_event_places_unless_asked_for():
    text = "A Sri Lankan poet won the prize."
    assert geoparse(text, "en") == []
    assert [m.country_code for m in geoparse(text, "en", demonyms=True)] == ["LK"]


@pytest.mark.parametrize("name, country", [("Zaire", "CD"), ("Dahomey", "BJ"), ("Upper Volta", "BF")])
def test_former_country_names_of_iso_3166_3_are_their_successors(name, country):
    assert OfflineGeocoder().geocode(name).raw["country_code"] == country


def test_a_country_sea_or_area_called_exactly_so_beats_alternate_names_of_other_places():
    loc = OfflineGeocoder().geocode("Atlantic")
    assert loc.raw["kind"] == "sea"


@pytest.mark.parametrize(
    "text, span, name",
    [
        ("Russian-backed separatists shelled the town.", "Russian-backed", "Russia"),
        ("Georgian-controlled villages were hit.", "Georgian-controlled", "Georgia"),
    ],
)
def test_a_hyphenated_adjective_of_nationality_is_its_country(text, span, name):
    assert context(text)[span][0] == name


def test_a_compound_of_two_nationalities_keeps_both():
    doc = parse_places("Turkish-Russian relations improved.", "en")
    assert {m.text: m.country_code for m in (*doc.mentions, *doc.context)} == {
        "Turkish": "TR",
        "Russian": "RU",
    }


@pytest.mark.parametrize(
    "text, span, state",
    [
        ("said Rep. Earl Pomeroy, D-N.D., on Monday.", "N.D.", "North Dakota"),
        ("Sen. Nick Rahall, D-W. Va., chairs the panel.", "W. Va.", "West Virginia"),
        ("Rep. Joe Baca (D-Calif.) voted no.", "Calif.", "California"),
    ],
)
def test_the_state_of_a_legislators_party_tag(text, span, state):
    assert {m.text: m.name for m in geoparse(text, "en")}[span] == state


def test_a_place_of_several_words_before_a_hyphenated_suffix_is_context_not_an_event_place():
    doc = parse_places("A New York-based bank and an Abu Dhabi-led fund.", "en")
    assert {m.text: m.country_code for m in doc.context} == {"New York-based": "US", "Abu Dhabi-led": "AE"}
    assert doc.mentions == ()


@pytest.mark.parametrize(
    "text, span, area",
    [
        ("European airlines cut their fares.", "European", "Europe"),
        ("He wrote a book on the African public service.", "African", "Africa"),
        ("A caravan of Central American migrants reached the border.", "Central American", "Central America"),
        ("They will renegotiate the North American Free Trade Agreement.", "North American", "North America"),
        ("Latin American leaders met on Friday.", "Latin American", "Latin America"),
        ("Turkish troops entered the Kurdish enclave of Afrin.", "Kurdish", "Kurdistan"),
        ("Russia's role in the Asian-Pacific region grows.", "Asian", "Asia"),
        ("De Europese Commissie en Aziatische landen overleggen.", "Europese", "Europe"),
    ],
)
def test_the_people_of_a_continent_or_world_region_are_that_area_as_context(text, span, area):
    found = {m.text: m for m in parse_places(text).context}
    assert found[span].name == area
    assert span not in {m.text for m in geoparse(text)}  # context, never an event place


def test_a_continents_adjective_is_no_countrys_evidence():
    # "Central American" is not "American": the US gets no vote, Paris stays in France
    places = geoparse("Central American migrants arrived in Paris.", "en")
    assert [(m.name, m.country_code) for m in places] == [("Paris", "FR")]


def test_every_region_adjective_names_an_area_of_the_index():
    from geo.demonyms import region_adjectives, region_entry
    from geo.gazetteer import get_gazetteer

    gaz = get_gazetteer()
    assert all(region_entry(gaz, name) is not None for name in set(region_adjectives().values()))


@pytest.mark.parametrize(
    "text, absent",
    [
        ("Israel, Arab leaders and other nations met.", "Arab"),  # not Arab, Alabama
        ("They will renegotiate the North American Free Trade Agreement.", "Free"),  # not the Free State
    ],
)
def test_a_peoples_adjective_or_a_treaty_word_is_no_town(text, absent):
    doc = parse_places(text, "en")
    assert absent not in {m.text for m in (*doc.mentions, *doc.context)}


def test_arab_stays_inside_a_countrys_name():
    assert [m.country_code for m in geoparse("Flights to the United Arab Emirates resumed.", "en")] == ["AE"]


@pytest.mark.parametrize(
    "text, name, cc",
    [
        ("The agent was developed by the Soviet Union.", "Russia", "RU"),
        ("Talks on the Korean Peninsula resumed.", "Korean Peninsula", None),
    ],
)
def test_a_former_country_and_a_peninsula_of_two_countries(text, name, cc):
    [m] = geoparse(text, "en")
    assert (m.name, m.country_code) == (name, cc)


@pytest.mark.parametrize(
    "text, span, region",
    [
        ("A former agent was poisoned in the English city of Salisbury.", "English", "England"),
        ("Scottish police arrested a man in Glasgow.", "Scottish", "Scotland"),
        ("Welsh farmers protested in Cardiff.", "Welsh", "Wales"),
    ],
)
def test_the_people_of_a_nation_of_the_united_kingdom_are_that_nation(text, span, region):
    doc = parse_places(text, "en")
    found = {m.text: m for m in doc.context}
    assert (found[span].name, found[span].country_code) == (region, "GB")
    assert all(m.country_code == "GB" for m in doc.mentions)  # Salisbury in England, not Harare
