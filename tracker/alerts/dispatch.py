"""The dispatcher: sends due outbox rows through a sink, exactly once in normal operation.

Each send is bracketed by two committed transactions: claim (state `sending`, attempts+1,
`message_key`, `claimed_at`) before the call, and mark (`sent` with Slack channel + ts, or
`failed`/`parked`) after it. A crash between the two leaves the row in `sending`; once its
lease has expired the next dispatch asks the sink whether a message carrying that key
landed (Slack: conversations.history, the key rides in message metadata) and marks it sent
if so; otherwise, or when the sink cannot tell (webhook, console, missing scope), it sends
again: at-least-once, never lost. Claims are conditional updates, so two dispatchers
(daemon and `tracker alerts send`) never send the same row.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, func, or_, select, update

from tracker.alerts.outbox import CANCELLED, FAILED, OUTBOX, PARKED, PENDING, SENDING, SENT
from tracker.alerts.render import render_digest
from tracker.alerts.sinks import CannotCheck, Delivery, Sink, SinkError, make_sink
from tracker.dates import to_utc, utc_now
from tracker.db import read_session, transaction
from tracker.settings import Settings

DEFAULT_LEASE_SECONDS = 300.0  # longer than any in-process retry sequence of one send
MAX_BACKOFF_SECONDS = 3600.0


@dataclass
class DispatchReport:
    sent: int = 0  # alerts delivered now
    messages: int = 0  # Slack messages posted (a digest carries several alerts)
    failed: int = 0  # will be retried
    parked: int = 0  # gave up: needs a human (see `tracker alerts list --state parked`)
    recovered: int = 0  # interrupted sends found already delivered (not resent)
    resent: int = 0  # interrupted sends that could not be confirmed and were queued again
    cancelled: int = 0
    held: int = 0  # waiting for the channel's next digest
    errors: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class _Row:
    id: int
    alert_key: str
    kind: str
    channel: str
    state: str
    attempts: int
    payload: str
    reply_to_key: str | None
    created_at: datetime
    message_key: str | None
    claimed_at: datetime | None
    slack_channel: str | None


_COLUMNS = [OUTBOX.c[name] for name in _Row.__dataclass_fields__]


def _rows(result: Sequence[Any]) -> list[_Row]:
    out = []
    for r in result:
        data = dict(r._mapping)
        data["created_at"] = to_utc(data["created_at"])
        data["claimed_at"] = to_utc(data["claimed_at"]) if data["claimed_at"] else None
        out.append(_Row(**data))
    return out


def dispatch_pending(
    engine: Engine,
    settings: Settings,
    *,
    sink: Sink | None = None,
    now: datetime | None = None,
    lease_seconds: float = DEFAULT_LEASE_SECONDS,
) -> DispatchReport:
    """Send every due alert; returns what happened. Safe to call often and concurrently."""
    now = to_utc(now or utc_now())
    sink = sink or make_sink(settings)
    report = DispatchReport()
    _recover_interrupted(engine, sink, now, lease_seconds, report)
    with read_session(engine) as session:
        due = _rows(
            session.execute(
                select(*_COLUMNS)
                .where(OUTBOX.c.state.in_([PENDING, FAILED]))
                .where(or_(OUTBOX.c.next_attempt_at.is_(None), OUTBOX.c.next_attempt_at <= now))
                .order_by(OUTBOX.c.id)
            ).all()
        )
    digest = settings.alerts.digest_seconds
    singles = [r for r in due if digest is None or r.kind == "correction"]
    held = [r for r in due if digest is not None and r.kind != "correction"]
    for row in singles:
        if row.kind == "correction":
            _send_correction(engine, settings, sink, row, now, report)
        else:
            _send(engine, settings, sink, [row], json.loads(row.payload), row.alert_key, None, row.channel, now, report)
    if digest is not None:
        for channel in sorted({r.channel for r in held}):
            rows = [r for r in held if r.channel == channel]
            _send_digest(engine, settings, sink, channel, rows, digest, now, report)
    return report


def _recover_interrupted(engine: Engine, sink: Sink, now: datetime, lease: float, report: DispatchReport) -> None:
    """Rows left in `sending` past their lease: a crash (or kill) between send and mark."""
    with read_session(engine) as session:
        stale = _rows(
            session.execute(
                select(*_COLUMNS)
                .where(OUTBOX.c.state == SENDING, OUTBOX.c.claimed_at <= now - timedelta(seconds=lease))
                .order_by(OUTBOX.c.id)
            ).all()
        )
    groups: dict[str, list[_Row]] = {}
    for row in stale:
        groups.setdefault(row.message_key or row.alert_key, []).append(row)
    for key, rows in groups.items():
        channel = rows[0].channel
        claimed = rows[0].claimed_at or now
        try:
            found = sink.find_sent(channel, _known_channel_id(engine, channel), key, claimed)
            why = "not found in the channel history"
        except CannotCheck as exc:
            found, why = None, f"cannot check whether it landed ({exc}); resending (at-least-once)"
        if found is not None:
            _mark_sent(engine, rows, key, found, now)
            report.recovered += len(rows)
            continue
        with transaction(engine) as session:
            session.execute(
                update(OUTBOX)
                .where(OUTBOX.c.id.in_([r.id for r in rows]), OUTBOX.c.state == SENDING, OUTBOX.c.message_key == key)
                .values(state=FAILED, next_attempt_at=now, last_error=f"send interrupted; {why}")
            )
        report.resent += len(rows)


def _known_channel_id(engine: Engine, channel: str) -> str | None:
    """Slack's id for `channel`, from any earlier delivery there (saves a conversations.list)."""
    with read_session(engine) as session:
        return session.execute(
            select(OUTBOX.c.slack_channel)
            .where(OUTBOX.c.channel == channel, OUTBOX.c.slack_ts.is_not(None), OUTBOX.c.slack_channel.is_not(None))
            .limit(1)
        ).scalar()


