"""Structured log lines (logfmt: `ts=… level=info event=cycle source=demo documents=3`) on stderr.

One line per fact, keys stable, values quoted only when needed: greppable by humans and
parseable by log shippers (journald, Loki, Vector) without a JSON dependency.
"""

from __future__ import annotations

import logging
import sys
from datetime import UTC, datetime
from typing import Any

_configured = False


def _value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        text = f"{value:.3f}".rstrip("0").rstrip(".")
    elif isinstance(value, bool):
        text = "true" if value else "false"
    else:
        text = str(value)
    if not text or any(c in text for c in ' ="\n\t'):
        text = '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    return text


class LogfmtFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        fields: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")[:-4] + "Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "event": record.getMessage(),
        }
        fields.update(getattr(record, "fields", {}) or {})
        if record.exc_info:
            fields["error"] = self.formatException(record.exc_info).splitlines()[-1]
            fields["traceback"] = self.formatException(record.exc_info)
        return " ".join(f"{key}={_value(val)}" for key, val in fields.items() if val is not None)


def configure_logging(level: int = logging.INFO) -> None:
    """Idempotent: the daemon calls it on start; tests may call it many times."""
    global _configured
    if _configured:
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(LogfmtFormatter())
    for name in ("tracker", "apscheduler"):
        logger = logging.getLogger(name)
        logger.addHandler(handler)
        logger.setLevel(level if name == "tracker" else logging.WARNING)
        logger.propagate = False
    _configured = True


def log_event(logger: logging.Logger, event: str, level: int = logging.INFO, **fields: Any) -> None:
    logger.log(level, event, extra={"fields": fields})
