"""Checks across files: every reference resolves, every test fits its finding, the contract holds,
and the safety rules that keep red flags one-way (they can only raise the triage level)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from legcheck import contract
from legcheck.knowledge import schema

if TYPE_CHECKING:
    from legcheck.knowledge.base import KnowledgeBase


def cross_reference_problems(kb: KnowledgeBase) -> list[str]:
    return [*_source_problems(kb), *_expression_problems(kb), *_evidence_problems(kb),
            *_advice_problems(kb), *_suggestion_problems(kb), *_contract_problems(kb),
            *_safety_problems(kb), *_reach_problems(kb), *_vocabulary_problems(kb),
            *_screen_problems(kb), *_checklist_problems(kb)]


def _cited(kb: KnowledgeBase) -> Iterator[tuple[str, str]]:
    """(where, source id) for every citation in the knowledge base."""
    for finding in kb.findings.values():
        yield from ((f"findings.yaml: {finding.id}: sources", s) for s in finding.sources)
        yield from ((f"findings.yaml: {finding.id}: code_sources", s)
                    for s in finding.code_sources)
    for condition in kb.conditions.values():
        where = f"conditions/{condition.id}.yaml"
        yield from ((f"{where}: sources", s) for s in condition.sources)
        for index, item in enumerate(condition.evidence):
            yield f"{where}: evidence.{index}.source", item.source
        if condition.unexplained_warning_signs is not None:
            yield (f"{where}: unexplained_warning_signs.source",
                   condition.unexplained_warning_signs.source)
    for name, entries in (("advice.yaml", kb.advice), ("factors.yaml", kb.factors),
                          ("red_flags.yaml", kb.red_flags), ("triage.yaml", kb.levels)):
        for key, entry in entries.items():
            yield from ((f"{name}: {key}: sources", s) for s in entry.sources)  # type: ignore[attr-defined]
    for screen in kb.screens.values():
        yield from ((f"screens.yaml: {screen.id}: sources", s) for s in screen.sources)
    for checklist in kb.checklists.values():
        yield from ((f"checklists.yaml: {checklist.id}: sources", s) for s in checklist.sources)
    for row in kb.pattern.values():
        for index, rule in enumerate(row.rules):
            yield from ((f"pattern.yaml: {row.id}: rules.{index}.sources", s)
                        for s in rule.sources)


def _source_problems(kb: KnowledgeBase) -> Iterator[str]:
    for where, source_id in _cited(kb):
        if source_id not in kb.sources:
            yield f"{where}: unknown source '{source_id}'"


def _expressions(kb: KnowledgeBase) -> Iterator[tuple[str, schema.Expression]]:
    for flag in kb.red_flags.values():
        yield f"red_flags.yaml: {flag.id}: when", flag.when
    for factor in kb.factors.values():
        for index, signal in enumerate(factor.signals):
            yield f"factors.yaml: {factor.id}: signals.{index}.when", signal.when
    for row in kb.pattern.values():
        for index, rule in enumerate(row.rules):
            yield f"pattern.yaml: {row.id}: rules.{index}.when", rule.when


def _leaves(expression: schema.Expression) -> Iterator[schema.Test | schema.FactorTest]:
    if isinstance(expression, schema.All | schema.Any_):
        parts = expression.all if isinstance(expression, schema.All) else expression.any
        for part in parts:
            yield from _leaves(part)
    elif isinstance(expression, schema.Not):
        yield from _leaves(expression.not_)
    else:
        yield expression


def _expression_problems(kb: KnowledgeBase) -> Iterator[str]:
    for where, expression in _expressions(kb):
        for leaf in _leaves(expression):
            if isinstance(leaf, schema.FactorTest):
                if leaf.factor is not None and leaf.factor not in kb.factors:
                    yield f"{where}: unknown factor '{leaf.factor}'"
                continue
            finding = kb.findings.get(leaf.finding)
            if finding is None:
                yield f"{where}: unknown finding '{leaf.finding}'"
                continue
            yield from (f"{where}: {problem}" for problem in _test_fits(leaf, finding))


def _test_fits(test: schema.Test, finding: schema.Finding) -> Iterator[str]:
    numeric = test.at_least is not None or test.below is not None
    if finding.type == "boolean" and (test.equals or test.in_ or numeric):
        yield f"'{finding.id}' is yes/no: test it with 'is' only"
    if finding.type == "number" and (test.is_ or test.equals or test.in_):
        yield f"'{finding.id}' is a number: test it with at_least/below"
    if finding.type == "choice":
        if test.is_ or numeric or (test.equals is None and test.in_ is None):
            yield f"'{finding.id}' is a choice: test it with equals or in"
        for value in (test.in_ or ()) + ((test.equals,) if test.equals else ()):
            if value not in finding.choice_values():
                yield f"'{value}' is not a choice of '{finding.id}'"


def _evidence_problems(kb: KnowledgeBase) -> Iterator[str]:
    for condition in kb.conditions.values():
        for index, item in enumerate(condition.evidence):
            where = f"conditions/{condition.id}.yaml: evidence.{index}"
            finding = kb.findings.get(item.finding)
            if finding is None:
                yield f"{where}.finding: unknown finding '{item.finding}'"
                continue
            boolean = item.present is not None or item.absent is not None
            expected = {"boolean": boolean, "choice": bool(item.values),
                        "number": bool(item.bands)}[finding.type]
            if not expected:
                kind = {"boolean": "present/absent", "choice": "values", "number": "bands"}
                yield f"{where}: '{finding.id}' is a {finding.type}: give {kind[finding.type]}"
            for value in item.values:
                if value not in finding.choice_values():
                    yield f"{where}.values: '{value}' is not a choice of '{finding.id}'"


def _suggestion_problems(kb: KnowledgeBase) -> Iterator[str]:
    for flag in kb.red_flags.values():
        for condition_id in flag.suggests:
            if condition_id not in kb.conditions:
                yield f"red_flags.yaml: {flag.id}: suggests: unknown condition '{condition_id}'"


def _advice_problems(kb: KnowledgeBase) -> Iterator[str]:
    for kind, entries in (("conditions", kb.conditions), ("factors.yaml", kb.factors)):
        for key, entry in entries.items():
            for advice_id in entry.advice:  # type: ignore[attr-defined]
                if advice_id not in kb.advice:
                    yield f"{kind}: {key}: advice: unknown advice '{advice_id}'"


def _contract_problems(kb: KnowledgeBase) -> Iterator[str]:
    for name, have, want in (("conditions", kb.conditions, contract.CONDITION_IDS),
                             ("factors.yaml", kb.factors, contract.FACTOR_IDS),
                             ("triage.yaml", kb.levels, contract.TRIAGE_LEVELS),
                             ("pattern.yaml", kb.pattern, contract.PATTERN_ROWS)):
        for missing in want:
            if missing not in have:
                yield f"{name}: '{missing}' is missing (DESIGN.md's contract names it)"


def _safety_problems(kb: KnowledgeBase) -> Iterator[str]:
    """A present warning sign must only ever raise the triage: no negation in a rule, no test of
    a warning sign for absence, and a present warning sign never argues against a condition that
    needs a doctor. (Other findings may be tested for absence: "not an urge to move".)"""
    in_rules: set[str] = set()
    signs = {f.id for f in kb.findings.values() if f.warning_sign}
    for flag in kb.red_flags.values():
        where = f"red_flags.yaml: {flag.id}: when"
        if _has_not(flag.when):
            yield f"{where}: 'not' is not allowed in a warning-sign rule"
        for leaf in _leaves(flag.when):
            if isinstance(leaf, schema.FactorTest):
                yield f"{where}: warning-sign rules test findings, not factors"
                continue
            in_rules.add(leaf.finding)
            if leaf.finding in signs and (leaf.is_ == "absent" or leaf.below is not None):
                yield f"{where}: '{leaf.finding}' is a warning sign: test it for presence only"
    for finding in kb.findings.values():
        if finding.warning_sign and finding.id not in in_rules:
            yield f"findings.yaml: {finding.id}: warning_sign: no rule in red_flags.yaml uses it"
    for condition in kb.conditions.values():
        if condition.triage_level == "self_care":
            continue
        if condition.unexplained_warning_signs is not None:
            yield (f"conditions/{condition.id}.yaml: unexplained_warning_signs: only a "
                   f"self-care condition may be lowered by warning signs")
        for index, item in enumerate(condition.evidence):
            if item.finding in signs and item.present is not None and item.present < 1:
                yield (f"conditions/{condition.id}.yaml: evidence.{index}.present: a warning "
                       f"sign may not lower a condition that needs a doctor")


def _has_not(expression: schema.Expression) -> bool:
    if isinstance(expression, schema.Not):
        return True
    if isinstance(expression, schema.All):
        return any(_has_not(part) for part in expression.all)
    if isinstance(expression, schema.Any_):
        return any(_has_not(part) for part in expression.any)
    return False


def _reach_problems(kb: KnowledgeBase) -> Iterator[str]:
    used = {item.finding for c in kb.conditions.values() for item in c.evidence}
    for _, expression in _expressions(kb):
        used.update(leaf.finding for leaf in _leaves(expression)
                    if isinstance(leaf, schema.Test))
    for finding_id in kb.findings:
        if finding_id not in used:
            yield f"findings.yaml: {finding_id}: no condition, rule or factor uses it"


def _vocabulary_problems(kb: KnowledgeBase) -> Iterator[str]:
    """phrases.yaml and medicines.yaml name real findings, values and medicine classes, and no
    phrase is claimed by two different meanings or listed twice with the same one."""
    positive: dict[str, str] = {}  # a phrase names at most one thing as present
    kinds: dict[tuple[str, str], str] = {}  # and says one thing about each finding it names
    listed: set[tuple[str, str]] = set()  # each phrase once per meaning
    for entry in kb.phrases:
        where = f"phrases.yaml: {entry.finding}"
        finding = kb.findings.get(entry.finding)
        if finding is None:
            yield f"{where}: unknown finding '{entry.finding}'"
            continue
        for carried in entry.carries:
            if carried not in kb.findings or kb.findings[carried].type != "boolean":
                yield f"{where}: carries: '{carried}' is not a yes/no finding"
        if (entry.absent or entry.topics or entry.denied) and finding.type != "boolean":
            yield f"{where}: absent, denied phrases and topics are for yes/no findings"
        if entry.present and finding.type == "choice":
            yield f"{where}: a choice finding is named by its values"
        for value in entry.values:
            if value not in finding.choice_values():
                yield f"{where}: values: '{value}' is not a choice of '{entry.finding}'"
        said = [*((p, "present") for p in entry.present), *((p, "absent") for p in entry.absent),
                *((p, "topic") for p in entry.topics), *((p, "denied") for p in entry.denied),
                *((p, "nothing") for p in entry.other_meaning),
                *((p, v) for v, ps in entry.values.items() for p in ps)]
        for phrase, value in said:
            key, label = phrase.lower(), f"{entry.finding}={value}"
            if (key, label) in listed:
                yield f"{where}: '{phrase}' is listed twice"
            listed.add((key, label))
            if kinds.setdefault((key, entry.finding), label) != label:
                yield f"{where}: '{phrase}' already means {kinds[(key, entry.finding)]}"
            if value not in ("absent", "topic", "denied", "nothing") and \
                    positive.setdefault(key, label) != label:
                yield f"{where}: '{phrase}' already means {positive[key]}"
    classes = kb.findings["medicine_change"].choice_values() if "medicine_change" in kb.findings \
        else ()
    for medicine in kb.medicines:
        for value in medicine.classes:
            if value not in classes:
                yield f"medicines.yaml: {medicine.name}: classes: '{value}' is not a medicine class"
        for source_id in medicine.sources:
            if source_id not in kb.sources:
                yield f"medicines.yaml: {medicine.name}: sources: unknown source '{source_id}'"


def _screen_problems(kb: KnowledgeBase) -> Iterator[str]:
    """Every warning sign in exactly one screen (when there are screens); a screen holds only
    yes/no warning signs, and its id is not a finding's (the interview keeps both in one set)."""
    seen: dict[str, str] = {}
    for screen in kb.screens.values():
        where = f"screens.yaml: {screen.id}"
        if screen.id in kb.findings:
            yield f"{where}: id: is also a finding id"
        for finding_id in screen.findings:
            finding = kb.findings.get(finding_id)
            if finding is None:
                yield f"{where}: findings: unknown finding '{finding_id}'"
            elif not finding.warning_sign or finding.type != "boolean":
                yield f"{where}: findings: '{finding_id}' is not a yes/no warning sign"
            elif finding_id in seen:
                yield (f"{where}: findings: '{finding_id}' is already in screen "
                       f"'{seen[finding_id]}'")
            seen.setdefault(finding_id, screen.id)
    for finding in kb.findings.values() if kb.screens else ():  # none: asked one by one
        if finding.warning_sign and finding.id not in seen:
            yield f"findings.yaml: {finding.id}: warning sign is in no screen (screens.yaml)"


def _checklist_problems(kb: KnowledgeBase) -> Iterator[str]:
    """A checklist holds yes/no findings that are not warning signs (those have screens), each
    in one checklist at most; its id is neither a finding's nor a screen's (the interview keeps
    them in one set)."""
    seen: dict[str, str] = {}
    for checklist in kb.checklists.values():
        where = f"checklists.yaml: {checklist.id}"
        if checklist.id in kb.findings or checklist.id in kb.screens:
            yield f"{where}: id: is also a finding or screen id"
        for finding_id in checklist.findings:
            finding = kb.findings.get(finding_id)
            if finding is None:
                yield f"{where}: findings: unknown finding '{finding_id}'"
            elif finding.warning_sign or finding.type != "boolean":
                yield (f"{where}: findings: '{finding_id}' is not a yes/no finding (or is a "
                       f"warning sign)")
            elif finding_id in seen:
                yield (f"{where}: findings: '{finding_id}' is already in checklist "
                       f"'{seen[finding_id]}'")
            seen.setdefault(finding_id, checklist.id)
