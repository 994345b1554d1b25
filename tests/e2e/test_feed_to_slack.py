"""A feed links an article in which a watched person joins a watched organisation: one Slack
message, with the article link; polling again sends nothing; a second feed reporting the same
move sends nothing. Real HTTP server, real extractor, real slack-sdk against a fake Slack."""

from __future__ import annotations

from sqlalchemy import Engine

from tests.alerts.fake_slack import TOKEN, FakeSlack
from tests.sources.conftest import Site
from tests.sources.feeds import article, rss
from tracker.events import MoveCorroborated, MoveReported
from tracker.ingest import poll_once
from tracker.settings import (
    OrganizationConfig,
    Settings,
    SlackSettings,
    SourceConfig,
    WatchlistConfig,
)
from tracker.store import EventStore

HIRE = (
    "Anthropic has hired Andrej Karpathy, the former director of AI at Tesla, to lead a new research team, "
    "the company said on Tuesday."
)
SAME_HIRE = "Andrej Karpathy has joined Anthropic, where he will lead a new research group, a spokesperson confirmed."


def settings_for(site: Site, slack: FakeSlack) -> Settings:
    return Settings(
        sources=[
            SourceConfig(name="wire", url=site.url("/wire.xml"), fetch_articles=True),
            SourceConfig(name="blog", url=site.url("/blog.xml"), fetch_articles=True),
        ],
        organizations=[OrganizationConfig(name="Anthropic", aliases=["the Claude maker"])],
        watchlist=WatchlistConfig(people=["Andrej Karpathy"], organizations=["Anthropic"]),
        slack=SlackSettings(channel="#talent-moves", bot_token=TOKEN, api_url=slack.api_url),
    )


def test_one_alert_per_move_across_polls_and_feeds(engine: Engine, site: Site, fake_slack: FakeSlack) -> None:
    site.add("/a/karpathy.html", article("Anthropic hires Andrej Karpathy", HIRE), content_type="text/html")
    site.add("/b/karpathy-joins.html", article("Karpathy joins Anthropic", SAME_HIRE), content_type="text/html")
    site.add("/wire.xml", rss([("Anthropic hires Karpathy", site.url("/a/karpathy.html"), "hire")]),
             content_type="application/rss+xml")  # fmt: skip
    site.add("/blog.xml", rss([("Karpathy joins Anthropic", site.url("/b/karpathy-joins.html"), "hire")]),
             content_type="application/rss+xml")  # fmt: skip
    settings = settings_for(site, fake_slack)
    wire, blog = settings.sources

    poll_once(engine, settings, [wire], force=True)
    [message] = fake_slack.posted()
    text = str(message)
    assert "Andrej Karpathy" in text and "Anthropic" in text
    assert site.url("/a/karpathy.html") in text

    poll_once(engine, settings, [wire], force=True)
    assert len(fake_slack.posted()) == 1

    poll_once(engine, settings, [blog], force=True)
    assert len(fake_slack.posted()) == 1
    payloads = [e.payload for e in EventStore(engine).read_all()]
    joined = [p for p in payloads if isinstance(p, MoveReported) and p.direction == "joined"]
    assert len(joined) == 1 and joined[0].org == "Anthropic"
    assert any(isinstance(p, MoveCorroborated) for p in payloads)
