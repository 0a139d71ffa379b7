"""The diary analysis: hand-built diaries with known answers, and simulated diaries with a known
trend, a known trigger, and no effect at all (where it must not cry wolf)."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from legcheck.diary.analysis import (
    DayRecord,
    DiaryAnalysis,
    EpisodeRecord,
    FactorEffect,
    analyse,
)
from legcheck.diary.analysis_stats import exact_rate_ratio, mann_kendall

ZONE = ZoneInfo("Europe/Berlin")
START = date(2025, 1, 1)
SETTINGS = ("rest", "falling-asleep", "sleep", "exercise", "activity", None)


def at(day: date, hour: int, minute: int = 0, *, during: str | None = None,
       kind: str = "twitch") -> EpisodeRecord:
    return EpisodeRecord(datetime.combine(day, time(hour, minute), tzinfo=ZONE), kind, during)


def on_day(offset: int) -> date:
    return START + timedelta(days=offset)


def episodes_from_counts(counts: np.ndarray, rng: np.random.Generator) -> list[EpisodeRecord]:
    """Episodes at random minutes of each day, counts[i] of them on START + i."""
    episodes = []
    for offset, count in enumerate(counts.tolist()):
        for minute in rng.integers(0, 24 * 60, count).tolist():
            during = SETTINGS[int(rng.integers(0, len(SETTINGS)))]
            episodes.append(at(on_day(offset), minute // 60, minute % 60, during=during))
    return episodes


def random_day(offset: int, rng: np.random.Generator) -> DayRecord:
    """A day whose context has nothing to do with the episodes; some values left blank."""
    def maybe(value: float) -> float | None:
        return None if rng.random() < 0.1 else value

    return DayRecord(
        day=on_day(offset), caffeine_cups=maybe(float(rng.integers(0, 6))),
        alcohol_units=maybe(float(rng.integers(1, 11)) if rng.random() < 0.4 else 0.0),
        sleep_hours=maybe(float(rng.uniform(4.5, 9))), stress=int(rng.integers(0, 11)),
        exercise_minutes=maybe(float(rng.choice([0, 30, 45, 60, 90]))),
        fluids_litres=maybe(float(rng.uniform(0.8, 3))),
        medicines=("ibuprofen",) if rng.random() < 0.25 else (),
        symptoms=("numbness",) if rng.random() < 0.15 else ())


def simulated(days: int, rate: Callable[[int, DayRecord | None], float],
              rng: np.random.Generator, *, frailty: float = 0.0) -> DiaryAnalysis:
    """A diary of `days` days, today being the last. Nine days in ten have a context record.
    frailty > 0 makes the counts overdispersed (gamma-Poisson with that variance)."""
    records = [random_day(offset, rng) if rng.random() < 0.9 else None for offset in range(days)]
    means = np.array([rate(offset, record) for offset, record in enumerate(records)])
    if frailty:
        means = means * rng.gamma(1 / frailty, frailty, days)
    counts = rng.poisson(means)
    kept = [record for record in records if record is not None]
    return analyse(episodes_from_counts(counts, rng), kept, today=on_day(days - 1))


def factor(analysis: DiaryAnalysis, factor_id: str) -> FactorEffect:
    return next(item for item in analysis.factors if item.id == factor_id)


# Hand-built diaries ---------------------------------------------------------------------------

def test_averages_count_the_days_without_episodes():
    episodes = [at(on_day(0), 8), at(on_day(0), 21), at(on_day(3), 12)]
    frequency = analyse(episodes, [], today=on_day(9)).frequency
    assert frequency.first_episode == on_day(0) and frequency.last_episode == on_day(3)
    assert frequency.days_covered == 10 and frequency.total_episodes == 3
    assert frequency.daily_counts == (2, 0, 0, 1, 0, 0, 0, 0, 0, 0)
    assert frequency.episodes_per_day == pytest.approx(0.3)
    assert frequency.episodes_per_week == pytest.approx(2.1)
    assert (frequency.last_7_days.days, frequency.last_7_days.episodes) == (7, 1)
    assert frequency.last_7_days.per_day == pytest.approx(1 / 7)
    assert (frequency.last_28_days.days, frequency.last_28_days.episodes) == (10, 3)
    assert frequency.last_28_days.per_day == pytest.approx(0.3)


def test_recent_averages_end_today_and_drop_older_days():
    episodes = [at(on_day(offset), 10) for offset in range(40) for _ in range(offset % 3)]
    frequency = analyse(episodes, [], today=on_day(39)).frequency
    last_28 = sum(offset % 3 for offset in range(12, 40))
    assert frequency.last_28_days.episodes == last_28
    assert frequency.last_28_days.per_day == pytest.approx(last_28 / 28)
    assert frequency.last_7_days.per_day == pytest.approx(sum(o % 3 for o in range(33, 40)) / 7)


def test_summary_gives_numbers_in_plain_words():
    episodes = [at(on_day(offset), 23) for offset in range(28) for _ in range(3)]
    summary = analyse(episodes, [], today=on_day(27)).summary
    assert summary[0] == ("About 3.0 episodes a day over the last 28 days and 3.0 episodes a day "
                          "over the last 7.")
    assert "84 episodes logged in 28 days" in summary[1]
    assert summary[2] == "It has been going on for 27 days, since 2025-01-01."


def test_days_follow_local_time_not_utc():
    tokyo = ZoneInfo("Asia/Tokyo")
    early = EpisodeRecord(datetime(2025, 1, 2, 1, 30, tzinfo=tokyo), "jerk")  # 1 January in UTC
    analysis = analyse([early], [], today=date(2025, 1, 2))
    assert analysis.frequency.first_episode == date(2025, 1, 2)
    assert analysis.timing.by_hour[1] == 1
    assert analysis.days_since_first_episode == 0


def test_empty_diary():
    analysis = analyse([], [], today=START)
    assert analysis.frequency.total_episodes == 0 and analysis.frequency.days_covered == 0
    assert analysis.trend.verdict == "not enough data yet"
    assert analysis.timing.night_share is None and analysis.days_since_first_episode is None
    assert analysis.summary[0] == "No episodes logged yet."
    json.dumps(analysis.to_dict(), allow_nan=False)


@pytest.mark.parametrize(("days", "episodes", "expected"), [
    (12, 40, "Not enough data yet to tell whether it is changing (12 days logged; we need at "
             "least 14)."),
    (30, 9, "Not enough data yet to tell whether it is changing (9 episodes logged; we need at "
            "least 10)."),
    (5, 3, "Not enough data yet to tell whether it is changing (5 days logged; we need at least "
           "14; 3 episodes logged; we need at least 10)."),
])
def test_not_enough_data_for_a_trend(days: int, episodes: int, expected: str):
    diary = [at(on_day(index % days), 9) for index in range(episodes)]
    trend = analyse(diary, [], today=on_day(days - 1)).trend
    assert trend.verdict == "not enough data yet"
    assert trend.sentence == expected
    assert trend.rate_ratio_per_30_days is None


def test_a_burst_on_the_first_day_alone_is_no_trend():
    diary = [at(on_day(0), 22) for _ in range(30)]
    trend = analyse(diary, [], today=on_day(20)).trend
    assert trend.verdict == "not enough data yet"
    assert "since the first day" in trend.sentence


def test_timing_counts_hours_settings_and_shares():
    episodes = [at(on_day(0), 22, 0, during="falling-asleep"),
                at(on_day(0), 23, 30, during="sleep"),
                at(on_day(1), 5, 59, during="falling-asleep"), at(on_day(1), 6, 0, during="rest"),
                at(on_day(1), 12, 0), at(on_day(1), 21, 59, during="activity")]
    timing = analyse(episodes, [], today=on_day(1)).timing
    assert timing.night_share == pytest.approx(3 / 6)  # 22:00 and 05:59 are night, 06:00 is not
    assert timing.falling_asleep_share == pytest.approx(2 / 5)  # of the five with a setting
    assert timing.by_during == {"rest": 1, "falling-asleep": 2, "sleep": 1, "exercise": 0,
                                "activity": 1, "not noted": 1}
    assert len(timing.by_hour) == 24 and sum(timing.by_hour) == 6
    assert [timing.by_hour[hour] for hour in (5, 6, 12, 21, 22, 23)] == [1, 1, 1, 1, 1, 1]
    assert timing.sentence.startswith("50% of episodes happened at night (22:00 to 06:00)")
    assert "40% of the 5 episodes with a setting noted came while falling asleep" in timing.sentence


def test_factor_needs_seven_days_with_and_seven_without():
    episodes = [at(on_day(offset), 10) for offset in range(20)]
    days = [DayRecord(on_day(offset), caffeine_cups=5.0 if offset < 7 else 1.0)
            for offset in range(20)]
    caffeine = factor(analyse(episodes, days, today=on_day(19)), "caffeine")
    # Day 0 (the first episode) and day 19 (today) are not complete days, so 6 are left with.
    assert (caffeine.days_with, caffeine.days_without) == (6, 12)
    assert caffeine.verdict == "not enough days" and caffeine.rate_ratio is None
    assert "6 days with, 12 without; we need at least 7 of each" in caffeine.sentence


def test_unrecorded_values_are_unknown_not_without():
    episodes = [at(on_day(offset), 10) for offset in range(30)]
    days = [DayRecord(on_day(offset), sleep_hours=None if offset % 2 else 7.0,
                      symptoms=("numbness",) if offset % 4 == 0 else ()) for offset in range(20)]
    analysis = analyse(episodes, days, today=on_day(29))
    sleep = factor(analysis, "sleep_deprivation")
    assert (sleep.days_with, sleep.days_without) == (0, 9)  # even days 2..18 recorded
    numbness = factor(analysis, "symptom:numbness")
    assert (numbness.days_with, numbness.days_without) == (4, 15)  # days 1..19 have a record
    assert factor(analysis, "alcohol").days_without == 0


def test_factor_with_no_episodes_on_its_days_uses_the_exact_method():
    episodes = [at(on_day(offset), 10) for offset in range(30) if offset % 2 == 0]
    days = [DayRecord(on_day(offset), stress=8 if offset % 2 else 2) for offset in range(30)]
    stress = factor(analyse(episodes, days, today=on_day(29)), "stress_anxiety")
    assert stress.method == "exact" and stress.episodes_with == 0
    assert stress.rate_ratio == 0 and stress.ci_low == 0 and stress.ci_high < 1
    assert stress.verdict == "fewer episodes"


def test_to_dict_is_json_ready():
    rng = np.random.default_rng(5)
    analysis = simulated(60, lambda offset, record: 2.0, rng)
    plain = analysis.to_dict()
    assert json.loads(json.dumps(plain, allow_nan=False)) == plain
    assert plain["today"] == on_day(59).isoformat()
    assert set(plain) == {"today", "frequency", "trend", "factors", "timing",
                          "days_since_first_episode", "summary"}


@pytest.mark.parametrize(("make", "message"), [
    (lambda: EpisodeRecord(datetime(2025, 1, 1, 9), "twitch"), "no time zone"),
    (lambda: at(START, 9, kind="spasm"), "unknown episode kind"),
    (lambda: at(START, 9, during="dancing"), "unknown setting"),
    (lambda: EpisodeRecord(datetime(2025, 1, 1, 9, tzinfo=ZONE), "jerk", None, 11), "0-10"),
    (lambda: DayRecord(START, stress=12), "0-10"),
    (lambda: DayRecord(START, fluids_litres=-1.0), "negative"),
    (lambda: analyse([at(on_day(3), 9)], [], today=on_day(2)), "after today"),
    (lambda: analyse([], [DayRecord(on_day(3))], today=on_day(2)), "after today"),
    (lambda: analyse([], [DayRecord(START), DayRecord(START)], today=START), "two day records"),
])
def test_bad_input_is_refused(make: Callable[[], object], message: str):
    with pytest.raises(ValueError, match=message):
        make()


@st.composite
def any_diary(draw: st.DrawFn) -> tuple[list[EpisodeRecord], list[DayRecord], date]:
    """Any small diary: bursts, long empty stretches, days with and without context."""
    counts = draw(st.lists(st.integers(0, 40) | st.just(0), min_size=1, max_size=70))
    episodes = [at(on_day(offset), (offset * 7 + index) % 24, during=SETTINGS[index % 6])
                for offset, count in enumerate(counts) for index in range(count)]
    amount = st.none() | st.floats(0, 12, allow_nan=False)
    days = [DayRecord(on_day(offset), caffeine_cups=draw(amount), alcohol_units=draw(amount),
                      sleep_hours=draw(amount), stress=draw(st.none() | st.integers(0, 10)),
                      exercise_minutes=draw(st.none() | st.floats(0, 200)),
                      fluids_litres=draw(amount),
                      medicines=draw(st.sampled_from([(), ("ibuprofen",)])),
                      symptoms=draw(st.sampled_from([(), ("numbness",), ("numbness", "pain")])))
            for offset in range(len(counts)) if draw(st.booleans())]
    return episodes, days, on_day(len(counts) - 1 + draw(st.integers(0, 3)))


@settings(max_examples=120, deadline=None)
@given(diary=any_diary())
def test_invariants_of_any_diary(diary: tuple[list[EpisodeRecord], list[DayRecord], date]):
    episodes, days, today = diary
    analysis = analyse(episodes, days, today=today)  # warnings are errors: none may escape
    total = len(episodes)
    assert sum(analysis.frequency.daily_counts) == total == analysis.frequency.total_episodes
    assert sum(analysis.timing.by_hour) == total == sum(analysis.timing.by_during.values())
    for share in (analysis.timing.night_share, analysis.timing.falling_asleep_share):
        assert share is None or 0 <= share <= 1
    assert analysis.trend.verdict in ("more frequent", "less frequent", "no clear change",
                                      "not enough data yet")
    for effect in analysis.factors:
        assert effect.verdict in ("more episodes", "fewer episodes", "no clear difference",
                                  "not enough days")
        if effect.rate_ratio is not None:
            assert effect.ci_low <= effect.rate_ratio * (1 + 1e-9)
            assert effect.ci_high is None or effect.rate_ratio <= effect.ci_high * (1 + 1e-9)
    assert analysis.summary and all(sentence.strip() for sentence in analysis.summary)
    json.dumps(analysis.to_dict(), allow_nan=False)


# The statistics on their own ------------------------------------------------------------------

def test_mann_kendall_by_hand():
    # Pairs of [1, 2, 2, 4, 3]: eight rise, one ties (2, 2), one falls (4, 3): S = 8 - 1 = 7.
    # Variance: n(n-1)(2n+5)/18 = 5*4*15/18, less the tie group of 2: 2*1*9/18; so 282/18.
    result = mann_kendall(np.array([1, 2, 2, 4, 3]))
    variance = 282 / 18
    z = (7 - 1) / math.sqrt(variance)
    assert (result.n, result.s, result.direction) == (5, 7, "up")
    assert result.variance == pytest.approx(variance)
    assert result.z == pytest.approx(z)
    assert result.p_value == pytest.approx(math.erfc(z / math.sqrt(2)))
    assert result.p_value == pytest.approx(0.1295, abs=1e-4)


def test_mann_kendall_falling_and_flat():
    falling = mann_kendall(np.array([9, 7, 8, 4, 1, 0]))  # 15 pairs, one rise (7, 8)
    assert (falling.s, falling.direction) == (-13, "down")
    assert falling.z == pytest.approx((-13 + 1) / math.sqrt(6 * 5 * 17 / 18))
    flat = mann_kendall(np.array([3, 3, 3, 3]))
    assert (flat.s, flat.z, flat.p_value, flat.direction) == (0, 0.0, 1.0, "none")


def test_exact_rate_ratio_matches_the_wald_interval_for_large_counts():
    exact = exact_rate_ratio(400, 100.0, 300, 150.0)
    assert exact.ratio == pytest.approx(2.0)
    spread = 1.96 * math.sqrt(1 / 400 + 1 / 300)
    assert exact.ci_low == pytest.approx(2.0 * math.exp(-spread), rel=0.01)
    assert exact.ci_high == pytest.approx(2.0 * math.exp(spread), rel=0.01)
    assert exact_rate_ratio(5, 10.0, 0, 10.0).ci_high is None  # unbounded above


# Simulated diaries ----------------------------------------------------------------------------

def test_a_tripling_over_180_days_is_found():
    true_ratio = 3 ** (30 / 180)
    trends = [simulated(180, lambda offset, record: 3 ** (offset / 180),
                        np.random.default_rng(seed)).trend for seed in range(20)]
    assert sum(trend.verdict == "more frequent" for trend in trends) >= 19
    assert sum(trend.ci_low <= true_ratio <= trend.ci_high for trend in trends) >= 17
    assert trends[0].sentence.startswith("Becoming more frequent: about 1.")


def test_a_fall_to_a_quarter_is_found_even_when_overdispersed():
    true_ratio = 0.25 ** (30 / 180)
    trends = [simulated(180, lambda offset, record: 4 * 0.25 ** (offset / 180),
                        np.random.default_rng(seed), frailty=0.5).trend for seed in range(20)]
    assert all(trend.model == "negative_binomial_glm" for trend in trends)
    assert sum(trend.verdict == "less frequent" for trend in trends) >= 18
    assert sum(trend.ci_low <= true_ratio <= trend.ci_high for trend in trends) >= 17


def test_caffeine_that_doubles_the_rate_is_found():
    def rate(offset: int, record: DayRecord | None) -> float:
        cups = record.caffeine_cups if record else None
        return 3.0 if cups is not None and cups >= 4 else 1.5

    effects = [factor(simulated(120, rate, np.random.default_rng(seed)), "caffeine")
               for seed in range(10)]
    assert all(effect.verdict == "more episodes" and effect.ci_low > 1 for effect in effects)
    assert sum(effect.ci_low <= 2 <= effect.ci_high for effect in effects) >= 8
    assert effects[0].sentence.startswith("On days with 4 or more cups of caffeine there were")


FACTOR_IDS = ("caffeine", "alcohol", "sleep_deprivation", "stress_anxiety", "exercise",
              "dehydration", "medication", "symptom:numbness")


def false_alarm_rates(analyses: list[DiaryAnalysis]) -> dict[str, float]:
    """Share of diaries in which the trend, or each factor, claims an effect."""
    rates = {"trend": np.mean([a.trend.verdict in ("more frequent", "less frequent")
                               for a in analyses])}
    for factor_id in FACTOR_IDS:
        rates[factor_id] = np.mean([factor(a, factor_id).verdict in ("more episodes",
                                                                     "fewer episodes")
                                    for a in analyses])
    return rates


@pytest.fixture(scope="module")
def diaries_without_any_effect() -> list[DiaryAnalysis]:
    rng = np.random.default_rng(2024)
    base_rates = rng.uniform(0.3, 4.0, 200)
    return [simulated(120, lambda offset, record, base=base: base, rng) for base in base_rates]


def test_no_false_alarm_about_the_trend(diaries_without_any_effect: list[DiaryAnalysis]):
    rates = false_alarm_rates(diaries_without_any_effect)
    assert rates["trend"] <= 0.1, rates


@pytest.mark.parametrize("factor_id", FACTOR_IDS)
def test_no_false_alarm_about_a_factor(diaries_without_any_effect: list[DiaryAnalysis],
                                       factor_id: str):
    judged = [factor(a, factor_id) for a in diaries_without_any_effect]
    assert all(effect.verdict != "not enough days" for effect in judged)
    rates = false_alarm_rates(diaries_without_any_effect)
    assert rates[factor_id] <= 0.1, rates


def test_no_false_alarm_when_counts_are_overdispersed():
    rng = np.random.default_rng(99)
    analyses = [simulated(120, lambda offset, record: 2.0, rng, frailty=0.6) for _ in range(100)]
    assert np.mean([a.trend.model == "negative_binomial_glm" for a in analyses]) >= 0.9
    rates = false_alarm_rates(analyses)
    # 100 diaries measure one rate to about +-0.02; pooling the factors keeps this from being a
    # test of the seed.
    assert rates["trend"] <= 0.1, rates
    assert np.mean([rates[factor_id] for factor_id in FACTOR_IDS]) <= 0.1, rates


def test_any_factor_claim_at_all_is_rare_without_an_effect(
        diaries_without_any_effect: list[DiaryAnalysis]):
    """The whole list is what a person reads: Holm keeps the chance of any false claim low."""
    claimed = [any(effect.verdict in ("more episodes", "fewer episodes")
                   for effect in a.factors) for a in diaries_without_any_effect]
    assert np.mean(claimed) <= 0.1, np.mean(claimed)


def test_holm_adjustment_by_hand():
    from legcheck.diary.analysis_factors import holm_adjusted

    # sorted p 0.01, 0.02, 0.04 with m=3: 0.03, max(0.03, 0.04)=0.04, max(0.04, 0.04)=0.04
    assert holm_adjusted([0.04, None, 0.01, 0.02]) == pytest.approx([0.04, None, 0.03, 0.04])
    assert holm_adjusted([0.9, 0.8]) == [1.0, 1.0]


@pytest.mark.parametrize(("verdict", "expect"), [
    ("more frequent", {"getting_worse": (True, "trend: more frequent")}),
    ("no clear change", {}), ("less frequent", {}), ("not enough data yet", {})])
def test_the_diary_trend_only_ever_says_getting_worse_yes(verdict: str, expect: dict) -> None:
    """Counts cannot show episodes getting stronger or spreading, so a flat or falling trend
    never answers the warning sign "no" for the person."""
    from types import SimpleNamespace

    from legcheck.diary.findings import _trend

    assert _trend(SimpleNamespace(trend=SimpleNamespace(verdict=verdict))) == expect
