"""Benchmark of the guided check's question choice: `next_question` per call.

    python -m bench.interview [--rounds N]

Replays the interview of every case in eval/cases.yaml and eval/holdout.yaml (a person answering
from the case, "don't know" otherwise, starting from nothing) and times every call of
`next_question`, the one made after each answer. Prints the median, p99 and worst time per call
in milliseconds, and the calls per interview.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

import yaml

from bench.__main__ import percentile
from eval.interview_score import checklist_reply, screen_reply
from legcheck.api import default_knowledge
from legcheck.engine import Observation, parse_answers
from legcheck.engine.interview import answer_checklist, answer_screen, next_question

EVAL = Path(__file__).resolve().parent.parent / "eval"


def bench_interview(rounds: int) -> dict[str, float]:
    kb = default_knowledge()
    cases = [case for name in ("cases.yaml", "holdout.yaml")
             for case in yaml.safe_load((EVAL / name).read_text())]
    truths = [parse_answers(kb, case["answers"]) for case in cases]
    samples: list[float] = []
    calls = []
    for round_number in range(rounds + 1):  # the first round warms the caches up
        for truth in truths:
            observations: dict[str, Observation] = {}
            opened: set[str] = set()
            count = 0
            while True:
                start = time.perf_counter_ns()
                step = next_question(kb, observations, opened)
                if round_number:
                    samples.append((time.perf_counter_ns() - start) / 1e6)
                count += 1
                if step.done:
                    break
                if step.kind == "screen":  # answered as the evaluation's simulated person does
                    added, more = answer_screen(step, screen_reply(step, truth))
                    observations.update(added)
                    opened |= more
                    continue
                if step.kind == "checklist":
                    observations.update(answer_checklist(step, checklist_reply(step, truth)))
                    continue
                observations[step.finding] = truth.get(step.finding) or Observation(
                    step.finding, None, "answer", "?")
            calls.append(count)
    return {"interviews": len(truths), "calls": len(samples),
            "calls_per_interview_median": statistics.median(calls),
            "median_ms": round(statistics.median(samples), 2),
            "p99_ms": round(percentile(samples, 0.99), 2),
            "max_ms": round(max(samples), 2)}


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.interview")
    parser.add_argument("--rounds", type=int, default=3)
    print(json.dumps({"next_question": bench_interview(parser.parse_args().rounds)}, indent=2))


if __name__ == "__main__":
    main()
