"""Open a diary database by URL: create the folder for SQLite, switch SQLite to WAL with real
transactions, and bring the schema to the newest migration on first use."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError

from legcheck.errors import StorageError


def connect(url: str) -> Engine:
    """An engine for `url`, migrated to the newest schema."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StorageError(f"not a database URL: {url!r}") from None
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    engine = create_engine(parsed)
    if parsed.get_backend_name() == "sqlite":
        _sqlite_with_transactions(engine)
    try:
        migrate(engine)
    except OperationalError as error:
        raise StorageError(f"cannot open the diary database: {error.orig}") from None
    return engine


def _sqlite_with_transactions(engine: Engine) -> None:
    """SQLAlchemy's recipe for pysqlite: let SQLAlchemy, not the driver, begin transactions, so
    that DDL is transactional too; WAL so that readers never block the writer."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location",
                           str(resources.files("legcheck.diary") / "migrations"))
    return config


def migrate(engine: Engine) -> None:
    """Upgrade to the newest schema in one transaction: a failed migration changes nothing."""
    config = alembic_config()
    head = ScriptDirectory.from_config(config).get_current_head()
    with engine.connect() as connection:
        if MigrationContext.configure(connection).get_current_revision() == head:
            return
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
