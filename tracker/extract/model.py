"""A move as the extractor reports it, before it becomes an event."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict


class Move(BaseModel):
    model_config = ConfigDict(frozen=True)
    person: str
    org: str
    direction: Literal["joined", "left", "founded", "role_changed"]
    role: str | None = None
    team: str | None = None
    seniority: str | None = None
    date: str | None = None
    date_approximate: bool = False
    origin_org: str | None = None
    destination_org: str | None = None
    confidence: float = 1.0
    evidence: str = ""
