"""The issue's done-when, below the feed layer: record_move -> outbox -> dispatch -> one Slack message."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

import tracker.moves
from tests.alerts.conftest import Recorder, fast_sink, make_settings
from tests.alerts.fake_slack import FakeSlack
from tracker.alerts.dispatch import dispatch_pending
from tracker.alerts.outbox import list_alerts
from tracker.settings import Settings


def test_notable_move_recorded_twice_and_corroborated_sends_exactly_one_message(
    engine: Engine, fake_slack: FakeSlack, web_settings: Settings, record: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = record(web_settings, key="doc:1:karpathy", person="Andrej Karpathy", org="Anthropic",
                   source_url="https://news.example/karpathy-anthropic")  # fmt: skip
    again = record(web_settings, key="doc:1:karpathy", person="Andrej Karpathy", org="Anthropic")
    assert again.event_id == first.event_id
    # A second document about the same move: dedup (the projections seam) links it to the first.
    monkeypatch.setattr(tracker.moves, "find_same_move", lambda *a, **k: first.event_id)
    corroboration = record(web_settings, key="doc:2:karpathy", person="Andrej Karpathy", org="Anthropic",
                           source_url="https://other.example/story")  # fmt: skip
    assert corroboration.type == "MoveCorroborated"

    report = dispatch_pending(engine, web_settings, sink=fast_sink(web_settings))
    assert (report.sent, report.messages) == (1, 1)
    [message] = fake_slack.posted()
    assert message["channel"] == "C0TALENT1"
    assert message["blocks"][0]["text"]["text"] == "Andrej Karpathy joined Anthropic"
    assert "<https://news.example/karpathy-anthropic|news.example>" in str(message["blocks"])
    assert "Andrej Karpathy" in message["text"] and "Anthropic" in message["text"]

    again_report = dispatch_pending(engine, web_settings, sink=fast_sink(web_settings))
    assert again_report.messages == 0
    assert len(fake_slack.posted()) == 1
    [alert] = list_alerts(engine)
    assert (alert.state, alert.slack_channel, alert.slack_ts) == ("sent", "C0TALENT1", message["ts"])


def test_move_nobody_watches_makes_no_alert(engine: Engine, record: Recorder) -> None:
    settings = make_settings()
    record(settings, person="Jane Doe", org="Acme Widgets", role="Software Engineer")
    assert list_alerts(engine) == []


def test_outbox_row_rolls_back_with_its_event(engine: Engine, record: Recorder) -> None:
    settings = make_settings()
    with pytest.raises(RuntimeError):
        from tracker.db import transaction
        from tracker.extract.model import Move
        from tracker.store import EventStore

        with transaction(engine) as session:
            tracker.moves.record_move(session, EventStore(engine), settings,
                                      Move(person="Andrej Karpathy", org="OpenAI", direction="joined"),
                                      idempotency_key="k", meta={})  # fmt: skip
            raise RuntimeError("ingest failed after the append")
    assert list_alerts(engine) == []
    assert EventStore(engine).head() is None


def test_same_move_from_a_second_source_that_dedup_missed_does_not_alert_twice(
    engine: Engine, web_settings: Settings, record: Recorder
) -> None:
    # find_same_move is not patched here: both reports are appended as MoveReported
    record(web_settings, person="Andrej Karpathy", org="OpenAI", date="2026-03-01")
    record(web_settings, person="Andrej  Karpathy", org="Open AI", date="2026-03-20", source_url="https://b.example/x")
    assert [a.kind for a in list_alerts(engine)] == ["move"]
    # beyond the dedup window it is a new move, and alerts
    record(web_settings, person="Andrej Karpathy", org="OpenAI", date="2027-03-01")
    assert [a.kind for a in list_alerts(engine)] == ["move", "move"]
