"""Statistics of a stored diary: read the store, analyse (analysis.py), and draw the chart."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import BinaryIO

import numpy as np

from legcheck.diary.analysis import DayRecord, DiaryAnalysis, EpisodeColumns, analyse_columns
from legcheck.diary.entries import EARLIEST_DAY
from legcheck.diary.store import DiaryStore, StoredDay
from legcheck.diary.when import zone


def analyse_store(store: DiaryStore, *, today: date, since: date | None = None,
                  days: Sequence[StoredDay] | None = None) -> DiaryAnalysis:
    """Every episode and day entry of the store up to `today` (and from `since`, when given),
    analysed in the person's own time zone. `days` saves reading the day entries again when the
    caller has them (those from `since` on)."""
    stored_days = store.days(since=since or EARLIEST_DAY) if days is None else days
    records = [DayRecord(day=d.day, caffeine_cups=d.caffeine_cups, alcohol_units=d.alcohol_units,
                      sleep_hours=d.sleep_hours, stress=d.stress,
                      exercise_minutes=d.exercise_minutes, fluids_litres=d.fluids_litres,
                      medicines=d.medicines, symptoms=d.symptoms)
            for d in stored_days if EARLIEST_DAY <= d.day <= today]
    return analyse_columns(episode_columns(store, today, since), records, today=today)


def episode_columns(store: DiaryStore, today: date, since: date | None = None) -> EpisodeColumns:
    """Local dates and hours of all episodes at once (pandas converts the time zone in bulk).
    Episodes before 1900 (which a diary written before that limit may hold) are left out: a
    year-1 episode would make a 740,000-day series."""
    import pandas as pd

    person_zone = zone(store.timezone)  # a clear error for an unknown zone before pandas sees it
    since = max(since or EARLIEST_DAY, EARLIEST_DAY)
    start = datetime.combine(since, time(), person_zone) - timedelta(days=1)
    times, kinds, durings = store.episode_times(since=start)
    local = pd.DatetimeIndex(times).tz_localize("UTC").tz_convert(store.timezone) \
        .tz_localize(None)
    ordinals = local.to_numpy().astype("datetime64[D]").astype(np.int64) + EPOCH_ORDINAL
    keep = (ordinals <= today.toordinal()) & (ordinals >= since.toordinal())
    return EpisodeColumns(ordinals=ordinals[keep], hours=local.hour.to_numpy()[keep],
                          kinds=[k for k, kept in zip(kinds, keep, strict=True) if kept],
                          durings=[d for d, kept in zip(durings, keep, strict=True) if kept])


EPOCH_ORDINAL = date(1970, 1, 1).toordinal()


def plot(analysis: DiaryAnalysis, path: Path | BinaryIO, *,
         size: tuple[float, float] = (8, 7)) -> None:
    """Episodes per day over time with the fitted trend, and each factor's rate ratio with its
    95% interval, as a PNG file (or into a binary stream). Black and white friendly: lines and
    markers, not colour alone."""
    import matplotlib
    import matplotlib.dates

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    frequency, trend = analysis.frequency, analysis.trend
    figure, (counts_axis, factors_axis) = plt.subplots(2, 1, figsize=size)
    if frequency.first_episode is not None:
        days = [frequency.first_episode + timedelta(days=i)
                for i in range(len(frequency.daily_counts))]
        counts_axis.bar(days, frequency.daily_counts, color="0.6", label="episodes per day")
        if trend.analysed_from and trend.expected_per_day_at_start is not None:
            counts_axis.plot([trend.analysed_from, trend.analysed_to],
                             [trend.expected_per_day_at_start, trend.expected_per_day_at_end],
                             "k--", linewidth=2, label=f"trend: {trend.verdict}")
        counts_axis.legend(loc="upper left")
    counts_axis.set_title("Episodes per day")
    locator = matplotlib.dates.AutoDateLocator(maxticks=6)
    counts_axis.xaxis.set_major_locator(locator)
    counts_axis.xaxis.set_major_formatter(matplotlib.dates.ConciseDateFormatter(locator))
    _factor_panel(factors_axis, analysis)
    with warnings.catch_warnings():  # a diary of a day or two: matplotlib picks ticks anyway
        warnings.filterwarnings("ignore", message="AutoDateLocator was unable")
        figure.tight_layout()
        figure.savefig(path, format=None if isinstance(path, str | Path) else "png")
    plt.close(figure)


def _factor_panel(axis: object, analysis: DiaryAnalysis) -> None:
    measured = [f for f in analysis.factors if f.rate_ratio is not None]
    for row, effect in enumerate(measured):
        low = effect.ci_low if effect.ci_low is not None else effect.rate_ratio
        high = effect.ci_high if effect.ci_high is not None else effect.rate_ratio
        axis.errorbar([effect.rate_ratio], [row], xerr=[[effect.rate_ratio - low],  # type: ignore[attr-defined]
                                                        [high - effect.rate_ratio]],
                      fmt="ko", capsize=4)
    axis.axvline(1.0, color="0.4", linestyle=":")  # type: ignore[attr-defined]
    axis.set_yticks(range(len(measured)), [f.label for f in measured])  # type: ignore[attr-defined]
    axis.set_xscale("log")  # type: ignore[attr-defined]
    ticks = [0.25, 0.5, 1, 2, 4]
    axis.set_xticks(ticks, [f"{t:g}x" for t in ticks])  # type: ignore[attr-defined]
    axis.minorticks_off()  # type: ignore[attr-defined]
    axis.set_title("Episodes on days with each factor\nvs days without (95% interval)")  # type: ignore[attr-defined]
