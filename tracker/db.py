"""Engines, transactions and migrate-on-start for SQLite (embedded) and PostgreSQL (production).

Every write transaction goes through `transaction()`: on SQLite it starts with
`BEGIN IMMEDIATE`, taking the write lock up front, so a transaction that reads before
it writes (the event store reads the head, then appends) never fails half-way with
SQLITE_BUSY on lock upgrade; the busy timeout then makes concurrent writers queue.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlmodel import Session

from alembic import command

ROOT = Path(__file__).resolve().parent.parent
ALEMBIC_DIR = ROOT / "alembic"
# Arbitrary constant naming the "schema migration" advisory lock on PostgreSQL.
_MIGRATION_LOCK = 7_250_001


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def make_engine(url: str, *, busy_timeout: float = 30.0, **kwargs: Any) -> Engine:
    """Build an engine with the pragmas and options the store relies on.

    `busy_timeout` (seconds) is how long a SQLite writer queues behind another before
    giving up with "database is locked"."""
    sa_url = make_url(url)
    if sa_url.drivername == "postgresql":  # plain postgresql:// means psycopg 3 here
        sa_url = sa_url.set(drivername="postgresql+psycopg")
    if sa_url.get_backend_name() == "sqlite":
        if sa_url.database and sa_url.database != ":memory:":
            Path(sa_url.database).parent.mkdir(parents=True, exist_ok=True)
        connect_args = {"timeout": busy_timeout, "check_same_thread": False}
        engine = create_engine(sa_url, connect_args=connect_args, **kwargs)
        _configure_sqlite(engine, int(busy_timeout * 1000))
        return engine
    return create_engine(sa_url, pool_pre_ping=True, **kwargs)


def _configure_sqlite(engine: Engine, busy_timeout_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves, below
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute(f"PRAGMA busy_timeout={busy_timeout_ms}")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = "IMMEDIATE" if conn.get_execution_options().get("sqlite_write") else "DEFERRED"
        conn.exec_driver_sql(f"BEGIN {mode}")


@contextmanager
def transaction(engine: Engine, *, write: bool = True) -> Iterator[Session]:
    """One unit of work: commits on success, rolls back on any exception."""
    with engine.connect() as conn:
        if write:
            conn.execution_options(sqlite_write=True)
        with Session(bind=conn, expire_on_commit=False) as session, session.begin():
            yield session


def read_session(engine: Engine) -> Session:
    """A session for reads; on SQLite it never takes the write lock."""
    return Session(bind=engine, expire_on_commit=False)


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(ALEMBIC_DIR))
    return cfg


def schema_heads() -> set[str]:
    return set(ScriptDirectory.from_config(alembic_config()).get_heads())


def current_revisions(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return set(MigrationContext.configure(conn).get_current_heads())


def migrate(engine: Engine) -> None:
    """Upgrade to the newest schema. Safe to run from several processes at once."""
    cfg = alembic_config()
    with engine.begin() as conn:
        if not is_sqlite(engine):
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _MIGRATION_LOCK})
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "heads")
