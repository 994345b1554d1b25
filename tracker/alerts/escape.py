"""Slack mrkdwn escaping: every string that came from an article or feed passes through here.

Slack parses `<...>` as links and mentions (`<!channel>`, `<http://evil|click>`), so a
scraped sentence must never reach a mrkdwn field unescaped. Links are built only from
URLs that parse as http(s) with a host, with an escaped label.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_PARTIAL_ENTITY = re.compile(r"&[a-z]{0,3}$")
ELLIPSIS = "…"


def escape_mrkdwn(text: str) -> str:
    """Make `text` display literally in Slack mrkdwn: `&`, `<`, `>` become entities."""
    cleaned = _CONTROL.sub("", text)
    return cleaned.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def plain(text: str) -> str:
    """Scraped text without control characters and surrounding whitespace (not yet escaped)."""
    return _CONTROL.sub("", text).strip()


def truncate(text: str, limit: int) -> str:
    """Cut already-escaped mrkdwn to `limit` chars without splitting an `&amp;`-style entity."""
    if len(text) <= limit:
        return text
    cut = text[: max(0, limit - len(ELLIPSIS))]
    cut = _PARTIAL_ENTITY.sub("", cut)
    return cut + ELLIPSIS


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s) with a host and no characters that could break `<url|label>`."""
    if not url:
        return None
    candidate = url.strip()
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    if any(ch in candidate for ch in "<>| \t\r\n") or _CONTROL.search(candidate):
        return None
    return candidate.replace("&", "&amp;")


def link(url: str | None, label: str | None = None) -> str | None:
    """`<url|label>` for a validated URL, the label escaped; None when the URL is not safe."""
    href = safe_url(url)
    if href is None:
        return None
    text = label if label else (urlsplit(url or "").hostname or "source")
    return f"<{href}|{escape_mrkdwn(text).replace('|', '¦')}>"
