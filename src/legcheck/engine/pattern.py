"""The "normal versus concerning" table, with a third column for this person."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

from legcheck.engine.answers import Observation
from legcheck.engine.logic import evaluate
from legcheck.engine.result import PatternResult
from legcheck.engine.wording import fill
from legcheck.knowledge import KnowledgeBase
from legcheck.knowledge.base import finding_ids
from legcheck.knowledge.schema import PatternRule


def judge_pattern(kb: KnowledgeBase, observations: Mapping[str, Observation],
                  factors: Collection[str]) -> tuple[list[PatternResult], list[str]]:
    """Each row judged for this person, and the sources of the rules that decided a row."""
    rows, sources = [], []
    for row in kb.pattern.values():
        decided = None
        for judgement in ("concerning", "normal"):
            decided = next((rule for rule in row.rules if rule.judgement == judgement
                            and evaluate(rule.when, observations, factors) is True), None)
            if decided:
                break
        if decided is not None:
            sources.extend(decided.sources)
            rows.append(PatternResult(row.id, row.label, row.normal, row.concerning,
                                      decided.judgement,
                                      fill(kb, decided.reason, observations)))
        else:
            rows.append(PatternResult(row.id, row.label, row.normal, row.concerning,
                                      "unknown", _missing(kb, row.rules, observations)))
    return rows, sources


def _missing(kb: KnowledgeBase, rules: Iterable[PatternRule],
             observations: Mapping[str, Observation]) -> str:
    wanted: dict[str, None] = {}
    for rule in rules:
        for finding_id in finding_ids(rule.when):
            if finding_id not in observations or not observations[finding_id].known:
                wanted[finding_id] = None
    labels = [kb.findings[finding_id].label for finding_id in list(wanted)[:4]]
    if not labels:
        return "What you told us does not settle this row either way."
    return "You have not told us about " + ", ".join(labels) + "."
