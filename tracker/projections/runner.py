"""The projection runner: apply events after the checkpoint, or rebuild from position 0.

Each batch of events and the checkpoint that covers it commit in one transaction, so a
crash never applies an event twice or skips one. Applying an event updates the `moves`
facts (insert, retract, re-resolve on merge); the people an event touched are then
re-derived whole from their facts (`derive.py`). A rebuild applies every event to the
facts first and derives each person once at the end: the same function of the same facts,
hence the same bytes as incremental application.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime
from itertools import groupby
from typing import Any

from sqlalchemy import Engine, String, bindparam, delete, func, insert, select, text, type_coerce, update
from sqlalchemy.engine import Row
from sqlmodel import Session

from tracker.dates import to_utc
from tracker.db import transaction
from tracker.events import MOVE_TYPES, upcast
from tracker.projections.derive import MoveFact, derive
from tracker.projections.resolution import EntityResolver, build_resolver
from tracker.projections.tables import CHECKPOINTS, VIEWS, TableSet, Target, tables_for
from tracker.settings import Settings
from tracker.store import EVENTS

# Arbitrary constant naming the "projection runner" advisory lock on PostgreSQL.
PROJECTION_LOCK = 7_250_003
CHUNK = 500  # ids per IN (...) list
Progress = Callable[[int, int], None]  # (events applied, events to apply)


def _event_columns(session: Session) -> list[Any]:
    recorded = EVENTS.c.recorded_at
    if session.get_bind().dialect.name == "sqlite":
        recorded = type_coerce(recorded, String)  # raw UTC text: parsing a datetime per row is the hot path
    return [
        EVENTS.c.position, EVENTS.c.event_id, EVENTS.c.type, EVENTS.c.schema_version, EVENTS.c.occurred_on,
        recorded.label("recorded_at"), EVENTS.c.data, EVENTS.c.meta,
    ]  # fmt: skip


def _fetch(session: Session, after: int, upto: int | None, limit: int) -> Sequence[Row[Any]]:
    query = select(*_event_columns(session)).where(EVENTS.c.position > after)
    if upto is not None:
        query = query.where(EVENTS.c.position <= upto)
    return session.execute(query.order_by(EVENTS.c.position).limit(limit)).all()


def _report_date(value: str | datetime) -> str:
    return value[:10] if isinstance(value, str) else to_utc(value).date().isoformat()


def _lock(session: Session) -> None:
    if session.get_bind().dialect.name != "sqlite":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PROJECTION_LOCK})


def load_resolver(session: Session, settings: Settings, tables: TableSet) -> EntityResolver:
    """The resolver as of the projection's checkpoint: config aliases plus the merges applied so far."""
    rows = session.execute(
        select(tables.merges.c.kind, tables.merges.c.alias, tables.merges.c.canonical).order_by(
            tables.merges.c.position
        )
    ).all()
    return build_resolver(settings, [(r.kind, r.alias, r.canonical) for r in rows])


def checkpoint(session: Session, tables: TableSet) -> int:
    value = session.execute(
        select(CHECKPOINTS.c.position).where(CHECKPOINTS.c.name == tables.checkpoint_name)
    ).scalar_one_or_none()
    return int(value or 0)


def _set_checkpoint(session: Session, tables: TableSet, position: int) -> None:
    name = tables.checkpoint_name
    done = session.execute(update(CHECKPOINTS).where(CHECKPOINTS.c.name == name).values(position=position))
    if done.rowcount == 0:  # type: ignore[attr-defined]
        session.execute(insert(CHECKPOINTS).values(name=name, position=position))


