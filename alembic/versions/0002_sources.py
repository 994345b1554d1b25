"""sources: documents (append-only) and per-source polling state

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SQLITE_TRIGGERS = [
    "CREATE TRIGGER documents_no_update BEFORE UPDATE ON documents "
    "BEGIN SELECT RAISE(ABORT, 'documents is append-only: UPDATE refused'); END",
    "CREATE TRIGGER documents_no_delete BEFORE DELETE ON documents "
    "BEGIN SELECT RAISE(ABORT, 'documents is append-only: DELETE refused'); END",
]
POSTGRES_TRIGGERS = [
    "CREATE FUNCTION documents_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN RAISE EXCEPTION 'documents is append-only: % refused', TG_OP; END $$",
    "CREATE TRIGGER documents_no_update BEFORE UPDATE ON documents "
    "FOR EACH ROW EXECUTE FUNCTION documents_append_only()",
    "CREATE TRIGGER documents_no_delete BEFORE DELETE ON documents "
    "FOR EACH ROW EXECUTE FUNCTION documents_append_only()",
    "CREATE TRIGGER documents_no_truncate BEFORE TRUNCATE ON documents "
    "FOR EACH STATEMENT EXECUTE FUNCTION documents_append_only()",
]


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True, autoincrement=True),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("canonical_url", sa.String(2048), nullable=False, unique=True),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published", sa.DateTime(timezone=True), nullable=True),
        sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source", sa.String(255), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
    )
    op.create_index("ix_documents_content_hash", "documents", ["content_hash"])
    op.create_index("ix_documents_source", "documents", ["source"])
    op.create_table(
        "source_state",
        sa.Column("name", sa.String(255), primary_key=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.Column("last_attempt", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_success", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_status", sa.Integer(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("last_error_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("consecutive_failures", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("next_due", sa.DateTime(timezone=True), nullable=True),
        sa.Column("items_seen", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("documents_stored", sa.Integer(), nullable=False, server_default="0"),
    )
    triggers = SQLITE_TRIGGERS if op.get_bind().dialect.name == "sqlite" else POSTGRES_TRIGGERS
    for statement in triggers:
        op.execute(statement)


def downgrade() -> None:
    raise RuntimeError("documents are never dropped by a migration")
