"""What may be contributing in this person's case: factors whose signals hold."""

from __future__ import annotations

from collections.abc import Mapping

from legcheck.engine.answers import Observation
from legcheck.engine.logic import evaluate
from legcheck.engine.result import FactorResult
from legcheck.engine.wording import fill
from legcheck.knowledge import KnowledgeBase


def find_factors(kb: KnowledgeBase,
                 observations: Mapping[str, Observation]) -> list[FactorResult]:
    found = []
    for factor in kb.factors.values():
        evidence = tuple(fill(kb, signal.evidence, observations) for signal in factor.signals
                         if evaluate(signal.when, observations) is True)
        if evidence:
            found.append(FactorResult(factor.id, factor.name, factor.summary, evidence,
                                      factor.advice, factor.sources))
    return found
