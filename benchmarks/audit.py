"""Auditors' dashboard queries at scale: 1,000,000 decisions on PostgreSQL, 100,000 on SQLite.

Target: every dashboard query answers in under 300 ms at the 95th percentile.

How the data is made (honestly): seeding a million decisions through the full submission path would
take hours on this machine, so the benchmark evaluates a pool of real synthetic decisions once
(``demo._prepare``: schema validation, the rule-set version in force, evaluation; about 6,000
decisions over 690 days, both rule-set versions), derives their aggregate rows with the service's
own ``aggregates.derive``, and then bulk-writes N decisions' worth of derived rows: decision i is a
copy of a pool decision of the same rule-set version, on its own day spread evenly over the two
years, with its own seq, id and incident reference. The daily counts are summed from the same rows.
``decision_record`` itself is not filled: no dashboard query reads it (the decision page reads one
record by primary key).

Measured, in interleaved rounds, through the service functions the pages and the API call
(``aggregates.overview``, ``decisions_behind``, ``series_by_step``), each with parameters drawn at
random (force or all forces, a 90-day or 365-day window, a step): min / median / p95 / max, next
to a floor measured in the same run (a primary-key read of one ``audit_decision`` row on the same
connection), and on PostgreSQL the server's CPU per query from /proc.

    make bench-audit                       # both backends, full size
    .venv/bin/python benchmarks/audit.py --quick     # 20k / 10k decisions
    .venv/bin/python benchmarks/audit.py --backend sqlite --decisions 100000
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select, text
from sqlmodel import Session

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.db import build_engine, migrate
from app.rules.registry import RulesetRegistry
from app.services import aggregates, demo
from app.services.aggregates import DecisionFilter, Period, Scope, Status
from app.services.synthetic import FORCES, incidents
from benchmarks.stats import percentile

UNTIL = datetime(2026, 11, 30, tzinfo=UTC)
DAYS = 690  # the rule sets start on 2025-01-01
PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
PG_BENCH = "postgresql+psycopg://postgres@127.0.0.1:5432/bench_audit"
TARGET_MS = 300.0


def pool(registry: RulesetRegistry, incidents_count: int) -> dict[str, list[aggregates.Derived]]:
    """Real decisions, derived, by rule-set version."""
    catalogue = aggregates.StepCatalogue(registry)
    by_version: dict[str, list[aggregates.Derived]] = {}
    seq = 0
    for item in incidents(incidents_count, seed=4242, until=UNTIL, days=DAYS):
        records, _, _ = demo._prepare(registry, item)
        for record in records:
            seq += 1
            derived = aggregates.derive({**record.model_dump(), "seq": seq}, catalogue)
            by_version.setdefault(derived.decision["ruleset"], []).append(derived)
    return by_version


def generate(
    by_version: dict[str, list[aggregates.Derived]], count: int, registry: RulesetRegistry
) -> Iterator[aggregates.Derived]:
    """``count`` decisions' rows: pool copies on days spread evenly over the window."""
    rng = random.Random(7)
    first = (UNTIL - timedelta(days=DAYS)).date()
    for i in range(count):
        day = first + timedelta(days=DAYS * i // count)
        version = registry.in_force("concern-for-a-child", day).document.version
        template = rng.choice(by_version[f"concern-for-a-child@{version}"])
        seq = i + 1
        recorded = datetime.combine(day, datetime.min.time(), UTC) + timedelta(seconds=rng.randrange(86400))
        decision = {
            **template.decision,
            "seq": seq,
            "decision_id": str(uuid.UUID(int=rng.getrandbits(128))),
            "incident_ref": f"{template.decision['force'][:3]}-{day:%Y%m%d}-{seq:07d}",
            "day": day,
            "recorded_at": recorded,
        }
        findings = [{**f, "seq": seq, "day": day} for f in template.findings]
        steps = [{**s, "day": day} for s in template.steps]
        yield aggregates.Derived(decision, findings, steps)


COLUMNS = {
    "audit_decision": [c.name for c in aggregates.DECISIONS.c],
    "audit_finding": [c.name for c in aggregates.FINDINGS.c],
    "audit_step_day": [c.name for c in aggregates.STEP_DAYS.c],
    "audit_decision_day": [c.name for c in aggregates.DECISION_DAYS.c],
}


def fill(engine: Engine, rows: Iterator[aggregates.Derived], count: int) -> float:
    """Bulk-write the rows (COPY on PostgreSQL, executemany on SQLite); returns seconds."""
    started = time.perf_counter()
    steps: Counter[tuple[Any, ...]] = Counter()
    days: dict[tuple[Any, ...], list[int]] = {}
    postgres = engine.dialect.name == "postgresql"
    batch: list[aggregates.Derived] = []

    def flush() -> None:
        decision_rows = [[d.decision[c] for c in COLUMNS["audit_decision"]] for d in batch]
        finding_rows = [[f[c] for c in COLUMNS["audit_finding"]] for d in batch for f in d.findings]
        _write(engine, "audit_decision", decision_rows, postgres)
        _write(engine, "audit_finding", finding_rows, postgres)
        step_counts, day_counts = aggregates._day_counts(batch)
        steps.update(step_counts)
        for key, c in day_counts.items():
            total = days.setdefault(key, [0, 0, 0])
            for i in range(3):
                total[i] += c[i]
        batch.clear()

    for done, derived in enumerate(rows, 1):
        batch.append(derived)
        if len(batch) == 20_000:
            flush()
            print(f"  {done:,} of {count:,} decisions written", flush=True)
    flush()
    step_rows = [[*key, n] for key, n in steps.items()]  # STEP_COLUMNS order, then n
    order = [*aggregates.STEP_COLUMNS, "n"]
    _write(
        engine, "audit_step_day", [_reorder(r, order, COLUMNS["audit_step_day"]) for r in step_rows], postgres
    )
    day_rows = [[*key, *c] for key, c in days.items()]
    order = [*aggregates.DAY_KEY, "decisions", "blocking", "critical_open"]
    _write(
        engine,
        "audit_decision_day",
        [_reorder(r, order, COLUMNS["audit_decision_day"]) for r in day_rows],
        postgres,
    )
    # As a live database is after autovacuum: statistics, and the visibility map for index-only scans.
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM ANALYZE" if postgres else "ANALYZE")
    return time.perf_counter() - started


def _reorder(row: list[Any], have: list[str], want: list[str]) -> list[Any]:
    index = {name: i for i, name in enumerate(have)}
    return [row[index[name]] for name in want]


def _write(engine: Engine, table: str, rows: list[list[Any]], postgres: bool) -> None:
    if not rows:
        return
    columns = COLUMNS[table]
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        if postgres:
            with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:  # type: ignore[attr-defined]
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join("?" for _ in columns)
            values = [[_sqlite(v) for v in row] for row in rows]
            cursor.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", values)
        raw.commit()
    finally:
        raw.close()


def _sqlite(value: Any) -> Any:
    """As SQLAlchemy stores it on SQLite (UTC, no offset, microseconds; ISO dates)."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    return value.isoformat() if hasattr(value, "isoformat") else value


@contextmanager
def database(backend: str, scratch: Path) -> Iterator[Engine]:
    if backend == "sqlite":
        engine = build_engine(f"sqlite:///{scratch / 'bench_audit.db'}", pool_size=1)
    else:
        admin = build_engine(PG_ADMIN, pool_size=1)
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("DROP DATABASE IF EXISTS bench_audit"))
            conn.execute(text("CREATE DATABASE bench_audit"))
        admin.dispose()
        engine = build_engine(PG_BENCH, pool_size=1)
    migrate(engine)
    try:
        yield engine
    finally:
        engine.dispose()
        if backend == "postgresql":
            admin = build_engine(PG_ADMIN, pool_size=1)
            with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(text("DROP DATABASE IF EXISTS bench_audit"))
            admin.dispose()


def queries(rng: random.Random, steps: list[str]) -> dict[str, Callable[[Session], Any]]:
    """Each dashboard query with fresh random parameters per call."""

    def scope(all_forces: bool = False) -> Scope:
        span = rng.choice((90, 365))
        end = UNTIL.date() - timedelta(days=rng.randrange(0, DAYS - span))
        force = None if all_forces else rng.choice(FORCES)
        return Scope(force, end - timedelta(days=span - 1), end)

    return {
        "overview, one force, by week": lambda s: aggregates.overview(s, scope(), Period.week),
        "overview, all forces, by month": lambda s: aggregates.overview(s, scope(True), Period.month),
        "step trend, one force, by week": lambda s: aggregates.overview(
            s, scope(), Period.week, step=rng.choice(steps)
        ),
        "list behind a step (missing)": lambda s: aggregates.decisions_behind(
            s, scope(), DecisionFilter(step=rng.choice(steps), status=Status.missing)
        ),
        "list behind a step, all forces": lambda s: aggregates.decisions_behind(
            s, scope(True), DecisionFilter(step=rng.choice(steps), status=Status.unknown)
        ),
        "list of blocking decisions": lambda s: aggregates.decisions_behind(
            s, scope(), DecisionFilter(blocking=True)
        ),
        "list of closures, critical open": lambda s: aggregates.decisions_behind(
            s, scope(), DecisionFilter(closed_critical=True)
        ),
        "report: steps by month": lambda s: aggregates.series_by_step(s, scope(), Period.month),
    }


def backend_cpu(session: Session) -> Callable[[], float]:
    """Seconds of CPU of this session's PostgreSQL backend process so far (Linux /proc)."""
    pid = session.execute(text("SELECT pg_backend_pid()")).scalar_one()
    ticks = 100

    def read() -> float:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / ticks

    return read


def measure(engine: Engine, rounds: int, per_round: int) -> dict[str, dict[str, float]]:
    rng = random.Random(11)
    with Session(engine) as session:
        steps = [s for (s,) in session.execute(select(aggregates.STEP_DAYS.c.step_id).distinct())]
        work = queries(rng, sorted(steps))
        cpu = backend_cpu(session) if engine.dialect.name == "postgresql" else None
        samples: dict[str, list[float]] = {name: [] for name in work}
        cpu_used: dict[str, float] = dict.fromkeys(work, 0.0)
        floor: list[float] = []
        top = session.execute(
            select(aggregates.DECISIONS.c.seq).order_by(aggregates.DECISIONS.c.seq.desc())
        ).first()
        last = top[0] if top else 1
        for run in work.values():  # warm the caches once
            run(session)
        for _ in range(rounds):
            for name, run in work.items():
                for _ in range(per_round):
                    seq = rng.randrange(1, last + 1)
                    started = time.perf_counter()
                    session.execute(
                        select(aggregates.DECISIONS.c.day).where(aggregates.DECISIONS.c.seq == seq)
                    ).first()
                    floor.append(time.perf_counter() - started)
                    before = cpu() if cpu else 0.0
                    started = time.perf_counter()
                    run(session)
                    samples[name].append(time.perf_counter() - started)
                    if cpu:
                        cpu_used[name] += cpu() - before
                    session.rollback()
    floor.sort()
    floor_ms = statistics.median(floor) * 1000
    result = {}
    for name, values in samples.items():
        values.sort()
        result[name] = {
            "min": values[0] * 1000,
            "median": statistics.median(values) * 1000,
            "p95": percentile(values, 95) * 1000,
            "max": values[-1] * 1000,
            "ratio": statistics.median(values) * 1000 / floor_ms,
            "server_cpu_ms": 1000 * cpu_used[name] / len(values) if cpu else float("nan"),
        }
    result["floor: one row by primary key"] = {
        "min": floor[0] * 1000,
        "median": floor_ms,
        "p95": percentile(floor, 95) * 1000,
        "max": floor[-1] * 1000,
        "ratio": 1.0,
        "server_cpu_ms": float("nan"),
    }
    return result


def report(
    backend: str, count: int, seconds: float, sizes: dict[str, int], result: dict[str, dict[str, float]]
) -> bool:
    print(
        f"\n[{backend}] {count:,} decisions (derived rows bulk-written in {seconds:.0f} s): "
        + ", ".join(f"{t} {n:,}" for t, n in sizes.items())
    )
    print(f"{'query':36} {'min':>8} {'median':>8} {'p95':>8} {'max':>8} {'x floor':>8} {'srv cpu':>8}  (ms)")
    ok = True
    for name, r in result.items():
        flag = ""
        if not name.startswith("floor") and r["p95"] >= TARGET_MS:
            flag, ok = "  OVER TARGET", False
        cpu = "" if math.isnan(r["server_cpu_ms"]) else f"{r['server_cpu_ms']:8.1f}"
        times = " ".join(f"{r[k]:8.1f}" for k in ("min", "median", "p95", "max"))
        print(f"{name:36} {times} {r['ratio']:8.0f} {cpu:>8}{flag}")
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument(
        "--decisions", type=int, help="Decisions per backend (default 1M PostgreSQL, 100k SQLite)."
    )
    parser.add_argument("--quick", action="store_true", help="20k (PostgreSQL) and 10k (SQLite) decisions.")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--per-round", type=int, default=8)
    args = parser.parse_args()
    registry = RulesetRegistry.load()
    print("evaluating the pool of real synthetic decisions...", flush=True)
    by_version = pool(registry, 1500 if args.quick else 3000)
    print("pool: " + ", ".join(f"{k} {len(v):,}" for k, v in by_version.items()), flush=True)
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    ok = True
    with tempfile.TemporaryDirectory(prefix="bench_audit_") as tmp:
        for backend in backends:
            default = (
                (20_000 if backend == "postgresql" else 10_000)
                if args.quick
                else (1_000_000 if backend == "postgresql" else 100_000)
            )
            count = args.decisions or default
            with database(backend, Path(tmp)) as engine:
                print(f"[{backend}] writing {count:,} decisions' derived rows...", flush=True)
                seconds = fill(engine, generate(by_version, count, registry), count)
                with engine.connect() as conn:
                    sizes = {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in COLUMNS}
                result = measure(engine, args.rounds, args.per_round)
                ok = report(backend, count, seconds, sizes, result) and ok
    print("\nall dashboard queries under 300 ms at p95" if ok else "\nsome queries are over 300 ms at p95")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
