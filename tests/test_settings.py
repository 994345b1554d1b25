"""Config loading: the TOML contract, environment overrides, and one-line errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tracker.settings import ConfigError, load_settings, parse_interval

REPO = Path(__file__).resolve().parent.parent


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "tracker.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_shipped_config_loads() -> None:
    settings = load_settings(REPO / "config" / "tracker.toml")
    assert settings.database.url.startswith("sqlite:///")
    assert "OpenAI" in [o.name for o in settings.organizations]
    assert settings.base_dir == (REPO / "config").resolve()


def test_shape_and_intervals(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
[[sources]]
name = "news"
url = "https://example.org/feed.xml"
interval = "15m"
[alerts]
digest = "1h"
min_confidence = 0.7
""",
    )
    settings = load_settings(path)
    assert settings.sources[0].interval == 900.0 and settings.sources[0].kind == "rss"
    assert settings.alerts.digest_seconds == 3600.0 and settings.alerts.min_confidence == 0.7
    assert (parse_interval("30s"), parse_interval(90), parse_interval("2d")) == (30.0, 90.0, 172800.0)


def test_environment_overrides_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, '[database]\nurl = "sqlite:///file.db"\n[slack]\nchannel = "#from-file"\n')
    monkeypatch.setenv("TRACKER_DATABASE_URL", "sqlite:///env.db")
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
    monkeypatch.setenv("SLACK_API_URL", "http://127.0.0.1:9/api/")
    settings = load_settings(path)
    assert settings.database.url == "sqlite:///env.db"
    assert settings.slack.bot_token == "xoxb-test" and settings.slack.api_url == "http://127.0.0.1:9/api/"
    assert settings.slack.channel == "#from-file"


def test_tracker_config_variable_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, '[database]\nurl = "sqlite:///named.db"\n')
    monkeypatch.setenv("TRACKER_CONFIG", str(path))
    assert load_settings().database.url == "sqlite:///named.db"


@pytest.mark.parametrize(
    ("body", "key", "fragment"),
    [
        ("[alerts]\nmin_confidence = 'high'\n", "alerts.min_confidence", "valid number"),
        ("[alerts]\nmin_confidence = 3\n", "alerts.min_confidence", "less than or equal"),
        ("[[sources]]\nname = 'x'\nurl = 'http://x'\ninterval = 'soon'\n", "sources[0].interval", "not an interval"),
        ("[[sources]]\nname = 'x'\nurl = 'http://x'\nkind = 'ftp'\n", "sources[0].kind", "rss"),
        ("[watchlist]\npeeple = []\n", "watchlist.peeple", "Extra inputs"),
        ("[database]\nurl = 5\n", "database.url", "valid string"),
        ("database = 'x'\n", "database", "must be a table"),
    ],
)
def test_bad_values_name_file_and_key(tmp_path: Path, body: str, key: str, fragment: str) -> None:
    path = write(tmp_path, body)
    with pytest.raises(ConfigError) as info:
        load_settings(path)
    assert info.value.key == key and fragment in info.value.message
    assert str(path) in str(info.value)


def test_syntax_error_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(write(tmp_path, "[alerts\nmin_confidence = 1\n"))
    with pytest.raises(ConfigError, match="cannot read"):
        load_settings(tmp_path / "absent.toml")


def test_cli_prints_one_line_and_exits_2_on_bad_config(tmp_path: Path) -> None:
    path = write(tmp_path, "[alerts]\nmin_confidence = 'high'\n")
    env = {**os.environ, "PYTHONPATH": str(REPO), "TRACKER_CONFIG": str(path)}
    proc = subprocess.run(
        [sys.executable, "-m", "tracker", "events"], env=env, capture_output=True, text=True, cwd=tmp_path, timeout=60
    )
    assert proc.returncode == 2
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "alerts.min_confidence" in lines[0] and str(path) in lines[0]
    assert "Traceback" not in proc.stderr
