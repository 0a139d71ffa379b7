"""One settings object, read from the environment (LEGCHECK_*) and then defaults."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from legcheck.paths import default_database_url

PLACEHOLDER_SECRET = "change-me"


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
    hosted: bool = Field(
        default=False,
        description="Hosted mode for many people: accounts with email and password, every diary "
                    "scoped to its account, rate limits and an audit log. Needs a real "
                    "LEGCHECK_SECRET_KEY and, in practice, PostgreSQL.")
    secret_key: str = Field(
        default=PLACEHOLDER_SECRET,
        description="Signs the CSRF tokens of the web pages. Hosted mode refuses to start with "
                    "the placeholder: set a long random value (python -c 'import secrets; "
                    "print(secrets.token_urlsafe(32))'), the same on every server process.")
    session_hours: float = Field(
        default=24 * 14, gt=0, description="How long a login lasts (hosted mode), in hours.")
    login_attempts_per_window: int = Field(
        default=10, ge=1, description="Login attempts allowed per email and per client address "
                                      "in each rate-limit window (hosted mode).")
    checks_per_window: int = Field(
        default=120, ge=1, description="Checks allowed per account or client address in each "
                                       "rate-limit window (hosted mode).")
    rate_window_seconds: int = Field(
        default=900, ge=1, description="The length of a rate-limit window, in seconds.")

    def unsafe_for_hosting(self) -> str | None:
        """Why this configuration must not serve many people, or None if it may."""
        if self.hosted and (self.secret_key == PLACEHOLDER_SECRET or len(self.secret_key) < 16):
            return ("hosted mode needs LEGCHECK_SECRET_KEY set to a long random value (at least "
                    "16 characters), not the placeholder")
        return None
