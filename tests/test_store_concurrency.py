"""Concurrent writers (separate processes) and a reader following positions, on both databases."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from tracker.db import make_engine
from tracker.events import MoveReported
from tracker.store import EventStore, NewEvent

REPO = Path(__file__).resolve().parent.parent


WRITER = """
import sys
from tracker.db import make_engine
from tracker.events import MoveReported
from tracker.store import ConcurrencyError, EventStore, NewEvent

url, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
store = EventStore(make_engine(url))
own = 0
for i in range(count):
    event = NewEvent(MoveReported(person=name, org=f"Org {i}", direction="joined"))
    if i % 2:
        store.append(f"person:{name}", [event], expected_version=own)  # only this writer uses it
        own += 1
    else:
        while True:  # the shared stream: optimistic concurrency with reload-and-retry
            version = store.stream_version("person:shared")
            try:
                store.append("person:shared", [event], expected_version=version)
                break
            except ConcurrencyError:
                continue
print("done", flush=True)
"""


def test_concurrent_writers_and_following_reader(engine: Engine, db_url: str) -> None:
    writers = 4
    per_writer = 1000 if engine.dialect.name == "postgresql" else 250
    total = writers * per_writer
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, db_url, f"w{n}", str(per_writer)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(writers)
    ]
    seen: list[int] = []
    problems: list[str] = []

    def follow() -> None:
        store = EventStore(make_engine(db_url))
        last = 0
        while last < total and not problems:
            for event in store.read_all(after_position=last):
                if event.position != last + 1:
                    problems.append(f"reader saw {event.position} right after {last}")
                    return
                seen.append(event.position)
                last = event.position

    reader = threading.Thread(target=follow)
    reader.start()
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        assert "done" in out
    reader.join(timeout=120)
    assert not problems
    assert seen == list(range(1, total + 1))

    with engine.connect() as conn:
        dupes = conn.execute(
            text("SELECT stream_id, stream_version FROM events GROUP BY stream_id, stream_version HAVING COUNT(*) > 1")
        ).all()
        versions = conn.execute(text("SELECT stream_version FROM events WHERE stream_id = 'person:shared'")).scalars()
        shared = sorted(versions)
    assert dupes == []
    assert shared == list(range(1, total // 2 + 1))  # 1..n with no gap and no repeat
    counts = Counter(e.stream_id for e in EventStore(engine).read_all())
    assert all(counts[f"person:w{n}"] == per_writer // 2 for n in range(writers))


def test_threads_in_one_process_never_share_a_version(engine: Engine) -> None:
    store = EventStore(engine)
    errors: list[BaseException] = []

    def write(n: int) -> None:
        try:
            for i in range(40):
                store.append("person:hot", [NewEvent(MoveReported(person=f"T{n}", org=f"O{i}", direction="left"))])
        except BaseException as exc:  # pragma: no cover - surfaced by the assert below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert [e.stream_version for e in store.read_stream("person:hot")] == list(range(1, 161))


@pytest.mark.parametrize("wait", [0.2])
def test_locked_sqlite_database_waits_then_succeeds_or_fails_clearly(tmp_path, wait: float) -> None:  # type: ignore[no-untyped-def]
    """A writer holding the lock delays an append (nothing lost); past the busy timeout the
    append fails with SQLite's 'database is locked', which the CLI turns into exit code 3."""
    import sqlite3
    import time

    from sqlalchemy.exc import OperationalError

    from tracker.db import migrate

    url = f"sqlite:///{tmp_path / 'locked.db'}"
    migrate(make_engine(url))
    blocker = sqlite3.connect(tmp_path / "locked.db", isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    patient = EventStore(make_engine(url, busy_timeout=5))
    result: list[object] = []
    worker = threading.Thread(
        target=lambda: result.append(
            patient.append("person:x", [NewEvent(MoveReported(person="X", org="Y", direction="joined"))])
        )
    )
    worker.start()
    time.sleep(wait)
    assert result == []  # still waiting for the lock
    blocker.execute("COMMIT")
    worker.join(timeout=10)
    assert len(result) == 1 and len(list(patient.read_all())) == 1

    blocker.execute("BEGIN IMMEDIATE")
    impatient = EventStore(make_engine(url, busy_timeout=0.1))
    with pytest.raises(OperationalError, match="locked"):
        impatient.append("person:x", [NewEvent(MoveReported(person="X", org="Z", direction="left"))])
    blocker.execute("ROLLBACK")
    assert len(list(patient.read_all())) == 1
