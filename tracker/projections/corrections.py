"""Corrections are events too: a retraction or a merge is appended, never an edit.

Retractions go to the stream of the event they retract (the person's stream), so the
dedup lookup, which reads person streams, sees them without scanning the log.
"""

from __future__ import annotations

import json

from sqlalchemy import Engine, select

from tracker.alerts.outbox import enqueue_for_event
from tracker.db import transaction
from tracker.events import MOVE_TYPES, EntityMerged, MoveRetracted
from tracker.ids import org_id, person_id
from tracker.settings import Settings
from tracker.store import EVENTS, EventStore, NewEvent, RecordedEvent, row_to_event

RETRACTABLE = frozenset({*MOVE_TYPES, "MoveCorroborated"})


class CorrectionError(Exception):
    """A correction that cannot apply (unknown event, wrong type, already done)."""


def retract(engine: Engine, event_id: str, reason: str, actor: str, settings: Settings | None = None) -> RecordedEvent:
    """Append MoveRetracted for a move (or one corroborating report of it). With `settings`, a
    correction for an alerted move joins the alert outbox in the same transaction."""
    if not reason.strip():
        raise CorrectionError("a retraction needs a reason")
    store = EventStore(engine)
    with transaction(engine) as session:
        row = session.execute(select(EVENTS).where(EVENTS.c.event_id == event_id)).first()
        if row is None:
            raise CorrectionError(f"no event with id {event_id!r}")
        target = row_to_event(row)
        if target.type not in RETRACTABLE:
            raise CorrectionError(
                f"event {event_id} is a {target.type}; only moves and corroborations can be retracted"
            )
        earlier = session.execute(
            select(EVENTS.c.position, EVENTS.c.data).where(
                EVENTS.c.stream_id == target.stream_id, EVENTS.c.type == "MoveRetracted"
            )
        ).all()
        for other in earlier:
            if json.loads(other.data).get("move_event_id") == event_id:
                raise CorrectionError(f"event {event_id} was already retracted at position {other.position}")
        payload = MoveRetracted(move_event_id=event_id, reason=reason.strip())
        [event] = store.append(target.stream_id, [NewEvent(payload, meta={"actor": actor})], session=session)
        if settings is not None:
            enqueue_for_event(session, settings, event)
    return event


def merge(engine: Engine, kind: str, alias: str, canonical: str, actor: str) -> RecordedEvent:
    """Append EntityMerged: from now on (and looking back) `alias` is `canonical`."""
    if kind not in ("person", "org"):
        raise CorrectionError(f"kind must be 'person' or 'org', not {kind!r}")
    entity = person_id if kind == "person" else org_id
    if not alias.strip() or not canonical.strip():
        raise CorrectionError("alias and canonical names must not be empty")
    if entity(alias) == entity(canonical):
        raise CorrectionError(f"{alias!r} and {canonical!r} already name the same {kind} ({entity(alias)})")
    payload = EntityMerged(kind=kind, alias=alias.strip(), canonical=canonical.strip())
    [event] = EventStore(engine).append(entity(alias), [NewEvent(payload, meta={"actor": actor})])
    return event
