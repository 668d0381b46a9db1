"""The dashboard's callbacks as plain Python: filtering, selection, detail, adding articles."""

from __future__ import annotations

import base64
import importlib
from datetime import datetime

import pytest
from dash import html

from dashboard.app.articles import add_articles, check_document_date, decode_upload
from dashboard.app.collection import EventCollection
from dashboard.app.views import (
    choose_event,
    columns_for_view,
    describe_event,
    download_view,
    table_for_view,
    timeline_for_view,
)
from dashboard.clientdata import day_number
from dashboard.figures import place_key
from dashboard.view import make_filter, parse_axis_time, select_events
from eventmap.errors import InputError

from factories import KYIV, TUAPSE, make_event, sample_events

MID_MARCH = ["2025-03-13", "2025-03-15 23:59:59.999"]


def _key(place):
    return f"{place[1]:.4f},{place[2]:.4f}"


def _texts(events):
    return {e.text.split(" ")[0] for e in events}


def test_time_window_keeps_events_whose_interval_overlaps_it():
    events = sample_events()
    kept = select_events(events, make_filter(window=MID_MARCH))
    ids = {e.id for e in kept}
    assert events[0].id in ids  # Tuapse, 14 March
    assert events[2].id in ids  # talks in the week of 10-16 March
    assert events[3].id in ids  # protests "in March": could be in the window
    assert events[1].id not in ids  # 18 March
    assert events[4].id not in ids  # February
    assert events[7].id not in ids  # undated: not in any window


def test_filters_combine_categories_documents_search_and_map_places():
    events = sample_events()
    assert {e.category for e in select_events(events, make_filter(categories=["attack"]))} == {"attack"}
    only_b = select_events(events, make_filter(documents=["b.txt"]))
    assert only_b and all(e.source.document.endswith("b.txt") for e in only_b)
    assert [e.id for e in select_events(events, make_filter(search="REFINERY tuapse"))] == [events[0].id]
    sel = {"points": [{"customdata": _key(KYIV)}]}
    assert {place_key(e) for e in select_events(events, make_filter(map_selection=sel))} == {_key(KYIV)}
    assert select_events(events, make_filter(categories=["attack"], map_selection=sel)) == [events[1]]
    assert select_events(events, make_filter()) == events


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-03-13", datetime(2025, 3, 13)),
        ("2025-03-13 06:30", datetime(2025, 3, 13, 6, 30)),
        ("2025-03-13 06:30:15.123456789", datetime(2025, 3, 13, 6, 30, 15, 123456)),
        (1741824000000, datetime(2025, 3, 13)),
    ],
)
def test_axis_values_from_plotly_become_datetimes(value, expected):
    assert parse_axis_time(value) == expected


def test_clientside_columns_carry_day_numbers_places_and_categories():
    events = sample_events()
    cols = columns_for_view(EventCollection(events), [], [], "")
    tuapse = 0
    assert cols["t0"][tuapse] == cols["t1"][tuapse] == day_number(events[0].start_date)
    assert cols["places"]["key"][cols["p"][tuapse]] == _key(TUAPSE)
    assert cols["categories"][cols["c"][tuapse]] == "attack"
    phone = 6  # unplaced
    assert cols["p"][phone] == -1
    assert cols["t0"][7] is None  # undated
    narrowed = columns_for_view(EventCollection(events), ["attack"], [], "")
    assert len(narrowed["t0"]) == 2 and narrowed["places"] == cols["places"]  # indices stay stable


def test_map_selection_narrows_the_timeline():
    coll = EventCollection(sample_events())
    fig = timeline_for_view(coll, [], [], "", {"points": [{"customdata": _key(KYIV)}]}, "category")
    ids = {i for t in fig.data if t.meta["role"] == "timeline-points" for i in t.customdata}
    assert ids == {e.id for e in coll.events if place_key(e) == _key(KYIV)}


