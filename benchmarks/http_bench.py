"""HTTP benchmark: ``POST /v1/evaluate`` of the real app against two floors, in the same run.

Three servers run under uvicorn in subprocesses on 127.0.0.1 with the same settings (one worker, no
access log, uvicorn's defaults otherwise: httptools and uvloop from ``uvicorn[standard]``):

- ``floor`` (``benchmarks.floor_app``): the real floor, a minimal Starlette app (one async route,
  ``gc.freeze()`` after start-up) that validates the body with the same request model, calls the
  engine's public entry point and returns its JSON; no authentication, middleware or database. Its
  answers must equal the app's, byte for byte, on every body before anything is timed;
- ``validate_only`` (``benchmarks.bare_app``): today's FastAPI endpoint that validates the same body
  in a sync handler and returns a constant;
- ``app``: the service as deployed, authentication on.

The same closed-loop client (``benchmarks.loadgen``) drives each with the same bodies, one phase per
server per round, the order rotating from round to round so that drift on a shared machine hits
each alike. Ratios are computed per round (throughput, p99, and server CPU per request from
``/proc``) and reported as min / median / max over the rounds.
"""

from __future__ import annotations

import argparse
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from app.auth.roles import Role
from benchmarks.corpus import request_bodies
from benchmarks.loadgen import LoadResult, drive, post_request
from benchmarks.registry import BenchmarkError, Figure, spread
from benchmarks.servers import HOST, Server, serve
from benchmarks.stats import percentile

TARGET_FLOOR = 0.85  # of the Starlette floor's throughput
TARGET_VALIDATE_ONLY = 1.0  # of the validate-only endpoint's throughput
TARGET_P99 = 1.3  # of the Starlette floor's p99

