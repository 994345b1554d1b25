"""Round 9: institutions named "X of the Y", short given names, careers told in passing, an interim's
old post, board committees; one general rule each, tested on new sentences (none from the blind sets)."""

from __future__ import annotations

import pytest
from extract_helpers import triples

CASES = [
    # an institution's name keeps its "of the", and its acronym then names it
    (
        "Dana Whitfield is leaving the Office of the Director of Public Prosecutions to join Marlow & Finch. "
        "The ODPP named Owen Tate acting director.",
        {
            ("Dana Whitfield", "left", "Office of the Director of Public Prosecutions"),
            ("Dana Whitfield", "joined", "Marlow & Finch"),
            ("Owen Tate", "role_changed", "Office of the Director of Public Prosecutions"),
        },
    ),
    # a given name cut short ("Rob") names the one person it can, not an organisation
    (
        "Pellucid Bio named Robert Anand chief executive. Before that he ran research at Corvane. "
        '"Rob knows our science," said chair Ines Ward.',
        {("Robert Anand", "joined", "Pellucid Bio")},
    ),
    # a career told in passing ("most recently served at", "Before X,") does not change whose story it is
    (
        "Tamsin Bio appointed Leo Varga as chief medical officer. Varga most recently served as head of "
        "development at Orrin Pharma. Before Orrin, he worked at Medlane. Varga succeeds Jo Reed, who will "
        "retire in June.",
        {
            ("Leo Varga", "joined", "Tamsin Bio"),
            ("Leo Varga", "left", "Orrin Pharma"),
            ("Jo Reed", "left", "Tamsin Bio"),
        },
    ),
    # an interim who returns to the post held before takes a title again, and does not leave
    (
        "Quarry Labs hired Nina Ostrova as chief financial officer, succeeding Paul Ibe, who had served as "
        "interim CFO since May. Ibe will return to his previous role as vice president of finance.",
        {("Nina Ostrova", "joined", "Quarry Labs"), ("Paul Ibe", "role_changed", "Quarry Labs")},
    ),
    # a board committee is a body of the company, not another employer
    (
        "Vellum Energy said Marta Quist has joined its board and will chair the Nominating and Governance Committee.",
        {("Marta Quist", "joined", "Vellum Energy")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round9(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(text) == expected
