"""Classes found in round 4 (blind sets r4a-r4c and probes); one general rule each, tested on new sentences."""

from __future__ import annotations

import pytest
from extract_helpers import triples

CASES = [
    # an honorific makes a lone surname a person; the full name given later in the article replaces it
    (
        "Mr. Okafor, who ran logistics at Jumia for a decade, joins Konga as chief operating officer in May. "
        "Chidi Okafor will report to the chief executive.",
        {("Chidi Okafor", "joined", "Konga")},
    ),
    # with no full name anywhere, the titled surname still names the person
    (
        "Dr. Lindqvist will leave the Karolinska Institute at the end of the year, the hospital said.",
        {("Lindqvist", "left", "Karolinska Institute")},
    ),
    # a return whose purpose follows ("would return to replace him") goes back to the sentence's organisation
    (
        "Corvel Foods said its chief executive would retire in June and that Dana Pruitt, a former finance chief, "
        "would return to succeed him.",
        {("Dana Pruitt", "joined", "Corvel Foods")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round4_class(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(text) == expected


def test_organisation_before_a_list_of_titled_names_employs_each() -> None:
    text = "Google hired Windsurf chief executive Varun Mohan and research lead Douglas Chen."
    assert triples(text) == {
        ("Varun Mohan", "joined", "Google"),
        ("Douglas Chen", "joined", "Google"),
        ("Varun Mohan", "left", "Windsurf"),
        ("Douglas Chen", "left", "Windsurf"),
    }
