"""The cost of person history on a persisted submission, with 1,000,000 person_history rows on
PostgreSQL (issue 15). Target: a submission whose rule set reads history costs at most 20% more
CPU (this process + the PostgreSQL backend, from /proc) than the same submission without, and its
p99 at most 20% more.

How the data is made (honestly): ``--rows`` person_history rows (default 1,000,000) are written
with COPY, for ``rows / 10`` synthetic people (person references ``NOM-<k>``, pseudonyms made by
the service's own ``Pseudonymiser``) over ``rows / 4`` incidents (also COPY), spread over two
years; ``decision_record`` is not filled (the lookup never reads it). Then, interleaved in rounds,
the same checklist about a person with ~10 earlier incidents (at the person's own address, so an
address gathers a few rows, not every submission's) is submitted through
``submissions.submit`` (a new incident each time), once with a synthetic rule set that reads
history (``history: 1``; the lookup, and the second evaluation of "history changed the outcome")
and once with the same rule set without it (no lookup). Both write their person_history rows. Both
decide alike: the people submitted are those whose history makes the rule missing (two or more
concerns in 12 months, found before the rounds), and without history the rule is missing for any
child, so each side stores the same finding and the ratio is the cost of reading history, not of
storing one more finding.
The lookup's plan is checked with EXPLAIN: it must use ``ix_person_history_lookup``.

    .venv/bin/python -m benchmarks history [--rows 1000000] [--rounds 5] [--per-round 200]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, text

from app.db import build_engine, migrate, session_scope
from app.rules import compiler
from app.rules.model import RulesetDocument
from app.rules.registry import RulesetRegistry
from app.services import history, submissions
from benchmarks.registry import BenchmarkError, Figure, spread
from benchmarks.stats import percentile
from tests.history_support import body, child, history_document

PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
PG_BENCH = "postgresql+psycopg://postgres@127.0.0.1:5432/bench_history"
SECRET = "bench-history-secret-0123456789abcdefghijkl"
LIMIT = 1.2
NOW = datetime(2026, 11, 30, tzinfo=UTC)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rows", type=int, default=1_000_000, help="person_history rows to store")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--per-round", type=int, default=200, help="submissions per variant per round")


def _registry(reads: bool) -> RulesetRegistry:
    data = history_document()
    if not reads:  # missing as the history rule is for the people submitted (``_repeating``)
        rules = [{**r, "missing_if": "len(children) > 0", "met_if": "false"} for r in data["rules"]]
        data = {k: v for k, v in data.items() if k != "history"} | {"rules": rules}
    doc = RulesetDocument.model_validate(data)
    compiler._CHECKED.add((compiler.content_hash(doc), "bench"))  # as tests.history_support does
    return RulesetRegistry([compiler.compile_ruleset(doc, "bench")])


def _database() -> Engine:
    admin = build_engine(PG_ADMIN)
    with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("DROP DATABASE IF EXISTS bench_history WITH (FORCE)"))
        conn.execute(text("CREATE DATABASE bench_history"))
    admin.dispose()
    engine = build_engine(PG_BENCH, pool_size=2)
    migrate(engine)
    return engine


def _copy(engine: Engine, table: str, columns: list[str], rows: Any) -> None:
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        raw.commit()
    finally:
        raw.close()


def fill(engine: Engine, rows: int, p: history.Pseudonymiser) -> int:
    """``rows`` person_history rows over rows/4 incidents for rows/10 people; returns people."""
    rng = random.Random(15)
    people = max(1, rows // 10)
    incidents = max(1, rows // 4)
    start = NOW - timedelta(days=730)
    at = [start + timedelta(seconds=rng.randrange(730 * 86400)) for _ in range(incidents)]
    _copy(
        engine,
        "incident",
        ["id", "reference", "force", "incident_type", "revision", "latest_decision_id", "latest_blocking",
         "created_at", "updated_at"],
        ((i + 1, f"WMP-B{i:07d}", "WMP", "child_neglect", 1, f"{i:036d}", False, at[i], at[i])
         for i in range(incidents)),
    )  # fmt: skip
    pseudonyms = [p.pseudonym("WMP", history.Identifier("person", "ref", f"nom-{k}")) for k in range(people)]

    def made() -> Any:
        for n in range(rows):
            i = rng.randrange(incidents)
            yield ("WMP", "child", "C1", pseudonyms[n % people], p.key_id, "ref", i + 1, 1, f"{n:036d}",
                   at[i], at[i], rng.random() < 0.5, False, rng.random() < 0.1, rng.random() < 0.05,
                   rng.random() < 0.2, None, False, "[]")  # fmt: skip

    _copy(
        engine,
        "person_history",
        ["force", "subject", "local_id", "pseudonym", "key_id", "basis", "incident_id", "revision",
         "decision_id", "as_of", "recorded_at", "concern", "domestic", "missing", "injury", "referral",
         "referral_outcome", "suspect", "open_steps"],
        made(),
    )  # fmt: skip
    with engine.begin() as conn:
        conn.execute(text("SELECT setval('incident_id_seq', :n)"), {"n": incidents})
        conn.execute(text("ANALYZE person_history"))
        conn.execute(text("ANALYZE incident"))
    return people


def _explain(engine: Engine, p: history.Pseudonymiser) -> str:
    """The plan PostgreSQL chooses for the service's own lookup statement, for a linked person."""
    ident = history.Identifier("person", "ref", "nom-7")
    params = {
        "forces": ["WMP"],
        "pseudonyms": sorted(p.candidates("WMP", ident)),
        "as_of": NOW,
        "x_force": "WMP",
        "x_ref": "WMP-NEW",
    }
    with engine.connect() as conn:
        compiled = history.LOOKUP.params(**params).compile(
            dialect=conn.dialect, compile_kwargs={"literal_binds": True, "render_postcompile": True}
        )
        return "\n".join(r[0] for r in conn.execute(text(f"EXPLAIN {compiled}")))


