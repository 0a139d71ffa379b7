"""`python -m eval --interview`: the guided check, with a simulated person.

For each case the person starts from nothing (or, with `--from-text`, from the case's free-text
twin) and answers each question the engine asks truthfully from the case's answers, or "don't
know" when the case does not give that finding. The interview ends when the engine says it is
done. The final answer is scored as usual, and the number of questions asked is counted.

A checklist (tick all that apply) is answered by ticking the members the case says are present;
the others are left unticked, which the question says counts as no. When the case says none of
the listed members is present, the person says "none of these" only if the case says each is
absent, and "don't know" otherwise.

The cases list only what their writers thought mattered, so "don't know" for everything else is
the cautious reading, and it keeps questions open that a real person would settle. With
`--silent-as-no` the person instead answers "no" to every yes/no question the case does not
mention (numbers and choices stay "don't know"): a second reading, reported beside the first,
never instead of it. With `--stop-at-emergency` the interview ends as soon as the answer is an
emergency, as `legcheck check` in a terminal and the web pages do (the API leaves that to its
client).
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from eval.score import CaseResult, predict
from eval.text_score import TODAY
from legcheck.engine.interview import SCREEN_NONE, SCREEN_YES, answer_checklist


@dataclass(frozen=True)
class Asked:
    """How many questions one simulated interview asked, and of what kind."""

    total: int  # a screen (grouped warning-sign question) counts as one
    warning_signs: int
    answered: int  # the rest were "don't know"
    items: int = 0  # findings asked about: a screen counts once per finding it lists
    screens: int = 0
    checklists: int = 0


def simulate(case: Mapping[str, Any], *, from_text: bool = False,
             silent_as_no: bool = False, stop_at_emergency: bool = False
             ) -> tuple[dict[str, Any], Asked]:
    """One interview: the final answer (as JSON) and what was asked."""
    from legcheck.api import default_knowledge, gather
    from legcheck.engine import Observation, parse_answers, run_check
    from legcheck.engine.interview import answer_screen, next_question

    kb = default_knowledge()
    truth = parse_answers(kb, case["answers"])
    if silent_as_no:
        truth = {**{fid: Observation(fid, False, "answer", "no")
                    for fid, finding in kb.findings.items() if finding.type == "boolean"},
                 **truth}
    start = gather(case["text"], knowledge=kb, today=TODAY) if from_text else None
    observations = dict(start.observations) if start else {}
    asked: list[tuple[str, bool, bool]] = []
    opened: set[str] = set()
    items = screens = checklists = 0
    while not (step := next_question(kb, observations, opened)).done:
        if stop_at_emergency and run_check(kb, observations).triage.level == "emergency":
            break
        items += max(1, len(step.members))
        if step.kind == "screen":
            screens += 1
            reply = screen_reply(step, truth)
            asked.append((step.finding, True, reply is not None))
            added, more = answer_screen(step, reply)
            observations.update(added)
            opened |= more
            continue
        if step.kind == "checklist":
            checklists += 1
            ticked = checklist_reply(step, truth)
            asked.append((step.finding, False, ticked is not None))
            observations.update(answer_checklist(step, ticked))
            continue
        answer = truth.get(step.finding)
        asked.append((step.finding, step.reason == "warning_sign", answer is not None))
        observations[step.finding] = answer or Observation(step.finding, None, "answer", "?")
    result = run_check(kb, observations, messages=start.messages if start else ())
    return result.to_dict(), Asked(len(asked), sum(sign for _, sign, _ in asked),
                                   sum(known for _, _, known in asked), items, screens,
                                   checklists)


def screen_reply(question: Any, truth: Mapping[str, Any]) -> str | None:
    """How a truthful person answers a screen from the case: "yes" if any listed sign is
    present (then each is asked and answered on its own); "none" only if the case says every
    listed sign is absent; otherwise they cannot say "none" honestly and say "don't know"."""
    values = [truth[fid].value if fid in truth else None for fid, _ in question.members]
    if any(value is True for value in values):
        return SCREEN_YES
    if all(value is False for value in values):
        return SCREEN_NONE
    return None


def checklist_reply(question: Any, truth: Mapping[str, Any]) -> list[str] | None:
    """How a truthful person answers a checklist from the case: ticks the listed members the
    case says are present; with none present, "none of these" ([]) only if the case says every
    listed member is absent, otherwise "don't know" (None)."""
    values = {fid: truth[fid].value if fid in truth else None for fid, _ in question.members}
    ticked = [fid for fid, value in values.items() if value is True]
    if ticked or all(value is False for value in values.values()):
        return ticked
    return None


def run_interviews(cases: Sequence[Mapping[str, Any]], *, from_text: bool = False,
                   silent_as_no: bool = False, stop_at_emergency: bool = False
                   ) -> tuple[list[CaseResult], list[Asked]]:
    results, counts = [], []
    for case in cases:
        if from_text and not case.get("text"):
            continue
        record: list[Asked] = []

        def check(_: Mapping[str, Any], case: Mapping[str, Any] = case,
                  record: list[Asked] = record) -> Mapping[str, Any]:
            answer, asked = simulate(case, from_text=from_text, silent_as_no=silent_as_no,
                                     stop_at_emergency=stop_at_emergency)
            record.append(asked)
            return answer

        results.append(CaseResult(case["id"], case["gold"]["triage"], case["gold"]["condition"],
                                  predict(check, case["answers"])))
        counts.extend(record)
    return results, counts


def question_summary(counts: Sequence[Asked], findings: int) -> dict[str, Any]:
    totals = [asked.total for asked in counts] or [0]
    return {
        "questions_median": statistics.median(totals), "questions_max": max(totals),
        "questions_possible": findings,
        "warning_sign_questions_median": statistics.median(
            [asked.warning_signs for asked in counts] or [0]),
        "answered_median": statistics.median([asked.answered for asked in counts] or [0]),
        "items_median": statistics.median([asked.items for asked in counts] or [0]),
        "items_max": max([asked.items for asked in counts] or [0]),
        "screens_median": statistics.median([asked.screens for asked in counts] or [0]),
        "checklists_median": statistics.median([asked.checklists for asked in counts] or [0]),
    }


def format_questions(summary: Mapping[str, Any]) -> str:
    share = summary["questions_median"] / summary["questions_possible"]
    return "\n".join([
        f"questions asked           median {summary['questions_median']:g}, "
        f"max {summary['questions_max']} (of {summary['questions_possible']} findings; "
        f"median share {share:.2f})",
        f"  warning-sign questions  median {summary['warning_sign_questions_median']:g} "
        f"(grouped screens: median {summary['screens_median']:g})",
        f"  checklists              median {summary['checklists_median']:g} "
        f"(tick all that apply; each counts as one question)",
        f"findings asked about      median {summary['items_median']:g}, "
        f"max {summary['items_max']} (a screen or checklist counts once per finding it lists)",
        f"  answered from the case  median {summary['answered_median']:g} "
        f"(the rest: don't know)",
    ])
