"""Three-valued evaluation of the knowledge base's expressions: True, False or None (unknown).

`all`, `any` and `not` follow Kleene's logic, so a missing answer is never read as a "no".
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from legcheck.engine.answers import Observation
from legcheck.knowledge import schema

Truth = bool | None


def evaluate(expression: schema.Expression, observations: Mapping[str, Observation],
             factors: Collection[str] = ()) -> Truth:
    if isinstance(expression, schema.Test):
        return _test(expression, observations)
    if isinstance(expression, schema.All):
        return _kleene(expression.all, observations, factors, deciding=False)
    if isinstance(expression, schema.Any_):
        return _kleene(expression.any, observations, factors, deciding=True)
    if isinstance(expression, schema.Not):
        inner = evaluate(expression.not_, observations, factors)
        return None if inner is None else not inner
    if expression.any_factor:
        return bool(factors)
    return expression.factor in factors


def _kleene(parts: tuple[schema.Expression, ...], observations: Mapping[str, Observation],
            factors: Collection[str], *, deciding: bool) -> Truth:
    """`all` (deciding=False) or `any` (deciding=True): one deciding part settles it; otherwise
    any unknown part leaves the whole unknown."""
    result: Truth = not deciding
    for part in parts:
        truth = evaluate(part, observations, factors)
        if truth is deciding:
            return deciding
        if truth is None:
            result = None
    return result


def _test(test: schema.Test, observations: Mapping[str, Observation]) -> Truth:
    observation = observations.get(test.finding)
    if observation is None or observation.value is None:
        return test.unknown_as
    value = observation.value
    if test.equals is not None:
        return test.equals in value if isinstance(value, tuple) else value == test.equals
    if test.in_ is not None:
        chosen = value if isinstance(value, tuple) else (value,)
        return any(item in test.in_ for item in chosen)
    if test.at_least is not None or test.below is not None:
        return in_band(float(value), test.at_least, test.below)  # type: ignore[arg-type]
    return value is (test.is_ != "absent")


def in_band(number: float, at_least: float | None, below: float | None) -> bool:
    return (at_least is None or number >= at_least) and (below is None or number < below)
