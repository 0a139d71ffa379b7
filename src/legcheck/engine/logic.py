"""Three-valued evaluation of the knowledge base's expressions: True, False or None (unknown).

`all`, `any` and `not` follow Kleene's logic, so a missing answer is never read as a "no". Each
expression is compiled once into a small function (cached by identity), because the same rules are
evaluated many times in every check."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping

from legcheck.engine.answers import Observation
from legcheck.knowledge import schema

Truth = bool | None
Rule = Callable[[Mapping[str, Observation], Collection[str]], Truth]

_COMPILED: dict[int, tuple[schema.Expression, Rule]] = {}


def evaluate(expression: schema.Expression, observations: Mapping[str, Observation],
             factors: Collection[str] = ()) -> Truth:
    return compiled(expression)(observations, factors)


def compiled(expression: schema.Expression) -> Rule:
    entry = _COMPILED.get(id(expression))
    if entry is None or entry[0] is not expression:
        entry = _COMPILED[id(expression)] = (expression, _compile(expression))
    return entry[1]


def _compile(expression: schema.Expression) -> Rule:
    if isinstance(expression, schema.Test):
        return _compile_test(expression)
    if isinstance(expression, schema.All):
        return _kleene([_compile(part) for part in expression.all], deciding=False)
    if isinstance(expression, schema.Any_):
        return _kleene([_compile(part) for part in expression.any], deciding=True)
    if isinstance(expression, schema.Not):
        inner = _compile(expression.not_)

        def negation(observations: Mapping[str, Observation], factors: Collection[str]) -> Truth:
            truth = inner(observations, factors)
            return None if truth is None else not truth

        return negation
    if expression.any_factor:
        return lambda observations, factors: bool(factors)
    factor = expression.factor
    return lambda observations, factors: factor in factors


def _kleene(parts: list[Rule], *, deciding: bool) -> Rule:
    """`all` (deciding=False) or `any` (deciding=True): one deciding part settles it; otherwise
    any unknown part leaves the whole unknown."""
    def combined(observations: Mapping[str, Observation], factors: Collection[str]) -> Truth:
        result: Truth = not deciding
        for part in parts:
            truth = part(observations, factors)
            if truth is deciding:
                return deciding
            if truth is None:
                result = None
        return result

    return combined


def _compile_test(test: schema.Test) -> Rule:
    finding, unknown = test.finding, test.unknown_as
    holds = _value_test(test)

    def run(observations: Mapping[str, Observation], factors: Collection[str]) -> Truth:
        observation = observations.get(finding)
        if observation is None or observation.value is None:
            return unknown
        return holds(observation.value)

    return run


def _value_test(test: schema.Test) -> Callable[[object], bool]:
    if test.equals is not None:
        target = test.equals
        return lambda value: target in value if isinstance(value, tuple) else value == target
    if test.in_ is not None:
        allowed = frozenset(test.in_)
        return lambda value: (not allowed.isdisjoint(value) if isinstance(value, tuple)
                              else value in allowed)
    if test.at_least is not None or test.below is not None:
        low, high = test.at_least, test.below
        return lambda value: in_band(float(value), low, high)  # type: ignore[arg-type]
    wanted = test.is_ != "absent"
    return lambda value: value is wanted


def in_band(number: float, at_least: float | None, below: float | None) -> bool:
    return (at_least is None or number >= at_least) and (below is None or number < below)
