"""The input guard's body-size limit: 413 first, while streaming too, and the app told the client left."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from starlette.types import Message, Receive, Scope, Send

from app.http.input_guard import InputGuard

LIMIT = 100


def scope(method: str, path: str, headers: list[tuple[bytes, bytes]]) -> Scope:
    return {"type": "http", "method": method, "path": path, "query_string": b"", "headers": headers}


def run(guard: InputGuard, scope: Scope, chunks: list[bytes]) -> list[Message]:
    messages = [
        {"type": "http.request", "body": chunk, "more_body": i < len(chunks) - 1}
        for i, chunk in enumerate(chunks)
    ]
    sent: list[Message] = []

    async def receive() -> Message:
        return messages.pop(0) if messages else {"type": "http.disconnect"}

    async def send(message: Message) -> None:
        sent.append(message)

    asyncio.run(guard(scope, receive, send))
    return sent


class App:
    """Reads the whole body, then answers 200 with it."""

    def __init__(self) -> None:
        self.received: list[Message] = []

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        body = b""
        while True:
            message = await receive()
            self.received.append(message)
            if message["type"] != "http.request":
                break
            body += message.get("body", b"")
            if not message.get("more_body", False):
                break
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": body})


def status_and_error(sent: list[Message]) -> tuple[int, Any]:
    starts = [m for m in sent if m["type"] == "http.response.start"]
    assert len(starts) == 1, sent  # exactly one response
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return starts[0]["status"], json.loads(body)["error"] if starts[0]["status"] != 200 else body


def test_a_content_length_over_the_limit_is_refused_before_the_headers_are_counted() -> None:
    app = App()
    guard = InputGuard(app, max_body_bytes=LIMIT, max_headers=2)
    headers = [(b"x-a", b"1"), (b"x-b", b"2"), (b"content-length", str(LIMIT + 1).encode())]
    assert status_and_error(run(guard, scope("POST", "/v1/evaluate", headers), [b"{}"])) == (
        413,
        "payload_too_large",
    )
    assert app.received == []  # never called
    assert status_and_error(run(guard, scope("POST", "/v1/evaluate", headers[1:2]), [b"{}"])) == (200, b"{}")


@pytest.mark.parametrize(
    ("method", "path"),
    [("POST", "/v1/evaluate"), ("PUT", "/v1/x"), ("POST", "/v1/checklists:batch"), ("DELETE", "/v1/x")],
)
def test_a_streamed_body_over_the_limit_is_refused_and_the_app_told_the_client_left(
    method: str, path: str
) -> None:
    app = App()
    guard = InputGuard(app, max_body_bytes=LIMIT, per_item=frozenset({"/v1/checklists:batch"}))
    sent = run(guard, scope(method, path, []), [b"x" * 60, b"x" * 60, b"x" * 60])
    assert status_and_error(sent) == (413, "payload_too_large")  # the app's own 200 was dropped
    assert app.received[-1] == {"type": "http.disconnect"}
    within = run(guard, scope(method, path, []), [b"x" * 50, b"x" * 50])
    assert status_and_error(within) == (200, b"x" * 100)
