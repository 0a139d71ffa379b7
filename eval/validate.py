"""Read the labelled cases and check them against the knowledge base before scoring.

`case_problems` lists every problem at once, one line each, naming the case and the field: an
unknown finding, a value of the wrong type or out of range, a gold label outside the contract
(DESIGN.md), a source that is not in sources.yaml, a repeated case id.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from legcheck.contract import CONDITION_IDS
from legcheck.knowledge import KnowledgeBase
from legcheck.knowledge.schema import TRIAGE_ORDER, Finding

CASES_PATH = Path(__file__).with_name("cases.yaml")

# Gold labels use only the contract's condition ids (DESIGN.md), which are never renamed.
CONTRACT_CONDITIONS: tuple[str, ...] = CONDITION_IDS

REQUIRED_KEYS = ("id", "description", "answers", "gold", "source")
OPTIONAL_KEYS = ("note", "text")
GOLD_KEYS = ("triage", "condition")
CASE_ID = re.compile(r"^[a-z][a-z0-9_]*$")
NO_CHANGE = "none"  # in a multiple choice, "none" cannot be combined with other values


class CaseFileError(ValueError):
    """The case file cannot be read or is not a list of cases."""


def load_cases(path: Path = CASES_PATH) -> list[Any]:
    """The cases in a YAML file, unchecked (see `case_problems`)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise CaseFileError(f"cannot read {path}: {' '.join(str(error).split())}") from error
    if not isinstance(data, list):
        raise CaseFileError(f"{path}: expected a list of cases")
    return data


def case_problems(cases: Sequence[Any], kb: KnowledgeBase | None) -> list[str]:
    """Every problem in the cases, one line each, naming the case and the field."""
    if kb is None:
        return ["the knowledge base could not be read, so the cases cannot be checked"]
    problems: list[str] = []
    seen: set[str] = set()
    for index, case in enumerate(cases):
        label = _case_label(case, index)
        problems += [f"{label}: {problem}" for problem in one_case_problems(case, kb)]
        if isinstance(case, dict) and isinstance(case.get("id"), str):
            if case["id"] in seen:
                problems.append(f"{label}: id: appears more than once")
            seen.add(case["id"])
    return problems


def _case_label(case: Any, index: int) -> str:
    case_id = case.get("id") if isinstance(case, dict) else None
    return f"case {index + 1} ({case_id})" if isinstance(case_id, str) else f"case {index + 1}"


def one_case_problems(case: Any, kb: KnowledgeBase) -> list[str]:
    """The problems in one case: its keys, id, answers, gold labels and source."""
    if not isinstance(case, dict):
        return ["a case must be a mapping"]
    problems = [f"{key}: missing" for key in REQUIRED_KEYS if key not in case]
    problems += [f"{key}: unknown key" for key in case if key not in REQUIRED_KEYS + OPTIONAL_KEYS]
    if "id" in case and not (isinstance(case["id"], str) and CASE_ID.match(case["id"])):
        problems.append("id: must be short_snake_case")
    if "description" in case and not (isinstance(case["description"], str)
                                      and case["description"].strip()):
        problems.append("description: must be a non-empty text")
    if "answers" in case:
        problems += answers_problems(case["answers"], kb.findings)
    if "gold" in case:
        problems += gold_problems(case["gold"])
    if "source" in case and case["source"] not in kb.sources:
        problems.append(f"source: '{case['source']}' is not in sources.yaml")
    return problems


def answers_problems(answers: Any, findings: Mapping[str, Finding]) -> list[str]:
    if not isinstance(answers, dict) or not answers:
        return ["answers: must be a non-empty mapping of finding id to value"]
    problems = (answer_problem(findings, str(fid), value) for fid, value in answers.items())
    return [problem for problem in problems if problem]


def answer_problem(findings: Mapping[str, Finding], finding_id: str, value: Any) -> str | None:
    """Why `value` is not a valid answer for the finding, or None when it is."""
    finding = findings.get(finding_id)
    where = f"answers.{finding_id}"
    if finding is None:
        return f"{where}: no such finding in findings.yaml"
    if finding.type == "boolean":
        return None if isinstance(value, bool) else f"{where}: {value!r} is not true or false"
    if finding.type == "number":
        return _number_problem(finding, value, where)
    return _choice_problem(finding, value, where)


def _number_problem(finding: Finding, value: Any, where: str) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return f"{where}: {value!r} is not a number"
    low, high = finding.minimum, finding.maximum
    if (low is not None and value < low) or (high is not None and value > high):
        return f"{where}: {value} is outside {low:g}..{high:g}"
    return None


def _choice_problem(finding: Finding, value: Any, where: str) -> str | None:
    allowed = finding.choice_values()
    if not finding.multiple:
        if isinstance(value, str) and value in allowed:
            return None
        return f"{where}: {value!r} is not one of {', '.join(allowed)}"
    if not isinstance(value, list) or not value:
        return f"{where}: must be a non-empty list of {', '.join(allowed)}"
    unknown = [item for item in value if item not in allowed]
    if unknown:
        return f"{where}: {unknown!r} not among {', '.join(allowed)}"
    if len(set(value)) != len(value):
        return f"{where}: a value is repeated"
    if NO_CHANGE in value and len(value) > 1:
        return f"{where}: '{NO_CHANGE}' cannot be combined with other values"
    return None


def gold_problems(gold: Any) -> list[str]:
    if not isinstance(gold, dict):
        return ["gold: must be a mapping with triage and condition"]
    problems = [f"gold.{key}: missing" for key in GOLD_KEYS if key not in gold]
    problems += [f"gold.{key}: unknown key" for key in gold if key not in GOLD_KEYS]
    if "triage" in gold and gold["triage"] not in TRIAGE_ORDER:
        problems.append(f"gold.triage: {gold['triage']!r} is not one of {', '.join(TRIAGE_ORDER)}")
    if "condition" in gold and gold["condition"] not in CONTRACT_CONDITIONS:
        problems.append(f"gold.condition: {gold['condition']!r} is not a contract condition id")
    return problems
