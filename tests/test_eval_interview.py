"""`python -m eval --interview`: the simulated person and the question counts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from eval.__main__ import main
from eval.interview_score import simulate

CASE = {"id": "thyroid", "description": "A test case.", "source": "hse_hyperthyroidism",
        "text": "twitching under my skin, losing weight without trying",
        "answers": {"visible_flicker": True, "weight_loss": True, "heat_intolerance": True,
                    "palpitations": True},
        "gold": {"triage": "routine", "condition": "hyperthyroidism"}}


def test_the_simulated_person_answers_only_what_is_asked_from_the_case(kb) -> None:
    answer, asked = simulate(CASE)
    given = {f["id"] for f in answer["findings"] if f["value"] is not None}
    assert given == set(CASE["answers"])  # three small signs together: all of them were asked
    assert answer["triage"]["level"] == "routine"
    # the case gives no warning sign: each screen is "don't know" (it cannot say "none"), and
    # the one screen of a single sign is asked as that sign
    assert asked.answered == 4 and asked.warning_signs == len(kb.screens)
    assert asked.screens == sum(len(s.findings) > 1 for s in kb.screens.values())
    assert asked.total < len(kb.findings)
    unknown = [f for f in answer["findings"] if f["value"] is None]
    assert len(unknown) == asked.items - asked.answered
    assert asked.items - asked.total == len(kb.warning_sign_ids) - len(kb.screens)


def test_main_interview_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cases = tmp_path / "cases.yaml"
    cases.write_text(yaml.safe_dump([CASE]))
    assert main(["--cases", str(cases), "--interview", "--json",
                 "--fail-on-under-triage", "0"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["interview"]["triage_correct"] == 1
    assert data["all_answers"]["triage_correct"] == 1
    assert data["questions"]["answered_median"] == 4
