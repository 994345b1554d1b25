"""Same move, many articles: one MoveReported, then MoveCorroborated."""

from __future__ import annotations

from sqlalchemy import Engine

from tests.projections.util import report, settings
from tracker.db import transaction
from tracker.extract.model import Move
from tracker.moves import record_move
from tracker.projections import corrections
from tracker.projections.dedup import find_same_move
from tracker.projections.queries import roster, timeline
from tracker.projections.runner import run_projections
from tracker.store import EventStore


def test_same_move_within_window_corroborates(engine: Engine) -> None:
    st = settings()
    first = report(engine, st, "Andrej Karpathy", "joined", "Anthropic", "2025-11-10")
    again = report(engine, st, "andrej karpathy", "joined", "the Claude maker", "2025-12")  # alias, month precision
    assert first.type == "MoveReported"
    assert again.type == "MoveCorroborated" and again.data["move_event_id"] == first.event_id
    run_projections(engine, st)
    assert len(roster(engine, st, "Anthropic")) == 1
    [entry] = timeline(engine, st, "Andrej Karpathy")[1]
    assert len(entry["sources"]) == 2


def test_window_is_configurable_and_direction_matters(engine: Engine) -> None:
    narrow = settings(window_days=10)
    first = report(engine, narrow, "Ada Lovelace", "joined", "Acme", "2024-01-01")
    assert report(engine, narrow, "Ada Lovelace", "joined", "Acme", "2024-01-11").type == "MoveCorroborated"
    assert report(engine, narrow, "Ada Lovelace", "joined", "Acme", "2024-01-12").type == "MoveReported"
    assert report(engine, narrow, "Ada Lovelace", "left", "Acme", "2024-01-02").type == "MoveReported"
    founded = report(engine, narrow, "Ada Lovelace", "founded", "Acme", "2024-01-03")
    assert founded.type == "MoveCorroborated" and founded.data["move_event_id"] == first.event_id


def test_founded_and_joined_are_the_same_arrival(engine: Engine) -> None:
    st = settings()
    first = report(engine, st, "Ilya Sutskever", "founded", "SSI", "2024-06-19")
    second = report(engine, st, "Ilya Sutskever", "joined", "Safe Superintelligence", "2024-06")
    assert second.type == "MoveCorroborated" and second.data["move_event_id"] == first.event_id


def test_dedup_sees_moves_appended_earlier_in_the_same_transaction(engine: Engine) -> None:
    st = settings()
    store = EventStore(engine)
    move = Move(person="Mira Murati", org="OpenAI", direction="left", date="2024-09-25")
    with transaction(engine) as session:
        a = record_move(session, store, st, move, idempotency_key="doc:1", meta={"source_url": "https://a"})
        assert find_same_move(session, st, move) == a.event_id
        b = record_move(session, store, st, move, idempotency_key="doc:2", meta={"source_url": "https://b"})
    assert (a.type, b.type) == ("MoveReported", "MoveCorroborated")


def test_retracted_move_is_not_corroborated(engine: Engine) -> None:
    st = settings()
    first = report(engine, st, "Ada Lovelace", "joined", "Acme", "2024-01-01")
    corrections.retract(engine, first.event_id, "denied", "test")
    assert report(engine, st, "Ada Lovelace", "joined", "Acme", "2024-01-05").type == "MoveReported"


def test_person_merge_widens_dedup(engine: Engine) -> None:
    st = settings()
    first = report(engine, st, "J. Schulman", "joined", "Anthropic", "2024-08")
    corrections.merge(engine, "person", "J. Schulman", "John Schulman", "test")
    again = report(engine, st, "John Schulman", "joined", "Anthropic", "2024-08-06")
    assert again.type == "MoveCorroborated" and again.data["move_event_id"] == first.event_id


def test_partial_dates_are_intervals(engine: Engine) -> None:
    st = settings(window_days=10)
    first = report(engine, st, "Grace Hopper", "left", "Acme", "2024")
    # a year-precise date contains 2024-12-20: 0 days apart, not 354
    assert report(engine, st, "Grace Hopper", "left", "Acme", "2024-12-20").data["move_event_id"] == first.event_id
    assert report(engine, st, "Grace Hopper", "left", "Acme", "2025-01-11").type == "MoveReported"
