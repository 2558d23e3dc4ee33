"""Replay benchmark: the replay job against the in-memory engine on the same decisions, in one
worker process and in two, on SQLite and PostgreSQL.

For each backend (SQLite in a temporary file; PostgreSQL from ``--pg-url``,
``SAFESTEPS_TEST_DATABASE_URL`` or the local test server, in a scratch schema dropped afterwards)
it seeds ``--incidents`` synthetic incidents (one decision each), then in interleaved rounds:

- **in memory**: ``evaluate`` alone on up to 10,000 of the same decisions, their stored input
  already made into ``Facts`` and their context parsed, in this process (measured before and after
  each round's replays; the mean);
- **1 process**: ``safesteps replay-worker`` (the command an inspectorate runs on each machine)
  in one fresh process, timed from the moment an as-recorded job is queued until it has succeeded:
  every phase of the job (splitting, database reads, evaluation, comparison, result and progress
  writes);
- **2 processes**: the same with two worker processes sharing one job (its parts).

Figures: end-to-end rate per process / in-memory rate, for one process and for two (the target:
one process at least 80%), and the two processes' speed-up over one (target: at least 1.8x), as
min / median / max over the rounds; also the same ratio by CPU time (decisions per CPU-second of
the worker processes over decisions per CPU-second of the in-memory loop), which other load on a
shared machine hardly moves, and the peak RSS of a worker replaying a tenth of the log and then all
of it (flat memory: the two are close). Synthetic people only.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import Engine, select, text
from sqlalchemy.engine import make_url
from sqlmodel import Session

from app import heap
from app.db import build_engine, migrate, session_scope
from app.models.tables import RECORDS as DECISIONS
from app.rules.engine import Facts, evaluate
from app.rules.registry import RulesetRegistry
from app.rules.replay import context_from_json
from app.schemas.replay import ReplayCreate
from app.services import demo
from app.services.replay import jobs
from app.services.synthetic import SPAN_DAYS, START
from benchmarks.registry import BenchmarkError, Figure, spread
from benchmarks.servers import ROOT, cpu_seconds, postgres_reachable, stop

DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
SAMPLE = 10_000
TARGET_RATIO = 0.8
TARGET_SPEEDUP = 1.8
TARGET_MEMORY = 1.25  # peak RSS replaying the whole log / replaying a tenth of it


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--incidents", type=int, default=20_000, help="decisions seeded (20,000)")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds (3)")
    parser.add_argument("--part-size", type=int, default=1000, help="decisions per part (1000)")
    parser.add_argument("--backends", default="sqlite,postgresql", help="sqlite,postgresql")
    parser.add_argument(
        "--pg-url",
        default=os.environ.get("SAFESTEPS_TEST_DATABASE_URL") or DEFAULT_PG,
        help=argparse.SUPPRESS,
    )


@contextmanager
def database(backend: str, pg_url: str) -> Iterator[str]:
    """A scratch database URL, removed afterwards."""
    if backend == "sqlite":
        with tempfile.TemporaryDirectory(prefix="safesteps-bench-") as folder:
            yield f"sqlite:///{Path(folder) / 'bench.db'}"
        return
    schema = f"safesteps_bench_{uuid.uuid4().hex[:10]}"
    admin = build_engine(pg_url, pool_size=1)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        url = make_url(pg_url).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


Prepared = list[tuple[Any, bytes, int, Any]]


def prepare(engine: Engine, registry: RulesetRegistry) -> Prepared:
    """The first SAMPLE decisions as ``evaluate`` takes them: the version each was made with, its
    stored input and checklist schema version, and its parsed context."""
    d = DECISIONS.c
    columns = (d.ruleset_id, d.ruleset_version, d.input, d.context, d.checklist_schema_version)
    with engine.connect() as conn:
        rows = conn.execute(select(*columns).order_by(d.seq).limit(SAMPLE)).all()
    return [
        (
            registry.get(r.ruleset_id, r.ruleset_version),
            r.input.encode(),
            r.checklist_schema_version,
            context_from_json(orjson.loads(r.context)),
        )
        for r in rows
    ]


def in_memory_rate(prepared: Prepared) -> tuple[float, float]:
    """Decisions per second (wall, and CPU of this thread) of ``evaluate`` alone on ``prepared``."""
    # Facts built anew for every pass, before timing: stored facts keep what was parsed of them
    # (language rules and computed times read it), which a second pass would get for free and a
    # replay never does.
    batch = [(ruleset, Facts.stored(text, version), context) for ruleset, text, version, context in prepared]
    # The worker's conventions (``app.heap.settle``): its start-up objects frozen, so full
    # collections rescan neither the rule sets nor the prepared decisions; the same young threshold.
    thresholds = heap.settle()
    try:
        started, cpu = time.perf_counter(), time.thread_time()
        for ruleset, facts, context in batch:
            evaluate(ruleset, facts, context)
        wall, cpu = time.perf_counter() - started, time.thread_time() - cpu
    finally:
        heap.release(thresholds)
    return len(prepared) / wall, len(prepared) / cpu


def _evaluate_at(prepared: Prepared, go: Any) -> None:
    go.wait()
    in_memory_rate(prepared)


def machine_speedup(prepared: Prepared) -> float:
    """What the machine gives two processes right now, without a database or any replay code: the
    in-memory loop on the same decisions in two forked processes at once, their rate over one's."""
    fork = multiprocessing.get_context("fork")
    rates = []
    for n in (1, 2):
        go = fork.Event()
        children = [fork.Process(target=_evaluate_at, args=(prepared, go)) for _ in range(n)]
        for child in children:
            child.start()
        time.sleep(0.2)
        started = time.perf_counter()
        go.set()
        for child in children:
            child.join()
        rates.append(n * len(prepared) / (time.perf_counter() - started))
    return rates[1] / rates[0]


