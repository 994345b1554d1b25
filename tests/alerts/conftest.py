"""Fixtures for alert tests: a fake Slack server, settings pointing at it, and helpers to record moves."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import Engine

from tests.alerts.fake_slack import TOKEN, FakeSlack
from tracker.alerts.sinks import Sink, make_sink
from tracker.db import transaction
from tracker.extract.model import Move
from tracker.moves import record_move
from tracker.settings import (
    AlertSettings,
    OrganizationConfig,
    Settings,
    SlackSettings,
    WatchlistConfig,
)
from tracker.store import EventStore, RecordedEvent

_counter = itertools.count(1)


@pytest.fixture(autouse=True)
def _no_slack_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Environment SLACK_* would override the settings the tests build."""
    for name in ("SLACK_BOT_TOKEN", "SLACK_WEBHOOK_URL", "SLACK_API_URL", "SLACK_CHANNEL", "TRACKER_CONFIG"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def fake_slack() -> Iterator[FakeSlack]:
    fake = FakeSlack().start()
    yield fake
    fake.stop()


def make_settings(*, slack: SlackSettings | None = None, **alerts: Any) -> Settings:
    return Settings(
        organizations=[
            OrganizationConfig(name="OpenAI", aliases=["Open AI", "the ChatGPT maker"]),
            OrganizationConfig(name="Anthropic", aliases=["the Claude maker"]),
        ],
        watchlist=WatchlistConfig(people=["Andrej Karpathy"], organizations=["Anthropic", "OpenAI"]),
        alerts=AlertSettings(**alerts),
        slack=slack or SlackSettings(channel="#talent-moves"),
    )


@pytest.fixture
def web_settings(fake_slack: FakeSlack) -> Settings:
    return make_settings(slack=SlackSettings(channel="#talent-moves", bot_token=TOKEN, api_url=fake_slack.api_url))


def fast_sink(settings: Settings) -> Sink:
    """The production sink with test-sized waits (backoff 10 ms)."""
    return make_sink(settings, backoff=0.01, max_wait=5.0)


Recorder = Callable[..., RecordedEvent]


@pytest.fixture
def record(engine: Engine) -> Recorder:
    """record(settings, person=..., org=..., ...) -> the event, through tracker.moves.record_move in one transaction."""
    store = EventStore(engine)

    def _record(
        settings: Settings, *, key: str | None = None, source_url: str = "https://news.example/a", **fields: Any
    ) -> RecordedEvent:
        fields.setdefault("direction", "joined")
        fields.setdefault("confidence", 0.9)
        fields.setdefault("evidence", f"{fields['person']} has joined {fields['org']}.")
        move = Move(**fields)
        with transaction(engine) as session:
            return record_move(
                session, store, settings, move,
                idempotency_key=key or f"test:{next(_counter)}",
                meta={"source_url": source_url, "document_id": 1},
            )  # fmt: skip

    return _record
