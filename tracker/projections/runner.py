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
from datetime import datetime
from itertools import groupby
from typing import Any

from orjson import loads  # parses event JSON ~4x faster than the stdlib: it is the replay's hot path
from sqlalchemy import Engine, Table, bindparam, case, delete, func, insert, select, text, update
from sqlmodel import Session

from tracker.dates import to_utc
from tracker.db import transaction
from tracker.events import DIRECTIONS, EVENT_TYPES, MOVE_TYPES, upcast
from tracker.projections.datemath import floor_key
from tracker.projections.derive import SPAN_COLUMNS, MoveFact, derive_spans
from tracker.projections.resolution import EntityResolver, build_resolver
from tracker.projections.tables import BULK_INDEXES, CHECKPOINTS, VIEWS, TableSet, Target, tables_for
from tracker.settings import Settings
from tracker.store import EVENTS

# Arbitrary constant naming the "projection runner" advisory lock on PostgreSQL.
PROJECTION_LOCK = 7_250_003
CHUNK = 500  # ids per IN (...) list
Progress = Callable[[int, int], None]  # (events applied, events to apply)
_DIRECTIONS = {d: d for d in DIRECTIONS}
_new_tuple = tuple.__new__
# Column order of the raw event rows the applier reads (driver cursor: no per-row ORM cost).
POSITION, EVENT_ID, TYPE, VERSION, OCCURRED_ON, RECORDED_AT, DATA, META = range(8)
_EVENT_SQL = (
    "SELECT position, event_id, type, schema_version, occurred_on, recorded_at, data, meta FROM events "
    "WHERE position > {p} AND position <= {p} ORDER BY position LIMIT {p}"
)


def _is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def _cursor(session: Session) -> Any:
    """The driver's cursor on the session's connection, inside the session's transaction."""
    return session.connection().connection.cursor()


def _fetch(session: Session, after: int, upto: int | None, limit: int) -> Sequence[tuple[Any, ...]]:
    cursor = _cursor(session)
    try:
        cursor.execute(_EVENT_SQL.format(p="?" if _is_sqlite(session) else "%s"), (after, upto or 2**62, limit))
        return list(cursor.fetchall())
    finally:
        cursor.close()


FACT_COLUMNS = (
    "event_id", "position", "person_id", "person_raw", "org_id", "org_raw", "direction", "role", "team", "date",
    "date_floor", "date_approximate", "other_org_id", "other_raw",
)  # fmt: skip
# A move row is its MoveFact (in FACT_COLUMNS order) plus these: built by one tuple concatenation.
MOVE_COLUMNS = (*FACT_COLUMNS, "source_url", "retracted_by")
SOURCE_COLUMNS = ("position", "event_id", "move_event_id", "source", "retracted_by")


def bulk_insert(session: Session, table: Table, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
    """executemany of positional tuples on the driver's cursor: Core's per-row parameter
    processing costs more than SQLite's insert itself at replay volumes."""
    mark = "?" if _is_sqlite(session) else "%s"
    sql = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join([mark] * len(columns))})"
    cursor = _cursor(session)
    try:
        cursor.executemany(sql, rows)
    finally:
        cursor.close()


def _report_date(value: str | datetime) -> str:
    return value[:10] if isinstance(value, str) else to_utc(value).date().isoformat()


def _lock(session: Session) -> None:
    if not _is_sqlite(session):
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


def _follow(remap: dict[str, str], entity: str) -> str:
    while entity in remap:
        entity = remap[entity]
    return entity


