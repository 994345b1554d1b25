"""Round 6: places, datelines, initials, honorifics and "X of Y" names; one general rule each, tested on new
sentences (none of them from the blind sets)."""

from __future__ import annotations

import pytest
from extract_helpers import triples

from tracker.extract.places import is_place

CASES = [
    # a place modifying "company" describes the article's organisation; it is never the employer
    (
        "Corvid Analytics hires Lena Brandt as chief operating officer\n"
        "The logistics veteran, who ran planning at Maersk and DHL, has joined the Denver company as its "
        "operating chief.",
        {("Lena Brandt", "joined", "Corvid Analytics")},
    ),
    # a founding partner's company described by its city is the venture just named
    (
        "Tomas Rieck has started a robotics company called Gantry. He co-founded the Pittsburgh startup "
        "with Ana Sousa.",
        {("Tomas Rieck", "founded", "Gantry"), ("Ana Sousa", "founded", "Gantry")},
    ),
    # a nationality before an organisation noun is an adjective, not the employer being left
    (
        "Pernille Dahl, chief executive of Norwegian insurer Vestlund Forsikring, will join Allfield Group "
        "as finance chief.",
        {("Pernille Dahl", "joined", "Allfield Group"), ("Pernille Dahl", "left", "Vestlund Forsikring")},
    ),
    # a wire dateline with a state abbreviation is no organisation
    (
        "DAYTON, Ohio -- Brightwater Foods said on Monday that Greta Lund will join as chief financial officer.",
        {("Greta Lund", "joined", "Brightwater Foods")},
    ),
    (
        "RALEIGH, N.C., March 3 (Reuters) - Pinehurst Bank named Omar Diallo chief risk officer.",
        {("Omar Diallo", "joined", "Pinehurst Bank")},
    ),
    # initials and suffixes belong to the name; a later surname refers back to it
    (
        "Velora Corp. is bringing back R.J. Okafor as chief executive. Okafor replaces Dana Whitcomb, who "
        "will retire in June.",
        {("R.J. Okafor", "joined", "Velora"), ("Dana Whitcomb", "left", "Velora")},
    ),
    (
        "Marcus T. Bell Jr. is stepping down as chief executive of Halden Mills.",
        {("Marcus T. Bell Jr.", "left", "Halden Mills")},
    ),
    # "said on X." ends a sentence; X is no initial of the next name
    (
        "Leah Moreno said on X. Moreno joined Pivotal Robotics as chief scientist.",
        {("Leah Moreno", "joined", "Pivotal Robotics")},
    ),
    # an honorific is not part of the name
    (
        "Dame Harriet Cole will step down as chief executive of Ravensworth Insurance.",
        {("Harriet Cole", "left", "Ravensworth Insurance")},
    ),
    # "<institution> of <name>" and "<name> of <place>" are one organisation; "X of <company>" is not
    (
        "Ines Navarro has resigned as provost of the University of Leeds to join the Bank of New England as "
        "chief economist.",
        {
            ("Ines Navarro", "left", "University of Leeds"),
            ("Ines Navarro", "joined", "Bank of New England"),
        },
    ),
    (
        "Kenji Mori, president of Sakura Games of America, will retire in March.",
        {("Kenji Mori", "left", "Sakura Games of America")},
    ),
    (
        "Ana Ruiz of Northwind Capital said Tom Hale will join Quarry Labs as chief executive.",
        {("Tom Hale", "joined", "Quarry Labs")},
    ),
    (
        "AUSTIN, Texas, May 6, 2025 /PRNewswire/ -- Lantern Health today announced the appointment of "
        "Rhea Kapoor as chief nursing officer.",
        {("Rhea Kapoor", "joined", "Lantern Health")},
    ),
    # a time adverbial between a name-shaped subject and its hiring verb keeps it the hirer
    (
        "Ashford Keane on Thursday named Mila Ortiz as its next chief executive.",
        {("Mila Ortiz", "joined", "Ashford Keane")},
    ),
    # a shared post ("co-president") is a post inside the company: the new title is a role change
    (
        "Calder Trust named Ivo Petrov, co-president of the lender, as its next chief executive.",
        {("Ivo Petrov", "role_changed", "Calder Trust")},
    ),
    # a capitalised title ("Chief Commercial Officer") names no organisation
    (
        "Norbridge plc announced that Sam Okoye, Chief Commercial Officer, will succeed Ruth Hale as Chief "
        "Executive Officer.",
        {("Sam Okoye", "role_changed", "Norbridge"), ("Ruth Hale", "left", "Norbridge")},
    ),
    # a nationality formed from a country's name is an adjective ("Estonian economist")
    (
        "Kadri Tamm, an Estonian economist, has joined Baltic Ledger as chief economist.",
        {("Kadri Tamm", "joined", "Baltic Ledger")},
    ),
    # a stay bounded by a date or a transition ends a departure; it is no new role
    (
        "Wen Li will step down as chief executive of Harrow Foods and will remain with the company until "
        "March to support an orderly transition.",
        {("Wen Li", "left", "Harrow Foods")},
    ),
    (
        "Harrow Foods named Ola Berg finance chief. She succeeds Tim Rudd, who is retiring but will remain as "
        "an adviser through June.",
        {("Ola Berg", "joined", "Harrow Foods"), ("Tim Rudd", "left", "Harrow Foods")},
    ),
    # an unbounded stay in a new post is still a role change
    (
        "Wen Li will step down as chief executive of Harrow Foods and will remain executive chair.",
        {("Wen Li", "role_changed", "Harrow Foods")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round6(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(text) == expected


def test_places_fold_accents_and_cover_countries_states_and_towns() -> None:
    assert is_place("Zurich") and is_place("Zürich")
    assert is_place("Norway") and is_place("Ohio") and is_place("Cupertino")
    assert not is_place("Anthropic")
