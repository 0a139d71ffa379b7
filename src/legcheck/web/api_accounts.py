"""Hosted mode's account API: sign up, get an API token, export all my data, delete my account."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request, Response

from legcheck.web import accounts
from legcheck.web.context import api_owner, client_address, web
from legcheck.web.pages_account import check_login_rate, everything
from legcheck.web.schemas import AccountCreate, TokenCreate
from legcheck.web.security import audit

router = APIRouter(tags=["account (hosted mode)"])


@router.post("/accounts", status_code=201)
def create_account(body: AccountCreate, request: Request) -> dict[str, Any]:
    """A new account with an empty diary, and a first API token (shown only now)."""
    check_login_rate(request, body.email)
    engine = web(request).engine
    owner = accounts.create_account(engine, email=body.email, password=body.password,
                                    timezone_name=body.timezone)
    audit(engine, account_id=owner.account_id, action="account created",
          client=client_address(request))
    token = accounts.create_api_token(engine, account_id=owner.account_id or 0, name="first")
    return {"email": owner.email, "token": token}


@router.post("/tokens", status_code=201)
def create_token(body: TokenCreate, request: Request) -> dict[str, str]:
    """Log in with email and password; returns a new API token (shown only now)."""
    check_login_rate(request, body.email)
    engine = web(request).engine
    owner = accounts.authenticate(engine, email=body.email, password=body.password)
    if owner is None:
        raise HTTPException(401, "wrong email or password")
    audit(engine, account_id=owner.account_id, action="api token created",
          client=client_address(request))
    return {"token": accounts.create_api_token(engine, account_id=owner.account_id or 0,
                                               name=body.name)}


@router.get("/account/export")
def export_all(request: Request) -> dict[str, Any]:
    """Everything held about the account: the account, its diary, its tokens, its audit log."""
    return everything(request, api_owner(request))


@router.delete("/account", status_code=204)
def delete_account(request: Request) -> Response:
    """Delete the account and all its data (diary, tokens, sessions) now."""
    owner = api_owner(request)
    engine = web(request).engine
    accounts.delete_account(engine, account_id=owner.account_id or 0)
    audit(engine, account_id=owner.account_id, action="account deleted",
          client=client_address(request))
    return Response(status_code=204)
