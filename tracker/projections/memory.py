"""A roster folded from the whole log in memory: the first, uncheckpointed roster view."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tracker.events import MOVE_TYPES, MoveReported, MoveRetracted
from tracker.ids import org_id, person_id
from tracker.store import RecordedEvent


@dataclass
class RosterLine:
    person: str
    role: str | None
    team: str | None
    since: str | None
    event_ids: list[str]


def fold_roster(events: Iterable[RecordedEvent], org: str) -> list[RosterLine]:
    """Who is at `org` after all `events`: joins and foundings open a line, departures close it."""
    target = org_id(org)
    retracted: set[str] = set()
    moves: list[tuple[RecordedEvent, MoveReported]] = []
    for event in events:
        payload = event.payload
        if isinstance(payload, MoveRetracted):
            retracted.add(payload.move_event_id)
        elif event.type in MOVE_TYPES and isinstance(payload, MoveReported) and org_id(payload.org) == target:
            moves.append((event, payload))
    lines: dict[str, RosterLine] = {}
    for event, move in moves:
        if event.event_id in retracted:
            continue
        key = person_id(move.person)
        if move.direction in ("joined", "founded"):
            lines[key] = RosterLine(move.person, move.role, move.team, event.occurred_on, [event.event_id])
        elif move.direction == "left":
            lines.pop(key, None)
        elif move.direction == "role_changed":
            line = lines.setdefault(key, RosterLine(move.person, None, None, event.occurred_on, []))
            line.role, line.team = move.role or line.role, move.team or line.team
            line.event_ids.append(event.event_id)
    return sorted(lines.values(), key=lambda line: line.person)
