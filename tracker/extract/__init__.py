"""Text -> moves. Seam: until the rule engine lands, `extract` finds nothing."""

from __future__ import annotations

from datetime import date

from tracker.extract.model import Move

EXTRACTOR_NAME = "none"
EXTRACTOR_VERSION = "0"


def extract(text: str, published: date | None = None, title: str | None = None, resolver: object = None) -> list[Move]:
    return []


__all__ = ["EXTRACTOR_NAME", "EXTRACTOR_VERSION", "Move", "extract"]
