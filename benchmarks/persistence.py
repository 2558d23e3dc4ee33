"""Persisted submissions vs stateless evaluation, by server CPU per request, in the same run.

For each database (SQLite always; PostgreSQL when it answers: ``--pg-url``, or
``SAFESTEPS_BENCH_PG_URL``, default the local test server, in a scratch schema dropped afterwards)
one uvicorn server runs the app on a fresh migrated database, and the project's load generator
(``benchmarks.loadgen``: prebuilt requests, keep-alive, far cheaper per request than the server)
drives it with ``POST /v1/evaluate`` (stateless) and ``POST /v1/incidents/{ref}/checklists`` (each
submission its own unit of work: idempotency key, revision, hash-chained decision record, which the
service's group writer commits together with the others waiting; each request with its own
Idempotency-Key, a 503 sent again with the same key as an MDT would) with the same checklist, and
``POST /v1/checklists:batch`` (10 submissions a request, as an MDT's offline queue; ``--no-batch``
skips it), in phases whose order alternates from round to round so that drift hits every side alike.

The figure of merit is server CPU per request, persisted / stateless (target: at most 2x), from
``/proc``: the app server's, plus for PostgreSQL the CPU of the database backends serving this
server's own connections (found by their ``application_name``; nobody else's queries count). It is
reported per round as min / median / max, with both sides' throughput and p99. The batch's figure
is server CPU per stored item against a single submission's (target: at most 1x, our own bound:
the integration guide recommends the batch for queues, so an item must not cost more there). At
the end the decision log must verify with exactly one record per stored submission.

``--writer`` also measures the write side alone, in this process (no HTTP, no evaluation): the
group writer's transaction (``submissions.store`` for each of a group of prepared submissions, their
``_finish``, the commit) for groups of 1, 4 and 16, CPU per stored submission of this process and,
on PostgreSQL, of its backend (figure ``writer_us.<db>.g<n>``: both; ``writer_db_us.*``: backend).
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import tempfile
import time
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app.auth.roles import Role
from app.schemas.incidents import EXAMPLE_SUBMISSION
from benchmarks.loadgen import LoadResult, Requests, drive, post_request
from benchmarks.registry import BenchmarkError, Figure, spread
from benchmarks.servers import HOST, Server, cpu_seconds, postgres_reachable, serve
from benchmarks.stats import percentile

DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
INCIDENTS = 500
TARGET_CPU = 2.0
TARGET_BATCH_CPU = 1.0  # our own bound: a queued item costs no more than a single save


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--duration", type=float, default=5.0, help="seconds measured per phase (5)")
    parser.add_argument("--warmup", type=float, default=1.0, help="seconds of warm-up per phase (1)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of stateless + persisted (3)")
    parser.add_argument("--connections", type=int, default=32, help="concurrent connections (32)")
    parser.add_argument("--pg-url", default=os.environ.get("SAFESTEPS_BENCH_PG_URL", DEFAULT_PG))
    parser.add_argument("--no-pg", action="store_true", help="SQLite only")
    parser.add_argument(
        "--no-batch",
        dest="batch",
        action="store_false",
        help=f"skip POST /v1/checklists:batch ({BATCH_ITEMS} items a request; measured by default)",
    )
    parser.add_argument(
        "--writer", action="store_true", help="also the write side alone, in process, by group size"
    )


@dataclass
class Phase:
    load: LoadResult
    cpu: float  # app server + its database backends, seconds, warm-up included
    app_cpu: float
    items: int = 0  # batch side: decision records stored

    @property
    def cpu_per_item_us(self) -> float:
        return 1e6 * self.cpu / max(1, self.items)

    @property
    def answered(self) -> int:
        return sum(self.load.answered.values())

    @property
    def cpu_us(self) -> float:
        return 1e6 * self.cpu / max(1, self.answered)

    @property
    def app_cpu_us(self) -> float:
        return 1e6 * self.app_cpu / max(1, self.answered)

    @property
    def p99_ms(self) -> float:
        return percentile(sorted(self.load.latencies_ns), 99) / 1e6


class Backends:
    """CPU of the PostgreSQL backends serving one application name (none for SQLite)."""

    def __init__(self, admin_url: str | None, application_name: str) -> None:
        self.admin_url, self.name = admin_url, application_name
        self.seen: dict[int, float] = {}

    def pids(self) -> list[int]:
        if self.admin_url is None:
            return []
        engine = create_engine(self.admin_url)
        try:
            with engine.connect() as conn:
                query = text("SELECT pid FROM pg_stat_activity WHERE application_name = :name")
                return [int(pid) for (pid,) in conn.execute(query, {"name": self.name})]
        finally:
            engine.dispose()

    def cpu(self) -> float:
        """CPU seconds so far of every backend seen (one that has gone keeps its last reading)."""
        for pid in self.pids():
            self.seen.setdefault(pid, 0.0)
        for pid in self.seen:
            now = cpu_seconds(pid)
            self.seen[pid] = max(self.seen[pid], now)
        return sum(self.seen.values())


BATCH_ITEMS = 10


def batch_requests(server: Server, run_id: str) -> Callable[[int], bytes]:
    """Request number n of the batch side: ``BATCH_ITEMS`` submissions to distinct incidents, each
    with its own key, as an MDT's offline queue sends them."""
    checklists = []
    for i in range(INCIDENTS):
        body = copy.deepcopy(EXAMPLE_SUBMISSION)
        body.pop("base_revision")
        body["checklist"]["incident"]["reference"] = body["incident_ref"] = f"BENCH-{i:05d}"
        checklists.append(body)
    headers = server.keys["control_room"]

    def batch(n: int) -> bytes:
        items = [
            {**checklists[(n * BATCH_ITEMS + j) % INCIDENTS], "idempotency_key": f"bench-{run_id}-b{n}-{j}"}
            for j in range(BATCH_ITEMS)
        ]
        body = json.dumps({"items": items}).encode()
        return post_request(HOST, server.port, "/v1/checklists:batch", body, headers)

    return batch


