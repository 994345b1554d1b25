"""Parsers and URL rules, on bytes: no network, no database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.sources.feeds import rss
from tracker.sources.fetch import decode_text, parse_retry_after
from tracker.sources.parse import ParseError, parse_feed, parse_json, parse_page
from tracker.sources.urls import canonical_url, content_hash, resolve_source_url


def test_canonical_url_drops_tracking_noise_and_keeps_meaningful_parameters() -> None:
    a = canonical_url("HTTPS://News.Example.com:443/a/b?utm_source=rss&id=7&utm_medium=feed&fbclid=x#top")
    b = canonical_url("https://news.example.com/a/b?id=7")
    assert a == b == "https://news.example.com/a/b?id=7"
    assert canonical_url("https://x.org/p?b=2&a=1") == "https://x.org/p?a=1&b=2"
    assert canonical_url("http://x.org:8080") == "http://x.org:8080/"
    assert canonical_url("https://x.org/p?page=2") != canonical_url("https://x.org/p?page=3")


def test_content_hash_ignores_whitespace_only_changes() -> None:
    assert content_hash("Karpathy  joined\nAnthropic.") == content_hash(" Karpathy joined Anthropic. ")
    assert content_hash("Karpathy joined Anthropic.") != content_hash("Karpathy left Anthropic.")


def test_relative_source_urls_resolve_against_the_config_folder(tmp_path: Path) -> None:
    expected = (tmp_path / "demo" / "feed.xml").as_uri()
    assert resolve_source_url("demo/feed.xml", tmp_path) == expected
    assert resolve_source_url("file://demo/feed.xml", tmp_path) == expected
    assert resolve_source_url(expected, Path("/elsewhere")) == expected
    assert resolve_source_url("https://example.org/feed", tmp_path) == "https://example.org/feed"


def test_rss_items_resolve_relative_links_against_a_file_url() -> None:
    body = rss([("Karpathy joins Anthropic", "karpathy.html", "<p>He <b>joined</b>.</p>")]).encode()
    [item] = parse_feed(body, "application/rss+xml", "file:///srv/demo/feed.xml")
    assert item.url == "file:///srv/demo/karpathy.html"
    assert item.title == "Karpathy joins Anthropic"
    assert item.text == "He joined ."
    assert item.published is not None and item.published.year == 2024


def test_atom_and_rss1_feeds_parse() -> None:
    atom = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
      <entry><title>A</title><link href="https://x.org/a"/><id>urn:a</id><updated>2024-09-01T00:00:00Z</updated>
      <content type="html">&lt;p&gt;Body A&lt;/p&gt;</content></entry></feed>"""
    [item] = parse_feed(atom, "application/atom+xml", "https://x.org/feed")
    assert (item.url, item.text) == ("https://x.org/a", "Body A")
    rdf = b"""<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
      xmlns="http://purl.org/rss/1.0/"><channel rdf:about="https://x.org/"><title>t</title></channel>
      <item rdf:about="https://x.org/b"><title>B</title><link>https://x.org/b</link></item></rdf:RDF>"""
    assert [i.url for i in parse_feed(rdf, "application/rdf+xml", "https://x.org/rss")] == ["https://x.org/b"]


def test_json_feed_is_read_although_feedparser_cannot() -> None:
    body = json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": [
        {"id": "1", "url": "/posts/1", "title": "One", "content_html": "<p>Hello</p>",
         "date_published": "2024-09-01T10:00:00+02:00"}]}).encode()  # fmt: skip
    [item] = parse_feed(body, "application/feed+json", "https://x.org/feed.json")
    assert (item.url, item.title, item.text) == ("https://x.org/posts/1", "One", "Hello")
    assert item.published is not None and item.published.hour == 8


@pytest.mark.parametrize("body", [b"", b"\x00\x01\x02 garbage {{{", b"<html><body>not a feed</body></html>"])
def test_garbage_is_not_a_feed(body: bytes) -> None:
    with pytest.raises(ParseError, match=r"not a feed|empty"):
        parse_feed(body, "application/xml", "https://x.org/feed")


def test_json_api_items_path_and_wordpress_shapes() -> None:
    body = json.dumps({"data": {"jobs": [
        {"title": {"rendered": "VP of Research"}, "link": "/jobs/1", "date": "2024-01-02", "content": {"rendered": "<p>Lead</p>"}},
        {"name": "no url", "id": 9},
    ]}}).encode()  # fmt: skip
    items = parse_json(body, "application/json", "https://x.org/api", items_path="data.jobs")
    assert [i.title for i in items] == ["VP of Research", "no url"]
    assert items[0].url == "https://x.org/jobs/1" and items[0].text == "Lead"
    assert items[1].url.startswith("https://x.org/api#item-")  # stable identity without a link
    with pytest.raises(ParseError, match="no 'nope'"):
        parse_json(body, "application/json", "https://x.org/api", items_path="data.nope")
    with pytest.raises(ParseError, match="not valid JSON"):
        parse_json(b"{oops", "application/json", "https://x.org/api")


def test_listing_page_finds_article_links_not_navigation() -> None:
    html = b"""<html><body><header><a href="/about-our-company-team">About</a></header>
      <main><h2><a href="/news/karpathy">Karpathy joins</a></h2>
      <a href="/2024/09/murati-steps-down?utm_source=x">Murati</a>
      <a href="/contact">Contact</a><a href="https://elsewhere.org/some-other-story">elsewhere</a>
      <a href="mailto:x@y.z">mail</a></main><footer><a href="/privacy-policy-page-here">p</a></footer></body></html>"""
    items = parse_page(html, "text/html", "https://x.org/news")
    assert [i.url for i in items] == [
        "https://x.org/news/karpathy",
        "https://x.org/2024/09/murati-steps-down?utm_source=x",
    ]
    assert items[0].title == "Karpathy joins"
    only = parse_page(html, "text/html", "https://x.org/news", link_pattern=r"/contact$")
    assert [i.url for i in only] == ["https://x.org/contact"]


def test_text_in_any_charset_decodes_without_crashing() -> None:
    latin = "Zoë Müller joined Société Générale".encode("latin-1")
    assert decode_text(latin, "text/html; charset=iso-8859-1") == "Zoë Müller joined Société Générale"
    # Declared UTF-8 but actually Latin-1: detection or replacement, never an exception.
    assert "M" in decode_text(latin, "text/html; charset=utf-8")
    assert decode_text(b"<meta charset='windows-1252'>\x93hi\x94", "").endswith("\u201chi\u201d")
    assert decode_text(b"\xff\xfe\xfa\xfb", "text/plain; charset=bogus-charset")  # unknown charset name


def test_retry_after_accepts_seconds_and_http_dates() -> None:
    assert parse_retry_after("120") == 120
    assert parse_retry_after(None) is None and parse_retry_after("soon") is None
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past: no wait
