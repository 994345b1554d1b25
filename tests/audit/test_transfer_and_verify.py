"""Export/import round trip and tamper detection, on both databases."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from tracker.audit.transfer import ImportRefused, export_events, import_events
from tracker.audit.verify import verify
from tracker.db import make_engine, migrate
from tracker.events import EntityMerged, ManualMoveRecorded, MoveReported, MoveRetracted
from tracker.store import EventStore, NewEvent


def fill(store: EventStore) -> None:
    joined = store.append(
        "person:ada-lovelace",
        [NewEvent(MoveReported(person="Ada Lovelace", org="Analytical Engines", direction="joined", role="CTO"),
                  occurred_on="1843-09", meta={"evidence": "Ada joined — «quoted» <b>", "confidence": 0.9})],
    )  # fmt: skip
    store.append("person:bob", [NewEvent(ManualMoveRecorded(person="Bob", org="Acme", direction="left"))])
    store.append("person:ada-lovelace", [NewEvent(MoveRetracted(move_event_id=joined[0].event_id, reason="wrong"))])
    store.append("org:acme", [NewEvent(EntityMerged(kind="org", alias="ACME Corp", canonical="Acme"))])


def drop_guards(engine: Engine) -> None:
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            conn.execute(text("DROP TRIGGER events_no_update"))
            conn.execute(text("DROP TRIGGER events_no_delete"))
        else:
            conn.execute(text("ALTER TABLE events DISABLE TRIGGER USER"))


def test_jsonl_export_reimports_to_an_equal_chain(engine: Engine, tmp_path: Path) -> None:
    store = EventStore(engine)
    fill(store)
    out = io.StringIO()
    assert export_events(store.read_all(), out) == 4
    target = make_engine(f"sqlite:///{tmp_path / 'copy.db'}")
    migrate(target)
    assert import_events(target, io.StringIO(out.getvalue())) == 4
    copy = EventStore(target)
    assert list(copy.read_all()) == list(store.read_all())
    assert copy.head() == store.head()
    assert verify(target).ok
    with pytest.raises(ImportRefused, match="not empty"):
        import_events(target, io.StringIO(out.getvalue()))


def test_import_refuses_a_tampered_file_and_writes_nothing(engine: Engine, tmp_path: Path) -> None:
    store = EventStore(engine)
    fill(store)
    out = io.StringIO()
    export_events(store.read_all(), out)
    lines = out.getvalue().splitlines()
    edited = json.loads(lines[1])
    edited["data"]["org"] = "Evil"
    target = make_engine(f"sqlite:///{tmp_path / 'copy.db'}")
    migrate(target)
    with pytest.raises(ImportRefused, match="line 2: hash does not match"):
        import_events(target, [lines[0], json.dumps(edited), *lines[2:]])
    with pytest.raises(ImportRefused, match="line 2: position 3 does not continue"):
        import_events(target, [lines[0], *lines[2:]])
    with pytest.raises(ImportRefused, match="line 1: not an exported event"):
        import_events(target, ["{not json"])
    assert EventStore(target).head() is None


def test_csv_export_has_a_row_per_event(engine: Engine) -> None:
    store = EventStore(engine)
    fill(store)
    out = io.StringIO()
    export_events(store.read_all(after_position=1), out, "csv")
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [int(r["position"]) for r in rows] == [2, 3, 4]
    assert json.loads(rows[0]["data"])["person"] == "Bob"


def test_verify_finds_a_reordered_position(engine: Engine) -> None:
    store = EventStore(engine)
    fill(store)
    drop_guards(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE events SET position = 99 WHERE position = 2"))
    report = verify(engine)
    assert not report.ok and report.first_bad_position == 3
    assert "gap or reorder" in " ".join(report.problems)


def test_verify_finds_broken_stream_versions(engine: Engine) -> None:
    store = EventStore(engine)
    fill(store)
    drop_guards(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE events SET stream_version = 5 WHERE position = 3"))
    report = verify(engine)
    assert not report.ok and report.first_bad_position == 3
    assert any("stream person:ada-lovelace has version 5" in p for p in report.problems)


def test_verify_intact_log(engine: Engine) -> None:
    fill(EventStore(engine))
    report = verify(engine)
    assert report.ok and report.checked == 4 and report.head_position == 4


def test_verify_names_a_stored_version_no_code_can_read(engine: Engine) -> None:
    fill(EventStore(engine))
    drop_guards(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE events SET type = 'MoveTeleported' WHERE position = 2"))
    report = verify(engine)
    assert not report.ok and report.first_bad_position == 2
    assert any("MoveTeleported v1 does not load" in p for p in report.problems)
