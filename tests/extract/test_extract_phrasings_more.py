"""Less common news phrasings: nominal forms, hand-overs, wire style, list appointments."""

from __future__ import annotations

import pytest
from extract_helpers import moves, triples

CASES = [
    (
        "The board of Marsh Robotics accepted the resignation of chief operating officer Ada Lind.",
        {("Ada Lind", "left", "Marsh Robotics")},
    ),
    (
        "Torvik Bank's chief executive Ellen Sato announced her retirement on Thursday.",
        {("Ellen Sato", "left", "Torvik Bank")},
    ),
    (
        "Pera Foods announced the appointment of Hugo Marin as chief financial officer.",
        {("Hugo Marin", "joined", "Pera Foods")},
    ),
    (
        "The board of Kessler Group fired chief executive Ivan Roth on Sunday.",
        {("Ivan Roth", "left", "Kessler Group")},
    ),
    (
        "Analysts expect Dorn Media to replace departing chief financial officer Lea Weiss next year.",
        {("Lea Weiss", "left", "Dorn Media")},
    ),
    (
        "Osprey Cloud's chief executive, Ken Ito, will hand the reins to president Mia Ford in May "
        "and become executive chairman.",
        {("Mia Ford", "role_changed", "Osprey Cloud"), ("Ken Ito", "role_changed", "Osprey Cloud")},
    ),
    (
        "Arlo Finance's new chief technology officer is Priya Menon, who previously led engineering at Wise.",
        {("Priya Menon", "joined", "Arlo Finance")},
    ),
    (
        "After a decade at Siemens, Jonas Kraft has joined Voltra Energy as chief operating officer.",
        {("Jonas Kraft", "joined", "Voltra Energy"), ("Jonas Kraft", "left", "Siemens")},
    ),
    (
        "Meridian Labs, founded in 2020 by former Intel engineers Sam Cole and Rita Park, raised $12 million.",
        {("Sam Cole", "founded", "Meridian Labs"), ("Rita Park", "founded", "Meridian Labs")},
    ),
    (
        "Two years after co-founding Quill AI, Maya Torres is leaving the company.",
        {("Maya Torres", "founded", "Quill AI"), ("Maya Torres", "left", "Quill AI")},
    ),
    (
        "Hollis Insurance named two new directors: Dr. Ana Ruiz, a former regulator, and Tom Hale, "
        "the chief financial officer of Brant Bank.",
        {("Ana Ruiz", "joined", "Hollis Insurance"), ("Tom Hale", "joined", "Hollis Insurance")},
    ),
    (
        "Cora Lee, who stepped down as chief executive of Fenwick in March, is joining the board of Lumo Energy.",
        {("Cora Lee", "left", "Fenwick"), ("Cora Lee", "joined", "Lumo Energy")},
    ),
    (
        "Wes Park, the chief operating officer of Lumen Bank, was named chief executive of rival Harbor Trust.",
        {("Wes Park", "joined", "Harbor Trust"), ("Wes Park", "left", "Lumen Bank")},
    ),
    (
        "Bea Long will take the helm at Nordic Rail in May, succeeding longtime chief executive Olaf Berg.",
        {("Bea Long", "joined", "Nordic Rail"), ("Olaf Berg", "left", "Nordic Rail")},
    ),
    (
        "Lia Chen resigned on Monday to take a job at Crestview Partners.",
        {("Lia Chen", "joined", "Crestview Partners")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_phrasing(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(text) == expected


def test_wire_dateline_and_capitalised_titles() -> None:
    text = (
        "LONDON, May 2 (Reuters) - Vantor Cloud said Chief Executive Officer Paul Hines would step down. "
        "The company named Chief Operating Officer Dana Moss as his successor."
    )
    found = triples(text)
    assert ("Paul Hines", "left", "Vantor Cloud") in found
    assert all(not person.startswith(("Officer", "Chief")) for person, _d, _o in found)
    assert all(org != "LONDON" for _p, _d, org in found)


def test_current_job_stated_in_a_later_sentence() -> None:
    text = (
        "Nadia Kerr will join Orbis Bank as chief economist next month. "
        "She is currently a senior economist at the European Central Bank."
    )
    found = {(m.person, m.direction, m.org): m for m in moves(text)}
    assert ("Nadia Kerr", "left", "European Central Bank") in found
    assert found[("Nadia Kerr", "left", "European Central Bank")].destination_org == "Orbis Bank"


def test_transition_adviser_role_is_not_a_second_move() -> None:
    text = "Harlan Fink is leaving Marlowe Commerce after nine years. Fink will stay on as an adviser until June."
    assert triples(text) == {("Harlan Fink", "left", "Marlowe Commerce")}


@pytest.mark.parametrize(
    "text",
    [
        "Orion Robotics launched a warehouse robot, and chief executive Mei Lin said shipping would start soon.",
        "Nimbus Pay and Ferro Bank have joined forces to offer instant payouts.",
        "Interest rates were left unchanged, and Federal Reserve chair Jerome Powell said the bank would wait.",
        "Kinetic Labs has named its new flagship model Atlas.",
        "Marina Costa has been named to Fortune's list of the most powerful women in business.",
        "Reports that Marta Silva would join Ridgeline Capital as a partner were premature; talks are ongoing.",
        "Greenleaf Bank has frozen hiring, chief executive Dana Morrow told staff on Thursday.",
        "Investors speculated that Finch Labs could replace its chief executive, Owen Tate.",
    ],
)
def test_more_silence(text: str) -> None:
    assert triples(text) == set()
