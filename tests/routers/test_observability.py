"""Structured logs: JSON lines with a request id, an access line per request, nothing personal."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import math
import os
import random
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from fastapi.testclient import TestClient
from uvicorn.protocols.http.h11_impl import H11Protocol
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
from uvicorn.server import ServerState

from app import observability
from app.main import create_app
from app.observability import (
    HeldLines,
    JsonFormatter,
    configure_logging,
    hold_lines,
    iso_ms,
    log_fields,
    new_request_id,
    release,
    request_id_var,
)
from app.settings import Settings
from tests.live import live_server


def log_lines(capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    return [json.loads(line) for line in capsys.readouterr().err.splitlines() if line.strip()]


def access_lines(capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    return [line for line in log_lines(capsys) if line["logger"] == "safesteps.access"]


def test_request_id_is_generated_and_returned(client: TestClient) -> None:
    first = client.get("/healthz").headers["x-request-id"]
    second = client.get("/healthz").headers["x-request-id"]
    assert len(first) == 32
    assert first != second


def test_well_formed_request_id_is_kept(client: TestClient) -> None:
    response = client.get("/healthz", headers={"X-Request-ID": "mdt-7:abc.123"})
    assert response.headers["x-request-id"] == "mdt-7:abc.123"


@pytest.mark.parametrize("bad", ["has space", "x" * 65, "a/b", 'quote"d'])
def test_malformed_request_id_is_replaced(client: TestClient, bad: str) -> None:
    response = client.get("/healthz", headers={"X-Request-ID": bad})
    assert response.headers["x-request-id"] != bad
    assert len(response.headers["x-request-id"]) == 32


def test_access_line_names_the_route_template_not_the_path_or_query(
    client: TestClient, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    response = client.get(
        "/v1/rulesets/concern-for-a-child/versions/9.9.9?name=Zebedee",
        headers={"X-Request-ID": "req-1"},
    )
    assert response.status_code in (401, 404)
    (line,) = access_lines(capsys)
    assert line["request_id"] == "req-1"
    assert line["message"] == "request"
    fields = line["fields"]
    assert fields["method"] == "GET"
    assert fields["route"] == "/v1/rulesets/{ruleset_id}/versions/{version}"
    assert fields["status"] == response.status_code
    assert fields["duration_ms"] >= 0
    assert "Zebedee" not in json.dumps(line)


def test_unmatched_route_logs_no_path(client: TestClient, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert client.get("/no/such/Zebedee").status_code == 404
    (line,) = access_lines(capsys)
    assert line["fields"]["route"] is None
    assert "Zebedee" not in json.dumps(line)


def test_body_too_large_still_gets_a_request_id(client: TestClient) -> None:
    response = client.post("/v1/evaluate", content=b"{" + b" " * 2_000_000 + b"}")
    assert response.status_code == 413
    assert response.json()["error"] == "payload_too_large"
    assert response.headers["x-request-id"]


@pytest.mark.parametrize("protocol", [HttpToolsProtocol, H11Protocol])
def test_uvicorn_never_formats_its_own_access_line(protocol: type[Any]) -> None:
    """uvicorn's access logger is disabled (its line carries the raw path and query), and it reaches
    no handler either: uvicorn asks once a connection whether it has one and, if so, formats the
    line's arguments on every response before the disabled logger drops them."""

    async def app(scope: Any, receive: Any, send: Any) -> None:  # pragma: no cover - never called
        pass

    configure_logging("INFO")
    config = uvicorn.Config(app, log_config=None)
    config.load()
    loop = asyncio.new_event_loop()
    try:
        connection = protocol(config=config, server_state=ServerState(), app_state={}, _loop=loop)
    finally:
        loop.close()
    assert connection.access_log is False
    assert logging.getLogger("uvicorn.access").disabled
    assert logging.getLogger("uvicorn.error").propagate  # uvicorn's other lines still reach ours


def test_formatter_drops_exception_messages_and_unlisted_attributes() -> None:
    try:
        raise ValueError("input_value='Zebedee Quorn'")
    except ValueError as exc:
        record = logging.LogRecord("t", logging.ERROR, __file__, 1, "boom", None, (ValueError, exc, None))
    record.full_name = "Zebedee Quorn"
    line = json.loads(JsonFormatter().format(record))
    assert line["exception"]["type"] == "builtins.ValueError"
    assert "Zebedee" not in json.dumps(line)


