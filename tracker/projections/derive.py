"""A person's moves -> their timeline transitions, roster spans and flows.

Pure and deterministic: the output depends only on the person's non-retracted move rows,
so the runner may recompute a person at any batch boundary (incremental) or once at the
end (rebuild) and get the same rows. Moves are taken in (date floor, position) order, so
a move reported late still lands in its place.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any, NamedTuple

from tracker.projections.datemath import ceil, floor, floor_iso, within

ARRIVALS = ("joined", "founded")
_PLAIN_IDS = re.compile(r"[ !#-\[\]-~]*")  # printable ASCII but quote and backslash: JSON needs no escapes


class MoveFact(NamedTuple):
    """One live move as the derivation needs it (a tuple: a replay makes a million of them)."""

    event_id: str
    position: int
    person_id: str
    person_raw: str
    org_id: str
    org_raw: str
    direction: str
    role: str | None
    team: str | None
    date: str  # occurred_on, or the report date when the move had none
    date_floor: str  # ISO first day of `date`: the sort key
    approximate: bool
    other_org_id: str | None  # destination of a departure, origin of an arrival
    other_raw: str | None


_ORDER = attrgetter("date_floor", "position")


@dataclass
class Transition:
    kind: str  # "move" | "role_changed"
    person_raw: str
    from_org_id: str | None = None
    from_raw: str | None = None
    to_org_id: str | None = None
    to_raw: str | None = None
    left_on: str | None = None
    joined_on: str | None = None
    left_explicit: bool = False
    joined_explicit: bool = False
    approximate: bool = False
    founded: bool = False
    role: str | None = None
    team: str | None = None
    event_ids: list[str] = field(default_factory=list)


@dataclass
class Span:
    org_id: str
    org_raw: str
    person_raw: str
    role: str | None
    team: str | None
    opened_by: str | None
    since: str | None
    since_approximate: bool
    until: str | None = None
    until_approximate: bool = False
    event_ids: list[str] = field(default_factory=list)


def _add(ids: list[str], new: list[str]) -> None:
    ids.extend(i for i in new if i not in ids)


def _fold_arrival(ts: list[Transition], m: MoveFact, window: int) -> Transition | None:
    for t in reversed(ts):
        if t.kind != "move":
            continue
        if t.to_org_id == m.org_id and t.joined_on and within(t.joined_on, m.date, window):
            return t
        if (
            m.other_org_id
            and t.from_org_id == m.other_org_id
            and t.to_org_id is None
            and t.left_on
            and within(t.left_on, m.date, window)
        ):
            return t
    return None


def _fold_departure(ts: list[Transition], m: MoveFact, window: int) -> Transition | None:
    for t in reversed(ts):
        if t.kind != "move":
            continue
        if t.from_org_id == m.org_id and t.left_on and within(t.left_on, m.date, window):
            return t
        if (
            m.other_org_id
            and t.to_org_id == m.other_org_id
            and t.from_org_id in (None, m.org_id)
            and t.joined_on
            and within(t.joined_on, m.date, window)
        ):
            return t
    return None


def transitions_of(moves: list[MoveFact], window: int) -> list[Transition]:
    """Fold moves into transitions: a departure naming its destination and the hire it names
    (either reported first) are one transition; so are repeated reports of the same move."""
    ts: list[Transition] = []
    for m in sorted(moves, key=_ORDER):
        if m.direction in ARRIVALS:
            t = _fold_arrival(ts, m, window)
            if t is None:
                t = Transition("move", m.person_raw)
                ts.append(t)
            if t.to_org_id is None:
                t.to_org_id, t.to_raw = m.org_id, m.org_raw
            if not t.joined_explicit:
                t.joined_on, t.joined_explicit = m.date, True
                t.approximate = t.approximate or m.approximate
            if m.other_org_id and m.other_org_id != m.org_id and t.from_org_id is None:
                t.from_org_id, t.from_raw = m.other_org_id, m.other_raw
                t.left_on = t.left_on or m.date  # implied: left the origin to join
            t.founded = t.founded or m.direction == "founded"
            t.role, t.team = t.role or m.role, t.team or m.team
        elif m.direction == "left":
            t = _fold_departure(ts, m, window)
            if t is None:
                t = Transition("move", m.person_raw)
                ts.append(t)
            if t.from_org_id is None:
                t.from_org_id, t.from_raw = m.org_id, m.org_raw
            if not t.left_explicit:
                t.left_on, t.left_explicit = m.date, True
                t.approximate = t.approximate or m.approximate
            if m.other_org_id and m.other_org_id != m.org_id and t.to_org_id is None:
                t.to_org_id, t.to_raw = m.other_org_id, m.other_raw
                t.joined_on = t.joined_on or m.date  # implied: the destination hired them then
        else:  # role_changed
            t = Transition("role_changed", m.person_raw, to_org_id=m.org_id, to_raw=m.org_raw, joined_on=m.date)
            t.joined_explicit, t.approximate, t.role, t.team = True, m.approximate, m.role, m.team
            ts.append(t)
        if m.event_id not in t.event_ids:
            t.event_ids.append(m.event_id)
    return ts


def spans_of(ts: list[Transition], window: int) -> list[Span]:
    spans: list[Span] = []
    open_at: dict[str, Span] = {}

    def open_span(t: Transition, opened_by: str) -> None:
        assert t.to_org_id is not None and t.to_raw is not None
        span = Span(t.to_org_id, t.to_raw, t.person_raw, t.role, t.team, opened_by, t.joined_on,
                    t.approximate or not t.joined_explicit, event_ids=list(t.event_ids))  # fmt: skip
        spans.append(span)
        open_at[t.to_org_id] = span

    def close(span: Span, t: Transition, on: str | None, explicit: bool) -> None:
        span.until, span.until_approximate = on, t.approximate or not explicit
        _add(span.event_ids, t.event_ids)
        del open_at[span.org_id]

    for t in ts:
        if t.kind == "role_changed":
            assert t.to_org_id is not None
            current = open_at.get(t.to_org_id)
            if current is not None and (current.role == t.role or t.role is None):
                _add(current.event_ids, t.event_ids)
                continue
            if current is not None:
                close(current, t, t.joined_on, True)
            open_span(t, "role_changed")
            continue
        if t.from_org_id is not None and t.from_org_id != t.to_org_id:
            current = open_at.get(t.from_org_id)
            if current is not None:
                close(current, t, t.left_on, t.left_explicit)
            else:
                earlier = next((s for s in reversed(spans) if s.org_id == t.from_org_id), None)
                if earlier is not None and earlier.until and t.left_on and within(earlier.until, t.left_on, window):
                    _add(earlier.event_ids, t.event_ids)  # the same departure, reported again
                else:  # left without a known join: a stint of unknown start
                    assert t.from_raw is not None
                    spans.append(Span(t.from_org_id, t.from_raw, t.person_raw, None, None, None, None, False,
                                      t.left_on, t.approximate or not t.left_explicit, list(t.event_ids)))  # fmt: skip
        if t.to_org_id is not None:
            current = open_at.get(t.to_org_id)
            if current is None:
                open_span(t, "founded" if t.founded else "joined")
            elif current.role is None or t.role is None or current.role == t.role:
                current.role, current.team = current.role or t.role, current.team or t.team
                _add(current.event_ids, t.event_ids)
            else:  # a new role at the same employer
                close(current, t, t.joined_on, t.joined_explicit)
                open_span(t, "role_changed")
    return spans


def flows_of(spans: list[Span], window: int) -> list[dict[str, Any]]:
    """Alumni flows: for each stint at B that began with a join, the latest earlier stint at
    every other org A that ended no later than `window` days after the join began."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    ended = [(a, floor(a.until)) for a in spans if a.until is not None]
    if not ended:
        return []
    for b in spans:
        if b.since is None or b.opened_by not in ARRIVALS:
            continue
        latest: dict[str, tuple[Span, Any]] = {}
        limit = ceil(b.since)
        for a, until in ended:
            if a.org_id == b.org_id or (until - limit).days > window:
                continue
            best = latest.get(a.org_id)
            if best is None or until >= best[1]:
                latest[a.org_id] = (a, until)
        for a, _ in latest.values():
            key = (a.org_id, b.org_id)
            if key in out:
                continue  # the first join at B after leaving A is the flow
            ids = list(a.event_ids)
            _add(ids, b.event_ids)
            out[key] = {
                "from_org_id": a.org_id, "to_org_id": b.org_id, "person_raw": b.person_raw,
                "from_raw": a.org_raw, "to_raw": b.org_raw, "left_on": a.until, "joined_on": b.since,
                "joined_floor": floor_iso(b.since), "event_ids": json.dumps(ids),
            }  # fmt: skip
    return [out[k] for k in sorted(out)]


