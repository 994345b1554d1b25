"""Audit: prove the log is intact. Streams the log once, in constant memory."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Engine, text

from tracker.db import is_sqlite, read_session
from tracker.events import UnknownEventType
from tracker.store import GENESIS_HASH, EventStore, compute_hash

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


def verify(engine: Engine, progress: Callable[[int], None] | None = None) -> VerifyReport:
    """Recompute the hash chain from position 1; stop describing at the first break."""
    report = VerifyReport()
    missing = missing_guards(engine)
    if missing:
        report.problems.append(f"append-only triggers missing: {', '.join(sorted(missing))}")
    prev_hash, expected_position = GENESIS_HASH, 1
    for event in EventStore(engine).read_all(batch_size=5000):
        report.checked += 1
        report.head_position = event.position
        problem = None
        if event.position != expected_position:
            problem = f"position {event.position} follows {expected_position - 1} (gap or reorder)"
        elif event.prev_hash != prev_hash:
            problem = "prev_hash does not match the hash of the previous event (row removed or reordered)"
        elif compute_hash(event.hash_fields()) != event.hash:
            problem = "hash does not match the row's content (row edited)"
        else:
            try:
                event.payload  # noqa: B018 - upcasting and validation is the check
            except (UnknownEventType, ValueError) as exc:
                problem = f"payload does not load: {exc}"
        if problem and report.first_bad_position is None:
            report.first_bad_position = event.position
            report.problems.append(f"position {event.position}: {problem}")
            break
        prev_hash, expected_position = event.hash, event.position + 1
        if progress and report.checked % 5000 == 0:
            progress(report.checked)
    return report
