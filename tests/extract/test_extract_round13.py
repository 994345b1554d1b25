"""Round 13: newsletter labels, saint and mount abbreviations, headline guesses, "at the X", insiders told
by what they led; one general rule each, tested on new sentences (none from the blind sets)."""

from __future__ import annotations

import pytest
from extract_helpers import moved, triples

CASES = [
    # "Out:" and "In:" open a newsletter's items; they are labels, not organisations
    (
        "Out: Daniel Ferro is out as chief executive of Bramble Foods after two years. Finance chief Olga "
        "Nemeth has been named interim CEO while the company searches for a successor.",
        {("Daniel Ferro", "left", "Bramble Foods"), ("Olga Nemeth", "role_changed", "Bramble Foods")},
    ),
    # "Mt." and "St." belong to the name they open
    (
        "Nurse practitioner Lena Ortiz left Mt. Carmel Medical Center in March to found Shiftwell.",
        {("Lena Ortiz", "left", "Mt. Carmel Medical Center"), ("Lena Ortiz", "founded", "Shiftwell")},
    ),
    # a name that hires a counted group of people is an organisation, not a person
    (
        "Verdant Logic lands four Helix Labs engineers\n\nAnil Rao, Beth Cole and Tom Ng have left Helix Labs "
        "to join Verdant Logic.",
        moved(["Anil Rao", "Beth Cole", "Tom Ng"], "Helix Labs", "Verdant Logic"),
    ),
    # a headline's first name in passing gives way to the company a founder starts
    (
        "From the ICU to the boardroom\n\nIn 2019 Marta Ruiz quit her job as a nurse at Harbor General Hospital "
        "to found Lantern Health. Last year it brought in Owen Pike, who left Crestline Bank to become "
        "Lantern's chief operating officer.",
        {
            ("Marta Ruiz", "left", "Harbor General Hospital"),
            ("Marta Ruiz", "founded", "Lantern Health"),
            ("Owen Pike", "joined", "Lantern Health"),
            ("Owen Pike", "left", "Crestline Bank"),
        },
    ),
    # "at the Courier" is the article's employer; "We'll" is a contraction, not a name
    (
        "Newsroom shuffle at the Courier\n\nBig week at the Courier. The paper's metro editor, Sam Hill, is leaving for the Valley Times. We'll miss him.",
        {("Sam Hill", "left", "Courier"), ("Sam Hill", "joined", "Valley Times")},
    ),
    # "who had led freight sales" with no other employer: already inside; a region is no employer
    (
        "Cobalt Freight named Ines Vidal to run its European business. Vidal, who had led freight sales in "
        "Iberia, succeeds Tom Lark, who is retiring.",
        {("Ines Vidal", "role_changed", "Cobalt Freight"), ("Tom Lark", "left", "Cobalt Freight")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round13_rule(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(text) == expected
