"""Fixing what the tracker believes without rewriting history: each correction is a new event.

Both commands refresh the projections afterwards, so the fix shows in the very next query.
"""

from __future__ import annotations

from typing import Annotated

import typer

from tracker.cli.common import ExitCode, JsonOpt, actor, appended, fail, guarded, state
from tracker.projections import corrections
from tracker.projections.runner import run_projections


@guarded
def retract(
    ctx: typer.Context,
    event_id: Annotated[str, typer.Argument(help="The move (or corroboration) event to retract.")],
    reason: Annotated[str, typer.Option("--reason", help="Why it is wrong (kept in the log).")],
    as_json: JsonOpt = False,
) -> None:
    """Mark a reported move as wrong: appends MoveRetracted; views drop the move, the log keeps it."""
    st = state(ctx)
    try:
        event = corrections.retract(st.engine, event_id, reason, actor(), st.settings)
    except corrections.CorrectionError as exc:
        fail(str(exc), ExitCode.USAGE)
    run_projections(st.engine, st.settings)
    appended(event, as_json, f"retracted {event_id}")


@guarded
def merge(
    ctx: typer.Context,
    kind: Annotated[str, typer.Argument(help="person | org")],
    alias: Annotated[str, typer.Argument(help="The other name (becomes an alias).")],
    canonical: Annotated[str, typer.Argument(help="The name to keep.")],
    as_json: JsonOpt = False,
) -> None:
    """Declare two names one entity: appends EntityMerged; views re-resolve history too."""
    st = state(ctx)
    try:
        event = corrections.merge(st.engine, kind, alias, canonical, actor())
    except corrections.CorrectionError as exc:
        fail(str(exc), ExitCode.USAGE)
    run_projections(st.engine, st.settings)
    appended(event, as_json, f"merged {kind} {alias!r} into {canonical!r}")
