"""The guided check: which question to ask next, or that the interview is done. Pure.

`next_question(kb, observations, asked)` takes what is known so far (the same observations as
`run_check`) and the findings already put to the person that have no observation (skipped);
a finding with an observation, even "don't know", is never asked again. It returns a `Question`
or `Done`; both serialise with `to_dict()`, so a web page or a stateless REST endpoint can run
the same interview by sending back the answers so far and the skipped findings.

1. Warning signs first: every warning-sign finding that could still make a rule fire above the
   current triage level, the one feeding the most urgent such rule first (then in
   knowledge-file order). A warning sign that can no longer raise the level is not asked here.
   They are asked a few at a time, as the sign's *screen* (screens.yaml) listing its signs still
   to ask, unless the screen's id is in `asked` (it was answered "yes": one by one) or only one
   of its signs is left; `answer_screen` turns a reply into observations (docs/interview.md).
2. Then the question with the highest expected information gain about the outcome (the triage
   level and the top three likely conditions): the entropy of the outcomes its answers lead to,
   each answer weighted by how likely it is from the current likelihoods (foresight.py). Ties go
   to the question that most reduces the uncertainty over the conditions, then to file order.
   A finding in a checklist is scored with its checklist: the sum of the gains of its members
   (an upper bound on what ticking them all at once tells). When that finding belongs to a
   *checklist* (checklists.yaml) with two or more members still open, the checklist is asked
   instead: tick all that apply, over its open members
   (`answer_checklist`: ticked is yes, unticked is no). A checklist id in `asked` means it was
   skipped: its members count as skipped.
3. Before stopping, for safety: any finding through which a combination of answers could still
   raise the triage (a medicine change and sweating; three signs of an overactive thyroid that
   each move the odds a little), the most urgent first; a checklist member with open fellows
   as its checklist.
4. Done when no open question has an answer that changes the outcome and nothing above the
   current level can still be reached, or when nothing is left to ask.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from legcheck.engine.answers import Observation
from legcheck.engine.foresight import (
    State,
    answer_probabilities,
    can_hold,
    could_raise,
    current_state,
    entropy,
    outcome,
    tables,
)
from legcheck.engine.triage import level_rank
from legcheck.knowledge import KnowledgeBase, schema

AnswerKind = Literal["yes_no", "number", "choice", "screen", "checklist"]
Reason = Literal["warning_sign", "information_gain", "could_raise_triage"]
_SMALL = 1e-9


@dataclass(frozen=True)
class Question:
    """One question to put to the person, with everything needed to show and check an answer."""

    finding: str
    text: str
    why: str
    kind: AnswerKind
    warning_sign: bool
    reason: Reason
    information_gain: float  # expected bits about the outcome (0 for a could-raise question)
    unit: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[tuple[str, str], ...] = ()  # (value, label)
    multiple: bool = False
    done: Literal[False] = False
    # a screen (kind "screen") or a checklist (kind "checklist"): `finding` is its id, these are
    # the findings it asks about at once, as (finding id, label); answer with `answer_screen` or
    # `answer_checklist`
    members: tuple[tuple[str, str], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        answer: dict[str, Any] = {"kind": self.kind, "accepts_unknown": True}
        if self.kind == "number":
            answer.update(unit=self.unit, minimum=self.minimum, maximum=self.maximum)
        if self.kind in ("choice", "screen", "checklist"):
            answer.update(choices=[{"value": v, "label": label} for v, label in self.choices],
                          multiple=self.multiple)
        return {"done": False, "finding": self.finding, "text": self.text, "why": self.why,
                "answer": answer, "warning_sign": self.warning_sign, "reason": self.reason,
                "information_gain": round(self.information_gain, 4),
                "members": [{"finding": fid, "label": label} for fid, label in self.members]}


@dataclass(frozen=True)
class Done:
    """Nothing left worth asking."""

    reason: Literal["settled", "nothing_left"]
    done: Literal[True] = True

    @property
    def message(self) -> str:
        if self.reason == "settled":
            return "No remaining question could change the triage level or the top three."
        return "There are no questions left to ask."

    def to_dict(self) -> dict[str, Any]:
        return {"done": True, "reason": self.reason, "message": self.message}


def next_question(kb: KnowledgeBase, observations: Mapping[str, Observation],
                  asked: Collection[str] = ()) -> Question | Done:
    """The next question to ask, or Done. `asked` holds findings put to the person that have no
    observation (skipped); a finding with an observation, even "don't know", is never asked."""
    asked = _skipped_checklists(kb, asked)
    state = current_state(kb, observations, asked)
    if not state.open_findings:
        return Done("nothing_left")
    now = outcome(kb, state, observations)
    sign = _next_warning_sign(kb, state, observations, now[0], asked)
    if sign is not None:
        return sign
    best: tuple[float, float, int] | None = None
    chosen = ""
    order = {fid: index for index, fid in enumerate(kb.findings)}
    gains: dict[str, tuple[float, float]] = {}
    for finding_id in sorted(state.open_findings, key=order.__getitem__):
        gain, soft = expected_gain(kb, state, observations, finding_id)
        if gain <= _SMALL:
            continue
        gains[finding_id] = (gain, soft)
    pooled: dict[str, tuple[float, float]] = {}
    for finding_id, (gain, soft) in gains.items():
        unit = kb.checklist_of.get(finding_id, finding_id)
        total = pooled.get(unit, (0.0, 0.0))
        pooled[unit] = (total[0] + gain, total[1] + soft)
    for finding_id in gains:
        key = (*pooled[kb.checklist_of.get(finding_id, finding_id)], -order[finding_id])
        if best is None or key > best:
            best, chosen = key, finding_id
    if best is not None:
        checklist = kb.checklists.get(kb.checklist_of.get(chosen, ""))
        if checklist is not None:
            members = [fid for fid in checklist.findings if fid in state.open_findings]
            if len(members) > 1:
                return checklist_question(kb, checklist, members, best[0])
        return question_for(kb.findings[chosen], "information_gain", best[0])
    raising = could_raise(kb, state, observations, now[0])
    if not raising:
        return Done("settled")
    _, _, finding_id = min(raising, key=lambda item: (-item[0], -item[1], order[item[2]]))
    checklist = kb.checklists.get(kb.checklist_of.get(finding_id, ""))
    if checklist is not None:  # its open fellows at once, as in step 2
        members = [fid for fid in checklist.findings if fid in state.open_findings]
        if len(members) > 1:
            return checklist_question(kb, checklist, members, 0.0, "could_raise_triage")
    return question_for(kb.findings[finding_id], "could_raise_triage", 0.0)


def _next_warning_sign(kb: KnowledgeBase, state: State, observations: Mapping[str, Observation],
                       level: int, asked: Collection[str]) -> Question | None:
    """The open warning-sign finding read by the most urgent rule that could still fire above
    the current level; as its screen when that screen has not been answered "yes" (its id is
    not in `asked`) and two or more of its members are still to be asked."""
    ranks = _askable_signs(kb, state, observations, level)
    if not ranks:
        return None
    chosen = max(ranks, key=ranks.__getitem__)  # the first of the most urgent, in sign order
    screen = kb.screens.get(kb.screen_of.get(chosen, ""))
    if screen is not None and screen.id not in asked:
        members = [fid for fid in screen.findings if fid in ranks]
        if len(members) > 1:
            return screen_question(kb, screen, members)
    gain, _ = expected_gain(kb, state, observations, chosen)
    return question_for(kb.findings[chosen], "warning_sign", gain)


def _askable_signs(kb: KnowledgeBase, state: State, observations: Mapping[str, Observation],
                   level: int) -> dict[str, int]:
    """Open warning signs that could still make a rule fire above `level`, in the knowledge
    base's sign order, each with the most urgent such rule's level."""
    ranks: dict[str, int] = {}
    for finding_id in kb.warning_sign_ids:
        if finding_id not in state.open_findings:
            continue
        for flag in kb.rules_reading.get(finding_id, ()):
            rank = level_rank(flag.level)
            if (rank > max(level, ranks.get(finding_id, level))
                    and state.rule_truth[flag.id] is None
                    and can_hold(flag.when, observations, state.open_findings)):
                ranks[finding_id] = rank
    return ranks


SCREEN_NONE, SCREEN_YES = "none", "yes"
SCREEN_CHOICES = ((SCREEN_NONE, "None of these"), (SCREEN_YES, "Yes, or not sure: ask me each one"))


def screen_question(kb: KnowledgeBase, screen: schema.Screen, members: Collection[str]
                    ) -> Question:
    """A grouped warning-sign question over `members` (open findings of the screen)."""
    return Question(
        finding=screen.id, text=screen.question, why=screen.why, kind="screen",
        warning_sign=True, reason="warning_sign", information_gain=0.0,
        choices=SCREEN_CHOICES,
        members=tuple((fid, kb.findings[fid].label) for fid in members))


def answer_screen(question: Question, reply: str | None
                  ) -> tuple[dict[str, Observation], frozenset[str]]:
    """What a reply to a screen means: (observations to add, ids to add to `asked`). "none":
    every member is no; "yes" (or not sure): the screen is put in `asked`, so its members are
    asked one by one; None (don't know): every member is unknown."""
    ids = [fid for fid, _ in question.members]
    if reply == SCREEN_NONE:
        return ({fid: Observation(fid, False, "answer", f"{question.finding}=none")
                 for fid in ids}, frozenset())
    if reply == SCREEN_YES:
        return {}, frozenset({question.finding})
    if reply is None:
        return ({fid: Observation(fid, None, "answer", f"{question.finding}=unknown")
                 for fid in ids}, frozenset())
    raise ValueError(f"a screen takes {SCREEN_NONE!r}, {SCREEN_YES!r} or None, not {reply!r}")


def _skipped_checklists(kb: KnowledgeBase, asked: Collection[str]) -> Collection[str]:
    """`asked` with each skipped checklist's id replaced by its members."""
    if not any(item in kb.checklists for item in asked):
        return asked
    expanded = {item for item in asked if item not in kb.checklists}
    for item in asked:
        if item in kb.checklists:
            expanded.update(kb.checklists[item].findings)
    return expanded


def checklist_question(kb: KnowledgeBase, checklist: schema.Checklist, members: Collection[str],
                       gain: float = 0.0, reason: Reason = "information_gain") -> Question:
    """A tick-all-that-apply question over `members` (open findings of the checklist)."""
    listed = tuple((fid, kb.findings[fid].label) for fid in members)
    return Question(
        finding=checklist.id, text=checklist.question, why=checklist.why, kind="checklist",
        warning_sign=False, reason=reason, information_gain=gain,
        choices=listed, multiple=True, members=listed)


def answer_checklist(question: Question, ticked: Collection[str] | None
                     ) -> dict[str, Observation]:
    """What a reply to a checklist means: each ticked member yes, every other listed member no
    (an empty reply is "none of these"); None (don't know) leaves every member unknown."""
    ids = [fid for fid, _ in question.members]
    if ticked is None:
        return {fid: Observation(fid, None, "answer", f"{question.finding}=unknown")
                for fid in ids}
    strange = [item for item in ticked if item not in ids]
    if strange:
        raise ValueError(f"{strange[0]!r} is not listed in {question.finding!r}")
    return {fid: Observation(fid, fid in ticked, "answer",
                             f"{question.finding}={'ticked' if fid in ticked else 'unticked'}")
            for fid in ids}


def expected_gain(kb: KnowledgeBase, state: State, observations: Mapping[str, Observation],
                  finding_id: str) -> tuple[float, float]:
    """(bits about the outcome, bits about the conditions) expected from asking this finding."""
    probabilities = answer_probabilities(kb, state, finding_id)
    by_outcome: dict[Any, float] = {}
    for option, probability in enumerate(probabilities):
        result = outcome(kb, state, observations, finding_id, option)
        by_outcome[result] = by_outcome.get(result, 0.0) + probability
    return entropy(by_outcome.values()), _condition_gain(kb, state, finding_id, probabilities)


def _condition_gain(kb: KnowledgeBase, state: State, finding_id: str,
                    probabilities: list[float]) -> float:
    """Expected fall in the entropy of the conditions' normalised likelihoods."""
    before = _spread_entropy(state.log_odds)
    after = 0.0
    for deltas, probability in zip(tables(kb).log_ratios[finding_id], probabilities, strict=True):
        after += probability * _spread_entropy(
            tuple(odds + delta for odds, delta in zip(state.log_odds, deltas, strict=True)))
    return before - after


def _spread_entropy(log_odds: tuple[float, ...]) -> float:
    chances = [1.0 / (1.0 + math.exp(-odds)) for odds in log_odds]
    total = sum(chances)
    return entropy([chance / total for chance in chances])


def question_for(finding: schema.Finding, reason: Reason,
                 gain: float) -> Question:
    kind: AnswerKind = {"boolean": "yes_no", "number": "number", "choice": "choice"}[finding.type]
    return Question(
        finding=finding.id, text=finding.question, why=finding.why, kind=kind,
        warning_sign=finding.warning_sign, reason=reason, information_gain=gain,
        unit=finding.unit, minimum=finding.minimum, maximum=finding.maximum,
        choices=tuple((choice.value, choice.label) for choice in finding.choices),
        multiple=finding.multiple)
