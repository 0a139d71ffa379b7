"""The diary: profiles, episodes and days.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

from legcheck.diary.models import UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "profiles",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(100), nullable=False, unique=True),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
    )
    op.create_table(
        "episodes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("profile_id", sa.Integer,
                  sa.ForeignKey("profiles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("occurred_at", UTCDateTime(), nullable=False),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("location", sa.String(40)),
        sa.Column("intensity", sa.Integer),
        sa.Column("during", sa.String(20)),
        sa.Column("duration_seconds", sa.Float),
        sa.Column("note", sa.Text),
        sa.Column("created_at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_episodes_profile_time", "episodes", ["profile_id", "occurred_at"])
    op.create_table(
        "days",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("profile_id", sa.Integer,
                  sa.ForeignKey("profiles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("caffeine_cups", sa.Float),
        sa.Column("alcohol_units", sa.Float),
        sa.Column("sleep_hours", sa.Float),
        sa.Column("stress", sa.Integer),
        sa.Column("exercise_minutes", sa.Float),
        sa.Column("fluids_litres", sa.Float),
        sa.Column("medicines", sa.JSON, nullable=False),
        sa.Column("symptoms", sa.JSON, nullable=False),
        sa.Column("note", sa.Text),
        sa.UniqueConstraint("profile_id", "day", name="uq_days_profile_day"),
    )


def downgrade() -> None:
    op.drop_table("days")
    op.drop_index("ix_episodes_profile_time", "episodes")
    op.drop_table("episodes")
    op.drop_table("profiles")
