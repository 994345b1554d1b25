"""`tracker run`: each source polled on its own interval until SIGTERM/SIGINT.

APScheduler 3's AsyncIOScheduler, one job per source (interval + jitter, coalesce,
max_instances=1), all jobs sharing one event loop, one `Fetcher` (one httpx.AsyncClient,
so per-host limits hold across sources and connections are reused) and one `Poller`
(whose write lock serialises database writes). A thread-pool scheduler would give each
job its own event loop and client, and per-host politeness would be lost.

Stopping: the first signal stops the scheduler (no new jobs) and asks running polls to
stop at the next document boundary; they get `fetch.timeout` + 5 s to finish, then are
cancelled. A document and its events are one transaction, so either way nothing is half
written. A second signal cancels at once. Exit code 0.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import signal
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy import Engine

from tracker import ingest
from tracker.alerts.dispatch import dispatch_pending
from tracker.dates import iso_utc, utc_now
from tracker.ingest import AfterCycleHook, CycleReport, Extractor, Poller, run_after_cycle
from tracker.logfmt import configure_logging, log_event
from tracker.settings import Settings, SourceConfig
from tracker.sources.fetch import Fetcher
from tracker.store import EventStore

log = logging.getLogger("tracker.daemon")

MAX_JITTER = 60.0
STOP_GRACE_EXTRA = 5.0


def job_jitter(interval: float) -> float:
    """Up to 10 % of the interval (at most a minute), so sources sharing an interval spread out."""
    return min(interval * 0.1, MAX_JITTER)


class Daemon:
    def __init__(
        self,
        engine: Engine,
        settings: Settings,
        *,
        sources: Sequence[SourceConfig] | None = None,
        store: EventStore | None = None,
        extractor: Extractor | None = None,
        after_cycle: Sequence[AfterCycleHook] | None = None,
        health_port: int | None = None,
        health_host: str = "127.0.0.1",
    ) -> None:
        self.engine = engine
        self.settings = settings
        self.sources = list(sources if sources is not None else [s for s in settings.sources if s.enabled])
        self.store = store or EventStore(engine)
        self.extractor = extractor
        self.after_cycle = tuple(ingest.AFTER_CYCLE_HOOKS if after_cycle is None else after_cycle)
        self.health_port = health_port
        self.health_host = health_host
        self.started = utc_now()
        self.last_cycle: dict[str, Any] | None = None
        self.totals = {"cycles": 0, "documents": 0, "events": 0, "failures": 0}
        self._running: set[asyncio.Task[Any]] = set()
        self._stop = asyncio.Event()
        self._poller: Poller | None = None

    # -- lifecycle -------------------------------------------------------------------------
    def request_stop(self, signame: str = "stop") -> None:
        if self._stop.is_set():
            log_event(log, "stop_forced", signal=signame, cancelling=len(self._running))
            for task in self._running:
                task.cancel()
            return
        log_event(log, "stopping", signal=signame, running=len(self._running))
        self._stop.set()

    async def run(self) -> int:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, self.request_stop, sig.name)
        health = await self._start_health() if self.health_port is not None else None
        async with Fetcher(self.settings.fetch) as fetcher:
            self._poller = Poller(self.engine, self.settings, fetcher, store=self.store, extractor=self.extractor,
                                  stop=self._stop)  # fmt: skip
            scheduler = AsyncIOScheduler(timezone=UTC, event_loop=loop)
            now = datetime.now(UTC)
            for source in self.sources:
                jitter = job_jitter(source.interval)
                scheduler.add_job(
                    self._job, IntervalTrigger(seconds=source.interval, jitter=jitter, timezone=UTC),
                    args=[source], id=f"source:{source.name}", name=source.name, coalesce=True,
                    max_instances=1, misfire_grace_time=max(int(source.interval), 1),
                    next_run_time=now + timedelta(seconds=random.uniform(0, min(jitter, 2.0))),
                )  # fmt: skip
            scheduler.add_job(
                self._dispatch, IntervalTrigger(seconds=self.settings.alerts.dispatch_interval, timezone=UTC),
                id="alerts:dispatch", name="alert dispatcher", coalesce=True, max_instances=1,
            )  # fmt: skip
            scheduler.start()
            log_event(log, "started", sources=len(self.sources), health_port=self.health_port,
                      database=self.engine.url.render_as_string(hide_password=True))  # fmt: skip
            if not self.sources:
                log_event(log, "no_sources", level=logging.WARNING, hint="add [[sources]] to the config")
            await self._stop.wait()
            scheduler.shutdown(wait=False)
            await self._drain()
        if health is not None:
            health.close()
            await health.wait_closed()
        log_event(log, "stopped", **self.totals)
        return 0

    async def _drain(self) -> None:
        running = set(self._running)
        if not running:
            return
        grace = self.settings.fetch.timeout + STOP_GRACE_EXTRA
        _, pending = await asyncio.wait(running, timeout=grace)
        for task in pending:
            task.cancel()
        if pending:
            log_event(log, "abandoned", level=logging.WARNING, polls=len(pending), grace=grace)
            await asyncio.gather(*pending, return_exceptions=True)

    async def _dispatch(self) -> None:
        """Send alerts that are due on their own clock too: retries, digests, other writers' alerts."""
        if self._stop.is_set() or self._poller is None:
            return
        try:
            report = await self._poller.serialised(dispatch_pending, self.engine, self.settings)
            log_event(log, "dispatched", sent=report.sent, failed=report.failed, parked=report.parked)
        except Exception as exc:  # a Slack or database outage must not stop the daemon
            log_event(log, "dispatch_failed", level=logging.WARNING, error=str(exc))

    # -- one job -----------------------------------------------------------------------------
    async def _job(self, source: SourceConfig) -> None:
        if self._stop.is_set() or self._poller is None:
            return
        task = asyncio.current_task()
        assert task is not None
        self._running.add(task)
        try:
            report = await self._poller.poll([source], within=lambda s: s.interval)
            if not report.polled:
                return
            self._record(report)
            if self.after_cycle:
                await self._poller.serialised(run_after_cycle, self.engine, self.settings, self.after_cycle)
        except asyncio.CancelledError:
            log_event(log, "poll_cancelled", source=source.name)
        except Exception:
            log.exception("job_failed", extra={"fields": {"source": source.name}})
        finally:
            self._running.discard(task)

    def _record(self, report: CycleReport) -> None:
        figures = report.figures()
        self.last_cycle = figures
        self.totals["cycles"] += 1
        self.totals["documents"] += report.documents
        self.totals["events"] += report.events
        self.totals["failures"] += len(report.failed)
        for r in report.polled:
            # Unchanged feeds are the common case: at debug level, so logs show what changed or broke.
            level = logging.WARNING if r.failed else logging.DEBUG if r.status == "not_modified" else logging.INFO
            log_event(log, "polled", level=level, source=r.name, status=r.status, http=r.http_status, items=r.items,
                      new=r.new_items, documents=r.documents, events=r.events, seconds=round(r.seconds, 3),
                      next_due=iso_utc(r.next_due) if r.next_due else None, error=r.error)  # fmt: skip

    # -- health ------------------------------------------------------------------------------
    def health(self) -> dict[str, Any]:
        return {
            "status": "stopping" if self._stop.is_set() else "ok",
            "started_at": iso_utc(self.started),
            "uptime_seconds": round((utc_now() - self.started).total_seconds(), 1),
            "sources": len(self.sources),
            "running_polls": len(self._running),
            "last_cycle": self.last_cycle,
            "totals": self.totals,
        }

    async def _start_health(self) -> asyncio.Server:
        async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            try:
                async with asyncio.timeout(5):
                    while (await reader.readline()) not in (b"\r\n", b"\n", b""):
                        pass  # request line and headers: every path answers the same
                body = json.dumps(self.health()).encode()
                head = (f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n"
                        "Connection: close\r\n\r\n")  # fmt: skip
                writer.write(head.encode() + body)
                await writer.drain()
            except (TimeoutError, ConnectionError):
                pass
            finally:
                writer.close()

        assert self.health_port is not None
        server = await asyncio.start_server(handle, self.health_host, self.health_port)
        port = server.sockets[0].getsockname()[1]
        log_event(log, "health_listening", host=self.health_host, port=port)
        return server


def run_daemon(
    engine: Engine,
    settings: Settings,
    *,
    sources: Sequence[SourceConfig] | None = None,
    health_port: int | None = None,
    extractor: Extractor | None = None,
    after_cycle: Sequence[AfterCycleHook] | None = None,
) -> int:
    """Blocking entry point for `tracker run`; returns the process exit code."""
    configure_logging()
    t0 = time.monotonic()
    daemon = Daemon(engine, settings, sources=sources, extractor=extractor, after_cycle=after_cycle,
                    health_port=health_port)  # fmt: skip
    code = asyncio.run(daemon.run())
    log_event(log, "exit", code=code, seconds=round(time.monotonic() - t0, 1))
    return code
