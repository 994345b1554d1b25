"""Multi-paragraph articles: "the company" resolution, past jobs and clause-bound dates."""

from __future__ import annotations

from tests.extract.extract_helpers import triples
from tracker.extract.sentences import split_sentences


def test_a_letter_glued_to_a_word_ends_the_sentence() -> None:
    out = split_sentences("She led the launches of Gemini and DALL·E. Park joined Vela in 2019. J. Smith left.")
    assert out == ["She led the launches of Gemini and DALL·E.", "Park joined Vela in 2019.", "J. Smith left."]


def test_the_company_never_resolves_to_a_product_named_in_passing() -> None:
    text = (
        "Lena Ortiz is leaving Corvid Labs, where she has been chief product officer since 2021. "
        "She thanked the teams she led through the launches of Nimbus and Stratus. "
        "Two other senior leaders, research chief Paul Grant and vice president Ada Lin, also said they were "
        "leaving the company."
    )
    got = triples(text)
    assert ("Paul Grant", "left", "Corvid Labs") in got
    assert ("Ada Lin", "left", "Corvid Labs") in got
    assert not any(org in ("Nimbus", "Stratus") for _p, _d, org in got)
