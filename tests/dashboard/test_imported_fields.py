"""Imported data in the app: ACLED actors, fatalities, sub-event types, areas and sources; TimelineJS media."""

from __future__ import annotations

import json

from dash import html

from dashboard.app.collection import EventCollection
from dashboard.app.detail import detail_children
from dashboard.app.imported import table_columns
from dashboard.app.tables import grid_rows, summary_line
from dashboard.app.views import download_view
from dashboard.clientdata import client_columns, place_index
from dashboard.figures import event_hover, map_figure
from dashboard.figures.aggregates import aggregate_places
from dashboard.figures.map import place_hover
from dashboard.view import make_filter, select_events
from eventmap.formats import loads_events, read_events
from eventmap.model import Event, Source

from conftest import DATA_DIR

DATA = DATA_DIR / "formats"


def _acled():
    return read_events(DATA / "acled_sample.csv")


def _text(component) -> str:
    """Every string inside a Dash component tree."""
    if isinstance(component, str):
        return component
    if isinstance(component, (list, tuple)):
        return " ".join(_text(c) for c in component)
    children = getattr(component, "children", None)
    return _text(children) if children is not None else ""


def test_the_detail_panel_shows_actors_fatalities_sub_event_areas_and_sources():
    kharkiv = _acled()[0]
    panel = _text(detail_children(kharkiv))
    assert "Military Forces of Russia (2000-) – Civilians (Ukraine)" in panel
    assert "Fatalities 2" in panel and "Sub-event type Air/drone strike" in panel
    assert "Admin 1 Kharkiv" in panel and "Admin 2 Kharkivskyi" in panel
    assert "Source scale National" in panel and "Suspilne" in panel and "Id in the file UKR90001" in panel


def test_the_detail_panel_shows_a_slides_headline_and_links_its_media():
    marathon = next(e for e in read_events(DATA / "history.timeline.json") if e.id == "marathon")
    children = detail_children(marathon)
    assert _text(children[0]) == "Battle of Marathon"  # the slide's headline above its text
    links = [c for c in _walk(children) if isinstance(c, html.A)]
    assert [a.href for a in links] == ["https://example.org/marathon.jpg"]
    marathon.extra["media"] = {"url": "javascript:alert(1)"}
    assert not [c for c in _walk(detail_children(marathon)) if isinstance(c, html.A)]  # not a link


def _walk(component):
    if isinstance(component, (list, tuple)):
        for c in component:
            yield from _walk(c)
        return
    yield component
    children = getattr(component, "children", None)
    if children is not None and not isinstance(children, str):
        yield from _walk(children)


def test_the_table_has_columns_for_the_imported_fields_and_the_summary_sums_fatalities():
    events = _acled()
    headers = [c["headerName"] for c in table_columns(events)]
    assert headers == ["Sub-event type", "Actors", "Fatalities", "Admin 1", "Admin 2", "Source scale"]
    row = next(r for r in grid_rows(events) if r["id"] == "UKR90001")
    assert (row["x_fatalities"], row["x_sub_event_type"], row["x_admin1"]) == (
        2,
        "Air/drone strike",
        "Kharkiv",
    )
    assert summary_line(events).endswith("2 fatalities reported")
    assert table_columns([Event("x", Source("d", 0, 1))]) == []  # nothing imported, no extra columns


def test_filters_for_actor_and_sub_event_type_narrow_every_view():
    events = _acled()
    protesters = make_filter(fields={"actors": ["Farmers (Netherlands)"]})  # an associated actor
    assert [e.id for e in select_events(events, protesters)] == ["NLD90004"]
    protests = make_filter(fields={"sub_event_type": ["Peaceful protest"]})
    assert [e.id for e in select_events(events, protests)] == ["RUS90003", "NLD90004"]
    both = make_filter(fields={"sub_event_type": ["Peaceful protest"], "actors": ["Protesters (Russia)"]})
    assert [e.id for e in select_events(events, both)] == ["RUS90003"]
    assert select_events(events, make_filter(fields={"actors": []})) == events  # empty: no restriction


def test_the_document_filter_lists_each_source_of_a_row_once():
    text = (
        "event_id_cnty,event_date,event_type,sub_event_type,latitude,longitude,geo_precision,location,source,notes\n"
        "A1,2024-05-01,Protests,Peaceful protest,15.5,32.5,1,Khartoum,AFP; Reuters,A march.\n"
        "A2,2024-05-02,Riots,Mob violence,15.6,32.6,1,Omdurman,Reuters,A riot.\n"
    )
    events = loads_events(text, "csv", origin="acled.csv")
    assert EventCollection(events).documents() == ["AFP", "Reuters"]
    assert [e.id for e in select_events(events, make_filter(documents=["Reuters"]))] == ["A1", "A2"]
    assert [e.id for e in select_events(events, make_filter(documents=["AFP"]))] == ["A1"]


def test_hovers_and_browser_columns_carry_fatalities():
    events = _acled()
    assert "2 fatalities" in event_hover(events[0])
    (kharkiv, *_) = aggregate_places(events)
    assert "· 2 fatalities" in place_hover(kharkiv)
    assert "fatalities" in "".join(map_figure(events).data[0].hovertext)
    cols = client_columns(events, place_index(events), ["attack", "fighting", "protest"])
    assert cols["fatal"] == [[0, 2], [1, 0], [2, 0], [3, 0]]


def test_downloads_name_documents_relative_to_the_served_folder(tmp_path):
    folder = tmp_path / "served"
    (folder / "sub").mkdir(parents=True)
    a = Event("One.", Source(str(folder / "a.txt"), 0, 4), date="2025-03-18", date_end="2025-03-18")
    b = Event("Two.", Source(str(folder / "sub" / "b.txt"), 0, 4), date="2025-03-19", date_end="2025-03-19")
    c = Event("Three.", Source("AFP; Reuters", 0, 6))
    payload = download_view(EventCollection([a, b, c]), "json", [], [], "", None, None)
    docs = [e["source"]["document"] for e in json.loads(payload["content"])["events"]]
    assert docs == ["a.txt", "sub/b.txt", "AFP; Reuters"]
    assert str(tmp_path) not in payload["content"]
    csv_payload = download_view(EventCollection([a, b]), "csv", [], [], "", None, None)
    assert str(tmp_path) not in csv_payload["content"]
