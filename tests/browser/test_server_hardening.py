"""The dashboard server: private by default, bounded uploads, text only, and it holds under a burst.

`eventmap serve` binds 127.0.0.1 unless told otherwise (and warns when told 0.0.0.0: the
app lets anyone who reaches it read the events and add articles). Uploads are limited in
size and count and must be text. 200 uploads sent at once over loopback to the Dash
callback endpoint all land: every uploaded article's events are in the collection.
"""

from __future__ import annotations

import base64
import json
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import dashboard.app.articles as cb
from dashboard.app import create_app
from dashboard.app.collection import EventCollection
from dashboard.server import make_wsgi_server, start_in_thread
from eventmap.cli import main
from eventmap.formats import write_events

from factories import sample_events

N_BURST = 200
N_WORKERS = 32
REQUEST_TIMEOUT = 120  # seconds for one request; a bound, not a speed check


def data_url(raw: bytes, mime: str = "text/plain") -> str:
    return f"data:{mime};base64,{base64.b64encode(raw).decode('ascii')}"


def article(i: int) -> str:
    return f"date 2025-03-20\nOp {1 + i % 28} maart werd konvooi nummer {i} in Kiev aangevallen.\n"


# --------------------------------------------------------------------------- binding


@pytest.fixture
def served(monkeypatch, tmp_path):
    """Run `eventmap serve` with the server call captured instead of started."""
    import dashboard.server

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(
        dashboard.server,
        "serve_forever",
        lambda app, host, port, open_browser: calls.append({"host": host, "port": port}),
    )
    path = tmp_path / "e.json"
    write_events(sample_events(), "json", path)
    return calls, path


def test_serve_binds_loopback_by_default_and_says_nothing_about_it(served):
    calls, path = served
    res = CliRunner().invoke(main, ["serve", str(path), "--no-browser"])
    assert res.exit_code == 0, res.stderr
    assert calls == [{"host": "127.0.0.1", "port": 8050}]
    assert "warning" not in res.stderr


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "::"])
def test_serve_warns_when_asked_to_listen_beyond_this_machine(served, host):
    calls, path = served
    res = CliRunner().invoke(main, ["serve", str(path), "--no-browser", "--host", host])
    assert res.exit_code == 0, res.stderr
    assert calls[0]["host"] == host
    warning = [line for line in res.stderr.splitlines() if "warning" in line]
    assert len(warning) == 1 and host in warning[0] and "127.0.0.1" in warning[0]


def test_the_wsgi_server_defaults_to_loopback_and_a_taken_port_is_one_clear_error():
    app = create_app(sample_events())
    server = make_wsgi_server(app)
    try:
        assert server.server_address[0] == "127.0.0.1"
        from eventmap.errors import UserError

        with pytest.raises(UserError, match="cannot listen on 127.0.0.1"):
            make_wsgi_server(app, port=server.server_address[1])
    finally:
        server.server_close()


# --------------------------------------------------------------------------- upload limits (unit)


def test_an_upload_over_the_size_limit_is_refused_with_the_limit():
    raw = article(0).encode() + b"x" * cb.MAX_UPLOAD_BYTES
    coll = EventCollection([])
    added, message = cb.add_articles(coll, None, [data_url(raw)], ["big.txt"], None)
    assert added == 0 and "big.txt" in message and f"{cb.MAX_UPLOAD_BYTES // 1_000_000} MB" in message
    assert coll.events == []


def test_too_many_files_at_once_are_refused_with_the_limit():
    n = cb.MAX_UPLOAD_FILES + 1
    coll = EventCollection([])
    added, message = cb.add_articles(
        coll, None, [data_url(article(i).encode()) for i in range(n)], [f"a{i}.txt" for i in range(n)], None
    )
    assert added == 0 and str(cb.MAX_UPLOAD_FILES) in message and str(n) in message
    assert coll.events == []


@pytest.mark.parametrize(
    "name, raw",
    [
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 16),
        ("archive.txt", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)) * 16),
        ("program.txt", b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 16),
    ],
)
def test_uploads_that_are_not_text_are_refused(name, raw):
    coll = EventCollection([])
    added, message = cb.add_articles(coll, None, [data_url(raw, "application/octet-stream")], [name], None)
    assert added == 0 and message.startswith("Not added") and name in message and "text" in message
    assert coll.events == []


def test_one_bad_upload_refuses_the_batch_and_says_which():
    coll = EventCollection([])
    added, message = cb.add_articles(
        coll,
        None,
        [data_url(article(1).encode()), data_url(b"\x00\x01\x02" * 99)],
        ["good.txt", "bad.txt"],
        None,
    )
    assert added == 0 and "bad.txt" in message


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1252"])
def test_uploads_in_other_encodings_are_read(encoding):
    text = article(3).replace("konvooi", "café-konvooi")
    coll = EventCollection([])
    added, message = cb.add_articles(coll, None, [data_url(text.encode(encoding))], ["enc.txt"], None)
    assert added == 1, message
    assert "café-konvooi" in coll.events[0].text


# --------------------------------------------------------------------------- the running server


def _dependency(base: str, input_id: str) -> dict[str, Any]:
    with urllib.request.urlopen(base + "_dash-dependencies", timeout=REQUEST_TIMEOUT) as r:
        deps = json.load(r)
    return next(d for d in deps if any(i["id"] == input_id for i in d["inputs"]) and d.get("state"))


