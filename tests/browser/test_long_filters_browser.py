"""Long filter option lists in Chromium: they reach the page after its first draw, and filter as before."""

from __future__ import annotations

import json

import pytest
from mapjs import map_marks

from dashboard.app import create_app
from dashboard.app.layout import LONG_OPTIONS
from dashboard.figures.labels import document_names
from dashboard.server import start_in_thread
from dashboard.view import hidden_by_default

from chromium import assert_clean_log, make_driver, wait_for
from factories import many_events

pytestmark = pytest.mark.browser

SUMMARY_JS = "return (document.getElementById('summary') || {}).textContent || ''"


def _components(node):
    if isinstance(node, dict) and "props" in node:
        yield node
        kids = node["props"].get("children")
        for kid in kids if isinstance(kids, list) else [kids]:
            yield from _components(kid)


def test_a_long_document_list_is_given_after_the_first_draw_and_filters_the_views():
    events = many_events(150, n_places=30, n_documents=60)
    collection_docs = {e.id: document_names(e) for e in events}  # what the filter offers and matches
    documents = sorted({n for names in collection_docs.values() for n in names})
    assert len(documents) > LONG_OPTIONS
    app = create_app(events)
    layout = json.loads(app.server.test_client().get("/_dash-layout").get_data())
    props = {
        c["props"].get("id"): c["props"] for c in _components(layout) if isinstance(c["props"].get("id"), str)
    }
    assert props["filter-document"]["options"] == []  # the dropdown does not index them before the draw
    held = props["filter-options"]["data"]["filter-document"]
    assert [o if isinstance(o, str) else o["value"] for o in held] == documents
    server = start_in_thread(app)
    driver = make_driver(block_network=True)
    try:
        driver.get(server.url)
        wait_for(driver, lambda d: map_marks(d), what="the map drawn")
        chosen = documents[7]
        expected = sum(1 for e in events if chosen in collection_docs[e.id] and not hidden_by_default(e))
        driver.find_element("id", "filter-document").click()
        driver.switch_to.active_element.send_keys(chosen)  # the dropdown's search box
        option = wait_for(
            driver,
            lambda d: [
                o for o in d.find_elements("css selector", "[role='option']") if o.text.strip() == chosen
            ],
            what="the document among the options",
        )
        option[0].click()
        driver.find_element("tag name", "body").send_keys("\ue00c")  # Escape
        wait_for(
            driver,
            lambda d: d.execute_script(SUMMARY_JS).startswith(f"{expected} event"),
            what=f"{expected} events of {chosen} in view",
        )
        assert_clean_log(driver)
    finally:
        driver.quit()
        server.stop()
