"""Review and correct in a real headless Chromium: the workspace behind the app (issue 15's "Done when").

Each test builds its own workspace in tmp_path from a four-event English article, serves the
in-memory app on it (as `eventmap serve` does), acts through the page like an analyst (the
queue, the form, the keyboard, a text selection, the download button) and checks what the
page shows, then what the workspace holds.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from tablejs import show_table

from dashboard.app import create_app
from dashboard.server import start_in_thread
from eventmap.corpus.ingest import ingest
from eventmap.corpus.store import EventStore

from chromium import assert_clean_log, wait_for

pytestmark = pytest.mark.browser

ARTICLE = """date 2025-03-20
Russian drones struck an oil depot in Tuapse on 14 March.

Thousands of protesters gathered in Berlin on Saturday to demand a ceasefire.

On 18 March the two presidents spoke by telephone for more than two hours.

Air raid sirens sounded in Kyiv on Wednesday night, shortly after the call.
"""

TIMELINE_JS = """
const o = document.getElementById('timeline'), gd = o && o.querySelector('.js-plotly-plot');
if (!gd || !gd._fullData) return null;
const out = {};
for (const t of gd._fullData) {
  if (!t.meta || t.meta.role !== 'timeline-points') continue;
  const ids = Array.from(t.customdata || []), xs = Array.from(t.x || []);
  ids.forEach((id, i) => { out[id] = String(xs[i]).slice(0, 10); });
}
return out;"""
MAP_KEYS_JS = """
const o = document.getElementById('map'), gd = o && o.querySelector('.js-plotly-plot');
if (!gd || !gd._fullData) return null;
const keys = [];
for (const t of gd._fullData) {
  for (const c of Array.from(t.customdata || [])) { keys.push(Array.isArray(c) ? c[0] : c); }
}
return keys;"""
TABLE_IDS_JS = """
const rows = document.querySelectorAll('#table .ag-center-cols-container .ag-row');
return Array.from(rows).map(r => r.getAttribute('row-id'));"""


class Workspace:
    """A workspace in tmp_path and the app serving it (restartable, as a person restarts eventmap)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.article = folder / "news.txt"
        self.article.write_text(ARTICLE, encoding="utf-8")
        self.path = folder / "w.duckdb"
        self.store = EventStore(self.path)
        ingest([self.article], self.store, jobs=1, progress=False)
        self.server = None
        self.start()

    def start(self, token: str | None = None) -> None:
        app = create_app(self.store.events(), workspace=self.store, author="tester", edit_token=token)
        self.server = start_in_thread(app)

    def restart(self, *, reparse: bool = False) -> None:
        self.server.stop()
        self.store.close()
        self.store = EventStore(self.path)
        if reparse:
            ingest([self.article], self.store, jobs=1, progress=False, reparse=True)
        self.start()

    def close(self) -> None:
        self.server.stop()
        self.store.close()

    def event_with(self, words: str):
        return next(e for e in self.store.events(statuses=None) if words in e.text)


@pytest.fixture
def ws(tmp_path):
    w = Workspace(tmp_path)
    yield w
    w.close()


def timeline(driver) -> dict[str, str]:
    return driver.execute_script(TIMELINE_JS) or {}


def open_page(driver, url: str, n_events: int) -> None:
    driver.get(url)
    wait_for(driver, lambda d: len(timeline(d)) >= n_events and d.execute_script(MAP_KEYS_JS), what="page")
    wait_for(driver, lambda d: d.find_elements("css selector", "#review-queue .queue-item"), what="queue")
    time.sleep(0.8)  # the page's first callbacks settle before acting


CLICK_JS = "const b = document.querySelector(arguments[0]); if (!b) return false; b.click(); return true;"
CURRENT_JS = "const b = document.querySelector(arguments[0]); return !!b && b.classList.contains('current');"


SENTENCE_JS = "const s = document.getElementById('review-sentence-text'); return s ? s.textContent : null;"


def choose(driver, event) -> None:
    """Pick the event in the review queue (filter: all) and wait for the panel to show it."""
    set_dropdown(driver, "review-filter", "all")
    item = f"button[id*='{event.id}']"
    wait_for(
        driver,
        lambda d: d.execute_script(CLICK_JS, item) and d.execute_script(CURRENT_JS, item),
        what="chosen",
    )
    wait_for(driver, lambda d: d.execute_script(SENTENCE_JS) == event.text, what="the event in the panel")


def set_dropdown(driver, dropdown_id: str, label: str, typed: str | None = None) -> None:
    """Open a dcc.Dropdown (Dash 4: a popover), optionally type into its search, click the option."""
    from selenium.webdriver.common.by import By

    driver.find_element(By.ID, dropdown_id).click()
    popover = ".dash-dropdown-content[data-state='open']"
    if typed is not None:
        field = wait_for(
            driver, lambda d: d.find_elements(By.CSS_SELECTOR, f"{popover} input"), what="search"
        )
        field[0].send_keys(typed)

    def option(d):
        for o in d.find_elements(By.CSS_SELECTOR, f"{popover} [role='option']"):
            if o.text.strip().startswith(label):
                return o
        return None

    wait_for(driver, option, what=f"option {label!r} of {dropdown_id}").click()


