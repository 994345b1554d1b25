"""Trigger families: one handler per kind of verb, each knowing where its participants sit.

A departure verb takes its person from the subject and its organisation from the object or the
person's known employer; a hiring verb takes the organisation from the subject and the person
from the object; a passive flips both; succession verbs produce the predecessor's departure.
"""

from __future__ import annotations

import re

from tracker.extract.cues import clause_silenced, hedge_factor
from tracker.extract.dates import find_date
from tracker.extract.model import Direction
from tracker.extract.names import (
    COUNTS,
    HONORIFICS,
    ORG_REF_NOUNS,
    ORG_SUFFIX,
    PEOPLE_NOUNS,
    TEAM_NOUNS,
    Mention,
    Token,
)
from tracker.extract.patterns import (
    TRIGGERS,
    PersonInfo,
    Raw,
    Trigger,
    company_context,
    find_triggers,
    is_position,
    negated,
    passive,
    title_phrase,
)
from tracker.extract.roles import TITLE_HEADS, TITLE_MODIFIERS, clean_role
from tracker.extract.state import (
    BASE_CONFIDENCE,
    SPAN_UNITS,
    STAYS_ON,
    ArticleState,
    Sentence,
    located,
    same_org,
)

_QUANTITIES = {
    "hundreds",
    "dozens",
    "thousands",
    "scores",
    "several",
    "many",
    "more",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "some",
    "numerous",
}
_STAYS_AT = re.compile(
    r"\band (?:will|would) (?:return to|remain|stay|continue)\b|"
    r"\b(?:remain|stay)(?:s|ing)? (?:at|with) the company\b|"
    # "stepped down from the role to focus on her position as chair": keeps another title there
    r"\bto (?:focus on|concentrate on|keep) (?:his|her|their) (?:role|position|post|duties) as\b",
    re.I,
)
_BOUNDED_STAY = re.compile(r"\b(?:until|till|through)\b|\btransition|\badvis|\bconsult", re.I)
_LEAVE_NOUN_BEFORE = {
    # "how long the leave would last", "during his leave": a determiner makes "leave" the noun
    "the",
    "his",
    "their",
    "taken",
    "take",
    "takes",
    "taking",
    "took",
    "on",
    "a",
    "of",
    "parental",
    "medical",
    "maternity",
    "paternity",
    "garden",
    "gardening",
    "sick",
    "unpaid",
    "extended",
    "annual",
}
_SPEECH = {"said", "says", "told", "added", "wrote", "noted", "explained", "argued", "announced"}


# Verbs of an infinitive purpose clause ("left to start a venture", "quit to run Acme")
_PURPOSE_VERBS = frozenset(
    {"join", "become", "start", "found", "launch", "lead", "run", "head", "take", "pursue", "focus", "work", "co-found"}
)


def _group_count(toks: list[Token], k: int) -> int | None:
    """A counted group of people starting at ``k`` ("two senior engineers"): its size, 0 if unstated."""
    compound = k + 1 < len(toks) and toks[k].low in ("a", "an") and toks[k + 1].low.split("-")[0] in COUNTS
    if compound and "-" in toks[k + 1].low:
        # "a four-partner life sciences team", "a five-strong group"
        for q in range(k + 2, min(len(toks), k + 8)):
            if toks[q].low in TEAM_NOUNS or toks[q].low in PEOPLE_NOUNS:
                return COUNTS[toks[k + 1].low.split("-")[0]]
            if toks[q].text in (",", ";"):
                return None
        return None
    if k >= len(toks) or toks[k].low not in COUNTS:
        return None
    reach = 10 if k + 1 < len(toks) and toks[k + 1].low == "of" else 6  # "two of the firm's most senior staff"
    for q in range(k + 1, min(len(toks), k + reach)):
        if toks[q].low in PEOPLE_NOUNS:
            return COUNTS[toks[k].low]
        if toks[q].text in (",", ";") or (toks[q].text[:1].islower() and toks[q].low.endswith("ed")):
            return None
    return None


def _unnamed_group(toks: list[Token], i: int) -> tuple[int, int] | None:
    """The verb at ``i`` has a counted group of unnamed people as subject: (size, where the group starts)."""
    for k in range(i - 1, max(-1, i - 13), -1):  # "Two of the Open Ledger Project's most senior staff have resigned"
        if toks[k].text in (",", ";"):
            return None
        count = _group_count(toks, k)
        if count is not None:
            return count, k
    return None


_LEAD_VERBS = frozenset({"lead", "run", "head", "oversee", "manage"})
_DATE_WORD = re.compile(
    r"(?:last|this|next|in|on|early|late|year|month|week|spring|summer|autumn|fall|winter|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"monday|tuesday|wednesday|thursday|friday|\d{1,4})$",
    re.I,
)
_EXIT_FAMILIES = frozenset({"leave", "fire", "nominal_left", "poss_nominal", "own_nominal_from"})
# "return to replace him", "return to lead the company": a return whose purpose, not its place, follows
_RETURN_PURPOSE = frozenset({"replace", "succeed", "lead", "run", "head", "oversee", "steer", "take", "serve", "help"})
_VENTURE_NOUNS = frozenset({"company", "startup", "start-up", "firm", "lab", "venture", "business", "studio"})
_FOUNDED_NOUNS = frozenset({"the company", "the startup", "the firm", "the lab", "the venture", "the business"})
_TEMPORARY = frozenset({"brief", "briefly", "temporary", "temporarily", "short-lived"})


def _reversed_exit(toks: list[Token], i: int) -> bool:
    """ "the board's brief removal of X", "briefly ousting X": an exit that was undone or a pause."""
    return any(toks[k].low in _TEMPORARY for k in range(max(0, i - 2), i))


def _gerund_clause(toks: list[Token], k: int) -> bool:
    """A subordinate clause ("before leaving", "after he joined") opens at ``k`` and carries its own date."""
    if toks[k].low not in ("before", "after", "until") or k + 1 >= len(toks):
        return False
    nxt = toks[k + 1].low
    return (nxt.endswith("ing") and len(nxt) > 4) or nxt in ("he", "she", "they", "it", "we")


def _titled_surname(s: Sentence, name: str) -> bool:
    """ "Ms. Nakamura joins Sony": an honorific makes a lone surname a person before any full name is given."""
    return re.search(r"\b(?:Dr|Mr|Mrs|Ms|Prof)\.? " + re.escape(name) + r"\b", s.text) is not None


