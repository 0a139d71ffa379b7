"""The diary operations the API and the pages share: parse what a person typed, call the store.
Kept apart from the routes so that both interfaces accept exactly the same input."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, time
from typing import Any

from legcheck.api import default_knowledge
from legcheck.diary.entries import DayIn, EpisodeIn, checked
from legcheck.diary.findings import symptom_finding
from legcheck.diary.store import DiaryStore, StoredDay, StoredEpisode
from legcheck.diary.transfer import day_dict, episode_dict
from legcheck.diary.when import parse_day, parse_when, zone
from legcheck.errors import InputError
from legcheck.web.context import DiaryAccess


def add_episode(access: DiaryAccess, fields: dict[str, Any]) -> StoredEpisode:
    data = {**fields, "at": parse_when(str(fields.get("at") or "now"), now=access.now())}
    episode_id = access.store.add_episode(checked(EpisodeIn, data))
    return access.store.episode(episode_id=episode_id)


def change_episode(access: DiaryAccess, episode_id: int, changes: dict[str, Any]
                   ) -> StoredEpisode:
    access.store.episode(episode_id=episode_id)  # 404 before 422 for someone else's id
    if "at" in changes:
        changes = {**changes, "at": parse_when(str(changes["at"] or "now"), now=access.now())}
    return access.store.update_episode(episode_id=episode_id, changes=changes)


def day_fields(access: DiaryAccess, fields: dict[str, Any]) -> dict[str, Any]:
    data = dict(fields)
    if "day" in data:
        data["day"] = parse_day(str(data["day"] or "today"), today=access.now().date())
    kb = default_knowledge()
    for name in ("medicines", "symptoms"):
        if data.get(name) is not None:
            items = [str(item).strip() for item in data[name] if str(item).strip()]
            data[name] = tuple(symptom_finding(kb, s) for s in items) if name == "symptoms" \
                else tuple(items)
    return data


def add_day(access: DiaryAccess, fields: dict[str, Any]) -> StoredDay:
    entry = checked(DayIn, day_fields(access, {"day": "today", **fields}))
    return access.store.day(day_id=access.store.add_day(entry))


def change_day(access: DiaryAccess, day_id: int, changes: dict[str, Any]) -> StoredDay:
    access.store.day(day_id=day_id)
    return access.store.update_day(day_id=day_id, changes=day_fields(access, changes))


def moment(text: str | None, name: str, timezone_name: str) -> datetime | None:
    """A date (its start, in the person's zone) or an ISO date and time, for list filters."""
    if text is None or not text.strip():
        return None
    try:
        if len(text.strip()) == 10:
            return datetime.combine(date.fromisoformat(text.strip()), time(),
                                    zone(timezone_name))
        parsed = datetime.fromisoformat(text.strip())
    except ValueError:
        raise InputError(f"{name}: give a date (2026-11-20) or a date and time") from None
    parsed = parsed if parsed.tzinfo else parsed.replace(tzinfo=zone(timezone_name))
    try:
        parsed.astimezone(UTC)  # how the database compares it; year 1 at +14:00 is not a time
    except OverflowError:
        raise InputError(f"{name}: {text.strip()} is out of range") from None
    return parsed


def save_check(access: DiaryAccess, text: str | None, answers: dict[str, str]) -> int:
    """Check the description and answers again and keep the input and result in the diary."""
    from legcheck.api import check

    result = check(text=text, answers=answers)
    return access.store.add_check(taken_at=access.now(), text=text, answers=answers,
                                  result=result.to_dict())


def episode_json(episode: StoredEpisode) -> dict[str, Any]:
    return episode_dict(episode)


def day_json(day: StoredDay) -> dict[str, Any]:
    return day_dict(day)


def chart_png(store: DiaryStore, today: date) -> bytes:
    """The statistics chart (counts with trend, factor ratios) drawn by the CLI's plot code,
    narrower and with larger text, so that it stays readable on a phone."""
    import matplotlib

    from legcheck.diary.stats import analyse_store, plot

    buffer = io.BytesIO()
    with matplotlib.rc_context({"font.size": 12}):
        plot(analyse_store(store, today=today), buffer, size=(4.8, 6.4))
    return buffer.getvalue()


def export_text(store: DiaryStore, kind: str) -> tuple[str, str, str]:
    """(body, media type, file name) of a whole-diary export, as `legcheck export` writes it."""
    from legcheck.diary.transfer import export_csv, export_document, export_json

    if kind == "csv":
        return export_csv(store), "text/csv; charset=utf-8", "diary.csv"
    if kind == "fhir":
        from legcheck.report.fhir import bundle, dumps

        return (dumps(bundle(export_document(store), default_knowledge())),
                "application/fhir+json", "diary.fhir.json")
    return export_json(store), "application/json", "diary.json"


def doctor_report(store: DiaryStore, *, kind: str, since: str | None, until: str | None,
                  name: str | None) -> tuple[bytes, str, str]:
    """(bytes, media type, file name) of the doctor's report, as `legcheck report` writes it."""
    from legcheck.report.gather import make_report

    if kind not in ("pdf", "html"):
        raise InputError("format: pdf or html")
    if name is not None and len(name.strip()) > 100:
        raise InputError("name: at most 100 characters")
    data = make_report(store, since=_report_day(since, "since"),
                       until=_report_day(until, "until"),
                       name=name.strip() if name and name.strip() else None,
                       output_format=kind, knowledge=default_knowledge())  # type: ignore[arg-type]
    media = "application/pdf" if kind == "pdf" else "text/html; charset=utf-8"
    return data, media, f"legcheck-report.{kind}"


def _report_day(text: str | None, name: str) -> date | None:
    if text is None or not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(f"{name}: give a date like 2026-11-20, not '{text}'") from None
