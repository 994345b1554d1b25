"""alert outbox: delivery state of Slack alerts (updatable; not history)

Revision ID: 0004
Revises: 0001
Create Date: 2026-11-24
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "alert_outbox",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("alert_key", sa.String(255), nullable=False, unique=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("event_position", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("event_id", sa.String(36), nullable=False),
        sa.Column("move_event_id", sa.String(36), nullable=True),
        sa.Column("reply_to_key", sa.String(255), nullable=True),
        sa.Column("subject", sa.String(255), nullable=True),
        sa.Column("subject_on", sa.Date(), nullable=True),
        sa.Column("channel", sa.String(255), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("message_key", sa.String(255), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("slack_channel", sa.String(255), nullable=True),
        sa.Column("slack_ts", sa.String(64), nullable=True),
        sa.Column("thread_ts", sa.String(64), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_alert_outbox_state", "alert_outbox", ["state", "next_attempt_at"])
    op.create_index("ix_alert_outbox_move_event_id", "alert_outbox", ["move_event_id"])
    op.create_index("ix_alert_outbox_subject", "alert_outbox", ["subject"])
    op.create_index("ix_alert_outbox_channel_sent", "alert_outbox", ["channel", "sent_at"])


def downgrade() -> None:
    op.drop_table("alert_outbox")
