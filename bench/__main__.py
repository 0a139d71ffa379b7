"""Benchmarks: check() per structured case, and the CLI's cold start.

    python -m bench [--rounds N] [--cold-runs N]

Prints median and p99 per check in microseconds over the evaluation set, and the median and worst
wall time of `legcheck check --set ...` started as a fresh process.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

from legcheck import check
from legcheck.api import default_knowledge

CASES = Path(__file__).resolve().parent.parent / "eval" / "cases.yaml"
COLD_ARGS = ["check", "--set", "visible_flicker=yes", "--set", "weakness=no",
             "--set", "duration_days=21", "--set", "timing=falling_asleep", "--format", "json"]


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def bench_check(rounds: int) -> dict[str, float]:
    cases = [case["answers"] for case in yaml.safe_load(CASES.read_text())]
    default_knowledge()
    for answers in cases:  # warm-up
        check(answers=answers)
    samples = []
    for _ in range(rounds):
        for answers in cases:
            start = time.perf_counter_ns()
            check(answers=answers).to_dict()
            samples.append((time.perf_counter_ns() - start) / 1000)
    return {"cases": len(cases), "checks": len(samples),
            "median_us": round(statistics.median(samples), 1),
            "p99_us": round(percentile(samples, 0.99), 1)}


def bench_cold_start(runs: int) -> dict[str, float]:
    script = shutil.which("legcheck") or str(Path(sys.executable).with_name("legcheck"))
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([script, *COLD_ARGS], check=True, capture_output=True)
        samples.append(time.perf_counter() - start)
    return {"runs": runs, "median_s": round(statistics.median(samples), 3),
            "max_s": round(max(samples), 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--cold-runs", type=int, default=15)
    options = parser.parse_args()
    results = {"check": bench_check(options.rounds),
               "cold_start": bench_cold_start(options.cold_runs)}
    print(f"check(): {results['check']['checks']} checks over {results['check']['cases']} "
          f"cases: median {results['check']['median_us']} us, "
          f"p99 {results['check']['p99_us']} us")
    print(f"cold start of `legcheck {' '.join(COLD_ARGS[:3])} ...`: "
          f"median {results['cold_start']['median_s']} s, "
          f"worst {results['cold_start']['max_s']} s over {options.cold_runs} runs")
    out = Path(__file__).resolve().parent / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
