"""A fresh PostgreSQL schema for a test, on the server LEGCHECK_TEST_DATABASE_URL names."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator

from sqlalchemy import create_engine, text


def postgres_schema_url(before_drop: Callable[[], None] = lambda: None) -> Iterator[str]:
    """Yield the URL of a new schema, and drop it afterwards (`before_drop` first closes what
    still holds connections, or DROP SCHEMA waits for them)."""
    base = os.environ["LEGCHECK_TEST_DATABASE_URL"].replace("postgresql://",
                                                            "postgresql+psycopg://", 1)
    schema = f"lc_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield f"{base}?options=-csearch_path%3D{schema}"
    finally:
        before_drop()
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()
