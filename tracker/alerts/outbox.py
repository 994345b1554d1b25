"""The alert outbox: rows written in the same transaction as the event that makes them.

The outbox is delivery state, not history: rows move pending -> sending -> sent, or to
failed (retried later), parked (gave up; needs a human), cancelled (the move was retracted
before anyone saw it). `alert_key` is unique, so enqueueing the same event twice (an
idempotent re-append returns the original event) never makes a second alert.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import BigInteger, Column, Date, DateTime, Engine, Integer, String, Text, insert, select, update
from sqlmodel import Field, Session, SQLModel

from tracker.alerts.render import Message, render_correction, render_flow, render_move
from tracker.alerts.rules import OrgNames, confident_enough, flow_hits, move_facts, move_reasons
from tracker.dates import to_utc, utc_now
from tracker.db import read_session
from tracker.events import MOVE_TYPES, MoveCorroborated, MoveRetracted
from tracker.ids import person_id, slugify
from tracker.settings import Settings
from tracker.store import EVENTS, RecordedEvent, row_to_event

PENDING, SENDING, SENT, FAILED, PARKED, CANCELLED = "pending", "sending", "sent", "failed", "parked", "cancelled"
STATES: tuple[str, ...] = (PENDING, SENDING, SENT, FAILED, PARKED, CANCELLED)
KINDS: tuple[str, ...] = ("move", "flow", "correction")


class AlertRow(SQLModel, table=True):
    """The `alert_outbox` table as created by migration 0004 (the migration is the source of truth)."""

    __tablename__ = "alert_outbox"
    id: int | None = Field(default=None, sa_column=Column(Integer, primary_key=True, autoincrement=True))
    alert_key: str = Field(sa_column=Column(String(255), nullable=False, unique=True))
    kind: str = Field(sa_column=Column(String(16), nullable=False))
    event_position: int = Field(sa_column=Column(BigInteger().with_variant(Integer(), "sqlite"), nullable=False))
    event_id: str = Field(sa_column=Column(String(36), nullable=False))
    move_event_id: str | None = Field(default=None, sa_column=Column(String(36)))
    reply_to_key: str | None = Field(default=None, sa_column=Column(String(255)))
    subject: str | None = Field(default=None, sa_column=Column(String(255)))
    subject_on: date | None = Field(default=None, sa_column=Column(Date))
    channel: str = Field(sa_column=Column(String(255), nullable=False))
    state: str = Field(sa_column=Column(String(16), nullable=False))
    attempts: int = Field(default=0, sa_column=Column(Integer, nullable=False))
    last_error: str | None = Field(default=None, sa_column=Column(Text))
    next_attempt_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    claimed_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    message_key: str | None = Field(default=None, sa_column=Column(String(255)))
    summary: str = Field(sa_column=Column(Text, nullable=False))
    payload: str = Field(sa_column=Column(Text, nullable=False))
    slack_channel: str | None = Field(default=None, sa_column=Column(String(255)))
    slack_ts: str | None = Field(default=None, sa_column=Column(String(64)))
    thread_ts: str | None = Field(default=None, sa_column=Column(String(64)))
    created_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    sent_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))


OUTBOX = AlertRow.__table__  # type: ignore[attr-defined]


def enqueue_for_event(session: Session, settings: Settings, event: RecordedEvent) -> int:
    """Write outbox rows for `event` if it is notable; returns how many were new.

    Runs in the caller's transaction (the one that appended `event`), so the event and its
    alerts commit together. MoveCorroborated never makes a second alert; MoveRetracted cancels
    alerts not yet delivered and enqueues a correction in the thread of one that was.
    """
    if event.type in MOVE_TYPES:
        return _enqueue_move(session, settings, event)
    if event.type == MoveCorroborated.type:
        return _enqueue_confirmed(session, settings, event)
    if event.type == MoveRetracted.type:
        return _enqueue_correction(session, settings, event)
    return 0


def _enqueue_move(session: Session, settings: Settings, event: RecordedEvent) -> int:
    facts = move_facts(event)
    if not confident_enough(settings, facts):
        return 0
    names = OrgNames(settings)
    added = 0
    reasons = move_reasons(settings, facts)
    subject = f"{person_id(facts.person)}|{names.canonical(facts.org)}|{facts.direction}"
    if reasons and not _already_alerted(session, settings, subject, facts.day):
        message = render_move(facts, names, reasons)
        added += _insert(session, settings, event, "move", f"move:{event.event_id}", facts.event_id,
                         _summary(message), message, subject=(subject, facts.day))  # fmt: skip
    for hit in flow_hits(session, settings, facts):
        message = render_flow(facts, hit)
        key = f"flow:{hit.key}:{slugify(facts.person)}"
        added += _insert(session, settings, event, "flow", key, facts.event_id, _summary(message), message)
    return added


def _enqueue_confirmed(session: Session, settings: Settings, event: RecordedEvent) -> int:
    """A hedged first report ("is expected to join") stays below `min_confidence` and quiet; when
    a later report of the same move is confident, the move alerts then, with that report's
    evidence and link. The alert key is the move's, so a move that already alerted never
    alerts twice."""
    payload = event.payload
    assert isinstance(payload, MoveCorroborated)
    row = session.execute(select(EVENTS).where(EVENTS.c.event_id == payload.move_event_id)).first()
    if row is None:
        return 0
    move = row_to_event(row)
    return _enqueue_move(session, settings, replace(move, meta={**move.meta, **event.meta}))


def _enqueue_correction(session: Session, settings: Settings, event: RecordedEvent) -> int:
    payload = event.payload
    assert isinstance(payload, MoveRetracted)
    rows = session.execute(
        select(OUTBOX).where(OUTBOX.c.move_event_id == payload.move_event_id, OUTBOX.c.kind != "correction")
        .order_by(OUTBOX.c.id)
    ).all()  # fmt: skip
    if not rows:
        return 0
    undelivered = [r.id for r in rows if r.state in (PENDING, FAILED, PARKED)]
    if undelivered:
        session.execute(
            update(OUTBOX).where(OUTBOX.c.id.in_(undelivered))
            .values(state=CANCELLED, last_error=f"move retracted before delivery: {payload.reason}", next_attempt_at=None)
        )  # fmt: skip
    delivered = [r for r in rows if r.state in (SENT, SENDING)]
    if not delivered:
        return 0
    original = min(delivered, key=lambda r: (r.kind != "move", r.id))
    move_row = session.execute(select(EVENTS).where(EVENTS.c.event_id == payload.move_event_id)).first()
    if move_row is None:  # pragma: no cover - an outbox row always points at a stored event
        return 0
    facts = move_facts(row_to_event(move_row))
    message = render_correction(facts, OrgNames(settings), payload.reason)
    return _insert(session, settings, event, "correction", f"correction:{event.event_id}", payload.move_event_id,
                   _summary(message), message, reply_to_key=original.alert_key)  # fmt: skip


def _already_alerted(session: Session, settings: Settings, subject: str, day: date) -> bool:
    """Belt and braces for dedup: a second MoveReported of the same person, organisation and
    direction within the dedup window (a report dedup could not link) does not alert again."""
    days = session.execute(
        select(OUTBOX.c.subject_on).where(OUTBOX.c.subject == subject, OUTBOX.c.state != CANCELLED)
    ).scalars()
    return any(d is not None and abs((d - day).days) <= settings.dedup.window_days for d in days)


def _summary(message: Message) -> str:
    for block in message.get("blocks", []):
        if block.get("type") == "header":
            return str(block["text"]["text"])
    return str(message.get("text", ""))[:200]


def _insert(
    session: Session, settings: Settings, event: RecordedEvent, kind: str, key: str, move_event_id: str,
    summary: str, message: Message, *, reply_to_key: str | None = None, subject: tuple[str, date] | None = None,
) -> int:  # fmt: skip
    """Insert unless the key exists. Appends are serialised by the event store's lock, which
    the caller's transaction holds, so select-then-insert cannot race another enqueue."""
    exists = session.execute(select(OUTBOX.c.id).where(OUTBOX.c.alert_key == key)).first()
    if exists:
        return 0
    session.execute(
        insert(OUTBOX).values(
            alert_key=key, kind=kind, event_position=event.position, event_id=event.event_id,
            move_event_id=move_event_id, reply_to_key=reply_to_key, channel=settings.slack.channel,
            subject=subject[0] if subject else None, subject_on=subject[1] if subject else None,
            state=PENDING, attempts=0, summary=summary, payload=json.dumps(message, ensure_ascii=False),
            created_at=utc_now(),
        )
    )  # fmt: skip
    return 1


