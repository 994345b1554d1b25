"""The questions people ask of the tracker: who is at an organisation, where a person went, who moved where.

Each one catches the projections up first, so an answer never lags the log it was asked about.
"""

from __future__ import annotations

import csv
import sys
from typing import Annotated

import typer
from rich.table import Table

from tracker.cli.common import ExitCode, JsonOpt, console, date_option, fail, guarded, print_json, state
from tracker.projections import queries as projection_queries
from tracker.projections.queries import roster as roster_query
from tracker.projections.runner import run_projections


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


def _dates(left: str | None, joined: str | None) -> tuple[str, str]:
    return left or "?", joined or "?"


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
