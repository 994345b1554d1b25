"""Shared state of one article and the slot-filling helpers every trigger family uses.

What a reader carries from sentence to sentence lives here: full names seen so far (for
"Karpathy" and "he"), what each person is said to do (for telling a promotion from a hire
and for the employer a person leaves), and the organisation the article is about.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tracker.extract.dates import MONTH_NAMES
from tracker.extract.model import Direction, Move
from tracker.extract.names import (
    LEGAL_FORMS,
    ORG_REF_NOUNS,
    ORG_SUFFIX,
    STOP_CAP,
    KnownPeople,
    Mention,
    Token,
)
from tracker.extract.patterns import (
    TRIGGERS,
    PersonInfo,
    Raw,
    Trigger,
    is_position,
    title_phrase,
)
from tracker.extract.places import is_demonym, is_place
from tracker.extract.resolve import Resolver
from tracker.extract.roles import TITLE_HEADS, TITLE_MODIFIERS

if TYPE_CHECKING:
    from tracker.extract.chooser import Choice

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

APPOS_START = {
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
    "another",
}

VERBISH = {
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

# Every organisation is a company: "the Canadian company" needs a modifier the article attached.
_GENERIC_ORG_NOUNS = frozenset({"company", "firm", "group", "business", "organisation", "organization", "outfit"})
# A company the article has someone founding is a startup or a new venture.
_NEW_VENTURE = frozenset({"startup", "start-up", "venture"})
_MAKER_NOUNS = frozenset({"maker", "developer", "owner", "creator", "operator", "parent", "provider"})
_STATEMENT_VERBS = frozenset(
    {"said", "says", "told", "announced", "announces", "confirmed", "confirms", "wrote", "writes", "added"}
)

GROUP_GLUE = {",", "and", "&", "'s", "’s", "fellow", "former", "ex", "both"}

BASE_CONFIDENCE = {
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
    "cofounders_named": 0.85,
    "following": 0.8,
    "chair": 0.85,
    "own_nominal_from": 0.85,
    "lose": 0.85,
    "led_by": 0.85,
}

SPENT_AT = re.compile(
    r"\bspent\s+(?:the\s+(?:past|last)\s+|nearly\s+|almost\s+|more than\s+|over\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:years?|decades?|months?)\s+(?:at|with)\s+(?:the\s+)?$",
    re.I,
)

EARLIER = re.compile(r"\b(?:previously|formerly|earlier in (?:his|her|their) career|once)\b", re.I)

UNTIL_RECENT = re.compile(
    r"\buntil (?:last (?:month|week)|recently|earlier this (?:month|year|week)|this (?:month|year|week)|"
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december)\b)",
    re.I,
)

STAYS_ON = re.compile(r"\b(?:will|to|would) (?:focus on|remain|stay|continue|take on|transition to)\b", re.I)

SERVED_HERE = re.compile(
    r"\b(?:after serving|having served|who has served|after (?:\w+ )?years) as "
    r"(?:its|the company's|the firm's|the bank's|the group's)\b|"
    # "making permanent a role he had held on an interim basis", "dropping the interim tag": the
    # appointee already holds the post
    r"\b(?:held|holding|holds|filled|filling) (?:\w+ ){0,3}on an? (?:interim|acting|temporary) basis\b|"
    r"\bmaking (?:\w+ ){0,5}permanent\b|\b(?:dropping|removing|drops|removes) the (?:interim|acting) (?:tag|title|label)\b",
    re.I,
)

JOB_VERBS = {
    "founded",
    "co-founded",
    "cofounded",
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

PRIOR_SPELL = re.compile(
    r"\b(?:after|following|capping|ending)\s+(?:a|an|nearly|almost|more than|over|some|his|her|their)?\s*"
    r"(?:[\w-]+\s+){0,2}(?:years?|decades?|months?|stint|tenure|spell|run|career)\s+"
    r"(?:at|with|(?:running|leading|heading|managing|overseeing|building|as)(?:\s+(?:[\w-]+\s+){0,5}(?:of|at))?)"
    r"\s+(?:the\s+)?$"
    r"|\bafter\s+(?:leading|running|heading|managing|overseeing|building)\s+(?:[\w-]+\s+){0,4}(?:at|of|for)\s+"
    r"(?:the\s+)?$",
    re.I,
)


def org_norm(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return " ".join(t for t in re.split(r"[^a-z0-9]+", text) if t and t not in _ORG_NOISE)


def same_org(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    x, y = org_norm(a), org_norm(b)
    return bool(x and y) and (x == y or f" {x} " in f" {y} " or f" {y} " in f" {x} ")


@dataclass
class Sentence:
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
    career: bool = False  # the sentence tells someone's job before this story ("most recently served at X")


_SUBORDINATORS = frozenset({"after", "before", "when", "since", "because", "while", "once", "until", "though"})
_GROUP_NOUNS = frozenset(
    {"staff", "employees", "workers", "people", "others", "colleagues", "dozens", "hundreds", "many", "several"}
)
_AUX = frozenset({"has", "have", "had", "also", "will", "would", "reportedly", "recently", "later", "then", "all"})


def _unnamed_subject(toks: list[Token], start: int, i: int) -> bool:
    """The verb at ``i`` opens its own clause with a subject that names nobody."""
    k = i - 1
    while k >= start and toks[k].low in _AUX:
        k -= 1
    if k >= start and toks[k].low in _GROUP_NOUNS:
        return True
    sub = next((q for q in range(i - 1, start - 1, -1) if toks[q].low in _SUBORDINATORS), None)
    if sub is not None and sub + 1 < i and _date_start(toks[sub + 1].low):
        return False  # "has run it since last summer and will ...": a preposition before a date, no clause
    if sub is not None and any(
        toks[q].low in SPAN_UNITS for q in range(sub + 1, min(i, sub + 5))
    ):  # "who stepped down after nine years to become ...": a span of time, no clause
        return False
    return sub is not None and sub + 1 < i and not toks[sub + 1].low.endswith("ing")


SPAN_UNITS = frozenset({"years", "year", "months", "month", "decades", "decade", "weeks", "seasons", "terms"})


def _date_start(low: str) -> bool:
    return low in ("last", "this", "next", "early", "late", "mid", "then") or low.isdigit() or low in MONTH_NAMES


class ArticleState:
    """Extraction state for one article plus the helpers that find a verb's participants."""

    def __init__(self, resolver: Resolver, published: dt.date | None) -> None:
        self.resolver = resolver
        self.published = published
        self.people = KnownPeople()
        self.info: dict[str, PersonInfo] = {}
        self.last_person: str | None = None
        self.last_group: list[str] = []
        self.context_org: str | None = None
        self.context_guessed = False  # the context organisation is only the first one named, in no employer slot
        self.last_subject: str | None = None  # the person opening the previous sentence as its subject
        self.org_names: list[str] = []
        self.units: dict[str, str] = {}  # "a new unit called Applications": the unit -> its organisation
        self.last_text: str | None = None  # the previous sentence
        self.owned: dict[str, str] = {}  # person -> the organisation the article names as theirs
        # organisation -> the words the article describes it with ("robotics startup Covariant")
        self.org_nouns: dict[str, set[str]] = {}
        self.moves: list[tuple[Raw, str, str]] = []
        # "Two Goldman Sachs bankers have left ... . A and B, who ..., founded X": an unnamed group's move
        # waiting for the next sentence to name its members: (count or 0, left org, joined org)
        # an unnamed counted group's move, for the next sentence to name: (size, left, went to, how)
        self.pending_group: tuple[int, str | None, str | None, Direction] | None = None
        self.acquisition = False
        self.sentences: list[str] = []  # the article so far, in reading order
        # every merged move with its ranker features and probability, kept or not (for training)
        self.scored: list[tuple[Move, dict[str, float], float]] = []
        # (sentence, organisation) where a description ("the drone startup") was read as that organisation
        self.descriptions: set[tuple[str, str]] = set()
        self.choices: list[Choice] = []  # each move's candidate organisations, as the chooser saw them

    def _mention_ending(self, s: Sentence, k: int) -> Mention | None:
        m = s.by_tok.get(k)
        return m if m is not None and m.j == k + 1 else None

    def _resolve(self, s: Sentence, m: Mention, exclude: tuple[str | None, ...] = ()) -> str | None:
        """What "it"/"the company" refers to: the nearest free organisation before, else the article's."""
        if m.kind == "ORG":
            return m.name
        if m.owner:
            return self._owned_by(s, m.owner, exclude)
        cands = [x for x in s.mentions if x.kind == "ORG" and x.i < m.i]
        described = self._described(s, m, exclude)
        if described:
            self.descriptions.add((s.text, described))
            return described
        # "Nvidia agreed to license chip technology from Groq, and the chipmaker will ...", "poached X from
        # Google ... to serve as its chief": a description opening a clause, or "its", is not the source
        # after "from" when another organisation is named
        opens = m.i == 0 or s.tokens[m.i - 1].low in ("and", "but", ",", ";") or m.text.lower() in ("it", "its")
        origins = {x.i for x in cands if x.i > 0 and s.tokens[x.i - 1].low == "from"} if opens else set()
        if len(origins) == len(cands):
            origins = set()
        # "the Toronto company": a writer varies the name of the article's subject, not of a company
        # named in passing ("designs at Apple, AMD and Tesla")
        if located(m.text) and self.context_org and not any(same_org(self.context_org, e) for e in exclude if e):
            return self.context_org
        for x in reversed(cands):
            if x.i not in s.attached and x.i not in origins and not any(same_org(x.name, e) for e in exclude if e):
                return x.name
        # "the OpenAI co-founder ... who left the company": a relative clause about a person refers
        # back to the organisation of their title, not to the article-level guess
        for x in reversed(cands):
            between = [t.low for t in s.tokens[x.j : m.i]]
            inside = "who" in between and "," not in between[len(between) - between[::-1].index("who") :]
            if inside and not any(same_org(x.name, e) for e in exclude if e):
                return x.name
        if self.context_org and not any(same_org(self.context_org, e) for e in exclude if e):
            return self.context_org
        for x in reversed(cands):
            if not any(same_org(x.name, e) for e in exclude if e):
                return x.name
        return None

    def _described(self, s: Sentence, m: Mention, exclude: tuple[str | None, ...] = ()) -> str | None:
        """The organisation a description fits by what the article has said of it, nearest first.

        "the bank" -> "Helmsley Bank" (its name); "the robotics startup" -> "robotics startup Covariant";
        "the startup" -> a company the article has someone founding; "the Canadian company" needs a
        modifier the article attached ("Canadian"), since every organisation is a company; "the ChatGPT
        maker" (a product's maker) -> the organisation announcing the sentence ("OpenAI said ...").
        """
        words = [w.lower().removesuffix("'s").removesuffix("’s") for w in m.text.split()]
        words = [w for w in words if w not in ("the", "a", "an", "its", "it", "'s", "’s")]
        if not words:
            return None
        head, mods = words[-1], set(words[:-1])
        generic = head in _GENERIC_ORG_NOUNS
        # "the ChatGPT maker": a product named in the description must be one said of the organisation
        products = set() if located(m.text) else {w.lower() for w in m.text.split()[1:-1] if w[:1].isupper()}
        founded = {r.org for r, _s, _c in self.moves if r.direction == "founded"}
        cands = [x.name for x in reversed(s.mentions) if x.kind == "ORG" and x.i < m.i] + list(reversed(self.org_names))
        best: tuple[int, str] | None = None
        seen: set[str] = set()
        for name in cands:
            if name in seen or any(same_org(name, e) for e in exclude if e):
                continue
            seen.add(name)
            said = set(name.lower().split()) | self.org_nouns.get(name, set())
            if any(same_org(name, f) for f in founded):
                said |= _NEW_VENTURE
            shared = len(mods & said)
            if products and not products & said:
                continue
            fits = (generic and shared) or (not generic and head in said)
            if fits and (best is None or shared > best[0]):
                best = (shared, name)
        if best is not None:
            return best[1]
        if head in _MAKER_NOUNS and products:
            return self._announcer(s, m.i, exclude)
        return None

    def _announcer(self, s: Sentence, i: int, exclude: tuple[str | None, ...] = ()) -> str | None:
        """ "OpenAI said X was returning to the ChatGPT maker", "OpenAI chief Y told staff that ...": the
        organisation whose statement the sentence reports, before the description at ``i``."""
        toks = s.tokens
        for q in range(i - 1, 0, -1):
            if toks[q].low not in _STATEMENT_VERBS:
                continue
            k = q - 1
            while k >= 0 and toks[k].text[:1].islower() and toks[k].low not in ("that", "and", "who", "which"):
                k -= 1  # "OpenAI on Tuesday said"
            sm = s.by_tok.get(k)
            if sm is None:
                continue
            org = sm.name if sm.kind == "ORG" else self._affiliation(s.names.get(sm.i, sm.name))
            if sm.kind == "PER" and org is None:
                # "OpenAI applications chief Fidji Simo told staff": the organisation before the speaker's title
                b = sm.i - 1
                while b >= 0 and sm.i - b <= 3 and toks[b].text[:1].islower():
                    b -= 1
                om = s.by_tok.get(b)
                org = om.name if om is not None and om.kind == "ORG" and om.j == b + 1 and b < sm.i - 1 else None
            if sm.kind not in ("ORG", "PER") or org is None:
                continue
            return None if any(same_org(org, e) for e in exclude if e) else org
        return None

    def _owned_by(self, s: Sentence, owner: str, exclude: tuple[str | None, ...] = ()) -> str | None:
        """ "Mira Murati's startup": the organisation the article names as the owner's or says they run,
        else one the previous sentence has someone joining ("Gross departed to join Meta. ... Friedman, who
        joined Mark Zuckerberg's company"); never a guess from the nearest name."""
        info = self.info.get(owner)
        known = self.owned.get(owner) or (info.org if info and not info.former else None)
        if known:
            return known
        joined = next(
            (r.org for r, sent, _c in reversed(self.moves) if r.direction == "joined" and sent == self.last_text),
            None,
        )
        if joined and not any(same_org(joined, e) for e in exclude if e):
            return joined
        return None

    def _persons(self, s: Sentence, m: Mention) -> list[str]:
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
            if self.last_subject and m.i <= 2 and not any(x.kind in ("PER", "ORG") for x in s.mentions if x.i < m.i):
                # "Rahman will report to chief executive X. She replaces Y": a subject pronoun continues the
                # previous sentence's subject, not the person last named in it
                return [self.last_subject]
            return [self.last_person] if self.last_person else []
        return []

    def _subject(self, s: Sentence, i: int) -> Mention | None:
        """The person a verb at token ``i`` is about, skipping appositives and relative clauses."""
        toks = s.tokens
        if i >= 2 and toks[i - 1].low == "to":
            # "he expected more researchers to leave big labs": the infinitive's subject is the plural noun
            q = toks[i - 2].low
            if q in _GROUP_NOUNS or (q.endswith("s") and (q in TITLE_HEADS or q[:-1] in TITLE_HEADS)):
                return None
        # "X will hand the reins to Y and become chairman": a coordinated verb shares the first verb's subject
        k = i - 1
        while k >= 0 and toks[k].low in _COORD_SKIP:
            k -= 1
        if k >= 0 and toks[k].low == "and":
            prev = [t for t in s.triggers if t.j <= k and t.family not in ("hire", "fire", "newrole", "adjective")]
            # "succeeds X, who has run it since May and will go back to ...": the "and" joins the relative
            # clause's verbs, so the subject is the relative pronoun's antecedent, found below
            if prev and not any(toks[q].low == "who" for q in range(prev[-1].j, k)):
                return self._subject(s, prev[-1].i)
            # "X will hand over control to Amazon executive Y and become chair": with no trigger before,
            # a person after a preposition is an object; the clause's first person is the subject
            pers = [m for m in s.mentions if m.kind == "PER" and m.j <= k]
            if (
                len(pers) >= 2
                and self._prep_object(s, pers[-1])
                and not self._prep_object(s, pers[0])
                and not any(toks[q].text in (";", ":") for q in range(pers[0].j, k))
            ):
                return pers[0]
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
                if k in s.by_tok
                and s.by_tok[k].kind in ("PER", "PRON")
                and s.by_tok[k].i == k
                # "since Ilya Sutskever's departure": a possessor is not the subject
                and not (s.by_tok[k].j < len(toks) and toks[s.by_tok[k].j].low in ("'s", "’s"))
            ]
            first = toks[seg_start].low if seg_start < b else ""
            first_m = s.by_tok.get(seg_start)
            appositive = (
                (not own)
                and seg_start > 0
                and (
                    first in APPOS_START
                    or ((first in TITLE_HEADS or first in TITLE_MODIFIERS) and not cands)
                    or (first_m is not None and first_m.kind in ("ORG", "ORGREF") and not cands)
                )
            )
            # "Two executives at X, chief financial officer A and general counsel B, resigned": a titled
            # name list between commas is the subject, not an appositive
            if cands and (own or not appositive):
                return cands[-1]
            if own and _unnamed_subject(toks, seg_start, i):
                return None  # "weeks after most of its staff departed for X": the verb has its own subject
            own = False
            b = a
            if a < 0:
                break
        return None

    def _prep_object(self, s: Sentence, m: Mention) -> bool:
        """Whether a name (with its pre-modifying titles and employer) follows a preposition."""
        toks = s.tokens
        q = m.i - 1
        while q >= 0 and (
            toks[q].low in TITLE_HEADS
            or toks[q].low in TITLE_MODIFIERS
            or toks[q].low in ("the", "a", "an", "its", "his", "her", "their")
            or (q in s.by_tok and s.by_tok[q].kind in ("ORG", "ORGREF"))
        ):
            q -= 1
        return q >= 0 and toks[q].low in ("to", "from", "with", "by", "for", "of", "than")

    def _object(self, s: Sentence, j: int, limit: int = 12, kinds: tuple[str, ...] = ("PER", "PRON")) -> Mention | None:
        for k in range(j, min(len(s.tokens), j + limit)):
            m = s.by_tok.get(k)
            if m is not None and m.i == k and m.kind in kinds:
                return m
            if s.tokens[k].text == ";":
                return None
        return None

    def _org_after(self, s: Sentence, j: int, exclude: tuple[str | None, ...] = ()) -> Mention | None:
        k = j
        skipped = 0
        while k < len(s.tokens) and skipped <= 3:
            m = s.by_tok.get(k)
            if m is not None and m.kind == "OWNER" and m.j < len(s.tokens) and s.tokens[m.j].low in ("'s", "’s"):
                k = m.j + 1  # "joined Mark Zuckerberg's company": the possessed organisation follows
                continue
            if m is not None:
                return m if m.kind in ("ORG", "ORGREF") else None
            low = s.tokens[k].low
            if (
                low in _STOP_BEFORE_ORG
                or TRIGGERS.fullmatch(low)
                # "left Swiss drugmaker Roche": a nationality describes the organisation named next
                or not (low in _SKIP_BEFORE_ORG or s.tokens[k].text[:1].islower() or is_demonym(s.tokens[k].text))
            ):
                return None
            k += 1
            skipped += 1
        return None

    def _role_at(self, s: Sentence, k: int, exclude: tuple[str | None, ...] = ()) -> tuple[str | None, str | None, int]:
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
        # "editor of The Courier", "head of video at Orbit Media"; "head of Europe at Revolut" is at Revolut
        at_q = next((q for q in range(e, min(n - 1, e + 7)) if toks[q].low == "at"), None)
        if at_q is not None:
            am = s.by_tok.get(at_q + 1)
            if am is not None and am.kind == "ORG":
                return title, am.name, am.j
        for q in range(e, min(n - 1, e + 7)):
            if toks[q].text in (",", ";", ".") or TRIGGERS.fullmatch(toks[q].low):
                break
            if toks[q].low in ("of", "at", "for", "with"):
                r = q + 1
                om = s.by_tok.get(r)
                if om is None and toks[r].low == "the" and r + 1 < n:
                    om = s.by_tok.get(r + 1)
                if om is None:
                    # "chief executive of state development lender Bank Rozwoju": a description, then the name
                    w = r
                    while w < min(n, r + 4) and toks[w].text[:1].islower():
                        w += 1
                    if w > r and toks[w - 1].low in ORG_REF_NOUNS and w < n and toks[w].low not in STOP_CAP:
                        om = s.by_tok.get(w)
                if om is not None and om.kind == "ORGREF":
                    named = s.by_tok.get(om.j)
                    if named is not None and named.kind == "ORG" and named.i == om.j:
                        om = named  # "of the payments startup Vault": the description names the company
                if om is not None and om.kind in ("ORG", "ORGREF") and om.i in (r, r + 1, r + 2, r + 3, r + 4):
                    org = self._resolve(s, om, exclude) if om.kind == "ORGREF" else om.name
                    e = om.j
                    break
                if q > e:
                    break
        return title, org, e

    @staticmethod
    def _any_org(s: Sentence) -> str | None:
        """Last resort: the only kind of organisation a sentence can be about is one it names."""
        return next((m.name for m in s.mentions if m.kind == "ORG"), None)

    def _host(self, s: Sentence, i: int) -> str | None:
        """The organisation doing the hiring: the nearest organisation (or its describer) before the verb."""
        toks = s.tokens
        k0 = i - 1
        while k0 >= 0 and toks[k0].low in _AUX | {"has", "have", "had", "is", "was", "recently"}:
            k0 -= 1
        if k0 > 0 and toks[k0].text == ",":
            # "Sakana AI, the startup founded by former Google researchers X and Y, has hired Z": the
            # subject stands before its appositive, whatever the appositive names
            c = next((q for q in range(k0 - 1, -1, -1) if toks[q].text == ","), None)
            if c is not None and c > 0 and c + 1 < k0 and toks[c + 1].low in ("the", "a", "an", "which", "whose"):
                head = s.by_tok.get(c - 1)
                if head is not None and head.kind == "ORG" and head.j == c and head.i in (0, 1):
                    return head.name
        if k0 > 1 and toks[k0].low == "and":
            # "Red Bull dismissed X after two decades in charge of the Formula One team, and named Y": a
            # second verb of the sentence's organisation subject
            head = s.by_tok.get(0) or s.by_tok.get(1)
            if head is not None and head.kind == "ORG" and head.i <= 1 and head.j < k0:
                return head.name
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

    def _team(self, s: Sentence, a: int, b: int) -> str | None:
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

    def _direction(self, person: str, org: str | None, role: str | None, origin: str | None = None) -> Direction:
        """Joined from outside, or a new title inside the same organisation?"""
        info = self.info.get(person)
        if origin and not same_org(origin, org):
            return "joined"
        if info and info.org and not info.former and not same_org(info.org, org):
            return "joined"
        if info and not origin and any(same_org(v, org) for v in info.veteran_of):
            return "role_changed"  # "Nvidia veteran X has been named the company's first chief AI officer"
        low = (role or "").lower()
        if re.search(r"\b(interim|acting)\b", low):
            return "role_changed"
        if info and info.insider:
            return "role_changed"
        if (
            info
            and info.title
            and is_position(info.title)
            and (info.org is not None or not _occupation(info.title))
            and (info.org is None or same_org(info.org, org))
            and not info.orgs_former
        ):
            return "role_changed"
        return "joined"

    def _affiliation(self, person: str) -> str | None:
        info = self.info.get(person)
        return info.org if info else None

    def _org_before(self, s: Sentence, i: int, person: str) -> str | None:
        """The nearest organisation before the verb that does not describe somebody else."""
        for k in range(i - 1, -1, -1):
            m = s.by_tok.get(k)
            if m is not None and m.kind == "ORG" and m.i == k and s.attached.get(k, person) == person:
                if (
                    k > 0
                    and s.tokens[k - 1].low == "from"
                    and any(
                        x.j <= k and (x.kind == "PRON" or (x.kind == "PER" and s.names.get(x.i, x.name) != person))
                        for x in s.mentions
                    )
                ):
                    continue  # "hired Lisa Wu from Qualcomm ..., succeeding X, who retired": Wu's origin
                return m.name
        return None

    def _pronoun_penalty(self, m: Mention) -> float:
        return 0.95 if m.kind == "PRON" else 1.0

    def _last_joined(self, person: str) -> str | None:
        """Where the article last said this person joined: a later promotion happens there."""
        return next(
            (r.org for r, _s, _c in reversed(self.moves) if r.person == person and r.direction == "joined"),
            None,
        )

    def _left_org(self, s: Sentence, person: str, i: int) -> str | None:
        return (
            self._affiliation(person) or self._org_before(s, i, person) or s.org or self.context_org or self._any_org(s)
        )

    def _title_for(self, person: str, org: str | None) -> str | None:
        info = self.info.get(person)
        if info is None or info.former:
            return None
        return info.title if (info.org is None or same_org(info.org, org)) else None

    def spelled_out(self, name: str) -> str:
        """ "AWS" after "Amazon Web Services": an acronym of a name the article spelled out."""
        # "Vi" after "Vodafone Idea Ltd": a brand's short form may be written in mixed case
        if 2 <= len(name) <= 6 and name.isalpha() and name[0].isupper() and (name.isupper() or len(name) == 2):
            for full in self.org_names:
                words = [w for w in full.split() if w.lower() not in ("of", "and", "&", "the", "for")]
                if not name.isupper():
                    words = [w for w in words if w.lower().rstrip(".") not in LEGAL_FORMS]
                if len(words) == len(name) and "".join(w[0] for w in words) == name.upper():
                    return full
        return name

    def _display_org(self, name: str) -> str:
        """Prefer the fullest form the article used ("Scale" -> "Scale AI"), then the configured name."""
        best = self.spelled_out(name)
        for full in self.org_names:
            if full.startswith(best + " ") and all(w.lower() in ORG_SUFFIX for w in full[len(best) :].split()):
                best = full
        return self.resolver.org_name(best)


# What a person is, not a post they hold somewhere: "named economist X", "appointed Professor X"
_OCCUPATIONS = frozenset(
    {"professor", "prof", "economist", "lawyer", "attorney", "academic", "entrepreneur", "investor", "journalist"}
)


def _occupation(title: str) -> bool:
    words = title.lower().replace(".", "").split()
    return bool(words) and words[-1] in _OCCUPATIONS and len(words) <= 2


def located(description: str) -> bool:
    """ "the Toronto company", "the San Francisco startup": the capitalised words locate the organisation
    (a place), where in "the ChatGPT maker" they name a product it makes."""
    capitals = [w for w in description.split()[1:-1] if w[:1].isupper()]
    return bool(capitals) and is_place(" ".join(capitals))
