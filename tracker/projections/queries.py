"""Read the projections: roster at a date, a person's timeline, alumni flows.

Names are resolved at query time (config aliases plus the merges the projection has
applied), so the stored rows keep the names as written and a merge needs no rewrite of
display text. Callers catch up first with `run_projections` so answers are never stale.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass
from itertools import groupby
from typing import Any, NamedTuple

from orjson import loads
from sqlalchemy import Engine, select

from tracker.dates import floor
from tracker.db import read_session
from tracker.projections.derive import ARRIVALS, flows_of, span_from_row, transitions_of
from tracker.projections.facts import fact_from_row, facts_query
from tracker.projections.resolution import EntityResolver
from tracker.projections.runner import load_resolver
from tracker.projections.tables import LIVE, TableSet
from tracker.settings import Settings


class RosterLine(NamedTuple):
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
        return self._asdict()


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


def _merged_people(session: Any, tables: TableSet = LIVE) -> set[str]:
    """Person ids some merge resolved to: only their display name can differ from the name as written."""
    m = tables.merges
    return set(session.execute(select(m.c.canonical_id).where(m.c.kind == "person")).scalars())


def roster(
    engine: Engine, settings: Settings, org: str, as_of: str | None = None, *, tables: TableSet = LIVE
) -> list[RosterLine]:
    """Who is at `org` now (open stints), or on `as_of` (the first day a partial date denotes).
    `tables=SCRATCH` reads an audit's replay instead of the live views.

    A stint with an unknown start counts from the beginning of time; one with an unknown
    end (still there) counts to the end. The index on (org_id, since_floor, until_floor)
    answers the date test without reading the rows that fail it.
    """
    with read_session(engine) as session:
        resolver = load_resolver(session, settings, tables)
        merged = _merged_people(session, tables)
        mark = "?" if session.get_bind().dialect.name == "sqlite" else "%s"
        params: tuple[str, ...] = (resolver.org_id(org),)
        where = "until_floor IS NULL"
        if as_of is not None:
            where = f"(since_floor IS NULL OR since_floor <= {mark}) AND (until_floor IS NULL OR until_floor > {mark})"
            day = floor(as_of).isoformat()
            params += (day, day)
        # the driver's cursor, no per-row wrapping: a roster can be thousands of lines
        cursor = session.connection().connection.cursor()
        try:
            cursor.execute(
                "SELECT person_id, seq, person_raw, role, team, since, since_approximate, until, opened_by, "
                f"event_ids FROM {tables.spans.name} WHERE org_id = {mark} AND {where}",
                params,
            )
            rows = cursor.fetchall()
        finally:
            cursor.close()
    latest: dict[str, tuple[Any, ...]] = {}
    for row in rows:  # one line per person: their latest stint
        seen = latest.get(row[0])
        if seen is None or row[1] > seen[1]:
            latest[row[0]] = row
    org_name = resolver.org_name(org)
    lines = [
        RosterLine(
            resolver.person_name(name) if pid in merged else name,
            pid,
            org_name,
            role,
            team,
            since,
            bool(approximate),
            until,
            opened_by,
            loads(event_ids),
        )
        for pid, _, name, role, team, since, approximate, until, opened_by, event_ids in latest.values()
    ]
    return sorted(lines, key=lambda line: (line.person.casefold(), line.person_id))


def _sources(session: Any, moves: list[Any]) -> dict[str, list[str]]:
    """Every live source of each move: its own URL, then corroborating reports in log order."""
    src = LIVE.sources
    out: dict[str, list[str]] = {m.event_id: [m.source_url] if m.source_url else [] for m in moves}
    ids = list(out)
    for i in range(0, len(ids), 500):
        rows = session.execute(
            select(src.c.move_event_id, src.c.source)
            .where(src.c.move_event_id.in_(ids[i : i + 500]), src.c.retracted_by.is_(None))
            .order_by(src.c.position)
        )
        for row in rows:
            if row.source and row.source not in out[row.move_event_id]:
                out[row.move_event_id].append(row.source)
    return out


def timeline(engine: Engine, settings: Settings, name: str) -> tuple[str, list[dict[str, Any]]]:
    """A person's transitions in order, each with its dates, role and every source; returns
    (display name, entries). Derived from the person's move facts with the runner's own code."""
    m = LIVE.moves
    with read_session(engine) as session:
        resolver = load_resolver(session, settings, LIVE)
        pid = resolver.person_id(name)
        rows = session.execute(facts_query(LIVE).where(m.c.person_id == pid)).all()
        sources = _sources(session, list(session.execute(
            select(m.c.event_id, m.c.source_url).where(m.c.person_id == pid, m.c.retracted_by.is_(None))
        )))  # fmt: skip
    transitions = transitions_of([fact_from_row(r) for r in rows], settings.dedup.window_days)
    display = resolver.person_name(transitions[0].person_raw) if transitions else name
    entries = [
        {
            "kind": t.kind,
            "from_org": _org(resolver, t.from_raw),
            "to_org": _org(resolver, t.to_raw),
            "left_on": t.left_on,
            "joined_on": t.joined_on,
            "approximate": t.approximate,
            "founded": t.founded,
            "role": t.role,
            "team": t.team,
            "event_ids": t.event_ids,
            "sources": [u for i in t.event_ids for u in sources.get(i, [])],
        }
        for t in transitions
    ]
    return display, entries


def _org(resolver: EntityResolver, raw: str | None) -> str | None:
    return resolver.org_name(raw) if raw else None


def _people_at(session: Any, org: str, *, arrived: bool) -> set[str]:
    s = LIVE.spans
    query = select(s.c.person_id).where(s.c.org_id == org)
    query = query.where(s.c.opened_by.in_(ARRIVALS)) if arrived else query.where(s.c.until.is_not(None))
    return set(session.execute(query).scalars())


def _flows(session: Any, settings: Settings, people: set[str] | None, orgs: list[str] | None) -> list[dict[str, Any]]:
    """flows_of over the spans of `people` (all when None), optionally only at `orgs`: flows
    between A and B depend only on the stints at A and B, so that restriction is exact."""
    s = LIVE.spans
    window = settings.dedup.window_days
    base = select(s).order_by(s.c.person_id, s.c.seq)
    if orgs is not None:
        base = base.where(s.c.org_id.in_(orgs))
    if people is None:
        batches: list[Any] = [base]
    else:
        ordered = sorted(people)
        batches = [base.where(s.c.person_id.in_(ordered[i : i + 500])) for i in range(0, len(ordered), 500)]
    out: list[dict[str, Any]] = []
    for query in batches:
        rows = session.execute(query).all()
        for person, group in groupby(rows, key=lambda r: r.person_id):
            out.extend({"person_id": person, **f} for f in flows_of([span_from_row(r) for r in group], window))
    return out


def flows(
    engine: Engine,
    settings: Settings,
    *,
    from_org: str | None = None,
    to_org: str | None = None,
    since: str | None = None,
) -> list[FlowLine]:
    """People who left `from_org` and later joined `to_org` (either may be open), joined on or
    after `since`. Computed from the roster spans of the people who could qualify."""
    with read_session(engine) as session:
        resolver = load_resolver(session, settings, LIVE)
        a = resolver.org_id(from_org) if from_org else None
        b = resolver.org_id(to_org) if to_org else None
        people: set[str] | None = None
        if a:
            people = _people_at(session, a, arrived=False)
        if b:
            at_b = _people_at(session, b, arrived=True)
            people = at_b if people is None else people & at_b
        found = _flows(session, settings, people, [a, b] if a and b else None)
    day = floor(since).isoformat() if since else None
    lines = [
        FlowLine(
            person=resolver.person_name(f["person_raw"]),
            person_id=f["person_id"],
            from_org=resolver.org_name(f["from_raw"]),
            to_org=resolver.org_name(f["to_raw"]),
            left_on=f["left_on"],
            joined_on=f["joined_on"],
            event_ids=json.loads(f["event_ids"]),
        )
        for f in found
        if (a is None or f["from_org_id"] == a)
        and (b is None or f["to_org_id"] == b)
        and (day is None or f["joined_floor"] >= day)
    ]
    return sorted(lines, key=lambda f: (floor(f.joined_on), f.person_id, f.from_org, f.to_org))


def watched_orgs(settings: Settings) -> list[str]:
    """The organisations of the matrix view: the watchlist, then the configured ones."""
    names = [*settings.watchlist.organizations, *(o.name for o in settings.organizations)]
    return list(dict.fromkeys(names))


def flow_matrix(
    engine: Engine, settings: Settings, orgs: list[str], since: str | None = None
) -> tuple[list[str], dict[tuple[str, str], int]]:
    """Counts of people per (from, to) pair among `orgs`, keyed by display names."""
    with read_session(engine) as session:
        resolver = load_resolver(session, settings, LIVE)
        ids = {resolver.org_id(o): resolver.org_name(o) for o in orgs}
        found = _flows(session, settings, None, list(ids)) if ids else []
    day = floor(since).isoformat() if since else None
    counts = Counter(
        (ids[f["from_org_id"]], ids[f["to_org_id"]]) for f in found if day is None or f["joined_floor"] >= day
    )
    return list(ids.values()), dict(counts)
