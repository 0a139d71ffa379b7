"""Looking one answer ahead: what each open question's answers would do to the result.

For the guided check (engine/interview.py). Pure: the knowledge base and the observations in,
numbers out. The expensive part, the likelihood ratios of every representative answer of every
finding, is worked out once per knowledge base (`Tables`) and cached by identity, as logic.py
caches compiled rules.

An *outcome* is what the interview tries to settle: the triage level and the top three likely
conditions. A question whose answers all lead to the same outcome cannot change the result.
`could_raise` looks further than one answer, for safety: the findings through which some
combination of answers could still raise the triage level.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from legcheck.engine.answers import Observation, Value
from legcheck.engine.likelihood import evidence_ratio
from legcheck.engine.logic import evaluate
from legcheck.engine.triage import WithOne, level_rank
from legcheck.knowledge import KnowledgeBase, schema

TOP = 3  # the interview tries to settle the top three conditions, as the answer shows them
LIKELY_FLOOR = 0.1  # a condition below this likelihood is not one of "the likely conditions"
_EPSILON = 1e-9

Outcome = tuple[int, frozenset[str]]  # triage level rank, top three likely conditions


@dataclass(frozen=True)
class Tables:
    """Per knowledge base: each finding's representative answers and, per answer, the change in
    each condition's log-odds (conditions in knowledge-file order)."""

    condition_ids: tuple[str, ...]
    prior_log_odds: tuple[float, ...]
    thresholds: tuple[float, ...]
    threshold_log_odds: tuple[float, ...]
    condition_levels: tuple[int, ...]
    options: dict[str, tuple[Value, ...]]
    log_ratios: dict[str, tuple[tuple[float, ...], ...]]  # finding -> per option -> per condition
    best_rise: dict[str, tuple[float, ...]]  # finding -> per condition: the most an answer adds


_TABLES: dict[int, tuple[KnowledgeBase, Tables]] = {}


def tables(kb: KnowledgeBase) -> Tables:
    entry = _TABLES.get(id(kb))
    if entry is None or entry[0] is not kb:
        entry = _TABLES[id(kb)] = (kb, _build_tables(kb))
    return entry[1]


def _build_tables(kb: KnowledgeBase) -> Tables:
    conditions = list(kb.conditions.values())
    options = {fid: answer_options(kb, finding) for fid, finding in kb.findings.items()}
    log_ratios = {fid: tuple(tuple(_log_ratio(kb, c, fid, value) for c in conditions)
                             for value in values) for fid, values in options.items()}
    return Tables(
        condition_ids=tuple(c.id for c in conditions),
        prior_log_odds=tuple(math.log(c.prior / (1 - c.prior)) for c in conditions),
        thresholds=tuple(c.likely_threshold for c in conditions),
        threshold_log_odds=tuple(math.log(c.likely_threshold / (1 - c.likely_threshold))
                                 for c in conditions),
        condition_levels=tuple(level_rank(c.triage_level) for c in conditions),
        options=options, log_ratios=log_ratios,
        best_rise={fid: tuple(max(0.0, *column) for column in zip(*rows, strict=True))
                   for fid, rows in log_ratios.items()})


def answer_options(kb: KnowledgeBase, finding: schema.Finding) -> tuple[Value, ...]:
    """A small set of answers that stands for every possible answer: yes and no; each choice on
    its own; for a number, one value from each range between the cut points the conditions'
    bands and the warning-sign rules use (every number in a range acts the same)."""
    if finding.type == "boolean":
        return (True, False)
    if finding.type == "choice":
        values = finding.choice_values()
        return tuple((value,) for value in values) if finding.multiple else values
    low, high = float(finding.minimum or 0.0), float(finding.maximum or 0.0)
    cuts = {cut for cut in _number_cuts(kb, finding.id) if low < cut <= high}
    return (low, *sorted(cuts))


