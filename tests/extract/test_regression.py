"""Regression guard: the labelled sets, scored with the same matching rules as shared/corpus/score.py."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from tracker.extract import Resolver
from tracker.extract.batch import run_batch

HERE = Path(__file__).resolve()
SCORE_PY = HERE.parents[2].parent / "shared/corpus/score.py"
DEV = HERE.parents[2].parent / "shared/corpus/dev.jsonl"
FIXTURES = HERE.parents[1] / "fixtures/extract"


def _score_module() -> ModuleType:
    if not SCORE_PY.exists():
        pytest.skip(f"{SCORE_PY} not present (shared/ is cloned beside the repo in CI)")
    spec = importlib.util.spec_from_file_location("corpus_score", SCORE_PY)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _prf(gold_path: Path) -> tuple[float, float, float]:
    score = _score_module()
    lines = gold_path.read_text(encoding="utf-8").splitlines()
    gold = {d["id"]: d for d in map(json.loads, lines)}
    pred = {d["id"]: d.get("moves", []) for d in map(json.loads, run_batch(lines, Resolver()))}
    tp = fp = fn = 0
    for pid, doc in gold.items():
        remaining = list(doc["moves"])
        for move in pred.get(pid, []):
            hit = next((g for g in remaining if score.match(g, move)), None)
            if hit is None:
                fp += 1
            else:
                tp += 1
                remaining.remove(hit)
        fn += len(remaining)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def test_dev_set() -> None:
    if not DEV.exists():
        pytest.skip("dev set not present")
    p, r, f1 = _prf(DEV)
    assert f1 >= 0.95, (p, r, f1)
    assert p >= 0.95


def test_heldout_set() -> None:
    p, r, f1 = _prf(FIXTURES / "heldout.jsonl")
    assert f1 >= 0.95, (p, r, f1)
    assert p >= 0.95


def test_heldout2_set() -> None:
    p, r, f1 = _prf(FIXTURES / "heldout2.jsonl")
    assert f1 >= 0.78, (p, r, f1)
    assert p >= 0.93
