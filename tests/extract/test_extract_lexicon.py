"""Round 14: word knowledge from outside the sentence (given names, family names, everyday English) types
names with no cue around them; tested on new sentences (none from the blind sets)."""

from __future__ import annotations

import pytest
from extract_helpers import moved, triples

from tracker.extract.lexicon import company_shaped, given_name, surname

CASES = [
    # a coined word and an everyday one, with no cue around them, name a company, not a person
    (
        "Vexa Signal said on Tuesday that co-founder Priit Kask has stepped down as chief executive.",
        {("Priit Kask", "left", "Vexa Signal")},
    ),
    # everyday words after a capitalised title name a unit inside the employer, not a second employer
    (
        "Halbrook Therapeutics said Nils Ekdahl, Senior Vice President, Translational Medicine, has been "
        "promoted to Chief Scientific Officer.",
        {("Nils Ekdahl", "role_changed", "Halbrook Therapeutics")},
    ),
    (
        "Corvel Freight Inc. named Dana Ruiz Vice President of Safety and Compliance. She joins from Tallis Logistics.",
        {("Dana Ruiz", "joined", "Corvel Freight"), ("Dana Ruiz", "left", "Tallis Logistics")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round14_lexicon_rule(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(text) == expected


@pytest.mark.parametrize(
    ("name", "company"),
    [
        (["Baobab", "Towers"], True),
        (["Vexa", "Signal"], True),
        (["Harold", "Kim"], False),  # a given name opens it
        (["Zhou", "Min"], False),  # a family name opens it
        (["Tamsin", "Ellery-Stone"], False),  # a joined surname ends it
        (["Rumi", "Das"], False),  # a family name ends it
        (["Public", "Service"], False),  # an everyday word opens it
    ],
)
def test_company_shaped(name: list[str], company: bool) -> None:
    assert company_shaped(name) is company


def test_name_lists_span_locales() -> None:
    assert given_name("Tamika") and given_name("Lars-Erik") and given_name("Sofía")
    assert surname("Okafor") or surname("Nakamura")
    assert not given_name("Towers") and not surname("Animation")


ARTICLE_CASES = [
    # a headline's short name is read as the organisation a later sentence names in full; a counted group
    # "of" an organisation ("two of the cooperative's most senior staff") waits for the next sentence's names
    (
        "Tarn Valley veterans strike out on their own\n\nTwo of the Tarn Valley Cooperative's most senior staff "
        "have resigned to start a company of their own. Ilse Brandt, the cooperative's finance director, and "
        'Joost Meer, its head of sales, said they would announce the name in June. "We loved Tarn Valley," '
        "Brandt said.",
        {("Ilse Brandt", "left", "Tarn Valley Cooperative"), ("Joost Meer", "left", "Tarn Valley Cooperative")},
    ),
    # one joins a firm "as partner", even one whose name looks like a person's
    (
        "Castell Wren has landed a disputes team from Hollis Ward. Lena Kraus and Piet Smit will join "
        "Castell Wren as partners in May.",
        {("Lena Kraus", "joined", "Castell Wren"), ("Piet Smit", "joined", "Castell Wren")},
    ),
    # "walked out of" a firm is a departure; out of its headquarters building it is not
    (
        "Three analysts walked out of Brisk Equity on Friday. Ana Lobo, Tim Sato and Rui Vaz have since "
        "joined Corran Partners.",
        moved(["Ana Lobo", "Tim Sato", "Rui Vaz"], "Brisk Equity", "Corran Partners"),
    ),
    (
        "Rui Vaz walked out of Brisk Equity's Lisbon headquarters for the last time in May, and has since "
        "joined Corran Partners.",
        {("Rui Vaz", "joined", "Corran Partners")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), ARTICLE_CASES)
def test_round14_article_rule(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(text) == expected
