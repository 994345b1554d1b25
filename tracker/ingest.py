"""One poll cycle: fetch due sources -> new documents -> extraction -> events, one transaction each.

Fetching is async (one shared `Fetcher`, per-host and global semaphores); everything that
touches the database or burns CPU (parsing, trafilatura, the extractor, the write) runs in
worker threads so the event loop keeps serving the other sources. Writes are serialised
by one asyncio lock per poller, so SQLite sees one writer at a time from this process.

Never lose, never duplicate: a document and the events extracted from it commit together
(`ingest_document`); event idempotency keys derive from document + move; and a listing's
validators (ETag/Last-Modified) are only kept when every new item of that listing was
stored, so a conditional GET can never hide an item we failed to fetch.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import Any, Literal

from sqlalchemy import Engine

from tracker.alerts.dispatch import dispatch_pending
from tracker.dates import iso_utc, utc_now
from tracker.db import transaction
from tracker.extract import extract
from tracker.extract.model import Move
from tracker.extract.resolve import resolver_from_settings
from tracker.logfmt import log_event
from tracker.moves import move_key, record_move
from tracker.projections.runner import run_projections
from tracker.settings import Settings, SourceConfig
from tracker.sources.article import extract_article
from tracker.sources.documents import NewDocument, insert_document, known_urls
from tracker.sources.fetch import Fetched, Fetcher, FetchError
from tracker.sources.parse import Item, ParseError, parse_listing
from tracker.sources.state import SourceState, load_states, save_failure, save_success
from tracker.sources.urls import canonical_url, resolve_source_url
from tracker.store import EventStore, RecordedEvent

log = logging.getLogger("tracker.ingest")

Extractor = Callable[..., list[Move]]
AfterCycleHook = Callable[[Engine, Settings], object]

# Run after every poll cycle (by `tracker poll` and by the daemon after each job), in order:
# the views catch up with the new events, and alerts written by the cycle go out at once
# rather than on the dispatcher's next tick.
AFTER_CYCLE_HOOKS: tuple[AfterCycleHook, ...] = (run_projections, dispatch_pending)

ACTOR = "daemon"
ACCEPT = {
    "rss": "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5",
    "page": "text/html, application/xhtml+xml;q=0.9, */*;q=0.5",
    "json": "application/json, */*;q=0.5",
}
ARTICLE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"

Status = Literal["ok", "not_modified", "partial", "error", "not_due"]


@dataclass
class SourceResult:
    name: str
    kind: str
    url: str
    status: Status
    http_status: int | None = None
    items: int = 0  # entries in the listing
    new_items: int = 0  # entries not stored before
    documents: int = 0  # documents stored this poll
    events: int = 0
    moves: list[str] = field(default_factory=list)
    error: str | None = None
    next_due: datetime | None = None
    seconds: float = 0.0

    @property
    def failed(self) -> bool:
        return self.status == "error"

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["next_due"] = iso_utc(self.next_due) if self.next_due else None
        out["seconds"] = round(self.seconds, 3)
        return out


@dataclass
class CycleReport:
    started_at: datetime
    finished_at: datetime
    results: list[SourceResult]
    timed_out: bool = False

    @property
    def polled(self) -> list[SourceResult]:
        return [r for r in self.results if r.status != "not_due"]

    @property
    def failed(self) -> list[SourceResult]:
        return [r for r in self.results if r.failed]

    @property
    def documents(self) -> int:
        return sum(r.documents for r in self.results)

    @property
    def events(self) -> int:
        return sum(r.events for r in self.results)

    @property
    def seconds(self) -> float:
        return (self.finished_at - self.started_at).total_seconds()

    def figures(self) -> dict[str, Any]:
        """The numbers a log line, the health endpoint and the bench print."""
        return {
            "started_at": iso_utc(self.started_at),
            "seconds": round(self.seconds, 3),
            "sources": len(self.polled),
            "not_modified": sum(r.status == "not_modified" for r in self.results),
            "failed": len(self.failed),
            "documents": self.documents,
            "events": self.events,
            "timed_out": self.timed_out,
        }

    def to_json(self) -> dict[str, Any]:
        return {**self.figures(), "results": [r.to_json() for r in self.results]}


@dataclass(frozen=True)
class IngestOutcome:
    document_id: int | None  # None: the document was stored before, nothing appended
    events: list[RecordedEvent]
    error: str | None = None  # the extractor failed; the document is kept without events


# -- the synchronous unit of work ---------------------------------------------------------------
def configured_extractor(settings: Settings) -> Extractor:
    """The rule extractor knowing the config's organisations and aliases (so "the ChatGPT maker"
    is OpenAI) and the watched people."""
    return functools.partial(extract, resolver=resolver_from_settings(settings))


def extractor_info(extractor: Extractor) -> tuple[str, str]:
    """Name and version for event meta: `.name`/`.version` on the callable, else constants
    EXTRACTOR_NAME/EXTRACTOR_VERSION of its module or the nearest parent package that has
    them (tracker.extract does, wherever the real function ends up living)."""
    while isinstance(extractor, functools.partial):
        extractor = extractor.func
    name = getattr(extractor, "name", None)
    version = getattr(extractor, "version", None)
    module_name = getattr(extractor, "__module__", "") or ""
    while module_name and not (name and version):  # tracker.extract.rules -> tracker.extract -> tracker
        module = sys.modules.get(module_name)
        name = name or getattr(module, "EXTRACTOR_NAME", None)
        version = version or getattr(module, "EXTRACTOR_VERSION", None)
        module_name = module_name.rpartition(".")[0]
    return str(name or getattr(extractor, "__qualname__", "extractor")), str(version or "0")


def run_extractor(extractor: Extractor, doc: NewDocument) -> tuple[list[Move], str | None]:
    """The extractor sees untrusted text; its failure costs that document's moves, nothing else."""
    try:
        moves = extractor(doc.text, published=doc.published.date() if doc.published else None, title=doc.title)
    except Exception as exc:
        log.exception("extractor failed on %s", doc.url)
        return [], f"extractor failed on {doc.url}: {type(exc).__name__}: {exc}"
    return list(moves), None


