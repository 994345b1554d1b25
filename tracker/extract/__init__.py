"""Text → moves (hires, departures, foundings, role changes) with pure, general rules.

See README.md in this package for the approach and why there is no statistical model.
"""

from __future__ import annotations

import datetime as dt

from tracker.extract.engine import extract_article
from tracker.extract.model import Move, move_to_json
from tracker.extract.resolve import Resolver, slugify

EXTRACTOR_NAME = "rules"
EXTRACTOR_VERSION = "1.0.0"

__all__ = ["EXTRACTOR_NAME", "EXTRACTOR_VERSION", "Move", "Resolver", "extract", "move_to_json", "slugify"]

_DEFAULT_RESOLVER = Resolver()


def extract(
    text: str,
    published: dt.date | None = None,
    title: str | None = None,
    resolver: Resolver | None = None,
) -> list[Move]:
    """Every move the article reports, in reading order; an empty list when it reports none."""
    if not text or not text.strip():
        return []
    return extract_article(text, published, title, resolver or _DEFAULT_RESOLVER)