@dataclass(frozen=True)
class Run:
    decisions: int
    seconds: float
    cpu: float  # CPU seconds of the worker processes over the run
    peak_rss_mb: float  # the largest worker's peak RSS
    busiest_cpu: float  # CPU seconds of the busiest worker
    machine_cpu: float  # CPU seconds the whole machine spent over the run (/proc/stat), every process

    @property
    def rate(self) -> float:
        return self.decisions / self.seconds

    @property
    def others(self) -> float:
        """Cores busy with anything but the workers (other load, the database server) over the run."""
        return max(self.machine_cpu - self.cpu, 0.0) / self.seconds


def machine_cpu_seconds() -> float:
    """CPU seconds spent by every core so far, idle and I/O wait excluded (Linux /proc/stat)."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    busy = sum(fields[:8]) - fields[3] - fields[4]  # user nice system idle iowait irq softirq steal
    return busy / os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Worker:
    process: subprocess.Popen[bytes]
    log: Path

    def ready(self) -> bool:
        """It has loaded the rule sets and polls for jobs (the command says so when it starts)."""
        return b"waiting for jobs" in self.log.read_bytes()


@contextmanager
def worker(url: str, part_size: int, workdir: Path) -> Iterator[Worker]:
    """``safesteps replay-worker`` in a fresh process, polling every 50 ms, until the block ends."""
    env = {
        **os.environ,
        "RUST_BACKTRACE": "0",
        "SAFESTEPS_DATABASE_URL": url,
        "SAFESTEPS_AUTO_MIGRATE": "false",
        "PYTHONPATH": str(ROOT),
    }
    command = [
        str(Path(sys.executable).parent / "safesteps"), "replay-worker", "--poll-seconds", "0.05",
        "--part-size", str(part_size),
    ]  # fmt: skip
    path = workdir / f"worker-{uuid.uuid4().hex[:6]}.log"
    log = path.open("wb")
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        yield Worker(process, path)
    finally:
        stop(process, timeout=60)  # a clean stop gives its parts back first
        log.close()


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def replay(
    engine: Engine, registry: RulesetRegistry, url: str, processes: int, args: argparse.Namespace,
    workdir: Path, selection: dict[str, Any] | None = None,
) -> Run:  # fmt: skip
    """Queue an as-recorded job for ``processes`` fresh, idle workers and time it to the end."""
    with ExitStack() as stack:
        workers = [stack.enter_context(worker(url, args.part_size, workdir)) for _ in range(processes)]
        deadline = time.monotonic() + 120
        while not all(w.ready() for w in workers):  # start-up (imports, rule sets) is not replay
            if any(w.process.poll() is not None for w in workers) or time.monotonic() > deadline:
                raise BenchmarkError(f"a replay worker did not start; see {workdir}")
            time.sleep(0.1)
        time.sleep(0.2)
        cpu0 = [cpu_seconds(w.process.pid) for w in workers]
        machine0 = machine_cpu_seconds()
        started = time.perf_counter()
        body = ReplayCreate.model_validate({"mode": "as_recorded", "selection": selection or {}})
        with session_scope(engine) as session:
            job_id = jobs.create_job(session, registry, body, "benchmark").id
        while True:
            with Session(engine) as session:
                job = jobs.get_job(session, job_id)
                if job.status not in ("queued", "running"):
                    break
            if any(w.process.poll() is not None for w in workers):
                raise BenchmarkError(f"a replay worker died; see {workdir}")
            time.sleep(0.02)
        seconds = time.perf_counter() - started
        machine = machine_cpu_seconds() - machine0
        cpus = [cpu_seconds(w.process.pid) - c for w, c in zip(workers, cpu0, strict=True)]
        rss = max(peak_rss_mb(w.process.pid) for w in workers)
    if job.status != "succeeded" or job.flagged:
        raise BenchmarkError(f"replay job {job_id} {job.status} with {job.flagged} failures: {job.error}")
    return Run(job.processed, seconds, sum(cpus), rss, max(cpus), machine)


def run_backend(backend: str, args: argparse.Namespace, registry: RulesetRegistry) -> list[Figure]:
    label = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}[backend]
    with database(backend, args.pg_url) as url, tempfile.TemporaryDirectory(prefix="safesteps-bench-") as tmp:
        workdir = Path(tmp)
        engine = build_engine(url, pool_size=3)
        migrate(engine)
        started = time.perf_counter()
        demo.seed(engine, registry, args.incidents, batch=2000, closures=False)
        seeding = time.perf_counter() - started
        print(f"[{label}] seeded {args.incidents:,} incidents in {seeding:.0f} s", flush=True)
        ratios: dict[int, list[float]] = {1: [], 2: []}
        cpu_ratios: dict[int, list[float]] = {1: [], 2: []}
        speedups: list[float] = []
        cpu_speedups: list[float] = []
        others: list[float] = []
        rss_all: list[float] = []
        machine: list[float] = []
        prepared = prepare(engine, registry)
        for number in range(args.rounds):
            before, before_cpu = in_memory_rate(prepared)
            order = (1, 2) if number % 2 == 0 else (2, 1)
            runs = {n: replay(engine, registry, url, n, args, workdir) for n in order}
            after, after_cpu = in_memory_rate(prepared)
            machine.append(machine_speedup(prepared[: SAMPLE // 4]))
            memory, memory_cpu = (before + after) / 2, (before_cpu + after_cpu) / 2
            for n, r in runs.items():
                ratios[n].append(r.rate / n / memory)
                cpu_ratios[n].append(r.decisions / r.cpu / memory_cpu)
            speedups.append(runs[2].rate / runs[1].rate)
            # What two processes would gain with a core each: the job's CPU in one process over the
            # busiest of the two's (their split of the work, claiming, tail), whatever else runs.
            cpu_speedups.append(runs[1].cpu / runs[2].busiest_cpu)
            others.append(runs[2].others)
            rss_all.append(runs[1].peak_rss_mb)
            print(
                f"[{label}] round {number + 1}: in memory {memory:,.0f}/s; 1 process {runs[1].rate:,.0f}/s "
                f"({ratios[1][-1]:.0%}, by CPU {cpu_ratios[1][-1]:.0%}); 2 processes {runs[2].rate:,.0f}/s "
                f"({ratios[2][-1]:.0%} per process, by CPU {cpu_ratios[2][-1]:.0%}); "
                f"speed-up {speedups[-1]:.2f}x, by CPU {cpu_speedups[-1]:.2f}x; cores busy with other "
                f"work during the 1/2-process runs {runs[1].others:.2f}/{runs[2].others:.2f} of "
                f"{os.cpu_count()}; the in-memory loop in 2 processes / 1: {machine[-1]:.2f}x; "
                f"load average {os.getloadavg()[0]:.1f}",
                flush=True,
            )
        tenth = START.date() + timedelta(days=SPAN_DAYS // 10)
        small = replay(engine, registry, url, 1, args, workdir, {"to_date": tenth.isoformat()})
        growth = statistics.median(rss_all) / small.peak_rss_mb
        print(
            f"[{label}] peak RSS of one worker: {small.decisions:,} decisions {small.peak_rss_mb:.0f} MB, "
            f"{args.incidents:,} decisions {statistics.median(rss_all):.0f} MB ({growth:.2f}x)",
            flush=True,
        )
        engine.dispose()
    key = backend
    r1, r2, c1, c2, up, cup, busy, floor = (
        spread(v)
        for v in (ratios[1], ratios[2], cpu_ratios[1], cpu_ratios[2], speedups, cpu_speedups, others, machine)
    )
    return [
        Figure(f"ratio.1p.{key}", f"{label}: 1 process / in-memory engine", r1[1], TARGET_RATIO, True, r1),
        Figure(f"ratio.2p.{key}", f"{label}: 2 processes, per process / in-memory", r2[1], spread=r2),
        Figure(f"speedup.2p.{key}", f"{label}: 2 processes / 1 process", up[1], TARGET_SPEEDUP, True, up),
        Figure(f"cpu_ratio.1p.{key}", f"{label}: 1 process / in-memory, by CPU time", c1[1], spread=c1),
        Figure(f"cpu_ratio.2p.{key}", f"{label}: 2 processes / in-memory, by CPU time", c2[1], spread=c2),
        Figure(f"cpu_speedup.2p.{key}", f"{label}: 2 processes / 1, by CPU", cup[1], spread=cup),
        Figure(
            f"machine_speedup.2p.{key}", f"{label}: in-memory loop, 2 processes / 1", floor[1], spread=floor
        ),
        Figure(f"others.2p.{key}", f"{label}: cores busy elsewhere, 2 processes", busy[1], spread=busy),
        Figure(f"rss_growth.{key}", f"{label}: peak RSS, whole log / a tenth", growth, TARGET_MEMORY, False),
    ]


def run(args: argparse.Namespace) -> list[Figure]:
    registry = RulesetRegistry.load()
    print(
        f"{args.incidents:,} incidents, {args.rounds} rounds, parts of {args.part_size:,} decisions; "
        f"backends {args.backends}"
    )
    figures: list[Figure] = []
    for backend in args.backends.split(","):
        backend = backend.strip()
        if backend == "postgresql" and not postgres_reachable(args.pg_url):
            print("PostgreSQL: skipped (not reachable)")
            continue
        figures += run_backend(backend, args, registry)
    return figures
