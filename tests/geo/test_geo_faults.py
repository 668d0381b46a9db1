"""Online geocoder answers that are well-formed HTTP but wrong: they must not reach the cache.

tests/test_geo_online.py covers timeouts, 429, 500 and truncated JSON. Here: other 5xx,
JSON of the wrong shape, coordinates that are not numbers or out of range, an HTML error
page sent with status 200. Each must fall back to the offline gazetteer with a warning, and
leave the cache empty so a later, good answer is used.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from geo import make_geocoder

UA = "eventmap-tests/0.1 (tests@example.org)"
GOOD = [
    {
        "lat": "52.2215",
        "lon": "6.8937",
        "display_name": "Zwiggelte, Drenthe, Nederland",
        "place_id": 1,
        "osm_type": "node",
        "osm_id": 1,
        "class": "place",
        "type": "hamlet",
        "address": {"country_code": "nl"},
    }
]
BAD_ANSWERS = {
    "503": (503, "text/plain", b"Service Unavailable"),
    "html-200": (200, "text/html", b"<html><body>Bad gateway</body></html>"),
    "error-object": (200, "application/json", b'{"error": "Internal error"}'),
    "lat-text": (200, "application/json", json.dumps([{**GOOD[0], "lat": "north"}]).encode()),
    "lat-range": (200, "application/json", json.dumps([{**GOOD[0], "lat": "123.5"}]).encode()),
    "no-coords": (200, "application/json", json.dumps([{"display_name": "Zwiggelte"}]).encode()),
    "empty-body": (200, "application/json", b""),
}


class _Service(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.answer: tuple[int, str, bytes] | None = None  # None: the good answer


class _Handler(BaseHTTPRequestHandler):
    server: _Service

    def log_message(self, *_args) -> None:
        pass

    def do_GET(self) -> None:
        status, ctype, body = self.server.answer or (200, "application/json", json.dumps(GOOD).encode())
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def service():
    srv = _Service()
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()
    thread.join(timeout=5)


def _rows(path) -> list[tuple]:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT query, answer FROM geocode").fetchall()


@pytest.mark.parametrize("fault", sorted(BAD_ANSWERS))
def test_a_wrong_answer_falls_back_with_a_warning_and_is_not_cached(service, tmp_path, fault):
    cache = tmp_path / "cache.sqlite"
    g = make_geocoder(
        "nominatim",
        user_agent=UA,
        cache_path=cache,
        timeout=5,
        domain=f"127.0.0.1:{service.server_address[1]}",
        scheme="http",
        min_delay_seconds=0,
    )
    service.answer = BAD_ANSWERS[fault]
    with pytest.warns(RuntimeWarning, match="offline gazetteer"):
        kyiv = g.geocode("Kiev")  # known offline
    assert kyiv is not None and kyiv.raw.get("fallback") is True
    assert -90 <= kyiv.latitude <= 90
    assert _rows(cache) == []
    service.answer = None  # the service recovers: its good answer is used and cached
    loc = g.geocode("Kiev")
    assert loc.address.startswith("Zwiggelte") and loc.latitude == pytest.approx(52.2215)
    assert [q for q, _ in _rows(cache)] == ["Kiev"]
