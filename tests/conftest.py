"""Shared fixtures: every store-backed test runs on SQLite and on PostgreSQL.

PostgreSQL comes from TRACKER_TEST_POSTGRES_URL (`.ci/run` always sets it); each test gets
a fresh schema, selected through the connection's search_path, and drops it afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from sqlalchemy import Engine, create_engine, text

from tracker.db import make_engine, migrate

PG_URL = os.environ.get("TRACKER_TEST_POSTGRES_URL")
REPO = Path(__file__).resolve().parent.parent


def _pg_admin() -> Engine:
    assert PG_URL
    url = PG_URL.replace("postgresql://", "postgresql+psycopg://", 1) if PG_URL.startswith("postgresql://") else PG_URL
    return create_engine(url, isolation_level="AUTOCOMMIT")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database URL for an empty database (no schema yet)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'tracker.db'}"
        return
    if not PG_URL:
        if os.environ.get("TRACKER_REQUIRE_POSTGRES"):
            pytest.fail("TRACKER_REQUIRE_POSTGRES is set but TRACKER_TEST_POSTGRES_URL is not")
        pytest.skip("TRACKER_TEST_POSTGRES_URL is not set (CI always sets it)")
    schema = f"t_{uuid.uuid4().hex[:16]}"
    admin = _pg_admin()
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in PG_URL else "?"
    yield f"{PG_URL}{sep}options={quote(f'-csearch_path={schema}')}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """A migrated database."""
    eng = make_engine(db_url)
    migrate(eng)
    yield eng
    eng.dispose()