class Families(ArticleState):
    """Turns the triggers of one sentence into raw moves."""

    def _emit(self, s: Sentence, raw: Raw, trig: Trigger, factor: float) -> None:
        if not raw.person or not raw.org or same_org(raw.person, raw.org):
            return
        if len(raw.person.split()) < 2 and not self.people.lookup(raw.person) and not _titled_surname(s, raw.person):
            return
        raw.confidence = max(0.05, min(0.99, raw.confidence * factor))
        toks = s.tokens
        a = trig.i
        while a > 0 and toks[a - 1].text not in (",", ";", ":"):
            a -= 1
            if _gerund_clause(toks, a):
                break  # "... in 2023 before leaving again in 2024": the clause starts at "before"
        b = trig.j
        while b < len(toks) and toks[b].text not in (",", ";") and not _gerund_clause(toks, b):
            b += 1
        clause = s.text[toks[a].start : toks[b - 1].end] if b > a else s.text
        if clause_silenced(clause):
            return
        self.moves.append((raw, s.text, clause))

    def _sentence_moves(self, s: Sentence) -> None:
        if self.pending_group is not None:
            self._name_pending_group(s)
        triggers = find_triggers(s.text, s.tokens)
        s.triggers = triggers
        factor = hedge_factor(s.text)
        produced: list[Raw] = []
        later: list[Trigger] = []
        for trig in triggers:
            if trig.family in ("succeed", "succeeded_by", "copula", "handover", "following"):
                later.append(trig)
                continue
            if trig.family not in ("adjective", "not_seek") and negated(s.tokens, trig.i):
                continue
            if trig.family in _EXIT_FAMILIES and _reversed_exit(s.tokens, trig.i):
                continue
            for raw in getattr(self, "_t_" + trig.family)(s, trig):
                raw.family = raw.family or trig.family
                if any(
                    pm.person == raw.person and pm.direction == raw.direction and same_org(pm.org, raw.org)
                    for pm in produced
                ):
                    if find_date(s.text, self.published) is not None:
                        self._emit(s, raw, trig, factor)  # the merge keeps whichever clause is dated
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

    def _t_leave(self, s: Sentence, t: Trigger, object_ok: bool = True, avoid: str | None = None) -> list[Raw]:
        """A departure: person from the subject, organisation from the object or what is known of them.

        ``avoid`` is a destination named in the same clause ("departed for rival X"), never the origin.
        """
        toks = s.tokens
        j = t.j
        if j < len(toks) and toks[j].low == "of":
            return []
        if t.text.endswith((" ways with", " company with")):
            # "Veritas AI parted ways with chief scientist Ravi Gupta": the person is the object
            pm = self._object(s, t.j, 8, ("PER",))
            if pm is not None:
                host = self._host(s, t.i)
                parted: list[Raw] = []
                for p in self._persons(s, pm):
                    where = self._affiliation(p) or host
                    if where:
                        parted.append(Raw(p, where, "left", self._title_for(p, where), None, BASE_CONFIDENCE["leave"]))
                return parted
        nxt = s.by_tok.get(j)
        if t.text in ("leave", "leaves") and t.i > 0 and toks[t.i - 1].low in _LEAVE_NOUN_BEFORE:
            return []  # "has taken leave from the university": an absence, not a departure
        own_post = j + 1 < len(toks) and toks[j + 1].low in ("post", "role", "position", "job", "seat")
        if nxt is not None and nxt.kind in ("PER", "PRON") and not own_post:
            return []  # "the decision left him ...", not a departure
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
        if (
            t.text == "leaving"
            and toks[t.i - 1].text == ","
            and any(tr.family in ("leave", "depart_for") and tr.i < t.i for tr in s.triggers)
        ):
            return []  # "will step down in August, leaving X as sole CEO": the consequence, not a second exit
        if t.text == "out as" and not (
            t.i > 0 and s.by_tok.get(t.i - 1) is not None and s.by_tok[t.i - 1].kind == "PER"
        ):
            return []  # headline "X out as CEO of Y" only
        if t.text == "left" and j + 1 < len(toks) and toks[j].low == "by":
            # "Berrada fills the vacancy left by Richard Arnold": the person after "by" left
            by = s.by_tok.get(j + 1)
            if by is None or by.kind != "PER" or by.i != j + 1:
                return []
            return [
                Raw(p, where, "left", self._title_for(p, where), None, BASE_CONFIDENCE["leave"] * 0.95)
                for p in self._persons(s, by)
                if (where := self._left_org(s, p, t.i))
            ]
        subj = self._subject(s, t.i)
        # "After stepping down as chief executive of X, Jane Doe ...": the subject follows the clause
        opener = t.i > 0 and toks[t.i - 1].low in ("after", "since", "before", "following")
        if subj is None and opener:
            subj = self._object(s, t.j, 30, ("PER",))
        if subj is None:
            subj = self._included(s, t)
        if subj is None:
            group = _unnamed_group(toks, t.i)
            if group is not None:
                obj_org = self._org_after(s, j) if object_ok else None
                org_np = next((m.name for m in s.mentions if m.kind == "ORG" and group[1] <= m.i < t.i), None) or (
                    obj_org.name if obj_org is not None and obj_org.kind == "ORG" else None
                )
                if org_np:
                    self.pending_group = (group[0], org_np, *self._group_purpose(s, t.j))
            return []
        # "was leaving to start a venture firm, X": an infinitive purpose clause names the next move,
        # never the organisation being left
        infinitive = j + 1 < len(toks) and toks[j].low == "to" and toks[j + 1].text.islower()
        explicit = self._org_after(s, j) if object_ok and not infinitive else None
        # "departed in January to join the venture firm A24": a purpose clause after a date, likewise
        inf_at = next(
            (
                q
                for q in range(j, min(len(toks) - 1, j + 6))
                if toks[q].low == "to" and toks[q + 1].low in _PURPOSE_VERBS and "," not in [x.text for x in toks[j:q]]
            ),
            None,
        )
        purpose_from = j
        if inf_at is not None:
            if explicit is not None and explicit.i > inf_at:
                explicit = None
            infinitive, purpose_from = True, inf_at
        if explicit is None and object_ok and not infinitive:
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
        # "rejoined X ... four years after she left": the history of the return (unless it names its own
        # post: "landed at Cohere, three months after she stepped down as Meta's head of research")
        return_history = (
            explicit is None
            and t.i >= 2
            and toks[t.i - 2].low in ("after", "since")
            and s.by_tok.get(t.i - 1) is not None
            and s.by_tok[t.i - 1].kind == "PRON"
            and any(tr.family == "join" for tr in s.triggers if tr.i < t.i)
        )
        rest = s.text[toks[t.j - 1].end :].split(",")[0] if t.j - 1 < len(toks) else ""
        stay = _STAYS_AT.search(rest)
        # "... and will remain with the company until September to support the transition": a bounded
        # stay is the end of a departure, not a new role
        stays_on = stay is not None and not _BOUNDED_STAY.search(rest[stay.end() :])
        # "joined X in 2019 before leaving in 2021": a later event told in order, not background
        before = opener and toks[t.i - 1].low == "before"
        # "worked with him at DeepMind before he left in 2019": the employer the clause just named
        before = before or (
            t.i >= 2
            and toks[t.i - 2].low in ("before", "until")
            and s.by_tok.get(t.i - 1) is not None
            and s.by_tok[t.i - 1].kind == "PRON"
        )
        gerund_history = explicit is None and opener and not before
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
        elif (
            j + 3 < len(toks)
            and toks[j].low in ("his", "her", "their")
            and toks[j + 1].low in ("post", "role", "position", "job", "seat")
            and toks[j + 2].low == "as"
        ):
            role, role_org, _e = self._role_at(s, j + 3)  # "will leave her post as chief scientist of X"
        elif explicit is not None and explicit.j < len(toks) and toks[explicit.j].low == "as":
            role, _o, _e = self._role_at(s, explicit.j + 1)  # "exits Acme as chief product officer"
        as_at = j
        while as_at < min(len(toks) - 1, j + 4) and _DATE_WORD.match(toks[as_at].text):
            as_at += 1  # "stepped down in May as Meta's vice president"
        if as_at < len(toks) and toks[as_at].low == "as":
            role, role_org, _e = self._role_at(s, as_at)
        elif j < len(toks) and toks[j].low == "from":
            om = self._org_after(s, j + 1)
            if om is not None and om.kind == "ORG":
                explicit = om
        if (gerund_history or return_history) and role_org is None:
            return []  # "returns ... two years after leaving": history told inside another move
        after_from = j + 1 + (j + 1 < len(toks) and toks[j + 1].low == "the")
        named_from = after_from < len(toks) and toks[j].low == "from" and toks[after_from].text[:1].isupper()
        if explicit is None and role_org is None and named_from:
            return []  # "stepped down from the Times": a place left that the text names but we cannot read
        out: list[Raw] = []
        described = False
        if (
            explicit is not None
            and explicit.kind == "ORG"
            and explicit.j < len(toks)
            and toks[explicit.j].low in ("'s", "’s")
        ):
            q = explicit.j + 1
            while (
                q < min(len(toks), explicit.j + 5)
                and (toks[q].text[:1].islower() or toks[q].text.isupper())
                and toks[q].low not in ORG_REF_NOUNS
            ):
                q += 1
            words = explicit.text.split()
            person_shaped = bool(self.people.lookup(explicit.text)) or (
                len(words) in (2, 3)
                and all(w.isalpha() and w[:1].isupper() and w[1:].islower() for w in words)
                and not any(w.lower() in ORG_SUFFIX for w in words)
            )
            # "has left Elon Musk's AI company": the company is described through its owner, not named
            described = person_shaped and q < len(toks) and toks[q].low in ORG_REF_NOUNS and toks[q].text[:1].islower()
        run_at = next(
            (q for q in range(j, min(len(toks) - 2, j + 14)) if toks[q].low == "to" and toks[q + 1].low in _LEAD_VERBS),
            None,
        )
        if dest is None and run_at is not None and all(tk.text not in (",", ";") for tk in toks[j:run_at]):
            led = s.by_tok.get(run_at + 2)
            if led is not None and led.kind == "ORG" and led.i == run_at + 2:
                dest = led.name  # "is leaving Expedia after 12 years as chief executive to run Uber"
        for person in self._persons(s, subj):
            aff = self._affiliation(person)
            org: str | None
            if (
                described
                and (aff or self.context_org)
                and not same_org(aff or self.context_org, explicit.name if explicit else None)
            ):
                org = aff or self.context_org
            elif explicit is not None and explicit.kind == "ORG":
                org = explicit.name
            elif explicit is not None:
                dests = (
                    tuple(m.name for m in s.mentions if m.kind == "ORG" and m.i >= purpose_from) if infinitive else ()
                )
                org = aff or self._resolve(s, explicit, dests)
            else:
                spent_at: str | None = None
                if before:
                    # "spent two decades at the robotics company before leaving": the place just described,
                    # never the employer the article has the person joining
                    joined = self._last_joined(person)
                    for q in range(t.i - 1, 0, -1):
                        if toks[q].text in (",", ";"):
                            break
                        rm = s.by_tok.get(q)
                        if rm is not None and rm.kind == "ORGREF" and rm.i == q and toks[q - 1].low == "at":
                            spent_at = self._resolve(s, rm, (joined,)) if joined else None
                            pinfo = self.info.get(person)
                            earlier = [aff] if aff else list(reversed(pinfo.orgs_former)) if pinfo else []
                            if spent_at is None and joined:
                                spent_at = next((o for o in earlier if o and not same_org(o, joined)), None)
                            break
                cands = (
                    role_org,
                    spent_at,
                    self._joined_here(s, person) if before else None,
                    # "led the team at OpenAI before leaving in 2020": the employer just named
                    self._org_before(s, t.i, person) if before else None,
                    aff,
                    self._org_before(s, t.i, person),
                    s.org,
                    self.context_org,
                    # last resort: an organisation named earlier in the sentence, even if it describes
                    # someone else ("Chris Wong, the president of Aster Foods, ... when Mary Lee retires")
                    next((m.name for m in s.mentions if m.kind == "ORG" and m.j <= t.i), None),
                )
                ahead = [m.name for m in s.mentions if m.kind == "ORG" and m.i >= purpose_from] if infinitive else []
                # "they quit ... and started Tillway": the organisation a later verb takes up is not the one left
                ahead += [
                    m.name
                    for m in s.mentions
                    if m.kind == "ORG"
                    and any(tr.family in ("found", "join") and t.j <= tr.j <= m.i <= tr.j + 2 for tr in s.triggers)
                ]
                org = next(
                    (c for c in cands if c and not same_org(c, avoid) and not any(same_org(c, a) for a in ahead)),
                    None,
                )
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
                    Raw(
                        person,
                        dest,
                        "joined",
                        None,
                        None,
                        BASE_CONFIDENCE["join"] * self._pronoun_penalty(subj),
                    )
                )
            if stays_on:
                # "is stepping down and will return to research at the company": a new role, same employer
                out.append(Raw(person, org, "role_changed", None, None, BASE_CONFIDENCE["leave"] * 0.9))
                continue
            out.append(
                Raw(
                    person,
                    org,
                    "left",
                    prole,
                    self._team(s, subj.i, t.j),
                    BASE_CONFIDENCE["leave"] * self._pronoun_penalty(subj),
                )
            )
        return out

    def _move_to_lead(self, s: Sentence, t: Trigger, persons: list[str]) -> list[Raw]:
        """ "will move to lead Meta's Messenger unit": a new post, inside the company unless told otherwise."""
        toks = s.tokens
        om = self._org_after(s, t.j + 1)
        if om is None or om.i > t.j + 3:
            return []
        internal = om.j < len(toks) and toks[om.j].low in ("'s", "’s")
        org = om.name if om.kind == "ORG" else self._resolve(s, om)
        if org is None:
            return []
        words: list[str] = []
        for tk in toks[om.j + 1 : om.j + 4] if internal else []:
            if not tk.text[:1].isalpha() or _DATE_WORD.match(tk.text):
                break
            words.append(tk.text)
        unit = " ".join(words)
        role = clean_role(f"head of {unit}") if unit else None
        out = []
        for person in persons:
            elsewhere = self._affiliation(person)
            direction: Direction = (
                "role_changed" if internal and (elsewhere is None or same_org(elsewhere, org)) else "joined"
            )
            out.append(Raw(person, org, direction, role, None, BASE_CONFIDENCE["join"] * 0.9))
        return out

    def _group_purpose(self, s: Sentence, k: int) -> tuple[str | None, Direction]:
        """ "Three scientists have left X to set up Tamr Bio": where an unnamed group went, and how."""
        toks = s.tokens
        for q in range(k, min(len(toks) - 1, k + 10)):
            if toks[q].low in (",", ";", "and", "but"):
                break
            if toks[q].low != "to":
                continue
            verb = next((tr for tr in s.triggers if tr.i == q + 1 and tr.family in ("found", "join")), None)
            if verb is not None:
                dest = self._org_after(s, verb.j)
                if dest is not None and dest.kind == "ORG":
                    return dest.name, "founded" if verb.family == "found" else "joined"
            break
        return None, "joined"

    def _name_pending_group(self, s: Sentence) -> None:
        """The sentence after an unnamed group's move opens by naming the group: record the move for each."""
        pending, self.pending_group = self.pending_group, None
        # "Dr. Reem Al-Harbi, Dr. Omar Bakhsh and ...": titles of address before the first name
        opens = s.mentions[0].i if s.mentions else -1
        if opens > 0 and not all(tk.low in HONORIFICS or tk.text == "." for tk in s.tokens[:opens]):
            opens = -1
        if pending is None or opens < 0 or s.mentions[0].kind != "PER":
            return
        names = self._persons(s, s.mentions[0])
        count, left, dest, direction = pending
        if len(names) == 1 and count:
            # "X, who led the firm's practice, brings with her A, B and C": the group named across the sentence
            every = list(dict.fromkeys(s.names.get(m.i, m.name) for m in s.mentions if m.kind == "PER"))
            names = every if len(every) == count else names
        if len(names) < 2 or (count and len(names) != count):
            return
        for person in names:
            if left:
                self.moves.append(
                    (Raw(person, left, "left", None, None, BASE_CONFIDENCE["leave"] * 0.9), s.text, s.text)
                )
            if dest and direction == "founded":
                raw = Raw(person, dest, "founded", None, None, BASE_CONFIDENCE["found"] * 0.9, origin=left)
                self.moves.append((raw, s.text, s.text))
            elif dest:
                raw = Raw(person, dest, "joined", None, None, BASE_CONFIDENCE["hire"] * 0.9, origin=left)
                self.moves.append((raw, s.text, s.text))

    def _relative_antecedent(self, s: Sentence, t: Trigger) -> Mention | None:
        """ "The company, which he co-founded in 2011, ...": the organisation a dated relative clause is about."""
        toks = s.tokens
        reduced = self._reduced_relative_antecedent(s, t)
        if reduced is not None:
            return reduced
        if t.i < 4 or toks[t.i - 2].low not in ("which", "that") or toks[t.i - 3].text != ",":
            return None
        if not re.match(r"\s*in (?:19|20)\d\d\b", s.text[toks[t.j - 1].end :]):
            return None
        ante = s.by_tok.get(t.i - 4)
        if ante is None or ante.kind not in ("ORG", "ORGREF") or ante.j != t.i - 3:
            return None
        name = ante.name if ante.kind == "ORG" else self._resolve(s, ante)
        return Mention("ORG", ante.i, ante.j, ante.text, name) if name else None

    def _reduced_relative_antecedent(self, s: Sentence, t: Trigger) -> Mention | None:
        """ "io, the device startup Jony Ive co-founded last year": a company described, then who founded it."""
        toks = s.tokens
        subj = next((m for m in s.mentions if m.kind in ("PER", "PRON") and m.j == t.i), None)
        if subj is None or subj.i < 4 or toks[subj.i - 1].low not in _VENTURE_NOUNS:
            return None
        q = subj.i - 2
        while q > 0 and subj.i - q <= 6 and toks[q].low not in ("the", "a", "an"):
            q -= 1
        if q < 2 or toks[q].low not in ("the", "a", "an") or toks[q - 1].text != ",":
            return None
        ante = self._mention_ending(s, q - 2)
        if ante is None or ante.kind != "ORG":
            return None
        if any(r.direction == "left" and same_org(r.org, ante.name) and st == s.text for r, st, _c in self.moves):
            return None  # "is leaving Lattice, the HR company he co-founded": the founding is history
        return ante

    def _included(self, s: Sentence, t: Trigger) -> Mention | None:
        """ "Three researchers have left xAI, including Igor Babuschkin": the named members of an unnamed group."""
        toks = s.tokens
        for q in range(t.j, len(toks) - 1):
            if toks[q].text == ";":
                return None
            if toks[q].low == "including" and toks[q - 1].text == ",":
                k = q + 1
                # "including research leads X and Y": title words before the names
                while (
                    k < min(len(toks), q + 5)
                    and toks[k].text[:1].islower()
                    and (
                        toks[k].low in TITLE_HEADS
                        or toks[k].low in TITLE_MODIFIERS
                        or toks[k].low.rstrip("s") in TITLE_HEADS
                    )
                ):
                    k += 1
                pm = s.by_tok.get(k)
                return pm if pm is not None and pm.kind == "PER" and pm.i == k else None
        return None

    def _list_through_appositives(self, s: Sentence, k: int) -> list[str]:
        """People listed after ``k`` past appositives: "X, a former executive, and Y, the CFO of Z"."""
        toks = s.tokens
        out: list[str] = []
        q = k
        while q < len(toks) and toks[q].text == ",":
            e = q + 1
            while e < len(toks) and toks[e].text not in (",", ";", "."):
                e += 1
            if e + 2 < len(toks) and toks[e].text == "," and toks[e + 1].low == "and":
                nm = s.by_tok.get(e + 2)
                if nm is not None and nm.kind == "PER" and nm.i == e + 2:
                    out.append(s.names.get(nm.i, nm.name))
                    q = nm.j
                    continue
            break
        return out

    def _joined_here(self, s: Sentence, person: str) -> str | None:
        """The organisation this sentence already had the person join ("returned to X ... before leaving")."""
        return next(
            (
                r.org
                for r, sent, _c in reversed(self.moves)
                if sent == s.text and r.person == person and r.direction == "joined"
            ),
            None,
        )

    def _left_here(self, s: Sentence, person: str, org: str) -> bool:
        """Whether this sentence already had the person leave ``org``."""
        return any(
            sent == s.text and r.person == person and r.direction == "left" and same_org(r.org, org)
            for r, sent, _c in self.moves
        )

    def _other_org(self, s: Sentence, org: str) -> str | None:
        """The sentence's subject organisation, else the article's, when it is not ``org``."""
        head = next((m for m in s.mentions if m.kind == "ORG" and m.i <= 1), None)
        for cand in (head.name if head else None, self.context_org):
            if cand and not same_org(cand, org):
                return cand
        return None

    def _t_depart_for(self, s: Sentence, t: Trigger) -> list[Raw]:
        toks = s.tokens
        if t.text.lower().endswith(" to") and t.j < len(toks) and toks[t.j].low in _PURPOSE_VERBS:
            # "has left to join Meta", "left to start Kite Labs": a purpose clause, its object is not the origin
            nxt = self._org_after(s, t.j + 1)
            new = nxt.name if nxt is not None and nxt.kind == "ORG" and nxt.i <= t.j + 4 else None
            return self._t_leave(s, Trigger("leave", t.i, t.j - 1, t.text), object_ok=False, avoid=new)
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
                    out.append(Raw(person, dest.name, "joined", None, None, BASE_CONFIDENCE["join"]))
                    for r in left:
                        if r.person == person:
                            r.destination = dest.name
        return out

    def _t_join(self, s: Sentence, t: Trigger) -> list[Raw]:
        toks = s.tokens
        subj = self._subject(s, t.i) or self._included(s, t)
        if subj is None:
            return []
        persons = self._persons(s, subj)
        j = t.j
        role: str | None = None
        org: str | None = None
        origin: str | None = None
        team: str | None = None
        internal = False
        returning = t.text.startswith(("rejoin", "return", "is coming back")) or " back " in t.text.lower()
        if t.text.startswith(("to work", "will work")) and all(self._joined_here(s, p) for p in persons):
            return []  # "has hired X and Y to work on the company's health efforts": the same move
        if (
            returning
            and j + 3 < len(toks)
            and toks[j].low in ("his", "her", "their")
            and toks[j + 1].low in ("role", "post", "position", "job", "previous", "former", "old")
        ):
            # "will return to his role as chief legal officer": back to an earlier title, same employer
            q = next((x for x in range(j + 1, min(len(toks), j + 4)) if toks[x].low == "as"), None)
            role_back = self._role_at(s, q + 1)[0] if q is not None else None
            where = [self._affiliation(p) or s.org or self.context_org or self._any_org(s) for p in persons]
            return [
                Raw(p, o, "role_changed", role_back, None, BASE_CONFIDENCE["join"] * 0.9)
                for p, o in zip(persons, where, strict=True)
                if o
            ]
        if returning and t.text.endswith(" to") and j + 1 < len(toks) and toks[j].low == "being":
            # "will go back to being its chief legal officer": an earlier title, same employer
            role_back, role_org, _e = self._role_at(s, j + 1)
            if role_back is None:
                return []
            return [
                Raw(p, o, "role_changed", role_back, None, BASE_CONFIDENCE["join"] * 0.9)
                for p in persons
                if (o := role_org or self._affiliation(p) or s.org or self.context_org or self._any_org(s))
            ]
        if t.text.lower().startswith("mov") and j < len(toks) and toks[j].low in _LEAD_VERBS:
            return self._move_to_lead(s, t, persons)
        if (
            t.text.lower().startswith("mov")
            and j + 3 < len(toks)
            and toks[j].low == "the"
            and toks[j + 1].low in ("role", "position", "post", "job")
            and toks[j + 2].low == "of"
        ):
            # "after X moves to the role of chief scientist": a new title with the same employer
            role_of, role_org, _e = self._role_at(s, j + 3)
            if role_of is None:
                return []
            return [
                Raw(p, o, "role_changed", role_of, None, BASE_CONFIDENCE["join"] * 0.9)
                for p in persons
                if (o := role_org or self._affiliation(p) or s.org or self.context_org)
            ]
        if t.text.lower().startswith("mov") and j < len(toks) and toks[j].low in ("a", "an"):
            post = next(
                (q for q in range(j + 1, min(len(toks), j + 5)) if toks[q].low in ("role", "position", "post", "job")),
                None,
            )
            if post is not None and not any(q in s.by_tok for q in range(j, post + 3)):
                # "would move to a part-time advisory role": a new post with the same employer
                words = [tk.low for tk in toks[j:post]]
                new_role = "adviser" if any(w.startswith("advis") for w in words) else None
                return [
                    Raw(p, o, "role_changed", new_role, None, BASE_CONFIDENCE["join"] * 0.9)
                    for p in persons
                    if (o := self._affiliation(p) or s.org or self.context_org)
                ]
        exclude = () if returning else tuple(self._affiliation(p) for p in persons)
        predecessor: str | None = None
        if t.text.endswith(" as") or (j < len(toks) and toks[j].low == "as"):
            role, org, e = self._role_at(s, j if t.text.endswith(" as") else j + 1, exclude)
            org = org or s.org or self.context_org or self._any_org(s)
            if s.org and any(same_org(s.org, e) for e in exclude if e):
                org = org if org != s.org else self.context_org
            for q in range(e, min(len(toks) - 1, e + 5)):
                if toks[q].text in (",", ";"):
                    break
                if toks[q].low == "from":
                    pm = self._object(s, q + 1, 4, ("PER",))  # "... in June from founder Clara Webb"
                    fm = s.by_tok.get(q + 1)  # "joined X as head of research in 2009 from BASF"
                    if pm is not None:
                        predecessor = s.names.get(pm.i, pm.name)
                    elif fm is not None and fm.kind == "ORG" and fm.i == q + 1 and not same_org(fm.name, org):
                        origin = fm.name
                    break
        elif j < len(toks) and toks[j].low == "from":
            om = self._org_after(s, j + 1)
            if om is not None and om.kind == "ORGREF":
                named = s.by_tok.get(om.j)  # "joins from the private equity firm Tang Media Partners"
                om = named if named is not None and named.kind == "ORG" and named.i == om.j else om
            if om is None or om.kind != "ORG":
                return []
            origin = om.name
            org = s.org if s.org and not same_org(s.org, origin) else self.context_org
            if same_org(org, origin):
                return []
        elif t.text.rstrip().endswith("over"):
            # "His deputy, Mika Sato, takes over the division": the article's organisation
            org = s.org or self._affiliation(persons[0]) if persons else None
            org = org or self.context_org or self._any_org(s)
        elif re.search(r"(?:post|role|position|job)$", t.text):
            # "takes up the post on September 1": the post named earlier, at the article's organisation
            org = s.org or self.context_org or self._any_org(s)
            if j < len(toks) and toks[j].low == "as":
                role, role_org, _e2 = self._role_at(s, j + 1)
                org = role_org or org
        elif (
            j + 1 < len(toks)
            and toks[j].low in ("the", "its")
            and toks[j + 1].low == "board"
            and not (j + 2 < len(toks) and toks[j + 2].low in ("of", "'s", "’s"))
        ):
            # "joined the board in late 2023": the board of the organisation the person is known at
            org = self._affiliation(persons[0]) if persons else None
            org, role = org or s.org or self.context_org, "board member"
        elif returning and t.text.endswith(" to") and j < len(toks) and toks[j].low in _RETURN_PURPOSE:
            # "Elliott Hill would return to replace him": back to the employer the sentence is about
            org = (self._affiliation(persons[0]) if persons else None) or s.org or self.context_org
        elif j + 2 < len(toks) and toks[j].low == "the" and toks[j + 1].low == "board" and toks[j + 2].low == "of":
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
            named = s.by_tok.get(om.j)
            if om.kind == "ORGREF" and named is not None and named.kind == "ORG" and named.i == om.j:
                om = named  # "to join the venture firm A24": the description names the organisation next
            # "moved to the firm's European operations": a move inside the organisation
            internal = om.kind == "ORGREF" and om.j < len(toks) and toks[om.j].low in ("'s", "’s")
            # "joins the university from Witsand University": the description is not the place left
            source = s.by_tok.get(om.j + 1) if om.j + 1 < len(toks) and toks[om.j].low == "from" else None
            leaving = (source.name,) if source is not None and source.kind == "ORG" else ()
            org = om.name if om.kind == "ORG" else self._resolve(s, om, () if internal else exclude + leaving)
            if returning and om.kind == "ORGREF" and not internal and persons:
                # "who founded X after leaving Google, are rejoining the search giant": a return goes
                # back to the employer the article says they left
                back = next(
                    (r.org for r, _s, _c in reversed(self.moves) if r.person == persons[0] and r.direction == "left"),
                    None,
                )
                # ... unless the description fits another organisation ("OpenAI said X was returning to the
                # ChatGPT maker" after X parted ways with Thinking Machines)
                org = self._described(s, om) or back or org
            if org is None and om.kind == "ORGREF" and exclude:
                # "Keele joined the startup last year from Databricks": a dated join of the current employer
                tail = s.text[toks[om.j - 1].end :].split(",")[0]
                if find_date(tail, self.published) is not None:
                    org = self._resolve(s, om)
            team = self._team(s, om.i, om.j + 6)
            after = om.j
            if after < len(toks) and toks[after].low in ("'s", "’s"):
                after += 1
                while after < len(toks) and toks[after].text[:1].islower() and toks[after].low not in ("as",):
                    after += 1
            if after < len(toks) and toks[after].low == "as":
                role, _o, role_end = self._role_at(s, after + 1)
                after = role_end if role else after  # "joined X as head of research in 2009 from BASF"
            limit = min(len(toks) - 1, after + 5)
            while after < limit and _DATE_WORD.match(toks[after].text):
                after += 1  # "joined OpenAI last year from Planet Labs"
            if after + 1 < len(toks) and toks[after].low == "from":
                fm = s.by_tok.get(after + 1)
                if fm is not None and fm.kind == "ORG" and not same_org(fm.name, org):
                    origin = fm.name  # "joins ACME from Honeywell"
        if org is None:
            return []
        if origin is None and t.i >= 2 and toks[t.i - 1].low == "before":
            # "spent 11 years at Meta before joining OpenAI": the place the earlier clause had them
            for q in range(t.i - 2, 0, -1):
                if toks[q].text in (",", ";"):
                    break
                bm = s.by_tok.get(q)
                if bm is not None and bm.kind == "ORG" and bm.i == q and toks[q - 1].low == "at":
                    origin = bm.name if not same_org(bm.name, org) else None
                    break
        if origin is None and toks[0].low == "after" and any(tk.low in SPAN_UNITS for tk in toks[1:5]):
            # "After twelve years as a rates trader at Deutsche Bank, she joined X": the employer left
            comma = next((q for q in range(1, t.i) if toks[q].text == ","), None)
            at = next((q for q in range(1, comma or 0) if toks[q].low == "at"), None)
            bm = s.by_tok.get(at + 1) if at is not None else None
            if bm is not None and bm.kind == "ORG" and toks[bm.i - 1].low == "at" and not same_org(bm.name, org):
                origin = bm.name
        out = []
        in_house = t.text.startswith(("take", "took", "starts", "start ", "assum", "will take", "to take"))
        if internal and t.text.startswith("mov"):
            return [Raw(p, org, "role_changed", role, team, BASE_CONFIDENCE["join"] * 0.9) for p in persons]
        if predecessor:
            out.append(Raw(predecessor, org, "left", role, None, BASE_CONFIDENCE["succeed"], implicit=True))
        for person in persons:
            out.append(
                Raw(
                    person,
                    org,
                    (
                        "role_changed"
                        if same_org(self._joined_here(s, person), org) and t.text.rstrip().endswith("over")
                        else self._direction(person, org, role, origin)
                    )
                    if in_house
                    else "joined",
                    role,
                    team,
                    BASE_CONFIDENCE["join"] * self._pronoun_penalty(subj),
                    origin=origin,
                )
            )
            if origin:
                out.append(Raw(person, origin, "left", None, None, BASE_CONFIDENCE["join"] * 0.95, destination=org))
        return out

    def _t_become(self, s: Sentence, t: Trigger) -> list[Raw]:
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
        purpose = t.text.startswith("to ") or (t.i > 0 and s.tokens[t.i - 1].low == "to")
        if purpose:
            # "poached X from Apple, where ..., to become its CTO": the hire already told X's move
            persons = [p for p in persons if not self._joined_here(s, p)]
        if role is not None and "founder" in role.lower():
            # "quit Meta to become his co-founders": a founding of the company founded in this sentence
            founded = next(
                (r.org for r, st, _c in reversed(self.moves) if r.direction == "founded" and st == s.text), None
            )
            return [
                Raw(p, founded, "founded", "co-founder", None, BASE_CONFIDENCE["found"]) for p in persons if founded
            ]
        # "become the robotaxi company's executive chair": a company named only by description is the
        # subject's own employer when one is known
        described = any(m.kind == "ORGREF" and t.j <= m.i < t.j + 3 for m in s.mentions)
        out = []
        for person in persons:
            if t.text.startswith("to ") and any(
                r.person == person and r.direction == "joined" and sent == s.text for r, sent, _c in self.moves
            ):
                continue  # "poached X from Google, where he ..., to serve as its AI chief": the hire's purpose
            own = self._affiliation(person) if described else None
            # "The startup has recruited X away from Nabla to serve as chief executive": the post is at the
            # organisation the sentence already has the person joining
            here = self._joined_here(s, person)
            org = own or org or here or s.org or self._affiliation(person) or self.context_org or self._any_org(s)
            if org is None:
                continue
            if purpose and described and self._left_here(s, person, org):
                # "X will leave Manchester City to become the club's chief executive": nobody leaves a
                # club to run it, so the description means the other organisation of the sentence
                org = self._other_org(s, org)
                if org is None:
                    continue
            direction: Direction = self._direction(person, org, role)
            out.append(
                Raw(
                    person,
                    org,
                    direction,
                    role,
                    None,
                    BASE_CONFIDENCE["become"] * self._pronoun_penalty(subj),
                )
            )
        return out

    def _t_hire(self, s: Sentence, t: Trigger) -> list[Raw]:
        toks = s.tokens
        origin: str | None
        direction: Direction
        promote = t.text.startswith(("promot", "elevat"))
        external = not t.text.startswith(
            ("appoint", "nam", "promot", "elevat", "pick", "select", "chose", "install", "elect")
        )
        if passive(toks, t.i):
            subj = self._subject(s, t.i)
            if subj is None:
                return []
            persons = self._persons(s, subj)
            k = t.j
            role, org, _e = self._role_at(s, k)
            seat = any(tk.low in ("board", "boards") for tk in toks[t.j : t.j + 5])
            if role is None and promote and k < len(toks) and toks[k].low == "from":
                # "was promoted from chief operating officer to chief executive of Kite Bio"
                for q in range(k + 1, min(len(toks), k + 8)):
                    if toks[q].low == "to":
                        role, org, _e = self._role_at(s, q + 1)
                        break
            if role is None and not external and not seat and not promote:
                return []  # "was named to Fortune's list": no position, no move
            if role is None and seat:
                role = "board member"
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
                out.append(Raw(person, org, direction, role, None, BASE_CONFIDENCE["hire"] * 0.97, origin=origin))
                if origin and direction == "joined" and not same_org(origin, org):
                    out.append(Raw(person, origin, "left", None, None, BASE_CONFIDENCE["hire"] * 0.9, destination=org))
            return out
        obj = self._object(s, t.j)
        if obj is not None and obj.kind == "PRON":
            # "three designers, among them Omar Castillo"
            named = self._object(s, obj.j, 2, ("PER",))
            obj = named or obj
        if obj is None:
            # "Databricks has poached two senior engineers from Snowflake." and the next sentence names them
            count = _group_count(toks, t.j)
            if count is not None and not passive(toks, t.i):
                src = next(
                    (
                        self._org_after(s, q + 1)
                        for q in range(t.j, min(len(toks) - 1, t.j + 8))
                        if toks[q].low == "from"
                    ),
                    None,
                )
                host = self._host(s, t.i)
                if host:
                    src_name = src.name if src is not None and src.kind == "ORG" else None
                    self.pending_group = (count, src_name, host, "joined")
            return []
        # "has frozen hiring, chief executive X told staff": a comma ends the verb's object
        # unless a list follows ("three researchers, including X"; "two executives: X")
        between = [tk.low for tk in toks[t.j : obj.i]]
        if between[:1] == [","] and not any(w in ("including", "among", "namely", "notably") for w in between):
            return []
        # "would hire a new head of security after Paul Kim's departure": Kim is not the hire
        if (obj.j < len(toks) and toks[obj.j].low in ("'s", "’s")) or any(
            # "the first major hire under Sir Jim Ratcliffe": the boss, not the hire
            w in ("after", "before", "following", "since", "despite", "under")
            for w in between
        ):
            return []
        # "was hiring about 200 engineers in London and Silicon Valley": a spree; names after it are places
        if any(w.isdigit() or w in ("dozens", "hundreds", "thousands") for w in between) and not any(
            w in ("including", "among", ":", "namely") for w in between
        ):
            return []
        # "is hiring hundreds of engineers, chief executive X said": a spree, and X is the speaker
        if "," in between and obj.j < len(toks) and toks[obj.j].low in _SPEECH:
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
        persons += self._list_through_appositives(s, k)
        # "hired Priya Nair from Boston Dynamics and Felix Wu from the Toyota Research Institute"
        own_origin: dict[str, str] = {}
        q = k
        while q + 3 < len(toks) and toks[q].low == "from":
            om = self._org_after(s, q + 1)
            if om is None or om.kind != "ORG" or om.i > q + 2:
                break
            own_origin.setdefault(persons[-1], om.name)
            nm = s.by_tok.get(om.j + 1) if om.j < len(toks) and toks[om.j].low == "and" else None
            if nm is None or nm.kind != "PER" or nm.i != om.j + 1:
                break
            persons.append(s.names.get(nm.i, nm.name))
            q = nm.j
        # "hired two leaders: X as chief medical officer and Y as chief nursing officer"
        if ":" in between or any(w in ("including", "among") for w in between):
            for q in range(k, min(len(toks) - 1, k + 12)):
                if toks[q].text in (";", "."):
                    break
                if toks[q].low == "and":
                    nm = s.by_tok.get(q + 1) or (s.by_tok.get(q + 3) if toks[q + 1].low in HONORIFICS else None)
                    if nm is not None and nm.kind == "PER":
                        name = s.names.get(nm.i, nm.name)
                        if name not in persons:
                            persons.append(name)
        board_seat = any(tk.low in ("board", "boards", "directors", "trustees") for tk in toks[t.j : obj.i])
        # skip an appositive after the person (but not "its CRO, Dana Cole, as president")
        if k + 1 < len(toks) and toks[k].text == "," and toks[k + 1].low not in ("as", "to"):
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
        if role is None and between and between[-1] == ",":
            # "has appointed its first chief AI officer, Priya Raman"
            lead, _e = title_phrase(toks, t.j)
            role = lead if is_position(lead) else None
        after_person = [tk.low for tk in toks[k : min(len(toks), k + 8)]]
        board_seat = board_seat or "board" in after_person
        if role is None and any(w in after_person[:4] for w in ("successor", "succeed", "replacement")):
            # "named X as his successor": the title the predecessor is giving up
            prior = next((r for r, _a, _b in reversed(self.moves) if r.direction == "left" and r.role), None)
            role = prior.role if prior else None
        if role is None and after_person[:3] in (["to", "the", "role"], ["to", "the", "post"], ["to", "the", "job"]):
            # "appointed deputy general counsel X to the role on an interim basis": the title just vacated
            prior = next((r for r, _a, _b in reversed(self.moves) if r.direction == "left" and r.role), None)
            role = prior.role if prior else None
        if role and "interim" in after_person + between and not re.search(r"\b(?:interim|acting)\b", role, re.I):
            role = f"interim {role}"
        runs_unit = any(
            after_person[q] == "to" and after_person[q + 1] in ("run", "lead", "head", "oversee", "manage")
            for q in range(min(3, len(after_person) - 1))
        )
        if not external and not promote and not is_position(role) and not board_seat and not runs_unit:
            return []  # "named Ellen Park as the monitor": an appointment, but not a job at the namer
        internal = any(w in ("internal", "insider", "in-house") for w in between)
        out = []
        for person in persons:
            origin = own_origin.get(person, origin)
            if promote or (internal and not origin):
                direction = "role_changed"  # "named an internal candidate, X, as CFO"
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
                    BASE_CONFIDENCE["hire"] * self._pronoun_penalty(obj),
                    origin=origin,
                )
            )
            if origin and direction == "joined":
                out.append(Raw(person, origin, "left", None, None, BASE_CONFIDENCE["hire"] * 0.95, destination=host))
        return out

    def _t_found(self, s: Sentence, t: Trigger) -> list[Raw]:
        toks = s.tokens
        word = t.text
        # "found" is usually the past of "find"; "to found a startup" is the verb we want
        infinitive = word == "found" and t.i > 0 and toks[t.i - 1].low in ("to", "helped", "help", "helps")
        # "joined Rippling in 2020 after founding the startup Inkling" (but "a founding member of X")
        gerund = (
            word in ("founding", "co-founding", "cofounding")
            and t.i > 0
            and toks[t.i - 1].low in ("after", "before", "since", "following", "while", "by")
            and t.j < len(toks)
            and toks[t.j].low not in ("member", "members", "partner", "team", "engineer", "investor", "staff")
        )
        if word.startswith("found") and not word.startswith("founded") and not infinitive and not gerund:
            return []
        # "to help start Anthropic": helping to start something names a company, not a project
        helped = t.i > 0 and toks[t.i - 1].low in ("help", "helped", "helps", "helping")
        strict = not re.match(r"(co-?)?found", word) and not helped
        # "founded by X", "founded in 2021 by X"
        by_at = next(
            (q for q in range(t.j, min(len(toks), t.j + 4)) if toks[q].low == "by"),
            None,
        )
        if by_at is not None and all(tk.low in ("in", "by") or tk.text.isdigit() for tk in toks[t.j : by_at]):
            founders = self._object(s, by_at + 1, 5)
            if founders is None or (founders.kind == "PRON" and founders.i != by_at + 1):
                return []  # "a vendor co-founded by someone with whom he had ...": "he" is not the founder
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
            org_m = self._relative_antecedent(s, t)
            for k in range(t.j, min(len(toks), t.j + 12) if org_m is None else t.j):
                m = s.by_tok.get(k)
                if m is not None and m.i == k:
                    if m.kind == "ORG":
                        org_m = m
                        break
                    if m.kind == "PER":
                        break
                    if m.kind == "ORGREF" and k == t.j:
                        follow = s.by_tok.get(m.j)
                        dated = re.match(
                            r"\s*(?:in (?:19|20)\d\d|last year|earlier this year)\b", s.text[toks[m.j - 1].end :]
                        )
                        if dated and m.text.lower() in ("the company", "the startup", "the firm", "the lab"):
                            # "Levy co-founded the company in 2024": a dated founding of the article's company
                            org_m = Mention("ORG", m.i, m.j, m.text, self._resolve(s, m) or "")
                            if org_m.name:
                                break
                            org_m = None
                        own = self._affiliation(persons[0]) if persons else None
                        venture = m.text.lower() in _FOUNDED_NOUNS or (
                            located(m.text) and f"the {m.text.split()[-1].lower()}" in _FOUNDED_NOUNS
                        )  # "co-founded the San Francisco startup with X"
                        if (
                            venture
                            and self._partner_after(s, m.j)
                            and toks[t.i - 1].low not in ("who", "which", "that")
                        ):
                            # "co-founded the startup with Clay Bavor": naming the partners makes it the
                            # founding of the company the article is about, not one the founder is leaving
                            told = [
                                r.org for r, _s, _c in self.moves if r.person in persons and r.direction == "founded"
                            ]
                            left_now = tuple(r.org for r, _s, _c in self.moves if r.person in persons)
                            # "has launched a startup called Otto. He co-founded the company with X": the
                            # founding just told, now with its partners
                            name = told[-1] if told else self._resolve(s, m, (own, *left_now))
                            org_m = Mention("ORG", m.i, m.j, m.text, name or "")
                            if org_m.name:
                                break
                            org_m = None
                        info0 = self.info.get(persons[0]) if persons else None
                        if (
                            own
                            and info0 is not None
                            and not info0.former
                            and t.i > 0
                            and toks[t.i - 1].low == "to"
                            and m.text.lower() in ("the company", "the startup", "the firm", "the lab")
                            and (follow is None or follow.kind != "ORG")
                        ):
                            # "Anthropic chief executive X, who left OpenAI in 2020 to co-found the company":
                            # the company the person now runs
                            org_m = Mention("ORG", m.i, m.j, m.text, own)
                            break
                        if follow is None or follow.kind != "ORG" or follow.i != m.j:
                            return []  # "co-founded the company": history, no name to record
                        # "co-founded the coding startup Refactor": the description names the company next
                if TRIGGERS.match(toks[k].low) and k > t.j + 1 and toks[k].low not in ("named", "name"):
                    break
                if toks[k].text == "," and k + 1 < len(toks):
                    after_comma = s.by_tok.get(k + 1)
                    if toks[k + 1].low not in ("a", "an", "the", "called", "named", "dubbed") and not (
                        after_comma is not None and after_comma.kind == "ORG"
                    ):
                        break  # "to start his own company, he announced on X": X is not the company
            if org_m is None:
                return []
            # "started Cohere in 2019 with Ivan Zhang": starting something with a named partner is a founding
            partnered = org_m.i == t.j and any(
                toks[k].low in ("with", "alongside") and self._object(s, k + 1, 3, ("PER",)) is not None
                for k in range(org_m.j, min(len(toks), org_m.j + 8))
            )
            # "they quit, within a week of each other, and started Tillway": a venture started on leaving
            quit_and = any(
                o.family == "leave" and o.j <= t.i and any(tk.low == "and" for tk in toks[o.j : t.i])
                for o in s.triggers
            )
            if (
                strict
                and not partnered
                and not quit_and
                and not (
                    company_context(toks, t.j, min(len(toks), org_m.j + 6))
                    or any(w.lower().rstrip(".") in ORG_SUFFIX for w in f"{org_m.name} {org_m.text}".split()[1:])
                )
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
                if co.kind == "PER":
                    last = s.groups.get(co.i, [co])[-1]
                    persons += [p for p in self._list_through_appositives(s, last.j) if p not in persons]
        role = "co-founder" if (len(persons) > 1 or "co" in word) else "founder"
        return [Raw(p, org, "founded", role, None, BASE_CONFIDENCE["found"]) for p in persons]

    def _partner_after(self, s: Sentence, j: int) -> bool:
        """ "... with Guillaume Lample and Timothée Lacroix": named partners follow within a few words."""
        toks = s.tokens
        return any(
            toks[k].low in ("with", "alongside") and self._object(s, k + 1, 3, ("PER",)) is not None
            for k in range(j, min(len(toks), j + 4))
        )

    def _t_role(self, s: Sentence, t: Trigger) -> list[Raw]:
        subj = self._subject(s, t.i)
        if subj is None:
            return []
        role, org, _e = self._role_at(s, t.j)
        if "advis" in t.text or "consulting" in t.text:
            role = "adviser"
        elif role is None and not t.text.endswith((" role", " oversee", " lead", " run", " head")):
            return []
        if org is None and t.j + 1 < len(s.tokens) and s.tokens[t.j].low in ("at", "with", "within"):
            om = self._org_after(s, t.j + 1)  # "is taking on a broader role at the Claude maker"
            if om is not None and om.i <= t.j + 2:
                org = om.name if om.kind == "ORG" else self._resolve(s, om)
        out = []
        for person in self._persons(s, subj):
            if t.text.endswith((" oversee", " lead", " run", " head")) and self._last_joined(person):
                continue  # "hired X as COO. She will also oversee sales": part of the new job, not a change
            o = (
                org
                or self._affiliation(person)
                or self._last_joined(person)
                or s.org
                or self.context_org
                or self._any_org(s)
            )
            if o:
                out.append(Raw(person, o, "role_changed", role, None, BASE_CONFIDENCE["role"]))
        return out

    def _t_board(self, s: Sentence, t: Trigger) -> list[Raw]:
        """A newly formed board "chaired by X": X takes the chair."""
        obj = self._object(s, t.j, 4, ("PER",))
        org = s.org or self.context_org
        if obj is None or org is None:
            return []
        return [
            Raw(p, org, "joined", "board chair", None, BASE_CONFIDENCE["hire"] * 0.9) for p in self._persons(s, obj)
        ]

    def _t_copula(self, s: Sentence, t: Trigger, produced: list[Raw]) -> list[Raw]:
        """ "X, who left A last month, is its chief scientist": a title right after a departure is a hire."""
        if any(tk.low in ("new", "next", "incoming") for tk in s.tokens[t.j : t.j + 5]):
            return self._t_become(s, t)  # "is Snap's new head of partnerships"
        subj = self._subject(s, t.i)
        if subj is None:
            return []
        role, org, _e = self._role_at(s, t.j)
        if not is_position(role) or org is None:
            return []
        out = []
        for person in self._persons(s, subj):
            if any(r.person == person and r.direction == "left" and not same_org(r.org, org) for r in produced):
                out.append(Raw(person, org, "joined", role, None, BASE_CONFIDENCE["become"] * 0.9))
        return out

    def _t_nominal_left(self, s: Sentence, t: Trigger) -> list[Raw]:
        """ "accepted the resignation of chief scientific officer Nadia Petrova" """
        return self._departures(s, self._object(s, t.j, 8), t, "nominal_left")

    def _t_own_nominal(self, s: Sentence, t: Trigger) -> list[Raw]:
        """ "Rachel Stone announced her retirement" """
        return self._departures(s, self._subject(s, t.i), t, "own_nominal")

    def _departures(
        self, s: Sentence, who: Mention | None, t: Trigger, family: str, role: str | None = None, factor: float = 1.0
    ) -> list[Raw]:
        """A departure for each person `who` names, from the organisation they are leaving; the role the
        sentence states wins over what is known of the person."""
        if who is None:
            return []
        out = []
        for person in self._persons(s, who):
            org = self._left_org(s, person, t.i)
            if org:
                title = role or self._title_for(person, org)
                out.append(Raw(person, org, "left", title, None, BASE_CONFIDENCE[family] * factor))
        return out

    def _t_own_nominal_from(self, s: Sentence, t: Trigger) -> list[Raw]:
        """ "Following his ouster from Tidewater Capital, Luca Romano ..." (the name may come after)."""
        om = self._org_after(s, t.j)
        if om is None or om.kind != "ORG":
            return []
        before = [m for m in s.mentions if m.kind == "PER" and m.i < t.i]
        after = [m for m in s.mentions if m.kind == "PER" and m.i > t.j]
        who = before[-1] if before else (after[0] if after else None)
        if who is None:
            return []
        return [
            Raw(p, om.name, "left", self._title_for(p, om.name), None, BASE_CONFIDENCE["own_nominal_from"])
            for p in self._persons(s, who)
        ]

    def _t_poss_nominal(self, s: Sentence, t: Trigger) -> list[Raw]:
        """ "Karpathy's departure" """
        owner = s.by_tok.get(t.i - 2)
        if owner is None or owner.kind != "PER" or owner.j != t.i - 1:
            return []  # the regex guarantees "'s" right before the trigger
        person = s.names.get(owner.i, owner.name)
        named = s.by_tok.get(t.j + 1) if t.j < len(s.tokens) and s.tokens[t.j].low == "from" else None
        # "Sutskever's departure from OpenAI": the origin the sentence names beats anything remembered
        org = named.name if named is not None and named.kind == "ORG" else self._left_org(s, person, owner.i)
        if not org:
            return []
        return [Raw(person, org, "left", self._title_for(person, org), None, BASE_CONFIDENCE["poss_nominal"])]

    def _t_nominal_join(self, s: Sentence, t: Trigger) -> list[Raw]:
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
            out.append(Raw(person, org, direction, role, None, BASE_CONFIDENCE["nominal_join"]))
        return out

    def _t_fire(self, s: Sentence, t: Trigger) -> list[Raw]:
        """ "the board ousted chief executive Derek Osei" (active voice; the passive is a departure verb)"""
        obj = self._object(s, t.j, 8)
        if obj is None:
            return []
        host = self._host(s, t.i)
        out = []
        for person in self._persons(s, obj):
            org = self._affiliation(person) or host
            if org:
                out.append(Raw(person, org, "left", self._title_for(person, org), None, BASE_CONFIDENCE["fire"]))
        return out

    def _t_adjective(self, s: Sentence, t: Trigger) -> list[Raw]:
        """ "departing chief financial officer Ben Ashworth", "outgoing CEO Jane Doe" """
        title, e = title_phrase(s.tokens, t.j)
        m = s.by_tok.get(e)
        if m is None or m.i != e or m.kind != "PER":
            if t.text in ("ousted",):
                return []
            om = s.by_tok.get(e + 1) if title and e < len(s.tokens) and s.tokens[e].low == "of" else None
            if om is not None and om.kind == "ORG" and om.i == e + 1:
                # "X, the outgoing chief executive of Renault, would become its CEO": the title's organisation
                subj = self._subject(s, t.i)
                if subj is None:
                    return []
                return [
                    Raw(p, om.name, "left", title, None, BASE_CONFIDENCE["adjective"]) for p in self._persons(s, subj)
                ]
            return self._t_leave(s, Trigger("leave", t.i, t.j, t.text))
        return self._departures(s, m, t, "adjective", title)

    def _t_remain(self, s: Sentence, t: Trigger) -> list[Raw]:
        """ "will remain on the board as executive chair": a new title, not a departure"""
        subj = self._subject(s, t.i)
        if subj is None:
            return []
        role, org, _e = self._role_at(s, t.j)
        if role is None and t.text.endswith("board"):
            role = "board member"  # "will remain on the board"
        if not is_position(role):
            return []
        # "will remain president" alone keeps a job; only beside a change ("steps down as CEO but remains
        # chair", a successor named for the person) is it a new title
        changing = any(
            tr.family in _EXIT_FAMILIES or tr.family in ("handover", "succeed", "succeeded_by", "following")
            for tr in s.triggers
            if tr is not t
        ) or bool(re.search(r"\b(?:interim|acting|permanent(?:ly)?)\b", s.text, re.I))  # an interim made permanent
        if re.search(r"\buntil\b", s.text, re.I):
            return []  # "Until Roe takes office, Lind will remain CEO": the end of a departure, no new title
        out = []
        for person in self._persons(s, subj):
            told = any(r.person == person and r.direction in ("left", "role_changed") for r, _a, _b in self.moves)
            if not (changing or told):
                continue
            o = org or self._affiliation(person) or s.org or self.context_org or self._any_org(s)
            if o:
                out.append(Raw(person, o, "role_changed", role, None, BASE_CONFIDENCE["remain"]))
        return out

    def _t_newrole(self, s: Sentence, t: Trigger) -> list[Raw]:
        """ "Wren Health's new chief medical officer is Dr. Aaron Lee" """
        title, e = title_phrase(s.tokens, t.j)
        if not is_position(title) or e >= len(s.tokens):
            return []
        k = e
        if s.tokens[k].low in ("is", "will", "was", ":"):
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
            out.append(Raw(person, org, self._direction(person, org, title), title, None, BASE_CONFIDENCE["newrole"]))
        return out

    def _t_handover(self, s: Sentence, t: Trigger, produced: list[Raw]) -> list[Raw]:
        """ "X hands the reins to president Y": Y takes X's title; X leaves it unless given a new one"""
        succ = self._object(s, t.j, 6, ("PER",))
        pred = self._subject(s, t.i)
        if succ is None or pred is None:
            return []
        out: list[Raw] = []
        succ_name = s.names.get(succ.i, succ.name)
        toks = s.tokens
        # "to Reto Spörri, previously chief operating officer,": a title with no other employer is held here
        app = [tk.low for tk in toks[succ.j : succ.j + 8]]
        app = app[: app.index(",", 1)] if "," in app[1:] else app
        in_house = (
            app[:1] == [","]
            and len(app) > 2
            and app[1] in ("previously", "formerly", "currently", "until")
            and not any(q in s.by_tok and s.by_tok[q].kind == "ORG" for q in range(succ.j, succ.j + len(app)))
        )
        rest = s.text[toks[succ.j - 1].end :] if succ.j - 1 < len(toks) else ""
        stays = bool(re.search(r"\band (?:will|would) (?:focus on|remain|stay|continue|become|serve)\b", rest))
        for pname in self._persons(s, pred):
            info = self.info.get(pname)
            org = (info.org if info and info.org else None) or s.org or self.context_org
            if org is None:
                continue
            named_role = re.search(r"the ((?:[\w-]+ ){0,2}[\w-]+) (?:role|job|post)", t.text)
            role = clean_role(named_role.group(1)) if named_role else (info.title if info else None)
            if stays:
                # "has handed the CEO role to X ... and will focus on research": a new post, same employer
                out.append(Raw(pname, org, "role_changed", None, None, BASE_CONFIDENCE["handover"] * 0.9))
            else:
                out.append(Raw(pname, org, "left", role, None, BASE_CONFIDENCE["handover"], implicit=True))
            out.append(
                Raw(
                    succ_name,
                    org,
                    "role_changed" if in_house else self._direction(succ_name, org, role),
                    role,
                    None,
                    BASE_CONFIDENCE["handover"],
                )
            )
        return out

    def _t_founder_as(self, s: Sentence, t: Trigger) -> list[Raw]:
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
        return [Raw(p, om.name, "founded", role, None, BASE_CONFIDENCE["founder_as"]) for p in self._persons(s, subj)]

    def _t_cofounders_named(self, s: Sentence, t: Trigger) -> list[Raw]:
        """ "Vogt has founded The Bot Company. His co-founders are X and Y": the partners of the last founding."""
        founded = next((r for r, _s, _c in reversed(self.moves) if r.direction == "founded"), None)
        first = self._object(s, t.j, 3, ("PER",))
        if founded is None or first is None:
            return []
        persons = self._persons(s, first)
        persons += [
            p for p in self._list_through_appositives(s, s.groups.get(first.i, [first])[-1].j) if p not in persons
        ]
        return [
            Raw(p, founded.org, "founded", "co-founder", None, BASE_CONFIDENCE["cofounders_named"])
            for p in persons
            if p != founded.person
        ]

    def _t_lose(self, s: Sentence, t: Trigger) -> list[Raw]:
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
            out.append(Raw(person, dest, "joined", None, None, BASE_CONFIDENCE["lose"]))
            origin = self._affiliation(person) or host
            if origin and not same_org(origin, dest):
                out.append(Raw(person, origin, "left", self._title_for(person, origin), None, BASE_CONFIDENCE["lose"]))
        return out

    def _t_chair(self, s: Sentence, t: Trigger) -> list[Raw]:
        """ "X will chair the new board of Kumo Electric" """
        subj = self._subject(s, t.i)
        if subj is None:
            return []
        toks = s.tokens
        org: str | None = None
        for q in range(t.j, min(len(toks), t.j + 6)):
            m = s.by_tok.get(q)
            if m is not None and m.i == q and m.kind == "ORG":
                org = m.name
                break
            if toks[q].text in (",", ";"):
                break
        if org is None:
            return []
        return [
            Raw(p, org, self._direction(p, org, "chair"), "chair", None, BASE_CONFIDENCE["become"])
            for p in self._persons(s, subj)
        ]

    def _t_interim_lead(self, s: Sentence, t: Trigger) -> list[Raw]:
        """ "X, the unit's operating chief, will lead it on an interim basis": the post just vacated."""
        subj = self._subject(s, t.i)
        prior = next((r for r, _a, _b in reversed(self.moves) if r.direction == "left"), None)
        if subj is None or prior is None:
            return []
        interim = "take over" not in t.text
        role = (f"interim {prior.role}" if interim else prior.role) if prior.role else ("interim" if interim else None)
        return [
            Raw(p, prior.org, self._direction(p, prior.org, role), role, None, BASE_CONFIDENCE["join"] * 0.9)
            for p in self._persons(s, subj)
        ]

    def _t_led_by(self, s: Sentence, t: Trigger) -> list[Raw]:
        """ "His unit will be led by X, who has been at Siemens since 1999": a post filled, said passively.

        Silent unless the article shows where X works: an insider takes a new title, someone employed
        elsewhere joins; with no such evidence the structure is not understood well enough to report.
        """
        pm = self._object(s, t.j, 6, ("PER",))
        if pm is None or pm.kind != "PER":
            return []
        prior = next((r for r, _a, _b in reversed(self.moves) if r.direction == "left"), None)
        toks = s.tokens
        possessed = any(tk.low in ("his", "her", "their") for tk in toks[: t.i])
        org = prior.org if (prior is not None and possessed) else (s.org or self.context_org)
        if org is None:
            return []
        out: list[Raw] = []
        for person in self._persons(s, pm):
            info = self.info.get(person)
            direction = self._direction(person, org, None)
            insider = info is not None and (info.insider or (info.org is not None and same_org(info.org, org)))
            elsewhere = info is not None and info.org is not None and not info.former and not same_org(info.org, org)
            if direction == "role_changed" or insider:
                out.append(Raw(person, org, "role_changed", None, None, BASE_CONFIDENCE["led_by"]))
            elif elsewhere and info is not None and info.org:
                out.append(Raw(person, org, "joined", None, None, BASE_CONFIDENCE["led_by"], origin=info.org))
        return out

    def _t_not_seek(self, s: Sentence, t: Trigger) -> list[Raw]:
        """ "said he would not seek another term as chairman": the term ends, so does the job."""
        subj = self._subject(s, t.i)
        if subj is None:
            return []
        role: str | None = None
        for q in range(t.j, min(len(s.tokens), t.j + 3)):
            if s.tokens[q].low == "as":
                role, _o, _e = self._role_at(s, q)
                break
        return self._departures(s, subj, t, "leave", role, 0.9)

    def _t_following(self, s: Sentence, t: Trigger, produced: list[Raw]) -> list[Raw]:
        """ "the third executive to leave X this year, following CFO A and counsel B": A and B left X too."""
        base = next((r for r in produced if r.direction == "left"), None)
        obj = self._object(s, t.j, 6, ("PER",))
        if base is None or obj is None:
            return []
        return [
            Raw(p, base.org, "left", self._title_for(p, base.org), None, BASE_CONFIDENCE["following"])
            for p in self._persons(s, obj)
            if p != base.person
        ]

    def _replaced_with(self, s: Sentence, t: Trigger) -> list[Raw]:
        """ "Samsung has replaced the head of its chip business, X, with Y": the organisation swaps people."""
        toks = s.tokens
        w = next((q for q in range(t.j, min(len(toks) - 1, t.j + 16)) if toks[q].low == "with"), None)
        if w is None or self._subject(s, t.i) is not None:
            return []
        pred = self._object(s, t.j, w - t.j, ("PER",))
        succ = self._object(s, w + 1, 3, ("PER",))
        org = self._host(s, t.i)
        if pred is None or succ is None or org is None:
            return []
        role, _e = title_phrase(toks, t.j)
        role = role if is_position(role) else None
        out = [Raw(p, org, "left", role, None, BASE_CONFIDENCE["succeed"]) for p in self._persons(s, pred)]
        for p in self._persons(s, succ):
            out.append(Raw(p, org, self._direction(p, org, role), role, None, BASE_CONFIDENCE["succeed"]))
        return out

    def _t_succeed(self, s: Sentence, t: Trigger, produced: list[Raw]) -> list[Raw]:
        if t.text.lower().startswith("replac"):
            swapped = self._replaced_with(s, t)
            if swapped:
                return swapped
        pred = self._object(s, t.j, 4, ("PER", "PRON"))
        gone: Raw | None = None
        if pred is not None and pred.kind == "PRON":
            # "X, Instacart's chief business officer, will succeed her": the person whose exit was just told
            gone = next((r for r, _a, _b in reversed(self.moves) if r.direction == "left"), None)
            if pred.j != t.j + 1 or pred.plural or gone is None:
                return []
        if pred is None:
            return []
        pred_name = gone.person if gone is not None and pred.kind == "PRON" else s.names.get(pred.i, pred.name)
        succ = self._subject(s, t.i)
        if pred.kind == "PRON" and (succ is None or pred_name in self._persons(s, succ)):
            return []
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
            role, org, _e = self._role_at(s, k) if k < len(s.tokens) and s.tokens[k].low == "as" else (None, None, k)
            # "succeeds X, who left bunq to start Carbonlane": the new venture is not the post filled
            founded_here = {r.org for r, sent, _c in self.moves if sent == s.text and r.direction == "founded"}
            # "X will leave the ministry to run Bank Y. He replaces Z": the post the successor last took,
            # though a sentence about the job left came between
            just = next((o for o in map(self._last_joined, succ_names) if o), None)
            org = org or next(
                (
                    o
                    for o in (
                        gone.org if gone is not None else None,
                        just if s.org is None else None,
                        s.org,
                        self.context_org,
                    )
                    if o and o not in founded_here
                ),
                None,
            )
            if org is None and succ_names:
                # "Paul Grant, Nimbus Cloud's president, will succeed Laura Finch": the successor's employer
                org = self._affiliation(succ_names[0]) or self._any_org(s)
            if org is None:
                return []
            for name in succ_names:
                # "X has promoted Y to editor. She replaces Z": the move the article already told
                told = next(
                    (
                        r.direction
                        for r, _s, _c in reversed(self.moves)
                        if r.person == name and r.direction in ("joined", "role_changed") and same_org(r.org, org)
                    ),
                    None,
                )
                direction = told or self._direction(name, org, role)
                out.append(Raw(name, org, direction, role, None, BASE_CONFIDENCE["succeed"]))
        info = self.info.get(pred_name)
        prole = role or (info.title if info else None)
        # "replacing co-founder Dev Malik, who will focus on research": the predecessor stays on
        rest = s.text[s.tokens[pred.j].start :] if pred.j < len(s.tokens) else ""
        parts = rest.split(",")[1:4] if rest.startswith(",") else []
        # "succeeds X, grandson of a founder, who will return to practice": past an appositive to the clause
        clause = next((c for c in parts[:2] if c.strip().startswith("who ")), parts[0] if parts else "")
        leaves = any(
            mt.lastgroup and mt.lastgroup.startswith(("leave", "depart_for")) for mt in TRIGGERS.finditer(clause)
        ) or bool(re.search(r"\b(?:moved|moves|moving|left|joined|joins) (?:to )?(?:the )?[A-Z]", clause))
        becomes = re.search(
            r"\b(?:(?:will|to|would) (?:become|be named|serve as|return to (?:\w+ ){1,2}as|(lead|run|head|oversee))|"
            # "replacing X, who was named chief executive": the predecessor moved up, still inside
            r"(?:was|has been|had been|is being) (?:named|appointed|promoted to)|became|is becoming)\s+(.*)$",
            clause or "",
        )
        if clause and becomes and not leaves:
            # "replaces X, who will lead product strategy at Cerebras": a new post, same employer
            rest_role = re.sub(r"\s+(?:at|for|of)\s+[A-Z].*$", "", becomes.group(2).split(" and ")[0])
            new_role = clean_role(f"head of {rest_role}" if becomes.group(1) else rest_role)
            self.info.setdefault(pred_name, PersonInfo()).insider = True  # held the post being filled
            out.append(Raw(pred_name, org, "role_changed", new_role, None, BASE_CONFIDENCE["succeed"] * 0.9))
        elif (
            clause
            and (stay := STAYS_ON.search(clause))
            and not leaves
            and not _BOUNDED_STAY.search(clause[stay.end() :])
        ):
            out.append(Raw(pred_name, org, "role_changed", None, None, BASE_CONFIDENCE["succeed"] * 0.9))
        else:
            out.append(Raw(pred_name, org, "left", prole, None, BASE_CONFIDENCE["succeed"], implicit=True))
        return out

    def _t_succeeded_by(self, s: Sentence, t: Trigger, produced: list[Raw]) -> list[Raw]:
        succ = self._object(s, t.j, 7, ("PER",))
        pred = self._subject(s, t.i)
        if pred is None:
            return []
        if succ is None:
            # "is expected to be replaced by the end of the year": a departure with no successor named
            if not re.search(r"\bbe replaced\b", s.text[s.tokens[max(0, t.i - 2)].start : s.tokens[t.j - 1].end]):
                return []
            out_only: list[Raw] = []
            for pname in self._persons(s, pred):
                org = self._left_org(s, pname, t.i)
                if org:
                    out_only.append(
                        Raw(
                            pname,
                            org,
                            "left",
                            self._title_for(pname, org),
                            None,
                            BASE_CONFIDENCE["succeeded_by"],
                        )
                    )
            return out_only
        succ_name = s.names.get(succ.i, succ.name)
        out: list[Raw] = []
        for pname in self._persons(s, pred):
            prior = next((r for r, _s, _c in reversed(self.moves) if r.person == pname and r.direction == "left"), None)
            info = self.info.get(pname)
            org = prior.org if prior else (info.org if info and info.org else s.org or self.context_org)
            if org is None:
                continue
            stated = re.search(r" as (.+) by$", t.text)
            role = clean_role(stated.group(1)) if stated else None
            role = role or (prior.role if prior else (info.title if info else None))
            # "will be replaced as finance chief by Y": X gives up that title (maybe for another one)
            out.append(Raw(pname, org, "left", role, None, BASE_CONFIDENCE["succeeded_by"], implicit=prior is None))
            # an interim's successor holds the permanent title
            succ_role = re.sub(r"^(?:interim|acting)\s+", "", role, flags=re.I) if role else None
            out.append(
                Raw(
                    succ_name,
                    org,
                    self._direction(succ_name, org, succ_role),
                    succ_role,
                    None,
                    BASE_CONFIDENCE["succeeded_by"],
                )
            )
        return out
