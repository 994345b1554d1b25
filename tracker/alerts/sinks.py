"""Where alerts go: Slack Web API (bot token), an incoming webhook, or the console.

A sink sends one message and either returns where it landed or raises `SinkError` saying
whether trying again can help (`permanent`) and how long to wait (`retry_after`). Retries
inside one send (429 with Retry-After, 5xx, dropped connections) are slack-sdk retry
handlers; what is left after them is the dispatcher's to schedule or park.
"""

from __future__ import annotations

import random
import re
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol
from urllib.error import URLError

from rich.console import Console
from rich.panel import Panel
from rich.text import Text
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.http_retry import (
    BackoffRetryIntervalCalculator,
    ConnectionErrorRetryHandler,
    HttpRequest,
    HttpResponse,
    Jitter,
    RetryHandler,
    RetryState,
)
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler, ServerErrorRetryHandler
from slack_sdk.webhook import WebhookClient

from tracker.settings import Settings

DEFAULT_API_URL = "https://slack.com/api/"
METADATA_EVENT_TYPE = "tracker_alert"
_CHANNEL_ID = re.compile(r"^[CGD][A-Z0-9]{6,}$")

# Errors no retry can fix: a human must change the token, channel or app.
PERMANENT_ERRORS = frozenset({
    "invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired", "no_permission",
    "channel_not_found", "not_in_channel", "is_archived", "channel_is_archived", "missing_scope",
    "restricted_action", "access_denied", "invalid_blocks", "invalid_blocks_format", "msg_too_long",
    "invalid_token", "no_service", "no_service_id", "no_team", "team_disabled", "invalid_payload",
    "action_prohibited", "posting_to_general_channel_denied", "ekm_access_denied", "invalid_arguments",
})  # fmt: skip


@dataclass(frozen=True)
class Delivery:
    """Where a message landed: Slack's channel id and ts (None for webhook/console)."""

    channel: str | None
    ts: str | None


class SinkError(Exception):
    def __init__(self, message: str, *, permanent: bool = False, retry_after: float | None = None) -> None:
        self.permanent, self.retry_after = permanent, retry_after
        super().__init__(message)


class CannotCheck(Exception):
    """The sink cannot tell whether an interrupted send landed (webhook, console, no history scope)."""


class Sink(Protocol):
    name: str

    def send(
        self, channel: str, message: dict[str, Any], *, message_key: str, thread_ts: str | None = None
    ) -> Delivery:
        """Post `message`; the key travels in message metadata so a resend can be checked for."""
        ...

    def find_sent(self, channel: str, channel_id: str | None, message_key: str, since: datetime) -> Delivery | None:
        """The earlier delivery of `message_key`, None if it surely did not land; CannotCheck otherwise."""
        ...


