"""HTTP and identity hardening: one Authorization header, X-Forwarded-For believed only from the
configured proxies, API documents that can be switched off, workers that do not outlive their
supervisor."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
from fastapi.testclient import TestClient

from app.main import create_app
from app.settings import PROJECT_ROOT, Settings
from tests.auth import credentials_for
from tests.live import free_port


def test_two_authorization_headers_are_refused(settings: Settings) -> None:
    with TestClient(create_app(settings)) as client:
        creds = credentials_for(client.app)  # type: ignore[arg-type]
        good = creds.headers("auditor")["Authorization"]
        assert client.get("/v1/rulesets", headers={"Authorization": good}).status_code == 200
        both = client.get("/v1/rulesets", headers=[("Authorization", good), ("Authorization", good)])
        assert both.status_code == 401
        assert both.json() == {"error": "unauthorized", "message": "Send exactly one Authorization header."}


def recorded_address(settings: Settings, forwarded: str) -> str | None:
    with TestClient(create_app(settings)) as client:
        creds = credentials_for(client.app)  # type: ignore[arg-type]
        headers = {**creds.headers("auditor"), "X-Forwarded-For": forwarded}
        assert client.get("/v1/incidents", headers=headers).status_code == 200
        events = client.get("/v1/audit/access", headers=creds.headers("auditor")).json()["items"]
    listed: list[dict[str, str | None]] = [e for e in events if e["action"] == "incident.list"]
    return listed[0]["client_ip"]


def test_x_forwarded_for_is_ignored_unless_the_peer_is_a_trusted_proxy(settings: Settings) -> None:
    # TestClient connects from the address "testclient".
    assert recorded_address(settings, "203.0.113.9") == "testclient"
    trusting = Settings(**{**settings.model_dump(), "trusted_proxies": "10.0.0.5, testclient"})
    assert recorded_address(trusting, "203.0.113.9") == "203.0.113.9"
    other = Settings(**{**settings.model_dump(), "trusted_proxies": "10.0.0.0/8"})
    assert recorded_address(other, "203.0.113.9") == "testclient"


def test_the_api_documents_can_be_switched_off(settings: Settings) -> None:
    with TestClient(create_app(settings)) as client:
        assert client.get("/openapi.json").status_code == 200
    off = Settings(**{**settings.model_dump(), "api_docs": "off"})
    with TestClient(create_app(off)) as client:
        assert [client.get(p).status_code for p in ("/docs", "/redoc", "/openapi.json")] == [404, 404, 404]
        assert client.get("/healthz").status_code == 200


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_workers_exit_when_their_supervisor_is_killed(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "SAFESTEPS_DATABASE_URL": f"sqlite:///{tmp_path / 'sup.db'}",
        "SAFESTEPS_REPLAY_WORKER": "false",
        "SAFESTEPS_LOG_LEVEL": "WARNING",
    }
    port = free_port()
    serve = [str(Path(sys.executable).parent / "safesteps"), "serve", "--port", str(port), "--workers", "2"]
    supervisor = subprocess.Popen(
        serve,
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                    workers = [
                        p
                        for p in _children(supervisor.pid)
                        if "spawn" in Path(f"/proc/{p}/cmdline").read_text()
                    ]
                    if len(workers) == 2:
                        break
            except (httpx.TransportError, OSError):
                pass
            time.sleep(0.2)
        assert len(workers) == 2, "two workers did not start"
        supervisor.send_signal(signal.SIGKILL)
        supervisor.wait(timeout=10)
        deadline = time.monotonic() + 40
        while time.monotonic() < deadline and any(_alive(p) for p in workers):
            time.sleep(0.2)
        assert not any(_alive(p) for p in workers), "orphaned workers live on"
    finally:
        for pid in [supervisor.pid, *workers]:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


def _serve(tmp_path: Path, port: int) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "SAFESTEPS_DATABASE_URL": f"sqlite:///{tmp_path / 'slow.db'}",
        "SAFESTEPS_REPLAY_WORKER": "false",
        "SAFESTEPS_LOG_LEVEL": "WARNING",
        "SAFESTEPS_CLIENT_TIMEOUT_SECONDS": "1.5",
        "SAFESTEPS_MAX_HEADER_BYTES": "4096",
        "SAFESTEPS_MAX_HEADERS": "20",
    }
    proc = subprocess.Popen(
        [str(Path(sys.executable).parent / "safesteps"), "serve", "--port", str(port)],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return proc
        except httpx.TransportError:
            time.sleep(0.1)
    proc.kill()
    raise AssertionError("the server did not start")


def test_slow_clients_are_cut_off_and_heads_are_bounded(tmp_path: Path) -> None:
    import socket

    port = free_port()
    proc = _serve(tmp_path, port)
    try:
        # A slowloris: a byte of header every half second never completes a request in time.
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
            sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
            started = time.monotonic()
            closed = False
            for _ in range(20):
                try:
                    sock.sendall(b"X")
                    sock.settimeout(0.5)
                    if sock.recv(1024) == b"":
                        closed = True
                        break
                except TimeoutError:
                    continue
                except OSError:
                    closed = True
                    break
            assert closed, "the slow client was never cut off"
            assert time.monotonic() - started < 5
        # A client that connects and sends nothing is cut off too.
        with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
            assert sock.recv(1024) == b""
        # Heads beyond the limits.
        big = httpx.get(f"http://127.0.0.1:{port}/healthz", headers={"X-Big": "a" * 8000}, timeout=5)
        assert (big.status_code, big.json()["error"]) == (431, "headers_too_large")
        many = httpx.get(
            f"http://127.0.0.1:{port}/healthz", headers={f"X-H{i}": "1" for i in range(30)}, timeout=5
        )
        assert (many.status_code, many.json()["error"]) == (431, "headers_too_large")
        assert httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=5).status_code == 200
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_responses_are_never_cached_or_sniffed(settings: Settings) -> None:
    with TestClient(create_app(settings)) as client:
        creds = credentials_for(client.app)  # type: ignore[arg-type]
        for response in (
            client.get("/v1/incidents", headers=creds.headers("auditor")),
            client.get("/v1/incidents/WMP-404", headers=creds.headers("auditor")),
            client.get("/v1/incidents"),
        ):
            assert response.headers["cache-control"] == "no-store"
            assert response.headers["x-content-type-options"] == "nosniff"
