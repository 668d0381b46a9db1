"""Places at their precision: points for cities, areas for regions and countries, hollow for the
article's setting, density cells for big data, and a base map that names no URL."""

from __future__ import annotations

import json

from dashboard.basemap.areas import area_of
from dashboard.figures import density_trace, map_figure, place_key
from dashboard.view import make_filter, select_events
from eventmap.model import Place

from factories import KYIV, TUAPSE, make_event, many_events


def _by_role(fig, role):
    return [t for t in fig.data if (t.meta or {}).get("role") == role]


def region_event(text="Shelling in the Kursk region.", **kw):
    ev = make_event(text, day="2025-03-12", category="fighting", place=None, **kw)
    ev.places = [
        Place(text="Kursk region", name="Kursk Oblast", lat=51.5, lon=36.1, country_code="RU", kind="region")
    ]
    ev.lat, ev.lon = 51.5, 36.1
    return ev


def country_event():
    ev = make_event(
        "Russia announced new measures.", day="2025-03-13", category="policy", place=None, start=300
    )
    ev.places = [Place(text="Russia", name="Russia", lat=61.5, lon=105.3, country_code="RU", kind="country")]
    ev.lat, ev.lon = 61.5, 105.3
    return ev


def test_a_region_place_is_drawn_as_its_area_and_a_city_as_a_point():
    city = make_event("Drones hit Tuapse.", day="2025-03-14", category="attack", place=TUAPSE, start=100)
    fig = map_figure([region_event(), city])
    (areas,) = _by_role(fig, "map-areas")
    assert areas.type == "choroplethmap" and list(areas.locations) == ["region:RU.KS"]
    assert [f["id"] for f in areas.geojson["features"]] == ["region:RU.KS"]
    assert areas.geojson["features"][0]["geometry"]["type"] in ("Polygon", "MultiPolygon")
    assert list(_by_role(fig, "map-area-counts")[0].text) == ["1"]
    (points,) = _by_role(fig, "map-points")
    assert list(points.customdata) == [place_key(city)]
    assert "(region)" in areas.hovertext[0] and "Kursk Oblast" in areas.hovertext[0]
    assert "(city)" in points.hovertext[0]


def test_a_country_is_a_faint_area_drawn_under_the_regions():
    fig = map_figure([country_event(), region_event()])
    areas = _by_role(fig, "map-areas")
    assert [a.meta["level"] for a in areas] == [2, 1]  # the country first: regions draw on top
    assert list(areas[0].locations) == ["country:RU"]
    assert areas[0].marker.opacity < areas[1].marker.opacity


def test_events_placed_by_the_article_setting_are_drawn_hollow():
    setting = make_event("The council met again.", day="2025-03-15", category="policy", place=KYIV)
    setting.place_source = "document"
    own = make_event("Drones hit Tuapse.", day="2025-03-14", category="attack", place=TUAPSE, start=100)
    own.place_source = "sentence"
    fig = map_figure([setting, own])
    (hollow,) = _by_role(fig, "map-hollow")
    assert list(hollow.customdata) == [place_key(setting)]
    (points,) = _by_role(fig, "map-points")
    i = list(points.customdata).index(place_key(setting))
    assert hollow.marker.size[0] < points.marker.size[i] and hollow.marker.color == "#ffffff"
    assert "the article's setting" in points.hovertext[i]


def test_a_place_with_events_of_its_own_sentence_is_not_hollow():
    a = make_event("The council met.", day="2025-03-15", place=KYIV)
    a.place_source = "document"
    b = make_event("Sirens in Kyiv.", day="2025-03-16", place=KYIV, start=50)
    b.place_source = "sentence"
    assert len(_by_role(map_figure([a, b]), "map-hollow")[0].lat) == 0


def test_many_places_become_density_cells_whose_selection_keeps_their_events():
    events = many_events(6000, n_places=20000, seed=3)  # ~5,000 distinct places
    fig = map_figure(events)
    assert not _by_role(fig, "map-points")
    (cells,) = _by_role(fig, "map-density")
    assert sum(cells.marker.color) == sum(1 for e in events if e.located)  # every placed event counted once
    key = cells.customdata[0]
    kept = select_events(events, make_filter(map_selection={"points": [{"customdata": key}]}))
    assert len(kept) == cells.marker.color[0]


def test_density_cells_can_be_fed_counts_from_a_server():
    trace = density_trace(
        [{"lat": 50.5, "lon": 30.5, "count": 120}, {"lat": 51.5, "lon": 36.5, "count": 3}], 1.0
    )
    assert list(trace.customdata) == ["cell:1:50:30", "cell:1:51:36"]
    assert trace.marker.size[0] > trace.marker.size[1] and "120 events" in trace.hovertext[0]


def test_the_default_map_names_no_url_so_it_draws_offline_anywhere():
    fig = map_figure([region_event(), make_event("Sirens in Kyiv.", day="2025-03-16", place=KYIV)])
    text = json.dumps(
        fig.layout.map.style.to_plotly_json()
        if hasattr(fig.layout.map.style, "to_plotly_json")
        else fig.layout.map.style
    )
    assert "http" not in text and "glyphs" not in text and "sprite" not in text
    assert '"type": "geojson"' in text


def test_place_keys_of_areas_come_from_the_base_map_polygons():
    assert area_of("region", "UA", 48.0, 37.8) == "region:UA.DT"  # Donetsk oblast
    assert area_of("country", "RU", 61.5, 105.3) == "country:RU"
    assert area_of("city", "UA", 48.0, 37.8) is None  # a city stays a point


def test_an_empty_topojson_polygon_is_skipped_not_a_crash():
    from dashboard.basemap.topojson import Topology

    topo = Topology(
        {
            "type": "Topology",
            "arcs": [[[0, 0], [1, 0], [1, 1], [0, 0]]],
            "objects": {
                "land": {
                    "type": "GeometryCollection",
                    "geometries": [{"type": "Polygon", "arcs": []}, {"type": "Polygon", "arcs": [[0]]}],
                }
            },
        }
    )
    shapes = [shape for _geom, shape in topo.features("land")]
    assert len(shapes) == 1 and shapes[0].geom_type == "Polygon"  # the empty one is left out
