"""Round 4 (orgref): organisations named by description or through a person; one general rule each,
tested on new sentences."""

from __future__ import annotations

import pytest
from extract_helpers import triples

CASES = [
    # "the drone startup" is the organisation the article described with those words, not the nearest one
    (
        "Orbital Foods has hired Nadia Kerr, the co-founder of drone startup Skyloft. Kerr spent six years at "
        "Harvest Co before that. The drone startup also named Omar Patel as its interim chief executive.",
        {
            ("Nadia Kerr", "joined", "Orbital Foods"),
            ("Nadia Kerr", "left", "Harvest Co"),
            ("Omar Patel", "role_changed", "Skyloft"),
        },
    ),
    # a description with no words in common means the organisation joined, not the one being left
    (
        "Maria Lenz has joined Quorra Bio as chief scientific officer, two months after she stepped down as "
        "Novacor's head of research. The Boston-based drugmaker also appointed Ken Ito as chief financial officer.",
        {
            ("Maria Lenz", "joined", "Quorra Bio"),
            ("Maria Lenz", "left", "Novacor"),
            ("Ken Ito", "joined", "Quorra Bio"),
        },
    ),
    # a description opening a clause is the sentence's subject, not the source after "from"; the
    # possessive description in the object is the company being hired from
    (
        "Altair Semiconductor has agreed to license memory technology from Pinecrest, and the chipmaker will "
        "bring on the startup's chief executive, Dana Holt.",
        {("Dana Holt", "joined", "Altair Semiconductor"), ("Dana Holt", "left", "Pinecrest")},
    ),
    # "the <product> maker" is the organisation announcing the sentence; a return to it is not forced
    # back to the employer the person is leaving in the same story
    (
        "Vireo Labs has parted ways with its chief scientist, Omar Reyes. Hours later, Brightline said Reyes "
        "was returning to the Pathfinder maker.",
        {("Omar Reyes", "left", "Vireo Labs"), ("Omar Reyes", "joined", "Brightline")},
    ),
    # "the startup" is a company the article has someone founding, not the employer being left
    (
        "Lena Fox is leaving her post as Corvid's chief economist to focus on Tallis Labs, a London-based company "
        "she founded last year. The startup has also recruited Pavel Dane away from Hexa to serve as chief "
        "executive.",
        {
            ("Lena Fox", "left", "Corvid"),
            ("Lena Fox", "founded", "Tallis Labs"),
            ("Pavel Dane", "joined", "Tallis Labs"),
            ("Pavel Dane", "left", "Hexa"),
        },
    ),
    # a person possessing an organisation only identifies it: the organisation is the employer
    (
        "Ravi Shah, one of the co-founders of Nora Vale's Quillon, said Monday that he is leaving the company.",
        {("Ravi Shah", "left", "Quillon")},
    ),
    # "departing Hana Ito's startup": Ito makes no move
    (
        "Gil Moreau, a co-founder of Brightwater Labs, has joined Apple after departing Hana Ito's startup.",
        {("Gil Moreau", "joined", "Apple"), ("Gil Moreau", "left", "Brightwater Labs")},
    ),
    # "joined Tom Vance's company": the company is the one the article already has someone joining
    (
        "Kai Ando left Pendant to join Orrin. He will work there alongside Lucy Park, the former Stripe engineer, "
        "who joined Tom Vance's company in May.",
        {("Kai Ando", "left", "Pendant"), ("Kai Ando", "joined", "Orrin"), ("Lucy Park", "joined", "Orrin")},
    ),
    (
        "Tom Vance's satellite company Orbix has hired Lea Moss as its chief executive.",
        {("Lea Moss", "joined", "Orbix")},
    ),
    # a name after a reporting comma opens its own clause, not a list of people parted with
    (
        "Vireo Labs has parted ways with co-founder and chief scientist Omar Reyes, Ines Varga said on Wednesday.",
        {("Omar Reyes", "left", "Vireo Labs")},
    ),
    # only organisations are taken over: the object of "takeover of" never fills a person slot
    (
        "Halvard Bank said Jonas Eck will return as chief executive to steer the lender through its takeover of "
        "Marlow Rees, replacing Per Lind.",
        {("Jonas Eck", "joined", "Halvard Bank"), ("Per Lind", "left", "Halvard Bank")},
    ),
    # a division "called" X, or "CEO of X, a new post", is part of the hiring organisation, not an employer
    (
        "Zentra has hired Vela chief executive Ana Cole to run a new division called Horizon. Cole will become "
        "CEO of Horizon and report to Zentra's founder.",
        {("Ana Cole", "joined", "Zentra"), ("Ana Cole", "left", "Vela")},
    ),
    (
        "Zentra has tapped Vela chief executive Ana Cole to become CEO of Horizon, a new post overseeing the "
        "company's hardware.",
        {("Ana Cole", "joined", "Zentra"), ("Ana Cole", "left", "Vela")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round4_orgref(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(text) == expected
