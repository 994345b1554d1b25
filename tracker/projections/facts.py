"""Applying events to the move facts (`proj_moves`, `proj_sources`, `proj_merges`).

The facts are the projection's memory of the log: every move with its names resolved, its
sources, whether it was retracted, and the merges so far. The views derive from them.
Reads and writes go through the driver's cursor with positional tuples, because at replay
volumes the per-row processing of the ORM costs more than the database's own work.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

from orjson import loads  # parses event JSON ~4x faster than the stdlib: it is the replay's hot path
from sqlalchemy import Table, bindparam, case, insert, select, update
from sqlmodel import Session

from tracker.dates import to_utc
from tracker.events import DIRECTIONS, EVENT_TYPES, MOVE_TYPES, upcast
from tracker.projections.datemath import floor_key
from tracker.projections.derive import MoveFact
from tracker.projections.resolution import EntityResolver
from tracker.projections.tables import TableSet
from tracker.store import EVENTS

CHUNK = 500  # ids per IN (...) list
_DIRECTIONS = {d: d for d in DIRECTIONS}
_new_tuple = tuple.__new__
# Column order of the raw event rows the applier reads (see runner._EVENT_SQL).
POSITION, EVENT_ID, TYPE, VERSION, OCCURRED_ON, RECORDED_AT, DATA, META = range(8)


def is_sqlite_session(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def driver_cursor(session: Session) -> Any:
    """The driver's cursor on the session's connection, inside the session's transaction."""
    return session.connection().connection.cursor()


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
    mark = "?" if is_sqlite_session(session) else "%s"
    sql = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join([mark] * len(columns))})"
    cursor = driver_cursor(session)
    try:
        cursor.executemany(sql, rows)
    finally:
        cursor.close()


def _report_date(value: str | datetime) -> str:
    return value[:10] if isinstance(value, str) else to_utc(value).date().isoformat()


def _follow(remap: dict[str, str], entity: str) -> str:
    while entity in remap:
        entity = remap[entity]
    return entity


class FactApplier:
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
