"""Round 11: places written where people and employers stand, Arabic name particles, a first surname
used alone; one general rule each, tested on new sentences (none from the blind sets)."""

from __future__ import annotations

import pytest
from extract_helpers import triples

CASES = [
    # a place after "in" / "across" is where, not an employer; "New York" is one place, not "York"
    (
        "Carla Moss, who spent a decade in New York, joined Brindle Capital as a partner. "
        "She will be based in Lisbon, where Brindle opened an office last year.",
        {("Carla Moss", "joined", "Brindle Capital")},
    ),
    # a region widened by a compass word and a city of two words are neither people nor employers
    (
        "Harlow Retail hired Devi Menon to run its Kuala Lumpur office. Menon joins from Orbis Advisory, "
        "where she advised clients across Southeast Asia and northern England.",
        {("Devi Menon", "joined", "Harlow Retail"), ("Devi Menon", "left", "Orbis Advisory")},
    ),
    # "al-" and "el-" joined to a surname are part of the name
    (
        "Corvid Partners has hired Khalid el-Masri and Nadia al-Sharif as managing directors.",
        {("Khalid el-Masri", "joined", "Corvid Partners"), ("Nadia al-Sharif", "joined", "Corvid Partners")},
    ),
    # the first of two surnames, used alone, names the person who bears it
    (
        "Banco Litoral named Ana Lucía Quiroga Benítez as chief risk officer. Quiroga, who studied in "
        "Santiago, succeeds Marco Ibarra, who retires in May.",
        {
            ("Ana Lucía Quiroga Benítez", "joined", "Banco Litoral"),
            ("Marco Ibarra", "left", "Banco Litoral"),
        },
    ),
    # "joins the college from X": the description names the new employer, X the one left
    (
        "Marston College has hired Professor Eun-ji Park as dean of medicine. Professor Park joins the college "
        "from Calder University, where she has led the cardiology department since 2017.",
        {
            ("Eun-ji Park", "joined", "Marston College"),
            ("Eun-ji Park", "left", "Calder University"),
        },
    ),
    # a profile: a dated join "from" an employer, then a later dated appointment at the same place
    (
        "Rui Silva rarely gives interviews. Raised in Porto, Silva joined Tervo Steel as head of quality in "
        "2004 from Alcoa. He was appointed chief executive in 2016.",
        {
            ("Rui Silva", "joined", "Tervo Steel"),
            ("Rui Silva", "left", "Alcoa"),
            ("Rui Silva", "role_changed", "Tervo Steel"),
        },
    ),
    # "He replaces Y" after a sentence about the job left: the post taken, not the one left
    (
        "Estoril Town have appointed Brandon Achebe as head coach. Achebe leaves Harwick Rovers after three "
        "seasons. He replaces Tomas Lind, who was sacked in March.",
        {
            ("Brandon Achebe", "joined", "Estoril Town"),
            ("Brandon Achebe", "left", "Harwick Rovers"),
            ("Tomas Lind", "left", "Estoril Town"),
        },
    ),
    # two who quit together and started a company: left the employer told before, founded the new one
    (
        "Ada Moreau and Kofi Mensah spent a decade building trading systems at Halden Bank. In March they "
        "resigned, a day apart, and started Quillfield.",
        {
            ("Ada Moreau", "left", "Halden Bank"),
            ("Kofi Mensah", "left", "Halden Bank"),
            ("Ada Moreau", "founded", "Quillfield"),
            ("Kofi Mensah", "founded", "Quillfield"),
        },
    ),
    # department words inside a title ("Chief Underwriting Officer", "Litigation partner") are no employer;
    # a current title makes the appointment a step inside
    (
        "Pellam Mutual named Rosa Ibarra, currently Executive Vice President and Chief Underwriting Officer, "
        "as its next chief executive. Litigation partner Omar Haddad will take over as managing partner of "
        "Stroud Keel.",
        {("Rosa Ibarra", "role_changed", "Pellam Mutual"), ("Omar Haddad", "role_changed", "Stroud Keel")},
    ),
    # "arrived at the firm from X"; a predecessor past an appositive "will return to practice as" stays on
    (
        "Cobb Avery has hired Mara Lind as chief executive. She succeeds Paul Cobb, son of a founder, who will "
        "return to practice as a senior partner. Tax partner Ian Roe arrived at the firm from Linklaters in 2009.",
        {
            ("Mara Lind", "joined", "Cobb Avery"),
            ("Paul Cobb", "role_changed", "Cobb Avery"),
            ("Ian Roe", "joined", "Cobb Avery"),
            ("Ian Roe", "left", "Linklaters"),
        },
    ),
    # "Gov." titles a person; a ministry's portfolio may join two fields with "and"
    (
        "Gov. Alan Brightwater on Friday appointed Nora Vance to lead the Department of Labor and Workforce "
        "Development.",
        {("Nora Vance", "joined", "Department of Labor and Workforce Development")},
    ),
    # "Over at X," sets the scene: the promotion is at X, not at the employer of the story before
    (
        "Holt Capital hired Amir Shah from Blackstone. Over at Fenwick Partners, Lucy Dunn has been promoted "
        "to chief operating officer.",
        {
            ("Amir Shah", "joined", "Holt Capital"),
            ("Amir Shah", "left", "Blackstone"),
            ("Lucy Dunn", "role_changed", "Fenwick Partners"),
        },
    ),
    # "who had run X since 2019" makes the person an insider: the new post is a step inside
    (
        "Morrow Bank has hired Eva Holm as head of retail. The memo said Sam Okoro, who had run private "
        "banking since 2019, would become head of a new advisory unit.",
        {("Eva Holm", "joined", "Morrow Bank"), ("Sam Okoro", "role_changed", "Morrow Bank")},
    ),
    # "after nine years" is a span of time, not a clause: the relative clause's person still becomes
    (
        "The Harbour Gazette has promoted Lin Wei to editor. She replaces Omar Daly, who stepped down after "
        "eleven years to become head of press at the Northfield Trust.",
        {
            ("Lin Wei", "role_changed", "Harbour Gazette"),
            ("Omar Daly", "left", "Harbour Gazette"),
            ("Omar Daly", "joined", "Northfield Trust"),
        },
    ),
    # "After twelve years as X at Y, she joined Z": Y is the employer left; "came to the firm from X"
    (
        "After twelve years as a bond trader at Citibank, Rhea Patel joined Corran Capital in 2015. "
        "Her deputy, Tom Ash, came to the firm from HSBC in 2018.",
        {
            ("Rhea Patel", "joined", "Corran Capital"),
            ("Rhea Patel", "left", "Citibank"),
            ("Tom Ash", "joined", "Corran Capital"),
            ("Tom Ash", "left", "HSBC"),
        },
    ),
    # a predecessor who moved to another organisation left; he did not change role inside
    (
        "Pell Fund named Iris Moon chief executive. She succeeds Dan Kerr, who moved to the Treasury to become "
        "its chief economist.",
        {
            ("Iris Moon", "joined", "Pell Fund"),
            ("Dan Kerr", "left", "Pell Fund"),
            ("Dan Kerr", "joined", "Treasury"),
        },
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round11(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(text) == expected
