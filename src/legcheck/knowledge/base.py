"""The loaded knowledge base: every entry by id, in file order."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeVar

from legcheck.knowledge import schema

Entry = TypeVar("Entry", bound=schema.Strict)


def _by_id(kind: str, entries: Iterable[Entry], problems: list[str]) -> dict[str, Entry]:
    table: dict[str, Entry] = {}
    for entry in entries:
        key = entry.id  # type: ignore[attr-defined]
        if key in table:
            problems.append(f"{kind}: {key}: id: appears more than once")
        table[key] = entry
    return table


@dataclass(frozen=True)
class KnowledgeBase:
    manifest: schema.Manifest
    version: str
    sources: dict[str, schema.Source]
    findings: dict[str, schema.Finding]
    advice: dict[str, schema.Advice]
    factors: dict[str, schema.Factor]
    red_flags: dict[str, schema.RedFlag]
    pattern: dict[str, schema.PatternRow]
    levels: dict[str, schema.LevelText]
    conditions: dict[str, schema.Condition]
    phrases: tuple[schema.Phrases, ...] = ()
    medicines: tuple[schema.Medicine, ...] = ()
    screens: dict[str, schema.Screen] = field(default_factory=dict)
    checklists: dict[str, schema.Checklist] = field(default_factory=dict)
    duplicate_problems: list[str] = field(default_factory=list, compare=False)

    @classmethod
    def build(cls, *, manifest: schema.Manifest, version: str,
              sources: Iterable[schema.Source], findings: Iterable[schema.Finding],
              advice: Iterable[schema.Advice], factors: Iterable[schema.Factor],
              red_flags: Iterable[schema.RedFlag], pattern: Iterable[schema.PatternRow],
              levels: Iterable[schema.LevelText],
              conditions: Iterable[schema.Condition],
              phrases: Iterable[schema.Phrases] = (),
              medicines: Iterable[schema.Medicine] = (),
              screens: Iterable[schema.Screen] = (),
              checklists: Iterable[schema.Checklist] = ()) -> KnowledgeBase:
        problems: list[str] = []
        return cls(
            manifest=manifest, version=version,
            sources=_by_id("sources.yaml", sources, problems),
            findings=_by_id("findings.yaml", findings, problems),
            advice=_by_id("advice.yaml", advice, problems),
            factors=_by_id("factors.yaml", factors, problems),
            red_flags=_by_id("red_flags.yaml", red_flags, problems),
            pattern={row.id: row for row in pattern},
            levels={level.level: level for level in levels},
            conditions=_by_id("conditions", conditions, problems),
            phrases=tuple(phrases), medicines=tuple(medicines),
            screens=_by_id("screens.yaml", screens, problems),
            checklists=_by_id("checklists.yaml", checklists, problems),
            duplicate_problems=problems,
        )

    @cached_property
    def rule_findings(self) -> dict[str, tuple[str, ...]]:
        """Red-flag id -> the findings its rule reads (computed once per knowledge base)."""
        return {flag.id: tuple(finding_ids(flag.when)) for flag in self.red_flags.values()}

    @cached_property
    def rules_reading(self) -> dict[str, tuple[schema.RedFlag, ...]]:
        """Finding id -> the red-flag rules that read it, in file order."""
        index: dict[str, list[schema.RedFlag]] = {}
        for flag in self.red_flags.values():
            for finding_id in self.rule_findings[flag.id]:
                index.setdefault(finding_id, []).append(flag)
        return {finding_id: tuple(flags) for finding_id, flags in index.items()}

    @cached_property
    def warning_sign_ids(self) -> tuple[str, ...]:
        """Warning-sign findings, the most urgent rules they feed first, then in file order."""
        rank = {finding_id: max(schema.TRIAGE_ORDER.index(flag.level) for flag in flags)
                for finding_id, flags in self.rules_reading.items()}
        signs = [f.id for f in self.findings.values() if f.warning_sign]
        order = {finding_id: index for index, finding_id in enumerate(signs)}
        return tuple(sorted(signs, key=lambda fid: (-rank.get(fid, 0), order[fid])))

    @cached_property
    def screen_of(self) -> dict[str, str]:
        """Warning-sign finding id -> the screen (grouped question) it belongs to."""
        return {finding_id: screen.id for screen in self.screens.values()
                for finding_id in screen.findings}

    @cached_property
    def checklist_of(self) -> dict[str, str]:
        """Finding id -> the checklist (tick-all-that-apply question) it belongs to."""
        return {finding_id: checklist.id for checklist in self.checklists.values()
                for finding_id in checklist.findings}


def finding_ids(expression: schema.Expression) -> list[str]:
    """Every finding an expression reads, in order, without repeats."""
    seen: dict[str, None] = {}
    _collect(expression, seen)
    return list(seen)


def _collect(expression: schema.Expression, seen: dict[str, None]) -> None:
    if isinstance(expression, schema.Test):
        seen[expression.finding] = None
    elif isinstance(expression, schema.All):
        for part in expression.all:
            _collect(part, seen)
    elif isinstance(expression, schema.Any_):
        for part in expression.any:
            _collect(part, seen)
    elif isinstance(expression, schema.Not):
        _collect(expression.not_, seen)
