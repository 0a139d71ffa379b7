"""Load on the web app from a second process over loopback.

    python -m bench.web [--client wrk|httpx] [--seconds 5] [--requests 2000] [--concurrency 16]
                        [--postgres URL] [--only TEXT]

Starts `legcheck serve` (1 and 2 worker processes) on a fresh SQLite diary and, given --postgres
or LEGCHECK_TEST_DATABASE_URL, on a fresh PostgreSQL schema, and a bare FastAPI endpoint served
the same way as the ceiling. This process sends a bounded number of requests with an asyncio
httpx client and prints requests per second, median and p99 latency for: POST /api/v1/check from
answers, from free text, and POST /api/v1/episodes. The client shares the 2 cores with the
servers, so the numbers are a floor on what the server can do. With wrk installed (Debian's
package; `make bench` installs it) the load comes from wrk for a fixed time instead, a lighter
client than Python's."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parent.parent
ANSWERS = {"visible_flicker": "yes", "weakness": "no", "duration_days": 21,
           "timing": "at_rest", "caffeine_cups_per_day": 5}
TEXT = "my left calf has been twitching for three weeks, no weakness, I drink 5 coffees a day"
SCENARIOS = {  # name: (path, body, share of --requests)
    "bare endpoint (ceiling)": ("/ping", {}, 1.0),
    "check from answers": ("/api/v1/check", {"answers": ANSWERS}, 1.0),
    "check from free text": ("/api/v1/check", {"text": TEXT}, 0.15),
    "log an episode": ("/api/v1/episodes", {"kind": "twitch", "intensity": 3}, 0.5),
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def server(command: list[str], port: int) -> Iterator[str]:
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                httpx.post(f"{url}/ping" if "web_bare" in " ".join(command) else
                           f"{url}/api/v1/check", json={"answers": ANSWERS}, timeout=30)
                if "web_bare" not in " ".join(command):
                    asyncio.run(warm(url))
                break
            except httpx.TransportError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"server did not start: {' '.join(command)}") from None
                time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=60)


async def warm(url: str) -> None:
    """Load the language pipeline in every worker before timing (the first text takes seconds)."""
    async with httpx.AsyncClient(timeout=120) as client:
        await asyncio.gather(*(client.post(f"{url}/api/v1/check", json={"text": TEXT})
                               for _ in range(8)))


async def load(url: str, body: dict, requests: int, concurrency: int) -> dict[str, float]:
    latencies: list[float] = []
    errors = 0
    queue = iter(range(requests))
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(limits=limits, timeout=60) as client:
        for _ in range(min(concurrency, 20)):  # warm the connections and the worker processes
            await client.post(url, json=body)

        async def worker() -> None:
            nonlocal errors
            for _ in queue:
                started = time.perf_counter()
                response = await client.post(url, json=body)
                latencies.append(time.perf_counter() - started)
                errors += response.status_code >= 400

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    ordered = sorted(latencies)
    return {"rps": len(latencies) / elapsed, "median_ms": 1000 * statistics.median(ordered),
            "p99_ms": 1000 * ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))],
            "errors": errors, "requests": len(latencies)}


def wrk_load(url: str, body: dict, seconds: float, concurrency: int) -> dict[str, float]:
    """wrk for `seconds`, POSTing the JSON body; its latency distribution gives median and p99."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(f'wrk.method = "POST"\nwrk.body = {json.dumps(json.dumps(body))}\n'
                     'wrk.headers["Content-Type"] = "application/json"\n')
    try:
        out = subprocess.run(["wrk", "-t1", f"-c{concurrency}", f"-d{seconds:g}s", "--latency",
                              "-s", script.name, url], capture_output=True, text=True,
                             check=True).stdout
    finally:
        os.unlink(script.name)

    def milliseconds(label: str) -> float:
        value, unit = re.search(rf"^\s+{label}\s+([\d.]+)(us|ms|s)\s*$", out, re.M).groups()
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    total = int(re.search(r"(\d+) requests in", out).group(1))
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
            "median_ms": milliseconds("50%"), "p99_ms": milliseconds("99%"),
            "errors": int(bad.group(1)) if bad else 0, "requests": total}


@contextmanager
def postgres_schema(base: str) -> Iterator[str]:
    engine = create_engine(base.replace("postgresql://", "postgresql+psycopg://", 1))
    schema = f"lc_bench_{uuid.uuid4().hex[:10]}"
    with engine.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield f"{base}?options=-csearch_path%3D{schema}"
    finally:
        with engine.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        engine.dispose()


def run_database(label: str, database: str, args: argparse.Namespace) -> None:
    for workers in (1, 2):
        for name, (path, body, share) in SCENARIOS.items():
            if args.only and args.only not in name:
                continue
            port = free_port()
            if path == "/ping":
                if label != "sqlite":
                    continue  # the ceiling touches no database
                command = [sys.executable, "-m", "uvicorn", "bench.web_bare:app", "--port",
                           str(port), "--workers", str(workers), "--log-level", "warning"]
            else:
                command = [sys.executable, "-m", "legcheck", "serve", "--port", str(port),
                           "--db", database, "--workers", str(workers)]
            with server(command, port) as url:
                if args.client == "wrk":
                    numbers = wrk_load(url + path, body, args.seconds, args.concurrency)
                else:
                    count = max(50, int(args.requests * share))
                    numbers = asyncio.run(load(url + path, body, count, args.concurrency))
            print(f"{label:10} {workers:>9} {name:24} {numbers['rps']:8.0f} "
                  f"{numbers['median_ms']:9.1f} {numbers['p99_ms']:8.1f} "
                  f"{numbers['errors']:>6}/{numbers['requests']}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--postgres", default=os.environ.get("LEGCHECK_TEST_DATABASE_URL"))
    parser.add_argument("--only", help="Run only the scenarios whose name contains this.")
    parser.add_argument("--client", choices=("wrk", "httpx"),
                        default="wrk" if shutil.which("wrk") else "httpx")
    parser.add_argument("--seconds", type=float, default=5, help="How long wrk runs each.")
    args = parser.parse_args()
    print(f"client: {args.client}, {args.concurrency} connections")
    print(f"{'database':10} {'processes':>9} {'scenario':24} {'req/s':>8} {'median ms':>9} "
          f"{'p99 ms':>8} {'errors':>6}")
    with tempfile.TemporaryDirectory() as folder:
        run_database("sqlite", f"sqlite:///{Path(folder) / 'bench.sqlite3'}", args)
    if args.postgres:
        with postgres_schema(args.postgres) as database:
            run_database("postgresql", database, args)


if __name__ == "__main__":
    main()
