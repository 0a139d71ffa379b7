"""The answer of a check, as plain frozen data. `CheckResult.to_dict()` is DESIGN.md's JSON."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from legcheck.engine.answers import Observation, Value

Judgement = Literal["normal", "concerning", "unknown"]


class Plain:
    """to_dict() for a dataclass of plain values: every field, with tuples as lists."""

    def to_dict(self) -> dict[str, Any]:
        return {name: _plain(getattr(self, name)) for name in self.__dataclass_fields__}  # type: ignore[attr-defined]


def _plain(value: Any) -> Any:
    return [_plain(item) for item in value] if isinstance(value, tuple) else value


@dataclass(frozen=True)
class EvidenceItem:
    finding: str
    label: str
    value: Value
    value_text: str
    ratio: float
    source: str
    note: str | None

    @property
    def direction(self) -> str:
        return "for" if self.ratio > 1 else "against"

    def to_dict(self) -> dict[str, Any]:
        return {"finding": self.finding, "label": self.label, "value": json_value(self.value),
                "value_text": self.value_text, "direction": self.direction,
                "ratio": round(self.ratio, 4),
                "source": self.source, "note": self.note}


@dataclass(frozen=True)
class ConditionResult:
    id: str
    name: str
    summary: str
    likelihood: float
    prior: float
    likely: bool
    triage_level: str
    likely_threshold: float
    evidence: tuple[EvidenceItem, ...]
    advice: tuple[str, ...]
    sources: tuple[str, ...]
    codes: dict[str, tuple[str, ...]]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "likelihood": shown_likelihood(self.likelihood),
                "prior": self.prior, "likely": self.likely, "triage_level": self.triage_level,
                "likely_threshold": self.likely_threshold, "summary": self.summary,
                "evidence": [item.to_dict() for item in self.evidence],
                "advice": list(self.advice), "sources": list(self.sources),
                "codes": {key: list(value) for key, value in self.codes.items()}}


@dataclass(frozen=True)
class FactorResult(Plain):
    id: str
    name: str
    summary: str
    evidence: tuple[str, ...]
    advice: tuple[str, ...]
    sources: tuple[str, ...]



@dataclass(frozen=True)
class RedFlagResult(Plain):
    """A warning-sign rule that fired."""

    id: str
    name: str
    level: str
    reason: str
    suggests: tuple[str, ...]
    sources: tuple[str, ...]



@dataclass(frozen=True)
class WarningSign(Plain):
    """One warning-sign question and what the person said: yes, no, not_sure or not_asked."""

    id: str
    label: str
    question: str
    answer: Literal["yes", "no", "not_sure", "not_asked"]
    level: str
    if_present: str



@dataclass(frozen=True)
class PatternResult:
    row: str
    label: str
    normal: str
    concerning: str
    judgement: Judgement
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "judgement": self.judgement, "reason": self.reason,
                "normal": self.normal, "concerning": self.concerning}


@dataclass(frozen=True)
class Triage:
    level: str
    label: str
    headline: str
    advice: str
    reasons: tuple[str, ...]
    sources: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"level": self.level, "label": self.label, "headline": self.headline,
                "reasons": list(self.reasons), "advice": self.advice}


@dataclass(frozen=True)
class AdviceItem(Plain):
    id: str
    text: str
    sources: tuple[str, ...]



@dataclass(frozen=True)
class SourceRef(Plain):
    id: str
    title: str
    url: str



@dataclass(frozen=True)
class CheckResult:
    short_answer: str
    triage: Triage
    conditions: tuple[ConditionResult, ...]
    factors: tuple[FactorResult, ...]
    findings: tuple[Observation, ...]
    finding_labels: dict[str, str]
    finding_values: dict[str, str]
    red_flags: tuple[RedFlagResult, ...]
    warning_signs: tuple[WarningSign, ...]
    unasked_red_flags: tuple[str, ...]
    pattern: tuple[PatternResult, ...]
    advice: tuple[AdviceItem, ...]
    sources: tuple[SourceRef, ...]
    disclaimer: str
    knowledge_version: str
    messages: tuple[str, ...] = ()
    not_counted: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "short_answer": self.short_answer,
            "triage": self.triage.to_dict(),
            "conditions": [condition.to_dict() for condition in self.conditions],
            "factors": [factor.to_dict() for factor in self.factors],
            "findings": [{"id": o.finding, "label": self.finding_labels[o.finding],
                          "value": json_value(o.value),
                          "value_text": self.finding_values[o.finding], "source": o.source,
                          "span": o.span} for o in self.findings],
            "red_flags": [flag.to_dict() for flag in self.red_flags],
            "warning_signs": [sign.to_dict() for sign in self.warning_signs],
            "unasked_red_flags": list(self.unasked_red_flags),
            "pattern": {row.row: row.to_dict() for row in self.pattern},
            "advice": [item.to_dict() for item in self.advice],
            "sources": [source.to_dict() for source in self.sources],
            "messages": list(self.messages),
            "not_counted": list(self.not_counted),
            "disclaimer": self.disclaimer,
            "knowledge_version": self.knowledge_version,
        }


def json_value(value: Value) -> Any:
    """Numbers that are whole print as integers; several choices as a list."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, tuple):
        return list(value)
    return value


def shown_likelihood(likelihood: float) -> float:
    """Four decimals, but never exactly 0 or 1: nothing here is certain or ruled out."""
    return min(max(round(likelihood, 4), 0.0001), 0.9999)
