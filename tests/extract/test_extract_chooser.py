"""The organisation chooser: every organisation the article names is weighed as the move's own."""

from __future__ import annotations

import datetime as dt

import pytest

from tracker.extract import chooser_weights, extract
from tracker.extract.chooser import alternatives, pick

PUBLISHED = dt.date(2026, 11, 1)

# a new passage: the rules read the team's nickname as the employer of an interim appointment
COACH = (
    "Westbrook University dismisses basketball coach\n\n"
    "Westbrook University has dismissed head basketball coach Carl Henning after three losing seasons.\n\n"
    "Assistant coach Maria Lopes will serve as interim head coach for the Falcons' remaining games."
)


def _moves(text: str) -> set[tuple[str, str, str]]:
    return {(m.person, m.direction, m.org) for m in extract(text, PUBLISHED)}


def test_a_role_change_goes_to_the_article_employer_not_a_nickname() -> None:
    assert ("Maria Lopes", "role_changed", "Westbrook University") in _moves(COACH)
    assert ("Carl Henning", "left", "Westbrook University") in _moves(COACH)


def test_without_the_chooser_the_rules_keep_their_own_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test above passes because of the chooser, not the rules."""
    monkeypatch.setattr(chooser_weights, "MARGIN", 1.0)
    assert ("Maria Lopes", "role_changed", "Falcons") in _moves(COACH)


def test_alternatives_are_one_per_organisation_by_longest_spelling_and_never_a_person() -> None:
    names, spellings, counts = alternatives(
        ["Nordvind", "Tidewater", "Nordvind Energi", "Nordvind", "Helen Carrow"], {"Helen Carrow"}
    )
    assert names == ["Nordvind Energi", "Tidewater"]
    assert spellings["Nordvind Energi"] == {"Nordvind", "Nordvind Energi"}
    assert counts == {"Nordvind Energi": 3, "Tidewater": 1}


@pytest.mark.parametrize(
    ("probs", "margin", "expected"),
    [
        ([0.2, 0.7, 0.1], 0.3, 1),  # clearly likelier: switch
        ([0.5, 0.7, 0.1], 0.3, 0),  # not by the margin: the rules' choice stands
        ([0.9, 0.7, 0.1], 0.0, 0),  # the rules' choice is the best already
    ],
)
def test_the_rules_choice_gives_way_only_by_the_margin(probs: list[float], margin: float, expected: int) -> None:
    assert pick(probs, 0, margin) == expected
