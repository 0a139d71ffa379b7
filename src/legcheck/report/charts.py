"""The report's charts: plain data (built by doctor.py) and their drawing as SVG (matplotlib).

Readable in black and white: bars are grey with hatching where a second meaning is needed, lines
are dashed, intervals are drawn with caps, and every meaning is in a legend or a label."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

WIDE = (7.4, 1.3)  # inches: the full text width of an A4 page with 12 mm margins
HALF = (3.65, 1.3)
MANY_WEEKS = 80  # beyond this, weeks are drawn as one stepped area, not one bar each


@dataclass(frozen=True)
class WeeklyChart:
    """Episodes per week from `start`, one value per 7 days (the last may be a part week,
    scaled to a week). The trend is the fitted line; the band spans the 95% interval of its
    slope."""

    start: date
    per_week: tuple[float, ...]
    trend_from: date | None = None
    trend_to: date | None = None
    trend_start: float | None = None  # expected episodes a week at trend_from
    trend_end: float | None = None
    ratio_low: float | None = None  # rate ratio per 30 days, 95% interval
    ratio_high: float | None = None
    trend_label: str = ""


@dataclass(frozen=True)
class HourChart:
    by_hour: tuple[int, ...]  # 24 counts, local hour


@dataclass(frozen=True)
class FactorChart:
    rows: tuple[tuple[str, float, float | None, float | None], ...]  # label, ratio, low, high


Chart = WeeklyChart | HourChart | FactorChart


def svg(chart: Chart) -> str:
    """The chart as an SVG document (vector in the PDF)."""
    plt = _pyplot()
    if isinstance(chart, WeeklyChart):
        figure = _weekly(plt, chart)
    elif isinstance(chart, HourChart):
        figure = _hours(plt, chart)
    else:
        figure = _factors(plt, chart)
    out = io.StringIO()
    figure.savefig(out, format="svg")
    plt.close(figure)
    return out.getvalue()


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    # Text stays text (fonttype none): fewer SVG nodes to lay out, and pdftotext can read it.
    plt.rcParams.update({"font.size": 7, "svg.hashsalt": "legcheck", "svg.fonttype": "none",
                         "font.family": "DejaVu Sans", "hatch.linewidth": 0.6,
                         "axes.spines.top": False, "axes.spines.right": False})
    return plt


def _weekly(plt: Any, chart: WeeklyChart) -> Any:
    import matplotlib.dates

    figure, axis = plt.subplots(figsize=WIDE)
    starts = [chart.start + timedelta(days=7 * i) for i in range(len(chart.per_week))]
    if len(starts) <= MANY_WEEKS:
        axis.bar(starts, chart.per_week, width=5.6, align="edge", color="0.75",
                 edgecolor="0.35", linewidth=0.3, label="episodes per week")
    else:
        axis.fill_between([*starts, starts[-1] + timedelta(days=7)],
                          [*chart.per_week, chart.per_week[-1]], step="post", color="0.75",
                          linewidth=0, label="episodes per week")
    if chart.trend_from and chart.trend_to and chart.trend_start and chart.trend_end:
        _trend_band(axis, chart)
    axis.set_ylabel("episodes per week")
    axis.set_ylim(bottom=0)
    locator = matplotlib.dates.AutoDateLocator(maxticks=8)
    axis.xaxis.set_major_locator(locator)
    axis.xaxis.set_major_formatter(matplotlib.dates.ConciseDateFormatter(locator))
    axis.legend(loc="lower left", bbox_to_anchor=(0, 1.0), frameon=False, ncols=3)
    figure.tight_layout(pad=0.3)
    return figure


def _trend_band(axis: Any, chart: WeeklyChart) -> None:
    """The fitted trend (dashed) and, shaded, the trends whose monthly rate ratio lies
    in its 95% interval, pivoting on the middle of the period (the slope's uncertainty only)."""
    import numpy as np

    span = (chart.trend_to - chart.trend_from).days  # type: ignore[operator]
    days = np.linspace(0, span, 50)
    months = (days - span / 2) / 30
    middle = (chart.trend_start * chart.trend_end) ** 0.5  # type: ignore[operator]
    ratio = (chart.trend_end / chart.trend_start) ** (30 / span) if span else 1.0  # type: ignore[operator]
    when = [chart.trend_from + timedelta(days=float(d)) for d in days]  # type: ignore[operator]
    if chart.ratio_low and chart.ratio_high:
        low = middle * np.minimum(chart.ratio_low ** months, chart.ratio_high ** months)
        high = middle * np.maximum(chart.ratio_low ** months, chart.ratio_high ** months)
        axis.fill_between(when, low, high, facecolor="0.55", alpha=0.35, linewidth=0,
                          label="95% interval of the trend")
    axis.plot(when, middle * ratio ** months, "k--", linewidth=1.4, label=chart.trend_label)


def _hours(plt: Any, chart: HourChart) -> Any:
    figure, axis = plt.subplots(figsize=HALF)
    night = [hour >= 22 or hour < 6 for hour in range(24)]
    for is_night, label in ((False, "day"), (True, "night (22:00 to 06:00)")):
        hours = [h for h in range(24) if night[h] == is_night]
        axis.bar(hours, [chart.by_hour[h] for h in hours], width=0.8, color="white" if is_night
                 else "0.7", edgecolor="black", linewidth=0.5, hatch="////" if is_night else None,
                 label=label)
    axis.set_xticks(range(0, 24, 3), [f"{h:02d}" for h in range(0, 24, 3)])
    axis.set_xlabel("hour of the day (local time)")
    axis.set_ylabel("episodes")
    axis.legend(loc="upper center", frameon=False, ncols=2, bbox_to_anchor=(0.5, 1.18))
    figure.tight_layout(pad=0.3)
    return figure


def _factors(plt: Any, chart: FactorChart) -> Any:
    height = max(1.2, 0.15 * len(chart.rows) + 0.55)
    figure, axis = plt.subplots(figsize=(HALF[0], height))
    for row, (_, ratio, low, high) in enumerate(chart.rows):
        low = ratio if low is None else low
        top = ratio * 4 if high is None else high
        axis.errorbar([ratio], [row], xerr=[[ratio - low], [top - ratio]], fmt="ko",
                      markersize=3.5, capsize=3, linewidth=1)
    axis.axvline(1.0, color="0.3", linestyle=":", linewidth=1)
    axis.set_yticks(range(len(chart.rows)), [row[0] for row in chart.rows])
    axis.invert_yaxis()
    axis.set_xscale("log")
    ticks = [0.25, 0.5, 1, 2, 4]
    axis.set_xticks(ticks, [f"{t:g}x" for t in ticks])
    axis.set_xlim(0.2, 5)
    axis.minorticks_off()
    axis.set_xlabel("rate ratio, days with / without (95% CI)")
    figure.tight_layout(pad=0.3)
    return figure
