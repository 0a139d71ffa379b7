"""The labelled evaluation cases (eval/cases.yaml) are valid and cover every condition and level.

This checks the case file and its validator only; how well the engine scores is `python -m eval`.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from eval.validate import (
    CONTRACT_CONDITIONS,
    case_problems,
    load_cases,
    one_case_problems,
)
from legcheck.knowledge import KnowledgeBase, read_knowledge
from legcheck.knowledge.schema import TRIAGE_ORDER

CASES: list[Any] = load_cases()
MIN_CASES = 75
MIN_PER_CONDITION = 3
MIN_PER_LEVEL = 12
MIN_EMERGENCIES = 15


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    # read_knowledge, not load_knowledge: other knowledge files may still be incomplete, and a
    # problem in them is not a problem in the cases.
    knowledge, _ = read_knowledge()
    assert knowledge is not None
    return knowledge


@pytest.mark.parametrize("case", CASES, ids=[str(case.get("id")) for case in CASES])
def test_case_is_valid(case: Any, kb: KnowledgeBase) -> None:
    assert one_case_problems(case, kb) == []


def test_case_ids_are_unique() -> None:
    repeated = [case_id for case_id, n in Counter(c["id"] for c in CASES).items() if n > 1]
    assert repeated == []


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= MIN_CASES


@pytest.mark.parametrize("condition", CONTRACT_CONDITIONS)
def test_every_contract_condition_has_cases(condition: str) -> None:
    count = sum(case["gold"]["condition"] == condition for case in CASES)
    assert count >= MIN_PER_CONDITION, f"{condition} is the gold condition of {count} case(s)"


@pytest.mark.parametrize("level", TRIAGE_ORDER)
def test_every_triage_level_has_cases(level: str) -> None:
    count = sum(case["gold"]["triage"] == level for case in CASES)
    assert count >= MIN_PER_LEVEL, f"{level} is the gold triage of {count} case(s)"


def test_there_are_enough_emergencies() -> None:
    assert sum(case["gold"]["triage"] == "emergency" for case in CASES) >= MIN_EMERGENCIES


def test_some_cases_give_only_a_few_answers() -> None:
    # Real people skip questions; the set must test partial answers, not only full interviews.
    assert sum(len(case["answers"]) <= 6 for case in CASES) >= 10


def test_some_cases_answer_warning_signs_false(kb: KnowledgeBase) -> None:
    warning = {fid for fid, finding in kb.findings.items() if finding.warning_sign}
    denied = [c for c in CASES if any(c["answers"].get(fid) is False for fid in warning)]
    assert len(denied) >= 10


def test_the_whole_file_has_no_problems(kb: KnowledgeBase) -> None:
    assert case_problems(CASES, kb) == []


# ---- the validator itself ----------------------------------------------------------------------


def _case(**changes: Any) -> dict[str, Any]:
    case: dict[str, Any] = {
        "id": "sample", "description": "A sample.", "source": "nhs_twitching",
        "answers": {"visible_flicker": True, "duration_days": 3, "location": "one_spot"},
        "gold": {"triage": "self_care", "condition": "benign_fasciculations"},
    }
    case.update(changes)
    return case


def test_validator_accepts_a_good_case(kb: KnowledgeBase) -> None:
    assert one_case_problems(_case(), kb) == []


@pytest.mark.parametrize(("answers", "expected"), [
    ({"not_a_finding": True}, "answers.not_a_finding: no such finding"),
    ({"visible_flicker": "yes"}, "answers.visible_flicker: 'yes' is not true or false"),
    ({"duration_days": -1}, "answers.duration_days: -1 is outside 0..36500"),
    ({"duration_days": True}, "answers.duration_days: True is not a number"),
    ({"location": "calf"}, "answers.location: 'calf' is not one of"),
    ({"location": ["one_spot"]}, "answers.location: ['one_spot'] is not one of"),
    ({"medicine_change": "statin"}, "answers.medicine_change: must be a non-empty list"),
    ({"medicine_change": ["statin", "aspirin"]}, "answers.medicine_change: ['aspirin'] not among"),
    ({"medicine_change": ["none", "statin"]}, "'none' cannot be combined"),
    ({}, "answers: must be a non-empty mapping"),
])
def test_validator_reports_bad_answers(kb: KnowledgeBase, answers: dict[str, Any],
                                       expected: str) -> None:
    problems = one_case_problems(_case(answers=answers), kb)
    assert any(expected in problem for problem in problems), problems


@pytest.mark.parametrize(("changes", "expected"), [
    ({"gold": {"triage": "soon", "condition": "stroke"}}, "gold.triage: 'soon' is not one of"),
    ({"gold": {"triage": "urgent", "condition": "akathisia"}}, "not a contract condition id"),
    ({"gold": {"triage": "urgent"}}, "gold.condition: missing"),
    ({"source": "made_up_source"}, "source: 'made_up_source' is not in sources.yaml"),
    ({"id": "Bad Id"}, "id: must be short_snake_case"),
    ({"description": " "}, "description: must be a non-empty text"),
    ({"extra": 1}, "extra: unknown key"),
])
def test_validator_reports_bad_case_fields(kb: KnowledgeBase, changes: dict[str, Any],
                                           expected: str) -> None:
    problems = one_case_problems(_case(**changes), kb)
    assert any(expected in problem for problem in problems), problems


def test_validator_reports_missing_keys_and_repeated_ids(kb: KnowledgeBase) -> None:
    incomplete = {key: value for key, value in _case().items() if key != "source"}
    problems = case_problems([_case(), _case(), incomplete], kb)
    assert "case 2 (sample): id: appears more than once" in problems
    assert "case 3 (sample): source: missing" in problems


def test_validator_without_a_knowledge_base_says_so() -> None:
    assert case_problems([_case()], None) == [
        "the knowledge base could not be read, so the cases cannot be checked"]
