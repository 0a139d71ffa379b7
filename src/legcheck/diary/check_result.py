"""The shape of a saved check's result: the JSON object `legcheck check --format json` prints
(CheckResult.to_dict()), as far as the diary page, the doctor's report and the FHIR export read it.

An imported check must have this shape. A check stored before imports were checked may not: the
readers ask `result_problem` first and leave such a check out (or show only what can be read)
rather than fail. Keys not named here are kept and not checked, so a result written by a newer
legcheck still passes."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from legcheck.diary.entries import first_error

TriageLevel = Literal["self_care", "routine", "urgent", "emergency"]  # contract.TRIAGE_LEVELS


class _Part(BaseModel):
    # strict: "0.5" is not a likelihood nor 1 a yes; extra keys are kept as they are
    model_config = ConfigDict(strict=True, extra="allow")


class _Triage(_Part):
    level: TriageLevel
    reasons: list[str]
    advice: str


class _Evidence(_Part):
    label: str
    value_text: str
    direction: Literal["for", "against"]
    ratio: float
    source: str


class _Condition(_Part):
    id: str
    name: str
    likelihood: float = Field(ge=0, le=1)
    likely: bool
    evidence: list[_Evidence]
    sources: list[str]
    codes: dict[str, list[str]]


class _RedFlag(_Part):
    suggests: list[str]
    sources: list[str]


class _WarningSign(_Part):
    label: str
    answer: Literal["yes", "no", "not_sure", "not_asked"]


class _Source(_Part):
    id: str
    title: str
    url: str


class _CheckResult(_Part):
    knowledge_version: str = Field(min_length=1, max_length=40)
    short_answer: str
    disclaimer: str
    triage: _Triage
    conditions: list[_Condition]
    findings: list[dict[str, Any]]
    red_flags: list[_RedFlag]
    warning_signs: list[_WarningSign]
    sources: list[_Source]


def result_problem(result: Any) -> str | None:
    """What in a saved check's result is not as a check writes it (one line, with where), or
    None when the diary page, the report and the FHIR export can read all of it."""
    if not isinstance(result, dict):
        return "must be an object"
    try:
        _CheckResult.model_validate(result)
    except ValidationError as error:
        return first_error(error)
    return None


def readable(result: Any) -> bool:
    return result_problem(result) is None