class _Applier:
    """Applies events to the move facts, sources and merges, buffering inserts.

    Incremental mode applies merges at once and records which people changed (`affected`);
    rebuild mode (`deferred`) collects merges and applies them after the bulk load, when the
    person index exists again.
    """

    def __init__(self, session: Session, tables: TableSet, resolver: EntityResolver, *, deferred: bool) -> None:
        self.session, self.t, self.resolver, self.deferred = session, tables, resolver, deferred
        self.moves: list[tuple[Any, ...]] = []
        self.sources: list[tuple[Any, ...]] = []
        self.retractions: dict[str, dict[str, Any]] = {}
        self.affected: set[str] = set()
        self.person_remap: dict[str, str] = {}
        self.org_remap: dict[str, str] = {}
        self.facts: dict[str, list[MoveFact]] = {}  # rebuild mode: person id (as resolved then) -> facts
        self.retracted: set[str] = set()
        self._strings: dict[str, str] = {}  # one copy of each repeated role and team held in memory
        self._dates: dict[str, tuple[str, str]] = {}  # date as written -> (one shared copy, its floor)
        self._people: dict[str, tuple[str, str]] = {}  # name as written -> (id as first resolved, name)
        self._orgs: dict[str, tuple[str, str]] = {}

    def _person(self, name: str) -> tuple[str, str]:
        """(person id, one shared copy of the name as written)."""
        found = self._people.get(name)
        if found is None:
            found = self._people[name] = (self.resolver.person_id(name), name)
        if self.person_remap:  # cached before a later merge: follow it (what the resolver answers now)
            return _follow(self.person_remap, found[0]), found[1]
        return found

    def _org(self, name: str) -> tuple[str, str]:
        found = self._orgs.get(name)
        if found is None:
            found = self._orgs[name] = (self.resolver.org_id(name), name)
        if self.org_remap:
            return _follow(self.org_remap, found[0]), found[1]
        return found

    def apply(self, rows: Sequence[tuple[Any, ...]]) -> None:
        for row in rows:
            kind = row[TYPE]
            if kind in MOVE_TYPES:
                self._move(row)
            elif kind == "MoveCorroborated":
                data = _data(row)
                self.sources.append((row[POSITION], row[EVENT_ID], data["move_event_id"], data["source"], None))
            elif kind == "MoveRetracted":
                data = _data(row)
                target = data["move_event_id"]
                if target not in self.retractions:  # the first retraction of a move is the one that counts
                    self.retractions[target] = {"t": target, "by": row[EVENT_ID]}
                self.retracted.add(target)
            elif kind == "EntityMerged":
                self._merge(row)
        self.flush()

    def _move(self, row: tuple[Any, ...]) -> None:
        data = _data(row)
        meta = loads(row[META])
        direction = data["direction"]
        other = other_id = None
        if direction == "left":
            other = data.get("destination_org")
        elif direction != "role_changed":
            other = data.get("origin_org")
        if other:
            other_id, other = self._org(other)
        person, person_raw = self._person(data["person"])
        org, org_raw = self._org(data["org"])
        written = row[OCCURRED_ON] or _report_date(row[RECORDED_AT])
        dated = self._dates.get(written)
        if dated is None:
            dated = self._dates[written] = (written, floor_key(written))
        approximate = bool(meta.get("date_approximate")) or row[OCCURRED_ON] is None
        role, team = data.get("role"), data.get("team")
        fact: MoveFact = _new_tuple(MoveFact, (  # tuple.__new__: a million NamedTuple.__new__ calls add up
            row[EVENT_ID], row[POSITION], person, person_raw, org, org_raw, _DIRECTIONS[direction],
            role and self._strings.setdefault(role, role), team and self._strings.setdefault(team, team),
            *dated, approximate, other_id, other,
        ))  # fmt: skip
        self.moves.append((*fact, meta.get("source_url"), None))
        if not self.deferred:
            self.affected.add(person)
            return
        group = self.facts.get(person)
        if group is None:
            self.facts[person] = [fact]
        else:
            group.append(fact)

    def flush(self) -> None:
        s, t = self.session, self.t
        if self.moves:
            bulk_insert(s, t.moves, MOVE_COLUMNS, self.moves)
            self.moves = []
        if self.sources:
            bulk_insert(s, t.sources, SOURCE_COLUMNS, self.sources)
            self.sources = []
        if self.retractions:
            params = list(self.retractions.values())
            target = select(EVENTS.c.position).where(EVENTS.c.event_id == bindparam("t")).scalar_subquery()
            m, src = t.moves, t.sources
            s.execute(
                update(m)
                .where(m.c.position == target, m.c.retracted_by.is_(None))
                .values(retracted_by=bindparam("by")),
                params,
            )
            s.execute(
                update(src)
                .where(src.c.position == target, src.c.retracted_by.is_(None))
                .values(retracted_by=bindparam("by")),
                params,
            )
            if not self.deferred:
                targets = list(self.retractions)
                for i in range(0, len(targets), CHUNK):
                    positions = select(EVENTS.c.position).where(EVENTS.c.event_id.in_(targets[i : i + CHUNK]))
                    found = s.execute(select(m.c.person_id).where(m.c.position.in_(positions)))
                    self.affected.update(found.scalars())
            self.retractions = {}

    def _merge(self, row: tuple[Any, ...]) -> None:
        self.flush()
        data = _data(row)
        kind, alias, canonical = data["kind"], data["alias"], data["canonical"]
        resolve = self.resolver.person_id if kind == "person" else self.resolver.org_id
        old, new = resolve(alias), resolve(canonical)
        self.session.execute(insert(self.t.merges).values(
            position=row[POSITION], kind=kind, alias=alias, canonical=canonical, alias_id=old, canonical_id=new,
        ))  # fmt: skip
        self.resolver.add_merge(kind, alias, canonical)
        if old == new:
            return
        (self.person_remap if kind == "person" else self.org_remap)[old] = new
        if self.deferred:
            return
        m = self.t.moves
        if kind == "person":
            self.session.execute(update(m).where(m.c.person_id == old).values(person_id=new))
            self.affected.update((old, new))
            return
        self.session.execute(update(m).where(m.c.org_id == old).values(org_id=new))
        self.session.execute(update(m).where(m.c.other_org_id == old).values(other_org_id=new))
        found = self.session.execute(
            select(m.c.person_id).where((m.c.org_id == new) | (m.c.other_org_id == new)).distinct()
        )
        self.affected.update(found.scalars())

    def final_facts(self) -> Iterator[tuple[str, list[MoveFact]]]:
        """Rebuild mode: each person's live facts after every retraction and merge, by person id."""
        people: dict[str, list[MoveFact]] = {}
        for person, facts in self.facts.items():
            final = _follow(self.person_remap, person) if self.person_remap else person
            if final in people:
                people[final] = sorted([*people[final], *facts], key=lambda f: f.position)
            else:
                people[final] = facts
        self.facts = {}
        for person in sorted(people):
            facts = people.pop(person)
            if self.retracted:
                facts = [f for f in facts if f.event_id not in self.retracted]
            if self.org_remap:
                facts = [self._reorg(f) for f in facts]
            if facts:
                yield person, facts

    def _reorg(self, f: MoveFact) -> MoveFact:
        org = _follow(self.org_remap, f.org_id)
        other = _follow(self.org_remap, f.other_org_id) if f.other_org_id else None
        return f._replace(org_id=org, other_org_id=other)

    def apply_deferred_merges(self) -> None:
        """Rebuild mode: every id a merge moved goes to where its chain of merges ends, which is
        what the merges applied one by one (incremental mode) leave behind."""
        m = self.t.moves
        if self.person_remap:
            params = [{"old": old, "new": _follow(self.person_remap, old)} for old in self.person_remap]
            self.session.execute(
                update(m).where(m.c.person_id == bindparam("old")).values(person_id=bindparam("new")), params
            )
        if self.org_remap:
            final = {old: _follow(self.org_remap, old) for old in self.org_remap}
            for column in (m.c.org_id, m.c.other_org_id):
                self.session.execute(
                    update(m).where(column.in_(list(final))).values({column.name: case(final, value=column)})
                )


