"""Hostile article text is shown as text -- never run -- in hover labels, the table, the
detail panel and every export.

Articles are pasted from anywhere, so a sentence may hold `<script>`, `<img onerror=...>`,
a `javascript:` link or Plotly's own hover markup (`<b>`). The unit tests check the strings
the figures and exports produce; the browser tests load the app and the exported HTML with
such events, hover, click and open the details, and check that `window.__pwned` (set by
every payload if it ran) stays undefined while the literal text is on screen.
"""

from __future__ import annotations

import html
import json
import time

import pytest
from tablejs import show_table

from dashboard.app.tables import grid_rows
from dashboard.export.html import render_html
from dashboard.figures import aggregate_places, event_hover, map_figure, place_hover, timeline_figure
from eventmap.formats import dumps_events, loads_events
from eventmap.model import Event, Place, Source

IMG = '<img src=x onerror="window.__pwned=1">'
SCRIPT = "<script>window.__pwned=1</script>"
LINK = '<a href="javascript:window.__pwned=1">x</a>'
BOLD = "<b>bold</b>"
PAYLOADS = (IMG, SCRIPT, LINK, BOLD)
TEXTS = [f"Op {d} maart zei iemand {p} in de stad." for d, p in zip((12, 13, 14, 15), PAYLOADS)]


def hostile_events() -> list[Event]:
    """One event per payload (in its sentence, date expression and place name) plus one
    event whose category and document name are hostile too."""
    out = []
    for i, (text, payload) in enumerate(zip(TEXTS, PAYLOADS)):
        place = Place(
            text=f"Stad {payload}",
            name=f"Stad {payload}",
            lat=50.0 + i,
            lon=30.0 + i,
            country_code="UA",
            kind="city",
        )
        out.append(
            Event(
                text=text,
                source=Source(f"docs/{i}.txt", 0, len(text)),
                date=f"2025-03-{12 + i}",
                date_end=f"2025-03-{12 + i}",
                date_precision="day",
                date_text=f"op {12 + i} maart {payload}",
                category="attack",
                lang="nl",
                places=[place],
            )
        )
    weird = f"Iets gebeurde {SCRIPT} op 20 maart."
    out.append(
        Event(
            text=weird,
            source=Source(f"docs/{BOLD}{IMG}.txt", 0, len(weird)),
            date="2025-03-20",
            date_end="2025-03-20",
            date_precision="day",
            category=f"x{BOLD}{IMG}",
            lang="nl",
            places=[Place(text="Kyiv", name="Kyiv", lat=50.45, lon=30.52)],
        )
    )
    return out


def _raw_payload_in(s: str) -> list[str]:
    return [p for p in PAYLOADS if p in s]


# --------------------------------------------------------------------------- unit: strings


@pytest.mark.parametrize("payload", PAYLOADS)
def test_hover_labels_escape_every_payload(payload):
    ev = hostile_events()[PAYLOADS.index(payload)]
    for label in (event_hover(ev), place_hover(aggregate_places([ev])[0])):
        assert payload not in label
        assert "<img" not in label and "<script" not in label and "<a " not in label
        assert html.escape(payload, quote=False) in label  # shown, as text


def test_figures_carry_no_raw_markup_in_any_hover_or_text():
    evs = hostile_events()
    for fig in (timeline_figure(evs), timeline_figure(evs, lane="document"), map_figure(evs)):
        for trace in fig.data:
            for attr in ("hovertext", "text", "hovertemplate"):
                values = getattr(trace, attr, None)
                if values is None:
                    continue
                for v in [values] if isinstance(values, str) else list(values):
                    assert not _raw_payload_in(str(v)), (trace.name, attr, v)


def test_table_rows_are_plain_strings_for_a_grid_that_renders_text():
    from dashboard.app.tables import TABLE_COLUMNS

    rows = grid_rows(hostile_events())
    assert any(SCRIPT in r["text"] for r in rows)  # the grid gets the literal text ...
    for col in TABLE_COLUMNS:  # ... and no column renders it as HTML or markdown
        assert "cellRenderer" not in col and "dangerously_allow_code" not in col


def test_detail_panel_is_built_from_components_not_html_strings():
    from dash import html as dhtml

    from dashboard.app.detail import detail_children

    ev = hostile_events()[0]
    tree = json.dumps(dhtml.Div(detail_children(ev)).to_plotly_json(), default=lambda o: o.to_plotly_json())
    assert "Markdown" not in tree and "dangerously" not in tree and "Iframe" not in tree
    assert json.dumps(IMG)[1:-1] in tree  # the literal text is a text child


def test_exported_html_escapes_text_title_and_script_data():
    evs = hostile_events()
    page = render_html(evs, title=f"Report {SCRIPT}")
    for p in PAYLOADS:
        assert p not in page
    assert f"<title>Report {html.escape(SCRIPT)}</title>" in page
    table = page[page.index('<table class="em-events"') : page.index("</table>")]
    assert html.escape(IMG) in table and html.escape(LINK) in table
    # inside <script type="application/json"> no "<" may appear (it could close the element)
    data_start = page.index('type="application/json"')
    data = page[page.index(">", data_start) + 1 : page.index("</script>", data_start)]
    assert "<" not in data and "</script" not in data.lower()


