"""Round 8: clubs, agencies and units, wire datelines, successions told inside one sentence; one general rule
each, tested on new sentences (none of them from the blind sets)."""

from __future__ import annotations

import pytest
from extract_helpers import triples

CASES = [
    # clubs and public bodies have names shaped like people's; their last word tells them apart
    (
        "Leeds United confirmed that Tariq Osei will join as sporting director.",
        {("Tariq Osei", "joined", "Leeds United")},
    ),
    (
        "Carla Mendes, who ran enforcement at the Prudential Regulation Authority, will join Halcyon Bank as "
        "general counsel.",
        {("Carla Mendes", "joined", "Halcyon Bank"), ("Carla Mendes", "left", "Prudential Regulation Authority")},
    ),
    # "<place> City" is a club, "Mexico City" a place
    (
        "Stoke City appointed Ivo Brandt as chief executive, the club said in Mexico City.",
        {("Ivo Brandt", "joined", "Stoke City")},
    ),
    # a number word inside a name
    (
        "Ruth Abara has left Channel Four after a decade as head of drama.",
        {("Ruth Abara", "left", "Channel Four")},
    ),
    # a name that dismisses a titled person is an organisation
    (
        "Hertha Berlin sacked head coach Stefan Lenz on Sunday.",
        {("Stefan Lenz", "left", "Hertha Berlin")},
    ),
    # a second verb of the sentence's organisation subject hires for it, not for a name in between
    (
        "Norvale Foods dropped its plan to sell the Kestrel Snacks brand, and named Ada Pryce as its chief executive.",
        {("Ada Pryce", "joined", "Norvale Foods")},
    ),
    # "sister <noun> X" is an organisation
    (
        "Milo Varga leaves his post as head of sister label Brightline Records to run Oakham Music.",
        {("Milo Varga", "left", "Brightline Records"), ("Milo Varga", "joined", "Oakham Music")},
    ),
    # nobody leaves a club to run it: "the club's" is the other organisation of the sentence
    (
        "Wrexham Athletic said Nadia Frost will leave her post as finance director at Fulham to become the "
        "club's chief executive.",
        {("Nadia Frost", "left", "Fulham"), ("Nadia Frost", "joined", "Wrexham Athletic")},
    ),
    # "the vacancy left by X": X left; the subject did not
    (
        "Pell Logistics hired Gina Ruiz as finance chief. Ruiz fills the vacancy left by Otto Brandt, who retired "
        "in May.",
        {("Gina Ruiz", "joined", "Pell Logistics"), ("Otto Brandt", "left", "Pell Logistics")},
    ),
    # the boss named after "hire under" is not the hire
    (
        "Corwin Motors named Eli Shaw as head of design. It is the first big hire under Sir Ian Pratt, who "
        "bought the company in March.",
        {("Eli Shaw", "joined", "Corwin Motors")},
    ),
    # wire datelines glued to their dashes, and a day-first date
    (
        "BOSTON--(BUSINESS WIRE)--Quillon Therapeutics today announced that Ravi Menon has joined as chief "
        "medical officer.",
        {("Ravi Menon", "joined", "Quillon Therapeutics")},
    ),
    (
        "DUBLIN, 4 June 2025 — Harrowgate Capital today announced that Aine Byrne has joined as a partner.",
        {("Aine Byrne", "joined", "Harrowgate Capital")},
    ),
    # two particles in a surname; particles after initials
    (
        "Tidal Ridge Partners said Marieke van der Linde and J.P. de la Cruz have joined its Madrid office.",
        {
            ("Marieke van der Linde", "joined", "Tidal Ridge Partners"),
            ("J.P. de la Cruz", "joined", "Tidal Ridge Partners"),
        },
    ),
    # "elected" is an appointment; a board of directors is no organisation
    (
        "Orsted Grid said its Board of Directors has elected Lena Holm, currently chief operating officer, as "
        "chief executive.",
        {("Lena Holm", "role_changed", "Orsted Grid")},
    ),
    # "chief executive of X" makes X an organisation even when a headline's possessive made it look like a name
    (
        "Halvard names Brent Oyelaran's Mira Sato as CEO\n"
        "Halvard has appointed Mira Sato, chief executive of Brent Oyelaran, as its new chief executive. Brent "
        "Oyelaran said she would step down in May.",
        {("Mira Sato", "joined", "Halvard"), ("Mira Sato", "left", "Brent Oyelaran")},
    ),
    # a successor described later as already holding a post there is promoted, not hired
    (
        "Tessaly Bank said Chief Executive Omar Vance will retire and be succeeded by Hana Park. Park, 51, is "
        "currently president of Tessaly Bank.",
        {("Omar Vance", "left", "Tessaly Bank"), ("Hana Park", "role_changed", "Tessaly Bank")},
    ),
    # a description of the post just taken is not an earlier tenure
    (
        "Ardent Labs hired Noor Haddad as chief executive. Haddad, Ardent's new chief executive, starts in May.",
        {("Noor Haddad", "joined", "Ardent Labs")},
    ),
    # a school inside a title belongs to the institution the sentence is about
    (
        "Harlow University named Dana Kim, dean of its Whitcombe School of Law, as provost.",
        {("Dana Kim", "role_changed", "Harlow University")},
    ),
    # "succeeds X, who left to start Y": the post filled is not at the new venture
    (
        "Pia Lund has joined Corvex Systems as finance chief. She succeeds Raj Patel, who left in March to "
        "start a software company, Nimbral.",
        {
            ("Pia Lund", "joined", "Corvex Systems"),
            ("Raj Patel", "left", "Corvex Systems"),
            ("Raj Patel", "founded", "Nimbral"),
        },
    ),
    # datelines with a colon, a slash or accented capitals
    (
        "MUMBAI: Kestrel Finance has appointed Vikram Sethi as chief risk officer.",
        {("Vikram Sethi", "joined", "Kestrel Finance")},
    ),
    (
        "BOGOTÁ/LIMA, May 2 (Reuters) - Andes Cargo named Lucía Paredes chief executive.",
        {("Lucía Paredes", "joined", "Andes Cargo")},
    ),
    # a country or a business region employs nobody here
    (
        "Tomas Greer, who ran the Americas for Halden Bank, has joined Vireo Capital. He had also worked in "
        "Britain for a decade.",
        {("Tomas Greer", "joined", "Vireo Capital"), ("Tomas Greer", "left", "Halden Bank")},
    ),
    # "and" inside an agency's name; a middle initial that reads like the article "A"
    (
        "Paul A. Rivers will leave the Food and Drug Administration to join Corda Bio.",
        {("Paul A. Rivers", "left", "Food and Drug Administration"), ("Paul A. Rivers", "joined", "Corda Bio")},
    ),
    # "Tomasz and Jana Podolski": a lone given name shares the surname after it
    (
        "Ilse and Marten Vogel co-founded Kranich Robotics in 2019.",
        {("Ilse Vogel", "founded", "Kranich Robotics"), ("Marten Vogel", "founded", "Kranich Robotics")},
    ),
    # a lower-case brand, known by its slot and remembered for the article
    (
        "zenvo, the Oslo-based payments startup, has hired Kari Moen as chief executive. Moen left DNB to join zenvo.",
        {("Kari Moen", "joined", "zenvo"), ("Kari Moen", "left", "DNB")},
    ),
    (
        "Ravi Nair has joined digital lender kapsul as finance chief.",
        {("Ravi Nair", "joined", "kapsul")},
    ),
    (
        "Lea Brun co-founded ondo in 2020 with Marc Petit.",
        {("Lea Brun", "founded", "ondo"), ("Marc Petit", "founded", "ondo")},
    ),
    # sport and arts titles
    (
        "Hartfield Rovers have appointed Jonas Brekke as sporting director.",
        {("Jonas Brekke", "joined", "Hartfield Rovers")},
    ),
    # lower-case words before "AI" are no brand
    (
        "Nadia Okoro, head of responsible AI at Veltra, has joined Quorra Labs.",
        {("Nadia Okoro", "joined", "Quorra Labs"), ("Nadia Okoro", "left", "Veltra")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round8(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(text) == expected