def type_into(driver, element_id: str, text: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    field = driver.find_element(By.ID, element_id)
    field.click()
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys(Keys.DELETE)
    field.send_keys(text)


def message(driver) -> str:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.ID, "review-message").text


def test_changing_the_date_moves_the_mark_on_the_timeline(driver, ws):
    call = ws.event_with("telephone")
    open_page(driver, ws.server.url, 4)
    assert timeline(driver)[call.id] == "2025-03-18"
    choose(driver, call)
    type_into(driver, "edit-date", "2025-03-11")
    driver.find_element("id", "edit-save").click()
    wait_for(driver, lambda d: timeline(d).get(call.id) == "2025-03-11", what="the mark to move")
    assert "Saved" in message(driver) and "2025-03-11" in message(driver)
    assert ws.store.event(call.id).original["date"] == "2025-03-18"
    assert_clean_log(driver)


def test_changing_the_place_by_search_moves_the_point_on_the_map(driver, ws):
    call = ws.event_with("telephone")  # no place: not on the map yet
    open_page(driver, ws.server.url, 4)
    before = set(driver.execute_script(MAP_KEYS_JS))
    choose(driver, call)
    set_dropdown(driver, "edit-place", "Kharkiv", typed="Kharkiv")
    driver.find_element("id", "edit-save").click()
    wait_for(driver, lambda d: "Saved" in message(d), what="saved")
    shown = ws.store.event(call.id)
    key = f"{shown.lat:.4f},{shown.lon:.4f}"
    assert shown.places[0].name == "Kharkiv" and key not in before
    wait_for(driver, lambda d: key in (d.execute_script(MAP_KEYS_JS) or []), what="the point on the map")
    assert_clean_log(driver)


def test_a_rejected_event_disappears_from_the_default_view_and_the_counts_say_so(driver, ws):
    from selenium.webdriver.common.by import By

    kyiv = ws.event_with("sirens")
    open_page(driver, ws.server.url, 4)
    assert "4 unreviewed" in driver.find_element(By.ID, "review-counts").text
    show_table(driver)
    assert kyiv.id in driver.execute_script(TABLE_IDS_JS)
    choose(driver, kyiv)
    driver.find_element(By.TAG_NAME, "body").send_keys("r")  # the keyboard shortcut
    wait_for(driver, lambda d: kyiv.id not in timeline(d), what="the event to leave the timeline")
    wait_for(driver, lambda d: kyiv.id not in (d.execute_script(TABLE_IDS_JS) or [kyiv.id]), what="table")
    wait_for(
        driver,
        lambda d: "50.4547,30.5238" not in (d.execute_script(MAP_KEYS_JS) or ["50.4547,30.5238"]),
        what="map",
    )
    wait_for(
        driver,
        lambda d: all(
            part in d.find_element(By.ID, "review-counts").text for part in ("3 unreviewed", "1 rejected")
        ),
        what="the review counts",
    )
    assert ws.store.event(kyiv.id).review_status == "rejected"  # kept
    assert_clean_log(driver)


def test_accept_and_next_walk_the_queue_with_the_keyboard(driver, ws):
    from selenium.webdriver.common.by import By

    open_page(driver, ws.server.url, 4)
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys("n")
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".queue-item.current"), what="next")
    first = driver.find_element(By.CSS_SELECTOR, "#review-sentence-text").text
    body.send_keys("a")
    wait_for(driver, lambda d: "Accepted" in message(d), what="accepted")
    wait_for(driver, lambda d: d.find_element(By.ID, "review-sentence-text").text != first, what="moved on")
    assert "1 verified" in driver.find_element(By.ID, "review-counts").text
    verified = [e for e in ws.store.events() if e.review_status == "verified"]
    assert len(verified) == 1 and verified[0].text == first
    assert_clean_log(driver)


def test_a_new_event_from_a_text_selection(driver, ws):
    from selenium.webdriver.common.by import By

    call = ws.event_with("telephone")
    open_page(driver, ws.server.url, 4)
    choose(driver, call)
    wait_for(driver, lambda d: d.find_elements(By.ID, "review-article-text"), what="the article")
    driver.execute_script(
        """
const root = document.getElementById('review-article-text'), want = arguments[0];
const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
let node, at = 0, start = null, end = null;
const whole = root.textContent, from = whole.indexOf(want), to = from + want.length;
while ((node = walker.nextNode())) {
  const len = node.textContent.length;
  if (start === null && from < at + len) start = [node, from - at];
  if (end === null && to <= at + len) end = [node, to - at];
  at += len;
}
const r = document.createRange(); r.setStart(start[0], start[1]); r.setEnd(end[0], end[1]);
const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(r);
""",
        "Berlin on Saturday to demand",
    )
    wait_for(
        driver, lambda d: d.execute_script("return !!window.getSelection().toString()"), what="selection"
    )
    time.sleep(0.3)  # the selection reaches its store
    driver.find_element(By.ID, "review-add-span").click()
    wait_for(driver, lambda d: "Added an event" in message(d), what="added")
    new = next(e for e in ws.store.events() if e.text == "Berlin on Saturday to demand")
    assert ws.article.read_text(encoding="utf-8")[new.source.start : new.source.end] == new.text
    assert new.date == "2025-03-15" and new.places[0].name == "Berlin"
    wait_for(driver, lambda d: timeline(d).get(new.id) == "2025-03-15", what="the new event on the timeline")
    assert_clean_log(driver)