def _repeating(engine: Engine, p: history.Pseudonymiser, people: int, wanted: int = 2000) -> list[int]:
    """People (``NOM-<k>``) with two or more concerns in the 12 months before ``NOW`` (the bench
    rule set's threshold): their history makes its rule missing, then and after more submissions."""
    found: list[int] = []
    with engine.connect() as conn:
        for k in range(people):
            checklist = body(f"WMP-Q{k:07d}", [child(ref=f"NOM-{k}")], as_of=NOW, version=None).checklist
            if history.lookup(conn, p, checklist, NOW).children[0].concerns_12m >= 2:
                found.append(k)
                if len(found) == wanted:
                    break
    if not found:
        raise BenchmarkError("no stored person has two concerns in 12 months")
    return found


def _backend_cpu(pid: int) -> float:
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _pids(engine: Engine) -> list[int]:
    with engine.connect() as conn:
        return [
            int(r[0])
            for r in conn.execute(text("SELECT pid FROM pg_stat_activity WHERE datname = 'bench_history'"))
        ]


def _round(
    engine: Engine,
    registry: RulesetRegistry,
    p: history.Pseudonymiser,
    n: int,
    tag: str,
    people: list[int],
    counter: list[int],
) -> tuple[float, list[float]]:
    """CPU seconds per submission (this process + PostgreSQL backends), and each submission's latency."""
    pids = _pids(engine)
    before = time.process_time() + sum(_backend_cpu(pid) for pid in pids)
    latencies = []
    for _ in range(n):
        counter[0] += 1
        ref = f"WMP-{tag}{counter[0]:07d}"
        k = people[counter[0] % len(people)]
        # The person's own address: one address for every submission would gather thousands of rows.
        sent = body(ref, [child(ref=f"NOM-{k}")], as_of=NOW, address_ref=f"LOC-{k}", version=None)
        began = time.perf_counter()
        with session_scope(engine) as session:
            submissions.submit(
                session,
                registry,
                ref,
                sent,
                idempotency_key=None,
                if_match=None,
                requested_by="bench",
                pseudonymiser=p,
            )
        latencies.append(time.perf_counter() - began)
    after = time.process_time() + sum(_backend_cpu(pid) for pid in pids)
    return (after - before) / n, latencies


def run(args: argparse.Namespace) -> list[Figure]:
    p = history.Pseudonymiser(SECRET)
    engine = _database()
    began = time.perf_counter()
    people = fill(engine, args.rows, p)
    took = time.perf_counter() - began
    print(f"stored {args.rows:,} person_history rows for {people:,} people in {took:.0f} s")
    plan = _explain(engine, p)
    print("lookup plan:\n  " + plan.replace("\n", "\n  "))
    if "ix_person_history_lookup" not in plan:
        raise BenchmarkError("the history lookup does not use ix_person_history_lookup")
    pool = _repeating(engine, p, people)
    reads, plain = _registry(True), _registry(False)
    counter = [0]
    _round(engine, reads, p, 20, "W", pool, counter)  # warm both paths and the pool
    _round(engine, plain, p, 20, "W", pool, counter)
    cpu_ratios: list[float] = []
    p99_ratios: list[float] = []
    cpu: dict[str, list[float]] = {"history": [], "plain": []}
    for _ in range(args.rounds):
        with_cpu, with_lat = _round(engine, reads, p, args.per_round, "H", pool, counter)
        without_cpu, without_lat = _round(engine, plain, p, args.per_round, "P", pool, counter)
        cpu["history"].append(with_cpu * 1e3)
        cpu["plain"].append(without_cpu * 1e3)
        cpu_ratios.append(with_cpu / without_cpu)
        p99_ratios.append(percentile(with_lat, 99) / percentile(without_lat, 99))
    engine.dispose()
    for name, values in cpu.items():
        print(f"CPU per submission, {name}: median {statistics.median(values):.2f} ms")
    print(f"load average: {os.getloadavg()}")
    return [
        Figure("cpu_ms.history.postgresql", "CPU per submission reading history (ms)",
               statistics.median(cpu["history"]), spread=spread(cpu["history"])),
        Figure("cpu_ms.plain.postgresql", "CPU per submission without history (ms)",
               statistics.median(cpu["plain"]), spread=spread(cpu["plain"])),
        Figure("cpu.postgresql", "history / no history, CPU per submission", statistics.median(cpu_ratios),
               limit=LIMIT, at_least=False, spread=spread(cpu_ratios)),
        Figure("p99.postgresql", "history / no history, p99 latency", statistics.median(p99_ratios),
               limit=LIMIT, at_least=False, spread=spread(p99_ratios)),
    ]  # fmt: skip
