"""Replay benchmark: seed N synthetic incidents, then replay them as recorded and against 1.1.0.

    make bench-replay                      # 100,000 incidents, SQLite and PostgreSQL
    make bench-replay ARGS="--quick"       # 5,000 incidents
    .venv/bin/python benchmarks/replay.py --incidents 20000 --backends sqlite

For each backend (SQLite in a temporary file; PostgreSQL from SAFESTEPS_TEST_DATABASE_URL or
postgresql+psycopg://postgres@127.0.0.1:5432/test, in a scratch schema that is dropped afterwards)
it prints, in the same run and on the same decisions:

- end-to-end replay rate in incidents per second: the replay job as the worker runs it (database
  read, evaluation, comparison, result write, job progress), storing flagged results (the default:
  reproduction failures, changed incidents) and, once more as recorded, a result for every decision;
- the engine's in-memory rate: ``evaluate`` alone on the same decisions' inputs, already parsed,
  measured just before and just after the end-to-end run (the mean, to cancel drift on a shared
  machine), on a sample of up to 10,000 of them;
- the same ratio by CPU time of the evaluating thread (the critical path; reading and writing run
  in their own threads), which other load on a shared machine hardly moves;
- peak RSS of a fresh process replaying about N/10 and then all N decisions: flat memory means the
  two are close.

Target: end-to-end at least 50% of the in-memory rate. Synthetic people only.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import Engine, select, text
from sqlalchemy.engine import make_url
from sqlmodel import Session

from app.db import build_engine, migrate
from app.rules.engine import Facts, evaluate
from app.rules.registry import RulesetRegistry
from app.rules.replay import context_from_json
from app.schemas.replay import ReplayCreate
from app.services import demo
from app.services.replay import jobs
from app.services.replay.runner import DECISIONS, run_job
from app.services.synthetic import SPAN_DAYS, START

DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
TARGET = "concern-for-a-child@1.1.0"
SAMPLE = 10_000


@dataclass
class Row:
    backend: str
    mode: str
    decisions: int
    seconds: float
    in_memory: float
    flagged: int
    cpu_seconds: float  # CPU time of the evaluating thread during the end-to-end run
    in_memory_cpu: float  # in-memory rate by CPU time of the same thread

    @property
    def cpu_ratio(self) -> float:
        """Robust to other load on a shared machine: rates by the evaluating thread's CPU time."""
        return (self.decisions / self.cpu_seconds) / self.in_memory_cpu

    @property
    def rate(self) -> float:
        return self.decisions / self.seconds

    @property
    def ratio(self) -> float:
        return self.rate / self.in_memory


@contextmanager
def database(backend: str) -> Iterator[str]:
    """A scratch database URL, removed afterwards."""
    if backend == "sqlite":
        with tempfile.TemporaryDirectory(prefix="safesteps-bench-") as folder:
            yield f"sqlite:///{Path(folder) / 'bench.db'}"
        return
    base = os.environ.get("SAFESTEPS_TEST_DATABASE_URL") or DEFAULT_PG
    schema = f"safesteps_bench_{uuid.uuid4().hex[:10]}"
    admin = build_engine(base, pool_size=1)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def in_memory_rate(engine: Engine, registry: RulesetRegistry, target: str | None) -> tuple[float, float]:
    """Decisions per second of ``evaluate`` alone, on parsed inputs of the first SAMPLE decisions."""
    d = DECISIONS.c
    columns = (d.ruleset_id, d.ruleset_version, d.input, d.context, d.checklist_schema_version)
    with engine.connect() as conn:
        rows = conn.execute(select(*columns).order_by(d.seq).limit(SAMPLE)).all()
    fixed = registry.get(*target.split("@")) if target else None
    prepared = [
        (
            fixed or registry.get(r.ruleset_id, r.ruleset_version),
            Facts.stored(r.input, r.checklist_schema_version),
            context_from_json(orjson.loads(r.context)),
        )
        for r in rows
    ]
    started, cpu = time.perf_counter(), time.thread_time()
    for ruleset, facts, context in prepared:
        evaluate(ruleset, facts, context)
    return len(prepared) / (time.perf_counter() - started), len(prepared) / (time.thread_time() - cpu)


def replay(engine: Engine, registry: RulesetRegistry, body: dict[str, Any]) -> tuple[int, float, int, float]:
    with Session(engine) as session:
        job_id = jobs.create_job(session, registry, ReplayCreate.model_validate(body), "benchmark").id
        session.commit()
    assert jobs.claim(engine, "benchmark", stale_after=timedelta(days=1), job_id=job_id) == job_id
    started, cpu = time.perf_counter(), time.thread_time()
    run_job(engine, registry, job_id, "benchmark")
    seconds, cpu_seconds = time.perf_counter() - started, time.thread_time() - cpu
    with Session(engine) as session:
        job = jobs.public(jobs.get_job(session, job_id))
    assert job.status == "succeeded", job.error
    return job.processed, seconds, job.flagged, cpu_seconds


