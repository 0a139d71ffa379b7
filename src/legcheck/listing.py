"""Rows for `legcheck findings` and `legcheck conditions`, shared by the table and JSON output."""

from __future__ import annotations

from legcheck.knowledge import KnowledgeBase
from legcheck.knowledge.schema import Finding


def allowed_values(finding: Finding) -> str:
    if finding.type == "boolean":
        return "yes, no, unknown"
    if finding.type == "number":
        unit = f" {finding.unit}" if finding.unit else ""
        return f"{finding.minimum:g} to {finding.maximum:g}{unit}"
    several = " (several, comma-separated)" if finding.multiple else ""
    return ", ".join(finding.choice_values()) + several


def finding_rows(kb: KnowledgeBase) -> list[dict[str, str]]:
    return [{"id": f.id, "question": f.question, "type": f.type, "values": allowed_values(f),
             "warning_sign": "yes" if f.warning_sign else "no"} for f in kb.findings.values()]


def condition_rows(kb: KnowledgeBase) -> list[dict[str, str]]:
    return [{"id": c.id, "name": c.name, "triage_level": c.triage_level,
             "sources": "\n".join(f"{kb.sources[s].title} {kb.sources[s].url}"
                                  for s in c.sources if s in kb.sources)}
            for c in kb.conditions.values()]
