"""Recording a reported move: dedup against earlier reports, append, enqueue alerts.

Runs inside the caller's transaction so a document, its events and their alert outbox
rows commit together or not at all.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlmodel import Session

from tracker.alerts.outbox import enqueue_for_event
from tracker.events import MoveCorroborated, MoveReported
from tracker.extract.model import Move
from tracker.ids import org_id, person_id
from tracker.projections.dedup import find_same_move
from tracker.settings import Settings
from tracker.store import EventStore, NewEvent, RecordedEvent


def move_key(document_id: str | int, move: Move) -> str:
    """Idempotency key: the same document re-read never appends the same move twice."""
    return f"doc:{document_id}:{person_id(move.person)}:{org_id(move.org)}:{move.direction}"


def record_move(
    session: Session,
    store: EventStore,
    settings: Settings,
    move: Move,
    *,
    idempotency_key: str,
    meta: Mapping[str, Any],
) -> RecordedEvent:
    """Append MoveReported (first report) or MoveCorroborated (same move seen before)."""
    full_meta = {
        **meta,
        "evidence": move.evidence,
        "confidence": move.confidence,
        "date_approximate": move.date_approximate,
    }
    earlier = find_same_move(session, settings, move)
    if earlier is not None:
        payload: MoveReported | MoveCorroborated = MoveCorroborated(
            move_event_id=earlier, source=str(meta.get("source_url") or meta.get("document_id") or "")
        )
    else:
        payload = MoveReported(
            person=move.person, org=move.org, direction=move.direction, role=move.role, team=move.team,
            seniority=move.seniority, destination_org=move.destination_org, origin_org=move.origin_org,
        )  # fmt: skip
    [event] = store.append(
        person_id(move.person),
        [NewEvent(payload, occurred_on=move.date, meta=full_meta)],
        idempotency_key=idempotency_key,
        session=session,
    )
    enqueue_for_event(session, settings, event)
    return event