def test_big_timeline_zoomed_to_a_narrow_window_is_redrawn_in_detail_and_only_when_needed():
    from dash import no_update

    from factories import many_events

    coll = EventCollection(many_events(8000, n_places=50, n_documents=5))
    whole = timeline_for_view(coll, [], [], "", None, "category")
    lanes = list(whole.layout.yaxis.ticktext)
    assert whole.layout.meta["scope"] is None
    win = ["2024-03-01", "2024-03-15"]
    fig = timeline_for_view(coll, [], [], "", None, "category", None, win)
    scope = fig.layout.meta["scope"]
    assert scope[0] <= "2024-02-16" and scope[1] >= "2024-03-29"  # padded by the window's width
    assert list(fig.layout.xaxis.range) == win and list(fig.layout.yaxis.ticktext) == lanes  # no jump
    marks = [(t, i) for t in fig.data if t.meta["role"] == "timeline-points" for i in range(len(t.x))]
    assert all(t.meta["aggregated"] for t, _ in marks)
    # detail: one mark per (category, interval) around the window, no week/month bins
    around = [
        e for e in coll.events if e.date and e.date <= scope[1][:10] and (e.date_end or e.date) >= scope[0]
    ]
    assert len(marks) == len({(e.category, e.date, e.date_end or e.date) for e in around})
    # the same window, or a small pan inside the scope: nothing to re-draw
    assert (
        timeline_for_view(coll, [], [], "", None, "category", None, win, scope, only_window=True) is no_update
    )
    assert (
        timeline_for_view(
            coll, [], [], "", None, "category", None, ["2024-03-05", "2024-03-20"], scope, only_window=True
        )
        is no_update
    )
    # zoomed out again: the whole (binned) timeline comes back; a wide window needs no detail
    back = timeline_for_view(coll, [], [], "", None, "category", None, None, scope, only_window=True)
    assert back.layout.meta["scope"] is None
    assert (
        timeline_for_view(
            coll, [], [], "", None, "category", None, ["2024-01-01", "2025-12-31"], None, only_window=True
        )
        is no_update
    )
    # a small view never re-draws on a window change
    small = EventCollection(sample_events())
    assert (
        timeline_for_view(small, [], [], "", None, "category", None, win, None, only_window=True) is no_update
    )


def test_table_and_summary_follow_window_and_count_unplaced_and_undated():
    coll = EventCollection(sample_events())
    rows, summary = table_for_view(coll, [], [], "", None, None)
    assert len(rows) == 8
    assert "8 events in view" in summary and "1 without a place" in summary and "1 undated" in summary
    assert rows[-1]["date"] == ""  # undated rows last
    rows, summary = table_for_view(coll, [], [], "", None, MID_MARCH)
    assert {r["id"] for r in rows} == {coll.events[i].id for i in (0, 2, 3)}
    assert summary.startswith("3 events in view")


def test_clicks_on_timeline_table_and_map_choose_an_event():
    coll = EventCollection(sample_events())
    tuapse = coll.events[0]
    assert choose_event(coll, "timeline", {"points": [{"customdata": tuapse.id}]}, None, None) == tuapse.id
    assert choose_event(coll, "table", None, None, {"rowId": tuapse.id}) == tuapse.id
    assert choose_event(coll, "timeline", {"points": [{"customdata": "nope"}]}, None, None) is None
    kyiv_click = {"points": [{"customdata": _key(KYIV)}]}
    # Kyiv holds three events; the most precisely dated one in view is chosen
    assert choose_event(coll, "map", None, kyiv_click, None) == coll.events[1].id
    assert (
        choose_event(coll, "map", None, kyiv_click, None, window=["2025-03-10", "2025-03-12"])
        == coll.events[2].id
    )
    assert (
        choose_event(coll, "map", None, kyiv_click, None, window=["2025-03-20", "2025-03-22"])
        == coll.events[3].id
    )


def test_detail_marks_date_expression_and_places_and_keeps_hostile_text_as_text():
    ev = make_event(
        "<b>Drones</b> hit Tuapse on 14 March.",
        day="2025-03-14",
        date_text="on 14 March",
        category="attack",
        place=TUAPSE,
    )
    coll = EventCollection([ev])
    children, place = describe_event(coll, ev.id)
    sentence = children[0]
    assert isinstance(sentence, html.Blockquote)
    pieces = sentence.children
    marks = [(p.children, p.className) for p in pieces if isinstance(p, html.Mark)]
    assert marks == [("Tuapse", "mark-place"), ("on 14 March", "mark-date")]
    assert pieces[0] == "<b>Drones</b> hit "  # a plain string: Dash renders it as text
    assert place == _key(TUAPSE)
    empty, place = describe_event(coll, None)
    assert "Click an event" in empty[0].children and place is None


