"""Which day-level factors go with more episodes: rate ratios on days with versus without each.

A factor is judged only on days whose record says whether it was there: a day with no record, or
a record that leaves the value blank, is unknown and left out, never counted as "without".
Symptoms and medicines are lists, so a day with a record and an empty list counts as "without".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from legcheck.diary.analysis_common import Plain, interval_text, plural, times_text
from legcheck.diary.analysis_stats import RatioEstimate, exact_rate_ratio, fit_counts

if TYPE_CHECKING:
    from legcheck.diary.analysis import DayRecord

MIN_DAYS_EACH = 7
SIGNIFICANCE = 0.05

MORE = "more episodes"
FEWER = "fewer episodes"
NO_CLEAR_DIFFERENCE = "no clear difference"
NOT_ENOUGH_DAYS = "not enough days"


@dataclass(frozen=True)
class FactorRule:
    """One factor: its id (the knowledge base's contributing factor id where there is one), the
    words that finish "on days with ...", and whether a day record has it (None: not recorded)."""

    id: str
    label: str
    present: Callable[[DayRecord], bool | None]


def _at_least(field: str, limit: float) -> Callable[[DayRecord], bool | None]:
    def present(day: DayRecord) -> bool | None:
        value = getattr(day, field)
        return None if value is None else value >= limit
    return present


def _below(field: str, limit: float) -> Callable[[DayRecord], bool | None]:
    def present(day: DayRecord) -> bool | None:
        value = getattr(day, field)
        return None if value is None else value < limit
    return present


FACTOR_RULES: tuple[FactorRule, ...] = (
    FactorRule("caffeine", "4 or more cups of caffeine", _at_least("caffeine_cups", 4)),
    FactorRule("alcohol", "6 or more units of alcohol", _at_least("alcohol_units", 6)),
    FactorRule("sleep_deprivation", "less than 6 hours of sleep", _below("sleep_hours", 6)),
    FactorRule("stress_anxiety", "stress of 7 or more out of 10", _at_least("stress", 7)),
    FactorRule("exercise", "60 or more minutes of exercise", _at_least("exercise_minutes", 60)),
    FactorRule("dehydration", "less than 1.5 litres to drink", _below("fluids_litres", 1.5)),
    FactorRule("medication", "any medicine taken", lambda day: bool(day.medicines)),
)


@dataclass(frozen=True)
class FactorEffect(Plain):
    """Episodes per day with and without one factor, and their ratio with a 95% interval."""

    id: str
    label: str
    verdict: str  # "more episodes", "fewer episodes", "no clear difference", "not enough days"
    sentence: str
    days_with: int
    days_without: int
    episodes_with: int
    episodes_without: int
    rate_with: float | None  # episodes per day
    rate_without: float | None
    rate_ratio: float | None
    ci_low: float | None
    ci_high: float | None  # None when unbounded
    p_value: float | None
    method: str | None  # "poisson_glm", "negative_binomial_glm" or "exact"


def symptom_rules(days: Sequence[DayRecord]) -> tuple[FactorRule, ...]:
    """One rule per symptom named in any day record, in alphabetical order."""
    names = sorted({symptom for day in days for symptom in day.symptoms})
    return tuple(FactorRule(f"symptom:{name}", name.replace("_", " "), _has_symptom(name))
                 for name in names)


def _has_symptom(name: str) -> Callable[[DayRecord], bool | None]:
    return lambda day: name in day.symptoms


def factor_effects(counts: np.ndarray, records: Sequence[DayRecord | None],
                   rules: Sequence[FactorRule]) -> tuple[FactorEffect, ...]:
    """Each rule's effect; records[i] is the record of the day with counts[i], or None.

    Several factors are tested at once, so a claim needs its Holm-adjusted p-value below 0.05:
    with eight factors and no real effect, about one diary in four would otherwise show a
    spurious one."""
    measured = [_measure(counts, records, rule) for rule in rules]
    adjusted = holm_adjusted([m[3].p_value if m[3] is not None else None for m in measured])
    return tuple(_judge(*m, p) for m, p in zip(measured, adjusted, strict=True))


def _measure(counts: np.ndarray, records: Sequence[DayRecord | None], rule: FactorRule
             ) -> tuple[FactorRule, tuple[int, int], tuple[int, int], RatioEstimate | None]:
    flags = [None if record is None else rule.present(record) for record in records]
    with_factor = np.array([flag is True for flag in flags], dtype=bool)
    without_factor = np.array([flag is False for flag in flags], dtype=bool)
    days = (int(with_factor.sum()), int(without_factor.sum()))
    episodes = (int(counts[with_factor].sum()), int(counts[without_factor].sum()))
    if min(days) < MIN_DAYS_EACH:
        return rule, days, episodes, None
    known = with_factor | without_factor
    return rule, days, episodes, compare_rates(counts[known], with_factor[known])


def _judge(rule: FactorRule, days: tuple[int, int], episodes: tuple[int, int],
           estimate: RatioEstimate | None, p_value: float | None) -> FactorEffect:
    if estimate is None:
        return _effect(rule, NOT_ENOUGH_DAYS, _not_enough_sentence(rule, days), days, episodes,
                       None)
    verdict = _verdict(estimate, p_value)
    return _effect(rule, verdict, _sentence(rule, verdict, estimate, days), days, episodes,
                   estimate)


def holm_adjusted(p_values: Sequence[float | None]) -> list[float | None]:
    """Holm's step-down adjustment (None stays None): controls the chance of any false claim."""
    tested = sorted((p, index) for index, p in enumerate(p_values) if p is not None)
    adjusted: list[float | None] = [None] * len(p_values)
    running = 0.0
    for rank, (p, index) in enumerate(tested):
        running = max(running, min(1.0, (len(tested) - rank) * p))
        adjusted[index] = running
    return adjusted


def compare_rates(counts: np.ndarray, indicator: np.ndarray) -> RatioEstimate:
    """Rate ratio of days with versus without: a count GLM on the indicator, exact if it fails."""
    episodes_with, episodes_without = counts[indicator].sum(), counts[~indicator].sum()
    if episodes_with > 0 and episodes_without > 0:
        design = np.column_stack([np.ones(len(counts)), indicator.astype(float)])
        fit = fit_counts(counts.astype(float), design)
        if fit is not None:
            return fit.ratio(1)
    return exact_rate_ratio(int(episodes_with), float(indicator.sum()), int(episodes_without),
                            float((~indicator).sum()))


def _verdict(estimate: RatioEstimate, p_value: float | None) -> str:
    if p_value is None or p_value >= SIGNIFICANCE:
        return NO_CLEAR_DIFFERENCE
    if estimate.ci_low is not None and estimate.ci_low > 1:
        return MORE
    if estimate.ci_high is not None and estimate.ci_high < 1:
        return FEWER
    return NO_CLEAR_DIFFERENCE


def _sentence(rule: FactorRule, verdict: str, estimate: RatioEstimate,
              days: tuple[int, int]) -> str:
    counted = f"{plural(days[0], 'day')} with, {days[1]} without"
    interval = interval_text(estimate.ci_low, estimate.ci_high)
    if estimate.ratio is None:
        return f"No clear difference on days with {rule.label} ({counted})."
    if verdict in (MORE, FEWER):
        return (f"On days with {rule.label} there were {times_text(estimate.ratio)} as many "
                f"episodes ({interval}; {counted}).")
    return (f"No clear difference on days with {rule.label} ({times_text(estimate.ratio)} as "
            f"many episodes, {interval}; {counted}).")


def _not_enough_sentence(rule: FactorRule, days: tuple[int, int]) -> str:
    return (f"Not enough days yet to compare days with {rule.label} ({plural(days[0], 'day')} "
            f"with, {days[1]} without; we need at least {MIN_DAYS_EACH} of each).")


def _effect(rule: FactorRule, verdict: str, sentence: str, days: tuple[int, int],
            episodes: tuple[int, int], estimate: RatioEstimate | None) -> FactorEffect:
    estimate = estimate or RatioEstimate(None, None, None, None, None)
    return FactorEffect(
        id=rule.id, label=rule.label, verdict=verdict, sentence=sentence, days_with=days[0],
        days_without=days[1], episodes_with=episodes[0], episodes_without=episodes[1],
        rate_with=episodes[0] / days[0] if days[0] else None,
        rate_without=episodes[1] / days[1] if days[1] else None,
        rate_ratio=estimate.ratio, ci_low=estimate.ci_low, ci_high=estimate.ci_high,
        p_value=estimate.p_value,
        method=estimate.method)
