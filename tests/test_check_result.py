"""The shape a saved check's result must have (diary/check_result.py): every result a check
writes has it, and the odd shapes an imported file could hold are named."""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest

from legcheck.api import check
from legcheck.contract import TRIAGE_LEVELS
from legcheck.diary.check_result import TriageLevel, result_problem

DROP = object()  # take the key out
RESULT = check(text="my calf twitches at night", answers={"weakness": "no"}).to_dict()


@pytest.mark.parametrize(("text", "answers"), [
    (None, {}),
    ("calf twitching for three weeks after coffee", {"weakness": "no"}),
    ("sudden weakness in one leg and my face droops", {}),
    ("my legs jerk when I fall asleep", {"saddle_numbness": "unknown"}),
])
def test_every_result_a_check_writes_has_the_shape(text: str | None,
                                                  answers: dict[str, Any]) -> None:
    result = check(text=text, answers=answers).to_dict()
    assert result_problem(result) is None


def test_the_levels_are_the_contracts() -> None:
    assert TriageLevel.__args__ == TRIAGE_LEVELS  # type: ignore[attr-defined]


def changed(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    result = copy.deepcopy(RESULT)
    target = result
    for key in path[:-1]:
        target = target[key]
    if value is DROP:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return result


@pytest.mark.parametrize(("path", "value", "problem"), [
    (("triage",), "urgent", r"^triage: Input should be a valid dictionary"),
    (("triage", "level"), ["x"], r"^triage\.level: Input should be 'self_care'"),
    (("triage", "level"), "<i>evil</i>", r"^triage\.level: Input should be"),
    (("triage",), None, r"^triage: "),
    (("conditions",), 5, r"^conditions: Input should be a valid list"),
    (("conditions", 0, "name"), ["a"], r"^conditions\.0\.name: Input should be a valid string"),
    (("conditions", 0, "likelihood"), "0.5", r"^conditions\.0\.likelihood: "),
    (("conditions", 0, "likelihood"), 3, r"^conditions\.0\.likelihood: .*less than or equal"),
    (("conditions", 0, "likely"), 1, r"^conditions\.0\.likely: "),
    (("knowledge_version",), DROP, r"^knowledge_version: Field required"),
    (("knowledge_version",), "v" * 41, r"^knowledge_version: .*at most 40"),
    (("findings",), {}, r"^findings: "),
    (("warning_signs", 0, "answer"), "maybe", r"^warning_signs\.0\.answer: "),
    (("sources", 0), "a source", r"^sources\.0: "),
])
def test_an_odd_result_is_named(path: tuple[Any, ...], value: Any, problem: str) -> None:
    found = result_problem(changed(path, value))
    assert found is not None
    assert re.search(problem, found), found


@pytest.mark.parametrize("result", [None, [], "result", 5])
def test_a_result_that_is_not_an_object(result: Any) -> None:
    assert result_problem(result) == "must be an object"


def test_keys_a_newer_legcheck_adds_are_kept_and_not_checked() -> None:
    newer = {**RESULT, "second_opinion": {"any": ["shape"]}}
    assert result_problem(newer) is None and newer["second_opinion"] == {"any": ["shape"]}
