"""EventStore guarantees, each on SQLite and PostgreSQL."""

from __future__ import annotations

import sqlite3
import types

import psycopg
import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from tracker.db import current_revisions, migrate, schema_heads
from tracker.events import EntityMerged, MoveReported, MoveRetracted
from tracker.store import (
    GENESIS_HASH,
    ConcurrencyError,
    EventStore,
    NewEvent,
    RecordedEvent,
    compute_hash,
    stored_hash,
)


def move(person: str = "Ada Lovelace", org: str = "Analytical Engines", direction: str = "joined") -> NewEvent:
    return NewEvent(MoveReported(person=person, org=org, direction=direction), occurred_on="2024-09")  # type: ignore[arg-type]


def raw_connection(engine: Engine, db_url: str) -> sqlite3.Connection | psycopg.Connection:
    """A DB-API connection that bypasses SQLAlchemy and the application entirely."""
    if engine.dialect.name == "sqlite":
        return sqlite3.connect(engine.url.database or "")
    base, _, query = db_url.partition("?")
    options = dict(p.split("=", 1) for p in query.split("&") if p)
    from urllib.parse import unquote

    return psycopg.connect(base.replace("+psycopg", ""), options=unquote(options.get("options", "")))


def test_migrated_schema_is_current(engine: Engine) -> None:
    assert current_revisions(engine) == schema_heads() == {"0004"}
    migrate(engine)  # migrating a current schema again is a no-op
    assert current_revisions(engine) == {"0004"}


def test_append_assigns_positions_versions_and_chain(engine: Engine) -> None:
    store = EventStore(engine)
    first = store.append("person:ada", [move(), move(direction="left")], expected_version=0)
    second = store.append("person:bob", [move("Bob")], expected_version=0)
    assert [e.position for e in first + second] == [1, 2, 3]
    assert [e.stream_version for e in first] == [1, 2]
    assert second[0].stream_version == 1
    assert first[0].prev_hash == GENESIS_HASH
    assert first[1].prev_hash == first[0].hash and second[0].prev_hash == first[1].hash
    stored = list(store.read_all())
    assert stored == first + second  # what append returned is exactly what was stored
    for event in stored:
        assert compute_hash(event.hash_fields()) == event.hash
    head = store.head()
    assert head is not None and (head.position, head.hash) == (3, second[0].hash)


def test_read_stream_and_get(engine: Engine) -> None:
    store = EventStore(engine)
    store.append("person:ada", [move(), move(direction="left")])
    store.append("person:bob", [move("Bob")])
    events = store.read_stream("person:ada")
    assert [(e.stream_version, e.data["direction"]) for e in events] == [(1, "joined"), (2, "left")]
    assert [e.stream_version for e in store.read_stream("person:ada", from_version=2)] == [2]
    assert store.get(events[1].event_id) == events[1]
    assert store.get("00000000-0000-0000-0000-000000000000") is None
    assert store.read_stream("person:nobody") == []
    assert (store.stream_version("person:ada"), store.stream_version("person:nobody")) == (2, 0)


def test_stale_expected_version_raises_conflict(engine: Engine) -> None:
    store = EventStore(engine)
    store.append("person:ada", [move()], expected_version=0)
    with pytest.raises(ConcurrencyError) as info:
        store.append("person:ada", [move(direction="left")], expected_version=0)
    assert info.value.actual == 1 and "another writer" in str(info.value)
    assert len(store.read_stream("person:ada")) == 1  # nothing appended on conflict
    store.append("person:ada", [move(direction="left")], expected_version=1)
    assert len(store.read_stream("person:ada")) == 2


def test_idempotency_key_returns_original_and_appends_nothing(engine: Engine) -> None:
    store = EventStore(engine)
    original = store.append("person:ada", [move(), move(direction="left")], idempotency_key="doc-1")
    again = store.append("person:ada", [move(), move(direction="left")], idempotency_key="doc-1")
    assert again == original
    assert [e.idempotency_key for e in original] == ["doc-1", "doc-1#1"]
    assert len(list(store.read_all())) == 2


def test_same_event_id_is_idempotent(engine: Engine) -> None:
    store = EventStore(engine)
    event = NewEvent(MoveRetracted(move_event_id="x", reason="typo"), event_id="11111111-1111-1111-1111-111111111111")
    first = store.append("person:ada", [event])
    assert store.append("person:ada", [event]) == first
    assert len(list(store.read_all())) == 1


