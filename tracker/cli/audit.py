"""Commands for trusting the log and carrying it elsewhere: check it, replay it, trace an answer
back to its evidence, and move it between stores without breaking the hash chain.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Iterable, Mapping
from contextlib import nullcontext
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table
from rich.tree import Tree

from tracker.audit.explain import explain as explain_person
from tracker.audit.replay import parse_moment, position_as_of, replayed_rosters
from tracker.audit.replay import replay as run_replay
from tracker.audit.transfer import CSV_COLUMNS, ImportRefused, export_rows, import_events
from tracker.audit.verify import verify as verify_log
from tracker.cli.common import (
    ExitCode,
    JsonOpt,
    console,
    err_console,
    fail,
    guarded,
    print_json,
    progress_bar,
    state,
)
from tracker.projections import queries as projection_queries
from tracker.projections.queries import FlowLine
from tracker.projections.runner import projection_rows, run_projections
from tracker.projections.tables import LIVE
from tracker.store import EventStore


@guarded
def verify(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Check the hash chain, positions, stream versions, upcasters and append-only triggers.

    Exit 1 naming the first bad position."""
    engine = state(ctx).engine
    head = EventStore(engine).head()
    with progress_bar() as bar:
        task = bar.add_task("verifying", total=head.position if head else 0)
        report = verify_log(engine, lambda n: bar.update(task, completed=n))
    if as_json:
        print_json({"ok": report.ok, "checked": report.checked, "head": report.head_position,
                    "first_bad_position": report.first_bad_position, "problems": report.problems})  # fmt: skip
    elif report.ok:
        console.print(f"[green]ok[/]: {report.checked} events, chain intact to position {report.head_position}")
    else:
        for problem in report.problems:
            err_console.print(f"[bold red]broken[/]: {problem}", highlight=False)
    if not report.ok:
        raise typer.Exit(int(ExitCode.CHECK_FAILED))


@guarded
def export_cmd(
    ctx: typer.Context,
    fmt: Annotated[str, typer.Option("--format", help="jsonl | csv")] = "jsonl",
    after: Annotated[int, typer.Option("--after", help="Only events after this position (view events).")] = 0,
    view: Annotated[str, typer.Option("--view", help="events | roster | flows")] = "events",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write (default stdout).")] = None,
) -> None:
    """Stream the log (or a view) as JSON Lines or CSV; a JSONL export of events re-imports."""
    if fmt not in ("jsonl", "csv"):
        fail(f"--format must be jsonl or csv, not {fmt!r}", ExitCode.USAGE)
    if view not in ("events", "roster", "flows"):
        fail(f"--view must be events, roster or flows, not {view!r}", ExitCode.USAGE)
    st = state(ctx)
    rows: Iterable[Mapping[str, Any]]
    if view == "events":
        head = st.store.head()
        total: int | None = max(0, (head.position if head else 0) - after)
        rows, columns = (e.to_json() for e in st.store.read_all(after_position=after)), CSV_COLUMNS
    else:
        run_projections(st.engine, st.settings)
        total = None
        if view == "roster":
            columns = [c.name for c in LIVE.spans.columns]
            rows = (dict(zip(columns, r, strict=True)) for r in projection_rows(st.engine, "spans"))
        else:
            columns = [f.name for f in dataclasses.fields(FlowLine)]
            rows = (f.to_json() for f in projection_queries.flows(st.engine, st.settings))
    with (
        progress_bar() as bar,
        output.open("w", encoding="utf-8", newline="") if output else nullcontext(sys.stdout) as out,
    ):
        task = bar.add_task(f"exporting {view}", total=total)
        count = export_rows(rows, out, fmt, columns, lambda n: bar.update(task, completed=n))
    err_console.print(f"exported {count} {view} rows", highlight=False)


