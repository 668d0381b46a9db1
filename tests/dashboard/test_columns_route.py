"""The columns route: the browser's columns as JSON, gzip-compressed for a client that accepts it."""

from __future__ import annotations

import gzip
import json

from dashboard.app import create_app
from dashboard.clientdata import all_categories, client_columns, place_index, wire_columns

from factories import many_events, sample_events


def _token(client) -> str:
    layout = client.get("/_dash-layout").get_data(as_text=True)
    found = json.loads(layout)
    stack = [found]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            props = node.get("props", {})
            if props.get("id") == "columns":
                return props["data"]
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    raise AssertionError("no columns store in the page")


def test_the_columns_come_gzip_compressed_to_a_browser_and_plain_to_anyone_else():
    client = create_app(sample_events()).server.test_client()
    url = f"/_eventmap/data/{_token(client)}.json"
    plain = client.get(url)
    packed = client.get(url, headers={"Accept-Encoding": "gzip, deflate, br"})
    assert plain.status_code == packed.status_code == 200
    assert "Content-Encoding" not in plain.headers and packed.headers["Content-Encoding"] == "gzip"
    columns = json.loads(plain.get_data())
    assert json.loads(gzip.decompress(packed.get_data())) == columns
    assert len(columns["t0"]) == len(sample_events()) and packed.headers["Vary"] == "Accept-Encoding"
    assert client.get("/_eventmap/data/0000000000000000.json").status_code == 404


def test_the_columns_on_the_wire_give_back_every_column_whole():
    """What clientside.js expandColumns does, on events of every precision and areas."""
    events = [*sample_events(), *many_events(300, n_places=40)]
    events[0].places[0].kind = "region"
    cols = client_columns(events, place_index(events), all_categories(events))
    wire = json.loads(json.dumps(wire_columns(cols)))
    assert "t1" not in wire and "precision" not in wire["places"] and "area" not in wire["places"]
    t1 = list(wire["t0"])
    for i, v in wire.pop("t1_diff"):
        t1[i] = v
    places = wire["places"]
    places["precision"] = [places["precisions"][k] for k in places.pop("precision_index")]
    area = [0] * len(places["key"])
    for i, v in places.pop("area_sparse"):
        area[i] = v
    places["area"] = area
    del places["precisions"]
    assert {**wire, "t1": t1} == json.loads(json.dumps(cols))
    assert len(json.dumps(wire_columns(cols))) < len(json.dumps(cols))
