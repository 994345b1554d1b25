"""The `tracker` command line: thin wrappers that build services and print their results.

Exit codes (stable, scripts rely on them):
  0 success · 1 a check failed (verify, replay) · 2 bad usage, config or input ·
  3 database unavailable, locked or schema problem · 4 conflict (stale stream version).
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import getpass
import json
import os
import sys
from collections.abc import Callable, Iterable, Mapping
from contextlib import nullcontext
from enum import IntEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn, ParamSpec, TypeVar

import typer
from alembic.util import CommandError as AlembicError
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table
from rich.tree import Tree
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from tracker.alerts.outbox import enqueue_for_event
from tracker.audit.explain import explain as explain_person
from tracker.audit.replay import parse_moment, position_as_of, replayed_rosters
from tracker.audit.replay import replay as run_replay
from tracker.audit.transfer import CSV_COLUMNS, ImportRefused, export_rows, import_events
from tracker.audit.verify import verify as verify_log
from tracker.daemon import run_daemon
from tracker.dates import DateError, floor, iso_utc, parse_partial_date
from tracker.db import make_engine, migrate, read_session, transaction
from tracker.events import DIRECTIONS, ManualMoveRecorded
from tracker.extract import extract, move_to_json
from tracker.extract.batch import run_batch
from tracker.extract.resolve import resolver_from_settings
from tracker.ids import person_id
from tracker.ingest import CycleReport, poll_once, select_sources
from tracker.projections import corrections
from tracker.projections import queries as projection_queries
from tracker.projections.queries import FlowLine
from tracker.projections.queries import roster as roster_query
from tracker.projections.runner import checkpoint, projection_rows, run_projections
from tracker.projections.runner import rebuild as rebuild_projections
from tracker.projections.tables import LIVE
from tracker.settings import ConfigError, Settings, load_settings
from tracker.sources.state import source_statuses
from tracker.store import ConcurrencyError, EventStore, NewEvent, RecordedEvent

app = typer.Typer(
    name="tracker",
    help="Event-sourced tracker of executive hires and departures, with Slack alerts.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
console = Console()
err_console = Console(stderr=True)


class ExitCode(IntEnum):
    OK = 0
    CHECK_FAILED = 1
    USAGE = 2
    DATABASE = 3
    CONFLICT = 4


def fail(message: str, code: ExitCode) -> NoReturn:
    err_console.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(int(code))


P = ParamSpec("P")
R = TypeVar("R")


def guarded(fn: Callable[P, R]) -> Callable[P, R]:
    """Turn the failures users can cause or fix into one line and a meaningful exit code."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except ConfigError as exc:
            fail(str(exc), ExitCode.USAGE)
        except DateError as exc:
            fail(str(exc), ExitCode.USAGE)
        except ConcurrencyError as exc:
            fail(str(exc), ExitCode.CONFLICT)
        except OperationalError as exc:
            fail(f"database error: {exc.orig or exc}", ExitCode.DATABASE)
        except AlembicError as exc:  # e.g. a database migrated by a newer version of tracker
            fail(f"database schema: {exc} (is this tracker older than the database?)", ExitCode.DATABASE)

    return wrapper


class AppState:
    """Settings and engine, built on first use so `--help` never touches the database."""

    def __init__(self, config: Path | None) -> None:
        self.config = config
        self._settings: Settings | None = None
        self._engine: Engine | None = None

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = load_settings(self.config)
        return self._settings

    @property
    def engine(self) -> Engine:
        """Migrate on start: every command brings the schema up to date first (see README)."""
        if self._engine is None:
            db = self.settings.database
            self._engine = make_engine(db.url, busy_timeout=db.busy_timeout)
            migrate(self._engine)
        return self._engine

    @property
    def store(self) -> EventStore:
        return EventStore(self.engine)


def state(ctx: typer.Context) -> AppState:
    obj = ctx.find_root().obj
    assert isinstance(obj, AppState)
    return obj


def actor() -> str:
    return os.environ.get("TRACKER_ACTOR") or f"cli:{getpass.getuser()}"


def date_option(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return parse_partial_date(value)
    except DateError as exc:
        raise typer.BadParameter(str(exc)) from None


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, default=str) + "\n")


