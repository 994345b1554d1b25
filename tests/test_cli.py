"""The command line over a real database: record, list, roster, verify, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from tracker.cli import app
from tracker.db import make_engine

runner = CliRunner()


@pytest.fixture
def cli_env(tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    config = tmp_path / "tracker.toml"
    config.write_text("[database]\nurl = 'sqlite:///unused.db'\n", encoding="utf-8")
    monkeypatch.setenv("TRACKER_CONFIG", str(config))
    monkeypatch.setenv("TRACKER_DATABASE_URL", db_url)
    monkeypatch.setenv("TRACKER_ACTOR", "cli:tester")
    return db_url


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_every_command_has_help() -> None:
    code, out = invoke("--help")
    assert code == 0
    for name in ("init", "record", "events", "verify", "roster"):
        assert name in out
        sub_code, sub_out = invoke(name, "--help")
        assert sub_code == 0 and "Usage" in sub_out


def test_record_list_roster_verify(cli_env: str) -> None:
    assert invoke("init")[0] == 0
    code, out = invoke(
        "record",
        "joined",
        "--person",
        "Andrej Karpathy",
        "--org",
        "Anthropic",
        "--role",
        "researcher",
        "--date",
        "2026-01",
        "--source",
        "https://example.org/a",
        "--json",
    )
    assert code == 0, out
    recorded = json.loads(out)
    assert recorded["type"] == "ManualMoveRecorded" and recorded["occurred_on"] == "2026-01"
    assert recorded["meta"] == {"actor": "cli:tester", "source_url": "https://example.org/a"}
    assert invoke("record", "joined", "--person", "Jan Leike", "--org", "Anthropic", "--date", "2024-05")[0] == 0
    assert invoke("record", "left", "--person", "Jan Leike", "--org", "Anthropic", "--date", "2026-02-03")[0] == 0

    code, out = invoke("events", "--json", "--after", "1", "--limit", "1")
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [e["position"] for e in lines] == [2]

    code, out = invoke("roster", "Anthropic", "--json")
    assert code == 0 and [r["person"] for r in json.loads(out)] == ["Andrej Karpathy"]
    code, out = invoke("verify")
    assert code == 0 and "3 events" in out


def test_bad_date_and_direction_are_usage_errors(cli_env: str) -> None:
    code, out = invoke("record", "joined", "--person", "A", "--org", "B", "--date", "2024-13-01")
    assert code == 2 and "not a date" in out
    code, out = invoke("record", "hired", "--person", "A", "--org", "B")
    assert code == 2 and "direction must be one of" in out
    code, out = invoke("events", "--json")
    assert code == 0 and out == ""  # nothing was appended by the failed commands


def test_verify_names_first_bad_position_after_tampering(cli_env: str) -> None:
    for i in range(4):
        assert invoke("record", "joined", "--person", f"Person {i}", "--org", "Acme")[0] == 0
    engine = make_engine(cli_env)
    with engine.begin() as conn:  # an attacker with raw access drops the guard first
        if engine.dialect.name == "sqlite":
            conn.execute(text("DROP TRIGGER events_no_update"))
        else:
            conn.execute(text("ALTER TABLE events DISABLE TRIGGER events_no_update"))
        conn.execute(text("UPDATE events SET data = replace(data, 'Acme', 'Evil') WHERE position = 3"))
    code, out = invoke("verify", "--json")
    report = json.loads(out)
    assert code == 1 and report["first_bad_position"] == 3 and not report["ok"]
    assert any("edited" in p for p in report["problems"])
    assert any("events_no_update" in p for p in report["problems"])
    code, out = invoke("verify")
    assert code == 1 and "position 3" in out


def test_verify_finds_deleted_row(cli_env: str) -> None:
    for i in range(3):
        assert invoke("record", "joined", "--person", f"Person {i}", "--org", "Acme")[0] == 0
    engine = make_engine(cli_env)
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            conn.execute(text("DROP TRIGGER events_no_delete"))
        else:
            conn.execute(text("ALTER TABLE events DISABLE TRIGGER events_no_delete"))
        conn.execute(text("DELETE FROM events WHERE position = 2"))
    code, out = invoke("verify", "--json")
    assert code == 1 and json.loads(out)["first_bad_position"] == 3


def test_export_then_import_round_trip_via_cli(cli_env: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for i in range(3):
        assert invoke("record", "joined", "--person", f"Person {i}", "--org", "Acme")[0] == 0
    dump = tmp_path / "events.jsonl"
    code, _ = invoke("export", "--format", "jsonl", "--output", str(dump))
    assert code == 0 and len(dump.read_text().splitlines()) == 3
    monkeypatch.setenv("TRACKER_DATABASE_URL", f"sqlite:///{tmp_path / 'copy.db'}")
    code, out = invoke("import", str(dump))
    assert code == 0 and "imported 3 events" in out
    assert invoke("verify")[0] == 0
    code, out = invoke("import", str(dump))
    assert code == 2 and "not empty" in out
    assert invoke("export", "--format", "xml")[0] == 2


def test_database_from_a_newer_version_is_a_clear_schema_error(cli_env: str) -> None:
    assert invoke("init")[0] == 0
    engine = make_engine(cli_env)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    code, out = invoke("events")
    assert code == 3 and "database schema" in out and "9999" in out
