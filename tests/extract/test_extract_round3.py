"""Classes found on blind sets 31-32; one general rule each, tested on new sentences."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_helpers import triples

from tracker.extract import Move, extract

CASES = [
    # a sentence-initial "Among them is X" is no organisation; "leaving to start Y" leaves the
    # article's company, never the one being started
    (
        "Three senior engineers have quit Vortexa in the past month. Among them is Igor Babic, a co-founder, "
        "who said he was leaving to start a venture firm, Babic Ventures.",
        {("Igor Babic", "left", "Vortexa"), ("Igor Babic", "founded", "Babic Ventures")},
    ),
    # a product before the title ("Photoshop designer") gives way to the origin the sentence states
    (
        "Vantor has hired Photoshop designer Kim Alder from Adobe.",
        {("Kim Alder", "joined", "Vantor"), ("Kim Alder", "left", "Adobe")},
    ),
    # a regional adjective in a title ("head of Asian equities") is no organisation, and a successor
    # who already holds a post with no other employer named is an insider
    (
        "Halden Bank said that Emma Whitfield will retire. She will be replaced by Raj Mehta, currently "
        "head of Asian equities.",
        {("Emma Whitfield", "left", "Halden Bank"), ("Raj Mehta", "role_changed", "Halden Bank")},
    ),
    # an interim post made permanent is a new title inside, not a hire
    (
        "Vell Aerospace on Monday named Tom Reyes chief executive of its space unit, making permanent a role "
        "he had held on an interim basis since May.",
        {("Tom Reyes", "role_changed", "Vell Aerospace")},
    ),
    # "returning to the telecoms group": a return goes back to the employer the article says was left
    (
        "Quinn returns to Nortel\nTara Quinn, who left Nortel in 2020 to start Harbor Analytics, is returning to the "
        "telecoms group as chief strategy officer.",
        {
            ("Tara Quinn", "left", "Nortel"),
            ("Tara Quinn", "founded", "Harbor Analytics"),
            ("Tara Quinn", "joined", "Nortel"),
        },
    ),
    # "and become" after a prepositional object shares the first subject; "the X company's" is the
    # subject's own employer
    (
        "Corva chief executive Lee Park will hand over day-to-day control to Halden executive Ana Cruz and "
        "become the logistics company's executive chair.",
        {("Lee Park", "role_changed", "Corva")},
    ),
    # "head of its U.S. business" is an insider's title, not an employer called "U.S"
    (
        "Corra Retail said that Ana Lima, head of its U.S. business, would succeed Tom Hale as chief executive.",
        {("Ana Lima", "role_changed", "Corra Retail"), ("Tom Hale", "left", "Corra Retail")},
    ),
    # a later sentence saying the appointee "has led the company's X since 2019" shows an insider
    (
        "Brook Foods has named Ana Lima its chief executive. She has run the company's European arm since 2021.",
        {("Ana Lima", "role_changed", "Brook Foods")},
    ),
    (
        "Brook Foods has named Ana Lima its chief executive. Lima has run Tesco's European arm since 2021.",
        {("Ana Lima", "joined", "Brook Foods")},
    ),
    # an acronym of an organisation the article spelled out is that organisation
    (
        "Lambda has appointed Carla Moreno as its chief revenue officer.\nMoreno spent 11 years at Amazon Web "
        "Services, where she ran sales.\nShe left AWS in October.",
        {("Carla Moreno", "joined", "Lambda"), ("Carla Moreno", "left", "Amazon Web Services")},
    ),
    # "replaced on Sept. 1 by X": a dated phrase between the verb and "by"
    (
        "Vell said chief executive Tom Reyes had resigned and would be replaced on Sept. 1 by Ana Lima, a "
        "former chief executive of Opel.",
        {("Tom Reyes", "left", "Vell"), ("Ana Lima", "joined", "Vell")},
    ),
    # "has taken on the additional role of X": a second title inside the same organisation
    (
        "Vell's president Tom Reyes has taken on the additional role of chief operating officer.",
        {("Tom Reyes", "role_changed", "Vell")},
    ),
    # "X's new startup, Y, has hired Z": the appositive is the hiring organisation, its possessor a person
    (
        "Tara Quinn's new startup, Harbor Analytics, has hired Tom Hale from Stripe.",
        {("Tom Hale", "joined", "Harbor Analytics"), ("Tom Hale", "left", "Stripe")},
    ),
    # "started X in 2019 with Y": starting something with a named partner is a founding, every name counts
    (
        "Two former Google researchers, Ana Lima and Tom Hale, started Vireo in Lisbon in 2021 with Kim Alder.",
        {("Ana Lima", "founded", "Vireo"), ("Tom Hale", "founded", "Vireo"), ("Kim Alder", "founded", "Vireo")},
    ),
    ("Ana Lima started Monday with Tom Hale at her side.", set()),
    # "will be led by X": a new title for an insider, silence when nothing says where X works
    (
        "Vell said chief executive Tom Reyes will leave at the end of March. His cloud unit will be led by "
        "Ana Lima, who has been at Vell since 2009.",
        {("Tom Reyes", "left", "Vell"), ("Ana Lima", "role_changed", "Vell")},
    ),
    ("Vell said the unit will be led by Tom Hale.", set()),
    # "expected more researchers to leave": the infinitive's subject is the plural noun, not the speaker
    (
        "Halden Capital partner Tom Hale said he expected more researchers to leave big labs for startups.",
        set(),
    ),
    # the hirer is the subject before its appositive, not an organisation the appositive names
    (
        "Vireo AI, the Lisbon startup founded by former Google researchers Ana Lima and Tom Hale, has hired "
        "Kim Alder from Stripe as its head of engineering.",
        {
            ("Ana Lima", "founded", "Vireo AI"),
            ("Tom Hale", "founded", "Vireo AI"),
            ("Kim Alder", "joined", "Vireo AI"),
            ("Kim Alder", "left", "Stripe"),
        },
    ),
    # "the departure of Vell chief executive X, who is joining Y": Vell is X's employer, not Y
    (
        "The departure of Vell chief executive Ana Lima, who is joining Stripe to run its payments business, "
        "was announced on Wednesday.",
        {("Ana Lima", "left", "Vell"), ("Ana Lima", "joined", "Stripe")},
    ),
    # "will succeed her" right after a departure: the person whose exit was just told
    (
        "Vell said chief executive Ana Lima will leave in June. Tom Hale, Vell's chief business officer, "
        "will succeed her.",
        {("Ana Lima", "left", "Vell"), ("Tom Hale", "role_changed", "Vell")},
    ),
    ("Tom Hale praised Ana Lima. Kim Alder will succeed her.", set()),
    (
        "The departure of Vell chief executive Ana Lima, who is joining Stripe to run its payments business, "
        "was announced on Wednesday. Tom Hale, Vell's chief business officer, will succeed her.",
        {("Ana Lima", "left", "Vell"), ("Ana Lima", "joined", "Stripe"), ("Tom Hale", "role_changed", "Vell")},
    ),
    # "replacing X, who was named chief executive": the predecessor moved up inside
    (
        "Corra Bank said Ana Lima, its chief risk officer, would become chief financial officer, replacing "
        "Tom Hale, who was named chief executive.",
        {("Ana Lima", "role_changed", "Corra Bank"), ("Tom Hale", "role_changed", "Corra Bank")},
    ),
    # "at Meta who worked on Llama": the object of "worked on" is a product, not the employer
    (
        "Vell AI has hired Tom Hale, a research scientist at Corra who worked on Zephyr.",
        {("Tom Hale", "joined", "Vell AI"), ("Tom Hale", "left", "Corra")},
    ),
    # "Ex-Tesla Autopilot chief X": the prefix marks a former job, not part of an organisation's name;
    # "General Motors" is an organisation although "General" is a title word
    (
        "Ex-Tesla Autopilot chief Ana Lima has been named chief product officer of General Motors.",
        {("Ana Lima", "joined", "General Motors")},
    ),
    # "left Elon Musk's AI company": a company described through its owner is the person's employer
    (
        "Tom Hale, a co-founder of Vireo, has left Ana Lima's AI company, he said on Wednesday.",
        {("Tom Hale", "left", "Vireo")},
    ),
    # "X, the outgoing chief executive of Renault, would become its CEO": the title's organisation is left
    (
        "Corra said that Tom Hale, the outgoing chief executive of Vell, would become its chief executive.",
        {("Tom Hale", "left", "Vell"), ("Tom Hale", "joined", "Corra")},
    ),
    # a reappointment keeps the same job
    ("Vell appointed Tom Hale to a fifth term as chief executive on Friday.", set()),
    # "would move to a part-time advisory role": a new post with the same employer
    (
        "Vell said Tom Hale, its co-founder and chief science officer, would move to a part-time advisory role.",
        {("Tom Hale", "role_changed", "Vell")},
    ),
    # "departed in January to join the venture firm A24": a purpose clause after a date names the next
    # employer, never the one left; the description is followed by the organisation's name
    (
        "Tom Hale, Vell's former chief strategy officer, departed in January to join the venture firm Corra "
        "as a partner.",
        {("Tom Hale", "left", "Vell"), ("Tom Hale", "joined", "Corra")},
    ),
    ("Tom Hale departed in January to join the venture firm Corra as a partner.", {("Tom Hale", "joined", "Corra")}),
    # "will become sole chief executive after Y moves to the role of chief scientist": two new titles inside
    (
        "Vell's co-chief executive Ana Lima will become sole chief executive after Tom Hale moves to the role "
        "of chief scientist, the company said.",
        {("Ana Lima", "role_changed", "Vell"), ("Tom Hale", "role_changed", "Vell")},
    ),
    # "X most recently ran Y at Z" after a hire: Z is the employer just left
    (
        "Vell named former Tesla executive Ana Lima as vice president of battery engineering. Lima most recently "
        "ran cell development at Corra's Nevada plant.",
        {("Ana Lima", "joined", "Vell"), ("Ana Lima", "left", "Corra")},
    ),
    # a name after a job title is a person even as a possessor ("executive Ana Lima's deputy")
    (
        "Corra has hired former Vell executive Ana Lima's deputy, Tom Hale, as head of product. Hale joins from "
        "Vell, where he spent four years.",
        {("Tom Hale", "joined", "Corra"), ("Tom Hale", "left", "Vell")},
    ),
    # "Volvo Cars"-style names end in an industry word
    (
        "Halden Cars said chief executive Tom Hale would leave the company.",
        {("Tom Hale", "left", "Halden Cars")},
    ),
    # a handover to someone "previously chief operating officer" (no other employer) by a founder who
    # "will focus on research": two new titles inside
    (
        "Vell founder Tom Hale has handed the chief executive role to Ana Lima, previously chief operating "
        "officer, and will focus on research, the company said.",
        {("Tom Hale", "role_changed", "Vell"), ("Ana Lima", "role_changed", "Vell")},
    ),
    # "will remain president" alone keeps the job; beside a step-down it is a new title
    ("Vell's co-founder Tom Hale will remain president, the company said.", set()),
    (
        "Vell said Ana Lima, who had been interim chief executive since February, would stay on as chief "
        "executive permanently.",
        {("Ana Lima", "role_changed", "Vell")},
    ),
    (
        "Vell chief executive Tom Hale will step down in June but remain executive chair.",
        {("Tom Hale", "role_changed", "Vell")},
    ),
    # "X's former deputy": a relation only a person has, so X is no employer
    (
        "Corra has lured Ana Lima's former deputy at Vell, Tom Hale, to become its chief security officer.",
        {("Tom Hale", "joined", "Corra")},
    ),
    # "Vell chief executive X, who left Google in 2019 to co-found the company": the company X runs
    (
        "Vell chief executive Tom Hale, who left Google in 2019 to co-found the company, testified on Tuesday.",
        {("Tom Hale", "left", "Google"), ("Tom Hale", "founded", "Vell")},
    ),
    # "including senior engineer X": title words before the named members of an unnamed group
    (
        "Three researchers have left Vell, including senior engineer Tom Hale.",
        {("Tom Hale", "left", "Vell")},
    ),
    # "Price has been chief financial officer of Teck since 2017": an insider of the appointing company
    (
        "Halden Mining named Tom Hale chief executive. Hale has been chief financial officer of Halden since 2017.",
        {("Tom Hale", "role_changed", "Halden Mining")},
    ),
    (
        "Vell named Tom Hale chief executive. Hale has been chief financial officer of Corra since 2017.",
        {("Tom Hale", "joined", "Vell")},
    ),
    # a founder's title outlives the job: founding elsewhere implies no departure
    (
        "Vell co-founder Tom Hale and former Vell executive Ana Lima have founded a startup, Ironwall.",
        {("Tom Hale", "founded", "Ironwall"), ("Ana Lima", "founded", "Ironwall")},
    ),
    # "spent two decades at the robotics company before leaving" after a hire: the earlier employer
    (
        "Vell has hired Tom Hale, the former chief technology officer of Corra Dynamics, as vice president of "
        "hardware.\nHale spent two decades at the robotics company before leaving last year.",
        {("Tom Hale", "joined", "Vell"), ("Tom Hale", "left", "Corra Dynamics")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round3_class(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(text) == expected


def test_short_article_headline_line_ends_before_the_first_sentence() -> None:
    # every line is short, but each after the headline ends a sentence: the text is paragraph-per-line
    text = "Vance returns to Nortel\nTara Quinn, who left Nortel in 2020, is returning to the telecoms group."
    assert triples(text) == {("Tara Quinn", "left", "Nortel"), ("Tara Quinn", "joined", "Nortel")}


def test_hard_wrapped_text_still_reads_across_line_breaks() -> None:
    text = "Nortel said on Monday that it had hired Tara\nQuinn as chief strategy officer, effective\nimmediately."
    assert triples(text) == {("Tara Quinn", "joined", "Nortel")}


def test_headline_possessive_surname_is_not_the_article_organisation() -> None:
    text = (
        "Vell co-founder Tom Hale's former chief of staff, Ana Lima, has left the payments firm to become "
        "chief data officer at Corra."
    )
    got = {(m.person, m.direction, m.org) for m in moves_with_title(text, "Vell's Lima leaves for Corra")}
    assert got == {("Ana Lima", "left", "Vell"), ("Ana Lima", "joined", "Corra")}


def moves_with_title(text: str, title: str) -> list[Move]:
    return extract(text, dt.date(2026, 1, 1), title=title)
