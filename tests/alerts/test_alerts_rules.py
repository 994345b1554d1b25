"""Notability: watchlist, seniority, confidence, flows, and what never alerts."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from tests.alerts.conftest import Recorder, make_settings
from tracker.alerts.outbox import list_alerts
from tracker.alerts.rules import derive_seniority, move_facts, move_reasons, seniority_of
from tracker.settings import FlowRuleConfig


@pytest.mark.parametrize(
    ("role", "level"),
    [
        ("CEO", "c-level"),
        ("Chief Scientist", "c-level"),
        ("Chief Technology Officer", "c-level"),
        ("CTO", "c-level"),
        ("Co-founder and CTO", "founder"),
        ("cofounder", "founder"),
        ("President", "president"),
        ("Vice President of Research", "vp"),
        ("SVP, Product", "vp"),
        ("VP Engineering", "vp"),
        ("Head of Post-Training", "head"),
        ("Research Lead, Alignment team", "head"),
        ("Chairman of the Board", "chair"),
        ("Board Chair", "chair"),
        ("Chief of Staff", None),
        ("Member of Technical Staff", None),
        ("research engineer", None),
        ("ceo-adjacent intern", None),  # CEO only counts as the acronym in capitals
        (None, None),
    ],
)
def test_seniority_from_role_text(role: str | None, level: str | None) -> None:
    assert derive_seniority(role) == level


def test_founding_is_founder_and_a_known_stated_level_is_kept() -> None:
    assert derive_seniority(None, "founded") == "founder"
    assert seniority_of("vp", "VP of Research", "joined") == "vp"
    assert seniority_of("senior", "Chief Research Officer", "joined") == "c-level"  # unknown label: derive
    assert seniority_of("head", "Co-founder", "joined") == "founder"  # the title outranks the label


def test_watchlist_person_org_alias_and_seniority_make_a_move_notable(engine: Engine, record: Recorder) -> None:
    settings = make_settings(seniority=["c-level"])
    person = move_facts(record(settings, person="Andrej Karpathy", org="Tesla"))
    assert move_reasons(settings, person) == ["watched person Andrej Karpathy"]
    alias = move_facts(record(settings, person="Jan Leike", org="Acme AI", direction="left",
                              origin_org=None, destination_org="the ChatGPT maker"))  # fmt: skip
    assert move_reasons(settings, alias) == ["watched organisation OpenAI"]
    senior = move_facts(record(settings, person="Pat Lee", org="Acme AI", role="President"))
    assert move_reasons(settings, senior) == ["seniority president"]  # c-level covers president
    junior = move_facts(record(settings, person="Sam Roe", org="Acme AI", role="VP Sales"))
    assert move_reasons(settings, junior) == []  # vp is not listed in this config


def test_hedged_report_below_min_confidence_does_not_alert(engine: Engine, record: Recorder) -> None:
    settings = make_settings(min_confidence=0.6)
    record(settings, person="Andrej Karpathy", org="Anthropic", confidence=0.4)
    assert list_alerts(engine) == []
    record(settings, person="Andrej Karpathy", org="Anthropic", confidence=0.6)
    assert [a.kind for a in list_alerts(engine)] == ["move"]


def _flow_settings(min_count: int = 2, window: str = "365d") -> object:
    rule = FlowRuleConfig.model_validate(
        {"from": "OpenAI", "to": "Anthropic", "min_count": min_count, "window": window}
    )
    settings = make_settings(flows=[rule])
    settings.watchlist.organizations = []  # only the flow rule can fire
    settings.watchlist.people = []
    return settings


def test_second_person_from_a_to_b_within_window_gets_a_flow_alert_naming_the_first(
    engine: Engine, record: Recorder
) -> None:
    settings = _flow_settings()
    record(settings, person="Dario Amodei", org="Anthropic", origin_org="OpenAI", date="2026-01-10")
    assert list_alerts(engine) == []  # first of the flow: nothing yet
    # second person: left OpenAI (no destination known), then joined Anthropic without an origin
    record(settings, person="Jan Leike", org="Open AI", direction="left", date="2026-05-01")
    assert list_alerts(engine) == []
    record(settings, person="Jan Leike", org="the Claude maker", date="2026-05-20")
    [alert] = list_alerts(engine)
    assert alert.kind == "flow"
    assert "2nd person" in alert.summary
    # the third names both earlier people
    record(settings, person="John Schulman", org="Anthropic", origin_org="the ChatGPT maker", date="2026-08-01")
    alerts = list_alerts(engine)
    assert [a.kind for a in alerts] == ["flow", "flow"]
    assert "3rd person" in alerts[1].summary


def test_flow_outside_window_does_not_fire_and_a_person_counts_once(engine: Engine, record: Recorder) -> None:
    settings = _flow_settings(window="30d")
    record(settings, person="Dario Amodei", org="Anthropic", origin_org="OpenAI", date="2024-01-10")
    record(settings, person="Jan Leike", org="Anthropic", origin_org="OpenAI", date="2026-05-20")
    assert list_alerts(engine) == []
    settings2 = _flow_settings(min_count=1)
    record(settings2, person="Chris Olah", org="Anthropic", origin_org="OpenAI", date="2026-06-01")
    # a second report of the same person's transfer (a departure naming the destination) adds nothing
    record(settings2, person="Chris Olah", org="OpenAI", direction="left", destination_org="Anthropic",
           date="2026-06-01")  # fmt: skip
    assert len([a for a in list_alerts(engine) if a.kind == "flow"]) == 1


def test_retracted_move_does_not_count_towards_a_flow(engine: Engine, record: Recorder) -> None:
    from tracker.db import transaction
    from tracker.events import MoveRetracted
    from tracker.store import EventStore, NewEvent

    settings = _flow_settings()
    first = record(settings, person="Dario Amodei", org="Anthropic", origin_org="OpenAI", date="2026-01-10")
    with transaction(engine) as session:
        EventStore(engine).append(first.stream_id, [NewEvent(MoveRetracted(move_event_id=first.event_id,
                                  reason="wrong person"))], session=session)  # fmt: skip
    record(settings, person="Jan Leike", org="Anthropic", origin_org="OpenAI", date="2026-05-20")
    assert list_alerts(engine) == []


def test_departure_reported_after_the_join_completes_the_transfer(engine: Engine, record: Recorder) -> None:
    settings = _flow_settings()
    record(settings, person="Dario Amodei", org="Anthropic", origin_org="OpenAI", date="2026-01-10")
    record(settings, person="Jan Leike", org="Anthropic", date="2026-05-20")  # origin not stated
    assert list_alerts(engine) == []
    record(settings, person="Jan Leike", org="OpenAI", direction="left", date="2026-05-01")  # reported later
    [alert] = list_alerts(engine)
    assert alert.kind == "flow" and "2nd person" in alert.summary


def test_unknown_seniority_in_config_is_a_clear_error() -> None:
    from pydantic import ValidationError

    from tracker.settings import AlertSettings

    with pytest.raises(ValidationError, match="unknown seniority 'director'"):
        AlertSettings(seniority=["vp", "director"])
