"""Append rate of the event store: one event per transaction and batched, SQLite and PostgreSQL.

Usage: python bench/append.py [--events N] [--batch B] [--postgres URL]
Prints events/s; a figure, not a test (CI never times anything).
"""

from __future__ import annotations

import argparse
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text

from tracker.db import make_engine, migrate
from tracker.events import MoveReported
from tracker.store import EventStore, NewEvent


def event(i: int) -> NewEvent:
    return NewEvent(MoveReported(person=f"Person {i}", org=f"Org {i % 50}", direction="joined", role="VP"),
                    occurred_on="2024-09", meta={"evidence": "x" * 120, "confidence": 0.9})  # fmt: skip


def measure(store: EventStore, count: int, batch: int) -> float:
    start = time.perf_counter()
    if batch == 1:
        for i in range(count):
            store.append(f"person:p{i % 1000}", [event(i)])
    else:
        for i in range(0, count, batch):
            store.append(f"person:b{i}", [event(j) for j in range(i, min(i + batch, count))])
    return count / (time.perf_counter() - start)


def run(label: str, url: str, count: int, batch: int) -> None:
    engine = make_engine(url)
    migrate(engine)
    store = EventStore(engine)
    single = measure(store, count, 1)
    batched = measure(store, count * 10, batch)
    print(f"{label:10s} one per transaction: {single:8.0f} events/s   batches of {batch}: {batched:8.0f} events/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        run("sqlite", f"sqlite:///{Path(tmp) / 'bench.db'}", args.events, args.batch)
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(args.postgres.replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f"CREATE SCHEMA {schema}"))
        run("postgresql", f"{args.postgres}?options=-csearch_path%3D{schema}", args.events, args.batch)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))


if __name__ == "__main__":
    main()
