"""Multi-paragraph articles: "the company" resolution, past jobs and clause-bound dates."""

from __future__ import annotations

import datetime as dt

from tests.extract.extract_helpers import moves, triples
from tracker.extract import Resolver, extract
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


def _dated(text: str, published: str = "2026-05-19") -> set[tuple[str, str, str, str | None]]:
    return {(m.person, m.direction, m.org, m.date) for m in moves(text, published)}


def test_a_later_job_in_a_career_story_is_past_and_dates_follow_their_clause() -> None:
    text = (
        "Dana Kerr has joined Corvid Labs as head of robotics, the company said on Tuesday. "
        "Kerr, a founding member of Vela who later ran the robotics group behind Tesla's Optimus, returned "
        "briefly to Vela in 2023 before leaving again in 2024 to start Kite Labs, an education venture."
    )
    got = _dated(text)
    assert ("Dana Kerr", "left", "Vela", "2024") in got
    assert ("Dana Kerr", "founded", "Kite Labs", "2024") in got
    assert ("Dana Kerr", "joined", "Vela", "2023") in got
    assert not any(org == "Tesla" for _p, _d, org, _t in got)


def test_before_leaving_after_a_join_is_a_stated_departure() -> None:
    got = _dated("Omar Haidari joined Vela in 2019 before leaving in 2021 to start Kite Labs.")
    assert got == {
        ("Omar Haidari", "joined", "Vela", "2019"),
        ("Omar Haidari", "left", "Vela", "2021"),
        ("Omar Haidari", "founded", "Kite Labs", "2021"),
    }


def test_a_departure_from_a_named_origin_and_a_brief_ouster() -> None:
    text = (
        "Ilse Varga, the Vela co-founder who left the company in May 2024, has co-founded a startup called "
        "Quanta Systems, she said on Wednesday. "
        "Varga's departure from Vela followed months of turmoil after she joined other board members in briefly "
        "ousting chief executive Tom Reed in November 2023."
    )
    got = _dated(text, "2024-06-19")
    assert ("Ilse Varga", "left", "Vela", "2024-05") in got
    assert not any(p == "Tom Reed" for p, _d, _o, _t in got)
    assert not any(org == "Quanta Systems" and d == "left" for _p, d, org, _t in got)


def test_a_brief_removal_is_not_a_departure() -> None:
    text = "She served as Vela's interim chief executive during the board's brief removal of Tom Reed in 2023."
    assert not any(p == "Tom Reed" for p, _d, _o in triples(text))


def test_a_two_word_company_that_has_appointed_someone_is_an_organisation() -> None:
    got = triples("Harrow Bates has appointed Rebecca Lin as head of research. Lin joins from Fenwick Capital.")
    assert got == {("Rebecca Lin", "joined", "Harrow Bates"), ("Rebecca Lin", "left", "Fenwick Capital")}
    said = triples("Harrow Bates said on Monday it had appointed Rebecca Lin as head of research.")
    assert said == {("Rebecca Lin", "joined", "Harrow Bates")}


def test_appointed_to_the_role_on_an_interim_basis_takes_the_vacated_title() -> None:
    text = (
        "Emma Larsen has left her post as general counsel of Vela after five years. "
        "Vela has appointed deputy general counsel Omar Haddad to the role on an interim basis."
    )
    got = {(m.person, m.direction, m.org, m.role) for m in moves(text)}
    assert ("Omar Haddad", "role_changed", "Vela", "interim general counsel") in got


def test_a_subject_pronoun_continues_the_previous_subject() -> None:
    text = (
        "Corvid Labs has tapped Nadia Rahman as its new chief operating officer. "
        "Rahman will start next month and report to chief executive Tom Reed. "
        "She replaces Ravi Kumar, who is retiring."
    )
    got = triples(text)
    assert ("Ravi Kumar", "left", "Corvid Labs") in got
    assert not any(p == "Tom Reed" for p, _d, _o in got)


def test_a_verb_with_its_own_unnamed_subject_does_not_borrow_the_main_one() -> None:
    text = "Vela named Sean White as chief executive, weeks after most of its staff departed for Quorra."
    assert triples(text) == {("Sean White", "joined", "Vela")}


