"""The columns route: the browser's columns as JSON, gzip-compressed for a client that accepts it."""

from __future__ import annotations

import gzip
import json

from dashboard.app import create_app

from factories import sample_events


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
