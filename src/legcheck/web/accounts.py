"""Hosted accounts: sign up, log in, sessions, API tokens, export everything, delete everything.

Passwords are argon2 hashes; session and API tokens are random, shown once, and stored only as
SHA-256 hashes. Every function takes the engine and returns plain values: no state in the
process."""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine, delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from legcheck.diary.models import Profile
from legcheck.diary.when import zone
from legcheck.errors import InputError
from legcheck.web.models import Account, ApiToken, LoginSession

HASHER = PasswordHasher()
EMAIL = re.compile(r"^[^@\s\x00]{1,64}@[^@\s\x00]+\.[^@\s\x00]+$")
MIN_PASSWORD = 10
# verified against when the email is unknown, so a wrong email costs as long as a wrong password
_DUMMY_HASH = HASHER.hash("not a real password")


@dataclass(frozen=True)
class Owner:
    """Whose diary a request reads and writes: an account's profile (hosted) or the local one."""

    account_id: int | None
    email: str | None
    profile_id: int
    timezone: str


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def normal_email(email: str) -> str:
    cleaned = email.strip().lower()
    if not EMAIL.match(cleaned) or len(cleaned) > 254:
        raise InputError("email: give an address like name@example.org")
    return cleaned


def create_account(engine: Engine, *, email: str, password: str, timezone_name: str) -> Owner:
    """A new account with its own empty diary profile."""
    address = normal_email(email)
    if len(password) < MIN_PASSWORD:
        raise InputError(f"password: use at least {MIN_PASSWORD} characters")
    zone(timezone_name)
    now = datetime.now(UTC)
    try:
        with Session(engine) as session, session.begin():
            profile = Profile(name=f"account:{secrets.token_hex(8)}", timezone=timezone_name,
                              created_at=now)
            session.add(profile)
            session.flush()
            account = Account(email=address, password_hash=HASHER.hash(password),
                              profile_id=profile.id, created_at=now)
            session.add(account)
            session.flush()
            return Owner(account.id, address, profile.id, timezone_name)
    except IntegrityError:
        raise InputError("email: there is already an account with this address") from None


def authenticate(engine: Engine, *, email: str, password: str) -> Owner | None:
    """The account if the password is right; None otherwise (the same for an unknown email)."""
    address = email.strip().lower()
    with Session(engine) as session:  # PostgreSQL cannot compare text holding NUL
        row = None if "\x00" in address else session.execute(
            select(Account, Profile.timezone).join(Profile, Profile.id == Account.profile_id)
            .where(Account.email == address)).first()
    if row is None:
        _verify(_DUMMY_HASH, password)
        return None
    account, timezone_name = row
    if not _verify(account.password_hash, password):
        return None
    return Owner(account.id, account.email, account.profile_id, timezone_name)


def _verify(stored: str, password: str) -> bool:
    try:
        return HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def start_session(engine: Engine, *, account_id: int, hours: float) -> str:
    """A new login session; returns the token for the cookie (only its hash is stored)."""
    token = secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    with Session(engine) as session, session.begin():
        session.execute(delete(LoginSession).where(LoginSession.account_id == account_id,
                                                   LoginSession.expires_at < now))
        session.add(LoginSession(token_hash=token_hash(token), account_id=account_id,
                                 expires_at=now + timedelta(hours=hours)))
    return token


def end_session(engine: Engine, *, token: str) -> None:
    with Session(engine) as session, session.begin():
        session.execute(delete(LoginSession).where(LoginSession.token_hash == token_hash(token)))


def session_owner(engine: Engine, *, token: str) -> Owner | None:
    query = (select(Account, Profile.timezone)
             .join(LoginSession, LoginSession.account_id == Account.id)
             .join(Profile, Profile.id == Account.profile_id)
             .where(LoginSession.token_hash == token_hash(token),
                    LoginSession.expires_at > datetime.now(UTC)))
    return _owner(engine, query)


def create_api_token(engine: Engine, *, account_id: int, name: str) -> str:
    name = name.strip() or "API token"
    if len(name) > 100 or "\x00" in name:
        raise InputError("name: at most 100 characters, and no NUL character")
    token = "lc_" + secrets.token_urlsafe(32)
    with Session(engine) as session, session.begin():
        session.add(ApiToken(token_hash=token_hash(token), account_id=account_id, name=name,
                             created_at=datetime.now(UTC)))
    return token


def api_tokens(engine: Engine, *, account_id: int) -> list[tuple[int, str, datetime]]:
    with Session(engine) as session:
        rows = session.execute(select(ApiToken.id, ApiToken.name, ApiToken.created_at)
                               .where(ApiToken.account_id == account_id)
                               .order_by(ApiToken.id)).all()
    return [(row[0], row[1], row[2]) for row in rows]


def revoke_api_token(engine: Engine, *, account_id: int, token_id: int) -> bool:
    with Session(engine) as session, session.begin():
        gone = session.execute(delete(ApiToken).where(ApiToken.id == token_id,
                                                      ApiToken.account_id == account_id))
    return bool(gone.rowcount)  # type: ignore[attr-defined]


def token_owner(engine: Engine, *, token: str) -> Owner | None:
    query = (select(Account, Profile.timezone)
             .join(ApiToken, ApiToken.account_id == Account.id)
             .join(Profile, Profile.id == Account.profile_id)
             .where(ApiToken.token_hash == token_hash(token)))
    return _owner(engine, query)


def _owner(engine: Engine, query: object) -> Owner | None:
    with Session(engine) as session:
        row = session.execute(query).first()  # type: ignore[call-overload]
    if row is None:
        return None
    account, timezone_name = row
    return Owner(account.id, account.email, account.profile_id, timezone_name)


def delete_account(engine: Engine, *, account_id: int) -> None:
    """The account, its sessions and tokens, and its whole diary, in one transaction."""
    with Session(engine) as session, session.begin():
        account = session.get(Account, account_id)
        if account is None:
            return
        profile = session.get(Profile, account.profile_id)
        for table in (LoginSession, ApiToken):
            session.execute(delete(table).where(table.account_id == account_id))
        session.delete(account)
        if profile is not None:
            _delete_profile(session, profile)


def _delete_profile(session: Session, profile: Profile) -> None:
    from legcheck.diary.models import Check, Day, Episode

    # explicit, not left to ON DELETE CASCADE: SQLite enforces it only with foreign_keys on
    for table in (Episode, Day, Check):
        session.execute(delete(table).where(table.profile_id == profile.id))
    session.delete(profile)
