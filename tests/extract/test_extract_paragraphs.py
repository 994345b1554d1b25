"""Line structure: a headline line never runs into the first sentence; hard wraps are joined."""

from __future__ import annotations

from tracker.extract import extract
from tracker.extract.sentences import split_sentences

BODY = (
    "SAN FRANCISCO — Nadia Petrov has joined Corvid Systems as head of a new applied research team, "
    "the company said on Tuesday, adding a well-known engineer to its growing group."
)


def test_headline_line_is_its_own_sentence_in_paragraph_text() -> None:
    sentences = split_sentences(f"Nadia Petrov joins Corvid Systems to lead research\n{BODY}\nShe starts in May.")
    assert sentences[0] == "Nadia Petrov joins Corvid Systems to lead research"
    assert sentences[1].startswith("Nadia Petrov has joined Corvid Systems")
    [move] = [
        m for m in extract(f"Nadia Petrov joins Corvid Systems to lead research\n{BODY}") if m.direction == "joined"
    ]
    assert not move.evidence.startswith("Nadia Petrov joins")  # the evidence is the article's sentence


def test_hard_wrapped_text_is_joined_and_blank_lines_end_paragraphs() -> None:
    text = "Corvid Systems has hired\nNadia Petrov as head of research. She starts\nin May.\n\nA second paragraph"
    assert split_sentences(text) == [
        "Corvid Systems has hired Nadia Petrov as head of research.",
        "She starts in May.",
        "A second paragraph",
    ]


def test_departure_links_to_the_hire_in_its_own_sentence_not_the_first_in_the_article() -> None:
    text = (
        "Nadia Petrov has joined Corvid Systems as head of research, the company said on Tuesday. "
        "Petrov, a founding engineer at Halden Labs, left Halden Labs in 2023 to start Quillpoint, a tutoring venture."
    )
    moves = {(m.direction, m.org): m for m in extract(text)}
    assert moves[("left", "Halden Labs")].destination_org == "Quillpoint"


def test_a_lone_departure_and_hire_link_across_sentences() -> None:
    text = "Nadia Petrov is leaving Halden Labs after six years. She will join Corvid Systems as head of research."
    moves = {(m.direction, m.org): m for m in extract(text)}
    assert moves[("left", "Halden Labs")].destination_org == "Corvid Systems"
    assert moves[("joined", "Corvid Systems")].origin_org == "Halden Labs"
