"""Mentions and person descriptions: who each name is, and what the article says they do.

Titles before a name ("former OpenAI CTO Mira Murati"), appositives and relative clauses
("X, OpenAI's chief technology officer,"; "who ran advertising at Y") and later sentences
("She is currently a senior economist at the ECB") become a `PersonInfo`, which decides
where a person leaves from and whether a new title is a hire or a promotion.
"""

from __future__ import annotations

import re

from tracker.extract.names import COUNTS, ORG_REF_NOUNS, PEOPLE_NOUNS, Mention, Token, find_mentions, tokenize
from tracker.extract.patterns import (
    TRIGGERS,
    PersonInfo,
    former_marked,
    is_position,
    title_phrase,
)
from tracker.extract.roles import TITLE_HEADS, TITLE_MODIFIERS, clean_role
from tracker.extract.state import (
    APPOS_START,
    EARLIER,
    GROUP_GLUE,
    JOB_VERBS,
    PRIOR_SPELL,
    SERVED_HERE,
    SPENT_AT,
    UNTIL_RECENT,
    VERBISH,
    ArticleState,
    Sentence,
    same_org,
)


def _org_shaped(word: str) -> bool:
    """OpenAI, xAI, IBM, J.P.: a single word whose shape says organisation, not surname."""
    return any(c.isupper() for c in word[1:]) or "." in word or "&" in word or any(c.isdigit() for c in word)


_TENURE_HERE = re.compile(
    r"\b(?:has|have) (?:led|run|headed|overseen|managed|been (?:at|with)|worked (?:at|for)) "
    r"(?:its|the (?:[a-z-]+ )?(?:"
    + "|".join(sorted(n for n in ORG_REF_NOUNS if n.isalpha()))
    + r")(?:'s|’s)?)\b[^,;]*\b(?:since|for (?:the (?:past|last) )?\w+ (?:years|decades))\b",
)


_TENURE_AT = re.compile(
    r"\b(?:has|have) (?:been|served as|worked) (?:[\w-]+ ){0,5}?(?:of|at|for|with)\b(?=[^,;]*\b(?:since|for (?:the (?:past|last) )?\w+ (?:years|decades))\b)"
)


def _other_antecedent(s: Sentence, first: Mention, at: int) -> bool:
    """The clause at character ``at`` is a "who" relative clause about someone other than ``first``."""
    who = next((k for k, t in enumerate(s.tokens) if t.end <= at and t.low == "who" and at - t.end <= 1), None)
    if who is None:
        return False
    k = who - 1 if who > 0 and s.tokens[who - 1].text == "," else who
    return k != first.j


# A lower-case describing word ("robotics", "Paris-based", "medical-AI"); capitalised demonyms count too.
_DESCRIPTIVE = re.compile(r"[A-Za-z][\w-]*")
_NOT_DESCRIPTIVE = frozenset(
    {"the", "a", "an", "its", "his", "her", "their", "of", "at", "for", "from", "to", "by", "with", "and", "in", "on"}
    | {"joined", "left", "leaving", "joining", "rival", "said", "says", "is", "was", "has", "had", "will"}
)
# Parts of an organisation ("a new business unit called X") and posts ("CEO of X, a new post").
_UNITS = frozenset({"unit", "division", "team", "department", "arm", "segment"})
_POSTS = frozenset({"post", "role", "position"})
# Names of parts of an institution ("Perelman School of Medicine", "Irving Medical Center")
_INNER_UNITS = frozenset({"school", "faculty", "center", "centre", "division", "department", "unit", "hospital"})
_SPEECH = frozenset({"said", "says", "told", "wrote", "writes", "added", "announced", "confirmed"})


_SCENE_OPENERS = frozenset({"over", "meanwhile", "and", "back", "elsewhere", "also"})
_LEAVE_WORDS = frozenset(
    {"leave", "leaves", "left", "leaving", "quit", "quits", "quitting", "exits", "exited", "exiting", "departs"}
)


