"""Export the whole diary as JSON or CSV, and import it back without loss (every entry gets a
new id from the database: the ids in a file are not kept).

An import is all or nothing: every entry is checked first, and the entries are written in one
transaction, so a malformed file, or one already imported, changes nothing."""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections.abc import Iterable
from dataclasses import asdict
from datetime import UTC, date, datetime
from typing import Any, NoReturn

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from legcheck.diary.check_result import result_problem
from legcheck.diary.entries import (
    CLOCK_SKEW,
    EARLIEST_DAY,
    DayIn,
    EpisodeIn,
    checked,
    instant_problem,
)
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
LONGEST_VERSION = 40  # the checks table's column


def read_export(text: str) -> dict[str, Any]:
    """A JSON or CSV export, as the JSON document; InputError if it is neither."""
    text = text.removeprefix("\ufeff")  # a byte order mark, as some editors on Windows write
    stripped = text.lstrip()
    if stripped.startswith("{"):
        try:
            document = json.loads(text, parse_constant=_no_constant, parse_float=_finite)
        except json.JSONDecodeError as error:
            raise InputError(f"the file is not valid JSON (line {error.lineno})") from None
        except RecursionError:
            raise InputError("the file is not a diary export (its JSON is nested too deeply)") \
                from None
        if isinstance(document, dict) and document.get("resourceType") == "Bundle":
            from legcheck.report.fhir_read import document_from_bundle

            return document_from_bundle(document)
        if not isinstance(document, dict) or document.get("format") != FORMAT:
            raise InputError(f"the file is not a {FORMAT} export")
        return document
    if stripped.startswith("type,"):
        return _csv_document(text)
    raise InputError("the file is neither a JSON nor a CSV diary export, nor a FHIR bundle")


def _no_constant(name: str) -> None:
    """NaN and Infinity are not JSON (Python reads them; PostgreSQL refuses to store them)."""
    raise InputError(f"the file is not valid JSON ({name} is not a JSON number)")


def _finite(digits: str) -> float:
    """A JSON number as a float; one too large for a float (1e400) would be read as infinity,
    which the JSON export cannot write back and PostgreSQL refuses."""
    number = float(digits)
    if not math.isfinite(number):
        raise InputError(f"the file holds a number too large to keep ({digits[:40]})")
    return number


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
        data = json.loads(cell or "", parse_constant=_no_constant, parse_float=_finite)
    except json.JSONDecodeError:
        raise InputError(f"line {number}: the check column is not valid JSON") from None
    if not isinstance(data, dict):
        raise InputError(f"line {number}: the check column must be a JSON object")
    return data


def import_document(store: DiaryStore, document: dict[str, Any]) -> tuple[int, int]:
    """Check every entry, then write them all in one transaction; returns (episodes, days).

    The ids in the file are not kept: every entry gets a new id from the database (on a hosted
    server the ids are shared by every account). An entry equal to one already in this diary (an
    episode of the same kind at the same instant, a day entry for the same day, a check taken at
    the same instant) refuses the whole import, so a file imported twice is not counted twice."""
    refuse_odd_values(document)
    episodes = [_checked_episode(item, index) for index, item in
                enumerate(_list(document, "episodes"))]
    days = [_checked_day(item, index) for index, item in enumerate(_list(document, "days"))]
    checks = [_checked_check(item, index) for index, item in
              enumerate(_list(document, "checks"))]
    _refuse_repeated_days(days)
    try:
        with Session(store.engine) as session, session.begin():
            _refuse_entries_already_there(session, store, episodes, days, checks)
            _write_all(session, store, episodes, days)
            _write_checks(session, store, checks)
    except IntegrityError:  # another import of the same days won the race
        raise InputError("the diary already holds some of the entries in this file; nothing "
                         "was imported") from None
    return len(episodes), len(days)


