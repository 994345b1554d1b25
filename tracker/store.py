"""EventStore: the append-only, hash-chained event log every view is derived from.

Appends are serialised (SQLite: the IMMEDIATE write lock; PostgreSQL: a transaction-level
advisory lock), and the store assigns `position = head + 1` under that lock. So positions
have no gaps, become visible in commit order (a reader following positions never skips a
late commit), and each row's hash can cover its own position and its predecessor's hash.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Column, DateTime, Engine, Integer, String, Text, func, insert, select, text
from sqlmodel import Field, Session, SQLModel

from tracker.dates import iso_utc, to_utc, utc_now
from tracker.db import is_sqlite, read_session, transaction
from tracker.events import EventPayload, parse_payload, upcast

GENESIS_HASH = "0" * 64
# Arbitrary constant naming the "append to events" advisory lock on PostgreSQL.
APPEND_LOCK = 7_250_002


class EventRow(SQLModel, table=True):
    """The `events` table as created by migration 0001 (the migration is the source of truth)."""

    __tablename__ = "events"
    position: int = Field(sa_column=Column(Integer, primary_key=True, autoincrement=False))
    event_id: str = Field(sa_column=Column(String(36), nullable=False, unique=True))
    stream_id: str = Field(sa_column=Column(String(255), nullable=False))
    stream_version: int = Field(sa_column=Column(Integer, nullable=False))
    type: str = Field(sa_column=Column(String(64), nullable=False))
    schema_version: int = Field(sa_column=Column(Integer, nullable=False))
    occurred_on: str | None = Field(default=None, sa_column=Column(String(10), nullable=True))
    recorded_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    data: str = Field(sa_column=Column(Text, nullable=False))
    meta: str = Field(sa_column=Column(Text, nullable=False))
    idempotency_key: str | None = Field(default=None, sa_column=Column(String(255), unique=True))
    prev_hash: str = Field(sa_column=Column(String(64), nullable=False))
    hash: str = Field(sa_column=Column(String(64), nullable=False, unique=True))


EVENTS = EventRow.__table__  # type: ignore[attr-defined]


class StoreError(Exception):
    pass


class ConcurrencyError(StoreError):
    """The stream moved on since the caller read it: reload and decide again."""

    def __init__(self, stream_id: str, expected: int, actual: int) -> None:
        self.stream_id, self.expected, self.actual = stream_id, expected, actual
        super().__init__(
            f"stream {stream_id!r} is at version {actual}, expected {expected}: "
            "another writer appended first; reload the stream and retry"
        )


@dataclass(frozen=True)
class NewEvent:
    payload: EventPayload
    occurred_on: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)
    event_id: str | None = None


@dataclass(frozen=True)
class RecordedEvent:
    position: int
    event_id: str
    stream_id: str
    stream_version: int
    type: str
    schema_version: int
    occurred_on: str | None
    recorded_at: datetime
    data: dict[str, Any]
    meta: dict[str, Any]
    idempotency_key: str | None
    prev_hash: str
    hash: str

    @property
    def payload(self) -> EventPayload:
        """The payload lifted to the current schema version (stored data is never rewritten)."""
        return parse_payload(self.type, self.schema_version, self.data)

    @property
    def current_data(self) -> dict[str, Any]:
        return upcast(self.type, self.schema_version, self.data)

    def hash_fields(self) -> dict[str, Any]:
        return hash_fields(
            self.position, self.event_id, self.stream_id, self.stream_version, self.type,
            self.schema_version, self.occurred_on, self.recorded_at, self.data, self.meta,
            self.idempotency_key, self.prev_hash,
        )  # fmt: skip

    def to_json(self) -> dict[str, Any]:
        out = self.hash_fields()
        out["hash"] = self.hash
        return out


@dataclass(frozen=True)
class Head:
    position: int
    hash: str


def canonical_json(value: Any) -> str:
    """Sorted keys, no whitespace, UTF-8 text: the same value always gives the same bytes."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def hash_fields(
    position: int, event_id: str, stream_id: str, stream_version: int, event_type: str,
    schema_version: int, occurred_on: str | None, recorded_at: datetime, data: Mapping[str, Any],
    meta: Mapping[str, Any], idempotency_key: str | None, prev_hash: str,
) -> dict[str, Any]:  # fmt: skip
    return {
        "position": position,
        "event_id": event_id,
        "stream_id": stream_id,
        "stream_version": stream_version,
        "type": event_type,
        "schema_version": schema_version,
        "occurred_on": occurred_on,
        "recorded_at": iso_utc(recorded_at),
        "data": data,
        "meta": meta,
        "idempotency_key": idempotency_key,
        "prev_hash": prev_hash,
    }


def compute_hash(fields: Mapping[str, Any]) -> str:
    return hashlib.sha256(canonical_json(fields).encode("utf-8")).hexdigest()


