"""Read the projections: roster at a date, a person's timeline, alumni flows.

Names are resolved at query time (config aliases plus the merges the projection has
applied), so the stored rows keep the names as written and a merge needs no rewrite of
display text. Callers catch up first with `run_projections` so answers are never stale.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Engine, and_, or_, select

from tracker.dates import floor
from tracker.db import read_session
from tracker.projections.resolution import EntityResolver
from tracker.projections.runner import load_resolver
from tracker.projections.tables import LIVE
from tracker.settings import Settings


@dataclass(frozen=True)
class RosterLine:
    person: str
    person_id: str
    org: str
    role: str | None
    team: str | None
    since: str | None
    since_approximate: bool
    until: str | None
    opened_by: str | None
    event_ids: list[str]

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class FlowLine:
    person: str
    person_id: str
    from_org: str
    to_org: str
    left_on: str
    joined_on: str
    event_ids: list[str]

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def roster(engine: Engine, settings: Settings, org: str, as_of: str | None = None) -> list[RosterLine]:
    """Who is at `org` now (open stints), or on `as_of` (the first day a partial date denotes).

    A stint with an unknown start counts from the beginning of time; one with an unknown
    end (still there) counts to the end.
    """
    s = LIVE.spans
    with read_session(engine) as session:
        resolver = load_resolver(session, settings, LIVE)
        query = select(s).where(s.c.org_id == resolver.org_id(org))
        if as_of is None:
            query = query.where(s.c.until.is_(None))
        else:
            day = floor(as_of).isoformat()
            query = query.where(
                or_(s.c.since_floor.is_(None), s.c.since_floor <= day),
                or_(s.c.until_floor.is_(None), s.c.until_floor > day),
            )
        rows = session.execute(query.order_by(s.c.person_id, s.c.seq)).all()
    latest = {row.person_id: row for row in rows}  # one line per person: their latest stint
    lines = [
        RosterLine(
            person=resolver.person_name(r.person_raw),
            person_id=r.person_id,
            org=resolver.org_name(r.org_raw),
            role=r.role,
            team=r.team,
            since=r.since,
            since_approximate=bool(r.since_approximate),
            until=r.until,
            opened_by=r.opened_by,
            event_ids=json.loads(r.event_ids),
        )
        for r in latest.values()
    ]
    return sorted(lines, key=lambda line: (line.person.casefold(), line.person_id))


def _sources(session: Any, event_ids: list[str]) -> dict[str, list[str]]:
    """Every live source of each move: its own URL, then corroborating reports in log order."""
    m, src = LIVE.moves, LIVE.sources
    out: dict[str, list[str]] = {i: [] for i in event_ids}
    for row in session.execute(select(m.c.event_id, m.c.source_url).where(m.c.event_id.in_(event_ids))):
        if row.source_url:
            out[row.event_id].append(row.source_url)
    rows = session.execute(
        select(src.c.move_event_id, src.c.source)
        .where(src.c.move_event_id.in_(event_ids), src.c.retracted_by.is_(None))
        .order_by(src.c.position)
    )
    for row in rows:
        if row.source and row.source not in out[row.move_event_id]:
            out[row.move_event_id].append(row.source)
    return out


def timeline(engine: Engine, settings: Settings, name: str) -> tuple[str, list[dict[str, Any]]]:
    """A person's transitions in order, each with its dates, role and every source; returns
    (display name, entries)."""
    t = LIVE.transitions
    with read_session(engine) as session:
        resolver = load_resolver(session, settings, LIVE)
        pid = resolver.person_id(name)
        rows = session.execute(select(t).where(t.c.person_id == pid).order_by(t.c.seq)).all()
        ids = [i for r in rows for i in json.loads(r.event_ids)]
        sources = _sources(session, ids) if ids else {}
    display = resolver.person_name(rows[0].person_raw) if rows else name
    entries = []
    for r in rows:
        event_ids = json.loads(r.event_ids)
        entries.append({
            "kind": r.kind, "from_org": _org(resolver, r.from_raw), "to_org": _org(resolver, r.to_raw),
            "left_on": r.left_on, "joined_on": r.joined_on, "approximate": bool(r.approximate),
            "founded": bool(r.founded), "role": r.role, "team": r.team, "event_ids": event_ids,
            "sources": [u for i in event_ids for u in sources.get(i, [])],
        })  # fmt: skip
    return display, entries


def _org(resolver: EntityResolver, raw: str | None) -> str | None:
    return resolver.org_name(raw) if raw else None


def flows(
    engine: Engine,
    settings: Settings,
    *,
    from_org: str | None = None,
    to_org: str | None = None,
    since: str | None = None,
) -> list[FlowLine]:
    """People who left `from_org` and later joined `to_org` (either may be open), joined on or after `since`."""
    f = LIVE.flows
    with read_session(engine) as session:
        resolver = load_resolver(session, settings, LIVE)
        query = select(f)
        if from_org:
            query = query.where(f.c.from_org_id == resolver.org_id(from_org))
        if to_org:
            query = query.where(f.c.to_org_id == resolver.org_id(to_org))
        if since:
            query = query.where(f.c.joined_floor >= floor(since).isoformat())
        rows = session.execute(query.order_by(f.c.joined_floor, f.c.person_id, f.c.from_org_id, f.c.to_org_id)).all()
    return [
        FlowLine(
            person=resolver.person_name(r.person_raw),
            person_id=r.person_id,
            from_org=resolver.org_name(r.from_raw),
            to_org=resolver.org_name(r.to_raw),
            left_on=r.left_on,
            joined_on=r.joined_on,
            event_ids=json.loads(r.event_ids),
        )
        for r in rows
    ]


def watched_orgs(settings: Settings) -> list[str]:
    """The organisations of the matrix view: the watchlist, then the configured ones."""
    names = [*settings.watchlist.organizations, *(o.name for o in settings.organizations)]
    return list(dict.fromkeys(names))


def flow_matrix(
    engine: Engine, settings: Settings, orgs: list[str], since: str | None = None
) -> tuple[list[str], dict[tuple[str, str], int]]:
    """Counts of people per (from, to) pair among `orgs`, keyed by display names."""
    f = LIVE.flows
    with read_session(engine) as session:
        resolver = load_resolver(session, settings, LIVE)
        ids = {resolver.org_id(o): resolver.org_name(o) for o in orgs}
        query = select(f.c.from_org_id, f.c.to_org_id).where(
            and_(f.c.from_org_id.in_(list(ids)), f.c.to_org_id.in_(list(ids)))
        )
        if since:
            query = query.where(f.c.joined_floor >= floor(since).isoformat())
        counts = Counter((ids[r.from_org_id], ids[r.to_org_id]) for r in session.execute(query))
    return list(ids.values()), dict(counts)
