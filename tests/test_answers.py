"""Answers are checked against their finding, with one readable line for each mistake."""

from __future__ import annotations

import re

import pytest

from legcheck.engine.answers import parse_answers
from legcheck.errors import InputError

FINDINGS = [
    {"id": "weakness"},
    {"id": "duration_days", "type": "number", "minimum": 0, "maximum": 36500, "unit": "days"},
    {"id": "timing", "type": "choice",
     "choices": [{"value": "at_rest", "label": "at rest"},
                 {"value": "falling_asleep", "label": "falling asleep"}]},
    {"id": "medicine_change", "type": "choice", "multiple": True,
     "choices": [{"value": "ssri_snri", "label": "SSRI"}, {"value": "opioid", "label": "op"}]},
]

GOOD = [
    ("weakness", "no", False), ("weakness", "Yes", True), ("weakness", True, True),
    ("weakness", "don't know", None), ("weakness", None, None), ("weakness", "unknown", None),
    ("duration_days", "21", 21.0), ("duration_days", 3, 3.0), ("duration_days", 0, 0.0),
    ("timing", "falling-asleep", "falling_asleep"), ("timing", "AT_REST", "at_rest"),
    ("medicine_change", "ssri_snri,opioid", ("ssri_snri", "opioid")),
    ("medicine_change", ["opioid"], ("opioid",)),
    ("Duration-Days", "5", 5.0),
]

BAD = [
    ("weakness", "maybe", "weakness takes yes or no"),
    ("duration_days", "-3", "must be between 0 and 36500 days"),
    ("duration_days", "forty", "takes a number"),
    ("duration_days", True, "takes a number"),
    ("duration_days", "nan", "must be between"),
    ("timing", "noon", "timing takes one of at_rest, falling_asleep"),
    ("timing", "at_rest,falling_asleep", "takes a single value"),
    ("medicine_change", "aspirin", "medicine_change takes one of"),
    ("weaknes", "no", "unknown finding 'weaknes' (did you mean 'weakness'?)"),
]


@pytest.mark.parametrize(("key", "raw", "expected"), GOOD)
def test_accepts(make_kb, key: str, raw: object, expected: object) -> None:
    kb = make_kb(findings=FINDINGS)
    observations = parse_answers(kb, {key: raw})
    (observation,) = observations.values()
    assert observation.value == expected
    assert observation.source == "answer"
    assert observation.span.startswith(observation.finding + "=")


@pytest.mark.parametrize(("key", "raw", "message"), BAD)
def test_rejects(make_kb, key: str, raw: object, message: str) -> None:
    kb = make_kb(findings=FINDINGS)
    with pytest.raises(InputError, match=re.escape(message)) as info:
        parse_answers(kb, {key: raw})
    assert "\n" not in str(info.value)


def test_answers_must_be_a_mapping(make_kb) -> None:
    with pytest.raises(InputError, match="mapping"):
        parse_answers(make_kb(findings=FINDINGS), ["weakness"])  # type: ignore[arg-type]
