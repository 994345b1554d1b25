"""Move dates come from the text when stated, keep their precision, else fall back to publication."""

from __future__ import annotations

import datetime as dt

from extract_helpers import moves

from tracker.extract.dates import find_date, move_date


def test_last_month_is_relative_to_published_and_month_precise() -> None:
    [move, *_] = moves("Iris Vogel, who left Solstice Bank last month, has joined Arden Capital.", "2024-03-12")
    left = next(
        m
        for m in moves("Iris Vogel, who left Solstice Bank last month, has joined Arden Capital.", "2024-03-12")
        if m.direction == "left"
    )
    assert left.date == "2024-02"
    assert left.date_approximate is True
    assert move.person == "Iris Vogel"


def test_last_month_wraps_the_year() -> None:
    assert find_date("she left last month", dt.date(2025, 1, 5)) == ("2024-12", True)


def test_effective_date_is_day_precise() -> None:
    [move] = moves("Marlow Foods named Kofi Mensah chief executive, effective March 18.", "2025-03-02")
    assert move.date == "2025-03-18"
    assert move.date_approximate is False


def test_effective_date_early_next_year() -> None:
    assert find_date("will take over on January 6", dt.date(2024, 12, 10)) == ("2025-01-06", False)


def test_explicit_year_and_month() -> None:
    assert find_date("joined in September 2023", dt.date(2024, 6, 1)) == ("2023-09", True)


def test_published_date_is_the_fallback() -> None:
    [move] = moves("Dara Quinn has joined Fathom Labs as chief scientist.", "2024-07-19")
    assert move.date == "2024-07-19"
    assert move.date_approximate is True


def test_no_published_no_date() -> None:
    assert move_date("has joined Fathom Labs", "has joined Fathom Labs", None) == (None, True)


def test_weekday_resolves_to_the_past_day() -> None:
    # 2024-08-06 is a Tuesday; "on Monday" is the day before
    assert find_date("said on Monday that he is leaving", dt.date(2024, 8, 6)) == ("2024-08-05", False)


def test_month_without_year_follows_the_tense() -> None:
    published = dt.date(2024, 8, 14)
    assert find_date("will retire in March", published) == ("2025-03", True)
    assert find_date("left in March", published) == ("2024-03", True)


def test_move_date_prefers_its_own_clause() -> None:
    found = moves("Iris Vogel, who left Solstice Bank in January, has joined Arden Capital.", "2024-06-12")
    by_dir = {m.direction: m for m in found}
    assert by_dir["left"].date == "2024-01"
    assert by_dir["joined"].date == "2024-06-12"