class _Applier:
    """Applies events to the `moves`, `sources` and `merges` facts, buffering inserts."""

    def __init__(self, session: Session, tables: TableSet, resolver: EntityResolver, track: bool) -> None:
        self.session, self.t, self.resolver, self.track = session, tables, resolver, track
        self.moves: list[dict[str, Any]] = []
        self.sources: list[dict[str, Any]] = []
        self.retractions: list[dict[str, Any]] = []
        self.affected: set[str] = set()

    def apply(self, rows: Iterable[Row[Any]]) -> None:
        for row in rows:
            if row.type in MOVE_TYPES:
                self._move(row)
            elif row.type == "MoveCorroborated":
                data = upcast(row.type, row.schema_version, json.loads(row.data))
                self.sources.append({
                    "event_id": row.event_id, "move_event_id": data["move_event_id"], "position": row.position,
                    "source": data["source"], "report_date": _report_date(row.recorded_at), "retracted_by": None,
                })  # fmt: skip
            elif row.type == "MoveRetracted":
                data = upcast(row.type, row.schema_version, json.loads(row.data))
                self.retractions.append({"target": data["move_event_id"], "by": row.event_id, "reason": data["reason"]})
            elif row.type == "EntityMerged":
                self._merge(row)
        self.flush()

    def _move(self, row: Row[Any]) -> None:
        data = upcast(row.type, row.schema_version, json.loads(row.data))
        meta = json.loads(row.meta)
        direction = data["direction"]
        other = data.get("destination_org") if direction == "left" else data.get("origin_org")
        if direction == "role_changed":
            other = None
        person = self.resolver.person_id(data["person"])
        confidence = meta.get("confidence")
        self.moves.append({
            "event_id": row.event_id, "position": row.position, "person_id": person,
            "org_id": self.resolver.org_id(data["org"]), "person_raw": data["person"], "org_raw": data["org"],
            "direction": direction, "role": data.get("role"), "team": data.get("team"),
            "seniority": data.get("seniority"), "occurred_on": row.occurred_on,
            "report_date": _report_date(row.recorded_at), "date_approximate": bool(meta.get("date_approximate")),
            "other_org_id": self.resolver.org_id(other) if other else None, "other_raw": other,
            "source_url": meta.get("source_url"),
            "confidence": float(confidence) if isinstance(confidence, int | float) else None,
            "retracted_by": None, "retract_reason": None,
        })  # fmt: skip
        self.affected.add(person)

    def flush(self) -> None:
        s, t = self.session, self.t
        if self.moves:
            s.execute(insert(t.moves), self.moves)
            self.moves = []
        if self.sources:
            s.execute(insert(t.sources), self.sources)
            self.sources = []
        if self.retractions:
            by_target: dict[str, dict[str, Any]] = {}
            for r in self.retractions:
                by_target.setdefault(r["target"], r)  # the first retraction of a move is the one that counts
            params = [{"t": k, "by": r["by"], "reason": r["reason"]} for k, r in by_target.items()]
            m, src = t.moves, t.sources
            s.execute(
                update(m)
                .where(m.c.event_id == bindparam("t"), m.c.retracted_by.is_(None))
                .values(retracted_by=bindparam("by"), retract_reason=bindparam("reason")),
                params,
            )
            s.execute(
                update(src)
                .where(src.c.event_id == bindparam("t"), src.c.retracted_by.is_(None))
                .values(retracted_by=bindparam("by")),
                [{"t": p["t"], "by": p["by"]} for p in params],
            )
            if self.track:
                targets = list(by_target)
                for i in range(0, len(targets), CHUNK):
                    found = s.execute(select(m.c.person_id).where(m.c.event_id.in_(targets[i : i + CHUNK])))
                    self.affected.update(found.scalars())
            self.retractions = []

    def _merge(self, row: Row[Any]) -> None:
        self.flush()
        data = upcast(row.type, row.schema_version, json.loads(row.data))
        kind, alias, canonical = data["kind"], data["alias"], data["canonical"]
        resolve = self.resolver.person_id if kind == "person" else self.resolver.org_id
        old, new = resolve(alias), resolve(canonical)
        self.session.execute(insert(self.t.merges).values(
            position=row.position, kind=kind, alias=alias, canonical=canonical, alias_id=old, canonical_id=new,
        ))  # fmt: skip
        self.resolver.add_merge(kind, alias, canonical)
        if old == new:
            return
        m = self.t.moves
        if kind == "person":
            self.session.execute(update(m).where(m.c.person_id == old).values(person_id=new))
            self.affected.update((old, new))
            return
        self.session.execute(update(m).where(m.c.org_id == old).values(org_id=new))
        self.session.execute(update(m).where(m.c.other_org_id == old).values(other_org_id=new))
        if self.track:
            found = self.session.execute(
                select(m.c.person_id).where((m.c.org_id == new) | (m.c.other_org_id == new)).distinct()
            )
            self.affected.update(found.scalars())


def _fact(row: Row[Any]) -> MoveFact:
    return MoveFact(
        event_id=row.event_id, position=row.position, person_id=row.person_id, person_raw=row.person_raw,
        org_id=row.org_id, org_raw=row.org_raw, direction=row.direction, role=row.role, team=row.team,
        date=row.occurred_on or row.report_date, approximate=bool(row.date_approximate) or row.occurred_on is None,
        other_org_id=row.other_org_id, other_raw=row.other_raw,
    )  # fmt: skip


def _fact_query(t: TableSet) -> Any:
    m = t.moves
    return (
        select(
            m.c.event_id,
            m.c.position,
            m.c.person_id,
            m.c.person_raw,
            m.c.org_id,
            m.c.org_raw,
            m.c.direction,
            m.c.role,
            m.c.team,
            m.c.occurred_on,
            m.c.report_date,
            m.c.date_approximate,
            m.c.other_org_id,
            m.c.other_raw,
        )
        .where(m.c.retracted_by.is_(None))
        .order_by(m.c.person_id, m.c.position)
    )


