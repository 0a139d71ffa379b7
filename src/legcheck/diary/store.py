"""The diary store: one interface over SQLAlchemy that SQLite and PostgreSQL both satisfy.

Every write is one transaction, so a process killed mid-write leaves the whole entry or none.
Entries are checked (entries.py) before anything is written."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import numpy as np
from sqlalchemy import Engine, func, literal_column, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from legcheck.diary.entries import DayIn, EpisodeIn, checked
from legcheck.diary.models import Check, Day, Episode, Profile
from legcheck.diary.when import zone
from legcheck.errors import InputError, NotFoundError, StorageError

EPISODE_FIELDS = ("kind", "where", "intensity", "during", "duration_seconds", "note")
DAY_FIELDS = ("caffeine_cups", "alcohol_units", "sleep_hours", "stress", "exercise_minutes",
              "fluids_litres", "medicines", "symptoms", "note")


@dataclass(frozen=True)
class StoredEpisode:
    id: int
    at: datetime  # in the zone it was logged in
    kind: str
    where: str | None
    intensity: int | None
    during: str | None
    duration_seconds: float | None
    note: str | None


@dataclass(frozen=True)
class EpisodeTallies:
    by_place: dict[str | None, int]
    by_intensity: dict[int | None, int]


@dataclass(frozen=True)
class StoredDay:
    id: int
    day: date
    caffeine_cups: float | None
    alcohol_units: float | None
    sleep_hours: float | None
    stress: int | None
    exercise_minutes: float | None
    fluids_litres: float | None
    medicines: tuple[str, ...]
    symptoms: tuple[str, ...]
    note: str | None


@dataclass(frozen=True)
class StoredCheck:
    id: int
    taken_at: datetime  # in the zone it was taken in
    knowledge_version: str
    text: str | None
    answers: dict[str, Any]  # finding id -> value, as the person gave them
    result: dict[str, Any]  # the check's JSON (CheckResult.to_dict())


class DiaryStore:
    """One person's diary in one database."""

    def __init__(self, engine: Engine, *, profile: str, timezone_name: str) -> None:
        self.engine = engine
        with self._write() as session:
            found = session.scalar(select(Profile).where(Profile.name == profile))
            if found is None:
                found = Profile(name=profile, timezone=timezone_name,
                                created_at=datetime.now(UTC))
                session.add(found)
                session.flush()
            self.profile_id, self.timezone = found.id, found.timezone

    @classmethod
    def attached(cls, engine: Engine, *, profile_id: int, timezone_name: str) -> DiaryStore:
        """The store of a profile already known by id (a hosted account's), with no lookup."""
        store = cls.__new__(cls)
        store.engine, store.profile_id, store.timezone = engine, profile_id, timezone_name
        return store

    @contextmanager
    def _write(self) -> Iterator[Session]:
        try:
            with Session(self.engine) as session, session.begin():
                yield session
        except SQLAlchemyError as error:
            raise StorageError(f"the diary could not be written: {_one_line(error)}") from None

    @contextmanager
    def _read(self) -> Iterator[Session]:
        try:
            with Session(self.engine) as session:
                yield session
        except SQLAlchemyError as error:
            raise StorageError(f"the diary could not be read: {_one_line(error)}") from None

    # ---- episodes -------------------------------------------------------------------------
    def add_episode(self, entry: EpisodeIn) -> int:
        with self._write() as session:
            row = Episode(profile_id=self.profile_id, occurred_at=entry.at,
                          timezone=_zone_of(entry.at, self.timezone), kind=entry.kind,
                          location=entry.where, intensity=entry.intensity, during=entry.during,
                          duration_seconds=entry.duration_seconds, note=entry.note,
                          created_at=datetime.now(UTC))
            session.add(row)
            session.flush()
            return row.id

    def episodes(self, *, since: datetime | None = None, until: datetime | None = None,
                 limit: int | None = None, offset: int = 0,
                 newest_first: bool = False) -> list[StoredEpisode]:
        query = select(Episode).where(Episode.profile_id == self.profile_id)
        if since is not None:
            query = query.where(Episode.occurred_at >= since)
        if until is not None:
            query = query.where(Episode.occurred_at < until)
        order = Episode.occurred_at.desc() if newest_first else Episode.occurred_at
        with self._read() as session:
            rows = session.scalars(query.order_by(order, Episode.id).limit(limit)
                                   .offset(offset or None)).all()
            return [_stored_episode(row) for row in rows]

    def episode(self, *, episode_id: int) -> StoredEpisode:
        with self._read() as session:
            return _stored_episode(self._episode_row(session, episode_id))

    def episode_times(self, *, since: datetime | None = None
                      ) -> tuple[np.ndarray, list[str], list[str | None]]:
        """Every episode's instant (numpy datetime64[us], UTC), kind and setting (from `since`,
        when given): the bulk read behind the statistics, one plain row per episode rather than
        one object."""
        column = Episode.__table__.c.occurred_at
        # SQLite keeps the UTC instant as ISO text, which numpy parses in bulk; PostgreSQL
        # gives seconds since 1970.
        instant = column if self.engine.dialect.name == "sqlite" else func.extract("epoch",
                                                                                     column)
        query = (select(instant, Episode.kind, Episode.during)
                 .where(Episode.profile_id == self.profile_id))
        if since is not None:  # literal values, so the SQL below stays plain text
            utc = since.astimezone(UTC)
            stamp = utc.strftime("%Y-%m-%d %H:%M:%S.%f")  # SQLite's text, which sorts by time
            query = query.where(column >= literal_column(f"'{stamp}'")
                                if self.engine.dialect.name == "sqlite"
                                else instant >= float(utc.timestamp()))
        rows = self._raw_rows(query)
        if not rows:
            return np.array([], dtype="datetime64[us]"), [], []
        table = np.array(rows, dtype=object)
        if self.engine.dialect.name == "sqlite":
            times = table[:, 0].astype("datetime64[us]")
        else:
            times = (table[:, 0].astype(np.float64) * 1e6).astype("datetime64[us]")
        return times, table[:, 1].tolist(), table[:, 2].tolist()

    def _raw_rows(self, query: Any) -> list[tuple[Any, ...]]:
        # 200,000 rows: skip SQLAlchemy's per-row result processing and read the driver's
        # cursor directly (the only bound value is our own integer profile id).
        sql = str(query.compile(dialect=self.engine.dialect,
                                compile_kwargs={"literal_binds": True}))
        try:
            with self.engine.connect() as connection:
                cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
                cursor.execute(sql)
                rows = cursor.fetchall()
                cursor.close()
        except (SQLAlchemyError, self.engine.dialect.loaded_dbapi.Error) as error:
            raise StorageError(f"the diary could not be read: {_one_line(error)}") from None
        return rows

    def episode_tallies(self, *, since: datetime | None = None,
                        until: datetime | None = None) -> EpisodeTallies:
        """How many episodes per place and per intensity (None: not noted), counted by the
        database in one pass, so a report on 200,000 episodes reads a few hundred rows."""
        query = (select(Episode.location, Episode.intensity, func.count())
                 .where(Episode.profile_id == self.profile_id)
                 .group_by(Episode.location, Episode.intensity))
        if since is not None:
            query = query.where(Episode.occurred_at >= since)
        if until is not None:
            query = query.where(Episode.occurred_at < until)
        by_place: dict[str | None, int] = {}
        by_intensity: dict[int | None, int] = {}
        with self._read() as session:
            for place, intensity, count in session.execute(query):
                by_place[place] = by_place.get(place, 0) + count
                by_intensity[intensity] = by_intensity.get(intensity, 0) + count
        return EpisodeTallies(by_place=by_place, by_intensity=by_intensity)

    def update_episode(self, *, episode_id: int, changes: dict[str, Any]) -> StoredEpisode:
        with self._write() as session:
            row = self._episode_row(session, episode_id)
            current = {"kind": row.kind, "at": _local(row), "where": row.location,
                       "intensity": row.intensity, "during": row.during,
                       "duration_seconds": row.duration_seconds, "note": row.note}
            entry = checked(EpisodeIn, {**current, **changes})
            row.kind, row.occurred_at, row.location = entry.kind, entry.at, entry.where
            row.intensity, row.during, row.note = entry.intensity, entry.during, entry.note
            row.duration_seconds, row.timezone = entry.duration_seconds, _zone_of(entry.at,
                                                                                  row.timezone)
            session.flush()
            return _stored_episode(row)

    def delete_episode(self, *, episode_id: int) -> None:
        with self._write() as session:
            session.delete(self._episode_row(session, episode_id))

    def _episode_row(self, session: Session, episode_id: int) -> Episode:
        row = session.get(Episode, episode_id)
        if row is None or row.profile_id != self.profile_id:
            raise NotFoundError(f"there is no episode e{episode_id} in this diary")
        return row

    # ---- days -----------------------------------------------------------------------------
    def add_day(self, entry: DayIn) -> int:
        """Log the day's context; fields left out keep what was logged before for that day."""
        with self._write() as session:
            row = session.scalar(select(Day).where(Day.profile_id == self.profile_id,
                                                   Day.day == entry.day))
            if row is None:
                row = Day(profile_id=self.profile_id, day=entry.day, medicines=[], symptoms=[])
                session.add(row)
            for name in DAY_FIELDS:
                value = getattr(entry, name)
                if name in ("medicines", "symptoms"):
                    if value:
                        setattr(row, name, sorted({*getattr(row, name), *value}))
                elif value is not None:
                    setattr(row, name, value)
            session.flush()
            return row.id

    def days(self, *, since: date | None = None, until: date | None = None,
             limit: int | None = None, offset: int = 0,
             newest_first: bool = False) -> list[StoredDay]:
        query = select(Day).where(Day.profile_id == self.profile_id)
        if since is not None:
            query = query.where(Day.day >= since)
        if until is not None:
            query = query.where(Day.day < until)
        order = Day.day.desc() if newest_first else Day.day
        with self._read() as session:  # plain rows, not ORM objects: a 20-year diary is fast
            rows = session.execute(select(*Day.__table__.columns).where(query.whereclause)
                                   .order_by(order).limit(limit).offset(offset or None)).all()
            return [_stored_day(row) for row in rows]

    def day(self, *, day_id: int) -> StoredDay:
        with self._read() as session:
            return _stored_day(self._day_row(session, day_id))

    def update_day(self, *, day_id: int, changes: dict[str, Any]) -> StoredDay:
        """Replace the fields in `changes` (lists too, unlike add_day, which merges them)."""
        with self._write() as session:
            row = self._day_row(session, day_id)
            current = {name: getattr(row, name) for name in DAY_FIELDS}
            current["medicines"], current["symptoms"] = (tuple(row.medicines or ()),
                                                         tuple(row.symptoms or ()))
            entry = checked(DayIn, {**current, "day": row.day, **changes})
            if entry.day != row.day and session.scalar(select(Day.id).where(
                    Day.profile_id == self.profile_id, Day.day == entry.day)) is not None:
                raise InputError(f"there is already a day entry for {entry.day:%Y-%m-%d}")
            for name in DAY_FIELDS:
                value = getattr(entry, name)
                setattr(row, name, sorted(value) if name in ("medicines", "symptoms") else value)
            row.day = entry.day
            session.flush()
            return _stored_day(row)

    def delete_day(self, *, day_id: int) -> None:
        with self._write() as session:
            session.delete(self._day_row(session, day_id))

    def _day_row(self, session: Session, day_id: int) -> Day:
        row = session.get(Day, day_id)
        if row is None or row.profile_id != self.profile_id:
            raise NotFoundError(f"there is no day entry d{day_id} in this diary")
        return row

    # ---- checks ---------------------------------------------------------------------------
    def add_check(self, *, taken_at: datetime, text: str | None, answers: dict[str, Any],
                  result: dict[str, Any]) -> int:
        """Save a check's input and result, so later checks and the report can compare."""
        if taken_at.tzinfo is None:
            raise InputError("a check's time must carry its time zone")
        if not isinstance(result.get("knowledge_version"), str):
            raise InputError("a check result must carry its knowledge_version")
        with self._write() as session:
            row = Check(profile_id=self.profile_id, taken_at=taken_at,
                        timezone=_zone_of(taken_at, self.timezone),
                        knowledge_version=result["knowledge_version"], text=text,
                        answers=dict(answers), result=dict(result))
            session.add(row)
            session.flush()
            return row.id

    def checks(self, *, since: datetime | None = None,
               until: datetime | None = None) -> list[StoredCheck]:
        """Saved checks, oldest first."""
        query = select(Check).where(Check.profile_id == self.profile_id)
        if since is not None:
            query = query.where(Check.taken_at >= since)
        if until is not None:
            query = query.where(Check.taken_at < until)
        with self._read() as session:
            rows = session.scalars(query.order_by(Check.taken_at, Check.id)).all()
            return [_stored_check(row) for row in rows]

    def delete_check(self, *, check_id: int) -> None:
        with self._write() as session:
            row = session.get(Check, check_id)
            if row is None or row.profile_id != self.profile_id:
                raise NotFoundError(f"there is no check c{check_id} in this diary")
            session.delete(row)


def _zone_of(moment: datetime, fallback: str) -> str:
    key = getattr(moment.tzinfo, "key", None)
    return key or fallback


def _local(row: Episode) -> datetime:
    return row.occurred_at.astimezone(zone(row.timezone))


def _stored_episode(row: Episode) -> StoredEpisode:
    return StoredEpisode(row.id, _local(row), row.kind, row.location, row.intensity, row.during,
                         row.duration_seconds, row.note)


def _stored_day(row: Any) -> StoredDay:
    return StoredDay(row.id, row.day, row.caffeine_cups, row.alcohol_units, row.sleep_hours,
                     row.stress, row.exercise_minutes, row.fluids_litres,
                     tuple(row.medicines or ()), tuple(row.symptoms or ()), row.note)


def _stored_check(row: Check) -> StoredCheck:
    return StoredCheck(row.id, row.taken_at.astimezone(zone(row.timezone)),
                       row.knowledge_version, row.text, dict(row.answers), dict(row.result))


def _one_line(error: Exception) -> str:
    return " ".join(str(getattr(error, "orig", error)).split())[:200]
