"""Sentence-level cues: what silences a sentence (denials, speculation, leave) and what hedges it."""

from __future__ import annotations

import re

# A sentence carrying these reports no move: a denial, a rumour, a guess, or a temporary absence.
_SILENCE = re.compile(
    r"\b(?:denie[sd]|deny|denying|rumou?r(?:s|ed)?|"
    # "dismissed a report that she was preparing to leave", "brushed off suggestions that ..."
    r"(?:dismiss|reject|brush(?:ed|es|ing)? off|play(?:ed|s|ing)? down|downplay)\w* "
    r"(?:an? |the |those |these )?(?:media )?(?:reports?|rumou?rs?|speculation|suggestions?|claims?|talk)|"
    # "writing that she 'isn't going anywhere'": a denial in the person's own words
    r"(?:is|am|are|was|'s)(?:n't| not) going anywhere|"
    # "analysts have floated the idea that Apple could buy X": a guess, not news
    r"floated (?:the )?(?:idea|notion|possibility|prospect)|"
    # "have discussed bringing in an outside chief executive": a plan under discussion
    r"(?:has|have|had) (?:discussed|explored|debated) (?:bringing|hiring|recruiting|appointing|naming|replacing|adding)|"
    # "is taking time away from the company", "will run it in his absence": a leave, not an exit
    r"(?:take|takes|taking|took|taken) (?:some )?time away|in (?:his|her|their) absence|"
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
    r"\b(?:were|was|is|are) [\"“'‘]?(?:(?:simply|completely|totally|entirely|categorically|flatly|absolutely) )?(?:false|wrong|inaccurate|incorrect|premature|untrue|baseless|overblown)\b|"
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


# Speculation about a successor silences only its own clause: "X resigned on Monday, and Y is widely
# seen as the front-runner to succeed him" still reports X's exit.
_CLAUSE_SILENCE = re.compile(
    r"\b(?:front-?runner|favou?rite (?:to|for)|"
    r"(?:seen|viewed|regarded|considered) as (?:a |the )?(?:likely|leading|top|possible|potential|obvious|natural) "
    r"(?:successor|candidate|choice|contender|replacement|pick))\b",
    re.I,
)


def silenced(sentence: str) -> bool:
    return bool(_SILENCE.search(sentence) or _FALSE.search(sentence))


def clause_silenced(clause: str) -> bool:
    """A move whose own clause is a guess about a successor is no move; the rest of the sentence stands."""
    return _CLAUSE_SILENCE.search(clause) is not None


def hedge_factor(sentence: str) -> float:
    """Multiply the confidence of moves in ``sentence``: each hedge lowers it, floors apply later."""
    factor = 1.0
    for pattern, weight in _HEDGES:
        if pattern.search(sentence):
            factor *= weight
    return factor
