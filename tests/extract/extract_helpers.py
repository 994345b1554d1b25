"""Small helpers so tests state outcomes as (person, direction, org) triples."""

from __future__ import annotations

import datetime as dt

from tracker.extract import Move, Resolver, extract


def triples(
    text: str, published: str | None = "2024-06-03", resolver: Resolver | None = None
) -> set[tuple[str, str, str]]:
    pub = dt.date.fromisoformat(published) if published else None
    return {(m.person, m.direction, m.org) for m in extract(text, pub, resolver=resolver)}


def moves(text: str, published: str | None = "2024-06-03", resolver: Resolver | None = None) -> list[Move]:
    pub = dt.date.fromisoformat(published) if published else None
    return extract(text, pub, resolver=resolver)


def moved(people: list[str], left: str, went: str, direction: str = "joined") -> set[tuple[str, str, str]]:
    """Several people who left one organisation together for another (joined, or founded)."""
    return {(p, "left", left) for p in people} | {(p, direction, went) for p in people}
