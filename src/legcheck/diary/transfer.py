"""Export the whole diary as JSON or CSV, and import it back without loss.

An import is all or nothing: every entry is checked first, and the entries are written in one
transaction, so a malformed file changes nothing."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import asdict
from datetime import date, datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from legcheck.diary.entries import DayIn, EpisodeIn, checked
from legcheck.diary.models import Check, Day, Episode
from legcheck.diary.store import DiaryStore, StoredCheck, StoredDay, StoredEpisode
from legcheck.diary.when import zone
from legcheck.errors import InputError

FORMAT = "legcheck-diary"
VERSION = 1
CSV_COLUMNS = ("type", "id", "at", "timezone", "kind", "where", "intensity", "during",
               "duration_seconds", "day", "caffeine_cups", "alcohol_units", "sleep_hours",
               "stress", "exercise_minutes", "fluids_litres", "medicines", "symptoms", "note",
               "check")


def export_json(store: DiaryStore) -> str:
    return json.dumps(_document(store), indent=2, ensure_ascii=False) + "\n"


def export_document(store: DiaryStore) -> dict[str, Any]:
    """The whole diary as the JSON export's document (what the FHIR export is built from)."""
    return _document(store)


def _document(store: DiaryStore) -> dict[str, Any]:
    return {"format": FORMAT, "version": VERSION, "timezone": store.timezone,
            "episodes": [episode_dict(e) for e in store.episodes()],
            "days": [day_dict(d) for d in store.days()],
            "checks": [_check_dict(c) for c in store.checks()]}


def episode_dict(episode: StoredEpisode) -> dict[str, Any]:
    data = asdict(episode)
    data["timezone"] = getattr(episode.at.tzinfo, "key", "UTC")
    data["at"] = episode.at.isoformat()
    return data


def day_dict(day: StoredDay) -> dict[str, Any]:
    data = asdict(day)
    data["day"] = day.day.isoformat()
    data["medicines"], data["symptoms"] = list(day.medicines), list(day.symptoms)
    return data


def _check_dict(saved: StoredCheck) -> dict[str, Any]:
    return {"id": saved.id, "at": saved.taken_at.isoformat(),
            "timezone": getattr(saved.taken_at.tzinfo, "key", "UTC"),
            "knowledge_version": saved.knowledge_version, "text": saved.text,
            "answers": saved.answers, "result": saved.result}


def export_csv(store: DiaryStore) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    document = _document(store)
    for episode in document["episodes"]:
        writer.writerow({"type": "episode", **episode})
    for day in document["days"]:
        writer.writerow({"type": "day", **day, "medicines": ";".join(day["medicines"]),
                         "symptoms": ";".join(day["symptoms"])})
    for saved in document["checks"]:  # a check is nested data: one JSON cell
        writer.writerow({"type": "check", "id": saved["id"], "at": saved["at"],
                         "timezone": saved["timezone"],
                         "check": json.dumps({k: saved[k] for k in _CHECK_DATA},
                                             ensure_ascii=False, sort_keys=True)})
    return out.getvalue()


_CHECK_DATA = ("knowledge_version", "text", "answers", "result")


def read_export(text: str) -> dict[str, Any]:
    """A JSON or CSV export, as the JSON document; InputError if it is neither."""
    stripped = text.lstrip()
    if stripped.startswith("{"):
        try:
            document = json.loads(text)
        except json.JSONDecodeError as error:
            raise InputError(f"the file is not valid JSON (line {error.lineno})") from None
        if isinstance(document, dict) and document.get("resourceType") == "Bundle":
            from legcheck.report.fhir_read import document_from_bundle

            return document_from_bundle(document)
        if not isinstance(document, dict) or document.get("format") != FORMAT:
            raise InputError(f"the file is not a {FORMAT} export")
        return document
    if stripped.startswith("type,"):
        return _csv_document(text)
    raise InputError("the file is neither a JSON nor a CSV diary export, nor a FHIR bundle")


def _csv_document(text: str) -> dict[str, Any]:
    episodes, days, checks = [], [], []
    for number, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
        values = {key: (value if value != "" else None) for key, value in row.items()}
        if values.get("type") == "episode":
            episodes.append({k: values.get(k) for k in ("id", "at", "timezone", "kind", "where",
                                                        "intensity", "during",
                                                        "duration_seconds", "note")})
        elif values.get("type") == "day":
            day = {k: values.get(k) for k in ("id", "day", "caffeine_cups", "alcohol_units",
                                              "sleep_hours", "stress", "exercise_minutes",
                                              "fluids_litres", "note")}
            day["medicines"] = [m for m in (values.get("medicines") or "").split(";") if m]
            day["symptoms"] = [s for s in (values.get("symptoms") or "").split(";") if s]
            days.append(day)
        elif values.get("type") == "check":
            checks.append({"id": values.get("id"), "at": values.get("at"),
                           "timezone": values.get("timezone"),
                           **_check_cell(values.get("check"), number)})
        else:
            raise InputError(f"line {number}: type must be 'episode', 'day' or 'check'")
    return {"format": FORMAT, "version": VERSION, "episodes": episodes, "days": days,
            "checks": checks}


def _check_cell(cell: str | None, number: int) -> dict[str, Any]:
    try:
        data = json.loads(cell or "")
    except json.JSONDecodeError:
        raise InputError(f"line {number}: the check column is not valid JSON") from None
    if not isinstance(data, dict):
        raise InputError(f"line {number}: the check column must be a JSON object")
    return data


