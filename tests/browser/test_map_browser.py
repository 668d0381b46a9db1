"""The app's map in headless Chromium: areas for regions, an offline base map with detail,
online tiles only on request, a layout that holds, and playback at the chosen speed."""

from __future__ import annotations

import http.server
import struct
import threading
import zlib

import pytest
from mapjs import GRAPH_JS, map_graph, map_marks, wait_map_settled

from dashboard.app import create_app
from dashboard.server import start_in_thread
from eventmap.model import Place

from chromium import assert_clean_log, requested_urls, wait_for
from factories import KYIV, TUAPSE, make_event, sample_events

pytestmark = pytest.mark.browser

RENDERED_JS = """
const gd = arguments[0], layers = arguments[1];
const sub = gd && gd._fullLayout && gd._fullLayout.map && gd._fullLayout.map._subplot;
if (!sub || !sub.map || !sub.map.loaded() || sub.map.isMoving()) return null;
const found = sub.map.queryRenderedFeatures({layers: layers.filter(l => sub.map.getLayer(l))});
return found.map(f => [f.layer.id, f.properties.name || '']);"""


def region_events() -> list:
    kursk = make_event(
        "Fighting went on in the Kursk region.", day="2025-03-12", category="fighting", start=10
    )
    kursk.places = [
        Place(text="Kursk region", name="Kursk Oblast", lat=51.5, lon=36.1, country_code="RU", kind="region")
    ]
    kursk.lat, kursk.lon = 51.5, 36.1
    russia = make_event("Russia announced new measures.", day="2025-03-13", category="policy", start=90)
    russia.places = [
        Place(text="Russia", name="Russia", lat=61.5, lon=105.3, country_code="RU", kind="country")
    ]
    russia.lat, russia.lon = 61.5, 105.3
    tuapse = make_event("Drones hit Tuapse.", day="2025-03-14", category="attack", place=TUAPSE, start=150)
    setting = make_event(
        "The mayor spoke again.", day="2025-03-15", category="diplomacy", place=KYIV, start=200
    )
    setting.place_source = "document"
    return [kursk, russia, tuapse, setting]


@pytest.fixture(scope="module")
def region_app():
    events = region_events()
    server = start_in_thread(create_app(events))
    yield server, events
    server.stop()


def test_regions_and_countries_are_area_traces_and_the_setting_is_hollow(driver, region_app):
    server, _events = region_app
    driver.get(server.url)
    marks = wait_for(driver, lambda d: len(map_marks(d)) == 4 and map_marks(d), what="the map's marks")
    assert marks == {
        "region:RU.KS": 1,
        "country:RU": 1,
        f"{TUAPSE[1]:.4f},{TUAPSE[2]:.4f}": 1,
        f"{KYIV[1]:.4f},{KYIV[2]:.4f}": 1,
    }
    roles = driver.execute_script(
        "return arguments[0]._fullData.map(t => [t.type, t.meta && t.meta.role, Array.from(t.customdata || [])]);",
        map_graph(driver),
    )
    areas = {k for kind, role, keys in roles if role == "map-areas" for k in keys}
    assert areas == {"region:RU.KS", "country:RU"} and all(
        k == "choroplethmap" for k, r, _ in roles if r == "map-areas"
    )
    hollow = [keys for _k, role, keys in roles if role == "map-hollow"]
    assert hollow == [[f"{KYIV[1]:.4f},{KYIV[2]:.4f}"]]
    assert_clean_log(driver)


LAYERS_JS = """
const gd = arguments[0], sub = gd._fullLayout.map._subplot;
return sub.map.getStyle().layers.map(l => l.id).filter(id => id.startsWith('plotly-') || id.startsWith('eventmap-slot-'));"""


