"""`tracker poll`, `tracker sources` and the bundled offline demo, through the real CLI app."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from tests.sources.conftest import Site
from tests.sources.feeds import rss
from tracker.cli import app
from tracker.ingest import poll_once
from tracker.settings import load_settings
from tracker.sources.documents import list_documents

REPO = Path(__file__).resolve().parents[2]


def write_config(tmp_path: Path, sources: str) -> Path:
    path = tmp_path / "tracker.toml"
    path.write_text(f'[fetch]\ntimeout = "2s"\ncycle_timeout = "10s"\n\n{sources}')
    return path


def invoke(config: Path, db_url: str, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["-c", str(config), *args], env={"TRACKER_DATABASE_URL": db_url})
    return result.exit_code, result.output


def test_poll_reports_failures_but_exits_zero_and_sources_shows_reasons(
    engine: object, db_url: str, site: Site, tmp_path: Path, closed_port: int
) -> None:
    good = site.add("/feed", rss([("A", "/a", "Ann joined Acme.")]))
    config = write_config(tmp_path, f"""
[[sources]]
name = "good"
url = "{good}"

[[sources]]
name = "down"
url = "http://127.0.0.1:{closed_port}/feed"
""")  # fmt: skip
    code, out = invoke(config, db_url, "poll", "--once", "--json")
    assert code == 0, out
    report = json.loads(out)
    by_name = {r["name"]: r for r in report["results"]}
    assert by_name["good"]["documents"] == 1 and by_name["down"]["status"] == "error"
    assert report["failed"] == 1 and report["documents"] == 1
    code, out = invoke(config, db_url, "sources", "--json")
    rows = {r["name"]: r for r in json.loads(out)}
    assert rows["good"]["last_error"] is None and rows["good"]["items_seen"] == 1
    assert "cannot connect to 127.0.0.1" in rows["down"]["last_error"]
    assert rows["down"]["consecutive_failures"] == 1 and rows["down"]["next_due"] is not None
    code, out = invoke(config, db_url, "sources")
    assert code == 0 and "cannot" in out and "down" in out and "good" in out  # (wrapped at 80 columns)


def test_unknown_source_exits_2(engine: object, db_url: str, tmp_path: Path) -> None:
    config = write_config(tmp_path, '[[sources]]\nname = "a"\nurl = "feed.xml"\n')
    code, out = invoke(config, db_url, "poll", "--once", "--source", "nope")
    assert code == 2 and "unknown source 'nope' (known: a)" in out


def test_bad_source_config_is_a_clear_usage_error(engine: object, db_url: str, tmp_path: Path) -> None:
    config = write_config(tmp_path, '[[sources]]\nname = "a"\nurl = "x"\nkind = "ftp"\n')
    code, out = invoke(config, db_url, "poll", "--once")
    assert code == 2 and "sources[0].kind" in out


def test_bundled_demo_polls_offline_from_any_directory(
    engine: object, db_url: str, tmp_path: Path, monkeypatch: object
) -> None:
    """The shipped config's demo source: file:// feed and article pages, no network."""
    shutil.copytree(REPO / "config", tmp_path / "config")
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # type: ignore[attr-defined]
    config = tmp_path / "config" / "tracker.toml"
    code, out = invoke(config, db_url, "poll", "--once")
    assert code == 0 and "4 new documents" in out, out
    settings = load_settings(config)
    docs = {d.title: d for d in list_documents(engine)}  # type: ignore[arg-type]
    karpathy = docs["Andrej Karpathy joins Anthropic to lead a new research team"]
    assert "Andrej Karpathy has joined Anthropic" in karpathy.text and "Demo article" not in karpathy.text
    assert karpathy.canonical_url.startswith("file://") and "utm_" not in karpathy.canonical_url
    assert {"Mira Murati steps down as OpenAI's chief technology officer"} <= set(docs)
    again = poll_once(engine, settings, force=True)  # type: ignore[arg-type]
    assert [r.status for r in again.results] == ["not_modified"]


def test_duplicate_source_names_are_rejected(engine: object, db_url: str, tmp_path: Path) -> None:
    config = write_config(tmp_path, '[[sources]]\nname = "a"\nurl = "x"\n\n[[sources]]\nname = "a"\nurl = "y"\n')
    code, out = invoke(config, db_url, "sources")
    assert code == 2 and "'a' is used twice" in out
