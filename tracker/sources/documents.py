"""Documents: every fetched item stored once, append-only, cited by events.

"Once" means one row per canonical URL, and no second row for the same text under another
URL (an AMP or syndicated copy): the same article from two feeds, or re-fetched
unchanged, is one document.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Engine, insert, select
from sqlmodel import Session

from tracker.dates import to_utc
from tracker.db import read_session
from tracker.sources.tables import DOCUMENTS
from tracker.sources.urls import canonical_url, content_hash

MIN_TEXT_FOR_HASH_DEDUP = 80  # shorter texts (a bare headline) may honestly repeat across articles
_CHUNK = 500


@dataclass(frozen=True)
class NewDocument:
    url: str
    source: str
    text: str
    fetched_at: datetime
    title: str | None = None
    published: datetime | None = None
    canonical_url: str = field(default="")
    content_hash: str = field(default="")

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", self.text.replace("\x00", " "))
        if self.title is not None:
            object.__setattr__(self, "title", self.title.replace("\x00", " "))
        if not self.canonical_url:
            object.__setattr__(self, "canonical_url", canonical_url(self.url))
        if not self.content_hash:
            object.__setattr__(self, "content_hash", content_hash(self.text))


@dataclass(frozen=True)
class StoredDocument:
    id: int
    url: str
    canonical_url: str
    content_hash: str
    title: str | None
    published: datetime | None
    fetched_at: datetime
    source: str
    text: str


def known_urls(engine: Engine, canonical_urls: Iterable[str]) -> set[str]:
    """Which of these canonical URLs are stored already (so their articles are not re-fetched)."""
    wanted = list(dict.fromkeys(canonical_urls))
    found: set[str] = set()
    with read_session(engine) as session:
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            rows = session.execute(select(DOCUMENTS.c.canonical_url).where(DOCUMENTS.c.canonical_url.in_(chunk)))
            found.update(r[0] for r in rows)
    return found


def find_duplicate(session: Session, doc: NewDocument) -> int | None:
    row = session.execute(select(DOCUMENTS.c.id).where(DOCUMENTS.c.canonical_url == doc.canonical_url)).first()
    if row is None and len(doc.text) >= MIN_TEXT_FOR_HASH_DEDUP:
        row = session.execute(
            select(DOCUMENTS.c.id).where(DOCUMENTS.c.content_hash == doc.content_hash).limit(1)
        ).first()
    return int(row[0]) if row else None


def insert_document(session: Session, doc: NewDocument) -> int | None:
    """Insert inside the caller's transaction; None when this document is already stored."""
    if find_duplicate(session, doc) is not None:
        return None
    new_id = session.execute(
        insert(DOCUMENTS)
        .values(
            url=doc.url,
            canonical_url=doc.canonical_url,
            content_hash=doc.content_hash,
            title=doc.title,
            published=doc.published,
            fetched_at=doc.fetched_at,
            source=doc.source,
            text=doc.text,
        )
        .returning(DOCUMENTS.c.id)
    ).scalar_one()
    return int(new_id)


def _stored(row: object) -> StoredDocument:
    m = dict(row._mapping)  # type: ignore[attr-defined]
    m["fetched_at"] = to_utc(m["fetched_at"])
    m["published"] = to_utc(m["published"]) if m["published"] else None
    return StoredDocument(**m)


def list_documents(engine: Engine, source: str | None = None) -> list[StoredDocument]:
    with read_session(engine) as session:
        query = select(DOCUMENTS).order_by(DOCUMENTS.c.id)
        if source is not None:
            query = query.where(DOCUMENTS.c.source == source)
        return [_stored(r) for r in session.execute(query).all()]


def get_document(engine: Engine, document_id: int) -> StoredDocument | None:
    with read_session(engine) as session:
        row = session.execute(select(DOCUMENTS).where(DOCUMENTS.c.id == document_id)).first()
    return _stored(row) if row else None
