"""Rendering pages: Jinja2 templates from the package, and the CSRF token every form carries.

A browser gets a random visitor cookie on its first page; a form's CSRF token is an HMAC of the
login session cookie (hosted mode) or of that visitor cookie, so nothing is kept on the server."""

from __future__ import annotations

import secrets
from importlib import resources
from typing import Any

from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from legcheck.web.context import SESSION_COOKIE, VISITOR_COOKIE, web
from legcheck.web.security import csrf_token, csrf_valid

TEMPLATES = Jinja2Templates(directory=str(resources.files("legcheck.web") / "templates"))


def csrf_seed(request: Request) -> str | None:
    return request.cookies.get(SESSION_COOKIE) or request.cookies.get(VISITOR_COOKIE)


def page(request: Request, template: str, context: dict[str, Any] | None = None,
         status: int = 200, headers: dict[str, str] | None = None) -> HTMLResponse:
    """A page; gives the browser a visitor cookie if it has none, for the forms' CSRF token."""
    settings = web(request).settings
    if settings.hosted and not hasattr(request.state, "email") and \
            request.cookies.get(SESSION_COOKIE):
        from legcheck.web.pages_account import session_owner_of

        session_owner_of(request)  # so the navigation shows "Account" rather than "Log in"
    seed, new_visitor = csrf_seed(request), None
    if seed is None:
        seed = new_visitor = secrets.token_urlsafe(24)
    response = TEMPLATES.TemplateResponse(request, template, {
        "csrf": csrf_token(settings.secret_key, seed), "hosted": settings.hosted,
        "email": getattr(request.state, "email", None), **(context or {})},
        status_code=status, headers=headers)
    if new_visitor:
        set_cookie(request, response, VISITOR_COOKIE, new_visitor, max_age=None)
    return response


def set_cookie(request: Request, response: Any, name: str, value: str,
               max_age: int | None) -> None:
    response.set_cookie(name, value, max_age=max_age, httponly=True, samesite="lax",
                        secure=web(request).settings.hosted, path="/")


def require_csrf(request: Request, given: str | None) -> None:
    """403 unless the form's token matches this browser's cookie."""
    if not csrf_valid(web(request).settings.secret_key, csrf_seed(request), given):
        raise HTTPException(403, "this form has expired or did not come from this site; "
                                 "reload the page and try again")
