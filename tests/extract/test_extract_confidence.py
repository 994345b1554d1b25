"""Confidence is lower for hedged reports than for plain statements of fact."""

from __future__ import annotations

from extract_helpers import moves

PLAIN = "Carver Labs has hired Nina Patel as chief technology officer."
HEDGED = [
    "Carver Labs plans to hire Nina Patel as chief technology officer.",
    "Carver Labs is expected to hire Nina Patel as chief technology officer.",
    "Carver Labs has hired Nina Patel as chief technology officer, according to people familiar with the matter.",
]


def test_plain_fact_is_confident() -> None:
    [move] = moves(PLAIN)
    assert move.confidence >= 0.85


def test_hedged_language_lowers_confidence() -> None:
    plain = moves(PLAIN)[0].confidence
    for text in HEDGED:
        [move] = moves(text)
        assert move.confidence < plain - 0.15, text
        assert 0.0 < move.confidence < 0.75


def test_inferred_departure_is_less_certain_than_stated_one() -> None:
    found = moves("Orla Byrne, a senior director at Adobe, has joined Figment Labs.")
    left = next(m for m in found if m.direction == "left")
    joined = next(m for m in found if m.direction == "joined")
    assert left.org == "Adobe"
    assert left.confidence < joined.confidence


def test_confidence_is_bounded() -> None:
    text = "Carver Labs plans to hire Nina Patel, according to people familiar with the matter, sources said."
    for move in moves(text):
        assert 0.0 <= move.confidence <= 1.0
