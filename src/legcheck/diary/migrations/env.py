"""Alembic runs the diary migrations on the connection legcheck hands it (diary/database.py)."""

from alembic import context

from legcheck.diary.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
