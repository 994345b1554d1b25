"""Commands that touch the event log directly: create it, append to it by hand, read it back.

They sit together because they need nothing but the store and the schema, so they are the
first thing to reach for when the higher-level views are in doubt.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from tracker.alerts.outbox import enqueue_for_event
from tracker.cli.common import (
    ExitCode,
    JsonOpt,
    actor,
    appended,
    console,
    date_option,
    fail,
    guarded,
    print_json,
    state,
)
from tracker.dates import iso_utc
from tracker.db import transaction
from tracker.events import DIRECTIONS, ManualMoveRecorded
from tracker.ids import person_id
from tracker.projections.runner import run_projections
from tracker.store import NewEvent


@guarded
def init(ctx: typer.Context) -> None:
    """Create the database or upgrade it to the newest schema (Alembic migrations)."""
    engine = state(ctx).engine
    console.print(f"schema up to date at {engine.url.render_as_string(hide_password=True)}")


@guarded
def record(
    ctx: typer.Context,
    direction: Annotated[str, typer.Argument(help="joined | left | founded | role_changed")],
    person: Annotated[str, typer.Option("--person", help="Full name as written.")],
    org: Annotated[str, typer.Option("--org", help="Organisation name.")],
    role: Annotated[str | None, typer.Option("--role")] = None,
    team: Annotated[str | None, typer.Option("--team")] = None,
    date: Annotated[str | None, typer.Option("--date", callback=date_option, help="YYYY-MM-DD or YYYY-MM.")] = None,
    source: Annotated[str | None, typer.Option("--source", help="URL that proves it.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Record a move by hand (a ManualMoveRecorded event with you as the actor)."""
    if direction not in DIRECTIONS:
        fail(f"direction must be one of {', '.join(DIRECTIONS)}, not {direction!r}", ExitCode.USAGE)
    payload = ManualMoveRecorded(person=person, org=org, direction=direction, role=role, team=team)
    meta = {"actor": actor(), "source_url": source}
    st = state(ctx)
    with transaction(st.engine) as session:  # the event and its alert commit together
        [event] = st.store.append(person_id(person), [NewEvent(payload, occurred_on=date, meta=meta)], session=session)
        enqueue_for_event(session, st.settings, event)
    run_projections(st.engine, st.settings)
    appended(event, as_json, f"recorded {person} {direction} {org}")


@guarded
def events(
    ctx: typer.Context,
    after: Annotated[int, typer.Option("--after", help="Only events after this position.")] = 0,
    limit: Annotated[int | None, typer.Option("--limit", min=1)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """List events in log order."""
    stream = state(ctx).store.read_all(after_position=after, limit=limit)
    if as_json:
        for event in stream:
            print_json(event.to_json())
        return
    table = Table("pos", "recorded", "type", "stream", "v", "summary")
    for event in stream:
        summary = ", ".join(f"{k}={v}" for k, v in event.data.items() if v is not None)
        table.add_row(str(event.position), iso_utc(event.recorded_at)[:19], event.type, event.stream_id,
                      str(event.stream_version), summary)  # fmt: skip
    console.print(table)
