"""The REST API under /api/v1: thin routes over the same core functions as the CLI."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from fastapi.responses import PlainTextResponse

from legcheck.errors import InputError, StorageError
from legcheck.web import diary_calls as calls
from legcheck.web.context import (
    DiaryAccess,
    api_diary,
    api_owner,
    client_address,
    limit_checks,
    web,
)
from legcheck.web.schemas import (
    CheckRequest,
    DayChange,
    DayCreate,
    EpisodeChange,
    EpisodeCreate,
    InterviewRequest,
)

router = APIRouter()
MAX_ID = 2**31 - 1  # ids are 32-bit integers in PostgreSQL
Diary = Annotated[DiaryAccess, Depends(api_diary)]
Limit = Annotated[int, Query(ge=1, le=1000, description="At most this many entries.")]
Offset = Annotated[int, Query(ge=0, le=MAX_ID, description="Skip this many entries (paging).")]
EpisodeId = Annotated[int, Path(ge=1, le=MAX_ID, description="The episode's id (e12 is 12).")]
DayId = Annotated[int, Path(ge=1, le=MAX_ID, description="The day entry's id (d3 is 3).")]
Since = Annotated[str | None, Query(description="From this date or date and time (included).")]
Until = Annotated[str | None, Query(description="Before this date or date and time.")]


@router.post("/check", tags=["check"], response_model=None,
             responses={200: {"description": "DESIGN.md's JSON, as `legcheck check --format "
                                              "json` prints it"}})
async def check(body: CheckRequest, request: Request) -> Response:
    """The check: the same JSON object as `legcheck check --format json`."""
    if body.text is None and body.answers is None:
        raise InputError("give text, answers or both")
    if body.text is None and not body.diary and web(request).local_owner is not None:
        return _checked(body, request)  # under a millisecond: no thread hand-off
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(_checked, body, request)


def _checked(body: CheckRequest, request: Request) -> Response:
    from legcheck.api import check as run_check

    diary = None
    if body.diary:
        access = api_diary(request)
        limit_checks(request, f"account:{access.owner.account_id}")
        diary = diary_findings(access)
    else:
        limit_checks(request, f"client:{client_address(request)}")
    result = run_check(text=body.text, answers=body.answers, diary=diary).to_dict()
    # json.dumps directly: FastAPI's encoder takes 2 ms on this 50 kB object, the check 0.6 ms
    return Response(json.dumps(result, ensure_ascii=False), media_type="application/json")


@router.post("/interview/next", tags=["check"])
def interview_next(body: InterviewRequest, request: Request) -> dict[str, Any]:
    """The guided check, one question at a time and stateless: send the description, the answers
    so far and the skipped questions; get the next question (warning signs first) or done.

    A question of kind "screen" lists several warning signs (`members`): answer "none of these"
    by sending each member as "no" (don't know: each as "unknown"), or "yes, or not sure" by
    adding the screen's id to `skipped`; its signs are then asked one by one. A question of kind
    "checklist" lists related findings to tick: send each ticked member as "yes" and every other
    member as "no" ("none of these": all "no"; don't know: all "unknown"), or skip it by adding
    its id to `skipped`."""
    from legcheck.api import default_knowledge, gather
    from legcheck.engine.interview import next_question

    kb = default_knowledge()
    unknown = [item for item in body.skipped if item not in kb.findings
               and item not in kb.screens and item not in kb.checklists]
    if unknown:
        raise InputError(f"skipped: unknown finding, screen or checklist '{unknown[0]}'")
    limit_checks(request, f"client:{client_address(request)}")
    observations = gather(body.text, body.answers, knowledge=kb).observations
    return next_question(kb, observations, set(body.skipped)).to_dict()


def diary_findings(access: DiaryAccess) -> dict[str, Any]:
    from legcheck.api import default_knowledge
    from legcheck.diary.findings import diary_findings as findings
    from legcheck.diary.stats import analyse_store

    today, days = access.now().date(), access.store.days()
    return findings(default_knowledge(),
                    analyse_store(access.store, today=today, days=days), days, today=today)


@router.get("/episodes", tags=["diary"])
def list_episodes(diary: Diary, since: Since = None, until: Until = None, limit: Limit = 100,
                  offset: Offset = 0) -> dict[str, Any]:
    """Episodes, newest first, between `since` and `until`, a page at a time."""
    zone_name = diary.store.timezone
    rows = diary.store.episodes(since=calls.moment(since, "since", zone_name),
                                until=calls.moment(until, "until", zone_name),
                                limit=limit, offset=offset, newest_first=True)
    return _page("episodes", [calls.episode_json(row) for row in rows], limit, offset)


def _page(name: str, items: list[dict[str, Any]], limit: int, offset: int) -> dict[str, Any]:
    return {name: items, "limit": limit, "offset": offset,
            "next_offset": offset + limit if len(items) == limit else None}


@router.post("/episodes", status_code=201, tags=["diary"])
def create_episode(body: EpisodeCreate, diary: Diary) -> dict[str, Any]:
    """Log an episode (defaults to now)."""
    return calls.episode_json(calls.add_episode(diary, body.model_dump()))


@router.get("/episodes/{episode_id}", tags=["diary"])
def read_episode(episode_id: EpisodeId, diary: Diary) -> dict[str, Any]:
    return calls.episode_json(diary.store.episode(episode_id=episode_id))


@router.patch("/episodes/{episode_id}", tags=["diary"])
def update_episode(episode_id: EpisodeId, body: EpisodeChange, diary: Diary) -> dict[str, Any]:
    """Change the fields given; the others stay as they were."""
    changes = body.model_dump(exclude_unset=True)
    return calls.episode_json(calls.change_episode(diary, episode_id, changes))


@router.delete("/episodes/{episode_id}", status_code=204, tags=["diary"])
def delete_episode(episode_id: EpisodeId, diary: Diary) -> Response:
    diary.store.delete_episode(episode_id=episode_id)
    return Response(status_code=204)


@router.get("/days", tags=["diary"])
def list_days(diary: Diary, since: Since = None, until: Until = None, limit: Limit = 100,
              offset: Offset = 0) -> dict[str, Any]:
    """Day entries, newest first, between `since` and `until` (dates), a page at a time."""
    zone_name = diary.store.timezone
    start, end = calls.moment(since, "since", zone_name), calls.moment(until, "until", zone_name)
    rows = diary.store.days(since=start.date() if start else None,
                            until=end.date() if end else None, limit=limit, offset=offset,
                            newest_first=True)
    return _page("days", [calls.day_json(row) for row in rows], limit, offset)


@router.post("/days", status_code=201, tags=["diary"])
def create_day(body: DayCreate, diary: Diary) -> dict[str, Any]:
    """Log a day's context; fields left out keep what was logged before for that day."""
    return calls.day_json(calls.add_day(diary, body.model_dump()))


@router.get("/days/{day_id}", tags=["diary"])
def read_day(day_id: DayId, diary: Diary) -> dict[str, Any]:
    return calls.day_json(diary.store.day(day_id=day_id))


@router.patch("/days/{day_id}", tags=["diary"])
def update_day(day_id: DayId, body: DayChange, diary: Diary) -> dict[str, Any]:
    """Replace the fields given (lists included); the others stay as they were."""
    return calls.day_json(calls.change_day(diary, day_id, body.model_dump(exclude_unset=True)))


@router.delete("/days/{day_id}", status_code=204, tags=["diary"])
def delete_day(day_id: DayId, diary: Diary) -> Response:
    diary.store.delete_day(day_id=day_id)
    return Response(status_code=204)


@router.get("/stats", tags=["diary"])
def stats(diary: Diary) -> dict[str, Any]:
    """The same JSON object as `legcheck stats --format json`."""
    from legcheck.diary.stats import analyse_store

    return analyse_store(diary.store, today=diary.now().date()).to_dict()


@router.get("/stats/chart.png", tags=["diary"], response_class=Response,
            responses={200: {"content": {"image/png": {}}}})
def stats_chart(diary: Diary) -> Response:
    """The chart of `legcheck stats --plot`: counts with the trend, and the factor ratios."""
    return Response(calls.chart_png(diary.store, diary.now().date()), media_type="image/png")


@router.get("/export", tags=["diary"], response_class=PlainTextResponse)
def export(diary: Diary, format: Annotated[str, Query(
        pattern="^(json|csv|fhir)$", description="json, csv or fhir (a FHIR R4 Bundle)")
        ] = "json") -> Response:
    """The whole diary, as `legcheck export` writes it (lossless: import reads it back)."""
    body, media, filename = calls.export_text(diary.store, format)
    return Response(body, media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@router.get("/report", tags=["diary"], response_class=Response,
            responses={200: {"content": {"application/pdf": {}, "text/html": {}}}})
def doctor_report(diary: Diary, format: Annotated[str, Query(
        pattern="^(pdf|html)$")] = "pdf", since: Since = None, until: Until = None,
        name: Annotated[str | None, Query(max_length=100)] = None) -> Response:
    """The doctor's report, as `legcheck report` writes it (since/until: YYYY-MM-DD)."""
    data, media, filename = calls.doctor_report(diary.store, kind=format, since=since,
                                                until=until, name=name)
    return Response(data, media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


IMPORT_BODY = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": {"type": "object"}},
    "application/fhir+json": {"schema": {"type": "object"}},
    "text/csv": {"schema": {"type": "string"}}}}}


@router.post("/import", tags=["diary"], openapi_extra=IMPORT_BODY)
async def import_diary(request: Request) -> dict[str, int]:
    """Import a JSON, CSV or FHIR export (Content-Type application/json, text/csv or
    application/fhir+json); all or nothing."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind not in ("application/json", "text/csv", "application/fhir+json"):
        raise InputError("send the export as application/json, text/csv or "
                         "application/fhir+json")
    try:
        text = (await request.body()).decode("utf-8")
    except UnicodeDecodeError:
        raise InputError("the file is not UTF-8 text") from None
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(_import_text, request, text)


def _import_text(request: Request, text: str) -> dict[str, int]:
    from legcheck.diary.transfer import import_document, read_export

    access = api_diary(request)
    episodes, days = import_document(access.store, read_export(text))
    return {"episodes": episodes, "days": days}


@router.get("/health", tags=["service"])
def health(request: Request) -> dict[str, str]:
    """For a load balancer: the process answers and its database is reachable."""
    from sqlalchemy import text
    from sqlalchemy.exc import SQLAlchemyError

    try:
        with web(request).engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError:
        raise StorageError("the database cannot be reached") from None
    return {"status": "ok"}


__all__ = ["api_owner", "router"]
