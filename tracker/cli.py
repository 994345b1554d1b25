"""The `tracker` command line: thin wrappers that build services and print their results.

Exit codes (stable, scripts rely on them):
  0 success · 1 a check failed (verify, replay) · 2 bad usage, config or input ·
  3 database unavailable, locked or schema problem · 4 conflict (stale stream version).
"""

from __future__ import annotations

import functools
import getpass
import json
import os
import sys
from collections.abc import Callable
from enum import IntEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn, ParamSpec, TypeVar

import typer
from rich.console import Console
from rich.table import Table
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from tracker.audit import verify as verify_log
from tracker.dates import DateError, iso_utc, parse_partial_date
from tracker.db import SchemaError, make_engine, migrate
from tracker.events import DIRECTIONS, ManualMoveRecorded
from tracker.ids import person_id
from tracker.projections.memory import fold_roster
from tracker.settings import ConfigError, Settings, load_settings
from tracker.store import ConcurrencyError, EventStore, NewEvent

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
        except SchemaError as exc:
            fail(str(exc), ExitCode.DATABASE)
        except ConcurrencyError as exc:
            fail(str(exc), ExitCode.CONFLICT)
        except OperationalError as exc:
            fail(f"database error: {exc.orig or exc}", ExitCode.DATABASE)

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
            self._engine = make_engine(self.settings.database.url)
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
    st = state(ctx)
    engine = make_engine(st.settings.database.url)
    migrate(engine)
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
    [event] = state(ctx).store.append(person_id(person), [NewEvent(payload, occurred_on=date, meta=meta)])
    if as_json:
        print_json(event.to_json())
    else:
        console.print(f"recorded {person} {direction} {org} at position {event.position} ({event.event_id})")


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
    """Check the hash chain, positions and append-only triggers; exit 1 naming the first break."""
    report = verify_log(state(ctx).engine)
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
    org: Annotated[str, typer.Argument(help="Organisation name.")],
    as_json: JsonOpt = False,
) -> None:
    """Who is at ORG now, by the events in the log."""
    lines = fold_roster(state(ctx).store.read_all(), org)
    if as_json:
        print_json([line.__dict__ for line in lines])
        return
    table = Table("person", "role", "team", "since", title=f"{org}: {len(lines)} people")
    for line in lines:
        table.add_row(line.person, line.role or "", line.team or "", line.since or "")
    console.print(table)


# --- sources ---
from rich.markup import escape  # noqa: E402

from tracker.daemon import run_daemon  # noqa: E402
from tracker.ingest import CycleReport, poll_once, select_sources  # noqa: E402
from tracker.sources.state import source_statuses  # noqa: E402


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
