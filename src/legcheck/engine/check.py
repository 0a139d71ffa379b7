"""One check: observations in, the whole answer out. Pure and deterministic."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from legcheck.engine.answers import Observation
from legcheck.engine.factors import find_factors
from legcheck.engine.likelihood import rank_conditions
from legcheck.engine.pattern import judge_pattern
from legcheck.engine.result import (
    AdviceItem,
    CheckResult,
    ConditionResult,
    FactorResult,
    RedFlagResult,
    SourceRef,
    Triage,
)
from legcheck.engine.triage import (
    decide_triage,
    fired_red_flags,
    level_rank,
    percent,
    unasked_red_flags,
    warning_signs,
)
from legcheck.engine.wording import describe
from legcheck.knowledge import KnowledgeBase

SHOWN_CONDITIONS = 3  # the answer explains the top three, and any other that is likely


def run_check(kb: KnowledgeBase, observations: Mapping[str, Observation], *,
              messages: tuple[str, ...] = (), not_counted: tuple[str, ...] = ()) -> CheckResult:
    """Reason over the observations with the knowledge base and return the full answer.

    `messages` (notes about how the input was read) and `not_counted` (words read but not
    counted as findings) are passed through to the answer."""
    ordered = {fid: observations[fid] for fid in kb.findings if fid in observations}
    conditions = rank_conditions(kb, ordered)
    red_flags = fired_red_flags(kb, ordered)
    triage = decide_triage(kb, red_flags, conditions)
    factors = find_factors(kb, ordered)
    pattern, pattern_sources = judge_pattern(kb, ordered, {f.id for f in factors})
    shown = shown_conditions(conditions, red_flags)
    advice = _advice(kb, shown, factors, red_flags)
    cited = [*triage.sources, *(s for c in shown for s in c.sources),
             *(item.source for c in shown for item in c.evidence),
             *(s for f in factors for s in f.sources), *(s for a in advice for s in a.sources),
             *pattern_sources]
    return CheckResult(
        short_answer=short_answer(triage, conditions, red_flags),
        triage=triage, conditions=tuple(conditions), factors=tuple(factors),
        findings=tuple(ordered.values()),
        finding_labels={fid: kb.findings[fid].label for fid in ordered},
        finding_values={fid: describe(kb, fid, o.value) for fid, o in ordered.items()},
        red_flags=tuple(red_flags), warning_signs=tuple(warning_signs(kb, ordered)),
        unasked_red_flags=tuple(unasked_red_flags(kb, ordered)), pattern=tuple(pattern),
        advice=tuple(advice), sources=tuple(_sources(kb, cited)),
        disclaimer=kb.manifest.disclaimer, knowledge_version=kb.version,
        messages=messages, not_counted=not_counted,
    )


def shown_conditions(conditions: Iterable[ConditionResult],
                     red_flags: Iterable[RedFlagResult] = ()) -> list[ConditionResult]:
    """The top three, any other likely one, and any that a fired warning sign points to."""
    suggested = {condition_id for flag in red_flags for condition_id in flag.suggests}
    return [c for index, c in enumerate(conditions)
            if index < SHOWN_CONDITIONS or c.likely or c.id in suggested]


def short_answer(triage: Triage, conditions: list[ConditionResult],
                 red_flags: list[RedFlagResult]) -> str:
    """The level first, then what it most likely is. When an urgent warning sign points away
    from the likeliest explanation, the warning sign is said instead of a reassuring name."""
    top = conditions[0] if conditions else None
    deciding = next((flag for flag in red_flags if flag.level == triage.level), None)
    if deciding is None or (top is not None and top.likely
                            and level_rank(top.triage_level) >= level_rank(triage.level)):
        return f"{triage.headline} {_likeliest(top)}"
    if (top is not None and top.id in deciding.suggests) or triage.level == "routine":
        return f"{triage.headline} {_likeliest(top)} {deciding.reason}"
    return (f"{triage.headline} {deciding.reason} Whatever is causing the jerks themselves, "
            f"this warning sign is what decides how soon you need care.")


def _likeliest(top: ConditionResult | None) -> str:
    if top is None or top.likelihood < 0.2:
        return ("From what you told us so far, no single explanation stands out; telling us "
                "more (what the movement is like, when it happens) will sharpen the answer.")
    return (f"From what you told us, the most likely explanation is {top.name}, with a rough "
            f"likelihood of {percent(top.likelihood)}. This is not a diagnosis.")


def _advice(kb: KnowledgeBase, shown: list[ConditionResult], factors: list[FactorResult],
            red_flags: list[RedFlagResult]) -> list[AdviceItem]:
    """Personal advice: for the conditions a fired warning sign points to, then the likely ones,
    then the contributing factors'."""
    suggested = {condition_id for flag in red_flags for condition_id in flag.suggests}
    relevant = ([c for c in shown if c.id in suggested] + [c for c in shown if c.likely]
                or [c for c in shown[:1] if c.likelihood >= 0.2])
    ids = [*(a for c in relevant for a in c.advice), *(a for f in factors for a in f.advice)]
    return [AdviceItem(a, kb.advice[a].text, kb.advice[a].sources) for a in dict.fromkeys(ids)]


def _sources(kb: KnowledgeBase, cited: Iterable[str]) -> list[SourceRef]:
    return [SourceRef(s, kb.sources[s].title, kb.sources[s].url) for s in dict.fromkeys(cited)
            if s in kb.sources]
