"""The alert outbox: rows written in the same transaction as the event that makes them."""

from __future__ import annotations

from sqlmodel import Session

from tracker.settings import Settings
from tracker.store import RecordedEvent


def enqueue_for_event(session: Session, settings: Settings, event: RecordedEvent) -> int:
    """Write outbox rows for `event` if it is notable; returns how many. Seam: filled by the alerts work."""
    return 0