def test_restarting_the_server_and_reparsing_keep_everything(driver, ws):
    call, kyiv = ws.event_with("telephone"), ws.event_with("sirens")
    ws.store.edit(
        call.id, {"date": {"date": "2025-03-11", "date_end": "2025-03-11", "date_precision": "day"}}
    )
    ws.store.edit(kyiv.id, {"review_status": "rejected"})
    for reparse in (False, True):
        ws.restart(reparse=reparse)
        open_page(driver, ws.server.url, 3)
        shown = timeline(driver)
        assert shown[call.id] == "2025-03-11" and kyiv.id not in shown, f"reparse={reparse}"
        assert "1 rejected" in driver.find_element("id", "review-counts").text
    assert ws.store.orphaned_edits() == []
    assert_clean_log(driver)


def test_the_download_carries_review_status_and_original(driver, ws, tmp_path):
    call = ws.event_with("telephone")
    ws.store.edit(call.id, {"category": "diplomacy", "review_status": "verified"})
    ws.restart()
    folder = tmp_path / "downloads"
    folder.mkdir()
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)})
    open_page(driver, ws.server.url, 4)
    driver.find_element("id", "download-json").click()
    got = wait_for(driver, lambda d: list(folder.glob("*.json")), what="the download")
    data = json.loads(got[0].read_text(encoding="utf-8"))
    assert all("review_status" in e and "original" in e for e in data["events"])
    mine = next(e for e in data["events"] if e["id"] == call.id)
    assert mine["review_status"] == "verified" and mine["category"] == "diplomacy"
    assert mine["original"] == {"category": "other"}
    assert_clean_log(driver)


def test_beyond_this_machine_editing_needs_the_token_printed_at_start(driver, ws):
    from selenium.webdriver.common.by import By

    ws.server.stop()
    ws.start(token="s3cret-token")
    open_page(driver, ws.server.url, 4)
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys("n")
    wait_for(driver, lambda d: d.execute_script(SENTENCE_JS), what="an event")
    body.send_keys("a")
    wait_for(driver, lambda d: "Read-only" in message(d), what="refused")
    assert all(e.review_status == "unreviewed" for e in ws.store.events())
    open_page(driver, ws.server.url + "?token=s3cret-token", 4)
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys("n")
    wait_for(driver, lambda d: d.execute_script(SENTENCE_JS), what="an event")
    body.send_keys("a")
    wait_for(driver, lambda d: "Accepted" in message(d), what="accepted with the token")
    assert sum(e.review_status == "verified" for e in ws.store.events()) == 1
    assert_clean_log(driver)


def test_a_place_picked_on_the_map_moves_the_point_there(driver, ws):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    call = ws.event_with("telephone")
    open_page(driver, ws.server.url, 4)
    choose(driver, call)
    driver.find_element(By.ID, "edit-pick").click()
    # the pixel of 48.5 N, 35.0 E on the map, from the map's own projection
    x, y = driver.execute_script(
        """
const gd = document.getElementById('map').querySelector('.js-plotly-plot'), full = gd._fullLayout;
const box = gd.getBoundingClientRect();
if (full.map && full.map._subplot) {
  const m = full.map._subplot.map, r = m.getContainer().getBoundingClientRect(), p = m.project([35.0, 48.5]);
  return [r.left + p.x, r.top + p.y];
}
const p = full.geo._subplot.projection([35.0, 48.5]);
return [box.left + p[0], box.top + p[1]];
"""
    )
    actions = ActionChains(driver)
    actions.w3c_actions.pointer_action.move_to_location(int(x), int(y))
    actions.w3c_actions.pointer_action.click()
    actions.perform()
    wait_for(driver, lambda d: "Place picked on the map" in message(d), what="the picked place")
    driver.find_element(By.ID, "edit-save").click()
    wait_for(driver, lambda d: "Saved" in message(d), what="saved")
    shown = ws.store.event(call.id)
    assert abs(shown.lat - 48.5) < 0.3 and abs(shown.lon - 35.0) < 0.3
    key = f"{shown.lat:.4f},{shown.lon:.4f}"
    wait_for(driver, lambda d: key in (d.execute_script(MAP_KEYS_JS) or []), what="the point on the map")
    assert_clean_log(driver)
