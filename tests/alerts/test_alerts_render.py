"""Escaping and Block Kit limits: scraped text arrives as text, within Slack's limits."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime

import pytest

from tracker.alerts.escape import escape_mrkdwn, link, safe_url, truncate
from tracker.alerts.render import MAX_BLOCKS, render_digest, render_move
from tracker.alerts.rules import MoveFacts, OrgNames
from tracker.settings import OrganizationConfig, Settings

NAMES = OrgNames(Settings(organizations=[OrganizationConfig(name="OpenAI", aliases=["the ChatGPT maker"])]))


def facts(**overrides: object) -> MoveFacts:
    base: dict[str, object] = dict(
        event_id="e1", position=1, person="Andrej Karpathy", org="Anthropic", direction="joined",
        role="Head of Pretraining", team=None, seniority="head", origin_org="the ChatGPT maker",
        destination_org=None, occurred_on="2026-11-02", confidence=0.85,
        evidence="Andrej Karpathy has joined Anthropic.", source_urls=("https://news.example/a",),
        document_id="1", day=date(2026, 11, 2),
    )  # fmt: skip
    base.update(overrides)
    return MoveFacts(**base)  # type: ignore[arg-type]


def mrkdwn_texts(message: dict[str, object]) -> list[str]:
    out: list[str] = []
    for block in message["blocks"]:  # type: ignore[attr-defined]
        for obj in [block.get("text"), *block.get("fields", []), *block.get("elements", [])]:
            if isinstance(obj, dict) and obj.get("type") == "mrkdwn":
                out.append(obj["text"])
    return out


def test_escape_mrkdwn_turns_control_sequences_into_text() -> None:
    assert escape_mrkdwn("<!channel> & <http://evil|click>") == "&lt;!channel&gt; &amp; &lt;http://evil|click&gt;"
    assert escape_mrkdwn("a\x00b\x1bc") == "abc"


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "ftp://x.example/", "http://x.example/a|b", "http://x.example/<!channel>", "https://", ""],
)
def test_unsafe_urls_are_not_linked(url: str) -> None:
    assert safe_url(url) is None
    assert link(url) is None


def test_links_escape_labels_and_ampersands() -> None:
    assert link("https://n.example/a?x=1&y=2", "R&D <b>") == "<https://n.example/a?x=1&amp;y=2|R&amp;D &lt;b&gt;>"


def test_truncate_never_splits_an_entity() -> None:
    text = escape_mrkdwn("a" * 8 + "&&&&")
    cut = truncate(text, 12)
    assert len(cut) <= 12 and cut.endswith("…")
    assert not re.search(r"&[a-z]*…$", cut)


def test_hostile_article_text_arrives_as_text() -> None:
    hostile = facts(
        person="Eve <!channel>", role="<http://evil.example|click here> & VP", team="*bold* <@U123>",
        evidence="Eve <!here> joined. See <http://evil.example|click>.", org="Anthropic <!everyone>",
        source_urls=("javascript:alert(1)", "https://news.example/ok"),
    )  # fmt: skip
    message = render_move(hostile, NAMES, ["watched organisation Anthropic"])
    dumped = json.dumps(message)
    for raw in ("<!channel>", "<!here>", "<!everyone>", "<@U123>", "<http://evil.example|click"):
        assert raw not in dumped
    for text in [*mrkdwn_texts(message), message["text"]]:
        # the only '<' left in mrkdwn is a link we built from a validated URL
        assert re.sub(r"<https://news\.example/ok\|news\.example>", "", text).count("<") == 0
    assert "&lt;!channel&gt;" in dumped and "javascript" not in dumped


def test_move_message_has_header_fields_evidence_source_and_fallback() -> None:
    message = render_move(facts(), NAMES, ["watched person Andrej Karpathy"])
    blocks = message["blocks"]
    assert blocks[0] == {
        "type": "header",
        "text": {"type": "plain_text", "text": "Andrej Karpathy joined Anthropic", "emoji": False},
    }
    texts = "\n".join(mrkdwn_texts(message))
    assert "OpenAI → Anthropic" in texts  # the alias resolved to the configured name
    assert "Head of Pretraining" in texts and "2026-11-02" in texts and "85%" in texts
    assert ">Andrej Karpathy has joined Anthropic." in texts
    assert "<https://news.example/a|news.example>" in texts
    assert "Andrej Karpathy joined Anthropic" in message["text"]


def test_long_evidence_stays_within_section_limit() -> None:
    message = render_move(facts(evidence="x & y " * 2000, role="r" * 5000), NAMES, [])
    assert all(len(t) <= 3000 for t in mrkdwn_texts(message))
    assert all(len(f["text"]) <= 2000 for b in message["blocks"] for f in b.get("fields", []))
    assert len(message["blocks"]) <= MAX_BLOCKS


def test_digest_packs_alerts_in_order_without_exceeding_fifty_blocks() -> None:
    messages = [render_move(facts(person=f"Person {i}", event_id=f"e{i}"), NAMES, ["x"]) for i in range(30)]
    parts = render_digest(messages, "every 1h")
    assert sum(n for _, n in parts) == 30
    assert len(parts) > 1
    assert all(len(m["blocks"]) <= MAX_BLOCKS for m, _ in parts)
    headers = [b["text"]["text"] for m, _ in parts for b in m["blocks"] if b["type"] == "header"]
    assert headers == [f"Person {i} joined Anthropic" for i in range(30)]


def test_recorded_at_is_not_needed_to_render() -> None:
    # a move without a date says so rather than inventing one
    message = render_move(facts(occurred_on=None, day=datetime(2026, 1, 1, tzinfo=UTC).date()), NAMES, [])
    assert "not stated" in "\n".join(mrkdwn_texts(message))


def test_console_shows_slack_markup_as_terminal_text() -> None:
    from io import StringIO

    from rich.console import Console

    from tracker.alerts.sinks import ConsoleSink

    out = StringIO()
    message = {
        "text": "fallback",
        "blocks": [
            {"type": "section", "text": {"type": "mrkdwn", "text": "*Move*  OpenAI → Anthropic &lt;!channel&gt;"}},
            {"type": "context", "elements": [{"type": "mrkdwn", "text": "<https://news.example/a|the article>"}]},
        ],
    }
    ConsoleSink(Console(file=out, width=100)).send("#moves", message, message_key="move:1")
    shown = out.getvalue()
    assert "Move  OpenAI → Anthropic <!channel>" in shown and "*Move*" not in shown
    assert "the article (https://news.example/a)" in shown
