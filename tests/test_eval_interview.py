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
    values = {f["id"]: f["value"] for f in answer["findings"]}
    # every sign the case gives was asked (ticked in its checklist), and every other known
    # answer is a checklist member left unticked (no), never an invented yes
    assert all(values.get(fid) is True for fid in CASE["answers"])
    said = {fid for fid, value in values.items() if value is not None}
    unticked = said - set(CASE["answers"])
    assert unticked and all(values[fid] is False and fid in kb.checklist_of for fid in unticked)
    ticked_in = {kb.checklist_of[fid] for fid in CASE["answers"]}
    assert all(kb.checklist_of[fid] in ticked_in for fid in unticked)
    assert answer["triage"]["level"] == "routine"
    # the case gives no warning sign: each screen is "don't know" (it cannot say "none"), and
    # the one screen of a single sign is asked as that sign
    assert asked.warning_signs == len(kb.screens)
    assert asked.screens == sum(len(s.findings) > 1 for s in kb.screens.values())
    assert asked.checklists >= len(ticked_in) and asked.answered == len(ticked_in)
    assert asked.total < len(kb.findings) / 2
    assert asked.items - asked.total >= len(kb.warning_sign_ids) - len(kb.screens)


def test_silent_as_no_answers_no_where_the_case_is_silent(kb) -> None:
    answer, asked = simulate(CASE, silent_as_no=True)
    assert asked.total <= simulate(CASE)[1].total
    values = {f["id"]: f["value"] for f in answer["findings"]}
    assert all(values[fid] is True for fid in CASE["answers"] if fid in values)
    said_no = [fid for fid, value in values.items() if value is False]
    assert said_no and all(kb.findings[fid].type == "boolean" for fid in said_no)
    assert all(fid not in CASE["answers"] for fid in said_no)
    # the warning-sign screens are answered "none", so no sign is left unknown
    assert not set(kb.warning_sign_ids) & {fid for fid, v in values.items() if v is None}
    assert answer["triage"]["level"] == "routine"


def test_main_interview_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cases = tmp_path / "cases.yaml"
    cases.write_text(yaml.safe_dump([CASE]))
    assert main(["--cases", str(cases), "--interview", "--json",
                 "--fail-on-under-triage", "0"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["interview"]["triage_correct"] == 1
    assert data["all_answers"]["triage_correct"] == 1
    assert data["questions"]["answered_median"] == 2  # two checklists, each ticked


def test_stop_at_emergency_ends_the_interview_at_the_first_emergency(kb) -> None:
    stroke = {**CASE, "id": "stroke", "answers": {"face_drooping": True, "slurred_speech": True},
              "gold": {"triage": "emergency", "condition": "stroke_tia"}}
    answer, asked = simulate(stroke, stop_at_emergency=True)
    assert answer["triage"]["level"] == "emergency"
    full_answer, full = simulate(stroke)
    assert full_answer["triage"]["level"] == "emergency" and asked.total < full.total