def _number_cuts(kb: KnowledgeBase, finding_id: str) -> set[float]:
    cuts: set[float] = set()
    for condition in kb.conditions.values():
        for item in condition.evidence:
            if item.finding == finding_id:
                cuts.update(b for band in item.bands for b in (band.at_least, band.below)
                            if b is not None)
    for flag in kb.red_flags.values():
        cuts.update(_test_cuts(flag.when, finding_id))
    return cuts


def _test_cuts(expression: schema.Expression, finding_id: str) -> set[float]:
    if isinstance(expression, schema.Test):
        if expression.finding != finding_id:
            return set()
        return {b for b in (expression.at_least, expression.below) if b is not None}
    parts = (expression.all if isinstance(expression, schema.All) else
             expression.any if isinstance(expression, schema.Any_) else
             (expression.not_,) if isinstance(expression, schema.Not) else ())
    return set().union(*(_test_cuts(part, finding_id) for part in parts))


def _log_ratio(kb: KnowledgeBase, condition: schema.Condition, finding_id: str,
               value: Value) -> float:
    """What this answer alone does to the condition's log-odds, as likelihood.py counts it."""
    observation = Observation(finding_id, value, "answer", "")
    total = sum(math.log(evidence_ratio(item, observation))
                for item in condition.evidence if item.finding == finding_id)
    rule = condition.unexplained_warning_signs
    named = any(item.finding == finding_id for item in condition.evidence)
    if (rule is not None and value is True and kb.findings[finding_id].warning_sign
            and not named):
        total += math.log(rule.ratio)
    return total


# ---- the state now, and one answer ahead --------------------------------------------------------


@dataclass(frozen=True)
class State:
    """The result as it stands: log-odds per condition, the fired rules and the rules' truth."""

    log_odds: tuple[float, ...]
    fired_level: int
    rule_truth: dict[str, bool | None]
    open_findings: frozenset[str]
    headroom: tuple[float, ...]  # per condition: the most the open questions could still add

    def likelihoods(self) -> list[float]:
        return [1.0 / (1.0 + math.exp(-odds)) for odds in self.log_odds]


def current_state(kb: KnowledgeBase, observations: Mapping[str, Observation],
                  asked: Collection[str]) -> State:
    table = tables(kb)
    log_odds = list(table.prior_log_odds)
    for fid, observation in observations.items():
        if observation.known and fid in table.log_ratios:
            index = _option_index(table.options[fid], observation.value)
            for position, ratio in enumerate(_ratios_for(kb, table, fid, observation, index)):
                log_odds[position] += ratio
    truth = {flag.id: evaluate(flag.when, observations) for flag in kb.red_flags.values()}
    fired = [level_rank(kb.red_flags[rid].level) for rid, value in truth.items() if value]
    open_findings = frozenset(fid for fid in kb.findings
                              if fid not in observations and fid not in asked)
    headroom = [0.0] * len(log_odds)
    for fid in open_findings:
        for position, rise in enumerate(table.best_rise[fid]):
            headroom[position] += rise
    return State(tuple(log_odds), max(fired, default=0), truth, open_findings, tuple(headroom))


def _option_index(options: tuple[Value, ...], value: Value) -> int | None:
    return options.index(value) if value in options else None


def _ratios_for(kb: KnowledgeBase, table: Tables, fid: str, observation: Observation,
                index: int | None) -> tuple[float, ...]:
    if index is not None:
        return table.log_ratios[fid][index]
    return tuple(_log_ratio(kb, condition, fid, observation.value)  # numbers, several choices
                 for condition in kb.conditions.values())


