"""Persisted submissions vs stateless evaluation, over loopback, in the same run: `make bench-persist`.

For each database (SQLite always; PostgreSQL when it answers), a fresh database is created and
migrated, one uvicorn server is started in a subprocess with it, and concurrent httpx clients drive
alternately ``POST /v1/evaluate`` (stateless) and ``POST /v1/incidents/{ref}/checklists`` (one
transaction per submission: idempotency key, revision, hash-chained decision record) with the same
checklist. Rounds alternate so that drift in a shared machine hits both sides alike. The ratio of
throughputs is the figure of merit (target: persisted >= 50% of stateless). At the end the decision
log must verify with exactly one record per stored submission.

Options: ``--seconds`` per round, ``--rounds``, ``--concurrency``, ``--pg-url`` (or
``SAFESTEPS_BENCH_PG_URL``; default the local test server), ``--no-pg``.
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import itertools
import os
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.auth.roles import Role  # noqa: E402
from app.schemas.incidents import EXAMPLE_SUBMISSION  # noqa: E402
from benchmarks.keys import UNLIMITED_RATE, bearer_keys  # noqa: E402

DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
INCIDENTS = 500


@dataclass
class Stats:
    label: str
    requests: int
    seconds: float
    latencies: list[float]
    errors: int
    ok: int = 0  # expected answers, warm-up included (persisted: submissions stored)
    server_cpu: float = 0.0  # CPU seconds of the app server during the run
    db_cpu: float = 0.0  # CPU seconds of PostgreSQL backends during the run (0 for SQLite)

    @property
    def cpu_ms(self) -> float:
        """App-server plus database CPU per request: a capacity measure that a busy machine
        distorts much less than wall-clock throughput."""
        return 1000 * (self.server_cpu + self.db_cpu) / self.requests

    @property
    def rps(self) -> float:
        return self.requests / self.seconds

    def pct(self, q: float) -> float:
        ordered = sorted(self.latencies)
        return 1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def cpu_seconds(pid: int) -> float:
    """utime + stime of a process (Linux /proc); 0 elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICKS


def postgres_cpu() -> dict[int, float]:
    """CPU seconds per local process named postgres (other users' queries count too)."""
    seen: dict[int, float] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text_ = stat.read_text()
        except OSError:
            continue
        if "(postgres)" in text_:
            seen[int(stat.parent.name)] = cpu_seconds(int(stat.parent.name))
    return seen


def postgres_delta(before: dict[int, float]) -> float:
    """CPU used since ``before`` by postgres processes still alive (exited ones are not counted)."""
    return sum(cpu - before.get(pid, 0.0) for pid, cpu in postgres_cpu().items())


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(database_url: str, port: int) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "SAFESTEPS_DATABASE_URL": database_url,
        "RUST_BACKTRACE": "0",
        # One client drives the whole load: the per-client limit would measure itself.
        **UNLIMITED_RATE,
    }
    command = [
        sys.executable, "-m", "uvicorn", "app.main:create_app", "--factory",
        "--host", "127.0.0.1", "--port", str(port), "--no-access-log", "--log-level", "warning",
    ]  # fmt: skip
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("the server did not start")


def bodies() -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """One evaluate body, and a submission per synthetic incident (same checklist otherwise)."""
    evaluate = {"checklist": EXAMPLE_SUBMISSION["checklist"], "hook": EXAMPLE_SUBMISSION["hook"]}
    submissions = []
    for i in range(INCIDENTS):
        body = copy.deepcopy(EXAMPLE_SUBMISSION)
        body.pop("base_revision")
        body["checklist"]["incident"]["reference"] = f"BENCH-{i:05d}"
        submissions.append(body)
    return evaluate, submissions


async def drive(
    base: str, persisted: bool, seconds: float, concurrency: int, headers: dict[str, str]
) -> Stats:
    evaluate, submissions = bodies()
    counter = itertools.count()
    latencies: list[float] = []
    errors = retries = ok = 0
    failures: Counter[str] = Counter()
    run_id = uuid.uuid4().hex[:8]
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30, headers=headers) as client:

        async def one() -> None:
            """One request; a persisted one is retried with the same Idempotency-Key after a
            transport error or a 503, as an MDT would (so it is stored exactly once)."""
            nonlocal errors, retries, ok
            n = next(counter)
            start = time.perf_counter()
            for attempt in range(3):
                try:
                    if persisted:
                        body = submissions[n % INCIDENTS]
                        ref = body["checklist"]["incident"]["reference"]
                        headers = {"Idempotency-Key": f"bench-{run_id}-{n}"}
                        response = await client.post(
                            f"/v1/incidents/{ref}/checklists", json=body, headers=headers
                        )
                    else:
                        response = await client.post("/v1/evaluate", json=evaluate)
                except httpx.TransportError as exc:
                    failures[type(exc).__name__] += 1
                    retries += attempt < 2
                    continue
                if persisted and response.status_code == 503 and attempt < 2:
                    failures["503"] += 1
                    retries += 1
                    continue
                break
            else:
                errors += 1
                return
            latencies.append(time.perf_counter() - start)
            if response.status_code != (201 if persisted else 200):
                failures[str(response.status_code)] += 1
                errors += 1
            else:
                ok += 1

        async def worker(deadline: float) -> None:
            while time.perf_counter() < deadline:
                await one()

        for _ in range(concurrency):  # warm the connections and the server
            await one()
        latencies.clear()
        begin = time.perf_counter()
        await asyncio.gather(*(worker(begin + seconds) for _ in range(concurrency)))
        elapsed = time.perf_counter() - begin
    label = "persisted" if persisted else "stateless"
    if failures:
        print(f"  ({label}: {retries} retries; failed attempts {dict(failures)})")
    return Stats(label, len(latencies), elapsed, latencies, errors, ok=ok)


