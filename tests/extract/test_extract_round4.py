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
    # a dated step-down still names its post ("stepped down in May as Lyft's head of policy"), also after a join
    (
        "Dara Levin, who stepped down in May as Lyft's head of policy, has joined Waymo as chief policy officer.",
        {("Dara Levin", "left", "Lyft"), ("Dara Levin", "joined", "Waymo")},
    ),
    (
        "Dara Levin has joined Waymo as chief policy officer, two months after she stepped down as Lyft's head "
        "of policy.",
        {("Dara Levin", "left", "Lyft"), ("Dara Levin", "joined", "Waymo")},
    ),
    # a co-founder named without a company is a founder of the company in view: a new title is a role change
    (
        "Nadia Korb has stepped down as chief executive of Fernbrook Labs. Paulo Reis, another co-founder, "
        "becomes chief executive.",
        {("Nadia Korb", "left", "Fernbrook Labs"), ("Paulo Reis", "role_changed", "Fernbrook Labs")},
    ),
    # "poached X from A, where ..., to become its CTO": "its" is the hirer's, told once by the hire
    (
        "Volvo has poached Ines Berg from Bosch, where she ran the sensor maker's lidar effort, to become its "
        "chief technology officer.",
        {("Ines Berg", "joined", "Volvo"), ("Ines Berg", "left", "Bosch")},
    ),
    # a region in a title ("head of its Americas operations") is no organisation
    (
        "Unilever has named Rosa Lindt, the head of its Americas operations, as chief executive.",
        {("Rosa Lindt", "role_changed", "Unilever")},
    ),
    # leaving "to run Uber" names where the person goes
    (
        "Hannah Weiss is leaving Zalando after nine years as finance chief to run Deliveroo.",
        {("Hannah Weiss", "left", "Zalando"), ("Hannah Weiss", "joined", "Deliveroo")},
    ),
    # "named X, the head of its Y business, as his replacement": the vacated title, taken by an insider
    (
        "Tom Hale has stepped down as chief executive of Lindqvist Bank. The Swedish lender named Eva Strand, "
        "the head of its consumer business, as his replacement.",
        {("Tom Hale", "left", "Lindqvist Bank"), ("Eva Strand", "role_changed", "Lindqvist Bank")},
    ),
    # "co-founded by someone with whom he had ...": a pronoun later in the clause is not the founder
    (
        "Tesco dismissed Mark Olsen after finding he had favoured a supplier co-founded by someone with whom he "
        "had a personal relationship.",
        {("Mark Olsen", "left", "Tesco")},
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


FOUNDINGS = [
    # naming the partners makes "co-founded the startup" the founding of the article's company
    (
        "Quillfeather, a Lisbon startup barely six weeks old, has raised $20 million. Ana Sousa, who left "
        "Farfetch in March, co-founded the startup with Rui Matos and Inês Carvalho.",
        {
            ("Ana Sousa", "left", "Farfetch"),
            ("Ana Sousa", "founded", "Quillfeather"),
            ("Rui Matos", "founded", "Quillfeather"),
            ("Inês Carvalho", "founded", "Quillfeather"),
        },
    ),
    # a name set off after "a/an ... startup" is the startup, however person-shaped
    (
        "Tom Becker has co-founded a logistics startup, Harbor Lane, with Priya Nair.",
        {("Tom Becker", "founded", "Harbor Lane"), ("Priya Nair", "founded", "Harbor Lane")},
    ),
    # a reduced relative ("a Berlin-based company she founded") names the founding; leaving it is history
    (
        "Lena Vogel is leaving SAP to focus on Nordlicht Systems, a Berlin-based company she founded last year.",
        {("Lena Vogel", "left", "SAP"), ("Lena Vogel", "founded", "Nordlicht Systems")},
    ),
    (
        "Omar Haddad is leaving Brightloop, the payments company he co-founded, to start a fund.",
        {("Omar Haddad", "left", "Brightloop")},
    ),
    # "quit X to become his co-founders" founds the company the sentence founded
    (
        "Velora, a Stockholm startup, has raised $9 million. Chief executive Sara Lind left Spotify to found "
        "the company with Erik Berg and Nils Ek, who both quit Klarna to become her co-founders.",
        {
            ("Sara Lind", "left", "Spotify"),
            ("Sara Lind", "founded", "Velora"),
            ("Erik Berg", "founded", "Velora"),
            ("Nils Ek", "founded", "Velora"),
            ("Erik Berg", "left", "Klarna"),
            ("Nils Ek", "left", "Klarna"),
        },
    ),
    # "His co-founders are X and Y": partners of the founding just told
    (
        "Marco Bianchi has founded Verdello Robotics. His co-founders are Giulia Rossi, a former Comau "
        "engineer, and Luca Ferri.",
        {
            ("Marco Bianchi", "founded", "Verdello Robotics"),
            ("Giulia Rossi", "founded", "Verdello Robotics"),
            ("Luca Ferri", "founded", "Verdello Robotics"),
        },
    ),
]


@pytest.mark.parametrize(("text", "expected"), FOUNDINGS)
def test_round4_founding(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(text) == expected


def test_counted_group_members_share_its_employer_and_the_hire() -> None:
    text = (
        "Siemens is hiring Kestrel's chief executive Paul Grant and two of his co-founders, Mia Holt and "
        "Jon Reyes, in a licensing deal."
    )
    assert triples(text) == {
        (person, direction, org)
        for person in ("Paul Grant", "Mia Holt", "Jon Reyes")
        for direction, org in (("joined", "Siemens"), ("left", "Kestrel"))
    }


def test_counted_group_with_an_organisation_possessor_names_the_origin() -> None:
    text = "Nvidia has poached three of Intel's engineers in Haifa: Dan Levi, Noa Peretz and Ari Cohen."
    assert triples(text) == {
        (person, direction, org)
        for person in ("Dan Levi", "Noa Peretz", "Ari Cohen")
        for direction, org in (("joined", "Nvidia"), ("left", "Intel"))
    }


def test_a_called_off_acquisition_does_not_keep_founders_at_their_startup() -> None:
    text = (
        "Adobe is bringing on Loomly chief executive Rita Chen, co-founder Amir Saleh and several engineers. "
        "The deal ends Canva's planned acquisition of Loomly."
    )
    assert triples(text) == {
        ("Rita Chen", "joined", "Adobe"),
        ("Amir Saleh", "joined", "Adobe"),
        ("Rita Chen", "left", "Loomly"),
        ("Amir Saleh", "left", "Loomly"),
    }


def test_a_definite_group_noun_refers_back_to_the_last_group() -> None:
    text = (
        "Stripe has hired Ana Ruiz and Ben Okoro to build its agent platform. The pair had joined Shopify "
        "in 2021 from Square."
    )
    assert triples(text) == {
        ("Ana Ruiz", "joined", "Stripe"),
        ("Ben Okoro", "joined", "Stripe"),
        ("Ana Ruiz", "joined", "Shopify"),
        ("Ben Okoro", "joined", "Shopify"),
        ("Ana Ruiz", "left", "Square"),
        ("Ben Okoro", "left", "Square"),
    }
