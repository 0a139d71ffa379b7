"""Benchmark of the doctor's report: a typical diary and 20 years of heavy logging.

    python -m bench.report [--runs 3]

A typical diary is 60 days of episodes (about three a day) with day entries, symptoms, a
medicine and two saved checks; the heavy one is bench.diary's 20 years (about 200,000 episodes),
written by bulk insert. Times `make_report` (read, analyse, check, chart, lay out) to PDF for the
default period (the last 90 days) and, for the heavy diary, for the whole 20 years."""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import insert

from legcheck import check
from legcheck.api import default_knowledge
from legcheck.diary.database import connect
from legcheck.diary.models import Day, Episode
from legcheck.diary.store import DiaryStore
from legcheck.diary.transfer import import_document
from legcheck.report.gather import make_report

PLACES = ("left-calf", "right-calf", "both-calves", "left-thigh", "feet")
SETTINGS = ("rest", "falling-asleep", "falling-asleep", "sleep", "rest", None)


def typical_diary(today: date, *, days: int = 60, seed: int = 7) -> dict[str, Any]:
    """About three episodes a day, a little more on days with 4+ coffees, with day entries."""
    rng = np.random.default_rng(seed)
    episodes, day_entries = [], []
    for offset in range(days, -1, -1):
        day = today - timedelta(days=offset)
        cups = float(rng.integers(1, 7))
        entry = {"day": day.isoformat(), "caffeine_cups": cups,
                 "sleep_hours": float(rng.choice([5.5, 6, 7, 7.5, 8])),
                 "stress": int(rng.integers(2, 9)),
                 "exercise_minutes": float(rng.choice([0, 30, 60])),
                 "fluids_litres": float(rng.choice([1.0, 1.5, 2.0])),
                 "medicines": ["sertraline"] if offset < 30 else [],
                 "symptoms": ["numbness_tingling"] if offset % 9 == 0 else []}
        day_entries.append(entry)
        for _ in range(rng.poisson(2.2 + 0.02 * (days - offset) + (1.2 if cups >= 4 else 0))):
            hour = int(rng.choice([7, 13, 18, 21, 22, 23, 23, 0]))
            at = datetime.combine(day, datetime.min.time(), UTC) + timedelta(
                hours=hour, minutes=int(rng.integers(0, 60)))
            if at > datetime.now(UTC):
                continue
            setting = SETTINGS[int(rng.integers(0, len(SETTINGS)))]
            episodes.append({"kind": str(rng.choice(["twitch", "twitch", "jerk", "urge"])),
                             "at": at.isoformat(), "timezone": "UTC", "during": setting,
                             "where": PLACES[int(rng.integers(0, len(PLACES)))],
                             "intensity": int(rng.integers(1, 7))})
    return {"format": "legcheck-diary", "version": 1, "episodes": episodes,
            "days": day_entries}


def add_typical_checks(store: DiaryStore, today: date) -> None:
    """Two saved checks: an early one from words, a later one with more answers."""
    first = {"visible_flicker": "yes", "weakness": "no", "duration_days": 20,
             "caffeine_cups_per_day": 5}
    later = {"visible_flicker": "yes", "urge_to_move": "yes", "worse_in_evening": "yes",
             "relieved_by_moving": "yes", "weakness": "no", "muscle_wasting": "no",
             "duration_days": 55, "numbness_tingling": "yes"}
    text = "my calves twitch in the evening and I feel I have to move them"
    for offset, answers, words in ((40, first, None), (5, later, text)):
        taken = datetime.combine(today - timedelta(days=offset), datetime.min.time(), UTC) \
            + timedelta(hours=20)
        result = check(answers=answers) if words is None else check(text=words, answers=answers)
        store.add_check(taken_at=taken, text=words, answers=answers, result=result.to_dict())


def typical_store(url: str, today: date) -> DiaryStore:
    store = DiaryStore(connect(url), profile="me", timezone_name="UTC")
    import_document(store, typical_diary(today))
    add_typical_checks(store, today)
    return store


def heavy_store(url: str, today: date, *, years: int = 20, per_day: float = 28) -> DiaryStore:
    """bench.diary's heavy diary, written by bulk insert (no per-entry checks: it is our data)."""
    from bench.diary import heavy_diary

    document = heavy_diary(years, per_day, today)
    store = DiaryStore(connect(url), profile="me", timezone_name="UTC")
    now = datetime.now(UTC)
    episodes = [{"profile_id": store.profile_id, "occurred_at": datetime.fromisoformat(e["at"]),
                 "timezone": "UTC", "kind": e["kind"], "during": e["during"],
                 "intensity": e["intensity"], "location": PLACES[i % len(PLACES)],
                 "created_at": now} for i, e in enumerate(document["episodes"])]
    days = [{"profile_id": store.profile_id, "day": date.fromisoformat(d["day"]),
             "caffeine_cups": d["caffeine_cups"], "sleep_hours": d["sleep_hours"],
             "stress": d["stress"], "medicines": [], "symptoms": []} for d in document["days"]]
    with store.engine.begin() as connection:
        connection.execute(insert(Episode.__table__), episodes)
        connection.execute(insert(Day.__table__), days)
    return store


def time_report(store: DiaryStore, runs: int, since: date | None) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        make_report(store, since=since, until=None, name="A.B.", output_format="pdf",
                    knowledge=default_knowledge())
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    today = datetime.now(UTC).date()
    default_knowledge()
    with tempfile.TemporaryDirectory() as folder:
        typical = typical_store(f"sqlite:///{Path(folder) / 'typical.db'}", today)
        print(f"first report in this process (imports matplotlib and WeasyPrint, loads fonts): "
              f"{time_report(typical, 1, None):.2f} s")
        print(f"report, typical diary (60 days, {len(typical.episodes())} episodes), PDF: "
              f"median {time_report(typical, args.runs, None):.2f} s of {args.runs} runs")
        start = time.perf_counter()
        heavy = heavy_store(f"sqlite:///{Path(folder) / 'heavy.db'}", today)
        count = heavy.episode_tallies().by_intensity
        print(f"(heavy diary: {sum(count.values())} episodes written in "
              f"{time.perf_counter() - start:.1f} s)")
        print(f"report, 20-year diary, last 90 days, PDF: "
              f"median {time_report(heavy, args.runs, None):.2f} s of {args.runs} runs")
        print(f"report, 20-year diary, all 20 years, PDF: median "
              f"{time_report(heavy, args.runs, today - timedelta(days=20 * 365)):.2f} s "
              f"of {args.runs} runs")


if __name__ == "__main__":
    main()