class _Writer:
    """Derives people and inserts their rows in bulk."""

    def __init__(self, session: Session, tables: TableSet, window: int, flush_at: int = 5000) -> None:
        self.session, self.t, self.window, self.flush_at = session, tables, window, flush_at
        self.rows: dict[str, list[dict[str, Any]]] = {"spans": [], "transitions": [], "flows": []}

    def person(self, person_id: str, facts: list[MoveFact]) -> None:
        derived = derive(facts, self.window)
        for name, produced in (("spans", derived.spans), ("transitions", derived.transitions),
                               ("flows", derived.flows)):  # fmt: skip
            self.rows[name].extend({"person_id": person_id, **r} for r in produced)
        if len(self.rows["transitions"]) >= self.flush_at:
            self.flush()

    def flush(self) -> None:
        for name, rows in self.rows.items():
            if rows:
                self.session.execute(insert(self.t.by_name(name)), rows)
                rows.clear()


def _derive_people(session: Session, tables: TableSet, settings: Settings, people: set[str]) -> None:
    """Replace the derived rows of `people` with a fresh derivation from their facts."""
    writer = _Writer(session, tables, settings.dedup.window_days)
    ordered = sorted(people)
    for i in range(0, len(ordered), CHUNK):
        chunk = ordered[i : i + CHUNK]
        for name in ("spans", "transitions", "flows"):
            table = tables.by_name(name)
            session.execute(delete(table).where(table.c.person_id.in_(chunk)))
        rows = session.execute(_fact_query(tables).where(tables.moves.c.person_id.in_(chunk))).all()
        for person, group in groupby(rows, key=lambda r: r.person_id):
            writer.person(person, [_fact(r) for r in group])
    writer.flush()


def _derive_all(session: Session, tables: TableSet, settings: Settings) -> None:
    writer = _Writer(session, tables, settings.dedup.window_days)
    result = session.execute(_fact_query(tables).execution_options(yield_per=20_000))
    for person, group in groupby(result, key=lambda r: r.person_id):
        writer.person(person, [_fact(r) for r in group])
    writer.flush()


def run_projections(
    engine: Engine,
    settings: Settings,
    *,
    target: Target = "live",
    batch_size: int = 5000,
    max_batches: int | None = None,
) -> int:
    """Apply every event after the checkpoint, batch by batch; returns how many were applied.

    Call it after each ingest cycle, after record/retract/merge, and before answering a query.
    """
    tables = tables_for(target)
    applied = batches = 0
    while max_batches is None or batches < max_batches:
        with transaction(engine) as session:
            _lock(session)
            after = checkpoint(session, tables)
            rows = _fetch(session, after, None, batch_size)
            if not rows:
                break
            applier = _Applier(session, tables, load_resolver(session, settings, tables), track=True)
            applier.apply(rows)
            _derive_people(session, tables, settings, applier.affected)
            _set_checkpoint(session, tables, rows[-1].position)
        applied += len(rows)
        batches += 1
        if len(rows) < batch_size:
            break
    return applied


def rebuild(
    engine: Engine,
    settings: Settings,
    *,
    target: Target = "live",
    to_position: int | None = None,
    progress: Progress | None = None,
    batch_size: int = 20_000,
) -> int:
    """Drop the projection and replay the log from position 0 (up to `to_position`), in one
    transaction: readers see the old rows until the new ones are complete."""
    tables = tables_for(target)
    applied = 0
    with transaction(engine) as session:
        _lock(session)
        for table in reversed(tables.all):
            session.execute(delete(table))
        head = session.execute(select(func.coalesce(func.max(EVENTS.c.position), 0))).scalar_one()
        total = min(head, to_position) if to_position is not None else head
        resolver = load_resolver(session, settings, tables)  # empty merges: config aliases only
        applier = _Applier(session, tables, resolver, track=False)
        cursor = 0
        while True:
            rows = _fetch(session, cursor, to_position, batch_size)
            if not rows:
                break
            applier.apply(rows)
            cursor = rows[-1].position
            applied += len(rows)
            if progress:
                progress(applied, total)
        _derive_all(session, tables, settings)
        _set_checkpoint(session, tables, cursor)
    return applied


VIEW_NAMES: tuple[str, ...] = tuple(VIEWS)


def projection_rows(engine: Engine, view: str, *, target: Target = "live") -> Iterator[tuple[Any, ...]]:
    """Every row of `view` in primary-key order, for a row-by-row comparison of live and scratch."""
    if view not in VIEWS:
        raise ValueError(f"unknown projection view {view!r} (one of {', '.join(VIEWS)})")
    table = tables_for(target).by_name(view)
    keys = [table.c[name] for name in VIEWS[view][1]]
    with engine.connect() as conn:
        result = conn.execution_options(yield_per=10_000).execute(select(table).order_by(*keys))
        for row in result:
            yield tuple(row)


__all__ = ["VIEW_NAMES", "checkpoint", "load_resolver", "projection_rows", "rebuild", "run_projections"]
