"""Same move, many articles: find the earlier report a new one corroborates."""

from __future__ import annotations

from sqlmodel import Session

from tracker.extract.model import Move
from tracker.settings import Settings


def find_same_move(session: Session, settings: Settings, move: Move) -> str | None:
    """Event id of an earlier MoveReported for the same person, org and direction within the
    dedup window, or None. Seam: filled by the projections work."""
    return None
