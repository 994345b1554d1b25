"""Alembic environment: runs on the caller's connection when `tracker` migrates in code."""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import Connection

from tracker.db import make_engine

config = context.config


def _run(connection: Connection) -> None:
    context.configure(connection=connection, render_as_batch=connection.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    url = context.get_x_argument(as_dictionary=True).get("url") or os.environ.get(
        "TRACKER_DATABASE_URL", config.get_main_option("sqlalchemy.url")
    )
    engine = make_engine(str(url))
    with engine.begin() as conn:
        _run(conn)
