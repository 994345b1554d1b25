"""Listings to items: feeds (RSS 0.9x/1.0/2.0, Atom, JSON Feed), HTML listing pages, JSON APIs.

Parsers are pure functions of the bytes they are given, so they are tested without a
network and never see a socket. Anything unusable raises `ParseError` with a reason the
`tracker sources` table can show.
"""

from __future__ import annotations

import calendar
import hashlib
import json
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import feedparser
import lxml.etree
import lxml.html
from dateutil import parser as dateparser

from tracker.sources.fetch import decode_text
from tracker.sources.urls import absolute_link, normalise_text

_YEAR_PATH = re.compile(r"/(19|20)\d{2}/")
_SKIP_ANCESTORS = {"nav", "header", "footer", "aside", "form"}
_SKIP_SCHEMES = ("mailto:", "javascript:", "tel:", "data:", "#")

URL_KEYS = ("url", "link", "href", "absolute_url", "permalink", "canonical_url", "external_url")
TITLE_KEYS = ("title", "name", "headline")
TEXT_KEYS = ("content_text", "content", "body", "text", "description", "summary", "content_html", "excerpt")
DATE_KEYS = ("date_published", "published", "published_at", "publishedAt", "pubDate", "date", "created_at",
             "createdAt", "updated_at", "updatedAt", "updated", "date_modified")  # fmt: skip
LIST_KEYS = ("items", "data", "results", "jobs", "entries", "posts", "articles", "news")


class ParseError(Exception):
    """The listing could not be read as its source kind says it should."""


@dataclass(frozen=True)
class Item:
    """One entry of a listing: where the article lives and what the listing said about it."""

    url: str
    title: str | None
    published: datetime | None
    text: str
    linked: bool = True  # False: the URL is synthetic (no link in the listing), there is no article to fetch


def parse_listing(
    kind: str,
    body: bytes,
    content_type: str,
    url: str,
    *,
    items_path: str | None = None,
    link_pattern: str | None = None,
    warnings: list[str] | None = None,
) -> list[Item]:
    """Items of a listing; problems that did not stop parsing are appended to `warnings`."""
    if kind == "rss":
        return parse_feed(body, content_type, url, warnings=warnings)
    if kind == "page":
        return parse_page(body, content_type, url, link_pattern=link_pattern)
    if kind == "json":
        return parse_json(body, content_type, url, items_path=items_path)
    raise ParseError(f"unknown source kind {kind!r}")


# -- helpers -------------------------------------------------------------------------------
def html_to_text(fragment: str) -> str:
    """Visible text of an HTML fragment (feed summaries, JSON bodies); plain text passes through."""
    if "<" not in fragment:
        return normalise_text(fragment)
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return normalise_text(fragment)
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    blocks = [normalise_text(t) for t in root.itertext()]
    return normalise_text(" ".join(b for b in blocks if b))


def _synthetic_url(base: str, key: str) -> str:
    """Items without a link still need one stable identity."""
    return f"{base}#item-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:16]}"


def parse_date(value: Any) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, int | float):
        seconds = value / 1000 if value > 10**11 else value  # milliseconds since the epoch
        try:
            return datetime.fromtimestamp(seconds, UTC)
        except (OverflowError, OSError, ValueError):
            return None
    if isinstance(value, time.struct_time):
        return datetime.fromtimestamp(calendar.timegm(value), UTC)
    try:
        parsed = dateparser.parse(str(value))
    except (ValueError, OverflowError, TypeError):
        return None
    if parsed is None:
        return None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


# -- feeds ---------------------------------------------------------------------------------
def parse_feed(body: bytes, content_type: str, url: str, *, warnings: list[str] | None = None) -> list[Item]:
    """Lenient like every good feed reader: a malformed feed whose entries can still be
    recovered is read (with a warning), only one that yields nothing is an error."""
    stripped = body.lstrip()
    if stripped.startswith(b"\xef\xbb\xbf"):
        stripped = stripped[3:].lstrip()
    if stripped.startswith((b"{", b"[")):
        return parse_json_feed(body, content_type, url)
    if not stripped:
        raise ParseError("empty response: not a feed")
    parsed = feedparser.parse(body, response_headers={"content-type": content_type or "application/xml"})
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception") or "no RSS/Atom root element"
        raise ParseError(f"not a feed: {reason}")
    problem = parsed.get("bozo_exception")
    if parsed.get("bozo") and warnings is not None and not isinstance(problem, feedparser.CharacterEncodingOverride):
        warnings.append(f"malformed feed read leniently: {problem}")
    items = []
    for entry in parsed.entries:
        link = entry.get("link") or ""
        guid = str(entry.get("id") or "")
        if not link and guid.startswith(("http://", "https://")):
            link = guid
        content = entry.get("content") or []
        html = content[0].get("value", "") if content else entry.get("summary", "")
        title = normalise_text(entry.get("title", "")) or None
        item_url = absolute_link(url, link) if link else _synthetic_url(url, guid or f"{title}|{html}")
        published = entry.get("published_parsed") or entry.get("updated_parsed")
        items.append(Item(item_url, title, parse_date(published), html_to_text(html or ""), linked=bool(link)))
    return items


