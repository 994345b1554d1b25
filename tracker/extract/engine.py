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
from tracker.extract.resolve import Resolver
from tracker.extract.sentences import split_sentences
from tracker.extract.state import same_org

__all__ = ["Article", "extract_article", "same_org"]


class Article(Describer, Families, Merger):
    """Extraction state and logic for one article."""

    def process(self, text: str) -> None:
        s = self._prepare(text)
        if re.search(r"\b(?:acqui(?:re|res|red|ring|sition|rer)|merger|buyout|takeover)\b", text, re.I):
            self.acquisition = True
        if not silenced(text):
            self._sentence_moves(s)
        if s.org:
            self.context_org = s.org
        elif self.context_org is None:
            first = next((m for m in s.mentions if m.kind == "ORG"), None)
            self.context_org = first.name if first else None
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


def extract_article(text: str, published: dt.date | None, title: str | None, resolver: Resolver) -> list[Move]:
    art = Article(resolver, published)
    if title:
        art.seed_title(title)
    for sentence in split_sentences(text):
        art.process(sentence)
    return art.results()