def commit_document(
    engine: Engine,
    store: EventStore,
    settings: Settings,
    doc: NewDocument,
    moves: Sequence[Move],
    *,
    extractor: tuple[str, str] = ("none", "0"),
    actor: str = ACTOR,
) -> IngestOutcome:
    """Document, its events (and their alert outbox rows, via record_move) in ONE transaction."""
    with transaction(engine) as session:
        document_id = insert_document(session, doc)
        if document_id is None:
            return IngestOutcome(None, [])
        recorded: list[RecordedEvent] = []
        for move in moves:
            meta = {"source": doc.source, "source_url": doc.url, "document_id": document_id,
                    "extractor": extractor[0], "extractor_version": extractor[1], "actor": actor}  # fmt: skip
            event = record_move(session, store, settings, move, idempotency_key=move_key(document_id, move), meta=meta)
            if all(event.event_id != seen.event_id for seen in recorded):  # same move twice in one text: one event
                recorded.append(event)
        return IngestOutcome(document_id, recorded)


def ingest_document(
    engine: Engine,
    store: EventStore,
    settings: Settings,
    doc: NewDocument,
    *,
    extractor: Extractor | None = None,
    actor: str = ACTOR,
) -> IngestOutcome:
    """Extract moves from `doc` and commit document + events. Re-ingesting appends nothing."""
    extractor = extractor or configured_extractor(settings)
    moves, error = run_extractor(extractor, doc)
    outcome = commit_document(engine, store, settings, doc, moves, extractor=extractor_info(extractor), actor=actor)
    return IngestOutcome(outcome.document_id, outcome.events, error)


def run_after_cycle(engine: Engine, settings: Settings, hooks: Sequence[AfterCycleHook]) -> None:
    """A failing hook is logged and does not stop the next hook or the daemon."""
    for hook in hooks:
        try:
            hook(engine, settings)
        except Exception:
            log.exception("after-cycle hook %s failed", getattr(hook, "__qualname__", hook))


