"""Replay for audits: rebuild every projection from position 0 into the scratch tables (the
live ones are never touched) and compare row by row, or show the rosters as they were known
at an earlier moment of the log.

The comparison is a merge join of two streams in primary-key order, so it holds one row of
each side at a time however large the views are.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, time
from typing import Any

from sqlalchemy import Engine, func, select

from tracker.db import read_session
from tracker.projections.queries import RosterLine, roster, watched_orgs
from tracker.projections.runner import VIEW_NAMES, Progress, projection_rows, rebuild, run_projections
from tracker.projections.tables import SCRATCH, VIEWS
from tracker.settings import Settings
from tracker.store import EVENTS

EXAMPLES = 5


@dataclass
class ViewDiff:
    view: str
    rows: int = 0
    only_live: int = 0
    only_replay: int = 0
    examples: list[str] = field(default_factory=list)

    @property
    def equal(self) -> bool:
        return not (self.only_live or self.only_replay)


@dataclass
class ReplayReport:
    position: int
    applied: int
    views: list[ViewDiff]

    @property
    def ok(self) -> bool:
        return all(v.equal for v in self.views)

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "position": self.position,
            "applied": self.applied,
            "views": [{**v.__dict__, "equal": v.equal} for v in self.views],
        }


def position_as_of(engine: Engine, moment: datetime) -> int:
    """The last position recorded at or before `moment` (0: nothing was known yet)."""
    with read_session(engine) as session:
        value = session.execute(
            select(func.coalesce(func.max(EVENTS.c.position), 0)).where(EVENTS.c.recorded_at <= moment)
        ).scalar_one()
    return int(value)


def parse_moment(value: str) -> datetime:
    """An ISO date or datetime; a bare date means the end of that day, naive means UTC."""
    text = value.strip()
    try:
        if len(text) == 10:
            return datetime.combine(datetime.fromisoformat(text).date(), time.max, tzinfo=UTC)
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"not a date or datetime: {value!r} (use 2024-09-25 or 2024-09-25T14:00:00Z)") from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _key(view: str, row: tuple[Any, ...]) -> tuple[Any, ...]:
    table, keys = VIEWS[view]
    names = [c.name for c in table.columns]
    return tuple(row[names.index(k)] for k in keys)


def compare_view(engine: Engine, view: str) -> ViewDiff:
    """Live against replayed rows of one view, streamed side by side in key order."""
    diff = ViewDiff(view)
    live: Iterator[tuple[Any, ...]] = projection_rows(engine, view, target="live")
    scratch: Iterator[tuple[Any, ...]] = projection_rows(engine, view, target="scratch")
    a, b = next(live, None), next(scratch, None)
    while a is not None or b is not None:
        diff.rows += 1
        if a is not None and b is not None and a == b:
            a, b = next(live, None), next(scratch, None)
            continue
        ka = _key(view, a) if a is not None else None
        kb = _key(view, b) if b is not None else None
        if b is None or (a is not None and ka is not None and kb is not None and ka < kb):
            diff.only_live += 1
            note, a = f"live only: {a}", next(live, None)
        elif a is None or (ka is not None and kb is not None and kb < ka):
            diff.only_replay += 1
            note, b = f"replay only: {b}", next(scratch, None)
        else:  # same key, different content
            diff.only_live += 1
            diff.only_replay += 1
            note = f"differs at {ka}: live {a} != replay {b}"
            a, b = next(live, None), next(scratch, None)
        if len(diff.examples) < EXAMPLES:
            diff.examples.append(note)
    return diff


def replay(
    engine: Engine, settings: Settings, *, to_position: int | None = None, progress: Progress | None = None
) -> ReplayReport:
    """Rebuild into scratch and, for a full replay, compare with the live views caught up to
    the same head. A partial replay (`to_position`) is a view of the past: nothing to compare."""
    if to_position is None:
        run_projections(engine, settings)
    applied = rebuild(engine, settings, target="scratch", to_position=to_position, progress=progress)
    with read_session(engine) as session:
        head = int(session.execute(select(func.coalesce(func.max(EVENTS.c.position), 0))).scalar_one())
    position = head if to_position is None else min(to_position, head)
    views = [compare_view(engine, name) for name in VIEW_NAMES] if to_position is None else []
    return ReplayReport(position, applied, views)


def replayed_rosters(
    engine: Engine, settings: Settings, orgs: list[str] | None = None, as_of: str | None = None
) -> dict[str, list[RosterLine]]:
    """Rosters from the scratch views (after `replay(..., to_position=N)`): the watched
    organisations unless `orgs` names others."""
    return {org: roster(engine, settings, org, as_of, tables=SCRATCH) for org in orgs or watched_orgs(settings)}
