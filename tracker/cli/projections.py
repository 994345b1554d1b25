"""Maintenance of the projections, for when the views must be rebuilt or their lag checked.

Queries catch the projections up on their own; these commands exist for operators who need
to start them over or see how far behind the log they are.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from tracker.cli.common import JsonOpt, console, err_console, guarded, print_json, state
from tracker.db import read_session
from tracker.projections.runner import checkpoint
from tracker.projections.runner import rebuild as rebuild_projections
from tracker.projections.tables import LIVE


@guarded
def projections_rebuild(
    ctx: typer.Context,
    to_position: Annotated[int | None, typer.Option("--to-position", min=0, help="Replay only up to here.")] = None,
    scratch: Annotated[bool, typer.Option("--scratch", help="Rebuild into the scratch tables.")] = False,
) -> None:
    """Drop the projections and replay the event log from position 0."""
    st = state(ctx)
    columns = (TextColumn("replaying"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err_console, transient=False) as bar:
        task = bar.add_task("replay", total=None)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        applied = rebuild_projections(
            st.engine, st.settings, target="scratch" if scratch else "live", to_position=to_position, progress=progress
        )
    console.print(f"rebuilt projections from {applied} events")


@guarded
def projections_status(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Checkpoint of the projections against the head of the log."""
    st = state(ctx)
    head = st.store.head()
    with read_session(st.engine) as session:
        position = checkpoint(session, LIVE)
    out = {"checkpoint": position, "head": head.position if head else 0}
    if as_json:
        print_json(out)
    else:
        console.print(f"projections at position {out['checkpoint']}, log head at {out['head']}")
