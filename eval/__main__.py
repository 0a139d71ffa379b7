"""`python -m eval`: check the labelled cases, run them through legcheck, print the scores.

Exit codes: 0 normally; 1 when a gate given on the command line fails
(`--require-emergency-sensitivity`, `--fail-on-under-triage`); 2 when the case file cannot be
read or has problems (each printed on stderr).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from eval.interview_score import format_questions, question_summary, run_interviews
from eval.score import (
    CaseResult,
    CheckFunction,
    Metrics,
    format_report,
    format_summary,
    gate_failures,
    legcheck_check,
    misses_as_dicts,
    run_cases,
    summarise,
)
from eval.text_score import (
    TEXT_CASES_PATH,
    format_text_report,
    legcheck_text_check,
    load_text_cases,
    score_texts,
    split_cases,
    text_twins,
)
from eval.validate import CASES_PATH, CaseFileError, case_problems, load_cases
from legcheck.knowledge import read_knowledge


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m eval", description="Score legcheck against labelled cases.")
    parser.add_argument("--cases", type=Path, default=CASES_PATH,
                        help="case file to score (default: eval/cases.yaml)")
    parser.add_argument("--verbose", action="store_true",
                        help="list every miss: triage, gold condition and the predicted top 3")
    parser.add_argument("--json", action="store_true",
                        help="print the metrics as one JSON object (--verbose adds the misses)")
    parser.add_argument("--require-emergency-sensitivity", type=float, metavar="RATIO",
                        help="exit 1 if emergency sensitivity is below RATIO (e.g. 1.0)")
    parser.add_argument("--fail-on-under-triage", type=int, metavar="N",
                        help="exit 1 if more than N cases are under-triaged")
    parser.add_argument("--from-text", action="store_true",
                        help="score the structured cases from their free-text twins (`text`)")
    parser.add_argument("--interview", action="store_true",
                        help="simulate the guided check: a person answers each question from "
                             "the case (don't know otherwise), from nothing or, with "
                             "--from-text, from the text twin; scored next to all answers")
    parser.add_argument("--silent-as-no", action="store_true",
                        help="with --interview: the person answers no to yes/no questions the "
                             "case does not mention (a second reading beside don't know)")
    parser.add_argument("--stop-at-emergency", action="store_true",
                        help="with --interview: end the interview as soon as the answer is an "
                             "emergency, as the terminal and the web pages do")
    parser.add_argument("--text", action="store_true",
                        help="score the text reader on eval/text_cases.yaml (or --cases FILE): "
                             "precision, recall and F1 per finding, negation accuracy")
    parser.add_argument("--split", choices=("all", "dev", "test"), default="all",
                        help="with --text: every 4th case is the test split, kept out of tuning "
                             "the reader's vocabulary; the rest is dev")
    parser.add_argument("--require-f1", type=float, metavar="F1",
                        help="with --text: exit 1 if the overall F1 is below this")
    return parser.parse_args(argv)


def main_text(arguments: argparse.Namespace) -> int:
    path = arguments.cases if arguments.cases != CASES_PATH else TEXT_CASES_PATH
    metrics = score_texts(split_cases(load_text_cases(path), arguments.split))
    if arguments.json:
        print(json.dumps(metrics.to_dict()))
    else:
        print(format_text_report(metrics, verbose=arguments.verbose))
    f1 = metrics.scores()[2]
    if arguments.require_f1 is not None and f1 < arguments.require_f1:
        print(f"eval: FAILED: F1 {f1:.3f} is below {arguments.require_f1}", file=sys.stderr)
        return 1
    return 0


def main_interview(arguments: argparse.Namespace, cases: list[Any], check: CheckFunction,
                   findings: int) -> tuple[Metrics, list[CaseResult]]:
    """Score simulated interviews, next to the same cases with every answer given."""
    results, counts = run_interviews(cases, from_text=arguments.from_text,
                                     silent_as_no=arguments.silent_as_no,
                                     stop_at_emergency=arguments.stop_at_emergency)
    metrics = summarise(results)
    questions = question_summary(counts, findings)
    every = summarise(run_cases(cases, check))
    if arguments.json:
        output = {"interview": metrics.to_dict(), "questions": questions,
                  "all_answers": every.to_dict()}
        if arguments.verbose:
            output["misses"] = misses_as_dicts(results)
        print(json.dumps(output))
    else:
        start = "the text twin" if arguments.from_text else "nothing"
        print(f"guided check, starting from {start}\n{format_questions(questions)}\n"
              f"{format_report(metrics, results, verbose=arguments.verbose)}\n\n"
              f"with every answer of the case given\n{format_summary(every)}")
    return metrics, results


def main(argv: Sequence[str] | None = None, check: CheckFunction = legcheck_check) -> int:
    arguments = parse_arguments(argv)
    if arguments.text:
        return main_text(arguments)
    try:
        cases = load_cases(arguments.cases)
    except CaseFileError as error:
        print(f"eval: {error}", file=sys.stderr)
        return 2
    kb, _ = read_knowledge()  # problems in knowledge files being written elsewhere are not ours
    problems = case_problems(cases, kb)
    if problems:
        print(f"eval: {arguments.cases} has {len(problems)} problem(s):", file=sys.stderr)
        print("\n".join(f"  {problem}" for problem in problems), file=sys.stderr)
        return 2
    if arguments.interview:
        metrics, results = main_interview(arguments, cases, check, len(kb.findings))
    else:
        if arguments.from_text:
            cases, check = text_twins(cases), legcheck_text_check
        results = run_cases(cases, check)
        metrics = summarise(results)
        if arguments.json:
            output = metrics.to_dict()
            if arguments.verbose:
                output["misses"] = misses_as_dicts(results)
            print(json.dumps(output))
        else:
            print(format_report(metrics, results, verbose=arguments.verbose))
    failures = gate_failures(metrics,
                             min_emergency_sensitivity=arguments.require_emergency_sensitivity,
                             max_under_triage=arguments.fail_on_under_triage)
    if metrics.errors:
        print(f"eval: {metrics.errors} check(s) failed with an error; --verbose shows why",
              file=sys.stderr)
    for failure in failures:
        print(f"eval: FAILED: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
