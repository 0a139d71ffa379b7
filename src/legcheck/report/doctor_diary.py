"""The diary part of the doctor's report: what the diary analysis found over the period, as
sections of the neutral document (pure). The numbers come from diary/analysis*.py; this module
only chooses and words them, except the place and intensity tallies, which the analysis does not
cover (the store counts them)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from legcheck.diary.analysis import NOT_NOTED, DiaryAnalysis
from legcheck.diary.analysis_common import interval_text, percent, ratio_text
from legcheck.diary.store import StoredDay
from legcheck.report.charts import FactorChart, HourChart, WeeklyChart
from legcheck.report.document import Bullets, Paragraph, Section, Table

if TYPE_CHECKING:
    from legcheck.report.doctor import ReportInputs

MOST_PLACES = 6


def diary_sections(inputs: ReportInputs) -> list[Section]:
    analysis = inputs.analysis
    section = Section("Diary")
    frequency = analysis.frequency
    logged_days = len(inputs.days)
    section.blocks.append(Paragraph(
        f"{frequency.total_episodes} episodes and {logged_days} day entries (drinks, sleep, "
        f"stress, exercise, fluids, medicines, symptoms) logged in the period.", tone="muted"))
    if not frequency.total_episodes:
        section.blocks.append(Paragraph("No episodes were logged in this period, so there is "
                                        "nothing to chart."))
        return [section, *_context_sections(inputs.days, inputs.finding_labels)]
    from legcheck.report.doctor import ChartBlock, Columns

    section.blocks.append(Bullets(analysis.summary))
    section.blocks.append(ChartBlock(weekly_chart(analysis), _trend_caption(analysis)))
    measured = factor_chart(analysis)
    hours = ChartBlock(HourChart(analysis.timing.by_hour), "When in the day (local time).")
    section.blocks.append(Columns((hours, ChartBlock(measured, "Factors: same-day rate ratios.")))
                          if measured.rows else hours)
    section.blocks.append(Columns((_kinds_table(analysis), _places_table(inputs.tallies.by_place),
                                   _intensity_table(inputs.tallies.by_intensity))))
    factors = _factor_table(analysis)
    if factors.rows:
        section.blocks.append(factors)
    return [section, *_context_sections(inputs.days, inputs.finding_labels)]


def weekly_chart(analysis: DiaryAnalysis) -> WeeklyChart:
    """Episodes per 7 days from the first episode; a last part week is scaled to a week."""
    frequency, trend = analysis.frequency, analysis.trend
    counts = frequency.daily_counts
    per_week = tuple(sum(counts[i:i + 7]) * 7 / len(counts[i:i + 7])
                     for i in range(0, len(counts), 7))
    chart = WeeklyChart(start=frequency.first_episode or analysis.today, per_week=per_week)
    if trend.expected_per_day_at_start is None or trend.expected_per_day_at_end is None:
        return chart
    return WeeklyChart(start=chart.start, per_week=per_week, trend_from=trend.analysed_from,
                       trend_to=trend.analysed_to,
                       trend_start=trend.expected_per_day_at_start * 7,
                       trend_end=trend.expected_per_day_at_end * 7, ratio_low=trend.ci_low,
                       ratio_high=trend.ci_high, trend_label=f"trend: {trend.verdict}")


def _trend_caption(analysis: DiaryAnalysis) -> str:
    trend = analysis.trend
    if trend.rate_ratio_per_30_days is None:
        return f"Episodes per week. {trend.sentence}"
    return (f"Episodes per week, with the fitted trend ({trend.model or 'count model'}): rate "
            f"ratio per 30 days {ratio_text(trend.rate_ratio_per_30_days)}, "
            f"{interval_text(trend.ci_low, trend.ci_high)}, p = {trend.p_value:.2g}.")


def factor_chart(analysis: DiaryAnalysis) -> FactorChart:
    return FactorChart(tuple((f.label, f.rate_ratio, f.ci_low, f.ci_high)
                             for f in analysis.factors if f.rate_ratio is not None))


def _factor_table(analysis: DiaryAnalysis) -> Table:
    rows = tuple((f.label, f"{f.days_with} / {f.days_without}",
                  _rate(f.rate_with) + " / " + _rate(f.rate_without),
                  f"{ratio_text(f.rate_ratio)} ({ratio_text(f.ci_low)} to "
                  f"{ratio_text(f.ci_high)})", f.verdict)
                 for f in analysis.factors if f.rate_ratio is not None)
    return Table(("On days with", "Days with / without", "Episodes a day, with / without",
                  "Rate ratio (95% CI)", "Verdict (Holm-corrected)"), rows)


def _rate(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _kinds_table(analysis: DiaryAnalysis) -> Table:
    total = analysis.frequency.total_episodes
    rows = [(kind, f"{count} ({percent(count / total)})")
            for kind, count in analysis.frequency.episodes_by_kind.items()]
    rows += [(f"during {during}", f"{count} ({percent(count / total)})")
             for during, count in analysis.timing.by_during.items()
             if count and during != NOT_NOTED]
    return Table(("Kind and setting", "Episodes"), tuple(rows))


def _places_table(by_place: dict[str | None, int]) -> Table:
    total = sum(by_place.values()) or 1
    named = sorted(((p, n) for p, n in by_place.items() if p), key=lambda item: (-item[1], item[0]))
    rows = [(place.replace("-", " "), f"{n} ({percent(n / total)})")
            for place, n in named[:MOST_PLACES]]
    others = sum(n for _, n in named[MOST_PLACES:])
    if others:
        rows.append(("other places", f"{others} ({percent(others / total)})"))
    if by_place.get(None):
        rows.append((NOT_NOTED, f"{by_place[None]} ({percent(by_place[None] / total)})"))
    return Table(("Place", "Episodes"), tuple(rows))


def _intensity_table(by_intensity: dict[int | None, int]) -> Table:
    noted = {level: n for level, n in by_intensity.items() if level is not None}
    total = sum(noted.values())
    if not total:
        return Table(("Intensity (0-10)", ""), (("not noted", str(by_intensity.get(None, 0))),))
    rows = (("median", _quantile(noted, 0.5)),
            ("middle half", f"{_quantile(noted, 0.25)} to {_quantile(noted, 0.75)}"),
            ("7 or more", percent(sum(n for level, n in noted.items() if level >= 7) / total)),
            ("noted for", f"{total} of {total + by_intensity.get(None, 0)}"))
    return Table(("Intensity (0-10)", ""), rows)


def _quantile(counts: dict[int, int], share: float) -> str:
    """The lowest level at or below which `share` of the noted episodes lie."""
    total, running = sum(counts.values()), 0
    for level in sorted(counts):
        running += counts[level]
        if running >= share * total:
            return str(level)
    return str(max(counts))


def _context_sections(days: Sequence[StoredDay], labels: dict[str, str]) -> list[Section]:
    section = Section("Symptoms and medicines logged")
    symptoms = _spans([(d.day, s) for d in days for s in d.symptoms])
    medicines = _spans([(d.day, m) for d in days for m in d.medicines])
    if symptoms:
        section.blocks.append(Table(("Other symptom logged", "Days", "First", "Last"), tuple(
            (labels.get(name, name.replace("_", " ")), *span) for name, span in symptoms)))
    if medicines:
        section.blocks.append(Table(("Medicine logged", "Days", "First", "Last"),
                                    tuple((name, *span) for name, span in medicines)))
    if not symptoms and not medicines:
        section.blocks.append(Paragraph("No other symptoms and no medicines were logged in the "
                                        "period.", tone="muted"))
    return [section]


def _spans(items: list[tuple[date, str]]) -> list[tuple[str, tuple[str, str, str]]]:
    """Per name: days logged, first and last day, most days first."""
    days_logged = Counter(name for _, name in items)
    first: dict[str, date] = {}
    last: dict[str, date] = {}
    for day, name in items:
        first[name] = min(first.get(name, day), day)
        last[name] = max(last.get(name, day), day)
    return [(name, (str(days_logged[name]), first[name].isoformat(), last[name].isoformat()))
            for name in sorted(days_logged, key=lambda n: (-days_logged[n], n))]
