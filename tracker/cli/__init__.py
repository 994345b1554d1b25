"""The `tracker` command line: thin wrappers that build services and print their results.

Every command is registered here, in one list, because the order of registration is the order
`tracker --help` shows; the area modules hold the commands and know nothing of the app.
Exit codes are documented on `ExitCode` in `tracker.cli.common`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tracker.cli import alerts, audit, corrections, extract, projections, queries, sources, store
from tracker.cli.common import AppState

app = typer.Typer(
    name="tracker",
    help="Event-sourced tracker of executive hires and departures, with Slack alerts.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

ConfigOpt = Annotated[
    Path | None,
    typer.Option("--config", "-c", envvar="TRACKER_CONFIG", help="Config file (default config/tracker.toml)."),
]


@app.callback()
def main(ctx: typer.Context, config: ConfigOpt = None) -> None:
    ctx.obj = AppState(config)


app.command("init")(store.init)
app.command("record")(store.record)
app.command("events")(store.events)
app.command("verify")(audit.verify)
app.command("roster")(queries.roster)
app.command("person")(queries.person)
app.command("flows")(queries.flows)
app.command("retract")(corrections.retract)
app.command("merge")(corrections.merge)
app.command("export")(audit.export_cmd)
app.command("replay")(audit.replay)
app.command("explain")(audit.explain)
app.command("import")(audit.import_cmd)
app.command("poll")(sources.poll)
app.command("run")(sources.run)
app.command("sources")(sources.sources)
app.command("extract")(extract.extract_cmd)

projections_app = typer.Typer(help="Maintain the projections (roster, timeline, flows).", no_args_is_help=True)
projections_app.command("rebuild")(projections.projections_rebuild)
projections_app.command("status")(projections.projections_status)
app.add_typer(projections_app, name="projections")

alerts_app = typer.Typer(help="Slack alerts: the outbox, dispatching, and a test message.", no_args_is_help=True)
alerts_app.command("list")(alerts.alerts_list)
alerts_app.command("send")(alerts.alerts_send)
alerts_app.command("test")(alerts.alerts_test)
app.add_typer(alerts_app, name="alerts")

__all__ = ["app"]
