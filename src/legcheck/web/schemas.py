"""Request bodies of the REST API. Values are checked again by the diary's own entry models
(diary/entries.py), so the API, the pages and the CLI accept exactly the same entries."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from legcheck.diary.entries import During, Kind


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CheckRequest(Body):
    text: str | None = Field(default=None, description="The description in the person's words.",
                             examples=["my calf twitches after runs, no weakness"])
    answers: dict[str, Any] | None = Field(
        default=None, description="Finding id -> value, as `legcheck findings` lists them.",
        examples=[{"visible_flicker": "yes", "weakness": "no", "duration_days": 5}])
    diary: bool = Field(default=False, description="Also use the findings of the diary.")


class EpisodeCreate(Body):
    kind: Kind
    at: str = Field(default="now", description="now, '2 hours ago', 'yesterday 22:30' or ISO "
                                               "8601 (without an offset: the person's zone).")
    where: str | None = Field(default=None, examples=["left-calf"])
    intensity: int | None = Field(default=None, description="0 (barely) to 10 (worst).")
    during: During | None = None
    duration_seconds: float | None = None
    note: str | None = None


class EpisodeChange(Body):
    kind: Kind | None = None
    at: str | None = None
    where: str | None = None
    intensity: int | None = None
    during: During | None = None
    duration_seconds: float | None = None
    note: str | None = None


class DayCreate(Body):
    day: str = Field(default="today", description="today, yesterday or 2026-11-20.")
    caffeine_cups: float | None = None
    alcohol_units: float | None = None
    sleep_hours: float | None = None
    stress: int | None = None
    exercise_minutes: float | None = None
    fluids_litres: float | None = None
    medicines: list[str] = Field(default_factory=list)
    symptoms: list[str] = Field(default_factory=list, description="Yes/no finding ids.")
    note: str | None = None


class DayChange(Body):
    day: str | None = None
    caffeine_cups: float | None = None
    alcohol_units: float | None = None
    sleep_hours: float | None = None
    stress: int | None = None
    exercise_minutes: float | None = None
    fluids_litres: float | None = None
    medicines: list[str] | None = None
    symptoms: list[str] | None = None
    note: str | None = None


class Credentials(Body):
    email: str
    password: str


class AccountCreate(Credentials):
    timezone: str = Field(default="UTC", description="An IANA zone, e.g. Europe/London.")


class TokenCreate(Credentials):
    name: str = "API token"


class InterviewRequest(Body):
    text: str | None = Field(default=None, description="The description, if any.")
    answers: dict[str, Any] | None = Field(
        default=None, description="The answers so far (finding id -> value; 'unknown' for "
                                  "don't know).", examples=[{"weakness": "no"}])
    skipped: list[str] = Field(
        default_factory=list, description="Findings (or checklists) already put to the person "
                                          "and skipped, and screens answered 'yes, or not "
                                          "sure'.")