SERVERS = {
    "validate_only": "benchmarks.bare_app:create_bare_app",
    "floor": "benchmarks.floor_app:create_floor_app",
    "app": "app.main:create_app",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--connections", type=int, default=32, help="concurrent connections (32)")
    parser.add_argument("--duration", type=float, default=5.0, help="seconds measured per phase (5)")
    parser.add_argument("--warmup", type=float, default=1.5, help="seconds of warm-up per phase (1.5)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds, each server once per round (3)")
    parser.add_argument("--bodies", type=int, default=64, help="distinct checklists sent in turn (64)")
    parser.add_argument(
        "--hook", default="scene.depart", help="hook in each request (scene.depart); `all` = every rule"
    )
    parser.add_argument("--seed", type=int, default=20251123)


def check_answers(server: Server, bodies: Sequence[bytes]) -> list[bytes]:
    """Every body must get a 200 before anything is timed: errors are fast and would flatter."""
    answers = []
    for body in bodies:
        request = urllib.request.Request(
            f"http://{HOST}:{server.port}/v1/evaluate",
            data=body,
            headers={"Content-Type": "application/json", **server.headers},
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                answers.append(response.read())
        except urllib.error.HTTPError as exc:
            detail = exc.read()[:500]
            message = f"{server.name}: POST /v1/evaluate answered {exc.code}: {detail!r}"
            raise BenchmarkError(message) from None
    return answers


@dataclass
class Phase:
    load: LoadResult
    server_cpu: float  # seconds of server CPU over the whole phase, warm-up included
    client_cpu: float  # seconds of load-generator CPU over the same span
    requests_total: int  # requests answered over the whole phase, warm-up included
    wall: float  # seconds the whole phase took

    @property
    def cpu_per_request_us(self) -> float:
        return 1e6 * self.server_cpu / max(1, self.requests_total)

    @property
    def client_cpu_per_request_us(self) -> float:
        return 1e6 * self.client_cpu / max(1, self.requests_total)

    @property
    def server_busy(self) -> float:
        """Share of one core the server used: below ~0.9 it was not the bottleneck."""
        return self.server_cpu / self.wall


def describe(name: str, phase: Phase) -> str:
    result = phase.load
    ordered = sorted(result.latencies_ns)
    p50, p99 = percentile(ordered, 50) / 1e6, percentile(ordered, 99) / 1e6
    return (
        f"{name:13} {result.rate:6.0f} req/s  p50 {p50:6.2f} ms  p99 {p99:6.2f} ms  "
        f"server CPU {phase.cpu_per_request_us:5.0f} us/req (busy {phase.server_busy:4.0%})  "
        f"client CPU {phase.client_cpu_per_request_us:4.0f} us/req  ({result.requests} req)"
    )


def combine(phases: Sequence[Phase]) -> Phase:
    total = LoadResult(seconds=sum(p.load.seconds for p in phases))
    for phase in phases:
        total.latencies_ns.extend(phase.load.latencies_ns)
        for status, n in phase.load.statuses.items():
            total.statuses[status] = total.statuses.get(status, 0) + n
    return Phase(
        total,
        sum(p.server_cpu for p in phases),
        sum(p.client_cpu for p in phases),
        sum(p.requests_total for p in phases),
        sum(p.wall for p in phases),
    )


def run_phase(server: Server, bodies: Sequence[bytes], args: argparse.Namespace) -> Phase:
    requests = [post_request(HOST, server.port, "/v1/evaluate", b, server.headers) for b in bodies]
    cpu_before, client_before, started = server.cpu_seconds(), time.process_time(), time.perf_counter()
    load = drive(
        HOST, server.port, requests, connections=args.connections, warmup=args.warmup, duration=args.duration
    )
    return Phase(
        load,
        server.cpu_seconds() - cpu_before,
        time.process_time() - client_before,
        load.requests + load.warmup_requests,
        time.perf_counter() - started,
    )


def p99_ms(phase: Phase) -> float:
    return percentile(sorted(phase.load.latencies_ns), 99) / 1e6


@dataclass(frozen=True)
class Ratios:
    """The app against one floor in one round: throughput, p99 and server CPU per request."""

    throughput: float  # app req/s / floor req/s
    p99: float  # app p99 / floor p99
    cpu: float  # floor CPU per request / app CPU per request (the throughput a CPU-bound app keeps)

    @classmethod
    def of(cls, app: Phase, floor: Phase) -> Ratios:
        return cls(
            app.load.rate / floor.load.rate,
            p99_ms(app) / p99_ms(floor),
            floor.cpu_per_request_us / app.cpu_per_request_us,
        )


def round_order(rounds: int) -> list[list[str]]:
    """Each round runs every server once; the order rotates so that drift hits each alike."""
    names = list(SERVERS)
    orders = []
    for i in range(rounds):
        order = names[i % len(names) :] + names[: i % len(names)]
        orders.append(order if i % 2 == 0 else order[::-1])
    return orders


def run(args: argparse.Namespace) -> list[Figure]:
    bodies = request_bodies(args.bodies, args.hook, args.seed)
    sizes = sorted(len(b) for b in bodies)
    orders = round_order(args.rounds)
    print(
        f"{len(bodies)} request bodies ({sizes[0]}-{sizes[-1]} bytes, median {sizes[len(sizes) // 2]}), "
        f"hook {args.hook}; {args.connections} connections; {args.warmup:g} s warm-up + "
        f"{args.duration:g} s measured per phase; {args.rounds} rounds of {', '.join(SERVERS)} "
        "(order rotating)"
    )
    rounds: list[dict[str, Phase]] = []
    with tempfile.TemporaryDirectory(prefix="safesteps-bench-") as tmp:
        workdir = Path(tmp)
        with (
            serve("validate_only", SERVERS["validate_only"], workdir) as bare,
            serve("floor", SERVERS["floor"], workdir) as floor,
            serve("app", SERVERS["app"], workdir, roles=[Role.control_room]) as app,
        ):
            servers = {"validate_only": bare, "floor": floor, "app": app}
            answers = {name: check_answers(server, bodies) for name, server in servers.items()}
            if answers["floor"] != answers["app"]:
                raise BenchmarkError(
                    "the floor and the app answered differently: the floor is not the same work"
                )
            for number, order in enumerate(orders, 1):
                phases = {}
                for name in order:
                    phases[name] = run_phase(servers[name], bodies, args)
                    print(f"  round {number}: " + describe(name, phases[name]), flush=True)
                rounds.append(phases)
    for name in SERVERS:
        combined = combine([r[name] for r in rounds])
        errors = {s: n for s, n in combined.load.statuses.items() if s != 200}
        if errors:
            raise BenchmarkError(f"{name}: non-200 answers under load: {errors}")
    print("all rounds combined:")
    for name in SERVERS:
        print("  " + describe(name, combine([r[name] for r in rounds])))
    figures: list[Figure] = []
    for base, label, throughput_target in (
        ("floor", "Starlette floor", TARGET_FLOOR),
        ("validate_only", "validate-only endpoint", TARGET_VALIDATE_ONLY),
    ):
        per_round = [Ratios.of(r["app"], r[base]) for r in rounds]
        throughput = spread([r.throughput for r in per_round])
        p99 = spread([r.p99 for r in per_round])
        cpu = spread([r.cpu for r in per_round])
        print(
            f"app / {label}: throughput {throughput[1]:.0%} ({throughput[0]:.0%}-{throughput[2]:.0%}), "
            f"p99 {p99[1]:.2f}x ({p99[0]:.2f}-{p99[2]:.2f}), server CPU per request {base}/app "
            f"{cpu[1]:.0%} ({cpu[0]:.0%}-{cpu[2]:.0%})"
        )
        figures += [
            Figure(
                f"{base}.throughput", f"app/{label} throughput", throughput[1],
                throughput_target, True, throughput,
            ),
            Figure(
                f"{base}.p99", f"app/{label} p99", p99[1],
                TARGET_P99 if base == "floor" else None, False, p99,
            ),
            Figure(f"{base}.cpu", f"{label}/app server CPU per request", cpu[1], None, True, cpu),
        ]  # fmt: skip
    for name in SERVERS:
        busy = min(r[name].server_busy for r in rounds)
        if busy < 0.9:
            print(
                f"NOTE: the {name} server used as little as {busy:.0%} of a core in a round, so it was not "
                "always the bottleneck (the client or other load on this machine was); the server-CPU ratio "
                "is then the better guide."
            )
    return figures
