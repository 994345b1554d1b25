"""The learned ranker: shipped weights are the trainer's, and its probability means something."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from tracker.extract import chooser_weights, extract, ranker_weights, train
from tracker.extract.engine import read_article
from tracker.extract.ranker import probability
from tracker.extract.resolve import Resolver
from tracker.extract.train import REPO

SCORER = REPO / "tests/fixtures/corpus/score.py"


def _fixtures() -> list[Path]:
    return train.fixture_files()


def test_shipped_weights_are_what_the_trainer_gives() -> None:
    """Rules that change what a move looks like need `python -m tracker.extract.train --write`."""
    docs = train.collect(_fixtures(), train.load_match(SCORER))
    for (bias, weights), shipped in ((train.train(docs), ranker_weights), (train.train_chooser(docs), chooser_weights)):
        assert abs(bias - shipped.BIAS) < 1e-3
        assert set(weights) == set(shipped.WEIGHTS)
        assert all(abs(weights[k] - shipped.WEIGHTS[k]) < 1e-3 for k in weights)


def test_higher_probability_means_more_often_right() -> None:
    """Across the labelled rounds, the moves the ranker trusts are right far more often than the rest."""
    docs = train.collect(_fixtures()[-8:], train.load_match(SCORER))
    scored = [(probability(f), y) for d in docs for f, y in zip(d.feats, d.labels, strict=True)]
    high = [y for p, y in scored if p >= 0.8]
    low = [y for p, y in scored if p < 0.4]
    assert len(high) > 100 and len(low) > 10
    assert sum(high) / len(high) > 0.85
    assert sum(low) / len(low) < 0.6


def test_moves_below_the_threshold_are_dropped_and_the_rest_carry_the_probability() -> None:
    dropped = 0
    lines = [line for path in _fixtures()[-8:] for line in path.read_text(encoding="utf-8").splitlines()]
    for line in lines:
        doc = json.loads(line)
        published = dt.date.fromisoformat(doc["published"])
        art = read_article(doc["text"], published, None, Resolver())
        out = art.results()
        assert out == [m for m, _f, p in art.scored if p >= ranker_weights.THRESHOLD]
        assert out == extract(doc["text"], published)
        assert all(m.confidence <= p + 1e-3 for m, _f, p in art.scored)
        dropped += len(art.scored) - len(out)
    assert dropped > 0
