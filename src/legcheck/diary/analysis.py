"""What the diary says: how often, whether it is changing, what goes with it, when, for how long.

Pure: `analyse(episodes, days, today=...)` takes plain records and returns a `DiaryAnalysis`; it
reads no files, opens no database and prints nothing. Days follow the person's local time: an
episode belongs to the date of its `local_time`, and `today` is the person's today. The diary period
runs from the day of the first episode to today, and days without episodes count as zero.

The statistics live beside this module: `analysis_trend` (is it changing), `analysis_factors` (what
goes with more episodes), `analysis_stats` (the numerical methods).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import numpy as np

from legcheck.diary.analysis_common import Plain, percent, plural, rate_text
from legcheck.diary.analysis_factors import (
    FACTOR_RULES,
    MIN_DAYS_EACH,
    MORE,
    NO_CLEAR_DIFFERENCE,
    NOT_ENOUGH_DAYS,
    FactorEffect,
    factor_effects,
    symptom_rules,
)
from legcheck.diary.analysis_trend import Trend, complete_days, trend

__all__ = [
    "DURINGS",
    "KINDS",
    "DayRecord",
    "DiaryAnalysis",
    "EpisodeRecord",
    "FactorEffect",
    "Frequency",
    "RecentAverage",
    "Timing",
    "Trend",
    "analyse",
]

KINDS = ("twitch", "jerk", "cramp", "urge")
DURINGS = ("rest", "falling-asleep", "sleep", "exercise", "activity")
NOT_NOTED = "not noted"
NIGHT_STARTS, NIGHT_ENDS = 22, 6


@dataclass(frozen=True)
class EpisodeRecord:
    """One episode. local_time is timezone-aware, in the person's own time zone."""

    local_time: datetime
    kind: str
    during: str | None = None
    intensity: int | None = None

    def __post_init__(self) -> None:
        if self.local_time.tzinfo is None or self.local_time.utcoffset() is None:
            raise ValueError(f"episode time {self.local_time} has no time zone")
        if self.kind not in KINDS:
            raise ValueError(f"unknown episode kind {self.kind!r}; expected one of {KINDS}")
        if self.during is not None and self.during not in DURINGS:
            raise ValueError(f"unknown setting {self.during!r}; expected one of {DURINGS}")
        if self.intensity is not None and not 0 <= self.intensity <= 10:
            raise ValueError(f"intensity {self.intensity} is outside 0-10")


@dataclass(frozen=True)
class DayRecord:
    """The context of one local day. None means not recorded, never zero."""

    day: date
    caffeine_cups: float | None = None
    alcohol_units: float | None = None
    sleep_hours: float | None = None
    stress: int | None = None
    exercise_minutes: float | None = None
    fluids_litres: float | None = None
    medicines: tuple[str, ...] = ()
    symptoms: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.stress is not None and not 0 <= self.stress <= 10:
            raise ValueError(f"stress {self.stress} on {self.day} is outside 0-10")
        for name in ("caffeine_cups", "alcohol_units", "sleep_hours", "exercise_minutes",
                     "fluids_litres"):
            value = getattr(self, name)
            if value is not None and value < 0:
                raise ValueError(f"{name} {value} on {self.day} is negative")


@dataclass(frozen=True)
class RecentAverage(Plain):
    """Episodes per day over the `window` days ending today (fewer if the diary is younger)."""

    window: int  # 7 or 28
    days: int  # days of the window inside the diary period
    episodes: int
    per_day: float | None


@dataclass(frozen=True)
class Frequency(Plain):
    """How often: over the whole diary period and over the last 7 and 28 days."""

    first_episode: date | None
    last_episode: date | None
    days_covered: int  # first episode to today, both included
    total_episodes: int
    episodes_per_day: float | None
    episodes_per_week: float | None
    last_7_days: RecentAverage
    last_28_days: RecentAverage
    episodes_by_kind: dict[str, int]
    daily_counts: tuple[int, ...]  # one per day from first_episode to today, zeros included


@dataclass(frozen=True)
class Timing(Plain):
    """When: by local hour and by what the person was doing."""

    by_hour: tuple[int, ...]  # 24 counts, local hour 0-23
    by_during: dict[str, int]  # each setting, then "not noted"
    night_share: float | None  # 22:00-06:00, of all episodes
    falling_asleep_share: float | None  # of the episodes whose setting was noted
    busiest_hour: int | None
    sentence: str


