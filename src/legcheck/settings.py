"""One settings object, read from the environment (LEGCHECK_*) and then defaults."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from legcheck.paths import default_database_url


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="LEGCHECK_", extra="ignore")

    database_url: str = Field(
        default_factory=default_database_url,
        description="Where the diary is kept: a SQLAlchemy URL. Default: SQLite in the user's "
                    "data folder. PostgreSQL: postgresql+psycopg://user@host/db.")
    profile: str = Field(default="me", description="Whose diary this is (one profile locally).")
    timezone: str | None = Field(
        default=None, description="The person's time zone (IANA name, e.g. Europe/London); "
                                  "default: the computer's.")