def peak_rss(url: str, to_date: date | None) -> dict[str, Any]:
    """Replay as recorded in a fresh process; its peak RSS and how many decisions it replayed."""
    args = [sys.executable, __file__, "--child", url]
    if to_date:
        args += ["--child-to", to_date.isoformat()]
    done = subprocess.run(args, check=True, capture_output=True, text=True)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def child(url: str, to_date: str | None) -> None:
    engine = build_engine(url, pool_size=3)
    registry = RulesetRegistry.load()
    body: dict[str, Any] = {"mode": "as_recorded", "selection": {"to_date": to_date} if to_date else {}}
    processed, seconds, _, _ = replay(engine, registry, body)
    engine.dispose()
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"decisions": processed, "seconds": seconds, "peak_rss_mb": rss_kb / 1024}))


def run_backend(
    backend: str, count: int, registry: RulesetRegistry
) -> tuple[list[Row], list[dict[str, Any]]]:
    rows: list[Row] = []
    with database(backend) as url:
        engine = build_engine(url, pool_size=3)
        migrate(engine)
        started = time.perf_counter()
        demo.seed(engine, registry, count, batch=2000)
        seeding = time.perf_counter() - started
        print(
            f"[{backend}] seeded {count:,} incidents in {seeding:.1f}s ({count / seeding:,.0f}/s)", flush=True
        )
        for mode, body, target in (
            ("as recorded", {"mode": "as_recorded"}, None),
            ("as recorded, every result stored", {"mode": "as_recorded", "results": "all"}, None),
            (
                f"against {TARGET}",
                {"mode": "impact", "ruleset": {"id": TARGET.split("@")[0], "version": TARGET.split("@")[1]}},
                TARGET,
            ),
        ):
            before, before_cpu = in_memory_rate(engine, registry, target)
            processed, seconds, flagged, cpu_seconds = replay(engine, registry, body)
            after, after_cpu = in_memory_rate(engine, registry, target)
            mean, mean_cpu = (before + after) / 2, (before_cpu + after_cpu) / 2
            row = Row(backend, mode, processed, seconds, mean, flagged, cpu_seconds, mean_cpu)
            rows.append(row)
            print(
                f"[{backend}] {mode}: {processed:,} in {seconds:.1f}s = {row.rate:,.0f}/s; in-memory "
                f"{row.in_memory:,.0f}/s; {100 * row.ratio:.0f}% (by CPU time {100 * row.cpu_ratio:.0f}%)",
                flush=True,
            )
        engine.dispose()
        tenth = START.date() + timedelta(days=SPAN_DAYS // 10)
        memory = [peak_rss(url, tenth), peak_rss(url, None)]
        for point in memory:
            print(
                f"[{backend}] peak RSS replaying {point['decisions']:,}: {point['peak_rss_mb']:.0f} MB",
                flush=True,
            )
    return rows, memory


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--quick", action="store_true", help="5,000 incidents")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--child-to", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.child_to)
        return
    count = 5_000 if args.quick else args.incidents
    registry = RulesetRegistry.load()
    print(f"replay benchmark, {count:,} incidents, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, pid {os.getpid()}")
    results: list[Row] = []
    memory: dict[str, list[dict[str, Any]]] = {}
    for backend in args.backends.split(","):
        rows, memory[backend] = run_backend(backend.strip(), count, registry)
        results += rows
    print()
    header = f"{'backend':<11} {'replay':<34} {'decisions':>9} {'e2e/s':>8} {'in-mem/s':>9} {'ratio':>6}"
    print(header + "  by CPU  target 50%")
    for r in results:
        verdict = "met" if r.ratio >= 0.5 else "NOT met"
        print(
            f"{r.backend:<11} {r.mode:<34} {r.decisions:>9,} {r.rate:>8,.0f} {r.in_memory:>9,.0f} "
            f"{100 * r.ratio:>5.0f}%  {100 * r.cpu_ratio:>5.0f}%  {verdict}"
        )
    print()
    for backend, points in memory.items():
        described = ", ".join(f"{p['decisions']:,} decisions: {p['peak_rss_mb']:.0f} MB" for p in points)
        print(f"{backend:<11} peak RSS of a replay process: {described}")


if __name__ == "__main__":
    main()
