"""The done-when case: the seed article's moves answer the alumni question."""

from __future__ import annotations

from sqlalchemy import Engine

from tests.projections.util import seed, settings
from tracker.projections.queries import flows, roster, timeline
from tracker.projections.runner import run_projections


def test_openai_alumni_at_anthropic(engine: Engine) -> None:
    st = settings()
    ev = seed(engine, st)
    assert run_projections(engine, st) == len(ev)
    lines = flows(engine, st, from_org="OpenAI", to_org="Anthropic")
    got = [(f.person, f.left_on, f.joined_on) for f in lines]
    assert got == [("John Schulman", "2024-08-05", "2024-08"), ("Andrej Karpathy", "2024-02-13", "2025-11-10")]


def test_roster_before_karpathys_move_does_not_list_him(engine: Engine) -> None:
    st = settings()
    seed(engine, st)
    run_projections(engine, st)
    before = [line.person for line in roster(engine, st, "Anthropic", as_of="2025-11-09")]
    after = [line.person for line in roster(engine, st, "Anthropic", as_of="2025-11-10")]
    now = roster(engine, st, "the Claude maker")
    assert before == ["John Schulman"]
    assert after == ["Andrej Karpathy", "John Schulman"]
    assert [(line.person, line.role, line.since) for line in now] == [
        ("Andrej Karpathy", "Member of Technical Staff", "2025-11-10"),
        ("John Schulman", "researcher", "2024-08"),
    ]


def test_departure_naming_destination_and_hire_are_one_transition(engine: Engine) -> None:
    st = settings()
    ev = seed(engine, st)
    run_projections(engine, st)
    name, entries = timeline(engine, st, "john schulman")
    assert name == "John Schulman"
    assert len(entries) == 1
    [entry] = entries
    assert (entry["from_org"], entry["to_org"], entry["left_on"], entry["joined_on"]) == (
        "OpenAI", "Anthropic", "2024-08-05", "2024-08",
    )  # fmt: skip
    assert entry["event_ids"] == [ev["schulman_joined"].event_id, ev["schulman_left"].event_id]
    assert len(entry["sources"]) == 2
