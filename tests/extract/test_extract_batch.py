"""Batch mode: JSON lines in and out, bad lines reported rather than raised."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tracker.extract import EXTRACTOR_NAME, EXTRACTOR_VERSION, Resolver, extract, move_to_json
from tracker.extract.batch import run_batch

REPO = Path(__file__).resolve().parents[2]


def test_good_and_bad_lines() -> None:
    lines = [
        json.dumps(
            {
                "id": "a",
                "text": "Kira Stone has joined Halden Labs as chief scientist.",
                "published": "2024-05-02",
            }
        ),
        "this is not json",
        json.dumps({"id": "c", "text": 42}),
        json.dumps({"id": "d", "text": "Nothing happened here.", "published": "not-a-date"}),
        "",
        json.dumps({"id": "e", "text": "No moves in this sentence at all.", "published": None}),
    ]
    out = [json.loads(x) for x in run_batch(lines, Resolver())]
    assert [o["id"] for o in out] == ["a", 2, "c", "d", "e"]
    assert out[0]["moves"][0]["person"] == "Kira Stone"
    assert out[0]["moves"][0]["date"] == "2024-05-02"
    assert "error" in out[1] and "error" in out[2] and "error" in out[3]
    assert out[4] == {"id": "e", "moves": []}


def test_move_json_has_the_contract_keys() -> None:
    [move] = extract("Kira Stone has joined Halden Labs as chief scientist.")
    data = move_to_json(move)
    for key in (
        "person",
        "org",
        "direction",
        "role",
        "team",
        "date",
        "confidence",
        "evidence",
        "seniority",
        "origin_org",
        "destination_org",
        "date_approximate",
    ):
        assert key in data
    json.dumps(data)
    assert EXTRACTOR_NAME == "rules" and EXTRACTOR_VERSION


def test_module_entry_point(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "x", "text": "Kira Stone has left Halden Labs.", "published": "2024-01-01"}) + "\n",
        encoding="utf-8",
    )
    res = subprocess.run(
        [sys.executable, "-m", "tracker.extract.batch", str(src)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    [line] = res.stdout.splitlines()
    assert json.loads(line)["moves"][0]["direction"] == "left"
