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
