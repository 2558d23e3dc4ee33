"""HTTP benchmark: ``POST /v1/evaluate`` of the real app vs a bare validate-only endpoint.

Both run under uvicorn in subprocesses on 127.0.0.1 with the same settings (one worker, no access
log, uvicorn's defaults otherwise: httptools and uvloop from ``uvicorn[standard]``), and both receive
the same request bodies from the same closed-loop client (``benchmarks.loadgen``), alternating
bare, app, app, bare... so drift on a shared machine hits both alike. The bare endpoint
(``benchmarks.bare_app``) validates the same ``EvaluateRequest`` and returns a constant, so the gap
is what the service adds: dependencies, middleware, the rules and the decision.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from app.auth.roles import Role
from benchmarks.corpus import generate, request_body
from benchmarks.keys import UNLIMITED_RATE, bearer_keys
from benchmarks.loadgen import LoadResult, drive, post_request
from benchmarks.registry import BenchmarkError, Target
from benchmarks.stats import percentile

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
TARGET_THROUGHPUT = 0.75
TARGET_P99 = 1.5

SERVERS = {"bare": "benchmarks.bare_app:create_bare_app", "app": "app.main:create_app"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--connections", type=int, default=32, help="concurrent connections (32)")
    parser.add_argument("--duration", type=float, default=8.0, help="seconds measured per phase (8)")
    parser.add_argument("--warmup", type=float, default=2.0, help="seconds of warm-up per phase (2)")
    parser.add_argument("--rounds", type=int, default=2, help="bare/app phase pairs, alternating (2)")
    parser.add_argument("--bodies", type=int, default=64, help="distinct checklists sent in turn (64)")
    parser.add_argument(
        "--hook", default="scene.depart", help="hook in each request (scene.depart); `all` = every rule"
    )
    parser.add_argument("--seed", type=int, default=20251123)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass(frozen=True)
class Server:
    name: str
    port: int
    pid: int
    headers: dict[str, str]  # the real service is measured with authentication on, as deployed

    def cpu_seconds(self) -> float:
        """User + system CPU time of the server process so far (Linux /proc)."""
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextmanager
def serve(name: str, factory: str, workdir: Path) -> Iterator[Server]:
    """Run ``factory`` under uvicorn on a free loopback port until the block ends."""
    port = free_port()
    env = {
        **os.environ,
        "RUST_BACKTRACE": "0",
        "SAFESTEPS_DATABASE_URL": f"sqlite:///{workdir / f'{name}.db'}",
        "PYTHONPATH": str(ROOT),
        **UNLIMITED_RATE,
    }
    log = (workdir / f"{name}.log").open("wb")
    command = [
        sys.executable, "-m", "uvicorn", factory, "--factory", "--host", HOST, "--port", str(port),
        "--workers", "1", "--no-access-log", "--log-level", "warning",
    ]  # fmt: skip
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_ready(name, process, port, workdir / f"{name}.log")
        headers = {}
        if name == "app":  # it has migrated its database by now; the bare app has none
            headers = bearer_keys(env["SAFESTEPS_DATABASE_URL"], [Role.control_room])["control_room"]
        yield Server(name, port, process.pid, headers)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def _wait_ready(name: str, process: subprocess.Popen[bytes], port: int, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = log.read_text("utf-8", "replace")[-2000:]
            raise BenchmarkError(f"{name} server exited with {process.returncode}:\n{tail}")
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}/healthz", timeout=1) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise BenchmarkError(f"{name} server did not answer /healthz within 60 s")


def check_answers(server: Server, bodies: Sequence[bytes]) -> None:
    """Every body must get a 200 before anything is timed: errors are fast and would flatter."""
    for body in bodies:
        request = urllib.request.Request(
            f"http://{HOST}:{server.port}/v1/evaluate",
            data=body,
            headers={"Content-Type": "application/json", **server.headers},
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                response.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read()[:500]
            message = f"{server.name}: POST /v1/evaluate answered {exc.code}: {detail!r}"
            raise BenchmarkError(message) from None


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
        f"{name:5} {result.rate:6.0f} req/s  p50 {p50:6.2f} ms  p99 {p99:6.2f} ms  "
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


def run(args: argparse.Namespace) -> list[Target]:
    hook = None if args.hook == "all" else args.hook
    checklists = generate(args.bodies, seed=args.seed)
    bodies = [json.dumps(request_body(c, hook), separators=(",", ":")).encode() for c in checklists]
    sizes = sorted(len(b) for b in bodies)
    order = [n for i in range(args.rounds) for n in (("bare", "app") if i % 2 == 0 else ("app", "bare"))]
    print(
        f"{len(bodies)} request bodies ({sizes[0]}-{sizes[-1]} bytes, median {sizes[len(sizes) // 2]}), "
        f"hook {args.hook}; {args.connections} connections; {args.warmup:g} s warm-up + "
        f"{args.duration:g} s measured per phase; phases {', '.join(order)}"
    )
    phases: dict[str, list[Phase]] = {"bare": [], "app": []}
    with tempfile.TemporaryDirectory(prefix="safesteps-bench-") as tmp:
        workdir = Path(tmp)
        with serve("bare", SERVERS["bare"], workdir) as bare, serve("app", SERVERS["app"], workdir) as app:
            servers = {"bare": bare, "app": app}
            for server in servers.values():
                check_answers(server, bodies)
            for name in order:
                phase = run_phase(servers[name], bodies, args)
                print("  " + describe(name, phase), flush=True)
                phases[name].append(phase)
    bare_all, app_all = combine(phases["bare"]), combine(phases["app"])
    for name, phase in (("bare", bare_all), ("app", app_all)):
        errors = {s: n for s, n in phase.load.statuses.items() if s != 200}
        if errors:
            raise BenchmarkError(f"{name}: non-200 answers under load: {errors}")
    print("all phases combined:")
    for name, phase in (("bare", bare_all), ("app", app_all)):
        print("  " + describe(name, phase))
    bare_lat, app_lat = sorted(bare_all.load.latencies_ns), sorted(app_all.load.latencies_ns)
    throughput = app_all.load.rate / bare_all.load.rate
    p50_ratio = percentile(app_lat, 50) / percentile(bare_lat, 50)
    p99_ratio = percentile(app_lat, 99) / percentile(bare_lat, 99)
    cpu_ratio = bare_all.cpu_per_request_us / app_all.cpu_per_request_us
    print(
        f"app / bare: throughput {throughput:.0%}, p50 {p50_ratio:.2f}x, p99 {p99_ratio:.2f}x; "
        f"server CPU per request bare/app {cpu_ratio:.0%} (the throughput a CPU-bound server would keep)"
    )
    if bare_all.server_busy < 0.9:
        print(
            f"NOTE: the bare server used {bare_all.server_busy:.0%} of a core, so it was not the bottleneck "
            "(the client or other load on this machine was); the throughput ratio then flatters the app "
            "and the server-CPU ratio is the better guide."
        )
    return [
        Target("evaluate throughput / bare", throughput, TARGET_THROUGHPUT, True),
        Target("evaluate p99 / bare p99", p99_ratio, TARGET_P99, False),
    ]
