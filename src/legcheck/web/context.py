"""What every request needs: the settings, the database, and whose diary it may touch.

The only things kept per process are the database engine (a connection pool) and, in local mode,
the id of the one profile; sessions, tokens, rate counts and the audit log live in the database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from fastapi import HTTPException, Request
from sqlalchemy import Engine

from legcheck.diary.store import DiaryStore
from legcheck.diary.when import zone
from legcheck.settings import Settings
from legcheck.web.accounts import Owner, token_owner
from legcheck.web.security import allow, audit

SESSION_COOKIE = "legcheck_session"
VISITOR_COOKIE = "legcheck_visitor"


@dataclass(frozen=True)
class WebContext:
    settings: Settings
    engine: Engine
    local_owner: Owner | None  # the one person of local mode; None when hosted


@dataclass(frozen=True)
class DiaryAccess:
    """A request's view of one person's diary."""

    owner: Owner
    store: DiaryStore

    def now(self) -> datetime:
        return datetime.now(zone(self.store.timezone))


def web(request: Request) -> WebContext:
    return request.app.state.web


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def api_owner(request: Request) -> Owner:
    """Local mode: the one person. Hosted mode: the account of the bearer token, or 401."""
    context = web(request)
    if context.local_owner is not None:
        return context.local_owner
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    owner = token_owner(context.engine, token=token.strip()) if scheme.lower() == "bearer" \
        else None
    if owner is None:
        raise HTTPException(401, "log in: send 'Authorization: Bearer TOKEN' with an API token",
                            headers={"WWW-Authenticate": "Bearer"})
    return owner


def access_for(request: Request, owner: Owner) -> DiaryAccess:
    """The owner's diary; in hosted mode the access is written to the audit log first."""
    context = web(request)
    if context.local_owner is None:
        audit(context.engine, account_id=owner.account_id,
              action=f"{request.method} {request.url.path}"[:60],
              target=",".join(f"{k}={v}" for k, v in request.path_params.items()) or None,
              client=client_address(request))
    store = DiaryStore.attached(context.engine, profile_id=owner.profile_id,
                                timezone_name=owner.timezone)
    return DiaryAccess(owner, store)


def api_diary(request: Request) -> DiaryAccess:
    return access_for(request, api_owner(request))


def limit_checks(request: Request, who: str) -> None:
    """Hosted mode: at most checks_per_window checks per account or address, else 429."""
    context = web(request)
    if context.local_owner is not None:
        return
    settings = context.settings
    if not allow(context.engine, key=f"check:{who}", limit=settings.checks_per_window,
                 window_seconds=settings.rate_window_seconds):
        raise HTTPException(429, "too many checks; wait a few minutes and try again",
                            headers={"Retry-After": str(settings.rate_window_seconds)})
