"""Canonical entity ids: `person:<slug>`, `org:<slug>`. Streams are named by them."""

from __future__ import annotations

import re
import unicodedata

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(name: str) -> str:
    """'Barret Zoph' -> 'barret-zoph'; accents folded so spelling variants meet."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return _NON_SLUG.sub("-", folded).strip("-") or "unknown"


def person_id(name: str) -> str:
    return f"person:{slugify(name)}"


def org_id(name: str) -> str:
    return f"org:{slugify(name)}"
