"""Regression guard: the labelled sets, scored with the same matching rules as shared/corpus/score.py."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from tracker.extract import Resolver
from tracker.extract.batch import run_batch
from tracker.extract.resolve import resolver_from_settings
from tracker.settings import load_settings

HERE = Path(__file__).resolve()
REPO = HERE.parents[2]
SHARED = REPO.parent / "shared/corpus"
# the corpus scorer and dev set, from shared/ when it is cloned beside the repo, else the copies kept
# in tests/fixtures/corpus (checked against shared/ below whenever it is there)
COPIES = HERE.parents[1] / "fixtures/corpus"
CORPUS = SHARED if (SHARED / "score.py").exists() else COPIES
SCORE_PY = CORPUS / "score.py"
DEV = CORPUS / "dev.jsonl"
FIXTURES = HERE.parents[1] / "fixtures/extract"


@pytest.mark.skipif(not (SHARED / "score.py").exists(), reason="shared/ is not cloned beside the repo")
@pytest.mark.parametrize("name", ["score.py", "dev.jsonl"])
def test_corpus_copies_equal_shared(name: str) -> None:
    assert (COPIES / name).read_bytes() == (SHARED / name).read_bytes()


def _score_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("corpus_score", SCORE_PY)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _prf(gold_path: Path, resolver: Resolver | None = None) -> tuple[float, float, float]:
    score = _score_module()
    lines = gold_path.read_text(encoding="utf-8").splitlines()
    gold = {d["id"]: d for d in map(json.loads, lines)}
    pred = {d["id"]: d.get("moves", []) for d in map(json.loads, run_batch(lines, resolver or Resolver()))}
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


@pytest.mark.parametrize("config", [False, True], ids=["no-config", "shipped-config"])
def test_dev_set(config: bool) -> None:
    """Also with the shipped config's organisations and aliases: `tracker extract --batch` runs so."""
    resolver = resolver_from_settings(load_settings(REPO / "config" / "tracker.toml")) if config else None
    p, r, f1 = _prf(DEV, resolver)
    assert f1 >= 0.97, (p, r, f1)
    assert p >= 0.95, (p, r, f1)


