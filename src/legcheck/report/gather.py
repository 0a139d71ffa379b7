"""Gather what the doctor's report needs from a diary store, build it and render it: the one core
function behind `legcheck report` (and the web app's report page)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Literal

from legcheck.diary.check_result import readable
from legcheck.diary.entries import EARLIEST_DAY
from legcheck.diary.store import DiaryStore
from legcheck.diary.when import zone
from legcheck.errors import InputError
from legcheck.knowledge import KnowledgeBase
from legcheck.report.doctor import DoctorReport, ReportInputs, SavedCheck, build_report

DEFAULT_DAYS = 90


def report_period(since: date | None, until: date | None, *, today: date) -> tuple[date, date]:
    """The period covered, both days included: by default the last 90 days to today."""
    for name, day in (("--since", since), ("--until", until)):
        if day is not None and day < EARLIEST_DAY:
            raise InputError(f"{name} {day} is before {EARLIEST_DAY:%Y-%m-%d}")
    until = until or today
    since = since or until - timedelta(days=DEFAULT_DAYS - 1)
    if since > until:
        raise InputError(f"--since {since} is after --until {until}")
    if until > today:
        raise InputError(f"--until {until} is in the future")
    return since, until


def gather(store: DiaryStore, *, since: date, until: date, name: str | None, now: datetime,
           knowledge: KnowledgeBase) -> ReportInputs:
    """Read the store over the period; when no check was saved, run one from the diary."""
    from legcheck.diary.stats import analyse_store

    local = zone(store.timezone)
    start = datetime.combine(since, time(), local)
    end = datetime.combine(until + timedelta(days=1), time(), local)
    days = tuple(store.days(since=since, until=until + timedelta(days=1)))
    analysis = analyse_store(store, today=until, since=since, days=days)
    stored = store.checks(since=start, until=end)
    # a check stored before imports were checked may have a result the report cannot read
    saved = tuple(SavedCheck(c.taken_at, c.result) for c in stored if readable(c.result))
    latest, computed = (saved[-1], False) if saved else (
        _check_from_diary(knowledge, analysis, days, until, now), True)
    return ReportInputs(
        made_at=now, since=since, until=until, name=name, timezone=store.timezone,
        analysis=analysis, tallies=store.episode_tallies(since=start, until=end), days=days,
        checks=saved, latest=latest, latest_computed=computed,
        unreadable_checks=len(stored) - len(saved),
        questions={cid: c.questions_for_doctor for cid, c in knowledge.conditions.items()},
        finding_labels={fid: f.label for fid, f in knowledge.findings.items()})


def _check_from_diary(knowledge: KnowledgeBase, analysis: object, days: tuple, until: date,
                      now: datetime) -> SavedCheck:
    from legcheck.api import check
    from legcheck.diary.findings import diary_findings

    findings = diary_findings(knowledge, analysis, days, today=until)  # type: ignore[arg-type]
    return SavedCheck(now, check(knowledge=knowledge, diary=findings).to_dict())


def make_report(store: DiaryStore, *, since: date | None, until: date | None, name: str | None,
                output_format: Literal["pdf", "html"], knowledge: KnowledgeBase,
                now: datetime | None = None) -> bytes:
    """The report as PDF or HTML bytes."""
    from legcheck.report.html import render_html, render_pdf

    now = now or datetime.now(zone(store.timezone))
    first, last = report_period(since, until, today=now.date())
    report: DoctorReport = build_report(gather(store, since=first, until=last, name=name,
                                               now=now, knowledge=knowledge))
    return render_pdf(report) if output_format == "pdf" else render_html(report).encode()