def test_read_all_streams_in_pages(engine: Engine) -> None:
    store = EventStore(engine)
    for i in range(25):
        store.append(f"person:p{i}", [move(f"P {i}")])
    stream = store.read_all(after_position=5, batch_size=4)
    assert isinstance(stream, types.GeneratorType)  # an iterator, not a list
    assert [e.position for e in stream] == list(range(6, 26))
    assert [e.position for e in store.read_all(after_position=10, limit=3, batch_size=2)] == [11, 12, 13]
    assert list(store.read_all(after_position=25)) == []


def test_update_delete_refused_by_database(engine: Engine, db_url: str) -> None:
    store = EventStore(engine)
    store.append("person:ada", [move()])
    conn = raw_connection(engine, db_url)
    try:
        for statement in ("UPDATE events SET data = '{}'", "DELETE FROM events"):
            with pytest.raises((sqlite3.DatabaseError, psycopg.Error), match="append-only"):
                conn.execute(statement)
            conn.rollback()
        if engine.dialect.name == "postgresql":
            with pytest.raises(psycopg.Error, match="append-only"):
                conn.execute("TRUNCATE events")
            conn.rollback()
    finally:
        conn.close()
    # and through SQLAlchemy, the application's own path
    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as sa_conn:
        sa_conn.execute(text("UPDATE events SET type = 'X'"))
    [event] = store.read_all()
    assert event.type == "MoveReported" and compute_hash(event.hash_fields()) == event.hash


def test_payloads_round_trip_by_type(engine: Engine) -> None:
    store = EventStore(engine)
    merged = EntityMerged(kind="org", alias="Open AI", canonical="OpenAI")
    store.append("org:openai", [NewEvent(merged, meta={"actor": "cli:test"})])
    [event] = store.read_all()
    assert event.payload == merged and event.meta == {"actor": "cli:test"}


def test_old_schema_version_is_upcast_on_read(engine: Engine) -> None:
    """A stored v0 MoveReported (no team, role called title) reads as v1; the row is untouched."""
    store = EventStore(engine)
    data = {"person": "Ada Lovelace", "org": "Analytical Engines", "direction": "joined", "title": "CTO"}
    fields = {
        "position": 1,
        "event_id": "22222222-2222-2222-2222-222222222222",
        "stream_id": "person:ada-lovelace",
        "stream_version": 1,
        "type": "MoveReported",
        "schema_version": 0,
        "occurred_on": None,
        "recorded_at": "2020-01-01T00:00:00.000000Z",
        "data": data,
        "meta": {},
        "idempotency_key": None,
        "prev_hash": GENESIS_HASH,
    }
    from datetime import UTC, datetime

    legacy = RecordedEvent(**{**fields, "recorded_at": datetime(2020, 1, 1, tzinfo=UTC)}, hash=compute_hash(fields))
    from tracker.db import transaction

    with transaction(engine) as session:
        store.import_events([legacy], session)
    [event] = store.read_all()
    assert event.schema_version == 0 and event.data == data  # stored as written
    payload = event.payload
    assert isinstance(payload, MoveReported)
    assert (payload.role, payload.team) == ("CTO", None)
    assert compute_hash(event.hash_fields()) == event.hash


def test_stored_hash_of_raw_rows_equals_the_canonical_hash(engine: Engine) -> None:
    """verify's fast path (hashing stored text) and the definition (canonical JSON) agree."""
    store = EventStore(engine)
    odd = 'Zoë "Q" Ødegård \\ <b>&</b>\u2028 tab\there \u00e9\u0301 日本 😀'
    store.append("person:zoe", [NewEvent(MoveReported(person=odd, org="Ünïcode Ltd", direction="joined", role=None),
                 occurred_on="2024", meta={"confidence": 0.1 + 0.2, "evidence": odd, "n": None, "list": [1, 2.5]})],
                 idempotency_key=f"doc:{odd}")  # fmt: skip
    store.append("person:bob", [move("Bob")])
    rows = list(store.read_rows(batch_size=1))
    assert [r[0] for r in rows] == [1, 2]
    for row, event in zip(rows, store.read_all(), strict=True):
        assert stored_hash(row) == event.hash == compute_hash(event.hash_fields())
