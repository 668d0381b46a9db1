"""A real HTTP server on 127.0.0.1 that answers like Nominatim's /search, with fault modes.

Used by the online-geocoder tests through geopy's `Nominatim(domain="127.0.0.1:PORT",
scheme="http")`. It knows a few places (a small table below), counts and timestamps every
request, and can be told to misbehave: "timeout" (sleep past the client's timeout),
"429", "500", "malformed" (broken JSON). Faults can be limited to some queries.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

PLACES = {
    "kiev": {
        "place_id": 1001,
        "osm_type": "relation",
        "osm_id": 421866,
        "lat": "50.4500336",
        "lon": "30.5241361",
        "display_name": "Kyiv, Ukraine",
        "class": "boundary",
        "type": "administrative",
        "importance": 0.83,
        "address": {"city": "Kyiv", "country": "Ukraine", "country_code": "ua"},
    },
    "toeapse": {
        "place_id": 1002,
        "osm_type": "node",
        "osm_id": 27504213,
        "lat": "44.1053",
        "lon": "39.0802",
        "display_name": "Tuapse, Krasnodar Krai, Russia",
        "class": "place",
        "type": "town",
        "importance": 0.55,
        "address": {"town": "Tuapse", "country": "Russia", "country_code": "ru"},
    },
    "groningen": {
        "place_id": 1003,
        "osm_type": "relation",
        "osm_id": 47811,
        "lat": "53.2190652",
        "lon": "6.5680077",
        "display_name": "Groningen, Nederland",
        "class": "boundary",
        "type": "administrative",
        "importance": 0.7,
        "address": {"city": "Groningen", "country": "Nederland", "country_code": "nl"},
    },
    "zwiggelte": {
        "place_id": 1004,
        "osm_type": "node",
        "osm_id": 44573,
        "lat": "52.8789",
        "lon": "6.5942",
        "display_name": "Zwiggelte, Midden-Drenthe, Nederland",
        "class": "place",
        "type": "hamlet",
        "importance": 0.3,
        "address": {"hamlet": "Zwiggelte", "country": "Nederland", "country_code": "nl"},
    },
}


class NominatimLike(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.mode: str | None = None  # None, "timeout", "429", "500", "malformed"
        self.fault_queries: set[str] | None = None  # None = every query
        self.sleep_seconds = 3.0
        self.requests: list[tuple[float, str, dict]] = []  # (time, path, params)
        self.user_agents: list[str] = []
        self._thread: threading.Thread | None = None

    @property
    def domain(self) -> str:
        return f"127.0.0.1:{self.server_address[1]}"

    def queries(self) -> list[str]:
        return [p.get("q", [""])[0] for _t, path, p in self.requests if path == "/search"]

    def start(self) -> NominatimLike:
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


class _Handler(BaseHTTPRequestHandler):
    server: NominatimLike

    def log_message(self, *_args) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:
        url = urlparse(self.path)
        params = parse_qs(url.query)
        srv = self.server
        srv.requests.append((time.monotonic(), url.path, params))
        srv.user_agents.append(self.headers.get("User-Agent", ""))
        if url.path != "/search":
            return self._send(404, b'{"error": "not found"}')
        query = params.get("q", [""])[0]
        faulty = srv.mode is not None and (srv.fault_queries is None or query.lower() in srv.fault_queries)
        if faulty and srv.mode == "timeout":
            time.sleep(srv.sleep_seconds)
            return self._send(200, b"[]")
        if faulty and srv.mode == "429":
            return self._send(429, b'{"error": "Too Many Requests"}')
        if faulty and srv.mode == "500":
            return self._send(500, b"Internal Server Error")
        if faulty and srv.mode == "malformed":
            return self._send(200, b'[{"lat": "50.45", "lon": ')
        hit = PLACES.get(query.strip().lower())
        results = []
        if hit is not None:
            results = [dict(hit)]
            if params.get("addressdetails", ["0"])[0] != "1":
                results[0].pop("address", None)
        return self._send(200, json.dumps(results).encode())

    def _send(self, status: int, body: bytes) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout mode)