def test_co_founders_listed_past_a_relative_clause() -> None:
    text = (
        "Ilse Varga started Quanta Systems Inc. with Tom Reed, who previously led AI efforts at Apple, "
        "and Ada Lin, a former Vela researcher."
    )
    got = triples(text)
    assert {("Ilse Varga", "founded", "Quanta Systems"), ("Tom Reed", "founded", "Quanta Systems")} <= got
    assert ("Ada Lin", "founded", "Quanta Systems") in got


def test_a_veteran_named_to_a_new_post_at_the_same_company_is_a_role_change() -> None:
    text = "Vela veteran Ian Brook, who built its compiler, has been named the company's first chief AI officer."
    assert triples(text) == {("Ian Brook", "role_changed", "Vela")}
    other = "Ingrid Olsen, the Nordea veteran who ran its Danish unit, has been hired as chief executive of Fjord Bank."
    assert ("Ingrid Olsen", "joined", "Fjord Bank") in triples(other)


def test_joined_with_a_date_then_from_an_origin() -> None:
    got = _dated("Kim Weil joined Vela last year from Planet Labs.", "2025-09-18")
    assert got == {("Kim Weil", "joined", "Vela", "2024"), ("Kim Weil", "left", "Planet Labs", "2024")}


def test_named_members_of_an_unnamed_group_that_left_or_joined() -> None:
    left = triples("Three senior researchers have left Vela in the past month, including Igor Bauer, a co-founder.")
    assert left == {("Igor Bauer", "left", "Vela")}
    joined = triples("Several engineers have started at Quorra this week, including Ada Lin and Tom Reed.")
    assert joined == {("Ada Lin", "joined", "Quorra"), ("Tom Reed", "joined", "Quorra")}


def test_the_medium_of_a_statement_is_not_an_employer() -> None:
    text = (
        "Vela chief executive Brett Adams said on X that the company had parted ways with its head of AI, Corey Lynch."
    )
    assert triples(text) == {("Corey Lynch", "left", "Vela")}


def test_removed_as_chair_but_remains_a_director() -> None:
    text = "Vela's board voted to remove Ben Sill as chair, and he will remain a director."
    assert triples(text) == {("Ben Sill", "role_changed", "Vela")}


def test_taking_on_a_new_role_and_helping_start_a_company() -> None:
    text = (
        "Tom Bryn, a Vela co-founder, is taking on a new role as the company's chief compute officer. "
        "Bryn previously led the team that trained its models at Quorra before leaving in 2020 to help start Vela."
    )
    got = _dated(text, "2025-09-09")
    assert ("Tom Bryn", "left", "Quorra", "2020") in got
    assert ("Tom Bryn", "founded", "Vela", "2020") in got
    assert any(p == "Tom Bryn" and d == "role_changed" and o == "Vela" for p, d, o, _t in got)


def test_an_abbreviated_month_is_not_an_organisation() -> None:
    text = (
        "Vela's chief executive, Paul Gant, has retired from the company, effective Dec. 1, the chipmaker said. "
        "Ada Lin and Tom Reed were named interim co-chief executives."
    )
    got = triples(text)
    assert ("Paul Gant", "left", "Vela") in got
    assert ("Ada Lin", "role_changed", "Vela") in got and ("Tom Reed", "role_changed", "Vela") in got


def test_moving_into_the_role_of_inside_a_succession() -> None:
    text = "Matt Skar will succeed Bob Mees as chief financial officer of Vela; Mees is moving into the role of chief business officer."
    got = triples(text)
    assert ("Bob Mees", "role_changed", "Vela") in got
    assert ("Bob Mees", "left", "Vela") not in got


def test_moving_to_lead_a_unit_of_the_same_company() -> None:
    assert triples("Connor Hale, who had run Threads, will move to lead Vela's Messenger unit.") == {
        ("Connor Hale", "role_changed", "Vela")
    }
    elsewhere = triples("Ada Lin, chief scientist at Quorra, will move to lead Vela's robotics group.")
    assert ("Ada Lin", "joined", "Vela") in elsewhere


def test_an_organisation_that_replaced_one_person_with_another() -> None:
    text = "Vela has replaced the head of its memory business, Jae Lee, with Young Jun, a former vice chairman."
    assert triples(text) == {("Jae Lee", "left", "Vela"), ("Young Jun", "joined", "Vela")}


