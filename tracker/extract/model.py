"""The move record handed to the rest of the system.

Frozen so that a move can be hashed, deduplicated and shared between threads
without anyone mutating evidence after the fact.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Direction = Literal["joined", "left", "founded", "role_changed"]
Seniority = Literal["founder", "c-level", "president", "vp", "head", "board", "other"]


class Move(BaseModel):
    """One real-world change of a person's position, as one article tells it."""

    model_config = ConfigDict(frozen=True)

    person: str
    org: str
    direction: Direction
    role: str | None = None
    team: str | None = None
    seniority: Seniority | None = None
    date: str | None = None
    date_approximate: bool = False
    origin_org: str | None = None
    destination_org: str | None = None
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    evidence: str = ""


def move_to_json(move: Move) -> dict[str, Any]:
    """A plain dict so CLI, batch and event payloads all print the same keys."""
    return move.model_dump(mode="json")
