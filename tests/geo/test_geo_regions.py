"""Regions of the whole world, water and terrain, namesakes in context, short forms, country points."""

from __future__ import annotations

import pytest
from geopy.distance import great_circle

from geo import OfflineGeocoder, PlaceMention, event_place, geoparse


def km(m: PlaceMention, lat: float, lon: float) -> float:
    return great_circle((m.lat, m.lon), (lat, lon)).km


def only(text: str, lang: str | None = None) -> PlaceMention:
    [m] = geoparse(text, lang)
    return m


# 14 countries on 6 continents: a first-level region by its name, by a region word, in Dutch
@pytest.mark.parametrize(
    "text, lang, cc, point",
    [
        ("Heavy rain in Antioquia department killed five.", None, "CO", (6.9, -75.5)),  # South America
        ("Floods hit São Paulo state.", None, "BR", (-22.0, -48.4)),
        ("Floods hit Lagos State on Monday.", None, "NG", (6.5, 3.6)),  # Africa
        ("Drought in Turkana County worsened.", None, "KE", (2.8, 35.6)),
        ("Drones were seen over Beieren.", "nl", "DE", (48.9, 11.4)),  # Europe
        ("Gevechten in de provincie Koersk gingen door.", "nl", "RU", (51.7, 36.5)),
        ("Strikes hit the Kharkiv Oblast overnight.", None, "UA", (49.8, 36.4)),
        ("Обстріли у Харківській області тривали.", "uk", "UA", (49.8, 36.4)),
        ("Floods in the Somme cut roads.", "en", "FR", (49.9, 2.3)),  # a French department
        ("Rain in Hubei province closed schools.", None, "CN", (31.0, 112.0)),  # Asia
        ("A heat wave in Uttar Pradesh killed dozens.", None, "IN", (27.1, 80.9)),
        ("Snow fell in Hokkaido.", None, "JP", (43.4, 142.8)),
        ("Storms in Guerrero state flooded Acapulco.", None, "MX", (17.6, -100.0)),  # North America
        ("Fires burned in Washington state.", None, "US", (47.3, -120.2)),
        ("Bushfires spread across Queensland.", None, "AU", (-22.2, 144.6)),  # Oceania
    ],
)
def test_first_level_regions_of_the_world(text, lang, cc, point):
    regions = [m for m in geoparse(text, lang) if m.kind == "region"]
    assert regions and regions[0].country_code == cc and km(regions[0], *point) < 150


def test_a_region_named_like_its_city_is_the_city_without_a_region_word():
    assert only("Flights from Lagos were cancelled.").kind == "city"
    assert only("Floods hit Lagos State.").kind == "region"
    assert only("Police in New York said so.").kind == "city"


def test_a_state_written_with_its_region_word_is_that_state_not_the_region_around_a_city():
    # "Washington" is also the city whose region is the District of Columbia
    assert only("Clinics in Washington state were closed.").name == "Washington"


def test_regions_are_found_by_name_alone():
    g = OfflineGeocoder()
    for name, cc in [
        ("Antioquia", "CO"),
        ("Bavaria", "DE"),
        ("Hubei", "CN"),
        ("Tigray", "ET"),
        ("Surrey", "GB"),
    ]:
        loc = g.geocode(name)
        assert loc.raw["kind"] == "region" and loc.raw["country_code"] == cc, name


def test_a_second_level_unit_with_its_word():
    nikopol = only("Russians shelled the Nikopol district.")
    assert nikopol.kind == "region" and km(nikopol, 47.57, 34.39) < 40
    county = [
        m for m in geoparse("Deputies in Henry County, Georgia, searched.") if m.text == "Henry County"
    ][0]
    assert county.kind == "region" and km(county, 33.45, -84.15) < 40  # its own point, not the state's


# --- water and terrain choose features, never a town of that name --------------------------


@pytest.mark.parametrize(
    "text, name, point",
    [
        ("The river Reno burst its banks near Imola, south of Bologna.", "Reno", (44.6, 11.6)),
        ("De rivier de Maas trad buiten haar oevers bij Venlo.", "Maas", (51.8, 5.7)),
        ("The Dnipro river flooded Kherson.", "Dnipro river", (48.4, 35.0)),
        ("Fishermen on Lake Victoria found the boat.", "Lake Victoria", (-1.0, 33.0)),
        ("Snow closed roads in the Ural Mountains.", "Ural Mountains", (60.0, 59.0)),
    ],
)
def test_rivers_lakes_and_mountains(text, name, point):
    m = {m.text: m for m in geoparse(text)}[name]
    assert m.kind in ("sea", "area") and km(m, *point) < 100


