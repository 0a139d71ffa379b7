"""Hosted mode's pages: sign up, log in, log out, and the account page (API tokens, export all
my data, delete my account and all its data). Login attempts are rate-limited in the database."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from legcheck.errors import InputError
from legcheck.web import accounts
from legcheck.web.context import SESSION_COOKIE, client_address, web
from legcheck.web.pages_diary import form_of, one
from legcheck.web.render import page, set_cookie
from legcheck.web.security import allow, audit

router = APIRouter(include_in_schema=False)
EntryId = Annotated[int, Path(ge=1, le=2**31 - 1)]


def session_owner_of(request: Request) -> accounts.Owner | None:
    token = request.cookies.get(SESSION_COOKIE)
    owner = accounts.session_owner(web(request).engine, token=token) if token else None
    if owner is not None:
        request.state.email = owner.email
    return owner


def logged_in(request: Request) -> accounts.Owner:
    owner = session_owner_of(request)
    if owner is None:
        raise HTTPException(401, "log in first")
    return owner


def check_login_rate(request: Request, email: str) -> None:
    """At most login_attempts_per_window per email and per client address, else 429."""
    if "\x00" in email:  # no address holds one, and PostgreSQL cannot store it in the key
        raise InputError("email: give an address like name@example.org")
    context = web(request)
    settings = context.settings
    for key in (f"login:email:{email.strip().lower()}", f"login:client:{client_address(request)}"):
        if not allow(context.engine, key=key, limit=settings.login_attempts_per_window,
                     window_seconds=settings.rate_window_seconds):
            raise HTTPException(429, "too many login attempts; wait a few minutes and try again",
                                headers={"Retry-After": str(settings.rate_window_seconds)})


def start(request: Request, owner: accounts.Owner) -> Response:
    context = web(request)
    hours = context.settings.session_hours
    token = accounts.start_session(context.engine, account_id=owner.account_id or 0, hours=hours)
    response = RedirectResponse("/diary", status_code=303)
    set_cookie(request, response, SESSION_COOKIE, token, max_age=int(hours * 3600))
    return response


@router.get("/signup", response_class=HTMLResponse)
def signup_form(request: Request) -> Response:
    return page(request, "signup.html", {"timezone": web(request).settings.timezone or "UTC"})


@router.post("/signup")
async def signup(request: Request) -> Response:
    fields = await form_of(request)
    email, password = one(fields, "email") or "", one(fields, "password") or ""
    check_login_rate(request, email)
    owner = await run_in_threadpool(accounts.create_account, web(request).engine, email=email,
                                    password=password,
                                    timezone_name=one(fields, "timezone") or "UTC")
    audit(web(request).engine, account_id=owner.account_id, action="account created",
          client=client_address(request))
    return start(request, owner)


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request) -> Response:
    return page(request, "login.html")


@router.post("/login")
async def login(request: Request) -> Response:
    fields = await form_of(request)
    email, password = one(fields, "email") or "", one(fields, "password") or ""
    check_login_rate(request, email)
    owner = await run_in_threadpool(accounts.authenticate, web(request).engine, email=email,
                                    password=password)
    if owner is None:
        return page(request, "login.html", {"error": "Wrong email or password.",
                                            "email_value": email}, status=401)
    audit(web(request).engine, account_id=owner.account_id, action="logged in",
          client=client_address(request))
    return start(request, owner)


@router.post("/logout")
async def logout(request: Request) -> Response:
    await form_of(request)
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        accounts.end_session(web(request).engine, token=token)
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.get("/account", response_class=HTMLResponse)
def account(request: Request, new_token: str | None = None) -> Response:
    owner = logged_in(request)
    return page(request, "account.html", {
        "tokens": accounts.api_tokens(web(request).engine, account_id=owner.account_id or 0)})


@router.post("/account/tokens", response_class=HTMLResponse)
async def new_token(request: Request) -> Response:
    fields = await form_of(request)
    owner = logged_in(request)
    engine = web(request).engine
    token = accounts.create_api_token(engine, account_id=owner.account_id or 0,
                                      name=one(fields, "name") or "API token")
    audit(engine, account_id=owner.account_id, action="api token created",
          client=client_address(request))
    tokens = accounts.api_tokens(engine, account_id=owner.account_id or 0)
    return page(request, "account.html", {"new_token": token, "tokens": tokens})


@router.post("/account/tokens/{token_id}/delete")
async def revoke_token(request: Request, token_id: EntryId) -> Response:
    await form_of(request)
    owner = logged_in(request)
    if not accounts.revoke_api_token(web(request).engine, account_id=owner.account_id or 0,
                                     token_id=token_id):
        raise HTTPException(404, "there is no such API token")
    return RedirectResponse("/account", status_code=303)


@router.get("/account/export")
def export_all(request: Request) -> Response:
    owner = logged_in(request)
    document = everything(request, owner)
    return Response(json.dumps(document, indent=2, ensure_ascii=False),
                    media_type="application/json",
                    headers={"Content-Disposition": 'attachment; filename="legcheck-account.json"'})


def everything(request: Request, owner: accounts.Owner) -> dict[str, object]:
    """All the data held about the account: the account, its diary and its audit log."""
    from legcheck.diary.store import DiaryStore
    from legcheck.diary.transfer import export_json
    from legcheck.web.security import audit_events

    engine = web(request).engine
    audit(engine, account_id=owner.account_id, action="exported all data",
          client=client_address(request))
    store = DiaryStore.attached(engine, profile_id=owner.profile_id, timezone_name=owner.timezone)
    return {"account": {"email": owner.email, "timezone": owner.timezone,
                        "exported_at": datetime.now().astimezone().isoformat()},
            "diary": json.loads(export_json(store)),
            "api_tokens": [{"name": name, "created_at": created.isoformat()} for _, name, created
                           in accounts.api_tokens(engine, account_id=owner.account_id or 0)],
            "audit_log": audit_events(engine, account_id=owner.account_id or 0)}


@router.post("/account/delete")
async def delete(request: Request) -> Response:
    fields = await form_of(request)
    owner = logged_in(request)
    engine = web(request).engine
    check_login_rate(request, owner.email or "")
    confirmed = await run_in_threadpool(accounts.authenticate, engine, email=owner.email or "",
                                        password=one(fields, "password") or "")
    if confirmed is None or confirmed.account_id != owner.account_id:
        raise InputError("the password is not right; the account was not deleted")
    accounts.delete_account(engine, account_id=owner.account_id or 0)
    audit(engine, account_id=owner.account_id, action="account deleted",
          client=client_address(request))
    response = page(request, "error.html", {"status": 200, "message":
                                            "Your account and all its data have been deleted."})
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response
