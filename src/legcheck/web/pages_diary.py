"""The diary pages: log an episode in two taps, the day's context, the list with edit and
delete, and the statistics in plain words with charts."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from legcheck.errors import InputError
from legcheck.report.answer_html import BANNERS
from legcheck.web import diary_calls as calls
from legcheck.web.context import client_address, limit_checks
from legcheck.web.pages import ANSWER_PREFIX, page_access
from legcheck.web.render import page, require_csrf

router = APIRouter(include_in_schema=False)
EntryId = Annotated[int, Path(ge=1, le=2**31 - 1)]
PAGE_SIZE = 50
EPISODE_FIELDS = ("kind", "at", "where", "intensity", "during", "note")
DAY_NUMBERS = ("caffeine_cups", "alcohol_units", "sleep_hours", "stress", "exercise_minutes",
               "fluids_litres")
LOCATIONS = ("left-calf", "right-calf", "both-calves", "left-thigh", "right-thigh",
             "both-thighs", "left-foot", "right-foot", "whole-leg", "both-legs")
THREE_HOURS = 3
SAVED_CHECKS = 10  # the newest saved checks listed on the diary page
UNREADABLE = "Result could not be read (you can delete this check)"


async def form_of(request: Request) -> dict[str, Any]:
    """The form's fields (lists for repeated names), after checking its CSRF token."""
    form = await request.form()
    require_csrf(request, form.get("csrf") if isinstance(form.get("csrf"), str) else None)
    fields: dict[str, Any] = {}
    for key, value in form.multi_items():
        if key != "csrf" and isinstance(value, str):
            fields.setdefault(key, []).append(value.strip())
    return fields


def one(fields: dict[str, Any], name: str) -> str | None:
    values = [v for v in fields.get(name, []) if v]
    return values[-1] if values else None


def episode_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """Blank means not noted; numbers stay text for the entry model to check."""
    return {name: one(fields, name) for name in EPISODE_FIELDS}