@guarded
def replay(
    ctx: typer.Context,
    to_position: Annotated[
        int | None, typer.Option("--to-position", min=0, help="Replay only up to this position.")
    ] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Replay what was recorded by this date or UTC datetime.")
    ] = None,
    org: Annotated[list[str] | None, typer.Option("--org", help="Rosters to show (default: watched).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Rebuild every view from position 0 into scratch tables and compare with the live ones.

    Exit 1 on any difference. With --to-position or --as-of, show the rosters as then known."""
    st = state(ctx)
    if to_position is not None and as_of is not None:
        fail("choose one of --to-position and --as-of", ExitCode.USAGE)
    if as_of is not None:
        try:
            to_position = position_as_of(st.engine, parse_moment(as_of))
        except ValueError as exc:
            fail(str(exc), ExitCode.USAGE)
    with progress_bar() as bar:
        task = bar.add_task("replaying", total=None)
        report = run_replay(
            st.engine, st.settings, to_position=to_position,
            progress=lambda done, total: bar.update(task, completed=done, total=total),
        )  # fmt: skip
    if to_position is not None:
        rosters = replayed_rosters(st.engine, st.settings, org)
        if as_json:
            print_json(
                {"position": report.position, "rosters": {o: [ln.to_json() for ln in ls] for o, ls in rosters.items()}}
            )
            return
        console.print(f"rosters as known at position {report.position} ({report.applied} events replayed)")
        for name, lines in rosters.items():
            table = Table("person", "role", "team", "since", title=f"{name}: {len(lines)} people")
            for line in lines:
                table.add_row(line.person, line.role or "", line.team or "", line.since or "")
            console.print(table)
        return
    if as_json:
        print_json(report.to_json())
    else:
        table = Table(
            "view", "rows", "live only", "replay only", "result", title=f"replay to position {report.position}"
        )
        for v in report.views:
            table.add_row(
                v.view, str(v.rows), str(v.only_live), str(v.only_replay), "[green]equal" if v.equal else "[red]differs"
            )
        console.print(table)
        for v in report.views:
            for example in v.examples:
                err_console.print(f"{v.view}: {example}", highlight=False, markup=False)
    if not report.ok:
        raise typer.Exit(int(ExitCode.CHECK_FAILED))


@guarded
def explain(
    ctx: typer.Context,
    person: Annotated[str, typer.Argument(help="Person's name.")],
    org: Annotated[str | None, typer.Argument(help="Only this organisation.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """The events, documents and evidence sentences behind a person's roster lines."""
    st = state(ctx)
    run_projections(st.engine, st.settings)
    result = explain_person(st.engine, st.settings, person, org)
    if not result.stints and not result.reports:
        fail(f"no events about {person!r}" + (f" at {org!r}" if org else ""), ExitCode.USAGE)
    if as_json:
        print_json(result.to_json())
        return
    tree = Tree(f"[bold]{escape(result.person)}[/] ({result.person_id})")
    stints = tree.add("roster lines")
    for s in result.stints:
        role = f", {s.role}" if s.role else ""
        stints.add(escape(f"{s.org}{role}: {s.since or '?'} → {s.until or 'now'}  events {', '.join(s.event_ids)}"))
    reports = tree.add("events")
    for r in result.reports:
        node = reports.add(escape(f"#{r.position} {r.type} {r.recorded_at[:19]} by {r.actor or '?'}: {r.summary}"))
        if r.retracted_by:
            node.add(f"[red]retracted by {r.retracted_by}")
        if r.evidence:
            node.add(escape(f"“{r.evidence}” (confidence {r.confidence})"))
        if r.source:
            node.add(escape(" · ".join(x for x in (r.source.title, r.source.url, r.source.fetched_at) if x)))
    console.print(tree)


@guarded
def import_cmd(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="A JSONL export of events.", exists=True, dir_okay=False)],
) -> None:
    """Load a JSONL export into an empty store: positions and hashes are kept, so the chain is equal."""
    engine = state(ctx).engine
    with progress_bar() as bar, file.open(encoding="utf-8") as lines:
        task = bar.add_task("importing", total=None)
        try:
            count = import_events(engine, lines, lambda n: bar.update(task, completed=n))
        except ImportRefused as exc:
            fail(f"{file}: {exc} (nothing imported)", ExitCode.USAGE)
    console.print(f"imported {count} events from {file}")