def test_an_unknown_river_is_left_out_rather_than_put_on_a_town():
    assert [m.text for m in geoparse("The river Reno and the Nowhereville River flooded.")] == ["Reno"]
    reno = {m.text: m for m in geoparse("The Truckee River flooded Reno, Nevada.")}
    assert "Truckee River" not in reno and reno["Reno"].country_code == "US"  # a town by a river stays


@pytest.mark.parametrize(
    ("text", "town", "cc"),
    [
        ("Stay safe Nepal. Kathmandu valley badly hit by quake", "Kathmandu", "NP"),
        ("Wine from the Napa Valley is sold out.", "Napa", "US"),
    ],
)
def test_a_valley_unknown_as_terrain_is_around_its_town(text, town, cc):
    assert {m.name: m.country_code for m in geoparse(text, "en")}[town] == cc


# --- context decides among namesakes --------------------------------------------------------


def test_namesakes_near_the_articles_other_places():
    assert only("Trains to Dublin were cancelled.").country_code == "IE"
    oh = {m.text: m for m in geoparse("Traffic from Columbus to Worthington and Dublin was slow.")}
    assert km(oh["Dublin"], 40.10, -83.11) < 30


def test_the_place_holding_a_namesake_decides():
    il = {m.text: m for m in geoparse("Storms hit Decatur, Illinois, on Sunday.")}
    assert km(il["Decatur"], 39.84, -88.95) < 30
    ga = {m.text: m for m in geoparse("He grew up in Athens, Georgia.")}
    assert ga["Athens"].country_code == "US" and ga["Georgia"].kind == "region"
    gr = {m.text: m for m in geoparse("Protests in Athens, Greece.")}
    assert gr["Athens"].country_code == "GR"
    ua = {m.text: m for m in geoparse("Shelling hit Novoselivka in the Kharkiv region.")}
    assert ua["Novoselivka"].country_code == "UA"


def test_an_unknown_village_in_a_province_falls_back_to_the_province():
    [village, province] = geoparse("Shelling hit the village of Zzyzxivka in Kherson province overnight.")
    assert village.text == "Zzyzxivka" and village.kind == "region" and village.name == province.name
    [village, _oblast] = geoparse("Residents of Zzyzxivka, Kharkiv oblast, fled.")
    assert village.kind == "region" and km(village, 49.8, 36.4) < 100


# --- abbreviations and short forms --------------------------------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("EU leaders met in Brussels.", "European Union"),
        ("Fires near L.A. spread.", "Los Angeles"),
        ("Rents in NYC rose.", "New York City"),
        ("Sanctions by the U.S. and the UK bit.", "United States"),
        ("Flights to the UAE resumed.", "United Arab Emirates"),
        ("Floods hit Charleston, W. Va., on Monday.", "West Virginia"),
    ],
)
def test_short_forms_are_their_places_not_namesake_villages(text, name):
    assert name in [m.name for m in geoparse(text)]


def test_lower_case_country_names_in_informal_text():
    assert [
        (m.text, m.kind) for m in geoparse("lol the protests in iran are huge, flights to russia stopped")
    ] == [
        ("iran", "country"),
        ("russia", "country"),
    ]
    assert geoparse("they went in turn and in time") == []


# --- country points on event maps -----------------------------------------------------------------


def test_a_country_is_drawn_where_its_people_are_or_at_its_capital_when_it_speaks():
    [russia] = geoparse("Floods in Russia killed ten.")
    assert km(russia, 60.0, 100.0) < 300  # the gazetteer's point: the middle of its land
    drawn = event_place(russia)
    assert drawn.source_id.endswith("#population") and drawn.kind == "country"
    assert 50 < drawn.lat < 60 and 30 < drawn.lon < 60  # European Russia, where people live
    said = event_place(russia, statement=True)
    assert said.source_id.endswith("#capital") and km(said, 55.75, 37.62) < 30  # Moscow
    [kyiv] = geoparse("Floods in Kyiv killed ten.")
    assert event_place(kyiv) is kyiv  # not a country: unchanged


def test_a_capital_outweighs_its_namesakes_in_a_foreign_story():
    text = "WASHINGTON - The U.S. envoy, who once ran a New York-based fund, had worked in Russia and Paris."
    assert {m.text: m.country_code for m in geoparse(text, "en")}["Paris"] == "FR"


def test_a_nickname_among_a_regions_other_names_is_not_a_place():
    # ISO 3166-2 lists "The love region" for Tanga and "Garden State" for New Jersey
    assert [m.name for m in geoparse("Love is in the air in Paris, said the mayor.", "en")] == ["Paris"]
    assert geoparse("They planted a Garden near the river.", "en") == []


def test_regions_whose_other_name_is_also_a_frequent_word_keep_it():
    got = {
        m.text: m.name for m in geoparse("Eindhoven ligt in Brabant, niet in Engeland of Friesland.", "nl")
    }
    assert got == {
        "Eindhoven": "Eindhoven",
        "Brabant": "Noord-Brabant",
        "Engeland": "England",
        "Friesland": "Fryslân",
    }


