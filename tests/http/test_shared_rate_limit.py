"""Two API processes on one Redis share one rate-limit budget per client (within 10%); with the
in-memory default each process counts alone, which is what the shared storage is for.

Real uvicorn processes on two free loopback ports, Redis db 1 on 127.0.0.1:6379; skipped when
Redis does not answer.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from app.settings import PROJECT_ROOT
from tests.live import free_ports

REDIS = "redis://127.0.0.1:6379/1"
BURST = 20


def redis_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


pytestmark = pytest.mark.skipif(not redis_answers(), reason="needs Redis on 127.0.0.1:6379")


def _env(tmp_path: Path, storage: str) -> dict[str, str]:
    return {
        **os.environ,
        "SAFESTEPS_DATABASE_URL": f"sqlite:///{tmp_path / 'shared.db'}",
        "SAFESTEPS_RATE_LIMIT_STORAGE_URL": storage,
        "SAFESTEPS_RATE_LIMIT_BURST": str(BURST),
        "SAFESTEPS_RATE_LIMIT_PER_SECOND": "0.2",  # 20 in any 100 s: no slot frees during the test
        "SAFESTEPS_REPLAY_WORKER": "false",
        "SAFESTEPS_LOG_LEVEL": "WARNING",
    }


@contextmanager
def servers(tmp_path: Path, storage: str) -> Iterator[tuple[str, tuple[int, int]]]:
    """Two API processes on one database: an API key, and the two ports."""
    env = _env(tmp_path, storage)
    made = subprocess.run(
        [
            str(Path(sys.executable).parent / "safesteps"),
            "keys",
            "create",
            "--name",
            f"rl-{uuid.uuid4().hex[:6]}",
            "--role",
            "mdt",
        ],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    key = next(word for word in made.stdout.split() if word.startswith("ss_"))
    first, second = free_ports(2)
    ports = (first, second)
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "app.main:create_app",
                "--factory",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
            ],
            cwd=PROJECT_ROOT,
            env={**env, "SAFESTEPS_AUTO_MIGRATE": "false"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for port in ports
    ]
    try:
        deadline = time.monotonic() + 60
        for port in ports:
            while True:
                try:
                    if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                assert time.monotonic() < deadline, "the servers did not start"
                time.sleep(0.1)
        yield key, ports
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()


def admitted(key: str, ports: tuple[int, int], requests: int) -> tuple[int, list[httpx.Response]]:
    """Requests alternating between the two processes: how many were admitted, and the refusals."""
    headers = {"Authorization": f"Bearer {key}"}
    refused = []
    ok = 0
    with httpx.Client(timeout=10) as client:
        for i in range(requests):
            response = client.get(f"http://127.0.0.1:{ports[i % 2]}/v1/rulesets", headers=headers)
            if response.status_code == 200:
                ok += 1
            else:
                assert response.status_code == 429, response.text
                refused.append(response)
    return ok, refused


def test_two_processes_share_one_budget_through_redis(tmp_path: Path) -> None:
    with servers(tmp_path, REDIS) as (key, ports):
        ok, refused = admitted(key, ports, 3 * BURST)
    assert abs(ok - BURST) <= BURST * 0.1, ok
    last = refused[-1]
    assert last.headers["ratelimit-policy"] == f"{BURST};w=100"
    assert last.headers["ratelimit"].startswith(f"limit={BURST}, remaining=0, reset=")
    assert int(last.headers["retry-after"]) <= 100


def test_in_memory_counts_are_per_process(tmp_path: Path) -> None:
    with servers(tmp_path, "memory://") as (key, ports):
        ok, _ = admitted(key, ports, 3 * BURST)
    assert ok == 2 * BURST  # each process admits its own burst: why production needs the shared storage