SPAN_COLUMNS = (
    "person_id", "seq", "org_id", "person_raw", "org_raw", "role", "team", "opened_by", "since", "since_floor",
    "since_approximate", "until", "until_floor", "until_approximate", "event_ids",
)  # fmt: skip


def id_list(ids: list[str]) -> str:
    """json.dumps(ids), without the encoder's overhead for the usual plain (UUID) ids."""
    if not ids:
        return "[]"
    if _PLAIN_IDS.fullmatch("".join(ids)):
        return '["' + '", "'.join(ids) + '"]'
    return json.dumps(ids)


def derive_spans(person_id: str, moves: list[MoveFact], window: int) -> list[tuple[Any, ...]]:
    """The roster rows of one person, in SPAN_COLUMNS order, numbered in a deterministic order."""
    return [
        (person_id, i, s.org_id, s.person_raw, s.org_raw, s.role, s.team, s.opened_by, s.since, floor_iso(s.since),
         s.since_approximate, s.until, floor_iso(s.until), s.until_approximate, id_list(s.event_ids))
        for i, s in enumerate(spans_of(transitions_of(moves, window), window))
    ]  # fmt: skip


def span_from_row(row: Any) -> Span:
    return Span(
        row.org_id, row.org_raw, row.person_raw, row.role, row.team, row.opened_by, row.since,
        bool(row.since_approximate), row.until, bool(row.until_approximate), json.loads(row.event_ids),
    )  # fmt: skip
