"""Notability: which recorded moves deserve an alert, decided from `[watchlist]` and `[alerts]`.

A move is notable when its person, or its organisation on either side, is watched; or its
role is senior enough; or a flow rule fires (the Nth person from A to B within a window).
Hedged reports below `min_confidence` never alert. Rules read only the event log (never
the projections), so they give the same answer during a replay as they did live.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import and_, or_, select
from sqlmodel import Session

from tracker.dates import floor, to_utc
from tracker.events import MOVE_TYPES, MoveReported, MoveRetracted, upcast
from tracker.ids import slugify
from tracker.projections.resolution import build_resolver
from tracker.settings import FlowRuleConfig, Settings
from tracker.store import EVENTS, RecordedEvent

# Highest first: a "Co-founder and CEO" is a founder.
SENIORITY_RANK: tuple[str, ...] = ("founder", "chair", "c-level", "president", "vp", "head")
# Listing a level in config also makes the levels that rank at or above it (by title) notable.
IMPLIED_LEVELS: dict[str, tuple[str, ...]] = {"c-level": ("president", "chair")}

_FOUNDER = re.compile(r"\b(?:co-?\s?)?founder\b|\bfounding\s+(?:ceo|member|partner)\b", re.I)
_CHAIR = re.compile(r"\bchair(?:man|woman|person)?\b(?!\s+of\s+the\s+\w+\s+committee)", re.I)
_CHIEF = re.compile(r"\bchief\b(?!\s+of\s+staff)", re.I)
_C_ACRONYM = re.compile(r"\bC(?:[A-Z]{1,3})O\b")  # CEO, CTO, CFO, COO, CISO, CAIO: case matters
_VP = re.compile(r"\bvice[\s-]+president\b|\b[se]?vp\b", re.I)
_PRESIDENT = re.compile(r"\bpresident\b", re.I)
_HEAD = re.compile(r"\bhead\b|\bleads?\b|\bleader\b|\bdirector\b", re.I)


def derive_seniority(role: str | None, direction: str | None = None) -> str | None:
    """The most senior level a role title names ("Chief Scientist" -> c-level), or None."""
    if direction == "founded":
        return "founder"
    if not role:
        return None
    if _FOUNDER.search(role):
        return "founder"
    if _CHAIR.search(role):
        return "chair"
    if _C_ACRONYM.search(role) or _CHIEF.search(role):
        return "c-level"
    if _VP.search(role):
        return "vp"
    if _PRESIDENT.search(role):
        return "president"
    if _HEAD.search(role):
        return "head"
    return None


def seniority_of(stated: str | None, role: str | None, direction: str | None) -> str | None:
    """The extractor's level when it is one we know, else the one derived from the role."""
    derived = derive_seniority(role, direction)
    known = stated.strip().lower() if stated else None
    if known in SENIORITY_RANK:
        if derived and SENIORITY_RANK.index(derived) < SENIORITY_RANK.index(known):
            return derived
        return known
    return derived