def test_most_recently_serving_as_a_title_at_an_employer() -> None:
    text = (
        "Vela today announced the appointment of Dr. Helen Oka as Chief Technology Officer. Dr. Oka brings "
        "20 years of experience, most recently serving as Vice President of Engineering at Quorra."
    )
    assert triples(text) == {("Helen Oka", "joined", "Vela"), ("Helen Oka", "left", "Quorra")}


def test_reports_called_simply_false_are_a_denial() -> None:
    text = 'A Vela spokesperson said reports that chief legal officer Paul Gray was departing were "simply false."'
    assert triples(text) == set()


def test_a_founder_who_stayed_on_and_returns_as_chief_executive_changes_role() -> None:
    text = (
        "Vela founder Whitney Wolfe Hart is returning as chief executive of the company, replacing Lia Jonas, "
        "who is stepping down. Wolfe Hart stepped aside as CEO in January 2024 but remained executive chair."
    )
    got = triples(text)
    assert ("Whitney Wolfe Hart", "role_changed", "Vela") in got
    assert ("Lia Jonas", "left", "Vela") in got
    assert not any(d in ("joined", "left") and p.endswith("Hart") for p, d, _o in got)


def test_a_hire_of_someone_who_has_led_the_company_unit_is_a_promotion() -> None:
    text = (
        "Vela named Chris Bosh its chief scientific officer on Monday. Bosh, who has led the drugmaker's "
        "oncology research since 2020, replaces Mika Dol, who is leaving after 15 years."
    )
    assert triples(text) == {("Chris Bosh", "role_changed", "Vela"), ("Mika Dol", "left", "Vela")}


def test_leading_the_unit_on_an_interim_basis() -> None:
    text = (
        "Vela's head of defense, Ted Cole, was ousted on Friday, the company said. "
        "Steve Park, the unit's chief operating officer, will lead it on an interim basis."
    )
    got = {(m.person, m.direction, m.org, m.role) for m in moves(text)}
    assert ("Steve Park", "role_changed", "Vela", "interim head of defense") in got


def test_left_to_join_takes_the_origin_from_the_article_not_the_destination() -> None:
    text = (
        "Vela Labs has lost another co-founder. Andrew Tull, who helped found the company last year, has left "
        "to join Quorra, he told colleagues on Friday."
    )
    got = triples(text)
    assert ("Andrew Tull", "left", "Vela Labs") in got and ("Andrew Tull", "joined", "Quorra") in got
    assert ("Andrew Tull", "founded", "Vela Labs") in got
    assert ("Andrew Tull", "left", "Quorra") not in got


def test_a_broader_role_at_a_named_company_and_moving_to_a_role() -> None:
    assert triples("Jan Leik is taking on a broader role at Vela.") == {("Jan Leik", "role_changed", "Vela")}
    text = "Vela co-founder Jared Kap will become chief science officer, replacing Sam Mac, who is moving to a role focused on infrastructure."
    assert ("Sam Mac", "role_changed", "Vela") in triples(text)


def test_a_co_founder_named_to_a_new_post_is_a_role_change() -> None:
    text = (
        "Vela has named Daniel Levin its president, a newly created position. "
        "Levin co-founded the company in 2024 with Ilse Varga and Tom Reed."
    )
    got = triples(text)
    assert ("Daniel Levin", "role_changed", "Vela") in got
    assert {
        ("Daniel Levin", "founded", "Vela"),
        ("Ilse Varga", "founded", "Vela"),
        ("Tom Reed", "founded", "Vela"),
    } <= got
    assert ("Daniel Levin", "joined", "Vela") not in got


def test_an_undated_founding_of_the_company_stays_background() -> None:
    text = "Vela president Greg Brock said he would stay, years after he co-founded the company."
    assert not any(d == "founded" for _p, d, _o in triples(text))


def test_hired_several_people_each_from_their_own_employer() -> None:
    text = "Vela has hired Priya Nair from Boston Dynamics and Felix Wu from the Toyota Research Institute."
    assert triples(text) == {
        ("Priya Nair", "joined", "Vela"),
        ("Priya Nair", "left", "Boston Dynamics"),
        ("Felix Wu", "joined", "Vela"),
        ("Felix Wu", "left", "Toyota Research Institute"),
    }


