"""What may be written in the diary, checked before anything is stored."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Any, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator

from legcheck.errors import InputError

Kind = Literal["twitch", "jerk", "cramp", "urge"]
During = Literal["rest", "falling-asleep", "sleep", "exercise", "activity"]
CLOCK_SKEW = timedelta(minutes=5)  # a phone and a server may disagree by a little
# The earliest day a diary entry may have: older dates are typing mistakes, and an episode in
# year 1 made the statistics build a day-by-day series of 740,000 days.
EARLIEST_DAY = date(1900, 1, 1)


def instant_problem(value: datetime) -> str | None:
    """Why an instant cannot be in the diary (no zone, before 1900, in the future), or None."""
    if value.tzinfo is None:
        return "the time needs a time zone"
    if value.date() < EARLIEST_DAY:  # the day where it happened, as the person said it
        return f"the time is before {EARLIEST_DAY:%Y-%m-%d}"
    if value > datetime.now(UTC) + CLOCK_SKEW:
        return "the time is in the future"
    return None


def day_problem(value: date) -> str | None:
    """Why a day cannot be in the diary (before 1900, after tomorrow), or None."""
    if value < EARLIEST_DAY:
        return f"the day is before {EARLIEST_DAY:%Y-%m-%d}"
    if value > latest_day():
        return "the day is in the future"
    return None


def latest_day() -> date:
    """Tomorrow in UTC: the latest day anyone on Earth can be living today."""
    return (datetime.now(UTC) + timedelta(days=1)).date()


def no_nul(text: str) -> str:
    """PostgreSQL cannot store NUL in text (SQLite can, and the file would then differ)."""
    if "\x00" in text:
        raise ValueError("the text holds a NUL character")
    return text


Note = Annotated[str, Field(max_length=2000), AfterValidator(no_nul)]


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


EntryModel = TypeVar("EntryModel", bound=Entry)


class EpisodeIn(Entry):
    """One episode: what, where, how strong, while doing what, when."""

    kind: Kind
    at: datetime
    where: Annotated[str, Field(pattern=r"^[a-z][a-z-]{0,38}[a-z]$")] | None = None
    intensity: Annotated[int, Field(ge=0, le=10)] | None = None
    during: During | None = None
    duration_seconds: Annotated[float, Field(ge=0, le=86_400)] | None = None
    note: Note | None = None

    @field_validator("at")
    @classmethod
    def _aware_and_in_range(cls, value: datetime) -> datetime:
        problem = instant_problem(value)
        if problem:
            raise ValueError(problem)
        return value


class DayIn(Entry):
    """The day's context. Fields left out keep what was logged before for that day."""

    day: date
    caffeine_cups: Annotated[float, Field(ge=0, le=50)] | None = None
    alcohol_units: Annotated[float, Field(ge=0, le=100)] | None = None
    sleep_hours: Annotated[float, Field(ge=0, le=24)] | None = None
    stress: Annotated[int, Field(ge=0, le=10)] | None = None
    exercise_minutes: Annotated[float, Field(ge=0, le=1440)] | None = None
    fluids_litres: Annotated[float, Field(ge=0, le=20)] | None = None
    medicines: tuple[Annotated[str, Field(min_length=1, max_length=80, pattern=r"^[^;]+$"),
                               AfterValidator(no_nul)],
                     ...] = ()
    symptoms: tuple[Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")], ...] = ()
    note: Note | None = None

    @field_validator("day")
    @classmethod
    def _in_range(cls, value: date) -> date:
        problem = day_problem(value)
        if problem:
            raise ValueError(problem)
        return value


def checked(model: type[EntryModel], data: Mapping[str, Any]) -> EntryModel:
    """The entry, or InputError naming the first thing wrong with it."""
    try:
        return model.model_validate(dict(data))
    except ValidationError as error:
        raise InputError(first_error(error)) from None


def first_error(error: Exception) -> str:
    """One readable line from a pydantic ValidationError."""
    errors = getattr(error, "errors", None)
    if not callable(errors):
        return str(error)
    detail = errors()[0]
    field = ".".join(str(part) for part in detail["loc"])
    message = detail["msg"].removeprefix("Value error, ")
    return f"{field}: {message}" if field else message