def merge(runs: list[Stats]) -> Stats:
    return Stats(
        runs[0].label,
        sum(r.requests for r in runs),
        sum(r.seconds for r in runs),
        [lat for r in runs for lat in r.latencies],
        sum(r.errors for r in runs),
        sum(r.ok for r in runs),
        sum(r.server_cpu for r in runs),
        sum(r.db_cpu for r in runs),
    )


def bench(name: str, url: str, args: argparse.Namespace) -> dict[str, Any]:
    port = free_port()
    server = start_server(url, port)
    base = f"http://127.0.0.1:{port}"
    try:
        keys = bearer_keys(url, (Role.control_room, Role.auditor))
        runs: dict[bool, list[Stats]] = {False: [], True: []}
        for _ in range(args.rounds):
            for persisted in (False, True):
                server0, db0 = cpu_seconds(server.pid), postgres_cpu() if name == "PostgreSQL" else {}
                stats = asyncio.run(
                    drive(base, persisted, args.seconds, args.concurrency, keys["control_room"])
                )
                stats.server_cpu = cpu_seconds(server.pid) - server0
                stats.db_cpu = postgres_delta(db0) if name == "PostgreSQL" else 0.0
                runs[persisted].append(stats)
        stateless, persisted = merge(runs[False]), merge(runs[True])
        stored = sum(r.ok for r in runs[True])
        check = httpx.get(f"{base}/v1/audit/verify", timeout=120, headers=keys["auditor"]).json()
    finally:
        server.terminate()
        server.wait(10)
    ratio = persisted.rps / stateless.rps
    print(f"\n{name}: {args.concurrency} concurrent clients, {args.rounds} x {args.seconds:g}s per side")
    for s in (stateless, persisted):
        print(
            f"  {s.label:9}  {s.rps:8.1f} req/s   p50 {s.pct(0.5):6.1f} ms   p99 {s.pct(0.99):6.1f} ms"
            f"   CPU/request {s.cpu_ms:5.2f} ms (app {1000 * s.server_cpu / s.requests:.2f}"
            f" + db {1000 * s.db_cpu / s.requests:.2f})   errors {s.errors}"
        )
    print(f"  ratio persisted/stateless: {ratio:.0%} (target >= 50%)")
    print(
        f"  CPU capacity ratio (stateless CPU/request / persisted): {stateless.cpu_ms / persisted.cpu_ms:.0%}"
    )
    print(f"  p99 ratio persisted/stateless: {persisted.pct(0.99) / stateless.pct(0.99):.2f}x")
    print(f"  audit verify: {check} (expected {stored} records)")
    if not check.get("verified") or check.get("records") != stored:
        raise SystemExit(f"{name}: the decision log does not verify with {stored} records")
    return {"ratio": ratio, "stateless": stateless.rps, "persisted": persisted.rps}


def pg_schema(base: str) -> tuple[str, str]:
    schema = f"safesteps_bench_{uuid.uuid4().hex[:10]}"
    engine = create_engine(base)
    with engine.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine.dispose()
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    return schema, url.render_as_string(hide_password=False)


def drop_schema(base: str, schema: str) -> None:
    engine = create_engine(base)
    with engine.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    engine.dispose()


def pg_available(url: str) -> bool:
    try:
        engine = create_engine(url, connect_args={"connect_timeout": 2})
        with engine.connect():
            pass
        engine.dispose()
        return True
    except Exception:
        return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--pg-url", default=os.environ.get("SAFESTEPS_BENCH_PG_URL", DEFAULT_PG))
    parser.add_argument("--no-pg", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        bench("SQLite", f"sqlite:///{Path(tmp) / 'bench.db'}", args)
    if args.no_pg:
        return
    if not pg_available(args.pg_url):
        print("\nPostgreSQL: skipped (not reachable; pass --pg-url)")
        return
    schema, url = pg_schema(args.pg_url)
    try:
        bench("PostgreSQL", url, args)
    finally:
        drop_schema(args.pg_url, schema)


if __name__ == "__main__":
    main()