# NUL cannot be stored by PostgreSQL; a lone surrogate (from a JSON escape such as "\\udc00") is
# not text and cannot be written as UTF-8 by either database.
_NOT_TEXT = re.compile("[\x00\ud800-\udfff]")


def refuse_odd_values(document: Any) -> None:
    """InputError naming the first value that no database keeps as it is: text holding NUL or
    a lone surrogate, or a number that is not finite. Walked without recursion, since the
    document may be nested as deeply as the JSON reader allows."""
    pending: list[tuple[str, Any]] = [("", document)]
    while pending:
        where, value = pending.pop()
        if isinstance(value, dict):
            for key in value:
                _refuse_odd_text(where, key)
            pending.extend(reversed([(f"{where}.{key}" if where else str(key), item)
                                     for key, item in value.items()]))  # in the file's order
        elif isinstance(value, list):
            pending.extend(reversed([(f"{where}[{index}]", item)
                                     for index, item in enumerate(value)]))
        elif isinstance(value, str):
            _refuse_odd_text(where, value)
        elif isinstance(value, float) and not math.isfinite(value):
            raise InputError(f"{where}: {value} is not a number that can be kept")


def _refuse_odd_text(where: str, text: Any) -> None:
    if isinstance(text, str) and (found := _NOT_TEXT.search(text)):
        what = "a NUL character" if found.group() == "\x00" else "a lone surrogate (not text)"
        raise InputError(f"{where or 'the file'}: the text holds {what}")


def _refuse_repeated_days(days: list[DayIn]) -> None:
    seen: set[date] = set()
    for index, day in enumerate(days):
        if day.day in seen:
            raise InputError(f"days[{index}].day: {day.day:%Y-%m-%d} is in the file twice")
        seen.add(day.day)


def _refuse_entries_already_there(session: Session, store: DiaryStore,
                                  episodes: list[tuple[EpisodeIn, str]], days: list[DayIn],
                                  checks: list[Check]) -> None:
    """InputError naming the first entry of the file that this diary already holds."""
    profile = store.profile_id
    if episodes:
        instants = [entry.at for entry, _ in episodes]
        held = {(kind, _utc(at)) for kind, at in session.execute(
            select(Episode.kind, Episode.occurred_at).where(
                Episode.profile_id == profile, Episode.occurred_at >= min(instants),
                Episode.occurred_at <= max(instants)))}
        for entry, _ in episodes:
            if (entry.kind, _utc(entry.at)) in held:
                _already(f"a {entry.kind} at {entry.at.isoformat()}")
    if days:
        dates = [d.day for d in days]  # a range, not IN: a long diary has too many to bind
        held_days = set(session.scalars(select(Day.day).where(
            Day.profile_id == profile, Day.day >= min(dates), Day.day <= max(dates))))
        for day in days:
            if day.day in held_days:
                _already(f"a day entry for {day.day:%Y-%m-%d}")
    if checks:
        times = [row.taken_at for row in checks]
        held_times = {_utc(at) for at in session.scalars(select(Check.taken_at).where(
            Check.profile_id == profile, Check.taken_at >= min(times),
            Check.taken_at <= max(times)))}
        for row in checks:
            if _utc(row.taken_at) in held_times:
                _already(f"a check taken at {row.taken_at.isoformat()}")


def _already(what: str) -> NoReturn:
    raise InputError(f"this diary already holds {what}, which is in the file; nothing was "
                     f"imported (was the file imported before?)")


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def _write_all(session: Session, store: DiaryStore, episodes: list[tuple[EpisodeIn, str]],
               days: list[DayIn]) -> None:
    for entry, zone_name in episodes:
        session.add(Episode(profile_id=store.profile_id, occurred_at=entry.at,
                            timezone=zone_name, kind=entry.kind, location=entry.where,
                            intensity=entry.intensity, during=entry.during,
                            duration_seconds=entry.duration_seconds, note=entry.note,
                            created_at=datetime.now(UTC)))
    for day in days:
        session.add(Day(profile_id=store.profile_id, day=day.day,
                        **{name: getattr(day, name) for name in _DAY_VALUES},
                        medicines=list(day.medicines), symptoms=list(day.symptoms)))
    session.flush()