def import_document(store: DiaryStore, document: dict[str, Any]) -> tuple[int, int]:
    """Check every entry, then write them all in one transaction; returns (episodes, days)."""
    episodes = [_checked_episode(item, index) for index, item in
                enumerate(_list(document, "episodes"))]
    days = [_checked_day(item, index) for index, item in enumerate(_list(document, "days"))]
    checks = [_checked_check(item, index) for index, item in
              enumerate(_list(document, "checks"))]
    try:
        with Session(store.engine) as session, session.begin():
            _write_all(session, store, episodes, days)
            _write_checks(session, store, checks)
    except IntegrityError:
        raise InputError("the diary already holds entries with the ids in this file; nothing was "
                         "imported (import into an empty diary, or remove the ids)") from None
    return len(episodes), len(days)


def _write_all(session: Session, store: DiaryStore,
               episodes: list[tuple[int | None, EpisodeIn, str]],
               days: list[tuple[int | None, DayIn]]) -> None:
    for entry_id, entry, zone_name in episodes:
        session.add(Episode(id=entry_id, profile_id=store.profile_id, occurred_at=entry.at,
                            timezone=zone_name, kind=entry.kind, location=entry.where,
                            intensity=entry.intensity, during=entry.during,
                            duration_seconds=entry.duration_seconds, note=entry.note,
                            created_at=datetime.now(entry.at.tzinfo)))
    for entry_id, day in days:
        session.add(Day(id=entry_id, profile_id=store.profile_id, day=day.day,
                        **{name: getattr(day, name) for name in _DAY_VALUES},
                        medicines=list(day.medicines), symptoms=list(day.symptoms)))
    session.flush()
    if session.get_bind().dialect.name == "postgresql":  # explicit ids do not move sequences
        for table in ("episodes", "days"):
            session.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                 f"GREATEST((SELECT MAX(id) FROM {table}), 1))"))


def _write_checks(session: Session, store: DiaryStore, checks: list[Check]) -> None:
    for row in checks:
        row.profile_id = store.profile_id
        session.add(row)
    session.flush()
    if checks and session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT setval(pg_get_serial_sequence('checks', 'id'), "
                             "GREATEST((SELECT MAX(id) FROM checks), 1))"))


def _checked_check(item: Any, index: int) -> Check:
    where = f"checks[{index}]"
    if not isinstance(item, dict):
        raise InputError(f"{where}: must be an object")
    zone_name = item.get("timezone") or "UTC"
    try:
        at = datetime.fromisoformat(str(item.get("at"))).astimezone(zone(zone_name))
    except ValueError:
        raise InputError(f"{where}.at: not a date and time") from None
    answers, result = item.get("answers"), item.get("result")
    if not isinstance(answers, dict) or not isinstance(result, dict):
        raise InputError(f"{where}: answers and result must be objects")
    version = item.get("knowledge_version")
    if not isinstance(version, str) or not version:
        raise InputError(f"{where}.knowledge_version: must be text")
    body = item.get("text")
    if body is not None and not isinstance(body, str):
        raise InputError(f"{where}.text: must be text")
    return Check(id=_id(item, index), taken_at=at, timezone=zone_name,
                 knowledge_version=version, text=body, answers=answers, result=result)


_DAY_VALUES = ("caffeine_cups", "alcohol_units", "sleep_hours", "stress", "exercise_minutes",
               "fluids_litres", "note")


def _list(document: dict[str, Any], key: str) -> Iterable[Any]:
    value = document.get(key, [])
    if not isinstance(value, list):
        raise InputError(f"'{key}' must be a list")
    return value


def _checked_episode(item: Any, index: int) -> tuple[int | None, EpisodeIn, str]:
    if not isinstance(item, dict):
        raise InputError(f"episodes[{index}]: must be an object")
    data = {k: v for k, v in item.items() if k not in ("id", "timezone")}
    zone_name = item.get("timezone") or "UTC"
    try:
        at = datetime.fromisoformat(str(data.get("at"))).astimezone(zone(zone_name))
    except ValueError:
        raise InputError(f"episodes[{index}].at: not a date and time") from None
    entry = _prefixed(f"episodes[{index}]", EpisodeIn, {**data, "at": at})
    return _id(item, index), entry, zone_name


def _checked_day(item: Any, index: int) -> tuple[int | None, DayIn]:
    if not isinstance(item, dict):
        raise InputError(f"days[{index}]: must be an object")
    data = {k: v for k, v in item.items() if k != "id"}
    try:
        data["day"] = date.fromisoformat(str(data.get("day")))
    except ValueError:
        raise InputError(f"days[{index}].day: not a date") from None
    return _id(item, index), _prefixed(f"days[{index}]", DayIn, data)


def _prefixed(where: str, model: Any, data: dict[str, Any]) -> Any:
    try:
        return checked(model, data)
    except InputError as error:
        raise InputError(f"{where}.{error}") from None


def _id(item: dict[str, Any], index: int) -> int | None:
    raw = item.get("id")
    if raw in (None, ""):
        return None
    try:
        return int(raw)
    except (TypeError, ValueError):
        raise InputError(f"entry {index}: id must be a whole number") from None
