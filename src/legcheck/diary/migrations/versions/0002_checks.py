"""Check records: a check's answers and result, saved so later checks and the doctor's report can
show how the picture changed.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

from legcheck.diary.models import UTCDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "checks",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("profile_id", sa.Integer,
                  sa.ForeignKey("profiles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("taken_at", UTCDateTime(), nullable=False),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("knowledge_version", sa.String(40), nullable=False),
        sa.Column("text", sa.Text),
        sa.Column("answers", sa.JSON, nullable=False),
        sa.Column("result", sa.JSON, nullable=False),
    )
    op.create_index("ix_checks_profile_time", "checks", ["profile_id", "taken_at"])


def downgrade() -> None:
    op.drop_index("ix_checks_profile_time", "checks")
    op.drop_table("checks")