_STRING = json.encoder.encode_basestring  # the C string encoder json.dumps uses


def _text(value: str | None) -> str:
    return "null" if value is None else str(_STRING(value))


def stored_hash(row: Sequence[Any]) -> str:
    """The hash of a stored row, from its columns in EVENTS order without decoding `data` and
    `meta`: the store writes them as canonical JSON, so splicing the text in gives the same
    bytes as `canonical_json(hash_fields(...))` (a test holds the two equal), at a fraction of
    the cost. An edit to the stored text, even one JSON would read the same, changes it."""
    position, event_id, stream_id, version, event_type, schema, occurred_on, recorded_at, data, meta, key, prev = row[
        :12
    ]
    if isinstance(recorded_at, str):  # SQLite through the raw driver
        recorded_at = datetime.fromisoformat(recorded_at)
    text = (
        f'{{"data":{data},"event_id":{_text(event_id)},"idempotency_key":{_text(key)},"meta":{meta},'
        f'"occurred_on":{_text(occurred_on)},"position":{int(position)},"prev_hash":{_text(prev)},'
        f'"recorded_at":"{iso_utc(recorded_at)}","schema_version":{int(schema)},"stream_id":{_text(stream_id)},'
        f'"stream_version":{int(version)},"type":{_text(event_type)}}}'
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def row_to_event(row: Any) -> RecordedEvent:
    m = row._mapping
    return RecordedEvent(
        position=m["position"],
        event_id=m["event_id"],
        stream_id=m["stream_id"],
        stream_version=m["stream_version"],
        type=m["type"],
        schema_version=m["schema_version"],
        occurred_on=m["occurred_on"],
        recorded_at=to_utc(m["recorded_at"]),
        data=json.loads(m["data"]),
        meta=json.loads(m["meta"]),
        idempotency_key=m["idempotency_key"],
        prev_hash=m["prev_hash"],
        hash=m["hash"],
    )


class EventStore:
    """Append and read events. Pass `session=` to append inside a caller's transaction
    (ingest commits documents, events and alert outbox rows together)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # -- writing -----------------------------------------------------------------------
    def append(
        self,
        stream_id: str,
        events: Sequence[NewEvent],
        *,
        expected_version: int | None = None,
        idempotency_key: str | None = None,
        session: Session | None = None,
        recorded_at: datetime | None = None,
    ) -> list[RecordedEvent]:
        """Append `events` to `stream_id` and return them as recorded.

        `expected_version` is the stream version the caller last saw (0: a new stream);
        None appends whatever the version. With `idempotency_key`, a repeated call
        returns the events first appended under that key and appends nothing.
        """
        if not events:
            return []
        if session is None:
            with transaction(self.engine) as own:
                return self._append(own, stream_id, events, expected_version, idempotency_key, recorded_at)
        return self._append(session, stream_id, events, expected_version, idempotency_key, recorded_at)

    def _append(
        self,
        session: Session,
        stream_id: str,
        events: Sequence[NewEvent],
        expected_version: int | None,
        idempotency_key: str | None,
        recorded_at: datetime | None,
    ) -> list[RecordedEvent]:
        self._lock(session)
        keys = _event_keys(idempotency_key, len(events))
        existing = self._existing(session, keys, [e.event_id for e in events if e.event_id])
        if existing:
            return existing
        current = self._stream_version(session, stream_id)
        if expected_version is not None and expected_version != current:
            raise ConcurrencyError(stream_id, expected_version, current)
        head = self._head(session)
        position, prev_hash = (head.position, head.hash) if head else (0, GENESIS_HASH)
        now = to_utc(recorded_at or utc_now())
        rows: list[dict[str, Any]] = []
        recorded: list[RecordedEvent] = []
        for offset, (event, key) in enumerate(zip(events, keys, strict=True), start=1):
            data = event.payload.model_dump(mode="json")
            meta = dict(event.meta)
            fields = hash_fields(
                position + offset, event.event_id or str(uuid.uuid4()), stream_id, current + offset,
                event.payload.type, event.payload.schema_version, event.occurred_on, now, data, meta,
                key, prev_hash,
            )  # fmt: skip
            digest = compute_hash(fields)
            rec = RecordedEvent(
                position=fields["position"], event_id=fields["event_id"], stream_id=stream_id,
                stream_version=fields["stream_version"], type=fields["type"],
                schema_version=fields["schema_version"], occurred_on=event.occurred_on, recorded_at=now,
                data=data, meta=meta, idempotency_key=key, prev_hash=prev_hash, hash=digest,
            )  # fmt: skip
            recorded.append(rec)
            rows.append(_to_row(rec))
            prev_hash = digest
        session.execute(insert(EVENTS), rows)
        return recorded

    def import_events(self, events: Sequence[RecordedEvent], session: Session) -> None:
        """Insert exported events verbatim (positions, hashes and all): used by `tracker import`."""
        if events:
            session.execute(insert(EVENTS), [_to_row(e) for e in events])

    def _lock(self, session: Session) -> None:
        if not is_sqlite(self.engine):
            session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": APPEND_LOCK})

    def _existing(self, session: Session, keys: list[str | None], event_ids: list[str]) -> list[RecordedEvent]:
        present = [k for k in keys if k is not None]
        if present:
            rows = session.execute(select(EVENTS).where(EVENTS.c.idempotency_key.in_(present))).all()
        elif event_ids:
            rows = session.execute(select(EVENTS).where(EVENTS.c.event_id.in_(event_ids))).all()
        else:
            return []
        return sorted((row_to_event(r) for r in rows), key=lambda e: e.position)

    # -- reading -----------------------------------------------------------------------
    def head(self) -> Head | None:
        with read_session(self.engine) as session:
            return self._head(session)

    @staticmethod
    def _head(session: Session) -> Head | None:
        row = session.execute(
            select(EVENTS.c.position, EVENTS.c.hash).order_by(EVENTS.c.position.desc()).limit(1)
        ).first()
        return Head(row.position, row.hash) if row else None

    def stream_version(self, stream_id: str) -> int:
        """The stream's current version (0 for a stream with no events): what to pass as
        `expected_version` to append after the events one has seen."""
        with read_session(self.engine) as session:
            return self._stream_version(session, stream_id)

    @staticmethod
    def _stream_version(session: Session, stream_id: str) -> int:
        return int(
            session.execute(
                select(func.coalesce(func.max(EVENTS.c.stream_version), 0)).where(EVENTS.c.stream_id == stream_id)
            ).scalar_one()
        )

    def read_stream(self, stream_id: str, from_version: int = 1) -> list[RecordedEvent]:
        with read_session(self.engine) as session:
            rows = session.execute(
                select(EVENTS)
                .where(EVENTS.c.stream_id == stream_id, EVENTS.c.stream_version >= from_version)
                .order_by(EVENTS.c.stream_version)
            ).all()
        return [row_to_event(r) for r in rows]

    def get(self, event_id: str) -> RecordedEvent | None:
        with read_session(self.engine) as session:
            row = session.execute(select(EVENTS).where(EVENTS.c.event_id == event_id)).first()
        return row_to_event(row) if row else None

    def read_rows(self, after_position: int = 0, *, batch_size: int = 5000) -> Iterator[tuple[Any, ...]]:
        """Raw rows (columns in EVENTS order, `data`/`meta` as stored text) in position order,
        through the driver's cursor in keyset pages: for audits that stream millions of rows."""
        columns = ", ".join(c.name for c in EVENTS.columns)
        mark = "?" if is_sqlite(self.engine) else "%s"
        sql = f"SELECT {columns} FROM events WHERE position > {mark} ORDER BY position LIMIT {int(batch_size)}"
        cursor = after_position
        while True:
            with self.engine.connect() as conn:
                raw = conn.connection.cursor()
                try:
                    raw.execute(sql, (cursor,))
                    rows = raw.fetchall()
                finally:
                    raw.close()
            yield from rows
            if len(rows) < batch_size:
                return
            cursor = rows[-1][0]

    def read_all(
        self, after_position: int = 0, limit: int | None = None, *, batch_size: int = 2000
    ) -> Iterator[RecordedEvent]:
        """Events in position order, fetched in keyset pages: constant memory, no long transaction."""
        remaining = limit
        cursor = after_position
        while remaining is None or remaining > 0:
            size = batch_size if remaining is None else min(batch_size, remaining)
            with read_session(self.engine) as session:
                rows = session.execute(
                    select(EVENTS).where(EVENTS.c.position > cursor).order_by(EVENTS.c.position).limit(size)
                ).all()
            if not rows:
                return
            for row in rows:
                yield row_to_event(row)
            cursor = rows[-1].position
            if remaining is not None:
                remaining -= len(rows)
            if len(rows) < size:
                return


def _event_keys(idempotency_key: str | None, count: int) -> list[str | None]:
    if idempotency_key is None:
        return [None] * count
    return [idempotency_key if i == 0 else f"{idempotency_key}#{i}" for i in range(count)]


def _to_row(event: RecordedEvent) -> dict[str, Any]:
    return {
        "position": event.position,
        "event_id": event.event_id,
        "stream_id": event.stream_id,
        "stream_version": event.stream_version,
        "type": event.type,
        "schema_version": event.schema_version,
        "occurred_on": event.occurred_on,
        "recorded_at": event.recorded_at,
        "data": canonical_json(event.data),
        "meta": canonical_json(event.meta),
        "idempotency_key": event.idempotency_key,
        "prev_hash": event.prev_hash,
        "hash": event.hash,
    }
