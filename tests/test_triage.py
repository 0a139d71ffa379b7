"""Warning signs first: red flags raise the triage and are never outweighed by likelihoods."""

from __future__ import annotations

import pytest

from legcheck.engine import parse_answers, run_check
from legcheck.engine.check import shown_conditions

FINDINGS = [
    {"id": "flicker"},
    {"id": "face_droop", "warning_sign": True},
    {"id": "saddle", "warning_sign": True},
    {"id": "fever", "warning_sign": True},
    {"id": "new_drug"},
    {"id": "onset"},
    {"id": "days", "type": "number", "minimum": 0, "maximum": 1000},
]
RED_FLAGS = [
    {"id": "face", "name": "Face", "level": "emergency", "when": {"finding": "face_droop"},
     "reason": "face reason", "sources": ["src"]},
    {"id": "saddle", "name": "Saddle", "level": "emergency",
     "when": {"all": [{"finding": "saddle"}, {"finding": "onset", "unknown_as": True}]},
     "reason": "saddle reason", "sources": ["src"]},
    {"id": "drug_fever", "name": "Drug fever", "level": "urgent",
     "when": {"all": [{"finding": "new_drug"}, {"finding": "fever"}]},
     "reason": "drug fever reason", "sources": ["src"]},
    {"id": "long", "name": "Long", "level": "routine", "when": {"finding": "days", "at_least": 14},
     "reason": "long reason", "sources": ["src"]},
]
CONDITIONS = [{"id": "benign", "prior": 0.5, "evidence": [
    {"finding": "flicker", "present": 60.0, "source": "src"},
    {"finding": "face_droop", "present": 0.05, "source": "src"}]}]


@pytest.fixture
def kb(make_kb):
    return make_kb(findings=FINDINGS, red_flags=RED_FLAGS, conditions=CONDITIONS)


def check(kb, **answers):
    return run_check(kb, parse_answers(kb, answers))


def test_nothing_known_is_self_care_with_every_warning_sign_unasked(kb) -> None:
    result = check(kb)
    assert result.triage.level == "self_care"
    assert list(result.unasked_red_flags) == ["face_droop", "saddle", "fever"]
    assert {s.answer for s in result.warning_signs} == {"not_asked"}


def test_red_flag_wins_over_a_very_likely_benign_condition(kb) -> None:
    result = check(kb, flicker="yes", face_droop="yes")
    assert result.conditions[0].id == "benign" and result.conditions[0].likelihood > 0.5
    assert result.triage.level == "emergency"
    assert result.triage.reasons[0] == "face reason"
    assert [flag.id for flag in result.red_flags] == ["face"]


def test_highest_rule_decides_and_every_reason_is_given(kb) -> None:
    result = check(kb, days=20, new_drug="yes", fever="yes")
    assert result.triage.level == "urgent"
    assert result.triage.reasons == ("drug fever reason", "long reason")


def test_unknown_modifier_is_treated_cautiously_when_the_rule_says_so(kb) -> None:
    assert check(kb, saddle="yes").triage.level == "emergency"
    assert check(kb, saddle="yes", onset="no").triage.level == "self_care"


def test_answered_warning_signs_are_no_longer_unasked(kb) -> None:
    result = check(kb, face_droop="no", saddle="don't know")
    assert "face_droop" not in result.unasked_red_flags
    assert "saddle" in result.unasked_red_flags  # "not sure" is still unresolved
    answers = {s.id: s.answer for s in result.warning_signs}
    assert answers == {"face_droop": "no", "saddle": "not_sure", "fever": "not_asked"}


def test_a_sign_that_cannot_fire_is_not_listed_as_unasked(kb) -> None:
    assert "fever" not in check(kb, new_drug="no").unasked_red_flags
    assert "fever" in check(kb, new_drug="yes").unasked_red_flags


def test_short_answer_leads_with_an_urgent_sign_that_points_away_from_the_top(make_kb) -> None:
    flags = [{**RED_FLAGS[0], "suggests": ["stroke"]}, {**RED_FLAGS[3], "suggests": ["benign"]}]
    conditions = [*CONDITIONS, {"id": "stroke", "prior": 0.01, "triage_level": "emergency",
                                "likely_threshold": 0.5,
                                "evidence": [{"finding": "face_droop", "present": 2.0,
                                              "source": "src"}]}]
    kb = make_kb(findings=FINDINGS, red_flags=[*flags, *RED_FLAGS[1:3]], conditions=conditions)
    result = check(kb, flicker="yes", face_droop="yes")
    assert result.short_answer.startswith("emergency headline face reason")
    assert "benign" not in result.short_answer
    # the stroke is shown although it is far from the top three by likelihood
    assert "stroke" in [c.id for c in shown_conditions(result.conditions, result.red_flags)]
    result = check(kb, flicker="yes", days=30)
    assert result.short_answer == ("routine headline From what you told us, the most likely "
                                   "explanation is benign, with a rough likelihood of 98%. This "
                                   "is not a diagnosis. long reason")


def test_if_present_level_is_what_the_sign_would_trigger_now(kb) -> None:
    levels = {s.id: (s.level, s.if_present) for s in check(kb).warning_signs}
    assert levels["face_droop"] == ("emergency", "do emergency")
    # fever alone fires nothing: it keeps its rule's level and says it matters with other signs
    assert levels["fever"] == ("urgent", "together with some other signs, do urgent")
    levels = {s.id: s.level for s in check(kb, new_drug="yes").warning_signs}
    assert levels["fever"] == "urgent"
