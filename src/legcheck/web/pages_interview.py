"""The guided check in the browser: one question at a time, warning signs first (a few at a time
as a screen: "none of these", or "yes, or not sure" to go through them one by one; related
findings as a checklist: tick all that apply, or "none of these"), each with
"why we ask", "don't know", back and "that's all". The engine picks the question
(`engine.interview.next_question`); everything known so far travels in the form (the text, the
answers as `answer:FINDING` fields, the questions asked in order, the skipped findings, the
screens opened and the signs each screen listed), so the server keeps nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from legcheck.engine import run_check
from legcheck.engine.answers import coerce_value
from legcheck.engine.interview import (
    SCREEN_NONE,
    SCREEN_YES,
    Question,
    answer_checklist,
    answer_screen,
    checklist_question,
    next_question,
    question_for,
    screen_question,
)
from legcheck.errors import InputError
from legcheck.knowledge import KnowledgeBase
from legcheck.web.context import client_address, limit_checks
from legcheck.web.pages import ANSWER_PREFIX, answer_page
from legcheck.web.render import page, require_csrf

router = APIRouter(include_in_schema=False)
UNKNOWN = "unknown"  # a "don't know", as the answers file writes it
SCREEN_PREFIX = "screen:"


@dataclass
class Flow:
    """The guided check so far, as read back from the form."""

    text: str | None
    answers: dict[str, str] = field(default_factory=dict)
    asked: list[str] = field(default_factory=list)  # question ids, in the order they were put
    skipped: set[str] = field(default_factory=set)  # findings put and not answered
    opened: set[str] = field(default_factory=set)  # screens answered "yes, or not sure"
    # screen or checklist -> the findings it listed
    screens: dict[str, list[str]] = field(default_factory=dict)


@router.post("/check/next", response_class=HTMLResponse)
async def next_step(request: Request) -> Response:
    form = await request.form()
    require_csrf(request, _one(form.get("csrf")))
    flow = Flow(text=(_one(form.get("text")) or "").strip() or None,
                answers={key.removeprefix(ANSWER_PREFIX): value for key, value in
                         form.multi_items() if key.startswith(ANSWER_PREFIX)
                         and isinstance(value, str) and value},
                asked=_all(form, "asked"), skipped=set(_all(form, "skipped")),
                opened=set(_all(form, "opened")),
                screens={key.removeprefix(SCREEN_PREFIX): value.split(",") for key, value in
                         form.multi_items() if key.startswith(SCREEN_PREFIX)
                         and isinstance(value, str) and value})
    values = [value.strip() for value in _all(form, "value") if value.strip()]
    action, asked_now = _one(form.get("action")) or "next", _one(form.get("finding"))
    return await run_in_threadpool(_step, request, flow, action, asked_now, values,
                                   _all(form, "member"))


def _one(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _all(form: Any, name: str) -> list[str]:
    return [value for value in form.getlist(name) if isinstance(value, str)]


def _step(request: Request, flow: Flow, action: str, asked_now: str | None,
          values: list[str], members: list[str]) -> Response:
    from legcheck.api import default_knowledge, gather

    kb = default_knowledge()
    flow.screens = _listed_members(kb, flow.screens)
    if action == "done":
        return answer_page(request, flow.text, flow.answers)
    if action == "back" and flow.asked:
        return _question_page(request, flow, _forget_last(kb, flow))
    if asked_now is not None and action in ("next", "dont_know"):
        question = _question(kb, flow, asked_now, members)
        try:
            _record(kb, flow, question, None if action == "dont_know" else values)
        except InputError as error:
            return _question_page(request, flow, question, str(error))
    if not flow.asked:  # an interview counts once against the check limit, not per question
        limit_checks(request, f"client:{client_address(request)}")
    observations = gather(flow.text, flow.answers, knowledge=kb).observations
    level = run_check(kb, observations).triage.level
    step = next_question(kb, observations, flow.skipped | flow.opened)
    if step.done or level == "emergency":  # an emergency is said at once, not after questions
        return answer_page(request, flow.text, flow.answers)
    return _question_page(request, flow, step, level=level)


def _listed_members(kb: KnowledgeBase, screens: dict[str, list[str]]) -> dict[str, list[str]]:
    """The `screen:` fields come back from the browser: keep only screens and checklists of the
    knowledge base and, in each, only findings that belong to it (a stale or tampered field
    must not reach the engine)."""
    groups = {**kb.screens, **kb.checklists}
    kept = {question_id: [m for m in members if m in groups[question_id].findings
                          and m in kb.findings]
            for question_id, members in screens.items() if question_id in groups}
    return {question_id: members for question_id, members in kept.items() if members}


def _question(kb: KnowledgeBase, flow: Flow, question_id: str, members: list[str]) -> Question:
    """The question that was on the page (a screen lists its signs in `member` fields)."""
    if question_id in kb.screens:
        screen = kb.screens[question_id]
        listed = flow.screens.get(question_id) or [
            member for member in members if member in screen.findings]
        return screen_question(kb, screen, listed or list(screen.findings))
    if question_id in kb.checklists:
        checklist = kb.checklists[question_id]
        listed = flow.screens.get(question_id) or [
            member for member in members if member in checklist.findings]
        return checklist_question(kb, checklist, listed or list(checklist.findings))
    if question_id not in kb.findings:
        raise InputError(f"unknown question '{question_id}'")
    return question_for(kb.findings[question_id], "information_gain", 0.0)


def _record(kb: KnowledgeBase, flow: Flow, question: Question, values: list[str] | None) -> None:
    """Keep the answer (checked), don't know (`values` None), or a skip (nothing chosen)."""
    if question.kind == "screen":
        _record_screen(flow, question, values)
    elif question.kind == "checklist":
        _record_checklist(flow, question, values)
    elif values is None:
        flow.answers[question.finding] = UNKNOWN
    elif values:
        finding = kb.findings[question.finding]
        coerce_value(finding, values if finding.multiple else values[-1])
        flow.answers[question.finding] = ",".join(values)
    else:
        flow.skipped.add(question.finding)
    flow.asked.append(question.finding)


