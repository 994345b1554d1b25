"""One article, sentence by sentence: prepare mentions, fire triggers, then merge the moves.

The work is split by job: `state` (shared state and slot helpers), `describe` (mentions and
person descriptions), `families` (one handler per trigger family) and `merge` (final pass).
"""

from __future__ import annotations

import datetime as dt
import re

from tracker.extract.cues import silenced
from tracker.extract.describe import Describer
from tracker.extract.families import Families
from tracker.extract.merge import Merger
from tracker.extract.model import Move
from tracker.extract.names import article_orgs
from tracker.extract.resolve import Resolver
from tracker.extract.sentences import split_sentences
from tracker.extract.state import Sentence, same_org

__all__ = ["Article", "extract_article", "same_org"]


class Article(Describer, Families, Merger):
    """Extraction state and logic for one article."""

    def _employer_slot(self, s: Sentence, name: str) -> bool:
        """ "the company" later means the article's employer, never a product named in passing
        ("the launches of ChatGPT and DALL·E"): only an organisation seen in an employer slot moves it."""
        return _employer_mention(s, name, self.resolver.known_org(name) is not None)

    def process(self, text: str) -> None:
        self.sentences.append(text)
        s = self._prepare(text)
        if _ACQUISITION.search(text) and not _ACQUISITION_OFF.search(text):
            self.acquisition = True
        if not silenced(text):
            self._sentence_moves(s)
        else:
            self.pending_group = None
        if s.org and self._employer_slot(s, s.org) and not s.career:
            self.context_org = s.org
            self.context_guessed = False
        elif self.context_org is None:
            first = next((m for m in s.mentions if m.kind == "ORG"), None)
            self.context_org = first.name if first else None
            self.context_guessed = True
        self._prefer_destination(text)
        self.last_text = text

        opener = next((m for m in s.mentions if m.kind in ("PER", "PRON", "ORG")), None)
        if opener is not None and opener.i <= 2 and opener.kind == "PER":
            self.last_subject = s.names.get(opener.i, opener.name)
        elif opener is None or opener.kind != "PRON" or opener.i > 2 or opener.plural:
            self.last_subject = None  # a sentence led by someone or something else breaks the chain
        pers = [m for m in s.mentions if m.kind == "PER"]
        if pers:
            last = pers[-1]
            self.last_person = s.names.get(last.i, last.name)
            grp = s.groups.get(last.i, [last])
            self.last_group = [s.names.get(g.i, g.name) for g in grp]
            for m in pers:
                grp = s.groups.get(m.i, [m])
                if len(grp) > 1:
                    self.last_group = [s.names.get(g.i, g.name) for g in grp]

    def _prefer_destination(self, text: str) -> None:
        """ "X has landed at Cohere, months after she stepped down as Meta's vice president. The Toronto-based
        model developer also appointed Y": a story about a move is about where people go, so a later
        "the company" means the organisation joined or founded, not the one being left."""
        here = [r for r, sent, _c in self.moves if sent == text]
        # ... and a first organisation named in passing, that no move has borne out ("From the ICU to a billion-dollar valuation") gives way too
        unproven = self.context_guessed and not any(same_org(r.org, self.context_org) for r, _s, _c in self.moves)
        if not unproven and not any(r.direction == "left" and same_org(r.org, self.context_org) for r in here):
            return
        dests = {r.org for r in here if r.direction in ("joined", "founded") and r.family not in ("become", "role")}
        dests = {d for d in dests if not any(r.direction == "left" and same_org(r.org, d) for r in here)}
        if len(dests) == 1:
            self.context_org = dests.pop()


_ACQUISITION = re.compile(
    r"\b(?:acqui(?:re|res|red|ring|sition|rer)|merger|buyout|takeover|(?:agreed|agreeing|agrees|deal) to buy)\b", re.I
)
# "The arrangement ends OpenAI's planned acquisition of Windsurf": a deal that did not happen buys nobody
_ACQUISITION_OFF = re.compile(
    r"\b(?:ends?|ended|ending|scrap(?:s|ped)?|call(?:s|ed)? off|abandon(?:s|ed)?|collaps(?:e|es|ed)|"
    r"fell (?:apart|through)|blocked|terminat(?:e|es|ed))\b",
    re.I,
)

# Words around an organisation that make it a plausible employer rather than a product or a topic.
_EMPLOYER_BEFORE = frozenset(
    [
        "at",
        "for",
        "from",
        "join",
        "joins",
        "joined",
        "joining",
        "left",
        "leave",
        "leaves",
        "leaving",
        "quit",
        "quits",
        "quitting",
        "by",
        "with",
        "rival",
        "startup",
        "company",
        "firm",
        "lab",
        "group",
        "to",
    ]
)
_EMPLOYER_AFTER = frozenset(
    [
        "said",
        "says",
        "has",
        "have",
        "had",
        "is",
        "was",
        "will",
        "would",
        "announced",
        "named",
        "appointed",
        "hired",
        "confirmed",
        "'s",
        "’s",
        ",",
        "chief",
        "co-founder",
        "cofounder",
        "founder",
        "ceo",
        "president",
        "spokesperson",
        "spokeswoman",
        "spokesman",
        "board",
        "executive",
    ]
)

_THE_EMPLOYER = frozenset(
    {"at", "for", "join", "joins", "joined", "joining", "left", "leave", "leaves", "leaving", "quit"}
)
_TIME_BEFORE = frozenset({"before", "after", "until", "since", "unlike", "than"})


def _employer_mention(s: Sentence, name: str, known: bool) -> bool:
    for m in s.mentions:
        if m.kind != "ORG" or m.name != name:
            continue
        # "at the Sentinel", "left the Courier"; not "From the ICU to the boardroom"
        before = (
            m.i - 1 if m.i > 1 and s.tokens[m.i - 1].low == "the" and s.tokens[m.i - 2].low in _THE_EMPLOYER else m.i
        )
        prev = s.tokens[before - 1].low if before > 0 else ""
        nxt = s.tokens[m.j].low if m.j < len(s.tokens) else ""
        if prev in _TIME_BEFORE:
            continue  # "Before Vertex, he held roles at Amgen": a past employer, named as a time
        if known or m.i in s.attached or m.i == 0 or prev in _EMPLOYER_BEFORE or nxt in _EMPLOYER_AFTER:
            return True
    return False


def read_article(text: str, published: dt.date | None, title: str | None, resolver: Resolver) -> Article:
    """The article read sentence by sentence, its moves not yet merged (training reads `scored` after)."""
    art = Article(resolver, published)
    sentences = split_sentences(text)
    art.people.article_orgs = article_orgs(sentences, resolver)
    if title:
        art.seed_title(title)
    for sentence in sentences:
        art.process(sentence)
    return art


def extract_article(text: str, published: dt.date | None, title: str | None, resolver: Resolver) -> list[Move]:
    return read_article(text, published, title, resolver).results()
