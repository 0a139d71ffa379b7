"""The arithmetic of DESIGN.md's reasoning model, on hand-built knowledge bases."""

from __future__ import annotations

import math

import pytest

from legcheck.engine import parse_answers, run_check
from legcheck.engine.likelihood import likelihood, rank_conditions

FINDINGS = [
    {"id": "flicker"}, {"id": "weak"},
    {"id": "days", "type": "number", "minimum": 0, "maximum": 1000},
    {"id": "when", "type": "choice", "choices": [{"value": "rest", "label": "rest"},
                                                 {"value": "sleep", "label": "sleep"}]},
    {"id": "meds", "type": "choice", "multiple": True,
     "choices": [{"value": "a", "label": "a"}, {"value": "b", "label": "b"}]},
]
CONDITIONS = [
    {"id": "twitch", "prior": 0.2, "evidence": [
        {"finding": "flicker", "present": 6.0, "absent": 0.25, "source": "src"},
        {"finding": "weak", "present": 0.2, "source": "src"},
        {"finding": "days", "bands": [{"below": 14, "ratio": 1.5}, {"at_least": 14, "ratio": 0.5}],
         "source": "src"},
        {"finding": "when", "values": {"rest": 2.0, "sleep": 0.5}, "source": "src"},
        {"finding": "meds", "values": {"a": 3.0, "b": 2.0}, "source": "src"}]},
    {"id": "other", "prior": 0.1, "evidence": [
        {"finding": "weak", "present": 4.0, "absent": 0.5, "source": "src"}]},
]


@pytest.fixture
def kb(make_kb):
    return make_kb(findings=FINDINGS, conditions=CONDITIONS)


def chance(kb, answers: dict, condition: str) -> float:
    ranked = rank_conditions(kb, parse_answers(kb, answers))
    return next(c.likelihood for c in ranked if c.id == condition)


def odds(p: float) -> float:
    return p / (1 - p)


def test_prior_alone_when_nothing_is_known(kb) -> None:
    assert chance(kb, {}, "twitch") == pytest.approx(0.2)


@pytest.mark.parametrize(("answers", "ratio"), [
    ({"flicker": "yes"}, 6.0),
    ({"flicker": "no"}, 0.25),
    ({"flicker": "unknown"}, 1.0),
    ({"weak": "no"}, 1.0),  # no absent ratio given: absence says nothing
    ({"days": 3}, 1.5), ({"days": 14}, 0.5),
    ({"when": "sleep"}, 0.5),
    ({"meds": "a,b"}, 6.0),
    ({"flicker": "yes", "weak": "yes", "days": 30, "when": "rest"}, 6.0 * 0.2 * 0.5 * 2.0),
])
def test_posterior_odds_are_prior_odds_times_ratios(kb, answers: dict, ratio: float) -> None:
    assert odds(chance(kb, answers, "twitch")) == pytest.approx(odds(0.2) * ratio)


def test_ranked_most_likely_first_with_evidence(kb) -> None:
    ranked = rank_conditions(kb, parse_answers(kb, {"weak": "yes", "flicker": "no"}))
    assert [c.id for c in ranked] == ["other", "twitch"]
    (item,) = ranked[0].evidence
    assert (item.finding, item.direction, item.ratio) == ("weak", "for", 4.0)
    assert [e.direction for e in ranked[1].evidence] == ["against", "against"]
    assert ranked[1].evidence[0].ratio == 0.2  # strongest first


def test_unexplained_warning_signs_lower_a_benign_explanation(make_kb) -> None:
    findings = [{"id": "flicker"}, {"id": "droop", "warning_sign": True},
                {"id": "numb", "warning_sign": True}]
    flags = [{"id": f, "name": f, "level": "emergency", "when": {"finding": f}, "reason": f,
              "sources": ["src"]} for f in ("droop", "numb")]
    condition = {"id": "benign", "prior": 0.3,
                 "evidence": [{"finding": "flicker", "present": 6.0, "source": "src"},
                              {"finding": "numb", "present": 2.0, "source": "src"}],
                 "unexplained_warning_signs": {"ratio": 0.3, "source": "src", "note": "n"}}
    kb = make_kb(findings=findings, red_flags=flags, conditions=[condition])
    (ranked,) = rank_conditions(kb, parse_answers(kb, {"flicker": "yes", "droop": "yes",
                                                        "numb": "yes"}))
    # droop is not named by the condition: x0.3; numb is named, so its own ratio applies
    assert odds(ranked.likelihood) == pytest.approx(odds(0.3) * 6.0 * 2.0 * 0.3)
    assert ("droop", 0.3, "against") in [(e.finding, e.ratio, e.direction)
                                          for e in ranked.evidence]
    (ranked,) = rank_conditions(kb, parse_answers(kb, {"droop": "no"}))
    assert ranked.likelihood == pytest.approx(0.3)


def test_likelihood_function() -> None:
    assert likelihood(0.5, [3.0]) == pytest.approx(0.75)
    assert math.isclose(likelihood(0.1, []), 0.1)


def test_likely_condition_raises_triage(make_kb) -> None:
    conditions = [{**CONDITIONS[1], "triage_level": "routine", "likely_threshold": 0.25}]
    kb = make_kb(findings=FINDINGS, conditions=conditions)
    assert run_check(kb, parse_answers(kb, {})).triage.level == "self_care"
    result = run_check(kb, parse_answers(kb, {"weak": "yes"}))
    assert result.triage.level == "routine"
    assert result.conditions[0].likely
    assert result.triage.reasons[0] == "other cannot be ruled out (about 31%), and it routine."
    conditions = [{**conditions[0], "prior": 0.3}]
    kb = make_kb(findings=FINDINGS, conditions=conditions)
    result = run_check(kb, parse_answers(kb, {"weak": "yes"}))
    assert result.triage.reasons[0] == "other looks likely (about 63%), and it routine."
