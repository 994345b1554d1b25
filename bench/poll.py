"""Bench: one poll cycle over 1,000 local feeds, 950 of them answering 304.

    PYTHONPATH=. /work/venv/bin/python bench/poll.py [--feeds 1000] [--changed 50] [--database-url URL]

A separate process serves the feeds (asyncio, HTTP/1.1 keep-alive) on 50 ports of
127.0.0.1, so the fetcher's per-host limit (host = address + port) applies as it would to
1,000 feeds spread over 50 sites. Cycle 1 (warm-up) finds every feed new: one item each,
its article fetched and extracted. Then `--changed` feeds gain a new item and a new ETag;
cycle 2 is the measured one: 950 conditional GETs answered 304, 50 feeds with one new
article each (fetch, trafilatura, extractor, one transaction per document). Prints figures.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import socket
import tempfile
import time
from pathlib import Path

PORTS = 50
GOAL_SECONDS = 15.0


def _feed(i: int, gen: int) -> bytes:
    items = "".join(
        f"<item><title>Feed {i} story {g}</title><link>/article/{i}/{g}</link><guid>/article/{i}/{g}</guid>"
        f"<description>Teaser {i}/{g}</description><pubDate>Tue, 03 Sep 2024 1{g % 10}:00:00 GMT</pubDate></item>"
        for g in range(gen, 0, -1)
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Feed {i}</title>'
            f"{items}</channel></rss>").encode()  # fmt: skip


def _article(i: int, g: int) -> bytes:
    para = (f"Executive number {i}-{g} has joined Example Corp {i} as vice president of research, the company "
            "said on Tuesday. The appointment follows a year of rapid growth in its machine learning group. ")  # fmt: skip
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Story {i}/{g}</title></head><body>"
            f"<nav><a href='/'>Home</a></nav><article><h1>Story {i}/{g}</h1><p>{para * 3}</p><p>{para * 2}</p>"
            "</article><footer>footer</footer></body></html>").encode()  # fmt: skip


def serve(ports: list[int], feeds: int, changed: int, ready: multiprocessing.synchronize.Event) -> None:  # type: ignore[name-defined]
    generation = {i: 1 for i in range(feeds)}

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                request = await reader.readline()
                if not request:
                    return
                headers = {}
                while (line := await reader.readline()) not in (b"\r\n", b"\n", b""):
                    key, _, value = line.decode("latin-1").partition(":")
                    headers[key.strip().lower()] = value.strip()
                path = request.split()[1].decode()
                status, body, extra = 200, b"", ""
                if path == "/_bump":
                    for i in range(0, feeds, max(feeds // max(changed, 1), 1))[:changed]:
                        generation[i] += 1
                elif path.startswith("/feed/"):
                    i = int(path.rsplit("/", 1)[1])
                    etag = f'"{i}-{generation[i]}"'
                    if headers.get("if-none-match") == etag:
                        status = 304
                    else:
                        body = _feed(i, generation[i])
                    extra = f"ETag: {etag}\r\nContent-Type: application/rss+xml\r\n"
                elif path.startswith("/article/"):
                    _, _, i, g = path.split("/")
                    body, extra = _article(int(i), int(g)), "Content-Type: text/html; charset=utf-8\r\n"
                else:
                    status = 404
                reason = {200: "OK", 304: "Not Modified", 404: "Not Found"}[status]
                length = "" if status == 304 else f"Content-Length: {len(body)}\r\n"
                writer.write(f"HTTP/1.1 {status} {reason}\r\n{extra}{length}\r\n".encode() + body)
                await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()

    async def main() -> None:
        servers = [await asyncio.start_server(handle, "127.0.0.1", port, backlog=1024) for port in ports]
        ready.set()
        await asyncio.gather(*(s.serve_forever() for s in servers))

    asyncio.run(main())


def free_ports(n: int) -> list[int]:
    socks = [socket.socket() for _ in range(n)]
    for s in socks:
        s.bind(("127.0.0.1", 0))
    ports = [s.getsockname()[1] for s in socks]
    for s in socks:
        s.close()
    return ports


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--changed", type=int, default=50)
    parser.add_argument("--database-url", default=None, help="default: a fresh SQLite file in a temp dir")
    args = parser.parse_args()

    from tracker.db import make_engine, migrate
    from tracker.ingest import poll_once
    from tracker.settings import FetchSettings, Settings, SourceConfig

    ports = free_ports(PORTS)
    ready = multiprocessing.Event()
    server = multiprocessing.Process(target=serve, args=(ports, args.feeds, args.changed, ready), daemon=True)
    server.start()
    ready.wait(30)
    tmp = tempfile.mkdtemp(prefix="bench-poll-")
    engine = make_engine(args.database_url or f"sqlite:///{Path(tmp) / 'bench.db'}")
    migrate(engine)
    sources = [
        SourceConfig(
            name=f"feed-{i:04d}", url=f"http://127.0.0.1:{ports[i % PORTS]}/feed/{i}", interval=900, fetch_articles=True
        )
        for i in range(args.feeds)
    ]
    settings = Settings(sources=sources, fetch=FetchSettings())
    print(f"{args.feeds} feeds on {PORTS} local 'hosts' (ports); fetch settings: per_host={settings.fetch.per_host} "
          f"concurrency={settings.fetch.concurrency}; database {engine.url.get_backend_name()}")  # fmt: skip

    t0 = time.perf_counter()
    warm = poll_once(engine, settings, force=True)
    t1 = time.perf_counter()
    print(f"cycle 1 (all new): {t1 - t0:.2f} s  documents={warm.documents} failed={len(warm.failed)}")

    import urllib.request

    urllib.request.urlopen(f"http://127.0.0.1:{ports[0]}/_bump", timeout=10).read()
    t2 = time.perf_counter()
    report = poll_once(engine, settings, force=True)
    t3 = time.perf_counter()
    figures = report.figures()
    print(f"cycle 2 (measured): {t3 - t2:.2f} s  not_modified={figures['not_modified']} "
          f"documents={figures['documents']} failed={figures['failed']} timed_out={figures['timed_out']}")  # fmt: skip
    verdict = "OK" if t3 - t2 < GOAL_SECONDS else "OVER"
    print(f"goal < {GOAL_SECONDS:.0f} s: {verdict}")
    server.terminate()


if __name__ == "__main__":
    asyncio.set_event_loop_policy(None)
    main()
