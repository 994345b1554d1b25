"""`tracker run` as a real process: polls a changing feed, answers health checks, stops on SIGTERM."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.sources.conftest import Site
from tests.sources.feeds import rss
from tracker.sources.documents import list_documents
from tracker.sources.state import load_states

REPO = Path(__file__).resolve().parents[2]


def wait_for(check: Callable[[], bool], what: str, limit: float = 30.0) -> None:
    deadline = time.monotonic() + limit
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.1)


@pytest.mark.slow
def test_run_polls_a_changing_feed_and_stops_cleanly_on_sigterm(
    engine: Engine, db_url: str, site: Site, tmp_path: Path
) -> None:
    site.add("/feed", rss([("First", "/1", "Ann Lee joined Acme.")]), etag='"v1"')
    config = tmp_path / "tracker.toml"
    config.write_text(
        f'[fetch]\ntimeout = "2s"\n\n[[sources]]\nname = "news"\nurl = "{site.url("/feed")}"\ninterval = "1s"\n'
    )
    env = {**os.environ, "PYTHONPATH": str(REPO), "TRACKER_DATABASE_URL": db_url}
    proc = subprocess.Popen(
        [sys.executable, "-m", "tracker", "-c", str(config), "run", "--health-port", "0"],
        env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(iter(proc.stderr.readline, "")), daemon=True)  # type: ignore[union-attr]
    reader.start()
    try:
        wait_for(lambda: len(list_documents(engine)) == 1, "the first document")
        wait_for(lambda: 304 in site.statuses("/feed"), "a conditional GET answered 304")
        site.add("/feed", rss([("Second", "/2", "Bo Kim joined Beta."), ("First", "/1", "x")]), etag='"v2"')
        wait_for(lambda: len(list_documents(engine)) == 2, "the second document")
        port = next(int(m.group(1)) for line in lines if (m := re.search(r"event=health_listening .*port=(\d+)", line)))
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=5) as resp:
            health = json.loads(resp.read())
            assert resp.status == 200
        assert health["status"] == "ok" and health["totals"]["documents"] == 2 and health["sources"] == 1
        assert health["last_cycle"]["failed"] == 0
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    reader.join(timeout=5)
    assert [d.title for d in list_documents(engine)] == ["First", "Second"]
    assert load_states(engine)["news"].etag == '"v2"'
    log = "".join(lines)
    assert "event=polled" in log and "source=news" in log and "event=stopped" in log
    assert "Traceback" not in log