def _add_payload(dep: dict[str, Any], contents: list[str], names: list[str]) -> bytes:
    values = {
        ("paste-text", "value"): "",
        ("upload-articles", "contents"): contents,
        ("upload-articles", "filename"): names,
        ("doc-date", "value"): "",
    }
    outputs = [
        {"id": o.split(".")[0], "property": o.split(".")[1]} for o in dep["output"].strip(".").split("...")
    ]
    body = {
        "output": dep["output"],
        "outputs": outputs,
        "inputs": [{"id": i["id"], "property": i["property"], "value": 1} for i in dep["inputs"]],
        "state": [
            {"id": s["id"], "property": s["property"], "value": values.get((s["id"], s["property"]))}
            for s in dep["state"]
        ],
        "changedPropIds": [f"{dep['inputs'][0]['id']}.{dep['inputs'][0]['property']}"],
    }
    return json.dumps(body).encode("utf-8")


def _post(url: str, body: bytes) -> tuple[int, bytes]:
    req = urllib.request.Request(url, data=body, method="POST", headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=REQUEST_TIMEOUT) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


@pytest.fixture(scope="module")
def running():
    import eventmap

    eventmap.parse_text("Op 1 maart werd Kiev aangevallen.", lang="nl")  # load the gazetteer once, first
    app = create_app([])
    server = start_in_thread(app)
    dep = _dependency(server.url, "add-button")
    yield server, app.server.config["EVENTMAP_COLLECTION"], dep
    server.stop()


def test_a_request_over_the_size_limit_is_refused_before_it_is_read(running):
    server, coll, dep = running
    before = len(coll.events)
    big = "A" * (cb.MAX_REQUEST_BYTES + 10)
    status, _ = _post(server.url + "_dash-update-component", _add_payload(dep, [big], ["huge.txt"]))
    assert status == 413
    assert len(coll.events) == before


def test_a_non_text_upload_through_the_server_adds_nothing_and_says_why(running):
    server, coll, dep = running
    before = len(coll.events)
    status, body = _post(
        server.url + "_dash-update-component",
        _add_payload(dep, [data_url(b"\x89PNG\r\n\x1a\n\x00\x00" * 50)], ["x.txt"]),
    )
    assert status == 200
    assert "x.txt" in body.decode("utf-8") and "Not added" in body.decode("utf-8")
    assert len(coll.events) == before


def test_a_burst_of_parallel_uploads_loses_no_event(running):
    server, coll, dep = running
    url = server.url + "_dash-update-component"
    names = [f"burst-{i:03d}.txt" for i in range(N_BURST)]
    bodies = [_add_payload(dep, [data_url(article(i).encode())], [names[i]]) for i in range(N_BURST)]
    with ThreadPoolExecutor(max_workers=N_WORKERS) as pool:
        results = list(pool.map(lambda b: _post(url, b), bodies))
    statuses = [s for s, _ in results]
    assert statuses == [200] * N_BURST, sorted(set(statuses))
    messages = [json.loads(b)["response"]["add-status"]["children"] for _, b in results]
    assert all(m.startswith("Added 1 event from 1 article") for m in messages), set(messages)
    by_doc = {e.source.document: e for e in coll.events}
    assert set(names) <= set(by_doc)  # every upload's event is there ...
    for i, name in enumerate(names):  # ... and it is that article's event
        assert f"konvooi nummer {i} " in by_doc[name].text
    assert len({e.id for e in coll.events}) == len(coll.events)
    with urllib.request.urlopen(server.url, timeout=REQUEST_TIMEOUT) as r:  # and the app still answers
        assert r.status == 200


def test_serve_on_a_taken_port_is_one_line(tmp_path):
    import socket
    import subprocess
    import sys

    script = Path(sys.executable).with_name("eventmap")
    if not script.exists():
        pytest.skip("the eventmap script is not installed in this environment")
    path = tmp_path / "e.json"
    write_events(sample_events(), "json", path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        proc = subprocess.run(
            [str(script), "serve", str(path), "--no-browser", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert proc.returncode != 0
    errors = [line for line in proc.stderr.splitlines() if line.startswith("eventmap: error:")]
    assert len(errors) == 1 and str(port) in errors[0] and "Traceback" not in proc.stderr
    assert "in use" in errors[0].lower()
    assert proc.stderr.strip().splitlines()[-1] == errors[0]  # after the workspace and event lines


def test_garbage_requests_get_an_error_status_without_internals_and_the_app_goes_on(running):
    server, coll, dep = running
    url = server.url + "_dash-update-component"
    garbage = [
        b"{not json",
        b"[]",
        json.dumps({"output": "nope.children", "inputs": []}).encode(),
        _add_payload(dep, ["data:text/plain;base64,!!!notbase64"], ["x.txt"]),
    ]
    for body in garbage:
        status, answer = _post(url, body)
        text = answer.decode("utf-8", errors="replace")
        assert "Traceback" not in text and 'File "' not in text, text[:300]
        if status == 200:  # the add callback answers with a status line, never a crash
            assert "Not added" in text
        else:
            assert 400 <= status < 600
    with urllib.request.urlopen(server.url, timeout=REQUEST_TIMEOUT) as r:
        assert r.status == 200
