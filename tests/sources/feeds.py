"""Builders for the feeds and article pages the test server serves."""

from __future__ import annotations


def rss(items: list[tuple[str, str, str]], *, title: str = "Test feed") -> str:
    """items: (title, link, description)."""
    body = "".join(
        f"<item><title>{t}</title><link>{link}</link><guid>{link}</guid><description>{d}</description>"
        f"<pubDate>Tue, 03 Sep 2024 10:0{i % 10}:00 GMT</pubDate></item>"
        for i, (t, link, d) in enumerate(items)
    )
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>{body}</channel></rss>'


def article(title: str, paragraph: str) -> str:
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
        f"<nav><a href='/'>Home</a></nav><article><h1>{title}</h1><p>{paragraph}</p>"
        f"<p>{paragraph} The company confirmed the appointment in a statement to reporters.</p></article>"
        "<footer>footer</footer></body></html>"
    )
