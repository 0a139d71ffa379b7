"""Three-valued logic: unknown is never read as no."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter

from legcheck.engine.answers import Observation
from legcheck.engine.logic import evaluate
from legcheck.knowledge.schema import Expression

EXPRESSION = TypeAdapter(Expression)


def observe(**values: object) -> dict[str, Observation]:
    return {key: Observation(key, value, "answer", "") for key, value in values.items()}  # type: ignore[arg-type]


CASES = [
    # expression, observations, expected
    ({"finding": "a"}, {}, None),
    ({"finding": "a"}, {"a": True}, True),
    ({"finding": "a"}, {"a": False}, False),
    ({"finding": "a"}, {"a": None}, None),
    ({"finding": "a", "is": "absent"}, {"a": False}, True),
    ({"finding": "a", "unknown_as": True}, {}, True),
    ({"finding": "a", "unknown_as": True}, {"a": False}, False),
    ({"all": [{"finding": "a"}, {"finding": "b"}]}, {"a": True}, None),
    ({"all": [{"finding": "a"}, {"finding": "b"}]}, {"a": False}, False),
    ({"all": [{"finding": "a"}, {"finding": "b"}]}, {"a": True, "b": True}, True),
    ({"any": [{"finding": "a"}, {"finding": "b"}]}, {"a": True}, True),
    ({"any": [{"finding": "a"}, {"finding": "b"}]}, {"a": False}, None),
    ({"any": [{"finding": "a"}, {"finding": "b"}]}, {"a": False, "b": False}, False),
    ({"not": {"finding": "a"}}, {}, None),
    ({"not": {"finding": "a"}}, {"a": True}, False),
    ({"finding": "n", "at_least": 14}, {"n": 14.0}, True),
    ({"finding": "n", "at_least": 14}, {"n": 13.5}, False),
    ({"finding": "n", "below": 7}, {"n": 7.0}, False),
    ({"finding": "c", "equals": "x"}, {"c": "x"}, True),
    ({"finding": "c", "in": ["x", "y"]}, {"c": "z"}, False),
    ({"finding": "m", "in": ["x"]}, {"m": ("y", "x")}, True),
    ({"finding": "m", "equals": "x"}, {"m": ("y",)}, False),
]


@pytest.mark.parametrize(("expression", "values", "expected"), CASES)
def test_evaluate(expression: dict, values: dict, expected: bool | None) -> None:
    parsed = EXPRESSION.validate_python(expression)
    assert evaluate(parsed, observe(**values)) is expected


def test_factor_tests() -> None:
    assert evaluate(EXPRESSION.validate_python({"any_factor": True}), {}, {"caffeine"}) is True
    assert evaluate(EXPRESSION.validate_python({"any_factor": True}), {}, set()) is False
    assert evaluate(EXPRESSION.validate_python({"factor": "alcohol"}), {}, {"caffeine"}) is False
