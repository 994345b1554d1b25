"""Replay equality over every event type, drift found, as-of replay, explain, and the demo audit."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, delete, update
from typer.testing import CliRunner

from tracker.audit.explain import explain
from tracker.audit.replay import parse_moment, position_as_of, replay, replayed_rosters
from tracker.cli import app
from tracker.db import transaction
from tracker.events import EntityMerged, ManualMoveRecorded
from tracker.extract.model import Move
from tracker.ingest import commit_document
from tracker.projections import corrections
from tracker.projections.runner import run_projections
from tracker.projections.tables import LIVE
from tracker.settings import OrganizationConfig, Settings, WatchlistConfig
from tracker.sources.documents import NewDocument
from tracker.store import EventStore, NewEvent

REPO = Path(__file__).resolve().parents[2]
SETTINGS = Settings(
    organizations=[OrganizationConfig(name="OpenAI", aliases=["Open AI"]), OrganizationConfig(name="Anthropic")],
    watchlist=WatchlistConfig(organizations=["OpenAI", "Anthropic"]),
)


def article(engine: Engine, url: str, title: str, *moves: Move) -> None:
    doc = NewDocument(url=url, source="wire", text=" ".join(m.evidence for m in moves), title=title,
                      fetched_at=datetime(2024, 9, 1, tzinfo=UTC))  # fmt: skip
    commit_document(engine, EventStore(engine), SETTINGS, doc, list(moves), extractor=("test", "1"))


def move(person: str, direction: str, org: str, date: str, evidence: str) -> Move:
    return Move(person=person, org=org, direction=direction, date=date, evidence=evidence, confidence=0.9)  # type: ignore[arg-type]


def mixed_log(engine: Engine) -> None:
    """Every event type: reports, a corroboration, a retraction, a merge, a manual entry."""
    article(engine, "https://news.example/schulman", "Schulman leaves",
            move("John Schulman", "left", "OpenAI", "2024-08-05", "John Schulman has left OpenAI."),
            move("John Schulman", "joined", "Anthropic", "2024-08-05", "He joined Anthropic."))  # fmt: skip
    article(engine, "https://other.example/schulman", "Schulman joins Anthropic",
            move("John Schulman", "joined", "Anthropic", "2024-08-06", "Schulman joins Anthropic, he said."))  # fmt: skip
    article(engine, "https://news.example/rumour", "Rumour",
            move("Jan Leike", "joined", "Open AI", "2024-05", "Jan Leike is joining Open AI."))  # fmt: skip
    wrong = next(e for e in EventStore(engine).read_all() if e.data.get("person") == "Jan Leike")
    corrections.retract(engine, wrong.event_id, "denied by the company", "auditor", SETTINGS)
    store = EventStore(engine)
    store.append("person:j-schulman", [NewEvent(ManualMoveRecorded(person="J. Schulman", org="Anthropic",
                 direction="role_changed", role="research lead"), occurred_on="2025-01", meta={"actor": "cli:ed"})])  # fmt: skip
    store.append("person:j-schulman", [NewEvent(EntityMerged(kind="person", alias="J. Schulman",
                 canonical="John Schulman"), meta={"actor": "cli:ed"})])  # fmt: skip


def test_replay_equals_live_after_every_event_type(engine: Engine) -> None:
    mixed_log(engine)
    types = {e.type for e in EventStore(engine).read_all()}
    assert types == {"MoveReported", "MoveCorroborated", "MoveRetracted", "ManualMoveRecorded", "EntityMerged"}
    report = replay(engine, SETTINGS)
    assert report.ok, report.to_json()
    head = EventStore(engine).head()
    assert head is not None and report.position == head.position == report.applied
    assert {v.view for v in report.views} == {"moves", "sources", "merges", "spans"}
    assert all(v.rows > 0 for v in report.views)


def test_replay_finds_a_drifted_live_view(engine: Engine) -> None:
    mixed_log(engine)
    run_projections(engine, SETTINGS)
    with transaction(engine) as session:  # someone "fixes" a roster line by hand
        session.execute(update(LIVE.spans).where(LIVE.spans.c.org_id == "org:anthropic").values(role="CEO"))
        session.execute(delete(LIVE.sources))
    report = replay(engine, SETTINGS)
    assert not report.ok
    diffs = {v.view: v for v in report.views}
    assert diffs["spans"].only_live == diffs["spans"].only_replay >= 1
    assert "differs at" in diffs["spans"].examples[0] and "CEO" in diffs["spans"].examples[0]
    assert diffs["sources"].only_replay == 1 and diffs["moves"].equal


def test_as_of_replay_shows_only_what_was_recorded_then(engine: Engine) -> None:
    store = EventStore(engine)
    t0 = datetime(2024, 1, 1, tzinfo=UTC)
    for days, person in ((0, "Ada Lovelace"), (10, "Alan Turing"), (20, "Grace Hopper")):
        store.append(f"person:{person}", [NewEvent(ManualMoveRecorded(person=person, org="Anthropic",
                     direction="joined"), occurred_on="2023")], recorded_at=t0 + timedelta(days=days))  # fmt: skip
    assert position_as_of(engine, t0 - timedelta(seconds=1)) == 0
    position = position_as_of(engine, parse_moment("2024-01-11"))
    assert position == 2
    replay(engine, SETTINGS, to_position=position)
    [lines] = replayed_rosters(engine, SETTINGS, ["Anthropic"]).values()
    assert [line.person for line in lines] == ["Ada Lovelace", "Alan Turing"]
    with pytest.raises(ValueError, match="not a date"):
        parse_moment("yesterday")


def test_explain_names_events_documents_and_evidence(engine: Engine) -> None:
    mixed_log(engine)
    run_projections(engine, SETTINGS)
    result = explain(engine, SETTINGS, "John Schulman", "Anthropic")
    assert [s.org for s in result.stints] == ["Anthropic", "Anthropic"]  # joined, then a new role
    urls = {r.source.url for r in result.reports if r.source}
    assert {"https://news.example/schulman", "https://other.example/schulman"} <= urls
    evidence = {r.evidence for r in result.reports}
    assert "He joined Anthropic." in evidence
    kinds = [r.type for r in result.reports]
    assert {"MoveReported", "MoveCorroborated", "ManualMoveRecorded", "EntityMerged"} <= set(kinds)
    leike = explain(engine, SETTINGS, "Jan Leike")
    assert any(r.retracted_by for r in leike.reports) and not leike.stints
    assert any(r.type == "MoveRetracted" and "denied" in r.summary for r in leike.reports)


def test_demo_store_replays_verifies_and_explains(tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Done-when of the audit issue, on a store built by polling the bundled demo feed."""
    shutil.copytree(REPO / "config", tmp_path / "config")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TRACKER_CONFIG", str(tmp_path / "config" / "tracker.toml"))
    monkeypatch.setenv("TRACKER_DATABASE_URL", db_url)
    runner = CliRunner()
    assert runner.invoke(app, ["poll", "--once"]).exit_code == 0
    replayed = runner.invoke(app, ["replay", "--json"])
    assert replayed.exit_code == 0 and json.loads(replayed.stdout)["ok"]
    assert runner.invoke(app, ["verify"]).exit_code == 0
    explained = runner.invoke(app, ["explain", "Andrej Karpathy", "--json"])
    assert explained.exit_code == 0
    reports = json.loads(explained.stdout)["reports"]
    joined = next(r for r in reports if r["summary"].startswith("Andrej Karpathy joined Anthropic"))
    assert joined["source"]["url"].startswith("file://") and "karpathy-joins-anthropic.html" in joined["source"]["url"]
    assert "Andrej Karpathy has joined Anthropic" in joined["evidence"]
    assert runner.invoke(app, ["explain", "Nobody Atall"]).exit_code == 2