def _write_checks(session: Session, store: DiaryStore, checks: list[Check]) -> None:
    for row in checks:
        row.profile_id = store.profile_id
        session.add(row)
    session.flush()


def _checked_check(item: Any, index: int) -> Check:
    where = f"checks[{index}]"
    if not isinstance(item, dict):
        raise InputError(f"{where}: must be an object")
    zone_name, at = _instant(where, item)
    answers, result = item.get("answers"), item.get("result")
    if not isinstance(answers, dict) or not isinstance(result, dict):
        raise InputError(f"{where}: answers and result must be objects")
    problem = result_problem(result)
    if problem:  # the diary page, the report and the FHIR export read it
        raise InputError(f"{where}.result.{problem} (a check's result is what `legcheck check "
                         f"--format json` prints)")
    version = item.get("knowledge_version")
    if not isinstance(version, str) or not version or len(version) > LONGEST_VERSION:
        raise InputError(f"{where}.knowledge_version: must be text of 1 to {LONGEST_VERSION} "
                         f"characters")
    body = item.get("text")
    if body is not None and not isinstance(body, str):
        raise InputError(f"{where}.text: must be text")
    return Check(taken_at=at, timezone=zone_name, knowledge_version=version, text=body,
                 answers=answers, result=result)


def _instant(where: str, item: dict[str, Any]) -> tuple[str, datetime]:
    """The entry's zone name and its `at` in that zone (a time without an offset is read in it).
    """
    zone_name = item.get("timezone") or "UTC"
    if not isinstance(zone_name, str):
        raise InputError(f"{where}.timezone: must be a time zone name like Europe/London")
    try:
        local = zone(zone_name)
    except InputError as error:
        raise InputError(f"{where}.timezone: {error}") from None
    try:
        at = datetime.fromisoformat(str(item.get("at")))
    except ValueError:
        raise InputError(f"{where}.at: not a date and time") from None
    if at.tzinfo is None:
        at = at.replace(tzinfo=local)
    if at.date() < EARLIEST_DAY or at > datetime.now(UTC) + CLOCK_SKEW:
        problem = instant_problem(at)  # before converting: year 1 or 9999 may not convert
        raise InputError(f"{where}.at: {problem}")
    return zone_name, at.astimezone(local)


_DAY_VALUES = ("caffeine_cups", "alcohol_units", "sleep_hours", "stress", "exercise_minutes",
               "fluids_litres", "note")


def _list(document: dict[str, Any], key: str) -> Iterable[Any]:
    value = document.get(key, [])
    if not isinstance(value, list):
        raise InputError(f"'{key}' must be a list")
    return value


def _checked_episode(item: Any, index: int) -> tuple[EpisodeIn, str]:
    """The episode and the zone it was logged in; its id, if any, is not kept."""
    where = f"episodes[{index}]"
    if not isinstance(item, dict):
        raise InputError(f"{where}: must be an object")
    data = {k: v for k, v in item.items() if k not in ("id", "timezone")}
    zone_name, at = _instant(where, item)
    return _prefixed(where, EpisodeIn, {**data, "at": at}), zone_name


def _checked_day(item: Any, index: int) -> DayIn:
    """The day entry; its id, if any, is not kept."""
    if not isinstance(item, dict):
        raise InputError(f"days[{index}]: must be an object")
    data = {k: v for k, v in item.items() if k != "id"}
    try:
        data["day"] = date.fromisoformat(str(data.get("day")))
    except ValueError:
        raise InputError(f"days[{index}].day: not a date") from None
    return _prefixed(f"days[{index}]", DayIn, data)


def _prefixed(where: str, model: Any, data: dict[str, Any]) -> Any:
    try:
        return checked(model, data)
    except InputError as error:
        raise InputError(f"{where}.{error}") from None
