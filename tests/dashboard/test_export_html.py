"""The static HTML export: self-contained, escaped, and built from the app's figures."""

from __future__ import annotations

import json
import re

import pytest

from dashboard.export.html import render_html, script_json
from dashboard.figures import map_figure, timeline_figure

from factories import make_event, sample_events

HOSTILE = "Riot </script><script>alert('x')</script> & <!-- in Kyiv"


def _payload(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="(em-[0-9a-f]+)-data">(.*?)</script>', page, re.S)
    assert m, "the page carries its data as JSON"
    return json.loads(m.group(2))


def test_page_is_self_contained_with_both_figures_the_base_map_and_the_list():
    events = sample_events()
    page = render_html(events, title="Spring 2025")
    assert page.startswith("<!DOCTYPE html>") and "<title>Spring 2025</title>" in page
    assert not re.search(r"<script[^>]+src=|<link[^>]+href=|@import", page), "nothing is fetched"
    data = _payload(page)
    style = data["figures"]["map"]["layout"]["map"]["style"]  # the base map is inside the figure
    assert {src["type"] for src in style["sources"].values()} == {"geojson"}
    # the same figures as the app: the page embeds exactly what dashboard.figures builds
    assert data["figures"]["timeline"]["data"] == json.loads(timeline_figure(events).to_json())["data"]
    assert data["figures"]["map"]["data"] == json.loads(map_figure(events).to_json())["data"]
    assert data["cols"]["id"] == [e.id for e in events]
    assert "eventmapWindow" in page and "eventmapMap" in page  # the app's own window.js and mapdraw.js
    uid = data["uid"]
    assert f'id="{uid}-timeline"' in page and f'id="{uid}-map"' in page
    rows = re.findall(r'<tr data-id="([0-9a-f]+)"', page)
    assert sorted(rows) == sorted(e.id for e in events)
    assert "14 Mar 2025" in page and "Mar 2025" in page  # dates as people write them


def test_user_text_cannot_break_out_of_the_page():
    events = [make_event(HOSTILE, day="2025-03-18", category="protest", place=("Kyiv", 50.45, 30.52, "UA"))]
    page = render_html(events, title="<b>Title</b>")
    assert "<title>&lt;b&gt;Title&lt;/b&gt;</title>" in page
    assert "<script>alert" not in page and "</script> &" not in page  # only escaped copies
    assert page.count("<script") == page.count("</script>")  # no element was closed early
    assert "Riot &lt;/script&gt;&lt;script&gt;" in page  # the event list shows the text, escaped
    assert _payload(page)["figures"]["timeline"]["data"]  # the JSON still parses
    assert script_json({"t": "</script><!--"}) == '{"t": "\\u003c/script\\u003e\\u003c!--"}'


def test_snippet_is_a_div_and_single_figures_leave_out_the_other():
    events = sample_events()
    snippet = render_html(events, title="T", snippet=True)
    assert snippet.startswith('<div class="eventmap-export"') and snippet.rstrip().endswith("</div>")
    assert "<html" not in snippet and "<body" not in snippet
    timeline_only = render_html(events, figure="timeline", snippet=True)
    uid = _payload(timeline_only)["uid"]
    assert f'id="{uid}-timeline"' in timeline_only and f'id="{uid}-map"' not in timeline_only
    assert "map" not in _payload(timeline_only)["figures"]  # no base map without a map
    assert set(_payload(timeline_only)["figures"]) == {"timeline"}
    assert set(_payload(render_html(events, figure="map"))["figures"]) == {"map"}
    with pytest.raises(ValueError, match="figure must be one of"):
        render_html(events, figure="table")


def test_two_exports_on_one_page_do_not_share_element_ids():
    a = _payload(render_html(sample_events()[:3], snippet=True))["uid"]
    b = _payload(render_html(sample_events()[3:], snippet=True))["uid"]
    assert a != b
    assert _payload(render_html(sample_events()[:3], snippet=True))["uid"] == a  # stable


def test_context_sentences_are_hidden_by_default_with_a_switch_that_says_how_many():
    events = sample_events()
    events[1].kind = "context"
    events[2].kind = "statement"
    page = render_html(events, title="Kinds")
    data = _payload(page)
    assert data["cols"]["hidden"] == [e.kind == "context" for e in events]
    assert "show the 1 context sentence too" in page
    assert f'data-id="{events[1].id}" data-index="1" style="display:none"' in page
    assert f"{len(events) - 1} events," in page  # the summary counts what is shown
