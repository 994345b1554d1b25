"""Same move, many articles: find the earlier report a new one corroborates.

Reads the event log itself (never the projections, which may lag), inside the caller's
transaction so it sees moves appended earlier in the same ingest cycle. Moves live in the
stream of the person as written (`person:<slug>`), so the lookup is an index range scan
on `(stream_id, stream_version)` however large the log is; person merges widen it to
every stream merged into the same person.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from tracker.dates import utc_now
from tracker.events import MOVE_TYPES, upcast
from tracker.extract.model import Move
from tracker.ids import person_id
from tracker.projections.datemath import within
from tracker.projections.resolution import EntityResolver, build_resolver
from tracker.settings import Settings
from tracker.store import EVENTS


def direction_group(direction: str) -> str:
    """'X founded Y' and 'X joined Y as a co-founder' are the same arrival."""
    return "arrived" if direction in ("joined", "founded") else direction


def _merges(session: Session) -> list[tuple[str, str, str]]:
    rows = session.execute(
        select(EVENTS.c.schema_version, EVENTS.c.data)
        .where(EVENTS.c.type == "EntityMerged")
        .order_by(EVENTS.c.position)
    ).all()
    out = []
    for row in rows:
        data = upcast("EntityMerged", row.schema_version, json.loads(row.data))
        out.append((data["kind"], data["alias"], data["canonical"]))
    return out


def _streams(resolver: EntityResolver, merges: list[tuple[str, str, str]], name: str) -> list[str]:
    target = resolver.person_id(name)
    names = {n for kind, alias, canonical in merges if kind == "person" for n in (alias, canonical)}
    streams = {person_id(name), target}
    streams.update(person_id(n) for n in names if resolver.person_id(n) == target)
    return sorted(streams)


def _report_date(value: Any) -> str:
    return value[:10] if isinstance(value, str) else value.date().isoformat()


def find_same_move(session: Session, settings: Settings, move: Move) -> str | None:
    """Event id of the earliest live (not retracted) report of the same person, organisation and
    direction whose date is within `dedup.window_days` of this one, or None."""
    merges = _merges(session)
    resolver = build_resolver(settings, merges)
    rows = session.execute(
        select(
            EVENTS.c.event_id,
            EVENTS.c.type,
            EVENTS.c.schema_version,
            EVENTS.c.occurred_on,
            EVENTS.c.recorded_at,
            EVENTS.c.data,
        )
        .where(
            EVENTS.c.stream_id.in_(_streams(resolver, merges, move.person)),
            EVENTS.c.type.in_([*MOVE_TYPES, "MoveRetracted"]),
        )
        .order_by(EVENTS.c.position)
    ).all()
    retracted = {
        upcast(r.type, r.schema_version, json.loads(r.data))["move_event_id"] for r in rows if r.type == "MoveRetracted"
    }
    org, group = resolver.org_id(move.org), direction_group(move.direction)
    date = move.date or utc_now().date().isoformat()
    window = settings.dedup.window_days
    for row in rows:
        if row.type not in MOVE_TYPES or row.event_id in retracted:
            continue
        data = upcast(row.type, row.schema_version, json.loads(row.data))
        if direction_group(data["direction"]) != group or resolver.org_id(data["org"]) != org:
            continue
        if within(row.occurred_on or _report_date(row.recorded_at), date, window):
            return str(row.event_id)
    return None