@dataclass(frozen=True)
class DiaryAnalysis(Plain):
    """Everything the diary says as of `today`; `summary` is the plain-language version."""

    today: date
    frequency: Frequency
    trend: Trend
    factors: tuple[FactorEffect, ...]
    timing: Timing
    days_since_first_episode: int | None
    summary: tuple[str, ...]


@dataclass(frozen=True)
class EpisodeColumns:
    """The episodes as columns, which is all the analysis reads: the local date (as an ordinal)
    and hour of each, its kind and its setting. Built from records, or in bulk by a store."""

    ordinals: np.ndarray
    hours: np.ndarray
    kinds: Sequence[str]
    durings: Sequence[str | None]

    @classmethod
    def from_records(cls, episodes: Sequence[EpisodeRecord]) -> EpisodeColumns:
        count = len(episodes)
        return cls(
            ordinals=np.fromiter((e.local_time.date().toordinal() for e in episodes),
                                 dtype=np.int64, count=count),
            hours=np.fromiter((e.local_time.hour for e in episodes), dtype=np.int64,
                              count=count),
            kinds=[e.kind for e in episodes], durings=[e.during for e in episodes])


def analyse(episodes: Sequence[EpisodeRecord], days: Sequence[DayRecord], *,
            today: date) -> DiaryAnalysis:
    """The whole analysis of one person's diary as of `today` (their local date)."""
    return analyse_columns(EpisodeColumns.from_records(episodes), days, today=today)


def analyse_columns(episodes: EpisodeColumns, days: Sequence[DayRecord], *,
                    today: date) -> DiaryAnalysis:
    """`analyse`, from episodes already in columns (a store's bulk read)."""
    episode_days = _episode_ordinals(episodes, today)
    day_records = _records_by_day(days, today)
    frequency = _frequency(episodes, episode_days, today)
    first = frequency.first_episode
    counts = np.asarray(frequency.daily_counts, dtype=np.int64)
    trend_result = trend(counts, first or today, frequency.total_episodes)
    factors = _factors(counts, first, day_records, days)
    timing = _timing(episodes)
    since = (today - first).days if first else None
    summary = _summary(frequency, trend_result, factors, timing, since)
    return DiaryAnalysis(today=today, frequency=frequency, trend=trend_result, factors=factors,
                         timing=timing, days_since_first_episode=since, summary=summary)


def _episode_ordinals(episodes: EpisodeColumns, today: date) -> np.ndarray:
    ordinals = episodes.ordinals
    if len(ordinals) and ordinals.max() > today.toordinal():
        late = date.fromordinal(int(ordinals.max()))
        raise ValueError(f"an episode on {late} is after today ({today})")
    return ordinals


def _records_by_day(days: Sequence[DayRecord], today: date) -> dict[date, DayRecord]:
    by_day: dict[date, DayRecord] = {}
    for record in days:
        if record.day > today:
            raise ValueError(f"a day record for {record.day} is after today ({today})")
        if record.day in by_day:
            raise ValueError(f"two day records for {record.day}")
        by_day[record.day] = record
    return by_day


def _frequency(episodes: EpisodeColumns, ordinals: np.ndarray, today: date) -> Frequency:
    if len(ordinals) == 0:
        empty = (RecentAverage(7, 0, 0, None), RecentAverage(28, 0, 0, None))
        return Frequency(None, None, 0, 0, None, None, *empty, {}, ())
    first = int(ordinals.min())
    counts = np.bincount(ordinals - first, minlength=today.toordinal() - first + 1)
    per_day = len(ordinals) / len(counts)
    kinds = Counter(episodes.kinds)
    return Frequency(
        first_episode=date.fromordinal(first), last_episode=date.fromordinal(int(ordinals.max())),
        days_covered=len(counts), total_episodes=len(ordinals), episodes_per_day=per_day,
        episodes_per_week=per_day * 7, last_7_days=_recent(counts, 7),
        last_28_days=_recent(counts, 28),
        episodes_by_kind={kind: kinds[kind] for kind in KINDS if kinds[kind]},
        daily_counts=tuple(counts.tolist()))


def _recent(counts: np.ndarray, window: int) -> RecentAverage:
    days = min(window, len(counts))
    episodes = int(counts[len(counts) - days:].sum())
    return RecentAverage(window=window, days=days, episodes=episodes, per_day=episodes / days)


def _factors(counts: np.ndarray, first: date | None, by_day: dict[date, DayRecord],
             days: Sequence[DayRecord]) -> tuple[FactorEffect, ...]:
    """Same-day effects over the complete days that the trend analyses too."""
    rules = (*FACTOR_RULES, *symptom_rules(days))
    if first is None:
        return factor_effects(np.zeros(0, dtype=np.int64), [], rules)
    start, stop = complete_days(len(counts))
    records = [by_day.get(first + timedelta(days=index)) for index in range(start, stop)]
    return factor_effects(counts[start:stop], records, rules)


