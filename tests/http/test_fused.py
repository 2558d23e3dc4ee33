"""The fused lane answers every request it takes exactly as the middleware stack does: every ASGI
message sent (status, headers, body), the access line and the request counters."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from starlette.types import Message

from app import metrics
from app.http.compression import Compression
from app.http.fused import FusedLane
from app.main import create_app
from app.routers import evaluate as route_module
from app.settings import Settings
from benchmarks.corpus import generate, request_body
from tests.auth import credentials_for

Headers = list[tuple[bytes, bytes]]
BODY = json.dumps(request_body(generate(1, seed=5)[0], "scene.depart")).encode()


@contextmanager
def running(settings: Settings, *, fused: bool) -> Iterator[FastAPI]:
    app = create_app(settings)
    app.fuse_lane = fused  # type: ignore[attr-defined]
    with TestClient(app):  # the lifespan
        yield app


@pytest.fixture
def apps(settings: Settings) -> Iterator[tuple[FastAPI, FastAPI]]:
    with running(settings, fused=True) as fused, running(settings, fused=False) as stacked:
        assert isinstance(fused.middleware_stack, FusedLane)
        assert not isinstance(stacked.middleware_stack, FusedLane)
        yield fused, stacked


def exchange(
    app: FastAPI,
    received: list[Message],
    headers: Headers,
    *,
    path: str = "/v1/evaluate",
    query: bytes = b"",
    method: str = "POST",
) -> list[Message]:
    """Every message ``app`` sends for one request whose ``receive`` gives ``received`` in turn
    (then a disconnect)."""
    sent: list[Message] = []
    waiting = list(received)

    async def receive() -> Message:
        return waiting.pop(0) if waiting else {"type": "http.disconnect"}

    async def send(message: Message) -> None:
        sent.append(message)

    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method,
        "scheme": "http", "path": path, "raw_path": path.encode(), "root_path": "", "query_string": query,
        "headers": headers, "client": ("127.0.0.1", 50000), "server": ("testserver", 80), "state": {},
    }  # fmt: skip
    asyncio.run(app(scope, receive, send))
    return sent


def counted(status: int, route: str) -> float:
    return metrics.HTTP_REQUESTS_BY("POST", route, str(status))._value.get()  # type: ignore[no-any-return]


def whole(body: bytes) -> list[Message]:
    return [{"type": "http.request", "body": body, "more_body": False}]


def chunked(body: bytes, size: int) -> list[Message]:
    parts = [body[i : i + size] for i in range(0, len(body), size)]
    return [{"type": "http.request", "body": p, "more_body": i < len(parts) - 1} for i, p in enumerate(parts)]


def cases(settings: Settings, auth: Headers) -> list[tuple[str, list[Message], Headers, bytes]]:
    """(name, received, headers, query) for every way a lane request can go."""
    json_type = [(b"content-type", b"application/json")]
    length = [(b"content-length", str(len(BODY)).encode())]
    plain = [*json_type, *auth, *length, (b"x-request-id", b"fused-1")]
    too_big = b'{"checklist": "' + b"x" * (settings.max_body_bytes + 1) + b'"}'
    unsafe = json.dumps({**json.loads(BODY), "hook": "a\u0000b"}).encode()
    return [
        ("evaluated", whole(BODY), plain, b""),
        ("evaluated in parts", chunked(BODY, 1000), [*json_type, *auth], b""),
        ("gzip", whole(BODY), [*plain, (b"accept-encoding", b"br, gzip")], b""),
        ("a generated request id", whole(BODY), [*json_type, *auth, (b"x-request-id", b"not ok!")], b""),
        ("too large by its length", whole(too_big), [*plain[:-2], (b"content-length", b"99999999")], b""),
        ("too large as it streams", chunked(too_big, 4096), [*json_type, *auth], b""),
        ("too many headers", whole(BODY), [*plain, *[(b"x-a", b"1")] * settings.max_headers], b""),
        ("unsafe query", whole(BODY), plain, b"x=%00"),
        ("unsafe body", whole(unsafe), [*json_type, *auth], b""),
        ("gone before the body", [{"type": "http.disconnect"}], plain, b""),
        ("malformed", whole(b"{"), [*json_type, *auth], b""),
        ("invalid", whole(b"{}"), [*json_type, *auth], b""),
        ("not JSON", whole(BODY), [(b"content-type", b"text/plain"), *auth], b""),
        ("no credential", whole(BODY), json_type, b""),
        ("a wrong key", whole(BODY), [*json_type, (b"authorization", b"Bearer ss_not-a-real-key")], b""),
    ]


def answers(
    app: FastAPI, received: list[Message], headers: Headers, query: bytes,
    caplog: pytest.LogCaptureFixture,
) -> tuple[list[Message], list[dict[str, Any]], dict[str, float]]:  # fmt: skip
    """The messages sent, the access lines (without their duration, and with a generated request
    id masked) and how the request counters moved."""
    kinds = [(s, r) for s in (200, 400, 401, 413, 415, 422, 431, 500) for r in ("/v1/evaluate", "unmatched")]
    before = {kind: counted(*kind) for kind in kinds}
    caplog.clear()
    with caplog.at_level("INFO", logger="safesteps.access"):
        sent = exchange(app, received, headers, query=query)
    lines = []
    for record in caplog.records:
        if record.name == "safesteps.access":
            fields = dict(record.fields)  # type: ignore[attr-defined]
            fields.pop("duration_ms")
            lines.append(fields)
    for message in sent:
        if message["type"] == "http.response.start":
            generated = b"<generated>"
            message["headers"] = [
                (k, generated if k == b"x-request-id" and v != b"fused-1" else v)
                for k, v in message["headers"]
            ]
    moved = {f"{s} {r}": counted(s, r) - n for (s, r), n in before.items() if counted(s, r) != n}
    return sent, lines, moved


def _masked(name: bytes, value: bytes) -> bytes:
    return b"<generated>" if name == b"x-request-id" and value != b"fused-1" else value


def test_every_lane_request_is_answered_as_the_stack_answers_it(
    apps: tuple[FastAPI, FastAPI], settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    fused, stacked = apps
    token = credentials_for(fused).headers("control_room")["Authorization"]
    statuses = set()
    for name, received, headers, query in cases(settings, [(b"authorization", token.encode())]):
        got = answers(fused, received, headers, query, caplog)
        expected = answers(stacked, received, headers, query, caplog)
        assert got == expected, name
        assert len(got[1]) == 1, name  # one access line, one count
        assert sum(got[2].values()) == 1, name
        statuses.add(got[1][0]["status"])
    assert statuses == {200, 400, 401, 413, 415, 422, 431, 500}


@pytest.mark.parametrize("minimum", [0, 10**9])
def test_a_decision_under_or_over_compression_s_minimum_is_sent_as_the_stack_sends_it(
    apps: tuple[FastAPI, FastAPI], caplog: pytest.LogCaptureFixture, minimum: int
) -> None:
    """The lane's own start-and-body for a JSON 200 (``vary`` only past the minimum size)."""
    fused, stacked = apps
    token = credentials_for(fused).headers("control_room")["Authorization"]
    headers = [(b"content-type", b"application/json"), (b"authorization", token.encode())]
    for app in apps:
        node: Any = app.middleware_stack
        while not isinstance(node, Compression):
            node = node.compression if isinstance(node, FusedLane) else node.app
        node.minimum_size = minimum
    got = answers(fused, whole(BODY), headers, b"", caplog)
    assert got == answers(stacked, whole(BODY), headers, b"", caplog)
    assert got[0][0]["status"] == 200
    assert ((b"vary", b"Accept-Encoding") in got[0][0]["headers"]) is (minimum == 0)