# Own labelled sets; each was scored blind once when written (see tracker/extract/README.md),
# then rule gaps it exposed were fixed with general rules. Floors sit a little under today's figures.
HELDOUT_FLOORS = {
    "heldout.jsonl": (0.97, 0.95),
    "heldout2.jsonl": (0.95, 0.95),
    "heldout3.jsonl": (0.95, 0.95),
    "heldout4.jsonl": (0.95, 0.95),
    "heldout5.jsonl": (0.93, 0.92),
    "heldout6.jsonl": (0.95, 0.95),
    "heldout7.jsonl": (0.95, 0.95),
    "heldout8.jsonl": (0.95, 0.95),
    "heldout9.jsonl": (0.95, 0.95),
    "heldout10.jsonl": (0.95, 0.95),
    "heldout11.jsonl": (0.95, 0.95),
    "heldout12.jsonl": (0.95, 0.95),
    "heldout13.jsonl": (0.95, 0.95),
    "heldout14.jsonl": (0.95, 0.95),
    "heldout15.jsonl": (0.95, 0.95),
    "heldout16.jsonl": (0.95, 0.95),
    "heldout17.jsonl": (0.95, 0.95),
    "heldout18.jsonl": (0.95, 0.95),
    "heldout19.jsonl": (0.95, 0.95),
    "heldout20.jsonl": (0.95, 0.95),
    "heldout21.jsonl": (0.95, 0.95),
    "heldout22.jsonl": (0.95, 0.95),
    "heldout23.jsonl": (0.95, 0.95),
    "heldout24.jsonl": (0.95, 0.95),
    "heldout25.jsonl": (0.95, 0.95),
    "heldout26.jsonl": (0.95, 0.95),
    "heldout27.jsonl": (0.95, 0.95),
    "heldout28.jsonl": (0.95, 0.95),
    "heldout29.jsonl": (0.95, 0.95),
    "heldout30.jsonl": (0.95, 0.95),
    # round 3: some misses remain (founder lists, licensing-deal departures, unit heads "led by")
    "heldout31.jsonl": (0.95, 0.95),
    "heldout32.jsonl": (0.86, 0.95),
    "heldout33.jsonl": (0.95, 0.95),
    "heldout34.jsonl": (0.93, 0.95),
    "heldout35.jsonl": (0.95, 0.95),
    "heldout36.jsonl": (0.95, 0.95),
    "heldout37.jsonl": (0.90, 0.95),
    "heldout38.jsonl": (0.92, 0.95),
    "heldout39.jsonl": (0.90, 0.95),
    "heldout40.jsonl": (0.90, 0.95),
    # round 4 (real AI-lab, succession and startup stories; first run 0.72/0.57/0.63 pooled): misses remain
    # in unit-level co-CEO lists, "X of Y" organisation names and moves told only through later sentences
    "heldout41.jsonl": (0.86, 0.95),
    "heldout42.jsonl": (0.86, 0.88),
    "heldout43.jsonl": (0.84, 0.95),
    # round 5, scored once blind after the round-4 fixes (first run 0.68/0.59/0.63 pooled), then used to
    # find the place and "X of Y" classes of round 6
    "heldout44.jsonl": (0.75, 0.80),
    "heldout45.jsonl": (0.60, 0.63),
    # round 6 (first run 0.52/0.54/0.53 pooled), the sets that found datelines, initials, co-titles and
    # bounded stays; round 7 (first run 0.73/0.67/0.70 pooled), which found clubs, agencies, units and
    # wire datelines; round 8 (first run 0.68/0.63/0.66 pooled), which found colon datelines, regions and
    # lower-case brands; round 9 (first run 0.75/0.73/0.74 pooled), which found title-case datelines,
    # departments inside titles, "X of the Y" and "for" institutions; round 10 (first run 0.76/0.64/0.69
    # pooled), scored once after the round-9 fixes, then worked on with round 11 (places in employer slots,
    # name particles, co-founders who quit together). Floors only guard against getting worse
    "heldout46.jsonl": (0.78, 0.78),
    "heldout47.jsonl": (0.82, 0.81),
    "heldout48.jsonl": (0.78, 0.82),
    "heldout49.jsonl": (0.82, 0.82),
    "heldout50.jsonl": (0.75, 0.78),
    "heldout51.jsonl": (0.76, 0.81),
    "heldout52.jsonl": (0.85, 0.89),
    "heldout53.jsonl": (0.87, 0.88),
    "heldout54.jsonl": (0.80, 0.83),
    "heldout55.jsonl": (0.72, 0.80),
    # round 11 (first runs: r11a 0.81/0.75/0.78 before its fixes, r11b 0.69/0.49/0.57), worked on with
    # round 10; round 12 (first run 0.72/0.65/0.68 pooled), scored once after every fix and not worked on
    "heldout56.jsonl": (0.79, 0.81),
    "heldout57.jsonl": (0.76, 0.88),
    "heldout58.jsonl": (0.73, 0.75),
    "heldout59.jsonl": (0.57, 0.63),
    # round 13 development sets (first run 0.70/0.59/0.64 pooled, rules alone), worked on with the ranker
    "heldout60.jsonl": (0.77, 0.82),
    "heldout61.jsonl": (0.58, 0.66),
    # round 13 sealed sets (first run 0.64/0.51/0.57 rules alone, 0.65/0.50/0.56 with the ranker), not worked on
    "heldout62.jsonl": (0.61, 0.66),
    "heldout63.jsonl": (0.49, 0.59),
    # round 14 development sets (first run 0.83/0.66/0.73 pooled before this round's rules), worked on
    "heldout64.jsonl": (0.72, 0.80),
    "heldout65.jsonl": (0.82, 0.90),
    # round 14 sealed sets (first run 0.71/0.61/0.66 on the round-13 code, 0.78/0.66/0.72 on this round's),
    # scored without reading their errors and not worked on
    "heldout66.jsonl": (0.70, 0.78),
    "heldout67.jsonl": (0.65, 0.70),
    # round 15 development sets (first run 0.78/0.64/0.70 pooled on the round-14 code), worked on
    "heldout68.jsonl": (0.82, 0.86),
    "heldout69.jsonl": (0.84, 0.86),
    # round 15 sealed sets (first run 0.72/0.53/0.61 on the round-14 code, 0.77/0.55/0.64 on this round's),
    # scored without reading their errors and not worked on
    "heldout70.jsonl": (0.63, 0.73),
    "heldout71.jsonl": (0.59, 0.71),
}


@pytest.mark.parametrize("name", sorted(HELDOUT_FLOORS))
def test_heldout_sets(name: str) -> None:
    min_f1, min_p = HELDOUT_FLOORS[name]
    p, r, f1 = _prf(FIXTURES / name)
    assert f1 >= min_f1, (p, r, f1)
    assert p >= min_p, (p, r, f1)


def test_all_heldout_together_stays_above_its_floor() -> None:
    """Pooled over every set, most of which found the rules they now pass: a regression floor. The
    figure for unseen text is each round's first run (tracker/extract/README.md), which is below the
    goal of precision >= 0.95 and F1 >= 0.90."""
    tp = fp = fn = 0.0
    for name in HELDOUT_FLOORS:
        p, r, _f1 = _prf(FIXTURES / name)
        gold = sum(len(json.loads(x)["moves"]) for x in (FIXTURES / name).read_text(encoding="utf-8").splitlines())
        t = r * gold
        tp += t
        fn += gold - t
        fp += t / p - t if p else 0.0
    precision = tp / (tp + fp)
    recall = tp / (tp + fn)
    # round 12 joined unworked (pooled fell to about P 0.915 F1 0.888), then round 13, half of it sealed
    # and unworked, and the ranker's threshold (pooled about P 0.902 F1 0.860); round 14's word lists typed
    # more names and the retrained ranker kept more moves (about P 0.896 R 0.831 F1 0.862), then round 14
    # joined, half of it sealed (pooled about P 0.898 R 0.817 F1 0.856); round 15's chooser and rules (about
    # P 0.919 R 0.825 F1 0.869), then round 15 joined, half of it sealed (about P 0.905 R 0.814 F1 0.857)
    assert precision >= 0.89
    assert 2 * precision * recall / (precision + recall) >= 0.85
