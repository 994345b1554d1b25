"""From raw moves to `Move`s: implied departures, duplicates merged, departures linked to hires.

Runs once per article, after every sentence, so that later sentences can still inform earlier
moves (an employer named two sentences later still yields the departure).
"""

from __future__ import annotations

import re

from tracker.extract.chooser import Choice, Setting, alternatives, choose, org_features
from tracker.extract.dates import YEAR, find_date, move_date
from tracker.extract.model import Move
from tracker.extract.patterns import Raw
from tracker.extract.ranker import THRESHOLD, Candidate, features, probability
from tracker.extract.roles import board_seat, clean_role, seniority
from tracker.extract.sentences import is_fragment
from tracker.extract.state import (
    ArticleState,
    org_norm,
    same_org,
)


def _link(r: Raw) -> str | None:
    return r.destination if r.direction == "left" else r.origin


def _counterpart(
    merged: list[tuple[Raw, str, str]], raw: Raw, sent: str, same_sentence: bool, current: str | None
) -> str | None:
    """The other half of a move (the hire for a departure, the departure for a hire): one told in
    the same sentence beats an earlier guess; otherwise the guess stands, else the only candidate
    in the article that is not already the other half of a different move."""
    wanted = ("joined", "founded") if raw.direction == "left" else ("left",)
    cands = [
        (r, s)
        for r, s, _c in merged
        if r.person == raw.person and r.direction in wanted and not same_org(r.org, raw.org)
    ]
    if same_sentence:
        same = [r for r, s in cands if s == sent]
        return same[0].org if same else current
    if current is not None:
        return current
    free = [r for r, _s in cands if _link(r) is None or same_org(_link(r) or "", raw.org)]
    return free[0].org if len(cands) == 1 and free else None


