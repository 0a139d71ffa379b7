"""Findings -> evidence -> likelihood for each condition (DESIGN.md's reasoning model).

Posterior odds = prior odds x the product of the likelihood ratios of the known findings.
Evidence is applied in knowledge-file order, so the order of the answers never changes the
arithmetic.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from legcheck.engine.answers import Observation
from legcheck.engine.logic import in_band
from legcheck.engine.result import ConditionResult, EvidenceItem
from legcheck.engine.wording import describe
from legcheck.knowledge import KnowledgeBase, schema


def evidence_ratio(item: schema.Evidence, observation: Observation) -> float:
    """The likelihood ratio one known finding contributes (1.0 when it says nothing)."""
    value = observation.value
    if item.present is not None or item.absent is not None:
        ratio = item.present if value is True else item.absent
        return ratio if ratio is not None else 1.0
    if item.values:
        chosen = value if isinstance(value, tuple) else (value,)
        product = 1.0
        for choice in chosen:
            product *= item.values.get(str(choice), 1.0)
        return product
    for band in item.bands:
        if in_band(float(value), band.at_least, band.below):  # type: ignore[arg-type]
            return band.ratio
    return 1.0


def condition_evidence(kb: KnowledgeBase, condition: schema.Condition,
                       observations: Mapping[str, Observation],
                       said: Mapping[str, str] | None = None) -> list[EvidenceItem]:
    """The evidence that moved this condition (unsorted). `said` holds each observation's value
    in words, when the caller has already worked it out."""
    said = said if said is not None else {
        fid: describe(kb, fid, o.value) for fid, o in observations.items()}
    items = []
    for item in condition.evidence:
        observation = observations.get(item.finding)
        if observation is None or not observation.known:
            continue
        ratio = evidence_ratio(item, observation)
        if ratio != 1.0:
            items.append(EvidenceItem(item.finding, kb.findings[item.finding].label,
                                      observation.value, said[item.finding],
                                      ratio, item.source, item.note))
    return items + _unexplained(kb, condition, observations)


def _unexplained(kb: KnowledgeBase, condition: schema.Condition,
                 observations: Mapping[str, Observation]) -> list[EvidenceItem]:
    rule = condition.unexplained_warning_signs
    if rule is None:
        return []
    named = {item.finding for item in condition.evidence}
    return [EvidenceItem(o.finding, kb.findings[o.finding].label, o.value, "yes", rule.ratio,
                         rule.source, rule.note)
            for o in observations.values()
            if o.value is True and kb.findings[o.finding].warning_sign and o.finding not in named]


def likelihood(prior: float, ratios: list[float]) -> float:
    odds = prior / (1.0 - prior)
    for ratio in ratios:
        odds *= ratio
    return odds / (1.0 + odds)


def rank_conditions(kb: KnowledgeBase,
                    observations: Mapping[str, Observation]) -> list[ConditionResult]:
    """Every condition with its likelihood and evidence, most likely first (ties by id)."""
    results = []
    said = {fid: describe(kb, fid, o.value) for fid, o in observations.items() if o.known}
    for condition in kb.conditions.values():
        evidence = condition_evidence(kb, condition, observations, said)
        chance = likelihood(condition.prior, [item.ratio for item in evidence])
        evidence.sort(key=lambda item: (-abs(math.log(item.ratio)), item.finding))
        results.append(ConditionResult(
            id=condition.id, name=condition.name, summary=condition.summary,
            likelihood=chance, prior=condition.prior,
            likely=chance >= condition.likely_threshold,
            triage_level=condition.triage_level,
            likely_threshold=condition.likely_threshold, evidence=tuple(evidence),
            advice=condition.advice, sources=condition.sources,
            codes={"icd10cm": condition.codes.icd10cm, "snomed_ct": condition.codes.snomed_ct,
                   "hpo": condition.codes.hpo},
        ))
    results.sort(key=lambda result: (-result.likelihood, result.id))
    return results