def test_the_marks_are_on_the_map_once_it_opens_each_trace_under_its_slot(driver, region_app):
    server, _events = region_app
    driver.get(server.url)
    gd = wait_for(driver, lambda d: map_marks(d) and map_graph(d), what="the map's marks")
    # on the screen, not only in the graph's data: MapLibre drew the two points
    points = wait_for(
        driver,
        lambda d: d.execute_script(RENDERED_JS, gd, ["plotly-trace-layer-map-points-circle"]),
        what="MapLibre to draw the points",
    )
    assert len(points) == 2
    # each trace under its own slot, the slots in the traces' order, its layers under it
    order = driver.execute_script(LAYERS_JS, gd)
    uids = driver.execute_script("return arguments[0].data.map(t => [t.uid, t.below]);", gd)
    assert all(below.startswith("eventmap-slot-") for _uid, below in uids)
    slots = [int(below.rsplit("-", 1)[1]) for _uid, below in uids]
    assert slots == sorted(set(slots))
    for uid, below in uids:
        first = next(i for i, x in enumerate(order) if x.startswith(f"plotly-trace-layer-{uid}-"))
        assert first < order.index(below)
    assert_clean_log(driver)


def test_zoomed_to_eastern_ukraine_the_map_shows_oblast_boundaries_and_names_offline(driver, region_app):
    server, _events = region_app
    driver.get(server.url)
    wait_for(driver, lambda d: len(map_marks(d)) == 4, what="the map's marks")
    gd = map_graph(driver)
    wait_map_settled(driver, gd)
    driver.execute_script(
        "Plotly.relayout(arguments[0], {'map.center': {lat: 48.3, lon: 38.0}, 'map.zoom': 6});", gd
    )
    found = wait_for(
        driver,
        lambda d: (
            (f := d.execute_script(RENDERED_JS, gd, ["region-lines", "region-labels", "towns"]))
            and {n for layer, n in f if layer == "region-labels"}
            and f
        ),
        timeout=30,
        what="region boundaries and names",
    )
    layers = {layer for layer, _n in found}
    names = {n for layer, n in found if layer == "region-labels"}
    towns = {n for layer, n in found if layer == "towns"}
    assert "region-lines" in layers
    assert names & {"Donets'k", "Luhans'k", "Zaporizhzhya", "Kharkiv", "Dnipropetrovs'k"}, names
    assert towns, "towns from the gazetteer are labelled at this zoom"
    assert_clean_log(driver)


