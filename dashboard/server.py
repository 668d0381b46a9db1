"""Running the app: in the foreground for `eventmap serve`, or in a thread for tests and benchmarks."""

from __future__ import annotations

import contextlib
import io
import re
import socket
import sys
import threading
import webbrowser
from dataclasses import dataclass

from dash import Dash
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from eventmap.errors import UserError


@dataclass
class RunningServer:
    """A werkzeug server answering in a background thread; `stop()` ends it."""

    server: BaseWSGIServer
    thread: threading.Thread

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


class QuietHandler(WSGIRequestHandler):
    """No line per request: the page makes dozens, which would drown the useful output."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        if str(code).startswith(("4", "5")):
            super().log_request(code, size)


_WERKZEUG_LINE = re.compile(r"in use|denied|not permitted|cannot assign|address|port", re.I)


def _check_port(host: str, port: int) -> None:
    """UserError when `port` cannot be bound (taken, or not allowed), said before the server is
    made: werkzeug reports it on stderr, which other threads may be writing to."""
    if not port:
        return
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError:
        return  # an unknown host: werkzeug says so below
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server will
        try:
            probe.bind(address)
        except OSError as exc:
            raise UserError(
                f"cannot listen on {host}:{port}: {exc.strerror or exc} (try another --port, or 0 for a free one)"
            ) from None


def make_wsgi_server(app: Dash, host: str = "127.0.0.1", port: int = 0, quiet: bool = True) -> BaseWSGIServer:
    """A threaded server for the app; port 0 picks a free port. UserError when the port is taken."""
    _check_port(host, port)
    said = io.StringIO()
    try:
        # werkzeug prints bind errors itself and calls sys.exit(1): catch both, say it in one line
        with contextlib.redirect_stderr(said):
            return make_server(
                host,
                port,
                app.server,
                threaded=True,
                request_handler=QuietHandler if quiet else WSGIRequestHandler,
            )
    except SystemExit:
        # stderr is the process's: lines other threads wrote meanwhile (the background read's
        # "N events in ...") are said again; werkzeug's first line is the reason
        lines = said.getvalue().strip().splitlines()
        theirs = [line for line in lines if _WERKZEUG_LINE.search(line)]
        for line in lines:
            if line not in theirs:
                print(line, file=sys.stderr)
        reason = (theirs or lines or ["cannot bind"])[0]
        raise UserError(
            f"cannot listen on {host}:{port}: {reason} (try another --port, or 0 for a free one)"
        ) from None
    except OSError as exc:
        raise UserError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


def start_in_thread(app: Dash, host: str = "127.0.0.1", port: int = 0) -> RunningServer:
    """Serve the app in a daemon thread (tests, benchmarks, screenshots)."""
    server = make_wsgi_server(app, host, port)
    thread = threading.Thread(target=server.serve_forever, name="eventmap-dash", daemon=True)
    thread.start()
    return RunningServer(server, thread)


def serve_forever(app: Dash, host: str = "127.0.0.1", port: int = 8050, open_browser: bool = True) -> None:
    """Serve until Ctrl-C, opening the page in the user's browser unless told not to.

    An app whose events are still being read (dashboard/app/collection.py `loading`) is served at
    once; if reading them fails, the server stops and the error is raised here.
    """
    collection = app.server.config.get("EVENTMAP_COLLECTION")
    if collection is not None and collection.ready and collection.error is not None:
        raise collection.error
    server = make_wsgi_server(app, host, port)
    url = f"http://{host}:{server.server_address[1]}/"
    if collection is not None and not collection.ready:

        def stop_on_error() -> None:
            try:
                collection.wait()
            except BaseException:
                server.shutdown()

        threading.Thread(target=stop_on_error, name="eventmap-load-watch", daemon=True).start()
    print(f"eventmap dashboard on {url} (Ctrl-C to stop)", flush=True)
    if open_browser:
        threading.Timer(0.8, webbrowser.open, args=(url,)).start()
    try:
        server.serve_forever()
    finally:
        server.server_close()
    if collection is not None and collection.error is not None:
        raise collection.error
