"""What the diary says, as findings for the check (source "diary"): how often and for how long,
whether it is getting worse, when and what kind, the recent daily context, and logged symptoms.
Pure: it reads an analysis and day entries and returns observations."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from legcheck.diary.analysis import DiaryAnalysis
from legcheck.diary.store import StoredDay
from legcheck.engine.answers import Observation, coerce_value
from legcheck.errors import InputError
from legcheck.knowledge import KnowledgeBase

KIND_FINDINGS = {"twitch": "visible_flicker", "jerk": "limb_jerk", "cramp": "painful_cramp",
                 "urge": "urge_to_move"}
DURING_TIMING = {"rest": "at_rest", "falling-asleep": "falling_asleep", "sleep": "during_sleep",
                 "exercise": "after_exercise", "activity": "any_time"}
RECENT_DAYS = 28


def diary_findings(kb: KnowledgeBase, analysis: DiaryAnalysis, days: Sequence[StoredDay],
                   *, today: date) -> dict[str, Observation]:
    """Findings the diary supports; nothing when it holds no episodes."""
    frequency = analysis.frequency
    if not frequency.total_episodes or frequency.first_episode is None:
        return {}
    said: dict[str, tuple[Any, str]] = {
        "duration_days": ((today - frequency.first_episode).days,
                          f"first episode logged on {frequency.first_episode}"),
        "episodes_per_day": (frequency.last_28_days.per_day or 0,
                             f"{frequency.last_28_days.episodes} episodes in the last "
                             f"{frequency.last_28_days.days} days")}
    said.update(_trend(analysis), **_kinds_and_timing(analysis))
    said.update(_context(days, today))
    return {fid: Observation(fid, _value(kb, fid, value), "diary", span)
            for fid, (value, span) in said.items() if fid in kb.findings}


def _trend(analysis: DiaryAnalysis) -> dict[str, tuple[Any, str]]:
    """A rising count says "getting worse"; a flat or falling one says nothing, because the
    warning sign also covers episodes getting stronger or spreading, which counts cannot show
    (a warning sign is never answered "no" for the person)."""
    verdict = analysis.trend.verdict
    if verdict != "more frequent":
        return {}
    return {"getting_worse": (True, f"trend: {verdict}")}


def _kinds_and_timing(analysis: DiaryAnalysis) -> dict[str, tuple[Any, str]]:
    total = analysis.frequency.total_episodes
    found: dict[str, tuple[Any, str]] = {}
    for kind, count in analysis.frequency.episodes_by_kind.items():
        if kind in KIND_FINDINGS and count / total >= 0.3:
            found[KIND_FINDINGS[kind]] = (True, f"{count} of {total} episodes logged as {kind}")
    noted = {k: v for k, v in analysis.timing.by_during.items() if k in DURING_TIMING}
    if noted and sum(noted.values()):
        during, count = max(noted.items(), key=lambda item: item[1])
        if count / sum(noted.values()) >= 0.5:
            found["timing"] = (DURING_TIMING[during],
                               f"{count} of {sum(noted.values())} episodes logged during {during}")
    return found


def _context(days: Sequence[StoredDay], today: date) -> dict[str, tuple[Any, str]]:
    recent = [d for d in days if today - timedelta(days=RECENT_DAYS) < d.day <= today]
    found: dict[str, tuple[Any, str]] = {}
    for finding, field, scale in (("caffeine_cups_per_day", "caffeine_cups", 1),
                                  ("alcohol_units_per_week", "alcohol_units", 7),
                                  ("sleep_hours", "sleep_hours", 1),
                                  ("stress_level", "stress", 1),
                                  ("fluids_litres_per_day", "fluids_litres", 1)):
        values = [getattr(d, field) for d in recent if getattr(d, field) is not None]
        if values:
            found[finding] = (round(statistics.mean(values) * scale, 1),
                              f"average of {len(values)} days logged")
    for symptom in sorted({s for d in recent for s in d.symptoms}):
        found[symptom] = (True, "symptom logged in the last 28 days")
    return found


def _value(kb: KnowledgeBase, finding_id: str, value: Any) -> Any:
    try:
        return coerce_value(kb.findings[finding_id], value)
    except InputError:
        return None  # outside the finding's range: leave it unknown rather than guess


def symptom_finding(kb: KnowledgeBase, raw: str) -> str:
    """A symptom logged in the diary as the id of a yes/no finding, or InputError."""
    finding_id = raw.strip().lower().replace("-", "_")
    finding = kb.findings.get(finding_id)
    if finding is None or finding.type != "boolean":
        raise InputError(f"unknown symptom '{raw}'; use a yes/no finding id from "
                         f"`legcheck findings`, e.g. numbness_tingling")
    return finding_id