def _timing(episodes: EpisodeColumns) -> Timing:
    total = len(episodes.kinds)
    by_hour = np.bincount(episodes.hours, minlength=24)
    settings = Counter(episodes.durings)
    by_during = {during: settings[during] for during in DURINGS} | {NOT_NOTED: settings[None]}
    noted = total - settings[None]
    night = int(by_hour[NIGHT_STARTS:].sum() + by_hour[:NIGHT_ENDS].sum())
    night_share = night / total if total else None
    asleep_share = settings["falling-asleep"] / noted if noted else None
    busiest = int(np.argmax(by_hour)) if total else None
    return Timing(by_hour=tuple(by_hour.tolist()), by_during=by_during, night_share=night_share,
                  falling_asleep_share=asleep_share, busiest_hour=busiest,
                  sentence=_timing_sentence(night_share, asleep_share, noted, busiest))


def _timing_sentence(night_share: float | None, asleep_share: float | None, noted: int,
                     busiest: int | None) -> str:
    if night_share is None or busiest is None:
        return "No episodes logged yet, so nothing to say about the time of day."
    sentence = (f"{percent(night_share)} of episodes happened at night (22:00 to 06:00); "
                f"the busiest hour was {busiest:02d}:00 to {(busiest + 1) % 24:02d}:00")
    if asleep_share is None:
        return sentence + "."
    return (sentence + f"; {percent(asleep_share)} of the {plural(noted, 'episode')} with a "
            "setting noted came while falling asleep.")


def _summary(frequency: Frequency, trend_result: Trend, factors: tuple[FactorEffect, ...],
             timing: Timing, since: int | None) -> tuple[str, ...]:
    if since is None:
        return ("No episodes logged yet.", trend_result.sentence)
    sentences = [*_frequency_sentences(frequency, since), trend_result.sentence]
    if trend_result.check_sentence:
        sentences.append(trend_result.check_sentence)
    return (*sentences, *_factor_sentences(factors), timing.sentence)


def _frequency_sentences(frequency: Frequency, since: int) -> list[str]:
    first = frequency.first_episode
    return [
        _recent_sentence(frequency.last_28_days, frequency.last_7_days),
        f"{plural(frequency.total_episodes, 'episode')} logged in "
        f"{plural(frequency.days_covered, 'day')}: about "
        f"{rate_text(frequency.episodes_per_day or 0.0)} overall.",
        "The first episode in the diary was today." if since == 0 else
        f"It has been going on for {plural(since, 'day')}, since {first.isoformat()}.",
    ]


def _recent_sentence(month: RecentAverage, week: RecentAverage) -> str:
    """'About 3.2 episodes a day over the last 28 days and 2.9 episodes a day over the last 7.'"""
    if month.days == 1:
        return f"About {rate_text(month.per_day or 0.0)} so far (one day logged)."
    sentence = f"About {rate_text(month.per_day or 0.0)} over the last {month.days} days"
    if week.days == month.days:
        return sentence + "."
    return sentence + f" and {rate_text(week.per_day or 0.0)} over the last {week.days}."


def _factor_sentences(factors: tuple[FactorEffect, ...]) -> list[str]:
    """Every claimed effect in full, the rest in one line each, then the lag caveat."""
    claimed = [factor.sentence for factor in factors
               if factor.verdict not in (NO_CLEAR_DIFFERENCE, NOT_ENOUGH_DAYS)]
    unclear = [factor.label for factor in factors if factor.verdict == NO_CLEAR_DIFFERENCE]
    too_few = [factor.label for factor in factors if factor.verdict == NOT_ENOUGH_DAYS]
    sentences = list(claimed)
    if unclear:
        sentences.append(f"No clear difference on days with: {', '.join(unclear)}.")
    if too_few:
        sentences.append(f"Not enough days yet to judge: {', '.join(too_few)} "
                         f"(we need at least {MIN_DAYS_EACH} days with and "
                         f"{MIN_DAYS_EACH} without).")
    if claimed or unclear:
        sentences.append("These compare episodes on the same day; some effects (alcohol, a short "
                         "night, hard exercise) can show up the day after.")
    if any(factor.verdict == MORE for factor in factors):
        sentences.append("A factor that goes with more episodes is a clue, not proof that it "
                         "causes them.")
    return sentences