def requests(server: Server, run_id: str) -> tuple[list[bytes], Callable[[int], bytes]]:
    """The stateless request, and request number n of the persisted side (its own key)."""
    checklist = EXAMPLE_SUBMISSION["checklist"]
    evaluate = json.dumps({"checklist": checklist, "hook": EXAMPLE_SUBMISSION["hook"]}).encode()
    stateless = [post_request(HOST, server.port, "/v1/evaluate", evaluate, server.keys["control_room"])]
    bodies = []
    for i in range(INCIDENTS):
        body = copy.deepcopy(EXAMPLE_SUBMISSION)
        body.pop("base_revision")
        body["checklist"]["incident"]["reference"] = ref = f"BENCH-{i:05d}"
        bodies.append((ref, json.dumps(body).encode()))
    auth = server.keys["control_room"]

    def persisted(n: int) -> bytes:
        ref, body = bodies[n % INCIDENTS]
        headers = {**auth, "Idempotency-Key": f"bench-{run_id}-{n}"}
        return post_request(HOST, server.port, f"/v1/incidents/{ref}/checklists", body, headers)

    return stateless, persisted


def phase(server: Server, backends: Backends, load: Requests, args: argparse.Namespace) -> Phase:
    app0, db0 = server.cpu_seconds(), backends.cpu()
    result = drive(
        HOST, server.port, load, connections=args.connections, warmup=args.warmup, duration=args.duration
    )
    app = server.cpu_seconds() - app0
    return Phase(result, app + backends.cpu() - db0, app)


