"""Article pages to main text with trafilatura (boilerplate, menus and comments dropped)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import lxml.etree
import lxml.html

from tracker.sources.fetch import decode_text
from tracker.sources.parse import parse_date
from tracker.sources.urls import normalise_text


@dataclass(frozen=True)
class Article:
    text: str
    title: str | None
    published: datetime | None


def _fallback_text(html: str) -> str:
    """When trafilatura finds no main text (very short pages), keep the visible body text."""
    try:
        doc = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return normalise_text(html)
    for bad in doc.xpath("//script|//style|//nav|//header|//footer|//aside"):
        bad.drop_tree()
    main = doc.xpath("//article") or doc.xpath("//main") or [doc]
    return normalise_text(" ".join(main[0].itertext()))


def extract_article(body: bytes, content_type: str, url: str) -> Article:
    """CPU-bound: callers run it in a worker thread, off the event loop."""
    import trafilatura  # heavy import, needed only when an article is fetched

    html = decode_text(body, content_type)
    if not html.strip():
        return Article("", None, None)
    text = trafilatura.extract(html, url=url, include_comments=False, include_tables=False, favor_recall=True)
    meta = trafilatura.extract_metadata(html, default_url=url)
    title = normalise_text(meta.title) if meta is not None and meta.title else None
    published = parse_date(meta.date) if meta is not None and meta.date else None
    return Article(text.strip() if text else _fallback_text(html), title, published)
