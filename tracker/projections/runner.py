"""The projection runner: apply events after the checkpoint, or rebuild from position 0.

Each batch of events and the checkpoint that covers it commit in one transaction, so a
crash never applies an event twice or skips one. Applying an event updates the move
facts (`proj_moves`: insert, retract, re-resolve on merge); the people an event touched
are then re-derived whole from their facts (`derive.py`) into `proj_spans`. A rebuild
applies every event to the facts and derives each person once at the end, from facts
gathered in memory while replaying: the same function of the same facts, hence the
same bytes as incremental application.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from itertools import groupby
from typing import Any

from sqlalchemy import Engine, delete, func, insert, select, text, update
from sqlmodel import Session

from tracker.db import transaction
from tracker.projections.derive import SPAN_COLUMNS, MoveFact, derive_spans
from tracker.projections.facts import (
    CHUNK,
    POSITION,
    FactApplier,
    bulk_insert,
    driver_cursor,
    fact_from_row,
    facts_query,
    is_sqlite_session,
)
from tracker.projections.resolution import EntityResolver, build_resolver
from tracker.projections.tables import BULK_INDEXES, CHECKPOINTS, VIEWS, TableSet, Target, tables_for
from tracker.settings import Settings
from tracker.store import EVENTS

# Arbitrary constant naming the "projection runner" advisory lock on PostgreSQL.
PROJECTION_LOCK = 7_250_003
Progress = Callable[[int, int], None]  # (events applied, events to apply)
_EVENT_SQL = (
    "SELECT position, event_id, type, schema_version, occurred_on, recorded_at, data, meta FROM events "
    "WHERE position > {p} AND position <= {p} ORDER BY position LIMIT {p}"
)


def _fetch(session: Session, after: int, upto: int | None, limit: int) -> Sequence[tuple[Any, ...]]:
    cursor = driver_cursor(session)
    try:
        cursor.execute(
            _EVENT_SQL.format(p="?" if is_sqlite_session(session) else "%s"),
            (after, 2**62 if upto is None else upto, limit),
        )
        return list(cursor.fetchall())
    finally:
        cursor.close()


def _lock(session: Session) -> None:
    if not is_sqlite_session(session):
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PROJECTION_LOCK})


def load_resolver(session: Session, settings: Settings, tables: TableSet) -> EntityResolver:
    """The resolver as of the projection's checkpoint: config aliases plus the merges applied so far."""
    m = tables.merges
    rows = session.execute(select(m.c.kind, m.c.alias, m.c.canonical).order_by(m.c.position)).all()
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


class _SpanWriter:
    def __init__(self, session: Session, tables: TableSet, window: int, flush_at: int = 20_000) -> None:
        self.session, self.t, self.window, self.flush_at = session, tables, window, flush_at
        self.rows: list[tuple[Any, ...]] = []

    def person(self, person_id: str, facts: list[MoveFact]) -> None:
        self.rows.extend(derive_spans(person_id, facts, self.window))
        if len(self.rows) >= self.flush_at:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            bulk_insert(self.session, self.t.spans, SPAN_COLUMNS, self.rows)
            self.rows = []


def _derive_people(session: Session, tables: TableSet, settings: Settings, people: set[str]) -> None:
    """Replace the spans of `people` with a fresh derivation from their facts."""
    writer = _SpanWriter(session, tables, settings.dedup.window_days)
    ordered = sorted(people)
    for i in range(0, len(ordered), CHUNK):
        chunk = ordered[i : i + CHUNK]
        session.execute(delete(tables.spans).where(tables.spans.c.person_id.in_(chunk)))
        rows = session.execute(facts_query(tables).where(tables.moves.c.person_id.in_(chunk))).all()
        for person, group in groupby(rows, key=lambda r: r.person_id):
            writer.person(person, [fact_from_row(r) for r in group])
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
            applier = FactApplier(session, tables, load_resolver(session, settings, tables), deferred=False)
            applier.apply(rows)
            _derive_people(session, tables, settings, applier.affected)
            _set_checkpoint(session, tables, rows[-1][POSITION])
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
    with _no_gc(), transaction(engine) as session:
        _lock(session)
        sqlite = is_sqlite_session(session)
        if sqlite:  # a larger page cache for this connection; indexes rebuilt after the bulk load
            session.execute(text("PRAGMA cache_size=-16384"))
            _drop_bulk_indexes(session, tables)
        for table in reversed(tables.all):
            session.execute(delete(table))
        head = session.execute(select(func.coalesce(func.max(EVENTS.c.position), 0))).scalar_one()
        total = min(head, to_position) if to_position is not None else head
        applier = FactApplier(session, tables, build_resolver(settings), deferred=True)
        cursor = 0
        while True:
            rows = _fetch(session, cursor, to_position, batch_size)
            if not rows:
                break
            applier.apply(rows)
            cursor = rows[-1][POSITION]
            applied += len(rows)
            if progress:
                progress(applied, total)
        if sqlite:
            _create_bulk_indexes(session, tables, "moves")
        applier.apply_deferred_merges()
        writer = _SpanWriter(session, tables, settings.dedup.window_days)
        for person, facts in applier.final_facts():
            writer.person(person, facts)
        writer.flush()
        if sqlite:
            _create_bulk_indexes(session, tables, "spans")
        _set_checkpoint(session, tables, cursor)
    return applied


@contextmanager
def _no_gc() -> Iterator[None]:
    """A replay allocates millions of long-lived objects and no cycles; the cyclic collector
    would rescan all of them again and again (a third of the rebuild time at 1M events)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _drop_bulk_indexes(session: Session, tables: TableSet) -> None:
    for specs in BULK_INDEXES.values():
        for name, _ in specs:
            session.execute(text(f"DROP INDEX IF EXISTS {name.format(p=tables.prefix)}"))


def _create_bulk_indexes(session: Session, tables: TableSet, view: str) -> None:
    table = tables.by_name(view).name
    for name, columns in BULK_INDEXES[view]:
        session.execute(text(f"CREATE INDEX {name.format(p=tables.prefix)} ON {table} ({', '.join(columns)})"))


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
