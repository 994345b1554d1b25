"""Event types of the log (v1) and the upcasters that lift old stored versions on read.

Stored events are never rewritten: a payload recorded under an older schema version is
upcast step by step (v0 -> v1 -> ...) each time it is read.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict

Direction = Literal["joined", "left", "founded", "role_changed"]
DIRECTIONS: tuple[str, ...] = ("joined", "left", "founded", "role_changed")


class EventPayload(BaseModel):
    """Base of every event's `data`. `type` and `schema_version` are class facts, not data."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    type: ClassVar[str]
    schema_version: ClassVar[int] = 1


class MoveReported(EventPayload):
    type: ClassVar[str] = "MoveReported"
    person: str
    org: str
    direction: Direction
    role: str | None = None
    team: str | None = None
    seniority: str | None = None
    destination_org: str | None = None
    origin_org: str | None = None


class ManualMoveRecorded(MoveReported):
    """An operator's entry; same shape as a reported move, the actor is in `meta`."""

    type: ClassVar[str] = "ManualMoveRecorded"


class MoveCorroborated(EventPayload):
    type: ClassVar[str] = "MoveCorroborated"
    move_event_id: str
    source: str


class MoveRetracted(EventPayload):
    type: ClassVar[str] = "MoveRetracted"
    move_event_id: str
    reason: str


class EntityMerged(EventPayload):
    type: ClassVar[str] = "EntityMerged"
    kind: Literal["person", "org"]
    alias: str
    canonical: str


EVENT_TYPES: dict[str, type[EventPayload]] = {
    cls.type: cls for cls in (MoveReported, ManualMoveRecorded, MoveCorroborated, MoveRetracted, EntityMerged)
}
MOVE_TYPES = frozenset({MoveReported.type, ManualMoveRecorded.type})

Upcaster = Callable[[dict[str, Any]], dict[str, Any]]
# (type, from_version) -> function giving the payload at from_version + 1
UPCASTERS: dict[tuple[str, int], Upcaster] = {}


class UnknownEventType(Exception):
    pass


def upcaster(event_type: str, from_version: int) -> Callable[[Upcaster], Upcaster]:
    def register(fn: Upcaster) -> Upcaster:
        UPCASTERS[(event_type, from_version)] = fn
        return fn

    return register


@upcaster("MoveReported", 0)
def _move_reported_v0(data: dict[str, Any]) -> dict[str, Any]:
    """v0 (before teams were tracked) had no `team` and called the role `title`."""
    out = {k: v for k, v in data.items() if k != "title"}
    out.setdefault("role", data.get("title"))
    out.setdefault("team", None)
    return out


def upcast(event_type: str, schema_version: int, data: dict[str, Any]) -> dict[str, Any]:
    """Lift a stored payload to the current version of its type."""
    cls = EVENT_TYPES.get(event_type)
    if cls is None:
        raise UnknownEventType(f"unknown event type {event_type!r}")
    version = schema_version
    while version < cls.schema_version:
        step = UPCASTERS.get((event_type, version))
        if step is None:
            raise UnknownEventType(f"no upcaster for {event_type} v{version}")
        data = step(data)
        version += 1
    return data


def parse_payload(event_type: str, schema_version: int, data: dict[str, Any]) -> EventPayload:
    data = upcast(event_type, schema_version, data)  # raises UnknownEventType for an unknown type
    return EVENT_TYPES[event_type].model_validate(data)
