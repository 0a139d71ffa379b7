"""Score the free-text reader on eval/text_cases.yaml: which findings it reads, with which values.

A finding counts as right when its id and value match the gold label (numbers within 20% or 1
unit, several choices as a set). A wrong value counts once as a false positive and once as a false
negative. Negation accuracy is the share of denied findings (the case's `negated` list) read as
"no"."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

TEXT_CASES_PATH = Path(__file__).with_name("text_cases.yaml")
TODAY = date(2026, 11, 24)  # the date the labels assume for "since March"


def read_findings(text: str) -> dict[str, Any]:
    from legcheck.api import default_knowledge
    from legcheck.engine.result import json_value
    from legcheck.text import read_text

    reading = read_text(default_knowledge(), text, today=TODAY)
    return {fid: json_value(o.value) for fid, o in reading.observations.items()}


def same_value(predicted: Any, gold: Any) -> bool:
    if isinstance(gold, bool) or isinstance(predicted, bool):
        return predicted is gold
    if isinstance(gold, int | float) and isinstance(predicted, int | float):
        return abs(predicted - gold) <= max(1.0, 0.2 * abs(gold))
    if isinstance(gold, list) or isinstance(predicted, list):
        return set(_listed(gold)) == set(_listed(predicted))
    return predicted == gold


def _listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


@dataclass
class TextMetrics:
    cases: int = 0
    true_positive: Counter[str] = field(default_factory=Counter)
    false_positive: Counter[str] = field(default_factory=Counter)
    false_negative: Counter[str] = field(default_factory=Counter)
    negations: int = 0
    negations_right: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, case: Mapping[str, Any], predicted: Mapping[str, Any]) -> None:
        gold = case.get("gold") or {}
        self.cases += 1
        for fid, value in gold.items():
            if fid in predicted and same_value(predicted[fid], value):
                self.true_positive[fid] += 1
            else:
                self.false_negative[fid] += 1
                self.errors.append(f"{case['id']}: missed {fid}={value!r}"
                                   + (f" (read {predicted[fid]!r})" if fid in predicted else ""))
        for fid, value in predicted.items():
            if fid not in gold or not same_value(value, gold[fid]):
                self.false_positive[fid] += 1
                if fid not in gold:
                    self.errors.append(f"{case['id']}: extra {fid}={value!r}")
        for fid in case.get("negated") or ():
            self.negations += 1
            self.negations_right += predicted.get(fid) is False

    def scores(self, finding: str | None = None) -> tuple[float, float, float]:
        def total(counter: Counter[str]) -> int:
            return counter[finding] if finding else sum(counter.values())

        tp, fp, fn = (total(self.true_positive), total(self.false_positive),
                      total(self.false_negative))
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    def to_dict(self) -> dict[str, Any]:
        precision, recall, f1 = self.scores()
        findings = sorted(set(self.true_positive) | set(self.false_positive)
                          | set(self.false_negative))
        return {"cases": self.cases, "precision": round(precision, 3),
                "recall": round(recall, 3), "f1": round(f1, 3),
                "negation_accuracy": round(self.negations_right / self.negations, 3)
                if self.negations else None,
                "per_finding": {fid: dict(zip(("precision", "recall", "f1"),
                                              (round(x, 3) for x in self.scores(fid)),
                                              strict=True))
                                for fid in findings}}


def load_text_cases(path: Path = TEXT_CASES_PATH) -> list[dict[str, Any]]:
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(cases, list):
        raise ValueError(f"{path}: expected a list of cases")
    return cases


def split_cases(cases: Sequence[dict[str, Any]], split: str) -> list[dict[str, Any]]:
    """Every 4th case (from the 4th) is the test split; the others are dev."""
    if split == "all":
        return list(cases)
    keep = 3 if split == "test" else None
    return [case for index, case in enumerate(cases)
            if (index % 4 == 3) == (keep is not None)]


def score_texts(cases: Iterable[Mapping[str, Any]]) -> TextMetrics:
    metrics = TextMetrics()
    for case in cases:
        metrics.add(case, read_findings(case["text"]))
    return metrics


def format_text_report(metrics: TextMetrics, *, verbose: bool = False) -> str:
    summary = metrics.to_dict()
    lines = [f"cases                 {summary['cases']}",
             f"precision             {summary['precision']:.3f}",
             f"recall                {summary['recall']:.3f}",
             f"F1                    {summary['f1']:.3f}",
             f"negation accuracy     {summary['negation_accuracy']:.3f} "
             f"({metrics.negations_right}/{metrics.negations})", "",
             f"{'finding':32} {'gold':>5} {'prec':>6} {'recall':>7} {'F1':>6}"]
    for fid, row in summary["per_finding"].items():
        gold = metrics.true_positive[fid] + metrics.false_negative[fid]
        lines.append(f"{fid:32} {gold:>5} {row['precision']:>6.2f} {row['recall']:>7.2f} "
                     f"{row['f1']:>6.2f}")
    if verbose:
        lines += ["", f"errors ({len(metrics.errors)})", *metrics.errors]
    return "\n".join(lines)


def text_twins(cases: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The structured cases with their free-text twin in place of the answers."""
    return [{**case, "answers": case["text"]} for case in cases if case.get("text")]


def legcheck_text_check(text: Any) -> Mapping[str, Any]:
    from legcheck import check

    return check(text=text, today=TODAY).to_dict()
