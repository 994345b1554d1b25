"""A local fake of the Slack Web API and incoming webhooks, for tests through the real slack-sdk.

A real HTTP server on 127.0.0.1 (ephemeral port) in a thread. It records every request,
keeps posted messages per channel (with metadata, for conversations.history), and answers
scripted responses first: `fake.script("chat.postMessage", Reply(429, headers={"Retry-After": "0"}))`.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

TOKEN = "xoxb-test-token"
CHANNELS = {"talent-moves": "C0TALENT1", "other": "C0OTHER01"}


@dataclass
class Reply:
    status: int = 200
    body: dict[str, Any] | str = field(default_factory=lambda: {"ok": True})
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Request:
    method: str  # Slack method name, or "webhook"
    http_method: str
    path: str
    headers: dict[str, str]
    body: dict[str, Any]


class FakeSlack:
    def __init__(self) -> None:
        self.requests: list[Request] = []
        self.messages: dict[str, list[dict[str, Any]]] = {}
        self._scripts: dict[str, deque[Reply]] = {}
        self._lock = threading.Lock()
        self._ts = 0.0
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                fake._handle(self, "GET")

            def do_POST(self) -> None:
                fake._handle(self, "POST")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.02,), daemon=True)

    # -- control ----------------------------------------------------------------------
    @property
    def base(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def api_url(self) -> str:
        return f"{self.base}/api/"

    @property
    def webhook_url(self) -> str:
        return f"{self.base}/services/T000/B000/secret"

    def start(self) -> FakeSlack:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def script(self, method: str, *replies: Reply) -> None:
        with self._lock:
            self._scripts.setdefault(method, deque()).extend(replies)

    def calls(self, method: str) -> list[Request]:
        with self._lock:
            return [r for r in self.requests if r.method == method]

    def posted(self) -> list[dict[str, Any]]:
        """Messages that were accepted (chat.postMessage and webhook), in order."""
        with self._lock:
            return [m for msgs in self.messages.values() for m in msgs]

    # -- serving ----------------------------------------------------------------------
    def _handle(self, h: BaseHTTPRequestHandler, http_method: str) -> None:
        parts = urlsplit(h.path)
        length = int(h.headers.get("Content-Length") or 0)
        raw = h.rfile.read(length).decode("utf-8") if length else ""
        body: dict[str, Any] = dict(parse_qsl(parts.query))
        if raw:
            if "json" in (h.headers.get("Content-Type") or ""):
                body.update(json.loads(raw))
            else:
                body.update(dict(parse_qsl(raw)))
        if parts.path.startswith("/api/"):
            method = parts.path[len("/api/") :]
        elif parts.path.startswith("/services/"):
            method = "webhook"
        else:
            method = parts.path
        request = Request(method, http_method, parts.path, dict(h.headers.items()), body)
        with self._lock:
            self.requests.append(request)
            queue = self._scripts.get(method)
            reply = queue.popleft() if queue else None
            if reply is None:
                reply = self._default(request)
        payload = reply.body if isinstance(reply.body, str) else json.dumps(reply.body)
        data = payload.encode("utf-8")
        h.send_response(reply.status)
        h.send_header("Content-Type", "text/plain" if isinstance(reply.body, str) else "application/json")
        h.send_header("Content-Length", str(len(data)))
        for key, value in reply.headers.items():
            h.send_header(key, value)
        h.end_headers()
        h.wfile.write(data)

    def _next_ts(self) -> str:
        self._ts = max(time.time(), self._ts + 0.000001)  # real time, like Slack: history filters on it
        return f"{self._ts:.6f}"

    def _default(self, request: Request) -> Reply:
        body = request.body
        if request.method == "webhook":
            self.messages.setdefault("webhook", []).append({**body, "ts": None})
            return Reply(200, "ok")
        if request.headers.get("Authorization") != f"Bearer {TOKEN}":
            return Reply(200, {"ok": False, "error": "invalid_auth"})
        if request.method == "auth.test":
            return Reply(200, {"ok": True, "user": "tracker-bot", "team": "Test Team"})
        if request.method == "chat.postMessage":
            name = str(body.get("channel", "")).lstrip("#")
            channel = CHANNELS.get(name, name if name in CHANNELS.values() else None)
            if channel is None:
                return Reply(200, {"ok": False, "error": "channel_not_found"})
            message = {"ts": self._next_ts(), "channel": channel, **{k: v for k, v in body.items() if k != "channel"}}
            self.messages.setdefault(channel, []).append(message)
            return Reply(
                200, {"ok": True, "channel": channel, "ts": message["ts"], "message": {"text": body.get("text")}}
            )
        if request.method == "conversations.list":
            return Reply(200, {"ok": True, "channels": [{"id": i, "name": n} for n, i in CHANNELS.items()]})
        if request.method == "conversations.history":
            oldest = float(body.get("oldest") or 0)
            found = [m for m in self.messages.get(str(body.get("channel")), []) if float(m["ts"]) >= oldest]
            include_meta = str(body.get("include_all_metadata")).lower() in ("1", "true")
            out = [{"ts": m["ts"], "text": m.get("text"), **({"metadata": m.get("metadata")} if include_meta else {})}
                   for m in reversed(found)]  # fmt: skip
            return Reply(200, {"ok": True, "messages": out, "has_more": False})
        return Reply(200, {"ok": False, "error": "unknown_method"})
