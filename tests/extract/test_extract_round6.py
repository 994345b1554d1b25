"""Round 6: places, datelines, initials and "X of Y" names; one general rule each, tested on new
sentences (none of them from the blind sets)."""

from __future__ import annotations

import pytest
from extract_helpers import triples

from tracker.extract.places import is_place

CASES = [
    # a place modifying "company" describes the article's organisation; it is never the employer
    (
        "Corvid Analytics hires Lena Brandt as chief operating officer\n"
        "The logistics veteran, who ran planning at Maersk and DHL, has joined the Denver company as its "
        "operating chief.",
        {("Lena Brandt", "joined", "Corvid Analytics")},
    ),
    # a founding partner's company described by its city is the venture just named
    (
        "Tomas Rieck has started a robotics company called Gantry. He co-founded the Pittsburgh startup "
        "with Ana Sousa.",
        {("Tomas Rieck", "founded", "Gantry"), ("Ana Sousa", "founded", "Gantry")},
    ),
    # a nationality before an organisation noun is an adjective, not the employer being left
    (
        "Pernille Dahl, chief executive of Norwegian insurer Vestlund Forsikring, will join Allfield Group "
        "as finance chief.",
        {("Pernille Dahl", "joined", "Allfield Group"), ("Pernille Dahl", "left", "Vestlund Forsikring")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round6(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(text) == expected


def test_places_fold_accents_and_cover_countries_states_and_towns() -> None:
    assert is_place("Zurich") and is_place("Zürich")
    assert is_place("Norway") and is_place("Ohio") and is_place("Cupertino")
    assert not is_place("Anthropic")