def notable_levels(configured: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for level in configured:
        key = level.strip().lower()
        out.add(key)
        out.update(IMPLIED_LEVELS.get(key, ()))
    return out


class OrgNames:
    """Organisation names resolved as the views resolve them (config aliases: OpenAI ==
    "Open AI" == "the ChatGPT maker"), so an alert and a roster never disagree on who is who."""

    def __init__(self, settings: Settings) -> None:
        self._resolver = build_resolver(settings)

    def canonical(self, name: str | None) -> str | None:
        return self._resolver.org_id(name) if name else None

    def display(self, name: str) -> str:
        """The configured spelling for a known organisation, else the name as written."""
        return self._resolver.org_name(name)


@dataclass(frozen=True)
class MoveFacts:
    """What an alert says about one recorded move (payload + meta, flattened)."""

    event_id: str
    position: int
    person: str
    org: str
    direction: str
    role: str | None
    team: str | None
    seniority: str | None
    origin_org: str | None
    destination_org: str | None
    occurred_on: str | None
    confidence: float
    evidence: str
    source_urls: tuple[str, ...]
    document_id: str | None
    day: date

    @property
    def from_org(self) -> str | None:
        return self.org if self.direction == "left" else self.origin_org

    @property
    def to_org(self) -> str | None:
        return self.destination_org if self.direction == "left" else self.org


def event_day(occurred_on: str | None, recorded_at: datetime) -> date:
    return floor(occurred_on) if occurred_on else to_utc(recorded_at).date()


def move_facts(event: RecordedEvent) -> MoveFacts:
    payload = event.payload
    if not isinstance(payload, MoveReported):
        raise TypeError(f"{event.type} is not a move")
    meta = event.meta
    urls = [meta.get("source_url"), *(meta.get("source_urls") or [])]
    sources = tuple(dict.fromkeys(str(u) for u in urls if u))
    raw_conf = meta.get("confidence")
    try:
        confidence = 1.0 if raw_conf is None else float(raw_conf)
    except (TypeError, ValueError):
        confidence = 0.0
    document_id = meta.get("document_id")
    return MoveFacts(
        event_id=event.event_id, position=event.position, person=payload.person, org=payload.org,
        direction=payload.direction, role=payload.role, team=payload.team,
        seniority=seniority_of(payload.seniority, payload.role, payload.direction),
        origin_org=payload.origin_org, destination_org=payload.destination_org, occurred_on=event.occurred_on,
        confidence=confidence, evidence=str(meta.get("evidence") or ""), source_urls=sources,
        document_id=None if document_id is None else str(document_id),
        day=event_day(event.occurred_on, event.recorded_at),
    )  # fmt: skip


def confident_enough(settings: Settings, facts: MoveFacts) -> bool:
    return facts.confidence >= settings.alerts.min_confidence


def move_reasons(settings: Settings, facts: MoveFacts) -> list[str]:
    """Why this move is notable (empty: it is not). Shown in the alert so readers trust it."""
    names = OrgNames(settings)
    reasons: list[str] = []
    watched_people = {slugify(p) for p in settings.watchlist.people}
    if slugify(facts.person) in watched_people:
        reasons.append(f"watched person {facts.person}")
    watched_orgs = {names.canonical(o) for o in settings.watchlist.organizations}
    seen: set[str] = set()
    for org in (facts.org, facts.origin_org, facts.destination_org):
        canon = names.canonical(org)
        if org and canon and canon in watched_orgs and canon not in seen:
            seen.add(canon)
            reasons.append(f"watched organisation {names.display(org)}")
    if facts.seniority and facts.seniority in notable_levels(settings.alerts.seniority):
        reasons.append(f"seniority {facts.seniority}")
    return reasons


@dataclass(frozen=True)
class Transfer:
    person: str  # as written in the completing event
    person_slug: str
    from_org: str  # canonical slug
    to_org: str
    day: date
    event_ids: tuple[str, ...]  # the events that together make it (a join and, maybe, the departure)


@dataclass(frozen=True)
class FlowHit:
    rule: FlowRuleConfig
    from_name: str
    to_name: str
    count: int  # including this person
    others: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{slugify(self.rule.from_org)}->{slugify(self.rule.to_org)}"


@dataclass(frozen=True)
class _Move:
    """The fields of a stored move that flow rules read (parsed without pydantic: the scan is hot)."""

    event_id: str
    person: str
    org: str
    direction: str
    origin_org: str | None
    destination_org: str | None
    day: date


def _load_moves(session: Session, since: date) -> list[_Move]:
    """Non-retracted moves dated on or after `since` (year granularity, so partial dates stay in),
    in position order."""
    year = f"{since.year:04d}"
    recent = or_(EVENTS.c.occurred_on >= year, and_(EVENTS.c.occurred_on.is_(None), EVENTS.c.recorded_at >= since))
    cols = (EVENTS.c.event_id, EVENTS.c.type, EVENTS.c.schema_version, EVENTS.c.occurred_on, EVENTS.c.recorded_at,
            EVENTS.c.data)  # fmt: skip
    retracted = {
        json.loads(data).get("move_event_id")
        for (data,) in session.execute(select(EVENTS.c.data).where(EVENTS.c.type == MoveRetracted.type)).all()
    }
    rows = session.execute(
        select(*cols).where(EVENTS.c.type.in_(sorted(MOVE_TYPES)), recent).order_by(EVENTS.c.position)
    ).all()
    out: list[_Move] = []
    for event_id, event_type, version, occurred_on, recorded_at, data in rows:
        if event_id in retracted:
            continue
        d = upcast(event_type, version, json.loads(data))
        out.append(_Move(event_id, d["person"], d["org"], d["direction"], d.get("origin_org"), d.get("destination_org"),
                         event_day(occurred_on, recorded_at)))  # fmt: skip
    return out


def transfers(moves: list[_Move], names: OrgNames, window_days: float) -> list[Transfer]:
    """Person-level A -> B moves: a join naming its origin, a departure naming its destination,
    or a join of B within the window after the same person's departure from A (whichever of
    the two reports was recorded first)."""
    out: list[Transfer] = []
    departures: dict[str, list[tuple[str, date, str]]] = {}
    for move in moves:
        if move.direction == "left":
            departures.setdefault(slugify(move.person), []).append(
                (names.canonical(move.org) or "", move.day, move.event_id)
            )
    for move in moves:
        slug = slugify(move.person)
        org = names.canonical(move.org) or ""
        if move.direction == "left":
            dest = names.canonical(move.destination_org)
            if dest:
                out.append(Transfer(move.person, slug, org, dest, move.day, (move.event_id,)))
        elif move.direction == "joined":
            origin = names.canonical(move.origin_org)
            if origin:
                out.append(Transfer(move.person, slug, origin, org, move.day, (move.event_id,)))
                continue
            for left_org, left_day, left_id in departures.get(slug, []):
                if left_org != org and 0 <= (move.day - left_day).days <= window_days:
                    out.append(Transfer(move.person, slug, left_org, org, move.day, (move.event_id, left_id)))
    return out


def flow_hits(session: Session, settings: Settings, facts: MoveFacts) -> list[FlowHit]:
    """Flow rules this move fires: it completes an A -> B transfer and at least `min_count`
    people (this one included) made that transfer within the rule's window."""
    if not settings.alerts.flows or facts.direction not in ("joined", "left"):
        return []
    names = OrgNames(settings)
    target = names.canonical(facts.org)
    # Only a join of B, or a departure from A, can complete an A -> B transfer: skip the log scan otherwise.
    rules = [
        r for r in settings.alerts.flows
        if target == names.canonical(r.to_org if facts.direction == "joined" else r.from_org)
    ]  # fmt: skip
    if not rules:
        return []
    widest = max(r.window for r in rules) / 86400.0
    # others within one window of this move, whose joins may pair with departures one window earlier
    try:
        since = facts.day - timedelta(days=2 * widest + 1)
    except OverflowError:  # a window of millennia: the whole log
        since = date.min
    moves = _load_moves(session, since)
    hits: list[FlowHit] = []
    for rule in rules:
        window_days = rule.window / 86400.0
        a, b = names.canonical(rule.from_org), names.canonical(rule.to_org)
        found = [t for t in transfers(moves, names, window_days) if t.from_org == a and t.to_org == b]
        mine = [t for t in found if facts.event_id in t.event_ids]
        if not mine:
            continue
        me = mine[0]
        others: dict[str, str] = {}
        for t in found:
            if t.person_slug != me.person_slug and abs((t.day - me.day).days) <= window_days:
                others.setdefault(t.person_slug, t.person)
        count = len(others) + 1
        if count >= rule.min_count:
            hits.append(FlowHit(rule, names.display(rule.from_org), names.display(rule.to_org), count,
                                sorted(others.values())))  # fmt: skip
    return hits
