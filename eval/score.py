"""Run the labelled cases through legcheck and score the answers.

`run_cases` puts each case's answers through a check function (by default `legcheck.check`) and
keeps the predicted triage level and ranked conditions; `summarise` turns the results into triage
accuracy, under- and over-triage, emergency sensitivity, top-1 and top-3 condition accuracy and a
confusion table; the `format_*` functions present them. The cases are checked first by
`eval.validate`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from legcheck.knowledge.schema import TRIAGE_ORDER

TOP_K = 3

CheckFunction = Callable[[Mapping[str, Any]], Mapping[str, Any]]


# ---- running the cases -----------------------------------------------------------------------


@dataclass(frozen=True)
class Prediction:
    """What the check said for one case; `triage` is None when the check failed (see `error`)."""

    triage: str | None
    conditions: tuple[tuple[str, float], ...]
    error: str | None = None


@dataclass(frozen=True)
class CaseResult:
    case_id: str
    gold_triage: str
    gold_condition: str
    prediction: Prediction

    @property
    def triage_difference(self) -> int:
        """Predicted minus gold level; a failed check counts as below self_care (unsafe)."""
        return triage_rank(self.prediction.triage) - triage_rank(self.gold_triage)

    @property
    def condition_rank(self) -> int | None:
        """1 when the gold condition is ranked first; None when it is not ranked at all."""
        ranked = [condition_id for condition_id, _ in self.prediction.conditions]
        return ranked.index(self.gold_condition) + 1 if self.gold_condition in ranked else None

    @property
    def missed(self) -> bool:
        return self.triage_difference != 0 or self.condition_rank != 1


def triage_rank(level: str | None) -> int:
    return TRIAGE_ORDER.index(level) if level in TRIAGE_ORDER else -1


def legcheck_check(answers: Mapping[str, Any]) -> Mapping[str, Any]:
    """The real check, imported when first used so that validation works without the engine."""
    from legcheck import check

    return check(answers=dict(answers)).to_dict()


def predict(check: CheckFunction, answers: Mapping[str, Any]) -> Prediction:
    """Run one check and read its triage level and ranked conditions (in the order given)."""
    try:
        result = check(answers)
        conditions = tuple((str(item["id"]), float(item["likelihood"]))
                           for item in result["conditions"])
        return Prediction(str(result["triage"]["level"]), conditions)
    except Exception as error:  # one failing case must not hide the scores of the others
        return Prediction(None, (), f"{type(error).__name__}: {error}")


def run_cases(cases: Iterable[Mapping[str, Any]],
              check: CheckFunction = legcheck_check) -> list[CaseResult]:
    return [CaseResult(case["id"], case["gold"]["triage"], case["gold"]["condition"],
                       predict(check, case["answers"])) for case in cases]


# ---- scoring ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Metrics:
    """Scores over all cases. A ratio is None when nothing could be measured."""

    cases: int
    errors: int
    triage_correct: int
    triage_accuracy: float | None
    under_triage: int
    over_triage: int
    emergency_cases: int
    emergency_caught: int
    emergency_sensitivity: float | None
    top1_condition_hits: int
    top1_condition_accuracy: float | None
    top3_condition_hits: int
    top3_condition_accuracy: float | None
    confusion: dict[str, dict[str, int]]  # gold level -> predicted level -> count

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def summarise(results: Sequence[CaseResult]) -> Metrics:
    emergencies = [r for r in results if r.gold_triage == "emergency"]
    correct = sum(r.triage_difference == 0 for r in results)
    caught = sum(r.prediction.triage == "emergency" for r in emergencies)
    top1 = sum(r.condition_rank == 1 for r in results)
    top3 = sum((r.condition_rank or TOP_K + 1) <= TOP_K for r in results)
    return Metrics(
        cases=len(results),
        errors=sum(r.prediction.error is not None for r in results),
        triage_correct=correct, triage_accuracy=_ratio(correct, len(results)),
        under_triage=sum(r.triage_difference < 0 for r in results),
        over_triage=sum(r.triage_difference > 0 for r in results),
        emergency_cases=len(emergencies), emergency_caught=caught,
        emergency_sensitivity=_ratio(caught, len(emergencies)),
        top1_condition_hits=top1, top1_condition_accuracy=_ratio(top1, len(results)),
        top3_condition_hits=top3, top3_condition_accuracy=_ratio(top3, len(results)),
        confusion=confusion_table(results),
    )


def confusion_table(results: Iterable[CaseResult]) -> dict[str, dict[str, int]]:
    """Counts by gold level (rows) and predicted level (columns); a failed check is "error"."""
    table = {gold: dict.fromkeys([*TRIAGE_ORDER, "error"], 0) for gold in TRIAGE_ORDER}
    for result in results:
        table[result.gold_triage][result.prediction.triage or "error"] += 1
    if not any(row["error"] for row in table.values()):
        for row in table.values():
            del row["error"]
    return table


def gate_failures(metrics: Metrics, *, min_emergency_sensitivity: float | None = None,
                  max_under_triage: int | None = None) -> list[str]:
    """Why the run should fail a CI gate; empty when it passes."""
    failures: list[str] = []
    if min_emergency_sensitivity is not None:
        sensitivity = metrics.emergency_sensitivity
        if sensitivity is None:
            failures.append("emergency sensitivity cannot be measured: no gold emergency cases")
        elif sensitivity < min_emergency_sensitivity:
            failures.append(f"emergency sensitivity {sensitivity:.3f} is below the required "
                            f"{min_emergency_sensitivity:g}")
    if max_under_triage is not None and metrics.under_triage > max_under_triage:
        failures.append(f"under-triage count {metrics.under_triage} exceeds {max_under_triage}")
    return failures


# ---- presenting ---------------------------------------------------------------------------------


def _score(ratio: float | None, part: int, whole: int) -> str:
    return "n/a" if ratio is None else f"{ratio:.3f} ({part}/{whole})"


def format_summary(metrics: Metrics) -> str:
    rows = [
        ("cases", str(metrics.cases)),
        ("triage accuracy", _score(metrics.triage_accuracy, metrics.triage_correct,
                                   metrics.cases)),
        ("under-triage", str(metrics.under_triage)),
        ("over-triage", str(metrics.over_triage)),
        ("emergency sensitivity", _score(metrics.emergency_sensitivity,
                                         metrics.emergency_caught, metrics.emergency_cases)),
        ("top-1 condition accuracy", _score(metrics.top1_condition_accuracy,
                                            metrics.top1_condition_hits, metrics.cases)),
        (f"top-{TOP_K} condition accuracy", _score(metrics.top3_condition_accuracy,
                                                  metrics.top3_condition_hits, metrics.cases)),
    ]
    if metrics.errors:
        rows.append(("checks that failed", str(metrics.errors)))
    width = max(len(name) for name, _ in rows)
    return "\n".join(f"{name:<{width}}  {value}" for name, value in rows)


def format_confusion(confusion: Mapping[str, Mapping[str, int]]) -> str:
    corner = "gold \\ predicted"
    columns = list(next(iter(confusion.values()), {}))
    width = max(len(name) for name in [*confusion, *columns, corner])
    lines = ["  ".join([f"{corner:<{width}}", *(f"{c:>{width}}" for c in columns)])]
    for gold, row in confusion.items():
        lines.append("  ".join([f"{gold:<{width}}", *(f"{row[c]:>{width}}" for c in columns)]))
    return "\n".join(lines)


def describe_miss(result: CaseResult) -> str:
    """A few lines on one missed case: triage, where the gold condition ranked, the top three."""
    prediction = result.prediction
    difference = result.triage_difference
    verdict = "ok" if difference == 0 else "UNDER-TRIAGE" if difference < 0 else "over-triage"
    rank = result.condition_rank
    top = ", ".join(f"{cid} {likelihood:.2f}" for cid, likelihood in prediction.conditions[:TOP_K])
    lines = [
        result.case_id,
        f"  triage     gold {result.gold_triage}, predicted {prediction.triage or 'none'}"
        f" ({verdict})",
        f"  condition  gold {result.gold_condition}, ranked {rank or 'not ranked'}",
        f"  top {TOP_K}      {top or '(none)'}",
    ]
    if prediction.error:
        lines.append(f"  error      {prediction.error}")
    return "\n".join(lines)


def format_report(metrics: Metrics, results: Sequence[CaseResult], *, verbose: bool = False) -> str:
    parts = [format_summary(metrics), "", "triage confusion (rows gold, columns predicted)",
             format_confusion(metrics.confusion)]
    if verbose:
        misses = [result for result in results if result.missed]
        parts += ["", f"misses ({len(misses)})", *(describe_miss(r) for r in misses)]
    return "\n".join(parts)


def misses_as_dicts(results: Iterable[CaseResult]) -> list[dict[str, Any]]:
    return [{"id": r.case_id, "gold_triage": r.gold_triage,
             "predicted_triage": r.prediction.triage, "gold_condition": r.gold_condition,
             "condition_rank": r.condition_rank,
             "top": [{"id": cid, "likelihood": lk} for cid, lk in r.prediction.conditions[:TOP_K]],
             "error": r.prediction.error} for r in results if r.missed]
