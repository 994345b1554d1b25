"""projections: checkpoints, move facts, sources, merges, roster spans (live and scratch sets)

Revision ID: 0003
Revises: 0001
Create Date: 2026-11-24
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

PREFIXES = ("", "scratch_")  # live tables, and the twins a rebuild into scratch fills


def big() -> sa.types.TypeEngine:
    return sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def create_set(p: str) -> None:
    op.create_table(
        f"{p}proj_moves",
        sa.Column("position", big(), primary_key=True, autoincrement=False),
        sa.Column("event_id", sa.String(36), nullable=False),
        sa.Column("person_id", sa.String(255), nullable=False),
        sa.Column("org_id", sa.String(255), nullable=False),
        sa.Column("person_raw", sa.Text(), nullable=False),
        sa.Column("org_raw", sa.Text(), nullable=False),
        sa.Column("direction", sa.String(16), nullable=False),
        sa.Column("role", sa.Text()),
        sa.Column("team", sa.Text()),
        sa.Column("date", sa.String(10), nullable=False),
        sa.Column("date_floor", sa.String(10), nullable=False),
        sa.Column("date_approximate", sa.Boolean(), nullable=False),
        sa.Column("other_org_id", sa.String(255)),
        sa.Column("other_raw", sa.Text()),
        sa.Column("source_url", sa.Text()),
        sa.Column("retracted_by", sa.String(36)),
    )
    op.create_index(f"ix_{p}proj_moves_person", f"{p}proj_moves", ["person_id", "position"])
    op.create_table(
        f"{p}proj_sources",
        sa.Column("position", big(), primary_key=True, autoincrement=False),
        sa.Column("event_id", sa.String(36), nullable=False),
        sa.Column("move_event_id", sa.String(36), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("retracted_by", sa.String(36)),
    )
    op.create_index(f"ix_{p}proj_sources_move_event_id", f"{p}proj_sources", ["move_event_id"])
    op.create_table(
        f"{p}proj_merges",
        sa.Column("position", big(), primary_key=True, autoincrement=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("alias", sa.Text(), nullable=False),
        sa.Column("canonical", sa.Text(), nullable=False),
        sa.Column("alias_id", sa.String(255), nullable=False),
        sa.Column("canonical_id", sa.String(255), nullable=False),
    )
    op.create_table(
        f"{p}proj_spans",
        sa.Column("person_id", sa.String(255), primary_key=True),
        sa.Column("seq", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("org_id", sa.String(255), nullable=False),
        sa.Column("person_raw", sa.Text(), nullable=False),
        sa.Column("org_raw", sa.Text(), nullable=False),
        sa.Column("role", sa.Text()),
        sa.Column("team", sa.Text()),
        sa.Column("opened_by", sa.String(16)),
        sa.Column("since", sa.String(10)),
        sa.Column("since_floor", sa.String(10)),
        sa.Column("since_approximate", sa.Boolean(), nullable=False),
        sa.Column("until", sa.String(10)),
        sa.Column("until_floor", sa.String(10)),
        sa.Column("until_approximate", sa.Boolean(), nullable=False),
        sa.Column("event_ids", sa.Text(), nullable=False),
    )
    op.create_index(f"ix_{p}proj_spans_org", f"{p}proj_spans", ["org_id", "since_floor", "until_floor"])


def upgrade() -> None:
    op.create_table(
        "projection_checkpoints",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("position", big(), nullable=False),
    )
    for prefix in PREFIXES:
        create_set(prefix)


def downgrade() -> None:
    for prefix in PREFIXES:
        for name in ("spans", "merges", "sources", "moves"):
            op.drop_table(f"{prefix}proj_{name}")
    op.drop_table("projection_checkpoints")