# -- the async cycle ------------------------------------------------------------------------
class _Partial(Exception):
    """Some items of a listing could not be stored this time; they will be retried."""


class Poller:
    """Polls sources with one shared Fetcher. One per `tracker poll`, one for a daemon's lifetime."""

    def __init__(
        self,
        engine: Engine,
        settings: Settings,
        fetcher: Fetcher,
        *,
        store: EventStore | None = None,
        extractor: Extractor | None = None,
        stop: asyncio.Event | None = None,
    ) -> None:
        self.engine = engine
        self.settings = settings
        self.fetcher = fetcher
        self.store = store or EventStore(engine)
        self.extractor = extractor or configured_extractor(settings)
        self.stop = stop or asyncio.Event()
        self._write_lock = asyncio.Lock()

    async def serialised(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Run blocking database work in a thread, one at a time per poller (SQLite has one writer)."""
        async with self._write_lock:
            return await asyncio.to_thread(fn, *args, **kwargs)

    async def poll(
        self,
        sources: Sequence[SourceConfig],
        *,
        force: bool = False,
        within: Callable[[SourceConfig], float] | None = None,
    ) -> CycleReport:
        """Poll every due source of `sources` (all of them with `force`), each isolated from the
        others; sources still running at `cycle_timeout` are abandoned and recorded as failed.

        A source is due when its `next_due` falls within `within(source)` seconds from now
        (default 1 s). The daemon passes the source's interval: its scheduler sets the cadence,
        and `next_due` then only matters when backoff or Retry-After pushed it further out."""
        started = utc_now()
        states = await asyncio.to_thread(load_states, self.engine)
        results: dict[str, SourceResult] = {}
        tasks: dict[asyncio.Task[SourceResult], SourceConfig] = {}
        for source in sources:
            state = states.get(source.name) or SourceState(source.name)
            if not force and not state.is_due(started, within(source) if within else 1.0):
                results[source.name] = SourceResult(source.name, source.kind, source.url, "not_due",
                                                    next_due=state.next_due)  # fmt: skip
                continue
            tasks[asyncio.create_task(self.poll_source(source, state), name=f"poll:{source.name}")] = source
        timed_out = False
        if tasks:
            done, pending = await asyncio.wait(tasks, timeout=self.settings.fetch.cycle_timeout)
            for task in done:
                results[tasks[task].name] = task.result()
            if pending:
                timed_out = True
                for task in pending:
                    task.cancel()
                await asyncio.gather(*pending, return_exceptions=True)
                for task in pending:
                    source = tasks[task]
                    state = states.get(source.name) or SourceState(source.name)
                    reason = f"abandoned: cycle timeout ({self.settings.fetch.cycle_timeout:g}s) reached"
                    results[source.name] = await self._fail(source, state, FetchError(reason), time.monotonic())
        ordered = [results[s.name] for s in sources if s.name in results]
        return CycleReport(started, utc_now(), ordered, timed_out)

    async def _fail(self, source: SourceConfig, state: SourceState, exc: FetchError, t0: float) -> SourceResult:
        now = utc_now()
        next_due: datetime | None = None
        try:
            next_due = await self.serialised(self._save_failure, source, state, exc, now)
        except Exception:  # the database itself is failing: report it, keep the other sources going
            log.exception("cannot record the failure of %s", source.name)
        log_event(log, "source_failed", logging.DEBUG, source=source.name, reason=exc.reason, status=exc.status)
        return SourceResult(source.name, source.kind, source.url, "error", http_status=exc.status, error=exc.reason,
                            next_due=next_due, seconds=time.monotonic() - t0)  # fmt: skip

    def _save_failure(self, source: SourceConfig, state: SourceState, exc: FetchError, now: datetime) -> datetime:
        with transaction(self.engine) as session:
            return save_failure(session, source.name, source.url, now=now, interval=source.interval,
                                reason=exc.reason, failures=state.consecutive_failures + 1, status=exc.status,
                                retry_after=exc.retry_after)  # fmt: skip

    def _save_success(self, source: SourceConfig, **kwargs: Any) -> None:
        with transaction(self.engine) as session:
            save_success(session, source.name, source.url, interval=source.interval, **kwargs)

    async def poll_source(self, source: SourceConfig, state: SourceState) -> SourceResult:
        """Never raises: every failure becomes this source's result and its `last_error`."""
        t0 = time.monotonic()
        try:
            return await self._poll_source(source, state, t0)
        except FetchError as exc:
            return await self._fail(source, state, exc, t0)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.exception("poll of %s failed", source.name)
            return await self._fail(source, state, FetchError(f"internal error: {type(exc).__name__}: {exc}"), t0)

    async def _poll_source(self, source: SourceConfig, state: SourceState, t0: float) -> SourceResult:
        # The next poll is due one interval after this one *started*, so an external
        # scheduler (cron every 15 minutes) never finds a 15-minute source "not yet due".
        now = utc_now()
        url = resolve_source_url(source.url, self.settings.base_dir)
        is_file = url.startswith("file:")
        fetched = await self.fetcher.get(url, etag=state.etag, last_modified=state.last_modified,
                                         accept=ACCEPT[source.kind], allow_file=is_file)  # fmt: skip
        result = SourceResult(source.name, source.kind, source.url, "ok", http_status=fetched.status)
        if fetched.not_modified:
            result.status = "not_modified"
            await self.serialised(self._save_success, source, now=now, status=304, etag=fetched.etag,
                           last_modified=fetched.last_modified)  # fmt: skip
            result.next_due, result.seconds = now + timedelta(seconds=source.interval), time.monotonic() - t0
            return result
        warnings: list[str] = []  # shown, but nothing to retry
        try:
            items = await asyncio.to_thread(parse_listing, source.kind, fetched.body, fetched.content_type,
                                            fetched.url, items_path=source.items_path,
                                            link_pattern=source.link_pattern, warnings=warnings)  # fmt: skip
        except ParseError as exc:
            raise FetchError(
                f"{exc} (HTTP {fetched.status}, {len(fetched.body):,} bytes)", status=fetched.status
            ) from None
        unique = list({canonical_url(item.url): item for item in items}.items())
        known = await asyncio.to_thread(known_urls, self.engine, [key for key, _ in unique])
        new = [item for key, item in unique if key not in known]
        result.items, result.new_items = len(items), len(new)
        problems: list[str] = []
        if len(new) > self.settings.fetch.max_items:
            problems.append(f"{len(new) - self.settings.fetch.max_items} more new items left for the next poll")
            new = sorted(new, key=_newest_first)[: self.settings.fetch.max_items]
        docs = await self._documents(source, new, is_file, problems)
        for doc in sorted(docs, key=_oldest_first):  # events in the order things happened
            if self.stop.is_set():
                problems.append("stopped before storing every item")
                break
            moves, error = await asyncio.to_thread(run_extractor, self.extractor, doc)
            if error:
                warnings.append(error)
            outcome: IngestOutcome = await self.serialised(
                commit_document, self.engine, self.store, self.settings, doc, moves,
                extractor=extractor_info(self.extractor),
            )  # fmt: skip
            if outcome.document_id is not None:
                result.documents += 1
                result.events += len(outcome.events)
                result.moves += [_describe(e) for e in outcome.events]
        # Validators are kept only when nothing is left to retry; otherwise the next poll
        # must see the full listing again (known items are skipped cheaply by URL).
        retry = bool(problems)
        partial = "; ".join(problems + warnings)[:2000] or None
        result.status = "partial" if partial else "ok"
        result.error = partial
        await self.serialised(self._save_success, source, now=now, status=fetched.status,
                       etag=None if retry else fetched.etag, last_modified=None if retry else fetched.last_modified,
                       items_seen=len(new), documents_stored=result.documents, partial_error=partial)  # fmt: skip
        result.next_due, result.seconds = now + timedelta(seconds=source.interval), time.monotonic() - t0
        return result

    async def _documents(
        self, source: SourceConfig, items: Sequence[Item], is_file: bool, problems: list[str]
    ) -> list[NewDocument]:
        if not source.fetch_articles:
            now = utc_now()
            return [NewDocument(url=i.url, source=source.name, text=i.text, fetched_at=now, title=i.title,
                                published=i.published) for i in items]  # fmt: skip
        fetched = await asyncio.gather(*(self._article(source, item, is_file) for item in items))
        docs = []
        for outcome in fetched:
            if isinstance(outcome, str):
                problems.append(outcome)
            elif outcome is not None:
                docs.append(outcome)
        return docs

    async def _article(self, source: SourceConfig, item: Item, is_file: bool) -> NewDocument | str | None:
        """The article behind an item, or a reason string when it must be retried later.
        A permanently gone page (404/410) keeps the listing's own text instead."""
        if self.stop.is_set():
            return "stopped before fetching every article"
        now = utc_now()
        fallback = NewDocument(url=item.url, source=source.name, text=item.text, fetched_at=now, title=item.title,
                               published=item.published)  # fmt: skip
        if not item.linked:
            return fallback
        try:
            page: Fetched = await self.fetcher.get(item.url, accept=ARTICLE_ACCEPT, allow_file=is_file)
        except FetchError as exc:
            if exc.permanent:
                log_event(log, "article_gone_using_listing_text", source=source.name, url=item.url, reason=exc.reason)
                return fallback
            return f"article {item.url}: {exc.reason}"
        article = await asyncio.to_thread(extract_article, page.body, page.content_type, page.url)
        return NewDocument(
            url=item.url, source=source.name, text=article.text or item.text, fetched_at=now,
            title=item.title or article.title, published=item.published or article.published,
        )  # fmt: skip


def _oldest_first(doc: NewDocument) -> tuple[bool, str]:
    return (doc.published is None, iso_utc(doc.published) if doc.published else "")


def _newest_first(item: Item) -> tuple[bool, float]:
    return (item.published is None, -item.published.timestamp() if item.published else 0.0)


def _describe(event: RecordedEvent) -> str:
    data = event.data
    if event.type == "MoveCorroborated":
        return f"corroborates {data.get('move_event_id')}"
    return f"{data.get('person')} {data.get('direction')} {data.get('org')}"


def select_sources(settings: Settings, name: str | None = None) -> list[SourceConfig]:
    """Enabled sources, or the one named (even if disabled: asking for it by name is deliberate)."""
    if name is not None:
        return [s for s in settings.sources if s.name == name]
    return [s for s in settings.sources if s.enabled]


async def poll_cycle(
    engine: Engine,
    settings: Settings,
    sources: Sequence[SourceConfig] | None = None,
    *,
    store: EventStore | None = None,
    extractor: Extractor | None = None,
    force: bool = False,
    stop: asyncio.Event | None = None,
) -> CycleReport:
    """One cycle with its own Fetcher (one httpx.AsyncClient)."""
    chosen = select_sources(settings) if sources is None else sources
    async with Fetcher(settings.fetch) as fetcher:
        poller = Poller(engine, settings, fetcher, store=store, extractor=extractor, stop=stop)
        return await poller.poll(chosen, force=force)


def poll_once(
    engine: Engine,
    settings: Settings,
    sources: Sequence[SourceConfig] | None = None,
    *,
    store: EventStore | None = None,
    extractor: Extractor | None = None,
    force: bool = False,
    after_cycle: Sequence[AfterCycleHook] | None = None,
) -> CycleReport:
    """`tracker poll --once`: one cycle, then the after-cycle hooks (default: AFTER_CYCLE_HOOKS)."""
    report = asyncio.run(poll_cycle(engine, settings, sources, store=store, extractor=extractor, force=force))
    run_after_cycle(engine, settings, AFTER_CYCLE_HOOKS if after_cycle is None else after_cycle)
    return report
