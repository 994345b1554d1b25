"""Text → moves (hires, departures, foundings, role changes) with general rules and a learned check.

See README.md in this package for the approach, why there is no statistical NER, and what the ranker adds.
"""

from __future__ import annotations

import datetime as dt

from tracker.extract.engine import extract_article
from tracker.extract.model import Move, move_to_json
from tracker.extract.resolve import Resolver, slugify

EXTRACTOR_NAME = "rules"
EXTRACTOR_VERSION = "1.3.0"  # 1.1: the ranker drops unlikely moves; 1.2: word lists and per-article name typing;
# 1.3: the chooser weighs every organisation the article names as a move's own

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
