"""Running the extractor on text at hand, without a database, to see what it would record and why."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.table import Table

from tracker.cli.common import ExitCode, JsonOpt, console, date_option, fail, guarded, print_json, state
from tracker.dates import floor
from tracker.extract import extract, move_to_json
from tracker.extract.batch import run_batch
from tracker.extract.resolve import resolver_from_settings


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
