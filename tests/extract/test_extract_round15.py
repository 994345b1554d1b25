"""Round 15: unnamed groups named in the next sentence (lateral teams, founders leaving together), the
organisation being left is never what a sentence is about, and a sector word opening a sentence is no
organisation; tested on new sentences (none from the blind sets)."""

from __future__ import annotations

import pytest
from extract_helpers import moved, triples

CASES = [
    # a lateral team counted in a compound, its members named around the leader in the next sentence
    (
        "Harcourt Lyle has hired a three-partner restructuring team from Denholm Gray. Sofia Marr, who ran "
        "Denholm Gray's insolvency group, brings with her Peter Oduya and Lena Fischer.",
        moved(["Sofia Marr", "Peter Oduya", "Lena Fischer"], "Denholm Gray", "Harcourt Lyle"),
    ),
    # "fellow partners X" names people, not a firm
    (
        "Calder Stone has hired a three-partner tax team from Westmere Ross. Ines Vogel is joining along "
        "with fellow partners Ravi Menon and Kate Olsen.",
        moved(["Ines Vogel", "Ravi Menon", "Kate Olsen"], "Westmere Ross", "Calder Stone"),
    ),
    # an unnamed group leaving to found a company, named next (titles of address before the names)
    (
        "Three senior engineers have left Corvane to start Beltline Robotics. Dr. Anil Shah, Dr. Rosa Diaz "
        "and Tom Berg said the company had raised $5 million.",
        moved(["Anil Shah", "Rosa Diaz", "Tom Berg"], "Corvane", "Beltline Robotics", "founded"),
    ),
    # the organisation left in the sentence is not the one joined
    (
        "Quillon, the Oslo payments startup, has made two senior hires. Maya Berg becomes chief technology "
        "officer; she leaves Fjordpay after six years.",
        {("Maya Berg", "joined", "Quillon"), ("Maya Berg", "left", "Fjordpay")},
    ),
    # a section label in capitals before a bar is no organisation
    (
        "CAREER NOTES | Pellmar, the Lisbon shoe retailer, has hired Joana Sousa as chief financial officer.",
        {("Joana Sousa", "joined", "Pellmar")},
    ),
    # an appositive saying what kind of organisation a name is makes it one
    (
        "Harwell Oakes, the timber wholesaler, has appointed Keith Abara as chief executive.",
        {("Keith Abara", "joined", "Harwell Oakes")},
    ),
    # a sector word opening the sentence describes the company named after it
    (
        "Online bookseller Paginae has named Tomas Reyes chief executive, succeeding Ann Lowe.",
        {("Tomas Reyes", "joined", "Paginae"), ("Ann Lowe", "left", "Paginae")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round15_rule(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(text) == expected


# guards: a counted group with the wrong number of names stays unrecorded; a real company opening a
# sentence before a verb stays a company
GUARDS = [
    (
        "Harcourt Lyle has hired a four-partner restructuring team from Denholm Gray. Sofia Marr, who ran "
        "the insolvency group, brings with her Peter Oduya.",
        set(),
    ),
    # "a company veteran" is a person's description, not an organisation's
    (
        "Norvik has named Elsa Brandt, a company veteran who retired in 2019, as chief executive.",
        {("Elsa Brandt", "joined", "Norvik"), ("Elsa Brandt", "left", "Norvik")},
    ),
    (
        "Apple has hired Lena Brandt as vice president of design.",
        {("Lena Brandt", "joined", "Apple")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), GUARDS)
def test_round15_guard(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(text) == expected
