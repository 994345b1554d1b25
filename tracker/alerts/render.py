"""Block Kit messages for alerts, within Slack's limits, with a plain-text fallback.

Every scraped string goes through `escape_mrkdwn`, headers included. Messages are rendered when the alert
is enqueued, so what was decided is what is sent, even after a config change.
"""

from __future__ import annotations

from typing import Any

from tracker.alerts.escape import escape_mrkdwn, link, plain, truncate
from tracker.alerts.rules import FlowHit, MoveFacts, OrgNames

SECTION_LIMIT = 3000
FIELD_LIMIT = 2000
HEADER_LIMIT = 150
TEXT_LIMIT = 3000  # the fallback `text`: Slack allows more, readers do not
MAX_BLOCKS = 50
MAX_SOURCES = 5

Message = dict[str, Any]  # {"text": str, "blocks": [...]}

_VERBS = {"joined": "joined", "left": "left", "founded": "founded", "role_changed": "has a new role at"}


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _header(text: str) -> dict[str, Any]:
    """Escaped like mrkdwn: Slack decodes the three entities everywhere, and a header is
    made of scraped names, so nothing in it may open a `<...>` sequence."""
    clean = truncate(escape_mrkdwn(plain(text)), HEADER_LIMIT)
    return {"type": "header", "text": {"type": "plain_text", "text": clean or "Alert", "emoji": False}}


def _section(mrkdwn: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": truncate(mrkdwn, SECTION_LIMIT), "verbatim": True}}


def _fields(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    return {
        "type": "section",
        "fields": [
            {"type": "mrkdwn", "text": truncate(f"*{label}*\n{value}", FIELD_LIMIT), "verbatim": True}
            for label, value in pairs[:10]
        ],
    }


def _context(mrkdwn: str) -> dict[str, Any]:
    return {
        "type": "context",
        "elements": [{"type": "mrkdwn", "text": truncate(mrkdwn, SECTION_LIMIT), "verbatim": True}],
    }


def _quote(text: str) -> str:
    return "\n".join(f">{line}" for line in escape_mrkdwn(text).splitlines() if line.strip())


def _sources(urls: tuple[str, ...]) -> str | None:
    links = [lk for lk in (link(u) for u in urls[:MAX_SOURCES]) if lk]
    return " · ".join(links) if links else None


def headline(facts: MoveFacts, names: OrgNames) -> str:
    return f"{facts.person} {_VERBS.get(facts.direction, facts.direction)} {names.display(facts.org)}"


def render_move(facts: MoveFacts, names: OrgNames, reasons: list[str]) -> Message:
    """One move: header, from -> to, role/team, date, the evidence quoted, sources, confidence."""
    title = headline(facts, names)
    e = escape_mrkdwn
    frm = names.display(facts.from_org) if facts.from_org else "?"
    to = names.display(facts.to_org) if facts.to_org else "?"
    pairs = [("Move", f"{e(frm)} → {e(to)}")]
    if facts.role or facts.team:
        pairs.append(("Role / team", e(" · ".join(x for x in (facts.role, facts.team) if x))))
    pairs.append(("Date", e(facts.occurred_on or "not stated")))
    pairs.append(("Confidence", f"{facts.confidence:.0%}"))
    blocks: list[dict[str, Any]] = [_header(title), _fields(pairs)]
    if facts.evidence.strip():
        blocks.append(_section(_quote(facts.evidence)))
    sources = _sources(facts.source_urls)
    notes = [f"Source: {sources}"] if sources else []
    if reasons:
        notes.append("Why: " + e("; ".join(reasons)))
    if notes:
        blocks.append(_context("  |  ".join(notes)))
    fallback = [e(title)]
    if facts.evidence.strip():
        fallback.append(f"“{e(facts.evidence.strip())}”")
    first = link(facts.source_urls[0]) if facts.source_urls else None
    if first:
        fallback.append(first)
    return {"text": truncate(" — ".join(fallback), TEXT_LIMIT), "blocks": blocks}


def render_flow(facts: MoveFacts, hit: FlowHit) -> Message:
    """A flow: this person is the Nth from A to B within the window; name the others."""
    days = round(hit.rule.window / 86400)
    title = f"Flow: {hit.from_name} → {hit.to_name}, {_ordinal(hit.count)} person in {days} days"
    e = escape_mrkdwn
    others = ", ".join(e(n) for n in hit.others) or "none"
    body = f"*{e(facts.person)}* is the {_ordinal(hit.count)} person from *{e(hit.from_name)}* to *{e(hit.to_name)}* within {days} days. Before: {others}."
    blocks: list[dict[str, Any]] = [_header(title), _section(body)]
    sources = _sources(facts.source_urls)
    if sources:
        blocks.append(_context(f"Source: {sources}"))
    return {"text": truncate(f"{e(title)}: {e(facts.person)}; before: {others}", TEXT_LIMIT), "blocks": blocks}


def render_correction(facts: MoveFacts, names: OrgNames, reason: str) -> Message:
    """Short, threaded under the original alert."""
    e = escape_mrkdwn
    text = f":warning: *Correction:* the report that {e(headline(facts, names))} was retracted: {e(reason)}"
    return {"text": truncate(text, TEXT_LIMIT), "blocks": [_section(text)]}


def render_digest(messages: list[Message], interval_label: str) -> list[tuple[Message, int]]:
    """Batch alert messages into as few messages as fit in 50 blocks each, in order; an alert
    never splits. Returns (message, how many alerts it carries) pairs."""
    out: list[tuple[Message, int]] = []
    blocks: list[dict[str, Any]] = []
    texts: list[str] = []

    def flush() -> None:
        if texts:
            n = len(texts)
            text = f"{n} alert{'s' if n != 1 else ''}: " + "\n".join(texts)
            out.append(({"text": truncate(text, TEXT_LIMIT), "blocks": list(blocks)}, n))

    for message in messages:
        own = list(message.get("blocks") or [])[: MAX_BLOCKS - 1]
        if texts and len(blocks) + 1 + len(own) > MAX_BLOCKS:
            flush()
            blocks, texts = [], []
        blocks.append(_context(f"*Digest* ({escape_mrkdwn(interval_label)})") if not texts else {"type": "divider"})
        blocks.extend(own)
        texts.append(str(message.get("text", "")))
    flush()
    return out
