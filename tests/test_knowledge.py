"""The packaged knowledge base: valid, complete for the contract, sourced, and fully reachable."""

from __future__ import annotations

from typing import Any

import pytest

from legcheck import check, contract
from legcheck.api import default_knowledge
from legcheck.knowledge import read_knowledge
from legcheck.knowledge.schema import Condition, Finding

KB = default_knowledge()


def test_packaged_knowledge_has_no_problems() -> None:
    _, problems = read_knowledge()
    assert problems == []


def test_contract_ids_are_all_present(kb) -> None:
    assert set(contract.CONDITION_IDS) <= set(kb.conditions)
    assert set(contract.FACTOR_IDS) <= set(kb.factors)
    assert len(kb.findings) >= 60


@pytest.mark.parametrize("condition", KB.conditions.values(), ids=lambda c: c.id)
def test_condition_is_described_coded_and_sourced(condition: Condition) -> None:
    assert condition.summary and condition.prior_basis and condition.sources
    assert condition.codes.icd10cm, "every condition needs an ICD-10-CM code"
    assert all(item.source in KB.sources for item in condition.evidence)
    assert all(advice in KB.advice for advice in condition.advice)


def best_value(finding: Finding, ratios: dict[Any, float]) -> Any:
    return max(ratios, key=lambda value: ratios[value])


def best_case(condition: Condition) -> dict[str, Any]:
    """The answers that favour this condition most, finding by finding."""
    answers: dict[str, Any] = {}
    for item in condition.evidence:
        if item.present is not None or item.absent is not None:
            options = {True: item.present or 1.0, False: item.absent or 1.0}
        elif item.values:
            options = dict(item.values)
        else:
            options = {(band.at_least if band.at_least is not None else (band.below or 1) - 1):
                       band.ratio for band in item.bands}
        answers[item.finding] = best_value(KB.findings[item.finding], options)
    return answers


@pytest.mark.parametrize("condition", KB.conditions.values(), ids=lambda c: c.id)
def test_every_condition_can_become_likely_and_rank_in_the_top_three(
        condition: Condition) -> None:
    result = check(answers=best_case(condition))
    ranked = [c.id for c in result.conditions]
    assert condition.id in ranked[:3]
    assert next(c for c in result.conditions if c.id == condition.id).likely


@pytest.mark.parametrize("finding", KB.findings.values(), ids=lambda f: f.id)
def test_every_finding_changes_something(finding: Finding) -> None:
    base = check().to_dict()
    if finding.type == "boolean":
        values: list[Any] = [True, False]
    elif finding.type == "number":
        values = sorted({finding.minimum, finding.maximum, 1, 3, 5, 7, 14, 30, 60, 365})
        values = [v for v in values if finding.minimum <= v <= finding.maximum]
    else:
        values = list(finding.choice_values())
    ignore = {"findings", "warning_signs"}  # these always echo the answer
    changed = any({k: v for k, v in check(answers={finding.id: value}).to_dict().items()
                   if k not in ignore} != {k: v for k, v in base.items() if k not in ignore}
                  for value in values)
    assert changed, f"no answer to {finding.id} changes the result"


@pytest.mark.parametrize("finding", KB.findings.values(), ids=lambda f: f.id)
def test_every_finding_is_sourced_and_asked_as_a_question(finding: Finding) -> None:
    assert finding.sources, "the 'why we ask' text is a clinical statement: it needs a source"
    assert "?" in finding.question
    assert finding.why


def test_every_rule_factor_and_advice_is_sourced(kb) -> None:
    entries = [*kb.red_flags.values(), *kb.factors.values(), *kb.advice.values(),
               *kb.levels.values()]
    assert all(entry.sources for entry in entries)
    assert all(rule.sources for row in kb.pattern.values() for rule in row.rules)
