"""The tables this module owns, as created by migration 0002 (the migration is the source of truth).

`documents` is append-only (triggers refuse UPDATE/DELETE): events cite a document id, so a
document must never change under them. `source_state` is bookkeeping, not history, and is
updated in place after every poll.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Column, DateTime, Integer, String, Text
from sqlmodel import Field, SQLModel


class DocumentRow(SQLModel, table=True):
    __tablename__ = "documents"
    id: int | None = Field(
        default=None,
        sa_column=Column(BigInteger().with_variant(Integer(), "sqlite"), primary_key=True, autoincrement=True),
    )
    url: str = Field(sa_column=Column(Text, nullable=False))
    canonical_url: str = Field(sa_column=Column(String(2048), nullable=False, unique=True))
    content_hash: str = Field(sa_column=Column(String(64), nullable=False, index=True))
    title: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    published: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))
    fetched_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    source: str = Field(sa_column=Column(String(255), nullable=False, index=True))
    text: str = Field(sa_column=Column(Text, nullable=False))


class SourceStateRow(SQLModel, table=True):
    __tablename__ = "source_state"
    name: str = Field(sa_column=Column(String(255), primary_key=True))
    url: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    etag: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    last_modified: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    last_attempt: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))
    last_success: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))
    last_status: int | None = Field(default=None, sa_column=Column(Integer, nullable=True))
    last_error: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    last_error_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))
    consecutive_failures: int = Field(default=0, sa_column=Column(Integer, nullable=False, server_default="0"))
    next_due: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))
    items_seen: int = Field(default=0, sa_column=Column(Integer, nullable=False, server_default="0"))
    documents_stored: int = Field(default=0, sa_column=Column(Integer, nullable=False, server_default="0"))


DOCUMENTS: Any = DocumentRow.__table__  # type: ignore[attr-defined]
SOURCE_STATE: Any = SourceStateRow.__table__  # type: ignore[attr-defined]
