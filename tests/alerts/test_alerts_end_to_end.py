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