def _left_behind(tokens: list[Token], i: int) -> bool:
    """ "becomes chief product officer; she leaves Brightpath", "after leaving law firm Oakes & Whitcombe":
    the organisation being left is where the person was, never what the sentence is about."""
    k = i - 1
    while k >= 0 and i - k <= 3 and tokens[k].text.isalpha() and tokens[k].text.islower():
        if tokens[k].low in _LEAVE_WORDS:
            return True
        k -= 1
    return False


class Describer(ArticleState):
    """Per-sentence preparation: mentions, groups of people, descriptions."""

    def seed_title(self, title: str) -> None:
        tokens = tokenize(title)
        for m in find_mentions(tokens, title, self.resolver, self.people):
            if m.kind == "ORG":
                word = m.text
                lone = m.j - m.i == 1 and not self.resolver.known_org(word) and not _org_shaped(word)
                if lone and (m.i == 0 or tokens[m.i - 1].low in ("'s", "’s")):
                    # "Pachocki to lead OpenAI reasoning division", "Stripe's Sands leaves": a headline surname
                    continue
                self.context_org = m.name
                self.org_names.append(m.name)
                return

    def _prepare(self, text: str) -> Sentence:
        tokens = tokenize(text)
        mentions = find_mentions(tokens, text, self.resolver, self.people)
        s = Sentence(text, tokens, mentions)
        for m in mentions:
            if m.kind == "ORG" and m.name in self.people.full:
                self.people.forget(m.name)
            if m.kind == "OWNER":
                self.people.add(m.name)
                owned = next((x for x in mentions if x.kind == "ORG" and x.i == m.j + 1), None)
                if owned is not None:
                    self.owned[m.name] = owned.name  # "Mira Murati's Thinking Machines Lab": "Murati's lab" later
            if m.kind == "PER" and len(m.name.split()) >= 2:
                self.people.add(m.name)
                if self.context_org and self.context_org == m.name.split()[-1]:
                    self.context_org = None  # the headline's "organisation" was this person's surname
        for m in mentions:
            # "Sara Bell and Tom Reyes ..., with Bell becoming chair": a surname met earlier in the sentence
            if m.kind == "ORG" and m.j - m.i == 1 and m.name == m.text and not self.resolver.known_org(m.text):
                known = self.people.lookup(m.text)
                if known and known.split()[-1] == m.text:
                    m.kind, m.name = "PER", known
        self._units(s)
        for m in mentions:
            for k in range(m.i, m.j):
                s.by_tok[k] = m
            if m.kind == "PER":
                s.names[m.i] = m.name
            elif m.kind == "ORG":
                self.org_names.append(m.name)
        self._group(s)
        self._remember_descriptions(s)
        for m in mentions:
            if m.kind == "PER":
                self._describe(s, m)
        self._counted_group(s)
        self._prior_employer(s)
        self._current_job(s)
        free = [
            m
            for m in mentions
            if m.kind == "ORG"
            and m.i not in s.attached
            and not (
                m.i > 0
                and tokens[m.i - 1].low in ("from", "for", "at", "with", "than", "against", "versus", "vs")
                # "At Straits Harbour she will report to ...", "Over at X, Y was promoted": the scene is set
                and not (tokens[m.i - 1].low == "at" and all(t.low in _SCENE_OPENERS for t in tokens[: m.i - 1]))
            )
            and not _left_behind(tokens, m.i)
        ]
        if free:
            s.org = free[0].name
        return s

    def _counted_group(self, s: Sentence) -> None:
        """ "Luan and four of his co-founders, A, B and C", "three of OpenAI's researchers: A, B and C": the
        names after a counted group are its members; they share its employer and, after "X and", X's fate."""
        toks = s.tokens
        for k, tok in enumerate(toks):
            if tok.low not in COUNTS or k + 3 >= len(toks) or toks[k + 1].low != "of":
                continue
            owner: str | None = None
            q = k + 2
            if toks[q].low in ("his", "her", "their"):
                before = [m for m in s.mentions if m.kind == "PER" and m.j <= k]
                owner = self._affiliation(s.names.get(before[-1].i, before[-1].name)) if before else None
                q += 1
            else:
                om = s.by_tok.get(q)
                if om is None or om.kind != "ORG" or om.j >= len(toks) or toks[om.j].low not in ("'s", "’s"):
                    continue
                owner, q = om.name, om.j + 1
            while q < len(toks) and toks[q].text[:1].islower() and toks[q].low not in PEOPLE_NOUNS and q - k <= 6:
                q += 1
            if q >= len(toks) or toks[q].low not in PEOPLE_NOUNS:
                continue
            noun = toks[q].low
            e = q + 1
            while e < len(toks) and toks[e].text not in (",", ":") and e - q <= 4:
                e += 1  # "researchers in Zurich:"
            first = s.by_tok.get(e + 1) if e < len(toks) else None
            if first is None or first.kind != "PER" or first.i != e + 1:
                continue
            members = s.groups.get(first.i, [first])
            title = noun[:-1] if noun.endswith("s") else noun
            for g in members:
                self._merge_info(self.info.setdefault(s.names.get(g.i, g.name), PersonInfo()), title, owner, False)
            lead = s.by_tok.get(k - 2) if k >= 2 and toks[k - 1].low == "and" else None
            if lead is not None and lead.kind == "PER" and lead.j == k - 1:
                joined = s.groups.get(lead.i, [lead]) + [g for g in members if g not in s.groups.get(lead.i, [lead])]
                for g in joined:
                    s.groups[g.i] = joined

    def _units(self, s: Sentence) -> None:
        """ "a new business unit called Applications", "CEO of Applications, a new post": a named unit or post
        inside the organisation the sentence is about; it and later mentions of it stand for that organisation."""
        toks = s.tokens
        for m in s.mentions:
            if m.kind != "ORG":
                continue
            parent = self.units.get(m.name)
            if parent is None:
                called = m.i >= 2 and toks[m.i - 1].low in ("called", "named", "dubbed") and toks[m.i - 2].low in _UNITS
                # "CEO of Applications, a new post" (but "chief commercial officer at ServiceNow, a role he left")
                posted = (
                    m.j + 3 < len(toks)
                    and m.i >= 2
                    and toks[m.i - 1].low == "of"
                    and toks[m.i - 2].low in TITLE_HEADS
                    and toks[m.j].text == ","
                    and toks[m.j + 1].low in ("a", "an", "the")
                    and toks[m.j + 2].low in ("new", "newly")
                    and any(t.low in _UNITS | _POSTS for t in toks[m.j + 3 : m.j + 5])
                    and not any(t.low in ORG_REF_NOUNS for t in toks[m.j + 2 : m.j + 5])
                )
                # "dean of its Perelman School of Medicine", "dean of the Graduate School of Business": a school
                # or division named inside a title belongs to the organisation the sentence is about
                inner = (
                    m.i >= 3
                    and toks[m.i - 1].low in ("its", "the", "their")
                    and toks[m.i - 2].low == "of"
                    and toks[m.i - 3].low in TITLE_HEADS
                    and any(w.lower() in _INNER_UNITS for w in m.name.split())
                )
                # "head of the Flow Technology division at Kestrel Group": a unit of the organisation named next
                host = (
                    next((x for x in s.mentions if x.kind == "ORG" and x.i in (m.j + 2, m.j + 3)), None)
                    if m.j + 2 < len(toks) and toks[m.j].low in _UNITS and toks[m.j + 1].low in ("at", "of")
                    else None
                )
                if host is not None:
                    self.units[m.name] = host.name
                    m.name = host.name
                    continue
                if not (called or posted or inner):
                    continue
                parent = next((x.name for x in s.mentions if x.kind == "ORG" and x.i < m.i), None) or self.context_org
                if parent is None:
                    continue
                self.units[m.name] = parent
            m.name = parent

    def _remember_descriptions(self, s: Sentence) -> None:
        """The words the article describes an organisation with, so "the robotics startup" later finds it:
        before the name ("robotics startup Covariant", "the French medical-AI company Nabla") or in an
        appositive ("X, a Paris-based company he founded"; a company someone founded is a new venture)."""
        toks = s.tokens
        for m in s.mentions:
            if m.kind != "ORG":
                continue
            said: list[str] = []
            k = m.i - 1
            if k >= 0 and toks[k].low in ORG_REF_NOUNS and k not in s.by_tok:
                while k >= 0 and m.i - k <= 4 and k not in s.by_tok and _DESCRIPTIVE.fullmatch(toks[k].text):
                    if toks[k].low in _NOT_DESCRIPTIVE:
                        break
                    said.append(toks[k].low)
                    k -= 1
            if m.j + 2 < len(toks) and toks[m.j].text == "," and toks[m.j + 1].low in ("a", "an", "the"):
                e = m.j + 2
                words: list[str] = []
                while e < len(toks) and e - m.j <= 6 and e not in s.by_tok and _DESCRIPTIVE.fullmatch(toks[e].text):
                    words.append(toks[e].low)
                    if toks[e].low in ORG_REF_NOUNS:
                        said.extend(words)
                        rest = [t.low for t in toks[e + 1 : e + 5]]
                        if any(w in ("founded", "co-founded", "launched", "started") for w in rest):
                            said.extend(("startup", "venture"))
                        break
                    e += 1
            if said:
                self.org_nouns.setdefault(m.name, set()).update(said)

    def _current_job(self, s: Sentence) -> None:
        """ "She is currently a senior economist at the ECB": an employer stated in its own sentence."""
        if re.search(r"\b(?:taken|taking|takes|take|on) (?:a |unpaid )?(?:leave|sabbatical)\b", s.text, re.I):
            # "has taken leave from the university to co-found X": still employed there
            first = next((m for m in s.mentions if m.kind == "PER"), None)
            if first is not None:
                for person in self._persons(s, first):
                    self.info.setdefault(person, PersonInfo()).on_leave = True
        if SERVED_HERE.search(s.text):
            # "... after serving as its head of supply chain": already works there
            first = next((m for m in s.mentions if m.kind == "PER"), None)
            if first is not None:
                for person in self._persons(s, first):
                    self.info.setdefault(person, PersonInfo()).insider = True
        first = next((m for m in s.mentions if m.kind in ("PER", "PRON")), None)
        here = _TENURE_AT.search(s.text)
        if (
            first is not None
            and first.i <= 1
            and here is not None
            and self.context_org is not None
            and any(
                m.kind == "ORG" and same_org(m.name, self.context_org) and s.tokens[m.i].start >= here.end()
                for m in s.mentions
            )
        ):
            # "Price has been chief financial officer of Teck since 2017": already inside the article's company
            for person in self._persons(s, first):
                pinfo = self.info.setdefault(person, PersonInfo())
                pinfo.insider = True
                pinfo.tenured = True
        tenure = _TENURE_HERE.search(s.text)
        if tenure is not None and first is not None and _other_antecedent(s, first, tenure.start()):
            tenure = None  # "She succeeds Ben Ortiz, who has led the bank since 2019": about Ortiz
        if first is not None and first.i <= 1 and tenure is not None:
            # "Haddad has led the company's clinical programme since 2019": already inside, in its own sentence
            for person in self._persons(s, first):
                pinfo = self.info.setdefault(person, PersonInfo())
                pinfo.insider = True
                pinfo.tenured = True
        cue = re.search(
            r"\b(?:is|are) currently\b|\bcurrently (?:is|serves|works)\b|"
            # "brings 20 years of experience, most recently serving as VP of engineering at Symbotic"
            r"\bmost recently (?:(?:serving|served|working|worked) )?as\b|\bwas most recently(?= (?:a|an|the) )|"
            # "Rajan most recently ran cell development at Panasonic": the job just left
            r"\bmost recently (?:worked|ran|led|headed|oversaw|managed|was)\b",
            s.text,
        )
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
        s.career = cue.group().startswith("most")
        for person in self._persons(s, subj):
            info = self.info.setdefault(person, PersonInfo())
            if info.org is None:
                info.org = org.name
                k = next((i for i, tk in enumerate(s.tokens) if tk.start >= cue.end()), len(s.tokens))
                info.title = info.title or title_phrase(s.tokens, k)[0]
            s.attached[org.i] = person

    @staticmethod
    def _after_preposition(s: Sentence, i: int) -> bool:
        k = i - 1
        if k >= 0 and s.tokens[k].low == "the":
            k -= 1
        # "at the law firm Hengeler Mueller": a describing noun between the preposition and the name
        if k >= 2 and s.tokens[k].low in ORG_REF_NOUNS and s.tokens[k - 1].low in ("the", "law", "investment"):
            k -= 1
            while k >= 0 and s.tokens[k].low in ("the", "law", "investment"):
                k -= 1
        return k >= 0 and s.tokens[k].low in ("at", "of", "with", "for")

    def _prior_employer(self, s: Sentence) -> None:
        """ "after a decade at Deutsche Bank", "he spent the past decade at SAP": the employer someone
        leaves when they join elsewhere (but not one introduced with "previously")."""
        if EARLIER.search(s.text):
            return
        for m in s.mentions:
            head = s.text[: s.tokens[m.i].start]
            if m.kind != "ORG" or not (PRIOR_SPELL.search(head) or SPENT_AT.search(head)):
                continue
            before = [x for x in s.mentions if x.kind in ("PER", "PRON") and x.j <= m.i]
            after = [x for x in s.mentions if x.kind == "PER" and x.i >= m.j]
            who = before[-1] if before else (after[0] if after else None)
            if who is None:
                continue
            for name in self._persons(s, who):
                info = self.info.setdefault(name, PersonInfo())
                # a stated recent employer beats a founder title ("Kite co-founder X, after a year at Figure")
                if info.org is None or (info.title is not None and "founder" in info.title.lower()):
                    info.org = m.name
                s.attached[m.i] = name

    def _group(self, s: Sentence) -> None:
        pers = [m for m in s.mentions if m.kind == "PER"]
        current: list[Mention] = []
        for m in pers:
            if current:
                prev = current[-1]
                between = s.tokens[prev.j : m.i]
                ok = 0 < len(between) <= 8 and any(t.low in (",", "and", "&") for t in between)
                # "... with co-founder Barret Zoph, Murati said": a name opening a reporting clause
                if [t.text for t in between] == [","] and m.j < len(s.tokens) and s.tokens[m.j].low in _SPEECH:
                    ok = False
                for k in range(prev.j, m.i):
                    t = s.tokens[k]
                    mm = s.by_tok.get(k)
                    if not (
                        t.low in GROUP_GLUE
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
                    and 4 <= len(words) <= 16
                    and words[0] == ","
                    and (words[-2:] == [",", "and"] or (words[-1] == "," and "and" in words))
                    and words.count(",") <= 3
                    and not any(w in VERBISH and w not in ("and", "at", "in", "on") for w in words[1:-2])
                    and not any(w in ("who", "which", "whose", "where") for w in words)
                    and not TRIGGERS.search(" ".join(words))
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

    def _describe(self, s: Sentence, m: Mention) -> None:
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
                or toks[k].low in ("and", "former", "ex", "then", "new", "longtime", "long-time", "interim")
                or (toks[k].low.rstrip("s") in TITLE_HEADS and k == end)
            )
        ):
            if toks[k].low in ("former", "ex", "then"):
                former = True
            k -= 1
        title = None
        while k + 1 < end and toks[k + 1].low in ("and", "new", "longtime", "long-time"):
            k += 1
        if end >= 0 and k < end and (toks[end].low in TITLE_HEADS or toks[end].low.rstrip("s") in TITLE_HEADS):
            title = clean_role(" ".join(t.text for t in toks[k + 1 : end + 1] if t.low not in ("former", "ex")) + tail)
            if toks[k + 1].low == "and":
                title = None
        fellow = title is not None and "fellow" in title.lower().split()
        org: str | None = None
        if title is not None:
            if k >= 0 and toks[k].low in ("'s", "’s", "'", "’"):
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
            if org is None and not former and k >= 0 and toks[k].low in ("and", ","):
                org = self._shared_premodifier_org(s, m, k)
            self._merge_info(info, title, org, former)
            head = toks[end].low
            if head.endswith("s") and head[:-1] in TITLE_HEADS:
                # "Pulsar AI researchers Jin Park and Maya Cohen": a plural title covers the whole list
                for g in s.groups.get(m.i, [m]):
                    self._merge_info(self.info.setdefault(s.names.get(g.i, g.name), PersonInfo()), title, org, former)
        if (
            title is None
            and m.i >= 2
            and toks[m.i - 1].low in ("'s", "’s")
            and s.by_tok.get(m.i - 2) is not None
            and s.by_tok[m.i - 2].kind == "ORG"
        ):
            om2 = s.by_tok[m.i - 2]
            s.attached[om2.i] = name
            self._merge_info(info, None, om2.name, False)  # "hired Uber's Max Lin"
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
            first in APPOS_START
            or first in TITLE_HEADS
            or first in TITLE_MODIFIERS
            or (first_m is not None and first_m.kind in ("ORG", "ORGREF"))
            or nxt_who
        ):
            return
        if first in VERBISH and first not in ("who",):
            return
        seg_text = s.text[seg[0].start : seg[-1].end]
        words = [t.low for t in seg]
        moved = any(
            mt.lastgroup
            and mt.lastgroup.startswith(("leave", "depart_for", "join", "nominal_left", "own_nominal", "adjective"))
            for mt in TRIGGERS.finditer(seg_text)
        )
        a_former = former_marked(words) or moved or "had been" in seg_text or "who was" in seg_text
        # "a founding member of X who later ran Y at Tesla": one episode of a told career, not the current job
        a_former = a_former or ("who" in words and any(w in ("later", "subsequently", "afterwards") for w in words))
        # "who until last month ran the robotics group at Tesla": a job held until just now
        if UNTIL_RECENT.search(seg_text) and not former_marked([w for w in words if w != "until"]) and not moved:
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
                if (
                    idx > 0
                    and toks[idx - 1].low in ("on", "about", "into")
                    and not (om.j < len(toks) and toks[om.j].low in ("'s", "’s"))
                ):
                    continue  # "at Meta who worked on Llama": the work's subject, a product, not an employer
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
        if orgs and not any((x.kind == "ORGREF" and x.text.lower() != "it") for x in s.mentions if j < x.i < e):
            insider = False  # "currently finance director at Scania": employed elsewhere, not in-house
        a_title = None
        for idx in range(j + 1, e):
            t, _end = title_phrase(toks, idx)
            if t:
                a_title = t
                break
        a_org: str | None = a_org_override
        # "the Nordea veteran who ran its Danish unit": a job verb makes the employer current
        job_verb = who_at >= 0 and any(w in JOB_VERBS for w in words[who_at:])
        if job_verb and a_title is not None and not is_position(a_title):
            a_title = None
        at_org = any(
            (o.i > 0 and toks[o.i - 1].low in ("at", "with")) or (o.j < len(toks) and toks[o.j].low in ("'s", "’s"))
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
        # "Sarfraz Maredia, who runs the Americas delivery business, will take over": a unit of the article's
        # own company when no other employer is named
        if (
            who_at >= 0
            and not orgs
            and not a_former
            and any(w in ("runs", "leads", "heads", "oversees", "manages") for w in words[who_at:])
            and any(w in ("business", "unit", "division", "team", "group", "operations") for w in words[who_at:])
        ):
            insider = True
        if (
            who_at >= 0
            and not orgs
            and not a_former
            and re.search(
                r"\b(?:has|have|had) (?:run|led|headed|overseen|managed) (?!(?:the|its|at|of|a|an)\b)[a-z-]+\b(?![’'])",
                seg_text,
            )
        ):
            # "Gerald Tan, who had run wealth management since 2019, would become ...", "Choi, who had led foundry
            # sales in North America, takes over": a unit with no other employer named is the company's own
            insider = True
        if a_title is not None and "founder" in a_title.lower() and a_org is None and not a_former and not orgs:
            insider = True  # "Daniel Levy, another co-founder, becomes president": a founder of the company in view
        if insider:
            info.insider = True
            if re.search(r"\b(?:has|have|had) (?:been|led|run|headed|overseen|worked|served)\b", seg_text):
                info.tenured = True
        if a_title or a_org:
            for g in group:
                ginfo = self.info.setdefault(s.names.get(g.i, g.name), PersonInfo())
                self._merge_info(ginfo, a_title, a_org, a_former)
                if insider:
                    ginfo.insider = True

    def _pre_appositive(self, s: Sentence, m: Mention) -> None:
        """ "Two co-founders of the robotics startup Gripwise, Leo Brandt and Ana Silva, ..." """
        toks = s.tokens
        if m.i < 4 or toks[m.i - 1].text != ",":
            return
        om = self._mention_ending(s, m.i - 2)
        if om is None or om.kind != "ORG":
            return
        q = om.i - 1
        while q >= 0 and toks[q].text[:1].islower() and toks[q].low not in ("of", "at") and om.i - q <= 5:
            q -= 1
        if q < 1 or toks[q].low not in ("of", "at"):  # "co-founders of X, ...", "executives at X, ..."
            return
        head = toks[q - 1].low
        if head not in TITLE_HEADS and head.rstrip("s") in TITLE_HEADS:
            head = head.rstrip("s")
        elif head not in TITLE_HEADS:
            return
        s.attached[om.i] = s.names.get(m.i, m.name)
        former = q >= 2 and toks[q - 2].low in ("former", "ex")
        for g in s.groups.get(m.i, [m]):
            self._merge_info(self.info.setdefault(s.names.get(g.i, g.name), PersonInfo()), head, om.name, former)

    def _shared_premodifier_org(self, s: Sentence, m: Mention, k: int) -> str | None:
        """ "Windsurf chief executive Varun Mohan and co-founder Douglas Chen" (or ", co-founder ..."): the
        organisation before the first title of a list also employs the next person, whose title names none."""
        partner = s.by_tok.get(k - 1)
        if partner is None or partner.kind != "PER" or partner.j != k:
            return None
        q = partner.i - 1
        while q >= 0 and q not in s.by_tok and (s.tokens[q].low in TITLE_HEADS or s.tokens[q].low in TITLE_MODIFIERS):
            q -= 1
        if q == partner.i - 1:
            return None  # the partner has no title of their own
        if q >= 0 and s.tokens[q].low in ("'s", "’s"):
            q -= 1
        om = self._mention_ending(s, q)
        if om is None or om.kind != "ORG" or (om.i > 0 and s.tokens[om.i - 1].low in ("former", "ex")):
            return None
        return om.name

    @staticmethod
    def _merge_info(info: PersonInfo, title: str | None, org: str | None, former: bool) -> None:
        if org and title and not former and re.search(r"\b(?:veteran|longtime|long-time)\b", title, re.I):
            info.veteran_of.append(org)
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