def test_online_tiles_are_used_only_when_asked_and_are_credited(driver):
    png = _png()

    class Tiles(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Access-Control-Allow-Origin", "*")  # as tile servers answer
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(png)))
            self.end_headers()
            self.wfile.write(png)

        def log_message(self, *args):
            pass

    tile_server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Tiles)
    threading.Thread(target=tile_server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{tile_server.server_address[1]}/osm/{{z}}/{{x}}/{{y}}.png"
    server = start_in_thread(
        create_app(sample_events(), tiles=url, tiles_attribution="© Test tiles contributors")
    )
    try:
        driver.get(server.url)
        wait_for(driver, lambda d: map_marks(d), what="the map's marks")
        wait_for(
            driver,
            lambda d: any("/osm/" in u for u in requested_urls(d)),
            timeout=30,
            what="the online tile layer to be asked for",
        )
        credit_js = (
            "return Array.from(arguments[0].querySelectorAll('.annotation-text')).map(e => e.textContent);"
        )
        wait_for(
            driver,
            lambda d: "© Test tiles contributors" in (d.execute_script(credit_js, map_graph(d)) or []),
            what="the tiles' credit on the map",
        )
        assert_clean_log(driver)
    finally:
        server.stop()
        tile_server.shutdown()
        tile_server.server_close()


def test_the_layout_holds_after_adding_an_article_with_a_new_category(driver):
    server = start_in_thread(create_app(sample_events()[:3]))
    try:
        driver.get(server.url)
        wait_for(driver, lambda d: map_marks(d), what="the map's marks")
        before = _boxes(driver)
        driver.find_element("css selector", ".add-articles summary").click()
        driver.find_element("id", "paste-text").send_keys(
            "Een aardbeving trof Turkije op 6 februari 2023. Demonstranten protesteerden in Berlijn op 7 februari 2023."
        )
        driver.find_element("id", "doc-date").send_keys("2023-02-08")
        driver.find_element("id", "add-button").click()
        wait_for(
            driver,
            lambda d: "Added" in d.find_element("id", "add-status").text,
            timeout=60,
            what="the article",
        )
        after = wait_for(
            driver, lambda d: (b := _boxes(d))["lanes"] > before["lanes"] and b, timeout=20, what="new lanes"
        )
        assert after["timeline_bottom"] <= after["map_top"] + 1, (
            after
        )  # the taller timeline pushed the map down
        assert after["timeline_bottom"] <= after["detail_top"] + 1, after
        assert after["graph_height"] >= after["figure_height"] - 1, after  # the figure fits its box
        assert_clean_log(driver)
    finally:
        server.stop()


def test_play_starts_at_the_first_event_and_steps_at_the_chosen_speed(driver):
    events = sample_events()
    server = start_in_thread(create_app(events))
    try:
        driver.get(server.url)
        wait_for(driver, lambda d: map_marks(d), what="the map's marks")
        _choose(driver, "play-speed", "4×")
        _choose(driver, "play-width", "day")
        wait_for(driver, lambda d: _interval(d) == 225, what="the play interval at 4x speed (225 ms)")
        assert driver.find_element("id", "play-button").text == "Play"
        driver.find_element("id", "play-button").click()
        first = min(e.date for e in events if e.date)
        ranges = []

        def stepped(d):
            r = d.execute_script(
                "return arguments[0]._fullLayout.xaxis.range.map(String);",
                d.execute_script(GRAPH_JS, "timeline"),
            )
            if not ranges or ranges[-1] != r:
                ranges.append(r)
            return len(ranges) >= 4 and ranges

        wait_for(driver, stepped, timeout=20, what="four playback steps")
        assert driver.find_element("id", "play-button").text == "Pause"
        starts = [r[0][:10] for r in ranges]
        assert first in starts[:3]  # it began at the first event, not weeks before
        assert starts == sorted(starts) or starts[-1] == first  # forward (or wrapped round to the start)
        progress = driver.find_element("id", "play-progress-text").text
        assert "%" in progress and "–" in progress
        driver.find_element("id", "play-button").click()
        wait_for(driver, lambda d: d.find_element("id", "play-button").text == "Play", what="pause")
        assert_clean_log(driver)
    finally:
        server.stop()


def _interval(driver) -> int | None:
    """The play interval's `interval` prop as Dash holds it (dash_component_api, Dash's public hook)."""
    return driver.execute_script(
        "const c = window.dash_component_api && window.dash_component_api.getLayout('play-interval');"
        "return c ? c.props.interval : null;"
    )


def _choose(driver, dropdown_id: str, label: str) -> None:
    driver.find_element(
        "css selector", f"#{dropdown_id} .Select-control, #{dropdown_id} [role=combobox], #{dropdown_id}"
    ).click()
    option = wait_for(
        driver,
        lambda d: [
            o
            for o in d.find_elements("css selector", "[role=option], .VirtualizedSelectOption")
            if o.text == label
        ],
        what=f"the option {label}",
    )
    option[0].click()


def _boxes(driver) -> dict:
    return driver.execute_script(
        """
const tl = document.getElementById('timeline'), map = document.getElementById('map'), det = document.getElementById('detail');
const gd = tl.querySelector('.js-plotly-plot');
const lanes = gd && gd._fullLayout ? gd._fullLayout.yaxis.tickvals.length : 0;
return {lanes: lanes, timeline_bottom: tl.getBoundingClientRect().bottom, map_top: map.getBoundingClientRect().top,
        detail_top: det.getBoundingClientRect().top, graph_height: tl.getBoundingClientRect().height,
        figure_height: gd && gd._fullLayout ? gd._fullLayout.height : 0};"""
    )


def _png() -> bytes:
    """A 256x256 grey PNG tile."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    raw = b"".join(b"\x00" + b"\xcc" * 256 for _ in range(256))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 256, 256, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )
