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
