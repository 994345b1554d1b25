"""Surnames and pronouns resolve to the full name given earlier in the article."""

from __future__ import annotations

from extract_helpers import moves, triples


def test_surname_resolves_to_full_name() -> None:
    text = (
        "Greta Holm has spent a decade building Northlight's search products. "
        "Holm is leaving Northlight to join Pinecone Systems."
    )
    assert triples(text) == {
        ("Greta Holm", "left", "Northlight"),
        ("Greta Holm", "joined", "Pinecone Systems"),
    }


def test_pronoun_resolves_to_previous_person() -> None:
    text = "Andre Silva ran the payments group at Monzo for five years. He has now joined Wise as head of product."
    found = moves(text)
    assert ("Andre Silva", "joined", "Wise") in {(m.person, m.direction, m.org) for m in found}
    joined = next(m for m in found if m.direction == "joined")
    assert joined.role == "head of product"
    # a pronoun-resolved subject is a little less certain than a named one
    named = moves("Andre Silva has now joined Wise as head of product.")[0]
    assert joined.confidence < named.confidence


def test_plural_pronoun_takes_the_named_group() -> None:
    text = "Engineering lead Mia Novak and research scientist Omar Farouk said they were leaving Delta Robotics."
    assert triples(text) == {
        ("Mia Novak", "left", "Delta Robotics"),
        ("Omar Farouk", "left", "Delta Robotics"),
    }


def test_two_people_sharing_a_surname_stay_apart() -> None:
    text = "Lena Park and Daniel Park have left Sable Games to start Moonrise, a new studio."
    found = triples(text)
    assert ("Lena Park", "founded", "Moonrise") in found
    assert ("Daniel Park", "founded", "Moonrise") in found
