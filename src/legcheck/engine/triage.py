"""Warning signs first: red-flag rules, what the person said about each warning sign, and the
triage level, which is the highest of the fired rules, the likely conditions, and self-care.

A red flag can only raise the level: nothing here subtracts, and the validator keeps negation out
of the rules."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Literal

from legcheck.engine.answers import Observation
from legcheck.engine.logic import evaluate
from legcheck.engine.result import ConditionResult, RedFlagResult, Triage, WarningSign
from legcheck.knowledge import KnowledgeBase
from legcheck.knowledge.schema import TRIAGE_ORDER


def level_rank(level: str) -> int:
    return TRIAGE_ORDER.index(level)


def fired_red_flags(kb: KnowledgeBase,
                    observations: Mapping[str, Observation]) -> list[RedFlagResult]:
    """The warning-sign rules that hold, most urgent first (then in file order)."""
    fired = [RedFlagResult(flag.id, flag.name, flag.level, flag.reason, flag.suggests,
                           flag.sources)
             for flag in kb.red_flags.values() if evaluate(flag.when, observations) is True]
    return sorted(fired, key=lambda flag: -level_rank(flag.level))


def warning_signs(kb: KnowledgeBase,
                  observations: Mapping[str, Observation]) -> list[WarningSign]:
    """Every warning-sign question with the person's answer and what it would mean if present.

    The level is counterfactual: the highest rule that would newly fire if this sign were present,
    given everything else the person said. A sign that fires nothing on its own keeps the highest
    level of the rules it feeds, marked as mattering together with other signs."""
    before = {flag.id for flag in kb.red_flags.values()
              if evaluate(flag.when, observations) is True}
    signs = []
    for finding_id in kb.warning_sign_ids:
        finding = kb.findings[finding_id]
        level, alone = _level_if_present(kb, observations, finding_id, before)
        action = kb.levels[level].action if alone else (
            f"together with some other signs, {kb.levels[level].action}")
        signs.append(WarningSign(finding_id, finding.label, finding.question,
                                 _answer(observations.get(finding_id)), level, action))
    return signs


def _answer(observation: Observation | None) -> Literal["yes", "no", "not_sure", "not_asked"]:
    if observation is None:
        return "not_asked"
    if observation.value is None:
        return "not_sure"
    return "yes" if observation.value else "no"


def _level_if_present(kb: KnowledgeBase, observations: Mapping[str, Observation],
                      finding_id: str, before: set[str]) -> tuple[str, bool]:
    present = _WithOne(observations, Observation(finding_id, True, "answer", ""))
    feeding = kb.rules_reading.get(finding_id, ())
    newly = [flag.level for flag in feeding
             if flag.id not in before and evaluate(flag.when, present) is True]
    if newly:
        return max(newly, key=level_rank), True
    return max((flag.level for flag in feeding), key=level_rank, default="routine"), False


class WithOne(Mapping[str, Observation]):
    """The observations with one more, without copying them (the counterfactual is asked for
    every warning sign in every check, and for every answer the interview looks ahead to)."""

    def __init__(self, base: Mapping[str, Observation], extra: Observation) -> None:
        self._base, self._extra = base, extra

    def __getitem__(self, key: str) -> Observation:
        return self._extra if key == self._extra.finding else self._base[key]

    def get(self, key: str, default: Observation | None = None) -> Observation | None:  # type: ignore[override]
        return self._extra if key == self._extra.finding else self._base.get(key, default)

    def __iter__(self) -> Iterator[str]:
        return iter({**self._base, self._extra.finding: self._extra})

    def __len__(self) -> int:
        return len(self._base) + (self._extra.finding not in self._base)


_WithOne = WithOne


def unasked_red_flags(kb: KnowledgeBase, observations: Mapping[str, Observation]) -> list[str]:
    """Warning-sign findings without a known answer that could still make a rule fire."""
    open_findings: set[str] = set()
    for flag in kb.red_flags.values():
        if evaluate(flag.when, observations) is None:
            open_findings.update(kb.rule_findings[flag.id])
    return [finding_id for finding_id in kb.warning_sign_ids
            if finding_id in open_findings
            and (finding_id not in observations or not observations[finding_id].known)]


def decide_triage(kb: KnowledgeBase, red_flags: Iterable[RedFlagResult],
                  conditions: Iterable[ConditionResult]) -> Triage:
    """The highest of the fired red flags, the likely conditions' levels, and self-care."""
    reasons: list[tuple[int, str]] = []
    sources: list[str] = []
    level = "self_care"
    for flag in red_flags:
        reasons.append((level_rank(flag.level), flag.reason))
        sources.extend(flag.sources)
        level = max(level, flag.level, key=level_rank)
    for condition in conditions:
        if condition.likely and condition.triage_level != "self_care":
            verdict = "looks likely" if condition.likelihood >= 0.5 else "cannot be ruled out"
            reasons.append((level_rank(condition.triage_level),
                            f"{condition.name} {verdict} (about "
                            f"{percent(condition.likelihood)}), and it "
                            f"{kb.levels[condition.triage_level].label.lower()}."))
            level = max(level, condition.triage_level, key=level_rank)
    if not reasons:
        reasons.append((0, "Nothing you told us is a warning sign, and no condition that needs "
                           "a doctor stands out."))
    text = kb.levels[level]
    ordered = tuple(reason for _, reason in sorted(reasons, key=lambda pair: -pair[0]))
    return Triage(level=level, label=text.label, headline=text.headline, advice=text.advice,
                  reasons=ordered, sources=(*text.sources, *sources))


def percent(likelihood: float) -> str:
    """A rough likelihood as people read it: never 0% or 100%, since nothing here is certain."""
    if likelihood < 0.01:
        return "under 1%"
    if likelihood > 0.99:
        return "over 99%"
    return f"{round(likelihood * 100)}%"