def outcome(kb: KnowledgeBase, state: State, observations: Mapping[str, Observation],
            finding_id: str | None = None, option: int | None = None) -> Outcome:
    """The outcome now (no finding), or if `finding_id` were answered with its `option`: the
    triage level and the top three likely conditions."""
    table = tables(kb)
    log_odds, truth = state.log_odds, state.rule_truth
    if finding_id is not None and option is not None:
        deltas = table.log_ratios[finding_id][option]
        log_odds = tuple(odds + delta for odds, delta in zip(log_odds, deltas, strict=True))
        seen = WithOne(observations, Observation(
            finding_id, table.options[finding_id][option], "answer", ""))
        truth = dict(truth)
        for flag in kb.rules_reading.get(finding_id, ()):
            truth[flag.id] = evaluate(flag.when, seen)
    level = max((level_rank(kb.red_flags[rid].level) for rid, value in truth.items() if value),
                default=0)
    chances = [1.0 / (1.0 + math.exp(-odds)) for odds in log_odds]
    for chance, threshold, condition_level in zip(chances, table.thresholds,
                                                  table.condition_levels, strict=True):
        if chance >= threshold:
            level = max(level, condition_level)
    ranked = sorted((i for i, chance in enumerate(chances) if chance >= LIKELY_FLOOR),
                    key=lambda i: (-chances[i], table.condition_ids[i]))
    return level, frozenset(table.condition_ids[i] for i in ranked[:TOP])


def could_raise(kb: KnowledgeBase, state: State, observations: Mapping[str, Observation],
                level: int) -> list[tuple[int, float, str]]:
    """Open findings through which some answers could still raise the triage above `level`:
    (the level they could reach, how far an answer moves towards it, finding id). A rule counts
    when it is undecided and could hold; a condition when its likelihood could still pass its
    threshold if every open question were answered in its favour."""
    table = tables(kb)
    found: dict[str, tuple[int, float]] = {}

    def note(finding_id: str, rank: int, push: float) -> None:
        found[finding_id] = max(found.get(finding_id, (0, 0.0)), (rank, push))

    for flag in kb.red_flags.values():
        rank = level_rank(flag.level)
        if (rank > level and state.rule_truth[flag.id] is None
                and can_hold(flag.when, observations, state.open_findings)):
            for finding_id in kb.rule_findings[flag.id]:
                if finding_id in state.open_findings:
                    note(finding_id, rank, math.inf)
    for i, (odds, room) in enumerate(zip(state.log_odds, state.headroom, strict=True)):
        rank = table.condition_levels[i]
        if rank > level and odds < table.threshold_log_odds[i] <= odds + room + _EPSILON:
            for finding_id in state.open_findings:
                if table.best_rise[finding_id][i] > 0:
                    note(finding_id, rank, table.best_rise[finding_id][i])
    return sorted(((rank, push, fid) for fid, (rank, push) in found.items()), reverse=True)


def can_hold(expression: schema.Expression, observations: Mapping[str, Observation],
             open_findings: frozenset[str]) -> bool:
    """Whether some answers to the open findings could make the expression true. Generous on
    purpose (each open test is taken as passable on its own), so a rule is never wrongly given
    up; a finding answered "don't know" or skipped is not open and counts as its rule says."""
    if isinstance(expression, schema.Test):
        return expression.finding in open_findings or evaluate(expression, observations) is True
    if isinstance(expression, schema.All):
        return all(can_hold(part, observations, open_findings) for part in expression.all)
    if isinstance(expression, schema.Any_):
        return any(can_hold(part, observations, open_findings) for part in expression.any)
    if isinstance(expression, schema.Not):
        return True  # the validator keeps `not` out of warning-sign rules; stay cautious anyway
    return evaluate(expression, observations) is True


def answer_probabilities(kb: KnowledgeBase, state: State, finding_id: str) -> list[float]:
    """How likely each representative answer is, predicted from the current likelihoods: each
    condition's chance of each answer is taken in proportion to its likelihood ratio (against an
    even spread of answers), weighted by how likely the condition is now."""
    table = tables(kb)
    chances = state.likelihoods()
    total = sum(chances)
    weights = [chance / total for chance in chances]
    per_option = table.log_ratios[finding_id]
    probabilities = [0.0] * len(per_option)
    for position, weight in enumerate(weights):
        ratios = [math.exp(option[position]) for option in per_option]
        spread = sum(ratios)
        for index, ratio in enumerate(ratios):
            probabilities[index] += weight * ratio / spread
    return probabilities


def entropy(probabilities: Collection[float]) -> float:
    """In bits."""
    return -sum(p * math.log2(p) for p in probabilities if p > 0)
