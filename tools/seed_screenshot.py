"""Take the README's screenshot: the dashboard on the seed article, its map zoomed to Kursk/Belgorod.

    .venv/bin/python tools/seed_screenshot.py [OUT.png]   (default docs/images/seed-kursk-belgorod.png)

Opens the app on seeds/ in headless Chromium with the network blocked (the base map is the
offline one built at setup), zooms the map to the Kursk and Belgorod oblasts, selects the
first event placed there so the detail panel shows its marked sentence, waits until the map
has drawn its region boundaries and names, and saves a 1400x1150 screenshot of the page's top (timeline, map, detail). Everything is
waited on by what the page shows, so the image is the same on a slow machine.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "browser")]

from mapjs import map_graph, map_marks, wait_map_settled  # noqa: E402

from dashboard.app import create_app  # noqa: E402
from dashboard.server import start_in_thread  # noqa: E402
from eventmap.corpus.loading import load_paths  # noqa: E402

from chromium import assert_clean_log, make_driver, wait_for  # noqa: E402

OUT = ROOT / "docs" / "images" / "seed-kursk-belgorod.png"
CENTER = {"lat": 50.9, "lon": 36.6}  # between Kursk and Belgorod, the border in the middle
ZOOM = 6.4
NEAR = (49.5, 52.5, 34.0, 39.5)  # south, north, west, east: the events to pick from

RENDERED_JS = """
const gd = arguments[0];
const sub = gd && gd._fullLayout && gd._fullLayout.map && gd._fullLayout.map._subplot;
if (!sub || !sub.map || !sub.map.loaded() || sub.map.isMoving()) return null;
const layers = ['region-lines', 'region-labels'].filter(l => sub.map.getLayer(l));
return sub.map.queryRenderedFeatures({layers: layers}).map(f => f.layer.id);"""

# the detail panel's content once an event is chosen (a marked sentence)
DETAIL_JS = "const s = document.getElementById('detail-sentence'); return s ? s.textContent : '';"


def _near(event) -> bool:
    s, n, w, e = NEAR
    return event.lat is not None and s <= event.lat <= n and w <= event.lon <= e


def main(out: Path) -> None:
    events = load_paths([ROOT / "seeds"])
    chosen = next((e for e in events if e.date and _near(e)), None)
    server = start_in_thread(create_app(events))
    driver = make_driver(width=1400, height=1150, block_network=True)
    try:
        driver.get(server.url)
        wait_for(driver, lambda d: map_marks(d), timeout=60, what="the map's marks")
        gd = map_graph(driver)
        wait_map_settled(driver, gd, timeout=60)
        if chosen is not None:  # the detail panel shows the event's sentence, the map rings its place
            driver.execute_script(
                "window.dash_clientside.set_props('selected-event', {data: arguments[0]});", chosen.id
            )
            wait_for(driver, lambda d: d.execute_script(DETAIL_JS), timeout=30, what="the detail panel")
        driver.execute_script(
            "Plotly.relayout(arguments[0], {'map.center': arguments[1], 'map.zoom': arguments[2]});",
            gd,
            CENTER,
            ZOOM,
        )
        wait_for(
            driver,
            lambda d: "region-labels" in (d.execute_script(RENDERED_JS, gd) or []),
            timeout=60,
            what="region boundaries and names",
        )
        wait_map_settled(driver, gd, timeout=60)
        assert_clean_log(driver)
        out.parent.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(out))
        print(f"wrote {out} ({len(events)} events; selected: {chosen.text[:60] if chosen else 'none'})")
    finally:
        driver.quit()
        server.stop()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
