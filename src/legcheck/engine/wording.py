"""Fill `{finding_id}` placeholders in knowledge-base text with the person's own values."""

from __future__ import annotations

import re
from collections.abc import Mapping

from legcheck.engine.answers import Observation, Value
from legcheck.knowledge import KnowledgeBase

_PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")


def describe(kb: KnowledgeBase, finding_id: str, value: Value) -> str:
    """A value as a person would say it: 'yes', '21', 'just as I fall asleep'."""
    if value is None:
        return "not sure"
    if isinstance(value, bool):
        return "yes" if value else "no"
    finding = kb.findings[finding_id]
    if isinstance(value, float):
        if finding.unit == "0-10":
            return f"{value:g} out of 10"
        return f"{value:g} {finding.unit}" if finding.unit else f"{value:g}"
    labels = {choice.value: choice.label for choice in finding.choices}
    chosen = value if isinstance(value, tuple) else (value,)
    return "; ".join(labels.get(item, item) for item in chosen)


def fill(kb: KnowledgeBase, template: str, observations: Mapping[str, Observation]) -> str:
    def replace(match: re.Match[str]) -> str:
        observation = observations.get(match.group(1))
        if observation is None:
            return match.group(0)
        return describe(kb, observation.finding, observation.value)

    return _PLACEHOLDER.sub(replace, template)
