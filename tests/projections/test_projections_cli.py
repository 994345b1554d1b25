"""The projection commands, end to end through the CLI (in-process)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tracker.cli import app


@pytest.fixture
def run(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    config = tmp_path / "tracker.toml"
    config.write_text(
        '[[organizations]]\nname = "OpenAI"\naliases = ["Open AI"]\n'
        '[[organizations]]\nname = "Anthropic"\n[watchlist]\norganizations = ["OpenAI", "Anthropic"]\n'
    )
    monkeypatch.setenv("TRACKER_CONFIG", str(config))
    monkeypatch.setenv("TRACKER_DATABASE_URL", db_url)
    monkeypatch.setenv("TRACKER_ACTOR", "cli:test")
    runner = CliRunner()

    def invoke(*args: str, code: int = 0) -> str:
        result = runner.invoke(app, list(args))
        assert result.exit_code == code, (result.output, result.exception)
        return result.output

    return invoke


def _seed(run) -> dict[str, str]:  # type: ignore[no-untyped-def]
    ids = {}
    for key, args in {
        "k_left": ("left", "--person", "Andrej Karpathy", "--org", "OpenAI", "--date", "2024-02-13"),
        "s_left": ("left", "--person", "John Schulman", "--org", "Open AI", "--date", "2024-08-05"),
        "s_join": ("joined", "--person", "John Schulman", "--org", "Anthropic", "--date", "2024-08-06"),
        "k_join": ("joined", "--person", "Andrej Karpathy", "--org", "Anthropic", "--date", "2025-11-10",
                   "--role", "MTS"),
    }.items():  # fmt: skip
        ids[key] = json.loads(run("record", *args, "--json"))["event_id"]
    return ids


def test_roster_flows_person_and_retract(run) -> None:  # type: ignore[no-untyped-def]
    ids = _seed(run)
    now = json.loads(run("roster", "Anthropic", "--json"))
    assert [line["person"] for line in now] == ["Andrej Karpathy", "John Schulman"]
    before = list(csv.DictReader(io.StringIO(run("roster", "Anthropic", "--as-of", "2025-11-09", "--csv"))))
    assert [row["person"] for row in before] == ["John Schulman"]
    out = json.loads(run("flows", "--from", "OpenAI", "--to", "Anthropic", "--json"))
    assert out["count"] == 2
    assert [(f["person"], f["left_on"], f["joined_on"]) for f in out["flows"]] == [
        ("John Schulman", "2024-08-05", "2024-08-06"),
        ("Andrej Karpathy", "2024-02-13", "2025-11-10"),
    ]
    matrix = json.loads(run("flows", "--matrix", "--json"))
    assert matrix["counts"] == [{"from": "OpenAI", "to": "Anthropic", "count": 2}]
    person = json.loads(run("person", "andrej karpathy", "--json"))
    assert [m["event_ids"] for m in person["moves"]] == [[ids["k_left"]], [ids["k_join"]]]
    run("retract", ids["k_join"], "--reason", "denied")
    assert [line["person"] for line in json.loads(run("roster", "Anthropic", "--json"))] == ["John Schulman"]
    assert "rebuilt projections from 5 events" in run("projections", "rebuild")
    assert json.loads(run("projections", "status", "--json"))["checkpoint"] == 5


def test_retract_unknown_event_is_a_usage_error(run) -> None:  # type: ignore[no-untyped-def]
    out = run("retract", "00000000-0000-0000-0000-000000000000", "--reason", "x", code=2)
    assert "no event with id" in out


def test_merge_then_roster_shows_one_person(run) -> None:  # type: ignore[no-untyped-def]
    run("record", "joined", "--person", "J. Schulman", "--org", "Anthropic", "--date", "2024-08")
    run("record", "role_changed", "--person", "John Schulman", "--org", "Anthropic", "--date", "2025-01",
        "--role", "lead")  # fmt: skip
    assert len(json.loads(run("roster", "Anthropic", "--json"))) == 2
    run("merge", "person", "J. Schulman", "John Schulman")
    [line] = json.loads(run("roster", "Anthropic", "--json"))
    assert (line["person"], line["role"]) == ("John Schulman", "lead")
    run("merge", "team", "a", "b", code=2)


def test_bad_as_of_date_is_rejected(run) -> None:  # type: ignore[no-untyped-def]
    run("roster", "Anthropic", "--as-of", "yesterday", code=2)
