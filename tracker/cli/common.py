"""What every command shares, kept here so each area module holds only its own commands.

The exit codes, the error-to-exit-code mapping and the output helpers are the CLI's contract
with scripts and people; defining them once keeps every command answering the same way.
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
from alembic.util import CommandError as AlembicError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from tracker.dates import DateError, parse_partial_date
from tracker.db import make_engine, migrate
from tracker.settings import ConfigError, Settings, load_settings
from tracker.store import ConcurrencyError, EventStore, RecordedEvent

console = Console()
err_console = Console(stderr=True)


class ExitCode(IntEnum):
    """Stable exit codes, because scripts rely on them.

    0 success · 1 a check failed (verify, replay) · 2 bad usage, config or input ·
    3 database unavailable, locked or schema problem · 4 conflict (stale stream version).
    """

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


JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