def _data(row: tuple[Any, ...]) -> dict[str, Any]:
    data: dict[str, Any] = loads(row[DATA])
    return data if row[VERSION] == EVENT_TYPES[row[TYPE]].schema_version else upcast(row[TYPE], row[VERSION], data)


def fact_from_row(row: Sequence[Any]) -> MoveFact:
    """A MoveFact from a row in FACT_COLUMNS order."""
    return MoveFact._make((*row[:11], bool(row[11]), *row[12:]))


def facts_query(tables: TableSet) -> Any:
    """Live (not retracted) move facts, by person then position, in FACT_COLUMNS order."""
    m = tables.moves
    return (
        select(*(m.c[c] for c in FACT_COLUMNS)).where(m.c.retracted_by.is_(None)).order_by(m.c.person_id, m.c.position)
    )


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
            applier = _Applier(session, tables, load_resolver(session, settings, tables), deferred=False)
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
        sqlite = _is_sqlite(session)
        if sqlite:  # a larger page cache for this connection; indexes rebuilt after the bulk load
            session.execute(text("PRAGMA cache_size=-16384"))
            _drop_bulk_indexes(session, tables)
        for table in reversed(tables.all):
            session.execute(delete(table))
        head = session.execute(select(func.coalesce(func.max(EVENTS.c.position), 0))).scalar_one()
        total = min(head, to_position) if to_position is not None else head
        applier = _Applier(session, tables, build_resolver(settings), deferred=True)
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
