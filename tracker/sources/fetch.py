"""Polite, bounded HTTP (and file://) fetching shared by every source in a cycle.

One `httpx.AsyncClient` serves all sources so connections are reused; a global and a
per-host semaphore keep us from hammering anyone. Every request has a *total* deadline
(`asyncio.timeout`), because httpx's timeouts are per read and a server dripping one byte
a second never trips them; bodies are streamed and cut at `max_bytes` (after gzip
decoding, so a compressed bomb is capped too). Failures become `FetchError` with a
sentence a human can act on; nothing here raises anything else for a bad server.
"""

from __future__ import annotations

import asyncio
import email.utils
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from urllib.parse import unquote, urlsplit

import httpx

from tracker.settings import FetchSettings

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
MAX_RETRY_AFTER = 24 * 3600.0


class FetchError(Exception):
    """A fetch that failed, with a readable reason and what it implies for the next attempt."""

    def __init__(
        self, reason: str, *, status: int | None = None, retry_after: float | None = None, permanent: bool = False
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.retry_after = retry_after
        self.permanent = permanent


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    status: int  # 200-299, or 304 when the validators matched
    body: bytes
    content_type: str
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait, from delta-seconds or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), MAX_RETRY_AFTER)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    delta = (when - (now or datetime.now(UTC))).total_seconds()
    return min(max(delta, 0.0), MAX_RETRY_AFTER)


