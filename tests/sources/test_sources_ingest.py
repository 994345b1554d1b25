"""Poll cycles end to end on SQLite and PostgreSQL, against the local test server."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.exc import DBAPIError

from tests.sources.conftest import Site
from tests.sources.feeds import article, rss
from tracker.dates import utc_now
from tracker.db import read_session, transaction
from tracker.extract.model import Move
from tracker.ingest import CycleReport, ingest_document, poll_once
from tracker.settings import FetchSettings, Settings, SourceConfig
from tracker.sources.documents import NewDocument, list_documents
from tracker.sources.state import load_states
from tracker.sources.tables import DOCUMENTS
from tracker.store import EventStore

FAST = FetchSettings(timeout=1.0, max_bytes=256 * 1024, max_redirects=3, cycle_timeout=10.0, per_host=4)


def settings_for(*sources: SourceConfig, fetch: FetchSettings = FAST) -> Settings:
    return Settings(sources=list(sources), fetch=fetch)


def src(name: str, url: str, **kwargs: Any) -> SourceConfig:
    return SourceConfig(name=name, url=url, interval=60, **kwargs)


def poll(engine: Engine, settings: Settings, **kwargs: Any) -> CycleReport:
    return poll_once(engine, settings, force=kwargs.pop("force", True), **kwargs)


def doc_count(engine: Engine) -> int:
    with read_session(engine) as session:
        return int(session.execute(select(func.count()).select_from(DOCUMENTS)).scalar_one())


def fake_extractor(text: str, published: Any = None, title: str | None = None, resolver: object = None) -> list[Move]:
    """Reports a 'joined' move for every 'X joined Y.' sentence: enough to drive events."""
    moves = []
    for sentence in text.replace("\n", ". ").split("."):
        words = sentence.strip().split(" joined ")
        if len(words) == 2 and words[0] and words[1]:
            moves.append(Move(person=words[0].split(",")[-1].strip(), org=words[1].split()[0], direction="joined",
                              date=published.isoformat() if published else None, confidence=0.9,
                              evidence=sentence.strip() + "."))  # fmt: skip
    return moves


fake_extractor.name = "fake"  # type: ignore[attr-defined]
fake_extractor.version = "7"  # type: ignore[attr-defined]


def test_unchanged_feed_twice_is_one_200_one_304_and_appends_nothing(engine: Engine, site: Site) -> None:
    url = site.add("/feed", rss([("A", "/a", "Ann Lee joined Acme."), ("B", "/b", "Bo Kim joined Beta.")]), etag='"1"')
    settings = settings_for(src("news", url))
    first = poll(engine, settings, extractor=fake_extractor)
    assert [(r.status, r.documents, r.events) for r in first.results] == [("ok", 2, 2)]
    second = poll(engine, settings, extractor=fake_extractor)
    assert [(r.status, r.http_status, r.documents) for r in second.results] == [("not_modified", 304, 0)]
    assert site.statuses("/feed") == [200, 304]
    assert doc_count(engine) == 2 and len(list(EventStore(engine).read_all())) == 2


def test_moves_become_events_with_meta_and_repolling_never_appends_twice(engine: Engine, site: Site) -> None:
    site.add("/k", article("Karpathy", "Andrej Karpathy joined Anthropic."), content_type="text/html")
    url = site.add("/feed", rss([("Karpathy joins", "/k?utm_source=rss", "teaser")]))  # no validators
    settings = settings_for(src("news", url, fetch_articles=True))
    report = poll(engine, settings, extractor=fake_extractor)
    assert report.results[0].moves == ["Andrej Karpathy joined Anthropic"]
    [event] = list(EventStore(engine).read_all())
    [doc] = list_documents(engine)
    assert event.type == "MoveReported" and event.data["person"] == "Andrej Karpathy"
    assert event.meta["source"] == "news" and event.meta["source_url"] == site.url("/k?utm_source=rss")
    assert event.meta["document_id"] == doc.id and event.meta["actor"] == "daemon"
    assert (event.meta["extractor"], event.meta["extractor_version"]) == ("fake", "7")
    assert event.meta["evidence"] == "Andrej Karpathy joined Anthropic."
    assert doc.canonical_url == site.url("/k") and doc.title == "Karpathy joins"
    # The feed has no ETag, so it is fetched in full again: the item is known, nothing is appended.
    again = poll(engine, settings, extractor=fake_extractor)
    assert (again.results[0].status, again.results[0].new_items, again.documents) == ("ok", 0, 0)
    assert site.statuses("/k") == [200]  # known articles are not re-fetched
    # Re-ingesting the same document directly is also a no-op.
    same = NewDocument(url=doc.url, source="news", text=doc.text, fetched_at=utc_now(), title=doc.title)
    assert ingest_document(engine, EventStore(engine), settings, same, extractor=fake_extractor).document_id is None
    assert len(list(EventStore(engine).read_all())) == 1 and doc_count(engine) == 1


def test_same_article_from_two_feeds_is_one_document(engine: Engine, site: Site) -> None:
    text_ = "Mira Murati stepped down as chief technology officer of OpenAI after six years at the company."
    a = site.add("/feed-a", rss([("Murati", "/story?utm_source=a&utm_medium=rss", text_)]))
    b = site.add("/feed-b", rss([("Murati", "/story?utm_campaign=b", text_)]))
    c = site.add("/feed-c", rss([("Murati (syndicated)", "/copy/of/story", text_)]))  # same text, other URL
    report = poll(engine, settings_for(src("a", a), src("b", b), src("c", c)))
    assert sum(r.documents for r in report.results) == 1
    [doc] = list_documents(engine)  # whichever source committed first
    assert doc.canonical_url in (site.url("/story"), site.url("/copy/of/story"))


def test_documents_are_append_only(engine: Engine, site: Site) -> None:
    url = site.add("/feed", rss([("A", "/a", "text")]))
    poll(engine, settings_for(src("news", url)))
    for statement in ("UPDATE documents SET title = 'x'", "DELETE FROM documents"):
        with pytest.raises(DBAPIError, match="append-only"), transaction(engine) as session:
            session.execute(text(statement))
    assert doc_count(engine) == 1


def test_extractor_failure_keeps_the_document_and_reports_it(engine: Engine, site: Site) -> None:
    url = site.add("/feed", rss([("A", "/a", "Ann joined Acme.")]))

    def broken(text: str, **_: Any) -> list[Move]:
        raise RuntimeError("model exploded")

    report = poll(engine, settings_for(src("news", url)), extractor=broken)
    result = report.results[0]
    assert result.status == "partial" and "model exploded" in (result.error or "")
    assert doc_count(engine) == 1 and list(EventStore(engine).read_all()) == []


def test_failed_article_is_retried_because_validators_are_dropped(engine: Engine, site: Site) -> None:
    site.add("/a", "temporarily broken", status=500, content_type="text/html")
    url = site.add("/feed", rss([("A", "/a", "teaser")]), etag='"same"')
    settings = settings_for(src("news", url, fetch_articles=True))
    first = poll(engine, settings)
    assert first.results[0].status == "partial" and "HTTP 500" in (first.results[0].error or "")
    assert doc_count(engine) == 0 and load_states(engine)["news"].etag is None
    site.add("/a", article("A", "Now it works and has a body long enough to keep."), content_type="text/html")
    second = poll(engine, settings)
    assert site.statuses("/feed") == [200, 200]  # no If-None-Match: the listing is read again
    assert second.results[0].documents == 1 and load_states(engine)["news"].etag == '"same"'


def test_gone_article_keeps_the_listing_text(engine: Engine, site: Site) -> None:
    url = site.add("/feed", rss([("A", "/missing", "Ann Lee joined Acme as chief executive.")]))
    report = poll(engine, settings_for(src("news", url, fetch_articles=True)))
    assert report.results[0].status == "ok"
    assert [d.text for d in list_documents(engine)] == ["Ann Lee joined Acme as chief executive."]


def test_json_and_page_sources(engine: Engine, site: Site) -> None:
    api = site.add("/api", '{"data": {"posts": [{"title": "New VP", "url": "/p/1", "body": "Ann joined Acme."}]}}',
                   content_type="application/json")  # fmt: skip
    site.add("/news/ann-lee-joins-acme", article("Ann", "Ann Lee joined Acme."), content_type="text/html")
    page = site.add("/news", '<html><body><h2><a href="/news/ann-lee-joins-acme">Ann</a></h2></body></html>',
                    content_type="text/html; charset=utf-8")  # fmt: skip
    settings = settings_for(src("api", api, kind="json", items_path="data.posts"),
                            src("press", page, kind="page", fetch_articles=True))  # fmt: skip
    report = poll(engine, settings, extractor=fake_extractor)
    assert [(r.name, r.status, r.documents, r.events) for r in report.results] == [
        ("api", "ok", 1, 1), ("press", "ok", 1, 1)]  # fmt: skip
    events = list(EventStore(engine).read_all())
    assert [e.type for e in events] == ["MoveReported", "MoveReported"]  # dedup seam: corroboration lands later


def test_wrong_charset_is_decoded_not_fatal(engine: Engine, site: Site) -> None:
    body = article("Zoë", "Zoë Müller joined Société Générale as head of research.").encode("latin-1")
    site.add("/z", body, content_type="text/html; charset=utf-8")  # lies about its charset
    url = site.add("/feed", rss([("Zoë", "/z", "x")]))
    report = poll(engine, settings_for(src("news", url, fetch_articles=True)))
    assert report.results[0].status == "ok"
    [doc] = list_documents(engine)
    assert "joined Soci" in doc.text and "head of research" in doc.text


def test_failures_back_off_and_honour_retry_after(engine: Engine, site: Site) -> None:
    site.add("/down", "no", status=500)
    site.add("/busy", "later", status=429, headers={"Retry-After": "3600"})
    settings = settings_for(src("down", site.url("/down")), src("busy", site.url("/busy")))
    for _ in range(3):
        poll(engine, settings)
    states = load_states(engine)
    down, busy = states["down"], states["busy"]
    assert down.consecutive_failures == 3 and down.last_error == "HTTP 500 Internal Server Error"
    assert down.next_due is not None and down.last_attempt is not None
    assert down.next_due - down.last_attempt >= timedelta(seconds=60 * 4 * 0.8)  # interval * 2**2, jittered
    assert busy.next_due is not None and busy.next_due - utc_now() > timedelta(seconds=3000)
    assert busy.last_status == 429 and "retry after 3600s" in (busy.last_error or "")
    # Not forced: neither is due, so nothing is fetched.
    before = len(site.hits)
    report = poll(engine, settings, force=False)
    assert [r.status for r in report.results] == ["not_due", "not_due"] and len(site.hits) == before
    # Success resets the failure count.
    site.add("/down", rss([]))
    poll(engine, settings)
    assert load_states(engine)["down"].consecutive_failures == 0 and load_states(engine)["down"].last_error is None


def test_fifty_sources_five_hostile_in_one_cycle(engine: Engine, site: Site, closed_port: int) -> None:
    sources = []
    for i in range(45):
        sources.append(src(f"good-{i:02d}", site.add(f"/good/{i}", rss([(f"Item {i}", f"/story/{i}", f"Story {i}.")]))))
    sources += [
        src("slow", site.add("/slow", rss([("s", "/s", "s")]), drip=0.05)),
        src("huge", site.add("/huge", endless=True)),
        src("broken", site.add("/broken", b"\x00\x01 this is not XML {{{ <<<")),
        src("error", site.add("/error", "oops", status=500)),
        src("unreachable", f"http://127.0.0.1:{closed_port}/feed"),
    ]
    fetch = FetchSettings(timeout=1.0, max_bytes=256 * 1024, per_host=8, concurrency=16, cycle_timeout=8.0)
    report = poll(engine, settings_for(*sources, fetch=fetch))
    assert not report.timed_out
    by_name = {r.name: r for r in report.results}
    assert [by_name[f"good-{i:02d}"].status for i in range(45)] == ["ok"] * 45, [
        (r.name, r.status, r.error) for r in report.results if r.status != "ok"
    ]
    assert doc_count(engine) == 45
    reasons = {name: by_name[name].error or "" for name in ("slow", "huge", "broken", "error", "unreachable")}
    assert "total deadline" in reasons["slow"]
    assert "stopped reading" in reasons["huge"]
    assert "not a feed" in reasons["broken"]
    assert reasons["error"] == "HTTP 500 Internal Server Error"
    assert "cannot connect" in reasons["unreachable"]
    states = load_states(engine)
    assert {n: states[n].last_error for n in reasons} == reasons


def test_malformed_but_recoverable_feed_is_read_with_a_warning(engine: Engine, site: Site) -> None:
    url = site.add("/feed", "<rss><channel><item><title>Ann & Bo</title><link>/a</link></item>", etag='"1"')
    report = poll(engine, settings_for(src("news", url)))
    assert report.results[0].status == "partial" and "malformed feed read leniently" in (report.results[0].error or "")
    assert doc_count(engine) == 1 and load_states(engine)["news"].etag == '"1"'  # nothing to retry


def test_cycle_timeout_abandons_what_is_still_running(engine: Engine, site: Site) -> None:
    slow = src("slow", site.add("/slow", rss([("s", "/s", "s")]), drip=0.2))
    fast = src("fast", site.add("/fast", rss([("f", "/f", "f")])))
    fetch = FetchSettings(timeout=30.0, cycle_timeout=1.0)
    report = poll(engine, settings_for(slow, fast, fetch=fetch))
    assert report.timed_out
    by_name = {r.name: r for r in report.results}
    assert by_name["fast"].status == "ok"
    assert by_name["slow"].error == "abandoned: cycle timeout (1s) reached"
    assert load_states(engine)["slow"].last_error == "abandoned: cycle timeout (1s) reached"


def test_stop_request_abandons_between_documents(engine: Engine, site: Site) -> None:
    url = site.add("/feed", rss([("A", "/a", "Ann joined Acme."), ("B", "/b", "Bo joined Beta.")]))
    settings = settings_for(src("news", url))
    from tracker.ingest import Poller
    from tracker.sources.fetch import Fetcher

    async def go() -> CycleReport:
        stop = asyncio.Event()
        stop.set()
        async with Fetcher(settings.fetch) as fetcher:
            return await Poller(engine, settings, fetcher, stop=stop).poll(settings.sources, force=True)

    report = asyncio.run(go())
    assert report.results[0].status == "partial" and doc_count(engine) == 0
    assert load_states(engine)["news"].etag is None  # the next poll sees the whole listing again


def test_after_cycle_hooks_run_and_a_failing_hook_is_contained(engine: Engine, site: Site) -> None:
    url = site.add("/feed", rss([("A", "/a", "text")]))
    settings = settings_for(src("news", url))
    calls: list[tuple[Engine, Settings]] = []

    def broken(engine: Engine, settings: Settings) -> None:
        raise RuntimeError("projection runner down")

    poll(engine, settings, after_cycle=[broken, lambda e, s: calls.append((e, s))])
    assert calls == [(engine, settings)]


def test_items_without_links_are_stored_without_fetching_anything(engine: Engine, site: Site) -> None:
    feed = "<rss version='2.0'><channel><title>t</title><item><title>No link</title><description>Ann joined Acme."
    url = site.add("/feed", feed + "</description></item></channel></rss>")
    report = poll(engine, settings_for(src("news", url, fetch_articles=True)))
    assert report.results[0].documents == 1 and site.statuses("/feed") == [200] and len(site.hits) == 1
    [doc] = list_documents(engine)
    assert doc.text == "Ann joined Acme." and doc.url.startswith(url + "#item-")


def test_daemon_in_process_polls_runs_hooks_and_stops(engine: Engine, site: Site) -> None:
    from tracker.daemon import Daemon

    url = site.add("/feed", rss([("A", "/a", "Ann Lee joined Acme.")]), etag='"1"')
    settings = settings_for(SourceConfig(name="news", url=url, interval=0.2))
    hooks: list[str] = []

    async def go() -> int:
        daemon = Daemon(engine, settings, extractor=fake_extractor, after_cycle=[lambda e, s: hooks.append("ran")])
        task = asyncio.create_task(daemon.run())
        while len(hooks) < 3:  # three cycles: 200, then 304s
            await asyncio.sleep(0.05)
        daemon.request_stop("test")
        return await task

    assert asyncio.run(asyncio.wait_for(go(), 30)) == 0
    assert doc_count(engine) == 1 and len(list(EventStore(engine).read_all())) == 1
    assert site.statuses("/feed")[:3] == [200, 304, 304]


def test_feed_in_another_charset_than_declared_is_read(engine: Engine, site: Site) -> None:
    body = rss([("Zoë Müller joins Société Générale", "/z", "Zoë Müller joined Société Générale.")])
    latin = body.replace('encoding="utf-8"', 'encoding="iso-8859-1"').encode("latin-1")
    url = site.add("/feed", latin, content_type="application/rss+xml; charset=utf-8")  # the header lies
    report = poll(engine, settings_for(src("news", url)))
    assert report.results[0].documents == 1
    [doc] = list_documents(engine)
    assert "joined Soci" in doc.text and doc.title is not None and doc.title.startswith("Zo")


def test_extractor_name_and_version_come_from_the_callable_or_its_package() -> None:
    from tracker import extract as extract_package
    from tracker.ingest import extractor_info

    assert extractor_info(fake_extractor) == ("fake", "7")
    expected = (extract_package.EXTRACTOR_NAME, extract_package.EXTRACTOR_VERSION)
    assert extractor_info(extract_package.extract) == expected

    def elsewhere(text: str) -> list[Move]:
        return []

    elsewhere.__module__ = "tracker.extract.not_a_module"
    assert extractor_info(elsewhere) == expected