def bench(label: str, url: str, admin_url: str | None, args: argparse.Namespace) -> list[Figure]:
    key = label.lower()
    name = make_url(url).query.get("application_name", "")
    backends = Backends(admin_url, str(name))
    rounds: list[dict[str, Phase]] = []
    with (
        tempfile.TemporaryDirectory(prefix="safesteps-bench-") as tmp,
        serve(f"app-{key}", "app.main:create_app", Path(tmp), database_url=url,
              roles=[Role.control_room, Role.auditor]) as server,
    ):  # fmt: skip
        stored = 0
        for number in range(args.rounds):
            run_id = uuid.uuid4().hex[:8]
            stateless, persisted = requests(server, run_id)
            sides: dict[str, Requests] = {"stateless": stateless, "persisted": persisted}
            if args.batch:
                sides["batch"] = batch_requests(server, run_id)
            order = list(sides) if number % 2 == 0 else list(reversed(sides))
            phases = {}
            for side in order:
                before = _records(server) if side == "batch" else 0
                phases[side] = p = phase(server, backends, sides[side], args)
                if side == "batch":  # CPU per stored item (an item refused inside a batch is not one)
                    p.items = _records(server) - before
                print(
                    f"  [{label}] round {number + 1} {side:9} {p.load.rate:6.0f} req/s  "
                    f"p99 {p.p99_ms:6.1f} ms  server CPU {p.cpu_us:5.0f} us/req (app {p.app_cpu_us:.0f})  "
                    f"answers {p.answered}{f'  retried 503s {p.load.retries}' if p.load.retries else ''}",
                    flush=True,
                )
            expected = {"stateless": 200, "persisted": 201, "batch": 200}
            for side, p in phases.items():
                wrong = {s: n for s, n in p.load.answered.items() if s != expected[side]}
                if wrong:
                    raise BenchmarkError(f"{label} {side}: unexpected answers {wrong}")
            stored += phases["persisted"].answered + (phases["batch"].items if "batch" in phases else 0)
            rounds.append(phases)
        check = _get_json(server, "/v1/audit/verify", server.keys["auditor"])
    print(f"  [{label}] audit verify: {check} (expected {stored} records)")
    if not check.get("verified") or check.get("records") != stored:
        raise BenchmarkError(f"{label}: the decision log does not verify with {stored} records")
    cpu = spread([r["persisted"].cpu_us / r["stateless"].cpu_us for r in rounds])
    app_cpu = spread([r["persisted"].app_cpu_us / r["stateless"].app_cpu_us for r in rounds])
    p99 = spread([r["persisted"].p99_ms / r["stateless"].p99_ms for r in rounds])
    throughput = spread([r["persisted"].load.rate / r["stateless"].load.rate for r in rounds])
    persisted_p99 = spread([r["persisted"].p99_ms for r in rounds])
    print(
        f"  [{label}] persisted / stateless: server CPU per request {cpu[1]:.2f}x "
        f"({cpu[0]:.2f}-{cpu[2]:.2f}; "
        f"app process alone {app_cpu[1]:.2f}x), throughput {throughput[1]:.0%}, p99 {p99[1]:.2f}x "
        f"(persisted p99 {persisted_p99[1]:.1f} ms)"
    )
    name = f"{label}: persisted/stateless"
    batch: list[Figure] = []
    if args.batch:
        per_item = spread([r["batch"].cpu_per_item_us / r["persisted"].cpu_us for r in rounds])
        print(
            f"  [{label}] batch of {BATCH_ITEMS} / single submission: server CPU per stored item "
            f"{per_item[1]:.2f}x ({per_item[0]:.2f}-{per_item[2]:.2f})"
        )
        batch = [
            Figure(
                f"batch_cpu.{key}", f"{label}: batch item / single submission, server CPU", per_item[1],
                TARGET_BATCH_CPU, False, per_item,
            )
        ]  # fmt: skip
    return [
        *batch,
        Figure(f"cpu.{key}", f"{name} server CPU per request", cpu[1], TARGET_CPU, False, cpu),
        Figure(f"app_cpu.{key}", f"{name} CPU of the app process alone", app_cpu[1], spread=app_cpu),
        Figure(f"throughput.{key}", f"{name} throughput", throughput[1], spread=throughput),
        Figure(f"p99.{key}", f"{name} p99", p99[1], spread=p99),
        Figure(
            f"p99_ms.{key}", f"{label}: persisted p99", persisted_p99[1], spread=persisted_p99, unit=" ms"
        ),
    ]


def _records(server: Server) -> int:
    return int(str(_get_json(server, "/v1/audit/verify", server.keys["auditor"])["records"]))


def _get_json(server: Server, path: str, headers: dict[str, str]) -> dict[str, object]:
    request = urllib.request.Request(f"http://{HOST}:{server.port}{path}", headers=headers)
    with urllib.request.urlopen(request, timeout=300) as response:
        data: dict[str, object] = json.loads(response.read())
        return data


@contextmanager
def pg_schema(base: str) -> Iterator[str]:
    """A scratch schema; the URL of it, with an application name that marks this server's backends."""
    schema = f"safesteps_bench_{uuid.uuid4().hex[:10]}"
    engine = create_engine(base)
    with engine.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        url = make_url(base).update_query_dict(
            {"options": f"-csearch_path={schema}", "application_name": schema}
        )
        yield url.render_as_string(hide_password=False)
    finally:
        with engine.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()


