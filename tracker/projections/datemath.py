"""Partial dates as intervals: `2024-09` is every day of September 2024.

Two reports describe the same move when their date intervals are within the dedup window
of each other; comparing floors alone would call `2024` and `2024-12-20` a year apart.
"""

from __future__ import annotations

import calendar
from datetime import date
from functools import lru_cache

from tracker.dates import floor as _floor

# Replaying a large log meets the same few thousand date strings millions of times.
floor = lru_cache(maxsize=200_000)(_floor)


@lru_cache(maxsize=200_000)
def ceil(value: str) -> date:
    """The last day a partial date may denote."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return date(parts[0], parts[1], parts[2])
    if len(parts) == 2:
        return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return date(parts[0], 12, 31)


def gap_days(a: str, b: str) -> int:
    """Days between the intervals `a` and `b` denote; 0 when they overlap."""
    return max(0, (floor(b) - ceil(a)).days, (floor(a) - ceil(b)).days)


def within(a: str, b: str, window_days: int) -> bool:
    return gap_days(a, b) <= window_days


@lru_cache(maxsize=200_000)
def floor_key(value: str) -> str:
    """ISO text of the first day `value` denotes: sorts and compares like the date."""
    return floor(value).isoformat()


def floor_iso(value: str | None) -> str | None:
    return floor_key(value) if value else None
