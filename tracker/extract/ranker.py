"""A learned check on the rules' moves: how likely each one is read right, from how it was found.

The rules propose moves; most of their mistakes are the right person with the wrong organisation or
the wrong direction, and those share tell-tale shapes (the organisation is not in the sentence, the
person has another move in the same direction, the move was implied rather than stated). A logistic
model over such features, trained on the labelled fixtures by `tracker.extract.train`, turns those
shapes into a probability. Moves below `THRESHOLD` are dropped; the rest carry the probability,
times the text's own hedging, as their confidence. Pure Python: no model file to download, no
third-party runtime.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from tracker.extract.dates import YEAR
from tracker.extract.names import ORG_SUFFIX
from tracker.extract.patterns import PersonInfo, Raw
from tracker.extract.places import is_place
from tracker.extract.ranker_weights import BIAS, THRESHOLD, WEIGHTS
from tracker.extract.roles import seniority
from tracker.extract.sentences import is_fragment
from tracker.extract.state import org_norm, same_org

__all__ = ["THRESHOLD", "Candidate", "bucket", "features", "probability"]

_WHO = re.compile(r"\b(?:who|whose|which)\b", re.I)
_FORMER = re.compile(r"\b(?:former|formerly|ex-|previously|earlier|once)\b", re.I)
_SPEECH = re.compile(r"\b(?:said|says|told|added|according)\b", re.I)
_QUOTE = re.compile(r"[\"“”]")


@dataclass
class Candidate:
    """One merged move with the article context the features read."""

    raw: Raw
    sentence: str
    clause: str
    index: int  # which sentence of the article (0 = first)


def bucket(name: str, value: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if value <= edge:
            return f"{name}<={edge}"
    return f"{name}>{edges[-1]}"


def features(
    cand: Candidate,
    others: list[Candidate],
    sentences: list[str],
    info: PersonInfo | None,
    known_org: bool,
) -> dict[str, float]:
    """Named, mostly binary features of one move; names are the model's vocabulary."""
    raw, sent = cand.raw, cand.sentence
    low_sent = sent.lower()
    org_words = raw.org.split()
    surname = raw.person.split()[-1]
    f: dict[str, float] = {
        f"dir={raw.direction}": 1.0,
        f"fam={raw.family or 'none'}": 1.0,
        f"dirfam={raw.direction}/{raw.family or 'none'}": 1.0,
        "implicit": float(raw.implicit),
        "hedged": float(raw.confidence < 0.95),
        bucket("person_words", len(raw.person.split()), (1, 2)): 1.0,
        bucket("org_words", len(org_words), (1, 2, 3)): 1.0,
        "org_suffix": float(any(w.lower().rstrip(".,") in ORG_SUFFIX for w in org_words[1:])),
        "org_place": float(is_place(raw.org)),
        "org_known": float(known_org),
        "org_in_sentence": float(org_norm(raw.org) in org_norm(sent)),
        "org_in_clause": float(org_norm(raw.org) in org_norm(cand.clause)),
        "person_in_sentence": float(raw.person in sent),
        "surname_in_sentence": float(surname in sent),
        "role": float(bool(raw.role)),
        f"seniority={seniority(raw.role) if raw.role else 'none'}": 1.0,
        "linked": float(bool(raw.origin or raw.destination)),
        "team": float(bool(raw.team)),
        "who_clause": float(bool(_WHO.search(cand.clause))),
        "former_word": float(bool(_FORMER.search(sent))),
        "speech": float(bool(_SPEECH.search(sent))),
        "quoted": float(bool(_QUOTE.search(sent))),
        "year_in_clause": float(bool(YEAR.search(cand.clause))),
        "headline": float(cand.index == 0 and is_fragment(sent)),
        "first_sentence": float(cand.index == 0),
        bucket("sentence_index", cand.index, (0, 2, 5)): 1.0,
        bucket("sentence_len", len(sent.split()), (12, 25, 40)): 1.0,
        bucket("org_mentions", sum(org_norm(raw.org) in org_norm(s) for s in sentences), (1, 2, 4)): 1.0,
        bucket("person_mentions", sum(surname in s for s in sentences), (1, 2, 4)): 1.0,
        "info_same_org": float(bool(info and info.org and same_org(info.org, raw.org))),
        "info_other_org": float(bool(info and info.org and not same_org(info.org, raw.org))),
        "info_former": float(bool(info and info.former)),
        "info_insider": float(bool(info and (info.insider or info.tenured))),
        "info_title": float(bool(info and info.title)),
        "board_word": float("board" in low_sent or "director" in (raw.role or "").lower()),
    }
    same_person = [o for o in others if o.raw.person == raw.person]
    f["person_moves>1"] = float(len(same_person) > 0)
    f["same_dir_other_org"] = float(
        any(o.raw.direction == raw.direction and not same_org(o.raw.org, raw.org) for o in same_person)
    )
    f["other_dir_same_org"] = float(
        any(o.raw.direction != raw.direction and same_org(o.raw.org, raw.org) for o in same_person)
    )
    f["same_sentence_moves>1"] = float(any(o.sentence == sent for o in others))
    f["org_is_other_person"] = float(any(same_org(o.raw.person, raw.org) for o in others))
    f[bucket("article_moves", len(others) + 1, (1, 2, 4, 7))] = 1.0
    return f


def probability(feats: dict[str, float], bias: float = BIAS, weights: dict[str, float] = WEIGHTS) -> float:
    """The model's probability that the move is read right (person, organisation and direction); the
    trainer passes the weights it is fitting, everyone else gets the shipped ones."""
    z = bias + sum(weights.get(k, 0.0) * v for k, v in feats.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
