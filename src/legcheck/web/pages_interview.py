"""The guided check in the browser: one question at a time, warning signs first, each with "why
we ask", "don't know", back and "that's all". The engine picks the question
(`engine.interview.next_question`); everything known so far travels in the form (the text, the
answers as `answer:FINDING` fields, the questions asked in order), so the server keeps nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from legcheck.engine import run_check
from legcheck.engine.answers import coerce_value
from legcheck.engine.interview import Question, next_question, question_for
from legcheck.errors import InputError
from legcheck.knowledge import KnowledgeBase
from legcheck.web.context import client_address, limit_checks
from legcheck.web.pages import ANSWER_PREFIX, answer_page
from legcheck.web.render import page, require_csrf

router = APIRouter(include_in_schema=False)
UNKNOWN = "unknown"  # a "don't know", as the answers file writes it


@dataclass
class Flow:
    """The guided check so far, as read back from the form."""

    text: str | None
    answers: dict[str, str] = field(default_factory=dict)
    asked: list[str] = field(default_factory=list)  # in the order they were put

    @property
    def skipped(self) -> set[str]:
        return {finding for finding in self.asked if finding not in self.answers}


@router.post("/check/next", response_class=HTMLResponse)
async def next_step(request: Request) -> Response:
    form = await request.form()
    require_csrf(request, _one(form.get("csrf")))
    flow = Flow(text=(_one(form.get("text")) or "").strip() or None,
                answers={key.removeprefix(ANSWER_PREFIX): value for key, value in
                         form.multi_items() if key.startswith(ANSWER_PREFIX)
                         and isinstance(value, str) and value},
                asked=[value for value in form.getlist("asked") if isinstance(value, str)])
    values = [value.strip() for value in form.getlist("value")
              if isinstance(value, str) and value.strip()]
    action, finding = _one(form.get("action")) or "next", _one(form.get("finding"))
    return await run_in_threadpool(_step, request, flow, action, finding, values)


def _one(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _step(request: Request, flow: Flow, action: str, finding: str | None,
          values: list[str]) -> Response:
    from legcheck.api import default_knowledge, gather

    kb = default_knowledge()
    if action == "done":
        return answer_page(request, flow.text, flow.answers)
    again: str | None = None
    if action == "back" and flow.asked:
        again = flow.asked.pop()
        flow.answers.pop(again, None)
    elif finding is not None and action in ("next", "dont_know"):
        try:
            _record(kb, flow, finding, UNKNOWN if action == "dont_know" else values)
        except InputError as error:
            return _question_page(request, flow, question_for(
                kb.findings[finding], "information_gain", 0.0), str(error))
    if again is not None:
        return _question_page(request, flow, question_for(kb.findings[again],
                                                          "information_gain", 0.0))
    if not flow.asked:  # an interview counts once against the check limit, not per question
        limit_checks(request, f"client:{client_address(request)}")
    observations = gather(flow.text, flow.answers, knowledge=kb).observations
    level = run_check(kb, observations).triage.level
    step = next_question(kb, observations, flow.skipped)
    if step.done or level == "emergency":  # an emergency is said at once, not after questions
        return answer_page(request, flow.text, flow.answers)
    return _question_page(request, flow, step, level=level)


def _record(kb: KnowledgeBase, flow: Flow, finding_id: str, values: list[str] | str) -> None:
    """Keep the answer (checked against its finding), or a skip when nothing was chosen."""
    finding = kb.findings.get(finding_id)
    if finding is None:
        raise InputError(f"unknown finding '{finding_id}'")
    if values == UNKNOWN:
        flow.answers[finding_id] = UNKNOWN
    elif values:
        coerce_value(finding, values if finding.multiple else values[-1])
        flow.answers[finding_id] = ",".join(values)
    flow.asked.append(finding_id)


def _question_page(request: Request, flow: Flow, question: Question,
                   error: str | None = None, level: str | None = None) -> Response:
    return page(request, "question.html", {
        "question": question, "flow": flow, "number": len(flow.asked) + 1, "error": error,
        "prefix": ANSWER_PREFIX, "level": level}, status=422 if error else 200)
