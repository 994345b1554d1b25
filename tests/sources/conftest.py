"""A real HTTP server on 127.0.0.1 (port 0) whose routes each test controls.

No patching of httpx: the fetcher talks to a socket. Routes can answer conditionally
(ETag/Last-Modified -> 304), drip bytes slowly, stream without end, redirect in a loop,
throttle with 429 + Retry-After, gzip, or send bytes in a charset other than declared.
Routes match the path without its query string. Every request is recorded (path, status
sent, request headers) so tests can count GETs.
"""

from __future__ import annotations

import gzip
import socket
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "application/rss+xml; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None  # answer 304 when If-None-Match matches
    last_modified: float | None = None  # epoch seconds; answer 304 when If-Modified-Since matches
    drip: float | None = None  # seconds between single bytes of the body
    endless: bool = False  # stream zeros without Content-Length until the client hangs up
    declared_length: int | None = None  # a Content-Length to claim (e.g. 10 GB)
    redirect: str | None = None  # Location for a 302
    gzip: bool = False


@dataclass
class Hit:
    path: str
    status: int
    headers: dict[str, str]


class Site:
    def __init__(self, server: ThreadingHTTPServer) -> None:
        self.server = server
        self.routes: dict[str, Route] = {}
        self.hits: list[Hit] = []
        self.streamed: dict[str, int] = {}  # bytes actually written per path
        self.lock = threading.Lock()

    @property
    def base(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, body: bytes | str = b"", **kwargs: object) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(body=data, **kwargs)  # type: ignore[arg-type]
        return self.url(path)

    def statuses(self, path: str) -> list[int]:
        with self.lock:
            return [h.status for h in self.hits if h.path == path]


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            pass

        @property
        def route_path(self) -> str:
            return self.path.split("?", 1)[0]

        def _record(self, status: int) -> None:
            with site.lock:
                site.hits.append(Hit(self.route_path, status, {k.lower(): v for k, v in self.headers.items()}))

        def do_GET(self) -> None:
            route = site.routes.get(self.route_path)
            if route is None:
                self._simple(404, b"not found")
                return
            if route.redirect:
                self._record(302)
                self.send_response(302)
                self.send_header("Location", route.redirect)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            lm = formatdate(route.last_modified, usegmt=True) if route.last_modified else None
            if (route.etag and self.headers.get("If-None-Match") == route.etag) or (
                lm and not route.etag and self.headers.get("If-Modified-Since") == lm
            ):
                self._record(304)
                self.send_response(304)
                if route.etag:
                    self.send_header("ETag", route.etag)
                self.end_headers()
                return
            self._record(route.status)
            body = gzip.compress(route.body) if route.gzip else route.body
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            if route.gzip:
                self.send_header("Content-Encoding", "gzip")
            if route.etag:
                self.send_header("ETag", route.etag)
            if lm:
                self.send_header("Last-Modified", lm)
            for key, value in route.headers.items():
                self.send_header(key, value)
            try:
                if route.endless:
                    self.send_header("Connection", "close")
                    self.end_headers()
                    chunk = b"<" + b"x" * 65535
                    while True:
                        self.wfile.write(chunk)
                        with site.lock:
                            site.streamed[self.route_path] = site.streamed.get(self.route_path, 0) + len(chunk)
                length = route.declared_length if route.declared_length is not None else len(body)
                self.send_header("Content-Length", str(length))
                self.end_headers()
                if route.drip:
                    for i in range(len(body)):
                        self.wfile.write(body[i : i + 1])
                        self.wfile.flush()
                        time.sleep(route.drip)
                else:
                    self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True

        def _simple(self, status: int, body: bytes) -> None:
            self._record(status)
            self.send_response(status)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 1024  # the default 5 drops SYNs under load, and the client retries after 1 s

    def handle_error(self, request: object, client_address: object) -> None:
        """Clients hanging up (what the fetcher does to hostile routes) are expected, not errors."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


@pytest.fixture
def site() -> Iterator[Site]:
    server = _Server(("127.0.0.1", 0), BaseHTTPRequestHandler)
    s = Site(server)
    server.RequestHandlerClass = _handler(s)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield s
    server.shutdown()
    server.server_close()


@pytest.fixture
def closed_port() -> int:
    """A port on 127.0.0.1 where nothing listens: connection refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
