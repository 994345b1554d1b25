"""Helpers that write events the way ingest and the CLI do."""

from __future__ import annotations

import itertools
from datetime import datetime
from typing import Any

from sqlalchemy import Engine

from tracker.db import transaction
from tracker.events import ManualMoveRecorded
from tracker.extract.model import Move
from tracker.ids import person_id
from tracker.moves import record_move
from tracker.settings import OrganizationConfig, Settings
from tracker.store import EventStore, NewEvent, RecordedEvent

_docs = itertools.count(1)


def settings(window_days: int = 120) -> Settings:
    return Settings(
        organizations=[
            OrganizationConfig(name="OpenAI", aliases=["Open AI"]),
            OrganizationConfig(name="Anthropic", aliases=["the Claude maker"]),
            OrganizationConfig(name="Safe Superintelligence", aliases=["SSI"]),
        ],
        dedup={"window_days": window_days},  # type: ignore[arg-type]
    )


def report(
    engine: Engine,
    st: Settings,
    person: str,
    direction: str,
    org: str,
    date: str | None = None,
    *,
    recorded_at: datetime | None = None,
    source: str | None = None,
    **fields: Any,
) -> RecordedEvent:
    """A move as an article reports it: through dedup, like ingest."""
    doc = next(_docs)
    move = Move(person=person, org=org, direction=direction, date=date, **fields)  # type: ignore[arg-type]
    store = EventStore(engine)
    with transaction(engine) as session:
        event = record_move(
            session, store, st, move, idempotency_key=f"test-doc:{doc}:{person}:{org}:{direction}",
            meta={"source_url": source or f"https://news.example/{doc}", "document_id": doc},
        )  # fmt: skip
    if recorded_at is not None:
        raise AssertionError("recorded_at is set by the store")
    return event


def manual(
    engine: Engine, person: str, direction: str, org: str, date: str | None = None, **fields: Any
) -> RecordedEvent:
    payload = ManualMoveRecorded(person=person, org=org, direction=direction, **fields)  # type: ignore[arg-type]
    [event] = EventStore(engine).append(
        person_id(person), [NewEvent(payload, occurred_on=date, meta={"actor": "test"})]
    )
    return event


def seed(engine: Engine, st: Settings) -> dict[str, RecordedEvent]:
    """What the seed-style article yields, plus Karpathy's earlier OpenAI history."""
    return {
        "karpathy_left_1": report(engine, st, "Andrej Karpathy", "left", "OpenAI", "2017-06"),
        "karpathy_rejoined": report(engine, st, "Andrej Karpathy", "joined", "OpenAI", "2023-02"),
        "karpathy_left_2": report(engine, st, "Andrej Karpathy", "left", "OpenAI", "2024-02-13"),
        "schulman_left": report(
            engine, st, "John Schulman", "left", "OpenAI", "2024-08-05", destination_org="Anthropic"
        ),
        "schulman_joined": report(engine, st, "John Schulman", "joined", "Anthropic", "2024-08", role="researcher"),
        "sutskever_left": report(engine, st, "Ilya Sutskever", "left", "OpenAI", "2024-05-14"),
        "murati_left": report(engine, st, "Mira Murati", "left", "OpenAI", "2024-09-25", role="CTO"),
        "karpathy_joined": report(
            engine, st, "Andrej Karpathy", "joined", "Anthropic", "2025-11-10", role="Member of Technical Staff"
        ),
    }
