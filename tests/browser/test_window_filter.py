"""dashboard/static/window.js (the browser's time-window filter) agrees with the Python filter.

The app's map and the static export both load this one file; here it runs in headless
Chromium on the same events and windows as tests/dashboard/test_window_agreement.py, which
ties the Python filter to the store's SQL.
"""

from __future__ import annotations

import json

import pytest

from dashboard.clientdata import link_columns
from dashboard.resources import static_text
from dashboard.view import make_filter, select_events

from chromium import assert_clean_log
from factories import agreement_events, agreement_windows

pytestmark = pytest.mark.browser

KEPT_JS = """
const cols = JSON.parse(arguments[0]), windows = JSON.parse(arguments[1]);
return windows.map(function (win) {
  const keep = window.eventmapWindow.makeFilter(cols, {window: win});
  const ids = [];
  for (let i = 0; i < cols.id.length; i++) { if (keep(i)) ids.push(cols.id[i]); }
  return ids;
});"""


@pytest.fixture(scope="module")
def driver(driver):
    """The shared browser (tests/conftest.py) on a blank page with window.js loaded."""
    driver.get("data:text/html,<!DOCTYPE html><title>window.js</title>")
    driver.execute_script(static_text("window.js"))
    return driver


def test_window_js_keeps_the_same_events_as_the_python_filter(driver):
    events = agreement_events()
    windows = agreement_windows()
    # as the page gets them: swapped bounds and numbers (ms since 1970) are axis values too
    windows += [[w[1], w[0]] for w in windows[:10]]
    windows += [[1710288000000, 1710460799999], [1704067200000.5, 1704153600000]]
    cols = link_columns(events)
    kept = driver.execute_script(KEPT_JS, json.dumps(cols), json.dumps(windows))
    for window, ids in zip(windows, kept):
        expected = [e.id for e in select_events(events, make_filter(window=window))]
        assert ids == expected, f"window {window}"
    assert_clean_log(driver)


def test_window_js_leaves_hidden_events_and_other_places_out_unless_told(driver):
    cols = {
        "id": ["a", "b", "c", "d"],
        "t0": [10, 10, None, 12],
        "t1": [10, 11, None, 12],
        "p": [0, 1, 0, -1],
    }
    cols["hidden"] = [False, True, False, False]
    got = driver.execute_script(
        """
const W = window.eventmapWindow, cols = arguments[0];
const run = (opts) => cols.id.filter((_, i) => W.makeFilter(cols, opts)(i));
return [run({}), run({showAll: true}), run({places: new Set([0])}), run({window: [864e6, 864e5 * 11.5]})];
""",
        cols,
    )
    assert got == [["a", "c", "d"], ["a", "b", "c", "d"], ["a", "c"], ["a"]]
    assert_clean_log(driver)
