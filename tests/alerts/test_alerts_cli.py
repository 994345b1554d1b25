"""`tracker alerts list|send|test` against the fake Slack, configured through a TOML file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from tests.alerts.conftest import Recorder
from tests.alerts.fake_slack import TOKEN, FakeSlack
from tracker.cli import app
from tracker.settings import Settings, load_settings


def write_config(tmp_path: Path, db_url: str, fake: FakeSlack, token: str = TOKEN) -> Path:
    path = tmp_path / "tracker.toml"
    path.write_text(
        f"""
[database]
url = {json.dumps(db_url)}

[[organizations]]
name = "OpenAI"
aliases = ["Open AI"]

[watchlist]
people = ["Andrej Karpathy"]
organizations = ["Anthropic", "OpenAI"]

[slack]
channel = "#talent-moves"
bot_token = {json.dumps(token)}
api_url = {json.dumps(fake.api_url)}
"""
    )
    return path


def run(config: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["--config", str(config), "alerts", *args], env={"COLUMNS": "200"})
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def cli_settings(tmp_path: Path, db_url: str, fake_slack: FakeSlack) -> tuple[Path, Settings]:
    path = write_config(tmp_path, db_url, fake_slack)
    return path, load_settings(path)


def test_invalid_auth_is_parked_and_listed_with_its_reason(
    engine: Engine, tmp_path: Path, db_url: str, fake_slack: FakeSlack, record: Recorder
) -> None:
    config = write_config(tmp_path, db_url, fake_slack, token="xoxb-revoked")
    record(load_settings(config), person="Andrej Karpathy", org="Anthropic")
    code, out, err = run(config, "send")
    assert code == 1 and "invalid_auth" in err
    code, out, _ = run(config, "list", "--state", "parked")
    assert code == 0 and "invalid_auth" in out and "Andrej Karpathy joined Anthropic" in out
    code, out, _ = run(config, "list", "--json")
    [row] = json.loads(out)
    assert (row["state"], row["last_error"], row["kind"]) == ("parked", "slack error: invalid_auth", "move")


def test_send_dispatches_due_alerts_once(
    engine: Engine, cli_settings: tuple[Path, Settings], fake_slack: FakeSlack, record: Recorder
) -> None:
    config, settings = cli_settings
    record(settings, person="Andrej Karpathy", org="Anthropic")
    code, out, _ = run(config, "send", "--json")
    assert code == 0 and json.loads(out)["sent"] == 1
    code, out, _ = run(config, "send", "--json")
    assert code == 0 and json.loads(out)["sent"] == 0
    assert len(fake_slack.posted()) == 1
    code, out, _ = run(config, "list", "--state", "sent", "--json")
    assert [r["slack_channel"] for r in json.loads(out)] == ["C0TALENT1"]


def test_alerts_test_reports_success_or_the_exact_slack_error(
    engine: Engine, tmp_path: Path, db_url: str, fake_slack: FakeSlack
) -> None:
    code, out, _ = run(write_config(tmp_path, db_url, fake_slack), "test")
    assert code == 0 and "ok" in out and "C0TALENT1" in out
    assert fake_slack.posted()[0]["text"].startswith("exec-tracker test alert")
    code, _, err = run(write_config(tmp_path, db_url, fake_slack, token="xoxb-bad"), "test")
    assert code == 1 and "invalid_auth" in err


def test_unknown_state_is_a_usage_error(engine: Engine, cli_settings: tuple[Path, Settings]) -> None:
    code, _, err = run(cli_settings[0], "list", "--state", "lost")
    assert code == 2 and "--state must be one of" in err
