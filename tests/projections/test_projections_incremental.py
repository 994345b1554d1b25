"""Incremental application in any batch sizes equals one rebuild from zero, byte for byte."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from sqlalchemy import Engine

from tests.projections.util import settings
from tracker.events import EntityMerged, MoveCorroborated, MoveReported, MoveRetracted
from tracker.ids import person_id
from tracker.projections.runner import VIEW_NAMES, projection_rows, rebuild, run_projections
from tracker.store import EventStore, NewEvent

PEOPLE = ["Ada Lovelace", "ada lovelace", "A. Lovelace", "Alan Turing", "Grace Hopper"]
ORGS = ["OpenAI", "Open AI", "Anthropic", "SSI", "Acme Labs"]
DATES = [None, "2023", "2023-06", "2023-06-15", "2023-09-01", "2024-01", "2024-02-10", "2025"]
ROLES = [None, "CTO", "researcher"]

move = st.tuples(
    st.just("move"),
    st.sampled_from(PEOPLE),
    st.sampled_from(ORGS),
    st.sampled_from(["joined", "left", "founded", "role_changed"]),
    st.sampled_from(DATES),
    st.sampled_from(ROLES),
    st.one_of(st.none(), st.sampled_from(ORGS)),
    st.booleans(),
)
ops = st.lists(
    st.one_of(
        move,
        move,
        st.tuples(st.just("corroborate"), st.integers(0, 50)),
        st.tuples(st.just("retract"), st.integers(0, 50)),
        st.tuples(st.just("merge"), st.sampled_from(["person", "org"]), st.integers(0, 4), st.integers(0, 4)),
        st.tuples(st.just("run"), st.integers(1, 7), st.integers(1, 3)),
    ),
    max_size=30,
)


def _apply(engine: Engine, op: tuple[Any, ...], targets: list[tuple[str, str]]) -> None:
    store = EventStore(engine)
    st_ = settings()
    kind = op[0]
    if kind == "move":
        _, who, org, direction, date, role, other, approx = op
        extra = {"destination_org": other} if direction == "left" else {"origin_org": other}
        payload = MoveReported(person=who, org=org, direction=direction, role=role, **extra)
        [event] = store.append(
            person_id(who), [NewEvent(payload, occurred_on=date, meta={"date_approximate": approx, "source_url": "u"})]
        )
        targets.append((event.event_id, event.stream_id))
    elif kind in ("corroborate", "retract") and targets:
        event_id, stream = targets[op[1] % len(targets)]
        payload2 = (
            MoveCorroborated(move_event_id=event_id, source=f"s{op[1]}")
            if kind == "corroborate"
            else MoveRetracted(move_event_id=event_id, reason="test")
        )
        [event] = store.append(stream, [NewEvent(payload2)])
        if kind == "corroborate":
            targets.append((event.event_id, stream))
    elif kind == "merge":
        names = PEOPLE if op[1] == "person" else ORGS
        payload3 = EntityMerged(kind=op[1], alias=names[op[2]], canonical=names[op[3]])
        store.append(f"merge:{op[1]}", [NewEvent(payload3)])
    elif kind == "run":
        run_projections(engine, st_, batch_size=op[1], max_batches=op[2])


@hsettings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sequence=ops)
def test_incremental_equals_rebuild(engine: Engine, sequence: list[tuple[Any, ...]]) -> None:
    # Examples share the database: each appends after the last, so the log only grows and
    # the comparison covers everything so far (events are append-only; nothing to reset).
    targets: list[tuple[str, str]] = []
    for op in sequence:
        _apply(engine, op, targets)
    st_ = settings()
    run_projections(engine, st_, batch_size=3)
    rebuild(engine, st_, target="scratch")
    for view in VIEW_NAMES:
        assert list(projection_rows(engine, view)) == list(projection_rows(engine, view, target="scratch")), view


def test_rebuild_to_position_matches_incremental_prefix(engine: Engine) -> None:
    st_ = settings()
    targets: list[tuple[str, str]] = []
    for op in [
        ("move", "Ada Lovelace", "OpenAI", "joined", "2023-06", "CTO", None, False),
        ("move", "Ada Lovelace", "OpenAI", "left", "2024-01", None, "Anthropic", False),
        ("merge", "person", 2, 0),
        ("move", "A. Lovelace", "Anthropic", "joined", "2024-02-10", "researcher", "OpenAI", False),
        ("retract", 0),
    ]:
        _apply(engine, op, targets)
    run_projections(engine, st_, batch_size=2, max_batches=1)  # live: positions 1-2
    rebuild(engine, st_, target="scratch", to_position=2)
    for view in VIEW_NAMES:
        assert list(projection_rows(engine, view)) == list(projection_rows(engine, view, target="scratch")), view
    assert rebuild(engine, st_, target="scratch") == 5
    run_projections(engine, st_)
    spans = list(projection_rows(engine, "spans", target="scratch"))
    assert spans == list(projection_rows(engine, "spans"))
    assert [(s[0], s[2]) for s in spans] == [
        ("person:ada-lovelace", "org:openai"),
        ("person:ada-lovelace", "org:anthropic"),
    ]


def test_rebuild_to_position_zero_is_empty(engine: Engine) -> None:
    st_ = settings()
    _apply(engine, ("move", "Ada Lovelace", "OpenAI", "joined", "2023-06", "CTO", None, False), [])
    assert rebuild(engine, st_, target="scratch", to_position=0) == 0
    assert list(projection_rows(engine, "moves", target="scratch")) == []
    assert run_projections(engine, st_, target="scratch") == 1
