"""Invariants of the check over random answer sets (hypothesis)."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legcheck import check
from legcheck.api import default_knowledge
from legcheck.engine.triage import level_rank
from legcheck.knowledge.schema import Finding

KB = default_knowledge()
SIGNS = [f.id for f in KB.findings.values() if f.warning_sign]


def value_strategy(finding: Finding) -> st.SearchStrategy[Any]:
    if finding.type == "boolean":
        return st.sampled_from([True, False, None])
    if finding.type == "number":
        low, high = int(finding.minimum or 0), int(min(finding.maximum or 0, 400))
        return st.integers(low, high)
    values = list(finding.choice_values())
    if finding.multiple:
        return st.lists(st.sampled_from(values), min_size=1, max_size=3, unique=True)
    return st.sampled_from(values)


answer_sets = st.dictionaries(
    st.sampled_from(list(KB.findings)), st.none(), max_size=20
).flatmap(lambda keys: st.fixed_dictionaries(
    {key: value_strategy(KB.findings[key]) for key in keys}))

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(answers=answer_sets, sign=st.sampled_from(SIGNS))
def test_a_present_warning_sign_never_lowers_the_triage(answers: dict, sign: str) -> None:
    without = {key: value for key, value in answers.items() if key != sign}
    before = check(answers=without).triage.level
    after = check(answers={**without, sign: True}).triage.level
    assert level_rank(after) >= level_rank(before)


@FAST
@given(answers=answer_sets, data=st.data())
def test_the_order_of_answers_never_changes_the_result(answers: dict, data: st.DataObject) -> None:
    keys = data.draw(st.permutations(list(answers)))
    shuffled = {key: answers[key] for key in keys}
    assert check(answers=shuffled).to_dict() == check(answers=answers).to_dict()


@FAST
@given(answers=answer_sets)
def test_result_is_well_formed(answers: dict) -> None:
    result = check(answers=answers).to_dict()
    likelihoods = [c["likelihood"] for c in result["conditions"]]
    assert likelihoods == sorted(likelihoods, reverse=True)
    assert all(0.0 < value < 1.0 for value in likelihoods)
    assert set(result["unasked_red_flags"]) <= set(SIGNS)
    assert not set(result["unasked_red_flags"]) & {
        key for key, value in answers.items() if value is not None}
    fired = [flag["level"] for flag in result["red_flags"]]
    assert all(level_rank(result["triage"]["level"]) >= level_rank(level) for level in fired)
