"""Organisations named by description only resolve through configured aliases."""

from __future__ import annotations

from extract_helpers import triples

from tracker.extract import Resolver

RESOLVER = Resolver([("OpenAI", ["Open AI", "the ChatGPT maker"]), ("Anthropic", ["the Claude developer"])])


def test_description_alias_is_an_organisation() -> None:
    text = "Veteran researcher Lucas Moreau has joined the ChatGPT maker as a member of its safety team."
    assert triples(text, resolver=RESOLVER) == {("Lucas Moreau", "joined", "OpenAI")}


def test_alias_spelling_resolves_to_canonical_name() -> None:
    text = "Hanna Berg has left Open AI to join the Claude developer."
    assert triples(text, resolver=RESOLVER) == {
        ("Hanna Berg", "left", "OpenAI"),
        ("Hanna Berg", "joined", "Anthropic"),
    }


def test_without_alias_the_description_is_not_an_org() -> None:
    text = "Veteran researcher Lucas Moreau has joined the ChatGPT maker as a member of its safety team."
    assert triples(text) == set()
