"""The diary's tables. Every row belongs to a profile, so one schema serves one person locally and
many on a hosted server. Instants are stored in UTC with the zone they were logged in."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, UTC stored, aware UTC out, on SQLite (no zones) and PostgreSQL alike."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("a diary time must carry its time zone")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(
            UTC)


class Base(DeclarativeBase):
    pass


class Profile(Base):
    __tablename__ = "profiles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    timezone: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Episode(Base):
    __tablename__ = "episodes"
    __table_args__ = (Index("ix_episodes_profile_time", "profile_id", "occurred_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime())
    timezone: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))
    location: Mapped[str | None] = mapped_column(String(40))
    intensity: Mapped[int | None] = mapped_column(Integer)
    during: Mapped[str | None] = mapped_column(String(20))
    duration_seconds: Mapped[float | None] = mapped_column(Float)
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Day(Base):
    __tablename__ = "days"
    __table_args__ = (UniqueConstraint("profile_id", "day", name="uq_days_profile_day"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    caffeine_cups: Mapped[float | None] = mapped_column(Float)
    alcohol_units: Mapped[float | None] = mapped_column(Float)
    sleep_hours: Mapped[float | None] = mapped_column(Float)
    stress: Mapped[int | None] = mapped_column(Integer)
    exercise_minutes: Mapped[float | None] = mapped_column(Float)
    fluids_litres: Mapped[float | None] = mapped_column(Float)
    medicines: Mapped[list[str]] = mapped_column(JSON, default=list)
    symptoms: Mapped[list[str]] = mapped_column(JSON, default=list)
    note: Mapped[str | None] = mapped_column(Text)


class Check(Base):
    """A saved check: the text and answers it was given and the result it gave (its JSON)."""

    __tablename__ = "checks"
    __table_args__ = (Index("ix_checks_profile_time", "profile_id", "taken_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"))
    taken_at: Mapped[datetime] = mapped_column(UTCDateTime())
    timezone: Mapped[str] = mapped_column(String(64))
    knowledge_version: Mapped[str] = mapped_column(String(40))
    text: Mapped[str | None] = mapped_column(Text)
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)
    result: Mapped[dict[str, Any]] = mapped_column(JSON)