def test_an_endpoint_that_raises_is_answered_as_the_stack_answers_it(
    apps: tuple[FastAPI, FastAPI], caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("a bug")

    monkeypatch.setattr(route_module, "evaluate_checklist", broken)
    fused, stacked = apps
    token = credentials_for(fused).headers("control_room")["Authorization"]
    headers = [(b"content-type", b"application/json"), (b"authorization", token.encode())]
    got = answers(fused, whole(BODY), headers, b"", caplog)
    assert got == answers(stacked, whole(BODY), headers, b"", caplog)
    assert got[0][0]["status"] == 500
    assert json.loads(got[0][1]["body"])["error"] == "internal_error"


def test_other_requests_go_through_the_stack(apps: tuple[FastAPI, FastAPI]) -> None:
    fused, stacked = apps
    for method, path in (("GET", "/healthz"), ("GET", "/v1/evaluate"), ("POST", "/v1/evaluate/")):
        headers = [(b"x-request-id", b"other-1")]
        got, expected = (
            exchange(app, whole(b""), headers, path=path, method=method) for app in (fused, stacked)
        )
        assert got == expected, (method, path)


def test_with_tracing_the_stack_serves_the_lane(settings: Settings) -> None:
    app = create_app(settings.model_copy(update={"tracing": True}))
    assert not isinstance(app.build_middleware_stack(), FusedLane)


def test_behind_a_trusted_proxy_the_client_is_the_forwarded_one(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    proxied = settings.model_copy(update={"trusted_proxies": "127.0.0.1"})
    headers = [
        (b"content-type", b"application/json"),
        (b"authorization", b"Bearer ss_not-a-real-key"),
        (b"x-forwarded-for", b"203.0.113.9"),
    ]
    seen = []
    for fused in (True, False):
        with running(proxied, fused=fused) as app:
            assert isinstance(app.middleware_stack, FusedLane) is fused
            caplog.clear()
            with caplog.at_level("WARNING", logger="safesteps.auth"):
                [start, _] = exchange(app, whole(BODY), headers)
            assert start["status"] == 401
            [refused] = [r for r in caplog.records if r.name == "safesteps.auth"]
            seen.append(refused.fields["client_ip"])  # type: ignore[attr-defined]
    assert seen == ["203.0.113.9", "203.0.113.9"]
