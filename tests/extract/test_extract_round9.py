"""Round 9: institutions named "X of the Y", short given names, careers told in passing, an interim's
old post, board committees; one general rule each, tested on new sentences (none from the blind sets)."""

from __future__ import annotations

import pytest
from extract_helpers import triples

CASES = [
    # an institution's name keeps its "of the", and its acronym then names it
    (
        "Dana Whitfield is leaving the Office of the Director of Public Prosecutions to join Marlow & Finch. "
        "The ODPP named Owen Tate acting director.",
        {
            ("Dana Whitfield", "left", "Office of the Director of Public Prosecutions"),
            ("Dana Whitfield", "joined", "Marlow & Finch"),
            ("Owen Tate", "role_changed", "Office of the Director of Public Prosecutions"),
        },
    ),
    # a given name cut short ("Rob") names the one person it can, not an organisation
    (
        "Pellucid Bio named Robert Anand chief executive. Before that he ran research at Corvane. "
        '"Rob knows our science," said chair Ines Ward.',
        {("Robert Anand", "joined", "Pellucid Bio")},
    ),
    # a career told in passing ("most recently served at", "Before X,") does not change whose story it is
    (
        "Tamsin Bio appointed Leo Varga as chief medical officer. Varga most recently served as head of "
        "development at Orrin Pharma. Before Orrin, he worked at Medlane. Varga succeeds Jo Reed, who will "
        "retire in June.",
        {
            ("Leo Varga", "joined", "Tamsin Bio"),
            ("Leo Varga", "left", "Orrin Pharma"),
            ("Jo Reed", "left", "Tamsin Bio"),
        },
    ),
    # an interim who returns to the post held before takes a title again, and does not leave
    (
        "Quarry Labs hired Nina Ostrova as chief financial officer, succeeding Paul Ibe, who had served as "
        "interim CFO since May. Ibe will return to his previous role as vice president of finance.",
        {("Nina Ostrova", "joined", "Quarry Labs"), ("Paul Ibe", "role_changed", "Quarry Labs")},
    ),
    # a board committee is a body of the company, not another employer
    (
        "Vellum Energy said Marta Quist has joined its board and will chair the Nominating and Governance Committee.",
        {("Marta Quist", "joined", "Vellum Energy")},
    ),
    # an opponent ("against X") is not the sentence's organisation
    (
        "Hallam Rovers have dismissed manager Ade Cole. The club said Ben Pryor would join as caretaker manager, "
        "starting with Saturday's match against Kirkby Town.",
        {("Ade Cole", "left", "Hallam Rovers"), ("Ben Pryor", "joined", "Hallam Rovers")},
    ),
    # "She joins X from Y, succeeding Z, who retired": Y is her origin, not Z's employer
    (
        "Delphine Ardent Corp hired Jo Park as chief executive. She joins Ardent from Pell Systems, succeeding "
        "Rui Costa, who retired after a decade as chief executive.",
        {
            ("Jo Park", "joined", "Delphine Ardent"),
            ("Jo Park", "left", "Pell Systems"),
            ("Rui Costa", "left", "Ardent"),
        },
    ),
    # a place before a company's description locates it ("Lisbon fintech Pagaleve")
    (
        "Mara Quint has left Lisbon fintech Pagaleve to join Stripe.",
        {("Mara Quint", "left", "Pagaleve"), ("Mara Quint", "joined", "Stripe")},
    ),
    # a press release's title-case dateline after its headline
    (
        "Brightwater names finance chief\n\nOslo, 3 June 2025 – Brightwater ASA has appointed Lene Dahl as chief "
        "financial officer.",
        {("Lene Dahl", "joined", "Brightwater ASA")},
    ),
    # "Until X takes office, Y will remain CEO": the end of a tenure, no new title
    (
        "Corvel Group named Ana Reyes chief executive. Until Reyes takes office, Tom Hale will remain chief executive.",
        {("Ana Reyes", "joined", "Corvel Group")},
    ),
    # a division named inside a title belongs to the organisation after it
    (
        "Pilar Ruiz is currently head of the Payments division at Norbank and will join Vexa as chief operating "
        "officer.",
        {("Pilar Ruiz", "joined", "Vexa"), ("Pilar Ruiz", "left", "Norbank")},
    ),
    # departments inside capitalised titles are not employers
    (
        "Carrow Capital appoints Jun Ito as Head of Fixed Income. Ito joins from Brenner Partners, where he was "
        "Chief Investment Officer, Credit.",
        {("Jun Ito", "joined", "Carrow Capital"), ("Jun Ito", "left", "Brenner Partners")},
    ),
    # "Current chairman X" opens with an adjective, not a name
    (
        "Lumora Health named Ken Ode chief executive. Current chairman Sam Price will step down from the board.",
        {("Ken Ode", "joined", "Lumora Health"), ("Sam Price", "left", "Lumora Health")},
    ),
    # "chief executive of state lender X": a description, then the name; "He replaces Y": the post just taken
    (
        "Deputy minister Ola Berg will leave the treasury to become chief executive of state lender Banca Verde. "
        "He replaces Ida Moro, who resigned in May.",
        {("Ola Berg", "joined", "Banca Verde"), ("Ida Moro", "left", "Banca Verde")},
    ),
    # an institution "for" a cause keeps its whole name
    (
        "The Carver Foundation for Science and Society has named Ruth Obi as its president.",
        {("Ruth Obi", "joined", "Carver Foundation for Science and Society")},
    ),
    # a two-letter brand written in mixed case is the short form of a name spelled out earlier
    (
        "Varta Idea Ltd has named Anil Rao chief financial officer. Rao rejoins Vi from Jio, where he ran treasury.",
        {("Anil Rao", "joined", "Varta Idea"), ("Anil Rao", "left", "Jio")},
    ),
    # particles inside organisation names ("do"), and "steelmaker X" names a company
    (
        "Chilean miner Cobre do Norte named Ana Leal as chief executive, replacing Rui Vaz, who is leaving to "
        "become chief executive of steelmaker Aço Verde.",
        {
            ("Ana Leal", "joined", "Cobre do Norte"),
            ("Rui Vaz", "left", "Cobre do Norte"),
            ("Rui Vaz", "joined", "Aço Verde"),
        },
    ),
    # "Professor" and "economist" say what someone is, not a post already held; "St X's" opens an
    # institution's name; "General" continues one; "moves from X" leaves X
    (
        "Harlow General Hospital has appointed Professor Mary Kerr as chief nursing officer. She moves from "
        "St Brendan's University Hospital, where she was chief nurse.",
        {("Mary Kerr", "joined", "Harlow General Hospital"), ("Mary Kerr", "left", "St Brendan's University Hospital")},
    ),
    (
        "The president named economist Ana Ruiz as chief executive of state utility Energia Sur.",
        {("Ana Ruiz", "joined", "Energia Sur")},
    ),
    # degrees after a name and a title-case headline's verbs are not organisations
    (
        "Corvane Bio Appoints Lena Ford, M.D., Ph.D., as Chief Medical Officer\n\nCorvane Bio today announced the "
        "appointment of Lena Ford, M.D., Ph.D., as chief medical officer. She succeeds Tom Lake, M.D., who is "
        "retiring.",
        {("Lena Ford", "joined", "Corvane Bio"), ("Tom Lake", "left", "Corvane Bio")},
    ),
    (
        "Basin Ridge Resources Announces CEO Succession\n\nBasin Ridge Resources said Carl Moe will retire as chief "
        "executive.",
        {("Carl Moe", "left", "Basin Ridge Resources")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round9(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(text) == expected
