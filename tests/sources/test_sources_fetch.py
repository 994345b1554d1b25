"""The fetcher against a real HTTP server: validators, caps, deadlines, redirects, throttling."""

from __future__ import annotations

import asyncio
import gzip
from typing import Any

import pytest

from tests.sources.conftest import Site
from tracker.settings import FetchSettings
from tracker.sources.fetch import Fetched, Fetcher, FetchError

SETTINGS = FetchSettings(timeout=1.0, max_bytes=64 * 1024, max_redirects=3)


def fetch(url: str, settings: FetchSettings = SETTINGS, **kwargs: Any) -> Fetched:
    async def go() -> Fetched:
        async with Fetcher(settings) as fetcher:
            return await fetcher.get(url, **kwargs)

    return asyncio.run(go())


def fetch_error(url: str, settings: FetchSettings = SETTINGS, **kwargs: Any) -> FetchError:
    with pytest.raises(FetchError) as info:
        fetch(url, settings, **kwargs)
    return info.value


def test_conditional_get_with_etag_and_last_modified(site: Site) -> None:
    url = site.add("/feed", "<rss/>", etag='"v1"')
    first = fetch(url)
    assert (first.status, first.etag, first.body) == (200, '"v1"', b"<rss/>")
    second = fetch(url, etag=first.etag)
    assert second.not_modified and second.body == b""
    url2 = site.add("/lm", "<rss/>", last_modified=1_700_000_000)
    got = fetch(url2)
    assert fetch(url2, last_modified=got.last_modified).status == 304
    assert site.statuses("/feed") == [200, 304] and site.statuses("/lm") == [200, 304]
    assert site.hits[0].headers["user-agent"].startswith("exec-tracker/")


def test_declared_huge_body_is_refused_before_reading(site: Site) -> None:
    url = site.add("/ten-gb", b"x" * 10, declared_length=10 * 1024**3)
    assert "Content-Length 10,737,418,240" in fetch_error(url).reason


def test_endless_body_is_cut_at_max_bytes(site: Site) -> None:
    url = site.add("/endless", endless=True)
    error = fetch_error(url)
    assert "more than 65,536 bytes (stopped reading)" in error.reason
    # We read at most the cap; the server wrote little more than what fits in socket buffers.
    assert site.streamed["/endless"] < 64 * 1024 * 1024


def test_gzip_is_decoded_and_a_gzip_bomb_is_capped_after_decoding(site: Site) -> None:
    ok = site.add("/gz", "<rss>compressed</rss>", gzip=True)
    assert fetch(ok).body == b"<rss>compressed</rss>"
    bomb = site.add("/bomb", b"\0" * (5 * 1024 * 1024), gzip=True)
    assert len(gzip.compress(b"\0" * (5 * 1024 * 1024))) < SETTINGS.max_bytes  # small on the wire
    assert "stopped reading" in fetch_error(bomb).reason


def test_slow_drip_is_cut_by_the_total_deadline(site: Site) -> None:
    url = site.add("/drip", b"x" * 200, drip=0.05)  # 10 s in all, a byte every 50 ms: no read timeout fires
    assert "total deadline" in fetch_error(url, FetchSettings(timeout=0.5)).reason


def test_redirect_loop_is_capped(site: Site) -> None:
    site.add("/a", redirect="/b")
    site.add("/b", redirect="/a")
    assert fetch_error(site.url("/a")).reason == "too many redirects (more than 3)"
    assert len(site.statuses("/a")) + len(site.statuses("/b")) == 4  # the first request + 3 redirects


def test_redirect_is_followed_and_final_url_reported(site: Site) -> None:
    site.add("/old", redirect="/new")
    site.add("/new", "<rss/>")
    assert fetch(site.url("/old")).url == site.url("/new")


@pytest.mark.parametrize("status", [429, 503])
def test_throttling_carries_retry_after(site: Site, status: int) -> None:
    url = site.add("/busy", "slow down", status=status, headers={"Retry-After": "120"})
    error = fetch_error(url)
    assert error.retry_after == 120 and error.status == status
    assert "retry after 120s" in error.reason


def test_http_errors_have_readable_reasons(site: Site, closed_port: int) -> None:
    site.add("/boom", "oops", status=500)
    assert fetch_error(site.url("/boom")).reason == "HTTP 500 Internal Server Error"
    gone = fetch_error(site.url("/missing"))
    assert gone.reason == "HTTP 404 Not Found" and gone.permanent
    assert "cannot connect to 127.0.0.1" in fetch_error(f"http://127.0.0.1:{closed_port}/feed").reason
    assert "DNS" in fetch_error("http://no-such-host.invalid/feed").reason
    assert "unsupported URL scheme" in fetch_error("ftp://example.org/feed").reason


def test_file_urls_need_explicit_permission_and_support_validators(tmp_path: Any) -> None:
    path = tmp_path / "feed.xml"
    path.write_text("<rss/>")
    url = path.as_uri()
    assert "refusing to read a local file" in fetch_error(url).reason
    first = fetch(url, allow_file=True)
    assert first.status == 200 and first.body == b"<rss/>"
    assert fetch(url, allow_file=True, etag=first.etag).not_modified
    path.write_text("<rss>changed</rss>")
    assert fetch(url, allow_file=True, etag=first.etag).status == 200
    assert "no such file" in fetch_error((tmp_path / "nope.xml").as_uri(), allow_file=True).reason
