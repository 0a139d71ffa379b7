"""Benchmark of the diary: one person with 20 years of heavy logging.

    python -m bench.diary [--postgres URL] [--years 20] [--per-day 28]

Builds a diary of about 7,300 days and 200,000 episodes (imported in one transaction), then
times `legcheck stats` (reading the store and analysing it) on SQLite and, given --postgres or
LEGCHECK_TEST_DATABASE_URL, on PostgreSQL; and measures logging throughput (one transaction per
entry, as `legcheck log` does)."""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import create_engine, text

from legcheck import check
from legcheck.api import default_knowledge
from legcheck.diary.database import connect
from legcheck.diary.entries import EpisodeIn
from legcheck.diary.findings import diary_findings
from legcheck.diary.stats import analyse_store
from legcheck.diary.store import DiaryStore
from legcheck.diary.transfer import import_document

KINDS = ("twitch", "jerk", "cramp", "urge")
DURING = ("rest", "falling-asleep", "sleep", "exercise", "activity")


def heavy_diary(years: int, per_day: float, today: date) -> dict[str, Any]:
    rng = np.random.default_rng(20)
    days = [today - timedelta(days=offset) for offset in range(years * 365, 0, -1)]
    episodes, day_entries = [], []
    for day in days:
        caffeine = float(rng.integers(0, 7))
        day_entries.append({"day": day.isoformat(), "caffeine_cups": caffeine,
                            "sleep_hours": float(rng.choice([5, 6, 7, 8])),
                            "stress": int(rng.integers(0, 11)), "medicines": [],
                            "symptoms": []})
        for _ in range(rng.poisson(per_day * (1.3 if caffeine >= 4 else 1.0))):
            at = datetime.combine(day, datetime.min.time(), UTC) + timedelta(
                seconds=float(rng.uniform(0, 86_399)))
            episodes.append({"kind": KINDS[rng.integers(0, 4)], "at": at.isoformat(),
                             "timezone": "UTC", "during": DURING[rng.integers(0, 5)],
                             "intensity": int(rng.integers(0, 11))})
    return {"format": "legcheck-diary", "version": 1, "episodes": episodes,
            "days": day_entries}


def bench_store(url: str, document: dict[str, Any], runs: int) -> dict[str, float]:
    store = DiaryStore(connect(url), profile="bench", timezone_name="UTC")
    start = time.perf_counter()
    import_document(store, document)
    imported = time.perf_counter() - start
    today = datetime.now(UTC).date()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        analyse_store(store, today=today)
        samples.append(time.perf_counter() - start)
    checks = []
    for _ in range(runs):
        start = time.perf_counter()
        days = store.days()
        analysis = analyse_store(store, today=today, days=days)
        findings = diary_findings(default_knowledge(), analysis, days, today=today)
        check(diary=findings).to_dict()
        checks.append(time.perf_counter() - start)
    logged = bench_logging(store, 500)
    store.engine.dispose()
    return {"import_s": round(imported, 2), "stats_median_s": round(statistics.median(samples), 3),
            "stats_max_s": round(max(samples), 3),
            "check_with_diary_median_s": round(statistics.median(checks), 3),
            "log_per_second": round(logged)}


def bench_logging(store: DiaryStore, count: int) -> float:
    start = time.perf_counter()
    for index in range(count):
        store.add_episode(EpisodeIn(kind="twitch", intensity=index % 11, during="rest",
                                    at=datetime.now(UTC) - timedelta(minutes=1)))
    return count / (time.perf_counter() - start)


def postgres_schema(base: str) -> tuple[str, Any]:
    base = base.replace("postgresql://", "postgresql+psycopg://", 1)
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base)
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))

    def drop() -> None:
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()

    return f"{base}?options=-csearch_path%3D{schema}", drop


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--per-day", type=float, default=28.0)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--postgres", default=os.environ.get("LEGCHECK_TEST_DATABASE_URL"))
    options = parser.parse_args()
    document = heavy_diary(options.years, options.per_day, datetime.now(UTC).date())
    print(f"diary: {len(document['days'])} days, {len(document['episodes'])} episodes")
    with tempfile.TemporaryDirectory() as folder:
        result = bench_store(f"sqlite:///{Path(folder) / 'bench.sqlite3'}", document,
                             options.runs)
    print(f"sqlite: {result}")
    if options.postgres:
        url, drop = postgres_schema(options.postgres)
        try:
            print(f"postgresql: {bench_store(url, document, options.runs)}")
        finally:
            drop()


if __name__ == "__main__":
    main()