def parse_json_feed(body: bytes, content_type: str, url: str) -> list[Item]:
    """JSON Feed 1.0/1.1 (https://jsonfeed.org); feedparser 6.0 does not read it."""
    data = _load_json(body, content_type)
    if not isinstance(data, dict) or "jsonfeed.org" not in str(data.get("version", "")):
        raise ParseError('JSON but not a JSON Feed (no jsonfeed.org version); use kind = "json" for APIs')
    return _json_items(data.get("items") or [], url)


# -- JSON APIs -----------------------------------------------------------------------------
def _load_json(body: bytes, content_type: str) -> Any:
    try:
        return json.loads(decode_text(body, content_type))
    except json.JSONDecodeError as exc:
        raise ParseError(f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None


def _walk(data: Any, path: str) -> Any:
    node = data
    for part in path.split("."):
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.lstrip("-").isdigit() and -len(node) <= int(part) < len(node):
            node = node[int(part)]
        else:
            raise ParseError(f"items_path {path!r}: no {part!r} in the response")
    return node


def parse_json(body: bytes, content_type: str, url: str, *, items_path: str | None = None) -> list[Item]:
    data = _load_json(body, content_type)
    if items_path:
        items = _walk(data, items_path)
    elif isinstance(data, list):
        items = data
    else:
        found = [data[k] for k in LIST_KEYS if isinstance(data, dict) and isinstance(data.get(k), list)]
        if not found:
            raise ParseError('JSON response has no list of items; set items_path (e.g. "data.jobs")')
        items = found[0]
    if not isinstance(items, list):
        raise ParseError(f"items_path {items_path!r} is a {type(items).__name__}, not a list")
    return _json_items(items, url)


def _field(item: dict[str, Any], keys: Iterable[str]) -> Any:
    for key in keys:
        value = item.get(key)
        if isinstance(value, dict):  # WordPress: {"title": {"rendered": "..."}}
            value = value.get("rendered") or value.get("text") or value.get("value")
        if value not in (None, ""):
            return value
    return None


def _json_items(raw: list[Any], url: str) -> list[Item]:
    items = []
    for entry in raw:
        if not isinstance(entry, dict):
            continue
        link = _field(entry, URL_KEYS)
        title = _field(entry, TITLE_KEYS)
        text = _field(entry, TEXT_KEYS)
        key = str(entry.get("id") or entry.get("guid") or json.dumps(entry, sort_keys=True, default=str))
        item_url = absolute_link(url, str(link)) if isinstance(link, str) else _synthetic_url(url, key)
        items.append(
            Item(
                url=item_url,
                title=html_to_text(str(title)) if title is not None else None,
                published=parse_date(_field(entry, DATE_KEYS)),
                text=html_to_text(str(text)) if text is not None else "",
                linked=isinstance(link, str),
            )
        )
    return items


# -- HTML listing pages --------------------------------------------------------------------
def _same_site(a: str, b: str) -> bool:
    pa, pb = urlsplit(a), urlsplit(b)
    if pa.scheme == "file" or pb.scheme == "file":
        return pa.scheme == pb.scheme == "file"
    strip = lambda host: (host or "").lower().removeprefix("www.")  # noqa: E731
    return strip(pa.hostname) == strip(pb.hostname)


def _looks_like_article(anchor: Any, href: str) -> bool:
    """Without a link_pattern, guess: links in <article>/<main>/headings, or slug-like paths."""
    for parent in anchor.iterancestors():
        if parent.tag in ("article", "h1", "h2", "h3", "h4"):
            return True
    path = urlsplit(href).path
    last = path.rstrip("/").rsplit("/", 1)[-1]
    return bool(_YEAR_PATH.search(path)) or last.count("-") >= 2


def parse_page(body: bytes, content_type: str, url: str, *, link_pattern: str | None = None) -> list[Item]:
    text = decode_text(body, content_type)
    if not text.strip():
        raise ParseError("empty page")
    try:
        doc = lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise ParseError(f"not an HTML page: {exc}") from None
    pattern = re.compile(link_pattern) if link_pattern else None
    page = urlsplit(url)._replace(fragment="").geturl()
    seen: dict[str, Item] = {}
    for anchor in doc.xpath("//a[@href]"):
        href = anchor.get("href", "").strip()
        if not href or href.lower().startswith(_SKIP_SCHEMES):
            continue
        if any(parent.tag in _SKIP_ANCESTORS for parent in anchor.iterancestors()):
            continue
        link = urlsplit(absolute_link(url, href))._replace(fragment="").geturl()
        if link == page or link in seen or not _same_site(link, url):
            continue
        if pattern is not None:
            if not pattern.search(link):
                continue
        elif not _looks_like_article(anchor, link):
            continue
        title = normalise_text(anchor.text_content()) or anchor.get("title") or None
        seen[link] = Item(link, title, None, title or "")
    return list(seen.values())
