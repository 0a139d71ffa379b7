"""Is it becoming more frequent? A count regression of daily counts on time, and Mann-Kendall.

Only complete days are analysed: the day of the first episode is left out (the diary starts because
of that day's episodes, so its count is never zero and would make any diary look like it is easing
off), and so is today (it is not over yet).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from legcheck.diary.analysis_common import Plain, interval_text, plural, ratio_text, times_text
from legcheck.diary.analysis_stats import MannKendall, fit_counts, mann_kendall

MIN_DAYS = 14
MIN_EPISODES = 10
MIN_WEEKS_FOR_MANN_KENDALL = 4
DAYS_PER_MONTH = 30
SIGNIFICANCE = 0.05

MORE = "more frequent"
LESS = "less frequent"
NO_CLEAR_CHANGE = "no clear change"
NOT_ENOUGH = "not enough data yet"


@dataclass(frozen=True)
class Trend(Plain):
    """The trend verdict with the rate ratio per 30 days, its 95% CI, and the weekly check."""

    verdict: str  # "more frequent", "less frequent", "no clear change", "not enough data yet"
    sentence: str
    check_sentence: str | None  # what the Mann-Kendall check on weekly totals adds, if anything
    days_analysed: int
    analysed_from: date | None
    analysed_to: date | None
    model: str | None  # "poisson_glm" or "negative_binomial_glm"
    dispersion: float | None  # Pearson chi2 / df of the Poisson fit
    negative_binomial_alpha: float | None
    rate_ratio_per_30_days: float | None
    ci_low: float | None
    ci_high: float | None
    p_value: float | None
    expected_per_day_at_start: float | None  # the fitted curve, for a chart
    expected_per_day_at_end: float | None
    weekly_mann_kendall: MannKendall | None


def trend(daily_counts: np.ndarray, first_day: date, total_episodes: int) -> Trend:
    """The trend of daily counts that start on first_day (the first episode) and end today."""
    days_covered = len(daily_counts)
    if days_covered < MIN_DAYS or total_episodes < MIN_EPISODES:
        return _not_enough(days_covered, total_episodes)
    start, stop = complete_days(days_covered)
    window = daily_counts[start:stop].astype(float)
    analysed = (first_day + timedelta(days=start), first_day + timedelta(days=stop - 1))
    if window.sum() == 0:
        sentence = ("Not enough data yet to tell whether it is changing: no episodes have been "
                    "logged since the first day.")
        return _empty(NOT_ENOUGH, sentence, len(window), analysed, None)
    return _fitted_trend(window, analysed, _weekly_check(window))


def complete_days(days_covered: int) -> tuple[int, int]:
    """Indices [start, stop) of the days fit to analyse: not the first day, not today."""
    return 1, max(days_covered - 1, 1)


def _fitted_trend(window: np.ndarray, analysed: tuple[date, date],
                  weekly: MannKendall | None) -> Trend:
    months = (np.arange(len(window)) - (len(window) - 1) / 2) / DAYS_PER_MONTH
    fit = fit_counts(window, np.column_stack([np.ones(len(window)), months]))
    if fit is None:
        sentence = ("No clear change can be measured yet: the daily counts are too uneven "
                    "to fit a trend.")
        return _empty(NO_CLEAR_CHANGE, sentence, len(window), analysed, weekly)
    ratio = fit.ratio(1)
    verdict = _verdict(ratio.ratio, ratio.ci_low, ratio.ci_high, ratio.p_value)
    intercept, slope = fit.params
    return Trend(
        verdict=verdict, sentence=_sentence(verdict, ratio.ratio, ratio.ci_low, ratio.ci_high),
        check_sentence=_check_sentence(verdict, weekly), days_analysed=len(window),
        analysed_from=analysed[0], analysed_to=analysed[1], model=fit.method,
        dispersion=fit.dispersion, negative_binomial_alpha=fit.nb_alpha,
        rate_ratio_per_30_days=ratio.ratio, ci_low=ratio.ci_low, ci_high=ratio.ci_high,
        p_value=ratio.p_value,
        expected_per_day_at_start=math.exp(intercept + slope * months[0]),
        expected_per_day_at_end=math.exp(intercept + slope * months[-1]),
        weekly_mann_kendall=weekly)


def _verdict(ratio: float, low: float, high: float, p_value: float) -> str:
    """A change only when p < 0.05 and the interval leaves out 1."""
    if p_value < SIGNIFICANCE and (low > 1 or high < 1):
        return MORE if ratio > 1 else LESS
    return NO_CLEAR_CHANGE


def _weekly_check(window: np.ndarray) -> MannKendall | None:
    """Mann-Kendall on whole weeks counted back from the last complete day."""
    weeks = len(window) // 7
    if weeks < MIN_WEEKS_FOR_MANN_KENDALL:
        return None
    return mann_kendall(window[len(window) - 7 * weeks:].reshape(weeks, 7).sum(axis=1))


def _sentence(verdict: str, ratio: float, low: float, high: float) -> str:
    per_month = f"{times_text(ratio)} as many episodes per month"
    if verdict == MORE:
        return f"Becoming more frequent: {per_month} ({interval_text(low, high)})."
    if verdict == LESS:
        return f"Becoming less frequent: {per_month} ({interval_text(low, high)})."
    return (f"No clear change in how often it happens: the best estimate is {per_month}, but "
            f"anything from {ratio_text(low)} to {ratio_text(high)} fits the diary (95% CI).")


def _check_sentence(verdict: str, weekly: MannKendall | None) -> str | None:
    if weekly is None or verdict not in (MORE, LESS):
        return None
    same_way = weekly.direction == ("up" if verdict == MORE else "down")
    if same_way and weekly.p_value < SIGNIFICANCE:
        return "A simpler check on the weekly totals (Mann-Kendall) agrees."
    return ("A simpler check on the weekly totals (Mann-Kendall) does not show this clearly, "
            "so treat it with some caution.")


def _not_enough(days_covered: int, total_episodes: int) -> Trend:
    gaps = []
    if days_covered < MIN_DAYS:
        gaps.append(f"{plural(days_covered, 'day')} logged; we need at least {MIN_DAYS}")
    if total_episodes < MIN_EPISODES:
        gaps.append(f"{plural(total_episodes, 'episode')} logged; we need at least "
                    f"{MIN_EPISODES}")
    sentence = f"Not enough data yet to tell whether it is changing ({'; '.join(gaps)})."
    return _empty(NOT_ENOUGH, sentence, 0, None, None)


def _empty(verdict: str, sentence: str, days_analysed: int,
           analysed: tuple[date, date] | None, weekly: MannKendall | None) -> Trend:
    return Trend(verdict=verdict, sentence=sentence, check_sentence=None,
                 days_analysed=days_analysed,
                 analysed_from=analysed[0] if analysed else None,
                 analysed_to=analysed[1] if analysed else None, model=None, dispersion=None,
                 negative_binomial_alpha=None, rate_ratio_per_30_days=None, ci_low=None,
                 ci_high=None, p_value=None, expected_per_day_at_start=None,
                 expected_per_day_at_end=None, weekly_mann_kendall=weekly)