@dataclass(frozen=True)
class AlertView:
    id: int
    alert_key: str
    kind: str
    state: str
    channel: str
    summary: str
    attempts: int
    last_error: str | None
    next_attempt_at: datetime | None
    slack_channel: str | None
    slack_ts: str | None
    thread_ts: str | None
    event_position: int
    event_id: str
    created_at: datetime
    sent_at: datetime | None

    def to_json(self) -> dict[str, Any]:
        out = dict(self.__dict__)
        for name in ("next_attempt_at", "created_at", "sent_at"):
            value = out[name]
            out[name] = value.isoformat() if value else None
        return out


def list_alerts(engine: Engine, state: str | None = None, limit: int | None = None) -> list[AlertView]:
    """Outbox rows, oldest first (optionally one state)."""
    query = select(*[OUTBOX.c[name] for name in AlertView.__dataclass_fields__]).order_by(OUTBOX.c.id)
    if state:
        query = query.where(OUTBOX.c.state == state)
    if limit:
        query = query.limit(limit)
    with read_session(engine) as session:
        rows = session.execute(query).all()
    views = []
    for row in rows:
        data = dict(row._mapping)
        for name in ("next_attempt_at", "created_at", "sent_at"):
            if data[name] is not None:
                data[name] = to_utc(data[name])
        views.append(AlertView(**data))
    return views
