"""The Slack alert outbox seen from the terminal: inspect it, flush it, prove the destination works.

Operators need these without waiting for the daemon: to see why an alert was parked, to push
one out after fixing the cause, and to check a new token or webhook before relying on it.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from tracker.alerts.dispatch import dispatch_pending
from tracker.alerts.outbox import STATES, list_alerts
from tracker.alerts.sinks import SinkError, make_sink, sample_message
from tracker.cli.common import ExitCode, JsonOpt, console, err_console, fail, guarded, print_json, state
from tracker.dates import iso_utc


@guarded
def alerts_list(
    ctx: typer.Context,
    state_filter: Annotated[
        str | None, typer.Option("--state", help="pending | sending | sent | failed | parked | cancelled")
    ] = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1)] = None,
    as_json: JsonOpt = False,
) -> None:
    """The alert outbox, oldest first: state, attempts, the last error (parked alerts say why)."""
    if state_filter is not None and state_filter not in STATES:
        fail(f"--state must be one of {', '.join(STATES)}, not {state_filter!r}", ExitCode.USAGE)
    alerts = list_alerts(state(ctx).engine, state_filter, limit)
    if as_json:
        print_json([a.to_json() for a in alerts])
        return
    table = Table("id", "state", "kind", "alert", "channel", "tries", "last error / slack ts", title="alert outbox")
    colours = {"sent": "green", "parked": "bold red", "failed": "yellow", "cancelled": "dim"}
    for a in alerts:
        detail = a.last_error or (f"{a.slack_channel} {a.slack_ts}" if a.slack_ts else "")
        if a.state == "failed" and a.next_attempt_at:
            detail = f"{detail} (next try {iso_utc(a.next_attempt_at)[:19]})"
        colour = colours.get(a.state, "")
        table.add_row(str(a.id), f"[{colour}]{a.state}[/]" if colour else a.state, a.kind, a.summary, a.channel,
                      str(a.attempts), detail)  # fmt: skip
    console.print(table)


@guarded
def alerts_send(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Dispatch due alerts now (the daemon also does this after each poll and on its own schedule)."""
    st = state(ctx)
    report = dispatch_pending(st.engine, st.settings)
    if as_json:
        print_json(report.to_json())
    else:
        console.print(
            f"sent {report.sent} alert(s) in {report.messages} message(s); failed {report.failed}, "
            f"parked {report.parked}, held for digest {report.held}, recovered {report.recovered}, "
            f"cancelled {report.cancelled}"
        )
        for error in report.errors:
            err_console.print(f"[yellow]warning[/]: {error}", highlight=False)
    if report.parked:
        raise typer.Exit(int(ExitCode.CHECK_FAILED))


@guarded
def alerts_test(ctx: typer.Context) -> None:
    """Send a sample alert to the configured destination; exit 1 with Slack's exact error on failure."""
    settings = state(ctx).settings
    sink = make_sink(settings)
    try:
        delivery = sink.send(settings.slack.channel, sample_message(), message_key="test:sample")
    except SinkError as exc:
        fail(f"{sink.name}: {exc}", ExitCode.CHECK_FAILED)
    where = f"{delivery.channel} ts {delivery.ts}" if delivery.ts else (delivery.channel or sink.name)
    console.print(f"[green]ok[/]: sample alert sent via {sink.name} to {where}")
