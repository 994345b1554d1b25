"""One article, sentence by sentence: mentions, person descriptions, triggers, then merged moves.

State carried across sentences is what a reader carries: the full names seen so far
(for "Karpathy" and "he"), what each person is said to do (for "leaving for a rival"
and for telling a promotion from a hire), and the organisation the article is about.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from tracker.extract.cues import hedge_factor, silenced
from tracker.extract.dates import move_date
from tracker.extract.model import Direction, Move
from tracker.extract.names import ORG_SUFFIX, KnownPeople, Mention, Token, find_mentions, tokenize
from tracker.extract.patterns import (
    TRIGGERS,
    PersonInfo,
    Raw,
    Trigger,
    company_context,
    find_triggers,
    former_marked,
    is_position,
    negated,
    passive,
    title_phrase,
)
from tracker.extract.resolve import Resolver
from tracker.extract.roles import TITLE_HEADS, TITLE_MODIFIERS, board_seat, clean_role, seniority
from tracker.extract.sentences import split_sentences

_ORG_NOISE = {
    "the",
    "inc",
    "corp",
    "corporation",
    "company",
    "co",
    "ltd",
    "llc",
    "plc",
    "platforms",
    "group",
    "holdings",
}
_APPOS_START = {
    "the",
    "a",
    "an",
    "one",
    "two",
    "three",
    "previously",
    "currently",
    "formerly",
    "former",
    "now",
    "who",
    "whose",
    "most",
    "also",
    "both",
    "then",
    "until",
    "its",
    "his",
    "her",
    "their",
    "once",
}
_VERBISH = {
    "said",
    "says",
    "announced",
    "told",
    "added",
    "is",
    "was",
    "has",
    "had",
    "will",
    "would",
    "and",
    "but",
    "which",
    "where",
    "when",
    "according",
    "wrote",
    "posted",
    "confirmed",
    "are",
    "were",
    "have",
    "plans",
    "to",
    "in",
    "on",
    "at",
    "after",
    "before",
    "while",
    "as",
}
_SKIP_BEFORE_ORG = {
    "rival",
    "the",
    "fellow",
    "startup",
    "start-up",
    "company",
    "firm",
    "lab",
    "chipmaker",
    "newly",
    "formed",
    "new",
    "its",
    "competitor",
    "cloud",
    "giant",
    "search",
    "social",
    "media",
}
_STOP_BEFORE_ORG = {
    "to",
    "for",
    "as",
    "at",
    "from",
    "in",
    "on",
    "of",
    "with",
    "by",
    "and",
    "or",
    "but",
    "after",
    "before",
    "because",
    "since",
    "until",
    "when",
    "while",
    "that",
    "who",
    "which",
    "where",
    "said",
    "says",
    "his",
    "her",
    "their",
    "board",
    "role",
    "post",
    "position",
    "job",
}
_GROUP_GLUE = {",", "and", "&", "'s", "’s", "fellow", "former", "ex", "both"}
_BASE = {
    "leave": 0.9,
    "depart_for": 0.9,
    "join": 0.9,
    "become": 0.88,
    "hire": 0.92,
    "found": 0.9,
    "succeed": 0.85,
    "succeeded_by": 0.85,
    "role": 0.9,
    "nominal_left": 0.88,
    "own_nominal": 0.9,
    "poss_nominal": 0.85,
    "nominal_join": 0.88,
    "fire": 0.9,
    "handover": 0.85,
    "adjective": 0.85,
    "remain": 0.85,
    "newrole": 0.85,
    "founder_as": 0.85,
    "following": 0.8,
    "lose": 0.85,
}
_SPENT = re.compile(
    r"\bspent\s+(?:the\s+(?:past|last)\s+|nearly\s+|almost\s+|more than\s+|over\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:years?|decades?|months?)\s+(?:at|with)\s+(?:the\s+)?$",
    re.I,
)
_EARLIER = re.compile(r"\b(?:previously|formerly|earlier in (?:his|her|their) career|once)\b", re.I)
_UNTIL_RECENT = re.compile(
    r"\buntil (?:last (?:month|week)|recently|earlier this (?:month|year|week)|this (?:month|year|week)|"
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december)\b)",
    re.I,
)
_STAYS = re.compile(r"\b(?:will|to|would) (?:focus on|remain|stay|continue|take on|transition to)\b", re.I)
_SERVED_HERE = re.compile(
    r"\b(?:after serving|having served|who has served|after (?:\w+ )?years) as "
    r"(?:its|the company's|the firm's|the bank's|the group's)\b",
    re.I,
)
_JOB_VERBS = {
    "ran",
    "runs",
    "led",
    "leads",
    "heads",
    "headed",
    "oversaw",
    "oversees",
    "managed",
    "manages",
    "built",
    "builds",
    "worked",
    "works",
    "spent",
    "held",
    "holds",
    "served",
    "serves",
    "co-led",
}
_COORD_SKIP = {
    "will",
    "would",
    "to",
    "also",
    "then",
    "later",
    "eventually",
    "could",
    "has",
    "have",
    "had",
    "is",
}
_PRIOR = re.compile(
    r"\b(?:after|following|capping|ending)\s+(?:a|an|nearly|almost|more than|over|some|his|her|their)?\s*"
    r"(?:[\w-]+\s+){0,2}(?:years?|decades?|months?|stint|tenure|spell|run|career)\s+"
    r"(?:at|with|(?:running|leading|heading|managing|overseeing|as)\s+(?:[\w-]+\s+){0,5}(?:of|at))\s+(?:the\s+)?$",
    re.I,
)


def _org_norm(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return " ".join(t for t in re.split(r"[^a-z0-9]+", text) if t and t not in _ORG_NOISE)


def same_org(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    x, y = _org_norm(a), _org_norm(b)
    return bool(x and y) and (x == y or f" {x} " in f" {y} " or f" {y} " in f" {x} ")


@dataclass
class _Sentence:
    text: str
    tokens: list[Token]
    mentions: list[Mention]
    by_tok: dict[int, Mention] = field(default_factory=dict)
    names: dict[int, str] = field(default_factory=dict)  # PER mention start -> full name
    attached: dict[int, str] = field(default_factory=dict)  # ORG mention start -> person it describes
    groups: dict[int, list[Mention]] = field(default_factory=dict)
    org: str | None = None  # the organisation the sentence is about (its first free-standing one)
    triggers: list[Trigger] = field(default_factory=list)
    loose: set[int] = field(default_factory=set)  # PER starts grouped across an appositive


class Article:
    """Extraction state for one article."""

    def __init__(self, resolver: Resolver, published: dt.date | None) -> None:
        self.resolver = resolver
        self.published = published
        self.people = KnownPeople()
        self.info: dict[str, PersonInfo] = {}
        self.last_person: str | None = None
        self.last_group: list[str] = []
        self.context_org: str | None = None
        self.org_names: list[str] = []
        self.moves: list[tuple[Raw, str, str]] = []
        self.acquisition = False

    # ---------------------------------------------------------------- mentions and descriptions
    def seed_title(self, title: str) -> None:
        tokens = tokenize(title)
        for m in find_mentions(tokens, title, self.resolver, self.people):
            if m.kind == "ORG":
                self.context_org = m.name
                self.org_names.append(m.name)
                return

    def _prepare(self, text: str) -> _Sentence:
        tokens = tokenize(text)
        mentions = find_mentions(tokens, text, self.resolver, self.people)
        s = _Sentence(text, tokens, mentions)
        for m in mentions:
            for k in range(m.i, m.j):
                s.by_tok[k] = m
            if m.kind == "PER":
                s.names[m.i] = m.name
                if len(m.name.split()) >= 2:
                    self.people.add(m.name)
            elif m.kind == "ORG":
                self.org_names.append(m.name)
        self._group(s)
        for m in mentions:
            if m.kind == "PER":
                self._describe(s, m)
        self._prior_employer(s)
        self._current_job(s)
        free = [
            m
            for m in mentions
            if m.kind == "ORG"
            and m.i not in s.attached
            and not (m.i > 0 and tokens[m.i - 1].low in ("from", "for", "at", "with", "than"))
        ]
        if free:
            s.org = free[0].name
        return s

    def _current_job(self, s: _Sentence) -> None:
        """ "She is currently a senior economist at the ECB": an employer stated in its own sentence."""
        if _SERVED_HERE.search(s.text):
            # "... after serving as its head of supply chain": already works there
            first = next((m for m in s.mentions if m.kind == "PER"), None)
            if first is not None:
                for person in self._persons(s, first):
                    self.info.setdefault(person, PersonInfo()).insider = True
        cue = re.search(r"\b(?:is|are) currently\b|\bcurrently (?:is|serves|works)\b", s.text)
        if not cue:
            return
        subj = next(
            (m for m in s.mentions if m.kind in ("PER", "PRON") and s.tokens[m.j - 1].end <= cue.start()),
            None,
        )
        org = next(
            (
                m
                for m in s.mentions
                if m.kind == "ORG" and s.tokens[m.i].start > cue.end() and self._after_preposition(s, m.i)
            ),
            None,
        )
        if subj is None or org is None:
            return
        for person in self._persons(s, subj):
            info = self.info.setdefault(person, PersonInfo())
            if info.org is None:
                info.org = org.name
                k = next((i for i, tk in enumerate(s.tokens) if tk.start >= cue.end()), len(s.tokens))
                info.title = info.title or title_phrase(s.tokens, k)[0]
            s.attached[org.i] = person

    @staticmethod
    def _after_preposition(s: _Sentence, i: int) -> bool:
        k = i - 1
        if k >= 0 and s.tokens[k].low == "the":
            k -= 1
        return k >= 0 and s.tokens[k].low in ("at", "of", "with", "for")

    def _prior_employer(self, s: _Sentence) -> None:
        """ "after a decade at Deutsche Bank", "he spent the past decade at SAP": the employer someone
        leaves when they join elsewhere (but not one introduced with "previously")."""
        if _EARLIER.search(s.text):
            return
        for m in s.mentions:
            head = s.text[: s.tokens[m.i].start]
            if m.kind != "ORG" or not (_PRIOR.search(head) or _SPENT.search(head)):
                continue
            before = [x for x in s.mentions if x.kind in ("PER", "PRON") and x.j <= m.i]
            after = [x for x in s.mentions if x.kind == "PER" and x.i >= m.j]
            who = before[-1] if before else (after[0] if after else None)
            if who is None:
                continue
            for name in self._persons(s, who):
                info = self.info.setdefault(name, PersonInfo())
                if info.org is None:
                    info.org = m.name
                s.attached[m.i] = name

    def _group(self, s: _Sentence) -> None:
        pers = [m for m in s.mentions if m.kind == "PER"]
        current: list[Mention] = []
        for m in pers:
            if current:
                prev = current[-1]
                between = s.tokens[prev.j : m.i]
                ok = 0 < len(between) <= 8 and any(t.low in (",", "and", "&") for t in between)
                for k in range(prev.j, m.i):
                    t = s.tokens[k]
                    mm = s.by_tok.get(k)
                    if not (
                        t.low in _GROUP_GLUE
                        or t.low.startswith("ex-")
                        or t.low in TITLE_HEADS
                        or t.low in TITLE_MODIFIERS
                        or (mm is not None and mm.kind == "ORG")
                    ):
                        ok = False
                # "Lucas Ferreira, a Goldman Sachs partner, and Nina Brandt": a list broken by an appositive
                words = [t.low for t in between]
                if (
                    not ok
                    and 4 <= len(words) <= 14
                    and words[0] == ","
                    and words[-2:] == [",", "and"]
                    and words.count(",") == 2
                    and not any(w in _VERBISH and w not in ("and", "at", "in", "on") for w in words[1:-2])
                ):
                    ok = True
                    s.loose.update({prev.i, m.i})
                if ok:
                    current.append(m)
                    continue
                for g in current:
                    s.groups[g.i] = current
            current = [m]
        for g in current:
            s.groups[g.i] = current

    def _mention_ending(self, s: _Sentence, k: int) -> Mention | None:
        m = s.by_tok.get(k)
        return m if m is not None and m.j == k + 1 else None

    def _describe(self, s: _Sentence, m: Mention) -> None:
        """Record the title and employer the sentence gives a person (before or after the name)."""
        name = s.names[m.i]
        info = self.info.setdefault(name, PersonInfo())
        toks = s.tokens
        # pre-modifier title: "former OpenAI CTO Mira Murati", "Scale's chief executive Alexandr Wang"
        k = m.i - 1
        if k >= 1 and toks[k].text == "," and toks[k - 1].low in TITLE_HEADS:
            k -= 1
        tail = ""
        # "the company's head of sales, Laura Kim": a head noun with an "of" complement before a comma
        for span in (1, 2):
            q = m.i - 2 - span
            if (
                m.i >= 1
                and toks[m.i - 1].text == ","
                and q >= 0
                and toks[q + 1].low == "of"
                and toks[q].low in TITLE_HEADS
                and all(tk.text[:1].islower() for tk in toks[q + 2 : m.i - 1])
            ):
                tail = " " + " ".join(tk.text for tk in toks[q + 1 : m.i - 1])
                k = q
                break
        end = k
        former = False
        while (
            k >= 0
            and k not in s.by_tok
            and (
                toks[k].low in TITLE_HEADS
                or toks[k].low in TITLE_MODIFIERS
                or toks[k].low in ("and", "former", "ex", "then")
                or (toks[k].low.rstrip("s") in TITLE_HEADS and k == end)
            )
        ):
            if toks[k].low in ("former", "ex", "then"):
                former = True
            k -= 1
        title = None
        while k + 1 < end and toks[k + 1].low == "and":
            k += 1
        if (
            end >= 0
            and k < end
            and (toks[end].low in TITLE_HEADS or toks[end].low.rstrip("s") in TITLE_HEADS)
        ):
            title = clean_role(
                " ".join(t.text for t in toks[k + 1 : end + 1] if t.low not in ("former", "ex")) + tail
            )
            if toks[k + 1].low == "and":
                title = None
        fellow = title is not None and "fellow" in title.lower().split()
        org: str | None = None
        if title is not None:
            if k >= 0 and toks[k].low in ("'s", "’s"):
                k -= 1
            om = self._mention_ending(s, k)
            if om is not None and om.kind in ("ORG", "ORGREF"):
                org = self._resolve(s, om) if om.kind == "ORGREF" else om.name
                if om.kind == "ORG":
                    s.attached[om.i] = name
                if om.kind == "ORGREF":
                    info.insider = True
                k = om.i - 1
            if k >= 0 and (toks[k].low in ("former", "ex", "onetime") or toks[k].low.startswith("ex-")):
                former = True
            if k >= 0 and toks[k].low in ("former", "then-"):
                former = True
            if fellow and org is None:
                # "Shazeer and fellow co-founder De Freitas": the same employer as the partner named with them
                for g in s.groups.get(m.i, [m]):
                    partner = self.info.get(s.names.get(g.i, g.name))
                    if g is not m and partner is not None and partner.org:
                        org = partner.org
                        break
                title = re.sub(r"\bfellow\s+", "", title or "") or None
            self._merge_info(info, title, org, former)
            head = toks[end].low
            if head.endswith("s") and head[:-1] in TITLE_HEADS:
                # "Pulsar AI researchers Jin Park and Maya Cohen": a plural title covers the whole list
                for g in s.groups.get(m.i, [m]):
                    self._merge_info(
                        self.info.setdefault(s.names.get(g.i, g.name), PersonInfo()), title, org, former
                    )
        self._pre_appositive(s, m)
        # appositive or relative clause: "Mira Murati, OpenAI's chief technology officer, ..."
        group = s.groups.get(m.i, [m])
        if m is not group[-1] or m.i in s.loose:
            group = [m]  # an appositive inside a list describes only the person before it
        j = m.j
        if j >= len(toks) or toks[j].text != ",":
            return
        e = j + 1
        while e < len(toks) and toks[e].text not in (",", ";", ":"):
            e += 1
        seg = toks[j + 1 : e]
        if not seg:
            return
        first = seg[0].low
        first_m = s.by_tok.get(j + 1)
        if first_m is not None and first_m.kind in ("PER", "PRON"):
            return
        nxt_who = any(t.low == "who" for t in seg[:3])
        if not (
            first in _APPOS_START
            or first in TITLE_HEADS
            or first in TITLE_MODIFIERS
            or (first_m is not None and first_m.kind in ("ORG", "ORGREF"))
            or nxt_who
        ):
            return
        if first in _VERBISH and first not in ("who",):
            return
        seg_text = s.text[seg[0].start : seg[-1].end]
        words = [t.low for t in seg]
        moved = any(
            mt.lastgroup
            and mt.lastgroup.startswith(
                ("leave", "depart_for", "join", "nominal_left", "own_nominal", "adjective")
            )
            for mt in TRIGGERS.finditer(seg_text)
        )
        a_former = former_marked(words) or moved or "had been" in seg_text or "who was" in seg_text
        # "who until last month ran the robotics group at Tesla": a job held until just now
        if (
            _UNTIL_RECENT.search(seg_text)
            and not former_marked([w for w in words if w != "until"])
            and not moved
        ):
            a_former = False
        insider = any(w in ("currently", "now") for w in words)
        orgs: list[Mention] = []
        orgs_before_who: list[Mention] = []
        a_named_ref: str | None = None
        who_at = next((idx for idx, w in enumerate(words) if w == "who"), -1)
        for idx in range(j + 1, e):
            om = s.by_tok.get(idx)
            if om is not None and om.i == idx and om.kind == "ORG":
                s.attached[om.i] = name
                if who_at < 0 or idx - (j + 1) > who_at:
                    orgs.append(om)
                else:
                    orgs_before_who.append(om)
            elif (
                om is not None
                and om.i == idx
                and om.kind == "ORGREF"
                and om.text.lower() != "it"
                and ((om.j < len(toks) and toks[om.j].low in ("'s", "’s")) or om.text.lower() == "its")
            ):
                noun = om.text.split()[-1].lower()
                match = next((n for n in reversed(self.org_names) if noun in n.lower().split()), None)
                if match and om.text.lower() != "its" and not any(same_org(match, o.name) for o in orgs):
                    a_named_ref = match
                else:
                    insider = True
        if not orgs and orgs_before_who:
            orgs = orgs_before_who  # "the Nordea veteran who ran its Danish unit"
            insider = False
        a_org_override = a_named_ref if a_named_ref and not orgs else None
        if orgs and not any(
            (x.kind == "ORGREF" and x.text.lower() != "it") for x in s.mentions if j < x.i < e
        ):
            insider = False  # "currently finance director at Scania": employed elsewhere, not in-house
        a_title = None
        for idx in range(j + 1, e):
            t, _end = title_phrase(toks, idx)
            if t:
                a_title = t
                break
        a_org: str | None = a_org_override
        # "the Nordea veteran who ran its Danish unit": a job verb makes the employer current
        job_verb = who_at >= 0 and any(w in _JOB_VERBS for w in words[who_at:])
        if job_verb and a_title is not None and not is_position(a_title):
            a_title = None
        at_org = any(
            (o.i > 0 and toks[o.i - 1].low in ("at", "with"))
            or (o.j < len(toks) and toks[o.j].low in ("'s", "’s"))
            for o in orgs
        )
        if a_title is None and not job_verb and not at_org and a_org_override is None:
            orgs = []  # "the creator of OpenClaw", "an investor in X": not an employer
        if orgs:
            a_org = orgs[0].name
            if len(orgs) > 1:
                gap = {t.low for t in toks[orgs[0].j : orgs[-1].i]}
                if gap <= {"and", "of", ",", "the", "at"}:
                    a_org = orgs[-1].name
        if insider:
            info.insider = True
        if a_title or a_org:
            for g in group:
                ginfo = self.info.setdefault(s.names.get(g.i, g.name), PersonInfo())
                self._merge_info(ginfo, a_title, a_org, a_former)
                if insider:
                    ginfo.insider = True

    def _pre_appositive(self, s: _Sentence, m: Mention) -> None:
        """ "Two co-founders of the robotics startup Gripwise, Leo Brandt and Ana Silva, ..." """
        toks = s.tokens
        if m.i < 4 or toks[m.i - 1].text != ",":
            return
        om = self._mention_ending(s, m.i - 2)
        if om is None or om.kind != "ORG":
            return
        q = om.i - 1
        while q >= 0 and toks[q].text[:1].islower() and toks[q].low != "of" and om.i - q <= 5:
            q -= 1
        if q < 1 or toks[q].low != "of":
            return
        head = toks[q - 1].low
        if head not in TITLE_HEADS and head.rstrip("s") in TITLE_HEADS:
            head = head.rstrip("s")
        elif head not in TITLE_HEADS:
            return
        s.attached[om.i] = s.names.get(m.i, m.name)
        former = q >= 2 and toks[q - 2].low in ("former", "ex")
        for g in s.groups.get(m.i, [m]):
            self._merge_info(
                self.info.setdefault(s.names.get(g.i, g.name), PersonInfo()), head, om.name, former
            )

    @staticmethod
    def _merge_info(info: PersonInfo, title: str | None, org: str | None, former: bool) -> None:
        if former:
            if org:
                info.orgs_former.append(org)
            if info.title is None and org is None:
                info.former = True
            return
        if title and info.title is None:
            info.title = title
        # "a BBC News veteran" describes a past, not an employer
        if org and info.org is None and (title is None or is_position(title)):
            info.org = org

    # ---------------------------------------------------------------- resolution helpers
    def _resolve(self, s: _Sentence, m: Mention, exclude: tuple[str | None, ...] = ()) -> str | None:
        """What "it"/"the company" refers to: the nearest free organisation before, else the article's."""
        if m.kind == "ORG":
            return m.name
        cands = [x for x in s.mentions if x.kind == "ORG" and x.i < m.i]
        # "the bank" prefers an organisation whose name says bank ("Helmsley Bank")
        noun = m.text.split()[-1].lower()
        if noun not in ("it", "its", "company", "firm", "group"):
            nearest_first = [x.name for x in reversed(cands)] + list(reversed(self.org_names))
            for name in nearest_first:
                if noun in name.lower().split() and not any(same_org(name, e) for e in exclude if e):
                    return name
        for x in reversed(cands):
            if x.i not in s.attached and not any(same_org(x.name, e) for e in exclude if e):
                return x.name
        if self.context_org and not any(same_org(self.context_org, e) for e in exclude if e):
            return self.context_org
        for x in reversed(cands):
            if not any(same_org(x.name, e) for e in exclude if e):
                return x.name
        return None

    def _persons(self, s: _Sentence, m: Mention) -> list[str]:
        if m.kind == "PER":
            return [s.names.get(g.i, g.name) for g in s.groups.get(m.i, [m])]
        if m.kind == "PRON":
            before = [x for x in s.mentions if x.kind == "PER" and x.i < m.i]
            if m.plural:
                for x in reversed(before):
                    grp = s.groups.get(x.i, [x])
                    if len(grp) > 1:
                        return [s.names.get(g.i, g.name) for g in grp]
                return list(self.last_group)
            if before:
                return [s.names.get(before[-1].i, before[-1].name)]
            return [self.last_person] if self.last_person else []
        return []

    def _subject(self, s: _Sentence, i: int) -> Mention | None:
        """The person a verb at token ``i`` is about, skipping appositives and relative clauses."""
        toks = s.tokens
        # "X will hand the reins to Y and become chairman": a coordinated verb shares the first verb's subject
        k = i - 1
        while k >= 0 and toks[k].low in _COORD_SKIP:
            k -= 1
        if k >= 0 and toks[k].low == "and":
            prev = [
                t for t in s.triggers if t.j <= k and t.family not in ("hire", "fire", "newrole", "adjective")
            ]
            if prev:
                return self._subject(s, prev[-1].i)
        b = i
        own = True
        while b > 0:
            a = b - 1
            while a >= 0 and toks[a].text not in (",", ";", ":"):
                a -= 1
            seg_start = a + 1
            cands = [
                s.by_tok[k]
                for k in range(seg_start, b)
                if k in s.by_tok and s.by_tok[k].kind in ("PER", "PRON") and s.by_tok[k].i == k
            ]
            first = toks[seg_start].low if seg_start < b else ""
            first_m = s.by_tok.get(seg_start)
            appositive = (
                (not own)
                and seg_start > 0
                and (
                    first in _APPOS_START
                    or first in TITLE_HEADS
                    or first in TITLE_MODIFIERS
                    or (first_m is not None and first_m.kind in ("ORG", "ORGREF") and not cands)
                )
            )
            if cands and (own or not appositive):
                return cands[-1]
            own = False
            b = a
            if a < 0:
                break
        return None

    def _object(
        self, s: _Sentence, j: int, limit: int = 12, kinds: tuple[str, ...] = ("PER", "PRON")
    ) -> Mention | None:
        for k in range(j, min(len(s.tokens), j + limit)):
            m = s.by_tok.get(k)
            if m is not None and m.i == k and m.kind in kinds:
                return m
            if s.tokens[k].text == ";":
                return None
        return None

    def _org_after(self, s: _Sentence, j: int, exclude: tuple[str | None, ...] = ()) -> Mention | None:
        k = j
        skipped = 0
        while k < len(s.tokens) and skipped <= 3:
            m = s.by_tok.get(k)
            if m is not None:
                return m if m.kind in ("ORG", "ORGREF") else None
            low = s.tokens[k].low
            if (
                low in _STOP_BEFORE_ORG
                or TRIGGERS.fullmatch(low)
                or not (low in _SKIP_BEFORE_ORG or s.tokens[k].text[:1].islower())
            ):
                return None
            k += 1
            skipped += 1
        return None

    def _role_at(
        self, s: _Sentence, k: int, exclude: tuple[str | None, ...] = ()
    ) -> tuple[str | None, str | None, int]:
        """A title at ``k`` ("as its chief product officer", "to become the chipmaker's next CEO")."""
        toks = s.tokens
        n = len(toks)
        while k < n and toks[k].low in (
            "as",
            "to",
            "become",
            "becomes",
            "be",
            "the",
            "new",
            "next",
            "its",
            "their",
            "a",
            "an",
            "serve",
            "permanent",
        ):
            starts = s.by_tok.get(k)
            if toks[k].low == "its" or (starts is not None and starts.i == k and starts.kind == "ORGREF"):
                break
            k += 1
        org: str | None = None
        m = s.by_tok.get(k)
        if m is not None and m.i == k and m.kind in ("ORG", "ORGREF"):
            if m.text.lower() == "its":
                org = self._resolve(s, m, exclude)
                k = m.j
            elif m.j < n and toks[m.j].low in ("'s", "’s"):
                org = self._resolve(s, m, exclude) if m.kind == "ORGREF" else m.name
                k = m.j + 1
        title, e = title_phrase(toks, k)
        if title is None:
            return None, org, k
        # "editor of The Courier", "head of video at Orbit Media"
        for q in range(e, min(n - 1, e + 4)):
            if toks[q].text in (",", ";", ".") or TRIGGERS.fullmatch(toks[q].low):
                break
            if toks[q].low in ("of", "at", "for", "with"):
                r = q + 1
                om = s.by_tok.get(r)
                if om is None and toks[r].low == "the" and r + 1 < n:
                    om = s.by_tok.get(r + 1)
                if om is not None and om.kind in ("ORG", "ORGREF") and om.i in (r, r + 1):
                    org = self._resolve(s, om, exclude) if om.kind == "ORGREF" else om.name
                    e = om.j
                    break
                if q > e:
                    break
        return title, org, e

    @staticmethod
    def _any_org(s: _Sentence) -> str | None:
        """Last resort: the only kind of organisation a sentence can be about is one it names."""
        return next((m.name for m in s.mentions if m.kind == "ORG"), None)

    def _host(self, s: _Sentence, i: int) -> str | None:
        """The organisation doing the hiring: the nearest organisation (or its describer) before the verb."""
        for k in range(i - 1, -1, -1):
            m = s.by_tok.get(k)
            if m is None or m.j != k + 1:
                continue
            if m.kind == "ORG":
                if m.i > 0 and s.tokens[m.i - 1].low == "from":
                    continue  # "recruited a head of design from Porsche": the origin, not the hirer
                return m.name
            if m.kind == "ORGREF":
                return self._resolve(s, m)
            if m.kind == "PER":
                info = self.info.get(s.names.get(m.i, m.name))
                if info and info.org:
                    return info.org
        return s.org or self.context_org

    def _team(self, s: _Sentence, a: int, b: int) -> str | None:
        """ "Anthropic's pretraining team": the team named near the move, if any."""
        if not s.tokens or a >= len(s.tokens):
            return None
        lo = s.tokens[max(0, a)].start
        hi = s.tokens[min(len(s.tokens), b) - 1].end if b > a else lo
        m = re.search(
            r"(?:'s|’s|\bthe|\bits)\s+((?:[a-z][a-z\-]*\s+){0,3}?[a-z][a-z\-]*)\s+(?:team|unit|division)\b",
            s.text[lo : hi + 40],
        )
        return m.group(1) if m else None

    def _direction(
        self, person: str, org: str | None, role: str | None, origin: str | None = None
    ) -> Direction:
        """Joined from outside, or a new title inside the same organisation?"""
        info = self.info.get(person)
        if origin and not same_org(origin, org):
            return "joined"
        if info and info.org and not info.former and not same_org(info.org, org):
            return "joined"
        low = (role or "").lower()
        if re.search(r"\b(interim|acting)\b", low):
            return "role_changed"
        if info and info.insider:
            return "role_changed"
        if (
            info
            and info.title
            and is_position(info.title)
            and (info.org is None or same_org(info.org, org))
            and not info.orgs_former
        ):
            return "role_changed"
        return "joined"

    def _affiliation(self, person: str) -> str | None:
        info = self.info.get(person)
        return info.org if info else None

    # ---------------------------------------------------------------- triggers
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

    def _emit(self, s: _Sentence, raw: Raw, trig: Trigger, factor: float) -> None:
        if not raw.person or not raw.org or same_org(raw.person, raw.org):
            return
        if len(raw.person.split()) < 2 and not self.people.lookup(raw.person):
            return
        raw.confidence = max(0.05, min(0.99, raw.confidence * factor))
        toks = s.tokens
        a = trig.i
        while a > 0 and toks[a - 1].text not in (",", ";", ":"):
            a -= 1
        b = trig.j
        while b < len(toks) and toks[b].text not in (",", ";"):
            b += 1
        clause = s.text[toks[a].start : toks[b - 1].end] if b > a else s.text
        self.moves.append((raw, s.text, clause))

    def _sentence_moves(self, s: _Sentence) -> None:
        triggers = find_triggers(s.text, s.tokens)
        s.triggers = triggers
        factor = hedge_factor(s.text)
        produced: list[Raw] = []
        later: list[Trigger] = []
        for trig in triggers:
            if trig.family in ("succeed", "succeeded_by", "copula", "handover", "following"):
                later.append(trig)
                continue
            if trig.family != "adjective" and negated(s.tokens, trig.i):
                continue
            for raw in getattr(self, "_t_" + trig.family)(s, trig):
                raw.family = raw.family or trig.family
                if any(
                    pm.person == raw.person and pm.direction == raw.direction and same_org(pm.org, raw.org)
                    for pm in produced
                ):
                    continue
                produced.append(raw)
                self._emit(s, raw, trig, factor)
        for trig in later:
            if negated(s.tokens, trig.i):
                continue
            for raw in getattr(self, "_t_" + trig.family)(s, trig, produced):
                raw.family = raw.family or trig.family
                produced.append(raw)
                self._emit(s, raw, trig, factor)

    def _pronoun_penalty(self, m: Mention) -> float:
        return 0.95 if m.kind == "PRON" else 1.0

    def _org_before(self, s: _Sentence, i: int, person: str) -> str | None:
        """The nearest organisation before the verb that does not describe somebody else."""
        for k in range(i - 1, -1, -1):
            m = s.by_tok.get(k)
            if m is not None and m.kind == "ORG" and m.i == k and s.attached.get(k, person) == person:
                return m.name
        return None

    def _t_leave(
        self, s: _Sentence, t: Trigger, object_ok: bool = True, avoid: str | None = None
    ) -> list[Raw]:
        """A departure: person from the subject, organisation from the object or what is known of them.

        ``avoid`` is a destination named in the same clause ("departed for rival X"), never the origin.
        """
        toks = s.tokens
        j = t.j
        if j < len(toks) and toks[j].low == "of":
            return []
        nxt = s.by_tok.get(j)
        if nxt is not None and nxt.kind in ("PER", "PRON"):
            return []
        if (
            nxt is None
            and j < len(toks)
            and toks[j].low
            in (
                "unclear",
                "open",
                "behind",
                "unanswered",
                "alone",
                "out",
                "over",
                "room",
                "questions",
                "little",
                "no",
                "him",
                "her",
                "them",
            )
        ):
            return []
        if t.text == "out as" and not (
            t.i > 0 and s.by_tok.get(t.i - 1) is not None and s.by_tok[t.i - 1].kind == "PER"
        ):
            return []  # headline "X out as CEO of Y" only
        if t.text.endswith("ways with"):
            # "Veritas AI parted ways with chief scientist Ravi Gupta": the person is the object
            pm = self._object(s, t.j, 5, ("PER",))
            if pm is not None:
                host = self._host(s, t.i)
                parted: list[Raw] = []
                for p in self._persons(s, pm):
                    where = self._affiliation(p) or host
                    if where:
                        parted.append(Raw(p, where, "left", self._title_for(p, where), None, _BASE["leave"]))
                return parted
        subj = self._subject(s, t.i)
        # "After stepping down as chief executive of X, Jane Doe ...": the subject follows the clause
        opener = t.i > 0 and toks[t.i - 1].low in ("after", "since", "before", "following")
        if subj is None and opener:
            subj = self._object(s, t.j, 30, ("PER",))
        if subj is None:
            return []
        explicit = self._org_after(s, j) if object_ok else None
        if explicit is None and object_ok:
            # "after leaving the same job at Vantage Care"
            for q in range(j, min(len(toks), j + 6)):
                if toks[q].text in (",", ";"):
                    break
                if toks[q].low == "at":
                    am = s.by_tok.get(q + 1)
                    if am is not None and am.kind == "ORG":
                        explicit = am
                    break
        if "back" in t.text and (explicit is None or explicit.text.lower() in ("it", "its")):
            return []  # "stepping back from day-to-day operations" is not a departure
        gerund_history = explicit is None and opener
        dest: str | None = None
        if explicit is not None and explicit.j + 1 < len(toks) and toks[explicit.j].low == "for":
            dm = s.by_tok.get(explicit.j + 1)
            if dm is not None and dm.kind == "ORG":
                dest = dm.name
        role, role_org, _e = (None, None, j)
        if t.text == "out as":
            role, role_org, _e = self._role_at(s, j)
        elif (
            j + 3 < len(toks)
            and toks[j].low == "from"
            and toks[j + 2].low
            in (
                "role",
                "post",
                "position",
                "job",
            )
            and toks[j + 3].low == "as"
        ):
            role, role_org, _e = self._role_at(s, j + 4)  # "from his role as chief executive of X"
        elif explicit is not None and explicit.j < len(toks) and toks[explicit.j].low == "as":
            role, _o, _e = self._role_at(s, explicit.j + 1)  # "exits Acme as chief product officer"
        if j < len(toks) and toks[j].low == "as":
            role, role_org, _e = self._role_at(s, j)
        elif j < len(toks) and toks[j].low == "from":
            om = self._org_after(s, j + 1)
            if om is not None and om.kind == "ORG":
                explicit = om
        if gerund_history and role_org is None:
            return []  # "returns ... two years after leaving": history told inside another move
        out: list[Raw] = []
        for person in self._persons(s, subj):
            aff = self._affiliation(person)
            org: str | None
            if explicit is not None and explicit.kind == "ORG":
                org = explicit.name
            elif explicit is not None:
                org = aff or self._resolve(s, explicit)
            else:
                cands = (role_org, aff, self._org_before(s, t.i, person), s.org, self.context_org)
                org = next((c for c in cands if c and not same_org(c, avoid)), None)
            if org is None:
                continue
            info = self.info.get(person)
            prole = (
                role
                or (info.title if info and same_org(info.org, org) else None)
                or (info.title if info and info.org is None and not info.former else None)
            )
            if dest is not None:
                out.append(
                    Raw(person, dest, "joined", None, None, _BASE["join"] * self._pronoun_penalty(subj))
                )
            out.append(
                Raw(
                    person,
                    org,
                    "left",
                    prole,
                    self._team(s, subj.i, t.j),
                    _BASE["leave"] * self._pronoun_penalty(subj),
                )
            )
        return out

    def _t_depart_for(self, s: _Sentence, t: Trigger) -> list[Raw]:
        dest = self._org_after(s, t.j)
        left = self._t_leave(
            s,
            Trigger("leave", t.i, t.j - 1, t.text),
            object_ok=False,
            avoid=dest.name if dest is not None and dest.kind == "ORG" else None,
        )
        out = list(left)
        if dest is not None and dest.kind == "ORG":
            subj = self._subject(s, t.i)
            if subj is not None:
                for person in self._persons(s, subj):
                    out.append(Raw(person, dest.name, "joined", None, None, _BASE["join"]))
                    for r in left:
                        if r.person == person:
                            r.destination = dest.name
        return out

    def _t_join(self, s: _Sentence, t: Trigger) -> list[Raw]:
        toks = s.tokens
        subj = self._subject(s, t.i)
        if subj is None:
            return []
        persons = self._persons(s, subj)
        j = t.j
        role: str | None = None
        org: str | None = None
        origin: str | None = None
        team: str | None = None
        internal = False
        exclude = tuple(self._affiliation(p) for p in persons)
        predecessor: str | None = None
        if t.text.endswith(" as") or (j < len(toks) and toks[j].low == "as"):
            role, org, e = self._role_at(s, j if t.text.endswith(" as") else j + 1, exclude)
            org = org or s.org or self.context_org or self._any_org(s)
            if s.org and any(same_org(s.org, e) for e in exclude if e):
                org = org if org != s.org else self.context_org
            if e + 1 < len(toks) and toks[e].low == "from":
                pm = s.by_tok.get(e + 1)
                if pm is not None and pm.kind == "PER":
                    predecessor = s.names.get(pm.i, pm.name)
        elif j < len(toks) and toks[j].low == "from":
            om = self._org_after(s, j + 1)
            if om is None or om.kind != "ORG":
                return []
            origin = om.name
            org = s.org if s.org and not same_org(s.org, origin) else self.context_org
            if same_org(org, origin):
                return []
        elif re.search(r"(?:post|role|position|job)$", t.text):
            # "takes up the post on September 1": the post named earlier, at the article's organisation
            org = s.org or self.context_org or self._any_org(s)
        elif (
            j + 2 < len(toks)
            and toks[j].low == "the"
            and toks[j + 1].low == "board"
            and toks[j + 2].low == "of"
        ):
            om = self._org_after(s, j + 3)
            if om is None or om.kind != "ORG":
                return []
            org, role = om.name, "board member"
        else:
            om = self._org_after(s, j, exclude)
            if om is None:
                return []
            if om.kind == "ORGREF" and om.text.lower() == "it":
                return []
            org = om.name if om.kind == "ORG" else self._resolve(s, om, exclude)
            # "moved to the firm's European operations": a move inside the organisation
            internal = om.kind == "ORGREF" and om.j < len(toks) and toks[om.j].low in ("'s", "’s")
            team = self._team(s, om.i, om.j + 6)
            after = om.j
            if after < len(toks) and toks[after].low in ("'s", "’s"):
                after += 1
                while after < len(toks) and toks[after].text[:1].islower() and toks[after].low not in ("as",):
                    after += 1
            if after < len(toks) and toks[after].low == "as":
                role, _o, _e = self._role_at(s, after + 1)
            if after + 1 < len(toks) and toks[after].low == "from":
                fm = s.by_tok.get(after + 1)
                if fm is not None and fm.kind == "ORG" and not same_org(fm.name, org):
                    origin = fm.name  # "joins ACME from Honeywell"
        if org is None:
            return []
        out = []
        in_house = t.text.startswith(("take", "took", "starts", "start ", "assum"))
        if internal and t.text.startswith("mov"):
            return [Raw(p, org, "role_changed", role, team, _BASE["join"] * 0.9) for p in persons]
        if predecessor:
            out.append(Raw(predecessor, org, "left", role, None, _BASE["succeed"], implicit=True))
        for person in persons:
            out.append(
                Raw(
                    person,
                    org,
                    self._direction(person, org, role, origin) if in_house else "joined",
                    role,
                    team,
                    _BASE["join"] * self._pronoun_penalty(subj),
                    origin=origin,
                )
            )
            if origin:
                out.append(Raw(person, origin, "left", None, None, _BASE["join"] * 0.95, destination=org))
        return out

    def _t_become(self, s: _Sentence, t: Trigger) -> list[Raw]:
        subj = self._subject(s, t.i)
        if subj is None:
            return []
        persons = self._persons(s, subj)
        role, org, _e = self._role_at(s, t.j)
        if t.text.startswith("will be ") and role is None:
            k = t.i
            while k < len(s.tokens) and s.tokens[k].low not in ("be",):
                k += 1
            role, org, _e = self._role_at(s, k + 1)
        if not is_position(role):
            return []
        out = []
        for person in persons:
            org = org or s.org or self._affiliation(person) or self.context_org or self._any_org(s)
            if org is None:
                continue
            direction: Direction = self._direction(person, org, role)
            out.append(Raw(person, org, direction, role, None, _BASE["become"] * self._pronoun_penalty(subj)))
        return out

    def _t_hire(self, s: _Sentence, t: Trigger) -> list[Raw]:
        toks = s.tokens
        origin: str | None
        direction: Direction
        promote = t.text.startswith(("promot", "elevat"))
        external = not t.text.startswith(
            ("appoint", "nam", "promot", "elevat", "pick", "select", "chose", "install")
        )
        if passive(toks, t.i):
            subj = self._subject(s, t.i)
            if subj is None:
                return []
            persons = self._persons(s, subj)
            k = t.j
            role, org, _e = self._role_at(s, k)
            seat = any(tk.low in ("board", "boards") for tk in toks[t.j : t.j + 5])
            if role is None and not external and not seat:
                return []  # "was named to Fortune's list": no position, no move
            origin = None
            for q in range(t.j, min(len(toks) - 1, t.j + 10)):
                if toks[q].text in (",", ";"):
                    break
                qm = s.by_tok.get(q + 1)
                if qm is None or qm.kind != "ORG":
                    continue
                if toks[q].low in ("by", "to") and org is None:
                    org = qm.name  # "poached by Stripe", "recruited to Hawthorne Partners"
                elif toks[q].low == "from":
                    origin = qm.name  # "... from Adyen"
            out = []
            for person in persons:
                org = org or s.org or self._affiliation(person) or self.context_org
                if org is None:
                    continue
                direction = (
                    "role_changed"
                    if promote
                    else ("joined" if external else self._direction(person, org, role, origin))
                )
                out.append(Raw(person, org, direction, role, None, _BASE["hire"] * 0.97, origin=origin))
                if origin and direction == "joined" and not same_org(origin, org):
                    out.append(Raw(person, origin, "left", None, None, _BASE["hire"] * 0.9, destination=org))
            return out
        obj = self._object(s, t.j)
        if obj is not None and obj.kind == "PRON":
            # "three designers, among them Omar Castillo"
            named = self._object(s, obj.j, 2, ("PER",))
            obj = named or obj
        if obj is None:
            return []
        # "has frozen hiring, chief executive X told staff": a comma ends the verb's object
        # unless a list follows ("three researchers, including X"; "two executives: X")
        between = [tk.low for tk in toks[t.j : obj.i]]
        if between[:1] == [","] and not any(
            w in ("including", "among", "namely", "notably") for w in between
        ):
            return []
        # an organisation right after the verb is the hired thing ("hired law firm Baker Lane",
        # "named a startup X"), unless it only qualifies the person ("hired Goldman Sachs partner X")
        nxt = self._object(s, t.j, 4, ("ORG",))
        if (
            nxt is not None
            and nxt.i < obj.i
            and toks[nxt.i - 1].low not in ("from", "at", "of")
            and not (
                nxt.j < len(toks)
                and toks[nxt.j].text[:1].islower()
                and (toks[nxt.j].low in TITLE_HEADS | TITLE_MODIFIERS or toks[nxt.j].low[:-1] in TITLE_HEADS)
            )
            and not (nxt.j < len(toks) and toks[nxt.j].low in ("'s", "’s"))
        ):
            return []
        host = self._host(s, t.i)
        if host is None:
            return []
        persons = self._persons(s, obj)
        grp = s.groups.get(obj.i, [obj]) if obj.kind == "PER" else [obj]
        k = grp[-1].j
        # "two new board members: X, a former executive, and Y, the CFO of Z" - a list split by appositives
        q = k
        while q < len(toks) and toks[q].text == ",":
            e = q + 1
            while e < len(toks) and toks[e].text not in (",", ";", "."):
                e += 1
            if e + 2 < len(toks) and toks[e].text == "," and toks[e + 1].low == "and":
                nm = s.by_tok.get(e + 2)
                if nm is not None and nm.kind == "PER" and nm.i == e + 2:
                    persons.append(s.names.get(nm.i, nm.name))
                    q = nm.j
                    continue
            break
        board_seat = any(tk.low in ("board", "boards", "directors", "trustees") for tk in toks[t.j : obj.i])
        # skip an appositive after the person
        if k < len(toks) and toks[k].text == ",":
            e = k + 1
            while e < len(toks) and toks[e].text not in (",", ";", "."):
                e += 1
            if e < len(toks) and toks[e].text == ",":
                k = e + 1
        origin = None
        for q in range(t.j, min(len(toks), k + 3)):
            if toks[q].low == "from":
                om = self._org_after(s, q + 1)
                if om is not None and om.kind == "ORG":
                    origin = om.name
        role = None
        window_end = min(len(toks), k + 12)
        for q in range(k, window_end):
            if toks[q].low in ("as", "to") or q == k:
                r, _o, _e = self._role_at(s, q)
                if r and is_position(r):
                    role = r
                    break
            if toks[q].text == ";":
                break
        after_person = [tk.low for tk in toks[k : min(len(toks), k + 8)]]
        board_seat = board_seat or "board" in after_person
        if role is None and ("successor" in after_person[:4] or "succeed" in after_person[:4]):
            # "named X as his successor": the title the predecessor is giving up
            prior = next((r for r, _a, _b in reversed(self.moves) if r.direction == "left" and r.role), None)
            role = prior.role if prior else None
        if not external and not promote and not is_position(role) and not board_seat:
            return []  # "named Ellen Park as the monitor": an appointment, but not a job at the namer
        out = []
        for person in persons:
            if promote:
                direction = "role_changed"
            elif external:
                direction = "joined"
            else:
                direction = self._direction(person, host, role, origin)
            out.append(
                Raw(
                    person,
                    host,
                    direction,
                    role or ("board member" if board_seat else None),
                    self._team(s, k, window_end),
                    _BASE["hire"] * self._pronoun_penalty(obj),
                    origin=origin,
                )
            )
            if origin and direction == "joined":
                out.append(Raw(person, origin, "left", None, None, _BASE["hire"] * 0.95, destination=host))
        return out

    def _t_found(self, s: _Sentence, t: Trigger) -> list[Raw]:
        toks = s.tokens
        word = t.text
        # "found" is usually the past of "find"; "to found a startup" is the verb we want
        infinitive = word == "found" and t.i > 0 and toks[t.i - 1].low == "to"
        if word.startswith("found") and not word.startswith("founded") and not infinitive:
            return []
        strict = not re.match(r"(co-?)?found", word)
        # "founded by X", "founded in 2021 by X"
        by_at = next(
            (q for q in range(t.j, min(len(toks), t.j + 4)) if toks[q].low == "by"),
            None,
        )
        if by_at is not None and all(tk.low in ("in", "by") or tk.text.isdigit() for tk in toks[t.j : by_at]):
            founders = self._object(s, by_at + 1, 5)
            if founders is None:
                return []
            org_m: Mention | None = None
            for k in range(t.i - 1, -1, -1):
                m = s.by_tok.get(k)
                if m is not None and m.kind == "ORG" and m.j == k + 1:
                    org_m = m
                    break
            if org_m is None:
                return []
            persons = self._persons(s, founders)
            org = org_m.name
        else:
            subj = self._subject(s, t.i)
            if subj is None and t.i > 0 and toks[t.i - 1].low in ("after", "since", "following"):
                subj = self._object(s, t.j, 30, ("PER",))  # "Two years after co-founding X, Jane Doe ..."
            if subj is None:
                return []
            persons = self._persons(s, subj)
            org_m = None
            for k in range(t.j, min(len(toks), t.j + 12)):
                m = s.by_tok.get(k)
                if m is not None and m.i == k:
                    if m.kind == "ORG":
                        org_m = m
                        break
                    if m.kind == "PER":
                        break
                    if m.kind == "ORGREF" and k == t.j:
                        follow = s.by_tok.get(m.j)
                        if follow is None or follow.kind != "ORG" or follow.i != m.j:
                            return []  # "co-founded the company": history, no name to record
                        # "co-founded the coding startup Refactor": the description names the company next
                if TRIGGERS.match(toks[k].low) and k > t.j + 1 and toks[k].low not in ("named", "name"):
                    break
            if org_m is None:
                return []
            if strict and not (
                company_context(toks, t.j, min(len(toks), org_m.j + 6))
                or any(w.lower() in ORG_SUFFIX for w in org_m.name.split()[1:])
            ):
                return []
            if org_m.j < len(toks) and toks[org_m.j].low in ("'s", "’s"):
                return []
            org = org_m.name
            co = None
            for k in range(org_m.j, min(len(toks), org_m.j + 10)):
                if toks[k].low in ("with", "alongside"):
                    co = self._object(s, k + 1, 8, ("PER",))
                    break
            if co is not None:
                persons = persons + [p for p in self._persons(s, co) if p not in persons]
        role = "co-founder" if (len(persons) > 1 or "co" in word) else "founder"
        return [Raw(p, org, "founded", role, None, _BASE["found"]) for p in persons]

    def _t_role(self, s: _Sentence, t: Trigger) -> list[Raw]:
        subj = self._subject(s, t.i)
        if subj is None:
            return []
        role, org, _e = self._role_at(s, t.j)
        if role is None and "new role" not in t.text:
            return []
        out = []
        for person in self._persons(s, subj):
            o = org or self._affiliation(person) or self._last_joined(person) or s.org or self.context_org
            if o:
                out.append(Raw(person, o, "role_changed", role, None, _BASE["role"]))
        return out

    def _t_board(self, s: _Sentence, t: Trigger) -> list[Raw]:
        """A newly formed board "chaired by X": X takes the chair."""
        obj = self._object(s, t.j, 4, ("PER",))
        org = s.org or self.context_org
        if obj is None or org is None:
            return []
        return [
            Raw(p, org, "joined", "board chair", None, _BASE["hire"] * 0.9) for p in self._persons(s, obj)
        ]

    def _t_copula(self, s: _Sentence, t: Trigger, produced: list[Raw]) -> list[Raw]:
        """ "X, who left A last month, is its chief scientist": a title right after a departure is a hire."""
        subj = self._subject(s, t.i)
        if subj is None:
            return []
        role, org, _e = self._role_at(s, t.j)
        if not is_position(role) or org is None:
            return []
        out = []
        for person in self._persons(s, subj):
            if any(
                r.person == person and r.direction == "left" and not same_org(r.org, org) for r in produced
            ):
                out.append(Raw(person, org, "joined", role, None, _BASE["become"] * 0.9))
        return out

    def _last_joined(self, person: str) -> str | None:
        """Where the article last said this person joined: a later promotion happens there."""
        return next(
            (r.org for r, _s, _c in reversed(self.moves) if r.person == person and r.direction == "joined"),
            None,
        )

    def _left_org(self, s: _Sentence, person: str, i: int) -> str | None:
        return self._affiliation(person) or self._org_before(s, i, person) or s.org or self.context_org

    def _title_for(self, person: str, org: str | None) -> str | None:
        info = self.info.get(person)
        if info is None or info.former:
            return None
        return info.title if (info.org is None or same_org(info.org, org)) else None

    def _t_nominal_left(self, s: _Sentence, t: Trigger) -> list[Raw]:
        """ "accepted the resignation of chief scientific officer Nadia Petrova" """
        obj = self._object(s, t.j, 8)
        if obj is None:
            return []
        out = []
        for person in self._persons(s, obj):
            org = self._left_org(s, person, t.i)
            if org:
                out.append(
                    Raw(person, org, "left", self._title_for(person, org), None, _BASE["nominal_left"])
                )
        return out

    def _t_own_nominal(self, s: _Sentence, t: Trigger) -> list[Raw]:
        """ "Rachel Stone announced her retirement" """
        subj = self._subject(s, t.i)
        if subj is None:
            return []
        out = []
        for person in self._persons(s, subj):
            org = self._left_org(s, person, t.i)
            if org:
                out.append(Raw(person, org, "left", self._title_for(person, org), None, _BASE["own_nominal"]))
        return out

    def _t_poss_nominal(self, s: _Sentence, t: Trigger) -> list[Raw]:
        """ "Karpathy's departure" """
        owner = s.by_tok.get(t.i - 2)
        if owner is None or owner.kind != "PER" or owner.j != t.i - 1:
            return []
        person = s.names.get(owner.i, owner.name)
        org = self._left_org(s, person, owner.i)
        if not org:
            return []
        return [Raw(person, org, "left", self._title_for(person, org), None, _BASE["poss_nominal"])]

    def _t_nominal_join(self, s: _Sentence, t: Trigger) -> list[Raw]:
        """ "announced the appointment of Jane Doe as chief executive" """
        obj = self._object(s, t.j, 8)
        if obj is None:
            return []
        grp = s.groups.get(obj.i, [obj]) if obj.kind == "PER" else [obj]
        k = grp[-1].j
        role, role_org, _e = (None, None, k)
        for q in range(k, min(len(s.tokens), k + 10)):
            if s.tokens[q].low == "as":
                role, role_org, _e = self._role_at(s, q)
                break
        org = role_org or self._host(s, t.i)
        if org is None:
            return []
        promote = t.text.startswith(("promotion", "elevation"))
        out = []
        for person in self._persons(s, obj):
            direction: Direction = "role_changed" if promote else self._direction(person, org, role)
            out.append(Raw(person, org, direction, role, None, _BASE["nominal_join"]))
        return out

    def _t_fire(self, s: _Sentence, t: Trigger) -> list[Raw]:
        """ "the board ousted chief executive Derek Osei" (active voice; the passive is a departure verb)"""
        obj = self._object(s, t.j, 6)
        if obj is None:
            return []
        host = self._host(s, t.i)
        out = []
        for person in self._persons(s, obj):
            org = self._affiliation(person) or host
            if org:
                out.append(Raw(person, org, "left", self._title_for(person, org), None, _BASE["fire"]))
        return out

    def _t_adjective(self, s: _Sentence, t: Trigger) -> list[Raw]:
        """ "departing chief financial officer Ben Ashworth", "outgoing CEO Jane Doe" """
        title, e = title_phrase(s.tokens, t.j)
        m = s.by_tok.get(e)
        if m is None or m.i != e or m.kind != "PER":
            if t.text in ("ousted",):
                return []
            return self._t_leave(s, Trigger("leave", t.i, t.j, t.text))
        out = []
        for person in self._persons(s, m):
            org = self._left_org(s, person, t.i)
            if org:
                out.append(
                    Raw(person, org, "left", title or self._title_for(person, org), None, _BASE["adjective"])
                )
        return out

    def _t_remain(self, s: _Sentence, t: Trigger) -> list[Raw]:
        """ "will remain on the board as executive chair": a new title, not a departure"""
        subj = self._subject(s, t.i)
        if subj is None:
            return []
        role, org, _e = self._role_at(s, t.j)
        if not is_position(role):
            return []
        out = []
        for person in self._persons(s, subj):
            o = org or self._affiliation(person) or s.org or self.context_org
            if o:
                out.append(Raw(person, o, "role_changed", role, None, _BASE["remain"]))
        return out

    def _t_newrole(self, s: _Sentence, t: Trigger) -> list[Raw]:
        """ "Wren Health's new chief medical officer is Dr. Aaron Lee" """
        title, e = title_phrase(s.tokens, t.j)
        if not is_position(title) or e >= len(s.tokens):
            return []
        k = e
        if s.tokens[k].low in ("is", "will", "was", ",", ":"):
            while k < len(s.tokens) and s.tokens[k].low in (
                ":",
                "is",
                "will",
                "be",
                "was",
                ",",
                ".",
                "dr",
                "mr",
                "ms",
                "mrs",
                "prof",
            ):
                k += 1
        else:
            return []
        m = s.by_tok.get(k)
        if m is None or m.i != k or m.kind != "PER":
            return []
        org: str | None = None
        if t.i >= 2 and s.tokens[t.i - 1].low in ("'s", "’s"):
            om = s.by_tok.get(t.i - 2)
            if om is not None and om.kind in ("ORG", "ORGREF"):
                org = om.name if om.kind == "ORG" else self._resolve(s, om)
        elif t.i >= 1 and s.tokens[t.i - 1].low == "its":
            org = self._resolve(s, s.by_tok[t.i - 1]) if (t.i - 1) in s.by_tok else None
        org = org or s.org or self.context_org
        if org is None:
            return []
        out = []
        for person in self._persons(s, m):
            out.append(Raw(person, org, self._direction(person, org, title), title, None, _BASE["newrole"]))
        return out

    def _t_handover(self, s: _Sentence, t: Trigger, produced: list[Raw]) -> list[Raw]:
        """ "X hands the reins to president Y": Y takes X's title; X leaves it unless given a new one"""
        succ = self._object(s, t.j, 6, ("PER",))
        pred = self._subject(s, t.i)
        if succ is None or pred is None:
            return []
        out: list[Raw] = []
        succ_name = s.names.get(succ.i, succ.name)
        for pname in self._persons(s, pred):
            info = self.info.get(pname)
            org = (info.org if info and info.org else None) or s.org or self.context_org
            if org is None:
                continue
            role = info.title if info else None
            out.append(Raw(pname, org, "left", role, None, _BASE["handover"], implicit=True))
            out.append(
                Raw(succ_name, org, self._direction(succ_name, org, role), role, None, _BASE["handover"])
            )
        return out

    def _t_founder_as(self, s: _Sentence, t: Trigger) -> list[Raw]:
        """ "has resurfaced as the founder of Ferry" """
        subj = self._subject(s, t.i)
        om = self._org_after(s, t.j)
        if om is None or om.kind != "ORG":
            # "as co-founder of a new robotics company, Gantry"
            om = None
            for k in range(t.j, min(len(s.tokens), t.j + 9)):
                m = s.by_tok.get(k)
                if m is not None and m.i == k and m.kind in ("ORG", "PER"):
                    om = m if m.kind == "ORG" else None
                    break
            if om is None or not company_context(s.tokens, t.j, om.i):
                return []
        if subj is None:
            return []
        role = "co-founder" if "co" in t.text else "founder"
        return [Raw(p, om.name, "founded", role, None, _BASE["founder_as"]) for p in self._persons(s, subj)]

    def _t_lose(self, s: _Sentence, t: Trigger) -> list[Raw]:
        """ "X has lost its lead designer, Sara Kim, to rival studio Moonlit": a departure and a hire."""
        toks = s.tokens
        obj = self._object(s, t.j, 7, ("PER",))
        if obj is None:
            return []
        dest: str | None = None
        for q in range(obj.j, min(len(toks) - 1, obj.j + 12)):
            if toks[q].low == "to":
                dm = self._org_after(s, q + 1)
                if dm is not None and dm.kind == "ORG":
                    dest = dm.name
                break
        if dest is None:
            return []  # "lost its chief executive in a crash" is not a move
        host = self._host(s, t.i)
        out: list[Raw] = []
        for person in self._persons(s, obj):
            out.append(Raw(person, dest, "joined", None, None, _BASE["lose"]))
            origin = self._affiliation(person) or host
            if origin and not same_org(origin, dest):
                out.append(Raw(person, origin, "left", self._title_for(person, origin), None, _BASE["lose"]))
        return out

    def _t_following(self, s: _Sentence, t: Trigger, produced: list[Raw]) -> list[Raw]:
        """ "the third executive to leave X this year, following CFO A and counsel B": A and B left X too."""
        base = next((r for r in produced if r.direction == "left"), None)
        obj = self._object(s, t.j, 6, ("PER",))
        if base is None or obj is None:
            return []
        return [
            Raw(p, base.org, "left", self._title_for(p, base.org), None, _BASE["following"])
            for p in self._persons(s, obj)
            if p != base.person
        ]

    def _t_succeed(self, s: _Sentence, t: Trigger, produced: list[Raw]) -> list[Raw]:
        pred = self._object(s, t.j, 4, ("PER",))
        if pred is None:
            return []
        pred_name = s.names.get(pred.i, pred.name)
        succ = self._subject(s, t.i)
        succ_names = self._persons(s, succ) if succ is not None else []
        base = next(
            (r for r in produced if r.person in succ_names and r.direction in ("joined", "role_changed")),
            None,
        )
        out: list[Raw] = []
        org: str | None
        if base is not None:
            org, role = base.org, base.role
        else:
            k = pred.j
            role, org, _e = (
                self._role_at(s, k) if k < len(s.tokens) and s.tokens[k].low == "as" else (None, None, k)
            )
            org = org or s.org or self.context_org
            if org is None:
                return []
            for name in succ_names:
                out.append(Raw(name, org, self._direction(name, org, role), role, None, _BASE["succeed"]))
        info = self.info.get(pred_name)
        prole = role or (info.title if info else None)
        # "replacing co-founder Dev Malik, who will focus on research": the predecessor stays on
        rest = s.text[s.tokens[pred.j].start :] if pred.j < len(s.tokens) else ""
        clause = rest.split(",")[1] if rest.startswith(",") and rest.count(",") else ""
        leaves = any(
            mt.lastgroup and mt.lastgroup.startswith(("leave", "depart_for"))
            for mt in TRIGGERS.finditer(clause)
        )
        if clause and _STAYS.search(clause) and not leaves:
            out.append(Raw(pred_name, org, "role_changed", None, None, _BASE["succeed"] * 0.9))
        else:
            out.append(Raw(pred_name, org, "left", prole, None, _BASE["succeed"], implicit=True))
        return out

    def _t_succeeded_by(self, s: _Sentence, t: Trigger, produced: list[Raw]) -> list[Raw]:
        succ = self._object(s, t.j, 4, ("PER",))
        pred = self._subject(s, t.i)
        if pred is None:
            return []
        if succ is None:
            # "is expected to be replaced by the end of the year": a departure with no successor named
            if not re.search(
                r"\bbe replaced\b", s.text[s.tokens[max(0, t.i - 2)].start : s.tokens[t.j - 1].end]
            ):
                return []
            out_only: list[Raw] = []
            for pname in self._persons(s, pred):
                org = self._left_org(s, pname, t.i)
                if org:
                    out_only.append(
                        Raw(pname, org, "left", self._title_for(pname, org), None, _BASE["succeeded_by"])
                    )
            return out_only
        succ_name = s.names.get(succ.i, succ.name)
        out: list[Raw] = []
        for pname in self._persons(s, pred):
            prior = next(
                (r for r, _s, _c in reversed(self.moves) if r.person == pname and r.direction == "left"), None
            )
            info = self.info.get(pname)
            org = prior.org if prior else (info.org if info and info.org else s.org or self.context_org)
            if org is None:
                continue
            stated = re.search(r" as (.+) by$", t.text)
            role = clean_role(stated.group(1)) if stated else None
            role = role or (prior.role if prior else (info.title if info else None))
            # "will be replaced as finance chief by Y": X gives up that title (maybe for another one)
            out.append(Raw(pname, org, "left", role, None, _BASE["succeeded_by"], implicit=prior is None))
            out.append(
                Raw(succ_name, org, self._direction(succ_name, org, role), role, None, _BASE["succeeded_by"])
            )
        return out

    # ---------------------------------------------------------------- results
    def results(self) -> list[Move]:
        raws = list(self.moves)
        # a known employer the person is leaving behind when joining or founding elsewhere
        extra: list[tuple[Raw, str, str]] = []
        for raw, sent, clause in raws:
            if raw.direction not in ("joined", "founded"):
                continue
            info = self.info.get(raw.person)
            if board_seat(raw.role):
                continue  # a board seat is held alongside a day job
            founder = (
                info is not None and info.title is not None and "founder" in info.title.lower()
            ) or any(
                r.person == raw.person
                and r.direction == "founded"
                and info is not None
                and same_org(r.org, info.org)
                for r, _a, _b in raws
            )
            if self.acquisition and founder:
                continue  # a founder joining the buyer of their company has not left it
            if info and info.org and not same_org(info.org, raw.org):
                extra.append(
                    (
                        Raw(
                            raw.person,
                            info.org,
                            "left",
                            info.title,
                            None,
                            raw.confidence * 0.8,
                            destination=raw.org,
                            implicit=True,
                        ),
                        sent,
                        clause,
                    )
                )
        # an inferred departure gives way to a stated new title at the same organisation
        stays = [r for r, _a, _b in raws if r.direction in ("joined", "role_changed")]
        raws = [
            item
            for item in raws
            if not (
                item[0].implicit
                and item[0].direction == "left"
                and any(r.person == item[0].person and same_org(r.org, item[0].org) for r in stays)
            )
        ]
        # "will stay on as an adviser" after a stated departure is a transition, not a new job
        stated_left = [r for r, _a, _b in raws if r.direction == "left" and not r.implicit]
        raws = [
            item
            for item in raws
            if not (
                item[0].family == "remain"
                and any(r.person == item[0].person and same_org(r.org, item[0].org) for r in stated_left)
            )
        ]
        merged: list[tuple[Raw, str, str]] = []
        for item in raws + extra:
            raw = item[0]
            hit = next(
                (
                    m
                    for m in merged
                    if m[0].person == raw.person
                    and same_org(m[0].org, raw.org)
                    and (
                        m[0].direction == raw.direction
                        or (
                            {m[0].direction, raw.direction} == {"joined", "role_changed"}
                            and m[1] == item[1]  # same sentence; a later promotion is a second move
                            and not re.search(r"\bwho\b", m[2] + " " + item[2], re.I)
                        )
                    )
                ),
                None,
            )
            if hit is None:
                merged.append(item)
                continue
            old = hit[0]
            if raw.direction == "role_changed" and old.direction == "joined" and not old.origin:
                old.direction = "role_changed"
            if len(_org_norm(raw.org)) > len(_org_norm(old.org)):
                old.org = raw.org
            old.role = old.role or raw.role
            old.team = old.team or raw.team
            old.origin = old.origin or raw.origin
            old.destination = old.destination or raw.destination
            old.confidence = max(old.confidence, raw.confidence)
        # link a departure to the matching hire
        for raw, _s, _c in merged:
            if raw.direction == "left" and raw.destination is None:
                dest = next(
                    (
                        r
                        for r, _a, _b in merged
                        if r.person == raw.person
                        and r.direction in ("joined", "founded")
                        and not same_org(r.org, raw.org)
                    ),
                    None,
                )
                raw.destination = dest.org if dest else None
            if raw.direction in ("joined", "founded") and raw.origin is None:
                orig = next(
                    (
                        r
                        for r, _a, _b in merged
                        if r.person == raw.person and r.direction == "left" and not same_org(r.org, raw.org)
                    ),
                    None,
                )
                raw.origin = orig.org if orig else None
        out: list[Move] = []
        for raw, sent, clause in merged:
            date, approx = move_date(clause, sent, self.published)
            role = clean_role(raw.role)
            out.append(
                Move(
                    person=self.resolver.person_name(raw.person),
                    org=self._display_org(raw.org),
                    direction=raw.direction,
                    role=role,
                    team=raw.team,
                    seniority=seniority(role)
                    if role
                    else ("founder" if raw.direction == "founded" else None),
                    date=date,
                    date_approximate=approx,
                    origin_org=self._display_org(raw.origin) if raw.origin else None,
                    destination_org=self._display_org(raw.destination) if raw.destination else None,
                    confidence=round(raw.confidence, 3),
                    evidence=sent,
                )
            )
        return out

    def _display_org(self, name: str) -> str:
        """Prefer the fullest form the article used ("Scale" -> "Scale AI"), then the configured name."""
        best = name
        for full in self.org_names:
            if full.startswith(best + " ") and all(
                w.lower() in ORG_SUFFIX for w in full[len(best) :].split()
            ):
                best = full
        return self.resolver.org_name(best)


def extract_article(
    text: str, published: dt.date | None, title: str | None, resolver: Resolver
) -> list[Move]:
    art = Article(resolver, published)
    if title:
        art.seed_title(title)
    for sentence in split_sentences(text):
        art.process(sentence)
    return art.results()