def test_snippet_export_escapes_too():
    page = render_html(hostile_events(), title=IMG, snippet=True)
    for p in PAYLOADS:
        assert p not in page


def test_timelinejs_export_escapes_its_html_fields():
    story = json.loads(dumps_events(hostile_events(), "timelinejs", title=SCRIPT))
    slides = story["events"]
    texts = (
        [story["title"]["text"]["headline"]]
        + [s["text"]["text"] for s in slides]
        + [s["text"]["headline"] for s in slides]
    )
    for t in texts:  # TimelineJS puts these fields into the page as HTML
        assert not _raw_payload_in(t) and "<img" not in t and "<script" not in t
    assert any(html.escape(SCRIPT, quote=False) in s["text"]["text"] for s in slides)


@pytest.mark.parametrize("fmt", ["json", "geojson", "csv"])
def test_data_exports_keep_the_literal_text(fmt):
    """Data formats are not HTML: the text must come back unchanged (escaping belongs to display)."""

    def shown(evs):
        return [(e.text, e.date_text, e.source.document, [(p.text, p.name) for p in e.places]) for e in evs]

    evs = hostile_events()
    assert shown(loads_events(dumps_events(evs, fmt), fmt)) == shown(evs)


# --------------------------------------------------------------------------- browser

PWNED_JS = "return typeof window.__pwned === 'undefined' ? null : String(window.__pwned);"
HOVER_JS = (
    "const h = document.querySelectorAll('.hoverlayer .hovertext');"
    "return Array.from(h).map(e => e.textContent).join('\\n');"
)
INJECTED_JS = """
const bad = [];
for (const sel of ['.hoverlayer img', '.hoverlayer script', '#detail img', '#detail script',
                   '.ag-root img', '.ag-root script', '.em-events img', '.em-events script',
                   'a[href^="javascript:"]']) {
  document.querySelectorAll(sel).forEach(e => bad.push(sel));
}
return bad;"""


def _wait(fn, timeout: float = 20.0, what: str = "condition"):
    end = time.monotonic() + timeout
    last = None
    while time.monotonic() < end:
        last = fn()
        if last:
            return last
        time.sleep(0.1)
    pytest.fail(f"timed out waiting for {what} (last value {last!r})")


def _move(driver, x: float, y: float) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    actions = ActionChains(driver)
    actions.w3c_actions.pointer_action.move_to_location(int(x), int(y))
    actions.perform()


def _click(driver, x: float, y: float) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    actions = ActionChains(driver)
    actions.w3c_actions.pointer_action.move_to_location(int(x), int(y))
    actions.w3c_actions.pointer_action.click()
    actions.perform()


def _point_xy(driver, gd, event_id: str) -> tuple[float, float]:
    """Viewport pixel of an event's timeline point, found by its id (customdata)."""
    xy = driver.execute_script(
        """
const gd = arguments[0], id = arguments[1], fl = gd._fullLayout, r = gd.getBoundingClientRect();
for (const t of gd._fullData) {
  if (!t.meta || t.meta.role !== 'timeline-points') continue;
  const i = Array.from(t.customdata || []).indexOf(id);
  if (i < 0) continue;
  const xa = fl['xaxis' + (t.xaxis || 'x').slice(1)], ya = fl['yaxis' + (t.yaxis || 'y').slice(1)];
  return [r.left + xa._offset + xa.d2p(t.x[i]), r.top + ya._offset + ya.d2p(t.y[i])];
}
return null;""",
        gd,
        event_id,
    )
    assert xy is not None, f"event {event_id} is not on the timeline"
    return tuple(xy)


def _n_points(driver, gd) -> int:
    return driver.execute_script(
        "const t = arguments[0] && arguments[0]._fullData &&"
        " arguments[0]._fullData.find(t => t.meta && t.meta.role === 'map-points');"
        "return t ? t.lat.length : 0;",
        gd,
    )


def _marker_xy(driver, gd, index: int) -> tuple[float, float]:
    """Viewport pixel of the index-th place circle (MapLibre's projection of its lon/lat)."""
    return tuple(
        driver.execute_script(
            """
const gd = arguments[0], t = gd._fullData.find(t => t.meta && t.meta.role === 'map-points');
const map = gd._fullLayout.map._subplot.map, r = map.getCanvas().getBoundingClientRect();
const p = map.project([t.lon[arguments[1]], t.lat[arguments[1]]]);
return [r.left + p.x, r.top + p.y];""",
            gd,
            index,
        )
    )


def _hover_text(driver, xy) -> str:
    _move(driver, 5, 5)
    _move(driver, *xy)
    return _wait(lambda: driver.execute_script(HOVER_JS), what="a hover label")