def test_most_recently_a_partner_at_a_described_firm_and_years_somewhere_before_joining() -> None:
    text = "Vela has hired Lena Fisch as general counsel. Fisch was most recently a partner at the law firm Hengeler Mueller."
    assert ("Lena Fisch", "left", "Hengeler Mueller") in triples(text)
    got = triples("Ada Tull previously spent 11 years at Meta before joining Quorra in 2023.")
    assert got == {("Ada Tull", "joined", "Quorra"), ("Ada Tull", "left", "Meta")}


def test_a_predecessor_who_will_lead_something_else_stays() -> None:
    text = "Vela named Julie Choi as chief marketing officer. She replaces Andy Hoch, who will lead product strategy at Vela."
    got = triples(text)
    assert ("Andy Hoch", "role_changed", "Vela") in got and ("Andy Hoch", "left", "Vela") not in got


def test_stepping_down_leaving_a_partner_in_charge_and_remaining_on_the_board() -> None:
    text = (
        "Vela co-founder Scott Farr will step down as co-chief executive in August, leaving Mike Cannon-Brooks "
        "as sole CEO. Farr will remain on the board and serve as a special adviser."
    )
    got = triples(text)
    assert ("Scott Farr", "role_changed", "Vela") in got
    assert not any(d == "left" for _p, d, _o in got)


def test_a_counted_hiring_spree_names_places_not_people() -> None:
    text = (
        "Vela chief executive Alex Kend said the company was hiring about 200 engineers in London and Silicon Valley."
    )
    assert triples(text) == set()


def test_joins_from_a_described_firm_and_returns_to_an_earlier_role() -> None:
    text = "Vela has hired Don Tang as executive chairman. Tang joins from the private equity firm Tang Media Partners."
    assert ("Don Tang", "left", "Tang Media Partners") in triples(text)
    back = "Vela named Kara Anand as chief executive. Interim chief executive Dom Perel will return to his role as chief legal officer."
    assert ("Dom Perel", "role_changed", "Vela") in triples(back)


def test_an_unnamed_group_named_in_the_next_sentence() -> None:
    left = (
        "Two senior Goldman Sachs bankers have left to set up their own boutique. "
        "Ravi Menon and Sofia Alber, who co-ran the bank's technology practice, founded Northlake Advisors."
    )
    got = triples(left)
    assert {("Ravi Menon", "left", "Goldman Sachs"), ("Sofia Alber", "left", "Goldman Sachs")} <= got
    hired = "Vela has poached two senior engineers from Quorra. Arjun Mehra and Clara Bian will start next month."
    assert triples(hired) == {
        ("Arjun Mehra", "joined", "Vela"),
        ("Arjun Mehra", "left", "Quorra"),
        ("Clara Bian", "joined", "Vela"),
        ("Clara Bian", "left", "Quorra"),
    }
    unrelated = "Two senior engineers left Vela last year. Ada Lin, the chief executive, said the company was hiring."
    assert triples(unrelated) == set()


def test_a_retirement_in_a_relative_clause_is_not_at_the_new_hires_origin() -> None:
    text = "Vela has hired Lisa Woo from Quorra to run its chip business, succeeding Danny Shap, who retired in March."
    got = triples(text)
    assert ("Danny Shap", "left", "Vela") in got and ("Danny Shap", "left", "Quorra") not in got


def test_a_dated_join_of_the_current_employer_from_an_origin() -> None:
    text = (
        "Vela has lost its general counsel, Robert Keel, who said he was leaving to spend time with his children. "
        "Keel joined the startup last year from Databricks."
    )
    got = triples(text)
    assert {
        ("Robert Keel", "left", "Vela"),
        ("Robert Keel", "joined", "Vela"),
        ("Robert Keel", "left", "Databricks"),
    } <= got


def test_a_founder_hired_by_the_buyer_of_the_company_has_not_left_it() -> None:
    text = "Vela has named Vij Raji, the founder of Statsig, as chief technology officer after agreeing to buy the platform."
    assert triples(text) == {("Vij Raji", "joined", "Vela")}


def test_someone_running_a_unit_takes_over_the_vacated_post() -> None:
    text = "Vela Eats head Pierre Gorcot is leaving the company. Sarf Mared, who runs the Americas delivery business, will take over."
    got = {(m.person, m.direction, m.org, m.role) for m in moves(text)}
    assert ("Sarf Mared", "role_changed", "Vela Eats", "head") in got


