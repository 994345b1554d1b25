"""Sentence-level cues: what silences a sentence (denials, speculation, leave) and what hedges it."""

from __future__ import annotations

import re

# A sentence carrying these reports no move: a denial, a rumour, a guess, or a temporary absence.
_SILENCE = re.compile(
    r"\b(?:denie[sd]|deny|denying|dismissed (?:reports|rumou?rs|speculation)|rumou?r(?:s|ed)?|"
    r"speculat\w*|wonder(?:ed|s|ing)?|whether|untrue|unfounded|no plans? to|"
    r"(?:has|had|have) no intention|no intention of|"
    r"leaves? of absence|sabbatical|(?:medical|parental|maternity|paternity|garden|sick) leave|"
    r"on leave|in (?:\w+ )?(?:talks|discussions|negotiations)|considering|weighing|"
    r"is said to be (?:considering|weighing)|"
    r"could be|might|if (?:he|she|they) (?:leaves?|joins?)|hypothetical|would be a candidate|"
    # "appointed X to a fifth term", "re-elected as chair": the same job kept, no move
    r"(?:to|for) (?:a|another) (?:second|third|fourth|fifth|sixth|new|further|fresh) (?:[\w-]+-year )?term|"
    r"re-?appointed|re-?elected|extended (?:his|her|their) contract|"
    r"shortlist\w*|candidates? (?:for|to)|(?:is|are|was|were) among (?:the )?(?:candidates|contenders))\b",
    re.I,
)
# A false rumour is often told as "reports that X was leaving were false".
_FALSE = re.compile(
    r"\b(?:were|was|is|are) [\"“]?(?:(?:simply|completely|totally|entirely|categorically|flatly) )?(?:false|wrong|inaccurate|incorrect|premature|untrue|baseless|overblown)\b|"
    r"\btalks (?:are|were|remain) (?:ongoing|continuing|at an early stage)\b",
    re.I,
)

_HEDGES: list[tuple[re.Pattern[str], float]] = [
    (re.compile(r"\b(?:plans?|planning|intends?|intending|hopes?|aims?) to\b", re.I), 0.65),
    (re.compile(r"\b(?:is|are|was|were) (?:expected|likely|poised|tipped|slated) to\b", re.I), 0.6),
    (re.compile(r"\bpeople (?:familiar|briefed|close) (?:with|to)\b", re.I), 0.7),
    (
        re.compile(
            r"\b(?:sources said|according to (?:sources|a report|reports|people)|reportedly|"
            r"is said to|are said to|was said to)\b",
            re.I,
        ),
        0.7,
    ),
    (
        re.compile(r"\b(?:agreement in principle|tentative(?:ly)?|pending (?:approval|regulatory))\b", re.I),
        0.8,
    ),
    (re.compile(r"\b(?:may|could|would likely)\s+(?:join|leave|step|become|depart|retire)\b", re.I), 0.5),
]


def silenced(sentence: str) -> bool:
    return bool(_SILENCE.search(sentence) or _FALSE.search(sentence))


def hedge_factor(sentence: str) -> float:
    """Multiply the confidence of moves in ``sentence``: each hedge lowers it, floors apply later."""
    factor = 1.0
    for pattern, weight in _HEDGES:
        if pattern.search(sentence):
            factor *= weight
    return factor
