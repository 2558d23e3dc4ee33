"""The service as a real process: ``safesteps serve`` on a free loopback port, for tests that need
what the in-process test client cannot give (a browser, several worker processes, a database that
goes away under a running server).

Every server is bounded in time: it is stopped (its whole process group) when the ``with`` block
ends, and waiting for it to answer gives up after ``start_timeout`` seconds."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

SAFESTEPS = Path(sys.executable).parent / "safesteps"


def free_ports(n: int) -> list[int]:
    """``n`` distinct loopback ports free now (the kernel's choice: never a fixed port, so two runs of
    the suite on one machine do not collide). All are held until all are chosen."""
    with ExitStack() as stack:
        socks = [stack.enter_context(socket.socket()) for _ in range(n)]
        for sock in socks:
            sock.bind(("127.0.0.1", 0))
        return [int(sock.getsockname()[1]) for sock in socks]


def free_port() -> int:
    return free_ports(1)[0]


@dataclass(frozen=True)
class LiveServer:
    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def output(self) -> str:
        return self.log.read_text("utf-8", errors="replace")


def server_env(workdir: Path, **settings: str) -> dict[str, str]:
    """The environment of a test server: this one without SAFESTEPS_*, plus ``settings``
    (``database_url="..."`` becomes ``SAFESTEPS_DATABASE_URL``)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SAFESTEPS_")}
    env.update(
        RUST_BACKTRACE="0",
        SAFESTEPS_ENVIRONMENT="test",
        SAFESTEPS_DATABASE_URL=f"sqlite:///{workdir / 'safesteps.db'}",
        SAFESTEPS_REPLAY_WORKER="false",
    )
    env.update({f"SAFESTEPS_{key.upper()}": value for key, value in settings.items()})
    return env


def create_key(workdir: Path, role: str) -> str:
    """A new API key of ``role`` in the database of servers started on ``workdir`` (migrated first)."""
    env = server_env(workdir)

    def safesteps(*args: str) -> str:
        done = subprocess.run(
            [str(SAFESTEPS), *args],
            env=env,
            cwd=workdir,
            check=True,
            capture_output=True,
            text=True,
            timeout=60,
        )
        return done.stdout

    safesteps("migrate")
    return safesteps("keys", "create", "--name", f"test {role}", "--role", role).strip()


def wait_until_up(url: str, process: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode} before answering")
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=1):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    raise TimeoutError(f"the server did not answer {url}/healthz within {timeout} s")


@contextmanager
def live_server(
    workdir: Path, *, workers: int = 1, start_timeout: float = 60, **settings: str
) -> Iterator[LiveServer]:
    """``safesteps serve`` with ``settings`` (see ``server_env``), stopped when the block ends."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = workdir / f"server-{port}.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [str(SAFESTEPS), "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)],
            cwd=workdir,  # no developer's .env is read
            env=server_env(workdir, **settings),
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: the workers stop with it
        )
    server = LiveServer(url, process, log)
    try:
        try:
            wait_until_up(url, process, start_timeout)
        except (RuntimeError, TimeoutError) as exc:
            raise RuntimeError(f"{exc}\n--- server output ---\n{server.output()}") from None
        yield server
    finally:
        stop(process)


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=5)