def test_document_dates_and_uploads_are_checked():
    assert check_document_date("") is None
    assert check_document_date("2025-03") == "2025-03"
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        check_document_date("March 2025")
    with pytest.raises(InputError, match="not a real date"):
        check_document_date("2025-02-30")
    b64 = base64.b64encode(b"Op 18 maart belde Trump met Poetin.").decode()
    assert decode_upload(f"data:text/plain;base64,{b64}", "a.txt").startswith("Op 18 maart")
    big = base64.b64encode(b"x" * 5_000_001).decode()
    with pytest.raises(InputError, match="a.txt"):
        decode_upload(f"data:text/plain;base64,{big}", "a.txt")


def test_adding_articles_reports_bad_input_without_changing_anything():
    coll = EventCollection(sample_events())
    added, msg = add_articles(coll, "", None, None, "")
    assert added == 0 and "Paste text" in msg
    added, msg = add_articles(coll, "On 14 March drones hit Tuapse.", None, None, "14/03/2025")
    assert added == 0 and msg.startswith("Not added") and coll.version == 0 and len(coll.events) == 8


def test_collection_adds_new_events_once_and_bumps_its_version():
    coll = EventCollection(sample_events())
    new = make_event("Another strike on Tuapse on 20 March.", day="2025-03-20", place=TUAPSE, start=500)
    assert coll.add([new, new]) == 1 and coll.version == 1
    assert coll.add([new]) == 0 and coll.version == 1
    assert coll.find(new.id) is new


def test_adding_a_pasted_article_parses_it_into_the_collection():
    coll = EventCollection(sample_events())
    text = "Russian drones struck the port of Tuapse on 14 March 2025. On 18 March Trump called Putin."
    added, msg = add_articles(coll, text, None, None, "2025-03-20")
    assert added >= 1 and msg.startswith(f"Added {added} event")
    new = coll.events[-added:]
    assert all(e.source.document.startswith("pasted-") for e in new)
    assert any(e.date == "2025-03-14" for e in new)


def test_download_of_the_view_as_json_holds_only_the_events_in_view():
    importlib.import_module("eventmap.formats")
    import json

    coll = EventCollection(sample_events())
    out = download_view(coll, "json", ["attack"], [], "", None, None)
    assert out["filename"].endswith(".json")
    data = json.loads(out["content"])
    assert {e["category"] for e in data["events"]} == {"attack"} and len(data["events"]) == 2


def test_columns_are_served_by_token_and_the_serve_command_checks_its_paths(tmp_path):
    import json as _json

    from click.testing import CliRunner

    from dashboard.app import CLIENTDATA_URL, create_app
    from eventmap.cli import main

    app = create_app(sample_events())
    client = app.server.test_client()
    layout = client.get("/_dash-layout").get_json()
    token = _find_prop(layout, "columns")
    cols = _json.loads(client.get(f"{CLIENTDATA_URL}/{token}.json").data)
    assert len(cols["t0"]) == 8 and len(cols["places"]["key"]) == 5
    assert client.get(f"{CLIENTDATA_URL}/0000000000000000.json").status_code == 404
    assert client.get("/_eventmap/clientside.js").status_code == 200
    result = CliRunner().invoke(main, ["serve", str(tmp_path / "missing.txt"), "--no-browser"])
    assert result.exit_code == 1 and "no such file or folder" in result.output


def _find_prop(node, component_id):
    """The `data` of the dcc.Store with `component_id` in a serialized Dash layout."""
    if isinstance(node, dict):
        props = node.get("props", {})
        if props.get("id") == component_id:
            return props["data"]
        for value in props.values():
            found = _find_prop(value, component_id)
            if found is not None:
                return found
    elif isinstance(node, list):
        for item in node:
            found = _find_prop(item, component_id)
            if found is not None:
                return found
    return None


def test_download_of_the_view_as_html_is_a_standalone_page_of_those_events():
    importlib.import_module("dashboard.export.html")
    coll = EventCollection(sample_events())
    out = download_view(coll, "html", ["policy"], [], "", None, None)
    assert out["filename"].endswith(".html")
    page = out["content"]
    assert page.lstrip().lower().startswith("<!doctype html") or "<html" in page[:500].lower()
    assert coll.events[5].id in page  # the Bundestag vote (policy) is in it
    assert coll.events[0].id not in page  # the Tuapse strike (attack) is not


