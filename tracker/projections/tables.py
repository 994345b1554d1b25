"""The projection tables (created by migration 0003) and their scratch twins.

The timeline and the flows are computed at query time from these rows (one person's
moves; the spans of two organisations), with the same code the runner uses, so the only
materialised views are the move facts and the roster spans. Every projected row has a
deterministic key (positions, entity ids, per-person sequence numbers) and no wall-clock values, so a rebuild from zero gives the same
bytes as incremental application. The scratch set (`scratch_` prefix) has the same shape
and lets the audit rebuild beside the live tables and compare them row by row.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sqlalchemy import BigInteger, Boolean, Column, Index, Integer, MetaData, String, Table, Text
from sqlmodel import Field, SQLModel

Target = Literal["live", "scratch"]
SCRATCH_PREFIX = "scratch_"
ID = 255  # entity id length, as events.stream_id


def _big() -> BigInteger:
    return BigInteger().with_variant(Integer(), "sqlite")


class ProjectionCheckpoint(SQLModel, table=True):
    __tablename__ = "projection_checkpoints"
    name: str = Field(sa_column=Column(String(64), primary_key=True))
    position: int = Field(sa_column=Column(_big(), nullable=False))


class ProjMove(SQLModel, table=True):
    """One row per move event, names resolved to ids; the facts every view derives from.

    Keyed by position (append order: cheap to bulk load); an event id is looked up in the
    `events` table's unique index when a retraction names it."""

    __tablename__ = "proj_moves"
    __table_args__ = (Index("ix_proj_moves_person", "person_id", "position"),)
    position: int = Field(sa_column=Column(_big(), primary_key=True, autoincrement=False))
    event_id: str = Field(sa_column=Column(String(36), nullable=False))
    person_id: str = Field(sa_column=Column(String(ID), nullable=False))
    org_id: str = Field(sa_column=Column(String(ID), nullable=False))
    person_raw: str = Field(sa_column=Column(Text, nullable=False))
    org_raw: str = Field(sa_column=Column(Text, nullable=False))
    direction: str = Field(sa_column=Column(String(16), nullable=False))
    role: str | None = Field(default=None, sa_column=Column(Text))
    team: str | None = Field(default=None, sa_column=Column(Text))
    date: str = Field(sa_column=Column(String(10), nullable=False))  # occurred_on, else the report date
    date_floor: str = Field(sa_column=Column(String(10), nullable=False))
    date_approximate: bool = Field(sa_column=Column(Boolean, nullable=False))  # flagged, or no date given
    other_org_id: str | None = Field(default=None, sa_column=Column(String(ID)))
    other_raw: str | None = Field(default=None, sa_column=Column(Text))
    source_url: str | None = Field(default=None, sa_column=Column(Text))
    retracted_by: str | None = Field(default=None, sa_column=Column(String(36)))


class ProjSource(SQLModel, table=True):
    """A corroborating report of a move (the move's own source is on its ProjMove row)."""

    __tablename__ = "proj_sources"
    position: int = Field(sa_column=Column(_big(), primary_key=True, autoincrement=False))
    event_id: str = Field(sa_column=Column(String(36), nullable=False))
    move_event_id: str = Field(sa_column=Column(String(36), nullable=False, index=True))
    source: str = Field(sa_column=Column(Text, nullable=False))
    retracted_by: str | None = Field(default=None, sa_column=Column(String(36)))


class ProjMerge(SQLModel, table=True):
    """EntityMerged events in log order: the resolver is rebuilt from these."""

    __tablename__ = "proj_merges"
    position: int = Field(sa_column=Column(_big(), primary_key=True, autoincrement=False))
    kind: str = Field(sa_column=Column(String(16), nullable=False))
    alias: str = Field(sa_column=Column(Text, nullable=False))
    canonical: str = Field(sa_column=Column(Text, nullable=False))
    alias_id: str = Field(sa_column=Column(String(ID), nullable=False))
    canonical_id: str = Field(sa_column=Column(String(ID), nullable=False))


class ProjSpan(SQLModel, table=True):
    """roster: a stint of a person at an organisation; the roster at D is a range query."""

    __tablename__ = "proj_spans"
    __table_args__ = (Index("ix_proj_spans_org", "org_id", "since_floor", "until_floor"),)
    person_id: str = Field(sa_column=Column(String(ID), primary_key=True))
    seq: int = Field(sa_column=Column(Integer, primary_key=True, autoincrement=False))
    org_id: str = Field(sa_column=Column(String(ID), nullable=False))
    person_raw: str = Field(sa_column=Column(Text, nullable=False))
    org_raw: str = Field(sa_column=Column(Text, nullable=False))
    role: str | None = Field(default=None, sa_column=Column(Text))
    team: str | None = Field(default=None, sa_column=Column(Text))
    opened_by: str | None = Field(default=None, sa_column=Column(String(16)))
    since: str | None = Field(default=None, sa_column=Column(String(10)))
    since_floor: str | None = Field(default=None, sa_column=Column(String(10)))
    since_approximate: bool = Field(sa_column=Column(Boolean, nullable=False))
    until: str | None = Field(default=None, sa_column=Column(String(10)))
    until_floor: str | None = Field(default=None, sa_column=Column(String(10)))
    until_approximate: bool = Field(sa_column=Column(Boolean, nullable=False))
    event_ids: str = Field(sa_column=Column(Text, nullable=False))


def _t(model: type[SQLModel]) -> Table:
    return model.__table__  # type: ignore[attr-defined]


# name -> (live table, primary-key columns giving the canonical row order)
VIEWS: dict[str, tuple[Table, tuple[str, ...]]] = {
    "moves": (_t(ProjMove), ("position",)),
    "sources": (_t(ProjSource), ("position",)),
    "merges": (_t(ProjMerge), ("position",)),
    "spans": (_t(ProjSpan), ("person_id", "seq")),
}
CHECKPOINTS = _t(ProjectionCheckpoint)
_SCRATCH_METADATA = MetaData()


# Secondary indexes (as migration 0003 names them, `{p}` = table prefix) that a SQLite rebuild
# drops before its bulk load and recreates after: sorting once beats a million B-tree inserts.
BULK_INDEXES: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "moves": (("ix_{p}proj_moves_person", ("person_id", "position")),),
    "spans": (("ix_{p}proj_spans_org", ("org_id", "since_floor", "until_floor")),),
}


@dataclass(frozen=True)
class TableSet:
    target: Target
    moves: Table
    sources: Table
    merges: Table
    spans: Table

    @property
    def prefix(self) -> str:
        return "" if self.target == "live" else SCRATCH_PREFIX

    @property
    def checkpoint_name(self) -> str:
        return "people" if self.target == "live" else "scratch:people"

    def by_name(self, name: str) -> Table:
        table: Table = getattr(self, name)
        return table

    @property
    def all(self) -> list[Table]:
        return [self.by_name(name) for name in VIEWS]


def _scratch(table: Table) -> Table:
    existing = _SCRATCH_METADATA.tables.get(SCRATCH_PREFIX + table.name)
    return existing if existing is not None else table.to_metadata(_SCRATCH_METADATA, name=SCRATCH_PREFIX + table.name)


LIVE = TableSet("live", *(VIEWS[name][0] for name in VIEWS))
SCRATCH = TableSet("scratch", *(_scratch(VIEWS[name][0]) for name in VIEWS))


def tables_for(target: Target) -> TableSet:
    if target not in ("live", "scratch"):
        raise ValueError(f"target must be 'live' or 'scratch', not {target!r}")
    return LIVE if target == "live" else SCRATCH
