"""Retractions and merges: appended as events, and the views follow."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from tests.projections.util import manual, report, settings
from tracker.projections import corrections
from tracker.projections.queries import flows, roster, timeline
from tracker.projections.runner import projection_rows, rebuild, run_projections
from tracker.store import EventStore


def test_retracted_move_leaves_the_roster_and_the_log_keeps_it(engine: Engine) -> None:
    st = settings()
    kept = manual(engine, "Ada Lovelace", "joined", "Acme", "2024-01")
    wrong = manual(engine, "Alan Turing", "joined", "Acme", "2024-02")
    run_projections(engine, st)
    assert [line.person for line in roster(engine, st, "Acme")] == ["Ada Lovelace", "Alan Turing"]
    event = corrections.retract(engine, wrong.event_id, "denied rumour", "test")
    run_projections(engine, st)
    assert [line.person for line in roster(engine, st, "Acme")] == ["Ada Lovelace"]
    assert timeline(engine, st, "Alan Turing")[1] == []
    store = EventStore(engine)
    assert store.get(wrong.event_id) is not None and store.get(kept.event_id) is not None
    assert event.stream_id == wrong.stream_id and event.data["reason"] == "denied rumour"


@pytest.mark.parametrize(
    ("target", "message"),
    [("no-such-event", "no event with id"), ("merge", "only moves and corroborations")],
)
def test_retract_rejects_what_it_cannot_retract(engine: Engine, target: str, message: str) -> None:
    if target == "merge":
        target = corrections.merge(engine, "person", "A. Lovelace", "Ada Lovelace", "test").event_id
    head = EventStore(engine).head()
    with pytest.raises(corrections.CorrectionError, match=message):
        corrections.retract(engine, target, "why", "test")
    assert EventStore(engine).head() == head  # nothing appended


def test_retracting_twice_is_refused(engine: Engine) -> None:
    move = manual(engine, "Ada Lovelace", "joined", "Acme", "2024-01")
    corrections.retract(engine, move.event_id, "wrong", "test")
    with pytest.raises(corrections.CorrectionError, match="already retracted"):
        corrections.retract(engine, move.event_id, "wrong again", "test")


def test_retracting_a_corroboration_drops_only_that_source(engine: Engine) -> None:
    st = settings()
    first = report(engine, st, "Ada Lovelace", "joined", "Acme", "2024-01-10", source="https://a.example/1")
    second = report(engine, st, "Ada Lovelace", "joined", "Acme", "2024-01-20", source="https://b.example/2")
    assert second.type == "MoveCorroborated" and second.data["move_event_id"] == first.event_id
    run_projections(engine, st)
    assert timeline(engine, st, "Ada Lovelace")[1][0]["sources"] == ["https://a.example/1", "https://b.example/2"]
    corrections.retract(engine, second.event_id, "misread", "test")
    run_projections(engine, st)
    [entry] = timeline(engine, st, "Ada Lovelace")[1]
    assert entry["sources"] == ["https://a.example/1"]


def test_person_merge_shows_one_person(engine: Engine) -> None:
    st = settings()
    manual(engine, "J. Schulman", "left", "OpenAI", "2024-08-05")
    manual(engine, "John Schulman", "joined", "Anthropic", "2024-08-06", origin_org="OpenAI")
    manual(engine, "Jon Schulman", "role_changed", "Anthropic", "2025-02", role="lead")
    run_projections(engine, st)
    assert len({line.person_id for line in flows(engine, st)}) == 1  # only John's own origin
    corrections.merge(engine, "person", "J. Schulman", "John Schulman", "test")
    corrections.merge(engine, "person", "Jon Schulman", "J. Schulman", "test")  # chains to John
    run_projections(engine, st)
    [line] = roster(engine, st, "Anthropic")
    assert (line.person, line.role, line.since) == ("John Schulman", "lead", "2025-02")
    name, entries = timeline(engine, st, "Jon Schulman")
    assert name == "John Schulman"
    assert [(e["from_org"], e["to_org"]) for e in entries] == [("OpenAI", "Anthropic"), (None, "Anthropic")]
    live = {view: list(projection_rows(engine, view)) for view in ("moves", "spans")}
    rebuild(engine, st, target="scratch")
    assert live == {view: list(projection_rows(engine, view, target="scratch")) for view in live}


def test_org_merge_re_resolves_history(engine: Engine) -> None:
    st = settings()
    manual(engine, "Ada Lovelace", "joined", "Anthropic PBC", "2023-01")
    manual(engine, "Alan Turing", "left", "OpenAI", "2022-06", destination_org="Anthropic PBC")
    run_projections(engine, st)
    assert [line.person for line in roster(engine, st, "Anthropic")] == []
    corrections.merge(engine, "org", "Anthropic PBC", "Anthropic", "test")
    run_projections(engine, st)
    assert [(line.person, line.org) for line in roster(engine, st, "Anthropic")] == [
        ("Ada Lovelace", "Anthropic"),
        ("Alan Turing", "Anthropic"),
    ]
    assert [(f.person, f.from_org, f.to_org) for f in flows(engine, st, to_org="Anthropic")] == [
        ("Alan Turing", "OpenAI", "Anthropic")
    ]
    # a later report under the alias lands on the canonical organisation
    manual(engine, "Grace Hopper", "joined", "anthropic pbc", "2024-03")
    run_projections(engine, st)
    assert len(roster(engine, st, "Anthropic")) == 3


def test_merge_rejects_same_entity(engine: Engine) -> None:
    with pytest.raises(corrections.CorrectionError, match="already name the same"):
        corrections.merge(engine, "person", "Ada Lovelace", "ada  lovelace", "test")
    with pytest.raises(corrections.CorrectionError, match="kind must be"):
        corrections.merge(engine, "team", "a", "b", "test")