# --------------------------------------------------------------------------- merged events


def _merged_and_reports():
    from factories import merged_tuapse

    return merged_tuapse()


def test_table_row_counts_the_sources_of_a_merged_event():
    from dashboard.app.tables import TABLE_COLUMNS, grid_row

    merged, first, _ = _merged_and_reports()
    assert "sources" in {c["field"] for c in TABLE_COLUMNS}
    assert grid_row(merged)["sources"] == 2 and grid_row(first)["sources"] == 1


def _texts_of(node) -> list[str]:
    """Every string in a component tree, in order."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, (list, tuple)):
        return [t for n in node for t in _texts_of(n)]
    children = getattr(node, "children", None)
    return _texts_of(children) if children is not None else []


def test_detail_of_a_merged_event_lists_every_source_with_its_sentence_and_offers_a_split():
    from dashboard.app.detail import SPLIT_ROLE

    merged, first, second = _merged_and_reports()
    coll = EventCollection([merged])
    children, _ = describe_event(coll, merged.id)
    (sources,) = [c for c in children if getattr(c, "id", None) == "detail-sources"]
    items = sources.children
    assert len(items) == 2
    text = [" ".join(_texts_of(item)) for item in items]
    assert "c.txt, characters 40–" in text[0] and "Friday, 14 March" in text[0]
    assert "a.txt, characters 0–51" in text[1] and "on 14 March" in text[1]
    # each report's own sentence, marked, as text (its <b> is not markup)
    assert "".join(_texts_of(items[1].children[1])) == first.text
    assert "".join(_texts_of(items[0].children[1])) == second.text
    (button,) = [c for c in children if isinstance(c, html.Button)]
    assert button.id == {"role": SPLIT_ROLE, "id": merged.id} and "Split" in button.children
    single, _ = describe_event(EventCollection([first]), first.id)
    assert not [c for c in single if isinstance(c, html.Button) or getattr(c, "id", None) == "detail-sources"]


def test_split_puts_the_original_reports_back_in_the_collection_and_every_view_follows():
    from dashboard.app.articles import split_event

    merged, first, second = _merged_and_reports()
    others = sample_events()[1:]
    coll = EventCollection([merged, *others])
    rows, summary = table_for_view(coll, [], [], "", None, None)
    assert len(rows) == 8 and summary.startswith("8 events")
    version = coll.version
    shown = split_event(coll, merged.id)
    assert shown == second.id  # the report the merged event was built on is shown next
    assert [e.id for e in coll.events] == [first.id, second.id, *(e.id for e in others)]
    assert coll.find(merged.id) is None and coll.version == version + 1
    assert [e.to_dict() for e in coll.events[:2]] == [first.to_dict(), second.to_dict()]
    rows, summary = table_for_view(coll, [], [], "", None, None)
    assert len(rows) == 9 and summary.startswith("9 events") and all(r["sources"] == 1 for r in rows)
    assert split_event(coll, first.id) is None and split_event(coll, "nope") is None  # nothing to split
    assert coll.version == version + 1


def test_clientside_columns_list_the_merged_events_only():
    merged, _, _ = _merged_and_reports()
    cols = columns_for_view(EventCollection([*sample_events()[1:], merged]), [], [], "")
    assert cols["merged"] == [[7, 2]]


def test_serve_merge_shows_merged_events(monkeypatch, tmp_path):
    from click.testing import CliRunner

    import dashboard.server
    from eventmap.cli import main
    from eventmap.formats import write_events

    merged, first, second = _merged_and_reports()
    path = tmp_path / "reports.json"
    write_events([first, second], "json", path)
    apps = []
    monkeypatch.setattr(dashboard.server, "serve_forever", lambda app, **kw: apps.append(app))
    for flags, expected in (([], {first.id, second.id}), (["--merge"], {merged.id})):
        res = CliRunner().invoke(main, ["serve", str(path), "--no-browser", *flags])
        assert res.exit_code == 0, res.output
        assert {e.id for e in apps[-1].server.config["EVENTMAP_COLLECTION"].events} == expected
