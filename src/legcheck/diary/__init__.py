"""The diary: episodes and daily context, stored by SQLAlchemy, migrated by Alembic."""