def test_also_overseeing_more_is_a_role_change_but_not_for_a_new_hire() -> None:
    text = "Vela said John Tern, its senior vice president of hardware, would also oversee the company's design teams."
    assert triples(text) == {("John Tern", "role_changed", "Vela")}
    hire = "Vela hired Ada Lin as chief operating officer. She will also oversee the company's sales teams."
    assert triples(hire) == {("Ada Lin", "joined", "Vela")}


def test_stepping_down_to_focus_on_another_title_there() -> None:
    text = "Vela appointed Laura Chamb as interim chief executive after Mitch Bake stepped down from the role to focus on her position as chair."
    got = triples(text)
    assert ("Mitch Bake", "role_changed", "Vela") in got and ("Mitch Bake", "left", "Vela") not in got


def test_which_he_co_founded_in_a_year() -> None:
    text = "Vela chief executive Wade Fost said the company would hire more engineers. The company, which he co-founded in 2011, has 800 employees."
    assert ("Wade Fost", "founded", "Vela") in triples(text)


def test_founding_told_as_history_before_a_join() -> None:
    text = (
        "Vela's chief operating officer, Matt Macin, has been promoted to president. "
        "Macin joined Vela in 2020 after founding the education startup Inkling."
    )
    got = triples(text)
    assert ("Matt Macin", "founded", "Inkling") in got
    assert ("Matt Macin", "left", "Vela") not in got
    assert not any(d == "founded" for _p, d, _o in triples("Dana Karp, a founding member of Quorra, joined Vela."))


def test_will_also_lead_and_a_possessor_is_not_the_subject() -> None:
    text = "Jakob Pach, Vela's chief scientist since Ilya Sutsk's departure in May 2024, will also lead the company's new reasoning division."
    got = triples(text)
    assert ("Jakob Pach", "role_changed", "Vela") in got
    assert ("Ilya Sutsk", "role_changed", "Vela") not in got


def test_hired_to_work_on_the_company_projects_is_one_move() -> None:
    text = "Vela chief executive Mustaf Sul has hired two former Quorra researchers, Amar Shah and Yuki Tana, to work on the company's health efforts."
    assert triples(text) == {("Amar Shah", "joined", "Vela"), ("Yuki Tana", "joined", "Vela")}


def test_before_he_left_takes_the_employer_just_named() -> None:
    text = (
        "Vela chief executive Mustaf Sul hired two researchers. Both worked with Sul at Quorra before he left in 2019."
    )
    got = _dated(text, "2025-12-09")
    assert ("Mustaf Sul", "left", "Quorra", "2019") in got and not any(
        o == "Vela" and d == "left" for _p, d, o, _t in got
    )


def test_a_board_chair_who_co_founded_a_startup_and_joined_the_board() -> None:
    text = "Vela board chair Bret Tayl said the company was stable. Tayl, who co-founded the startup Sierra, joined the board in late 2023."
    got = _dated(text, "2025-11-17")
    assert ("Bret Tayl", "joined", "Vela", "2023") in got
    assert ("Bret Tayl", "founded", "Sierra", "2025-11-17") in got
    assert not any(d == "left" for _p, d, _o, _t in got)


def test_someone_who_joined_last_year_takes_over_a_unit() -> None:
    text = "Vela said Mike Krug would move to a new role. Ami Vor, who joined Vela last year from Faire, will take over the product organisation."
    got = _dated(text, "2026-01-13")
    assert ("Ami Vor", "joined", "Vela", "2025") in got
    assert any(p == "Ami Vor" and d == "role_changed" for p, d, _o, _t in got)


def test_a_headline_surname_is_not_the_article_organisation() -> None:
    text = "Jakob Pach, Vela's chief scientist, will also lead the company's new reasoning division."
    got = moves(text)
    assert ("Jakob Pach", "role_changed", "Vela") in {(m.person, m.direction, m.org) for m in got}
    titled = extract_titled(text, "Pach to lead Vela reasoning division")
    assert ("Jakob Pach", "role_changed", "Vela") in titled


def extract_titled(text: str, title: str) -> set[tuple[str, str, str]]:
    return {(m.person, m.direction, m.org) for m in extract(text, dt.date(2026, 5, 6), title, Resolver())}
