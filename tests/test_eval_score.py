"""The scorer (eval/score.py) and `python -m eval`, run against a small fake check."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml

from eval.__main__ import main
from eval.score import (
    CaseResult,
    Prediction,
    format_report,
    gate_failures,
    run_cases,
    summarise,
)


def _case(case_id: str, triage: str, condition: str) -> dict[str, Any]:
    # The fake check reads the answer `duration_days` as an index into FAKE_ANSWERS.
    return {"id": case_id, "description": "A test case.", "source": "nhs_twitching",
            "answers": {"visible_flicker": True, "duration_days": len(CASES)},
            "gold": {"triage": triage, "condition": condition}}


CASES: list[dict[str, Any]] = []
CASES.append(_case("right", "self_care", "benign_fasciculations"))
CASES.append(_case("under", "emergency", "stroke"))
CASES.append(_case("over", "routine", "restless_legs"))
CASES.append(_case("caught", "emergency", "seizure"))

FAKE_ANSWERS: list[tuple[str, list[tuple[str, float]]]] = [
    ("self_care", [("benign_fasciculations", 0.8), ("hypnic_jerks", 0.1)]),
    ("urgent", [("seizure", 0.4), ("muscle_cramps", 0.3), ("hypnic_jerks", 0.2), ("stroke", 0.1)]),
    ("urgent", [("periodic_limb_movements", 0.5), ("restless_legs", 0.4)]),
    ("emergency", [("seizure", 0.9)]),
]


def fake_check(answers: Mapping[str, Any]) -> Mapping[str, Any]:
    level, conditions = FAKE_ANSWERS[int(answers["duration_days"])]
    return {"triage": {"level": level},
            "conditions": [{"id": cid, "likelihood": lk} for cid, lk in conditions]}


def failing_check(answers: Mapping[str, Any]) -> Mapping[str, Any]:
    raise RuntimeError("engine not ready")


def test_metrics_count_hits_and_misses() -> None:
    metrics = summarise(run_cases(CASES, fake_check))
    assert metrics.cases == 4
    assert (metrics.triage_correct, metrics.under_triage, metrics.over_triage) == (2, 1, 1)
    assert metrics.triage_accuracy == 0.5
    assert (metrics.emergency_cases, metrics.emergency_caught) == (2, 1)
    assert metrics.emergency_sensitivity == 0.5
    assert metrics.top1_condition_hits == 2  # "right" and "caught"
    assert metrics.top3_condition_hits == 3  # plus "over" (restless_legs second); stroke is 4th
    assert metrics.confusion["emergency"] == {"self_care": 0, "routine": 0, "urgent": 1,
                                              "emergency": 1}


def test_a_failing_check_counts_as_under_triage_and_is_reported() -> None:
    results = run_cases(CASES[:1], failing_check)
    metrics = summarise(results)
    assert (metrics.errors, metrics.under_triage, metrics.triage_correct) == (1, 1, 0)
    assert metrics.confusion["self_care"]["error"] == 1
    assert "RuntimeError: engine not ready" in format_report(metrics, results, verbose=True)


def test_no_cases_gives_no_ratios() -> None:
    metrics = summarise([])
    assert metrics.triage_accuracy is None and metrics.emergency_sensitivity is None


def test_condition_rank() -> None:
    prediction = Prediction("routine", (("restless_legs", 0.6), ("muscle_cramps", 0.3)))
    assert CaseResult("c", "routine", "muscle_cramps", prediction).condition_rank == 2
    assert CaseResult("c", "routine", "stroke", prediction).condition_rank is None


def test_gates() -> None:
    metrics = summarise(run_cases(CASES, fake_check))
    assert gate_failures(metrics) == []
    assert gate_failures(metrics, min_emergency_sensitivity=0.5, max_under_triage=1) == []
    assert len(gate_failures(metrics, min_emergency_sensitivity=1.0, max_under_triage=0)) == 2


def test_verbose_report_lists_every_miss_with_top_three() -> None:
    results = run_cases(CASES, fake_check)
    report = format_report(summarise(results), results, verbose=True)
    assert "misses (2)" in report
    assert "gold emergency, predicted urgent (UNDER-TRIAGE)" in report
    assert "seizure 0.40, muscle_cramps 0.30, hypnic_jerks 0.20" in report
    assert "ranked 4" in report


@pytest.fixture
def case_file(tmp_path: Path) -> Path:
    path = tmp_path / "cases.yaml"
    path.write_text(yaml.safe_dump(CASES), encoding="utf-8")
    return path


def test_main_prints_the_summary_and_exits_0(case_file: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--cases", str(case_file)], check=fake_check) == 0
    output = capsys.readouterr().out
    assert "emergency sensitivity     0.500 (1/2)" in output
    assert "gold \\ predicted" in output


def test_main_json(case_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--cases", str(case_file), "--json", "--verbose"], check=fake_check) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["under_triage"] == 1 and data["top1_condition_accuracy"] == 0.5
    assert [miss["id"] for miss in data["misses"]] == ["under", "over"]


@pytest.mark.parametrize("gate", [["--require-emergency-sensitivity", "1.0"],
                                  ["--fail-on-under-triage", "0"]])
def test_main_exits_1_when_a_gate_fails(case_file: Path, gate: list[str],
                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--cases", str(case_file), *gate], check=fake_check) == 1
    assert "FAILED" in capsys.readouterr().err


def test_main_exits_2_on_an_invalid_case_file(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump([{**CASES[0], "answers": {"no_such_finding": True}}]),
                   encoding="utf-8")
    assert main(["--cases", str(bad)], check=fake_check) == 2
    assert "answers.no_such_finding: no such finding" in capsys.readouterr().err


def test_main_exits_2_on_a_missing_case_file(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--cases", str(tmp_path / "missing.yaml")], check=fake_check) == 2
    assert "cannot read" in capsys.readouterr().err