def _record_screen(flow: Flow, question: Question, values: list[str] | None) -> None:
    members = [finding for finding, _ in question.members]
    reply = None if values is None else (values[-1] if values else "")
    if reply not in (None, "", SCREEN_NONE, SCREEN_YES):
        raise InputError("choose 'None of these' or 'Yes, or not sure'")
    flow.screens[question.finding] = members
    if reply == "":
        flow.skipped.update(members)
        return
    added, opened = answer_screen(question, reply)
    flow.opened |= opened
    for finding, observation in added.items():
        flow.answers[finding] = UNKNOWN if observation.value is None else (
            "yes" if observation.value else "no")


CHECKLIST_NONE = "none"


def _record_checklist(flow: Flow, question: Question, values: list[str] | None) -> None:
    """Ticked members are yes and the others no; "none of these" (alone) makes them all no;
    nothing chosen skips the checklist; don't know leaves them all unknown."""
    members = [finding for finding, _ in question.members]
    if values is not None and CHECKLIST_NONE in values and len(values) > 1:
        raise InputError("choose 'None of these' or the ones that apply, not both")
    strange = [value for value in values or () if value not in members
               and value != CHECKLIST_NONE]
    if strange:
        raise InputError(f"'{strange[0]}' is not one of the choices")
    flow.screens[question.finding] = members
    if values == []:
        flow.skipped.update(members)
        return
    ticked = None if values is None else [value for value in values if value in members]
    for finding, observation in answer_checklist(question, ticked).items():
        flow.answers[finding] = UNKNOWN if observation.value is None else (
            "yes" if observation.value else "no")


def _forget_last(kb: KnowledgeBase, flow: Flow) -> Question:
    """Undo the last answer and return its question, to be asked again."""
    last = flow.asked.pop()
    for finding in [last, *flow.screens.get(last, ())]:
        flow.answers.pop(finding, None)
        flow.skipped.discard(finding)
    flow.opened.discard(last)
    return _question(kb, flow, last, [])


def _question_page(request: Request, flow: Flow, question: Question,
                   error: str | None = None, level: str | None = None) -> Response:
    return page(request, "question.html", {
        "question": question, "flow": flow, "number": len(flow.asked) + 1, "error": error,
        "prefix": ANSWER_PREFIX, "screen_prefix": SCREEN_PREFIX, "level": level},
        status=422 if error else 200)
