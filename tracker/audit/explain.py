"""Explain a roster line: the events, documents and evidence sentences behind it.

Everything is read from the log and the documents; the projections only say which events
shaped which stint, so an auditor sees exactly what the views were derived from.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import Engine, or_, select

from tracker.dates import iso_utc
from tracker.db import read_session
from tracker.projections.runner import load_resolver
from tracker.projections.tables import LIVE
from tracker.settings import Settings
from tracker.sources.tables import DOCUMENTS
from tracker.store import EVENTS, RecordedEvent, row_to_event


@dataclass
class Source:
    document_id: int | None
    title: str | None
    url: str | None
    fetched_at: str | None


@dataclass
class Report:
    """One event: a move, a corroboration, a retraction or a merge."""

    position: int
    event_id: str
    type: str
    recorded_at: str
    actor: str | None
    occurred_on: str | None
    summary: str
    evidence: str | None
    confidence: float | None
    source: Source | None
    retracted_by: str | None = None


@dataclass
class Stint:
    org: str
    role: str | None
    team: str | None
    since: str | None
    until: str | None
    event_ids: list[str]


@dataclass
class Explanation:
    person: str
    person_id: str
    stints: list[Stint] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _summary(event: RecordedEvent) -> str:
    d = event.current_data
    if event.type == "MoveCorroborated":
        return f"corroborates {d['move_event_id']} ({d['source']})"
    if event.type == "MoveRetracted":
        return f"retracts {d['move_event_id']}: {d['reason']}"
    if event.type == "EntityMerged":
        return f"merges {d['kind']} {d['alias']!r} into {d['canonical']!r}"
    role = f" as {d['role']}" if d.get("role") else ""
    return f"{d['person']} {d['direction']} {d['org']}{role}"


def explain(engine: Engine, settings: Settings, person: str, org: str | None = None) -> Explanation:
    """The person's stints (at `org`, or everywhere) and every event that shaped them."""
    with read_session(engine) as session:
        resolver = load_resolver(session, settings, LIVE)
        pid = resolver.person_id(person)
        org_id = resolver.org_id(org) if org else None
        spans, moves, sources = LIVE.spans, LIVE.moves, LIVE.sources
        span_q = select(spans).where(spans.c.person_id == pid).order_by(spans.c.seq)
        move_q = select(moves).where(moves.c.person_id == pid).order_by(moves.c.position)
        if org_id:
            span_q = span_q.where(spans.c.org_id == org_id)
            move_q = move_q.where(or_(moves.c.org_id == org_id, moves.c.other_org_id == org_id))
        span_rows = session.execute(span_q).all()
        move_rows = session.execute(move_q).all()
        move_ids = [m.event_id for m in move_rows]
        source_rows = session.execute(select(sources).where(sources.c.move_event_id.in_(move_ids))).all()
        merge_rows = session.execute(
            select(LIVE.merges.c.position).where(or_(LIVE.merges.c.canonical_id == pid, LIVE.merges.c.alias_id == pid))
        ).all()
        retracted = {r.event_id: r.retracted_by for r in [*move_rows, *source_rows] if r.retracted_by}
        wanted = [*move_ids, *(s.event_id for s in source_rows), *retracted.values()]
        events = [row_to_event(r) for r in session.execute(select(EVENTS).where(EVENTS.c.event_id.in_(wanted)))]
        events += [
            row_to_event(r)
            for r in session.execute(select(EVENTS).where(EVENTS.c.position.in_([m.position for m in merge_rows])))
        ]
        doc_ids = {int(e.meta["document_id"]) for e in events if str(e.meta.get("document_id", "")).isdigit()}
        documents = {
            d.id: Source(d.id, d.title, d.url, iso_utc(d.fetched_at))
            for d in session.execute(select(DOCUMENTS).where(DOCUMENTS.c.id.in_(doc_ids)))
        }
    explanation = Explanation(resolver.person_name(person), pid)
    for s in span_rows:
        explanation.stints.append(
            Stint(resolver.org_name(s.org_raw), s.role, s.team, s.since, s.until, json.loads(s.event_ids))
        )
    for event in sorted(events, key=lambda e: e.position):
        doc_id = str(event.meta.get("document_id") or "")
        source = documents.get(int(doc_id)) if doc_id.isdigit() else None
        if source is None and event.meta.get("source_url"):
            source = Source(None, None, str(event.meta["source_url"]), None)
        explanation.reports.append(
            Report(
                position=event.position,
                event_id=event.event_id,
                type=event.type,
                recorded_at=iso_utc(event.recorded_at),
                actor=event.meta.get("actor"),
                occurred_on=event.occurred_on,
                summary=_summary(event),
                evidence=event.meta.get("evidence"),
                confidence=event.meta.get("confidence"),
                source=source,
                retracted_by=retracted.get(event.event_id),
            )
        )
    return explanation
