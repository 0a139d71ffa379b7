"""The pages: describe -> answer, the diary, the report. Server-rendered, usable without
JavaScript; every route parses the form, calls the core, and renders a template."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from legcheck.errors import InputError
from legcheck.web.context import DiaryAccess, access_for, client_address, limit_checks, web
from legcheck.web.render import page, require_csrf

router = APIRouter(include_in_schema=False)
Csrf = Annotated[str | None, Form()]
ANSWER_PREFIX = "answer:"


def error_page(request: Request, status: int, message: str,
               headers: dict[str, str] | None = None) -> Response:
    if status == 401 and not request.url.path.startswith("/api/"):
        return RedirectResponse("/login", status_code=303)
    return page(request, "error.html", {"status": status, "message": message}, status, headers)


def page_access(request: Request) -> DiaryAccess:
    """The diary behind a page: local mode's one person, or the logged-in account (else 401,
    which the error handler turns into a redirect to the login page)."""
    from legcheck.web.pages_account import session_owner_of

    context = web(request)
    owner = context.local_owner or session_owner_of(request)
    if owner is None:
        raise HTTPException(401, "log in first")
    return access_for(request, owner)


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> Response:
    return page(request, "home.html")


@router.get("/answer")
def answer_without_form() -> Response:
    return RedirectResponse("/", status_code=303)


@router.post("/answer", response_class=HTMLResponse)
async def answer(request: Request) -> Response:
    """The answer for the description and the answers given so far (all carried in the form)."""
    form = await request.form()
    require_csrf(request, _text(form.get("csrf")))
    text = (_text(form.get("text")) or "").strip() or None
    answers = {key.removeprefix(ANSWER_PREFIX): _text(value) for key, value in form.multi_items()
               if key.startswith(ANSWER_PREFIX) and _text(value)}
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(answer_page, request, text, answers)


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def answer_page(request: Request, text: str | None, answers: dict[str, str]) -> Response:
    """The answer for the description and answers (from the form, or the guided check)."""
    from legcheck.api import check, default_knowledge
    from legcheck.report.answer_html import render_html

    if text is None and not answers:
        raise InputError("describe your leg jerks in a few words first")
    limit_checks(request, f"client:{client_address(request)}")
    result = check(text=text, answers=answers)
    kb = default_knowledge()
    questions = [(sign, kb.findings[sign.id]) for sign in result.warning_signs
                 if sign.id in result.unasked_red_flags and sign.id in kb.findings]
    return page(request, "answer.html", {
        "level": result.triage.level, "answer_html": render_html(result), "text": text or "",
        "answers": answers, "questions": questions, "prefix": ANSWER_PREFIX})


@router.get("/report", response_class=HTMLResponse)
def report(request: Request) -> Response:
    page_access(request)
    return page(request, "report.html")


@router.get("/report/diary.{kind}")
def report_export(request: Request, kind: str) -> Response:
    from legcheck.web.diary_calls import export_text

    kinds = {"json": "json", "csv": "csv", "fhir.json": "fhir"}
    if kind not in kinds:
        raise HTTPException(404, "the export is diary.json, diary.csv or diary.fhir.json")
    body, media, filename = export_text(page_access(request).store, kinds[kind])
    return Response(body, media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@router.get("/report/doctor")
def report_doctor(request: Request, format: str = "pdf", since: str | None = None,
                  until: str | None = None, name: str | None = None) -> Response:
    """The doctor's report from the report page's form (a GET: it changes nothing)."""
    from legcheck.web.diary_calls import doctor_report

    data, media, filename = doctor_report(page_access(request).store, kind=format,
                                          since=since, until=until, name=name)
    disposition = "inline" if format == "html" else "attachment"
    return Response(data, media_type=media,
                    headers={"Content-Disposition": f'{disposition}; filename="{filename}"'})


@router.post("/report/import", response_class=HTMLResponse)
async def report_import(request: Request) -> Response:
    from starlette.datastructures import UploadFile

    form = await request.form()
    require_csrf(request, _text(form.get("csrf")))
    upload = form.get("file")
    if not isinstance(upload, UploadFile):
        raise InputError("choose an export file (diary.json or diary.csv) to import")
    try:
        content = (await upload.read()).decode("utf-8")
    except UnicodeDecodeError:
        raise InputError("the file is not UTF-8 text") from None
    finally:
        await form.close()
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(_import_page, request, content)


def _import_page(request: Request, content: str) -> Response:
    from legcheck.diary.transfer import import_document, read_export

    episodes, days = import_document(page_access(request).store, read_export(content))
    return page(request, "report.html",
                {"notice": f"Imported {episodes} episodes and {days} day entries."})


__all__ = ["answer_page", "error_page", "page_access", "router"]