def appended(event: RecordedEvent, as_json: bool, what: str) -> None:
    """What a command that appends prints: the event as JSON, or one line for people."""
    if as_json:
        print_json(event.to_json())
    else:
        console.print(f"{what} at position {event.position} ({event.event_id})", highlight=False)


def progress_bar() -> Progress:
    """A progress bar on stderr, so stdout stays clean for data."""
    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=err_console, transient=True,
    )  # fmt: skip


ConfigOpt = Annotated[
    Path | None,
    typer.Option("--config", "-c", envvar="TRACKER_CONFIG", help="Config file (default config/tracker.toml)."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


@app.callback()
def main(ctx: typer.Context, config: ConfigOpt = None) -> None:
    ctx.obj = AppState(config)


@app.command()
@guarded
def init(ctx: typer.Context) -> None:
    """Create the database or upgrade it to the newest schema (Alembic migrations)."""
    engine = state(ctx).engine
    console.print(f"schema up to date at {engine.url.render_as_string(hide_password=True)}")


@app.command()
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


@app.command()
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


@app.command()
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


@app.command()
@guarded
def roster(
    ctx: typer.Context,
    org: Annotated[str, typer.Argument(help="Organisation name (aliases and merges resolve).")],
    as_of: Annotated[
        str | None, typer.Option("--as-of", callback=date_option, help="Roster on this date (YYYY-MM-DD, YYYY-MM).")
    ] = None,
    as_json: JsonOpt = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV instead of a table.")] = False,
) -> None:
    """Who is at ORG now, or on a past date, with role and since (~ marks an approximate date)."""
    if as_json and as_csv:
        fail("choose one of --json and --csv", ExitCode.USAGE)
    st = state(ctx)
    run_projections(st.engine, st.settings)
    lines = roster_query(st.engine, st.settings, org, as_of)
    if as_json:
        print_json([line.to_json() for line in lines])
        return
    if as_csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(["person", "role", "team", "since", "since_approximate", "opened_by"])
        for line in lines:
            writer.writerow([line.person, line.role or "", line.team or "", line.since or "",
                             int(line.since_approximate), line.opened_by or ""])  # fmt: skip
        return
    when = f" on {as_of}" if as_of else ""
    table = Table("person", "role", "team", "since", title=f"{org}{when}: {len(lines)} people")
    for line in lines:
        since = (line.since or "unknown") + (" ~" if line.since_approximate and line.since else "")
        role = line.role or ("founder" if line.opened_by == "founded" else "")
        table.add_row(line.person, role, line.team or "", since)
    console.print(table)


# --- projections ---

projections_app = typer.Typer(help="Maintain the projections (roster, timeline, flows).", no_args_is_help=True)
app.add_typer(projections_app, name="projections")


def _dates(left: str | None, joined: str | None) -> tuple[str, str]:
    return left or "?", joined or "?"


@app.command()
@guarded
def person(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Person's name (merged aliases resolve).")],
    as_json: JsonOpt = False,
) -> None:
    """A person's moves in order, with role, dates and every source."""
    st = state(ctx)
    run_projections(st.engine, st.settings)
    display, entries = projection_queries.timeline(st.engine, st.settings, name)
    if as_json:
        print_json({"person": display, "moves": entries})
        return
    if not entries:
        console.print(f"no moves known for {name}")
        return
    table = Table("date", "move", "role", "sources", title=display)
    for e in entries:
        if e["kind"] == "role_changed":
            when, move = e["joined_on"] or "?", f"new role at {e['to_org']}"
        else:
            left, joined = _dates(e["left_on"], e["joined_on"])
            arrive = "founded" if e["founded"] else "joined"
            if e["from_org"] and e["to_org"]:
                when, move = joined, f"{e['from_org']} → {e['to_org']} (left {left}, {arrive} {joined})"
            elif e["from_org"]:
                when, move = left, f"left {e['from_org']}"
            else:
                when, move = joined, f"{arrive} {e['to_org']}"
        mark = " ~" if e["approximate"] else ""
        table.add_row(when + mark, move, e["role"] or "", "\n".join(e["sources"]))
    console.print(table)


@app.command()
@guarded
def flows(
    ctx: typer.Context,
    from_org: Annotated[str | None, typer.Option("--from", help="Organisation they left.")] = None,
    to_org: Annotated[str | None, typer.Option("--to", help="Organisation they later joined.")] = None,
    since: Annotated[
        str | None, typer.Option("--since", callback=date_option, help="Only joins on or after this date.")
    ] = None,
    matrix: Annotated[bool, typer.Option("--matrix", help="Counts across the watched organisations.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Who left one organisation and later joined another (alumni flows), with dates."""
    st = state(ctx)
    run_projections(st.engine, st.settings)
    if matrix:
        orgs, counts = projection_queries.flow_matrix(
            st.engine, st.settings, projection_queries.watched_orgs(st.settings), since
        )
        if as_json:
            print_json(
                {"orgs": orgs, "counts": [{"from": a, "to": b, "count": n} for (a, b), n in sorted(counts.items())]}
            )
            return
        table = Table("from \\ to", *orgs, title="people who left (row) and later joined (column)")
        for a in orgs:
            table.add_row(a, *(str(counts.get((a, b), "")) if a != b else "·" for b in orgs))
        console.print(table)
        return
    lines = projection_queries.flows(st.engine, st.settings, from_org=from_org, to_org=to_org, since=since)
    if as_json:
        print_json({"count": len({line.person_id for line in lines}), "flows": [line.to_json() for line in lines]})
        return
    title = f"{from_org or 'any'} → {to_org or 'any'}: {len({line.person_id for line in lines})} people"
    table = Table("person", "from", "left", "to", "joined", title=title)
    for line in lines:
        table.add_row(line.person, line.from_org, line.left_on, line.to_org, line.joined_on)
    console.print(table)


@app.command()
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


@app.command()
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


@projections_app.command("rebuild")
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


@projections_app.command("status")
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


# --- audit ---
@app.command("export")
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


@app.command()
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


@app.command()
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


@app.command("import")
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


# --- alerts ---
alerts_app = typer.Typer(help="Slack alerts: the outbox, dispatching, and a test message.", no_args_is_help=True)
app.add_typer(alerts_app, name="alerts")


@alerts_app.command("list")
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
    from tracker.alerts.outbox import STATES, list_alerts

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


@alerts_app.command("send")
@guarded
def alerts_send(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Dispatch due alerts now (the daemon also does this after each poll and on its own schedule)."""
    from tracker.alerts.dispatch import dispatch_pending

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


@alerts_app.command("test")
@guarded
def alerts_test(ctx: typer.Context) -> None:
    """Send a sample alert to the configured destination; exit 1 with Slack's exact error on failure."""
    from tracker.alerts.sinks import SinkError, make_sink, sample_message

    settings = state(ctx).settings
    sink = make_sink(settings)
    try:
        delivery = sink.send(settings.slack.channel, sample_message(), message_key="test:sample")
    except SinkError as exc:
        fail(f"{sink.name}: {exc}", ExitCode.CHECK_FAILED)
    where = f"{delivery.channel} ts {delivery.ts}" if delivery.ts else (delivery.channel or sink.name)
    console.print(f"[green]ok[/]: sample alert sent via {sink.name} to {where}")


# --- sources ---


def _when(value: Any) -> str:
    return iso_utc(value)[:19].replace("T", " ") if value else ""


def _print_cycle(report: CycleReport) -> None:
    table = Table("source", "status", "http", "items", "new", "docs", "events", "next due / error",
                  title=f"poll: {len(report.polled)} sources in {report.seconds:.1f}s")  # fmt: skip
    styles = {"ok": "green", "not_modified": "dim", "partial": "yellow", "error": "bold red", "not_due": "dim"}
    for r in report.results:
        detail = escape(r.error) if r.error else (f"next {_when(r.next_due)}" if r.next_due else "")
        table.add_row(escape(r.name), f"[{styles[r.status]}]{r.status}[/]", str(r.http_status or ""), str(r.items),
                      str(r.new_items), str(r.documents), str(r.events), detail)  # fmt: skip
    console.print(table)
    for r in report.results:
        for move in r.moves:
            console.print(f"  [bold]{escape(r.name)}[/]: {escape(move)}", highlight=False)
    failed = f", [red]{len(report.failed)} failed[/]" if report.failed else ""
    timed_out = " [red](cycle timeout reached)[/]" if report.timed_out else ""
    console.print(f"{report.documents} new documents, {report.events} events{failed}{timed_out}")


def _one_source(settings: Settings, name: str | None) -> None:
    if name is not None and not select_sources(settings, name):
        known = ", ".join(s.name for s in settings.sources) or "none configured"
        fail(f"unknown source {name!r} (known: {known})", ExitCode.USAGE)


@app.command()
@guarded
def poll(
    ctx: typer.Context,
    once: Annotated[bool, typer.Option("--once", help="One cycle, then exit (without it: run the daemon).")] = False,
    source: Annotated[str | None, typer.Option("--source", help="Poll only this source, due or not.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Poll every source now, even if not due.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Poll sources for new documents and record their moves as events.

    Failing sources are reported and the exit code stays 0; an unknown --source exits 2."""
    st = state(ctx)
    _one_source(st.settings, source)
    if not once:
        raise typer.Exit(run_daemon(st.engine, st.settings, sources=select_sources(st.settings, source)))
    sources = select_sources(st.settings, source)
    report = poll_once(st.engine, st.settings, sources, store=st.store, force=force or source is not None)
    if as_json:
        print_json(report.to_json())
    else:
        _print_cycle(report)


@app.command()
@guarded
def run(
    ctx: typer.Context,
    health_port: Annotated[
        int | None, typer.Option("--health-port", help="Serve GET / -> 200 with last-cycle figures (JSON).")
    ] = None,
) -> None:
    """The daemon: poll each source on its interval (with jitter) until SIGTERM/SIGINT; logs on stderr."""
    st = state(ctx)
    raise typer.Exit(run_daemon(st.engine, st.settings, health_port=health_port))


@app.command()
@guarded
def sources(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Each source with its last success, last error (with the reason), next due time and items seen."""
    st = state(ctx)
    rows = source_statuses(st.engine, st.settings.sources)
    if as_json:
        print_json([r.to_json() for r in rows])
        return
    table = Table("name", "kind", "last success", "last error", "next due", "items seen", "docs",
                  title=f"{len(rows)} sources")  # fmt: skip
    for r in rows:
        s = r.state
        name = escape(r.name) if r.enabled else f"{escape(r.name)} [dim](disabled)[/]"
        if not r.configured:
            name = f"{escape(r.name)} [dim](not in config)[/]"
        error = ""
        if s.last_error:
            fails = f" ×{s.consecutive_failures}" if s.consecutive_failures > 1 else ""
            error = f"[red]{_when(s.last_error_at)}{fails}[/] {escape(s.last_error)}"
        table.add_row(name, r.kind, _when(s.last_success), error, _when(s.next_due), str(s.items_seen),
                      str(s.documents_stored))  # fmt: skip
    console.print(table)


# --- extract ---
@app.command("extract")
@guarded
def extract_cmd(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(help="A text file, or - for standard input.")] = "-",
    published: Annotated[
        str | None, typer.Option("--published", callback=date_option, help="Publication date (YYYY-MM-DD).")
    ] = None,
    batch: Annotated[
        bool, typer.Option("--batch", help='FILE is JSON Lines {"id","text","published"}; prints {"id","moves"} lines.')
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """Print the moves a text reports (no database involved)."""
    resolver = resolver_from_settings(state(ctx).settings)
    try:
        source = sys.stdin if file == "-" else open(file, encoding="utf-8", errors="replace")  # noqa: SIM115
    except OSError as exc:
        fail(f"{file}: {exc.strerror or exc}", ExitCode.USAGE)
    with source:
        if batch:
            for line in run_batch(source, resolver):
                sys.stdout.write(line + "\n")
            return
        text = source.read()
    day = floor(published) if published else None
    moves = extract(text, published=day, resolver=resolver)
    if as_json:
        print_json([move_to_json(m) for m in moves])
        return
    table = Table("person", "direction", "org", "role", "date", "conf", "evidence", title=f"{len(moves)} moves")
    for m in moves:
        table.add_row(m.person, m.direction, m.org, m.role or "", m.date or "", f"{m.confidence:.2f}", m.evidence)
    console.print(table)
