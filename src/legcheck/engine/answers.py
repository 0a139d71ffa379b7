"""Turn a person's answers (finding id -> value, as typed or as parsed from YAML/JSON) into
observations checked against the knowledge base. Pure: no I/O."""

from __future__ import annotations

import difflib
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from legcheck.errors import InputError
from legcheck.knowledge import KnowledgeBase
from legcheck.knowledge.schema import Finding

Value = bool | float | str | tuple[str, ...] | None
SourceKind = Literal["text", "answer", "diary"]

_YES = {"yes", "y", "true", "t", "1", "present", "on"}
_NO = {"no", "n", "false", "f", "0", "absent", "off", "none"}
_UNKNOWN = {"unknown", "dont_know", "don't know", "dont know", "do not know", "not sure",
            "unsure", "?", "skip", ""}


@dataclass(frozen=True)
class Observation:
    """One finding as reported: `value` None means the person does not know."""

    finding: str
    value: Value
    source: SourceKind
    span: str

    @property
    def known(self) -> bool:
        return self.value is not None


def parse_answers(kb: KnowledgeBase, answers: Mapping[str, Any],
                  source: SourceKind = "answer") -> dict[str, Observation]:
    """Check every answer against its finding and return observations by finding id."""
    if not isinstance(answers, Mapping):
        raise InputError("answers must be a mapping of finding id to value")
    observations: dict[str, Observation] = {}
    for raw_key, raw_value in answers.items():
        finding = _finding(kb, str(raw_key))
        value = coerce_value(finding, raw_value)
        observations[finding.id] = Observation(finding.id, value, source,
                                               f"{finding.id}={_show(raw_value)}")
    return observations


def _finding(kb: KnowledgeBase, key: str) -> Finding:
    finding_id = key.strip().lower().replace("-", "_")
    finding = kb.findings.get(finding_id)
    if finding is None:
        close = difflib.get_close_matches(finding_id, list(kb.findings), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise InputError(f"unknown finding '{key}'{hint}; `legcheck findings` lists them")
    return finding


def _show(raw: Any) -> str:
    if isinstance(raw, list | tuple):
        return ",".join(str(item) for item in raw)
    if isinstance(raw, bool):
        return "yes" if raw else "no"
    return str(raw)


def _is_unknown(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and raw.strip().lower() in _UNKNOWN)


def coerce_value(finding: Finding, raw: Any) -> Value:
    """The value of `raw` for `finding`, or InputError with a one-line reason."""
    if _is_unknown(raw):
        return None
    if finding.type == "boolean":
        return _boolean(finding, raw)
    if finding.type == "number":
        return _number(finding, raw)
    return _choice(finding, raw)


def _boolean(finding: Finding, raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise InputError(f"{finding.id} takes yes or no (or 'unknown'), not '{_show(raw)}'")


def _number(finding: Finding, raw: Any) -> float:
    if isinstance(raw, bool):
        raise InputError(f"{finding.id} takes a number, not '{_show(raw)}'")
    try:
        number = float(str(raw).strip()) if not isinstance(raw, int | float) else float(raw)
    except ValueError:
        raise InputError(f"{finding.id} takes a number, not '{_show(raw)}'") from None
    low, high = finding.minimum, finding.maximum
    assert low is not None and high is not None  # the schema requires both for numbers
    if not math.isfinite(number) or not low <= number <= high:
        unit = f" {finding.unit}" if finding.unit else ""
        raise InputError(f"{finding.id} must be between {low:g} and {high:g}{unit}, "
                         f"not {_show(raw)}")
    return number


def _choice(finding: Finding, raw: Any) -> str | tuple[str, ...]:
    items = raw if isinstance(raw, list | tuple) else str(raw).split(",")
    values = [str(item).strip().lower().replace("-", "_").replace(" ", "_") for item in items]
    values = [value for value in values if value]
    allowed = finding.choice_values()
    for value in values:
        if value not in allowed:
            raise InputError(f"{finding.id} takes one of {', '.join(allowed)}, not '{value}'")
    if not values:
        raise InputError(f"{finding.id} needs a value: one of {', '.join(allowed)}")
    if finding.multiple:
        return tuple(dict.fromkeys(values))
    if len(values) > 1:
        raise InputError(f"{finding.id} takes a single value, not '{_show(raw)}'")
    return values[0]
