"""Benchmarks: check() per structured case, reading per description, and the CLI's cold start.

    python -m bench [--rounds N] [--cold-runs N]

Prints median and p99 per check in microseconds over the evaluation set; median and p99 per
free-text description (eval/text_cases.yaml) in milliseconds once the NLP pipeline is loaded,
reading alone and the whole check; and the median and worst wall time of `legcheck check --set ...`
and of `legcheck check "TEXT"`, each started as a fresh process.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import yaml

from legcheck import check
from legcheck.api import default_knowledge

CASES = Path(__file__).resolve().parent.parent / "eval" / "cases.yaml"
TEXT_CASES = CASES.with_name("text_cases.yaml")
TEXT_ARGS = ["check", "my left calf has been twitching for three weeks, no weakness, I drink like "
             "5 coffees a day", "--format", "json", "--no-diary"]
COLD_ARGS = ["check", "--set", "visible_flicker=yes", "--set", "weakness=no",
             "--set", "duration_days=21", "--set", "timing=falling_asleep", "--format", "json",
             "--no-diary"]


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


def bench_text(rounds: int) -> dict[str, float]:
    from legcheck.text import read_text

    texts = [case["text"] for case in yaml.safe_load(TEXT_CASES.read_text())]
    kb, today = default_knowledge(), date(2026, 11, 24)
    read_text(kb, texts[0], today=today)  # loads the pipeline
    reading, whole = [], []
    for _ in range(rounds):
        for text in texts:
            start = time.perf_counter_ns()
            read_text(kb, text, today=today)
            reading.append((time.perf_counter_ns() - start) / 1e6)
            start = time.perf_counter_ns()
            check(text=text, today=today).to_dict()
            whole.append((time.perf_counter_ns() - start) / 1e6)
    return {"descriptions": len(texts), "reads": len(reading),
            "read_median_ms": round(statistics.median(reading), 2),
            "read_p99_ms": round(percentile(reading, 0.99), 2),
            "check_median_ms": round(statistics.median(whole), 2),
            "check_p99_ms": round(percentile(whole, 0.99), 2)}


def bench_cold_start(runs: int, arguments: list[str] = COLD_ARGS) -> dict[str, float]:
    script = shutil.which("legcheck") or str(Path(sys.executable).with_name("legcheck"))
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([script, *arguments], check=True, capture_output=True)
        samples.append(time.perf_counter() - start)
    return {"runs": runs, "median_s": round(statistics.median(samples), 3),
            "max_s": round(max(samples), 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--cold-runs", type=int, default=15)
    options = parser.parse_args()
    results = {"check": bench_check(options.rounds),
               "text": bench_text(max(1, options.rounds // 10)),
               "cold_start": bench_cold_start(options.cold_runs),
               "cold_start_text": bench_cold_start(options.cold_runs, TEXT_ARGS)}
    print(f"check(): {results['check']['checks']} checks over {results['check']['cases']} "
          f"cases: median {results['check']['median_us']} us, "
          f"p99 {results['check']['p99_us']} us")
    text = results["text"]
    print(f"text: {text['reads']} reads over {text['descriptions']} descriptions, pipeline "
          f"loaded: reading median {text['read_median_ms']} ms, p99 {text['read_p99_ms']} ms; "
          f"whole check median {text['check_median_ms']} ms, p99 {text['check_p99_ms']} ms")
    for key, args in (("cold_start", COLD_ARGS), ("cold_start_text", TEXT_ARGS)):
        print(f"cold start of `legcheck {' '.join(args[:3])[:60]} ...`: "
              f"median {results[key]['median_s']} s, worst {results[key]['max_s']} s "
              f"over {options.cold_runs} runs")
    out = Path(__file__).resolve().parent / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