class Merger(ArticleState):
    """Final pass over an article's raw moves."""

    def results(self) -> list[Move]:
        raws = list(self.moves)
        for raw, _s, _c in raws:
            raw.org = self.spelled_out(raw.org)
            if len(raw.person.split()) == 1:
                # "Ms. Nakamura ... joins Sony" before the article gives "Keiko Nakamura"
                full = self.people.lookup(raw.person)
                if full and full != raw.person:
                    if raw.person in self.info and full not in self.info:
                        self.info[full] = self.info[raw.person]
                    raw.person = full
        # a known employer the person is leaving behind when joining or founding elsewhere
        extra: list[tuple[Raw, str, str]] = []
        for raw, sent, clause in raws:
            if raw.direction not in ("joined", "founded"):
                continue
            if raw.direction == "founded" and re.match(r"\s*(?:who|which|that)\b", clause, re.I):
                continue  # "Taylor, who co-founded Sierra, joined the board": a founding told as background
            if raw.direction == "founded" and re.search(
                r"\b(?:after|since|following|before) (?:co-?)?founding\b", sent, re.I
            ):
                continue  # "joined Rippling in 2020 after founding Inkling": history, not a move away from Rippling
            info = self.info.get(raw.person)
            if board_seat(raw.role):
                continue  # a board seat is held alongside a day job
            if info is not None and info.title and board_seat(info.title):
                continue  # "OpenAI board chair Bret Taylor": a board seat is held alongside other work
            if info is not None and info.on_leave:
                continue  # on leave from the employer, not gone
            founder = (info is not None and info.title is not None and "founder" in info.title.lower()) or any(
                r.person == raw.person and r.direction == "founded" and info is not None and same_org(r.org, info.org)
                for r, _a, _b in raws
            )
            if self.acquisition and founder:
                continue  # a founder joining the buyer of their company has not left it
            if raw.direction == "founded" and info is not None and info.title and "founder" in info.title.lower():
                continue  # "Palantir co-founder X has founded Ironwall": a founder's title outlives the job
            if any(
                r.person == raw.person and r.direction == "left" and not r.implicit and st == sent for r, st, _c in raws
            ):
                continue  # "poached Gemini researcher X from Google DeepMind": the sentence says whom X left
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
        # "will stay on as an adviser" after a departure (stated, or implied by a successor) is a
        # transition, not a new job; "steps down as chief executive but stays on as executive chair" is a
        # new title, not a departure
        transitional = [
            r for r, _a, _b in raws if r.family == "remain" and re.search(r"advis|consult", r.role or "", re.I)
        ]
        # an inferred departure gives way to a stated new title at the same organisation
        stays = [r for r, _a, _b in raws if r.direction in ("joined", "role_changed") and r not in transitional]
        raws = [
            item
            for item in raws
            if not (
                item[0].implicit
                and item[0].direction == "left"
                and any(r.person == item[0].person and same_org(r.org, item[0].org) for r in stays)
            )
        ]
        left = [r for r, _a, _b in raws if r.direction == "left"]
        staying = [r for r, _a, _b in raws if r.family == "remain" and r not in transitional]
        raws = [
            item
            for item in raws
            if not (
                item[0] in transitional
                and any(r.person == item[0].person and same_org(r.org, item[0].org) for r in left)
            )
            and not (
                item[0].direction == "left"
                and any(r.person == item[0].person and same_org(r.org, item[0].org) for r in staying)
            )
        ]
        # "will step aside as chief executive and become chief scientist": one move inside the company
        changed = [(r.person, r.org, sent) for r, sent, _c in raws if r.direction == "role_changed"]
        raws = [
            item
            for item in raws
            if not (
                item[0].direction == "left"
                and any(p == item[0].person and same_org(o, item[0].org) and sent == item[1] for p, o, sent in changed)
            )
        ]
        # "is returning as chief executive ... stepped aside as CEO but remained executive chair", or a hire
        # of someone who "has led the drugmaker's oncology research since 2020": a new title, not a join
        # "SSI has named Daniel Levy its president. Levy co-founded the company in 2024": a founder is inside
        remained = [
            r
            for r, _a, _b in raws
            if (r.family == "remain" and r.direction == "role_changed") or r.direction == "founded"
        ]
        for raw, sent, clause in raws:
            if raw.direction != "joined" or raw.origin or raw.implicit:
                continue
            info = self.info.get(raw.person)
            appointed = raw.family in ("hire", "become", "nominal_join", "succeeded_by", "succeed")
            if appointed and _promoted_later(raw, sent, clause, raws):
                raw.direction = "role_changed"
                continue
            tenured = info is not None and info.tenured and appointed
            # what the whole article says of the person, not just the sentences before the appointment;
            # "Roe, Acme's new chief executive," describes the post just taken, not an earlier one
            new_post = info is not None and _same_title(info.title, raw.role)
            tenured = tenured or (
                appointed and not new_post and self._direction(raw.person, raw.org, raw.role) == "role_changed"
            )
            gone = any(
                r.person == raw.person and r.direction == "left" and same_org(r.org, raw.org) for r, _a, _b in raws
            )
            if tenured or (
                not gone
                and any(
                    r.person == raw.person and same_org(r.org, raw.org) and (r.direction != "founded" or appointed)
                    for r in remained
                )
            ):
                raw.direction = "role_changed"
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
                            and "role" not in (m[0].family, raw.family)
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
            if is_fragment(hit[1]) and not is_fragment(item[1]):
                # a headline said it first; the article's sentence is the evidence (and carries the date)
                merged[merged.index(hit)] = (old, item[1], item[2])
            elif (
                old.direction == raw.direction != "role_changed"
                and find_date(hit[2], self.published) is None
                and find_date(item[2], self.published)
            ):
                # "X launches Y after leaving OpenAI. X, who left the company in May, ...": the dated clause
                merged[merged.index(hit)] = (old, hit[1], item[2])
            if raw.direction == "role_changed" and old.direction == "joined" and not old.origin:
                old.direction = "role_changed"
            if len(org_norm(raw.org)) > len(org_norm(old.org)):
                old.org = raw.org
            old.role = old.role or raw.role
            old.team = old.team or raw.team
            old.origin = old.origin or raw.origin
            old.destination = old.destination or raw.destination
            old.confidence = max(old.confidence, raw.confidence)
        # link a departure to the matching hire: the one told in the same sentence, else the only
        # candidate in the article (a profile listing several past moves links nothing by guess)
        for same_sentence in (True, False):  # links told in one sentence first, then lone candidates
            for raw, sent, _c in merged:
                if raw.direction == "left":
                    raw.destination = _counterpart(merged, raw, sent, same_sentence, raw.destination)
                elif raw.direction in ("joined", "founded"):
                    raw.origin = _counterpart(merged, raw, sent, same_sentence, raw.origin)
        self._choose_orgs(merged)
        cands = [Candidate(raw, sent, clause, self._sentence_index(sent)) for raw, sent, clause in merged]
        out: list[Move] = []
        for cand in cands:
            raw, sent, clause = cand.raw, cand.sentence, cand.clause
            feats = features(
                cand,
                [c for c in cands if c is not cand],
                self.sentences,
                self.info.get(raw.person),
                self.resolver.known_org(raw.org) is not None,
            )
            p = probability(feats)
            date, approx = move_date(clause, sent, self.published)
            role = clean_role(raw.role)
            move = Move(
                person=self.resolver.person_name(raw.person),
                org=self._display_org(raw.org),
                direction=raw.direction,
                role=role,
                team=raw.team,
                seniority=seniority(role) if role else ("founder" if raw.direction == "founded" else None),
                date=date,
                date_approximate=approx,
                origin_org=self._display_org(raw.origin) if raw.origin else None,
                destination_org=self._display_org(raw.destination) if raw.destination else None,
                confidence=round(p * raw.confidence, 3),
                evidence=sent,
            )
            self.scored.append((move, feats, p))
            if p >= THRESHOLD:
                out.append(move)
        return out

    def _choose_orgs(self, merged: list[tuple[Raw, str, str]]) -> None:
        """Each move's organisation weighed against every other the article names (`chooser`)."""
        names, spellings, counts = alternatives(self.org_names, {r.person for r, _s, _c in merged})
        setting = Setting(
            self.sentences, names, spellings, counts, self.context_org, self.people.article_orgs, self.descriptions
        )
        raws = [r for r, _s, _c in merged]
        picks: list[str | None] = []
        for raw, sent, _c in merged:
            twins = [o for o in raws if o is not raw and o.person == raw.person and o.direction == raw.direction]
            # an organisation another move of the person's already has in this direction is no option
            opts = [n for n in names if same_org(n, raw.org) or not any(same_org(o.org, n) for o in twins)]
            rule = next((k for k, name in enumerate(opts) if same_org(name, raw.org)), None)
            if rule is None:
                opts.append(raw.org)
                rule = len(opts) - 1
            info = self.info.get(raw.person)
            others = [o for o in raws if o is not raw]
            feats = [
                org_features(a, raw, sent, others, info, self.resolver.known_org(a) is not None, setting) for a in opts
            ]
            choice = Choice(raw.person, raw.direction, opts, feats, rule)
            self.choices.append(choice)
            k = choose(choice)
            picks.append(None if k == rule else opts[k])
        for raw, pick in zip(raws, picks, strict=True):
            # two moves of one person's both drawn to the same organisation: the first one takes it
            if pick is not None and not any(
                o.person == raw.person and o.direction == raw.direction and same_org(o.org, pick) for o in raws
            ):
                raw.org = pick

    def _sentence_index(self, sent: str) -> int:
        return self.sentences.index(sent) if sent in self.sentences else 0


def _promoted_later(raw: Raw, sent: str, clause: str, raws: list[tuple[Raw, str, str]]) -> bool:
    """ "joined Ferrovia as head of research in 2009 ... He was named chief executive in 2018": an
    appointment dated after the person's own join at the same organisation is a step up inside it."""
    when = YEAR.search(clause)
    if when is None:
        return False
    for r, s2, c2 in raws:
        if r is raw or s2 == sent or r.person != raw.person or r.direction != "joined" or not same_org(r.org, raw.org):
            continue
        before = YEAR.search(c2)
        if before is not None and before.group(0) < when.group(0):
            return True
    return False


def _same_title(a: str | None, b: str | None) -> bool:
    """ "Chief Executive" and "chief executive": one title however it is cased."""
    return bool(a and b and " ".join(a.lower().split()) == " ".join(b.lower().split()))
