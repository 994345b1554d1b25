"""The extractor never raises on odd input, and every move it returns is well formed."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.extract import extract

WORDS = st.sampled_from(
    [
        "Jane",
        "Doe",
        "Acme",
        "Labs",
        "joined",
        "left",
        "as",
        "chief",
        "executive",
        "the",
        "company",
        ",",
        ".",
        "said",
        "he",
        "she",
        "they",
        "former",
        "who",
        "named",
        "hired",
        "to",
        "from",
        "Inc.",
        "'s",
        "of",
        "and",
        "Google",
        "OpenAI",
        "founded",
        "co-founded",
        "succeeding",
        "replaced",
        "by",
        "board",
        "(",
        ")",
        ":",
        ";",
        "last",
        "month",
        "effective",
        "March",
        "18",
        "interim",
        "promoted",
        "stepping",
        "down",
        "Dr.",
        "Mr.",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=40), st.none() | st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)))
def test_word_salad_never_crashes(words: list[str], published: dt.date | None) -> None:
    for move in extract(" ".join(words), published):
        assert move.person and move.org
        assert move.direction in ("joined", "left", "founded", "role_changed")
        assert 0.0 <= move.confidence <= 1.0
        assert move.evidence


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_never_crashes(text: str) -> None:
    extract(text, dt.date(2024, 1, 1))


def test_empty_and_whitespace() -> None:
    assert extract("") == []
    assert extract("   \n\t ") == []


def test_long_article_is_handled() -> None:
    sentence = "Analysts said the market was calm on Tuesday. "
    text = sentence * 400 + "Jane Doe has joined Acme Labs as chief technology officer."
    moves = extract(text, dt.date(2024, 5, 1))
    assert [(m.person, m.direction, m.org) for m in moves] == [("Jane Doe", "joined", "Acme Labs")]