@pytest.mark.parametrize(
    "text, name, cc",
    [
        ("Op Texel en Ameland is het druk.", "Texel", "NL"),
        ("Op Texel en Ameland is het druk.", "Ameland", "NL"),
        ("Stormschade op de Veluwe bij Apeldoorn.", "Veluwe", "NL"),
        ("Wateroverlast in de Achterhoek.", "Achterhoek", "NL"),
        ("Tourists flocked to Mallorca and Rügen.", "Rügen", "DE"),
    ],
)
def test_islands_and_regions_by_their_bare_name(text, name, cc):
    found = {m.text: m for m in geoparse(text, "en" if "Tourists" in text else "nl")}
    assert found[name].kind == "area"
    assert found[name].country_code == cc


def test_a_region_name_that_mostly_means_a_club_is_no_curated_area():
    # "Twente" in sports news is FC Twente: it is not added as a region
    assert not any(m.text == "Twente" and m.kind == "area" for m in geoparse("Twente won van Ajax.", "nl"))


@pytest.mark.parametrize(
    "text, lang, name, cc",
    [
        ("Des orages ont frappé l'Alsace et la Lorraine.", "fr", "Alsace", "FR"),
        ("Des orages ont frappé l'Alsace et la Lorraine.", "fr", "Lorraine", "FR"),
        ("Wijnboeren in Bourgondië en de Elzas klagen.", "nl", "Bourgondië", "FR"),
        ("Cholera spread in Nyanza Province and the Rift Valley.", "en", "Nyanza Province", "KE"),
        ("Ebola cases were confirmed in Kasai-Occidental.", "en", "Kasai-Occidental", "CD"),
        ("Snow closed roads in Hedmark and Oppland.", "en", "Oppland", "NO"),
        ("Floods hit the West Midlands and South West England.", "en", "West Midlands", "GB"),
    ],
)
def test_former_first_level_regions_that_news_still_names(text, lang, name, cc):
    found = {m.text: m for m in geoparse(text, lang)}
    assert found[name].kind == "region"
    assert found[name].country_code == cc


@pytest.mark.parametrize(
    ("text", "lang", "name"),
    [
        ("In de gemeente Westerwolde is een boerderij afgebrand.", "nl", "Westerwolde"),
        ("A farm burned in the municipality Westerwolde.", "en", "Westerwolde"),
    ],
)
def test_a_name_known_only_as_a_municipality_is_found_after_its_kind_s_word(text, lang, name):
    (m,) = geoparse(text, lang)
    assert m.name == name and m.country_code == "NL" and m.kind == "region"


@pytest.mark.parametrize(
    "text, name",
    [
        ("Most of the victims were in the province of Valencia.", "Comunidad Valenciana"),
        ("Heavy rain also hit the Comunidad de Madrid.", "Comunidad de Madrid"),
    ],
)
def test_a_region_iso_writes_inverted_is_named_the_way_people_write_it(text, name):
    (place,) = geoparse(text, "en")
    assert (place.name, place.kind) == (name, "region")


def test_a_tail_of_several_capitalised_words_is_a_list_not_an_inverted_kind():
    from geo.build_regions import uninverted

    assert uninverted("Virgin Islands, U.S.") == "U.S. Virgin Islands"
    assert (
        uninverted("Southern Nations, Nationalities and Peoples")
        == "Southern Nations, Nationalities and Peoples"
    )


@pytest.mark.parametrize(
    "text, lang, name",
    [
        ("Drones hit a refinery in the Krasnodar region.", "en", "Krasnodar Krai"),
        ("Een raffinaderij in de Russische regio Krasnodar werd getroffen.", "nl", "Krasnodar Krai"),
        ("Fighting broke out in Chechnya.", "en", "Chechen Republic"),
        ("Protests spread in Tatarstan.", "en", "Tatarstan Republic"),
    ],
)
def test_russian_krais_and_republics_have_english_names(text, lang, name):
    (place,) = geoparse(text, lang)
    assert (place.name, place.kind) == (name, "region")


@pytest.mark.parametrize(
    "text, name, kind",
    [
        ("Explosions were heard in Zaporizhzhia.", "Zaporizhzhya", "city"),
        ("Explosions in Kharkiv and Zaporizhzhia.", "Zaporizhzhya", "city"),
        ("Heavy fighting in the Zaporizhzhia region.", "Zaporizhzhia Oblast", "region"),
        ("Floods hit Rio Grande do Sul.", "Rio Grande do Sul", "region"),
    ],
)
def test_a_region_named_after_its_big_city_leaves_the_bare_name_to_the_city(text, name, kind):
    place = geoparse(text, "en")[-1]
    assert (place.name, place.kind) == (name, kind)