WRITER_GROUPS = (1, 4, 16)
WRITER_ITEMS = 320  # per group size and round


def writer(label: str, url: str, rounds: int) -> list[Figure]:
    """CPU per stored submission of the write side alone, by group size (see the module docstring)."""
    from sqlmodel import Session

    from app.db import begin_write, build_engine, end_unit_of_work, migrate
    from app.models.base import utcnow
    from app.rules.registry import RulesetRegistry
    from app.schemas.incidents import SubmissionCreate
    from app.services import submissions

    engine = build_engine(url, pool_size=1)  # one connection: the writer's, and its backend
    migrate(engine)
    registry = RulesetRegistry.load()
    finish = submissions._finisher(registry)
    bodies = []
    for i in range(INCIDENTS):
        body = copy.deepcopy(EXAMPLE_SUBMISSION)
        body.pop("base_revision")
        body["checklist"]["incident"]["reference"] = f"BENCH-{i:05d}"
        bodies.append(SubmissionCreate.model_validate(body))

    def backend_cpu() -> float:
        if engine.dialect.name != "postgresql":
            return 0.0
        with engine.connect() as conn:
            pid = conn.exec_driver_sql("SELECT pg_backend_pid()").scalar_one()
        return cpu_seconds(int(pid))

    per: dict[int, list[tuple[float, float]]] = {g: [] for g in WRITER_GROUPS}
    try:
        for number in range(rounds):
            for group in WRITER_GROUPS if number % 2 == 0 else reversed(WRITER_GROUPS):
                items = [
                    submissions.prepare(
                        registry, b.checklist.incident.reference, b, idempotency_key=uuid.uuid4().hex,
                        base_revision=None, requested_by="bench",
                    )
                    for b in (bodies[j % INCIDENTS] for j in range(WRITER_ITEMS))
                ]  # fmt: skip
                db0, app0 = backend_cpu(), time.process_time()
                for start in range(0, WRITER_ITEMS, group):
                    with Session(engine, expire_on_commit=False) as session:
                        conn = begin_write(session)
                        now = utcnow()
                        finish(
                            conn,
                            [submissions.store(conn, i, "bench", now) for i in items[start : start + group]],
                        )
                        end_unit_of_work(session, ok=True)
                app, db = time.process_time() - app0, backend_cpu() - db0
                per[group].append((1e6 * (app + db) / WRITER_ITEMS, 1e6 * db / WRITER_ITEMS))
    finally:
        engine.dispose()
    key, figures = label.lower(), []
    for group, values in per.items():
        total, db = spread([v[0] for v in values]), spread([v[1] for v in values])
        print(f"  [{label}] writer, groups of {group:2}: {total[1]:5.0f} us CPU per stored submission "
              f"({total[0]:.0f}-{total[2]:.0f}; database backend {db[1]:.0f})")  # fmt: skip
        figures.append(Figure(f"writer_us.{key}.g{group}", f"{label}: writer CPU per item, groups of {group}",
                              total[1], spread=total, unit=" us"))  # fmt: skip
        if engine.dialect.name == "postgresql":
            figures.append(Figure(f"writer_db_us.{key}.g{group}", f"{label}: of which the backend",
                                  db[1], spread=db, unit=" us"))  # fmt: skip
    return figures


def run(args: argparse.Namespace) -> list[Figure]:
    print(
        f"{args.connections} connections; {args.rounds} rounds of stateless and persisted "
        f"({args.warmup:g} s warm-up + {args.duration:g} s each, order alternating)"
    )
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="safesteps-bench-") as tmp:
        figures = bench("SQLite", f"sqlite:///{Path(tmp) / 'bench.db'}", None, args)
        if args.writer:
            figures += writer("SQLite", f"sqlite:///{Path(tmp) / 'writer.db'}", args.rounds)
    if args.no_pg:
        return figures
    if not postgres_reachable(args.pg_url):
        print("PostgreSQL: skipped (not reachable; pass --pg-url)")
        return figures
    with pg_schema(args.pg_url) as url:
        figures += bench("PostgreSQL", url, args.pg_url, args)
    if args.writer:
        with pg_schema(args.pg_url) as url:
            figures += writer("PostgreSQL", url, args.rounds)
    print(f"(both databases in {time.perf_counter() - started:.0f} s)")
    return figures
