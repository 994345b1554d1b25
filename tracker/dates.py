"""Dates with their precision: a move reported as "September 2024" stays `2024-09`.

Stored as ISO text (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) so no precision is invented, and
compared through `floor()`, the first day the value may denote.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


class DateError(ValueError):
    """A date string that is not YYYY, YYYY-MM or YYYY-MM-DD."""


def parse_partial_date(value: str) -> str:
    """Normalise '2024-9' to '2024-09'; reject anything that is not a real date."""
    match = _PARTIAL.match(value.strip())
    if not match:
        raise DateError(f"not a date: {value!r} (use YYYY-MM-DD, YYYY-MM or YYYY)")
    year, month, day = match.groups()
    try:
        if day:
            return date(int(year), int(month), int(day)).isoformat()
        if month:
            return date(int(year), int(month), 1).isoformat()[:7]
    except ValueError as exc:
        raise DateError(f"not a date: {value!r} ({exc})") from None
    return f"{int(year):04d}"


def floor(value: str) -> date:
    """The first day a partial date may denote."""
    parts = [int(p) for p in value.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def utc_now() -> datetime:
    return datetime.now(UTC)


def to_utc(value: datetime) -> datetime:
    """Naive datetimes from SQLite are UTC by construction; make that explicit."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def iso_utc(value: datetime) -> str:
    """Canonical UTC ISO text with microseconds, for hashing and JSON output."""
    return to_utc(value).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