@pytest.mark.browser
def test_the_app_shows_hostile_text_as_text(driver):
    from dashboard.app import create_app
    from dashboard.server import start_in_thread

    from chromium import assert_clean_log

    evs = hostile_events()
    server = start_in_thread(create_app(evs))
    try:
        driver.get(server.url)
        tl_js = "const o=document.getElementById('timeline');return o&&o.querySelector('.js-plotly-plot');"
        map_js = "const o=document.getElementById('map');return o&&o.querySelector('.js-plotly-plot');"
        _wait(lambda: _n_points(driver, driver.execute_script(map_js)), what="the map to draw")
        time.sleep(1.0)  # let the first callbacks settle before hovering
        tl = driver.execute_script(tl_js)
        for ev, payload in zip(evs, PAYLOADS):  # hover every hostile event on the timeline
            label = _hover_text(driver, _point_xy(driver, tl, ev.id))
            assert payload in label, label  # the literal markup is what a person reads
        # the map's hover labels (redrawn in the browser from the columns)
        mp = driver.execute_script(map_js)
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", mp)
        n_places = _n_points(driver, mp)
        labels = [_hover_text(driver, _marker_xy(driver, mp, k)) for k in range(n_places)]
        assert any(IMG in lab for lab in labels) and any(BOLD in lab for lab in labels), labels
        assert any(f"x{BOLD}{IMG} 1" in lab for lab in labels), labels  # the hostile category, as text
        legend = driver.execute_script(
            "return Array.from(arguments[0].querySelectorAll('.legendtext')).map(e => e.textContent);", tl
        )
        ticks = driver.execute_script(
            "return Array.from(arguments[0].querySelectorAll('.ytick text')).map(e => e.textContent);", tl
        )
        assert f"x{BOLD}{IMG}" in legend and f"x{BOLD}{IMG}" in ticks, (legend, ticks)
        # click the <img> event: the detail panel shows its sentence as text
        _click(driver, *_point_xy(driver, tl, evs[0].id))
        sentence = _wait(lambda: driver.find_elements("id", "detail-sentence"), what="the detail panel")[0]
        _wait(lambda: IMG in sentence.text, what="the hostile sentence in the detail panel")
        assert TEXTS[0] == sentence.text
        # the table shows the literal sentences
        show_table(driver)
        cells = _wait(
            lambda: [c.text for c in driver.find_elements("css selector", "#table .ag-cell")],
            what="table cells",
        )
        assert any(SCRIPT in c for c in cells), cells
        assert driver.execute_script(INJECTED_JS) == []
        assert driver.execute_script(PWNED_JS) is None
        assert_clean_log(driver)
    finally:
        server.stop()


@pytest.mark.browser
def test_the_exported_page_shows_hostile_text_as_text(driver, tmp_path):
    from chromium import assert_clean_log

    evs = hostile_events()
    path = tmp_path / "report.html"
    path.write_text(render_html(evs, title=f"Report {IMG}"), encoding="utf-8")
    driver.get(path.as_uri())
    _wait(
        lambda: driver.execute_script("return document.querySelector('[data-ready]') !== null;"),
        what="the exported page to be ready",
    )
    root = driver.execute_script("return document.querySelector('.eventmap-export').id;")
    tl = driver.execute_script("return document.getElementById(arguments[0] + '-timeline');", root)
    mp = driver.execute_script("return document.getElementById(arguments[0] + '-map');", root)
    for ev, payload in zip(evs, PAYLOADS):
        label = _hover_text(driver, _point_xy(driver, tl, ev.id))
        assert payload in label, label
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", mp)
    n_places = _n_points(driver, mp)
    labels = [_hover_text(driver, _marker_xy(driver, mp, k)) for k in range(n_places)]
    assert any(LINK in lab for lab in labels), labels
    table = driver.find_element("css selector", ".em-events").text
    for payload in PAYLOADS:
        assert payload in table
    assert f"Report {IMG}" in driver.title
    assert driver.execute_script(INJECTED_JS) == []
    assert driver.execute_script(PWNED_JS) is None
    assert_clean_log(driver)


@pytest.mark.browser
def test_the_svg_image_holds_the_hostile_text_as_text(tmp_path):
    """An SVG opened in a browser is a page: its text nodes must not become elements."""
    import xml.etree.ElementTree as ET

    from dashboard.export.images import write_images

    path = tmp_path / "t.svg"
    write_images(hostile_events(), [path], figure="both", title=f"Report {SCRIPT}")
    svg = path.read_text(encoding="utf-8")
    for p in PAYLOADS:
        assert p not in svg
    root = ET.fromstring(svg)
    tags = {el.tag.rsplit("}", 1)[-1] for el in root.iter()}
    assert not tags & {"script", "img", "foreignObject", "iframe"}
    texts = " ".join(el.text or "" for el in root.iter())
    assert f"x{BOLD}{IMG}" in texts and f"Report {SCRIPT}" in texts
