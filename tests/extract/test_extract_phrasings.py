"""One sentence per phrasing family; each asserts the exact moves a careful reader records."""

from __future__ import annotations

import pytest
from extract_helpers import moves, triples

CASES = [
    # hires, active voice
    (
        "Lattice Robotics has hired Maria Gonzalez as its chief financial officer.",
        {("Maria Gonzalez", "joined", "Lattice Robotics")},
    ),
    (
        "Brook Analytics brought on Tom Ferris, a longtime Oracle executive, to run sales.",
        {("Tom Ferris", "joined", "Brook Analytics"), ("Tom Ferris", "left", "Oracle")},
    ),
    (
        "Pelican Bank appointed Grace Mwangi as chief operating officer on Tuesday.",
        {("Grace Mwangi", "joined", "Pelican Bank")},
    ),
    (
        "Ridgeway Motors named Victor Almeida its new chief executive.",
        {("Victor Almeida", "joined", "Ridgeway Motors")},
    ),
    (
        "Cinder Cloud tapped Laura Becker to lead its security business.",
        {("Laura Becker", "joined", "Cinder Cloud")},
    ),
    (
        "Juniper Games poached art director Felix Morgan from Rockstar Games.",
        {("Felix Morgan", "joined", "Juniper Games"), ("Felix Morgan", "left", "Rockstar Games")},
    ),
    (
        "Nordic Capital lured Henrik Berg away from Goldman Sachs with a partnership offer.",
        {("Henrik Berg", "joined", "Nordic Capital"), ("Henrik Berg", "left", "Goldman Sachs")},
    ),
    (
        "Aster Health recruited Dr. Imani Cole, the former surgeon general of Ohio, as chief medical officer.",
        {("Imani Cole", "joined", "Aster Health")},
    ),
    # hires told from the person's side
    (
        "Sofia Brandt has joined Kelvin Energy as general counsel.",
        {("Sofia Brandt", "joined", "Kelvin Energy")},
    ),
    (
        "Raj Malhotra lands at Orbit Data after eight years at Salesforce.",
        {("Raj Malhotra", "joined", "Orbit Data"), ("Raj Malhotra", "left", "Salesforce")},
    ),
    (
        "Hana Kim returns to Solace Media as president, two years after leaving.",
        {("Hana Kim", "joined", "Solace Media")},
    ),
    (
        "Paolo Ricci will become chief executive of Vireo Pharma in October.",
        {("Paolo Ricci", "joined", "Vireo Pharma")},
    ),
    # passive voice
    (
        "Naomi Clarke was named chief technology officer of Brightline Software on Monday.",
        {("Naomi Clarke", "joined", "Brightline Software")},
    ),
    (
        "Owen Hughes has been appointed chair of Stanmore Bank's board.",
        {("Owen Hughes", "joined", "Stanmore Bank")},
    ),
    # departures
    (
        "Claire Dubois resigned as chief financial officer of Alpine Foods on Friday.",
        {("Claire Dubois", "left", "Alpine Foods")},
    ),
    (
        "Redstone Mining chief executive Peter Vance retired after 30 years with the company.",
        {("Peter Vance", "left", "Redstone Mining")},
    ),
    (
        "Kumar Iyer has departed Summit Logistics, the company said.",
        {("Kumar Iyer", "left", "Summit Logistics")},
    ),
    (
        "Elena Rossi, Quanta Labs' head of research, is leaving the company at the end of the month.",
        {("Elena Rossi", "left", "Quanta Labs")},
    ),
    (
        "Marco Bianchi is stepping down as president of Tessera Group.",
        {("Marco Bianchi", "left", "Tessera Group")},
    ),
    # founding
    (
        "Yusuf Demir left Stripe in March to start Ledgerly, a bookkeeping startup.",
        {("Yusuf Demir", "left", "Stripe"), ("Yusuf Demir", "founded", "Ledgerly")},
    ),
    (
        "Two former Uber engineers, Ana Lopes and Ben Carter, co-founded Routewise, a mapping startup.",
        {("Ana Lopes", "founded", "Routewise"), ("Ben Carter", "founded", "Routewise")},
    ),
    (
        "Irene Walsh has launched Fernhill Labs, an AI safety startup.",
        {("Irene Walsh", "founded", "Fernhill Labs")},
    ),
    # role changes
    (
        "Copperleaf Bank promoted Daniel Osei to chief risk officer.",
        {("Daniel Osei", "role_changed", "Copperleaf Bank")},
    ),
    (
        "Sara Lind will add the title of president at Mosaic Health, where she is chief operating officer.",
        {("Sara Lind", "role_changed", "Mosaic Health")},
    ),
    (
        "Drift Insurance chief financial officer Omar Haddad was named interim chief executive.",
        {("Omar Haddad", "role_changed", "Drift Insurance")},
    ),
    # succession
    (
        "Luca Ferrari succeeds Anna Weber as chief executive of Caldera Systems.",
        {("Luca Ferrari", "joined", "Caldera Systems"), ("Anna Weber", "left", "Caldera Systems")},
    ),
    (
        "Halo Retail named Priya Nair chief executive, replacing Mark Dolan, who is retiring.",
        {("Priya Nair", "joined", "Halo Retail"), ("Mark Dolan", "left", "Halo Retail")},
    ),
    # departure with destination
    (
        "Jonas Weber is departing Stripe for Plaid, where he will run risk.",
        {("Jonas Weber", "left", "Stripe"), ("Jonas Weber", "joined", "Plaid")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_phrasing_family(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(text) == expected


def test_several_people_in_one_sentence() -> None:
    text = (
        "Vantage Labs confirmed that its chief scientist Rhea Kapoor left on Friday. Hours later, "
        "research director Tomas Lind and product lead Ada Okafor also said they were leaving."
    )
    assert triples(text) == {
        ("Rhea Kapoor", "left", "Vantage Labs"),
        ("Tomas Lind", "left", "Vantage Labs"),
        ("Ada Okafor", "left", "Vantage Labs"),
    }


def test_appositive_title_and_org() -> None:
    text = "Nia Brooks, Helios Bank's chief operating officer, announced she is stepping down."
    [move] = moves(text)
    assert (move.person, move.direction, move.org) == ("Nia Brooks", "left", "Helios Bank")
    assert move.role == "chief operating officer"
    assert move.seniority == "c-level"


def test_possessive_org_and_team() -> None:
    text = "Leo Marsh will join Cobalt AI's pretraining team, led by Ines Duarte, next month."
    found = moves(text)
    assert {(m.person, m.direction, m.org) for m in found} == {("Leo Marsh", "joined", "Cobalt AI")}
    assert found[0].team == "pretraining"


def test_background_move_counts_but_bare_former_title_does_not() -> None:
    text = (
        "Ruth Adler, who left Zenith Bank last month, has co-founded Lumen Pay with former Visa executive Karl Stein."
    )
    assert triples(text) == {
        ("Ruth Adler", "left", "Zenith Bank"),
        ("Ruth Adler", "founded", "Lumen Pay"),
        ("Karl Stein", "founded", "Lumen Pay"),
    }


def test_left_and_joined_are_linked() -> None:
    found = moves("Ivo Petrak is leaving Kestrel Systems to join Arbor Cloud as chief technology officer.")
    by_dir = {m.direction: m for m in found}
    assert by_dir["left"].destination_org == "Arbor Cloud"
    assert by_dir["joined"].origin_org == "Kestrel Systems"
    assert by_dir["joined"].role == "chief technology officer"