def day_form_fields(fields: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = {name: one(fields, name) for name in (*DAY_NUMBERS, "note")}
    data["day"] = one(fields, "day") or "today"
    data["medicines"] = [m for m in (one(fields, "medicines") or "").split(",") if m.strip()]
    data["symptoms"] = [s for s in fields.get("symptoms", []) if s]
    return data


@router.get("/diary", response_class=HTMLResponse)
def diary(request: Request, page_number: int = 1) -> Response:
    last_page = 2**31 // PAGE_SIZE  # past it the offset is beyond what a database counts
    return page(request, "diary.html", diary_context(page_access(request),
                                                     min(max(page_number, 1), last_page)))


def diary_context(access: Any, page_number: int) -> dict[str, Any]:
    from legcheck.api import default_knowledge
    from legcheck.diary.stats import analyse_store

    store, today = access.store, access.now().date()
    episodes = store.episodes(limit=PAGE_SIZE + 1, offset=(page_number - 1) * PAGE_SIZE,
                              newest_first=True)
    analysis = analyse_store(store, today=today)
    kb = default_knowledge()
    symptoms = [f for f in kb.findings.values()
                if f.type == "boolean" and f.group in ("symptom", "warning")]
    return {"episodes": episodes[:PAGE_SIZE], "more": len(episodes) > PAGE_SIZE,
            "checks": [check_row(c) for c in reversed(store.checks()[-SAVED_CHECKS:])],
            "page_number": page_number, "days": store.days(since=today - timedelta(days=60),
                                                           newest_first=True),
            "analysis": analysis, "by_time": time_blocks(analysis.timing.by_hour),
            "today": today.isoformat(), "locations": LOCATIONS, "symptoms": symptoms,
            "labels": {f.id: f.label for f in symptoms}}


def check_row(check: Any) -> dict[str, Any]:
    """A saved check as the diary lists it: when, the triage level, the likeliest condition."""
    from legcheck.diary.check_result import readable

    row = {"id": check.id, "taken_at": check.taken_at, "text": check.text,
           "level_word": UNREADABLE, "top": None}
    if readable(check.result):  # one stored before imports were checked may not be
        conditions = check.result["conditions"]
        row["level_word"] = BANNERS[check.result["triage"]["level"]]
        row["top"] = conditions[0]["name"] if conditions else None
    return row


def time_blocks(by_hour: tuple[int, ...]) -> list[tuple[str, int, int]]:
    """Episodes in three-hour blocks: (label, count, bar width in percent, leaving room for the
    number beside the longest bar)."""
    counts = [sum(by_hour[start:start + THREE_HOURS]) for start in range(0, 24, THREE_HOURS)]
    top = max(counts) or 1
    return [(f"{start:02d}:00-{start + THREE_HOURS:02d}:00", count, round(80 * count / top))
            for start, count in zip(range(0, 24, THREE_HOURS), counts, strict=True)]


@router.get("/diary/chart.png")
def chart(request: Request) -> Response:
    access = page_access(request)
    return Response(calls.chart_png(access.store, access.now().date()), media_type="image/png",
                    headers={"Cache-Control": "no-store"})


def back_to_diary(anchor: str = "") -> Response:
    return RedirectResponse(f"/diary{anchor}", status_code=303)


@router.post("/diary/episodes")
async def log_episode(request: Request) -> Response:
    fields = episode_fields(await form_of(request))
    await run_in_threadpool(calls.add_episode, page_access(request), fields)
    return back_to_diary("#entries")


@router.get("/diary/episodes/{episode_id}/edit", response_class=HTMLResponse)
def edit_episode(request: Request, episode_id: EntryId) -> Response:
    episode = page_access(request).store.episode(episode_id=episode_id)
    return page(request, "episode_edit.html", {"episode": episode, "locations": LOCATIONS})


@router.post("/diary/episodes/{episode_id}")
async def change_episode(request: Request, episode_id: EntryId) -> Response:
    fields = episode_fields(await form_of(request))
    fields["at"] = fields["at"] or "now"
    await run_in_threadpool(calls.change_episode, page_access(request), episode_id, fields)
    return back_to_diary("#entries")


@router.post("/diary/episodes/{episode_id}/delete")
async def delete_episode(request: Request, episode_id: EntryId) -> Response:
    await form_of(request)
    page_access(request).store.delete_episode(episode_id=episode_id)
    return back_to_diary("#entries")


@router.post("/check/save")
async def save_check(request: Request) -> Response:
    """Save the check on the answer page (its description and answers, checked again) to the
    diary, so the diary page and the doctor's report can show how the picture changed."""
    fields = await form_of(request)
    text = (one(fields, "text") or "").strip() or None
    answers = {key.removeprefix(ANSWER_PREFIX): value for key in fields
               if key.startswith(ANSWER_PREFIX) and (value := one(fields, key))}
    if text is None and not answers:
        raise InputError("there is no check to save: describe your leg jerks first")
    access = page_access(request)
    limit_checks(request, f"client:{client_address(request)}")
    await run_in_threadpool(calls.save_check, access, text, answers)
    return back_to_diary("#checks")


@router.post("/diary/checks/{check_id}/delete")
async def delete_check(request: Request, check_id: EntryId) -> Response:
    await form_of(request)
    page_access(request).store.delete_check(check_id=check_id)
    return back_to_diary("#checks")


@router.post("/diary/days")
async def log_day(request: Request) -> Response:
    fields = day_form_fields(await form_of(request))
    await run_in_threadpool(calls.add_day, page_access(request), fields)
    return back_to_diary("#days")


@router.get("/diary/days/{day_id}/edit", response_class=HTMLResponse)
def edit_day(request: Request, day_id: EntryId) -> Response:
    from legcheck.api import default_knowledge

    day = page_access(request).store.day(day_id=day_id)
    symptoms = [f for f in default_knowledge().findings.values()
                if f.type == "boolean" and f.group in ("symptom", "warning")]
    return page(request, "day_edit.html", {"day": day, "symptoms": symptoms})


@router.post("/diary/days/{day_id}")
async def change_day(request: Request, day_id: EntryId) -> Response:
    fields = day_form_fields(await form_of(request))
    await run_in_threadpool(calls.change_day, page_access(request), day_id, fields)
    return back_to_diary("#days")


@router.post("/diary/days/{day_id}/delete")
async def delete_day(request: Request, day_id: EntryId) -> Response:
    await form_of(request)
    page_access(request).store.delete_day(day_id=day_id)
    return back_to_diary("#days")
