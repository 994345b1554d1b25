"""Audit: prove the log is intact. Streams the log once, in constant memory."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Engine, select, text

from tracker.db import is_sqlite, read_session
from tracker.events import UnknownEventType
from tracker.store import EVENTS, GENESIS_HASH, EventStore, row_to_event, stored_hash

SQLITE_GUARDS = {"events_no_update", "events_no_delete"}
POSTGRES_GUARDS = {"events_no_update", "events_no_delete", "events_no_truncate"}


@dataclass
class VerifyReport:
    checked: int = 0
    head_position: int = 0
    first_bad_position: int | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def missing_guards(engine: Engine) -> set[str]:
    """Append-only triggers that should exist on `events` but do not."""
    with read_session(engine) as session:
        if is_sqlite(engine):
            rows = session.execute(
                text("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events'")
            )
            expected = SQLITE_GUARDS
        else:
            rows = session.execute(
                text(
                    "SELECT tgname FROM pg_trigger WHERE tgrelid = 'events'::regclass"
                    " AND NOT tgisinternal AND tgenabled <> 'D'"  # a disabled guard guards nothing
                )
            )
            expected = POSTGRES_GUARDS
        return expected - {r[0] for r in rows}


def stream_version_breaks(engine: Engine) -> list[tuple[int, str]]:
    """(position, reason) for streams whose versions are not exactly 1..n, found by the database
    (a GROUP BY), so memory stays constant however many streams there are."""
    with read_session(engine) as session:
        bad = session.execute(
            text(
                "SELECT stream_id FROM events GROUP BY stream_id "
                "HAVING MIN(stream_version) <> 1 OR MAX(stream_version) <> COUNT(*)"
            )
        ).scalars()
        breaks = []
        for stream_id in bad:
            rows = session.execute(
                text("SELECT position, stream_version FROM events WHERE stream_id = :s ORDER BY stream_version"),
                {"s": stream_id},
            ).all()
            for expected, (position, version) in enumerate(rows, start=1):
                if version != expected:
                    breaks.append((position, f"stream {stream_id} has version {version} where {expected} belongs"))
                    break
        return breaks


def upcast_breaks(engine: Engine) -> list[tuple[int, str]]:
    """Every stored (type, schema version) must upcast to a current payload: checked on the
    first stored row of each, so a version no code can read is found without decoding all."""
    breaks = []
    with read_session(engine) as session:
        firsts = session.execute(
            text("SELECT MIN(position) FROM events GROUP BY type, schema_version ORDER BY MIN(position)")
        ).scalars()
        for position in firsts:
            row = session.execute(select(EVENTS).where(EVENTS.c.position == position)).one()
            try:
                row_to_event(row).payload  # noqa: B018 - upcasting and validation is the check
            except (UnknownEventType, ValueError) as exc:
                breaks.append((position, f"{row.type} v{row.schema_version} does not load: {exc}"))
    return breaks


def verify(engine: Engine, progress: Callable[[int], None] | None = None) -> VerifyReport:
    """Recompute the hash chain from position 1 and check every guard; name the first break.

    One pass over the raw rows in keyset pages (constant memory); stream versions and
    upcasting are checked by grouped queries."""
    report = VerifyReport()
    missing = missing_guards(engine)
    if missing:
        report.problems.append(f"append-only triggers missing: {', '.join(sorted(missing))}")
    for position, reason in [*stream_version_breaks(engine), *upcast_breaks(engine)]:
        report.first_bad_position = min(position, report.first_bad_position or position)
        report.problems.append(f"position {position}: {reason}")
    prev_hash, expected_position = GENESIS_HASH, 1
    for row in EventStore(engine).read_rows():
        position, stored_prev, digest = row[0], row[11], row[12]
        report.checked += 1
        report.head_position = position
        problem = None
        if position != expected_position:
            problem = f"position {position} follows {expected_position - 1} (gap or reorder)"
        elif stored_prev != prev_hash:
            problem = "prev_hash does not match the hash of the previous event (row removed or reordered)"
        elif stored_hash(row) != digest:
            problem = "hash does not match the row's content (row edited)"
        if problem:
            report.first_bad_position = min(position, report.first_bad_position or position)
            report.problems.append(f"position {position}: {problem}")
            break
        prev_hash, expected_position = digest, position + 1
        if progress and report.checked % 5000 == 0:
            progress(report.checked)
    report.problems.sort(key=_position_first)
    return report


def _position_first(problem: str) -> tuple[int, str]:
    """Guard problems first, then breaks in position order, so the first line names the first break."""
    head, _, _ = problem.partition(":")
    return (int(head.split()[1]), problem) if head.startswith("position ") else (0, problem)
