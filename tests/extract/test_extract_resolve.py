"""Entity resolution: slugs, config aliases, fuzzy spelling variants and merges from the log."""

from __future__ import annotations

import pytest

from tracker.extract import Resolver, slugify


def test_slugify_is_ascii_and_stable() -> None:
    assert slugify("Andrej Karpathy") == "andrej-karpathy"
    assert slugify("Tomás  Ortega-Ruiz") == "tomas-ortega-ruiz"
    assert slugify("Character.AI") == "character-ai"
    assert slugify("!!!") == "unknown"


def test_no_config_resolver_works() -> None:
    r = Resolver()
    assert r.org_name("Acme Robotics") == "Acme Robotics"
    assert r.org_id("Acme Robotics") == "org:acme-robotics"
    assert r.person_id("Dr. Jane Doe") == "person:jane-doe"
    assert r.org_aliases() == {}


def test_aliases_map_to_canonical_name_and_id() -> None:
    r = Resolver([("OpenAI", ["Open AI", "the ChatGPT maker"])])
    assert r.org_name("Open AI") == "OpenAI"
    assert r.org_name("the ChatGPT maker") == "OpenAI"
    assert r.org_id("OpenAI's") == "org:openai"
    assert r.org_aliases() == {"Open AI": "OpenAI", "the ChatGPT maker": "OpenAI"}


def test_legal_suffix_does_not_change_identity() -> None:
    r = Resolver([("Safe Superintelligence", [])])
    assert r.org_name("Safe Superintelligence Inc.") == "Safe Superintelligence"


def test_fuzzy_spelling_variant() -> None:
    r = Resolver([("Anthropic", []), ("Meta", [])])
    assert r.org_name("Anthropik") == "Anthropic"
    # conservative: short names and real different companies are not merged
    assert r.org_name("Beta") == "Beta"
    assert r.org_name("Anthem") == "Anthem"


def test_people_fuzzy_and_known_names() -> None:
    r = Resolver(people=["Andrej Karpathy"])
    assert r.person_name("Andrej Karpathi") == "Andrej Karpathy"
    assert r.person_id("Andrej Karpathy") == "person:andrej-karpathy"


def test_merges_redirect_aliases() -> None:
    r = Resolver([("Meta", ["Meta Platforms"])])
    r.add_merge("org", "Facebook", "Meta")
    assert r.org_name("Facebook") == "Meta"
    assert r.org_id("Facebook") == "org:meta"
    r.add_merge("person", "Sam A.", "Sam Altman")
    assert r.person_name("Sam A.") == "Sam Altman"
    assert r.person_id("Sam A.") == "person:sam-altman"


def test_bad_merge_kind() -> None:
    with pytest.raises(ValueError):
        Resolver().add_merge("team", "a", "b")


def test_extract_uses_resolver_names() -> None:
    from tracker.extract import extract

    r = Resolver([("Anthropic", ["the Claude maker"])])
    [move] = extract("Wen Li has joined Anthropik as a researcher.", resolver=r)
    assert move.org == "Anthropic"
