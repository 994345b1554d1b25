"""Roster spans: as-of queries at every boundary, and the awkward shapes of real reports."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import Engine

from tests.projections.util import manual, settings
from tracker.projections.queries import roster, timeline
from tracker.projections.runner import projection_rows, run_projections


def _at(engine: Engine, org: str, day: date) -> list[tuple[str, str | None]]:
    return [(line.person, line.role) for line in roster(engine, settings(), org, as_of=day.isoformat())]


def test_as_of_at_every_span_boundary(engine: Engine) -> None:
    # Ada: joined 2020-03-10 as engineer, promoted 2021-06-01, left 2022-01-15, returned 2023-05-02.
    manual(engine, "Ada Lovelace", "joined", "Acme", "2020-03-10", role="engineer")
    manual(engine, "Ada Lovelace", "role_changed", "Acme", "2021-06-01", role="CTO")
    manual(engine, "Ada Lovelace", "left", "Acme", "2022-01-15")
    manual(engine, "Ada Lovelace", "joined", "Acme", "2023-05-02", role="advisor")
    # Alan: only his departure is known, so he was there from an unknown start.
    manual(engine, "Alan Turing", "left", "Acme", "2021-01-01")
    run_projections(engine, settings())
    ada, alan = "Ada Lovelace", "Alan Turing"
    expected = {
        date(2020, 3, 9): [(alan, None)],
        date(2020, 3, 10): [(ada, "engineer"), (alan, None)],
        date(2020, 12, 31): [(ada, "engineer"), (alan, None)],
        date(2021, 1, 1): [(ada, "engineer")],
        date(2021, 5, 31): [(ada, "engineer")],
        date(2021, 6, 1): [(ada, "CTO")],
        date(2022, 1, 14): [(ada, "CTO")],
        date(2022, 1, 15): [],
        date(2023, 5, 1): [],
        date(2023, 5, 2): [(ada, "advisor")],
        date(2030, 1, 1): [(ada, "advisor")],
    }
    for day, people in expected.items():
        assert _at(engine, "Acme", day) == people, day
    # and the days either side of each boundary agree with the span table itself
    spans = list(projection_rows(engine, "spans"))
    assert len(spans) == 4
    for day in list(expected):
        for d in (day - timedelta(days=1), day + timedelta(days=1)):
            inside = {
                s[0]
                for s in spans
                if (s[9] is None or s[9] <= d.isoformat()) and (s[12] is None or s[12] > d.isoformat())
            }
            assert {line.person_id for line in roster(engine, settings(), "Acme", as_of=d.isoformat())} == inside


def test_join_without_date_uses_report_date_and_is_approximate(engine: Engine) -> None:
    event = manual(engine, "Grace Hopper", "joined", "Acme")
    run_projections(engine, settings())
    [line] = roster(engine, settings(), "Acme")
    assert line.since == event.recorded_at.date().isoformat()
    assert line.since_approximate is True


def test_founders_and_departure_naming_a_new_company(engine: Engine) -> None:
    manual(engine, "Ilya Sutskever", "joined", "OpenAI", "2015-12")
    manual(engine, "Ilya Sutskever", "left", "OpenAI", "2024-05-14", destination_org="SSI")
    manual(engine, "Ilya Sutskever", "founded", "Safe Superintelligence", "2024-06-19")
    run_projections(engine, settings())
    [line] = roster(engine, settings(), "Safe Superintelligence")
    # the departure named SSI and the founding report is the same transition: its own date wins
    assert (line.person, line.since, line.opened_by) == ("Ilya Sutskever", "2024-06-19", "founded")
    _, entries = timeline(engine, settings(), "Ilya Sutskever")
    assert [(e["from_org"], e["to_org"], e["founded"]) for e in entries] == [
        (None, "OpenAI", False),
        ("OpenAI", "Safe Superintelligence", True),
    ]
    assert roster(engine, settings(), "OpenAI") == []


def test_leave_reported_twice_is_one_departure(engine: Engine) -> None:
    manual(engine, "Mira Murati", "left", "OpenAI", "2024-09-25")
    manual(engine, "Mira Murati", "left", "OpenAI", "2024-10")
    run_projections(engine, settings())
    spans = list(projection_rows(engine, "spans"))
    assert len(spans) == 1
    assert [line.person for line in roster(engine, settings(), "OpenAI", as_of="2024-09-24")] == ["Mira Murati"]


def test_departure_naming_destination_puts_them_there(engine: Engine) -> None:
    manual(engine, "Barret Zoph", "left", "OpenAI", "2024-09-25", destination_org="Thinking Machines")
    run_projections(engine, settings())
    [line] = roster(engine, settings(), "Thinking Machines")
    assert (line.person, line.since, line.since_approximate) == ("Barret Zoph", "2024-09-25", True)
    assert roster(engine, settings(), "Thinking Machines", as_of="2024-09-24") == []