def _claim(engine: Engine, rows: list[_Row], message_key: str, thread_ts: str | None, now: datetime) -> bool:
    """Conditional update from the state we read: False (nothing claimed) if another dispatcher won."""
    with transaction(engine) as session:
        for row in rows:
            result = session.execute(
                update(OUTBOX)
                .where(OUTBOX.c.id == row.id, OUTBOX.c.state == row.state, OUTBOX.c.attempts == row.attempts)
                .values(
                    state=SENDING,
                    attempts=row.attempts + 1,
                    claimed_at=now,
                    message_key=message_key,
                    thread_ts=thread_ts,
                )
            )
            if result.rowcount != 1:  # type: ignore[attr-defined]
                session.rollback()
                return False
    return True


def _mark_sent(engine: Engine, rows: list[_Row], key: str, delivery: Delivery, now: datetime) -> None:
    with transaction(engine) as session:
        session.execute(
            update(OUTBOX)
            .where(OUTBOX.c.id.in_([r.id for r in rows]), OUTBOX.c.state == SENDING, OUTBOX.c.message_key == key)
            .values(state=SENT, slack_channel=delivery.channel, slack_ts=delivery.ts, sent_at=now, last_error=None, next_attempt_at=None)
        )  # fmt: skip


def _clip(text: str, limit: int = 500) -> str:
    """An error page can be megabytes of HTML; the outbox keeps the start."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def backoff_seconds(attempts: int) -> float:
    return float(min(MAX_BACKOFF_SECONDS, 60.0 * 2 ** max(0, attempts - 1)))


def _mark_failed(
    engine: Engine, settings: Settings, rows: list[_Row], key: str, exc: SinkError, now: datetime,
    report: DispatchReport,
) -> None:  # fmt: skip
    with transaction(engine) as session:
        for row in rows:
            attempts = row.attempts + 1
            if exc.permanent or attempts >= settings.alerts.max_attempts:
                why = _clip(str(exc)) if exc.permanent else f"{exc} (gave up after {attempts} attempts)"
                values: dict[str, Any] = {"state": PARKED, "last_error": why, "next_attempt_at": None}
                report.parked += 1
            else:
                wait = exc.retry_after if exc.retry_after is not None else backoff_seconds(attempts)
                values = {
                    "state": FAILED,
                    "last_error": _clip(str(exc)),
                    "next_attempt_at": now + timedelta(seconds=wait),
                }
                report.failed += 1
            session.execute(
                update(OUTBOX).where(OUTBOX.c.id == row.id, OUTBOX.c.state == SENDING, OUTBOX.c.message_key == key)
                .values(**values)
            )  # fmt: skip
    report.errors.append(f"{rows[0].alert_key}: {exc}")


def _send(
    engine: Engine, settings: Settings, sink: Sink, rows: list[_Row], message: dict[str, Any], key: str,
    thread_ts: str | None, channel: str, now: datetime, report: DispatchReport,
) -> None:  # fmt: skip
    if not _claim(engine, rows, key, thread_ts, now):
        return
    try:
        delivery = sink.send(channel, message, message_key=key, thread_ts=thread_ts)
    except SinkError as exc:
        _mark_failed(engine, settings, rows, key, exc, now, report)
        return
    except Exception as exc:  # a bug or surprise in a sink: retry later rather than strand the row in `sending`
        _mark_failed(engine, settings, rows, key, SinkError(f"unexpected error: {exc!r}"), now, report)
        return
    _mark_sent(engine, rows, key, delivery, now)
    report.sent += len(rows)
    report.messages += 1


def _send_correction(
    engine: Engine, settings: Settings, sink: Sink, row: _Row, now: datetime, report: DispatchReport
) -> None:
    """Threaded under the original; if the original never went out, neither does the correction."""
    with read_session(engine) as session:
        original = session.execute(select(OUTBOX).where(OUTBOX.c.alert_key == row.reply_to_key)).first()
    if original is not None and original.state == SENDING:
        return  # its fate is not known yet; decide on a later dispatch
    if original is None or original.state != SENT:
        with transaction(engine) as session:
            session.execute(
                update(OUTBOX).where(OUTBOX.c.id == row.id, OUTBOX.c.state == row.state)
                .values(state=CANCELLED, last_error="the retracted alert was never delivered", next_attempt_at=None)
            )  # fmt: skip
            if original is not None and original.state in (PENDING, FAILED):
                session.execute(
                    update(OUTBOX).where(OUTBOX.c.id == original.id, OUTBOX.c.state == original.state)
                    .values(state=CANCELLED, last_error="move retracted before delivery", next_attempt_at=None)
                )  # fmt: skip
        report.cancelled += 1
        return
    channel = original.slack_channel if original.slack_ts and original.slack_channel else row.channel
    _send(engine, settings, sink, [row], json.loads(row.payload), row.alert_key, original.slack_ts, channel, now,
          report)  # fmt: skip


def _send_digest(
    engine: Engine, settings: Settings, sink: Sink, channel: str, rows: list[_Row], interval: float,
    now: datetime, report: DispatchReport,
) -> None:  # fmt: skip
    """One message per channel per interval: held until `interval` has passed since the
    channel's last digest (or, for the first, since its oldest held alert)."""
    with read_session(engine) as session:
        last = session.execute(
            select(func.max(OUTBOX.c.sent_at)).where(
                OUTBOX.c.channel == channel, OUTBOX.c.state == SENT, OUTBOX.c.message_key.like("digest:%")
            )
        ).scalar()
    reference = to_utc(last) if last else min(r.created_at for r in rows)
    if now < reference + timedelta(seconds=interval):
        report.held += len(rows)
        return
    parts = render_digest([json.loads(r.payload) for r in rows], f"every {settings.alerts.digest}")
    start = 0
    for message, count in parts:
        chunk = rows[start : start + count]
        start += count
        _send(engine, settings, sink, chunk, message, f"digest:{uuid.uuid4().hex}", None, channel, now, report)
