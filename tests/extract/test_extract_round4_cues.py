"""Round-4 classes (silencing cues, verb lexicon gaps, plural-noun subjects, surname particles), tested on
new sentences."""

from __future__ import annotations

import pytest
from extract_helpers import triples

SILENCED = [
    # a guess floated by outsiders
    "Several bankers have floated the possibility that Nordwind could acquire Selvo or hire away its founder, "
    "Petra Lund.",
    # a denial of a report, in the person's own words
    "Kestrel Bio co-founder Amir Haddad brushed off reports that he was about to leave the biotech for Pfizer, "
    "telling staff he is not going anywhere.",
    # "absolutely false" in single or curly quotes
    "A Corvane spokesman said a report that chief executive Lena Brandt would leave for Siemens was "
    "'absolutely false'.",
    "Orlix chair Tom Weir said a story claiming chief executive Nadia Sorensen had resigned was ‘absolutely false’.",
    # a leave told as time away, and cover in the person's absence
    "Jonas Berg is leaving his post at Halvard Energy for a few months, taking time away from the company for "
    "health reasons.",
    "Marta Quist said she would step back for a few weeks. Her deputies will run Fenwick Labs in her absence "
    "and she expects the leave to be brief.",
    # a plan under discussion
    "Partners at Arbor Capital have discussed hiring an outside president to work alongside founder Ellen Voss, "
    "but nobody has been contacted yet.",
]


@pytest.mark.parametrize("text", SILENCED)
def test_silencing_cue(text: str) -> None:
    assert triples(text) == set()


def test_successor_speculation_silences_only_its_clause() -> None:
    text = (
        "Grant Olsen resigned as chief executive of Maribo Shipping on Tuesday, and finance chief Ida Lund is "
        "widely seen as the front-runner to succeed him."
    )
    assert triples(text) == {("Grant Olsen", "left", "Maribo Shipping")}
    text = "Soren Kai will retire from Tellum Bank in March; Ana Ruiz of Banco Norte is the favourite to replace him."
    assert triples(text) == {("Soren Kai", "left", "Tellum Bank")}


PLURAL_SUBJECTS = [
    # a sentence-initial plural common noun is a group of people, never the organisation that hires
    (
        "Shareholders chose Kiran Das to replace Paul Brook as chief executive of Harlow Mining.",
        {("Kiran Das", "joined", "Harlow Mining"), ("Paul Brook", "left", "Harlow Mining")},
    ),
    # ... and "will not stand for re-election" is the exit that "succeed her" refers back to
    (
        "Lena Marsh, the chair of Tivoli Foods, said she would not stand for re-election in May. Shareholders "
        "backed Omar Reyes, a former Unilever executive, to succeed her as chair.",
        {("Lena Marsh", "left", "Tivoli Foods"), ("Omar Reyes", "joined", "Tivoli Foods")},
    ),
    # a multi-word name starting with such a noun is still an organisation
    (
        "Partners Group hired Mia Tan from Blackstone.",
        {("Mia Tan", "joined", "Partners Group"), ("Mia Tan", "left", "Blackstone")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), PLURAL_SUBJECTS)
def test_plural_noun_subject(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(text) == expected


PARTICLES = [
    # a surname particle capitalised at the start of a sentence still names the person given in full
    (
        "Pieter van Dijk will leave Philips in June, the company said. Van Dijk is expected to join ASML as "
        "chief financial officer.",
        {("Pieter van Dijk", "left", "Philips"), ("Pieter van Dijk", "joined", "ASML")},
    ),
    (
        "Carla di Santo has resigned from Enel. Di Santo will become chief executive of Snam.",
        {("Carla di Santo", "left", "Enel"), ("Carla di Santo", "joined", "Snam")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), PARTICLES)
def test_surname_particle(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(text) == expected


LEXICON = [
    # "heading back to X" is a return: joined X (and the stated exit stands)
    (
        "Dana Holt is leaving Accel after four years and heading back to Sequoia Capital as a partner.",
        {("Dana Holt", "left", "Accel"), ("Dana Holt", "joined", "Sequoia Capital")},
    ),
    ("Maria Lopez is moving back to Stripe as head of payments.", {("Maria Lopez", "joined", "Stripe")}),
    # "lured X away from Y": joined the subject, left Y; "lured" makes the subject an organisation
    (
        "Harrow Foods has lured Nina Patel away from Unilever to run its snacks division.",
        {("Nina Patel", "joined", "Harrow Foods"), ("Nina Patel", "left", "Unilever")},
    ),
    # the hire's purpose clause ("to serve as its ...") after "where he ..." is no second move
    (
        "Orrin Labs has poached Tom Vance from Siemens, where he ran industrial software, to serve as its chief "
        "technology officer.",
        {("Tom Vance", "joined", "Orrin Labs"), ("Tom Vance", "left", "Siemens")},
    ),
    # "takes the CTO title at X": a join
    ("Ana Kurz takes the chief operating officer title at Halvard Energy.", {("Ana Kurz", "joined", "Halvard Energy")}),
    # "<org> pushed out / forced out chief executive X": X left the organisation
    ("Orrin Labs forced out chief executive Jeb Marsh on Tuesday.", {("Jeb Marsh", "left", "Orrin Labs")}),
    ("Kim Oda was pushed out of Halvard Energy in March.", {("Kim Oda", "left", "Halvard Energy")}),
    # going back to an earlier title is a role change at the same employer, not an exit
    (
        "Tellum Bank named Rosa Diaz chief executive. She takes over from interim chief Ben Ortiz, who will go "
        "back to his previous role as chief risk officer.",
        {("Rosa Diaz", "joined", "Tellum Bank"), ("Ben Ortiz", "role_changed", "Tellum Bank")},
    ),
    (
        "Tellum Bank named Rosa Diaz chief executive. She succeeds Ben Ortiz, who has led the bank on an interim "
        "basis since last spring and will go back to being its chief risk officer.",
        {("Rosa Diaz", "joined", "Tellum Bank"), ("Ben Ortiz", "role_changed", "Tellum Bank")},
    ),
    # "succeeds X, who has led the bank since ...": the tenure is the predecessor's, the appointee still joins
    (
        "Tellum Bank named Rosa Diaz chief executive. She succeeds Ben Ortiz, who has led the bank since 2019.",
        {("Rosa Diaz", "joined", "Tellum Bank"), ("Ben Ortiz", "left", "Tellum Bank")},
    ),
    # an insider stepping in / up as chief executive changes role
    (
        "Halvard Energy said chief executive Tom Reyes had resigned. Lina Park, the company's finance chief, has "
        "stepped in as interim CEO.",
        {("Tom Reyes", "left", "Halvard Energy"), ("Lina Park", "role_changed", "Halvard Energy")},
    ),
    (
        "Kettle Foods will keep its brand, with operations chief Dev Rao stepping up as chief executive.",
        {("Dev Rao", "role_changed", "Kettle Foods")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), LEXICON)
def test_lexicon(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(text) == expected