class CappedRateLimitHandler(RateLimitErrorRetryHandler):
    """Honour Retry-After exactly (slack-sdk's handler adds up to a second of jitter) when the
    wait is short; longer waits are left to the dispatcher, which reschedules the alert."""

    def __init__(self, max_retry_count: int = 3, max_wait: float = 30.0) -> None:
        super().__init__(max_retry_count=max_retry_count)
        self.max_wait = max_wait

    def _can_retry(
        self, *, state: RetryState, request: HttpRequest, response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:  # fmt: skip
        return response is not None and response.status_code == 429 and _retry_after(response.headers) <= self.max_wait

    def prepare_for_next_attempt(
        self, *, state: RetryState, request: HttpRequest, response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> None:  # fmt: skip
        state.next_attempt_requested = True
        time.sleep(_retry_after(response.headers if response else {}))
        state.increment_current_attempt()


class AnyServerErrorRetryHandler(ServerErrorRetryHandler):
    """Every 5xx (a proxy's 502/504 too), not only slack-sdk's 500 and 503."""

    def _can_retry(
        self, *, state: RetryState, request: HttpRequest, response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:  # fmt: skip
        return response is not None and 500 <= response.status_code < 600


def _retry_after(headers: Any) -> float:
    for key, value in dict(headers or {}).items():
        if str(key).lower() == "retry-after":
            raw = value[0] if isinstance(value, list | tuple) else value
            try:
                return max(0.0, float(raw))
            except (TypeError, ValueError):
                return 1.0
    return 1.0


class ScaledJitter(Jitter):
    """Up to `fraction` of the interval added at random (slack-sdk's default adds up to a whole
    second, whatever the interval)."""

    def __init__(self, fraction: float = 0.5) -> None:
        self.fraction = fraction

    def recalculate(self, duration: float) -> float:
        return duration * (1.0 + random.random() * self.fraction)


def retry_handlers(*, max_retries: int = 3, backoff: float = 0.5, max_wait: float = 30.0) -> list[RetryHandler]:
    """429 (Retry-After up to `max_wait`), 500/503 and connection errors: `max_retries` each,
    exponential backoff from `backoff` seconds."""
    interval = BackoffRetryIntervalCalculator(backoff_factor=backoff, jitter=ScaledJitter())
    return [
        CappedRateLimitHandler(max_retry_count=max_retries, max_wait=max_wait),
        AnyServerErrorRetryHandler(max_retry_count=max_retries, interval_calculator=interval),
        ConnectionErrorRetryHandler(max_retry_count=max_retries, interval_calculator=interval),
    ]


def _sink_error_from_api(exc: SlackApiError) -> SinkError:
    response = exc.response
    status = getattr(response, "status_code", None)
    data = response.data if isinstance(getattr(response, "data", None), dict) else {}
    code = str(data.get("error") or f"http_{status}")
    if status == 429:
        return SinkError("rate limited (HTTP 429)", retry_after=_retry_after(response.headers))
    if code in PERMANENT_ERRORS:
        return SinkError(f"slack error: {code}", permanent=True)
    return SinkError(f"slack error: {code} (HTTP {status})")


class SlackWebSink:
    """chat.postMessage with a bot token; the alert key rides in message metadata so an
    interrupted send can be found again with conversations.history."""

    name = "slack"

    def __init__(self, token: str, api_url: str | None = None, *, timeout: int = 15, **retry: Any) -> None:
        base = api_url or DEFAULT_API_URL
        self.client = WebClient(
            token=token, base_url=base if base.endswith("/") else base + "/", timeout=timeout,
            retry_handlers=retry_handlers(**retry),
        )  # fmt: skip

    def send(
        self, channel: str, message: dict[str, Any], *, message_key: str, thread_ts: str | None = None
    ) -> Delivery:
        try:
            response = self.client.chat_postMessage(
                channel=channel, text=message.get("text", ""), blocks=message.get("blocks"), thread_ts=thread_ts,
                unfurl_links=False, unfurl_media=False,
                metadata={"event_type": METADATA_EVENT_TYPE, "event_payload": {"key": message_key}},
            )  # fmt: skip
        except SlackApiError as exc:
            raise _sink_error_from_api(exc) from None
        except (SlackClientError, URLError, OSError, ValueError) as exc:
            raise SinkError(f"cannot reach Slack: {exc}") from None
        return Delivery(
            str(response.get("channel") or channel), str(response.get("ts")) if response.get("ts") else None
        )

    def find_sent(self, channel: str, channel_id: str | None, message_key: str, since: datetime) -> Delivery | None:
        try:
            channel_id = channel_id or self._channel_id(channel)
            cursor: str | None = None
            while True:
                response = self.client.conversations_history(
                    channel=channel_id, oldest=f"{since.timestamp() - 60:.6f}", include_all_metadata=True,
                    limit=200, cursor=cursor,
                )  # fmt: skip
                for msg in response.get("messages") or []:
                    meta = msg.get("metadata") or {}
                    if (meta.get("event_payload") or {}).get("key") == message_key:
                        return Delivery(channel_id, str(msg.get("ts")))
                cursor = (response.get("response_metadata") or {}).get("next_cursor") or None
                if not cursor:
                    return None
        except SlackApiError as exc:
            raise CannotCheck(str(_sink_error_from_api(exc))) from None
        except (SlackClientError, URLError, OSError, ValueError) as exc:
            raise CannotCheck(f"cannot reach Slack: {exc}") from None

    def _channel_id(self, channel: str) -> str:
        """'#talent-moves' -> 'C0123…' via conversations.list (needs channels:read)."""
        name = channel.lstrip("#")
        if _CHANNEL_ID.match(name):
            return name
        cursor: str | None = None
        while True:
            response = self.client.conversations_list(
                types="public_channel,private_channel", exclude_archived=True, limit=1000, cursor=cursor
            )
            for conv in response.get("channels") or []:
                if conv.get("name") == name:
                    return str(conv["id"])
            cursor = (response.get("response_metadata") or {}).get("next_cursor") or None
            if not cursor:
                raise CannotCheck(f"channel {channel} not found by conversations.list")

    def check(self) -> str:
        """auth.test: who we are, or SinkError with Slack's exact error."""
        try:
            response = self.client.auth_test()
        except SlackApiError as exc:
            raise _sink_error_from_api(exc) from None
        except (SlackClientError, URLError, OSError, ValueError) as exc:
            raise SinkError(f"cannot reach Slack: {exc}") from None
        return f"{response.get('user') or '?'} in {response.get('team') or '?'}"


class SlackWebhookSink:
    """An incoming webhook: the channel is fixed by the webhook; no ts, so no threads and no
    way to check an interrupted send (at-least-once)."""

    name = "webhook"

    def __init__(self, url: str, *, timeout: int = 15, **retry: Any) -> None:
        self.client = WebhookClient(url=url, timeout=timeout, retry_handlers=retry_handlers(**retry))

    def send(
        self, channel: str, message: dict[str, Any], *, message_key: str, thread_ts: str | None = None
    ) -> Delivery:
        try:
            response = self.client.send(text=message.get("text", ""), blocks=message.get("blocks"),
                                        unfurl_links=False, unfurl_media=False)  # fmt: skip
        except (SlackClientError, URLError, OSError, ValueError) as exc:
            raise SinkError(f"cannot reach Slack webhook: {exc}") from None
        if response.status_code == 200:
            return Delivery(None, None)
        body = (response.body or "").strip()
        if response.status_code == 429:
            raise SinkError("webhook rate limited (HTTP 429)", retry_after=_retry_after(response.headers))
        if body in PERMANENT_ERRORS or response.status_code in (400, 403, 404, 410):
            raise SinkError(f"slack webhook error: {body or 'HTTP ' + str(response.status_code)}", permanent=True)
        raise SinkError(f"slack webhook error: {body or 'no body'} (HTTP {response.status_code})")

    def find_sent(self, channel: str, channel_id: str | None, message_key: str, since: datetime) -> Delivery | None:
        raise CannotCheck("an incoming webhook cannot read the channel")


class ConsoleSink:
    """No Slack configured: print each alert as a rich panel so the demo works offline."""

    name = "console"

    def __init__(self, console: Console | None = None) -> None:
        self.console = console or Console()

    def send(
        self, channel: str, message: dict[str, Any], *, message_key: str, thread_ts: str | None = None
    ) -> Delivery:
        self.console.print(Panel(_console_text(message), title=f"alert → {channel}", subtitle=message_key))
        return Delivery("console", None)

    def find_sent(self, channel: str, channel_id: str | None, message_key: str, since: datetime) -> Delivery | None:
        raise CannotCheck("the console keeps no record")


_BOLD = re.compile(r"\*([^*\n]+)\*")
_LINK = re.compile(r"<(https?://[^|>]+)\|([^>]+)>")


def _console_text(message: dict[str, Any]) -> Text:
    """The message as a terminal shows it: Slack's *bold* in bold, <url|label> as label (url)."""
    plain = _LINK.sub(lambda m: f"{m.group(2)} ({m.group(1)})", _plain_lines(message))
    text, last = Text(), 0
    for m in _BOLD.finditer(plain):
        text.append(plain[last : m.start()])
        text.append(m.group(1), style="bold")
        last = m.end()
    text.append(plain[last:])
    return text


def _plain_lines(message: dict[str, Any]) -> str:
    """Readable text of a Block Kit message (entities decoded: the terminal is not Slack)."""
    lines: list[str] = []
    for block in message.get("blocks") or []:
        texts: list[dict[str, Any]] = []
        if isinstance(block.get("text"), dict):
            texts.append(block["text"])
        texts.extend(block.get("fields") or [])
        texts.extend(e for e in block.get("elements") or [] if isinstance(e, dict) and "text" in e)
        if block.get("type") == "divider":
            lines.append("─" * 20)
        lines.extend(str(t.get("text", "")).replace("\n", "  ") for t in texts)
    text = "\n".join(lines) or str(message.get("text", ""))
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def make_sink(settings: Settings, **retry: Any) -> Sink:
    """Bot token beats webhook beats console (env SLACK_* override the config)."""
    slack = settings.slack
    if slack.bot_token:
        return SlackWebSink(slack.bot_token, slack.api_url, **retry)
    if slack.webhook_url:
        return SlackWebhookSink(slack.webhook_url, **retry)
    return ConsoleSink()


def sample_message() -> dict[str, Any]:
    """What `tracker alerts test` sends: a real alert's shape with made-up content."""
    return {
        "text": "exec-tracker test alert: Ada Lovelace joined Analytical Engines",
        "blocks": [
            {"type": "header", "text": {"type": "plain_text", "text": "Test: Ada Lovelace joined Analytical Engines"}},
            {"type": "section", "text": {"type": "mrkdwn", "text": "This is a test alert from `tracker alerts test`."}},
        ],
    }