def test_unhandled_error_is_a_500_in_the_common_shape_with_a_logged_request_id(
    settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    app = create_app(settings)

    def boom() -> None:
        raise RuntimeError("Zebedee Quorn")

    app.add_api_route("/boom", boom)
    with TestClient(app) as client:
        capsys.readouterr()
        response = client.get("/boom", headers={"X-Request-ID": "req-500"})
    assert response.status_code == 500
    assert response.json() == {
        "error": "internal_error",
        "message": "An unexpected error occurred; it has been logged.",
    }
    assert response.headers["x-request-id"] == "req-500"
    lines = log_lines(capsys)
    (error,) = [line for line in lines if line["message"] == "unhandled error"]
    assert error["request_id"] == "req-500"
    assert error["exception"]["type"] == "builtins.RuntimeError"
    assert "Zebedee" not in json.dumps(lines)


def test_a_line_written_straight_through_the_json_handler_is_the_line_logging_writes(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    configure_logging("INFO")
    root = logging.getLogger()
    # Only the service's JSON handler, as configure_logging leaves it (pytest adds its own).
    ours = [h for h in root.handlers if isinstance(h.formatter, JsonFormatter)]
    monkeypatch.setattr(root, "handlers", ours)
    logger = logging.getLogger("safesteps.access")
    fields = {"method": "POST", "route": "/v1/evaluate", "status": 200, "duration_ms": 1.5, "client_id": None}
    token = request_id_var.set("req-direct")
    try:
        capsys.readouterr()
        with monkeypatch.context() as patched:
            patched.setattr(logger, "makeRecord", None)  # the direct path makes no record
            log_fields(logger, logging.INFO, "request", fields)
        direct = log_lines(capsys)
        logger.addFilter(lambda record: True)  # a filter on the way: through logging, as before
        try:
            log_fields(logger, logging.INFO, "request", fields)
        finally:
            logger.filters.clear()
        through_logging = log_lines(capsys)
    finally:
        request_id_var.reset(token)
    assert len(direct) == len(through_logging) == 1
    assert list(direct[0]) == list(through_logging[0])  # the same keys in the same order
    for line in (direct[0], through_logging[0]):
        line.pop("ts")
    assert direct == through_logging
    assert direct[0]["request_id"] == "req-direct"
    assert direct[0]["fields"] == fields
    logger.setLevel(logging.WARNING)
    try:
        log_fields(logger, logging.INFO, "request", fields)
    finally:
        logger.setLevel(logging.NOTSET)
    assert log_lines(capsys) == []


def json_handler_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """The root logger with only the service's JSON handler, as configure_logging leaves it (pytest
    adds its own for each test's call): the lines ``log_fields`` writes straight through it."""
    configure_logging("INFO")
    root = logging.getLogger()
    ours = [h for h in root.handlers if isinstance(h.formatter, JsonFormatter)]
    monkeypatch.setattr(root, "handlers", ours)


ACCESS_FIELDS = {
    "method": "POST",
    "route": "/v1/evaluate",
    "status": 200,
    "duration_ms": 1.5,
    "client_id": None,
}


def _logged(n: int, start: int = 0) -> None:
    logger = logging.getLogger("safesteps.access")
    for i in range(start, start + n):
        token = request_id_var.set(f"req-{i}")
        try:
            log_fields(logger, logging.INFO, "request", {**ACCESS_FIELDS, "status": 200 + i})
        finally:
            request_id_var.reset(token)


def _without_time(lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in line.items() if k != "ts"} for line in lines]


def test_held_lines_are_the_lines_written_at_once_written_at_the_end_of_the_loop_iteration(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    json_handler_alone(monkeypatch)
    capsys.readouterr()
    _logged(3)  # no loop holding them: written at once
    at_once = log_lines(capsys)

    async def served() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        held = hold_lines()
        try:
            _logged(3)
            during = log_lines(capsys)
            await asyncio.sleep(0)  # the end of the loop's iteration
            return during, log_lines(capsys)
        finally:
            release(held)

    during, after = asyncio.run(served())
    assert during == []
    assert [list(line) for line in after] == [list(line) for line in at_once]  # same keys, same order
    assert _without_time(after) == _without_time(at_once)
    assert [line["request_id"] for line in after] == ["req-0", "req-1", "req-2"]


def test_any_other_line_a_full_hold_and_the_release_write_held_lines_first(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    json_handler_alone(monkeypatch)
    capsys.readouterr()

    async def served() -> list[list[str]]:
        seen = []
        held = hold_lines()
        try:
            _logged(2)
            logging.getLogger("safesteps.errors").error("unhandled error")  # order kept
            seen.append([line["message"] for line in log_lines(capsys)])
            _logged(HeldLines.MAX_HELD)  # a full hold is written without waiting
            seen.append([line["message"] for line in log_lines(capsys)])
            _logged(2)
        finally:
            release(held)  # the service stops: nothing held is lost
        seen.append([line["message"] for line in log_lines(capsys)])
        _logged(1)  # released: written at once again
        seen.append([line["message"] for line in log_lines(capsys)])
        return seen

    assert asyncio.run(served()) == [
        ["request", "request", "unhandled error"],
        ["request"] * HeldLines.MAX_HELD,
        ["request", "request"],
        ["request"],
    ]


def test_lines_from_another_thread_are_written_at_once_after_the_held_ones(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    json_handler_alone(monkeypatch)
    capsys.readouterr()

    async def served() -> list[str | None]:
        held = hold_lines()
        try:
            _logged(2)
            await asyncio.to_thread(_logged, 1, 7)
            return [line.get("request_id") for line in log_lines(capsys)]
        finally:
            release(held)

    assert asyncio.run(served()) == ["req-0", "req-1", "req-7"]


def test_held_lines_go_to_the_stream_they_were_logged_for(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    json_handler_alone(monkeypatch)
    capsys.readouterr()
    other = io.StringIO()

    async def served() -> None:
        held = hold_lines()
        try:
            _logged(1)
            monkeypatch.setattr(sys, "stderr", other)  # a test runner swapping it
            _logged(1, 1)
        finally:
            release(held)

    asyncio.run(served())
    monkeypatch.undo()
    assert [line["request_id"] for line in log_lines(capsys)] == ["req-0"]
    assert [json.loads(line)["request_id"] for line in other.getvalue().splitlines()] == ["req-1"]


def test_the_service_holds_lines_while_it_runs(settings: Settings) -> None:
    app = create_app(settings)
    with TestClient(app):
        assert observability._held is not None
    assert observability._held is None


def test_a_lines_time_is_datetimes_own_text() -> None:
    rng = random.Random(14)
    now = time.time()
    times = [0.0, 0.0005, 0.9995, 0.9999995, 1.0, now, math.floor(now) + 0.9999996]
    times += [rng.uniform(0, 4e9) for _ in range(50_000)]
    times += [math.floor(now) + k / 1000 + d for k in range(1000) for d in (-5e-7, 0.0, 5e-7)]
    for created in times:
        assert iso_ms(created) == datetime.fromtimestamp(created, UTC).isoformat(timespec="milliseconds"), (
            created
        )


def test_fresh_request_ids_are_128_random_bits_never_repeated_nor_shared_with_a_fork() -> None:
    ids = [new_request_id() for _ in range(1000)]
    assert len(set(ids)) == len(ids)
    assert all(len(i) == 32 and int(i, 16) >= 0 for i in ids)
    assert new_request_id("lane-test-1") == "lane-test-1"
    assert len(new_request_id("not ok!")) == 32
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: its next ids, not the parent's next ones
        os.write(write, "".join(new_request_id() for _ in range(8)).encode())
        os._exit(0)
    os.close(write)
    child = os.read(read, 4096).decode()
    os.waitpid(pid, 0)
    parents = [new_request_id() for _ in range(8)]
    assert not {child[i : i + 32] for i in range(0, len(child), 32)} & set(parents)


def test_a_served_process_stopped_cleanly_has_written_every_requests_access_line(tmp_path: Path) -> None:
    """``safesteps serve`` under concurrent requests (lines held per loop iteration), then SIGTERM:
    one access line per answered request, none lost."""

    async def load(url: str) -> int:
        async with httpx.AsyncClient(base_url=url) as client:
            answers = await asyncio.gather(*(client.get("/no/such/path") for _ in range(200)))
        return sum(answer.status_code == 404 for answer in answers)

    with live_server(tmp_path) as server:
        answered = asyncio.run(load(server.url))
    lines = [json.loads(line) for line in server.output().splitlines() if line.startswith("{")]
    access = [line for line in lines if line["logger"] == "safesteps.access"]
    assert answered == 200
    unmatched = [line for line in access if line["fields"]["route"] is None]  # not the readiness probe's
    assert len(unmatched) == answered
    assert len({line["request_id"] for line in unmatched}) == answered
