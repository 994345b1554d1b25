"""Getting documents in: poll once by hand, run the daemon, and see how each source is faring.

Polling and the daemon share one source selection, so `--source` means the same in both.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from tracker.cli.common import ExitCode, JsonOpt, console, fail, guarded, print_json, state
from tracker.daemon import run_daemon
from tracker.dates import iso_utc
from tracker.ingest import CycleReport, poll_once, select_sources
from tracker.settings import Settings
from tracker.sources.state import source_statuses


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
