"""Per-source polling state: validators for conditional GET, failures and when to try next.

Backoff: after n consecutive failures the next attempt waits interval * 2**(n-1), capped
at `MAX_BACKOFF` (or the interval, if longer), with ±20 % jitter so a fleet of broken
sources does not retry in lock-step; a server's Retry-After is a floor on that wait.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session

from tracker.dates import to_utc
from tracker.db import is_sqlite, read_session
from tracker.sources.tables import SOURCE_STATE

MAX_BACKOFF = 6 * 3600.0
JITTER = 0.2


@dataclass(frozen=True)
class SourceState:
    name: str
    url: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    last_attempt: datetime | None = None
    last_success: datetime | None = None
    last_status: int | None = None
    last_error: str | None = None
    last_error_at: datetime | None = None
    consecutive_failures: int = 0
    next_due: datetime | None = None
    items_seen: int = 0
    documents_stored: int = 0

    def is_due(self, now: datetime, slack: float = 0.0) -> bool:
        return self.next_due is None or self.next_due <= now + timedelta(seconds=slack)


def _state(row: Any) -> SourceState:
    m = dict(row._mapping)
    for key in ("last_attempt", "last_success", "last_error_at", "next_due"):
        if m[key] is not None:
            m[key] = to_utc(m[key])
    return SourceState(**m)


def load_states(engine: Engine) -> dict[str, SourceState]:
    with read_session(engine) as session:
        return {row.name: _state(row) for row in session.execute(select(SOURCE_STATE)).all()}


def backoff_delay(interval: float, failures: int, rng: random.Random | None = None) -> float:
    if failures <= 0:
        return interval
    base = min(interval * 2 ** min(failures - 1, 30), max(MAX_BACKOFF, interval))
    return base * (1 + JITTER * (2 * (rng or random).random() - 1))


def _upsert(session: Session, name: str, insert_values: dict[str, Any], update_values: dict[str, Any]) -> None:
    dialect = sqlite if is_sqlite(session.get_bind()) else postgresql  # type: ignore[arg-type]
    stmt = dialect.insert(SOURCE_STATE).values(name=name, **insert_values)
    session.execute(stmt.on_conflict_do_update(index_elements=["name"], set_=update_values))


def save_success(
    session: Session,
    name: str,
    url: str,
    *,
    now: datetime,
    interval: float,
    status: int,
    etag: str | None,
    last_modified: str | None,
    items_seen: int = 0,
    documents_stored: int = 0,
    partial_error: str | None = None,
) -> None:
    """A poll that got an answer. `partial_error` (some articles failed) is shown, but does
    not count as a failure; the caller drops the validators then, so the listing is read
    again in full next time and the missing articles are retried."""
    values: dict[str, Any] = {
        "url": url, "etag": etag, "last_modified": last_modified, "last_attempt": now, "last_success": now,
        "last_status": status, "last_error": partial_error, "consecutive_failures": 0,
        "next_due": now + timedelta(seconds=interval),
    }  # fmt: skip
    if partial_error:
        values["last_error_at"] = now
    insert = {**values, "items_seen": items_seen, "documents_stored": documents_stored}
    update = {
        **values,
        "items_seen": SOURCE_STATE.c.items_seen + items_seen,
        "documents_stored": SOURCE_STATE.c.documents_stored + documents_stored,
    }
    _upsert(session, name, insert, update)


def save_failure(
    session: Session,
    name: str,
    url: str,
    *,
    now: datetime,
    interval: float,
    reason: str,
    failures: int,
    status: int | None = None,
    retry_after: float | None = None,
) -> datetime:
    """Record why the poll failed; `failures` counts this one. Returns when to try next."""
    wait = max(backoff_delay(interval, failures), retry_after or 0.0)
    next_due = now + timedelta(seconds=wait)
    values: dict[str, Any] = {
        "url": url, "last_attempt": now, "last_status": status, "last_error": reason[:2000],
        "last_error_at": now, "consecutive_failures": failures, "next_due": next_due,
    }  # fmt: skip
    _upsert(session, name, values, values)
    return next_due


@dataclass(frozen=True)
class SourceStatus:
    """A configured source with its state: one row of `tracker sources`."""

    name: str
    kind: str
    url: str
    enabled: bool
    configured: bool
    state: SourceState

    def to_json(self) -> dict[str, Any]:
        s = self.state
        iso = lambda d: d.isoformat() if d else None  # noqa: E731
        return {
            "name": self.name, "kind": self.kind, "url": self.url, "enabled": self.enabled,
            "configured": self.configured, "last_success": iso(s.last_success), "last_attempt": iso(s.last_attempt),
            "last_status": s.last_status, "last_error": s.last_error, "last_error_at": iso(s.last_error_at),
            "consecutive_failures": s.consecutive_failures, "next_due": iso(s.next_due),
            "items_seen": s.items_seen, "documents_stored": s.documents_stored,
        }  # fmt: skip


def source_statuses(engine: Engine, sources: list[Any]) -> list[SourceStatus]:
    """Configured sources first (never polled ones too), then state left by removed sources."""
    states = load_states(engine)
    out = [
        SourceStatus(s.name, s.kind, s.url, s.enabled, True, states.pop(s.name, SourceState(s.name))) for s in sources
    ]
    out += [SourceStatus(name, "?", st.url or "", False, False, st) for name, st in sorted(states.items())]
    return out
