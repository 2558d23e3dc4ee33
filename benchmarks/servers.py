"""Servers under test: uvicorn in a subprocess on a free loopback port, its CPU time from /proc."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine

from app.auth.roles import Role
from benchmarks.keys import UNLIMITED_RATE, bearer_keys
from benchmarks.registry import BenchmarkError

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
TICKS = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc); 0 once it has gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICKS


@dataclass(frozen=True)
class Server:
    name: str
    port: int
    pid: int
    keys: dict[str, dict[str, str]]  # Authorization headers per role: the service runs with auth on

    @property
    def headers(self) -> dict[str, str]:
        """The first role's headers (none for a floor without authentication)."""
        return next(iter(self.keys.values()), {})

    def cpu_seconds(self) -> float:
        return cpu_seconds(self.pid)


@contextmanager
def serve(
    name: str,
    factory: str,
    workdir: Path,
    *,
    database_url: str | None = None,
    roles: Iterable[Role] = (),
) -> Iterator[Server]:
    """Run ``factory`` under uvicorn (one worker, no access log, uvicorn's defaults otherwise:
    httptools and uvloop) until the block ends; with ``roles``, an API key for each."""
    port = free_port()
    url = database_url or f"sqlite:///{workdir / f'{name}.db'}"
    env = {
        **os.environ,
        "RUST_BACKTRACE": "0",
        "SAFESTEPS_DATABASE_URL": url,
        "PYTHONPATH": str(ROOT),
        **UNLIMITED_RATE,  # one benchmark client drives all the load
    }
    log_path = workdir / f"{name}.log"
    log = log_path.open("wb")
    command = [
        sys.executable, "-m", "uvicorn", factory, "--factory", "--host", HOST, "--port", str(port),
        "--workers", "1", "--no-access-log", "--log-level", "warning",
    ]  # fmt: skip
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_ready(name, process, port, log_path)
        keys = bearer_keys(url, roles) if roles else {}  # the app has migrated its database by now
        yield Server(name, port, process.pid, keys)
    finally:
        stop(process, timeout=10)
        log.close()


def stop(process: subprocess.Popen[bytes], timeout: float) -> None:
    """SIGTERM, then SIGKILL if it has not exited within ``timeout`` seconds."""
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def postgres_reachable(url: str) -> bool:
    try:
        engine = create_engine(url, connect_args={"connect_timeout": 2})
        with engine.connect():
            pass
        engine.dispose()
        return True
    except Exception:
        return False


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