def charset_of(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def decode_text(body: bytes, content_type: str = "") -> str:
    """Bytes to text without ever raising: declared charset (header, BOM, meta, XML
    declaration), else UTF-8, else detection; undecodable bytes become U+FFFD."""
    if body.startswith(b"\xef\xbb\xbf"):
        return body[3:].decode("utf-8", errors="replace")
    if body.startswith((b"\xff\xfe", b"\xfe\xff")):
        return body.decode("utf-16", errors="replace")
    head = body[:4096]
    declared = [charset_of(content_type)]
    for pattern in (_META_CHARSET, _XML_ENCODING):
        match = pattern.search(head)
        declared.append(match.group(1).decode("ascii", "ignore") if match else None)
    for encoding in [*declared, "utf-8"]:
        if not encoding:
            continue
        try:
            return body.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(body[: 256 * 1024]).best()
    return body.decode(best.encoding if best else "cp1252", errors="replace")


def _http_reason(exc: httpx.HTTPError, url: str, max_redirects: int) -> str:
    host = urlsplit(url).netloc or url
    if isinstance(exc, httpx.TooManyRedirects):
        return f"too many redirects (more than {max_redirects})"
    if isinstance(exc, httpx.ConnectTimeout):
        return f"timed out connecting to {host}"
    if isinstance(exc, httpx.TimeoutException):
        return f"timed out reading from {host}"
    if isinstance(exc, httpx.ConnectError):
        detail = str(exc) or "connection failed"
        if "Name or service not known" in detail or "nodename nor servname" in detail or "-2" in detail:
            return f"cannot resolve host {urlsplit(url).hostname!r} (DNS): {detail}"
        return f"cannot connect to {host}: {detail}"
    if isinstance(exc, httpx.UnsupportedProtocol):
        return f"unsupported URL scheme in {url!r}"
    if isinstance(exc, httpx.DecodingError):
        return f"could not decode the response body from {host} (bad compression): {exc}"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"protocol error from {host}: {exc}"
    return f"{type(exc).__name__} fetching {url}: {exc}"


class Fetcher:
    """Use as `async with Fetcher(settings.fetch) as fetcher:`; `get()` is safe to call from many tasks."""

    def __init__(self, settings: FetchSettings, *, client: httpx.AsyncClient | None = None) -> None:
        self.settings = settings
        self._own_client = client is None
        self._client = client
        self._global = asyncio.Semaphore(settings.concurrency)
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self.requests = 0  # figures for the health endpoint and the bench
        self.not_modified = 0

    async def __aenter__(self) -> Fetcher:
        if self._client is None:
            s = self.settings
            self._client = httpx.AsyncClient(
                follow_redirects=True,
                max_redirects=s.max_redirects,
                timeout=httpx.Timeout(s.timeout),
                headers={"User-Agent": s.user_agent, "Accept-Encoding": "gzip, deflate"},
                limits=httpx.Limits(max_connections=s.concurrency, max_keepalive_connections=s.concurrency),
                trust_env=False,
            )
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._own_client and self._client is not None:
            await self._client.aclose()
            self._client = None

    def _host_semaphore(self, url: str) -> asyncio.Semaphore:
        parts = urlsplit(url)
        key = f"{parts.hostname}:{parts.port}"
        if key not in self._hosts:
            self._hosts[key] = asyncio.Semaphore(self.settings.per_host)
        return self._hosts[key]

    async def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str = "*/*",
        allow_file: bool = False,
    ) -> Fetched:
        """GET `url` conditionally. `allow_file` must be set explicitly: a remote feed may not
        make us read local files by linking to file:// URLs."""
        scheme = urlsplit(url).scheme.lower()
        if scheme == "file":
            if not allow_file:
                raise FetchError(f"refusing to read a local file linked from a remote source: {url}", permanent=True)
            return await asyncio.to_thread(self._read_file, url, etag)
        if scheme not in ("http", "https"):
            raise FetchError(f"unsupported URL scheme {scheme!r} in {url!r}", permanent=True)
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        async with self._host_semaphore(url), self._global:  # host first: a busy host must not hold global slots
            self.requests += 1
            try:
                async with asyncio.timeout(self.settings.timeout):
                    return await self._request(url, headers)
            except TimeoutError:
                raise FetchError(
                    f"no complete response within {self.settings.timeout:g}s (total deadline) from {urlsplit(url).netloc}"
                ) from None
            except httpx.HTTPError as exc:
                raise FetchError(_http_reason(exc, url, self.settings.max_redirects)) from None

    async def _request(self, url: str, headers: Mapping[str, str]) -> Fetched:
        assert self._client is not None, "use Fetcher as an async context manager"
        cap = self.settings.max_bytes
        async with self._client.stream("GET", url, headers=headers) as resp:
            final = str(resp.url)
            if resp.status_code == 304:
                self.not_modified += 1
                return Fetched(final, 304, b"", "", headers.get("If-None-Match"), headers.get("If-Modified-Since"))
            if resp.status_code in (429, 503):
                wait = parse_retry_after(resp.headers.get("Retry-After"))
                hint = f", retry after {wait:g}s" if wait is not None else ""
                raise FetchError(f"HTTP {resp.status_code} {resp.reason_phrase}{hint}", status=resp.status_code,
                                 retry_after=wait)  # fmt: skip
            if resp.status_code >= 400:
                raise FetchError(f"HTTP {resp.status_code} {resp.reason_phrase}", status=resp.status_code,
                                 permanent=resp.status_code in (404, 410))  # fmt: skip
            if resp.status_code >= 300:
                raise FetchError(f"HTTP {resp.status_code} redirect without a usable Location", status=resp.status_code)
            declared = resp.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > cap:
                raise FetchError(f"response too large: Content-Length {int(declared):,} bytes > cap {cap:,}")
            chunks: list[bytes] = []
            size = 0
            async for chunk in resp.aiter_bytes():
                size += len(chunk)
                if size > cap:
                    raise FetchError(f"response too large: more than {cap:,} bytes (stopped reading)")
                chunks.append(chunk)
            return Fetched(final, resp.status_code, b"".join(chunks), resp.headers.get("Content-Type", ""),
                           resp.headers.get("ETag"), resp.headers.get("Last-Modified"))  # fmt: skip

    def _read_file(self, url: str, etag: str | None) -> Fetched:
        """file:// with the same contract as HTTP: a size+mtime validator plays the ETag."""
        path = Path(unquote(urlsplit(url).path))
        try:
            st = path.stat()
            validator = f'"{st.st_mtime_ns:x}-{st.st_size:x}"'
            if etag and etag == validator:
                self.not_modified += 1
                return Fetched(url, 304, b"", "", validator, None)
            if st.st_size > self.settings.max_bytes:
                raise FetchError(f"file too large: {st.st_size:,} bytes > cap {self.settings.max_bytes:,}")
            with path.open("rb") as fh:
                body = fh.read(self.settings.max_bytes + 1)
        except FileNotFoundError:
            raise FetchError(f"no such file: {path}", permanent=True) from None
        except IsADirectoryError:
            raise FetchError(f"is a directory, not a file: {path}", permanent=True) from None
        except OSError as exc:
            raise FetchError(f"cannot read {path}: {exc.strerror or exc}") from None
        if len(body) > self.settings.max_bytes:
            raise FetchError(f"file too large: more than {self.settings.max_bytes:,} bytes")
        suffix = path.suffix.lower()
        ctype = {".json": "application/json", ".html": "text/html", ".htm": "text/html"}.get(suffix, "application/xml")
        return Fetched(url, 200, body, ctype, validator, None)
